"""API latency of ``newsgraph serve``: p50/p95 per main endpoint on a corpus database.

    .venv/bin/python bench/bench_serve.py --db corpus.duckdb [--rounds 30]

Requests go through FastAPI's TestClient in-process (routing, validation, the query and JSON
encoding; no socket). Parameters (an article, an actor, a dyad, a search word) are taken from the
corpus itself. Prints a table and, with --json, writes the figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.serve import create_app


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / args.db.name  # a copy: never lock the original
        shutil.copyfile(args.db, db)
        index = args.db.with_name(args.db.name + ".search")  # the store's full-text index
        if index.is_dir():
            shutil.copytree(index, db.with_name(db.name + ".search"))
        started = time.perf_counter()
        client = TestClient(create_app(db))
        startup = time.perf_counter() - started
        stats = client.get("/api/stats").json()
        article = client.get("/api/articles", params={"limit": 1}).json()["items"][0]["id"]
        actors = client.get("/api/actors", params={"limit": 2, "type": "PERSON"}).json()
        person = actors["items"][0]["id"]
        countries = client.get("/api/actors", params={"limit": 2, "type": "GPE"}).json()["items"]
        first, second = (c["country"] or c["name"] for c in countries[:2])
        endpoints = {
            "articles (page 1)": ("/api/articles", {}),
            "articles (page 40)": ("/api/articles", {"offset": 40 * 50}),
            "article (one, full record)": (f"/api/articles/{article}", {}),
            "actors": ("/api/actors", {}),
            "actor (one)": (f"/api/actors/{person}", {}),
            "quotes by speaker": ("/api/quotes", {"speaker": person}),
            "events": ("/api/events", {}),
            "events source+target": ("/api/events", {"source": first, "target": second}),
            "dyad": ("/api/dyad", {"first": first, "second": second}),
            "corpus events": ("/api/corpus-events", {}),
            "corpus events of a country": ("/api/corpus-events", {"actor": first}),
            "network": ("/api/network", {}),
            "places": ("/api/places", {}),
            "search (two words)": ("/api/search", {"q": "White House"}),
        }
        results = {}
        for name, (url, params) in endpoints.items():
            client.get(url, params=params)  # warm
            times = []
            for _ in range(args.rounds):
                begun = time.perf_counter()
                response = client.get(url, params=params)
                times.append((time.perf_counter() - begun) * 1000)
                assert response.status_code == 200, (url, response.text)
            results[name] = {
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(_percentile(times, 0.95), 1),
            }
    print(
        f"corpus: {args.db} ({stats['articles']} articles, {stats['quotes']} quotes,"
        f" {stats['events']} events); start-up {startup:.2f} s; {args.rounds} rounds"
    )
    print(f"{'endpoint':32} {'p50 ms':>8} {'p95 ms':>8}")
    for name, figures in results.items():
        print(f"{name:32} {figures['p50_ms']:8.1f} {figures['p95_ms']:8.1f}")
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {"db": str(args.db), "startup_s": startup, "stats": stats, "endpoints": results},
                indent=2,
                default=str,
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
