"""Full-text search over article titles and text with DuckDB's ``fts`` extension (BM25).

DuckDB cannot download extensions here; the PyPI package ``duckdb-extension-fts`` ships the
build for one DuckDB version (1.5.5), which is why ``duckdb`` is pinned to it. The index is not
maintained on insert: it is rebuilt after an ingest, and the store keeps a generation counter so
a search on an index older than the articles rebuilds it (or, on a read-only store, falls back
to a plain scan that finds the same articles without BM25 ranking).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

import duckdb

logger = logging.getLogger(__name__)

FTS_SCHEMA = "fts_main_articles"


def extension_path() -> Path | None:
    """The ``fts`` extension file shipped for the installed DuckDB, or None."""
    try:
        root = resources.files("duckdb_extension_fts")
    except ModuleNotFoundError:
        return None
    candidate = Path(str(root)) / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    return candidate if candidate.is_file() else None


def load_fts(connection: duckdb.DuckDBPyConnection) -> bool:
    """Load the extension into a connection; False (and a log line) when it is not available."""
    try:
        connection.execute("LOAD fts")
        return True
    except duckdb.Error:
        pass
    path = extension_path()
    if path is None:
        logger.info("DuckDB fts extension not installed for DuckDB %s", duckdb.__version__)
        return False
    try:
        connection.execute(f"LOAD '{path.as_posix()}'")
    except duckdb.Error as error:
        logger.info("DuckDB fts extension did not load: %s", error)
        return False
    return True


def build_index(connection: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the BM25 index of ``articles`` over title and text (Porter stemmer, English)."""
    connection.execute(
        "PRAGMA create_fts_index('articles', 'id', 'title', 'text', stemmer = 'porter',"
        " stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1)"
    )
