"""Start-up and page load of ``newsgraph serve`` on a corpus database, in a real browser.

    .venv/bin/python bench/bench_serve_browser.py --db corpus.duckdb [--rounds 5]

Starts ``newsgraph serve`` as a person would and times, in wall-clock seconds, how long until
``/api/stats`` answers (process start, imports, opening the database). Then opens the article
view (the newest article) and the network view in headless Chromium (``/usr/bin/chromium``)
``--rounds`` times each and reports the median and worst time from navigation start to the
view's data being drawn (the interface's ``newsgraph-ready`` Performance API mark), the figure
the browser tests check on the demo corpus.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.load(answer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / args.db.name  # a copy: never lock the original
        shutil.copyfile(args.db, db)
        index = args.db.with_name(args.db.name + ".search")
        if index.is_dir():
            shutil.copytree(index, db.with_name(db.name + ".search"))
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "newsgraph"), "serve", str(db), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    stats = _get(f"{base}/api/stats")
                    break
                except OSError:
                    if process.poll() is not None or time.perf_counter() - started > 120:
                        raise SystemExit("newsgraph serve did not start") from None
                    time.sleep(0.05)
            startup = time.perf_counter() - started
            newest = _get(f"{base}/api/articles?limit=1")["items"][0]["id"]
            timings: dict[str, list[float]] = {}
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
                for name, route in (("article", f"#/article/{newest}"), ("network", "#/network")):
                    for _ in range(args.rounds):
                        context = browser.new_context(viewport={"width": 1400, "height": 900})
                        page = context.new_page()
                        page.goto(f"{base}/{route}")
                        page.locator(f'body[data-ready="{route}"]').wait_for(
                            state="attached", timeout=30_000
                        )
                        marks = page.evaluate(
                            "(n) => performance.getEntriesByName(n).map((m) => m.startTime)",
                            f"newsgraph-ready {route}",
                        )
                        timings.setdefault(name, []).append(float(marks[0]))
                        context.close()
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
    print(
        f"corpus: {args.db} ({stats['articles']} articles, {stats['quotes']} quotes,"
        f" {stats['events']} events)"
    )
    print(f"server start-up to first answer: {startup:.2f} s")
    for name, values in timings.items():
        print(
            f"{name} view, load to interactive: median {statistics.median(values):.0f} ms,"
            f" worst {max(values):.0f} ms ({len(values)} loads)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
