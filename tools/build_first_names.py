#!/usr/bin/env python
"""Build src/newsgraph/data/first_names.tsv: first names and the gender they are given to.

Source: the name data of the PyPI package ``nomquamgender`` 0.1.x (MIT licence, © 2022 Ian Van
Buskirk; https://github.com/ianvanbuskirk/nomquamgender): for 720,000 names, the number of
bearers counted in up to 36 national and international name sources and the share of women
among them, p(gf).

Kept: names with at least ``MIN_COUNT`` bearers whose p(gf) is within ``MAX_UNCERTAINTY`` of 0
(male) or 1 (female) — "Paul" 0.0, "Krystal" 0.989; "Jean" 0.477 and "Kim" 0.665 are left out.
The actors extractor reads the output to tell "he" from "she" when no honorific or gendered
title does. The package is needed only here, not at run time: the output is committed.

    .venv/bin/pip install 'nomquamgender>=0.1.4,<0.2'
    .venv/bin/python tools/build_first_names.py           # writes first_names.tsv
    .venv/bin/python tools/build_first_names.py --check   # fails if first_names.tsv is stale
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

MIN_COUNT = 500
MAX_UNCERTAINTY = 0.05
OUTPUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "first_names.tsv"
HEADER = (
    "# First names and their gender, from nomquamgender's name data (MIT licence, (c) 2022 Ian\n"
    "# Van Buskirk). Built by tools/build_first_names.py: names with at least "
    f"{MIN_COUNT} bearers and a\n# share of women p(gf) within {MAX_UNCERTAINTY} of 0 or 1. "
    "Columns: name (folded, lower case), gender, p(gf).\n"
)


def build() -> str:
    spec = importlib.util.find_spec("nomquamgender")
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise SystemExit("nomquamgender is not installed: pip install 'nomquamgender>=0.1.4,<0.2'")
    data = json.loads((Path(locations[0]) / "name_data.json").read_text("utf-8"))
    rows = []
    for name, row in sorted(data.items()):
        if not name.isalpha() or not isinstance(row, list) or row[1] < MIN_COUNT:
            continue
        if row[2] <= MAX_UNCERTAINTY:
            rows.append(f"{name}\tmale\t{row[2]}")
        elif row[2] >= 1 - MAX_UNCERTAINTY:
            rows.append(f"{name}\tfemale\t{row[2]}")
    return HEADER + "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if first_names.tsv is stale")
    args = parser.parse_args()
    text = build()
    if args.check:
        current = OUTPUT.read_text("utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale: run tools/build_first_names.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, "utf-8")
    print(f"wrote {OUTPUT} ({text.count(chr(10)) - 3} names)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
