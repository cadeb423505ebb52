"""Query latency of the canned corpus questions: p50 and p95 over repeated runs, one report.

    python bench/bench_store.py --db /tmp/allsides.duckdb [--repeat 30] [--scale-to 6000]

``--scale-to N`` first copies the database and replicates its analysed articles (every
article table, new ids) until it holds about N articles, to time queries at a corpus size that
could not be analysed in the time at hand; the copy is deleted afterwards. The search index is
and the corpus actors are rebuilt on the copy (their build times are reported too).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from newsgraph.store import Store, _queries
from newsgraph.store._tables import ARTICLE_TABLES


def _scale(source: Path, target: Path, articles: int) -> dict[str, float]:
    """Copy ``source`` to ``target``, replicate its articles up to ``articles``, rebuild the
    derived data; returns the rebuild times."""
    shutil.copy(source, target)
    with duckdb.connect(str(target)) as connection:
        have = connection.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
        copies = max(0, -(-articles // have) - 1)
        for copy in range(1, copies + 1):
            for table in ARTICLE_TABLES:
                column = "id" if table == "articles" else "article_id"
                connection.execute(
                    f"INSERT INTO {table} SELECT * REPLACE ({column} || '-{copy}' AS {column})"
                    f" FROM {table} WHERE {column} NOT LIKE '%-%'"
                )
        connection.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'articles_generation'"
        )
    with Store.open(target) as store:
        started = time.perf_counter()
        store.rebuild_search_index()
        search_seconds = time.perf_counter() - started
        started = time.perf_counter()
        store.rebuild_actors()
        actors_seconds = time.perf_counter() - started
    return {
        "search_index_build_seconds": round(search_seconds, 2),
        "actors_build_seconds": round(actors_seconds, 2),
    }


def _time(query: Callable[[], object], repeat: int) -> dict[str, float]:
    query()  # warm-up: first run loads the extension, caches
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        query()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
        "max_ms": round(timings[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--scale-to", type=int, default=None)
    args = parser.parse_args()
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if args.scale_to:
            db = Path(folder) / "scaled.duckdb"
            report.update(_scale(args.db, db, args.scale_to))
        with Store.open(db, read_only=True) as store:
            counts = store.counts()
            speaker = (
                store.query(
                    "SELECT speaker_name FROM quotes WHERE speaker_name LIKE '% %'"
                    " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
                )
                .column(0)[0]
                .as_py()
            )
            queries: dict[str, Callable[[], object]] = {
                f"quotes --speaker {speaker!r}": lambda: _queries.quotes(store, speaker=speaker),
                "events --source CHN --target USA --since 2015-01-01": lambda: _queries.events(
                    store, source="CHN", target="USA", since="2015-01-01"
                ),
                "actors --top 20": lambda: _queries.actors(store, top=20),
                "timeline 'Trump'": lambda: _queries.timeline(store, "Trump"),
                "dyad CHN USA": lambda: _queries.dyad(store, "CHN", "USA"),
                "search 'health care'": lambda: _queries.search(store, "health care"),
                "sql count quotes by outlet": lambda: store.query(
                    "SELECT a.source, count(*) FROM quotes q JOIN articles a"
                    " ON a.id = q.article_id GROUP BY 1"
                ),
            }
            report["articles"] = counts["articles"]
            report["quotes"] = counts["quotes"]
            report["search_index_current"] = store.search_current()
            report["corpus_actors_current"] = store.actors_current()
            report["latency"] = {name: _time(query, args.repeat) for name, query in queries.items()}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
