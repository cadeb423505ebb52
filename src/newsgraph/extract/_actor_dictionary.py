"""Actor dictionaries in the TABARI / PETRARCH format, given by the user.

Event-data projects keep what a text never says — whose president "President Bush" was, that
the PKK fights in Turkey, when a minister held office — in actor dictionaries with CAMEO codes:
the Phoenix dictionaries of the Open Event Data Alliance (``Phoenix.Countries.actors.txt``,
``Phoenix.International.actors.txt``, ``Phoenix.MilNonState.actors.txt``, MIT licence) and the
ones analysts build for their own region. newsgraph ships none (it never guesses an actor's
country from a list it cannot show), but reads such files when the user names them in the
environment variable ``NEWSGRAPH_ACTOR_DICTIONARY`` (``os.pathsep``-separated) or with the
``--actor-dictionary`` option of ``analyze``, ``ingest`` and ``eval plover``.

The format (one entry per actor)::

    VLADIMIR_PUTIN_  # comment
    +PUTIN_                       <- other names of the same actor
    +PRESIDENT_VLADIMIR_PUTIN_
        [RUSELI 700101-990809]    <- a CAMEO code, valid in a date range (YYMMDD)
        [RUSGOV >080508]          <- from a date on (``<`` until a date)
        [RUSELI]                  <- the code outside every range

Codes may also follow the name on its line. A code is a country (ISO 3166 alpha-3) or ``IGO`` /
``NGO`` / ``IMG`` / ``MNC``, then 3-letter role codes (``GOV``, ``MIL``, ``REB``…) read as
newsgraph's sectors with the ``[cameo_agents]`` table of ``data/sectors.toml``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.extract._lexicon import countries, sector_words

DICTIONARY_ENV = "NEWSGRAPH_ACTOR_DICTIONARY"

# Two-digit years of the format: 00–29 are 2000–2029, 30–99 are 1930–1999 (PETRARCH reads them
# the same way; the dictionaries' ranges start in the 1930s).
CENTURY_PIVOT = 30

# First codes that are not countries, and the sector they stand for.
NON_STATE_CODES = {
    "IGO": "international_organisation",
    "NGO": "civil_society",
    "IMG": "rebel_criminal",
    "MNC": "business",
}

# CAMEO codes after IGO / NGO / IMG that are spelled like an ISO country code but are not one
# (CAMEO's religion code MUS, Muslim, is Mauritius in ISO 3166).
CAMEO_NOT_COUNTRIES = frozenset({"MUS"})

_CODE = re.compile(r"\[\s*([A-Za-z-]+)\s*([<>]?\s*\d*)\s*(?:-\s*(\d+))?\s*\]")


@dataclass(frozen=True, slots=True)
class ActorCode:
    """One code of an actor: CAMEO code, valid from ``start`` to ``end`` (either may be None)."""

    code: str
    start: date | None = None
    end: date | None = None
    ranged: bool = False

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One actor of a dictionary file: its codes and the file's name."""

    codes: tuple[ActorCode, ...]
    source: str


@dataclass(frozen=True, slots=True)
class DictionaryMatch:
    """What a dictionary tells about a name: the CAMEO code used, its country and sector."""

    code: str
    country: str | None
    sector: str | None
    source: str


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """Names (normalised with :func:`name_key`) → every entry that has the name."""

    names: dict[str, tuple[DictionaryEntry, ...]]

    def __len__(self) -> int:
        return len(self.names)

    def lookup(self, name: str, day: date | None = None) -> DictionaryMatch | None:
        """The country and sector of ``name`` on ``day``: the code whose range covers the day,
        else the entry's code without a range. None when the name is unknown or when its
        entries disagree on the country (two actors of one name)."""
        entries = self.names.get(name_key(name))
        if not entries:
            return None
        found = {match for entry in entries if (match := _resolve(entry, day)) is not None}
        countries_found = {m.country for m in found}
        if len(countries_found) != 1:
            return None
        sectors = {m.sector for m in found}
        first = min(found, key=lambda m: m.code)
        sector = sectors.pop() if len(sectors) == 1 else None
        return DictionaryMatch(first.code, first.country, sector, first.source)


def _resolve(entry: DictionaryEntry, day: date | None) -> DictionaryMatch | None:
    """The entry's code on ``day``: a range covering it, else the code without a range; an
    entry with ranges only gives its latest code's country, without a sector (out of office)."""
    codes = entry.codes
    chosen: ActorCode | None = None
    if day is not None:
        chosen = next((c for c in codes if c.ranged and c.covers(day)), None)
    if chosen is None:
        chosen = next((c for c in codes if not c.ranged), None)
    if chosen is not None:
        return decode(chosen.code, entry.source)
    if not codes:
        return None
    latest = decode(max(codes, key=lambda c: c.start or date.min).code, entry.source)
    return (
        None if latest is None else DictionaryMatch(latest.code, latest.country, None, entry.source)
    )


def name_key(name: str) -> str:
    """A name as the dictionaries write it and as text writes it, made comparable:
    upper case, ``_`` and spaces alike, full stops and a leading "THE" dropped."""
    words = re.sub(r"[_\s]+", " ", name.upper().replace(".", " ")).split()
    if words and words[0] == "THE":
        words = words[1:]
    return " ".join(w.strip("'’") for w in words if w.strip("'’"))


def decode(code: str, source: str = "") -> DictionaryMatch | None:
    """Country and sector of a CAMEO actor code ("RUSGOV" → RUS, government; "IGOUNO" → no
    country, international organisation; "NGOGBRHRI" → GBR, civil society)."""
    code = code.upper()
    parts = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not parts:
        return None
    agents = sector_words().cameo_agents
    known = countries().display
    if parts[0] in NON_STATE_CODES:
        # "IGOUNO…", "NGOGBRHRI": the kind of organisation decides; a country may follow.
        country = next((p for p in parts[1:2] if p in known and p not in CAMEO_NOT_COUNTRIES), None)
        return DictionaryMatch(code, country, NON_STATE_CODES[parts[0]], source)
    if parts[0] not in known:
        return None
    sector = next((agents[part] for part in parts[1:] if part in agents), None)
    return DictionaryMatch(code, parts[0], sector, source)


def _day(text: str) -> date | None:
    digits = text.strip()
    try:
        if len(digits) == 6:
            year = int(digits[:2])
            year += 2000 if year < CENTURY_PIVOT else 1900
            return date(year, int(digits[2:4]), int(digits[4:6]))
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return None


def _codes(line: str) -> Iterable[ActorCode]:
    for code, first, last in _CODE.findall(line):
        if not code.strip("-"):
            continue  # "[---]": no code
        first = first.replace(" ", "")
        if not first:
            yield ActorCode(code.upper())
        elif first.startswith(">"):
            if (start := _day(first[1:])) is not None:
                yield ActorCode(code.upper(), start=start, ranged=True)
        elif first.startswith("<"):
            if (end := _day(first[1:])) is not None:
                yield ActorCode(code.upper(), end=end, ranged=True)
        elif last:
            start, end = _day(first), _day(last)
            if start is not None and end is not None:
                yield ActorCode(code.upper(), start=start, end=end, ranged=True)


def parse_actor_dictionary(text: str, source: str = "") -> ActorDictionary:
    """Read a TABARI / PETRARCH actor dictionary. Lines it cannot read are skipped."""
    names: dict[str, list[DictionaryEntry]] = {}
    entry_names: list[str] = []
    entry_codes: list[ActorCode] = []

    def close() -> None:
        if entry_names and entry_codes:
            entry = DictionaryEntry(tuple(entry_codes), source)
            for key in dict.fromkeys(entry_names):
                names.setdefault(key, []).append(entry)

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("<", "-->", "!")):
            continue
        if raw[:1].isspace():
            entry_codes.extend(_codes(line))
            continue
        name_part, _, rest = line.partition("[")
        rest = "[" + rest if rest else ""
        if line.startswith("+"):
            key = name_key(name_part[1:])
            if key:
                entry_names.append(key)
        else:
            close()
            key = name_key(name_part)
            entry_names, entry_codes = ([key] if key else []), []
        entry_codes.extend(_codes(rest))
    close()
    return ActorDictionary({k: tuple(v) for k, v in names.items()})


def merge(dictionaries: Iterable[ActorDictionary]) -> ActorDictionary:
    names: dict[str, tuple[DictionaryEntry, ...]] = {}
    for dictionary in dictionaries:
        for key, entries in dictionary.names.items():
            names[key] = names.get(key, ()) + entries
    return ActorDictionary(names)


def dictionary_paths() -> tuple[Path, ...]:
    """The files named in ``$NEWSGRAPH_ACTOR_DICTIONARY``."""
    value = os.environ.get(DICTIONARY_ENV, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p.strip())


@cache
def _parse_file(path: Path) -> ActorDictionary:
    return parse_actor_dictionary(path.read_text("utf-8", errors="replace"), path.name)


@cache
def _load(paths: tuple[Path, ...]) -> ActorDictionary | None:
    return merge(_parse_file(path) for path in paths) if paths else None


def user_dictionary() -> ActorDictionary | None:
    """The dictionaries named in ``$NEWSGRAPH_ACTOR_DICTIONARY`` merged, read once per
    process; None when none is named."""
    return _load(dictionary_paths())


def use_dictionaries(paths: Iterable[Path]) -> ActorDictionary | None:
    """Make the pipeline (and worker processes started after this) read these dictionaries, in
    addition to those already named in ``$NEWSGRAPH_ACTOR_DICTIONARY``. Raises ConfigError for
    a file with no actor entry in it."""
    chosen = tuple(dict.fromkeys((*dictionary_paths(), *(Path(p).resolve() for p in paths))))
    for path in chosen:
        try:
            entries = len(_parse_file(path))
        except OSError as error:
            raise ConfigError(f"cannot read actor dictionary {path}: {error}") from None
        if entries == 0:
            raise ConfigError(f"{path}: no actor entry found (expected a TABARI/PETRARCH file)")
    if chosen:
        os.environ[DICTIONARY_ENV] = os.pathsep.join(str(p) for p in chosen)
    return user_dictionary()
