"""Language identification with lingua (its models ship inside the wheel; no download).

The detector is built lazily once per process and kept: building it is cheap, but each language
model loads on first use. Low-accuracy mode (trigrams only) loads in ~0.3 s for all 75 languages
and is accurate on paragraphs of a sentence or more; see docs/decisions.md.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lingua import LanguageDetectorBuilder

# Characters of the article used to identify its language; more adds time, not accuracy.
ARTICLE_SAMPLE_CHARS = 3000
# A paragraph is checked only with at least this many words: shorter lines are too ambiguous.
PASSAGE_MIN_WORDS = 5
# English function words per word at or above which a paragraph is taken as English without
# asking the model (news prose runs at 0.35-0.5; Spanish or French prose at 0-0.05).
ENGLISH_FUNCTION_SHARE = 0.12
# The model must give the other language at least this much confidence.
PASSAGE_MIN_CONFIDENCE = 0.6

_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "and",
        "is",
        "was",
        "for",
        "on",
        "that",
        "with",
        "said",
        "by",
        "at",
        "as",
        "it",
        "from",
        "he",
        "she",
        "they",
        "has",
        "have",
        "be",
        "are",
        "were",
        "will",
        "would",
        "not",
        "this",
        "his",
        "her",
        "their",
        "its",
        "who",
        "which",
        "but",
        "or",
        "had",
        "been",
        "we",
        "our",
        "you",
        "i",
        "after",
        "over",
        "about",
        "than",
        "more",
        "into",
        "also",
        "there",
        "can",
        "could",
        "should",
        "these",
        "those",
        "when",
        "what",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@cache
def _detector() -> Any:
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code of the text's language and the model's confidence; (None, 0) if unsure."""
    sample = text[:ARTICLE_SAMPLE_CHARS]
    if not _WORD.search(sample):
        return None, 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def english_function_share(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def passage_language(text: str) -> str | None:
    """The language of a paragraph when it is clearly not English, else None.

    Cheap first: a paragraph with a normal share of English function words is English. Only the
    rest are given to the model, and only a confident non-English answer counts.
    """
    words = _WORD.findall(text)
    if len(words) < PASSAGE_MIN_WORDS or english_function_share(text) >= ENGLISH_FUNCTION_SHARE:
        return None
    code, confidence = detect_language(text)
    if code is None or code == "en" or confidence < PASSAGE_MIN_CONFIDENCE:
        return None
    return code
