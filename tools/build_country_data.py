#!/usr/bin/env python
"""Build src/newsgraph/data/countries.csv: country names, demonyms, capitals and seats of power.

Sources, merged in this order (a later one wins on a conflict):

1. pycountry (ISO 3166-1): every alpha-3 code with its name, official and common names;
2. countryinfo (MIT): alternative spellings, the demonym and the capital of each country;
3. src/newsgraph/data/country_aliases.toml: the curated names news English uses ("U.S.",
   "Britain", "the Kremlin", "Washington" for the US government), display names, and source
   names to leave out because running text mostly means something else by them ("Georgia").

A name that the sources give to two countries goes to the most populous one when it has at least
``DOMINANT_POPULATION_RATIO`` times the people of the next ("French": France, not Réunion;
"Dominican": the Dominican Republic, not Dominica); otherwise it is dropped as ambiguous unless
the curated table assigns it ("Jerusalem"). Codes such as "VE" or "DEU" that countryinfo
lists among spellings are not names in running text and are left out (the curated table adds
the few that are: "US", "UK", "UAE").

pycountry and countryinfo are needed only here, not at run time: the output is committed.

    .venv/bin/pip install pycountry countryinfo
    .venv/bin/python tools/build_country_data.py           # writes countries.csv
    .venv/bin/python tools/build_country_data.py --check   # fails if countries.csv is stale

Output columns: ``alpha3,kind,text,sector`` with kind one of ``name`` (display name, one per
country), ``alias``, ``demonym``, ``capital`` or ``seat`` (``sector`` is set for seats only).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
from countryinfo import all_countries

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "data"
CURATED = DATA / "country_aliases.toml"
OUT = DATA / "countries.csv"

# An ambiguous name goes to the most populous country only when it is this much larger than the
# next: large enough that the others are territories and micro-states, not rival readings.
DOMINANT_POPULATION_RATIO = 10

KIND_ORDER = ("name", "alias", "demonym", "capital", "seat")
# Names in one namespace compete for the same words of running text.
NAMESPACE = {"name": "name", "alias": "name", "demonym": "demonym", "capital": "capital"}


def _key(text: str) -> str:
    """The same normalisation the runtime uses (see newsgraph.extract._lexicon.name_key)."""
    text = text.replace("’", "'").replace(".", "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.split()).casefold()
    return text.removeprefix("the ")


def _usable_name(text: str) -> bool:
    """A name as running English text writes it: Latin letters, not an inverted ISO form."""
    if not text or any(mark in text for mark in ",(/"):
        return False
    if text.isupper() and len(text.replace(".", "")) <= 3:  # ISO codes: "VE", "VEN"
        return False
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _countryinfo_entries() -> dict[str, list[dict[str, object]]]:
    by_code: dict[str, list[dict[str, object]]] = defaultdict(list)
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha3")
        if code:
            by_code[code].append(info)
    return by_code


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def build_rows() -> list[tuple[str, str, str, str]]:
    curated = tomllib.loads(CURATED.read_text("utf-8"))
    codes = sorted(country.alpha_3 for country in pycountry.countries)
    info_by_code = _countryinfo_entries()

    population = {
        code: max((int(e.get("population") or 0) for e in entries), default=0)  # type: ignore[call-overload]
        for code, entries in info_by_code.items()
    }
    display: dict[str, str] = {}
    # (namespace, key) -> {alpha3: (kind, text)} from the sources
    found: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)

    def add(code: str, kind: str, text: str) -> None:
        text = " ".join(text.split())
        if _usable_name(text):
            found[(NAMESPACE[kind], _key(text))].setdefault(code, (kind, text))

    for code in codes:
        country = pycountry.countries.get(alpha_3=code)
        entries = info_by_code.get(code, [])
        names = [getattr(country, "common_name", None), country.name]
        names += [entry.get("name") for entry in entries]
        usable = [n for n in names if isinstance(n, str) and _usable_name(n)]
        display[code] = usable[0] if usable else country.name
        for name in (country.name, getattr(country, "official_name", None), *names):
            if isinstance(name, str):
                add(code, "alias", name)
        for entry in entries:
            for spelling in _as_list(entry.get("altSpellings")):
                add(code, "alias", spelling)
            for demonym in _as_list(entry.get("demonym")):
                add(code, "demonym", demonym)
            for capital in _as_list(entry.get("capital")):
                add(code, "capital", capital)

    rows: set[tuple[str, str, str, str]] = set()
    claimed: set[tuple[str, str]] = set()
    excluded = {_key(text) for text in curated.get("exclude", {}).get("names", [])}
    display.update(curated.get("display", {}))
    for table, kind in (("aliases", "alias"), ("demonyms", "demonym"), ("capitals", "capital")):
        for code, texts in curated.get(table, {}).items():
            if code not in display:
                raise SystemExit(f"{CURATED.name}: [{table}] {code} is not an ISO alpha-3 code")
            for text in texts:
                claimed.add((NAMESPACE[kind], _key(text)))
                rows.add((code, kind, text, ""))
    for text, (code, sector) in curated.get("seats", {}).items():
        if code not in display:
            raise SystemExit(f"{CURATED.name}: [seats] {text!r}: {code} is not an alpha-3 code")
        rows.add((code, "seat", text, sector))

    dropped = []
    for (namespace, key), by_code in sorted(found.items()):
        if (namespace, key) in claimed or key in excluded:
            continue
        ranked = sorted(by_code, key=lambda c: -population.get(c, 0))
        if len(ranked) > 1 and population.get(ranked[0], 0) < DOMINANT_POPULATION_RATIO * max(
            1, population.get(ranked[1], 0)
        ):
            dropped.append(f"{key!r} ({namespace}: {', '.join(sorted(by_code))})")
            continue
        kind, text = by_code[ranked[0]]
        rows.add((ranked[0], kind, text, ""))
    for code, name in display.items():
        rows.add((code, "name", name, ""))
    if dropped:
        print(f"dropped as ambiguous: {'; '.join(dropped)}", file=sys.stderr)
    return sorted(rows, key=lambda r: (r[0], KIND_ORDER.index(r[1]), r[2].casefold(), r[2]))


def render(rows: list[tuple[str, str, str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("alpha3", "kind", "text", "sector"))
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if countries.csv is stale")
    args = parser.parse_args()
    content = render(build_rows())
    if args.check:
        if OUT.read_text("utf-8") != content:
            print(f"{OUT} is out of date: run tools/build_country_data.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(content, encoding="utf-8")
    countries = content.count(",name,")
    print(
        f"wrote {OUT.relative_to(ROOT)}: {countries} countries, {content.count(chr(10)) - 1} rows"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
