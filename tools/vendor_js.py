"""Vendor the web interface's JavaScript libraries from the npm registry.

Run on a machine with ``npm`` (CI machines do not need it: the output is committed)::

    python tools/vendor_js.py

For each pinned package it runs ``npm pack NAME@VERSION`` in a temporary folder, unpacks the
tarball and copies the one minified browser build the interface loads, plus the package's licence
file, into ``src/newsgraph/serve/static/vendor/``. ``vendor/VERSIONS.json`` records what was
copied, from which package version, with the tarball's integrity hash. No bundler, no
node_modules: the files are loaded with plain ``<script>`` tags.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "src/newsgraph/serve/static/vendor"

# package, version, files to copy (path inside the package → name under vendor/), licence file.
PACKAGES: tuple[tuple[str, str, dict[str, str], str], ...] = (
    ("cytoscape", "3.34.4", {"dist/cytoscape.min.js": "cytoscape.min.js"}, "LICENSE"),
    ("chart.js", "4.6.1", {"dist/chart.umd.min.js": "chart.umd.min.js"}, "LICENSE.md"),
    ("d3-array", "3.2.5", {"dist/d3-array.min.js": "d3-array.min.js"}, "LICENSE"),
    ("d3-geo", "3.1.2", {"dist/d3-geo.min.js": "d3-geo.min.js"}, "LICENSE"),
    (
        "topojson-client",
        "3.1.0",
        {"dist/topojson-client.min.js": "topojson-client.min.js"},
        "LICENSE",
    ),
    # The interactive API documentation at /docs (FastAPI's default loads it from a CDN).
    (
        "swagger-ui-dist",
        "5.35.0",
        {"swagger-ui-bundle.js": "swagger-ui-bundle.js", "swagger-ui.css": "swagger-ui.css"},
        "LICENSE",
    ),
    # Natural Earth 1:110m country outlines (public domain data, ISC-licensed packaging).
    ("world-atlas", "2.0.2", {"countries-110m.json": "countries-110m.json"}, "LICENSE"),
)


def vendor(target: Path) -> list[dict[str, object]]:
    target.mkdir(parents=True, exist_ok=True)
    manifest: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, version, files, licence in PACKAGES:
            packed = subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--json", "--silent"],
                cwd=scratch,
                check=True,
                capture_output=True,
                text=True,
            )
            info = json.loads(packed.stdout)[0]
            tarball = Path(scratch) / info["filename"]
            unpacked = Path(scratch) / name
            with tarfile.open(tarball) as archive:
                archive.extractall(unpacked, filter="data")
            root = unpacked / "package"
            copied = {}
            for inside, as_name in files.items():
                shutil.copyfile(root / inside, target / as_name)
                copied[as_name] = hashlib.sha256((target / as_name).read_bytes()).hexdigest()
            licence_name = f"LICENSE.{name}.txt"
            shutil.copyfile(root / licence, target / licence_name)
            manifest.append(
                {
                    "package": name,
                    "version": version,
                    "integrity": info["integrity"],
                    "licence_file": licence_name,
                    "files": copied,
                }
            )
            print(f"vendored {name}@{version}: {', '.join(copied)}")
    (target / "VERSIONS.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    write_country_numbers(target / "country-numeric.json")
    return manifest


def write_country_numbers(path: Path) -> None:
    """ISO 3166-1 alpha-3 and alpha-2 → numeric codes: events name countries by alpha-3, places
    by alpha-2, world-atlas by number.

    Needs pycountry (``pip install pycountry``) only here; the output is committed.
    """
    import pycountry  # type: ignore[import-not-found]

    numbers = {country.alpha_3: country.numeric for country in pycountry.countries}
    numbers |= {country.alpha_2: country.numeric for country in pycountry.countries}
    path.write_text(json.dumps(numbers, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(numbers)} country codes to {path.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=Path, default=VENDOR)
    args = parser.parse_args(argv)
    if shutil.which("npm") is None:
        print("npm is not installed; the vendored files are committed already", file=sys.stderr)
        return 1
    vendor(args.target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
