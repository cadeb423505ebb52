"""The corpus commands of ``newsgraph``: ``ingest``, ``query …``, ``sql`` and ``export``.

Thin: each command turns its arguments into a call of :mod:`newsgraph.store` and renders the
Arrow table it gets back (``--json``, ``--jsonl``, ``--csv`` or the default ``--table``).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import pyarrow as pa
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsgraph.clean import DEFAULT_MAX_CHARS
from newsgraph.errors import ConfigError, StoreError
from newsgraph.extract._actor_dictionary import use_dictionaries
from newsgraph.ingest import DEFAULT_MAX_BYTES, IngestReport
from newsgraph.pipeline import PipelineOptions
from newsgraph.store import Store, _queries
from newsgraph.store._export import ExportFormat, export
from newsgraph.store._ingest import IngestOptions, IngestStats, default_workers, ingest
from newsgraph.store._render import ResultFormat, write_result

query_app = typer.Typer(
    help="Canned questions to a corpus database (see also `newsgraph sql`).",
    no_args_is_help=True,
)

stderr = Console(stderr=True)
DEFAULT_DB = "corpus.duckdb"


def _default_db() -> Path:
    return Path(os.environ.get("NEWSGRAPH_DB", DEFAULT_DB))


DbOption = Annotated[
    Path,
    typer.Option("--db", help="Corpus database file (default: $NEWSGRAPH_DB or corpus.duckdb)."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
JsonlFlag = Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV with a header.")]
TableFlag = Annotated[bool, typer.Option("--table", help="Print a table (the default).")]
SinceOption = Annotated[str | None, typer.Option(help="From this date on (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
LimitOption = Annotated[int, typer.Option(min=1, help="At most this many rows.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    stderr.print(f"newsgraph: {message}", style="red", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _format(json_: bool, jsonl: bool, csv: bool, table: bool) -> ResultFormat:
    chosen = [
        fmt
        for fmt, flag in (
            (ResultFormat.json, json_),
            (ResultFormat.jsonl, jsonl),
            (ResultFormat.csv, csv),
            (ResultFormat.table, table),
        )
        if flag
    ]
    if len(chosen) > 1:
        raise _fail("choose one of --json, --jsonl, --csv, --table")
    return chosen[0] if chosen else ResultFormat.table


def _open(db: Path | None, *, writable: bool = False) -> Store:
    try:
        return Store.open(db or _default_db(), read_only=not writable)
    except StoreError as error:
        raise _fail(str(error)) from None


def _show(table: pa.Table, fmt: ResultFormat) -> None:
    write_result(table, fmt, sys.stdout, Console())


# --- ingest ---------------------------------------------------------------------------------


class _IngestDisplay:
    """Rich progress: documents done (of the total when it can be counted), articles/s, ETA,
    failures so far, documents skipped because already stored."""

    def __init__(self, enabled: bool) -> None:
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.enabled = enabled

    def __call__(self, stats: IngestStats) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} articles/s"),
                TextColumn("[red]{task.fields[failures]} failed"),
                TextColumn("[dim]{task.fields[skipped]} already stored"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=stderr,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task(
                "ingest", total=stats.total, rate="—", failures=0, skipped=0
            )
        assert self.task is not None
        elapsed = max(time.monotonic() - stats.started, 1e-6)
        self.progress.update(
            self.task,
            completed=stats.done,
            total=max(stats.total, stats.done) if stats.total is not None else None,
            rate=f"{stats.documents / elapsed:.1f}",
            failures=stats.failures,
            skipped=stats.skipped,
        )

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


ActorDictionaryOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actor-dictionary",
        exists=True,
        dir_okay=False,
        help="A TABARI/PETRARCH actor dictionary (e.g. Phoenix.Countries.actors.txt) that gives"
        " actors the text leaves without a country their CAMEO code; repeatable.",
    ),
]


def use_actor_dictionaries(paths: list[Path] | None) -> None:
    if not paths:
        return
    try:
        use_dictionaries(paths)
    except ConfigError as error:
        raise _fail(str(error), 2) from None


def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (read recursively) or globs.")
    ],
    db: DbOption = Path(DEFAULT_DB),
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes (default: one per core; 1 = no pool)."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load by name.")] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Documents per spaCy batch and per worker chunk.")
    ] = 32,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest document read, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Largest clean text analysed, in characters.")
    ] = DEFAULT_MAX_CHARS,
    blis: Annotated[
        bool | None,
        typer.Option("--blis/--no-blis", help="Force thinc's BLIS kernels on or off."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
    actor_dictionary: ActorDictionaryOption = None,
) -> None:
    """Analyse documents into a corpus database; run it again to resume or add more.

    Documents already stored are skipped before parsing, so re-running on the same input adds
    nothing and an interrupted run continues where it stopped. Every document that cannot be
    analysed is recorded in the `failures` table with its reason; the run goes on.
    """
    use_actor_dictionaries(actor_dictionary)
    base = PipelineOptions()
    pipeline_options = PipelineOptions(
        model=model or base.model,
        batch_size=batch_size,
        use_blis=blis,
        max_bytes=max_bytes,
        max_chars=max_chars,
    )
    options = IngestOptions(workers=workers or default_workers(), chunk_size=batch_size)
    display = _IngestDisplay(enabled=not quiet and stderr.is_terminal)
    report = IngestReport()
    store = _open(db, writable=True)
    try:
        stats = ingest(
            paths,
            store,
            pipeline_options=pipeline_options,
            options=options,
            progress=display,
            report=report,
        )
    except KeyboardInterrupt:
        display.stop()
        store.close()
        raise _fail(
            "interrupted; every finished batch is stored — run the same command again to resume",
            130,
        ) from None
    except (StoreError, ConfigError) as error:
        display.stop()
        store.close()
        raise _fail(str(error)) from None
    display.stop()
    counts = store.counts()
    store.close()
    if not quiet:
        elapsed = time.monotonic() - stats.started
        rate = stats.documents / elapsed if elapsed > 0 else 0.0
        parts = [
            f"{stats.documents} documents analysed in {elapsed:.1f} s ({rate:.1f}/s)",
            f"{stats.articles_added} articles added",
        ]
        if stats.articles_present:
            parts.append(f"{stats.articles_present} analysed again but already stored")
        if stats.skipped:
            parts.append(f"{stats.skipped} skipped as already stored")
        if stats.failures:
            parts.append(f"{stats.failures} failed (see the failures table)")
        if report.skipped:
            parts.append(f"{len(report.skipped)} file(s) in no supported format passed over")
        stderr.print("newsgraph: " + ", ".join(parts), highlight=False)
        stderr.print(
            f"newsgraph: {db} now holds {counts['articles']} articles, {counts['quotes']}"
            f" quotes, {counts['events']} events, {counts['failures']} failures",
            highlight=False,
        )


# --- query ----------------------------------------------------------------------------------


@query_app.command("quotes")
def query_quotes(
    db: DbOption = Path(DEFAULT_DB),
    speaker: Annotated[
        str | None, typer.Option(help="Name (or part: 'Rubio'), or a country.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name contains this.")] = None,
    text: Annotated[str | None, typer.Option(help="Quote text contains this.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = _queries.DEFAULT_LIMIT,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """Quotes with speaker, kind and source article, oldest first."""
    fmt = _format(json_, jsonl, csv, table)
    _answer(
        db,
        fmt,
        lambda store: _queries.quotes(
            store,
            speaker=speaker,
            outlet=outlet,
            text=text,
            since=since,
            until=until,
            limit=limit,
        ),
    )


@query_app.command("events")
def query_events(
    db: DbOption = Path(DEFAULT_DB),
    source: Annotated[str | None, typer.Option(help="Source actor: code, country or name.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor: code, country or name.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Event type (PLOVER, e.g. ACCUSE).")
    ] = None,
    quad_class: Annotated[str | None, typer.Option(help="Quad class.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = _queries.DEFAULT_LIMIT,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """Coded events between actors, oldest first."""
    fmt = _format(json_, jsonl, csv, table)
    _answer(
        db,
        fmt,
        lambda store: _queries.events(
            store,
            source=source,
            target=target,
            event_type=event_type,
            quad_class=quad_class,
            since=since,
            until=until,
            limit=limit,
        ),
    )


@query_app.command("clusters")
def query_clusters(
    db: DbOption = Path(DEFAULT_DB),
    source: Annotated[str | None, typer.Option(help="Source actor: code, country or name.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor: code, country or name.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="Event type (PLOVER).")] = None,
    min_sources: Annotated[
        int, typer.Option(min=0, help="Only events reported by at least this many outlets.")
    ] = 0,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = _queries.DEFAULT_LIMIT,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """Corpus-level events: one row per real-world event, with how many outlets, stories
    (wire copies once) and articles reported it; most-reported first."""
    fmt = _format(json_, jsonl, csv, table)
    _answer(
        db,
        fmt,
        lambda store: _queries.corpus_events(
            store,
            source=source,
            target=target,
            event_type=event_type,
            min_sources=min_sources,
            since=since,
            until=until,
            limit=limit,
        ),
    )


@query_app.command("actors")
def query_actors(
    db: DbOption = Path(DEFAULT_DB),
    top: Annotated[int, typer.Option(min=1, help="How many actors.")] = 20,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="PERSON, ORG, GPE, NORP, …")
    ] = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """The actors covered by most articles, with mentions, quotes, country and sector."""
    fmt = _format(json_, jsonl, csv, table)
    _answer(db, fmt, lambda store: _queries.actors(store, top=top, entity_type=entity_type))


@query_app.command("timeline")
def query_timeline(
    actor: Annotated[str, typer.Argument(help="Actor: name, part of one, or a country.")],
    db: DbOption = Path(DEFAULT_DB),
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = _queries.DEFAULT_LIMIT,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """What an actor said and did, and where it was mentioned, in date order."""
    fmt = _format(json_, jsonl, csv, table)
    _answer(
        db,
        fmt,
        lambda store: _queries.timeline(store, actor, since=since, until=until, limit=limit),
    )


@query_app.command("dyad")
def query_dyad(
    source: Annotated[str, typer.Argument(help="Source actor (e.g. CHN).")],
    target: Annotated[str, typer.Argument(help="Target actor (e.g. USA).")],
    db: DbOption = Path(DEFAULT_DB),
    both: Annotated[bool, typer.Option("--both", help="Count both directions.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    plot: Annotated[
        Path | None, typer.Option(help="Also draw the series to this .png or .svg file.")
    ] = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """Weekly event counts from SOURCE to TARGET by quad class."""
    fmt = _format(json_, jsonl, csv, table)
    result = _answer(
        db,
        fmt,
        lambda store: _queries.dyad(
            store, source, target, both_directions=both, since=since, until=until
        ),
    )
    if plot is not None:
        from newsgraph.store._plot import plot_dyad

        try:
            plot_dyad(result, f"{source} → {target}" + (" (both ways)" if both else ""), plot)
        except (ImportError, ValueError, OSError) as error:
            raise _fail(f"cannot draw {plot}: {error}") from None
        stderr.print(f"newsgraph: plot written to {plot}", highlight=False)


@query_app.command("search")
def query_search(
    query: Annotated[str, typer.Argument(help="Words that must all occur (stemmed).")],
    db: DbOption = Path(DEFAULT_DB),
    limit: LimitOption = 20,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """Full-text search over article titles and text, best match first (BM25)."""
    fmt = _format(json_, jsonl, csv, table)
    _answer(db, fmt, lambda store: _queries.search(store, query, limit=limit))


def _answer(db: Path | None, fmt: ResultFormat, question: Callable[[Store], pa.Table]) -> pa.Table:
    """Open the corpus read-only, ask ``question`` of it, print the answer and return it."""
    with _open(db) as store:
        result = _run(lambda: question(store))
    _show(result, fmt)
    return result


def _run(query: Callable[[], pa.Table]) -> pa.Table:
    try:
        return query()
    except (StoreError, ValueError) as error:
        raise _fail(str(error)) from None


def sql_command(
    query: Annotated[str, typer.Argument(help="Any read-only SQL over the corpus tables.")],
    db: DbOption = Path(DEFAULT_DB),
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """Run SQL on the corpus (opened read-only): tables articles, entities, mentions, quotes,
    events, amounts, dates, places, removed, failures, documents, runs."""
    fmt = _format(json_, jsonl, csv, table)
    _answer(db, fmt, lambda store: store.query(query))


def export_command(
    to: Annotated[Path, typer.Option("--to", help="Folder to write into (made if missing).")],
    db: DbOption = Path(DEFAULT_DB),
    export_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="parquet/jsonl: one file per table (+ records.jsonl); gdelt: GDELT 2.0"
            " Events TSV; graphml/gexf: the actor network.",
        ),
    ] = ExportFormat.parquet,
) -> None:
    """Export the corpus for other tools."""
    with _open(db) as store:
        try:
            written = export(store, to, export_format)
        except StoreError as error:
            raise _fail(str(error)) from None
    for path in written:
        stderr.print(f"newsgraph: wrote {path}", highlight=False)
