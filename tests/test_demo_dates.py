"""Dates on the demo corpus against a hand-written answer key (tests/golden/demo_dates.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import Article, Pipeline, iter_documents

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KEY = json.loads((ROOT / "tests" / "golden" / "demo_dates.json").read_text("utf-8"))
KEY.pop("_about")
CASES = [
    (article, index, expected)
    for article, entries in sorted(KEY.items())
    for index, expected in enumerate(entries)
]


@pytest.fixture(scope="module")
def demo_articles(pipeline: Pipeline) -> dict[str, Article]:
    articles = {}
    for item in pipeline.run(iter_documents([str(EXAMPLES)])):
        if isinstance(item, Article) and item.provenance is not None:
            origin = item.provenance.origin
            key = Path(origin.path).resolve().relative_to(EXAMPLES).as_posix()
            articles[key if origin.record is None else f"{key}#{origin.record}"] = item
    return articles


def test_answer_key_covers_at_least_twenty_expressions():
    assert len(CASES) >= 20


@pytest.mark.parametrize(("key", "index", "expected"), CASES, ids=lambda v: str(v)[:40])
def test_demo_date_value_matches_answer_key(demo_articles, key, index, expected):
    article = demo_articles[key]
    matching = [
        d for d in article.dates if article.text[d.span.start : d.span.end] == expected["text"]
    ]
    occurrence = expected.get("occurrence", 1)
    assert len(matching) >= occurrence, f"{expected['text']!r} not found as a date span"
    date = matching[occurrence - 1]
    assert date.value == expected["value"]
    for field in ("modifier", "relation"):
        if field in expected:
            assert getattr(date, field) == expected[field]
