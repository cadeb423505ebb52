"""Ingest: paths (files, directories, globs, ``-`` for stdin) in, RawDocuments or Failures out.

Formats are chosen by file name and, when the name says nothing, by the first bytes:

========================  =========================================================
``.txt`` ``.text``        plain text; first line taken as headline when it looks like one
``.html`` ``.htm``        a saved web page
``.jsonl`` ``.ndjson``    one JSON object per line (``text`` or ``html``, plus metadata)
``.warc`` ``.warc.gz``    HTTP response records with HTML (warcio)
``.xml`` ``.rss`` ...     RSS / Atom feed items (feedparser)
========================  =========================================================

Inside a directory only files with these endings are read; anything else is reported as a
skipped file (``IngestReport.skipped``), not silently ignored.
"""

from __future__ import annotations

import glob
import io
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError, InputTooLargeError, UnsupportedFormatError
from newsgraph.ingest._encoding import decode_bytes
from newsgraph.ingest._readers import (
    Item,
    document_from_mapping,
    open_maybe_gzip,
    read_feed,
    read_html,
    read_jsonl,
    read_text,
    read_warc,
)
from newsgraph.records import Failure, Origin, RawDocument

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestReport",
    "decode_bytes",
    "detect_format",
    "document_from_mapping",
    "iter_documents",
]

logger = logging.getLogger(__name__)

# A news article is a few kB of text; 10 MB per document already means the input is not one.
DEFAULT_MAX_BYTES = 10_000_000
# A feed holds many articles: it may be this many times larger than one document.
FEED_SIZE_FACTOR = 4

_SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".rdf": "feed",
}


# Document formats people point newsgraph at that it does not read (yet): a clear error beats
# decoding a PDF as text.
_UNSUPPORTED_SUFFIXES = (
    ".pdf",
    ".doc",
    ".docx",
    ".odt",
    ".rtf",
    ".epub",
    ".zip",
    ".tar",
    ".7z",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".mp3",
    ".mp4",
)


@dataclass
class IngestReport:
    """What ingest passed over: files in a directory that are in no format it reads."""

    skipped: list[str] = field(default_factory=list)


def _suffix_format(name: str) -> str | None:
    lower = name.lower()
    for suffix in sorted(_SUFFIX_FORMATS, key=len, reverse=True):
        if lower.endswith(suffix):
            return _SUFFIX_FORMATS[suffix]
    return None


def detect_format(name: str, head: bytes) -> str:
    """The format of a document from its name, else from its first bytes."""
    by_name = _suffix_format(name)
    if by_name:
        return by_name
    start = head.lstrip()[:512].lower()
    if start.startswith(b"warc/") or head[:2] == b"\x1f\x8b":
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<?xml") and (b"<rss" in start or b"<feed" in start or b"<rdf" in start):
        return "feed"
    if start.startswith((b"<rss", b"<feed")):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return "html"
    return "text"


def _read_stream(stream: BinaryIO, name: str, fmt: str, max_bytes: int) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from read_jsonl(open_maybe_gzip(stream), name, max_bytes)
    elif fmt == "warc":
        yield from read_warc(stream, name, max_bytes)
    else:
        # Single documents and feeds are read whole, but never more than the limit (+1 byte so an
        # oversized file is reported, not truncated).
        limit = max_bytes * FEED_SIZE_FACTOR if fmt == "feed" else max_bytes
        data = stream.read(limit + 1)
        if fmt == "feed" and len(data) > limit:
            error = InputTooLargeError(
                f"feed is over the {limit:,}-byte limit (--max-bytes x"
                f" {FEED_SIZE_FACTOR}); split it or raise the limit"
            )
            yield Failure(
                origin=Origin(path=name, format="feed"),
                stage="ingest",
                error=type(error).__name__,
                reason=str(error),
            )
        elif fmt == "feed":
            yield from read_feed(data, name, max_bytes)
        elif fmt == "html":
            yield from read_html(data, Origin(path=name, format="html"), max_bytes)
        else:
            yield from read_text(data, Origin(path=name, format="text"), max_bytes)


def _expand(path: str, report: IngestReport) -> Iterator[Path]:
    candidate = Path(path)
    if candidate.is_dir():
        for child in sorted(p for p in candidate.rglob("*") if p.is_file()):
            if any(part.startswith(".") for part in child.relative_to(candidate).parts):
                continue
            if _suffix_format(child.name) is None:
                report.skipped.append(str(child))
                continue
            yield child
    elif candidate.exists():
        yield candidate
    elif glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))  # noqa: PTH207 - absolute globs too
        if not matches:
            raise FileNotFoundError(f"no files match {path}")
        for match in matches:
            yield from _expand(match, report)
    else:
        raise FileNotFoundError(path)


def iter_documents(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    report: IngestReport | None = None,
) -> Iterator[RawDocument | Failure]:
    """Yield every article found under ``paths``, in a stable order, as it is read (streaming).

    A path that does not exist, a file that cannot be read, and every bad record become
    :class:`Failure` items; nothing here raises for bad input.
    """
    report = report if report is not None else IngestReport()
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            # Standard input cannot be peeked or re-read: take it whole, up to the size limit.
            data = stream.read(max_bytes * FEED_SIZE_FACTOR + 1)
            fmt = detect_format("", data[:512])
            yield from _read_stream(io.BytesIO(data), "<stdin>", fmt, max_bytes)
            continue
        try:
            files = list(_expand(path, report))
        except FileNotFoundError as error:
            reason = str(error) if glob.has_magic(path) else "no such file or directory"
            yield Failure(
                origin=Origin(path=path, format="unknown"),
                stage="ingest",
                error="FileNotFoundError",
                reason=reason,
            )
            continue
        for file in files:
            yield from _read_file_impl(file, max_bytes)


def _read_file_impl(file: Path, max_bytes: int) -> Iterator[Item]:
    name = str(file)
    try:
        if file.name.lower().endswith(_UNSUPPORTED_SUFFIXES):
            raise UnsupportedFormatError(
                f"{file.suffix} files are not read; convert them to text or HTML first"
            )
        with file.open("rb") as stream:
            head = stream.peek(512)[:512]
            fmt = detect_format(file.name, head)
            yield from _read_stream(stream, name, fmt, max_bytes)
    except InputError as error:
        yield Failure(
            origin=Origin(path=name, format="unknown"),
            stage="ingest",
            error=type(error).__name__,
            reason=str(error),
        )
    except OSError as error:
        yield Failure(
            origin=Origin(path=name, format="unknown"),
            stage="ingest",
            error=type(error).__name__,
            reason=error.strerror or str(error),
        )
