"""Find quoted passages in text by their quote marks — a pure scanner, no parse needed.

Handles typographic (“ ” « » „) and straight (") double quotes, and typographic single quotes
(‘ ’) outside double-quoted passages. Pairs never cross a paragraph boundary, except by the press
convention for long quotes: a paragraph that opens a quote and does not close it continues into
the next paragraph when that one opens with a quote mark again. A quote that never closes ends at
its paragraph's end (``closed=False``). Never raises, whatever the marks.

Limits: straight single quotes (') are not read as quote marks — they are apostrophes far more
often; a ‘ single ’ quote whose closing mark is also a plural possessive (leaders’) closes there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
# Characters after which a straight quote mark opens a quotation rather than closing one.
_OPENING_CONTEXT = " \t\n([{—–-:;,/"


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted passage: ``[start, end)`` includes the marks, ``[inner_start, inner_end)`` not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    paragraphs: int


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > position:
            yield position, match.start()
        position = match.end()
    if position < len(text):
        yield position, len(text)


def _opens_straight(text: str, index: int, paragraph_start: int) -> bool:
    # Any white space opens, the no-break space of web text too (`said.\xa0"And …`).
    before = text[index - 1] if index > paragraph_start else ""
    return index == paragraph_start or before in _OPENING_CONTEXT or before.isspace()


def _marks(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Quote marks of a paragraph as (index, width, kind): open, close, straight, s-open,
    s-close. Two apostrophes ('') are a straight double mark, as in text converted from
    typewriter or LaTeX conventions."""
    index = start
    while index < end:
        char = text[index]
        if char in _DOUBLE_OPEN:
            yield index, 1, "open"
        elif char in _DOUBLE_CLOSE:
            yield index, 1, "close"
        elif char == _STRAIGHT:
            yield index, 1, "straight"
        elif char == "'" and text.startswith("''", index) and index + 1 < end:
            yield index, 2, "straight"
            index += 1
        elif char == _SINGLE_OPEN:
            yield index, 1, "s-open"
        elif char == _SINGLE_CLOSE:
            yield index, 1, "s-close"
        index += 1


def _first_mark(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(index, width) of a double quote mark opening the paragraph, if there is one."""
    for index, width, kind in _marks(text, start, min(end, start + 8)):
        if kind in ("open", "straight") and not text[start:index].strip():
            return index, width
        break
    return None


def find_quotations(text: str) -> list[Quotation]:
    """Every quoted passage of ``text``, in order, non-overlapping."""
    found: list[Quotation] = []
    paragraphs = list(_paragraphs(text))
    # A quote running on into the next paragraph: (open index, open width, paragraphs so far).
    carry: tuple[int, int, int] | None = None
    for number, (p_start, p_end) in enumerate(paragraphs):
        open_at: tuple[int, int] | None = None  # (index, width) of the open double mark
        count = 1
        scan_from = p_start
        if carry is not None:
            mark = _first_mark(text, p_start, p_end)
            if mark is not None:
                open_at, count = (carry[0], carry[1]), carry[2] + 1
                scan_from = mark[0] + mark[1]
            carry = None
        single_at: int | None = None
        for index, width, kind in _marks(text, scan_from, p_end):
            if open_at is None:
                if kind == "open" or (kind == "straight" and _opens_straight(text, index, p_start)):
                    open_at, count, single_at = (index, width), 1, None
                elif kind == "s-open":
                    single_at = index
                elif kind == "s-close" and single_at is not None:
                    following = text[index + 1] if index + 1 < p_end else " "
                    if not following.isalnum():
                        found.append(_quotation(text, single_at, 1, index + 1, 1, count=1))
                        single_at = None
            elif kind in ("close", "straight"):
                found.append(
                    _quotation(text, open_at[0], open_at[1], index + width, width, count=count)
                )
                open_at = None
            elif kind == "open":
                # A second opening mark before any close: the first was never closed.
                found.append(
                    _quotation(text, open_at[0], open_at[1], _trim(text, index), 0, count=count)
                )
                open_at, count = (index, width), 1
        if open_at is not None:
            next_paragraph = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            if next_paragraph is not None and _first_mark(text, *next_paragraph) is not None:
                carry = (open_at[0], open_at[1], count)
            else:
                found.append(_quotation(text, open_at[0], open_at[1], p_end, 0, count=count))
    return [q for q in found if q.inner_end > q.inner_start]


def _trim(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _quotation(
    text: str, start: int, open_width: int, end: int, close_width: int, *, count: int
) -> Quotation:
    """A quotation from its opening mark to its closing mark (``close_width`` 0: unclosed)."""
    inner_start = start + open_width
    inner_end = _trim(text, end - close_width)
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    inner_end = max(inner_start, inner_end)
    return Quotation(
        start=start,
        end=max(end, inner_end),
        inner_start=inner_start,
        inner_end=inner_end,
        closed=close_width > 0,
        paragraphs=count,
    )
