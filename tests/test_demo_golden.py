"""Golden tests on the bundled demo corpus (examples/) against its answer key
(tests/golden/demo_expected.json, written with the corpus, not generated from our output)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import Article, Pipeline, article_to_json, iter_documents, validate_article

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXPECTED = json.loads((ROOT / "tests" / "golden" / "demo_expected.json").read_text("utf-8"))


def _key(article: Article) -> str:
    assert article.provenance is not None
    origin = article.provenance.origin
    relative = Path(origin.path).resolve().relative_to(EXAMPLES).as_posix()
    return relative if origin.record is None else f"{relative}#{origin.record}"


@pytest.fixture(scope="module")
def demo_articles(pipeline: Pipeline) -> dict[str, Article]:
    items = list(pipeline.run(iter_documents([str(EXAMPLES)])))
    failures = [item for item in items if not isinstance(item, Article)]
    assert failures == []
    return {_key(item): item for item in items if isinstance(item, Article)}


def test_demo_corpus_gives_one_record_per_answer_key_entry(demo_articles):
    assert sorted(demo_articles) == sorted(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_demo_record_is_schema_valid_with_exact_spans(demo_articles, key):
    article = demo_articles[key]
    record = article_to_json(article)
    assert validate_article(record) == []
    for start, end in record["sentences"]:
        assert record["text"][start:end].strip() == record["text"][start:end]
    for entity in article.entities:
        for mention in entity.mentions:
            surface = article.text[mention.start : mention.end]
            # Mentions of one entity differ ("Maduro", "Nicolás Maduro", "the ministry").
            assert surface and surface == surface.strip()


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_demo_title_and_date_match_answer_key(demo_articles, key):
    article, expected = demo_articles[key], EXPECTED[key]
    assert article.title == expected["title"]
    published = article.published[:10] if article.published else None
    assert published == expected["published"]


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_demo_furniture_and_embedded_posts_are_set_aside_not_in_text(demo_articles, key):
    article, expected = demo_articles[key], EXPECTED[key]
    paragraphs = set(article.text.split("\n\n"))
    removed = {item.text for item in article.removed}
    removed_lines = {line for item in removed for line in item.splitlines()}
    expected_lines = [
        line for block in expected["furniture"] + expected["embedded"] for line in block.split("\n")
    ]
    for line in expected_lines:
        assert line not in paragraphs, f"{line!r} left in the clean text"
        if key.startswith("text/"):
            # Scraped text has no markup to drop it by: it must be listed in `removed`.
            assert line in removed_lines, f"{line!r} neither in text nor in removed"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_demo_quoted_material_survives_cleaning(demo_articles, key):
    article = demo_articles[key]
    for quote in EXPECTED[key]["quotes"]:
        assert quote["text_startswith"] in article.text
