"""Response and request shapes of the web API (Pydantic lives here, at the web boundary only)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    """Every error answer: a message for people, and details for programs when there are any."""

    error: str
    detail: list[dict[str, Any]] | None = None


class ArticleItem(BaseModel):
    id: str
    source: str | None
    url: str | None
    title: str | None
    authors: list[str] | None
    published: str | None
    language: str | None
    chars: int | None
    n_entities: int | None
    n_quotes: int | None
    n_events: int | None


class ArticleDetail(BaseModel):
    """One article's full record (see docs/schema.md) and its entities' corpus actor ids."""

    record: dict[str, Any]
    actors: dict[str, str] = Field(description="entity id in the record → corpus actor id")


class ActorItem(BaseModel):
    id: str
    name: str | None
    type: str | None
    country: str | None
    sector: str | None
    articles: int
    mentions: int | None
    quotes: int


class TitleCount(BaseModel):
    text: str
    count: int


class WeekCount(BaseModel):
    week: str
    articles: int


class ActorDetail(BaseModel):
    id: str
    name: str | None
    type: str | None
    country: str | None
    sector: str | None
    articles: int
    mentions: int | None
    aliases: list[str]
    titles: list[TitleCount]
    timeline: list[WeekCount]


class QuoteItem(BaseModel):
    article_id: str
    ord: int
    text: str | None
    kind: str | None
    speaker_name: str | None
    speaker_actor: str | None
    via: str | None
    span_start: int | None
    span_end: int | None
    title: str | None
    source: str | None
    published: str | None


class EventItem(BaseModel):
    article_id: str
    ord: int
    type: str | None
    mode: str | None
    quad_class: str | None
    source: str | None
    source_actor: str | None
    source_name: str | None
    target: str | None
    target_actor: str | None
    target_name: str | None
    asserted_by: str | None
    negated: bool | None
    hedged: bool | None
    modality: str | None
    date: str | None
    place: str | None
    trigger_start: int | None
    trigger_end: int | None
    title: str | None
    outlet: str | None
    published: str | None


class EventReport(BaseModel):
    article_id: str
    ord: int
    title: str | None
    outlet: str | None
    published: str | None


class CorpusEventItem(BaseModel):
    id: str
    type: str | None
    quad_class: str | None
    source: str | None
    source_key: str | None
    target: str | None
    target_key: str | None
    first_date: str | None
    last_date: str | None
    events: int
    articles: int
    stories: int
    outlets: int
    reports: list[EventReport]


class DyadWeek(BaseModel):
    week: str
    quad_class: str
    events: int


class DyadSeries(BaseModel):
    first: str
    second: str
    weeks: list[DyadWeek]


class NetworkNode(BaseModel):
    id: str
    name: str | None
    type: str | None
    country: str | None
    articles: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    kind: str
    weight: int


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class PlaceItem(BaseModel):
    name: str | None
    country: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    mentions: int
    articles: int
    sample_articles: list[str]


class CountryCount(BaseModel):
    country: str
    mentions: int
    articles: int


class SearchHit(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    hit: list[int] | None = Field(description="[start, end) of the first match in the text")
    snippet: str


class SourceCount(BaseModel):
    source: str
    articles: int


class Stats(BaseModel):
    articles: int
    actors: int
    quotes: int
    events: int
    places: int
    first_day: str | None
    last_day: str | None
    writable: bool


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class ArticlePage(Page):
    items: list[ArticleItem]


class ActorPage(Page):
    items: list[ActorItem]


class QuotePage(Page):
    items: list[QuoteItem]


class EventPage(Page):
    items: list[EventItem]


class CorpusEventPage(Page):
    items: list[CorpusEventItem]


class PlacePage(Page):
    items: list[PlaceItem]


class SearchPage(Page):
    items: list[SearchHit]


class NewArticle(BaseModel):
    """An article to analyse and store, as JSON. Give ``text`` or ``html`` (not a URL)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="Plain text: a headline, then paragraphs")
    html: str | None = Field(default=None, description="The article's HTML page")
    title: str | None = None
    source: str | None = Field(default=None, description="Outlet name")
    url: str | None = Field(default=None, description="Where it was published (not fetched)")
    published: str | None = Field(default=None, description="ISO 8601 date or date-time")
    authors: list[str] = Field(default_factory=list)


class Stored(BaseModel):
    id: str
    title: str | None
    entities: int
    quotes: int
    events: int
