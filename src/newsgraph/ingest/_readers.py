"""Readers, one per input format. Each turns bytes into RawDocuments or Failures, never raises
an :class:`InputError` past a record boundary: one broken JSON line or WARC record is one Failure.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import time
import zlib
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

import feedparser
from warcio.archiveiterator import ArchiveIterator

from newsgraph.errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    NoContentError,
)
from newsgraph.ingest._encoding import declared_html_charset, decode_bytes
from newsgraph.records import Failure, Origin, RawDocument

logger = logging.getLogger(__name__)

Item = RawDocument | Failure

# JSON Lines field names, first match wins. The first name of each list is the documented one;
# the others are what common scrapers write (newspaper3k, news-please, schema.org NewsArticle).
JSONL_FIELDS: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "content", "content_original", "body", "articleBody", "maintext"),
    "html": ("html", "raw_html", "content_html"),
    "url": ("url", "link", "source_url"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "date_publish", "datePublished", "pubdate"),
    "source": ("source", "outlet", "site_name", "source_domain", "publisher"),
    "authors": ("authors", "author", "byline"),
}


def _failure(origin: Origin, error: InputError) -> Failure:
    return Failure(origin=origin, stage="ingest", error=type(error).__name__, reason=str(error))


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 1_000_000 else f"{count:,} bytes"


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputTooLargeError(
            f"{_size(size)} is over the {_size(max_bytes)} limit per document"
            " (raise it with --max-bytes)"
        )


def read_text(data: bytes, origin: Origin, max_bytes: int) -> Iterator[Item]:
    """A plain-text article (the first line is taken as the headline when it looks like one)."""
    try:
        _check_size(len(data), max_bytes)
        text, encoding = decode_bytes(data)
    except InputError as error:
        yield _failure(origin, error)
        return
    yield RawDocument(origin=origin, body=text, media_type="text/plain", encoding=encoding)


def read_html(
    data: bytes,
    origin: Origin,
    max_bytes: int,
    *,
    url: str | None = None,
    declared: str | None = None,
) -> Iterator[Item]:
    """A full HTML page."""
    try:
        _check_size(len(data), max_bytes)
        text, encoding = decode_bytes(data, declared=declared or declared_html_charset(data))
    except InputError as error:
        yield _failure(origin, error)
        return
    yield RawDocument(origin=origin, body=text, media_type="text/html", encoding=encoding, url=url)


def _first(record: Mapping[str, Any], key: str) -> Any:
    for name in JSONL_FIELDS[key]:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _authors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.replace(" and ", ",").split(",")
        return tuple(part.strip() for part in parts if part.strip())
    if isinstance(value, list):
        return tuple(str(item).strip() for item in value if str(item).strip())
    return (str(value),)


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value).strip() or None


def document_from_mapping(record: Mapping[str, Any], origin: Origin, max_bytes: int) -> RawDocument:
    """A RawDocument from one JSON object (JSONL line, API request)."""
    text, html = _first(record, "text"), _first(record, "html")
    if text is None and html is None:
        names = ", ".join(JSONL_FIELDS["text"][:1] + JSONL_FIELDS["html"][:1])
        raise MalformedRecordError(f"record has no article text (expected a field like {names})")
    body = str(html if text is None else text)
    _check_size(len(body.encode("utf-8", errors="replace")), max_bytes)
    if not body.strip():
        raise EmptyInputError("record text is empty")
    return RawDocument(
        origin=origin,
        body=body,
        media_type="text/plain" if text is not None else "text/html",
        url=_optional_str(_first(record, "url")),
        title=_optional_str(_first(record, "title")),
        published=_optional_str(_first(record, "published")),
        source=_optional_str(_first(record, "source")),
        authors=_authors(_first(record, "authors")),
    )


def read_jsonl(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Item]:
    """JSON Lines: one article object per line. A bad line is a Failure; the others go on."""
    try:
        yield from _jsonl_lines(stream, path, max_bytes)
    except (OSError, EOFError, zlib.error) as error:  # damaged .jsonl.gz
        reason = f"unreadable after some records: {error or type(error).__name__}"
        yield _failure(Origin(path=path, format="jsonl"), MalformedRecordError(reason))


def _jsonl_lines(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Item]:
    seen = 0
    for index, raw_line in enumerate(stream):
        origin = Origin(path=path, format="jsonl", record=index)
        if not raw_line.strip():
            continue
        seen += 1
        try:
            line, _ = decode_bytes(raw_line)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise MalformedRecordError(
                    f"invalid JSON on line {index + 1}: {error.msg}"
                ) from None
            if not isinstance(record, dict):
                raise MalformedRecordError(f"line {index + 1} is not a JSON object")
            yield document_from_mapping(record, origin, max_bytes)
        except InputError as error:
            yield _failure(origin, error)
    if seen == 0:
        yield _failure(Origin(path=path, format="jsonl"), EmptyInputError("no JSON records"))


def _stream_size(stream: BinaryIO) -> int | None:
    try:
        position = stream.tell()
        size = stream.seek(0, io.SEEK_END)
        stream.seek(position)
    except (OSError, ValueError):
        return None
    return size


def _trailing_bytes(stream: BinaryIO, end: int, size: int | None) -> int:
    """How many bytes after the last whole record are not just padding white space."""
    if size is None or end >= size:
        return 0
    stream.seek(end)
    return len(stream.read(size - end).strip())


def read_warc(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Item]:
    """WARC / WARC.gz: every HTTP response record whose payload is HTML (warcio).

    Records are numbered by response record. A record cut short, a record with broken headers
    and bytes left over after the last readable record (a truncated archive) are Failures.
    """
    size = _stream_size(stream)
    found = index = 0
    end_of_records = 0
    try:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            if not record.rec_type or record.rec_headers.get_header("Content-Length") is None:
                reason = f"WARC record {index} has broken headers (archive truncated or damaged)"
                origin = Origin(path=path, format="warc", record=index)
                yield _failure(origin, MalformedRecordError(reason))
                return
            if record.rec_type == "response":
                origin = Origin(path=path, format="warc", record=index)
                index += 1
                item = _warc_response(record, origin, max_bytes)
                if item is not None:
                    found += 1
                    yield item
            else:
                record.content_stream().read()
            end_of_records = iterator.get_record_offset() + iterator.get_record_length()
    except (
        Exception
    ) as error:  # warcio raises many types on damaged input; one Failure, not a crash
        reason = f"WARC unreadable after {index} response records: {error or type(error).__name__}"
        yield _failure(Origin(path=path, format="warc", record=index), MalformedRecordError(reason))
        return
    if (left := _trailing_bytes(stream, end_of_records, size)) > 0:
        reason = f"WARC truncated or damaged: {left} bytes after record {index} could not be read"
        yield _failure(Origin(path=path, format="warc", record=index), MalformedRecordError(reason))
    elif found == 0:
        yield _failure(
            Origin(path=path, format="warc"), NoContentError("WARC holds no HTML response records")
        )


def _warc_response(record: Any, origin: Origin, max_bytes: int) -> Item | None:
    """The article in one response record; None for a non-HTML payload (passed over)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    content_type = (http.get_header("Content-Type") if http else None) or ""
    if "html" not in content_type.lower():
        logger.debug("%s: passing over non-HTML response %s (%s)", origin.path, url, content_type)
        return None
    status = http.get_statuscode() if http else None
    payload = record.content_stream().read(max_bytes + 1)
    missing = getattr(record.raw_stream, "limit", 0)
    if len(payload) <= max_bytes and missing > 0:
        return _failure(
            origin, MalformedRecordError(f"WARC record cut short: {missing} bytes missing")
        )
    if status and not str(status).startswith("2"):
        return _failure(origin, MalformedRecordError(f"HTTP status {status} for {url}"))
    declared = None
    if "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip()
    return next(read_html(payload, origin, max_bytes, url=url, declared=declared))


def _feed_date(entry: Mapping[str, Any]) -> str | None:
    """The item's date as written (cleaning normalises it and keeps its UTC offset, so the
    date is the publisher's); feedparser's UTC struct only when the text is missing."""
    for key in ("published", "updated"):
        if text := _optional_str(entry.get(key)):
            return text
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return None


def read_feed(data: bytes, path: str, max_bytes: int) -> Iterator[Item]:
    """RSS / Atom: one document per item, from its full content or else its summary."""
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        error = MalformedRecordError(f"unreadable feed: {feed.get('bozo_exception')}")
        yield _failure(Origin(path=path, format="feed"), error)
        return
    outlet = _optional_str(feed.feed.get("title"))
    if not feed.entries:
        yield _failure(Origin(path=path, format="feed"), NoContentError("feed has no items"))
        return
    for index, entry in enumerate(feed.entries):
        origin = Origin(path=path, format="feed", record=index)
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else entry.get("summary")
        if not body or not str(body).strip():
            yield _failure(origin, NoContentError("feed item has neither content nor summary"))
            continue
        try:
            _check_size(len(body.encode("utf-8", errors="replace")), max_bytes)
        except InputError as error:
            yield _failure(origin, error)
            continue
        authors = tuple(a.get("name", "") for a in entry.get("authors", []) if a.get("name"))
        yield RawDocument(
            origin=origin,
            body=str(body),
            media_type="text/html-fragment",
            url=_optional_str(entry.get("link")),
            title=_optional_str(entry.get("title")),
            published=_feed_date(entry),
            source=outlet,
            authors=authors or _authors(entry.get("author")),
        )


def open_maybe_gzip(data_or_stream: BinaryIO) -> BinaryIO:
    """Decompress a gzip stream on the fly (.jsonl.gz); WARC readers do their own gzip."""
    head = data_or_stream.peek(2)[:2] if isinstance(data_or_stream, io.BufferedReader) else b""
    if head == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=data_or_stream)  # type: ignore[return-value]
    return data_or_stream
