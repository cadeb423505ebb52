"""Records: spans, the JSON form, and the promise that every span points at its own text."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph import (
    SCHEMA_VERSION,
    Article,
    Entity,
    Failure,
    Origin,
    Provenance,
    Removed,
    Span,
    Title,
    article_id,
    article_to_json,
)
from newsgraph.records import to_json


def small_article(**changes) -> Article:
    article = Article(
        id=article_id(None, "Talks resume in Geneva."),
        source=None,
        url=None,
        title="Talks resume",
        authors=("Jane Smith",),
        published="2025-08-21",
        language="en",
        text="Talks resume in Geneva.",
        sentences=(Span(0, 23),),
        entities=(
            Entity(
                id="E1",
                name="Geneva",
                type="GPE",
                mentions=(Span(16, 22),),
                extractor="newsgraph.entities.v1",
                titles=(Title(text="city", span=Span(16, 22)),),
            ),
        ),
        provenance=Provenance(
            origin=Origin(path="a.txt", format="text"),
            newsgraph="0.0.0",
            model="en_core_web_sm-3.8.0",
            extractors=("newsgraph.clean.v1",),
        ),
    )
    return dataclasses.replace(article, **changes)


# --- Span -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (-5, -2), (5, 3), (1, 0)])
def test_span_rejects_negative_and_inverted_ranges(start, end):
    with pytest.raises(ValueError, match="invalid span"):
        Span(start, end)


@pytest.mark.parametrize(("start", "end"), [(0, 0), (3, 3), (0, 10), (7, 12)])
def test_span_accepts_empty_and_forward_ranges(start, end):
    span = Span(start, end)

    assert (span.start, span.end) == (start, end)


@given(st.text(max_size=50), st.data())
def test_span_text_of_is_the_slice_it_names(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))

    assert Span(start, end).text_of(text) == text[start:end]


def test_records_are_frozen():
    span = Span(1, 2)

    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        small_article().text = "changed"  # type: ignore[misc]


# --- JSON -------------------------------------------------------------------------------------


def test_to_json_turns_spans_into_start_end_pairs_at_any_depth():
    record = to_json(small_article())

    assert record["sentences"] == [[0, 23]]
    assert record["entities"][0]["mentions"] == [[16, 22]]
    assert record["entities"][0]["titles"] == [
        {"text": "city", "span": [16, 22], "by_outlet": False}
    ]


def test_to_json_turns_tuples_into_lists_and_keeps_plain_values():
    assert to_json((Span(0, 1), "a", 2, None, {"k": (1, 2)})) == [
        [0, 1],
        "a",
        2,
        None,
        {"k": [1, 2]},
    ]


def test_article_to_json_starts_with_the_schema_version_then_the_fields_in_order():
    record = article_to_json(small_article())

    keys = list(record)
    assert keys[0] == "schema"
    assert record["schema"] == SCHEMA_VERSION
    assert keys[1:] == [field.name for field in dataclasses.fields(Article)]


def test_article_to_json_is_plain_json():
    record = article_to_json(small_article())

    assert json.loads(json.dumps(record)) == record


def test_failure_message_names_the_input_record_reason_and_error():
    failure = Failure(
        origin=Origin(path="batch.jsonl", format="jsonl", record=4),
        stage="ingest",
        error="MalformedRecordError",
        reason="invalid JSON on line 5",
    )

    assert failure.message() == "batch.jsonl#4: invalid JSON on line 5 [MalformedRecordError]"


def test_failure_message_of_a_whole_file_has_no_record_number():
    failure = Failure(
        origin=Origin(path="a.txt", format="unknown"), stage="ingest", error="E", reason="why"
    )

    assert failure.message() == "a.txt: why [E]"


# --- ids --------------------------------------------------------------------------------------


def test_article_id_is_stable_for_the_same_input(pipeline, make_raw, story_text):
    first = next(iter(pipeline.run([make_raw(story_text)])))
    second = next(iter(pipeline.run([make_raw(story_text, path="elsewhere.txt")])))

    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert first.id == second.id == article_id(None, first.text)
    assert len(first.id) == 32


def test_article_id_differs_when_the_text_or_url_differs():
    base = article_id("https://example.com/a", "Talks resume in Geneva.")

    assert article_id("https://example.com/a", "Talks resume in Vienna.") != base
    assert article_id("https://example.com/b", "Talks resume in Geneva.") != base
    assert article_id(None, "Talks resume in Geneva.") != base
    assert article_id("https://example.com/a", "Talks resume in Geneva.") == base


# --- spans of a pipeline record point at their own text ---------------------------------------


def test_every_sentence_span_is_a_trimmed_non_empty_slice_of_the_text(analysed_article):
    text = analysed_article.text
    sentences = [span.text_of(text) for span in analysed_article.sentences]

    assert sentences
    assert all(sentence and sentence == sentence.strip() for sentence in sentences)
    assert [s.start for s in analysed_article.sentences] == sorted(
        s.start for s in analysed_article.sentences
    )
    assert "“We will not be intimidated,” Núñez told reporters in Caracas." in sentences


def test_every_entity_mention_is_a_slice_naming_the_entity(analysed_article):
    text = analysed_article.text

    assert analysed_article.entities
    for entity in analysed_article.entities:
        surfaces = {mention.text_of(text) for mention in entity.mentions}
        assert all(surface.strip() == surface and surface for surface in surfaces)
        # A country is named by its English name whatever the mentions ("US", "Washington").
        assert entity.name in surfaces or (entity.type == "GPE" and entity.country)
        assert entity.extractor == "newsgraph.actors.v1"
    by_name = {entity.name: entity for entity in analysed_article.entities}
    assert "José Núñez" in by_name
    assert [m.text_of(text) for m in by_name["José Núñez"].mentions] == ["José Núñez", "Núñez"]


def test_entity_ids_are_numbered_in_order_of_first_mention(analysed_article):
    entities = analysed_article.entities

    assert [entity.id for entity in entities] == [f"E{n}" for n in range(1, len(entities) + 1)]
    firsts = [entity.mentions[0].start for entity in entities]
    assert firsts == sorted(firsts)


def test_removed_text_is_not_in_the_clean_text(analysed_article):
    assert all(isinstance(item, Removed) for item in analysed_article.removed)
    for item in analysed_article.removed:
        assert item.text not in analysed_article.text
        assert 0 <= item.at <= len(analysed_article.text)


def test_provenance_names_the_input_model_and_extractors(analysed_article):
    provenance = analysed_article.provenance

    assert provenance is not None
    assert provenance.origin.path == "venezuela.txt"
    assert provenance.model
    assert provenance.extractors[0] == "newsgraph.clean.v1"
    assert provenance.skipped is None
    assert all(name.startswith("newsgraph.") for name in provenance.extractors)
