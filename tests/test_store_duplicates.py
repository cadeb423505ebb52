"""Near-duplicate articles (wire copies): detected with MinHash, counted once."""

from __future__ import annotations

import random
from datetime import date

from newsgraph.store import Store, _queries
from newsgraph.store._duplicates import MIN_WORDS, near_duplicates, signature
from store_helpers import make_article, make_event

_VOCABULARY = [
    "government",
    "minister",
    "said",
    "talks",
    "would",
    "resume",
    "after",
    "the",
    "strike",
    "ended",
    "port",
    "workers",
    "union",
    "agreement",
    "wages",
    "shipping",
    "companies",
    "vessels",
    "diverted",
    "council",
    "mayor",
    "budget",
    "election",
    "court",
    "ruling",
    "appeal",
    "police",
    "protest",
    "capital",
    "region",
    "border",
    "trade",
    "export",
    "tariff",
    "energy",
    "prices",
]


def story(seed: int, words: int = 300) -> str:
    chooser = random.Random(seed)
    return " ".join(chooser.choice(_VOCABULARY) for _ in range(words)) + "."


WIRE = story(1)
# The same wire text with a local headline line and the last sentence trimmed.
COPY = "Local edition: " + WIRE[: int(len(WIRE) * 0.93)]


def test_a_trimmed_copy_with_a_new_first_line_is_a_duplicate_of_the_earlier_original():
    items = [
        ("copy", date(2025, 8, 2), signature(COPY)),
        ("wire", date(2025, 8, 1), signature(WIRE)),
        ("other", date(2025, 8, 1), signature(story(2))),
    ]

    [found] = near_duplicates(items)

    assert (found.article_id, found.duplicate_of) == ("copy", "wire")
    assert found.similarity >= 0.8


def test_copies_of_copies_point_at_the_one_original():
    second_copy = COPY + " Reporting by staff."
    items = [
        ("wire", date(2025, 8, 1), signature(WIRE)),
        ("copy", date(2025, 8, 2), signature(COPY)),
        ("copy2", date(2025, 8, 3), signature(second_copy)),
    ]

    assert {(d.article_id, d.duplicate_of) for d in near_duplicates(items)} == {
        ("copy", "wire"),
        ("copy2", "wire"),
    }


def test_articles_on_the_same_topic_in_other_words_are_not_duplicates():
    items = [(f"a{seed}", None, signature(story(seed))) for seed in range(10)]

    assert near_duplicates(items) == []


def test_a_short_text_gets_no_signature():
    assert signature("word " * (MIN_WORDS - 1)) is None
    assert signature("word " * MIN_WORDS) is not None


def _accuse(text: str):
    return (
        make_event(
            text,
            "minister",
            type="ACCUSE",
            quad_class="verbal conflict",
            source="CHN",
            target="USA",
        ),
    )


def test_the_store_records_copies_and_the_dyad_counts_stories(tmp_path):
    articles = [
        make_article(
            WIRE, url="https://wire.example/a", published="2025-08-01", events=_accuse(WIRE)
        ),
        make_article(
            COPY, url="https://paper.example/a", published="2025-08-02", events=_accuse(COPY)
        ),
        make_article(story(3), url="https://other.example/b", published="2025-08-02"),
    ]
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(articles)

        assert store.rebuild_duplicates() == 1
        rows = store.query("SELECT article_id, duplicate_of FROM near_duplicates").to_pylist()
        [week] = _queries.dyad(store, "CHN", "USA").to_pylist()

    assert rows == [{"article_id": articles[1].id, "duplicate_of": articles[0].id}]
    assert (week["events"], week["articles"], week["stories"]) == (2, 2, 1)


def test_articles_stored_without_signatures_are_signed_when_copies_are_searched(tmp_path):
    articles = [
        make_article(WIRE, url="https://wire.example/a", published="2025-08-01"),
        make_article(COPY, url="https://paper.example/a", published="2025-08-02"),
    ]
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(articles)
        store.connection.execute("DELETE FROM signatures")  # as an older release left it

        assert store.rebuild_duplicates() == 1
        assert store.counts()["articles"] == 2
