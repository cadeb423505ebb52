"""Clean: a RawDocument in, the article's clean text and metadata out, with every piece of text
that was set aside kept in ``removed`` (furniture, embedded posts, foreign-language passages).

HTML goes through trafilatura (main text, title, authors, site name) and htmldate (date); plain
text is split into paragraphs. Both then pass the same paragraph rules (``_furniture``) and
language identification (``_language``). The clean text is the paragraphs joined by a blank
line, and it is the one string every span of the article indexes into.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newsgraph.clean._furniture import (
    edge_furniture,
    embedded_posts,
    furniture_rule_for,
    inline_furniture,
    word_count,
)
from newsgraph.clean._html import extract_page, fragment_paragraphs
from newsgraph.clean._language import detect_language, passage_language, reads_as_english
from newsgraph.clean._metadata import normalise_published
from newsgraph.errors import InputTooLargeError, NoContentError
from newsgraph.records import RawDocument, RemovalReason, Removed

__all__ = ["EXTRACTOR", "CleanDocument", "clean_document", "split_paragraphs"]

EXTRACTOR = "newsgraph.clean.v1"
PARAGRAPH_SEPARATOR = "\n\n"
# spaCy's own default limit on one text; longer "articles" are whole books or data dumps.
DEFAULT_MAX_CHARS = 1_000_000
# A first line of a text file is its headline when it is this short and does not end in a period.
HEADLINE_MAX_WORDS = 25
# A line broken at a column width runs to at least this share of the block's longest line.
WRAP_WIDTH_SHARE = 0.7

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_TERMINAL = re.compile(r"[.!?:;][\"'”’)]*$")
# A dash or bullet (then a space) that opens a line: a list item or a post's signature.
_LINE_MARKER = re.compile(r"[—–•*-]\s")
# An explicit calendar date in a dateline or byline ("Posted on September 7, 2025 by ...",
# "Published: 11 August 2025", "2025-08-19"); relative dates ("6 years ago") are not read.
_DATE_IN_LINE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
# Furniture lines whose date is the article's own (not "Updated at", not a copyright year).
_DATED_RULES = frozenset({"timestamp", "credit", "byline"})
_BYLINE = re.compile(r"^(?:by|written by)\s+(.+?)\s*(?:[|,—-]\s*.*)?$", re.IGNORECASE)
_NOT_ALNUM = re.compile(r"[\W_]+")
# What follows an author's name in a line about the author rather than the story: "Jane Roe is a
# columnist ...", "Jane Roe (@jroe) writes ...", "Jane Roe contributed reporting."
_ABOUT_AUTHOR = re.compile(
    r"\s*(?:\(@\w+\))?\s*(?:,|is\b|was\b|has\b|writes\b|served\b|serves\b|contributed\b|also\b)",
    re.IGNORECASE,
)
# Author names shorter than this are not looked for (initials, "AP").
AUTHOR_MIN_CHARS = 5
# One to four people's names on a line of their own: "David Jackson, Herb Jackson and Deirdre
# Shesgreen". Taken as a byline only right above the site's name ("USA TODAY") or a role label
# ("Opinion contributor"), where sites without a "By" print it; elsewhere a line of names may be
# a list in the story.
_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}"
_NAME_LIST = re.compile(rf"{_NAME}(?:(?:,| and|, and) {_NAME}){{0,3}}")
# "By A, B and C" up to an affiliation after "|", "—" or " - ".
_BYLINE_NAMES = re.compile(
    rf"^(?i:by|written by)\s+({_NAME}(?:, {_NAME})+,? (?:and|&) {_NAME})\s*(?:(?:[|—]| - ).*)?$"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanDocument:
    text: str
    removed: tuple[Removed, ...]
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    source: str | None
    url: str | None
    language: str | None


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blocks between blank lines; a block of hard-wrapped lines is
    joined into one paragraph, a block of one-paragraph-per-line lines is split."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = [_normalise(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines broken at a column width: most end mid-sentence and run close to the block's width.

    The width test keeps apart a short line without a final period that stands on its own (a
    caption, a label, a headline) from the paragraph under it: joined, the caption's furniture
    rule would take the story sentence with it. A line opening with a dash or bullet starts an
    item of its own (a list entry, a tweet's "— Name (@handle) date" signature), never a
    continuation.
    """
    if any(_LINE_MARKER.match(line) for line in lines[1:]):
        return False
    inner = lines[:-1]
    width = max(len(line) for line in lines)
    open_ended = sum(
        1
        for line in inner
        if not _TERMINAL.search(line) and len(line) >= max(40, WRAP_WIDTH_SHARE * width)
    )
    return open_ended * 2 >= len(inner)


def _looks_like_headline(line: str) -> bool:
    return 0 < word_count(line) <= HEADLINE_MAX_WORDS and not line.endswith(".")


def _same_text(a: str, b: str) -> bool:
    return _normalise(a).casefold().rstrip(".") == _normalise(b).casefold().rstrip(".")


def _find_headline(
    paragraphs: list[str],
    title: str | None,
    first_line_is_title: bool,
    skip: frozenset[int] = frozenset(),
) -> tuple[int | None, str | None]:
    """The index of the paragraph that is the headline (and the title), if there is one.

    It is the first paragraph that is not furniture, when it repeats the known title or, in a
    text file with no title given, when it looks like a headline (short, no final period).
    """
    for index, paragraph in enumerate(paragraphs):
        if title is not None and _same_text(paragraph, title):
            return index, title
        if index in skip or furniture_rule_for(paragraph) is not None:
            continue
        if title is None and first_line_is_title and _looks_like_headline(paragraph):
            return index, paragraph
        return None, title
    return None, title


def _key(text: str) -> str:
    return _NOT_ALNUM.sub(" ", text.casefold()).strip()


def _metadata_lines(
    paragraphs: list[str], source: str | None, authors: tuple[str, ...]
) -> dict[int, str]:
    """Lines that the document's own metadata shows to be furniture: ``{index: rule name}``.

    The site's name on a line of its own ("USA TODAY"), the author's name alone or as a list
    (a byline without "By"), and lines about the author ("Jane Roe is a columnist for ...",
    "Jane Roe contributed reporting."). Candidates only: they are set aside when they stand in
    the furniture run at the top or bottom of the text, never in the middle of it.
    """
    site = _key(source).removeprefix("the ") if source else ""
    names = [_key(a) for a in authors if len(a.strip()) >= AUTHOR_MIN_CHARS]
    prefixes = [a.strip() for a in authors if len(a.strip()) >= AUTHOR_MIN_CHARS]
    everyone = " ".join(names)
    found: dict[int, str] = {}
    for index, paragraph in enumerate(paragraphs):
        key = _key(paragraph)
        if site and key.removeprefix("the ") == site:
            found[index] = "site_name"
            continue
        if not names:
            continue
        if key in names or key.replace(" and ", " ") == everyone:
            found[index] = "byline"
            continue
        for prefix in prefixes:
            starts = paragraph[: len(prefix)].casefold() == prefix.casefold()
            if starts and _ABOUT_AUTHOR.match(paragraph, len(prefix)):
                found[index] = "author_bio"
                break
    for above in range(len(paragraphs) - 1):
        below = above + 1
        if (
            above not in found
            and _NAME_LIST.fullmatch(paragraphs[above])
            and (
                found.get(below) == "site_name" or furniture_rule_for(paragraphs[below]) == "label"
            )
        ):
            found[above] = "byline"
    return found


def _edge_runs(count: int, taken: set[int]) -> set[int]:
    """The indices in ``taken`` that reach the top or bottom edge through other taken ones."""
    run: set[int] = set()
    for index in range(count):
        if index not in taken:
            break
        run.add(index)
    for index in range(count - 1, -1, -1):
        if index not in taken:
            break
        run.add(index)
    return run


def _dateline_date(
    paragraphs: list[str], set_aside: dict[int, tuple[RemovalReason, str]]
) -> str | None:
    """The first explicit date on a dateline or byline that was set aside, in text order."""
    for index in sorted(set_aside):
        reason, rule = set_aside[index]
        if reason == "furniture" and rule in _DATED_RULES:
            match = _DATE_IN_LINE.search(paragraphs[index])
            if match and (date := normalise_published(match.group())):
                return date
    return None


def _byline_authors(line: str) -> tuple[str, ...]:
    """The names in a byline. A comma ends the names ("By Jane Smith, Reuters") unless the line
    is a list of names closed by "and" ("By Jane Smith, John Doe and Ana Ruiz")."""
    match = _BYLINE.match(line)
    if not match:
        return ()
    listed = _BYLINE_NAMES.match(line)
    names_text = listed.group(1) if listed else match.group(1)
    names = re.split(r",\s*|\s+(?:and|&)\s+", names_text)
    return tuple(name.strip() for name in names if name.strip())


def clean_document(raw: RawDocument, *, max_chars: int = DEFAULT_MAX_CHARS) -> CleanDocument:
    """Clean one document. Raises :class:`NoContentError` when no article text is left and
    :class:`InputTooLargeError` when the clean text is over ``max_chars``."""
    title, authors, published = raw.title, raw.authors, raw.published
    source, url = raw.source, raw.url
    if raw.media_type == "text/html":
        page = extract_page(raw.body, raw.url)
        paragraphs = [_normalise(p) for p in page.paragraphs]
        title = title or page.title
        authors = authors or page.authors
        published = published or page.published
        source = source or page.site_name
        url = url or page.url
    elif raw.media_type == "text/html-fragment":
        paragraphs = [_normalise(p) for p in fragment_paragraphs(raw.body)]
    else:
        paragraphs = split_paragraphs(raw.body)
    paragraphs = [p for p in paragraphs if p]

    # Markers (anywhere) and metadata lines first, so that the edge scans step over them.
    markers = inline_furniture(paragraphs)
    about = _metadata_lines(paragraphs, source, authors)
    headline, title = _find_headline(
        paragraphs, title, raw.origin.format == "text", frozenset(markers) | frozenset(about)
    )
    passable = frozenset(markers) | frozenset(about)
    if headline is not None:
        passable |= {headline}
    set_aside: dict[int, tuple[RemovalReason, str]] = {
        index: ("furniture", rule) for index, rule in edge_furniture(paragraphs, passable).items()
    }
    set_aside.update((index, ("furniture", rule)) for index, rule in markers.items())
    if headline is not None:
        set_aside[headline] = ("furniture", "headline")
    edges = _edge_runs(len(paragraphs), set(set_aside) | set(about))
    set_aside.update((i, ("furniture", rule)) for i, rule in about.items() if i in edges)
    if not authors:
        for index, (_, rule) in set_aside.items():
            if rule == "credit" and (names := _byline_authors(paragraphs[index])):
                authors = names
                break
    if not published:
        published = _dateline_date(paragraphs, set_aside)
    for index, rule in embedded_posts(paragraphs).items():
        set_aside.setdefault(index, ("embedded_post", rule))

    kept_text = PARAGRAPH_SEPARATOR.join(p for i, p in enumerate(paragraphs) if i not in set_aside)
    # Most articles read as English by their function words alone; only the rest cost a model call.
    language = "en" if reads_as_english(kept_text) else detect_language(kept_text)[0]
    if language == "en":
        for index, paragraph in enumerate(paragraphs):
            if index in set_aside:
                continue
            if code := passage_language(paragraph):
                set_aside[index] = ("foreign_language", code)

    text, removed = _assemble(paragraphs, set_aside)
    if not text.strip():
        raise NoContentError("no article text left after cleaning")
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"clean text has {len(text):,} characters, over the {max_chars:,} limit"
            " (raise it with --max-chars)"
        )
    if language is None:
        raise NoContentError("the text has no words to analyse")
    return CleanDocument(
        text=text,
        removed=removed,
        title=_normalise(title) if title else None,
        authors=authors,
        published=normalise_published(published),
        source=source,
        url=url,
        language=language,
    )


def _assemble(
    paragraphs: list[str], set_aside: dict[int, tuple[RemovalReason, str]]
) -> tuple[str, tuple[Removed, ...]]:
    """Join the kept paragraphs; each removed one records the offset where it stood."""
    parts: list[str] = []
    offset = 0
    pending: list[tuple[str, RemovalReason, str]] = []
    removed: list[Removed] = []
    for index, paragraph in enumerate(paragraphs):
        if index in set_aside:
            reason, rule = set_aside[index]
            pending.append((paragraph, reason, rule))
            continue
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        removed.extend(
            Removed(text=t, reason=reason, rule=rule, at=offset, extractor=EXTRACTOR)
            for t, reason, rule in pending
        )
        pending.clear()
        parts.append(paragraph)
        offset += len(paragraph)
    removed.extend(
        Removed(text=t, reason=reason, rule=rule, at=offset, extractor=EXTRACTOR)
        for t, reason, rule in pending
    )
    return PARAGRAPH_SEPARATOR.join(parts), tuple(removed)
