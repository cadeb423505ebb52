"""The read side of ``newsgraph serve``: the questions the web API asks of a corpus database.

The server opens the database with :class:`newsgraph.store.Store` and reads the store's own
typed tables (``articles``, ``entities``, ``mentions``, ``quotes``, ``events``, ``places``), its
corpus-level actors (``actors`` and ``actor_entities``: one person or organisation across
articles, "Rubio" joined to "Marco Rubio"), its corpus events (``corpus_events``: one real-world
event reported by several outlets) and its full-text index (tantivy, BM25). Nothing is derived at
start-up, so opening a corpus takes the same time whatever its size; ``newsgraph ingest`` keeps
the derived tables current. A writable server refreshes them after each stored article.

Every query runs on its own cursor with a time limit: past it the query is interrupted and
:class:`QueryTimeoutError` is raised.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.records import Article
from newsgraph.store import Store
from newsgraph.store import _search as store_search

logger = logging.getLogger(__name__)

# Time limit of one query, seconds. Every canned query runs in well under 1 s on the 6,000-article
# AllSides corpus (bench/bench_serve.py); the limit only stops pathological requests.
DEFAULT_QUERY_TIMEOUT = 5.0

# Most search hits ranked: a person reads the first pages; deeper pages are refused by the API's
# offset cap long before this.
MAX_SEARCH_HITS = 1000

# Time limit of building the network's edge table (once, on the first network request).
NETWORK_BUILD_TIMEOUT = 60.0

# Reports listed with each corpus event (the rest are counted).
MAX_EVENT_ARTICLES = 10


class CorpusError(NewsgraphError):
    """The database cannot be served (missing file, not a newsgraph corpus)."""


class QueryTimeoutError(NewsgraphError):
    """A query ran past its time limit and was interrupted."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One page of a list: ``items`` from ``offset``, and how many there are in all."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


# An event's source and target entities, with their corpus actor (source_actor / target_actor)
# and entity (source_ent / target_ent).
_JOIN_EVENT_ACTORS = """
    LEFT JOIN actor_entities source_link
      ON source_link.article_id = e.article_id AND source_link.entity_id = e.source_entity
    LEFT JOIN actors source_actor ON source_actor.actor_id = source_link.actor_id
    LEFT JOIN actor_entities target_link
      ON target_link.article_id = e.article_id AND target_link.entity_id = e.target_entity
    LEFT JOIN actors target_actor ON target_actor.actor_id = target_link.actor_id"""

# The day an event happened: its own date when it has a calendar one, else the publication day.
_EVENT_DAY = "coalesce(TRY_CAST(e.date AS DATE), a.published_date)"


class Corpus:
    """A corpus database opened for serving. Thread-safe: each query has its own cursor."""

    def __init__(
        self,
        path: str | Path,
        *,
        writable: bool = False,
        query_timeout: float = DEFAULT_QUERY_TIMEOUT,
    ) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise CorpusError(f"no database at {self.path}")
        self.writable = writable
        self.query_timeout = query_timeout
        self._write_lock = threading.Lock()
        # The search index is opened per search and replaced whole on a rebuild: one at a time.
        self._search_lock = threading.Lock()
        self._edges_lock = threading.Lock()
        self._edges: pa.Table | None = None
        try:
            self.store = Store.open(self.path, read_only=not writable)
        except StoreError as error:
            raise CorpusError(str(error)) from None
        self.connection = self.store.connection
        if not self.store.has_column("events", "source_entity"):
            self.store.close()
            raise CorpusError(
                f"{self.path}: its events table predates event actors' entity ids; run"
                " `newsgraph ingest` on it once (it adds the columns) or re-ingest the articles"
            )
        self._has_clusters = self.store.has_table("corpus_events")
        if writable:
            self._refresh()
        elif not (self.store.actors_current() and self.store.search_current()):
            logger.warning(
                "%s: corpus actors or search index are older than the articles (an interrupted"
                " ingest?); run `newsgraph ingest` again to bring them up to date",
                self.path,
            )
        # The network's edge table, made in the background so the first network view is fast.
        threading.Thread(target=self._warm, name="newsgraph-serve-warm", daemon=True).start()

    def _warm(self) -> None:
        try:
            self._edge_days()
        except Exception as error:  # the corpus was closed meanwhile, or the build timed out
            logger.debug("network edges not prepared in advance: %s", error)

    def _refresh(self) -> None:
        """Bring the derived tables up to date, as ``newsgraph ingest`` does after a run."""
        self.store.rebuild_actors()
        self.store.rebuild_duplicates()
        if self._has_clusters:
            self.store.rebuild_event_clusters()
        with self._search_lock:
            self.store.rebuild_search_index()

    def add(self, article: Article) -> None:
        """Store an analysed article and refresh the corpus actors, events and search index."""
        if not self.writable:
            raise CorpusError("the corpus is open read-only")
        with self._write_lock:
            self.store.write([article])
            self._refresh()
            with self._edges_lock:
                self._edges = None

    # --- running queries ----------------------------------------------------------------

    @contextmanager
    def _cursor(self, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self.connection.cursor()
        timer = threading.Timer(timeout or self.query_timeout, cursor.interrupt)
        timer.start()
        try:
            yield cursor
        except duckdb.InterruptException:
            raise QueryTimeoutError(
                f"the query ran longer than {timeout or self.query_timeout:g} s and was stopped"
            ) from None
        finally:
            timer.cancel()
            cursor.close()

    def _arrow(self, sql: str) -> pa.Table:
        with self._cursor(timeout=NETWORK_BUILD_TIMEOUT) as cursor:
            return cursor.execute(sql).to_arrow_table()

    def _rows(
        self,
        sql: str,
        params: dict[str, Any] | None = None,
        *,
        tables: dict[str, pa.Table] | None = None,
    ) -> list[dict[str, Any]]:
        with self._cursor() as cursor:
            for name, table in (tables or {}).items():
                cursor.register(name, table)
            result = cursor.execute(sql, params or {})
            names = [column[0] for column in result.description or ()]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def _page(self, sql: str, params: dict[str, Any], limit: int, offset: int, order: str) -> Page:
        """A page of ``sql``'s rows in ``order``, with the total count."""
        with self._cursor() as cursor:
            total_row = cursor.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
        rows = self._rows(
            f"SELECT * FROM ({sql}) ORDER BY {order} LIMIT $limit OFFSET $offset",
            {**params, "limit": limit, "offset": offset},
        )
        return Page(
            total=int(total_row[0]) if total_row else 0, limit=limit, offset=offset, items=rows
        )

    def _details(self, page: Page, sql: str) -> Page:
        """``page``'s rows (article_id, ord) filled in by ``sql``, which reads them as ``_keys``."""
        keys = [(item["article_id"], item["ord"]) for item in page.items]
        rows = self._rows(
            "WITH _keys AS (SELECT unnest($a) AS article_id, unnest($o) AS ord) " + sql,
            {"a": [key[0] for key in keys], "o": [key[1] for key in keys]},
        )
        by_key = {(row["article_id"], row["ord"]): row for row in rows}
        return Page(
            total=page.total,
            limit=page.limit,
            offset=page.offset,
            items=[by_key[key] for key in keys if key in by_key],
        )

    # --- articles -----------------------------------------------------------------------

    def articles(
        self,
        *,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        limit: int,
        offset: int,
    ) -> Page:
        clauses, params = _date_clauses("a.published_date", since, until)
        if source is not None:
            clauses.append("a.source = $source")
            params["source"] = source
        if actor is not None:
            clauses.append(
                "a.id IN (SELECT article_id FROM actor_entities WHERE actor_id = $actor)"
            )
            params["actor"] = actor
        sql = "SELECT a.id, a.published FROM articles a" + _where(clauses)
        page = self._page(sql, params, limit, offset, "published DESC NULLS LAST, id")
        ids = [item["id"] for item in page.items]
        rows = self._rows(
            f"""SELECT a.id, a.source, a.url, a.title, a.authors, a.published, a.language,
                      length(a.text) AS chars,
                      coalesce(n_entities.n, 0) AS n_entities,
                      coalesce(n_quotes.n, 0) AS n_quotes,
                      coalesce(n_events.n, 0) AS n_events
               FROM articles a
               {_counted("entities")} {_counted("quotes")} {_counted("events")}
               WHERE a.id IN (SELECT unnest($ids))""",
            {"ids": ids},
        )
        by_id = {row["id"]: row for row in rows}
        return Page(total=page.total, limit=limit, offset=offset, items=[by_id[i] for i in ids])

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The full record of one article with its entities' actor ids, or None."""
        rows = self._rows("SELECT record FROM articles WHERE id = $id", {"id": article_id})
        if not rows:
            return None
        stored = rows[0]["record"]
        record: dict[str, Any] = json.loads(stored) if isinstance(stored, str) else stored
        actors = self._rows(
            "SELECT entity_id, actor_id FROM actor_entities WHERE article_id = $id",
            {"id": article_id},
        )
        return {
            "record": record,
            "actors": {item["entity_id"]: item["actor_id"] for item in actors},
        }

    def sources(self) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT source, count(*) AS articles FROM articles WHERE source IS NOT NULL"
            " GROUP BY source ORDER BY articles DESC, source"
        )

    def stats(self) -> dict[str, Any]:
        rows = self._rows(
            """SELECT (SELECT count(*) FROM articles) AS articles,
                      (SELECT count(*) FROM actors) AS actors,
                      (SELECT count(*) FROM quotes) AS quotes,
                      (SELECT count(*) FROM events) AS events,
                      (SELECT count(*) FROM places) AS places,
                      (SELECT min(published_date) FROM articles) AS first_day,
                      (SELECT max(published_date) FROM articles) AS last_day"""
        )
        return rows[0]

    # --- actors -------------------------------------------------------------------------

    def actors(
        self, *, query: str | None = None, type: str | None = None, limit: int, offset: int
    ) -> Page:
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if query:
            clauses.append(
                "(name ILIKE $pattern ESCAPE '\\'"
                " OR len(list_filter(aliases, x -> x ILIKE $pattern ESCAPE '\\')) > 0)"
            )
            params["pattern"] = f"%{_like_escape(query)}%"
        if type:
            clauses.append("type = $type")
            params["type"] = type
        sql = """SELECT actor_id AS id, name, type, country, sector, articles, mentions,
                      coalesce(quotes, 0) AS quotes
               FROM actors""" + _where(clauses)
        return self._page(sql, params, limit, offset, "articles DESC, mentions DESC, id")

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        rows = self._rows(
            """SELECT actor_id AS id, name, type, country, sector, articles, mentions,
                      aliases, CAST(titles AS VARCHAR) AS titles
               FROM actors WHERE actor_id = $id""",
            {"id": actor_id},
        )
        if not rows:
            return None
        actor = rows[0]
        titles = json.loads(actor.pop("titles") or "[]")
        actor["titles"] = [
            {"text": str(title.get("title", "")), "count": int(title.get("articles") or 0)}
            for title in sorted(titles, key=lambda t: -int(t.get("articles") or 0))
            if str(title.get("title", "")).strip()
        ][:20]
        actor["aliases"] = sorted(actor["aliases"] or [])
        actor["timeline"] = self._rows(
            """SELECT strftime(date_trunc('week', a.published_date), '%Y-%m-%d') AS week,
                      count(DISTINCT ae.article_id) AS articles
               FROM actor_entities ae JOIN articles a ON a.id = ae.article_id
               WHERE ae.actor_id = $id AND a.published_date IS NOT NULL
               GROUP BY week ORDER BY week""",
            {"id": actor_id},
        )
        return actor

    # --- quotes and events --------------------------------------------------------------

    def quotes(
        self,
        *,
        speaker: str | None = None,
        article: str | None = None,
        kind: str | None = None,
        query: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int,
        offset: int,
    ) -> Page:
        clauses, params = _date_clauses("a.published_date", since, until)
        if speaker is not None:
            # The speaker's entities first: a semi-join on a few rows, not a join of every quote.
            clauses.append(
                "(q.article_id, q.speaker) IN"
                " (SELECT (article_id, entity_id) FROM actor_entities WHERE actor_id = $speaker)"
            )
            params["speaker"] = speaker
        if article is not None:
            clauses.append("q.article_id = $article")
            params["article"] = article
        if kind is not None:
            clauses.append("q.kind = $kind")
            params["kind"] = kind
        if query:
            clauses.append("q.text ILIKE $pattern ESCAPE '\\'")
            params["pattern"] = f"%{_like_escape(query)}%"
        keys = """SELECT q.article_id, q.ordinal AS ord, a.published
               FROM quotes q JOIN articles a ON a.id = q.article_id""" + _where(clauses)
        page = self._page(keys, params, limit, offset, "published DESC NULLS LAST, article_id, ord")
        return self._details(
            page,
            """SELECT q.article_id, q.ordinal AS ord, q.text, q.kind, q.speaker_name,
                      s.actor_id AS speaker_actor, q.via, q.span_start, q.span_end,
                      a.title, a.source, a.published
               FROM _keys k JOIN quotes q ON q.article_id = k.article_id AND q.ordinal = k.ord
               JOIN articles a ON a.id = q.article_id
               LEFT JOIN actor_entities s
                 ON s.article_id = q.article_id AND s.entity_id = q.speaker""",
        )

    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        type: str | None = None,
        quad_class: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        asserted_by: str | None = None,
        hedged: bool | None = None,
        negated: bool | None = None,
        article: str | None = None,
        limit: int,
        offset: int,
    ) -> Page:
        clauses, params = _date_clauses(_EVENT_DAY, since, until)
        for name, value in (("source", source), ("target", target)):
            if value is not None:
                clauses.append(_side_matches(name, name))
                params[name] = value
        equal: tuple[tuple[str, str, object], ...] = (
            ("type", "e.type", type),
            ("quad_class", "e.quad_class", quad_class),
            ("outlet", "a.source", outlet),
            ("article", "e.article_id", article),
            ("hedged", "e.hedged", hedged),
            ("negated", "e.negated", negated),
        )
        for name, column, given in equal:
            if given is not None:
                clauses.append(f"{column} = ${name}")
                params[name] = given
        if asserted_by is not None:
            clauses.append("(e.asserted_by_entity = $asserted_by OR e.asserted_by = $asserted_by)")
            params["asserted_by"] = asserted_by
        keys = (
            "SELECT e.article_id, e.ordinal AS ord, a.published"
            " FROM events e JOIN articles a ON a.id = e.article_id" + _where(clauses)
        )
        page = self._page(keys, params, limit, offset, "published DESC NULLS LAST, article_id, ord")
        return self._details(
            page,
            """SELECT e.article_id, e.ordinal AS ord, e.type, e.mode, e.quad_class,
                      coalesce(e.source_entity, e.source) AS source,
                      source_actor.actor_id AS source_actor,
                      coalesce(source_actor.name, e.source) AS source_name,
                      coalesce(e.target_entity, e.target) AS target,
                      target_actor.actor_id AS target_actor,
                      coalesce(target_actor.name, e.target) AS target_name,
                      coalesce(e.asserted_by_entity, e.asserted_by) AS asserted_by,
                      e.negated, e.hedged, e.modality, e.date, e.place,
                      e.trigger_start, e.trigger_end, a.title, a.source AS outlet, a.published
               FROM _keys k JOIN events e ON e.article_id = k.article_id AND e.ordinal = k.ord
               JOIN articles a ON a.id = e.article_id"""
            + _JOIN_EVENT_ACTORS,
        )

    def dyad(self, first: str, second: str, *, both_ways: bool = True) -> list[dict[str, Any]]:
        """Events per week and quad class between two actors (ids, names or country codes)."""
        forward = f"({_side_matches('source', 'first')} AND {_side_matches('target', 'second')})"
        backward = f"({_side_matches('source', 'second')} AND {_side_matches('target', 'first')})"
        condition = f"({forward} OR {backward})" if both_ways else forward
        return self._rows(
            f"""SELECT strftime(date_trunc('week', {_EVENT_DAY}), '%Y-%m-%d') AS week,
                       coalesce(e.quad_class, 'unknown') AS quad_class, count(*) AS events
                FROM events e JOIN articles a ON a.id = e.article_id
                WHERE {condition} AND {_EVENT_DAY} IS NOT NULL
                GROUP BY ALL ORDER BY week, quad_class""",
            {"first": first, "second": second},
        )

    def corpus_events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        min_sources: int = 0,
        since: str | None = None,
        until: str | None = None,
        limit: int,
        offset: int,
    ) -> Page:
        """Real-world events: article events grouped across reports, most-reported first.

        Each carries up to :data:`MAX_EVENT_ARTICLES` of the articles that report it.
        """
        if not self._has_clusters:
            return Page(total=0, limit=limit, offset=offset, items=[])
        clauses, params = _date_clauses("ce.first_date", since, until)
        clauses.append("ce.num_sources >= $min_sources")
        params["min_sources"] = min_sources
        if actor is not None:
            clauses.append(
                "($actor IN (ce.source, ce.target) OR lower(ce.source_name) = lower($actor)"
                " OR lower(ce.target_name) = lower($actor))"
            )
            params["actor"] = actor
        if type is not None:
            clauses.append("upper(ce.type) = upper($type)")
            params["type"] = type
        sql = """SELECT ce.event_id AS id, ce.type, ce.quad_class,
                      ce.source AS source_key, ce.source_name AS source,
                      ce.target AS target_key, ce.target_name AS target,
                      strftime(ce.first_date, '%Y-%m-%d') AS first_date,
                      strftime(ce.last_date, '%Y-%m-%d') AS last_date,
                      ce.num_events AS events, ce.num_articles AS articles,
                      ce.num_stories AS stories, ce.num_sources AS outlets
               FROM corpus_events ce""" + _where(clauses)
        page = self._page(sql, params, limit, offset, "outlets DESC, stories DESC, first_date, id")
        members = self._rows(
            f"""SELECT m.event_id, m.article_id, min(m.ordinal) AS ord, any_value(a.title) AS title,
                      any_value(a.source) AS outlet, any_value(a.published) AS published
               FROM corpus_event_members m JOIN articles a ON a.id = m.article_id
               WHERE m.event_id IN (SELECT unnest($ids))
               GROUP BY m.event_id, m.article_id
               QUALIFY row_number() OVER (PARTITION BY m.event_id
                                          ORDER BY any_value(a.published) NULLS LAST, m.article_id)
                       <= {MAX_EVENT_ARTICLES}""",
            {"ids": [item["id"] for item in page.items]},
        )
        by_event: dict[str, list[dict[str, Any]]] = {}
        for member in members:
            by_event.setdefault(member.pop("event_id"), []).append(member)
        for item in page.items:
            item["reports"] = sorted(
                by_event.get(item["id"], []),
                key=lambda m: (m["published"] or "", m["article_id"]),
            )
        return page

    # --- network ------------------------------------------------------------------------

    def _edge_days(self) -> pa.Table:
        """Quote and event edges between corpus actors per day (and quad class), made on the
        first network request after start-up or a write and kept: relating quotes to the
        mentions inside them reads every mention (0.6 s at 6,000 articles), too slow to
        repeat on each request."""
        with self._edges_lock:
            if self._edges is None:
                self._edges = self._arrow(
                    """SELECT s.actor_id AS source, m.actor_id AS target, 'quote' AS kind,
                              NULL::VARCHAR AS quad_class, a.published_date AS day,
                              count(*) AS weight
                       FROM mentions mv
                       ASOF JOIN quotes q ON q.article_id = mv.article_id
                            AND mv.span_start >= q.span_start
                       JOIN articles a ON a.id = q.article_id
                       JOIN actor_entities s ON s.article_id = q.article_id
                            AND s.entity_id = q.speaker
                       JOIN actor_entities m ON m.article_id = mv.article_id
                            AND m.entity_id = mv.entity_id
                       WHERE mv.span_end <= q.span_end AND m.actor_id <> s.actor_id
                       GROUP BY ALL
                       UNION ALL
                       SELECT s.actor_id, t.actor_id, 'event', e.quad_class,
                              a.published_date, count(*)
                       FROM events e JOIN articles a ON a.id = e.article_id
                       JOIN actor_entities s ON s.article_id = e.article_id
                            AND s.entity_id = e.source_entity
                       JOIN actor_entities t ON t.article_id = e.article_id
                            AND t.entity_id = e.target_entity
                       WHERE s.actor_id <> t.actor_id
                       GROUP BY ALL"""
                )
            return self._edges

    def network(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        quad_class: str | None = None,
        kinds: frozenset[str] = frozenset({"quote", "event"}),
        max_edges: int,
    ) -> dict[str, Any]:
        """Actors as nodes; "quotes about" and event relations as weighted, directed edges.

        A quote edge runs from the speaker to each other actor mentioned inside the quote (the
        quote that starts last before the mention: inside nested quotes, the inner one).
        """
        clauses, params = _date_clauses("day", since, until)
        kind_list = sorted(kinds)
        if quad_class is not None:
            kind_list = [kind for kind in kind_list if kind == "event"]
            clauses.append("quad_class = $quad_class")
            params["quad_class"] = quad_class
        if not kind_list:
            return {"nodes": [], "edges": []}
        clauses.append("kind IN (SELECT unnest($kinds))")
        params["kinds"] = kind_list
        edges = self._rows(
            "SELECT source, target, kind, CAST(sum(weight) AS BIGINT) AS weight FROM _edges"
            + _where(clauses)
            + " GROUP BY ALL ORDER BY weight DESC, source, target LIMIT $max_edges",
            {**params, "max_edges": max_edges},
            tables={"_edges": self._edge_days()},
        )
        ids = sorted({edge["source"] for edge in edges} | {edge["target"] for edge in edges})
        nodes = self._rows(
            """SELECT actor_id AS id, name, type, country, articles
               FROM actors WHERE actor_id IN (SELECT unnest($ids)) ORDER BY id""",
            {"ids": ids},
        )
        return {"nodes": nodes, "edges": edges}

    # --- places and search --------------------------------------------------------------

    def places(self, *, country: str | None = None, limit: int, offset: int) -> Page:
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if country is not None:
            clauses.append("country = $country")
            params["country"] = country
        sql = (
            """SELECT name, country, any_value(feature) AS feature, avg(lat) AS lat,
                      avg(lon) AS lon, count(*) AS mentions,
                      count(DISTINCT article_id) AS articles
               FROM places"""
            + _where(clauses)
            + " GROUP BY name, country"
        )
        page = self._page(sql, params, limit, offset, "mentions DESC, name")
        samples = self._rows(
            """SELECT name, coalesce(country, '') AS country,
                      (list(DISTINCT article_id ORDER BY article_id))[1:5] AS ids
               FROM places
               WHERE (name, coalesce(country, '')) IN
                     (SELECT (unnest($names), unnest($countries)))
               GROUP BY ALL""",
            {
                "names": [item["name"] for item in page.items],
                "countries": [item["country"] or "" for item in page.items],
            },
        )
        by_place = {(row["name"], row["country"]): row["ids"] for row in samples}
        for item in page.items:
            item["sample_articles"] = by_place.get((item["name"], item["country"] or ""), [])
        return page

    def countries(self) -> list[dict[str, Any]]:
        """Place mentions per country (ISO 3166-1 alpha-3 as the records give it)."""
        return self._rows(
            """SELECT country, count(*) AS mentions, count(DISTINCT article_id) AS articles
               FROM places WHERE country IS NOT NULL GROUP BY country ORDER BY mentions DESC"""
        )

    def search(self, query: str, *, limit: int, offset: int) -> Page:
        """Articles holding every word of ``query`` (stemmed), best BM25 match first.

        Uses the store's tantivy index; without a current one (a read-only database after an
        interrupted ingest) every word must occur in the title or text, newest first. Each hit
        carries the character span of the first match in the text (``hit``) and a snippet
        around it, so the article view can open on it.
        """
        words = store_search.query_words(query)[:8]
        if not words:
            return Page(total=0, limit=limit, offset=offset, items=[])
        if self.store.search_current():
            with self._search_lock:
                # Lower case: tantivy reads upper-case AND/OR/NOT as operators (the index is
                # lower-cased anyway).
                hits = store_search.search(
                    self.store.search_folder, " ".join(words).lower(), MAX_SEARCH_HITS
                )
            total = len(hits)
            ids = [article_id for article_id, _ in hits[offset : offset + limit]]
            rows = self._rows(
                "SELECT id, title, source, published, text FROM articles"
                " WHERE id IN (SELECT unnest($ids))",
                {"ids": ids},
            )
            by_id = {row["id"]: row for row in rows}
            page = Page(
                total=total,
                limit=limit,
                offset=offset,
                items=[by_id[i] for i in ids if i in by_id],
            )
        else:
            clauses = []
            params: dict[str, Any] = {}
            for number, word in enumerate(words):
                clauses.append(
                    f"(text ILIKE $t{number} ESCAPE '\\' OR title ILIKE $t{number} ESCAPE '\\')"
                )
                params[f"t{number}"] = f"%{_like_escape(word)}%"
            sql = "SELECT id, title, source, published, text FROM articles" + _where(clauses)
            page = self._page(sql, params, limit, offset, "published DESC NULLS LAST, id")
        phrase = re.compile(re.escape(query.strip()), re.IGNORECASE)
        # A stemmed word matches its inflections: "sanctions" finds "sanctioned".
        first = re.compile(r"\b" + re.escape(words[0][: max(3, len(words[0]) - 2)]), re.IGNORECASE)
        for item in page.items:
            text = item.pop("text") or ""
            found = phrase.search(text) or first.search(text)
            if found is None:
                item["hit"] = None
                item["snippet"] = text[:200]
                continue
            end = found.end()
            if found.re is first:  # extend to the end of the word
                while end < len(text) and text[end].isalnum():
                    end += 1
            item["hit"] = [found.start(), end]
            start = max(0, found.start() - 90)
            item["snippet"] = ("…" if start else "") + text[start : end + 110]
        return page

    def close(self) -> None:
        self.store.close()


def _side_matches(side: str, param: str) -> str:
    """SQL: the event's ``side`` (source/target) is ``$param`` — a corpus actor id, a country
    code, an actor's or entity's name, or the entity id inside the article."""
    return (
        f"(e.{side}_country = ${param} OR e.{side} = ${param} OR e.{side}_entity = ${param}"
        f" OR (e.article_id, e.{side}_entity) IN (SELECT (ae.article_id, ae.entity_id)"
        f" FROM actor_entities ae JOIN actors ac ON ac.actor_id = ae.actor_id"
        f" WHERE ac.actor_id = ${param} OR ac.name = ${param}))"
    )


def _counted(table: str) -> str:
    """SQL: a LEFT JOIN of the page's articles to how many rows of ``table`` each has."""
    return (
        f"LEFT JOIN (SELECT article_id, count(*) AS n FROM {table}"
        f" WHERE article_id IN (SELECT unnest($ids)) GROUP BY article_id) n_{table}"
        f" ON n_{table}.article_id = a.id"
    )


def _date_clauses(
    column: str, since: str | None, until: str | None
) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if since is not None:
        clauses.append(f"{column} >= CAST($since AS DATE)")
        params["since"] = since
    if until is not None:
        clauses.append(f"{column} <= CAST($until AS DATE)")
        params["until"] = until
    return clauses, params


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
