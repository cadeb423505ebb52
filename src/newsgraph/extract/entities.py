"""Named entities from spaCy's NER, with mentions of the same name and type grouped.

This is plain NER: "Nicolás Maduro" and "Maduro" are still two entities here. Grouping aliases,
titles and affiliations is the actors extractor's job.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from newsgraph.records import Entity, Span

EXTRACTOR = "newsgraph.entities.v1"
REQUIRES = frozenset({"doc.ents"})

# spaCy labels that name things. Numbers, dates and money are amounts/dates, not entities.
ENTITY_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "EVENT",
        "LAW",
        "PRODUCT",
        "WORK_OF_ART",
        "LANGUAGE",
    }
)
_LEADING_ARTICLE = ("the ", "The ")


def _key(text: str) -> str:
    return " ".join(_display_name(text).replace("’", "'").split()).casefold()


def _display_name(text: str) -> str:
    for article in _LEADING_ARTICLE:
        if text.startswith(article) and len(text) > len(article):
            return text[len(article) :]
    return text


def extract_entities(doc: Doc) -> tuple[Entity, ...]:
    """Entities in order of first mention; ids ``E1``, ``E2``... are stable for a given text."""
    groups: dict[tuple[str, str], list[Span]] = {}
    surfaces: dict[tuple[str, str], Counter[str]] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or not ent.text.strip():
            continue
        key = (ent.label_, _key(ent.text))
        groups.setdefault(key, []).append(Span(ent.start_char, ent.end_char))
        surfaces.setdefault(key, Counter())[ent.text] += 1
    return tuple(
        Entity(
            id=f"E{number}",
            name=_display_name(surfaces[key].most_common(1)[0][0]),
            type=key[0],
            mentions=tuple(spans),
            extractor=EXTRACTOR,
        )
        for number, (key, spans) in enumerate(groups.items(), start=1)
    )
