"""TimeBank scoring on small inline TimeML (no shared data)."""

from __future__ import annotations

from newsgraph.eval.timebank import TimebankScore, gold_value, read_timeml, score_document
from newsgraph.records import DateRef, Span

TIMEML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-11-20"'
    ' functionInDocument="CREATION_TIME">1998-11-20</TIMEX3></DCT>\n<TEXT>\n'
    'The <EVENT eid="e1">strike</EVENT> began'
    ' <TIMEX3 tid="t1" type="DATE" value="1998-11-19">Thursday</TIMEX3> &amp; lasted'
    ' <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>; talks resume'
    ' <TIMEX3 tid="t3" type="DATE" value="1998-W48">next week</TIMEX3> at'
    ' <TIMEX3 tid="t4" type="DATE" value="1998-11-20TEV">Friday evening</TIMEX3>.\n'
    "</TEXT>\n</TimeML>\n"
)


def _date(text, surface, value, kind="date"):
    start = text.index(surface)
    return DateRef(
        span=Span(start, start + len(surface)),
        kind=kind,
        value=value,
        resolution=None,
        modifier=None,
        relation=None,
        start=None,
        end=None,
        anchor="published",
        confidence=0.9,
        extractor="test",
    )


def test_read_timeml_strips_tags_and_keeps_offsets():
    document = read_timeml(TIMEML, "X1")
    assert document.creation_time == "1998-11-20"
    assert "&" in document.text and "<" not in document.text
    surfaces = [document.text[t.start : t.end] for t in document.timexes]
    assert surfaces == ["Thursday", "two days", "next week", "Friday evening"]
    assert [t.type for t in document.timexes] == ["DATE", "DURATION", "DATE", "DATE"]


def test_gold_value_drops_the_time_of_day_only():
    assert gold_value("1998-11-20TEV") == "1998-11-20"
    assert gold_value("1998-W48") == "1998-W48"
    assert gold_value("2000-W7") == "2000-W07"


def test_score_document_counts_strict_relaxed_and_values():
    document = read_timeml(TIMEML, "X1")
    text = document.text
    predicted = [
        _date(text, "Thursday", "1998-11-19"),  # exact span, right value
        _date(text, "two days", "P2D", kind="duration"),  # not a date: not scored
        _date(text, "week", "1998-W47"),  # overlaps "next week": relaxed only, wrong value
        _date(text, "Friday", "1998-11-20"),  # relaxed match, value right at day grain
        _date(text, "strike", None),  # no gold: a false positive
    ]
    score = TimebankScore()
    score_document(document, predicted, score)
    assert (score.gold, score.predicted) == (3, 4)
    assert (score.strict_matched, score.relaxed_matched, score.value_right) == (1, 3, 2)
    assert score.relaxed_precision == 3 / 4 and score.relaxed_recall == 1.0
    assert round(score.value_accuracy, 4) == round(2 / 3, 4)


def test_prediction_on_a_gold_timex_of_another_type_is_neither_right_nor_wrong():
    document = read_timeml(TIMEML, "X1")
    score = TimebankScore()
    score_document(document, [_date(document.text, "two days", None)], score)
    assert score.predicted == 0
