"""Corpus-level actors: the same person, organisation or country across articles, as one actor.

The heart is a pure function, :func:`group_actors`, over the article entities::

    group_actors(entities) -> tuple[CorpusActor, ...]

Rules, in order:

* A country (``GPE`` with an ISO code) is one actor per code; so are its people (``NORP``).
* A person named with two or more words is keyed by the name, case, dots and a possessive
  aside ("Marco Rubio"). The actors extractor has already put "Secretary of State Marco Rubio"
  and "Rubio" with "Marco Rubio" inside each article, so titles are not part of names.
* A person named with one word ("Rubio"), in an article that never gives the full name, joins
  the one person whose last name it is — only when exactly one such person is known and the
  countries do not disagree. Two known people with that surname (two "Kim"s), or a country
  that differs, keep it apart as an actor of its own: conflicting evidence is not merged.
* Anything else (organisations, places, events…) is keyed by type and name.

Each actor carries its aliases (the names and mention texts seen), its titles with the first
and last date they were used, its most frequent country and sector, and counts. ``wikidata`` is
always empty: no dataset that maps names to Wikidata QIDs ships in a PyPI package we can use.

Limits: two different people with the same full name are one actor; spelling variants
("Mohammed"/"Muhammad") and nicknames are separate actors; organisation acronyms are grouped
only inside an article (by the actors extractor), not across articles.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Aliases kept per actor, most frequent first.
MAX_ALIASES = 25
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityRow:
    """One article entity, as the grouping needs it."""

    article_id: str
    entity_id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    published: date | None = None
    mentions: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusActor:
    actor_id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    titles: tuple[dict[str, Any], ...]
    articles: int
    mentions: int
    first_seen: date | None
    last_seen: date | None
    members: tuple[tuple[str, str], ...] = field(repr=False)  # (article_id, entity_id)
    wikidata: str | None = None


def name_key(name: str) -> str:
    """Case, dots, a leading "the" and a trailing possessive aside."""
    text = _POSSESSIVE.sub("", " ".join(name.split()))
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return text.replace(".", "").casefold()


def _key(row: EntityRow) -> tuple[str, str]:
    if row.type == "GPE" and row.country:
        return ("country", row.country)
    if row.type == "NORP" and row.country:
        return ("people", row.country)
    return (row.type, name_key(row.name))


def _mode(values: Iterable[str | None]) -> str | None:
    counts = Counter(value for value in values if value)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]


def group_actors(entities: Sequence[EntityRow]) -> tuple[CorpusActor, ...]:
    """Group article entities into corpus actors (see the module docstring for the rules)."""
    groups: dict[tuple[str, str], list[EntityRow]] = defaultdict(list)
    single_people: list[EntityRow] = []
    for row in entities:
        key = _key(row)
        if row.type == "PERSON" and len(key[1].split()) < 2:
            single_people.append(row)
        else:
            groups[key].append(row)
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in groups:
        if key[0] == "PERSON":
            by_surname[key[1].split()[-1]].append(key)
    for row in single_people:
        key = _key(row)
        candidates = by_surname.get(key[1], [])
        if len(candidates) == 1:
            country = _mode(member.country for member in groups[candidates[0]])
            if not (row.country and country and row.country != country):
                groups[candidates[0]].append(row)
                continue
        groups[key].append(row)
    return tuple(
        sorted(
            (_actor(key, rows) for key, rows in groups.items()),
            key=lambda actor: (-actor.articles, actor.name),
        )
    )


def _actor(key: tuple[str, str], rows: list[EntityRow]) -> CorpusActor:
    names = Counter(row.name for row in rows)
    # The most frequent of the fullest names ("Marco Rubio" over "Rubio").
    longest = max(len(name.split()) for name in names)
    name = sorted(
        (item for item in names.items() if len(item[0].split()) == longest),
        key=lambda item: (-item[1], item[0]),
    )[0][0]
    aliases: Counter[str] = Counter()
    for row in rows:
        aliases.update(row.aliases or (row.name,))
    titles: dict[str, dict[str, Any]] = {}
    for row in rows:
        for title in row.titles:
            entry = titles.setdefault(
                title.casefold(),
                {"title": title, "first_seen": None, "last_seen": None, "articles": set()},
            )
            entry["articles"].add(row.article_id)
            if row.published:
                first, last = entry["first_seen"], entry["last_seen"]
                entry["first_seen"] = min(first, row.published) if first else row.published
                entry["last_seen"] = max(last, row.published) if last else row.published
    dates = [row.published for row in rows if row.published]
    return CorpusActor(
        actor_id=hashlib.sha256(json.dumps(key).encode()).hexdigest()[:16],
        name=name,
        type=_mode(row.type for row in rows) or key[0],
        country=_mode(row.country for row in rows),
        sector=_mode(row.sector for row in rows),
        aliases=tuple(alias for alias, _ in aliases.most_common(MAX_ALIASES)),
        titles=tuple(
            {
                "title": entry["title"],
                "first_seen": entry["first_seen"].isoformat() if entry["first_seen"] else None,
                "last_seen": entry["last_seen"].isoformat() if entry["last_seen"] else None,
                "articles": len(entry["articles"]),
            }
            for entry in sorted(
                titles.values(), key=lambda e: (e["first_seen"] or date.max, e["title"])
            )
        ),
        articles=len({row.article_id for row in rows}),
        mentions=sum(row.mentions for row in rows),
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        members=tuple(sorted((row.article_id, row.entity_id) for row in rows)),
    )


# The entity rows the grouping reads: one per article entity, with its mention texts and date.
ENTITY_SQL = """
    SELECT e.article_id, e.id, e.name, e.type, e.country, e.sector,
           CAST(e.titles AS VARCHAR) AS titles, a.published_date, m.texts, m.n
    FROM entities e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN (
        SELECT article_id, entity_id, list(DISTINCT text) AS texts, count(*) AS n
        FROM mentions GROUP BY ALL
    ) m ON m.article_id = e.article_id AND m.entity_id = e.id
    ORDER BY e.article_id, e.ordinal
"""


def entity_row(row: tuple[Any, ...]) -> EntityRow:
    """An :class:`EntityRow` from a row of :data:`ENTITY_SQL`."""
    article_id, entity_id, name, kind, country, sector, titles, published, texts, count = row
    title_texts: tuple[str, ...] = ()
    if titles:
        parsed = json.loads(titles)
        if isinstance(parsed, list):
            title_texts = tuple(
                str(item["text"]) for item in parsed if isinstance(item, dict) and "text" in item
            )
    return EntityRow(
        article_id=article_id,
        entity_id=entity_id,
        name=name or "",
        type=kind or "",
        country=country,
        sector=sector,
        titles=title_texts,
        aliases=tuple(sorted({name or "", *(texts or ())} - {""})),
        published=published,
        mentions=int(count or 1),
    )


def actor_row(actor: CorpusActor) -> dict[str, Any]:
    """The ``actors`` table row of an actor."""
    return {
        "actor_id": actor.actor_id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "sector": actor.sector,
        "aliases": list(actor.aliases),
        "titles": json.dumps(list(actor.titles), ensure_ascii=False),
        "articles": actor.articles,
        "mentions": actor.mentions,
        "first_seen": actor.first_seen,
        "last_seen": actor.last_seen,
        "wikidata": actor.wikidata,
    }
