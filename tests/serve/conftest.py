"""Fixtures of the serve tests: corpus databases built from the demo articles and from records
made by hand (events, places, amounts and dates the demo does not have yet, hostile payloads)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

import newsgraph
from newsgraph import (
    Amount,
    Article,
    DateRef,
    Entity,
    Event,
    Place,
    Quote,
    Removed,
    Span,
    article_id,
)
from newsgraph.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Payloads that would run script if any field were rendered as HTML.
XSS_TITLE = "<script>window.__xss = 'title'</script>Hostile <b>title</b>"
XSS_AUTHOR = "<img src=x onerror=\"window.__xss='author'\">"
XSS_URL = "javascript:window.__xss='url'"
XSS_TEXT = (
    "Officials in Lisbon said the <img src=x onerror=\"window.__xss='text'\"> tag was harmless."
    "\n\n<script>window.__xss = 'script'</script> A second paragraph with"
    " <a href=\"javascript:window.__xss='link'\">a link</a>."
)


def _span_of(text: str, needle: str, start: int = 0) -> Span:
    at = text.index(needle, start)
    return Span(at, at + len(needle))


def annotated_article() -> Article:
    """An article with one of every record kind, spans found in its own text."""
    text = (
        "WASHINGTON — The United States imposed sanctions on Venezuela on Monday, officials said."
        '\n\n"We will not accept this," said Rafael Ordaz, who threatened to cut oil sales'
        " worth $2 billion to the United States."
        "\n\nVenezuela may expel diplomats from Caracas next week, according to Maria Silva."
    )
    usa = Entity(
        id="e1",
        name="United States",
        type="GPE",
        mentions=(_span_of(text, "United States"), _span_of(text, "United States", 120)),
        extractor="newsgraph.actors.v1",
        country="USA",
    )
    ven = Entity(
        id="e2",
        name="Venezuela",
        type="GPE",
        mentions=(_span_of(text, "Venezuela"), _span_of(text, "Venezuela", 150)),
        extractor="newsgraph.actors.v1",
        country="VEN",
    )
    ordaz = Entity(
        id="e3",
        name="Rafael Ordaz",
        type="PERSON",
        mentions=(_span_of(text, "Rafael Ordaz"),),
        extractor="newsgraph.actors.v1",
        country="VEN",
        sector="government",
    )
    silva = Entity(
        id="e4",
        name="Maria Silva",
        type="PERSON",
        mentions=(_span_of(text, "Maria Silva"),),
        extractor="newsgraph.actors.v1",
    )
    quote = Quote(
        text="We will not accept this,",
        span=_span_of(text, "We will not accept this,"),
        kind="direct",
        speaker="e3",
        speaker_name="Rafael Ordaz",
        speaker_span=_span_of(text, "Rafael Ordaz"),
        cue=_span_of(text, "said Rafael"),
        via=None,
        extractor="newsgraph.quotes.v1",
    )
    about_usa = Quote(
        text="The United States imposed sanctions",
        span=_span_of(text, "The United States imposed sanctions"),
        kind="indirect",
        speaker="e3",
        speaker_name="Rafael Ordaz",
        speaker_span=None,
        cue=None,
        via=None,
        extractor="newsgraph.quotes.v1",
    )
    event = Event(
        type="SANCTION",
        mode=None,
        quad_class="material conflict",
        cameo="163",
        source="United States",
        source_entity="e1",
        source_country="USA",
        target="Venezuela",
        target_entity="e2",
        target_country="VEN",
        sentence=0,
        trigger=_span_of(text, "imposed sanctions"),
        source_span=_span_of(text, "United States"),
        target_span=_span_of(text, "Venezuela"),
        asserted_by=None,
        negated=False,
        hedged=False,
        modality="asserted",
        date="2025-08-04",
        place=None,
        extractor="newsgraph.events.v1",
    )
    threat = Event(
        type="THREATEN",
        mode=None,
        quad_class="verbal conflict",
        cameo="13",
        source="Rafael Ordaz",
        source_entity="e3",
        source_country="VEN",
        target="United States",
        target_entity="e1",
        target_country="USA",
        sentence=1,
        trigger=_span_of(text, "threatened"),
        source_span=_span_of(text, "Rafael Ordaz"),
        target_span=None,
        asserted_by=None,
        negated=False,
        hedged=False,
        modality="asserted",
        date="2025-08-04",
        place=None,
        extractor="newsgraph.events.v1",
    )
    expel = Event(
        type="REDUCE",
        mode="expel",
        quad_class="material conflict",
        cameo="1663",
        source="Venezuela",
        source_entity="e2",
        source_country="VEN",
        target="United States",
        target_entity="e1",
        target_country="USA",
        sentence=2,
        trigger=_span_of(text, "expel"),
        source_span=_span_of(text, "Venezuela", 150),
        target_span=None,
        asserted_by="Maria Silva",
        asserted_by_entity="e4",
        negated=False,
        hedged=True,
        modality="possible",
        date="2025-08-11",
        place="Caracas",
        extractor="newsgraph.events.v1",
    )
    return Article(
        id=article_id("https://example.com/sanctions", text),
        source="Example Wire",
        url="https://example.com/sanctions",
        title="U.S. sanctions Venezuela; Caracas threatens to expel diplomats",
        authors=("Ana Reporter",),
        published="2025-08-04",
        language="en",
        text=text,
        removed=(
            Removed(
                text="Subscribe to our newsletter",
                reason="furniture",
                rule="newsletter",
                at=len(text),
                extractor="newsgraph.clean.v1",
            ),
        ),
        entities=(usa, ven, ordaz, silva),
        quotes=(quote, about_usa),
        events=(event, threat, expel),
        amounts=(
            Amount(
                text="$2 billion",
                span=_span_of(text, "$2 billion"),
                kind="money",
                value=2e9,
                value_max=None,
                unit=None,
                currency="USD",
                qualifier=None,
                approximate=False,
                object=None,
                per=None,
                about=None,
                extractor="newsgraph.amounts.v1",
            ),
        ),
        dates=(
            DateRef(
                span=_span_of(text, "Monday"),
                kind="date",
                value="2025-08-04",
                resolution="day",
                modifier=None,
                relation=None,
                start="2025-08-04",
                end="2025-08-04",
                anchor="published",
                confidence=None,
                extractor="newsgraph.dates.v1",
            ),
        ),
        places=(
            Place(
                span=_span_of(text, "WASHINGTON"),
                name="Washington",
                country="US",
                feature="city",
                lat=38.9,
                lon=-77.04,
                confidence=0.9,
                extractor="newsgraph.places.v1",
            ),
            Place(
                span=_span_of(text, "Caracas"),
                name="Caracas",
                country="VE",
                feature="city",
                lat=10.49,
                lon=-66.88,
                confidence=0.9,
                extractor="newsgraph.places.v1",
            ),
        ),
    )


def hostile_article() -> Article:
    """An article whose every free-text field is an injection attempt."""
    lisbon = _span_of(XSS_TEXT, "Lisbon")
    return Article(
        id=article_id(XSS_URL, XSS_TEXT),
        source="<b>Evil</b> Outlet",
        url=XSS_URL,
        title=XSS_TITLE,
        authors=(XSS_AUTHOR,),
        published="2025-08-05",
        language="en",
        text=XSS_TEXT,
        entities=(
            Entity(
                id="e1",
                name="<img src=x onerror=alert(1)>",
                type="PERSON",
                mentions=(lisbon,),
                extractor="newsgraph.actors.v1",
            ),
        ),
        quotes=(
            Quote(
                text=XSS_TEXT[lisbon.end + 10 : lisbon.end + 60],
                span=Span(lisbon.end + 10, lisbon.end + 60),
                kind="indirect",
                speaker="e1",
                speaker_name="<script>window.__xss='speaker'</script>",
                speaker_span=None,
                cue=None,
                via=None,
                extractor="newsgraph.quotes.v1",
            ),
        ),
        removed=(
            Removed(
                text="<iframe src=javascript:alert(1)></iframe>",
                reason="furniture",
                rule="<b>rule</b>",
                at=0,
                extractor="newsgraph.clean.v1",
            ),
        ),
    )


def write_corpus(path: Path, articles: Iterable[Article]) -> Path:
    """A corpus database holding ``articles``, as ``newsgraph ingest`` would store them (with
    corpus actors, near-duplicates, corpus events and the search index built after)."""
    with Store.open(path) as store:
        store.write(list(articles))
        store.rebuild_actors()
        store.rebuild_duplicates()
        store.rebuild_event_clusters()
        store.rebuild_search_index()
    return path


def actor_id(database: Path, name: str, type: str) -> str:
    """The corpus actor id the store gave the actor named ``name``."""
    with Store.open(database, read_only=True) as store:
        found = store.query(
            "SELECT actor_id FROM actors WHERE name = ? AND type = ?", [name, type]
        ).column("actor_id")
    assert len(found) == 1, f"{name} ({type}) is {len(found)} corpus actors"
    return str(found[0])


@pytest.fixture(scope="session")
def demo_articles(pipeline: newsgraph.Pipeline) -> list[Article]:
    """The demo corpus (examples/) analysed once per session."""
    return [
        item
        for item in pipeline.run(newsgraph.iter_documents([str(EXAMPLES)]))
        if isinstance(item, Article)
    ]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_articles: list[Article]) -> Path:
    """The demo corpus plus the hand-built annotated and hostile articles."""
    path = tmp_path_factory.mktemp("serve") / "demo.duckdb"
    return write_corpus(path, [*demo_articles, annotated_article(), hostile_article()])
