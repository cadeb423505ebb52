"""Golden test of the places extractor on the demo corpus (examples/) against its answer key
tests/golden/demo_places.json, written by reading the articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import Article, Pipeline, iter_documents
from newsgraph.extract.places import distance_km

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KEY = json.loads((ROOT / "tests" / "golden" / "demo_places.json").read_text("utf-8"))
ARTICLES = sorted(k for k in KEY if not k.startswith("_"))
EXPECTED = [(key, item) for key in ARTICLES for item in KEY[key]["places"]]
NOT_PLACES = [(key, item) for key in ARTICLES for item in KEY[key]["not_places"]]


def _id(value: object) -> str:
    return value if isinstance(value, str) else str(value["text"])  # type: ignore[index]


@pytest.fixture(scope="module")
def demo(pipeline: Pipeline) -> dict[str, Article]:
    paths = [str(EXAMPLES / key) for key in ARTICLES]
    articles = [a for a in pipeline.run(iter_documents(paths)) if isinstance(a, Article)]
    found = {}
    for article in articles:
        assert article.provenance is not None
        found[Path(article.provenance.origin.path).resolve().relative_to(EXAMPLES).as_posix()] = (
            article
        )
    return found


def _span_of(text: str, surface: str, n: int) -> tuple[int, int]:
    start = -1
    for _ in range(n):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def test_demo_places_answer_key_covers_fifteen_mentions():
    assert len(EXPECTED) >= 15


@pytest.mark.parametrize(("key", "item"), EXPECTED, ids=_id)
def test_demo_place_is_found_with_country_feature_and_point(demo, key, item):
    article = demo[key]
    span = _span_of(article.text, item["text"], item["n"])
    place = next((p for p in article.places if (p.span.start, p.span.end) == span), None)
    assert place is not None, f"{item['text']} #{item['n']} is not a place"
    assert (place.country, place.feature) == (item["country"], item["feature"])
    assert place.lat is not None and place.lon is not None
    assert distance_km(place.lat, place.lon, item["lat"], item["lon"]) <= item["km"]


@pytest.mark.parametrize(("key", "item"), NOT_PLACES, ids=_id)
def test_demo_actor_demonym_or_person_is_not_a_place(demo, key, item):
    article = demo[key]
    start, end = _span_of(article.text, item["text"], item["n"])
    assert not any(p.span.start < end and start < p.span.end for p in article.places)
