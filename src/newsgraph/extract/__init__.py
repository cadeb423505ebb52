"""Extractors: pure functions from a parsed spaCy ``Doc`` to tuples of records.

Each is registered as an :class:`~newsgraph.pipeline.Extractor` that states the record field it
fills, the spaCy annotations it needs (``requires``) and its versioned name.
"""

from newsgraph.extract.entities import extract_entities
from newsgraph.extract.sentences import extract_sentences

__all__ = ["extract_entities", "extract_sentences"]
