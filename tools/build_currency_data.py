#!/usr/bin/env python
"""Build src/newsgraph/extract/data/currencies.csv: ISO 4217 codes and the words that name them.

Sources, merged in this order (a later one wins on a conflict):

1. pycountry (ISO 4217): every currency code with its ISO name ("Russian Ruble", "Yen"), and its
   plural ("Russian Rubles"); funds, metals and accounting units (names with "Unidad", "Bond",
   "WIR", "Fund", codes XAG/XAU/XPD/XPT/XDR...) are left out;
2. src/newsgraph/extract/data/currency_aliases.toml: the curated words and symbols news English
   uses ("dollars", "yuan", "roubles", "€", "HK$").

An ISO name that two codes share ("Bolívar Soberano": VED and VES) is dropped unless the curated
table assigns it. pycountry is needed only here, not at run time: the output is committed.

    .venv/bin/pip install pycountry
    .venv/bin/python tools/build_currency_data.py           # writes currencies.csv
    .venv/bin/python tools/build_currency_data.py --check   # fails if currencies.csv is stale

Output columns: ``code,kind,text`` with kind ``code`` (the ISO code itself), ``name`` (ISO name
and plural), ``alias`` (curated word, and plural) or ``symbol``.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "extract" / "data"
ALIASES = DATA / "currency_aliases.toml"
OUT = DATA / "currencies.csv"

# Not money a news article counts in: precious metals, fund and accounting units.
_NOT_CURRENCY_WORDS = ("Unidad", "Bond", "WIR", "Fund", "Mvdol", "SDR", "Sucre", "Codes", "(")
_NOT_CURRENCY_CODES = frozenset({"XAG", "XAU", "XPD", "XPT", "XDR", "XSU", "XTS", "XXX", "XUA"})
# One-word ISO names that are also common English words ("the two won"): found only when the
# curated table lists them with their country ("South Korean won").
_ENGLISH_WORD_NAMES = frozenset({"Won", "Sol", "Som", "Pula", "Kina", "Tala", "Leone", "Rand"})


def plural(word: str) -> str:
    """English plural of a currency word ("ruble" → "rubles"); words in -s, -y kept simple."""
    if word.endswith(("s", "x", "sh")):
        return word
    return word + "s"


def rows() -> list[tuple[str, str, str]]:
    curated = tomllib.loads(ALIASES.read_text("utf-8"))
    names: dict[str, set[str]] = defaultdict(set)
    codes: list[str] = []
    for currency in pycountry.currencies:
        code, name = currency.alpha_3, currency.name
        if code in _NOT_CURRENCY_CODES or any(word in name for word in _NOT_CURRENCY_WORDS):
            continue
        codes.append(code)
        if name in _ENGLISH_WORD_NAMES:
            continue
        names[name].add(code)
        names[plural(name)].add(code)
    curated_words = {
        word.casefold()
        for words in curated["aliases"].values()
        for item in words
        for word in (item, plural(item))
    }
    out: list[tuple[str, str, str]] = [(code, "code", code) for code in sorted(codes)]
    for name, owners in sorted(names.items()):
        if len(owners) == 1 and name.casefold() not in curated_words:
            out.append((next(iter(owners)), "name", name))
    for code, words in sorted(curated["aliases"].items()):
        if code not in codes:
            raise SystemExit(f"currency_aliases.toml: {code} is not an ISO 4217 code")
        seen: set[str] = set()
        for word in words:
            for form in (word, plural(word)):
                if form not in seen:
                    seen.add(form)
                    out.append((code, "alias", form))
    for symbol, code in sorted(curated["symbols"].items()):
        if code not in codes:
            raise SystemExit(f"currency_aliases.toml: {code} is not an ISO 4217 code")
        out.append((code, "symbol", symbol))
    return out


def render() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "kind", "text"])
    writer.writerows(rows())
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the CSV is stale")
    args = parser.parse_args()
    text = render()
    if args.check:
        if OUT.read_text("utf-8") != text:
            print(f"{OUT} is stale: run tools/build_currency_data.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
