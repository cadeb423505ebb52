"""The canned questions, as SQL over the store. Each returns an Arrow table.

Actors are matched by what an analyst types: a name ("Rubio", "Marco Rubio"), a country code
("CHN") or a country name or alias ("China", "the U.S."). A name matches a speaker or an entity
whose name contains it as whole words, case-insensitively; a country matches an entity of that
country and an event whose coded actor is that code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from newsgraph.extract._lexicon import countries
from newsgraph.store import _clusters, _search
from newsgraph.store._store import Store

# What ``search`` shows around the first hit, in characters on each side.
SNIPPET_CONTEXT = 80
DEFAULT_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class ActorPattern:
    """How a typed actor is matched: a whole-word name pattern and an ISO alpha-3 code."""

    name_regex: str
    country: str | None
    text: str


def actor_pattern(text: str) -> ActorPattern:
    text = " ".join(text.split())
    table = countries()
    code: str | None = None
    if len(text) == 3 and text.isalpha() and text.upper() in table.display:
        code = text.upper()
    else:
        term = table.lookup(text, ("alias",))
        code = term.alpha3 if term is not None else None
    words = [re.escape(word) for word in text.split()]
    # RE2's \W is ASCII-only, so a name ending next to an accented letter is a match; Unicode
    # classes (\pL) would be exact but cost ~25 ms to compile per query.
    regex = r"(?i)(^|\W)" + r"\s+".join(words) + r"($|\W)"
    return ActorPattern(name_regex=regex, country=code, text=text)


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _date_filters(
    column: str, since: str | dt.date | None, until: str | dt.date | None, params: list[Any]
) -> list[str]:
    clauses = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(_date(since))
    if until is not None:
        clauses.append(f"{column} <= ?")
        params.append(_date(until))
    return clauses


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def _matched_entities(store: Store, pattern: ActorPattern) -> tuple[str, list[Any]]:
    """SQL of the article entities an actor pattern names: ``(article_id, id, name)``.

    With current corpus actors, an entity matches when its actor's name or one of its aliases
    does (so "Rafael Ordaz" finds the entity "Ordaz" of an article without the full name);
    otherwise when its own name does. Countries match by code for GPE and NORP entities.
    """
    if store.actors_current():
        sql = """
            SELECT link.article_id, link.entity_id AS id, ac.name
            FROM actors ac JOIN actor_entities link ON link.actor_id = ac.actor_id
            WHERE regexp_matches(ac.name, ?)
               OR len(list_filter(ac.aliases, alias -> regexp_matches(alias, ?))) > 0
        """
        params: list[Any] = [pattern.name_regex, pattern.name_regex]
        if pattern.country:
            sql += " OR ac.country = ? AND ac.type IN ('GPE', 'NORP')"
            params.append(pattern.country)
        return sql, params
    sql = "SELECT e.article_id, e.id, e.name FROM entities e WHERE regexp_matches(e.name, ?)"
    params = [pattern.name_regex]
    if pattern.country:
        sql += " OR e.country = ? AND e.type IN ('GPE', 'NORP')"
        params.append(pattern.country)
    return sql, params


def quotes(
    store: Store,
    *,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    text: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> pa.Table:
    """Quotes with speaker, kind, text and the article they are from, oldest first.

    A speaker matches through the entity the quote is attributed to (and its corpus actor), or
    by the speaker's name as written when the quote has no entity ("officials").
    """
    params: list[Any] = []
    clauses: list[str] = []
    with_actors = store.actors_current()
    selection = "quotes"
    if speaker is not None:
        pattern = actor_pattern(speaker)
        matched, matched_params = _matched_entities(store, pattern)
        selection = f"""(
            SELECT q.* FROM quotes q
            JOIN ({matched}) m ON m.article_id = q.article_id AND m.id = q.speaker
            UNION ALL
            SELECT q.* FROM quotes q
            WHERE q.speaker IS NULL AND regexp_matches(coalesce(q.speaker_name, ''), ?)
        )"""
        params += [*matched_params, pattern.name_regex]
    if outlet is not None:
        clauses.append("a.source ILIKE ?")
        params.append(f"%{outlet}%")
    if text is not None:
        clauses.append("q.text ILIKE ?")
        params.append(f"%{text}%")
    clauses += _date_filters("a.published_date", since, until, params)
    params.append(limit)
    return store.query(
        f"""
        WITH chosen AS MATERIALIZED (
            SELECT q.*, a.published_date, a.source, a.title, a.url
            FROM {selection} q
            JOIN articles a ON a.id = q.article_id
            {_where(clauses)}
            ORDER BY a.published_date NULLS LAST, q.article_id, q.ordinal
            LIMIT ?
        )
        SELECT q.published_date AS date,
               coalesce({"ac.name, " if with_actors else ""}sp.name, q.speaker_name) AS speaker,
               q.speaker_name AS speaker_as_written, sp.country AS speaker_country,
               q.kind, q.text, q.via, q.source AS outlet, q.title, q.url,
               q.article_id, q.ordinal AS quote, q.span_start, q.span_end
        FROM chosen q
        LEFT JOIN (
            SELECT e.* FROM entities e
            SEMI JOIN chosen c ON c.article_id = e.article_id AND c.speaker = e.id
        ) sp ON sp.article_id = q.article_id AND sp.id = q.speaker
        {_ACTOR_JOIN.format(e="sp", alias="ac") if with_actors else ""}
        ORDER BY q.published_date NULLS LAST, q.article_id, q.ordinal
        """,
        params,
    )


# The corpus actor of an entity (``{e}``), as ``{alias}``.
_ACTOR_JOIN = """
        LEFT JOIN actor_entities {alias}_link
            ON {alias}_link.article_id = {e}.article_id AND {alias}_link.entity_id = {e}.id
        LEFT JOIN actors {alias} ON {alias}.actor_id = {alias}_link.actor_id
"""


def _event_date_sql(store: Store) -> str:
    if store.has_column("events", "date"):
        return "coalesce(TRY_CAST(left(CAST(ev.date AS VARCHAR), 10) AS DATE), a.published_date)"
    return "a.published_date"


@dataclass(frozen=True, slots=True)
class EventActorColumns:
    """Where an event side's entity id and country are (the events stage may state them in
    ``source_entity``/``source_country``; without those, ``source`` is read as the entity id)."""

    entity: str
    country: str


def event_actor_columns(store: Store, side: str) -> EventActorColumns:
    entity = f"ev.{side}_entity" if store.has_column("events", f"{side}_entity") else f"ev.{side}"
    country = f"ev.{side}_country" if store.has_column("events", f"{side}_country") else "NULL"
    return EventActorColumns(entity=entity, country=country)


def event_joins(store: Store) -> str:
    source = event_actor_columns(store, "source")
    target = event_actor_columns(store, "target")
    return f"""
        LEFT JOIN entities src ON src.article_id = ev.article_id AND src.id = {source.entity}
        LEFT JOIN entities tgt ON tgt.article_id = ev.article_id AND tgt.id = {target.entity}
    """


def _event_actor_clause(store: Store, side: str, actor: str, params: list[Any]) -> str:
    """An event side matches an actor by its coded name or code, the country it states, or the
    entity it points at (through the entities or corpus actors the actor names).

    Needs no join: the entity test is an EXISTS over the matched entities, so the filter runs
    on the events table alone.
    """
    pattern = actor_pattern(actor)
    columns = event_actor_columns(store, side)
    matched, matched_params = _matched_entities(store, pattern)
    parts = [
        f"upper(ev.{side}) = upper(?)",
        f"EXISTS (SELECT 1 FROM ({matched}) m"
        f" WHERE m.article_id = ev.article_id AND m.id = {columns.entity})",
        f"regexp_matches(coalesce(ev.{side}, ''), ?)",
    ]
    params += [pattern.text, *matched_params, pattern.name_regex]
    if pattern.country:
        parts += [f"upper(ev.{side}) = ?", f"{columns.country} = ?"]
        params += [pattern.country, pattern.country]
    return "(" + " OR ".join(parts) + ")"


def events(
    store: Store,
    *,
    source: str | None = None,
    target: str | None = None,
    event_type: str | None = None,
    quad_class: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int = DEFAULT_LIMIT,
) -> pa.Table:
    """Coded events with both actors, the trigger and its sentence, oldest first."""
    params: list[Any] = []
    clauses: list[str] = []
    if source is not None:
        clauses.append(_event_actor_clause(store, "source", source, params))
    if target is not None:
        clauses.append(_event_actor_clause(store, "target", target, params))
    if event_type is not None:
        clauses.append("upper(ev.type) = upper(?)")
        params.append(event_type)
    if quad_class is not None:
        clauses.append("upper(CAST(ev.quad_class AS VARCHAR)) = upper(?)")
        params.append(quad_class)
    date_sql = _event_date_sql(store)
    clauses += _date_filters(date_sql, since, until, params)
    params.append(limit)
    source_columns = event_actor_columns(store, "source")
    target_columns = event_actor_columns(store, "target")
    # Filter and limit on the events first; article text and entities only for rows returned.
    return store.query(
        f"""
        WITH chosen AS MATERIALIZED (
            SELECT ev.article_id, ev.ordinal, {date_sql} AS date
            FROM events ev
            JOIN articles a ON a.id = ev.article_id
            {_where(clauses)}
            ORDER BY date NULLS LAST, ev.article_id, ev.ordinal
            LIMIT ?
        )
        SELECT c.date, ev.type, ev.quad_class,
               ev.source, src.name AS source_entity_name,
               coalesce({source_columns.country}, src.country) AS source_country,
               ev.target, tgt.name AS target_entity_name,
               coalesce({target_columns.country}, tgt.country) AS target_country,
               substr(a.text, ev.trigger_start + 1, ev.trigger_end - ev.trigger_start)
                   AS trigger,
               ev.negated, ev.hedged, ev.modality,
               a.source AS outlet, a.title, a.id AS article_id, ev.ordinal AS event
        FROM chosen c
        JOIN events ev ON ev.article_id = c.article_id AND ev.ordinal = c.ordinal
        JOIN articles a ON a.id = c.article_id
        LEFT JOIN (SELECT e.* FROM entities e SEMI JOIN chosen USING (article_id)) src
            ON src.article_id = ev.article_id AND src.id = {source_columns.entity}
        LEFT JOIN (SELECT e.* FROM entities e SEMI JOIN chosen USING (article_id)) tgt
            ON tgt.article_id = ev.article_id AND tgt.id = {target_columns.entity}
        ORDER BY c.date NULLS LAST, c.article_id, c.ordinal
        """,
        params,
    )


def actors(
    store: Store, *, top: int = 20, entity_type: str | None = None, name: str | None = None
) -> pa.Table:
    """The most-covered actors: articles mentioning them, mentions, quotes they are given.

    Uses the corpus-level actors when they have been built (``actors`` table), else groups the
    article entities by name and type.
    """
    params: list[Any] = []
    clauses: list[str] = []
    if store.actors_current():
        return _corpus_actors(store, top=top, entity_type=entity_type, name=name)
    if entity_type is not None:
        clauses.append("upper(e.type) = upper(?)")
        params.append(entity_type)
    if name is not None:
        clauses.append("regexp_matches(e.name, ?)")
        params.append(actor_pattern(name).name_regex)
    params.append(top)
    return store.query(
        f"""
        WITH spoken AS (
            SELECT article_id, speaker AS id, count(*) AS quotes
            FROM quotes WHERE speaker IS NOT NULL GROUP BY ALL
        )
        SELECT e.name, e.type,
               mode(e.country) AS country, mode(e.sector) AS sector,
               count(DISTINCT e.article_id) AS articles,
               count(DISTINCT a.source) AS outlets,
               sum(json_array_length(e.mentions))::BIGINT AS mentions,
               coalesce(sum(s.quotes), 0)::BIGINT AS quotes,
               min(a.published_date) AS first_seen, max(a.published_date) AS last_seen
        FROM entities e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN spoken s ON s.article_id = e.article_id AND s.id = e.id
        {_where(clauses)}
        GROUP BY e.name, e.type
        ORDER BY articles DESC, mentions DESC, e.name
        LIMIT ?
        """,
        params,
    )


def _corpus_actors(
    store: Store, *, top: int, entity_type: str | None, name: str | None
) -> pa.Table:
    params: list[Any] = []
    clauses: list[str] = []
    if entity_type is not None:
        clauses.append("upper(ac.type) = upper(?)")
        params.append(entity_type)
    if name is not None:
        pattern = actor_pattern(name)
        clauses.append(
            "(regexp_matches(ac.name, ?) OR len(list_filter(ac.aliases,"
            " alias -> regexp_matches(alias, ?))) > 0)"
        )
        params += [pattern.name_regex, pattern.name_regex]
    params.append(top)
    return store.query(
        f"""
        SELECT ac.name, ac.type, ac.country, ac.sector, ac.articles, ac.outlets, ac.mentions,
               ac.quotes, ac.first_seen, ac.last_seen, ac.aliases, ac.titles, ac.actor_id
        FROM actors ac
        {_where(clauses)}
        ORDER BY ac.articles DESC, ac.mentions DESC, ac.name
        LIMIT ?
        """,
        params,
    )


def timeline(
    store: Store,
    actor: str,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int = DEFAULT_LIMIT,
) -> pa.Table:
    """What an actor said and did, and where it was mentioned, in date order.

    One row per quote by the actor (``said``), per event with the actor as source (``did``) or
    target (``undergoes``), and per article that mentions the actor without either
    (``mentioned``).
    """
    matched, params = _matched_entities(store, actor_pattern(actor))
    date_sql = _event_date_sql(store)
    source, target = event_actor_columns(store, "source"), event_actor_columns(store, "target")
    outer: list[Any] = []
    outer_clauses = _date_filters("date", since, until, outer)
    return store.query(
        f"""
        WITH matched AS MATERIALIZED ({matched}
        ),
        did AS MATERIALIZED (
            SELECT ev.article_id, ev.ordinal, 'did' AS kind, m.name AS actor
            FROM events ev JOIN matched m
                ON m.article_id = ev.article_id AND m.id = {source.entity}
        ),
        involved AS MATERIALIZED (
            SELECT * FROM did
            UNION ALL
            SELECT ev.article_id, ev.ordinal, 'undergoes' AS kind, m.name AS actor
            FROM events ev JOIN matched m
                ON m.article_id = ev.article_id AND m.id = {target.entity}
            WHERE NOT EXISTS (
                SELECT 1 FROM did WHERE did.article_id = ev.article_id
                AND did.ordinal = ev.ordinal
            )
        ),
        -- keys first (date, kind, actor, article, row): details only for the rows returned
        said_keys AS MATERIALIZED (
            SELECT a.published_date AS date, 'said' AS kind, m.name AS actor,
                   q.article_id, q.ordinal AS ref, q.ordinal AS quote_ref,
                   NULL::BIGINT AS event_ref
            FROM quotes q JOIN matched m ON m.article_id = q.article_id AND m.id = q.speaker
            JOIN articles a ON a.id = q.article_id
        ),
        acted_keys AS MATERIALIZED (
            SELECT {date_sql} AS date, i.kind, i.actor, i.article_id, i.ordinal AS ref,
                   NULL::BIGINT AS quote_ref, i.ordinal AS event_ref
            FROM involved i
            JOIN events ev ON ev.article_id = i.article_id AND ev.ordinal = i.ordinal
            JOIN articles a ON a.id = i.article_id
        ),
        mentioned_keys AS (
            SELECT a.published_date AS date, 'mentioned' AS kind, m.name AS actor,
                   m.article_id, NULL::BIGINT AS ref, NULL::BIGINT AS quote_ref,
                   NULL::BIGINT AS event_ref
            FROM (
                SELECT article_id, min(name) AS name FROM matched
                WHERE article_id NOT IN (
                    SELECT article_id FROM said_keys UNION SELECT article_id FROM acted_keys
                )
                GROUP BY article_id
            ) m
            JOIN articles a ON a.id = m.article_id
        ),
        top AS MATERIALIZED (
            SELECT * FROM (
                SELECT * FROM said_keys UNION ALL SELECT * FROM acted_keys
                UNION ALL SELECT * FROM mentioned_keys
            ) {_where(outer_clauses)}
            ORDER BY date NULLS LAST, article_id, kind, ref
            LIMIT ?
        )
        SELECT t.date, t.kind, t.actor,
               CASE t.kind
                   WHEN 'said' THEN q.kind || ': ' || q.text
                   WHEN 'mentioned' THEN 'mentioned in: ' || coalesce(a.title, '(no title)')
                   ELSE ev.type || ' ' || coalesce(ev.source, '?') || ' -> '
                       || coalesce(ev.target, '?') || ': '
                       || substr(a.text, ev.trigger_start + 1, ev.trigger_end - ev.trigger_start)
               END AS detail,
               a.source AS outlet, a.title, t.article_id
        FROM top t
        JOIN (SELECT * FROM articles SEMI JOIN top ON top.article_id = articles.id) a
            ON a.id = t.article_id
        LEFT JOIN quotes q ON q.article_id = t.article_id AND q.ordinal = t.quote_ref
        LEFT JOIN events ev ON ev.article_id = t.article_id AND ev.ordinal = t.event_ref
        ORDER BY t.date NULLS LAST, t.article_id, t.kind, t.ref
        """,
        params + outer + [limit],
    )


def dyad(
    store: Store,
    source: str,
    target: str,
    *,
    both_directions: bool = False,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> pa.Table:
    """Weekly event counts between two actors by quad class (week starts on Monday), with the
    articles, the stories (articles with their near-duplicate copies counted once) and the
    outlets reporting them."""
    params: list[Any] = []
    forward_params: list[Any] = []
    forward = (
        _event_actor_clause(store, "source", source, forward_params)
        + " AND "
        + _event_actor_clause(store, "target", target, forward_params)
    )
    params += forward_params
    direction = f"({forward})"
    if both_directions:
        backward_params: list[Any] = []
        backward = (
            _event_actor_clause(store, "source", target, backward_params)
            + " AND "
            + _event_actor_clause(store, "target", source, backward_params)
        )
        params += backward_params
        direction = f"({forward} OR {backward})"
    date_sql = _event_date_sql(store)
    clauses = [direction, *_date_filters(date_sql, since, until, params)]
    with_duplicates = store.has_table("near_duplicates")
    story = "coalesce(nd.duplicate_of, ev.article_id)" if with_duplicates else "ev.article_id"
    duplicates_join = (
        "LEFT JOIN near_duplicates nd ON nd.article_id = ev.article_id" if with_duplicates else ""
    )
    return store.query(
        f"""
        SELECT date_trunc('week', {date_sql})::DATE AS week,
               coalesce(CAST(ev.quad_class AS VARCHAR), 'unknown') AS quad_class,
               count(*) AS events,
               count(DISTINCT ev.article_id) AS articles,
               count(DISTINCT {story}) AS stories,
               count(DISTINCT a.source) AS outlets
        FROM events ev
        JOIN articles a ON a.id = ev.article_id
        {duplicates_join}
        {_where(clauses)}
        GROUP BY ALL
        ORDER BY week NULLS LAST, quad_class
        """,
        params,
    )


def search(store: Store, query: str, *, limit: int = 20) -> pa.Table:
    """Articles holding every word of ``query`` (stemmed) in title or text, best BM25 first.

    Uses the tantivy index, rebuilt first when it is older than the articles and the store is
    writable. Without a current index (a read-only store after an interrupted ingest) every
    word must occur in the title or text as a substring, ranked by how often they do.
    """
    words = _search.query_words(query)
    first = words[0] if words else ""
    snippet = (
        f"substr(a.text, greatest(1, instr(lower(a.text), lower(?)) - {SNIPPET_CONTEXT}),"
        f" {2 * SNIPPET_CONTEXT} + length(?))"
    )
    columns = (
        "a.id AS article_id, a.published_date AS date, a.source AS outlet, a.title, a.url,"
        f" {snippet} AS snippet"
    )
    if not words:
        return store.query(
            f"SELECT {columns}, NULL::DOUBLE AS score FROM articles a LIMIT 0", [first, first]
        )
    if store.rebuild_search_index():
        hits = _search.search(store.search_folder, query, limit)
        ranked = pa.table(
            {
                "id": pa.array([article_id for article_id, _ in hits], pa.string()),
                "rank": pa.array(range(len(hits)), pa.int64()),
                "score": pa.array([score for _, score in hits], pa.float64()),
            }
        )
        store.connection.register("_hits", ranked)
        try:
            return store.query(
                f"""
                SELECT {columns}, h.score
                FROM _hits h JOIN articles a ON a.id = h.id
                ORDER BY h.rank
                """,
                [first, first],
            )
        finally:
            store.connection.unregister("_hits")
    conditions = " AND ".join("(a.text ILIKE ? OR coalesce(a.title, '') ILIKE ?)" for _ in words)
    counts = " + ".join("len(string_split(lower(a.text), lower(?))) - 1" for _ in words)
    return store.query(
        f"""
        SELECT {columns}, ({counts})::DOUBLE AS score
        FROM articles a
        WHERE {conditions}
        ORDER BY score DESC, a.id
        LIMIT ?
        """,
        [first, first, *words, *[p for w in words for p in (f"%{w}%", f"%{w}%")], limit],
    )


def _actor_key_sql(store: Store, side: str, entity: str) -> str:
    columns = event_actor_columns(store, side)
    link = f"{entity}_link"
    return (
        f"coalesce({columns.country}, {link}.actor_id,"
        f" nullif(lower(trim(CAST(ev.{side} AS VARCHAR))), ''))"
    )


def event_cluster_rows_sql(store: Store) -> str:
    """The article events as the clustering reads them (see store/_clusters.py)."""
    with_duplicates = store.has_table("near_duplicates")
    return f"""
        SELECT ev.article_id, ev.ordinal, ev.type, CAST(ev.quad_class AS VARCHAR),
               {_actor_key_sql(store, "source", "src")} AS source_key,
               {_actor_key_sql(store, "target", "tgt")} AS target_key,
               coalesce(CAST(ev.source AS VARCHAR), src.name) AS source_name,
               coalesce(CAST(ev.target AS VARCHAR), tgt.name) AS target_name,
               {_event_date_sql(store)} AS day, a.source AS outlet,
               {"coalesce(nd.duplicate_of, ev.article_id)" if with_duplicates else "ev.article_id"}
                   AS story,
               substr(a.text, greatest(1, ev.trigger_start + 1 - {_clusters.CONTEXT_CHARS}),
                      2 * {_clusters.CONTEXT_CHARS} + ev.trigger_end - ev.trigger_start) AS context
        FROM events ev
        JOIN articles a ON a.id = ev.article_id
        {event_joins(store)}
        LEFT JOIN actor_entities src_link
            ON src_link.article_id = src.article_id AND src_link.entity_id = src.id
        LEFT JOIN actor_entities tgt_link
            ON tgt_link.article_id = tgt.article_id AND tgt_link.entity_id = tgt.id
        {"LEFT JOIN near_duplicates nd ON nd.article_id = ev.article_id" if with_duplicates else ""}
        ORDER BY ev.article_id, ev.ordinal
    """


def corpus_events(
    store: Store,
    *,
    source: str | None = None,
    target: str | None = None,
    event_type: str | None = None,
    min_sources: int = 0,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int = DEFAULT_LIMIT,
) -> pa.Table:
    """Corpus-level events (article events grouped across reports), most-reported first."""
    params: list[Any] = []
    clauses = ["ce.num_sources >= ?"]
    params.append(min_sources)
    for side, actor in (("source", source), ("target", target)):
        if actor is None:
            continue
        pattern = actor_pattern(actor)
        part = f"(regexp_matches(coalesce(ce.{side}_name, ''), ?)"
        params.append(pattern.name_regex)
        if pattern.country:
            part += f" OR ce.{side} = ?"
            params.append(pattern.country)
        clauses.append(part + ")")
    if event_type is not None:
        clauses.append("upper(ce.type) = upper(?)")
        params.append(event_type)
    clauses += _date_filters("ce.first_date", since, until, params)
    params.append(limit)
    return store.query(
        f"""
        SELECT ce.first_date, ce.last_date, ce.type, ce.quad_class,
               ce.source_name AS source, ce.source AS source_key,
               ce.target_name AS target, ce.target AS target_key,
               ce.num_sources, ce.num_stories, ce.num_articles, ce.num_events, ce.event_id
        FROM corpus_events ce
        {_where(clauses)}
        ORDER BY ce.num_sources DESC, ce.num_stories DESC, ce.first_date, ce.event_id
        LIMIT ?
        """,
        params,
    )
