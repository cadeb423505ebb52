"""Extractors: pure functions from a parsed spaCy ``Doc`` to tuples of records.

Each is registered as an :class:`~newsgraph.pipeline.Extractor` that states the record field it
fills, the spaCy annotations it needs (``requires``) and its versioned name.
"""

from newsgraph.extract._event_lexicon import load_lexicon
from newsgraph.extract.actors import entity_at, extract_actors, resolve_mention
from newsgraph.extract.amounts import extract_amounts
from newsgraph.extract.dates import dates_in, extract_dates
from newsgraph.extract.events import actor_code, extract_events, main_event
from newsgraph.extract.quantities import parse_quantity
from newsgraph.extract.quotemarks import find_quotations
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.sentences import extract_sentences
from newsgraph.extract.timexpr import normalise_time

__all__ = [
    "actor_code",
    "dates_in",
    "entity_at",
    "extract_actors",
    "extract_amounts",
    "extract_dates",
    "extract_events",
    "extract_quotes",
    "extract_sentences",
    "find_quotations",
    "load_lexicon",
    "main_event",
    "normalise_time",
    "parse_quantity",
    "resolve_mention",
]
