"""The corpus tables: their columns, and the rows an analysed article or a failure gives them.

Record tables (``articles``, ``removed``, ``entities``, ``quotes``, ``events``, ``amounts``,
``dates``, ``places``, ``failures``) take their columns from the record classes
(:mod:`newsgraph.store._columns`); child tables add ``article_id`` and ``ordinal`` (the record's
position in the article's list) in front. Bookkeeping tables (``documents``, ``runs``,
``meta``, ``mentions``) are written here by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from newsgraph.records import Article, Failure, article_to_json
from newsgraph.store._columns import (
    ARROW_TYPES,
    Column,
    record_children,
    record_columns,
)
from newsgraph.store._columns import (
    record_columns as _record_columns,
)
from newsgraph.store._duplicates import signature

__all__ = ["TABLES", "Table", "article_rows", "failure_rows"]

# Article fields that go to tables of their own; every other field is a column of ``articles``.
CHILD_TABLES: dict[str, type] = record_children(Article)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its name and columns (name, SQL type), in order."""

    name: str
    columns: tuple[tuple[str, str], ...]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            [
                pa.field(name, _ARROW_EXTRA.get(sql, ARROW_TYPES.get(sql)))
                for name, sql in self.columns
            ]
        )

    def to_arrow(self, rows: Sequence[dict[str, Any]]) -> pa.Table:
        return pa.Table.from_pylist(list(rows), schema=self.arrow_schema())


_ARROW_EXTRA: dict[str, pa.DataType] = {
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "BLOB": pa.binary(),
}


def _plain(columns: Iterable[Column]) -> tuple[tuple[str, str], ...]:
    return tuple((column.name, column.sql_type) for column in columns)


def _article_columns() -> tuple[Column, ...]:
    return _record_columns(Article, frozenset(CHILD_TABLES))


_ARTICLE_EXTRA = (
    ("published_date", "DATE"),
    ("analysis_key", "VARCHAR"),
    ("run_id", "VARCHAR"),
    ("record", "JSON"),
)
_CHILD_KEY = (("article_id", "VARCHAR"), ("ordinal", "BIGINT"))


def _tables() -> dict[str, Table]:
    tables = {
        "articles": Table("articles", _plain(_article_columns()) + _ARTICLE_EXTRA),
        "mentions": Table(
            "mentions",
            (
                ("article_id", "VARCHAR"),
                ("entity_id", "VARCHAR"),
                ("ordinal", "BIGINT"),
                ("span_start", "BIGINT"),
                ("span_end", "BIGINT"),
                ("text", "VARCHAR"),
            ),
        ),
        "failures": Table(
            "failures",
            (
                ("id", "VARCHAR"),
                ("doc_key", "VARCHAR"),
                *_plain(record_columns(Failure)),
                ("run_id", "VARCHAR"),
            ),
        ),
        "documents": Table(
            "documents",
            (
                ("doc_key", "VARCHAR"),
                ("path", "VARCHAR"),
                ("record", "BIGINT"),
                ("article_id", "VARCHAR"),
                ("failure_id", "VARCHAR"),
                ("run_id", "VARCHAR"),
            ),
        ),
        "runs": Table(
            "runs",
            (
                ("run_id", "VARCHAR"),
                ("newsgraph", "VARCHAR"),
                ("model", "VARCHAR"),
                ("extractors", "VARCHAR[]"),
                ("config_hash", "VARCHAR"),
                ("config", "JSON"),
                ("inputs", "VARCHAR[]"),
                ("started_at", "TIMESTAMP"),
                ("finished_at", "TIMESTAMP"),
                ("status", "VARCHAR"),
                ("documents", "BIGINT"),
                ("articles_added", "BIGINT"),
                ("articles_present", "BIGINT"),
                ("failures", "BIGINT"),
            ),
        ),
        "meta": Table("meta", (("key", "VARCHAR"), ("value", "VARCHAR"))),
        # Corpus-level actors, rebuilt from the entities after each ingest (store/_actors.py).
        "actors": Table(
            "actors",
            (
                ("actor_id", "VARCHAR"),
                ("name", "VARCHAR"),
                ("type", "VARCHAR"),
                ("country", "VARCHAR"),
                ("sector", "VARCHAR"),
                ("aliases", "VARCHAR[]"),
                ("titles", "JSON"),
                ("articles", "BIGINT"),
                ("mentions", "BIGINT"),
                ("outlets", "BIGINT"),
                ("quotes", "BIGINT"),
                ("first_seen", "DATE"),
                ("last_seen", "DATE"),
                ("wikidata", "VARCHAR"),
            ),
        ),
        # MinHash signature of each article's text, and the copies found with them
        # (store/_duplicates.py).
        "signatures": Table("signatures", (("article_id", "VARCHAR"), ("signature", "BLOB"))),
        "near_duplicates": Table(
            "near_duplicates",
            (("article_id", "VARCHAR"), ("duplicate_of", "VARCHAR"), ("similarity", "DOUBLE")),
        ),
        # Corpus-level events: article events grouped across reports (store/_clusters.py).
        "corpus_events": Table(
            "corpus_events",
            (
                ("event_id", "VARCHAR"),
                ("type", "VARCHAR"),
                ("quad_class", "VARCHAR"),
                ("source", "VARCHAR"),
                ("target", "VARCHAR"),
                ("source_name", "VARCHAR"),
                ("target_name", "VARCHAR"),
                ("first_date", "DATE"),
                ("last_date", "DATE"),
                ("num_events", "BIGINT"),
                ("num_articles", "BIGINT"),
                ("num_stories", "BIGINT"),
                ("num_sources", "BIGINT"),
            ),
        ),
        "corpus_event_members": Table(
            "corpus_event_members",
            (("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("ordinal", "BIGINT")),
        ),
        "actor_entities": Table(
            "actor_entities",
            (("actor_id", "VARCHAR"), ("article_id", "VARCHAR"), ("entity_id", "VARCHAR")),
        ),
    }
    for name, record_class in CHILD_TABLES.items():
        tables[name] = Table(name, _CHILD_KEY + _plain(record_columns(record_class)))
    return tables


TABLES: dict[str, Table] = _tables()
# The tables an article's content is in (what replacing an article deletes).
ARTICLE_TABLES = ("articles", "mentions", "signatures", *CHILD_TABLES)


def published_date(published: str | None) -> dt.date | None:
    """The calendar date of an ISO 8601 publication time as written (no time-zone shift)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def article_rows(
    article: Article, *, analysis_key: str, run_id: str | None
) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one article, by table name."""
    row = {column.name: column.getter(article) for column in _article_columns()}
    row.update(
        published_date=published_date(article.published),
        analysis_key=analysis_key,
        run_id=run_id,
        record=json.dumps(article_to_json(article), ensure_ascii=False),
    )
    minhash = signature(article.text)
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [row],
        "mentions": [],
        "signatures": [] if minhash is None else [{"article_id": article.id, "signature": minhash}],
    }
    for field_name, record_class in CHILD_TABLES.items():
        columns = record_columns(record_class)
        rows[field_name] = [
            {
                "article_id": article.id,
                "ordinal": ordinal,
                **{column.name: column.getter(record) for column in columns},
            }
            for ordinal, record in enumerate(getattr(article, field_name))
        ]
    text = article.text
    for entity in article.entities:
        rows["mentions"] += [
            {
                "article_id": article.id,
                "entity_id": entity.id,
                "ordinal": ordinal,
                "span_start": span.start,
                "span_end": span.end,
                "text": text[span.start : span.end],
            }
            for ordinal, span in enumerate(entity.mentions)
        ]
    return rows


def failure_id(failure: Failure, doc_key: str | None) -> str:
    """Content hash of a failure: the same document failing the same way is one row."""
    payload = json.dumps(
        [
            doc_key,
            failure.origin.path,
            failure.origin.record,
            failure.stage,
            failure.error,
            failure.reason,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def failure_rows(failure: Failure, *, doc_key: str | None, run_id: str | None) -> dict[str, Any]:
    return {
        "id": failure_id(failure, doc_key),
        "doc_key": doc_key,
        **{column.name: column.getter(failure) for column in record_columns(Failure)},
        "run_id": run_id,
    }
