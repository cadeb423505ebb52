"""The quality gate: run every evaluation whose gold data is present and compare each score with
its floor in ``quality-floors.toml``. A score under its floor fails the gate.

Raising a floor is a normal commit: measure, then pin the new figure (minus run-to-run noise).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsgraph.eval.extraction import evaluate_extraction


@dataclass(frozen=True, slots=True, kw_only=True)
class GateResult:
    evaluation: str
    metric: str
    score: float
    floor: float

    @property
    def passed(self) -> bool:
        return self.score >= self.floor


def _extraction(data: Path) -> dict[str, float]:
    scores, _ = evaluate_extraction(data)
    ours = next(s for s in scores if s.system == "newsgraph")
    return {"f1": ours.f1, "precision": ours.precision, "recall": ours.recall}


def _polnear(data: Path) -> dict[str, float]:
    from newsgraph.eval.polnear import evaluate_polnear
    from newsgraph.pipeline import Pipeline

    score = evaluate_polnear(data, Pipeline(), split="dev")
    return {
        "content_f1": score.overall.f1,
        "content_precision": score.overall.precision,
        "content_recall": score.overall.recall,
        "source_accuracy": score.overall.source_accuracy,
        "direct_f1": score.direct.f1,
        "direct_source_accuracy": score.direct.source_accuracy,
        "indirect_f1": score.indirect.f1,
        "indirect_source_accuracy": score.indirect.source_accuracy,
    }


def _timebank(data: Path) -> dict[str, float]:
    from newsgraph.eval.timebank import dates_pipeline, evaluate_timebank

    score = evaluate_timebank(data, dates_pipeline())
    return {
        "strict_f1": score.strict_f1,
        "relaxed_f1": score.relaxed_f1,
        "relaxed_precision": score.relaxed_precision,
        "relaxed_recall": score.relaxed_recall,
        "value_accuracy": score.value_accuracy,
    }


def _geoparsing(data: Path) -> dict[str, float]:
    from newsgraph.eval.geoparsing import evaluate_geoparsing
    from newsgraph.pipeline import Pipeline

    scores = evaluate_geoparsing(data, Pipeline())
    return {
        f"{corpus}_{metric}": value
        for corpus, score in scores.items()
        for metric, value in (
            ("f1", score.f1),
            ("precision", score.precision),
            ("recall", score.recall),
            ("accuracy_161km", score.accuracy_161),
        )
    }


def _plover(data: Path) -> dict[str, float]:
    from newsgraph.eval.plover import evaluate_plover
    from newsgraph.pipeline import Pipeline

    score = evaluate_plover(data, Pipeline())
    return {
        "type_accuracy": score.type_accuracy.value,
        "source_text_accuracy": score.source_text.value,
        "source_country_accuracy": score.source_country.value,
        "target_text_accuracy": score.target_text.value,
        "target_country_accuracy": score.target_country.value,
    }


# The Phoenix actor dictionaries (MIT, Open Event Data Alliance) of the PETRARCH2 folder.
PHOENIX_DICTIONARIES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)


def _plover_with_dictionaries(data: Path) -> dict[str, float]:
    """PLOVER scored with the Phoenix actor dictionaries of ``../petrarch2/dictionaries`` given
    as the user's dictionaries (what ``--actor-dictionary`` does); nothing when absent."""
    import os

    from newsgraph.extract._actor_dictionary import DICTIONARY_ENV

    folder = data.parent / "petrarch2" / "dictionaries"
    paths = [folder / name for name in PHOENIX_DICTIONARIES]
    if not all(path.is_file() for path in paths):
        return {}
    before = os.environ.get(DICTIONARY_ENV)
    os.environ[DICTIONARY_ENV] = os.pathsep.join(str(path) for path in paths)
    try:
        return _plover(data)
    finally:
        if before is None:
            del os.environ[DICTIONARY_ENV]
        else:
            os.environ[DICTIONARY_ENV] = before


# evaluation name → (folder under the evaldata root, function returning metric → score)
EVALUATIONS: dict[str, tuple[str, Callable[[Path], dict[str, float]]]] = {
    "extraction": ("article-extraction-benchmark", _extraction),
    "polnear": ("polnear", _polnear),
    "timebank": ("timebank", _timebank),
    "geoparsing": ("geoparsing", _geoparsing),
    "plover": ("plover", _plover),
    "plover_dictionaries": ("plover", _plover_with_dictionaries),
}


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    floors = tomllib.loads(path.read_text("utf-8"))
    return {name: {k: float(v) for k, v in table.items()} for name, table in floors.items()}


def run_gate(evaldata: Path, floors_file: Path) -> tuple[list[GateResult], list[str]]:
    """Results for every floor whose data is present, and notes on what could not be run."""
    floors = load_floors(floors_file)
    results: list[GateResult] = []
    notes: list[str] = []
    for name, metrics in floors.items():
        if name not in EVALUATIONS:
            notes.append(f"{name}: no such evaluation (floors file names it)")
            continue
        folder, evaluate = EVALUATIONS[name]
        if not (evaldata / folder).is_dir():
            notes.append(f"{name}: {evaldata / folder} not found, not run")
            continue
        scores = evaluate(evaldata / folder)
        for metric, floor in metrics.items():
            if metric not in scores:
                notes.append(f"{name}.{metric}: evaluation gives no such metric")
                continue
            results.append(
                GateResult(evaluation=name, metric=metric, score=scores[metric], floor=floor)
            )
    return results, notes
