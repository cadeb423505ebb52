#!/usr/bin/env python
"""Rebuild examples/warc/demo.warc.gz from the HTML pages in tools/demo_warc/src/.

The sources live outside examples/ so that `newsgraph analyze examples/` reads each page once,
from the WARC.

The output is deterministic: WARC-Date values are fixed, WARC-Record-IDs are
UUIDv5 values derived from the record type and target URI, and the HTTP
headers are written from constants below. Running the script twice produces
byte-identical files.

Record layout (the order the answer key in tests/golden/demo_expected.json
relies on; "#N" there counts response records only):

    warcinfo
    request   -> caribbean-wire-navy-deployment.html
    response  -> caribbean-wire-navy-deployment.html        (#0)
    response  -> pacific-rim-monitor-zhou-quintero.html     (#1)
    response  -> andean-daily-report-banrep-holds-rates.html (#2)

Usage:  python tools/build_demo_warc.py            (writes demo.warc.gz)
        python tools/build_demo_warc.py --check    (also reads it back)
"""

import sys
import uuid
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tools" / "demo_warc" / "src"
OUT = ROOT / "examples" / "warc" / "demo.warc.gz"

# (source file, target URI, WARC-Date of the capture, HTTP Date, Last-Modified, server)
PAGES = [
    (
        "caribbean-wire-navy-deployment.html",
        "https://www.caribbeanwire.example/americas/2025/08/22/navy-caribbean-regularly-scheduled-deployment",
        "2025-09-16T03:12:05Z",
        "Tue, 16 Sep 2025 03:12:05 GMT",
        "Fri, 22 Aug 2025 21:40:11 GMT",
        "nginx",
    ),
    (
        "pacific-rim-monitor-zhou-quintero.html",
        "https://www.pacificrimmonitor.example/americas/2025/08/30/china-envoy-meets-venezuela-interior-minister",
        "2025-09-16T03:12:41Z",
        "Tue, 16 Sep 2025 03:12:41 GMT",
        "Sat, 30 Aug 2025 10:10:00 GMT",
        "Apache",
    ),
    (
        "andean-daily-report-banrep-holds-rates.html",
        "https://www.andeandailyreport.example/economy/2025/08/29/banrep-holds-rates",
        "2025-09-16T03:13:02Z",
        "Tue, 16 Sep 2025 03:13:02 GMT",
        "Fri, 29 Aug 2025 23:05:00 GMT",
        "cloudflare",
    ),
]

WARCINFO_DATE = "2025-09-16T03:12:00Z"
USER_AGENT = "newsgraph-demo-crawler/0.1 (+https://newsgraph.example/bot)"


def record_id(kind, uri):
    """Stable WARC-Record-ID derived from the record type and URI."""
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "%s:%s" % (kind, uri))


def build(out_path=OUT):
    with open(out_path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        # warcinfo
        info = (
            "software: newsgraph tools/build_demo_warc.py (warcio)\r\n"
            "format: WARC File Format 1.0\r\n"
            "conformsTo: http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf\r\n"
            "isPartOf: newsgraph-demo-corpus\r\n"
            "description: Synthetic news pages written for newsgraph (CC0). "
            "All people and outlets are fictional.\r\n"
            "robots: classic\r\n"
            "http-header-user-agent: %s\r\n" % USER_AGENT
        ).encode("utf-8")
        warcinfo = writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id("warcinfo", OUT.name),
                "WARC-Date": WARCINFO_DATE,
                "WARC-Filename": OUT.name,
            },
        )
        writer.write_record(warcinfo)

        for i, (fname, uri, warc_date, http_date, last_mod, server) in enumerate(PAGES):
            body = (SRC / fname).read_bytes()
            resp_id = record_id("response", uri)

            if i == 0:
                # One request record, as a real crawl would have.
                host = uri.split("/")[2]
                path = "/" + uri.split("/", 3)[3]
                req_headers = StatusAndHeaders(
                    "GET %s HTTP/1.1" % path,
                    [
                        ("Host", host),
                        ("User-Agent", USER_AGENT),
                        ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
                        ("Accept-Encoding", "identity"),
                        ("Connection", "close"),
                    ],
                    is_http_request=True,
                )
                request = writer.create_warc_record(
                    uri,
                    "request",
                    http_headers=req_headers,
                    warc_headers_dict={
                        "WARC-Record-ID": record_id("request", uri),
                        "WARC-Date": warc_date,
                        "WARC-Concurrent-To": resp_id,
                    },
                )
                writer.write_record(request)

            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Date", http_date),
                    ("Server", server),
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Last-Modified", last_mod),
                    ("Cache-Control", "max-age=300"),
                    ("Connection", "close"),
                ],
                protocol="HTTP/1.1",
            )
            response = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Record-ID": resp_id,
                    "WARC-Date": warc_date,
                    "WARC-IP-Address": "192.0.2.%d" % (10 + i),
                },
            )
            writer.write_record(response)
    return out_path


def check(path=OUT):
    """Read the archive back and return a short listing."""
    rows = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            body = rec.content_stream().read()
            rows.append((rec.rec_type, uri, len(body)))
    return rows


if __name__ == "__main__":
    build()
    print("wrote", OUT)
    if "--check" in sys.argv:
        for row in check():
            print("  %-9s %-100s %6d bytes" % row)
