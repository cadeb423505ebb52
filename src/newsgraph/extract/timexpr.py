"""Normalise one English time expression to a TIMEX3-style value, anchored on a reference date.

Pure function, no spaCy::

    normalise_time(text, anchor, tense=None, article_year=None) -> TimeValue

``text`` is the expression as it stands ("last Thursday", "late July", "the third quarter",
"August 8, 2025", "three years ago", "several months"); ``anchor`` the article's publication
date (or ``None``); ``tense`` whether the clause speaks of the past or the future, which decides
a bare weekday or month ("on Thursday" in "said on Thursday" is the Thursday before publication,
in "will meet on Thursday" the one after). ``article_year`` is a year the article itself fixes,
used only for a month and day that carry no year when the publication date is unknown.

Values (``TimeValue.value``) follow TimeML TIMEX3: ``2025-08-07`` (day), ``2025-W32`` (week),
``2025-W32-WE`` (weekend), ``2025-08`` (month), ``2025-Q3`` (quarter), ``2025-H1`` (half year),
``2025-SU`` (season), ``2025`` (year), ``202`` (decade), ``20`` (century), ``PRESENT_REF`` /
``PAST_REF`` / ``FUTURE_REF`` (now, recently, soon), durations ``P3Y`` / ``PXM`` ("several
months"), sets ``P1D`` ("daily"). ``modifier`` carries "early/mid/late" (``start``/``mid``/
``end``) and ``approx``; ``start``/``end`` are the first and last ISO day the expression can
cover, so every value is also an interval.

Grammar of its own for what news uses most (weekdays, deictic days, relative units, months,
quarters, seasons, decades, early/mid/late, holidays); dateparser (``languages=['en']`` with
``RELATIVE_BASE`` and ``PREFER_DATES_FROM``) for the other absolute forms. Without an anchor,
only expressions that fix themselves ("August 8, 2025", "2019", "the 1990s") get a value;
the rest keep ``value=None``. Never raises on odd text; unknown text gives ``value=None``.

Limits: a month or day without a year goes to the year that puts it nearest the anchor (a
distance against the tense counts double), so a past event eight months back in a past-tense
clause can land in the wrong year; spelled-out years ("nineteen ninety-six") and fiscal years
that do not follow the calendar are not understood; "a week later" is read from the anchor, not
from the event the text spoke of before.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

logger = logging.getLogger(__name__)

Tense = Literal["past", "present", "future"]
Kind = Literal["date", "duration", "set"]
Resolution = Literal[
    "day",
    "week",
    "weekend",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
    "reference",
    "duration",
    "set",
]
Anchor = Literal["absolute", "published", "article", "none"]

# Confidence of a value by how it was found (hand-set, checked on TimeBank: explicit dates are
# almost always right, weekday and month-without-year guesses are wrong about 1 time in 5).
CONFIDENCE_EXPLICIT = 0.95
CONFIDENCE_DEICTIC = 0.9
CONFIDENCE_TENSE_GUESS = 0.75
CONFIDENCE_ARTICLE_YEAR = 0.6
CONFIDENCE_DATEPARSER = 0.6
CONFIDENCE_CONTEXT = 0.5
# A month or day written without a year is put in the year that brings it nearest the
# publication date; a distance against the clause's tense (a future date in a past-tense
# clause) counts this many times. Checked on TimeBank: 2 fixes "extended to Nov. 16" without
# breaking "rescued on Nov. 25" six weeks before publication.
TENSE_PENALTY = 2.0
# Years outside this range are not read as years (ages, counts, product numbers).
YEAR_MIN, YEAR_MAX = 1000, 2199
# dateparser parsers kept (one per publication date and tense; a new one costs ~2 ms).
DATE_PARSERS_KEPT = 64
# Longest text the normaliser looks at; longer spans are not single time expressions.
MAX_EXPRESSION_CHARS = 80


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeValue:
    """What a time expression means. ``value`` is ``None`` when it cannot be fixed."""

    kind: Kind = "date"
    value: str | None = None
    resolution: Resolution | None = None
    modifier: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    anchor: Anchor = "none"
    confidence: float | None = None


UNKNOWN = TimeValue()


@dataclass(frozen=True, slots=True)
class _Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    vague: tuple[str, ...]
    references: dict[str, str]
    standalone: frozenset[str]
    standalone_phrases: frozenset[str]
    fixed_holidays: dict[str, tuple[int, int]]
    weekday_holidays: dict[str, tuple[int, int, int]]


@cache
def words() -> _Words:
    """The word lists of ``extract/data/dates.toml``, loaded once."""
    raw = resources.files("newsgraph.extract").joinpath("data/dates.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(raw)
    return _Words(
        months=dict(data["months"]),
        weekdays=dict(data["weekdays"]),
        seasons=dict(data["seasons"]),
        numbers={k: float(v) for k, v in data["numbers"].items()},
        ordinals=dict(data["ordinals"]),
        vague=tuple(sorted(data["vague_counts"]["words"], key=len, reverse=True)),
        references=dict(data["references"]),
        standalone=frozenset(data["standalone"]["words"]),
        standalone_phrases=frozenset(data["standalone"]["phrases"]),
        fixed_holidays={k: (v[0], v[1]) for k, v in data["holidays"]["fixed"].items()},
        weekday_holidays={k: (v[0], v[1], v[2]) for k, v in data["holidays"]["weekday"].items()},
    )


# --- calendar helpers ---------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season_of(day: dt.date) -> tuple[int, str]:
    month = day.month
    if month in (12, 1, 2):
        return (day.year if month == 12 else day.year - 1), "WI"
    code = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(month, "FA")
    return day.year, code


def bounds_of(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX3 date value covers, or None for references and unknowns."""
    try:
        return _bounds_of(value)
    except ValueError:
        return None


def _bounds_of(value: str) -> tuple[dt.date, dt.date] | None:
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), _month_end(year, month)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, quarter = int(m[1]), int(m[2])
        return dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        year, half = int(m[1]), int(m[2])
        return dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year = int(m[1])
        first, last = _SEASON_MONTHS[m[2]]
        last_year = year + 1 if m[2] == "WI" else year
        return dt.date(year, first, 1), _month_end(last_year, last)
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if re.fullmatch(r"\d{3}", value):
        decade = int(value) * 10
        return dt.date(max(decade, 1), 1, 1), dt.date(decade + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value):
        century = int(value) * 100
        return dt.date(max(century, 1), 1, 1), dt.date(century + 99, 12, 31)
    return None


def _part_of(start: dt.date, end: dt.date, modifier: str | None) -> tuple[dt.date, dt.date]:
    """The early / middle / late third of an interval."""
    if modifier not in ("start", "mid", "end"):
        return start, end
    days = (end - start).days + 1
    third = max(days // 3, 1)
    if modifier == "start":
        return start, start + dt.timedelta(days=third - 1)
    if modifier == "end":
        return end - dt.timedelta(days=third - 1), end
    return start + dt.timedelta(days=third), end - dt.timedelta(days=third)


def from_value(
    value: str,
    resolution: Resolution,
    anchor: Anchor,
    confidence: float,
    modifier: str | None = None,
) -> TimeValue:
    span = bounds_of(value)
    start, end = _part_of(*span, modifier) if span else (None, None)
    return TimeValue(
        value=value,
        resolution=resolution,
        modifier=modifier,
        start=start,
        end=end,
        anchor=anchor,
        confidence=confidence,
    )


# --- text preparation ---------------------------------------------------------------------

_MODIFIER_WORDS = {
    "early": "start",
    "earlier": "start",
    "beginning of": "start",
    "the beginning of": "start",
    "the start of": "start",
    "start of": "start",
    "the first days of": "start",
    "mid": "mid",
    "middle": "mid",
    "the middle of": "mid",
    "middle of": "mid",
    "late": "end",
    "later": "end",
    "the end of": "end",
    "end of": "end",
    "the close of": "end",
    "the last days of": "end",
    "around": "approx",
    "about": "approx",
    "approximately": "approx",
    "roughly": "approx",
}
_MODIFIER_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(w) for w in sorted(_MODIFIER_WORDS, key=len, reverse=True))
    + r")\s+"
)
_FILLER_RE = re.compile(r"^(?:just|only|as early as|as late as|as recently as|some|fully)\s+")
_TIME_OF_DAY = (
    r"(?:morning|afternoon|evening|night|overnight|midday|noon|midnight|dawn|daybreak|"
    r"lunchtime|"
    r"(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+[a-z]{2,4})?)"
)


def _prepare(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = text.lower().strip()
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"[\s,;:.!?\"()]+$", "", text)
    text = re.sub(r"^[\"'(]+", "", text)
    text = re.sub(r"\b(mid|late|early|post|pre)-(?=[a-z0-9])", r"\1 ", text)
    text = re.sub(r"(?<=[a-z])-(?=(?:quarter|half|year|month|week|ago|earlier|end)\b)", " ", text)
    text = re.sub(r"\s+", " ", text)
    return text


# --- the grammar --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    anchor: dt.date | None
    tense: Tense | None
    article_year: int | None


def normalise_time(
    text: str,
    anchor: dt.date | None,
    tense: Tense | None = None,
    article_year: int | None = None,
) -> TimeValue:
    """What ``text`` means relative to ``anchor`` (see the module docstring). Never raises."""
    if not text or len(text) > MAX_EXPRESSION_CHARS:
        return UNKNOWN
    try:
        return _normalise(_prepare(text), _Context(anchor, tense, article_year))
    except (ValueError, OverflowError, KeyError, IndexError):
        logger.debug("could not normalise %r", text, exc_info=True)
        return UNKNOWN


def _normalise(text: str, ctx: _Context) -> TimeValue:
    w = words()
    if not text:
        return UNKNOWN
    if text in w.references:
        return _reference(w.references[text], ctx)
    if found := _set_expression(text):
        return found
    modifier: str | None = None
    text = _FILLER_RE.sub("", text)
    text = re.sub(r"^the (?=(?:early|mid|late) )", "", text)
    if m := _MODIFIER_RE.match(text):
        modifier = _MODIFIER_WORDS[m[0].strip()]
        text = text[m.end() :]
        if m[0].strip() in ("earlier", "later"):
            return _earlier_later(text, modifier, ctx)
    text = re.sub(r"^(?:the|this|that|on|in|of)\s+(?=\d)", "", text)
    for parse in (
        _duration_or_ago,
        _deictic_day,
        _weekday,
        _holiday,
        _relative_unit,
        _quarter,
        _season,
        _month_day_year,
        _numeric_date,
        _month_year,
        _decade_century,
        _year,
    ):
        found = parse(text, ctx)
        if found is not None:
            return _with_modifier(found, modifier)
    return _with_modifier(_dateparser_fallback(text, ctx), modifier)


def _with_modifier(found: TimeValue, modifier: str | None) -> TimeValue:
    if modifier is None or found.kind != "date" or found.value is None:
        return found if modifier is None else replace(found, modifier=modifier)
    if found.start is None or found.end is None:
        return replace(found, modifier=modifier)
    start, end = _part_of(found.start, found.end, modifier)
    return replace(found, modifier=modifier, start=start, end=end)


def _reference(value: str, ctx: _Context) -> TimeValue:
    anchor = ctx.anchor
    if anchor is None:
        return TimeValue(value=value, resolution="reference", confidence=CONFIDENCE_DEICTIC)
    start: dt.date | None = anchor
    end: dt.date | None = anchor
    if value == "PAST_REF":
        start, end = None, anchor
    elif value == "FUTURE_REF":
        start, end = anchor, None
    return TimeValue(
        value=value,
        resolution="reference",
        start=start,
        end=end,
        anchor="published",
        confidence=CONFIDENCE_DEICTIC,
    )


_SETS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
}
_UNIT_CODES = {
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
_UNIT_RE = r"(day|week|weekend|fortnight|month|quarter|year|decade|century|centurie)s?"


def _set_expression(text: str) -> TimeValue | None:
    if text in _SETS:
        return TimeValue(kind="set", value=_SETS[text], resolution="set")
    if m := re.fullmatch(r"(?:each|every|per) " + _UNIT_RE, text):
        unit = "century" if m[1] == "centurie" else m[1]
        return TimeValue(kind="set", value=f"P1{_UNIT_CODES[unit]}", resolution="set")
    return None


def _count(text: str) -> float | None:
    """A count in digits or words ("3", "three", "twenty-five", "a"), None when vague."""
    w = words()
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in w.numbers:
        return w.numbers[text]
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and all(p in w.numbers for p in parts):
        return w.numbers[parts[0]] + w.numbers[parts[1]]
    return None


def _shift(anchor: dt.date, count: int, unit: str) -> tuple[str, Resolution] | None:
    """The value ``count`` units away from ``anchor`` (negative: before)."""
    if unit in ("day",):
        day = anchor + dt.timedelta(days=count)
        return day.isoformat(), "day"
    if unit in ("week", "fortnight"):
        day = anchor + dt.timedelta(weeks=count * (2 if unit == "fortnight" else 1))
        return _week_value(day), "week"
    if unit == "weekend":
        day = anchor + dt.timedelta(weeks=count)
        return _week_value(day) + "-WE", "weekend"
    if unit == "month":
        year, month = _add_months(anchor.year, anchor.month, count)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "quarter":
        quarter = (anchor.month - 1) // 3 + count
        year = anchor.year + quarter // 4
        return f"{year:04d}-Q{quarter % 4 + 1}", "quarter"
    if unit == "year":
        return f"{anchor.year + count:04d}", "year"
    if unit == "decade":
        return f"{anchor.year // 10 + count:03d}", "decade"
    if unit in ("century", "centurie"):
        return f"{anchor.year // 100 + count:02d}", "century"
    return None


_DURATION_RE = re.compile(
    r"^(?:(the|a|an) )?(?:(past|last|next|coming|previous|following|first|final) )?"
    r"(?:(.+?) )?" + _UNIT_RE + r"(?: (ago|earlier|before|later|after|from now|hence|back))?$"
)


def _duration_or_ago(text: str, ctx: _Context) -> TimeValue | None:
    """ "three years ago", "a year earlier", "the past two weeks", "several months", "years"."""
    m = _DURATION_RE.match(text)
    if not m:
        return None
    article, direction, amount, unit, relation = m[1], m[2], m[3], m[4], m[5]
    if amount is None and article in ("a", "an") and direction is None:
        amount = article  # "a decade", "a year ago"
    unit = "century" if unit == "centurie" else unit
    plural = text.rstrip().endswith("s") and not text.endswith(("ago", "earlier", "later"))
    count: float | None
    vague = False
    if amount is None:
        if not plural and direction is None and relation is None:
            return None  # "the week", "day": anaphoric or not a time at all
        if not plural and direction in ("past", "last", "previous", "next", "coming", "following"):
            return None  # "the past year", "next week": calendar units, not durations
        count = 1 if not plural else None
        vague = plural
    else:
        count = _count(amount)
        vague = count is None
        if vague and not any(amount.endswith(v) for v in words().vague):
            return None
    code = _UNIT_CODES[unit]
    if relation is not None:
        # A point in time: "three years ago", "a week earlier".
        sign = 1 if relation in ("later", "after", "from now", "hence") else -1
        if vague or count is None or count != int(count):
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return _reference(value, ctx) if relation in ("ago", "from now", "hence") else None
        if relation in ("before", "after") or ctx.anchor is None:
            # "two days after" the text's own event: only the length is sure.
            return TimeValue(value=None)
        if unit in ("decade", "century"):
            count, unit = count * (10 if unit == "decade" else 100), "year"
        shifted = _shift(ctx.anchor, sign * int(count), unit)
        if shifted is None:
            return None
        value, resolution = shifted
        confidence = CONFIDENCE_DEICTIC if relation == "ago" else CONFIDENCE_TENSE_GUESS
        return from_value(value, resolution, "published", confidence)
    number = "X" if vague or count is None else _duration_number(count)
    value = f"P{number}{code}"
    if code == "DE" and number != "X":
        value = f"P{_duration_number((count or 0) * 10)}Y"
    if code == "CE" and number != "X":
        value = f"P{_duration_number((count or 0) * 100)}Y"
    if code == "Q" and number != "X":
        value = f"P{_duration_number((count or 0) * 3)}M"
    start = end = None
    anchor: Anchor = "none"
    if direction in ("past", "last", "previous") and ctx.anchor and count:
        start, end = _duration_window(ctx.anchor, -count, unit), ctx.anchor
        anchor = "published"
    elif direction in ("next", "coming", "following") and ctx.anchor and count:
        start, end = ctx.anchor, _duration_window(ctx.anchor, count, unit)
        anchor = "published"
    return TimeValue(
        kind="duration",
        value=value,
        resolution="duration",
        start=start,
        end=end,
        anchor=anchor,
        confidence=CONFIDENCE_EXPLICIT if number != "X" else CONFIDENCE_TENSE_GUESS,
    )


def _duration_number(count: float) -> str:
    return str(int(count)) if count == int(count) else str(count)


_UNIT_DAYS = {
    "day": 1,
    "week": 7,
    "weekend": 7,
    "fortnight": 14,
    "month": 30.44,
    "quarter": 91.31,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525,
}


def _duration_window(anchor: dt.date, count: float, unit: str) -> dt.date | None:
    try:
        return anchor + dt.timedelta(days=round(count * _UNIT_DAYS[unit]))
    except OverflowError:
        return None


_DEICTIC_DAYS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _deictic_day(text: str, ctx: _Context) -> TimeValue | None:
    base = re.sub(r" " + _TIME_OF_DAY + r"$", "", text)
    base = re.sub(r"^" + _TIME_OF_DAY + r" ", "", base)
    if base not in _DEICTIC_DAYS:
        return None
    if ctx.anchor is None:
        return TimeValue(resolution="day")
    day = ctx.anchor + dt.timedelta(days=_DEICTIC_DAYS[base])
    return from_value(day.isoformat(), "day", "published", CONFIDENCE_DEICTIC)


_WEEKDAY_RE = re.compile(
    r"^(?:(last|next|this|this coming|this past|coming|past|previous|following) )?"
    r"(?:" + _TIME_OF_DAY + r" )?([a-z]+)\.?(?:'s)?(?: " + _TIME_OF_DAY + r")?(?:,? (.+))?$"
)


def _weekday(text: str, ctx: _Context) -> TimeValue | None:
    """ "Thursday", "last Friday", "Tuesday morning", "Monday, Oct. 23" (the date wins)."""
    m = _WEEKDAY_RE.match(text)
    if not m or m[2] not in words().weekdays:
        return None
    which, weekday, rest = m[1], words().weekdays[m[2]], m[3]
    if rest:
        found = _month_day_year(rest, ctx) or _numeric_date(rest, ctx)
        return found if found is not None else None
    if ctx.anchor is None:
        return TimeValue(resolution="day")
    anchor = ctx.anchor
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    confidence = CONFIDENCE_TENSE_GUESS
    if which in ("last", "past", "this past", "previous"):
        offset = -(back or 7)
        confidence = CONFIDENCE_DEICTIC
    elif which in ("next", "coming", "this coming", "following"):
        offset = forward or 7
        confidence = CONFIDENCE_DEICTIC
    elif back == 0:
        offset = 0  # news convention: the day named is the day of the dateline
    elif ctx.tense in ("future", "present"):
        offset = forward  # present tense with a weekday is a fixture: "meets Monday"
    elif which == "this" and ctx.tense != "past":
        offset = forward
    else:
        offset = -back
    day = anchor + dt.timedelta(days=offset)
    return from_value(day.isoformat(), "day", "published", confidence)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth < 0:
        last = _month_end(year, month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _holiday(text: str, ctx: _Context) -> TimeValue | None:
    w = words()
    m = re.fullmatch(r"(?:(last|next|this) )?(.+?)(?: (\d{4}))?", text)
    if not m:
        return None
    which, name, year_text = m[1], m[2], m[3]
    if name not in w.fixed_holidays and name not in w.weekday_holidays:
        return None

    def on(year: int) -> dt.date:
        if name in w.fixed_holidays:
            month, day = w.fixed_holidays[name]
            return dt.date(year, month, day)
        month, weekday, nth = w.weekday_holidays[name]
        return _nth_weekday(year, month, weekday, nth)

    if year_text:
        return from_value(on(int(year_text)).isoformat(), "day", "absolute", CONFIDENCE_EXPLICIT)
    if ctx.anchor is None:
        return TimeValue(resolution="day")
    this_year = on(ctx.anchor.year)
    day = this_year
    if which == "last" or (which is None and ctx.tense == "past"):
        day = this_year if this_year <= ctx.anchor else on(ctx.anchor.year - 1)
    elif which == "next" or (which is None and ctx.tense == "future"):
        day = this_year if this_year >= ctx.anchor else on(ctx.anchor.year + 1)
    return from_value(day.isoformat(), "day", "published", CONFIDENCE_TENSE_GUESS)


# Phrases for the year of publication. "the year" alone is that year in most news uses ("sales
# for the year"), but can be a year the text spoke of, hence the lower confidence.
_THIS_YEAR = frozenset(
    {
        "the year",
        "the full year",
        "the current year",
        "the fiscal year",
        "the current fiscal year",
        "the year to date",
        "the calendar year",
        "the whole year",
        "the entire year",
    }
)
_RELATIVE_RE = re.compile(
    r"^(?:the )?(last|past|previous|this|current|next|coming|following|same|"
    r"this past|this coming|the past|the previous)"
    r" (week|weekend|month|quarter|year|decade|century|season)$"
)


def _relative_unit(text: str, ctx: _Context) -> TimeValue | None:
    """ "last year", "this week", "next month", "the past year", "this century"."""
    if text in ("the month", "the current month") and ctx.anchor is not None:
        value = f"{ctx.anchor.year:04d}-{ctx.anchor.month:02d}"
        return from_value(value, "month", "published", CONFIDENCE_CONTEXT)
    if text in _THIS_YEAR and ctx.anchor is not None:
        confidence = CONFIDENCE_CONTEXT if text == "the year" else CONFIDENCE_DEICTIC
        return from_value(f"{ctx.anchor.year:04d}", "year", "published", confidence)
    if text in ("the weekend", "weekend") and ctx.anchor is not None:
        # The weekend the clause speaks of: the last one for the past, else the nearest.
        anchor, weekday = ctx.anchor, ctx.anchor.weekday()
        if weekday < 5 and (ctx.tense == "past" or (ctx.tense != "future" and weekday < 3)):
            anchor -= dt.timedelta(days=7)
        return from_value(
            _week_value(anchor) + "-WE", "weekend", "published", CONFIDENCE_TENSE_GUESS
        )
    m = _RELATIVE_RE.match(text)
    if not m:
        return None
    which, unit = m[1].removeprefix("the ").removeprefix("this "), m[2]
    if ctx.anchor is None:
        return TimeValue(resolution=None)
    if which in ("same", "following"):
        # "the following year", "the same week": counted from an event of the text, not from
        # publication; left unresolved rather than guessed.
        return TimeValue()
    delta = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        which, 0
    )
    if unit == "season":
        return None
    shifted = _shift(ctx.anchor, delta, unit)
    if shifted is None:
        return None
    value, resolution = shifted
    found = from_value(value, resolution, "published", CONFIDENCE_DEICTIC)
    if text.startswith(("the past ", "the last ")) and unit in _UNIT_DAYS:
        # "in the past week": the value is the calendar unit (TimeML), the interval the days
        # up to publication that the phrase actually covers.
        window = _duration_window(ctx.anchor, -1, unit)
        return replace(
            found, start=window + dt.timedelta(days=1) if window else None, end=ctx.anchor
        )
    return found


_QUARTER_RE = re.compile(
    r"^(?:the )?(?:(this year|last year|next year|\d{4})(?:'s)? )?(?:(fiscal|calendar) )?"
    r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last) (quarter|half)"
    r"(?: of (?:(?:fiscal|calendar) )?(\d{4}|the year|this year|last year|next year))?$"
)
_QUARTER_CODE_RE = re.compile(r"^(?:the )?(q[1-4]|h[12])(?: (\d{4}))?$")


def _quarter(text: str, ctx: _Context) -> TimeValue | None:
    """ "the third quarter", "third-quarter", "Q2 2025", "the first half of the year"."""
    year_text: str | None
    m = _QUARTER_RE.match(text)
    if m:
        ordinal, unit = m[3], m[4]
        year_text = m[1] or m[5]
        number = 4 if ordinal in ("final", "last") else words().ordinals[ordinal]
        if unit == "half":
            number = 2 if ordinal in ("final", "last") else number
            if number > 2:
                return None
    elif m := _QUARTER_CODE_RE.match(text):
        unit = "quarter" if m[1][0] == "q" else "half"
        number, year_text = int(m[1][1]), m[2]
    else:
        return None
    code = "Q" if unit == "quarter" else "H"
    resolution: Resolution = "quarter" if unit == "quarter" else "half"
    if year_text and year_text.isdigit():
        return from_value(
            f"{year_text}-{code}{number}", resolution, "absolute", CONFIDENCE_EXPLICIT
        )
    if ctx.anchor is None:
        return TimeValue(resolution=resolution)
    year = ctx.anchor.year
    if year_text in ("last year",):
        year -= 1
    elif year_text in ("next year",):
        year += 1
    elif year_text is None:
        # A quarter named without a year: the latest one that has begun (results are reported
        # after the quarter), the next one when the clause speaks of the future.
        months_per = 3 if unit == "quarter" else 6
        begins = dt.date(year, months_per * (number - 1) + 1, 1)
        if ctx.tense == "future":
            # Results of a quarter that just ended are still to come: only a quarter that began
            # more than half a year ago is next year's.
            if begins < dt.date(*_add_months(ctx.anchor.year, ctx.anchor.month, -6), 1):
                year += 1
        elif begins > ctx.anchor:
            year -= 1
    return from_value(f"{year:04d}-{code}{number}", resolution, "published", CONFIDENCE_TENSE_GUESS)


_SEASON_RE = re.compile(
    r"^(?:(last|next|this|this past|this coming|the|coming|past) )?"
    r"(spring|summer|autumn|fall|winter)"
    r"(?: (?:of )?(\d{4}))?$"
)


def _season(text: str, ctx: _Context) -> TimeValue | None:
    m = _SEASON_RE.match(text)
    if not m:
        return None
    which, code, year_text = m[1], words().seasons[m[2]], m[3]
    if year_text:
        return from_value(f"{year_text}-{code}", "season", "absolute", CONFIDENCE_EXPLICIT)
    if ctx.anchor is None:
        return TimeValue(resolution="season")
    current_year, current = _season_of(ctx.anchor)
    order = ("SP", "SU", "FA", "WI")  # winter of year Y runs from December Y into Y + 1
    now = current_year * 4 + order.index(current)
    candidates = [
        year * 4 + order.index(code) for year in range(current_year - 1, current_year + 2)
    ]
    if which in ("last", "past", "this past"):
        chosen = max(p for p in candidates if p < now)
    elif which in ("next", "coming", "this coming"):
        chosen = min(p for p in candidates if p > now)
    elif which is None and ctx.tense == "past":
        chosen = max(p for p in candidates if p <= now)
    elif which is None and ctx.tense == "future":
        chosen = min(p for p in candidates if p >= now)
    elif code == current:
        chosen = now
    else:
        this_year = ctx.anchor.year - (1 if code == "WI" and ctx.anchor.month <= 2 else 0)
        chosen = this_year * 4 + order.index(code)
    year = chosen // 4
    return from_value(f"{year:04d}-{code}", "season", "published", CONFIDENCE_TENSE_GUESS)


_MONTH_NAME = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_DAY_NUM = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR_NUM = r"(\d{4}|'\d\d)"
_MONTH_DAY_RE = re.compile(
    r"^(?:(last|next|this|this coming|the) )?"
    + _MONTH_NAME
    + r" (?:the )?"
    + _DAY_NUM
    + r"(?:,? "
    + _YEAR_NUM
    + r")?$"
)
_DAY_MONTH_RE = re.compile(
    r"^(?:the )?" + _DAY_NUM + r" (?:of )?" + _MONTH_NAME + r"(?:,? " + _YEAR_NUM + r")?$"
)


def _month_number(text: str) -> int | None:
    return words().months.get(text.rstrip("."))


def _year_number(text: str, ctx: _Context) -> int | None:
    if text.startswith("'"):
        short = int(text[1:])
        base = (ctx.anchor.year if ctx.anchor else ctx.article_year) or None
        if base is None:
            return 1900 + short if short > 30 else 2000 + short
        century = base // 100 * 100
        year = century + short
        return year - 100 if year > base + 10 else year
    return int(text)


def _guess_year(month: int, day: int | None, ctx: _Context) -> tuple[int, Anchor, float] | None:
    """The year of a month (and day) written without one: of the previous, same and next
    year, the one nearest the anchor, distances against the clause's tense counting double."""
    if ctx.anchor is None:
        if ctx.article_year is None:
            return None
        return ctx.article_year, "article", CONFIDENCE_ARTICLE_YEAR
    anchor = ctx.anchor
    ahead = ctx.tense in ("future", "present")

    def cost(year: int) -> float:
        if day is None:
            distance = (year * 12 + month) - (anchor.year * 12 + anchor.month)
        else:
            probe = _safe_date(year, month, min(day, calendar.monthrange(year, month)[1]))
            distance = (probe - anchor).days if probe else 10**6
        against = (ctx.tense == "past" and distance > 0) or (ahead and distance < 0)
        return abs(distance) * (TENSE_PENALTY if against else 1)

    year = min((anchor.year, anchor.year - 1, anchor.year + 1), key=cost)
    confidence = CONFIDENCE_EXPLICIT if year == anchor.year else CONFIDENCE_TENSE_GUESS
    return year, "published", confidence


def _month_day_year(text: str, ctx: _Context) -> TimeValue | None:
    m = _MONTH_DAY_RE.match(text)
    which: str | None = None
    if m:
        which, month_text, day_text, year_text = m[1], m[2], m[3], m[4]
    elif m := _DAY_MONTH_RE.match(text):
        day_text, month_text, year_text = m[1], m[2], m[3]
    else:
        return None
    month = _month_number(month_text)
    if month is None:
        return None
    day = int(day_text)
    if year_text:
        year = _year_number(year_text, ctx)
        if year is None or _safe_date(year, month, day) is None:
            return TimeValue()
        return from_value(
            f"{year:04d}-{month:02d}-{day:02d}", "day", "absolute", CONFIDENCE_EXPLICIT
        )
    if not 1 <= day <= 31:
        return TimeValue()
    tense = {"last": "past", "next": "future", "this coming": "future"}.get(which or "")
    local = _Context(ctx.anchor, tense or ctx.tense, ctx.article_year)  # type: ignore[arg-type]
    guess = _guess_year(month, day, local)
    if guess is None:
        return TimeValue(resolution="day")
    year, anchor, confidence = guess
    if _safe_date(year, month, day) is None:
        return TimeValue()
    return from_value(f"{year:04d}-{month:02d}-{day:02d}", "day", anchor, confidence)


_NUMERIC_RES = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})(\d\d)(\d\d)$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)$"), ("m", "d", "y")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), ("y", "m", "d")),
)


def _numeric_date(text: str, ctx: _Context) -> TimeValue | None:
    """ISO dates, 19980205, and US-style 11/02/89 (month first, as US newswires write)."""
    for pattern, order in _NUMERIC_RES:
        m = pattern.match(text)
        if not m:
            continue
        parts = dict(zip(order, m.groups(), strict=True))
        year = int(parts["y"])
        if len(parts["y"]) == 2:
            year = _year_number("'" + parts["y"], ctx) or year
        day = _safe_date(year, int(parts["m"]), int(parts["d"]))
        if day is None:
            return TimeValue()
        return from_value(day.isoformat(), "day", "absolute", CONFIDENCE_EXPLICIT)
    return None


_MONTH_YEAR_RE = re.compile(
    r"^(?:(last|next|this|this coming|this past|the|coming|past) )?"
    + _MONTH_NAME
    + r"(?:,? (?:of )?"
    + _YEAR_NUM
    + r"| (this|last|next) year)?$"
)


def _month_year(text: str, ctx: _Context) -> TimeValue | None:
    """ "July", "last May", "July 2025", "January this year"."""
    m = _MONTH_YEAR_RE.match(text)
    if not m:
        return None
    which, month_text, year_text, relative_year = m[1], m[2], m[3], m[4]
    month = _month_number(month_text)
    if month is None:
        return None
    if year_text:
        year = _year_number(year_text, ctx)
        if year is None or not YEAR_MIN <= year <= YEAR_MAX:
            return TimeValue()
        return from_value(f"{year:04d}-{month:02d}", "month", "absolute", CONFIDENCE_EXPLICIT)
    if ctx.anchor is None and relative_year is None:
        guess = _guess_year(month, None, ctx)
        if guess is None:
            return TimeValue(resolution="month")
        return from_value(f"{guess[0]:04d}-{month:02d}", "month", guess[1], guess[2])
    if ctx.anchor is None:
        return TimeValue(resolution="month")
    year = ctx.anchor.year
    confidence = CONFIDENCE_DEICTIC
    if relative_year:
        year += {"last": -1, "next": 1}.get(relative_year, 0)
    elif which in ("last", "past", "this past"):
        year -= 1 if month >= ctx.anchor.month else 0
    elif which in ("next", "coming", "this coming"):
        year += 1 if month <= ctx.anchor.month else 0
    elif which == "this":
        pass
    else:
        guess = _guess_year(month, None, ctx)
        if guess is None:
            return TimeValue(resolution="month")
        year, _, confidence = guess
        confidence = min(confidence, CONFIDENCE_TENSE_GUESS if year != ctx.anchor.year else 0.85)
    return from_value(f"{year:04d}-{month:02d}", "month", "published", confidence)


_DECADE_RE = re.compile(r"^(?:the )?(?:(\d{3})0|'(\d)0|(\d)0)'?s$")
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_CENTURY_RE = re.compile(r"^(?:the |a |this )?(\d{1,2})(?:st|nd|rd|th) century$")


def _decade_century(text: str, ctx: _Context) -> TimeValue | None:
    if m := _DECADE_RE.match(text):
        if m[1]:
            return from_value(m[1], "decade", "absolute", CONFIDENCE_EXPLICIT)
        digit = int(m[2] or m[3])
        base = ctx.anchor.year if ctx.anchor else ctx.article_year
        century = (base // 100) if base else (19 if digit > 2 else 20)
        decade = century * 10 + digit
        if base and decade * 10 > base:
            decade -= 10
        return from_value(f"{decade:03d}", "decade", "absolute", CONFIDENCE_TENSE_GUESS)
    if (m := re.fullmatch(r"(?:the )?([a-z]+)", text)) and m[1] in _DECADE_WORDS:
        digit = _DECADE_WORDS[m[1]]
        base = ctx.anchor.year if ctx.anchor else 1999
        decade = (base // 100) * 10 + digit
        if decade * 10 > base:
            decade -= 10
        return from_value(f"{decade:03d}", "decade", "absolute", CONFIDENCE_TENSE_GUESS)
    if m := _CENTURY_RE.match(text):
        century = int(m[1])
        if not 1 <= century <= YEAR_MAX // 100 + 1:
            return None
        return from_value(f"{century - 1:02d}", "century", "absolute", CONFIDENCE_EXPLICIT)
    return None


_YEAR_RE = re.compile(
    r"^(?:(?:the )?(?:fiscal|calendar|financial|model|school|tax|budget) (?:year )?)?"
    r"(?:the year )?(\d{4})(?: (?:period|season|year|fiscal year|financial year|budget))?$"
)


def _year(text: str, ctx: _Context) -> TimeValue | None:
    m = _YEAR_RE.match(text)
    if not m:
        return None
    year = int(m[1])
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    return from_value(f"{year:04d}", "year", "absolute", CONFIDENCE_EXPLICIT)


def _earlier_later(text: str, modifier: str, ctx: _Context) -> TimeValue:
    """ "earlier this month", "later this year", "earlier Friday": within the unit, before or
    after publication."""
    inner = _normalise(text, ctx)
    if inner.kind != "date" or inner.value is None or inner.start is None or inner.end is None:
        return replace(inner, modifier=modifier) if inner.value else inner
    start, end = inner.start, inner.end
    anchor = ctx.anchor
    if anchor is not None and start <= anchor <= end and start != end:
        if modifier == "start":
            end = anchor
        else:
            start = anchor
    return replace(inner, start=start, end=end)


def _dateparser_fallback(text: str, ctx: _Context) -> TimeValue:
    """Forms the grammar above does not cover ("3rd of March", "10 days from today")."""
    if not re.search(r"\d|" + _MONTH_NAME, text):
        return UNKNOWN
    parser = _date_parser(ctx.anchor, ctx.tense)
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings
        logger.debug("dateparser failed on %r", text, exc_info=True)
        return UNKNOWN
    found = data.date_obj
    if found is None:
        return UNKNOWN
    period = data.period or "day"
    day = found.date()
    fixes_year = bool(re.search(r"\d{4}|'\d\d", text))
    if ctx.anchor is None and not fixes_year:
        return UNKNOWN
    anchor: Anchor = "absolute" if fixes_year else "published"
    if period == "year":
        return from_value(f"{day.year:04d}", "year", anchor, CONFIDENCE_DATEPARSER)
    if period == "month":
        return from_value(f"{day.year:04d}-{day.month:02d}", "month", anchor, CONFIDENCE_DATEPARSER)
    if period == "week":
        return from_value(_week_value(day), "week", anchor, CONFIDENCE_DATEPARSER)
    return from_value(day.isoformat(), "day", anchor, CONFIDENCE_DATEPARSER)


@lru_cache(maxsize=DATE_PARSERS_KEPT)
def _date_parser(anchor: dt.date | None, tense: Tense | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": False,
        "STRICT_PARSING": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    if tense in ("past", "future"):
        settings["PREFER_DATES_FROM"] = tense
    else:
        settings["PREFER_DATES_FROM"] = "current_period"
    return DateDataParser(languages=["en"], settings=settings)
