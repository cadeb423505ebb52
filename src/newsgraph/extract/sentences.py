"""Sentence spans from the parse."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import Span

EXTRACTOR = "newsgraph.sentences.v1"
REQUIRES = frozenset({"doc.sents"})


def extract_sentences(doc: Doc) -> tuple[Span, ...]:
    """One span per sentence, trimmed of surrounding white space."""
    spans = []
    for sentence in doc.sents:
        text = sentence.text
        start = sentence.start_char + (len(text) - len(text.lstrip()))
        end = sentence.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            spans.append(Span(start, end))
    return tuple(spans)
