"""Cost of the amounts extractor against spaCy's parse of the same articles.

    python bench/bench_amounts.py --data ../shared/evaldata/bbc-news [--limit 100]

Parses the articles once with ``nlp.pipe`` (timed), runs the actors extractor (untimed: amounts
reads its entities), then times ``extract_amounts`` on every parsed article, best of
``--rounds``. Prints both totals, the per-article cost and the share of the parse time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgraph import Pipeline
from newsgraph.extract import extract_actors, extract_amounts
from newsgraph.ingest import decode_bytes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p for p in args.data.rglob("*.txt") if p.name != "README.TXT")
    files = files[:: max(1, len(files) // args.limit)][: args.limit]
    texts = [decode_bytes(p.read_bytes())[0] for p in files]
    pipeline = Pipeline()
    started = time.perf_counter()
    docs = list(pipeline.nlp.pipe(texts, batch_size=32))
    parse_seconds = time.perf_counter() - started
    entities = [extract_actors(doc) for doc in docs]
    best = float("inf")
    found = 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        found = sum(
            len(extract_amounts(doc, ents)) for doc, ents in zip(docs, entities, strict=True)
        )
        best = min(best, time.perf_counter() - started)
    print(f"bench_amounts on {len(docs)} articles from {args.data}: {found} amounts")
    print(
        f"  spaCy parse      : {parse_seconds:7.3f} s"
        f"  ({1000 * parse_seconds / len(docs):.1f} ms/article)"
    )
    print(f"  extract_amounts  : {best:7.3f} s  ({1000 * best / len(docs):.2f} ms/article)")
    print(f"  share of parse   : {100 * best / parse_seconds:.2f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
