"""When: every time expression of the article, with its normalised value and interval.

Pure function of the parsed ``Doc`` and the publication date::

    extract_dates(doc, published) -> tuple[DateRef, ...]
    dates_in(dates, start, end) -> tuple[DateRef, ...]   # for stages that date what they find

How it works:

1. **Candidates** are spaCy's DATE entities, TIME entities that name a day ("Tuesday night",
   "this morning") and a few time adverbs spaCy does not tag ("now", "recently", "soon";
   ``data/dates.toml``). dateparser's own text search is not used: it reads "we" and "a $50" as
   dates.
2. **Boundaries** follow TimeML: no preposition ("on", "since"), no possessive "'s", no
   "just"; "the" before a written-out date ("the Dec. 21, 1988") left out; ranges and lists
   ("between 1994 and 1997", "1991 to 1997", "the quarter ended Sept. 30") become one record
   per date. Ages ("52", "a 6-year-old") and bare small numbers are dropped.
3. **Tense** of the clause (the verb the expression depends on: "said" → past, "will meet" →
   future) decides a bare weekday, month or quarter; see :mod:`newsgraph.extract.timexpr` for
   the normalisation itself.
4. **Relation**: the preposition in front ("since 2007", "until May", "before 2016", "by 2030")
   is kept as ``relation`` and turns the interval open: "since 2007" runs from 2007-01-01 to
   the publication date.

Without a publication date, relative expressions keep ``value: null``; a month and day with no
year take the year the article's own full dates fix (``anchor: "article"``).

Limits: expressions relative to another event ("a week later", "the next day") are not
resolved against that event; the tense comes from one verb, so "said it would happen on
Friday" takes the tense of "would happen" only when the parse attaches "Friday" there.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.extract.timexpr import Tense, TimeValue, from_value, normalise_time, words
from newsgraph.records import DateRef, Span

EXTRACTOR = "newsgraph.dates.v1"
REQUIRES = frozenset(
    {"doc.ents", "doc.sents", "token.dep", "token.head", "token.tag", "token.lemma"}
)

# Prepositions in front of an expression that make its interval open, and how.
_RELATIONS = {
    "since": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    "before": "before",
    "after": "after",
    "by": "by",
    "from": "from",
    "between": "from",
}
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Verbs whose object or complement is still to come ("planned a rally on Saturday").
_FUTURE_VERBS = frozenset(
    {
        "plan",
        "schedule",
        "expect",
        "intend",
        "hope",
        "postpone",
        "delay",
        "reschedule",
        "adjourn",
        "prepare",
        "promise",
        "threaten",
        "vow",
        "aim",
    }
)
# Confidence of a quarter read from the quarter the text spoke of last (see _in_quarter_context).
CONFIDENCE_CONTEXT = 0.7
# "A year earlier" compares with the quarter when "quarter" is said in its sentence or this many
# characters before it (TimeBank's financial briefs: one or two sentences).
QUARTER_CONTEXT_CHARS = 300
_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can"})
_TIME_WORDS = re.compile(
    r"\b(?:mon|tues?|wednes|thurs?|fri|satur|sun)(?:day)?\b|\b(?:today|tonight|yesterday|"
    r"tomorrow)\b",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^\s*(?:-|‐)?\s*(?:years?|months?|weeks?|days?)?[\s-]*old\b", re.I)
_AGE_INSIDE = re.compile(r"\b(?:years?|months?|weeks?|days?)[\s-]*old\b", re.I)
_RANGE_SPLIT = re.compile(
    r"^(?:between |from )?(?P<a>.+?)\s*(?:\band\b|\bto\b|\bthrough\b|\buntil\b|-|–|—)\s*"
    r"(?P<b>.+)$",
    re.IGNORECASE,
)
_ENDED_SPLIT = re.compile(r"\s+(?:ended|ending|that ended|which ended|through)\s+", re.I)
_MONTH_START = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|^\d", re.IGNORECASE
)
_YEARISH = re.compile(r"^(?:\d{4}|'\d\d|\d{4}s|'\d0s)$")
_DATE_WORD = re.compile(
    r"\b(?:day|week|weekend|month|year|quarter|half|decade|century|season|spring|summer|"
    r"autumn|fall|winter|today|tonight|yesterday|tomorrow|now|jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|q[1-4]|h[12])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    token: int  # index of a token inside the expression, for its tense


def parse_published(published: str | None) -> dt.date | None:
    """The publication day of an ISO date or date-time string; None when it is not one."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Character range of an expression without what TimeML leaves out of it."""
    piece = text[start:end]
    changed = True
    while changed and piece:
        changed = False
        for pattern in (
            r"(?:'s|’s|')$",
            r"[\s,;:!?\"“”()\[\]]+$",
            r"(?<=[a-z]{3})\.$",
        ):
            if (m := re.search(pattern, piece)) and m.start() > 0:
                end -= len(piece) - m.start()
                piece = text[start:end]
                changed = True
        for pattern in (
            r"^[\s\"“”'‘(\[]+",
            r"^(?:just|only|some|fully|about|around|roughly|approximately|nearly|almost)\s+(?=\S)",
            r"^(?:on|in|at|since|until|till|by|from|during|for|of)\s+(?=\S)",
            r"^(?:its|their|his|her|our|a|an)\s+(?=(?:first|second|third|fourth|final)\b)",
            # "up from seven a year ago": the count belongs to the sentence, not the date
            r"^[\w.,]+\s+(?=(?:a|an|one)\s+(?:year|month|week|day|decade)s?\s+"
            r"(?:ago|earlier|before|later)\b)",
        ):
            if (m := re.match(pattern, piece, re.IGNORECASE)) and m.end() < len(piece):
                start += m.end()
                piece = text[start:end]
                changed = True
    if (m := re.match(r"^the\s+", piece, re.IGNORECASE)) and _MONTH_START.match(piece[m.end() :]):
        start += m.end()
    return start, end


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One range per date of a span that holds several ("between 1994 and 1997")."""
    piece = text[start:end]
    if m := _ENDED_SPLIT.search(piece):
        return [
            *_split(text, start, start + m.start()),
            *_split(text, start + m.end(), end),
        ]
    m = _RANGE_SPLIT.match(piece)
    if m and _is_date_like(m["a"]) and _is_date_like(m["b"]):
        # A month with day numbers on both sides ("April 24 and 25") keeps the month once.
        return [(start + m.start("a"), start + m.end("a")), (start + m.start("b"), end)]
    if "," in piece and all(
        _YEARISH.match(p.strip()) for p in re.split(r",|\band\b", piece) if p.strip()
    ):
        return [
            (start + p.start(), start + p.end()) for p in re.finditer(r"\d{4}s?|'\d\ds?", piece)
        ]
    return [(start, end)]


_DETERMINER_BEFORE = re.compile(r"\b(?:this|last|next|that|early|late|mid)[ \t]+$", re.IGNORECASE)
_UNIT_START = re.compile(
    r"(?:year|month|week|weekend|quarter|decade|century|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)


def _with_determiner(text: str, start: int) -> int:
    """Start of an expression whose determiner NER left out ("this" of "this year's")."""
    if _UNIT_START.match(text, start) and (
        m := _DETERMINER_BEFORE.search(text, max(0, start - 12), start)
    ):
        return m.start()
    return start


_PART_OF_DAY_AFTER = re.compile(r"[ \t]+(?:morning|afternoon|evening|night)\b", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(
    r"\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.(?:\s+[A-Z]{2,4})?[ \t]+$", re.IGNORECASE
)


def _with_time_of_day(text: str, start: int, end: int) -> tuple[int, int]:
    """A day with its part of day or clock time, as one expression ("Wednesday night",
    "9 a.m. Tuesday"): spaCy tags the day DATE and the time TIME."""
    if not _WEEKDAY_OR_DEICTIC.fullmatch(text[start:end]):
        return start, end
    if m := _PART_OF_DAY_AFTER.match(text, end):
        end = m.end()
    if m := _CLOCK_BEFORE.search(text, max(0, start - 20), start):
        start = m.start()
    return start, end


_WEEKDAY_OR_DEICTIC = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow)", re.IGNORECASE
)


def _is_date_like(piece: str) -> bool:
    piece = piece.strip()
    return bool(_YEARISH.match(piece)) or bool(
        re.match(
            r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?"
            r"(?:,?\s+\d{4})?$|^(?:mon|tues|wednes|thurs|fri|satur|sun)day$",
            piece,
            re.IGNORECASE,
        )
    )


def _is_age_or_number(text: str, start: int, end: int) -> bool:
    piece = text[start:end]
    if _AGE_INSIDE.search(piece) or _AGE_AFTER.match(text[end : end + 20]):
        return True
    if re.fullmatch(r"\d+", piece):
        return not (len(piece) == 4 and 1000 <= int(piece) <= 2199) and not re.fullmatch(
            r"\d{8}", piece
        )
    # Counts and product numbers tagged DATE ("80486") hold no date word and no year.
    return not _DATE_WORD.search(piece) and not re.search(r"\b\d{4}s?\b|'\d\d", piece)


def _candidates(doc: Doc, text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    covered: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and _TIME_WORDS.search(ent.text)):
            start, end = _trim(text, _with_determiner(text, ent.start_char), ent.end_char)
            for part_start, part_end in _split(text, start, end):
                part_start, part_end = _trim(text, part_start, part_end)
                if part_end <= part_start or _is_age_or_number(text, part_start, part_end):
                    continue
                part_start, part_end = _with_time_of_day(text, part_start, part_end)
                found.append(_Candidate(part_start, part_end, _token_at(ent, part_start)))
            covered.append((ent.start_char, ent.end_char))
    for match in _standalone_pattern().finditer(text):
        if any(start <= match.start() < end for start, end in covered):
            continue
        span = doc.char_span(match.start(), match.end())
        if span is None:
            continue
        if len(span) == 1:
            taken = span[0].pos_ == "ADV" and not _in_phrase(span[0])
        else:
            following = doc[span.end] if span.end < len(doc) else None
            taken = following is None or following.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")
        if taken:
            found.append(_Candidate(match.start(), match.end(), span.root.i))
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[_Candidate] = []
    for candidate in found:
        if kept and candidate.start < kept[-1].end:
            continue
        kept.append(candidate)
    return kept


@cache
def _standalone_pattern() -> re.Pattern[str]:
    every = words().standalone | words().standalone_phrases
    alternatives = "|".join(sorted((re.escape(w) for w in every), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _in_phrase(token: Token) -> bool:
    """ "now" in "now that", "just now" as conjunction, "soon after": not a time of its own."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in ("that", "after", "before", "as")


def _token_at(ent: SpacySpan, char: int) -> int:
    for token in ent:
        if token.idx + len(token.text) > char:
            return token.i
    return ent.end - 1


def _tense(doc: Doc, index: int) -> Tense | None:
    """Past, present or future of the clause the token at ``index`` belongs to."""
    token = doc[index]
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        if aux.lower_ in _FUTURE_AUX or aux.lemma_ in _FUTURE_AUX or aux.lower_ in _MODALS:
            return "future"  # "will meet", and "would / could come" in reported plans
    if token.lemma_ in _FUTURE_VERBS:
        return "future"
    if token.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        # "is to meet", "plans to visit", "is expected to arrive"
        head = token.head
        if head.lemma_ in _FUTURE_VERBS or head.lemma_ == "be" or head.lemma_ == "go":
            return "future"
        return None
    tags = {token.tag_, *(aux.tag_ for aux in auxes)}
    if tags & {"VBD"} or (token.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes)):
        return "past"
    if token.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if token.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "is meeting on Friday": an arrangement
    if token.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _relation(text: str, start: int) -> str | None:
    m = re.search(r"\b([A-Za-z]+)\s*$", text[max(0, start - 12) : start])
    return _RELATIONS.get(m[1].lower()) if m else None


def _open_interval(
    found: TimeValue, relation: str | None, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    start, end = found.start, found.end
    if relation is None or found.kind != "date" or start is None or end is None:
        return start, end
    if relation == "since":
        return start, published if published and published >= start else None
    if relation in ("until", "by"):
        return (published if published and published <= end else None), end
    if relation == "before":
        return None, start - dt.timedelta(days=1)
    if relation == "after":
        return end + dt.timedelta(days=1), None
    return start, end


_QUARTER_ANAPHOR = re.compile(
    r"^(?:the |its |this )?(?:latest |most recent |same |comparable |fiscal |recent )*"
    r"(?:quarter|period|three months)$",
    re.IGNORECASE,
)
_YEAR_AGO = re.compile(
    r"^(?:the |a |its )?(?:comparable |same )?(?:year[- ](?:ago|earlier)|a year (?:ago|earlier)"
    r"|the year before|the previous year|the prior year|prior[- ]year)"
    r"(?:'s)?(?: (?:quarter|period|three months|same period|comparable period))?$",
    re.IGNORECASE,
)


def _latest_quarter(anchor: dt.date | None) -> str | None:
    """The last quarter that ended before ``anchor``: what "the latest quarter" reports on."""
    if anchor is None:
        return None
    quarter = (anchor.month - 1) // 3  # 0-based current quarter; the previous one has ended
    year = anchor.year if quarter else anchor.year - 1
    return f"{year:04d}-Q{quarter or 4}"


def _reported_quarter(found: TimeValue, anchor: dt.date | None) -> bool:
    if anchor is None or found.start is None:
        return anchor is None
    return anchor - dt.timedelta(days=365) < found.start <= anchor


def _in_quarter_context(
    doc: Doc,
    text: str,
    candidate: _Candidate,
    found: TimeValue,
    focus: str | None,
    anchor: dt.date | None,
) -> TimeValue:
    """Financial news speaks of one quarter at a time: "the quarter", "the latest period" are
    that quarter, "a year earlier" next to it is the same quarter a year before."""
    surface = text[candidate.start : candidate.end].strip()
    if _QUARTER_ANAPHOR.match(surface):
        value = focus or _latest_quarter(anchor)
        return from_value(value, "quarter", "published", CONFIDENCE_CONTEXT) if value else found
    if focus and _YEAR_AGO.match(surface):
        sentence = doc[candidate.token].sent
        nearby = text[max(0, sentence.start_char - QUARTER_CONTEXT_CHARS) : sentence.end_char]
        if re.search(r"quarter|period", surface.lower()) or "quarter" in nearby.lower():
            year, quarter = focus.split("-")
            return from_value(
                f"{int(year) - 1:04d}-{quarter}", "quarter", "published", CONFIDENCE_CONTEXT
            )
    return found


def _article_year(values: Iterable[TimeValue]) -> int | None:
    """The year the article's own full dates fix (the most frequent one), if any."""
    years = Counter(
        int(v.value[:4])
        for v in values
        if v.value and v.anchor == "absolute" and v.resolution in ("day", "month")
    )
    return years.most_common(1)[0][0] if years else None


def extract_dates(doc: Doc, published: str | None = None) -> tuple[DateRef, ...]:
    """Every time expression of ``doc`` with its value anchored on ``published`` (ISO)."""
    text = doc.text
    anchor = parse_published(published)
    candidates = _candidates(doc, text)
    tenses = [_tense(doc, c.token) for c in candidates]
    values = [
        normalise_time(text[c.start : c.end], anchor, tense)
        for c, tense in zip(candidates, tenses, strict=True)
    ]
    if anchor is None and (article_year := _article_year(values)) is not None:
        values = [
            normalise_time(text[c.start : c.end], None, tense, article_year)
            if value.value is None
            else value
            for c, tense, value in zip(candidates, tenses, values, strict=True)
        ]
    focus: str | None = None
    for index, candidate in enumerate(candidates):
        named = values[index]
        values[index] = _in_quarter_context(doc, text, candidate, named, focus, anchor)
        # The quarter the text speaks of is the last one it names that began in the year
        # before publication ("the third quarter"), not one it compares with ("the 1987 third
        # quarter") nor a forecast ("the first quarter of next year").
        if named.resolution == "quarter" and named.value and _reported_quarter(named, anchor):
            focus = named.value
    dates: list[DateRef] = []
    for candidate, found in zip(candidates, values, strict=True):
        relation = _relation(text, candidate.start)
        start, end = _open_interval(found, relation, anchor)
        dates.append(
            DateRef(
                span=Span(candidate.start, candidate.end),
                kind=found.kind,
                value=found.value,
                resolution=found.resolution,
                modifier=found.modifier,
                relation=relation,
                start=start.isoformat() if start else None,
                end=end.isoformat() if end else None,
                anchor=found.anchor,
                confidence=found.confidence,
                extractor=EXTRACTOR,
            )
        )
    return tuple(dates)


def dates_in(dates: Sequence[DateRef], start: int, end: int) -> tuple[DateRef, ...]:
    """The time expressions inside ``[start, end)`` (e.g. a sentence), in text order.

    ``dates`` must be in text order, as :func:`extract_dates` returns them."""
    starts = [d.span.start for d in dates]
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return tuple(d for d in dates[first:last] if d.span.end <= end)
