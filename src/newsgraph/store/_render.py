"""Query results (Arrow tables) as JSON, JSON Lines, CSV or a Rich table."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
from enum import StrEnum
from typing import IO, Any

import pyarrow as pa
from rich.console import Console
from rich.table import Table

# A table cell longer than this is cut (with "…") in the terminal view only.
TABLE_CELL_CHARS = 120
# Below this many characters per column the terminal view shows one block per row instead
# ("field  value" lines, like psql's expanded display) so that cells stay readable.
TABLE_MIN_COLUMN_CHARS = 14
# Columns for programs, left out of the terminal table (--json/--csv keep them).
TABLE_HIDDEN = frozenset(
    {
        "url",
        "article_id",
        "span_start",
        "span_end",
        "quote",
        "event",
        "actor_id",
        "speaker_as_written",
        "aliases",
        "titles",
    }
)


class ResultFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def rows_of(table: pa.Table) -> list[dict[str, Any]]:
    return [{key: _plain(value) for key, value in row.items()} for row in table.to_pylist()]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def write_result(table: pa.Table, fmt: ResultFormat, stream: IO[str], console: Console) -> None:
    """Write a result in the chosen format (``table`` goes to the console)."""
    rows = rows_of(table)
    if fmt is ResultFormat.json:
        json.dump(rows, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt is ResultFormat.jsonl:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is ResultFormat.csv:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(table.column_names)
        for row in rows:
            writer.writerow([_cell(row[name]) for name in table.column_names])
    else:
        shown = [name for name in table.column_names if name not in TABLE_HIDDEN]
        if len(shown) * TABLE_MIN_COLUMN_CHARS > console.width:
            _write_expanded(rows, shown, console)
            return
        view = Table(show_lines=False, caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
        for name in shown:
            view.add_column(name, overflow="fold")
        for row in rows:
            cells = [_cell(row[name]) for name in shown]
            view.add_row(
                *(
                    cell if len(cell) <= TABLE_CELL_CHARS else cell[: TABLE_CELL_CHARS - 1] + "…"
                    for cell in cells
                )
            )
        console.print(view)


def _short(cell: str) -> str:
    return cell if len(cell) <= TABLE_CELL_CHARS else cell[: TABLE_CELL_CHARS - 1] + "…"


def _write_expanded(rows: list[dict[str, Any]], shown: list[str], console: Console) -> None:
    """One block per row, a line per non-empty field: wide results in a narrow terminal."""
    for number, row in enumerate(rows, 1):
        block = Table(title=f"row {number} of {len(rows)}", show_header=False, box=None)
        block.add_column(style="cyan", no_wrap=True)
        block.add_column(overflow="fold")
        for name in shown:
            cell = _cell(row[name])
            if cell:
                block.add_row(name, _short(cell))
        console.print(block)
    if not rows:
        console.print("0 rows")
