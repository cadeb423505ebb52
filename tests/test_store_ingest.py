"""Corpus ingest: failures recorded and the run goes on, re-runs add nothing, and a run killed
(SIGKILL) or interrupted (Ctrl-C) halfway and restarted stores exactly what an uninterrupted run
stores."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.pipeline import PipelineOptions
from newsgraph.store import Store
from newsgraph.store import _ingest as _ingest_module
from newsgraph.store._ingest import IngestOptions, estimate_documents, ingest

NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")

# Twelve short, distinct articles: enough for six chunks of two.
_TOPICS = (
    "fishing quotas",
    "a rail strike",
    "grain exports",
    "a port expansion",
    "water rationing",
    "a power outage",
    "bus fares",
    "a bridge closure",
    "school meals",
    "a ferry contract",
    "air pollution",
    "a housing plan",
)


def _corpus_lines() -> list[str]:
    lines = []
    for number, topic in enumerate(_TOPICS):
        text = (
            f"Officials in the city of Tarvik announced new rules on {topic} on Monday,"
            f" the council said in a statement. Mayor Ilse Brandt said the decision on {topic}"
            f' was overdue. "We cannot wait any longer on {topic}," Brandt told reporters.'
        )
        lines.append(
            json.dumps(
                {
                    "url": f"https://example.com/tarvik/{number}",
                    "title": f"Tarvik acts on {topic}",
                    "published": f"2025-08-{number + 1:02d}",
                    "source": "Tarvik Times",
                    "text": text,
                }
            )
        )
    return lines


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    folder.mkdir()
    lines = _corpus_lines()
    (folder / "articles.jsonl").write_text("\n".join([*lines, "{not json"]) + "\n")
    (folder / "empty.txt").write_text("")
    return folder


def _counts(db: Path) -> dict[str, int]:
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
    counts.pop("runs")
    return counts


def _ingest(paths: list[str], db: Path, workers: int = 1) -> None:
    with Store.open(db) as store:
        ingest(
            paths,
            store,
            pipeline_options=PipelineOptions(batch_size=2),
            options=IngestOptions(workers=workers, chunk_size=2),
        )


@pytest.fixture
def reference_counts(corpus_dir: Path, tmp_path: Path) -> dict[str, int]:
    db = tmp_path / "reference.duckdb"
    _ingest([str(corpus_dir)], db)
    return _counts(db)


def test_failed_documents_are_recorded_with_path_and_reason_and_the_run_goes_on(
    corpus_dir, tmp_path, reference_counts
):
    db = tmp_path / "reference.duckdb"
    with Store.open(db, read_only=True) as store:
        failures = store.query(
            "SELECT origin_path, origin_record, stage, reason FROM failures ORDER BY origin_path"
        ).to_pylist()

    assert reference_counts["articles"] == len(_TOPICS)
    assert len(failures) == 2
    assert failures[0]["origin_path"].endswith("articles.jsonl")
    assert failures[0]["origin_record"] == len(_TOPICS)
    assert failures[1]["origin_path"].endswith("empty.txt")
    assert all(failure["reason"] for failure in failures)


def test_ingesting_the_same_input_again_adds_no_rows(corpus_dir, tmp_path, reference_counts):
    db = tmp_path / "reference.duckdb"

    _ingest([str(corpus_dir)], db)

    assert _counts(db) == reference_counts
    with Store.open(db, read_only=True) as store:
        runs = store.query("SELECT articles_added, status FROM runs ORDER BY started_at")
    assert runs.to_pylist()[-1] == {"articles_added": 0, "status": "completed"}


def test_two_worker_processes_store_what_one_process_stores(corpus_dir, tmp_path, reference_counts):
    db = tmp_path / "pool.duckdb"

    _ingest([str(corpus_dir)], db, workers=2)

    assert _counts(db) == reference_counts


def test_the_number_of_documents_is_estimated_for_line_files(corpus_dir):
    assert estimate_documents([str(corpus_dir)]) == len(_TOPICS) + 1 + 1


def _run_until(db: Path, corpus_dir: Path, stop_after: int, sig: signal.Signals) -> int:
    """Run `newsgraph ingest` and send ``sig`` once ``stop_after`` documents are stored."""
    command = [NEWSGRAPH, "-v", "ingest", str(corpus_dir), "--db", str(db), "--workers", "1"]
    command += ["--batch-size", "2"]
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as child:
        assert child.stderr is not None
        for line in child.stderr:
            if "stored a chunk" in line and int(line.split("(")[1].split()[0]) >= stop_after:
                child.send_signal(sig)
                break
        child.stderr.read()
        return child.wait(timeout=120)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["killed", "ctrl-c"])
def test_an_ingest_stopped_halfway_and_restarted_stores_the_same_rows(
    corpus_dir, tmp_path, reference_counts, sig
):
    db = tmp_path / "stopped.duckdb"

    code = _run_until(db, corpus_dir, stop_after=6, sig=sig)

    assert code == (-signal.SIGKILL if sig == signal.SIGKILL else 130)
    partial = _counts(db)
    assert 0 < partial["articles"] < reference_counts["articles"]
    restarted = subprocess.run(
        [NEWSGRAPH, "ingest", str(corpus_dir), "--db", str(db), "--workers", "1", "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert restarted.returncode == 0, restarted.stderr
    assert _counts(db) == reference_counts
    with Store.open(db, read_only=True) as store:
        statuses = store.query("SELECT status FROM runs ORDER BY started_at").column(0)
    expected_first = "running" if sig == signal.SIGKILL else "interrupted"
    assert statuses.to_pylist() == [expected_first, "completed"]


def test_a_restart_skips_stored_documents_without_parsing_them(corpus_dir, tmp_path, monkeypatch):
    db = tmp_path / "skip.duckdb"
    _ingest([str(corpus_dir)], db)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored document was sent to the pipeline")

    monkeypatch.setattr(_ingest_module, "Pipeline", no_parsing)
    with Store.open(db) as store:
        stats = ingest(
            [str(corpus_dir)],
            store,
            pipeline_options=PipelineOptions(batch_size=2),
            options=IngestOptions(workers=1, chunk_size=2),
        )

    assert stats.skipped == len(_TOPICS)
    assert stats.documents == 2  # the two reader failures: re-read (cheap), stored once
    assert _counts(db)["failures"] == 2
