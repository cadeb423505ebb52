"""Find page furniture, embedded social posts and foreign-language passages in paragraph units.

Pure functions over a list of paragraph strings; they return which units to set aside and why.
The furniture vocabulary is data (``data/furniture.toml``); the structure rules are here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

WORD = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
# A line that reads like a sentence of the story: this many words and a sentence-final mark.
SENTENCE_MIN_WORDS = 6

# Twitter/X embed signature: "— Name (@handle) August 21, 2025" (the blockquote's last line).
_TWEET_SIGNATURE = re.compile(
    r"^[—–-]{1,2}\s*.{0,80}\(@\w{1,30}\)\s*(on\s+)?[A-Z][a-z]+\.? \d{1,2},? \d{4}\s*$"
)
_EMBED_MARKERS = re.compile(
    r"pic\.twitter\.com/\w+|https?://t\.co/\w+|\bA post shared by\b|\bView this post on Instagram\b"
    r"|\binstagram\.com/p/|\btiktok\.com/@|\bfacebook\.com/\S+/posts/",
    re.IGNORECASE,
)
# A post's own text above its signature is short: a tweet is at most 280 characters.
EMBED_TEXT_MAX_CHARS = 300


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    name: str
    max_words: int
    sentences: bool
    patterns: tuple[re.Pattern[str], ...]


@cache
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """The furniture rules shipped in ``newsgraph/clean/data/furniture.toml``."""
    raw = resources.files("newsgraph.clean").joinpath("data/furniture.toml").read_text("utf-8")
    return tuple(
        FurnitureRule(
            name=rule["name"],
            max_words=int(rule["max_words"]),
            sentences=bool(rule.get("sentences", False)),
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in rule["patterns"]),
        )
        for rule in tomllib.loads(raw)["rule"]
    )


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def reads_like_sentence(line: str) -> bool:
    return word_count(line) >= SENTENCE_MIN_WORDS and bool(_SENTENCE_END.search(line.strip()))


def furniture_rule_for(line: str, rules: tuple[FurnitureRule, ...] | None = None) -> str | None:
    """The name of the first furniture rule that takes this whole line, or None."""
    stripped = line.strip()
    if not stripped:
        return None
    words = word_count(stripped)
    sentence = reads_like_sentence(stripped)
    for rule in rules if rules is not None else furniture_rules():
        if words > rule.max_words or (sentence and not rule.sentences):
            continue
        if any(pattern.match(stripped) for pattern in rule.patterns):
            return rule.name
    return None


def edge_furniture(units: list[str], passable: frozenset[int] = frozenset()) -> dict[int, str]:
    """Furniture runs at the top and bottom edges: ``{unit index: rule name}``.

    Scanning stops at the first unit from each edge that no rule takes (units in ``passable``,
    such as a headline, are stepped over), so furniture words in the middle of the story are
    never touched.
    """
    found: dict[int, str] = {}
    for index in range(len(units)):
        if index in passable:
            continue
        rule = furniture_rule_for(units[index])
        if rule is None:
            break
        found[index] = rule
    for index in range(len(units) - 1, -1, -1):
        if index in found or index in passable:
            break
        rule = furniture_rule_for(units[index])
        if rule is None:
            break
        found[index] = rule
    return found


def embedded_posts(units: list[str]) -> dict[int, str]:
    """Units that belong to an embedded social-media post: ``{unit index: rule name}``.

    A tweet embed pasted as text is its text followed by a signature line ("— Name (@handle)
    Month D, YYYY"); both are taken. A unit carrying a post link or an Instagram embed caption
    is taken on its own.
    """
    found: dict[int, str] = {}
    for index, unit in enumerate(units):
        lines = unit.strip().splitlines()
        if lines and _TWEET_SIGNATURE.match(lines[-1].strip()):
            found[index] = "tweet_signature"
            previous = index - 1
            if (
                len(lines) == 1
                and previous >= 0
                and previous not in found
                and len(units[previous]) <= EMBED_TEXT_MAX_CHARS
            ):
                found[previous] = "tweet_text"
        elif _EMBED_MARKERS.search(unit) and len(unit) <= EMBED_TEXT_MAX_CHARS * 2:
            found[index] = "post_link"
    return found
