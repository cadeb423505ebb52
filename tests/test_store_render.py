"""Terminal, JSON and CSV rendering of query results."""

from __future__ import annotations

import io
import json

import pyarrow as pa
from rich.console import Console

from newsgraph.store._render import ResultFormat, write_result

WIDE = pa.table({f"column_{n}": [f"value {n}", None] for n in range(12)})


def _render(table: pa.Table, fmt: ResultFormat, width: int) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None)
    write_result(table, fmt, out, console)
    return out.getvalue()


def test_wide_result_in_a_narrow_terminal_is_shown_one_block_per_row():
    shown = _render(WIDE, ResultFormat.table, width=80)
    assert "row 1 of 2" in shown and "row 2 of 2" in shown
    # every field of a row on its own line, whole, not folded into slivers
    assert any("column_11" in line and "value 11" in line for line in shown.splitlines())
    assert all(len(line) <= 80 for line in shown.splitlines())


def test_narrow_result_stays_one_table():
    narrow = pa.table({"speaker": ["Daniel Harper"], "quote": ["..."], "kind": ["direct"]})
    shown = _render(narrow, ResultFormat.table, width=80)
    assert "row 1 of" not in shown and "Daniel Harper" in shown and "1 row" in shown


def test_json_keeps_every_column_even_in_a_narrow_terminal():
    rows = json.loads(_render(WIDE, ResultFormat.json, width=40))
    assert len(rows) == 2 and set(rows[0]) == set(WIDE.column_names)
