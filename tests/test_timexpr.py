"""The time-expression normaliser: values, intervals and what it refuses to guess."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.timexpr import bounds_of, normalise_time

# A Friday.
PUBLISHED = dt.date(2025, 8, 8)


@pytest.mark.parametrize(
    ("text", "tense", "value", "resolution"),
    [
        ("Thursday", "past", "2025-08-07", "day"),
        ("Thursday", "future", "2025-08-14", "day"),
        ("Friday", "past", "2025-08-08", "day"),
        ("last Friday", None, "2025-08-01", "day"),
        ("next Monday", None, "2025-08-11", "day"),
        ("Tuesday night", "past", "2025-08-05", "day"),
        ("yesterday", None, "2025-08-07", "day"),
        ("this weekend", None, "2025-W32-WE", "weekend"),
        ("late July", None, "2025-07", "month"),
        ("mid-August", None, "2025-08", "month"),
        ("May", "past", "2025-05", "month"),
        ("January", "future", "2026-01", "month"),
        ("last May", None, "2025-05", "month"),
        ("last October", None, "2024-10", "month"),
        ("2025", None, "2025", "year"),
        ("last year", None, "2024", "year"),
        ("three years ago", None, "2022", "year"),
        ("August 8, 2025", None, "2025-08-08", "day"),
        ("Dec. 21", "past", "2024-12-21", "day"),
        ("Oct. 2", "future", "2025-10-02", "day"),
        ("11/02/89", None, "1989-11-02", "day"),
        ("19980205", None, "1998-02-05", "day"),
        ("earlier this month", None, "2025-08", "month"),
        ("next week", None, "2025-W33", "week"),
        ("the third quarter", "past", "2025-Q3", "quarter"),
        ("the fourth quarter", "past", "2024-Q4", "quarter"),
        ("Q2 2024", None, "2024-Q2", "quarter"),
        ("the first half of the year", None, "2025-H1", "half"),
        ("last fall", None, "2024-FA", "season"),
        ("this summer", None, "2025-SU", "season"),
        ("the 1980s", None, "198", "decade"),
        ("the 20th century", None, "19", "century"),
        ("Christmas", "past", "2024-12-25", "day"),
        ("now", None, "PRESENT_REF", "reference"),
        ("recently", None, "PAST_REF", "reference"),
    ],
)
def test_normalise_time_value_and_resolution(text, tense, value, resolution):
    found = normalise_time(text, PUBLISHED, tense)
    assert (found.value, found.resolution) == (value, resolution)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("five years", "duration", "P5Y"),
        ("a decade", "duration", "P10Y"),
        ("several months", "duration", "PXM"),
        ("the past two weeks", "duration", "P2W"),
        ("daily", "set", "P1D"),
        ("every week", "set", "P1W"),
    ],
)
def test_normalise_time_durations_and_sets(text, kind, value):
    found = normalise_time(text, PUBLISHED)
    assert (found.kind, found.value) == (kind, value)


def test_past_two_weeks_runs_to_publication():
    found = normalise_time("the past two weeks", PUBLISHED)
    assert (found.start, found.end) == (dt.date(2025, 7, 25), PUBLISHED)


@pytest.mark.parametrize(
    ("text", "modifier", "start", "end"),
    [
        ("late July", "end", dt.date(2025, 7, 22), dt.date(2025, 7, 31)),
        ("early 2026", "start", dt.date(2026, 1, 1), dt.date(2026, 5, 1)),
        ("mid-August", "mid", dt.date(2025, 8, 11), dt.date(2025, 8, 21)),
    ],
)
def test_early_mid_late_narrow_the_interval(text, modifier, start, end):
    found = normalise_time(text, PUBLISHED)
    assert (found.modifier, found.start, found.end) == (modifier, start, end)


@pytest.mark.parametrize("text", ["Thursday", "last year", "in May", "earlier this month"])
def test_relative_expressions_stay_null_without_a_publication_date(text):
    found = normalise_time(text.removeprefix("in "), None, "past")
    assert found.value is None and found.anchor == "none"


@pytest.mark.parametrize(
    ("text", "value"), [("August 8, 2025", "2025-08-08"), ("2019", "2019"), ("the 1990s", "199")]
)
def test_expressions_that_fix_themselves_need_no_anchor(text, value):
    found = normalise_time(text, None)
    assert (found.value, found.anchor) == (value, "absolute")


def test_article_year_dates_a_month_and_day_without_publication_date():
    found = normalise_time("August 8", None, "past", article_year=2025)
    assert (found.value, found.anchor) == ("2025-08-08", "article")
    assert found.confidence is not None and found.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "February 30",
        "1" * 40,
        "$",
        "million",
        "",
        "2025-13-45",
        "Q9",
        "the 99th century",
        "marching",
        "the decade",
        "junior",
    ],
)
def test_bad_input_gives_no_value_and_no_exception(text):
    assert normalise_time(text, PUBLISHED).value is None


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=40),
    anchor=st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1))),
    tense=st.sampled_from([None, "past", "present", "future"]),
)
def test_normaliser_never_raises_and_keeps_intervals_ordered(text, anchor, tense):
    found = normalise_time(text, anchor, tense)
    if found.start is not None and found.end is not None:
        assert found.start <= found.end
    if found.confidence is not None:
        assert 0 <= found.confidence <= 1


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    offset=st.integers(min_value=-400, max_value=400),
    style=st.sampled_from(["{m} {d}, {y}", "{d} {m} {y}", "{y}-{mm:02d}-{d:02d}"]),
)
def test_written_out_dates_come_back_exactly_whatever_the_anchor(day, offset, style):
    month = day.strftime("%B")
    text = style.format(m=month, d=day.day, y=day.year, mm=day.month)
    found = normalise_time(text, day + dt.timedelta(days=offset), "past")
    assert found.value == day.isoformat()
    assert bounds_of(found.value) == (day, day)


@settings(max_examples=200, deadline=None)
@given(
    anchor=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    weekday=st.sampled_from(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    ),
)
def test_weekday_falls_in_the_week_before_or_after_by_tense(anchor, weekday):
    past = normalise_time(weekday, anchor, "past")
    future = normalise_time(weekday, anchor, "future")
    assert past.start is not None and future.start is not None
    assert past.start.strftime("%A") == weekday == future.start.strftime("%A")
    assert 0 <= (anchor - past.start).days < 7
    assert 0 <= (future.start - anchor).days < 7
