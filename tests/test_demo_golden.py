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


def _same_person(expected: str | None, found: str | None) -> bool:
    if expected is None or found is None:
        return expected is found
    return found == expected or found.split()[-1] == expected.split()[-1]


# Floors on the demo answer key (218 quotes written with the corpus). Measured 2026-11-30:
# 210 found, 137 with the key's speaker (before the quotes branch: 205 and 134). The key names
# organisations in full ("U.S. Treasury Department") where the text says "the Treasury"; those
# count as misses here.
DEMO_QUOTES_FOUND_FLOOR = 0.94
DEMO_SPEAKER_FLOOR = 0.61


def test_demo_quotes_are_found_with_their_speakers(demo_articles):
    total = found = right = 0
    misses: list[str] = []
    for key, expected in EXPECTED.items():
        quotes = demo_articles[key].quotes
        for gold in expected["quotes"]:
            total += 1
            start = gold["text_startswith"]
            matches = [q for q in quotes if start in q.text or q.text.startswith(start[:25])]
            if not matches:
                misses.append(f"{key}: not found: {start!r}")
                continue
            found += 1
            if any(_same_person(gold["speaker"], q.speaker_name) for q in matches):
                right += 1
            else:
                misses.append(
                    f"{key}: {start!r} by {gold['speaker']!r}, got "
                    f"{[q.speaker_name for q in matches]}"
                )
    report = "\n".join(misses)
    assert found / total >= DEMO_QUOTES_FOUND_FLOOR, report
    assert right / total >= DEMO_SPEAKER_FLOOR, report


@pytest.mark.parametrize(
    ("key", "start", "speaker", "kind"),
    [
        # speaker after the quote, straight quotes
        (
            "html/atlantic-ledger-reward-doubled.html",
            "Rafael Ordaz is not a legitimate head",
            "Daniel Harper",
            "direct",
        ),
        # quote continued over two paragraphs
        ("warc/demo.warc.gz#1", None, None, "direct"),
    ],
)
def test_demo_representative_quotes(demo_articles, key, start, speaker, kind):
    quotes = demo_articles[key].quotes
    if start is None:
        assert any(q.kind == kind and "\n\n" in q.text for q in quotes)
        return
    [quote] = [q for q in quotes if q.text.startswith(start)]
    assert (quote.speaker_name, quote.kind) == (speaker, kind)
