"""newsgraph: sourced, span-anchored records from news articles, offline.

The pipeline is ``ingest → clean → annotate → extract``; see :mod:`newsgraph.pipeline`.

>>> from newsgraph import Pipeline, iter_documents, article_to_json
>>> pipeline = Pipeline()                                        # doctest: +SKIP
>>> for item in pipeline.run(iter_documents(["examples/"])):     # doctest: +SKIP
...     print(article_to_json(item) if isinstance(item, Article) else item.message())

A corpus built by ``newsgraph ingest`` is read with :func:`open`:

>>> corpus = newsgraph.open("corpus.duckdb")                     # doctest: +SKIP
>>> corpus.quotes(speaker="Rubio")                               # doctest: +SKIP
"""

from newsgraph._version import __version__
from newsgraph.clean import CleanDocument, clean_document
from newsgraph.errors import (
    BinaryInputError,
    ConfigError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    NewsgraphError,
    NoContentError,
    StoreError,
    UnsupportedFormatError,
)
from newsgraph.ingest import IngestReport, iter_documents
from newsgraph.pipeline import (
    DocumentContext,
    Extractor,
    Pipeline,
    PipelineOptions,
    article_id,
)
from newsgraph.records import (
    SCHEMA_VERSION,
    Amount,
    Article,
    DateRef,
    Entity,
    Event,
    Failure,
    Origin,
    Place,
    Provenance,
    Quote,
    RawDocument,
    Removed,
    Span,
    Title,
    article_to_json,
)
from newsgraph.schema import validate_article
from newsgraph.store import Corpus, Store
from newsgraph.store import open_corpus as open  # newsgraph.open("corpus.duckdb")

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "Article",
    "BinaryInputError",
    "CleanDocument",
    "ConfigError",
    "Corpus",
    "DateRef",
    "DocumentContext",
    "EmptyInputError",
    "Entity",
    "Event",
    "Extractor",
    "Failure",
    "IngestReport",
    "InputError",
    "InputTooLargeError",
    "MalformedRecordError",
    "NewsgraphError",
    "NoContentError",
    "Origin",
    "Pipeline",
    "PipelineOptions",
    "Place",
    "Provenance",
    "Quote",
    "RawDocument",
    "Removed",
    "Span",
    "Store",
    "StoreError",
    "Title",
    "UnsupportedFormatError",
    "__version__",
    "article_id",
    "article_to_json",
    "clean_document",
    "iter_documents",
    "open",
    "validate_article",
]
