"""Read one quantity expression: "more than $700 million", "tens of billions of dollars", "4%".

:func:`parse_quantity` is a pure, greedy prefix parser: it reads as much of ``text`` (from
``start``) as forms one amount and says where that amount begins and ends. It never raises on odd
input; text that holds no amount gives ``None``. The amounts extractor calls it at the places
spaCy's entities and the parse point to.

Grammar (words compared in lower case)::

    amount   := qualifier? ( range | single | ratio )
    range    := ["between"] single ("and" | "to" | "-" | "–") single    (second > first)
    ratio    := number-word "in" number-word                           ("one in five" = 20%)
    single   := currency-symbol? figure ("of"? currency-word | unit)?
    figure   := digits multiplier*  |  number words  |  vague quantity

Digits: ``1,200``, ``2.8``, ``.5``; an attached suffix is a multiplier ("5m", "3bn") or a unit
("400km", "30C", "4%"). Number words are read by ``text2num`` ("twenty-five", "fifty million").
Vague quantities ("dozens", "tens of billions", "several hundred") give a range, by the
convention in ``extract/data/amounts.toml``. Not read: fractions ("two-thirds"), negative
numbers, scientific notation, digit groups other than commas every three digits ("1,2,3" reads
as 1), numbers of more than ``MAX_DIGITS`` digits (identifiers, not quantities).
"""

from __future__ import annotations

import csv
import io
import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from text_to_num import text2num

Kind = Literal["money", "count", "percent", "measure"]

# A figure with more digits than this is an identifier or garbage, not a quantity (the largest
# amounts in news, world GDP in dollars, have 15 digits).
MAX_DIGITS = 15
# "6 in 10", "one in five": a share only when the whole is a small round base, not a year.
RATIO_MAX_WHOLE = 1000

_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d,]\d)|\.\d+")
_ATTACHED = re.compile(r"[^\W\d_]+[²³]?|%|°[CF]?")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_SPACE = re.compile(r"[ \t\u00a0\u202f]*")
_ORDER_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_NUMBER_WORDS = frozenset(
    {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
     *_ORDER_WORDS}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_DASHES = ("-", "–", "—", "‐")
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_CODE_AFTER = re.compile(r"[A-Z]{3}(?![^\W_])")
_CODE_BEFORE = re.compile(r"[A-Z]{3}(?=\s?[\d.])")
# Order words whose plural multiplies a vague quantity before it ("tens of thousands").
_ORDER_PLURALS = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}


@dataclass(frozen=True, slots=True)
class Quantity:
    """What one amount expression says. ``start``/``end``: its character range in the text."""

    start: int
    end: int
    kind: Kind
    value: float
    value_max: float | None
    unit: str | None
    currency: str | None
    qualifier: str | None
    approximate: bool
    vague: bool
    plain: bool  # a bare integer without commas, unit, currency, qualifier: maybe a year or code


@dataclass(frozen=True, slots=True)
class _Figure:
    end: int
    value: float
    value_max: float | None
    vague: bool
    approximate: bool
    digits: bool  # written with digits
    plain: bool
    factor: float  # the product of the multipliers written after the digits ("bn", "million")
    unit: tuple[Kind, str | None, str | None] | None = None  # (kind, unit, currency) if attached


@dataclass(frozen=True, slots=True)
class _Tables:
    qualifiers: re.Pattern[str]
    qualifier_of: dict[str, str]
    vague: dict[str, tuple[float, float]]
    vague_prefix: re.Pattern[str]
    vague_prefix_of: dict[str, tuple[float, float]]
    multipliers: dict[str, float]
    symbols: re.Pattern[str]
    symbol_of: dict[str, str]
    codes: frozenset[str]
    unit_words: re.Pattern[str]
    unit_of: dict[str, tuple[Kind, str | None, str | None]]
    attached_of: dict[str, tuple[Kind, str | None, str | None]]


def _phrases(phrases: Any) -> re.Pattern[str]:
    """A regex matching any of ``phrases`` (longest first) as whole words, spaces flexible."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in ordered)
    return re.compile(rf"(?:{body})(?![^\W_])")


def _read(name: str) -> str:
    return resources.files("newsgraph.extract").joinpath("data", name).read_text("utf-8")


@cache
def _tables() -> _Tables:
    data: dict[str, Any] = tomllib.loads(_read("amounts.toml"))
    qualifier_of = {
        " ".join(phrase.split()): key
        for key, phrases in data["qualifiers"].items()
        for phrase in phrases
    }
    vague = {word: (float(low), float(high)) for word, (low, high) in data["vague"].items()}
    prefix = {
        phrase: (float(low), float(high)) for phrase, (low, high) in data["vague_prefix"].items()
    }
    unit_of: dict[str, tuple[Kind, str | None, str | None]] = {}
    for unit, forms in data["percent_units"].items():
        for form in forms:
            unit_of[form] = ("percent", unit, None)
    for unit, forms in data["measure_units"].items():
        for form in forms:
            unit_of[form] = ("measure", unit, None)
    for word in data["shared_currency_words"]["words"]:
        unit_of[word] = ("money", None, None)
    symbol_of: dict[str, str] = {}
    codes: set[str] = set()
    for row in csv.DictReader(io.StringIO(_read("currencies.csv"))):
        code, kind, text = row["code"], row["kind"], row["text"]
        if kind == "symbol":
            symbol_of[text] = code
        elif kind == "code":
            codes.add(code)
        else:
            unit_of[text.casefold()] = ("money", None, code)
    # One-letter units ("30C") and the short forms only count attached to the digits.
    attached_of = dict(unit_of)
    for form in [form for form in unit_of if len(form) <= 1]:
        del unit_of[form]
    return _Tables(
        qualifiers=_phrases(qualifier_of),
        qualifier_of=qualifier_of,
        vague=vague,
        vague_prefix=_phrases(prefix),
        vague_prefix_of={" ".join(p.split()): v for p, v in prefix.items()},
        multipliers={word: float(value) for word, value in data["multipliers"].items()},
        symbols=re.compile(
            "(?:"
            + "|".join(re.escape(s) for s in sorted(symbol_of, key=len, reverse=True))
            + r")(?=\s?[\d.])"
        ),
        symbol_of=symbol_of,
        codes=frozenset(codes),
        unit_words=_phrases(unit_of),
        unit_of=unit_of,
        attached_of=attached_of,
    )


def currency_symbols() -> frozenset[str]:
    """Currency symbols and abbreviations written before a figure ("$", "HK$", "Rs")."""
    return frozenset(_tables().symbol_of)


def currency_codes() -> frozenset[str]:
    """Every ISO 4217 code the extractor can give (from ``extract/data/currencies.csv``)."""
    return _tables().codes


def _skip(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _word_at(lower: str, pos: int) -> tuple[str, int] | None:
    match = _WORD.match(lower, pos)
    return (match.group(), match.end()) if match else None


def _multipliers(lower: str, pos: int, separate_only: bool) -> tuple[float, int]:
    """The product of the multiplier words at ``pos`` ("million", "bn") and where they end."""
    tables = _tables()
    factor, end = 1.0, pos
    while True:
        at = _skip(lower, end)
        word = _word_at(lower, at)
        if word is None or word[0] not in tables.multipliers:
            return factor, end
        # Short forms standing alone ("5 m", "3 k") are letters, not multipliers.
        if len(word[0]) == 1 and separate_only:
            return factor, end
        factor *= tables.multipliers[word[0]]
        end = word[1]


def _digits_figure(text: str, lower: str, pos: int) -> _Figure | None:
    match = _DIGITS.match(text, pos)
    if match is None:
        return None
    raw = match.group()
    digits = raw.replace(",", "").replace(".", "")
    if len(digits.lstrip("0")) > MAX_DIGITS:
        return None
    value = float(raw.replace(",", ""))
    end = match.end()
    tables = _tables()
    factor = 1.0
    attached: tuple[Kind, str | None, str | None] | None = None
    suffix = _ATTACHED.match(text, end)
    if suffix is not None:
        word = suffix.group()
        key = word.casefold()
        if key in _ORDINAL_SUFFIXES:
            return None
        if key in tables.multipliers:
            factor, end = tables.multipliers[key], suffix.end()
        elif word in tables.attached_of or key in tables.attached_of:
            attached = tables.attached_of.get(word) or tables.attached_of[key]
            end = suffix.end()
        else:
            return None  # "G20", "5G", "737MAX": a name, not a quantity
    elif end < len(text) and text[end] in _DASHES:  # "300-metre", "$50-million"
        after = end + 1
        unit_word = tables.unit_words.match(lower, after)
        order = _word_at(lower, after)
        if unit_word is not None and tables.unit_of[unit_word.group()][0] == "measure":
            attached, end = tables.unit_of[unit_word.group()], unit_word.end()
        elif order is not None and order[0] in tables.multipliers and len(order[0]) > 1:
            factor, end = tables.multipliers[order[0]], order[1]
    more, end = _multipliers(lower, end, separate_only=True)
    factor *= more
    plain = "," not in raw and "." not in raw and factor == 1.0 and attached is None
    return _Figure(
        end=end,
        value=value * factor,
        value_max=None,
        vague=False,
        approximate=False,
        digits=True,
        plain=plain,
        factor=factor,
        unit=attached,
    )


def _number_words(lower: str, pos: int) -> _Figure | None:
    """Number words ("twenty-five", "a hundred", "fifty million", "a dozen", "half a million")."""
    words: list[str] = []
    ends: list[int] = []
    at = pos
    half = False
    leading = _word_at(lower, at)
    if leading and leading[0] == "half":
        half, at = True, _skip(lower, leading[1])
        leading = _word_at(lower, at)
    if leading and leading[0] in ("a", "an"):
        following = _word_at(lower, _skip(lower, leading[1]))
        if following and following[0] in ("hundred", "thousand", "million", "billion", "dozen"):
            words.append("one")
            ends.append(leading[1])
            at = _skip(lower, leading[1])
    while True:
        word = _word_at(lower, at)
        if word is None:
            break
        parts = re.split("[-‐]", word[0])
        if all(part in _NUMBER_WORDS for part in parts):
            words.append(word[0].replace("‐", "-"))
            ends.append(word[1])
            at = _skip(lower, word[1])
            continue
        if word[0] == "and" and words:
            following = _word_at(lower, _skip(lower, word[1]))
            if following and following[0].split("-")[0] in _NUMBER_WORDS:
                words.append("and")
                ends.append(word[1])
                at = _skip(lower, word[1])
                continue
        break
    if words and all(word in _ORDER_WORDS for word in words):
        return None  # "million" alone is no number ("a million" is: "a" gave "one")
    dozen = _word_at(lower, at)
    while words:
        try:
            value = float(text2num(" ".join(words), "en"))
            break
        except ValueError:
            words.pop()
            ends.pop()
    approximate = False
    if dozen and dozen[0] == "dozen" and (words or half):
        value = (value if words else 1.0) * 12
        ends.append(dozen[1])
        approximate = True
    elif not words:
        return None
    if half:
        value /= 2
    return _Figure(
        end=ends[-1],
        value=value,
        value_max=None,
        vague=False,
        approximate=approximate,
        digits=False,
        plain=False,
        factor=1.0,
    )


def _vague(lower: str, pos: int) -> _Figure | None:
    """Vague quantities: "dozens", "tens of billions", "several hundred", "a few thousand"."""
    tables = _tables()
    end = pos
    prefix = tables.vague_prefix.match(lower, pos)
    bounds: tuple[float, float] | None = None
    if prefix is not None:
        bounds = tables.vague_prefix_of[" ".join(prefix.group().split())]
        factor, end = _multipliers(lower, prefix.end(), separate_only=True)
        if factor != 1.0:  # "several hundred thousand", "a few million"
            return _vague_figure(end, bounds[0] * factor, bounds[1] * factor)
    word = _word_at(lower, _skip(lower, end))
    if word is not None and word[0] in tables.vague:
        low, high = tables.vague[word[0]]
        end = word[1]
        # "tens of thousands", "hundreds of millions": the next plural multiplies.
        while True:
            of = _word_at(lower, _skip(lower, end))
            if of is None or of[0] != "of":
                break
            order = _word_at(lower, _skip(lower, of[1]))
            if order is None or order[0] not in _ORDER_PLURALS:
                break
            factor = _ORDER_PLURALS[order[0]]
            low, high, end = low * factor, high * factor, order[1]
        return _vague_figure(end, low, high)
    if prefix is None or bounds is None or prefix.group() == "many":
        return None
    return _vague_figure(end, bounds[0], bounds[1])  # "a few", "several", "a couple of"


def _vague_figure(end: int, low: float, high: float) -> _Figure:
    return _Figure(
        end=end,
        value=low,
        value_max=high if high != low else None,
        vague=True,
        approximate=True,
        digits=False,
        plain=False,
        factor=1.0,
    )


def _figure(text: str, lower: str, pos: int) -> _Figure | None:
    if pos < len(text) and (text[pos].isdigit() or text[pos] == "."):
        return _digits_figure(text, lower, pos)
    return _vague(lower, pos) or _number_words(lower, pos)


def _unit_after(
    text: str, lower: str, pos: int, vague: bool
) -> tuple[tuple[Kind, str | None, str | None], int] | None:
    """A currency word, percent or measure unit after a figure ("dollars", "per cent", "km")."""
    tables = _tables()
    at = _skip(lower, pos)
    if at < len(text) and text[at] == "%":
        return ("percent", "%", None), at + 1
    code = _CODE_AFTER.match(text, at)
    if code is not None and code.group() in tables.codes:
        return ("money", None, code.group()), code.end()
    of = _word_at(lower, at)
    if vague and of is not None and of[0] == "of":  # "billions of dollars", "millions of barrels"
        at = _skip(lower, of[1])
    match = tables.unit_words.match(lower, at)
    if match is None:
        return None
    return tables.unit_of[" ".join(match.group().split())], match.end()


def _single(
    text: str, lower: str, pos: int
) -> tuple[_Figure, tuple[Kind, str | None, str | None] | None] | None:
    """A figure with its currency symbol before it and its unit after it."""
    tables = _tables()
    currency: str | None = None
    at = pos
    symbol = tables.symbols.match(text, at)
    if symbol is not None:
        currency, at = tables.symbol_of[symbol.group()], _skip(text, symbol.end())
    else:
        code = _CODE_BEFORE.match(text, at)
        if code is not None and code.group() in tables.codes:
            currency, at = code.group(), _skip(text, code.end())
    figure = _figure(text, lower, at)
    if figure is None:
        return None
    if currency is not None:
        if figure.unit is not None and figure.unit[0] != "money":
            return None  # "$5km"
        return figure, ("money", None, currency)
    if figure.unit is not None:
        return figure, figure.unit
    after = _unit_after(text, lower, figure.end, figure.vague)
    if after is None:
        return figure, None
    unit, end = after
    if unit == ("money", None, "GBP") and not (figure.factor != 1.0 or figure.vague):
        # "300 pounds of cocaine" weighs; "2 million pounds" is money ("£" is written otherwise).
        word = lower[figure.end : end].split()[-1]
        if word.startswith("pound"):
            unit = ("measure", "lb", None)
    return _Figure(
        end=end,
        value=figure.value,
        value_max=figure.value_max,
        vague=figure.vague,
        approximate=figure.approximate,
        digits=figure.digits,
        plain=False,
        factor=figure.factor,
    ), unit


def parse_quantity(text: str, start: int = 0) -> Quantity | None:
    """The amount written at ``text[start:]`` (leading spaces skipped), or None."""
    if not 0 <= start <= len(text):
        return None
    lower = text.lower()
    tables = _tables()
    pos = _skip(text, start)
    begin = pos
    qualifier: str | None = None
    match = tables.qualifiers.match(lower, pos)
    if match is not None:
        qualifier = tables.qualifier_of[" ".join(match.group().split())]
        pos = _skip(text, match.end())
    between = _word_at(lower, pos)
    ranged = between is not None and between[0] == "between"
    if ranged and between is not None:
        pos = _skip(text, between[1])
    first = _single(text, lower, pos)
    if first is None:
        return None
    figure, unit = first
    value_max = figure.value_max
    end = figure.end
    plain = figure.plain
    # "rose from 5% to 10%" is a change between two amounts, not a range
    changed = _FROM_BEFORE.search(lower, max(0, begin - 8), begin) is not None
    second = None if changed else _range_end(text, lower, end, ranged)
    if second is not None:
        other, other_unit = second
        low = figure.value
        if figure.digits and figure.factor == 1.0 and other.factor != 1.0:
            low *= other.factor  # "10-12 billion"
        if (
            (unit is None or other_unit is None or unit == other_unit)
            and other.value > low
            and not other.vague  # "$1,200 to millions of Americans"
        ):
            unit = unit or other_unit
            value_max, end = other.value, other.end
            figure = _Figure(
                end=end,
                value=low,
                value_max=None,
                vague=figure.vague,
                approximate=True,
                digits=figure.digits,
                plain=figure.plain and other.plain,
                factor=other.factor,
            )
            plain = figure.plain
            qualifier = qualifier or "between"
        elif ranged:
            return None
    elif ranged:
        return None
    ratio = _ratio(text, lower, figure, end)
    if ratio is not None and unit is None:
        value, end = ratio
        return _quantity(
            begin,
            end,
            "percent",
            value,
            None,
            "%",
            None,
            qualifier,
            qualifier is not None,
            False,
            False,
        )
    kind: Kind = unit[0] if unit else "count"
    return _quantity(
        begin,
        end,
        kind,
        figure.value,
        value_max,
        unit[1] if unit else None,
        unit[2] if unit else None,
        qualifier,
        figure.approximate or figure.vague or qualifier is not None,
        figure.vague,
        plain and unit is None and qualifier in (None, "between"),
    )


def _range_end(
    text: str, lower: str, pos: int, ranged: bool
) -> tuple[_Figure, tuple[Kind, str | None, str | None] | None] | None:
    """The upper figure of a range after ``pos``: "-12", " to $12 billion", " and 12%"."""
    at = _skip(text, pos)
    joined = False
    if at < len(text) and text[at] in _DASHES:
        at, joined = _skip(text, at + 1), True
    else:
        word = _word_at(lower, at)
        if word is not None and (word[0] == "to" or (ranged and word[0] == "and")):
            at, joined = _skip(text, word[1]), True
    if not joined:
        return None
    return _single(text, lower, at)


def _ratio(text: str, lower: str, figure: _Figure, end: int) -> tuple[float, int] | None:
    """ "one in five", "6-in-10", "three out of four": a share, as a percentage."""
    if figure.vague or figure.factor != 1.0:
        return None
    at = end
    if at < len(lower) and lower[at] in _DASHES:
        at += 1
    at = _skip(lower, at)
    word = _word_at(lower, at)
    if word is None or word[0] not in ("in", "out"):
        return None
    at = word[1]
    if at < len(lower) and lower[at] in _DASHES:
        at += 1
    at = _skip(lower, at)
    if word[0] == "out":
        of = _word_at(lower, at)
        if of is None or of[0] != "of":
            return None
        at = _skip(lower, of[1])
    if figure.digits:
        match = _DIGITS.match(text, at)
        if match is None or "," in match.group() or "." in match.group():
            return None
        whole, whole_end = float(match.group()), match.end()
        if whole > RATIO_MAX_WHOLE:  # "5 in 2020" is a date
            return None
    else:
        words = _number_words(lower, at)
        if words is None:
            return None
        whole, whole_end = words.value, words.end
    if whole <= 0 or whole < figure.value:
        return None
    return 100.0 * figure.value / whole, whole_end


def _quantity(
    start: int,
    end: int,
    kind: Kind,
    value: float,
    value_max: float | None,
    unit: str | None,
    currency: str | None,
    qualifier: str | None,
    approximate: bool,
    vague: bool,
    plain: bool,
) -> Quantity | None:
    if not math.isfinite(value) or (value_max is not None and not math.isfinite(value_max)):
        return None
    return Quantity(
        start=start,
        end=end,
        kind=kind,
        value=value,
        value_max=value_max,
        unit=unit,
        currency=currency,
        qualifier=qualifier,
        approximate=approximate,
        vague=vague,
        plain=plain,
    )
