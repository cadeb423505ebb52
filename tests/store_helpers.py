"""Hand-built records for the store tests (no spaCy): articles with entities, quotes, events."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, get_args, get_origin

from newsgraph import Article, Entity, Event, Origin, Provenance, Quote, Span, article_id


def make_record(record_class: type, **given: Any) -> Any:
    """A record with the fields given; other required fields get an empty value of their type,
    so these helpers keep working when a record class gains fields."""
    hints = typing.get_type_hints(record_class)
    values = dict(given)
    for field in dataclasses.fields(record_class):
        if field.name in values or field.default is not dataclasses.MISSING:
            continue
        if field.default_factory is not dataclasses.MISSING:
            continue
        hint = hints[field.name]
        if type(None) in get_args(hint):
            values[field.name] = None
        elif hint is bool:
            values[field.name] = False
        elif hint is int:
            values[field.name] = 0
        elif hint is float:
            values[field.name] = 0.0
        elif hint is Span:
            values[field.name] = Span(0, 0)
        elif get_origin(hint) is tuple:
            values[field.name] = ()
        elif get_origin(hint) is typing.Literal:
            values[field.name] = get_args(hint)[0]
        else:
            values[field.name] = ""
    return record_class(**values)


def span_of(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part))


def make_event(text: str, trigger: str, **given: Any) -> Event:
    return make_record(Event, trigger=span_of(text, trigger), extractor="test.events.v1", **given)


def make_article(
    text: str,
    *,
    url: str,
    published: str | None,
    source: str = "Test Wire",
    title: str | None = None,
    entities: tuple[Entity, ...] = (),
    quotes: tuple[Quote, ...] = (),
    events: tuple[Event, ...] = (),
    path: str = "test.jsonl",
    record: int | None = None,
    model: str = "test-model",
) -> Article:
    return Article(
        id=article_id(url, text),
        source=source,
        url=url,
        title=title,
        authors=(),
        published=published,
        language="en",
        text=text,
        sentences=(Span(0, len(text)),),
        entities=entities,
        quotes=quotes,
        events=events,
        provenance=Provenance(
            origin=Origin(path=path, format="jsonl", record=record),
            newsgraph="test",
            model=model,
            extractors=("test.v1",),
        ),
    )


def entity(text: str, entity_id: str, name: str, kind: str, country: str | None, *mentions: str):
    return Entity(
        id=entity_id,
        name=name,
        type=kind,
        mentions=tuple(span_of(text, mention) for mention in mentions),
        extractor="test.actors.v1",
        country=country,
    )


CHINA_TEXT = (
    "China accused the United States of interference on Monday. "
    '"Washington must stop meddling," said Wang Yi, China\'s foreign minister. '
    "The United States rejected the accusation."
)
CHINA_TEXT_2 = (
    "China threatened the United States with sanctions. "
    "Wang Yi said Beijing would respond to any provocation."
)


def china_articles() -> list[Article]:
    """Two articles a week apart: China accuses and threatens the United States."""
    first_entities = (
        entity(CHINA_TEXT, "e1", "China", "GPE", "CHN", "China"),
        entity(CHINA_TEXT, "e2", "United States", "GPE", "USA", "United States"),
        entity(CHINA_TEXT, "e3", "Wang Yi", "PERSON", "CHN", "Wang Yi"),
    )
    first = make_article(
        CHINA_TEXT,
        url="https://example.com/china-1",
        published="2025-08-04T09:00:00+00:00",
        title="China accuses U.S.",
        entities=first_entities,
        quotes=(
            Quote(
                text="Washington must stop meddling,",
                span=span_of(CHINA_TEXT, "Washington must stop meddling,"),
                kind="direct",
                speaker="e3",
                speaker_name="Wang Yi",
                speaker_span=span_of(CHINA_TEXT, "Wang Yi"),
                cue=span_of(CHINA_TEXT, "said"),
                via=None,
                extractor="test.quotes.v1",
            ),
        ),
        events=(
            make_event(
                CHINA_TEXT,
                "accused",
                type="ACCUSE",
                quad_class="verbal conflict",
                cameo="112",
                source="China",
                source_entity="e1",
                source_country="CHN",
                target="United States",
                target_entity="e2",
                target_country="USA",
                modality="actual",
            ),
            make_event(
                CHINA_TEXT,
                "rejected",
                type="REJECT",
                quad_class="verbal conflict",
                cameo="120",
                source="USA",
                target="CHN",
                sentence=2,
                modality="actual",
            ),
        ),
        record=0,
    )
    second = make_article(
        CHINA_TEXT_2,
        url="https://example.com/china-2",
        published="2025-08-12T09:00:00+00:00",
        title="China threatens U.S.",
        source="Other Wire",
        entities=(
            entity(CHINA_TEXT_2, "e1", "China", "GPE", "CHN", "China", "Beijing"),
            entity(CHINA_TEXT_2, "e2", "United States", "GPE", "USA", "United States"),
            entity(CHINA_TEXT_2, "e3", "Wang Yi", "PERSON", "CHN", "Wang Yi"),
        ),
        quotes=(
            Quote(
                text="Beijing would respond to any provocation",
                span=span_of(CHINA_TEXT_2, "Beijing would respond to any provocation"),
                kind="indirect",
                speaker="e3",
                speaker_name="Wang Yi",
                speaker_span=span_of(CHINA_TEXT_2, "Wang Yi"),
                cue=span_of(CHINA_TEXT_2, "said"),
                via=None,
                extractor="test.quotes.v1",
            ),
        ),
        events=(
            make_event(
                CHINA_TEXT_2,
                "threatened",
                type="THREATEN",
                quad_class="verbal conflict",
                cameo="130",
                source="China",
                source_entity="e1",
                source_country="CHN",
                source_sector="government",
                target="United States",
                target_entity="e2",
                target_country="USA",
                date="2025-08-11",
                modality="actual",
            ),
        ),
        record=1,
    )
    return [first, second]
