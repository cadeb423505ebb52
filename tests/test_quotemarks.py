"""The quote-mark scanner: pairs, paragraph continuation, unbalanced marks, never raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.extract.quotemarks import find_quotations


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will respond," Harper said.', ["We will respond,"]),
        ("“We will respond,” Harper said.", ["We will respond,"]),
        ('Lin said: "China opposes it." Then she left.', ["China opposes it."]),
        ("He called it ‘madness’ and the leaders’ plan failed.", ["madness"]),
        ("''I was shocked,'' Nega told me.", ["I was shocked,"]),
        ("«Nunca» dijo.", ["Nunca"]),
        ("The 5'10\" guard scored.", []),
        ("No quotes at all", []),
    ],
)
def test_quote_marks_pair_into_passages(text, expected):
    assert inner(text) == expected


def test_quote_continues_into_next_paragraph_by_press_convention():
    text = "“We will not be intimidated.\n\n“Our sailors are ready,” she added."
    [quote] = find_quotations(text)
    assert quote.paragraphs == 2 and quote.closed
    assert text[quote.inner_start : quote.inner_end].endswith("Our sailors are ready,")


def test_unclosed_quote_ends_at_its_paragraph_when_the_next_does_not_reopen():
    text = "“We will not be intimidated, he said.\n\nThe ministry declined to comment."
    [quote] = find_quotations(text)
    assert not quote.closed
    assert text[quote.inner_start : quote.inner_end] == "We will not be intimidated, he said."


def test_second_opening_mark_closes_the_unclosed_first():
    assert inner("“one “two” three") == ["one", "two"]


def test_a_quote_of_two_thousand_words_is_one_passage():
    body = " ".join(["word"] * 2000)
    assert inner(f"He said: “{body}.” Then he left.") == [f"{body}."]


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"'“”‘’«»")), max_size=300))
def test_scanner_never_raises_and_spans_stay_inside_the_text_in_order(text):
    quotations = find_quotations(text)
    previous_end = 0
    for q in quotations:
        assert 0 <= q.start <= q.inner_start < q.inner_end <= q.end <= len(text)
        assert q.start >= previous_end
        previous_end = q.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said.\u00a0"And more."', ["And more."]),
        ("“He called it ‘madness’ today,” she said.", ["He called it ‘madness’ today,"]),
    ],
)
def test_no_break_space_opens_and_single_quotes_nest_inside_double(text, expected):
    assert inner(text) == expected
