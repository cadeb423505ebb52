"""Corpus-level events: reports of one real-world event from several articles, grouped.

Pure function at the heart::

    cluster_events(rows) -> tuple[EventCluster, ...]

Two article-level events are one corpus event when they have the same PLOVER type, the same
source and target (ISO country when the event states one, else the corpus actor, else the name
as written), dates no more than :data:`WINDOW_DAYS` apart from the cluster's first date (the
event's own date, else the article's), and context in common: at least
:data:`MIN_SHARED_WORDS` content words of the text around the trigger shared with an event
already in the cluster. Each cluster counts its events, articles, stories
(articles with their near-duplicate copies counted once), distinct outlets, and its first and
last report — GDELT's NumArticles/NumSources, with wire copies counted once.

Limits: context is compared as bags of words, so two different accusations by one country
against another in the same three days that share their topic words are one cluster; an event
without either actor is grouped only with events of the very same article.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

# Days between a cluster's first and last event date: news reports an event on its day and the
# next two (time zones, weekend editions, follow-ups).
WINDOW_DAYS = 3
# Content words (4+ letters, not in STOPWORDS) the contexts of two reports must share. Set by
# reading 30 random multi-outlet clusters of 584 AllSides articles each way: without it 9 of 30
# were one real event (same broad actor and type, unrelated statements), with 3 words 18 of 30;
# see docs/decisions.md.
MIN_SHARED_WORDS = 3
CONTEXT_CHARS = 150
STOPWORDS = frozenset(
    {
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "were",
        "they",
        "their",
        "there",
        "which",
        "would",
        "could",
        "should",
        "about",
        "after",
        "before",
        "said",
        "says",
        "also",
        "into",
        "than",
        "then",
        "them",
        "when",
        "what",
        "will",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "over",
        "very",
        "just",
        "being",
        "does",
        "while",
        "where",
        "whose",
        "because",
        "these",
        "those",
        "many",
        "much",
        "like",
        "even",
    }
)
_WORD = re.compile(r"[^\W\d_]{4,}")


def context_words(text: str) -> frozenset[str]:
    """The content words of an event's context (lower case, 4+ letters, no stop words)."""
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in STOPWORDS)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRow:
    article_id: str
    ordinal: int
    type: str
    quad_class: str | None
    source_key: str | None
    target_key: str | None
    source_name: str | None
    target_name: str | None
    day: date | None
    outlet: str | None
    story: str  # the article, or the original it is a near-duplicate of
    context: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventCluster:
    event_id: str
    type: str
    quad_class: str | None
    source: str | None
    target: str | None
    source_name: str | None
    target_name: str | None
    first_date: date | None
    last_date: date | None
    num_events: int
    num_articles: int
    num_stories: int
    num_sources: int
    members: tuple[tuple[str, int], ...]


def _cluster(key: tuple[str, str, str], rows: list[EventRow]) -> EventCluster:
    days = [row.day for row in rows if row.day]
    first = min(days) if days else None
    names_source = [row.source_name for row in rows if row.source_name]
    names_target = [row.target_name for row in rows if row.target_name]
    identity = json.dumps([*key, first.isoformat() if first else None, rows[0].article_id])
    return EventCluster(
        event_id=hashlib.sha256(identity.encode()).hexdigest()[:16],
        type=rows[0].type,
        quad_class=rows[0].quad_class,
        source=rows[0].source_key,
        target=rows[0].target_key,
        source_name=max(set(names_source), key=names_source.count) if names_source else None,
        target_name=max(set(names_target), key=names_target.count) if names_target else None,
        first_date=first,
        last_date=max(days) if days else None,
        num_events=len(rows),
        num_articles=len({row.article_id for row in rows}),
        num_stories=len({row.story for row in rows}),
        num_sources=len({row.outlet for row in rows if row.outlet}),
        members=tuple(sorted((row.article_id, row.ordinal) for row in rows)),
    )


def cluster_events(rows: Sequence[EventRow]) -> tuple[EventCluster, ...]:
    """Group article-level events into corpus events (see the module docstring)."""
    groups: dict[tuple[str, str, str], list[EventRow]] = defaultdict(list)
    for row in rows:
        if row.source_key is None and row.target_key is None:
            # nothing to tell two such reports apart: one cluster per article and type
            key = (row.type, f"article:{row.article_id}", "")
        else:
            key = (row.type, row.source_key or "", row.target_key or "")
        groups[key].append(row)
    clusters: list[EventCluster] = []
    for key, members in groups.items():
        dated = sorted(members, key=lambda row: (row.day or date.max, row.article_id, row.ordinal))
        open_groups: list[list[EventRow]] = []
        for row in dated:
            home = None
            for group in open_groups:
                start = group[0].day
                if row.day is None or start is None or (row.day - start).days > WINDOW_DAYS:
                    continue
                if any(len(row.context & other.context) >= MIN_SHARED_WORDS for other in group):
                    home = group
                    break
            if home is None:
                open_groups.append([row])
            else:
                home.append(row)
        clusters += [_cluster(key, group) for group in open_groups]
    return tuple(sorted(clusters, key=lambda c: (c.first_date or date.max, c.event_id)))
