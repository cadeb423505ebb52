"""The word lists the actors extractor reads: countries, titles, sectors. Loaded once per process.

The data are files under ``newsgraph/data/``, not code:

* ``countries.csv`` — names, aliases, demonyms, capitals and seats of power of every ISO 3166
  country, built by ``tools/build_country_data.py`` from pycountry, countryinfo and the curated
  ``country_aliases.toml``;
* ``titles.toml`` — honorifics, title words, gendered role nouns and evaluative labels;
* ``sectors.toml`` — keywords that tell an actor's sector, and well-known organisations;
* ``first_names.tsv`` — first names and the gender they are given to, built by
  ``tools/build_first_names.py`` from the name data of the ``nomquamgender`` package (MIT).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

Gender = Literal["male", "female"]
CountryKind = Literal["alias", "demonym", "capital", "seat"]

_GENDERS: dict[str, Gender] = {"male": "male", "female": "female"}
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_LEADING_THE = re.compile(r"^[Tt]he\s+")


def _data(name: str) -> str:
    return resources.files("newsgraph").joinpath("data", name).read_text("utf-8")


def name_key(text: str) -> str:
    """Compare names as news text varies them: case, full stops, accents, curly apostrophes and
    a leading "the" aside ("the U.S." = "US", "Nicolás" = "Nicolas")."""
    text = text.replace("’", "'").replace(".", "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split()).casefold().removeprefix("the ")


def word_key(text: str) -> str:
    """One word as the title and sector lists hold it: lower case, no final full stop."""
    return name_key(text).rstrip(".")


def words_of(text: str) -> tuple[str, ...]:
    """The lower-case words of a phrase; hyphens and full stops break words ("Sen." → "sen")."""
    return tuple(_WORD.findall(name_key(text).replace("-", " ")))


def _written_in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


@dataclass(frozen=True, slots=True)
class CountryTerm:
    alpha3: str
    kind: CountryKind
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Countries:
    """Country names by :func:`name_key`. Keys whose data form is written in capitals ("US",
    "UAE") match only text written in capitals, so the pronoun "us" is never the United States."""

    display: dict[str, str]
    terms: dict[CountryKind, dict[str, str]]
    seats: dict[str, tuple[str, str | None]]
    capitals_only: frozenset[str]

    def lookup(self, text: str, kinds: Iterable[CountryKind]) -> CountryTerm | None:
        key = name_key(text)
        if not key or (
            key in self.capitals_only and not _written_in_capitals(_LEADING_THE.sub("", text))
        ):
            return None
        for kind in kinds:
            if kind == "seat":
                if key in self.seats:
                    alpha3, sector = self.seats[key]
                    return CountryTerm(alpha3, "seat", sector)
                continue
            table = self.terms[kind]
            if key in table:
                return CountryTerm(table[key], kind)
            # Plurals of demonyms and names: "Venezuelans", "the Americans".
            if kind == "demonym" and key.endswith("s") and key[:-1] in table:
                return CountryTerm(table[key[:-1]], kind)
        return None


@cache
def countries() -> Countries:
    display: dict[str, str] = {}
    terms: dict[CountryKind, dict[str, str]] = {"alias": {}, "demonym": {}, "capital": {}}
    seats: dict[str, tuple[str, str | None]] = {}
    capitals_only: set[str] = set()
    for row in csv.DictReader(io.StringIO(_data("countries.csv"))):
        alpha3, kind, text = row["alpha3"], row["kind"], row["text"]
        if kind == "name":
            display[alpha3] = text
            continue
        key = name_key(text)
        if _written_in_capitals(text):
            capitals_only.add(key)
        if kind == "seat":
            seats[key] = (alpha3, row["sector"] or None)
        elif kind in terms:
            terms[kind][key] = alpha3
        else:
            raise ValueError(f"countries.csv: unknown kind {kind!r}")
    return Countries(display, terms, seats, frozenset(capitals_only))


@dataclass(frozen=True, slots=True)
class TitleWords:
    honorifics: dict[str, Gender | None]
    name_suffixes: frozenset[str]
    corporate_suffixes: frozenset[str]
    name_titles: frozenset[str]
    title_modifiers: frozenset[str]
    roles: frozenset[str]
    person_nouns: frozenset[str]
    person_endings: tuple[str, ...]
    organisation_nouns: frozenset[str]
    topic_roles: frozenset[str]
    gender: dict[str, Gender]
    evaluative: dict[tuple[str, ...], str | None]

    def is_person_noun(self, key: str) -> bool:
        """Whether a (lower-case, singular) noun names a person: "spokeswoman", "dictator"."""
        return (
            key in self.person_nouns
            or key in self.roles
            or key in self.name_titles
            or key in self.gender
            or (key,) in self.evaluative
            or any(key.endswith(e) and len(key) > len(e) + 2 for e in self.person_endings)
        )


@cache
def title_words() -> TitleWords:
    data: dict[str, Any] = tomllib.loads(_data("titles.toml"))
    honorifics: dict[str, Gender | None] = {}
    for gender, words in data["honorifics"].items():
        for word in words:
            honorifics[word_key(word)] = _GENDERS.get(gender)
    gender_of: dict[str, Gender] = {}
    for name, value in _GENDERS.items():
        for word in data["gender"][name]:
            gender_of[word_key(word)] = value
    evaluative: dict[tuple[str, ...], str | None] = {}
    for sector, words in data["evaluative"].items():
        for word in words:
            evaluative[words_of(word)] = None if sector == "none" else sector

    def keys(words: list[str]) -> frozenset[str]:
        return frozenset(word_key(word) for word in words)

    return TitleWords(
        honorifics=honorifics,
        name_suffixes=keys(data["name_parts"]["suffixes"]),
        corporate_suffixes=keys(data["name_parts"]["corporate"]),
        name_titles=keys(data["name_titles"]["words"]),
        title_modifiers=keys(data["title_modifiers"]["words"]),
        roles=keys(data["roles"]["words"]),
        person_nouns=keys(data["person_nouns"]["words"]),
        person_endings=tuple(data["person_nouns"]["endings"]),
        organisation_nouns=keys(data["organisation_nouns"]["words"]),
        topic_roles=keys(data["topic_roles"]["words"]),
        gender=gender_of,
        evaluative=evaluative,
    )


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int  # word index of the match in the phrase
    end: int
    value: str | None


def match_phrases(
    words: Sequence[str], table: dict[tuple[str, ...], str | None], longest: int
) -> list[PhraseMatch]:
    """Every entry of ``table`` found in ``words``; at each end position only the longest."""
    found: list[PhraseMatch] = []
    for end in range(1, len(words) + 1):
        for size in range(min(longest, end), 0, -1):
            phrase = tuple(words[end - size : end])
            if phrase in table:
                found.append(PhraseMatch(end - size, end, table[phrase]))
                break
    return found


@dataclass(frozen=True, slots=True)
class SectorWords:
    strong: dict[tuple[str, ...], str | None]
    weak: dict[tuple[str, ...], str | None]
    override: dict[tuple[str, ...], str | None]
    organisations: dict[str, tuple[str | None, str | None]]
    longest: int
    cameo_agents: dict[str, str | None]


@cache
def sector_words() -> SectorWords:
    data: dict[str, Any] = tomllib.loads(_data("sectors.toml"))
    strong: dict[tuple[str, ...], str | None] = {}
    for sector, words in data["sectors"].items():
        for word in words:
            phrase = words_of(word)
            if phrase in strong and strong[phrase] != sector:
                raise ValueError(f"sectors.toml: {word!r} is in two sectors")
            strong[phrase] = sector
    for phrase, sector in title_words().evaluative.items():
        if sector is not None:
            strong.setdefault(phrase, sector)
    weak: dict[tuple[str, ...], str | None] = {
        words_of(w): sector for sector, ws in data["weak"].items() for w in ws
    }
    override: dict[tuple[str, ...], str | None] = {
        words_of(w): sector for sector, ws in data["override"].items() for w in ws
    }
    organisations = {
        name_key(name): (sector or None, country or None)
        for name, (sector, country) in data["organisations"].items()
    }
    longest = max(len(phrase) for phrase in (*strong, *weak, *override))
    agents = {code.upper(): sector or None for code, sector in data["cameo_agents"].items()}
    return SectorWords(strong, weak, override, organisations, longest, agents)


@cache
def first_name_genders() -> dict[str, Gender]:
    """Folded lower-case first name → gender, from ``data/first_names.tsv`` (built by
    ``tools/build_first_names.py`` from nomquamgender: common names nearly always given to one
    gender; "Jean" or "Kim" are not in it)."""
    genders: dict[str, Gender] = {}
    text = resources.files("newsgraph.data").joinpath("first_names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        name, gender, *_ = line.split("\t")
        if gender in _GENDERS:
            genders[name] = _GENDERS[gender]
    return genders


def first_name_gender(name: str) -> Gender | None:
    """The gender a person's first name tells ("Karoline Leavitt" → female), else None; a
    name of one word tells nothing (it may be a surname)."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    folded = unicodedata.normalize("NFKD", words[0].lower())
    key = "".join(c for c in folded if not unicodedata.combining(c))
    return first_name_genders().get(key)
