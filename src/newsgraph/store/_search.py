"""Full-text search over article titles and text: a tantivy (BM25) index beside the database.

The index lives in the folder ``<database>.search/`` and is derived data: the DuckDB file stays
the one source of truth, and a missing, damaged or out-of-date index is rebuilt from it (see
docs/decisions.md for why tantivy rather than DuckDB's ``fts`` extension). Text is tokenised
with our analyser (lower case, accents folded, English Porter stemming). The index records the
store's article generation it was built from, so a stale index is never used silently.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import tantivy

logger = logging.getLogger(__name__)

# tantivy's indexing memory budget, in bytes (its minimum is 15 MB per thread).
WRITER_HEAP_BYTES = 64_000_000
_GENERATION_FILE = "newsgraph-generation"


def index_path(database: Path) -> Path:
    return database.with_name(database.name + ".search")


# Our analyser: words, lower case, accents folded ("Gdańsk" finds "Gdansk"), English stems.
ANALYZER = "newsgraph_en"
# Tokens longer than this (URLs, base64 blobs) are not indexed.
MAX_TOKEN_CHARS = 40


def _analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", tokenizer_name=ANALYZER)
    builder.add_text_field("text", tokenizer_name=ANALYZER)
    return builder.build()


def _open(path: Path, *, reuse: bool) -> tantivy.Index:
    index = tantivy.Index(_schema(), path=str(path), reuse=reuse)
    index.register_tokenizer(ANALYZER, _analyzer())
    return index


def query_words(query: str) -> list[str]:
    """The words of a search, lower-cased; tantivy's query syntax characters are dropped and
    its operator words (AND, OR, NOT, which it reads in upper case only) become plain words."""
    return [word.lower() for word in re.findall(r"\w+", query)]


def indexed_generation(folder: Path) -> str | None:
    marker = folder / _GENERATION_FILE
    try:
        return marker.read_text(encoding="utf-8").strip()
    except OSError:
        return None


def build(folder: Path, documents: Iterable[tuple[str, str | None, str]], generation: str) -> int:
    """Write a fresh index of ``(id, title, text)`` documents into ``folder``; returns the count.

    Built in a sibling folder and swapped in, so readers never see half an index.
    """
    staging = folder.with_name(folder.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    index = _open(staging, reuse=False)
    writer = index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
    count = 0
    for article_id, title, text in documents:
        writer.add_document(tantivy.Document(id=article_id, title=title or "", text=text))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    (staging / _GENERATION_FILE).write_text(generation, encoding="utf-8")
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return count


def search(folder: Path, query: str, limit: int) -> list[tuple[str, float]]:
    """Article ids and BM25 scores for documents holding every word of ``query``."""
    words = query_words(query)
    if not words:
        return []
    index = _open(folder, reuse=True)
    index.reload()
    parsed = index.parse_query(" ".join(words), ["title", "text"], conjunction_by_default=True)
    searcher = index.searcher()
    hits = []
    for score, address in searcher.search(parsed, limit).hits:
        document = searcher.doc(address)
        hits.append((str(document["id"][0]), float(score)))
    return hits
