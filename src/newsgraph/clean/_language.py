"""Language identification with lingua (its models ship inside the wheel; no download).

The detector is built lazily once per process and kept: building it is cheap, but each language
model loads on first use. Low-accuracy mode (trigrams only) loads in ~0.3 s for all 75 languages
and is accurate on paragraphs of a sentence or more; see docs/decisions.md.

The model is the expensive part of cleaning (~8 ms for a 3,000-character sample), so English is
first recognised the cheap way, by its function words, and only text that does not plainly read
as English is given to the model.

Limits: a foreign passage needs at least ``PASSAGE_MIN_WORDS`` lower-case words to be noticed,
so short quotes ("Je suis Charlie", "¡Sí se puede!") stay in the text; German, which capitalises
its nouns, needs a longer passage than other languages to reach that count.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lingua import LanguageDetectorBuilder

# --- tuned constants ----------------------------------------------------------------------------
# Checked on 89,465 paragraphs (every other record of allsides articles.jsonl, 3,000 articles,
# plus all 2,225 BBC texts) and 27 hand-written foreign sentences in 16 languages (Latin,
# Cyrillic, Arabic, Hebrew and CJK scripts); the audit scripts are not part of the project.

# Characters of the article given to the model; more adds time, not accuracy.
ARTICLE_SAMPLE_CHARS = 3000
# An article whose lower-case words are at least this share English function words is English
# without asking the model. In the first 3,000 characters of all 8,225 allsides + BBC articles
# the share stays well above it (lowest 0.335, 0.1% quantile 0.354, median 0.475), while the
# foreign test sentences run at 0-0.14. The model then only sees the rare article that does not
# read as English, which makes cleaning several times faster (see the module docstring).
ARTICLE_ENGLISH_SHARE = 0.3
# ... and the shortcut is taken only with at least this many lower-case words to count.
ARTICLE_MIN_WORDS = 40

# A paragraph is checked only with at least this many lower-case words (names and title-case
# headlines do not count; see _content_words). With the old rule (five words of any case) the
# model called 198 lines of the sample foreign, 1 of them rightly: team sheets ("Cech, Paulo
# Ferreira, Gallas ..." as Welsh), headlines ("Status quo no longer acceptable" as Latin), photo
# credits ("Charles Dharapak/AP" as French). At six lower-case words all 27 test sentences are
# still seen.
PASSAGE_MIN_WORDS = 6
# Lower-case words that are English function words, at or above which a paragraph is English
# without asking the model. English paragraphs with 6+ lower-case words: 0.5% quantile 0.176,
# median 0.476 (231 of 77,065 fall below 0.15, mostly lists and headlines); the foreign test
# sentences: at most 0.14 (words like "a", "in", "was" that other languages share).
ENGLISH_FUNCTION_SHARE = 0.15
# The model must name the same non-English language, with at least this confidence, twice: on
# the paragraph's lower-case words and on the paragraph without links and handles. Every foreign
# test sentence scores >= 0.99 on both; the English lines that got past the share test scored
# 0.74-0.98 on one view and never >= 0.95 on both, except one ingredient list ("2/3 cup 99%
# rubbing alcohol (isopropyl alcohol) or ethanol", Welsh 0.98). Result on the sample: 2 paragraphs
# flagged (1 true: a Swedish tweet), against 198 (1 true) before; all 27 test sentences found.
PASSAGE_MIN_CONFIDENCE = 0.95
# A paragraph written mostly in a script other than Latin (Cyrillic, Arabic, CJK ...) is given to
# the model whatever its word count; CJK text has no spaces, so letters are counted instead.
OTHER_SCRIPT_MIN_LETTERS = 12

# Frequent English function words. A few ("a", "in", "was", "also") are words of other languages
# too, which is why foreign sentences score up to 0.14 and the threshold sits above that.
# "I" is left out because only lower-case words are counted and a lower-case "i" is Italian;
# "me" because it is as common in Spanish, French and Italian.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a about after against all also among an and any are as at back be because been before being
    between but by can could did do does down during for from get got had has have he her here
    him his how in into is it its just more might must my not now of off on one only or our out
    over said says she should some than that the their them then there these they this those
    through to too under up us very was we were what when where which while who why will with
    without would you your
    """.split()  # noqa: SIM905 - a word list reads better as text than as 100 quoted strings
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Whole tokens only: "7pm" and "2/3" are not words; links, handles and hashtags are not prose.
# (Anchored at token starts, so the pattern is tried once per token, not once per character.)
_NOT_PROSE = re.compile(r"(?<!\S)(?:[@#]\S*|\S*?(?:\d|https?://|www\.|\.(?:com|org|net|gov)\b)\S*)")
_TOKEN = re.compile(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)*(?!\w)")
# Letters beyond Latin Extended-B (U+024F): Greek, Cyrillic, Hebrew, Arabic, Indic, CJK ...
_OTHER_SCRIPT_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


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


def _content_words(text: str) -> list[str]:
    """Lower-case words of the prose: names, title-case headlines, numbers, links left out."""
    return [w for w in _TOKEN.findall(_NOT_PROSE.sub(" ", text)) if not w[0].isupper()]


def _function_share(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(w.lower() in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def reads_as_english(text: str) -> bool:
    """True when the text is plainly English by its function words (no model needed)."""
    words = _content_words(text[:ARTICLE_SAMPLE_CHARS])
    return len(words) >= ARTICLE_MIN_WORDS and _function_share(words) >= ARTICLE_ENGLISH_SHARE


def _mostly_other_script(text: str) -> bool:
    if not _OTHER_SCRIPT_LETTER.search(text):
        return False
    other = len(_OTHER_SCRIPT_LETTER.findall(text))
    return other >= OTHER_SCRIPT_MIN_LETTERS / 2 and other * 2 >= len(_LETTER.findall(text))


def passage_language(text: str) -> str | None:
    """The language of a paragraph when it is clearly not English, else None.

    Cheap first: a paragraph with a normal share of English function words among its lower-case
    words is English. Only the rest are given to the model, twice (lower-case words alone, then
    the paragraph without links and handles), and only the same confident non-English answer
    from both counts.
    """
    if _mostly_other_script(text):
        views = [_NOT_PROSE.sub(" ", text)]
    else:
        # Fast path for ordinary English: links and numbers are never function words, so the
        # share without removing them is a lower bound of the share after removing them.
        quick = [w for w in _TOKEN.findall(text) if not w[0].isupper()]
        if _function_share(quick) >= ENGLISH_FUNCTION_SHARE:
            return None
        words = _content_words(text)
        if len(words) < PASSAGE_MIN_WORDS or _function_share(words) >= ENGLISH_FUNCTION_SHARE:
            return None
        views = [" ".join(words), _NOT_PROSE.sub(" ", text)]
    codes = set()
    for view in views:
        code, confidence = detect_language(view)
        if code is None or code == "en" or confidence < PASSAGE_MIN_CONFIDENCE:
            return None
        codes.add(code)
    return codes.pop() if len(codes) == 1 else None
