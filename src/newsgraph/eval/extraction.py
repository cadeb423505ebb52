"""HTML cleaning scored on the article-extraction benchmark (scrapinghub, 181 pages).

The metric is the benchmark's own (its ``evaluate.py``): texts are tokenised as ``\\w+``,
compared as multisets of 4-token shingles; TP/FP/FN are normalised per page so that long pages
do not weigh more; precision and recall are averaged over pages and F1 is computed from the two
averages. ``accuracy`` is the share of pages whose token sequence matches exactly. Every other
system's stored output is scored by the same code in the same run, so the figures compare.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from newsgraph.clean import clean_document
from newsgraph.errors import InputError
from newsgraph.ingest import decode_bytes
from newsgraph.ingest._encoding import declared_html_charset
from newsgraph.records import Origin, RawDocument

SHINGLE_SIZE = 4
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 13
_TOKEN = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionScore:
    system: str
    pages: int
    f1: float
    precision: float
    recall: float
    accuracy: float
    f1_ci: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "pages": self.pages,
            "f1": round(self.f1, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "accuracy": round(self.accuracy, 4),
            "f1_ci": round(self.f1_ci, 4),
        }


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def _shingles(tokens: list[str]) -> Counter[tuple[str, ...]]:
    grams = (
        tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(max(1, len(tokens) - SHINGLE_SIZE + 1))
    )
    return Counter(g for g in grams if g)


def shingle_counts(true: str, pred: str) -> Counts:
    """Normalised (TP, FP, FN) of one page's shingles."""
    gold, guess = _shingles(_tokens(true)), _shingles(_tokens(pred))
    tp = float(sum((gold & guess).values()))
    fp = float(sum((guess - gold).values()))
    fn = float(sum((gold - guess).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def prf(counts: list[Counts]) -> tuple[float, float, float]:
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_system(system: str, gold: dict[str, str], predicted: dict[str, str]) -> ExtractionScore:
    keys = sorted(gold)
    counts = [shingle_counts(gold[k], predicted.get(k, "")) for k in keys]
    precision, recall, f1 = prf(counts)
    exact = sum(_tokens(gold[k]) == _tokens(predicted.get(k, "")) for k in keys) / len(keys)
    rng = random.Random(BOOTSTRAP_SEED)
    samples = []
    for _ in range(BOOTSTRAP_SAMPLES):
        sample = [counts[rng.randrange(len(counts))] for _ in counts]
        samples.append(prf(sample)[2])
    return ExtractionScore(
        system=system,
        pages=len(keys),
        f1=f1,
        precision=precision,
        recall=recall,
        accuracy=exact,
        f1_ci=1.96 * statistics.stdev(samples),
    )


def _load_outputs(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text("utf-8"))
    if isinstance(data, dict) and "output" in data and isinstance(data["output"], dict):
        data = data["output"]
    return {key: (value or {}).get("articleBody") or "" for key, value in data.items()}


def newsgraph_text(html_bytes: bytes, name: str) -> str:
    """What newsgraph keeps as the article's clean text for one page ("" when it gives up)."""
    try:
        html, encoding = decode_bytes(html_bytes, declared=declared_html_charset(html_bytes))
        raw = RawDocument(
            origin=Origin(path=name, format="html"),
            body=html,
            media_type="text/html",
            encoding=encoding,
        )
        return clean_document(raw).text
    except InputError:
        return ""


def evaluate_extraction(
    data: Path, *, progress: Callable[[Iterable[str]], Iterable[str]] = lambda keys: keys
) -> tuple[list[ExtractionScore], float]:
    """Score newsgraph and every stored system output; return scores (best first) and pages/s."""
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    gold = {key: value.get("articleBody") or "" for key, value in truth.items()}
    predicted: dict[str, str] = {}
    started = time.perf_counter()
    for key in progress(sorted(gold)):
        page = data / "html" / f"{key}.html"
        predicted[key] = newsgraph_text(page.read_bytes(), str(page)) if page.exists() else ""
    pages_per_second = len(gold) / (time.perf_counter() - started)
    scores = [score_system("newsgraph", gold, predicted)]
    # Plain trafilatura with its defaults, run here: its stored output is not in the snapshot,
    # and this shows what newsgraph's own cleaning adds or costs on top of it.
    baseline = {}
    for key in sorted(gold):
        page = data / "html" / f"{key}.html"
        html = page.read_text("utf-8", errors="replace") if page.exists() else ""
        baseline[key] = trafilatura.extract(html) or ""
    scores.append(score_system(f"trafilatura-{trafilatura.__version__} (run here)", gold, baseline))
    for path in sorted((data / "output").glob("*.json")):
        outputs = _load_outputs(path)
        if set(outputs) >= set(gold):
            scores.append(score_system(path.stem, gold, outputs))
    scores.sort(key=lambda s: s.f1, reverse=True)
    return scores, pages_per_second
