"""Ingest throughput and memory: run `newsgraph ingest` on a JSON Lines slice and measure.

    python bench/bench_ingest.py --data ../shared/evaldata/allsides/articles.jsonl \
        --limit 6000 --db /tmp/allsides.duckdb [--workers 2] [--kill-at 0.5]

Prints wall time, articles/s, peak memory of the whole process tree (sampled every 0.2 s), the
database size and row counts. ``--kill-at F`` SIGKILLs the run once a fraction F of the slice is
stored (read from its -v log) and restarts it, to check the resumed counts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from newsgraph.store import Store

SAMPLE_SECONDS = 0.2


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def run(command: list[str], kill_after: int | None) -> tuple[float, int, bool]:
    """Run the ingest; return wall seconds, peak tree RSS, and whether it was killed."""
    started = time.monotonic()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    handle = psutil.Process(child.pid)
    peak = 0
    killed = False
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                peak = max(peak, _tree_rss(handle))
            except psutil.Error:
                return
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert child.stderr is not None
    for line in child.stderr:
        if "stored a chunk" in line and kill_after is not None:
            done = int(line.split("(")[1].split()[0])
            if done >= kill_after:
                os.killpg(child.pid, signal.SIGKILL)
                killed = True
                break
        elif "stored a chunk" not in line:
            sys.stderr.write(line)
    child.wait()
    stop.set()
    sampler.join()
    return time.monotonic() - started, peak, killed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=6000)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--kill-at", type=float, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        slice_path = Path(folder) / "slice.jsonl"
        with args.data.open(encoding="utf-8") as source, slice_path.open("w") as target:
            for number, line in enumerate(source):
                if number >= args.limit:
                    break
                target.write(line)
        command = [str(Path(sys.executable).parent / "newsgraph"), "-v", "ingest", str(slice_path)]
        command += ["--db", str(args.db), "-q"]
        if args.workers:
            command += ["--workers", str(args.workers)]
        results = {}
        kill_after = int(args.limit * args.kill_at) if args.kill_at else None
        seconds, peak, killed = run(command, kill_after)
        results["first_run"] = {"seconds": round(seconds, 1), "peak_rss_mb": peak // 2**20}
        if killed:
            with Store.open(args.db, read_only=True) as store:
                results["after_kill"] = store.counts()
            seconds, peak, _ = run(command, None)
            results["resumed_run"] = {"seconds": round(seconds, 1), "peak_rss_mb": peak // 2**20}
        with Store.open(args.db, read_only=True) as store:
            results["counts"] = store.counts()
        results["db_mb"] = round(args.db.stat().st_size / 2**20, 1)
        first_seconds = results["first_run"]["seconds"]
        results["articles_per_second_first_run"] = round(args.limit / first_seconds, 2)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
