"""The read side of ``newsgraph serve``: the questions the web API asks of a corpus database.

The store (:mod:`newsgraph.store`) keeps each article's full JSON record. At start-up this module
opens the database file read-only (or read-write when writes are enabled) as the attached
catalog ``store`` of an in-memory DuckDB, and derives from those records a few narrow tables that
the API's queries need (articles, entity mentions, quotes, events, places) in the in-memory
catalog. Everything the API answers comes from those tables or the records themselves, so the
server depends only on the store's ``articles`` table and its record column.

Corpus-level actors: entities of the same type and the same (case-folded) name across articles
are one actor. This does not tell apart two people who share a name, and does not join
"Rubio" to "Marco Rubio" across articles (the store's cross-article actors are the place for that).

Every query runs on its own cursor with a time limit: past it the query is interrupted and
:class:`QueryTimeoutError` is raised.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph.errors import NewsgraphError
from newsgraph.records import Article

logger = logging.getLogger(__name__)

# Time limit of one query, seconds. Every canned query runs in well under 1 s on the 6,000-article
# AllSides corpus (bench/bench_serve.py); the limit only stops pathological requests.
DEFAULT_QUERY_TIMEOUT = 5.0

# Names the store may give the column that keeps the full article record, in order of preference.
RECORD_COLUMNS = ("record", "record_json", "json", "article")


class CorpusError(NewsgraphError):
    """The database cannot be served (missing file, no articles table, no record column)."""


class QueryTimeoutError(NewsgraphError):
    """A query ran past its time limit and was interrupted."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One page of a list: ``items`` from ``offset``, and how many there are in all."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def actor_key(entity_type: str | None, name: str | None) -> str:
    """The corpus-level actor id of an entity: a short hash of its type and case-folded name."""
    folded = " ".join((name or "").casefold().split())
    return hashlib.sha1(f"{entity_type}\x1f{folded}".encode()).hexdigest()[:16]


# The derived tables, each filled by one statement over ``store.articles`` restricted by a
# ``{where}`` clause (all articles at start-up, one article after a write). ``{record}`` is the
# record column.
_DERIVED_TABLES: dict[str, str] = {
    "articles_v": """
        SELECT a.id AS article_id,
               a.{record}->>'$.source' AS source,
               a.{record}->>'$.url' AS url,
               a.{record}->>'$.title' AS title,
               CAST(a.{record}->'$.authors' AS VARCHAR[]) AS authors,
               a.{record}->>'$.published' AS published,
               TRY_CAST(left(a.{record}->>'$.published', 10) AS DATE) AS day,
               a.{record}->>'$.language' AS language,
               length(a.{record}->>'$.text') AS chars,
               json_array_length(a.{record}->'$.entities') AS n_entities,
               json_array_length(a.{record}->'$.quotes') AS n_quotes,
               json_array_length(a.{record}->'$.events') AS n_events,
               a.{record}->>'$.text' AS text
        FROM store.articles a {where}""",
    "entities_v": """
        SELECT a.id AS article_id,
               e.value->>'$.id' AS entity_id,
               e.value->>'$.name' AS name,
               e.value->>'$.type' AS type,
               e.value->>'$.country' AS country,
               e.value->>'$.sector' AS sector,
               json_array_length(e.value->'$.mentions') AS n_mentions,
               CAST(e.value->'$.titles' AS VARCHAR) AS titles
        FROM store.articles a, json_each(a.{record}->'$.entities') e {where}""",
    "mentions_v": """
        SELECT a.id AS article_id,
               e.value->>'$.id' AS entity_id,
               CAST(m.value->>0 AS BIGINT) AS span_start,
               CAST(m.value->>1 AS BIGINT) AS span_end
        FROM store.articles a, json_each(a.{record}->'$.entities') e,
             json_each(e.value->'$.mentions') m {where}""",
    "quotes_v": """
        SELECT a.id AS article_id,
               CAST(q.key AS INTEGER) AS ord,
               q.value->>'$.text' AS text,
               q.value->>'$.kind' AS kind,
               q.value->>'$.speaker' AS speaker,
               q.value->>'$.speaker_name' AS speaker_name,
               q.value->>'$.via' AS via,
               CAST(q.value->'$.span'->>0 AS BIGINT) AS span_start,
               CAST(q.value->'$.span'->>1 AS BIGINT) AS span_end
        FROM store.articles a, json_each(a.{record}->'$.quotes') q {where}""",
    "events_v": """
        SELECT a.id AS article_id,
               CAST(v.key AS INTEGER) AS ord,
               v.value->>'$.type' AS type,
               v.value->>'$.mode' AS mode,
               v.value->>'$.quad_class' AS quad_class,
               v.value->>'$.source' AS source,
               v.value->>'$.target' AS target,
               v.value->>'$.asserted_by' AS asserted_by,
               CAST(v.value->>'$.negated' AS BOOLEAN) AS negated,
               CAST(v.value->>'$.hedged' AS BOOLEAN) AS hedged,
               v.value->>'$.modality' AS modality,
               v.value->>'$.date' AS date,
               v.value->>'$.place' AS place,
               CAST(v.value->'$.trigger'->>0 AS BIGINT) AS trigger_start,
               CAST(v.value->'$.trigger'->>1 AS BIGINT) AS trigger_end
        FROM store.articles a, json_each(a.{record}->'$.events') v {where}""",
    "places_v": """
        SELECT a.id AS article_id,
               CAST(p.key AS INTEGER) AS ord,
               p.value->>'$.name' AS name,
               p.value->>'$.country' AS country,
               p.value->>'$.feature' AS feature,
               TRY_CAST(p.value->>'$.lat' AS DOUBLE) AS lat,
               TRY_CAST(p.value->>'$.lon' AS DOUBLE) AS lon,
               CAST(p.value->'$.span'->>0 AS BIGINT) AS span_start,
               CAST(p.value->'$.span'->>1 AS BIGINT) AS span_end
        FROM store.articles a, json_each(a.{record}->'$.places') p {where}""",
}

# An event's source and target entities, with their corpus actor, as source_actor/target_actor.
_JOIN_EVENT_ACTORS = """
    LEFT JOIN entity_actor source_actor
      ON source_actor.article_id = e.article_id AND source_actor.entity_id = e.source
    LEFT JOIN entity_actor target_actor
      ON target_actor.article_id = e.article_id AND target_actor.entity_id = e.target"""

# Actor ids are computed in Python (one hash per distinct type+name) and joined in.
_ACTOR_TABLE = "CREATE OR REPLACE TABLE actor_ids (type VARCHAR, name VARCHAR, actor_id VARCHAR)"


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
        self.connection = duckdb.connect(":memory:")
        mode = "" if writable else " (READ_ONLY)"
        try:
            self.connection.execute(f"ATTACH '{_sql_string(str(self.path))}' AS store{mode}")
        except duckdb.Error as error:
            raise CorpusError(f"cannot open {self.path} as a DuckDB database: {error}") from None
        self.record_column = self._find_record_column()
        self._build()

    def _find_record_column(self) -> str:
        rows = self.connection.execute(
            "SELECT column_name, data_type FROM duckdb_columns()"
            " WHERE database_name = 'store' AND table_name = 'articles'"
        ).fetchall()
        if not rows:
            raise CorpusError(f"{self.path} has no articles table: is it a newsgraph corpus?")
        names = {name: kind for name, kind in rows}
        for name in RECORD_COLUMNS:
            if name in names and names[name] in {"JSON", "VARCHAR"}:
                return name
        raise CorpusError(f"the articles table of {self.path} keeps no article record column")

    def _build(self, article_ids: Sequence[str] | None = None) -> None:
        """(Re)derive the serving tables, for every article or only for ``article_ids``."""
        con = self.connection
        where = "" if article_ids is None else "WHERE a.id IN (SELECT unnest($ids))"
        params = {} if article_ids is None else {"ids": list(article_ids)}
        for table, select in _DERIVED_TABLES.items():
            sql = select.format(record=self.record_column, where=where)
            if article_ids is None:
                con.execute(f"CREATE OR REPLACE TABLE {table} AS {sql}")
            else:
                con.execute(
                    f"DELETE FROM {table} WHERE article_id IN (SELECT unnest($ids))", params
                )
                con.execute(f"INSERT INTO {table} {sql}", params)
        pairs = con.execute(
            "SELECT DISTINCT type, name FROM entities_v"
            " WHERE (type, name) NOT IN (SELECT (type, name) FROM actor_ids)"
            if article_ids is not None
            else "SELECT DISTINCT type, name FROM entities_v"
        ).fetchall()
        if article_ids is None:
            con.execute(_ACTOR_TABLE)
        if pairs:
            # One Arrow batch: DuckDB's executemany inserts row by row (seconds for 10k rows).
            batch = pa.table(
                {
                    "type": [kind for kind, _ in pairs],
                    "name": [name for _, name in pairs],
                    "actor_id": [actor_key(kind, name) for kind, name in pairs],
                }
            )
            con.register("_actor_batch", batch)
            try:
                con.execute("INSERT INTO actor_ids SELECT type, name, actor_id FROM _actor_batch")
            finally:
                con.unregister("_actor_batch")
        con.execute(
            """CREATE OR REPLACE TABLE entity_actor AS
               SELECT e.article_id, e.entity_id, i.actor_id, e.name, e.type, e.country, e.sector,
                      e.n_mentions, e.titles
               FROM entities_v e JOIN actor_ids i ON i.type = e.type AND i.name = e.name"""
        )

    def add(self, article: Article) -> None:
        """Store an analysed article (through :class:`newsgraph.store.Store`) and serve it."""
        from newsgraph.store import Store

        if not self.writable:
            raise CorpusError("the corpus is open read-only")
        with self._write_lock:
            cursor = self.connection.cursor()
            try:
                # The store's statements name its tables without a catalog.
                cursor.execute("USE store")
                Store(cursor, self.path, read_only=False).write([article])
            finally:
                cursor.close()
            self._build([article.id])

    # --- running queries ----------------------------------------------------------------

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self.connection.cursor()
        timer = threading.Timer(self.query_timeout, cursor.interrupt)
        timer.start()
        try:
            yield cursor
        except duckdb.InterruptException:
            raise QueryTimeoutError(
                f"the query ran longer than {self.query_timeout:g} s and was stopped"
            ) from None
        finally:
            timer.cancel()
            cursor.close()

    def _rows(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._cursor() as cursor:
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
        clauses, params = _date_clauses("day", since, until)
        if source is not None:
            clauses.append("source = $source")
            params["source"] = source
        if actor is not None:
            clauses.append(
                "article_id IN (SELECT article_id FROM entity_actor WHERE actor_id = $actor)"
            )
            params["actor"] = actor
        sql = (
            "SELECT article_id AS id, source, url, title, authors, published, language, chars,"
            " n_entities, n_quotes, n_events FROM articles_v" + _where(clauses)
        )
        return self._page(sql, params, limit, offset, "published DESC NULLS LAST, id")

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The full record of one article with its entities' actor ids, or None."""
        with self._cursor() as cursor:
            row = cursor.execute(
                f"SELECT {self.record_column} FROM store.articles WHERE id = $id",
                {"id": article_id},
            ).fetchone()
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0]) if isinstance(row[0], str) else row[0]
        actors = self._rows(
            "SELECT entity_id, actor_id FROM entity_actor WHERE article_id = $id",
            {"id": article_id},
        )
        return {
            "record": record,
            "actors": {item["entity_id"]: item["actor_id"] for item in actors},
        }

    def sources(self) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT source, count(*) AS articles FROM articles_v WHERE source IS NOT NULL"
            " GROUP BY source ORDER BY articles DESC, source"
        )

    def stats(self) -> dict[str, Any]:
        rows = self._rows(
            """SELECT (SELECT count(*) FROM articles_v) AS articles,
                      (SELECT count(DISTINCT actor_id) FROM entity_actor) AS actors,
                      (SELECT count(*) FROM quotes_v) AS quotes,
                      (SELECT count(*) FROM events_v) AS events,
                      (SELECT count(*) FROM places_v) AS places,
                      (SELECT min(day) FROM articles_v) AS first_day,
                      (SELECT max(day) FROM articles_v) AS last_day"""
        )
        return rows[0]

    # --- actors -------------------------------------------------------------------------

    def actors(
        self, *, query: str | None = None, type: str | None = None, limit: int, offset: int
    ) -> Page:
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if query:
            clauses.append("name ILIKE $pattern ESCAPE '\\'")
            params["pattern"] = f"%{_like_escape(query)}%"
        if type:
            clauses.append("type = $type")
            params["type"] = type
        sql = (
            """SELECT actor_id AS id, any_value(name) AS name, any_value(type) AS type,
                      mode(country) AS country, mode(sector) AS sector,
                      count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions,
                      (SELECT count(*) FROM quotes_v q JOIN entity_actor s
                         ON s.article_id = q.article_id AND s.entity_id = q.speaker
                       WHERE s.actor_id = ea.actor_id) AS quotes
               FROM entity_actor ea"""
            + _where(clauses)
            + " GROUP BY actor_id"
        )
        return self._page(sql, params, limit, offset, "articles DESC, mentions DESC, id")

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        rows = self._rows(
            """SELECT actor_id AS id, mode(name) AS name, mode(type) AS type,
                      mode(country) AS country, mode(sector) AS sector,
                      count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions,
                      list(DISTINCT name) AS aliases, list(titles) AS titles
               FROM entity_actor WHERE actor_id = $id GROUP BY actor_id""",
            {"id": actor_id},
        )
        if not rows:
            return None
        actor = rows[0]
        seen: dict[str, int] = {}
        for blob in actor.pop("titles"):
            for title in json.loads(blob or "[]"):
                text = str(title.get("text", "")).strip()
                if text:
                    seen[text] = seen.get(text, 0) + 1
        actor["titles"] = [
            {"text": text, "count": count}
            for text, count in sorted(seen.items(), key=lambda item: (-item[1], item[0]))
        ][:20]
        actor["aliases"] = sorted(actor["aliases"])
        actor["timeline"] = self._rows(
            """SELECT strftime(date_trunc('week', a.day), '%Y-%m-%d') AS week,
                      count(DISTINCT ea.article_id) AS articles
               FROM entity_actor ea JOIN articles_v a USING (article_id)
               WHERE ea.actor_id = $id AND a.day IS NOT NULL
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
        clauses, params = _date_clauses("a.day", since, until)
        if speaker is not None:
            clauses.append("s.actor_id = $speaker")
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
        sql = """SELECT q.article_id, q.ord, q.text, q.kind, q.speaker_name,
                      s.actor_id AS speaker_actor, q.via, q.span_start, q.span_end,
                      a.title, a.source, a.published
               FROM quotes_v q JOIN articles_v a USING (article_id)
               LEFT JOIN entity_actor s
                 ON s.article_id = q.article_id AND s.entity_id = q.speaker""" + _where(clauses)
        return self._page(sql, params, limit, offset, "published DESC NULLS LAST, article_id, ord")

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
        clauses, params = _date_clauses("coalesce(TRY_CAST(e.date AS DATE), a.day)", since, until)
        for name, column, value in (("source", "e.source", source), ("target", "e.target", target)):
            if value is not None:
                # An actor id, an entity's country code or name, or the raw code of the event.
                clauses.append(
                    f"({column} = ${name} OR {name}_actor.actor_id = ${name}"
                    f" OR {name}_actor.country = ${name} OR {name}_actor.name = ${name})"
                )
                params[name] = value
        equal: tuple[tuple[str, str, object], ...] = (
            ("type", "e.type", type),
            ("quad_class", "e.quad_class", quad_class),
            ("outlet", "a.source", outlet),
            ("asserted_by", "e.asserted_by", asserted_by),
            ("article", "e.article_id", article),
            ("hedged", "e.hedged", hedged),
            ("negated", "e.negated", negated),
        )
        for name, column, given in equal:
            if given is not None:
                clauses.append(f"{column} = ${name}")
                params[name] = given
        sql = (
            """SELECT e.article_id, e.ord, e.type, e.mode, e.quad_class,
                      e.source, source_actor.actor_id AS source_actor,
                      coalesce(source_actor.name, e.source) AS source_name,
                      e.target, target_actor.actor_id AS target_actor,
                      coalesce(target_actor.name, e.target) AS target_name,
                      e.asserted_by, e.negated, e.hedged, e.modality, e.date, e.place,
                      e.trigger_start, e.trigger_end, a.title, a.source AS outlet, a.published
               FROM events_v e JOIN articles_v a USING (article_id)"""
            + _JOIN_EVENT_ACTORS
            + _where(clauses)
        )
        return self._page(sql, params, limit, offset, "published DESC NULLS LAST, article_id, ord")

    def dyad(self, first: str, second: str, *, both_ways: bool = True) -> list[dict[str, Any]]:
        """Events per week and quad class between two actors (ids, names or country codes)."""
        match = """(e.{side} = ${who} OR {side}_actor.actor_id = ${who}
                    OR {side}_actor.country = ${who} OR {side}_actor.name = ${who})"""
        forward = (
            f"({match.format(side='source', who='first')}"
            f" AND {match.format(side='target', who='second')})"
        )
        backward = (
            f"({match.format(side='source', who='second')}"
            f" AND {match.format(side='target', who='first')})"
        )
        condition = f"({forward} OR {backward})" if both_ways else forward
        return self._rows(
            f"""SELECT strftime(date_trunc('week', coalesce(TRY_CAST(e.date AS DATE), a.day)),
                                '%Y-%m-%d') AS week,
                       coalesce(e.quad_class, 'unknown') AS quad_class, count(*) AS events
                FROM events_v e JOIN articles_v a USING (article_id)
                LEFT JOIN entity_actor source_actor
                  ON source_actor.article_id = e.article_id AND source_actor.entity_id = e.source
                LEFT JOIN entity_actor target_actor
                  ON target_actor.article_id = e.article_id AND target_actor.entity_id = e.target
                WHERE {condition}
                  AND coalesce(TRY_CAST(e.date AS DATE), a.day) IS NOT NULL
                GROUP BY ALL ORDER BY week, quad_class""",
            {"first": first, "second": second},
        )

    # --- network ------------------------------------------------------------------------

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

        A quote edge runs from the speaker to each other actor mentioned inside the quote.
        """
        clauses, params = _date_clauses("a.day", since, until)
        parts: list[str] = []
        if "quote" in kinds and quad_class is None:
            parts.append(
                """SELECT s.actor_id AS source, m.actor_id AS target, 'quote' AS kind,
                          count(*) AS weight
                   FROM quotes_v q JOIN articles_v a USING (article_id)
                   JOIN entity_actor s ON s.article_id = q.article_id AND s.entity_id = q.speaker
                   JOIN mentions_v mv ON mv.article_id = q.article_id
                        AND mv.span_start >= q.span_start AND mv.span_end <= q.span_end
                   JOIN entity_actor m ON m.article_id = mv.article_id
                        AND m.entity_id = mv.entity_id"""
                + _where([*clauses, "m.actor_id <> s.actor_id"])
                + " GROUP BY ALL"
            )
        if "event" in kinds:
            event_clauses = list(clauses)
            if quad_class is not None:
                event_clauses.append("e.quad_class = $quad_class")
                params["quad_class"] = quad_class
            parts.append(
                """SELECT s.actor_id AS source, t.actor_id AS target, 'event' AS kind,
                          count(*) AS weight
                   FROM events_v e JOIN articles_v a USING (article_id)
                   JOIN entity_actor s ON s.article_id = e.article_id AND s.entity_id = e.source
                   JOIN entity_actor t ON t.article_id = e.article_id AND t.entity_id = e.target"""
                + _where([*event_clauses, "s.actor_id <> t.actor_id"])
                + " GROUP BY ALL"
            )
        if not parts:
            return {"nodes": [], "edges": []}
        edges = self._rows(
            " UNION ALL ".join(parts) + " ORDER BY weight DESC, source, target LIMIT $max_edges",
            {**params, "max_edges": max_edges},
        )
        ids = sorted({edge["source"] for edge in edges} | {edge["target"] for edge in edges})
        nodes = self._rows(
            """SELECT actor_id AS id, mode(name) AS name, mode(type) AS type,
                      mode(country) AS country, count(DISTINCT article_id) AS articles
               FROM entity_actor WHERE actor_id IN (SELECT unnest($ids))
               GROUP BY actor_id ORDER BY id""",
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
                      count(DISTINCT article_id) AS articles,
                      (list(article_id ORDER BY article_id))[1:5] AS sample_articles
               FROM places_v"""
            + _where(clauses)
            + " GROUP BY name, country"
        )
        return self._page(sql, params, limit, offset, "mentions DESC, name")

    def countries(self) -> list[dict[str, Any]]:
        """Place mentions and events per country (ISO 3166-1 alpha-3 as the records give it)."""
        return self._rows(
            """SELECT country, count(*) AS mentions, count(DISTINCT article_id) AS articles
               FROM places_v WHERE country IS NOT NULL GROUP BY country ORDER BY mentions DESC"""
        )

    def search(self, query: str, *, limit: int, offset: int) -> Page:
        """Articles whose title or text holds every word of ``query`` (case-insensitive).

        Each hit carries the character span of the first match in the text (``hit``) and a
        snippet around it, so the article view can open on it.
        """
        terms = [term for term in query.split() if term][:8]
        if not terms:
            return Page(total=0, limit=limit, offset=offset, items=[])
        clauses = []
        params: dict[str, Any] = {}
        for number, term in enumerate(terms):
            clauses.append(
                f"(text ILIKE $t{number} ESCAPE '\\' OR title ILIKE $t{number} ESCAPE '\\')"
            )
            params[f"t{number}"] = f"%{_like_escape(term)}%"
        sql = "SELECT article_id AS id, title, source, published, text FROM articles_v" + _where(
            clauses
        )
        page = self._page(sql, params, limit, offset, "published DESC NULLS LAST, id")
        phrase = re.compile(re.escape(query.strip()), re.IGNORECASE)
        first = re.compile(re.escape(terms[0]), re.IGNORECASE)
        for item in page.items:
            text = item.pop("text") or ""
            found = phrase.search(text) or first.search(text)
            if found is None:
                item["hit"] = None
                item["snippet"] = text[:200]
                continue
            item["hit"] = [found.start(), found.end()]
            start = max(0, found.start() - 90)
            item["snippet"] = ("…" if start else "") + text[start : found.end() + 110]
        return page

    def close(self) -> None:
        self.connection.close()


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


def _sql_string(text: str) -> str:
    return text.replace("'", "''")
