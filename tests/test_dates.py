"""The dates extractor on parsed text: spans, tense, relations, anchoring."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.extract.dates import dates_in, extract_dates, parse_published


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def _found(nlp, text, published="2025-08-08"):
    doc = nlp(text)
    return {text[d.span.start : d.span.end]: d for d in extract_dates(doc, published)}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The minister said on Thursday that talks would go on.", "Thursday", "2025-08-07"),
        ("The minister will travel to Rome on Thursday.", "Thursday", "2025-08-14"),
        ("The committee meets Tuesday to vote on the bill.", "Tuesday", "2025-08-12"),
        ("Protesters planned a march on Saturday in the capital.", "Saturday", "2025-08-09"),
        ("Sales fell sharply last month, the agency said.", "last month", "2025-07"),
        ("The talks began in late July in Geneva.", "late July", "2025-07"),
    ],
)
def test_extract_dates_anchors_on_publication_and_tense(nlp, text, surface, value):
    found = _found(nlp, text)
    assert found[surface].value == value
    assert found[surface].anchor == "published"


def test_extract_dates_spans_leave_out_prepositions_and_possessives(nlp):
    text = "Prices have risen since 2007, and last month's figures were the worst on record."
    found = _found(nlp, text)
    assert "2007" in found and found["2007"].relation == "since"
    assert found["2007"].start == "2007-01-01" and found["2007"].end == "2025-08-08"
    assert "last month" in found


def test_extract_dates_splits_ranges_into_one_record_per_date(nlp):
    found = _found(nlp, "Output doubled between 1994 and 1997, the report said.")
    assert found["1994"].value == "1994" and found["1997"].value == "1997"


def test_extract_dates_drops_ages(nlp):
    found = _found(nlp, "John Smith, 52, and his 6-year-old son were rescued on Monday.")
    assert "52" not in found and not any("year-old" in surface for surface in found)
    assert found["Monday"].value == "2025-08-04"


def test_extract_dates_without_publication_date_never_invents_one(nlp):
    text = "The army said on Thursday that the operation, which began last year, was over."
    found = _found(nlp, text, published=None)
    assert found["Thursday"].value is None and found["last year"].value is None


def test_extract_dates_uses_the_year_the_article_fixes_when_undated(nlp):
    text = "The treaty was signed on August 8, 2025. Ratification followed on September 3."
    found = _found(nlp, text, published=None)
    assert found["August 8, 2025"].anchor == "absolute"
    assert (found["September 3"].value, found["September 3"].anchor) == ("2025-09-03", "article")


def test_extract_dates_reads_the_quarter_of_financial_news(nlp):
    text = (
        "Net income rose 12% in the third quarter. Revenue in the quarter was $2 billion,"
        " up from $1.8 billion a year earlier."
    )
    found = _found(nlp, text, published="2025-11-02")
    assert found["the third quarter"].value == "2025-Q3"
    assert found["the quarter"].value == "2025-Q3"
    assert found["a year earlier"].value == "2024-Q3"


@pytest.mark.parametrize(
    "text",
    ["", "$ million", "1" * 40, "On February 30 nothing happened.", "Thursday", "\n\n  \t"],
)
def test_extract_dates_odd_text_gives_spans_inside_the_text_and_no_exception(nlp, text):
    doc = nlp(text)
    for date in extract_dates(doc, "2025-08-08"):
        assert 0 <= date.span.start < date.span.end <= len(text)


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2025-08-08", "2025-08-08"),
        ("2025-08-01T10:25:00+08:00", "2025-08-01"),
        ("soon", None),
        (None, None),
        ("", None),
    ],
)
def test_parse_published_reads_the_day_of_iso_strings(published, day):
    parsed = parse_published(published)
    assert (parsed.isoformat() if parsed else None) == day


def test_dates_in_returns_the_dates_of_a_range_in_order(nlp):
    text = "On Monday the vote was held. On Tuesday the count ended."
    dates = extract_dates(nlp(text), "2025-08-08")
    second = text.index("On Tuesday")
    inside = dates_in(dates, second, len(text))
    assert [text[d.span.start : d.span.end] for d in inside] == ["Tuesday"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.lists(
        st.sampled_from(
            [
                "May",
                "Thursday",
                "last",
                "year",
                "since",
                "the",
                "2025",
                "30",
                "February",
                "$",
                "million",
                "1" * 40,
                ",",
                ".",
                "-",
                "'",
                "on",
                "ago",
                "three",
                "quarter",
                "\n",
            ]
        ),
        max_size=12,
    ).map(" ".join),
    published=st.sampled_from([None, "2025-08-08", "not a date", "0001-01-01", "9999-12-31"]),
)
def test_extract_dates_never_raises_and_keeps_spans_in_the_text(nlp, text, published):
    for date in extract_dates(nlp(text), published):
        assert 0 <= date.span.start < date.span.end <= len(text)
        if date.start and date.end:
            assert date.start <= date.end


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("This year's results included a large gain.", "This year", "2025"),
        (
            "Police said the attack happened Wednesday night near the port.",
            "Wednesday night",
            "2025-08-06",
        ),
        ("The firm reported a loss for its third quarter on Monday.", "third quarter", "2025-Q3"),
    ],
)
def test_extract_dates_repairs_spans_ner_cuts_short_or_long(nlp, text, surface, value):
    found = _found(nlp, text, published="2025-08-08")
    assert surface in found
    assert found[surface].value == value
