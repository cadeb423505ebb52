"""Render records for people and programs: JSON, JSON Lines and a Rich table summary."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.extract.events import actor_code
from newsgraph.records import Article, Event, Failure, Quote, article_to_json

# How many entity names the summary shows per article.
SUMMARY_ENTITIES = 4
SUMMARY_TITLE_CHARS = 90
SUMMARY_QUOTES = 8
SUMMARY_QUOTE_CHARS = 90
# How many amounts the summary's "how much" line shows, and how far a counted noun may follow.
SUMMARY_AMOUNTS = 4
SUMMARY_AMOUNT_CHARS = 50
SUMMARY_DATES = 6
SUMMARY_PLACES = 4  # place names on the "where" line
SUMMARY_EVENTS = 8
# Indented JSON puts each number of a [start, end] span on its own line; keep spans on one.
# Raw newlines never occur inside JSON strings, so matching across them cannot touch text.
_SPLIT_SPAN = re.compile(r"\[\n\s+(\d+),\n\s+(\d+)\n\s+\]")


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


def _where(article: Article) -> str:
    """The places the article names most, resolved ones only: "Caracas (VE), Caribbean Sea"."""
    counts = Counter(
        (p.name, p.country) for p in article.places if p.lat is not None and p.lon is not None
    )
    ranked = sorted(counts, key=lambda key: -counts[key])[:SUMMARY_PLACES]
    return ", ".join(f"{name} ({country})" if country else name for name, country in ranked)


def _removed(article: Article) -> str:
    counts = Counter(item.reason for item in article.removed)
    return (
        ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in sorted(counts.items())) or "—"
    )


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the summary shows of one article; small, so a long run can keep them all."""

    title: str
    meta: str
    entities: str
    removed: str
    skipped: str | None
    quotes: tuple[str, ...] = ()
    more_quotes: int = 0
    amounts: str = ""
    when: str = "—"
    where: str = ""
    events: tuple[str, ...] = ()
    more_events: int = 0


def summary_row(article: Article) -> ArticleSummary:
    words = len(article.text.split())
    meta = " · ".join(
        part
        for part in (
            article.source or "unknown outlet",
            (article.published or "no date")[:10],
            article.language or "?",
            f"{words} words",
            f"{len(article.sentences)} sentences",
        )
    )
    return ArticleSummary(
        title=_shorten(article.title, SUMMARY_TITLE_CHARS) if article.title else "(no title)",
        meta=meta,
        entities=_top_entities(article),
        removed=_removed(article),
        skipped=article.provenance.skipped if article.provenance else None,
        quotes=tuple(_quote_line(quote) for quote in article.quotes[:SUMMARY_QUOTES]),
        more_quotes=max(0, len(article.quotes) - SUMMARY_QUOTES),
        amounts=_how_much(article),
        when=_when(article),
        where=_where(article),
        events=tuple(_event_line(event) for event in article.events[:SUMMARY_EVENTS]),
        more_events=max(0, len(article.events) - SUMMARY_EVENTS),
    )


def _how_much(article: Article) -> str:
    """The first amounts with the noun they count: "$50 million reward · two private jets"."""
    shown = []
    for amount in article.amounts[:SUMMARY_AMOUNTS]:
        end = amount.span.end
        if amount.object and 0 < amount.object.end - amount.span.start <= SUMMARY_AMOUNT_CHARS:
            end = max(end, amount.object.end)
        shown.append(" ".join(article.text[amount.span.start : end].split()))
    more = len(article.amounts) - len(shown)
    return " · ".join(shown) + (f" … and {more} more" if more > 0 else "")


def _when(article: Article) -> str:
    """The dated expressions, normalised: "Thursday → 2025-08-07, late July → 2025-07 (end)"."""
    dated = [d for d in article.dates if d.kind == "date" and d.value and d.value[:1].isdigit()]
    parts = []
    for date in dated[:SUMMARY_DATES]:
        surface = " ".join(article.text[date.span.start : date.span.end].split())
        relation = f"{date.relation} " if date.relation else ""
        modifier = f" ({date.modifier})" if date.modifier else ""
        parts.append(f"{relation}{surface} → {date.value}{modifier}")
    more = len(dated) - SUMMARY_DATES
    return ", ".join(parts) + (f", … {more} more" if more > 0 else "") if parts else "—"


def _event_actor(name: str | None, country: str | None, sector: str | None) -> str:
    code = actor_code(country, sector)
    if name is None:
        return code if code != "—" else "?"
    return name if code == "—" else f"{name} [{code}]"


def _event_line(event: Event) -> str:
    """SOURCE —TYPE→ TARGET (asserted by …, hedged/negated, modality)."""
    source = _event_actor(event.source, event.source_country, event.source_sector)
    target = _event_actor(event.target, event.target_country, event.target_sector)
    notes = [f"asserted by {event.asserted_by}" if event.asserted_by else "asserted by the article"]
    notes += [word for word, on in (("negated", event.negated), ("hedged", event.hedged)) if on]
    notes.append(event.modality)
    if event.date:
        notes.append(event.date + (" (publication)" if event.date_source == "publication" else ""))
    return f"{source} —{event.type}→ {target} ({', '.join(notes)})"


def _quote_line(quote: Quote) -> str:
    speaker = quote.speaker_name or "(no identified speaker)"
    text = _shorten(" ".join(quote.text.split()), SUMMARY_QUOTE_CHARS)
    extra = quote.kind + (f", via {quote.via}" if quote.via else "")
    return f"{speaker}: “{text}” ({extra})"


def summary_text(rows: Iterable[ArticleSummary]) -> Text:
    """One short block per article, readable at any terminal width."""
    text = Text()
    for number, row in enumerate(rows, start=1):
        text.append(f"{number:>3}. ", style="bold")
        text.append(row.title, style="bold")
        text.append(f"\n     {row.meta}\n", style="dim")
        if row.skipped:
            text.append(f"     not analysed: {row.skipped}\n", style="yellow")
        else:
            text.append("     entities: ", style="cyan")
            text.append(f"{row.entities}\n")
        if row.when != "—":
            text.append("     when: ", style="cyan")
            text.append(f"{row.when}\n")
        if row.where:
            text.append("     where: ", style="cyan")
            text.append(f"{row.where}\n")
        if row.quotes:
            text.append("     who said what:\n", style="cyan")
            for line in row.quotes:
                text.append(f"       • {line}\n")
            if row.more_quotes:
                text.append(f"       … and {row.more_quotes} more\n", style="dim")
        if row.amounts:
            text.append("     how much: ", style="cyan")
            text.append(f"{row.amounts}\n")
        if row.events:
            text.append("     who did what to whom:\n", style="cyan")
            for line in row.events:
                text.append(f"       • {line}\n")
            if row.more_events:
                text.append(f"       … and {row.more_events} more\n", style="dim")
        if row.removed != "—":
            text.append("     set aside: ", style="cyan")
            text.append(f"{row.removed}\n")
    return text


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


def print_summary(console: Console, rows: list[ArticleSummary], failures: list[Failure]) -> None:
    if rows:
        console.print(summary_text(rows), end="")
    if failures:
        console.print(failure_table(failures))
