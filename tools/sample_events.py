#!/usr/bin/env python
"""Print a review sheet of events coded on real articles, for a person to read and judge.

A tool for humans, not a test: it draws articles from JSONL or CSV files, runs the full
pipeline on them, draws ``--n`` of the coded events at random and prints each with its
sentence, trigger, dyad and modality, numbered, so that a reader can mark each one right or
wrong. The same ``--seed`` gives the same sheet (for the same code and data); a new seed gives
fresh articles and events.

    .venv/bin/python tools/sample_events.py \\
        --data ../shared/evaldata/ngec-guardian-sample/Guardian_SDF_sample.csv \\
        --data ../shared/evaldata/allsides/articles.jsonl \\
        --where topic=world,middle_east,trade,immigration,north_korea,us_military \\
        --n 50 --seed 7

Input: JSONL (one article a line; text in ``text``, ``content``, ``content_original`` or
``body``; date in ``date`` or ``published``) or CSV with a ``text`` column (and ``date``).
``--where FIELD=V1,V2`` keeps records whose FIELD is one of the values (applied to files that
have the field). Records are read with a streaming reservoir draw, so large files are fine.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph import Article, Event, Origin, Pipeline, RawDocument
from newsgraph.extract.events import actor_code

TEXT_FIELDS = ("text", "content", "content_original", "body")
DATE_FIELDS = ("date", "published", "publish_date")
# The first characters of each article are analysed: enough for a dozen paragraphs, and it
# keeps a 40-article run to about a minute on one core.
DEFAULT_MAX_CHARS = 6000
DEFAULT_ARTICLES_PER_FILE = 20
SHEET_WIDTH = 100


def _records(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix.lower() == ".csv":
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict):
                yield record


def _first(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _keep(record: dict[str, Any], where: dict[str, set[str]]) -> bool:
    return all(str(record[field]) in values for field, values in where.items() if field in record)


def draw_articles(
    path: Path, count: int, rng: random.Random, where: dict[str, set[str]], max_chars: int
) -> list[RawDocument]:
    """``count`` records of a file drawn uniformly at random (reservoir sampling)."""
    chosen: list[tuple[int, dict[str, Any]]] = []
    seen = 0
    for index, record in enumerate(_records(path)):
        if not _keep(record, where) or _first(record, TEXT_FIELDS) is None:
            continue
        seen += 1
        if len(chosen) < count:
            chosen.append((index, record))
        elif (slot := rng.randrange(seen)) < count:
            chosen[slot] = (index, record)
    chosen.sort(key=lambda item: item[0])
    documents = []
    for index, record in chosen:
        text = _first(record, TEXT_FIELDS) or ""
        date = _first(record, DATE_FIELDS)
        documents.append(
            RawDocument(
                origin=Origin(
                    path=str(path), format=path.suffix.lstrip(".") or "text", record=index
                ),
                body=text[:max_chars],
                media_type="text/plain",
                title=record.get("title") if isinstance(record.get("title"), str) else None,
                published=date[:10] if date else None,
                url=record.get("url") if isinstance(record.get("url"), str) else None,
            )
        )
    return documents


def _sentence_bounds(article: Article, event: Event) -> tuple[int, int]:
    for span in article.sentences:
        if span.start <= event.trigger.start < span.end:
            return span.start, span.end
    return max(0, event.trigger.start - 150), min(len(article.text), event.trigger.end + 150)


def _marked_sentence(article: Article, event: Event) -> str:
    """The event's sentence with its trigger in brackets, marked at its offsets (the same word
    may stand earlier in the sentence, or inside a longer word)."""
    start, end = _sentence_bounds(article, event)
    text = article.text
    marked = (
        text[start : event.trigger.start]
        + f"[{text[event.trigger.start : event.trigger.end]}]"
        + text[event.trigger.end : end]
    )
    return " ".join(marked.split())


def describe(article: Article, event: Event) -> list[str]:
    """The lines of one sheet entry."""
    source = event.source or "?"
    target = event.target or "?"
    source_code = actor_code(event.source_country, event.source_sector)
    target_code = actor_code(event.target_country, event.target_sector)
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    flags = [event.modality]
    if event.negated:
        flags.append("negated")
    if event.hedged:
        flags.append("hedged")
    if event.asserted_by:
        flags.append(f"asserted by {event.asserted_by}")
    marked = _marked_sentence(article, event)
    return [
        *textwrap.wrap(marked, SHEET_WIDTH, initial_indent="    ", subsequent_indent="    "),
        f"    {source} [{source_code}] —{kind}→ {target} [{target_code}]   ({', '.join(flags)})",
        f"    from {article.source or ''} {article.published or ''} {article.url or ''}".rstrip(),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, action="append", required=True)
    parser.add_argument("--n", type=int, default=50, help="events to print")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES_PER_FILE)
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS)
    parser.add_argument(
        "--where", action="append", default=[], help="FIELD=V1,V2: keep records with these values"
    )
    args = parser.parse_args(argv)
    where: dict[str, set[str]] = {}
    for condition in args.where:
        field, _, values = condition.partition("=")
        where[field.strip()] = {v.strip() for v in values.split(",") if v.strip()}
    rng = random.Random(args.seed)
    documents = [
        document
        for path in args.data
        for document in draw_articles(path, args.articles, rng, where, args.max_chars)
    ]
    pipeline = Pipeline()
    found: list[tuple[Article, Event]] = []
    articles = 0
    for item in pipeline.run(documents):
        if isinstance(item, Article):
            articles += 1
            found.extend((item, event) for event in item.events)
    sample = rng.sample(found, min(args.n, len(found)))
    sample.sort(key=lambda pair: (pair[0].id, pair[1].trigger.start))
    print(f"{len(found)} events in {articles} articles; {len(sample)} drawn (seed {args.seed})")
    for number, (article, event) in enumerate(sample, 1):
        print(f"\n{number:>2}.")
        print("\n".join(describe(article, event)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
