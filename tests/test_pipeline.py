"""The runner: order, failures kept, extractor errors contained, configuration checked early."""

from __future__ import annotations

from dataclasses import replace

import pytest

import newsgraph.pipeline
from newsgraph import (
    Article,
    ConfigError,
    Extractor,
    Failure,
    Origin,
    Pipeline,
    PipelineOptions,
    RawDocument,
)
from newsgraph.pipeline import DEFAULT_EXTRACTORS, check_extractors

SPACY_ASSIGNS = frozenset(
    {"doc.ents", "doc.sents", "token.dep", "token.head", "token.lemma", "token.tag"}
)


def extractor(name: str, fills: str, *, requires=(), reads=(), run=None) -> Extractor:
    return Extractor(
        name=name,
        fills=fills,
        requires=frozenset(requires),
        reads=frozenset(reads),
        run=run or (lambda doc, found, context: ()),
    )


def story_doc(make_raw, place: str, path: str) -> RawDocument:
    body = (
        f"Talks resume in {place}\n\nThe foreign ministers met in {place} on Monday to discuss"
        " the crisis, officials said."
    )
    return make_raw(body, path=path)


def ingest_failure(path: str) -> Failure:
    return Failure(
        origin=Origin(path=path, format="unknown"),
        stage="ingest",
        error="EmptyInputError",
        reason="empty input",
    )


# --- order and failures -----------------------------------------------------------------------


def test_a_mixed_batch_comes_out_in_input_order_with_the_failures_kept(make_raw):
    pipeline = Pipeline(PipelineOptions(batch_size=2))
    items = [
        story_doc(make_raw, "Geneva", "1.txt"),
        ingest_failure("2.txt"),
        make_raw("Share.\n\nAdvertisement", path="3.txt"),
        story_doc(make_raw, "Vienna", "4.txt"),
        make_raw(
            "El presidente anunció el lunes un paquete de medidas para contener la inflación.",
            path="5.txt",
        ),
        ingest_failure("6.txt"),
        story_doc(make_raw, "Oslo", "7.txt"),
    ]

    results = list(pipeline.run(items))

    assert [type(r).__name__ for r in results] == [
        "Article",
        "Failure",
        "Failure",
        "Article",
        "Article",
        "Failure",
        "Article",
    ]
    paths = [r.provenance.origin.path if isinstance(r, Article) else r.origin.path for r in results]
    assert paths == [f"{n}.txt" for n in range(1, 8)]
    assert results[1] is items[1]
    assert (results[2].stage, results[2].error) == ("clean", "NoContentError")
    assert "Vienna" in results[3].text
    assert results[4].language == "es"
    assert results[4].provenance.skipped


def test_run_streams_one_batch_at_a_time(make_raw):
    pipeline = Pipeline(PipelineOptions(batch_size=1))

    def documents():
        yield story_doc(make_raw, "Geneva", "1.txt")
        raise LookupError("the second document was asked for")

    results = pipeline.run(documents())

    assert isinstance(next(results), Article)
    with pytest.raises(LookupError, match="second document"):
        next(results)


def test_an_extractor_that_raises_is_a_failure_with_its_stage_and_the_next_document_is_fine(
    make_raw,
):
    def explode_on_vienna(doc, found, context):
        if "Vienna" in doc.text:
            raise RuntimeError("boom on Vienna")
        return ()

    extractors = (
        # the test extractor takes the place of the amounts extractor
        *(e for e in DEFAULT_EXTRACTORS if e.fills != "amounts"),
        extractor("newsgraph.fragile.v1", "amounts", requires={"doc.ents"}, run=explode_on_vienna),
    )
    pipeline = Pipeline(extractors=extractors)

    geneva, vienna, oslo = pipeline.run(
        [
            story_doc(make_raw, "Geneva", "1.txt"),
            story_doc(make_raw, "Vienna", "2.txt"),
            story_doc(make_raw, "Oslo", "3.txt"),
        ]
    )

    assert isinstance(vienna, Failure)
    assert vienna.stage == "newsgraph.fragile.v1"
    assert vienna.error == "RuntimeError"
    assert "boom on Vienna" in vienna.reason
    assert vienna.origin.path == "2.txt"
    assert isinstance(geneva, Article)
    assert isinstance(oslo, Article)
    assert oslo.sentences
    assert "newsgraph.fragile.v1" in oslo.provenance.extractors


def test_an_unexpected_error_while_cleaning_is_a_clean_failure(monkeypatch, pipeline, make_raw):
    real_clean = newsgraph.pipeline.clean_document

    def clean_or_crash(raw, **kwargs):
        if raw.origin.path == "bad.txt":
            raise KeyError("library bug")
        return real_clean(raw, **kwargs)

    monkeypatch.setattr(newsgraph.pipeline, "clean_document", clean_or_crash)

    bad, good = pipeline.run(
        [story_doc(make_raw, "Geneva", "bad.txt"), story_doc(make_raw, "Oslo", "good.txt")]
    )

    assert isinstance(bad, Failure)
    assert (bad.stage, bad.error) == ("clean", "KeyError")
    assert "library bug" in bad.reason
    assert isinstance(good, Article)


def test_later_extractors_read_what_earlier_ones_found(make_raw):
    seen = {}

    def count_sentences(doc, found, context):
        seen["sentences"] = found["sentences"]
        return ()

    extractors = (
        # the test extractor takes the place of the amounts extractor
        *(e for e in DEFAULT_EXTRACTORS if e.fills != "amounts"),
        extractor("newsgraph.counter.v1", "amounts", reads={"sentences"}, run=count_sentences),
    )

    [article] = Pipeline(extractors=extractors).run([story_doc(make_raw, "Geneva", "1.txt")])

    assert seen["sentences"] == article.sentences
    assert seen["sentences"]


def test_extractors_are_not_run_on_an_article_in_another_language(make_raw):
    calls = []
    extractors = (
        extractor(
            "newsgraph.spy.v1", "sentences", run=lambda doc, found, context: calls.append(doc) or ()
        ),
    )
    spanish = make_raw(
        "Los sindicatos convocaron una huelga general para la próxima semana en protesta por"
        " los recortes del gobierno."
    )

    [article] = Pipeline(extractors=extractors).run([spanish])

    assert calls == []
    assert article.language == "es"
    assert article.provenance.skipped


def test_provenance_lists_the_clean_step_and_every_extractor(pipeline, make_raw):
    [article] = pipeline.run([story_doc(make_raw, "Geneva", "1.txt")])

    assert article.provenance.extractors == (
        "newsgraph.clean.v1",
        *(e.name for e in DEFAULT_EXTRACTORS),
    )
    assert article.provenance.model == pipeline.model


def test_max_chars_from_the_options_refuses_long_clean_text(make_raw):
    pipeline = Pipeline(PipelineOptions(max_chars=20))

    [failure] = pipeline.run([story_doc(make_raw, "Geneva", "1.txt")])

    assert isinstance(failure, Failure)
    assert (failure.stage, failure.error) == ("clean", "InputTooLargeError")


def test_a_text_longer_than_spacy_accepts_is_a_failure_and_the_batch_goes_on(monkeypatch, make_raw):
    pipeline = Pipeline(PipelineOptions(max_chars=2_000_000))
    # Stands for a 1.5-million-character text against spaCy's default limit of 1,000,000.
    monkeypatch.setattr(pipeline.nlp, "max_length", 300)
    long_body = " ".join(["The foreign ministers met in Geneva on Monday, officials said."] * 10)

    results = list(
        pipeline.run(
            [
                story_doc(make_raw, "Geneva", "1.txt"),
                make_raw(long_body, path="2.txt"),
                story_doc(make_raw, "Oslo", "3.txt"),
            ]
        )
    )

    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]


# --- configuration is checked when the pipeline is built --------------------------------------


def test_check_extractors_accepts_the_default_extractors():
    check_extractors(DEFAULT_EXTRACTORS, SPACY_ASSIGNS, "en_test")


def test_check_extractors_refuses_a_requirement_the_spacy_pipeline_does_not_set():
    needs_coref = extractor("newsgraph.coref.v1", "entities", requires={"doc._.coref_chains"})

    with pytest.raises(ConfigError, match=r"newsgraph\.coref\.v1 needs doc\._\.coref_chains"):
        check_extractors((needs_coref,), SPACY_ASSIGNS, "en_test")


def test_check_extractors_refuses_a_field_read_before_any_extractor_fills_it():
    quotes = extractor("newsgraph.quotes.v1", "quotes", reads={"entities"})
    entities = extractor("newsgraph.entities.v1", "entities")

    with pytest.raises(ConfigError, match="reads entities, which no earlier extractor fills"):
        check_extractors((quotes, entities), SPACY_ASSIGNS, "en_test")
    check_extractors((entities, quotes), SPACY_ASSIGNS, "en_test")


def test_check_extractors_refuses_two_extractors_filling_one_field():
    first = extractor("newsgraph.entities.v1", "entities")
    second = replace(first, name="newsgraph.entities.v2")

    with pytest.raises(ConfigError, match="two extractors fill 'entities'"):
        check_extractors((first, second), SPACY_ASSIGNS, "en_test")


def test_pipeline_refuses_an_extractor_the_model_cannot_serve_before_any_document():
    needs_coref = extractor("newsgraph.coref.v1", "entities", requires={"doc._.coref_chains"})

    with pytest.raises(ConfigError, match="en_core_web_sm"):
        Pipeline(extractors=(needs_coref,))


def test_unknown_model_is_a_config_error_that_says_what_to_do():
    with pytest.raises(ConfigError) as error:
        Pipeline(PipelineOptions(model="does_not_exist"))

    message = str(error.value)
    assert "does_not_exist" in message
    assert "not installed" in message
    assert "--model" in message


def test_model_can_be_chosen_with_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MODEL", "does_not_exist_either")

    with pytest.raises(ConfigError, match="does_not_exist_either"):
        Pipeline()
