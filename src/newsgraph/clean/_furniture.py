"""Find page furniture and embedded social posts in paragraph units.

Pure functions over a list of paragraph strings; they return which units to set aside and why.
The furniture vocabulary is data (``data/furniture.toml``); the structure rules are here:

* edge rules take runs of furniture lines at the top and bottom of the text only, so a story
  sentence that happens to use furniture words ("sign up", "cookies", "read more") in the middle
  of the article is never touched;
* ``anywhere`` rules take marker lines that are never prose wherever they stand ("Advertisement",
  "Story continues below", "Enlarge this image toggle caption ...", "___");
* ``link_list`` rules are labels of a block of related links ("Read more:"); the link titles that
  follow (short lines that do not end like a sentence) go with them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

WORD = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
# A line that reads like a sentence of the story: this many words and a sentence-final mark.
SENTENCE_MIN_WORDS = 6
# Bullets, dashes, brackets and bold marks that scrapers leave around a furniture line
# ("• This article is based in part on wire service reports.", "**Sign up here.**",
# "[Editor's note: ...]", "-- This report was updated at 8:17 a.m."). Rules are tried on the line
# with and without them.
_DECORATION = re.compile(r"^[\s•·*▪►»>~\-–—_\[(]+|[\s*\]]+$")

# A related-links block: how many link titles may follow the label, and how long one may be.
LINK_LIST_MAX_ITEMS = 6
LINK_TITLE_MAX_WORDS = 20
_LINK_TITLE_END = re.compile(r"[.!?:;,][\"'”’)]*$")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Twitter/X embed signature: "— Name (@handle) August 21, 2025" (the blockquote's last line).
_TWEET_SIGNATURE = re.compile(
    r"^[—–-]{1,2}\s*.{0,80}\(@\w{1,30}\)\s*(on\s+)?[A-Z][a-z]+\.? \d{1,2},? \d{4}\s*$"
)
# The same signature closing a unit that also holds the post's text, as newspaper3k and other
# scrapers flatten a blockquote into one paragraph: "Text of the tweet — Name (@handle) May 4,
# 2020" (sometimes followed by the widget's "Report" link).
_SIGNATURE = (
    r"[—–]{1,2}\s*[^—–\n]{0,80}\(@\w{1,30}\)\s*(?:on\s+)?" + _MONTH + r"\.? \d{1,2},? \d{4}"
)
_TWEET_SIGNATURE_AT_END = re.compile(_SIGNATURE + r"(?:\s+Report)?\s*$")
_TWEET_SIGNATURE_INSIDE = re.compile(_SIGNATURE)
# A post ends with its signature: more text than this after it is the story, glued on by the
# scraper or a sentence splitter, and the unit is left in the text.
TEXT_AFTER_SIGNATURE_MAX_CHARS = 40
_EMBED_MARKERS = re.compile(
    r"pic\.twitter\.com/\w+|https?://t\.co/\w+|\bView this post on Instagram\b"
    r"|\b(?-i:A) (?:post|photo|video) (?:shared|posted) by [^()\n]{1,60} \(@\w+\)"
    r"|\btwitter\.com/\w+/status/"
    r"|\binstagram\.com/p/|\btiktok\.com/@|\bfacebook\.com/\S+/posts/",
    re.IGNORECASE,
)
# A tweet card flattened to text: "Name (@handle) Text of the post ..." with no signature. The
# post's text starts a new sentence; "Jane Roe (@jroe) lives in Baltimore" is a bio, not a post.
_TWEET_CARD = re.compile(
    r"^(?![—–-])[^()\n]{1,60} \(@\w{1,30}\) (?!" + _MONTH + r"\.? \d)[\"“#@A-Z]"
)
# The description of an embedded video player (YouTube), pasted whole: it asks to subscribe and
# links the channel. These run to thousands of characters, so they have no length limit.
_VIDEO_DESCRIPTION = re.compile(
    r"\bSubscribe to [^.!?]{1,60}[!:.]\s*https?://|\bWatch more [^.!?]{1,60}: https?://",
    re.IGNORECASE,
)
# The labels a site prints around an embed it could not render ("Skip Twitter post by @user",
# "End of Twitter post by @user", BBC).
_EMBED_LABEL = re.compile(
    r"^(?:skip|end of) (?:twitter|x|instagram|facebook|youtube|tiktok) (?:post|content|video)\b",
    re.IGNORECASE,
)
# A post's own text above its signature is short: a tweet is at most 280 characters.
EMBED_TEXT_MAX_CHARS = 300
# The unit above a signature line is taken as the post's text only when it reads like a post (a
# handle, hashtag or link, an exclamation, shouting capitals) and not like reporting about it: a
# story paragraph before a video tweet ("... the president said.") must stay.
_POST_SIGNALS = re.compile(r"[@#]\w|https?://|pic\.twitter\.com/|!|\b[A-Z]{3,}\b.*\b[A-Z]{3,}\b")
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|wrote|writes|tweeted|added|reported|announced|notes|noted"
    r"|responded|vowed|argued|argues|explained)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    name: str
    max_words: int
    sentences: bool
    patterns: tuple[re.Pattern[str], ...]
    anywhere: bool = False
    link_list: bool = False
    # The patterns as one alternation: a line is matched once per rule, not once per pattern.
    combined: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        joined = "|".join(f"(?:{p.pattern})" for p in self.patterns)
        object.__setattr__(self, "combined", re.compile(joined, re.IGNORECASE))


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
            anywhere=bool(rule.get("anywhere", False)),
            link_list=bool(rule.get("link_list", False)),
        )
        for rule in tomllib.loads(raw)["rule"]
    )


@cache
def _anywhere_rules() -> tuple[FurnitureRule, ...]:
    return tuple(rule for rule in furniture_rules() if rule.anywhere)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def reads_like_sentence(line: str) -> bool:
    return word_count(line) >= SENTENCE_MIN_WORDS and bool(_SENTENCE_END.search(line.strip()))


def _rule_for(line: str, rules: tuple[FurnitureRule, ...]) -> FurnitureRule | None:
    stripped = line.strip()
    if not stripped:
        return None
    bare = _DECORATION.sub("", stripped)
    forms = (stripped,) if bare in ("", stripped) else (stripped, bare)
    words = word_count(stripped)
    sentence = reads_like_sentence(stripped)
    for rule in rules:
        if words > rule.max_words or (sentence and not rule.sentences):
            continue
        if any(rule.combined.fullmatch(form) for form in forms):
            return rule
    return None


def furniture_rule_for(line: str, rules: tuple[FurnitureRule, ...] | None = None) -> str | None:
    """The name of the first furniture rule that takes this whole line, or None."""
    rule = _rule_for(line, rules if rules is not None else furniture_rules())
    return rule.name if rule is not None else None


def edge_furniture(units: list[str], passable: frozenset[int] = frozenset()) -> dict[int, str]:
    """Furniture runs at the top and bottom edges: ``{unit index: rule name}``.

    Scanning stops at the first unit from each edge that no rule takes, so furniture words in
    the middle of the story are never touched. Units in ``passable`` (a headline, marker lines
    already set aside, a byline) are stepped over, not taken.
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
        if index in found:
            break
        if index in passable:
            continue
        rule = furniture_rule_for(units[index])
        if rule is None:
            break
        found[index] = rule
    return found


def _looks_like_link_title(unit: str) -> bool:
    """A related-link title: a short line that does not end like a sentence or a clause."""
    words = word_count(unit)
    return 0 < words <= LINK_TITLE_MAX_WORDS and not _LINK_TITLE_END.search(unit.strip())


def inline_furniture(units: list[str]) -> dict[int, str]:
    """Marker lines that are furniture wherever they stand: ``{unit index: rule name}``.

    Only rules marked ``anywhere`` apply; their patterns are whole-line markers that no story
    sentence matches. After a related-links label ("Read more:"), the link titles under it are
    taken too (at most ``LINK_LIST_MAX_ITEMS``), up to the first line that ends like a sentence.
    """
    found: dict[int, str] = {}
    rules = _anywhere_rules()
    index = 0
    while index < len(units):
        rule = _rule_for(units[index], rules)
        if rule is None:
            index += 1
            continue
        found[index] = rule.name
        index += 1
        if rule.link_list:
            end = min(len(units), index + LINK_LIST_MAX_ITEMS)
            while (
                index < end
                and _looks_like_link_title(units[index])
                and _rule_for(units[index], rules) is None
            ):
                found[index] = rule.name
                index += 1
    return found


def _story_after_signature(unit: str) -> bool:
    signature = _TWEET_SIGNATURE_INSIDE.search(unit)
    return signature is not None and len(unit) - signature.end() > TEXT_AFTER_SIGNATURE_MAX_CHARS


def _reads_like_post(unit: str) -> bool:
    return bool(_POST_SIGNALS.search(unit)) and not _REPORTING.search(unit)


def embedded_posts(units: list[str]) -> dict[int, str]:
    """Units that belong to an embedded social-media post: ``{unit index: rule name}``.

    A tweet embed pasted as text is its text followed by a signature line ("— Name (@handle)
    Month D, YYYY"). When the signature is a unit of its own it is taken, and so is the unit
    above it when that reads like a post rather than like reporting; when text and signature
    are one unit, the unit is taken. A unit carrying a post link, an Instagram embed caption or
    a site's "Skip Twitter post" label is taken on its own, and so are a tweet card flattened to
    "Name (@handle) Text ..." and a video player's pasted description. Limits: a post with neither
    a signature, a card header nor a link (a tweet quoted in running text) is not recognised, and
    a unit with a post link that also reports ("... Spicer said. https://t.co/...") is left in
    the story.
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
                and _reads_like_post(units[previous])
            ):
                found[previous] = "tweet_text"
        elif len(unit) <= EMBED_TEXT_MAX_CHARS * 2 and _TWEET_SIGNATURE_AT_END.search(unit):
            found[index] = "tweet"
        elif _EMBED_LABEL.match(unit.strip()):
            found[index] = "embed_label"
        elif (
            len(unit) <= EMBED_TEXT_MAX_CHARS * 2
            and _EMBED_MARKERS.search(unit)
            and not _REPORTING.search(unit)
            and not _story_after_signature(unit)
        ):
            found[index] = "post_link"
        elif (
            len(unit) <= EMBED_TEXT_MAX_CHARS * 2
            and _TWEET_CARD.match(unit)
            and not _REPORTING.search(unit)
        ):
            found[index] = "tweet_card"
        elif _VIDEO_DESCRIPTION.search(unit):
            found[index] = "video_description"
    return found
