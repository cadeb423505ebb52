"""The record model: frozen dataclasses that every stage produces and every output is built from.

All offsets are character offsets into ``Article.text`` (the clean text), end-exclusive, so
``article.text[span.start:span.end]`` is always the text a record points at. Each extracted
record names the extractor that made it (``newsgraph.entities.v1``): a re-run can decide what to
redo from the article id, the extractor names and the configuration.

The JSON form of these records is the contract documented in ``docs/schema.md`` and checked by
``newsgraph/schema/article.schema.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

SCHEMA_VERSION = "newsgraph.article/1"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the article's clean text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


# --- ingest ---------------------------------------------------------------------------------

MediaType = Literal["text/plain", "text/html", "text/html-fragment"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Origin:
    """Where a document came from: the input path, its container format and record index."""

    path: str
    format: str
    record: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One article as read from its input, decoded to ``str`` but otherwise untouched.

    Metadata fields hold what the container itself states (JSONL fields, feed item, WARC URI);
    cleaning may add what it finds in the page.
    """

    origin: Origin
    body: str
    media_type: MediaType
    encoding: str = "utf-8"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """A document (or record) that could not be analysed, and why. Never silently dropped."""

    origin: Origin
    stage: str
    error: str
    reason: str

    def message(self) -> str:
        where = (
            self.origin.path
            if self.origin.record is None
            else (f"{self.origin.path}#{self.origin.record}")
        )
        return f"{where}: {self.reason} [{self.error}]"


# --- clean ----------------------------------------------------------------------------------

RemovalReason = Literal["furniture", "embedded_post", "foreign_language"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Removed:
    """Text taken out of the article by cleaning. ``at`` is where it stood in the clean text."""

    text: str
    reason: RemovalReason
    rule: str
    at: int
    extractor: str


# --- extracted records ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    """A title or role an actor is given ("Secretary of State"), and by whom."""

    text: str
    span: Span
    by_outlet: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One entity of the article with every mention of it.

    ``actor_code`` is the CAMEO actor code a user's actor dictionary gives the entity (such as
    ``RUSGOV``) and ``actor_code_source`` that dictionary's file name; both are null without a
    dictionary. What the text says about country and sector wins over the dictionary."""

    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]
    extractor: str
    titles: tuple[Title, ...] = ()
    affiliation: str | None = None
    country: str | None = None
    sector: str | None = None
    actor_code: str | None = None
    actor_code_source: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """Something a source said, wrote or thinks, as the article reports it.

    ``span`` is the content (inside the quote marks for direct quotes); ``speaker`` the entity id
    of the source when it resolves to one, ``speaker_name`` its name (or the noun phrase, such as
    "officials", when it names no entity), ``speaker_span`` the source's mention in the
    attributing clause (a pronoun stays a pronoun there), ``cue`` the attributing verb or phrase,
    ``via`` the outlet or medium that relays the words when that is not the speaker."""

    text: str
    span: Span
    kind: Literal["direct", "partial", "indirect"]
    speaker: str | None
    speaker_name: str | None
    speaker_span: Span | None
    cue: Span | None
    via: str | None
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A coded event (PLOVER) with its evidence, assertion and modality.

    ``type``/``mode`` are the PLOVER event type and mode; ``source``/``target`` the actors'
    names, with their entity ids, ISO alpha-3 ``country`` and ``sector`` (a dyad such as
    USA-GOV → VEN-GOV); ``asserted_by`` is None when the article states the event itself, else
    the speaker of the quote or reported speech that holds it; ``modality`` is ``actual``,
    ``future``, ``hypothetical``, ``demanded`` or ``historical``; ``date_source`` says whether
    ``date`` comes from the ``text`` or is the ``publication`` date."""

    type: str
    mode: str | None
    quad_class: str | None
    cameo: str | None
    source: str | None
    source_entity: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target: str | None
    target_entity: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    sentence: int
    trigger: Span
    source_span: Span | None
    target_span: Span | None
    asserted_by: str | None
    asserted_by_entity: str | None = None
    asserted_by_span: Span | None = None
    negated: bool
    hedged: bool
    modality: str
    date: str | None
    date_span: Span | None = None
    date_source: str | None = None
    place: str | None
    place_span: Span | None = None
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Amount:
    """A quantity: money, a count of things, a percentage or a measure.

    ``value`` is the number as stated, multipliers applied ("$50 million" → 50000000); a range
    or a vague quantity ("between $10bn and $12bn", "dozens") has ``value_max`` too. ``qualifier``
    says how the stated value bounds the real one (``over``, ``under``, ``at_least``,
    ``up_to``, ``about``, ``nearly``, ``between``); ``approximate`` is true when the text does
    not state the exact quantity (a qualifier, a range or a vague word). ``currency`` is the ISO
    4217 code of money; ``unit`` the unit of a measure ("km", "bbl/d") or percentage ("%",
    "percentage point", "basis point"). ``object`` is the head noun the amount counts or
    measures ("destroyers", "bounty"), ``per`` the noun of a rate ("flight" in "$200,000 per
    flight"), ``about`` the id of the entity the parse ties the amount to ("Ordaz's reward")."""

    text: str
    span: Span
    kind: Literal["money", "count", "percent", "measure"]
    value: float | None
    value_max: float | None
    unit: str | None
    currency: str | None
    qualifier: str | None
    approximate: bool
    object: Span | None
    per: Span | None
    about: str | None
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DateRef:
    """A time expression and what it means.

    ``kind`` is ``date`` (a point or period of the calendar: "Thursday", "late July", "2019"),
    ``duration`` ("five years", "the past two weeks") or ``set`` ("daily"). ``value`` is the
    TimeML TIMEX3 value ("2025-08-07", "2025-W32", "2025-08", "2025-Q3", "2025-SU", "2025",
    "198" for the 1980s, "PRESENT_REF", "P5Y"), ``None`` when it cannot be fixed (no
    publication date for "Thursday"); ``resolution`` its grain (day, week, weekend, month,
    quarter, half, season, year, decade, century, reference, duration, set). ``modifier``:
    start / mid / end ("early/mid/late July") or approx. ``relation`` is the preposition that
    opens the interval ("since 2007": since). ``start``/``end`` are the first and last ISO day
    the expression covers (``None`` for an open side). ``anchor`` says what fixed the value:
    the expression itself (absolute), the publication date (published), a year the article
    states (article) or nothing (none); ``confidence`` how sure that value is (0–1)."""

    span: Span
    kind: Literal["date", "duration", "set"]
    value: str | None
    resolution: str | None
    modifier: str | None
    relation: str | None
    start: str | None
    end: str | None
    anchor: Literal["absolute", "published", "article", "none"]
    confidence: float | None
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place mention resolved to a gazetteer entry.

    ``span`` is the toponym as written ("Springfield" of "Springfield, Illinois"); ``name`` the
    gazetteer's name for it ("United Kingdom" for "Britain"), or the text itself when it
    resolves to nothing (then ``country``, ``feature``, ``lat``, ``lon`` and ``confidence`` are
    null). ``country`` is ISO 3166 alpha-2; ``feature`` one of country, continent,
    admin_region (a state or province), county, city, ocean, sea, region; ``geonameid`` the
    GeoNames id when the place has one; ``admin1`` the name of its state or province;
    ``entity`` the id of the actor entity that has the same mention."""

    span: Span
    name: str
    country: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    confidence: float | None
    extractor: str
    geonameid: int | None = None
    admin1: str | None = None
    population: int | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """How a record was made: input, model, extractors, and anything that was skipped."""

    origin: Origin
    newsgraph: str
    model: str | None
    extractors: tuple[str, ...]
    skipped: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The full record of one article. Field order is the JSON key order."""

    id: str
    source: str | None
    url: str | None
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    language: str | None
    text: str
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    amounts: tuple[Amount, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()
    tone: dict[str, float] | None = None
    provenance: Provenance | None = field(default=None, compare=False)


def to_json(obj: Any) -> Any:
    """Turn a record (or a tuple of records) into plain JSON values; a Span becomes ``[s, e]``."""
    if isinstance(obj, Span):
        return [obj.start, obj.end]
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_json(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_json(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_json(value) for key, value in obj.items()}
    return obj


def article_to_json(article: Article) -> dict[str, Any]:
    """The JSON record of an article, with the schema version as its first key."""
    return {"schema": SCHEMA_VERSION, **to_json(article)}
