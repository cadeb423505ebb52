"""Events: PLOVER types, actors, assertion and modality on short synthetic sentences."""

from __future__ import annotations

import pytest

from newsgraph import DateRef, Pipeline, Span
from newsgraph.eval.plover import (
    GoldSentence,
    PloverScore,
    cameo_to_plover,
    read_petrarch,
    read_plover_gold,
    score_sentence,
)
from newsgraph.extract import actor_code, extract_events, main_event
from newsgraph.pipeline import DocumentContext


def _events(pipeline: Pipeline, text: str, published: str | None = "2025-08-20"):
    return pipeline.extract_text(text, DocumentContext(published=published))["events"]


def _main(pipeline: Pipeline, text: str):
    doc = pipeline.nlp(text)
    found = pipeline.extract_text(text, DocumentContext(published="2025-08-20"))
    return main_event(doc, found["events"])


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        (
            "Israeli soldiers arrested more than 100 Palestinians on Saturday.",
            "COERCE",
            "ISR",
            "PSE",
        ),
        ("China's Foreign Ministry criticised the U.S. deployment.", "ACCUSE", "CHN", "USA"),
        ("France imposed sanctions on Iran on Monday.", "SANCTION", "FRA", "IRN"),
        ("The PRC on Tuesday demanded that the US cancel the sale.", "REQUEST", "CHN", "USA"),
        ("Jordan and Britain have agreed to hold joint military exercises.", "AGREE", "JOR", None),
        ("Syria says it will not accept any more refugees.", "REJECT", "SYR", None),
    ],
)
def test_events_main_event_type_and_dyad(pipeline, text, kind, source, target):
    event = _main(pipeline, text)
    assert event is not None
    assert (event.type, event.source_country) == (kind, source)
    if target is not None:
        assert event.target_country == target


def test_events_negation_hedge_and_quote_assertion(pipeline):
    text = "The U.S. Navy did not deploy ships to Venezuela, officials said."
    [event] = [e for e in _events(pipeline, text) if e.type == "MOBILIZE"]
    assert event.negated and event.asserted_by == "officials"
    hedged = [
        e for e in _events(pipeline, "Rebels reportedly attacked a convoy.") if e.type == "ASSAULT"
    ]
    assert hedged and hedged[0].hedged and hedged[0].asserted_by is None


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("China has supported the regime for decades.", "historical"),
        ("Members of the G-7 will meet in Ottawa next month.", "future"),
        ("Serbian troops attacked the village on Sunday.", "actual"),
    ],
)
def test_events_modality(pipeline, text, modality):
    events = _events(pipeline, text)
    assert events and events[0].modality == modality


def test_events_date_comes_from_the_clause_else_publication(pipeline):
    text = "Serbian troops attacked the village on Sunday."
    doc = pipeline.nlp(text)
    found = pipeline.extract_text(text)
    start = text.index("on Sunday")
    dates = (
        DateRef(span=Span(start, start + 9), value="2025-08-17", resolution="day", extractor="t"),
    )
    [with_date] = extract_events(doc, found["entities"], found["quotes"], dates=dates)
    assert (with_date.date, with_date.date_source) == ("2025-08-17", "text")
    [fallback] = extract_events(doc, found["entities"], found["quotes"], published="2025-08-20")
    assert (fallback.date, fallback.date_source) == ("2025-08-20", "publication")


@pytest.mark.parametrize(
    "text",
    [
        "Results: " + ", ".join(f"Team {n} {n}-{n + 1}" for n in range(150)),
        "Breaking news",
        "| Country | Sanctions | Attacks |\n| Iran | 12 | 3 |",
        "",
    ],
)
def test_events_bad_input_never_raises_and_spans_stay_in_text(pipeline, text):
    for event in _events(pipeline, text):
        assert 0 <= event.trigger.start < event.trigger.end <= len(text)


def test_actor_code_joins_country_and_sector():
    assert actor_code("USA", "government") == "USA-GOV"
    assert actor_code(None, "international_organisation") == "IGO"
    assert actor_code(None, None) == "—"


def test_plover_gold_reader_maps_legacy_types_and_scores(pipeline):
    raw = (
        '[{"id": "D", "event": "DOCUMENT"},'
        ' {"id": "A", "event": "DISAPPROVE", "text": "France condemned Iran on Monday.",'
        '  "source": [{"actorText": "France", "code": "FRA"}],'
        '  "target": [{"actorText": "Iran", "code": "IRN"}]}]'
    )
    [gold] = read_plover_gold(raw)
    assert isinstance(gold, GoldSentence) and gold.type == "ACCUSE"
    score = PloverScore()
    doc = pipeline.nlp(gold.text)
    found = pipeline.extract_text(gold.text)
    score_sentence(gold, doc, found["events"], score)
    assert score.type_accuracy.value == 1.0
    assert score.source_country.value == 1.0 and score.target_country.value == 1.0


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("064", "COOPERATE"),
        ("081", "CONCEDE"),
        ("0841", "RETREAT"),
        ("112", "ACCUSE"),
        ("01", None),
    ],
)
def test_cameo_codes_map_to_plover_types(code, kind):
    assert cameo_to_plover(code) == kind


def test_petrarch_reader_reads_codings_and_noevents():
    raw = (
        '<Sentences><Sentence id="A-1"><EventCoding sourcecode="ARN" targetcode="GON"'
        ' eventcode="064"></EventCoding><Text>Arnor met Gondor.</Text></Sentence>'
        '<Sentence id="B-1"><EventCoding noevents="True"></EventCoding><Text>Nothing.</Text>'
        "</Sentence></Sentences>"
    )
    first, second = read_petrarch(raw)
    assert first.codings == (("ARN", "GON", "064"),) and not first.no_events
    assert second.no_events and second.codings == ()
