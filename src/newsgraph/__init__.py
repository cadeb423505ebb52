"""newsgraph: sourced, span-anchored records from news articles, offline.

The pipeline is ``ingest → clean → annotate → extract``; see :mod:`newsgraph.pipeline`.

>>> from newsgraph import Pipeline, iter_documents, article_to_json
>>> pipeline = Pipeline()                                        # doctest: +SKIP
>>> for item in pipeline.run(iter_documents(["examples/"])):     # doctest: +SKIP
...     print(article_to_json(item) if isinstance(item, Article) else item.message())
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

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "Article",
    "BinaryInputError",
    "CleanDocument",
    "ConfigError",
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
    "Title",
    "UnsupportedFormatError",
    "__version__",
    "article_id",
    "article_to_json",
    "clean_document",
    "iter_documents",
    "validate_article",
]
