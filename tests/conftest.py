"""Shared fixtures. Every input file is built inside ``tmp_path`` by the test that needs it."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import newsgraph
from newsgraph import Origin, RawDocument

# A short English story: long enough for language identification, short enough to parse fast.
STORY = (
    "The port of Gdansk reopened on Tuesday after a two-day strike by dock workers ended"
    " with a pay agreement, the port authority said.",
    "Union leaders said the deal would raise wages by five percent over two years and add a"
    " bonus for night shifts.",
    "Shipping companies had diverted more than a dozen vessels to Gdynia and Rostock during"
    " the stoppage.",
)

# Fixed WARC record headers, so the bytes of a built archive do not change from run to run.
_WARC_DATE = "2025-08-21T10:00:00Z"


@pytest.fixture(scope="session")
def pipeline() -> newsgraph.Pipeline:
    """The default pipeline, built once: loading spaCy is the slow part of the suite."""
    return newsgraph.Pipeline()


@pytest.fixture
def story() -> tuple[str, ...]:
    return STORY


@pytest.fixture
def story_text() -> str:
    """The story as a plain-text file body: a headline, then paragraphs between blank lines."""
    return "Port of Gdansk reopens after strike\n\n" + "\n\n".join(STORY) + "\n"


@pytest.fixture
def story_html() -> str:
    """The story as a small, well-formed article page."""
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>Port of Gdansk reopens after strike</title></head>"
        f"<body><article><h1>Port of Gdansk reopens after strike</h1>{paragraphs}</article>"
        "</body></html>"
    )


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], str]:
    """Write text (UTF-8) or bytes to ``tmp_path/name`` (parents made) and return the path."""

    def write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return str(path)

    return write


@pytest.fixture
def make_raw() -> Callable[..., RawDocument]:
    """A RawDocument as ingest would make it; ``fmt`` is the container (text, jsonl, html...)."""

    def make(
        body: str,
        *,
        fmt: str = "text",
        media_type: str = "text/plain",
        title: str | None = None,
        authors: tuple[str, ...] = (),
        url: str | None = None,
        path: str | None = None,
    ) -> RawDocument:
        return RawDocument(
            origin=Origin(path=path or f"doc.{fmt}", format=fmt),
            body=body,
            media_type=media_type,  # type: ignore[arg-type]
            title=title,
            authors=authors,
            url=url,
        )

    return make


@pytest.fixture
def warc_bytes() -> Callable[..., bytes]:
    """Build a WARC (gzipped or not) with warcio from record descriptions.

    Each record is a dict: ``{"url": ..., "body": b"..."}`` for an HTTP response (optional
    ``content_type``, default HTML, and ``status``, default ``200 OK``), or
    ``{"type": "request", "url": ...}`` for a request.
    """

    def build(records: Sequence[dict[str, Any]], *, gzip: bool) -> bytes:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=gzip)
        for number, item in enumerate(records):
            headers = {
                "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
                "WARC-Date": _WARC_DATE,
            }
            if item.get("type") == "request":
                http = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True
                )
                record = writer.create_warc_record(
                    item["url"],
                    "request",
                    payload=io.BytesIO(b""),
                    http_headers=http,
                    warc_headers_dict=headers,
                )
            else:
                http = StatusAndHeaders(
                    item.get("status", "200 OK"),
                    [("Content-Type", item.get("content_type", "text/html; charset=utf-8"))],
                    protocol="HTTP/1.1",
                )
                record = writer.create_warc_record(
                    item["url"],
                    "response",
                    payload=io.BytesIO(item["body"]),
                    http_headers=http,
                    warc_headers_dict=headers,
                )
            writer.write_record(record)
            # warcio spools the payload to a temporary file to digest it and never closes it.
            record.raw_stream.close()
        return buffer.getvalue()

    return build


# An English story with what the records must get right: a headline and byline to set aside, a
# Spanish passage, repeated entities (one with "the"), and non-ASCII text before later spans.
ANALYSED_STORY = "\n\n".join(
    [
        "Venezuela taunts Washington over naval drills",
        "By Jane Smith",
        "CARACAS — Venezuelan officials mocked the United States on Thursday after American"
        " warships began exercises in the Caribbean, days after José Núñez met diplomats in"
        " Zürich.",
        "El gobierno venezolano rechaza de manera categórica las amenazas del gobierno de los"
        " Estados Unidos y convoca a la movilización del pueblo.",
        "“We will not be intimidated,” Núñez told reporters in Caracas. The United States"
        " Navy said the drills were routine.",
    ]
)


@pytest.fixture(scope="session")
def analysed_article(pipeline: newsgraph.Pipeline) -> newsgraph.Article:
    """One article run through the whole default pipeline."""
    raw = RawDocument(
        origin=Origin(path="venezuela.txt", format="text"),
        body=ANALYSED_STORY,
        media_type="text/plain",
        url="https://example.com/venezuela",
    )
    [article] = list(pipeline.run([raw]))
    assert isinstance(article, newsgraph.Article), article
    return article
