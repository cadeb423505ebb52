"""Quotes: kind, speaker, cue and relay on short realistic sentences, and robustness."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors import extract_actors
from newsgraph.extract.quotes import extract_quotes


@pytest.fixture
def quotes_of(pipeline):
    def run(text: str):
        doc = pipeline.nlp(text)
        return extract_quotes(doc, extract_actors(doc))

    return run


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            '"We will respond to any provocation," Daniel Harper said on Thursday.',
            "Daniel Harper",
            "We will respond to any provocation,",
        ),
        (
            'Lin Wei said: "China firmly opposes any interference in Venezuela."',
            "Lin Wei",
            "China firmly opposes any interference in Venezuela.",
        ),
        (
            "“The militia is ready,” said Defence Minister Tomás Quintero.",
            "Tomás Quintero",
            "The militia is ready,",
        ),
    ],
)
def test_direct_quote_gets_its_speaker_before_after_or_inverted(quotes_of, text, speaker, content):
    [quote] = only(quotes_of(text), "direct")
    assert quote.speaker_name == speaker
    assert quote.text == content
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "said"


def test_pronoun_speaker_of_a_quote_resolves_to_the_person_named_before(quotes_of):
    text = (
        "White House Press Secretary Claire Donovan spoke to reporters on Tuesday.\n\n"
        "“We are not going to telegraph our moves,” she said."
    )
    [quote] = only(quotes_of(text), "direct")
    assert quote.speaker_name == "Claire Donovan"
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "she"


def test_split_quote_continues_with_the_same_speaker(quotes_of):
    text = "“We will not be intimidated,” Harper said. “Our sailors are ready.”"
    first, second = only(quotes_of(text), "direct")
    assert first.speaker_name == second.speaker_name == "Harper"
    assert second.cue == first.cue


def test_quote_running_over_two_paragraphs_is_one_quote(quotes_of):
    text = (
        "“We will not be intimidated by warships off our coast.\n\n"
        "“Our people are ready to defend every inch of the homeland,” Tomás Quintero said."
    )
    [quote] = only(quotes_of(text), "direct")
    assert quote.text.startswith("We will not") and quote.text.endswith("homeland,")
    assert quote.speaker_name == "Tomás Quintero"


def test_scare_quote_in_the_writers_sentence_is_partial_with_the_sentence_subject(quotes_of):
    text = 'The Navy described the move as a "regularly scheduled deployment."'
    [quote] = only(quotes_of(text), "partial")
    assert quote.text == "regularly scheduled deployment."
    assert quote.speaker_name is not None and "Navy" in quote.speaker_name


def test_scare_quote_with_no_source_keeps_a_null_speaker(quotes_of):
    [quote] = only(quotes_of('The so-called "peace plan" was published on Monday.'), "partial")
    assert quote.speaker is None and quote.speaker_name is None


def test_scare_quote_after_an_abbreviation_is_still_partial(quotes_of):
    [quote] = only(quotes_of('Protesters denounced U.S. "aggression" in the capital.'), "partial")
    assert quote.speaker_name == "Protesters"


@pytest.mark.parametrize(
    ("text", "speaker", "content_start"),
    [
        (
            "Daniel Harper told reporters that the reward would be doubled.",
            "Daniel Harper",
            "that the reward",
        ),
        (
            "According to VTV, the president ordered a nationwide mobilisation.",
            "VTV",
            "the president ordered",
        ),
        (
            "A report by Caribbean Wire accused China of receiving oil as repayment.",
            "Caribbean Wire",
            "China of receiving",
        ),
    ],
)
def test_indirect_speech_gets_content_and_speaker(quotes_of, text, speaker, content_start):
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text.startswith(content_start)
    assert quote.speaker_name == speaker


def test_state_media_quoting_someone_records_the_relay(quotes_of):
    text = "State media quoted Tomás Quintero as saying that the militia was ready for war."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.speaker_name == "Tomás Quintero"
    assert quote.via == "State media"


def test_unnamed_source_keeps_its_words_but_no_entity(quotes_of):
    [quote] = only(quotes_of("Two officials said the ships would stay for months."), "indirect")
    assert quote.speaker is None
    assert quote.speaker_name == "Two officials"


@pytest.mark.parametrize(
    "text",
    [
        "“This quote never closes and goes on and on",
        "He said “one “two” three” and “four",
        "no punctuation at all just words and more words said the man",
        "“" + " ".join(["word"] * 2000) + ".” he said.",
        "“The whole article is one long quote.\n\n“Still quoting here.\n\n“And here.”",
        '""""',
    ],
)
def test_odd_quote_marks_never_raise_and_spans_stay_inside_the_text(quotes_of, text):
    for quote in quotes_of(text):
        assert 0 <= quote.span.start <= quote.span.end <= len(text)
        assert quote.text == text[quote.span.start : quote.span.end]


def test_noun_cue_with_a_named_source_is_reported_speech(quotes_of):
    quotes = quotes_of("Harper's criticism of the Chinese loans drew an angry response.")
    [quote] = only(quotes, "indirect")
    assert quote.text == "the Chinese loans"
    assert quote.speaker_name == "Harper"


def test_noun_cue_without_a_source_attributes_nothing(quotes_of):
    assert only(quotes_of("The criticism of the loans grew louder in May."), "indirect") == []
