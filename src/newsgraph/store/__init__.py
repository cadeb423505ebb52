"""The corpus store: analysed articles in one DuckDB file, and the questions asked of it.

``Store`` writes and reads (:mod:`newsgraph.store._store`); ``open_corpus`` (exported as
``newsgraph.open``) gives the notebook API; the canned questions are in
:mod:`newsgraph.store._queries`.
"""

from newsgraph.store._corpus import Corpus, open_corpus
from newsgraph.store._store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    RunInfo,
    Store,
    WriteResult,
    analysis_key,
)

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Corpus",
    "RunInfo",
    "Store",
    "WriteResult",
    "analysis_key",
    "open_corpus",
]
