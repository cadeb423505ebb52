"""Ingest: every input format, directories, globs, stdin, and bad input that must become a
Failure with a reason while the rest of the batch goes on."""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import json
import random
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator

from newsgraph import (
    Article,
    Failure,
    IngestReport,
    InputError,
    RawDocument,
    clean_document,
    iter_documents,
)
from newsgraph.ingest import DEFAULT_MAX_BYTES, decode_bytes

STORY_LINE = "The port of Gdansk reopened on Tuesday after a two-day strike by dock workers ended."


def read_all(paths: list[str], **kwargs: object) -> list[RawDocument | Failure]:
    return list(iter_documents(paths, **kwargs))  # type: ignore[arg-type]


def kinds(items: list[RawDocument | Failure]) -> list[str]:
    return [type(item).__name__ for item in items]


# --- plain text and HTML ----------------------------------------------------------------------


def test_txt_file_is_one_plain_text_document(write_file, story_text):
    path = write_file("port.txt", story_text)

    [document] = read_all([path])

    assert isinstance(document, RawDocument)
    assert document.media_type == "text/plain"
    assert document.body == story_text
    assert document.origin.path == path
    assert document.origin.format == "text"
    assert document.encoding == "utf-8"


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_html_file_is_one_page_whatever_the_suffix_spelling(write_file, story_html, suffix):
    [document] = read_all([write_file(f"port{suffix}", story_html)])

    assert isinstance(document, RawDocument)
    assert document.media_type == "text/html"
    assert document.origin.format == "html"
    assert document.body == story_html


@pytest.mark.parametrize(
    ("content", "expected_format"),
    [
        (b"<!DOCTYPE html><html><body><p>" + STORY_LINE.encode() + b"</p></body></html>", "html"),
        (json.dumps({"text": STORY_LINE}).encode() + b"\n", "jsonl"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
            b"<title>A</title><description>" + STORY_LINE.encode() + b"</description>"
            b"</item></channel></rss>",
            "feed",
        ),
        (STORY_LINE.encode(), "text"),
    ],
)
def test_format_is_sniffed_from_the_first_bytes_when_the_name_says_nothing(
    write_file, content, expected_format
):
    [document] = read_all([write_file("download", content)])

    assert isinstance(document, RawDocument)
    assert document.origin.format == expected_format


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_text_and_html_records_with_their_metadata(write_file):
    lines = [
        {
            "text": STORY_LINE,
            "title": "Port reopens",
            "url": "https://example.com/port",
            "published": "2025-08-21",
            "source": "Baltic Review",
            "authors": ["Anna Kowalska"],
        },
        {"html": f"<html><body><p>{STORY_LINE}</p></body></html>", "url": "https://e.com/2"},
    ]
    path = write_file("batch.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")

    first, second = read_all([path])

    assert isinstance(first, RawDocument)
    assert first.media_type == "text/plain"
    assert first.body == STORY_LINE
    assert (first.title, first.url, first.published, first.source) == (
        "Port reopens",
        "https://example.com/port",
        "2025-08-21",
        "Baltic Review",
    )
    assert first.authors == ("Anna Kowalska",)
    assert (first.origin.format, first.origin.record) == ("jsonl", 0)
    assert isinstance(second, RawDocument)
    assert second.media_type == "text/html"
    assert second.origin.record == 1


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"content_original": STORY_LINE, "date": "2025-08-21"}, "published", "2025-08-21"),
        ({"content_original": STORY_LINE}, "body", STORY_LINE),
        ({"maintext": STORY_LINE, "date_publish": "2025-08-21 10:00:00"}, "body", STORY_LINE),
        ({"articleBody": STORY_LINE, "headline": "Port reopens"}, "title", "Port reopens"),
        ({"body": STORY_LINE, "link": "https://example.com/a"}, "url", "https://example.com/a"),
        ({"content": STORY_LINE, "outlet": "Baltic Review"}, "source", "Baltic Review"),
        ({"text": STORY_LINE, "source_domain": "example.com"}, "source", "example.com"),
        ({"text": STORY_LINE, "datePublished": "2025-08-22"}, "published", "2025-08-22"),
        ({"raw_html": f"<p>{STORY_LINE}</p>"}, "media_type", "text/html"),
    ],
)
def test_jsonl_field_aliases_of_common_scrapers_are_read(write_file, record, field, expected):
    [document] = read_all([write_file("aliases.jsonl", json.dumps(record) + "\n")])

    assert isinstance(document, RawDocument)
    assert getattr(document, field) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["Ana Ruiz", "Ben Lee"], ("Ana Ruiz", "Ben Lee")),
        ("Ana Ruiz, Ben Lee and Carla Gomez", ("Ana Ruiz", "Ben Lee", "Carla Gomez")),
        ("Ana Ruiz and Ben Lee", ("Ana Ruiz", "Ben Lee")),
        ("Ana Ruiz", ("Ana Ruiz",)),
        (["Ana Ruiz", " ", ""], ("Ana Ruiz",)),
    ],
)
def test_jsonl_authors_as_a_list_or_as_one_string(write_file, value, expected):
    record = {"text": STORY_LINE, "author": value}
    [document] = read_all([write_file("authors.jsonl", json.dumps(record) + "\n")])

    assert isinstance(document, RawDocument)
    assert document.authors == expected


def test_jsonl_invalid_line_is_a_failure_and_other_lines_go_on(write_file):
    lines = [
        json.dumps({"text": "First story about the harbour."}),
        '{"text": "a line cut short',
        json.dumps({"text": "Third story about the council."}),
    ]
    path = write_file("mixed.jsonl", "\n".join(lines) + "\n")

    first, broken, third = read_all([path])

    assert isinstance(first, RawDocument)
    assert isinstance(third, RawDocument)
    assert third.body == "Third story about the council."
    assert isinstance(broken, Failure)
    assert broken.error == "MalformedRecordError"
    assert broken.stage == "ingest"
    assert "invalid JSON on line 2" in broken.reason
    assert broken.origin.record == 1
    assert broken.message().startswith(f"{path}#1: ")


@pytest.mark.parametrize("line", ["[1, 2, 3]", '"just a string"', "42", "null", "true"])
def test_jsonl_line_that_is_not_an_object_is_a_failure(write_file, line):
    path = write_file("odd.jsonl", line + "\n" + json.dumps({"text": STORY_LINE}) + "\n")

    failure, document = read_all([path])

    assert isinstance(failure, Failure)
    assert failure.error == "MalformedRecordError"
    assert "not a JSON object" in failure.reason
    assert isinstance(document, RawDocument)


def test_jsonl_record_without_a_text_field_is_a_failure_naming_the_field_expected(write_file):
    path = write_file("notext.jsonl", json.dumps({"title": "Headline only", "url": "u"}) + "\n")

    [failure] = read_all([path])

    assert isinstance(failure, Failure)
    assert failure.error == "MalformedRecordError"
    assert "no article text" in failure.reason
    assert "text" in failure.reason


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_jsonl_record_with_blank_text_is_a_failure(write_file, text):
    [failure] = read_all([write_file("blank.jsonl", json.dumps({"text": text}) + "\n")])

    assert isinstance(failure, Failure)
    assert failure.error in {"EmptyInputError", "MalformedRecordError"}


def test_jsonl_blank_lines_are_passed_over_but_a_file_of_nothing_else_is_a_failure(write_file):
    path = write_file("gaps.jsonl", "\n" + json.dumps({"text": STORY_LINE}) + "\n\n\n")
    empty = write_file("empty.jsonl", "\n  \n\n")

    document, failure = read_all([path, empty])

    assert isinstance(document, RawDocument)
    assert document.origin.record == 1
    assert isinstance(failure, Failure)
    assert failure.error == "EmptyInputError"
    assert failure.origin.path == empty


_json_value = st.one_of(
    st.text(max_size=30), st.integers(), st.none(), st.lists(st.text(max_size=10), max_size=3)
)
_jsonl_line = st.one_of(
    st.dictionaries(
        st.sampled_from(["text", "html", "content", "title", "author", "date", "url"]),
        _json_value,
        max_size=4,
    ).map(lambda record: json.dumps(record).encode()),
    # Gzip magic at the start of the file is another story: see the truncated .jsonl.gz test.
    st.binary(max_size=60).filter(
        lambda line: b"\n" not in line and b"\r" not in line and not line.startswith(b"\x1f")
    ),
)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(_jsonl_line, min_size=1, max_size=6))
def test_jsonl_gives_one_item_per_non_blank_line_whatever_the_line_holds(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    items = read_all([str(path)])

    non_blank = [line for line in lines if line.strip()]
    assert len(items) == max(len(non_blank), 1)
    assert all(isinstance(item, RawDocument | Failure) for item in items)


def test_jsonl_gz_is_decompressed_on_the_fly(write_file):
    payload = "\n".join(json.dumps({"text": f"Story {n} about the harbour."}) for n in range(3))

    documents = read_all([write_file("batch.jsonl.gz", gzip.compress(payload.encode()))])

    assert [d.body for d in documents if isinstance(d, RawDocument)] == [
        f"Story {n} about the harbour." for n in range(3)
    ]


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_damaged_jsonl_gz_is_a_failure_and_the_batch_goes_on(write_file, story_text, damage):
    payload = "\n".join(json.dumps({"text": f"Story {n} about the harbour."}) for n in range(200))
    data = bytearray(gzip.compress(payload.encode()))
    if damage == "truncated":
        del data[len(data) // 2 :]
    else:
        data[len(data) // 2] ^= 0xFF
        data[len(data) // 2 + 1] ^= 0xFF
    damaged = write_file("batch.jsonl.gz", bytes(data))
    after = write_file("after.txt", story_text)

    items = read_all([damaged, after])

    assert any(isinstance(item, Failure) and item.origin.path == damaged for item in items)
    assert isinstance(items[-1], RawDocument)
    assert items[-1].origin.path == after


def test_jsonl_record_over_max_bytes_is_a_failure_and_small_ones_go_on(write_file):
    lines = [json.dumps({"text": "x " * 1000}), json.dumps({"text": STORY_LINE})]
    path = write_file("sizes.jsonl", "\n".join(lines) + "\n")

    big, small = read_all([path], max_bytes=1000)

    assert isinstance(big, Failure)
    assert big.error == "InputTooLargeError"
    assert isinstance(small, RawDocument)


# --- WARC -------------------------------------------------------------------------------------


def _page(place: str) -> bytes:
    return (
        f"<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
        f"<p>The port of {place} reopened on Tuesday after a two-day strike by dock workers"
        " ended with a pay deal.</p></article></body></html>"
    ).encode()


@pytest.fixture
def warc_records() -> list[dict[str, object]]:
    return [
        {"type": "request", "url": "https://example.com/gdansk"},
        {"url": "https://example.com/gdansk", "body": _page("Gdansk")},
        {
            "url": "https://example.com/logo.png",
            "body": b"\x89PNG\r\n",
            "content_type": "image/png",
        },
        {
            "url": "https://example.com/gone",
            "body": b"<html><body><p>Not found</p></body></html>",
            "status": "404 Not Found",
        },
        {"url": "https://example.com/gdynia", "body": _page("Gdynia")},
    ]


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_warc_html_responses_become_documents_and_a_404_becomes_a_failure(
    write_file, warc_bytes, warc_records, suffix
):
    data = warc_bytes(warc_records, gzip=suffix.endswith(".gz"))
    path = write_file(f"crawl{suffix}", data)

    gdansk, gone, gdynia = read_all([path])

    assert isinstance(gdansk, RawDocument)
    assert gdansk.url == "https://example.com/gdansk"
    assert gdansk.media_type == "text/html"
    assert "Gdansk" in gdansk.body
    assert gdansk.origin.format == "warc"
    assert isinstance(gone, Failure)
    assert gone.error == "MalformedRecordError"
    assert "404" in gone.reason
    assert "https://example.com/gone" in gone.reason
    assert isinstance(gdynia, RawDocument)
    assert gdynia.url == "https://example.com/gdynia"
    assert gdansk.origin.record < gone.origin.record < gdynia.origin.record


def test_warc_charset_from_the_http_header_is_used(write_file, warc_bytes):
    body = "<html><body><p>Tickets cost €25 – “a fair price”, officials said.</p></body></html>"
    record = {
        "url": "https://example.com/tickets",
        "body": body.encode("cp1252"),
        "content_type": "text/html; charset=windows-1252",
    }

    [document] = read_all([write_file("tickets.warc", warc_bytes([record], gzip=False))])

    assert isinstance(document, RawDocument)
    assert "€25 – “a fair price”" in document.body


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_with_no_response_records_is_a_failure(write_file, warc_bytes, gzipped):
    data = warc_bytes([{"type": "request", "url": "https://example.com/"}], gzip=gzipped)
    path = write_file("requests.warc" + (".gz" if gzipped else ""), data)

    [failure] = read_all([path])

    assert isinstance(failure, Failure)
    assert failure.error == "NoContentError"
    assert "no HTML response" in failure.reason


def test_empty_warc_file_is_a_failure(write_file):
    [failure] = read_all([write_file("empty.warc", b"")])

    assert isinstance(failure, Failure)


def _last_record_offset(data: bytes) -> int:
    records = ArchiveIterator(io.BytesIO(data))
    offsets = [records.get_record_offset() for _ in records]
    return offsets[-1]


def test_truncated_warc_gz_still_yields_the_records_before_the_cut(
    write_file, warc_bytes, story_text
):
    records = [{"url": f"https://example.com/{n}", "body": _page(f"Town{n}")} for n in range(3)]
    data = warc_bytes(records, gzip=True)
    last = _last_record_offset(data)
    path = write_file("cut.warc.gz", data[: last + (len(data) - last) // 2])
    after = write_file("after.txt", story_text)

    items = read_all([path, after])

    documents = [item for item in items if isinstance(item, RawDocument)]
    assert [d.url for d in documents[:2]] == ["https://example.com/0", "https://example.com/1"]
    assert documents[-1].origin.path == after


@pytest.mark.parametrize("gzipped", [False, True])
def test_truncated_warc_reports_a_failure_for_what_was_lost(write_file, warc_bytes, gzipped):
    records = [{"url": f"https://example.com/{n}", "body": _page(f"Town{n}")} for n in range(3)]
    data = warc_bytes(records, gzip=gzipped)
    last = _last_record_offset(data)
    path = write_file("cut.warc" + (".gz" if gzipped else ""), data[: last + 20])

    items = read_all([path])

    assert kinds(items) == ["RawDocument", "RawDocument", "Failure"]
    assert items[-1].error == "MalformedRecordError"


def test_warc_cut_inside_record_headers_is_a_failure_and_the_batch_goes_on(
    write_file, warc_bytes, story_text
):
    data = warc_bytes([{"url": "https://example.com/a", "body": _page("Gdansk")}], gzip=False)
    path = write_file("cut.warc", data[: data.index(b"WARC-Target-URI")])
    after = write_file("after.txt", story_text)

    failure, document = read_all([path, after])

    assert isinstance(failure, Failure)
    assert isinstance(document, RawDocument)


# --- feeds ------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbor City Tribune</title><link>https://hct.example</link>
<description>News</description>
<item><title>Port reopens after strike</title><link>https://hct.example/port</link>
<pubDate>Thu, 21 Aug 2025 14:05:00 GMT</pubDate><dc:creator>Jane Smith</dc:creator>
<description>A short teaser.</description>
<content:encoded><![CDATA[<p>The port reopened on Tuesday after a strike.</p>
<p>Union leaders welcomed the deal.</p>]]></content:encoded></item>
<item><title>Council approves budget</title><link>https://hct.example/budget</link>
<description>&lt;p&gt;The council approved the budget on Friday.&lt;/p&gt;</description></item>
<item><title>Photo gallery</title><link>https://hct.example/gallery</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Baltic Review</title><id>urn:br</id>
<updated>2025-08-21T10:00:00Z</updated>
<entry><title>By-election called in Gdansk</title><id>urn:1</id>
<link href="https://br.example/gdansk"/><updated>2025-08-21T10:00:00Z</updated>
<published>2025-08-20T08:30:00Z</published><author><name>Anna Kowalska</name></author>
<summary>Teaser.</summary>
<content type="html">&lt;p&gt;A by-election will be held in Gdansk in October.&lt;/p&gt;</content>
</entry>
<entry><title>Harbour dredging</title><id>urn:2</id><link href="https://br.example/2"/>
<updated>2025-08-22T10:00:00Z</updated><summary>Dredging of the harbour starts soon.</summary>
</entry></feed>"""


def test_rss_item_prefers_content_encoded_over_description(write_file):
    port, budget, _ = read_all([write_file("feed.rss", RSS)])

    assert isinstance(port, RawDocument)
    assert "Union leaders welcomed the deal." in port.body
    assert "teaser" not in port.body
    assert port.media_type == "text/html-fragment"
    assert port.title == "Port reopens after strike"
    assert port.url == "https://hct.example/port"
    assert clean_document(port).published == "2025-08-21T14:05:00+00:00"
    assert port.source == "Harbor City Tribune"
    assert port.authors == ("Jane Smith",)
    assert (port.origin.format, port.origin.record) == ("feed", 0)
    assert isinstance(budget, RawDocument)
    assert "The council approved the budget on Friday." in budget.body


def test_feed_item_with_neither_content_nor_summary_is_a_failure(write_file):
    *_, gallery = read_all([write_file("feed.rss", RSS)])

    assert isinstance(gallery, Failure)
    assert gallery.error == "NoContentError"
    assert gallery.origin.record == 2


@pytest.mark.parametrize("suffix", [".atom", ".xml"])
def test_atom_entry_uses_content_then_summary(write_file, suffix):
    gdansk, dredging = read_all([write_file(f"feed{suffix}", ATOM)])

    assert isinstance(gdansk, RawDocument)
    assert "A by-election will be held in Gdansk in October." in gdansk.body
    assert "Teaser" not in gdansk.body
    assert gdansk.authors == ("Anna Kowalska",)
    assert clean_document(gdansk).published == "2025-08-20T08:30:00+00:00"
    assert gdansk.source == "Baltic Review"
    assert isinstance(dredging, RawDocument)
    assert dredging.body == "Dredging of the harbour starts soon."


def test_feed_without_items_is_a_failure(write_file):
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>X</title></channel></rss>'

    [failure] = read_all([write_file("quiet.rss", feed)])

    assert isinstance(failure, Failure)
    assert "no items" in failure.reason


def test_feed_over_the_size_limit_loses_no_item_silently(write_file):
    items = "".join(
        f"<item><title>Item {n}</title><link>https://x.example/{n}</link><description>Story"
        f" {n} about the harbour and the council vote on the budget.</description></item>"
        for n in range(40)
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )

    results = read_all([write_file("big.rss", feed)], max_bytes=1000)

    documents = [item for item in results if isinstance(item, RawDocument)]
    assert len(documents) == 40 or any(
        isinstance(item, Failure) and item.error == "InputTooLargeError" for item in results
    )


# --- paths: directories, globs, stdin, missing ------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path, story_text: str) -> Path:
    """A folder of inputs: nested, hidden, and files in no supported format."""
    for name in ["b.txt", "a.txt", "sub/c.html", "sub/deeper/d.txt", "z.jsonl"]:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".jsonl"):
            path.write_text(json.dumps({"text": STORY_LINE}) + "\n")
        elif name.endswith(".html"):
            path.write_text(f"<html><body><p>{STORY_LINE}</p></body></html>")
        else:
            path.write_text(story_text)
    for name in [".hidden.txt", ".git/config.txt", "notes.md", "report.pdf", "sub/photo.png"]:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"not read")
    return tmp_path / "in"


def test_directory_is_read_recursively_in_sorted_order_without_hidden_files(tree):
    items = read_all([str(tree)])

    assert all(isinstance(item, RawDocument) for item in items)
    assert [Path(item.origin.path).relative_to(tree).as_posix() for item in items] == [
        "a.txt",
        "b.txt",
        "sub/c.html",
        "sub/deeper/d.txt",
        "z.jsonl",
    ]


def test_directory_files_in_no_supported_format_are_reported_as_skipped(tree):
    report = IngestReport()

    read_all([str(tree)], report=report)

    assert sorted(Path(p).relative_to(tree).as_posix() for p in report.skipped) == [
        "notes.md",
        "report.pdf",
        "sub/photo.png",
    ]


def test_glob_expands_to_its_matches_in_sorted_order(tree):
    items = read_all([str(tree / "**" / "*.txt")])

    assert [Path(item.origin.path).name for item in items] == ["a.txt", "b.txt", "d.txt"]


def test_glob_that_matches_nothing_is_a_failure(tmp_path):
    items = read_all([str(tmp_path / "*.nothing")])

    assert kinds(items) == ["Failure"]


def test_missing_path_is_a_failure_and_the_next_path_is_read(tmp_path, write_file, story_text):
    missing = str(tmp_path / "nowhere.txt")
    present = write_file("here.txt", story_text)

    failure, document = read_all([missing, present])

    assert isinstance(failure, Failure)
    assert failure.error == "FileNotFoundError"
    assert failure.origin.path == missing
    assert "no such file" in failure.reason
    assert isinstance(document, RawDocument)


@pytest.mark.parametrize(
    ("data", "expected_format", "media_type"),
    [
        (b"Port reopens\n\n" + STORY_LINE.encode(), "text", "text/plain"),
        (b"<html><body><p>" + STORY_LINE.encode() + b"</p></body></html>", "html", "text/html"),
        (json.dumps({"text": STORY_LINE}).encode() + b"\n", "jsonl", "text/plain"),
    ],
)
def test_dash_reads_standard_input(data, expected_format, media_type):
    [document] = read_all(["-"], stdin=io.BytesIO(data))

    assert isinstance(document, RawDocument)
    assert document.origin.path == "<stdin>"
    assert document.origin.format == expected_format
    assert document.media_type == media_type


def test_empty_standard_input_is_a_failure():
    [failure] = read_all(["-"], stdin=io.BytesIO(b""))

    assert isinstance(failure, Failure)
    assert failure.error == "EmptyInputError"


# --- bad input: one Failure each, the batch goes on -------------------------------------------


def _junk() -> bytes:
    """Random bytes with a NUL among them, under the 1000-byte limit of the batch below."""
    generator = random.Random(7)
    return generator.randbytes(500) + b"\x00" + generator.randbytes(300)


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"


@pytest.mark.parametrize(
    ("name", "content", "error", "reason_part"),
    [
        ("empty.txt", b"", "EmptyInputError", "empty"),
        ("blank.txt", b"  \n\t\r\n   \n", "EmptyInputError", "empty"),
        ("blank.html", b"\n\n   ", "EmptyInputError", "empty"),
        ("junk.txt", _junk(), "BinaryInputError", "binary"),
        ("junk.html", b"<html>\x00\x00\x00\x01\x02", "BinaryInputError", "binary"),
        ("image.txt", PNG_HEADER + bytes(200), "BinaryInputError", "binary"),
        ("image.png", PNG_HEADER, "UnsupportedFormatError", ".png"),
        ("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "UnsupportedFormatError", ".pdf"),
        ("big.txt", b"word " * 400, "InputTooLargeError", "limit"),
        ("big.html", b"<p>" + b"word " * 400 + b"</p>", "InputTooLargeError", "limit"),
    ],
)
def test_bad_file_is_a_failure_with_a_reason_and_the_batch_goes_on(
    write_file, story_text, name, content, error, reason_part
):
    bad = write_file(name, content)
    good = write_file("good.txt", story_text)

    failure, document = read_all([bad, good], max_bytes=1000)

    assert isinstance(failure, Failure)
    assert failure.stage == "ingest"
    assert failure.error == error
    assert reason_part in failure.reason
    assert failure.origin.path == bad
    assert failure.message().startswith(bad)
    assert isinstance(document, RawDocument)
    assert document.origin.path == good


def test_size_failure_states_a_size_visibly_over_the_limit(write_file):
    [failure] = read_all([write_file("big.txt", b"word " * 400)], max_bytes=1000)

    assert isinstance(failure, Failure)
    assert "0.0 MB is over the 0.0 MB" not in failure.reason


class _CountingReader(io.BufferedReader):
    """A file reader that counts the bytes handed out."""

    bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        type(self).bytes_read += len(data)
        return data


def test_file_over_the_default_limit_is_refused_without_reading_it_all(
    tmp_path, monkeypatch, story_text
):
    big = tmp_path / "dump.txt"
    with big.open("wb") as stream:
        chunk = b"The harbour was quiet. " * 4096
        while stream.tell() < 12_000_000:
            stream.write(chunk)
    size = big.stat().st_size
    good = tmp_path / "good.txt"
    good.write_text(story_text)
    real_open = Path.open

    def counting_open(self, mode="r", *args, **kwargs):
        if mode == "rb":
            return _CountingReader(io.FileIO(self, "rb"))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting_open)
    _CountingReader.bytes_read = 0
    started = time.perf_counter()

    failure, document = read_all([str(big), str(good)])

    assert time.perf_counter() - started < 5
    assert isinstance(failure, Failure)
    assert failure.error == "InputTooLargeError"
    assert isinstance(document, RawDocument)
    assert _CountingReader.bytes_read <= DEFAULT_MAX_BYTES + 1 + len(story_text.encode()) < size


def test_truncated_html_gives_an_article_or_a_clear_failure_never_an_exception(
    write_file, pipeline
):
    page = (
        "<html><head><title>Talks resume</title></head><body><article><p>The minister said on"
        " Monday that the talks would resume next week in Geneva, after a pause of three"
        " months.</p><p>The delegation arri"
    )
    path = write_file("cut.html", page)

    [result] = list(pipeline.run(iter_documents([path])))

    if isinstance(result, Failure):
        assert result.reason
        assert result.error.endswith("Error")
    else:
        assert isinstance(result, Article)
        assert "talks would resume" in result.text


# --- encodings --------------------------------------------------------------------------------


def test_windows_1252_html_with_meta_charset_decodes_euro_and_curly_quotes(write_file):
    page = (
        '<html><head><meta charset="windows-1252"><title>Prices rise</title></head><body>'
        "<p>The ticket now costs €25, up from €20. “It is a fair price,” the director said;"
        " the company’s costs had risen.</p></body></html>"
    )
    path = write_file("prices.html", page.encode("cp1252"))

    [document] = read_all([path])

    assert isinstance(document, RawDocument)
    assert "€25, up from €20. “It is a fair price,” the director said" in document.body
    assert "company’s" in document.body
    assert codecs.lookup(document.encoding).name == "cp1252"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Señor Núñez said the façade of the old café would be restored by the end of the"
            " year, at a cost of £2 million.",
            id="spanish-names",
        ),
        pytest.param(
            "Prices at the Café Müller in Köln rose by 5% this year, the owner said.",
            id="german-names",
        ),
        pytest.param(
            "The mayor of São Paulo met José Núñez at a café on Monday to discuss the budget.",
            id="guessed-cp775",
        ),
        pytest.param(
            "Café owners in Zürich said the new rules were très compliqué and would hurt"
            " business, according to the Bürgermeister. Señor Núñez agreed.",
            id="guessed-cp1250",
        ),
    ],
)
def test_latin_1_plain_text_without_a_declaration_decodes(write_file, text):
    [document] = read_all([write_file("latin1.txt", text.encode("latin-1"))])

    assert isinstance(document, RawDocument)
    assert document.body == text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_byte_order_mark_decides_the_encoding_and_is_not_kept(write_file, encoding, bom, suffix):
    text = "Port reopens\n\nThe strike — which lasted “two days” — is over. Café prices fell."
    if suffix == ".html":
        text = f"<html><body><p>{text}</p></body></html>"

    [document] = read_all([write_file(f"bom{suffix}", bom + text.encode(encoding))])

    assert isinstance(document, RawDocument)
    assert document.body == text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_decode_bytes_returns_text_or_raises_an_input_error(data):
    try:
        text, encoding = decode_bytes(data)
    except InputError:
        return
    assert isinstance(text, str)
    assert codecs.lookup(encoding)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\x00\ufeff"), min_size=1
    ).filter(str.strip)
)
def test_decode_bytes_reads_any_utf8_text_without_nul_back(text):
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize("label", ["base64", "hex", "undefined"])
def test_decode_bytes_with_a_bogus_declared_charset_never_escapes(label):
    with contextlib.suppress(InputError):
        text, _ = decode_bytes(b"Caf\xe9 prices rose sharply this year.", declared=label)
        assert "prices rose sharply" in text


def test_html_with_a_bogus_meta_charset_does_not_end_the_batch(write_file, story_text):
    page = b'<html><head><meta charset="base64"></head><body><p>Caf\xe9 prices.</p></body></html>'
    bad = write_file("bogus.html", page)
    good = write_file("good.txt", story_text)

    items = read_all([bad, good])

    assert isinstance(items[-1], RawDocument)
