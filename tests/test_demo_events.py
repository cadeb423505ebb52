"""The demo storyline's main events against a hand-written key (tests/golden/demo_events.json):
every listed event must be coded (extra events are allowed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import Article, Event, Pipeline, iter_documents

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KEY = {
    name: events
    for name, events in json.loads(
        (ROOT / "tests" / "golden" / "demo_events.json").read_text("utf-8")
    ).items()
    if not name.startswith("_")
}


def _key(article: Article) -> str:
    assert article.provenance is not None
    origin = article.provenance.origin
    relative = Path(origin.path).resolve().relative_to(EXAMPLES).as_posix()
    return relative if origin.record is None else f"{relative}#{origin.record}"


@pytest.fixture(scope="module")
def demo_articles(pipeline: Pipeline) -> dict[str, Article]:
    items = list(pipeline.run(iter_documents([str(EXAMPLES)])))
    return {_key(item): item for item in items if isinstance(item, Article)}


def _matches(article: Article, event: Event, expected: dict[str, object]) -> bool:
    trigger = article.text[event.trigger.start : event.trigger.end]
    if trigger != expected["trigger"] or event.type != expected["type"]:
        return False
    for field in ("source_country", "target_country", "modality"):
        if expected[field] is not None and getattr(event, field) != expected[field]:
            return False
    if expected["asserted_by"] == "article" and event.asserted_by is not None:
        return False
    return not (expected["asserted_by"] == "quoted" and event.asserted_by is None)


def test_demo_event_key_covers_ten_articles():
    assert len(KEY) >= 10


# Share of the key's events that must be coded exactly (type, countries, assertion, modality).
# Measured 2026-11-30: 16 of 17. The one miss is a documented limit: "China's ambassador to
# Venezuela ... met Interior Minister Tomás Quintero in Caracas" — the text never says whose
# minister Quintero is (only world knowledge or a guess from the Caracas dateline would), so the
# target has no country.
DEMO_EVENTS_FLOOR = 0.94


def test_demo_main_events_are_coded(demo_articles):
    total = found = 0
    misses = []
    for key, expected_events in KEY.items():
        article = demo_articles[key]
        for expected in expected_events:
            total += 1
            if any(_matches(article, e, expected) for e in article.events):
                found += 1
                continue
            coded = [
                (article.text[e.trigger.start : e.trigger.end], e.type, e.source_country,
                 e.target_country, e.asserted_by, e.modality)
                for e in article.events
                if article.text[e.trigger.start : e.trigger.end] == expected["trigger"]
            ]  # fmt: skip
            misses.append(f"{key}: {expected} got {coded}")
    assert found / total >= DEMO_EVENTS_FLOOR, "\n".join(misses)
