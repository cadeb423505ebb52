"""HTML to text and metadata with trafilatura (main text) and htmldate (publication date)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from htmldate import find_date
from lxml.etree import ParserError
from trafilatura.settings import Document

from newsgraph.errors import NoContentError

# Trafilatura settings, chosen on the article-extraction benchmark (`newsgraph eval extraction`):
# no comments, tables kept, no images; htmldate prefers the original publication date.
HTMLDATE_OPTIONS: dict[str, Any] = {"original_date": True, "extensive_search": True}

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figcaption",
        "dd",
        "dt",
    ]
)


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlExtraction:
    paragraphs: tuple[str, ...]
    url: str | None
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    site_name: str | None


def _split_authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip() for part in value.replace(" and ", ";").split(";") if part.strip())


def extract_page(html: str, url: str | None = None) -> HtmlExtraction:
    """Main text (as paragraphs) and metadata of a full web page."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        date_extraction_params=HTMLDATE_OPTIONS,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise NoContentError("no article text found in the HTML page")
    published = document.date
    if not published:
        published = find_date(html, original_date=True, extensive_search=True)
    body = document.text or ""
    paragraphs = tuple(line.strip() for line in body.split("\n") if line.strip())
    return HtmlExtraction(
        paragraphs=paragraphs,
        url=document.url or url,
        title=document.title or None,
        authors=_split_authors(document.author),
        published=published or None,
        site_name=document.sitename or None,
    )


def fragment_paragraphs(html: str) -> tuple[str, ...]:
    """Paragraphs of an HTML fragment (a feed item's content): block elements become paragraphs.

    No boilerplate removal: a feed item's content is the article itself.
    """
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError) as error:
        raise NoContentError(f"unreadable HTML fragment: {error}") from None
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    return tuple(" ".join(p.split()) for p in text.split("\n\n") if p.strip())
