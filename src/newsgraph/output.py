"""Render records for people and programs: JSON, JSON Lines and a Rich table summary."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.table import Table

from newsgraph.records import Article, Failure, article_to_json

# How many entity names the summary shows per article.
SUMMARY_ENTITIES = 4
SUMMARY_TITLE_CHARS = 60
# Indented JSON puts each number of a [start, end] span on its own line; keep spans on one.
_SPLIT_SPAN = re.compile(r"\[\s+(\d+),\s+(\d+)\s+\]")


def write_jsonl(article: Article, stream: IO[str]) -> None:
    stream.write(json.dumps(article_to_json(article), ensure_ascii=False))
    stream.write("\n")


class JsonArrayWriter:
    """Writes records as one JSON array, element by element (no need to hold them all)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0
        stream.write("[")

    def write(self, article: Article) -> None:
        self.stream.write(",\n" if self.count else "\n")
        text = json.dumps(article_to_json(article), ensure_ascii=False, indent=2)
        self.stream.write(_SPLIT_SPAN.sub(r"[\1, \2]", text))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")


def _shorten(text: str | None, limit: int) -> str:
    if not text:
        return "—"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _top_entities(article: Article) -> str:
    ranked = sorted(article.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start))
    return ", ".join(f"{e.name} ({e.type})" for e in ranked[:SUMMARY_ENTITIES]) or "—"


def _removed(article: Article) -> str:
    counts = Counter(item.reason for item in article.removed)
    return (
        ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in sorted(counts.items())) or "—"
    )


def summary_row(article: Article) -> tuple[str, ...]:
    """The summary of one article as table cells; small, so a long run can keep them all."""
    skipped = article.provenance.skipped if article.provenance else None
    return (
        _shorten(article.title, SUMMARY_TITLE_CHARS),
        _shorten(article.source, 24),
        (article.published or "—")[:10],
        article.language or "?",
        str(len(article.text.split())),
        str(len(article.sentences)),
        "not analysed: " + skipped if skipped else _top_entities(article),
        _removed(article),
    )


def summary_table(rows: Iterable[tuple[str, ...]]) -> Table:
    """One row per article: what it is, where it came from, what was found and set aside."""
    table = Table(title="newsgraph — analysed articles")
    for column in (
        "#",
        "title",
        "source",
        "published",
        "lang",
        "words",
        "sents",
        "main entities",
        "set aside",
    ):
        table.add_column(column, overflow="fold")
    for number, row in enumerate(rows, start=1):
        table.add_row(str(number), *row)
    return table


def failure_table(failures: Iterable[Failure]) -> Table:
    table = Table(title="documents that could not be analysed", title_style="bold red")
    for column in ("input", "stage", "reason"):
        table.add_column(column, overflow="fold")
    for failure in failures:
        where = failure.origin.path
        if failure.origin.record is not None:
            where += f"#{failure.origin.record}"
        table.add_row(where, failure.stage, f"{failure.reason} [{failure.error}]")
    return table


def print_summary(console: Console, rows: list[tuple[str, ...]], failures: list[Failure]) -> None:
    if rows:
        console.print(summary_table(rows))
    if failures:
        console.print(failure_table(failures))
