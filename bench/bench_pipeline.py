"""Throughput of the whole analyze pipeline against spaCy's parse alone, in one run.

    python bench/bench_pipeline.py --data ../shared/evaldata/bbc-news [--limit 200] [--no-blis]

(a) ``nlp.pipe`` on the decoded article texts, (b) ``Pipeline.run`` from the same files
(ingest, clean, language id, parse, extract). Both legs see the same articles, after a warm-up,
and are run alternately ``--rounds`` times; the best round of each counts (the machine is
noisy). The figure to watch is the ratio b/a: the share of spaCy's speed the pipeline keeps.
Without ``--data`` (or when it does not exist) the demo corpus is used, repeated.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsgraph import Article, Pipeline, PipelineOptions, iter_documents
from newsgraph.ingest import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = (".txt", ".html", ".htm")


def _files(data: Path | None, limit: int) -> list[Path]:
    if data is not None and data.exists():
        files = sorted(p for p in data.rglob("*.txt") if p.name != "README.TXT")
        # Spread the sample over the folders (BBC sorts by topic).
        step = max(1, len(files) // limit)
        return files[::step][:limit]
    demo = sorted(
        p
        for p in (ROOT / "examples").rglob("*")
        if p.suffix in TEXT_SUFFIXES and "src" not in p.parts
    )
    return (demo * (limit // max(1, len(demo)) + 1))[:limit]


def _spacy_leg(pipeline: Pipeline, texts: list[str], batch_size: int) -> float:
    started = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def _pipeline_leg(pipeline: Pipeline, paths: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    analysed = sum(isinstance(item, Article) for item in pipeline.run(iter_documents(paths)))
    return time.perf_counter() - started, analysed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-blis", action="store_true", help="thinc NumpyOps without BLIS")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args()

    files = _files(args.data, args.limit)
    paths = [str(p) for p in files]
    texts = [decode_bytes(p.read_bytes())[0] for p in files]
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline(
        PipelineOptions(batch_size=args.batch_size, use_blis=False if args.no_blis else None)
    )
    _pipeline_leg(pipeline, paths[:8])  # warm-up: models, caches, lingua
    spacy_best = pipeline_best = float("inf")
    analysed = 0
    for _ in range(args.rounds):
        spacy_best = min(spacy_best, _spacy_leg(pipeline, texts, args.batch_size))
        seconds, analysed = _pipeline_leg(pipeline, paths)
        pipeline_best = min(pipeline_best, seconds)
    result = {
        "articles": len(files),
        "analysed": analysed,
        "words": words,
        "model": pipeline.model,
        "blis": not args.no_blis,
        "spacy_articles_per_s": round(len(files) / spacy_best, 2),
        "spacy_words_per_s": round(words / spacy_best),
        "pipeline_articles_per_s": round(len(files) / pipeline_best, 2),
        "pipeline_words_per_s": round(words / pipeline_best),
        "ratio_pipeline_over_spacy": round(spacy_best / pipeline_best, 3),
    }
    source = args.data if args.data is not None and args.data.exists() else "demo corpus"
    print(f"bench_pipeline on {len(files)} articles ({words:,} words) from {source}")
    print(
        f"  (a) spaCy nlp.pipe alone : {result['spacy_articles_per_s']:7.2f} articles/s"
        f"  {result['spacy_words_per_s']:8,} words/s"
    )
    print(
        f"  (b) newsgraph pipeline   : {result['pipeline_articles_per_s']:7.2f} articles/s"
        f"  {result['pipeline_words_per_s']:8,} words/s"
    )
    print(
        f"  ratio b/a                : {result['ratio_pipeline_over_spacy']:.3f}  (target >= 0.85)"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
