"""Corpus ingest: read documents as a stream, analyse them on every core, store each batch.

The main process reads the input (cheap), skips documents the store already holds (by
``doc_key``: raw body, container metadata and the analysis settings), and hands chunks of the
rest to worker processes, each of which loads the spaCy pipeline once. At most
``in_flight`` chunks are out at any time, so memory stays flat however large the input. Each
finished chunk is written in one transaction: an ingest that is killed loses at most the chunks
that were being analysed, and a restart skips everything already committed.

With ``workers=1`` everything runs in the calling process (no pool).
"""

from __future__ import annotations

import concurrent.futures as futures
import hashlib
import json
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsgraph._version import __version__
from newsgraph.clean import EXTRACTOR as CLEAN_EXTRACTOR
from newsgraph.extract._actor_dictionary import dictionary_paths
from newsgraph.extract._event_lexicon import LEXICON_ENV
from newsgraph.ingest import (
    IngestReport,
    _suffix_format,  # the same file filter as ingest's own walk
    detect_format,
    iter_documents,
)
from newsgraph.pipeline import DEFAULT_EXTRACTORS, Pipeline, PipelineOptions
from newsgraph.records import Article, Failure, RawDocument
from newsgraph.store._store import RunInfo, Store

logger = logging.getLogger(__name__)

# Documents per chunk handed to a worker: one spaCy batch (the pipeline's default batch size).
DEFAULT_CHUNK_SIZE = 32
# Chunks out per worker: one being parsed, one waiting, so no worker idles while results are
# written; more only costs memory.
CHUNKS_PER_WORKER = 2
# How often a worker checks that the process that started it is still alive, in seconds.
PARENT_CHECK_SECONDS = 1.0


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    workers: int = field(default_factory=default_workers)
    chunk_size: int = DEFAULT_CHUNK_SIZE
    build_search_index: bool = True


@dataclass(slots=True)
class IngestStats:
    """Running totals of an ingest, passed to the progress callback after every chunk."""

    total: int | None = None
    documents: int = 0
    skipped: int = 0
    articles_added: int = 0
    articles_present: int = 0
    failures: int = 0
    started: float = field(default_factory=time.monotonic)
    run_id: str | None = None

    @property
    def done(self) -> int:
        return self.documents + self.skipped


def extractor_names() -> tuple[str, ...]:
    return (CLEAN_EXTRACTOR, *(extractor.name for extractor in DEFAULT_EXTRACTORS))


def user_data_files() -> list[list[str]]:
    """[file name, sha256] of each user file the extractors read: the event lexicon additions
    (``$NEWSGRAPH_EVENT_LEXICON``) and actor dictionaries (``$NEWSGRAPH_ACTOR_DICTIONARY``)."""
    named = os.environ.get(LEXICON_ENV, "").split(os.pathsep)
    paths = [Path(p) for p in named if p.strip()] + list(dictionary_paths())
    found = []
    for path in paths:
        try:
            found.append([path.name, hashlib.sha256(path.read_bytes()).hexdigest()])
        except OSError:
            found.append([path.name, "unreadable"])
    return found


def analysis_settings(options: PipelineOptions) -> dict[str, object]:
    """What decides an article's records besides its input: model, extractors, limits, and the
    user's lexicon and dictionary files (so that changing one analyses documents again)."""
    settings: dict[str, object] = {
        "model": options.model,
        "extractors": list(extractor_names()),
        "max_chars": options.max_chars,
        "max_bytes": options.max_bytes,
    }
    user_files = user_data_files()
    if user_files:  # left out when empty, so stores built without any keep their keys
        settings["user_files"] = user_files
    return settings


def doc_key(raw: RawDocument, settings_hash: str) -> str:
    """Key of an input document under given analysis settings (what a restart skips by).

    Content only — body, container metadata, media type — not the path: the same document
    moved, renamed or read from a copy of the input is known, and is not parsed again.
    """
    digest = hashlib.sha256()
    header = json.dumps(
        [
            settings_hash,
            raw.media_type,
            raw.url,
            raw.title,
            raw.published,
            raw.source,
            list(raw.authors),
        ],
        ensure_ascii=False,
    )
    digest.update(header.encode("utf-8"))
    digest.update(b"\0")
    digest.update(raw.body.encode("utf-8", errors="surrogatepass"))
    return digest.hexdigest()[:32]


def estimate_documents(paths: Sequence[str]) -> int | None:
    """Documents under ``paths`` when cheap to count (text, HTML, JSON Lines), else None."""
    total = 0
    for path in paths:
        candidate = Path(path)
        if candidate.is_dir():
            files = [
                p
                for p in candidate.rglob("*")
                if p.is_file()
                and _suffix_format(p.name) is not None
                and not any(part.startswith(".") for part in p.relative_to(candidate).parts)
            ]
        elif candidate.is_file():
            files = [candidate]
        else:
            return None
        for file in files:
            name = file.name.lower()
            fmt = detect_format(name, b"")
            if name.endswith(".gz") or fmt in ("warc", "feed"):
                return None
            if fmt == "jsonl":
                with file.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                total += 1
    return total


# --- worker side ----------------------------------------------------------------------------

_worker_pipeline: Pipeline | None = None


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:  # the ingest was killed: do not linger as an orphan
            os._exit(1)


def _init_worker(options: PipelineOptions, parent: int) -> None:
    global _worker_pipeline
    # Ctrl-C is handled by the main process, which stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _worker_pipeline = Pipeline(options)


def _analyse_chunk(raws: list[RawDocument]) -> list[Article | Failure]:
    assert _worker_pipeline is not None, "worker not initialised"
    return list(_worker_pipeline.run(raws))


# --- main side ------------------------------------------------------------------------------

Chunk = list[tuple[str | None, RawDocument | Failure]]


def _chunks(
    items: Iterable[RawDocument | Failure], settings_hash: str, size: int
) -> Iterator[Chunk]:
    chunk: Chunk = []
    for item in items:
        key = doc_key(item, settings_hash) if isinstance(item, RawDocument) else None
        chunk.append((key, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(
    paths: Sequence[str],
    store: Store,
    *,
    pipeline_options: PipelineOptions | None = None,
    options: IngestOptions | None = None,
    progress: Callable[[IngestStats], None] | None = None,
    report: IngestReport | None = None,
) -> IngestStats:
    """Analyse every document under ``paths`` into ``store``; returns the totals.

    Documents already stored under the same settings are skipped before parsing. A
    KeyboardInterrupt stops the run after the last committed chunk (the run is recorded as
    ``interrupted``) and is raised again; a StoreError ends it the same way.
    """
    pipeline_options = pipeline_options or PipelineOptions()
    options = options or IngestOptions()
    settings = analysis_settings(pipeline_options)
    settings_hash = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:16]
    stats = IngestStats(total=estimate_documents(paths))
    info = RunInfo(
        newsgraph=__version__,
        model=pipeline_options.model,
        extractors=extractor_names(),
        config={**asdict(pipeline_options), "workers": options.workers},
        inputs=tuple(paths),
    )
    run_id = store.begin_run(info)
    stats.run_id = run_id
    documents = iter_documents(paths, max_bytes=pipeline_options.max_bytes, report=report)
    chunks = _chunks(documents, settings_hash, options.chunk_size)
    status = "failed"
    try:
        if options.workers <= 1:
            _run_inline(chunks, store, pipeline_options, run_id, stats, progress)
        else:
            _run_pool(chunks, store, pipeline_options, options, run_id, stats, progress)
        status = "completed"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        store.finish_run(run_id, status)
    store.rebuild_actors()
    store.rebuild_duplicates()
    store.rebuild_event_clusters()
    if options.build_search_index:
        store.rebuild_search_index()
    return stats


def _split_known(
    chunk: Chunk, store: Store, stats: IngestStats
) -> tuple[list[tuple[str | None, RawDocument]], list[Failure]]:
    """The chunk's documents still to analyse, and its reader failures (stored as they are)."""
    known = store.known_documents([key for key, _ in chunk if key is not None])
    todo: list[tuple[str | None, RawDocument]] = []
    failures: list[Failure] = []
    for key, item in chunk:
        if isinstance(item, Failure):
            failures.append(item)
        elif key in known:
            stats.skipped += 1
        else:
            todo.append((key, item))
    return todo, failures


def _store_results(
    store: Store,
    keys: Sequence[str | None],
    results: Sequence[Article | Failure],
    run_id: str,
    stats: IngestStats,
    progress: Callable[[IngestStats], None] | None,
) -> None:
    if results:
        written = store.write(results, doc_keys=keys, run_id=run_id)
        stats.documents += len(results)
        stats.articles_added += written.articles_added + written.articles_replaced
        stats.articles_present += written.articles_present
        stats.failures += sum(isinstance(item, Failure) for item in results)
        logger.info(
            "stored a chunk of %d documents (%d analysed so far, %d skipped)",
            len(results),
            stats.documents,
            stats.skipped,
        )
    if progress is not None:
        progress(stats)


def _run_inline(
    chunks: Iterator[Chunk],
    store: Store,
    pipeline_options: PipelineOptions,
    run_id: str,
    stats: IngestStats,
    progress: Callable[[IngestStats], None] | None,
) -> None:
    pipeline: Pipeline | None = None
    for chunk in chunks:
        todo, failures = _split_known(chunk, store, stats)
        results: list[Article | Failure] = list(failures)
        keys: list[str | None] = [None] * len(failures)
        if todo:
            pipeline = pipeline or Pipeline(pipeline_options)
            results += list(pipeline.run([raw for _, raw in todo]))
            keys += [key for key, _ in todo]
        _store_results(store, keys, results, run_id, stats, progress)


def _run_pool(
    chunks: Iterator[Chunk],
    store: Store,
    pipeline_options: PipelineOptions,
    options: IngestOptions,
    run_id: str,
    stats: IngestStats,
    progress: Callable[[IngestStats], None] | None,
) -> None:
    # spawn, not fork: the main process holds an open DuckDB connection and threads.
    context = multiprocessing.get_context("spawn")
    executor = futures.ProcessPoolExecutor(
        max_workers=options.workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(pipeline_options, os.getpid()),
    )
    pending: dict[futures.Future[list[Article | Failure]], list[str | None]] = {}
    limit = options.workers * CHUNKS_PER_WORKER

    def collect() -> None:
        done, _ = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
        for future in done:
            keys = pending.pop(future)
            _store_results(store, keys, future.result(), run_id, stats, progress)

    try:
        for chunk in chunks:
            todo, failures = _split_known(chunk, store, stats)
            if failures:
                _store_results(store, [None] * len(failures), failures, run_id, stats, progress)
            if not todo:
                if progress is not None:
                    progress(stats)
                continue
            raws = [raw for _, raw in todo]
            pending[executor.submit(_analyse_chunk, raws)] = [key for key, _ in todo]
            while len(pending) >= limit:
                collect()
        while pending:
            collect()
    except BaseException:
        # Stop at once: queued chunks are dropped and running ones are not waited for (they
        # were not committed, so a restart redoes them).
        executor.shutdown(wait=False, cancel_futures=True)
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        raise
    executor.shutdown(wait=True)
