"""Exports of a corpus: Parquet, JSON Lines, GDELT 2.0 event TSV, actor network (GraphML, GEXF).

GDELT 2.0 Events field mapping (61 tab-separated columns, no header, as GDELT ships them):

==========================  =========================================================
GDELT field                 newsgraph
==========================  =========================================================
GlobalEventID               first 60 bits of SHA-256 of ``article_id:ordinal`` (stable)
Day, MonthYear, Year        event date (``events.date``, else the article's date)
FractionDate                year + (day of year − 1) / 365, as GDELT computes it
Actor1Code / Actor2Code     CAMEO-style: ISO alpha-3 country + role code of the sector
                            ("USA" + "GOV"; roles from the events stage's ``plover.toml``)
Actor1Name / Actor2Name     the actor's name (``events.source``, else its entity), upper case
Actor1CountryCode / 2       ``events.source_country`` (else the entity's country)
Actor1Type1Code / 2         the sector's role code (GOV, MIL, BUS, …)
IsRootEvent                 1 when the event is in the article's first sentence
EventCode                   ``events.cameo``; EventBaseCode / EventRootCode its first 3 / 2
                            digits
QuadClass                   ``events.quad_class`` as 1–4 (verbal/material cooperation/conflict)
NumMentions                 reports of its corpus event (article events grouped, see
                            store/_clusters.py); 1 when events are not grouped
NumSources                  distinct outlets reporting that corpus event
NumArticles                 its stories: articles with near-duplicate copies counted once
AvgTone                     ``tone.compound`` × 10 when the article has a tone, else empty
ActionGeo_FullName          ``events.place``
DATEADDED                   start of the ingest run that stored the article (YYYYMMDDHHMMSS)
SOURCEURL                   the article URL
everything else             empty (known group, ethnic, religion, type 2–3 codes, Goldstein
                            scale, geo types, ADM codes, coordinates, feature ids)
==========================  =========================================================

The actor network links actors (article entities grouped by country for countries, else by
name and type): ``quotes`` counts quotes whose speaker is the edge's source and that mention its
target inside the quoted words; ``events`` counts events from source to target; ``weight`` is
their sum.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import logging
import tomllib
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store import _queries
from newsgraph.store._store import DATA_TABLES, Store

logger = logging.getLogger(__name__)


class ExportFormat(StrEnum):
    parquet = "parquet"
    jsonl = "jsonl"
    gdelt = "gdelt"
    graphml = "graphml"
    gexf = "gexf"


GDELT_FIELDS = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]

# PLOVER/CAMEO quad classes by the words our events may use for them.
_QUAD_CLASSES = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}


def export(store: Store, to: str | Path, fmt: ExportFormat) -> list[Path]:
    """Write the corpus to folder ``to`` in ``fmt``; returns the files written."""
    folder = Path(to)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{folder}: cannot create the export folder: {error.strerror}") from None
    if fmt is ExportFormat.parquet:
        return _copy_tables(store, folder, "parquet", "(FORMAT parquet, COMPRESSION zstd)")
    if fmt is ExportFormat.jsonl:
        written = _copy_tables(store, folder, "jsonl", "(FORMAT json)")
        return [*written, write_records(store, folder / "records.jsonl")]
    if fmt is ExportFormat.gdelt:
        return [write_gdelt(store, folder / "events.gdelt.tsv")]
    graph = actor_network(store)
    path = folder / f"actors.{fmt.value}"
    try:
        import networkx

        if fmt is ExportFormat.graphml:
            networkx.write_graphml(graph, path)
        else:
            networkx.write_gexf(graph, path)
    except OSError as error:
        raise StoreError(f"{path}: cannot write: {error.strerror}") from None
    return [path]


# Article records fetched per round trip when writing records.jsonl.
RECORD_BATCH = 500


def write_records(store: Store, path: Path) -> Path:
    """Every article's full JSON record (the documented contract), one per line."""
    try:
        with path.open("w", encoding="utf-8") as stream:
            for batch in store.batches("SELECT record FROM articles ORDER BY id", RECORD_BATCH):
                for (record,) in batch:
                    stream.write(record + "\n")
    except OSError as error:
        raise StoreError(f"{path}: cannot write: {error.strerror}") from None
    return path


def _copy(store: Store, sql: str, path: Path, options: str) -> None:
    target = str(path).replace("'", "''")
    store.query(f"COPY ({sql}) TO '{target}' {options}")


def _copy_tables(store: Store, folder: Path, suffix: str, options: str) -> list[Path]:
    written = []
    for table in DATA_TABLES:
        path = folder / f"{table}.{suffix}"
        _copy(store, f'SELECT * FROM "{table}"', path, options)
        written.append(path)
    return written


def global_event_id(article_id: str, ordinal: int) -> int:
    digest = hashlib.sha256(f"{article_id}:{ordinal}".encode()).hexdigest()
    return int(digest[:15], 16)


def quad_class_number(value: Any) -> str:
    if value is None:
        return ""
    text = str(value).strip().lower().replace("_", " ").replace("-", " ")
    if text in {"1", "2", "3", "4"}:
        return text
    return str(_QUAD_CLASSES.get(text, ""))


def _fraction_date(day: dt.date) -> str:
    return f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"


def _tone(record: str | None) -> str:
    if not record:
        return ""
    tone = json.loads(record)
    if isinstance(tone, dict) and isinstance(tone.get("compound"), int | float):
        return f"{tone['compound'] * 10:.4f}"
    return ""


@cache
def _sector_codes() -> dict[str, str]:
    """CAMEO role codes of our sectors (``[sector_codes]`` of the events stage's plover.toml)."""
    try:
        data = resources.files("newsgraph.extract").joinpath("data/plover.toml").read_text()
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    codes = tomllib.loads(data).get("sector_codes", {})
    return {str(key): str(value) for key, value in codes.items()}


def _sector_code(sector: str | None) -> str:
    return _sector_codes().get(sector or "", "")


def _actor_code(country: str | None, sector: str | None) -> str:
    """A CAMEO-style actor code: country then role ("USA" + "GOV")."""
    return (country or "") + _sector_code(sector)


def write_gdelt(store: Store, path: Path) -> Path:
    """Article-level events as GDELT 2.0 Events rows (tab-separated, no header)."""
    date_sql = (
        "coalesce(TRY_CAST(left(CAST(ev.date AS VARCHAR), 10) AS DATE), a.published_date)"
        if store.has_column("events", "date")
        else "a.published_date"
    )
    column = {
        name: (f"ev.{name}" if store.has_column("events", name) else "NULL")
        for name in (
            "cameo",
            "quad_class",
            "place",
            "sentence",
            "source",
            "target",
            "source_country",
            "target_country",
            "source_sector",
            "target_sector",
        )
    }
    clustered = store.has_table("corpus_events") and store.clusters_current()
    clusters_join = (
        "LEFT JOIN corpus_event_members cm ON cm.article_id = ev.article_id"
        " AND cm.ordinal = ev.ordinal"
        " LEFT JOIN corpus_events ce ON ce.event_id = cm.event_id"
        if clustered
        else ""
    )
    table = store.query(
        f"""
        SELECT ev.article_id, ev.ordinal, {date_sql} AS day,
               upper(coalesce({column["source"]}, src.name)) AS source_name,
               coalesce({column["source_country"]}, src.country) AS source_country,
               coalesce({column["source_sector"]}, src.sector) AS source_sector,
               upper(coalesce({column["target"]}, tgt.name)) AS target_name,
               coalesce({column["target_country"]}, tgt.country) AS target_country,
               coalesce({column["target_sector"]}, tgt.sector) AS target_sector,
               {column["cameo"]} AS cameo, {column["quad_class"]} AS quad_class,
               {column["place"]} AS place, {column["sentence"]} AS sentence,
               CAST(a.tone AS VARCHAR) AS tone, a.url, r.started_at,
               {
            "ce.num_events, ce.num_stories, ce.num_sources"
            if clustered
            else "NULL AS num_events, NULL AS num_stories, NULL AS num_sources"
        }
        FROM events ev
        JOIN articles a ON a.id = ev.article_id
        LEFT JOIN runs r ON r.run_id = a.run_id
        {clusters_join}
        {_queries.event_joins(store)}
        ORDER BY day NULLS LAST, ev.article_id, ev.ordinal
        """
    )
    try:
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
            for event in table.to_pylist():
                row = dict.fromkeys(GDELT_FIELDS, "")
                day: dt.date | None = event["day"]
                cameo = str(event["cameo"] or "")
                added: dt.datetime | None = event["started_at"]
                row.update(
                    GlobalEventID=str(global_event_id(event["article_id"], event["ordinal"])),
                    Actor1Code=_actor_code(event["source_country"], event["source_sector"]),
                    Actor1Name=event["source_name"] or "",
                    Actor1CountryCode=event["source_country"] or "",
                    Actor1Type1Code=_sector_code(event["source_sector"]),
                    Actor2Code=_actor_code(event["target_country"], event["target_sector"]),
                    Actor2Name=event["target_name"] or "",
                    Actor2CountryCode=event["target_country"] or "",
                    Actor2Type1Code=_sector_code(event["target_sector"]),
                    IsRootEvent="1" if event["sentence"] == 0 else "0",
                    EventCode=cameo,
                    EventBaseCode=cameo[:3],
                    EventRootCode=cameo[:2],
                    QuadClass=quad_class_number(event["quad_class"]),
                    NumMentions=str(event["num_events"] or 1),
                    NumSources=str(event["num_sources"] or 1),
                    NumArticles=str(event["num_stories"] or 1),
                    AvgTone=_tone(event["tone"]),
                    ActionGeo_FullName=event["place"] or "",
                    DATEADDED=f"{added:%Y%m%d%H%M%S}" if added else "",
                    SOURCEURL=event["url"] or "",
                )
                if day is not None:
                    row.update(
                        Day=f"{day:%Y%m%d}",
                        MonthYear=f"{day:%Y%m}",
                        Year=str(day.year),
                        FractionDate=_fraction_date(day),
                    )
                writer.writerow([row[name] for name in GDELT_FIELDS])
    except OSError as error:
        raise StoreError(f"{path}: cannot write: {error.strerror}") from None
    return path


_ACTOR_KEY = (
    "CASE WHEN {e}.type = 'GPE' AND {e}.country IS NOT NULL THEN {e}.country"
    " ELSE {e}.name || ' (' || {e}.type || ')' END"
)


def actor_network(store: Store) -> Any:
    """The weighted, directed actor graph (networkx ``DiGraph``)."""
    import networkx

    graph = networkx.DiGraph()
    nodes = store.query(
        f"""
        SELECT {_ACTOR_KEY.format(e="e")} AS key, mode(e.name) AS name, mode(e.type) AS type,
               mode(e.country) AS country, count(DISTINCT e.article_id) AS articles
        FROM entities e GROUP BY 1
        """
    )
    for node in nodes.to_pylist():
        graph.add_node(
            node["key"],
            label=node["name"],
            type=node["type"] or "",
            country=node["country"] or "",
            articles=int(node["articles"]),
        )
    quoted = store.query(
        f"""
        SELECT {_ACTOR_KEY.format(e="sp")} AS source, {_ACTOR_KEY.format(e="ab")} AS target,
               count(*) AS n
        FROM quotes q
        JOIN entities sp ON sp.article_id = q.article_id AND sp.id = q.speaker
        JOIN mentions m ON m.article_id = q.article_id
             AND m.span_start >= q.span_start AND m.span_end <= q.span_end
             AND m.entity_id <> q.speaker
        JOIN entities ab ON ab.article_id = m.article_id AND ab.id = m.entity_id
        GROUP BY 1, 2
        """
    )
    source_columns = _queries.event_actor_columns(store, "source")
    target_columns = _queries.event_actor_columns(store, "target")
    acted = store.query(
        f"""
        SELECT {_ACTOR_KEY.format(e="src")} AS source, {_ACTOR_KEY.format(e="tgt")} AS target,
               count(*) AS n
        FROM events ev
        JOIN entities src ON src.article_id = ev.article_id AND src.id = {source_columns.entity}
        JOIN entities tgt ON tgt.article_id = ev.article_id AND tgt.id = {target_columns.entity}
        GROUP BY 1, 2
        """
    )
    for kind, table in (("quotes", quoted), ("events", acted)):
        for edge in table.to_pylist():
            source, target = edge["source"], edge["target"]
            if source == target:
                continue
            data = graph.get_edge_data(source, target) or {"quotes": 0, "events": 0, "weight": 0}
            data[kind] += int(edge["n"])
            data["weight"] += int(edge["n"])
            graph.add_edge(source, target, **data)
    return graph
