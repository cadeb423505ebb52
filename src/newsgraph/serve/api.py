"""The web API and interface of ``newsgraph serve``: :func:`create_app` builds the FastAPI app.

Read endpoints live under ``/api`` (OpenAPI schema at ``/openapi.json``, interactive docs at
``/docs``); the web interface is the static page at ``/``. Writes (``POST /api/articles``) need
the token given to :func:`create_app`; without one the server is read-only.

Limits: request bodies over ``max_body_bytes`` are refused (413), list pages hold at most
:data:`MAX_PAGE` items, every query is stopped after the corpus's time limit (503). Every error
is JSON ``{"error": message}``; an unexpected one is logged here and answered without its
traceback.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph._version import __version__
from newsgraph.records import Article, Failure, Origin, RawDocument
from newsgraph.serve import models
from newsgraph.serve.corpus import Corpus, Page, QueryTimeoutError

if TYPE_CHECKING:
    from newsgraph.pipeline import Pipeline

logger = logging.getLogger(__name__)

# Largest list page a client may ask for, and the default page.
MAX_PAGE = 200
DEFAULT_PAGE = 50
# Deepest offset: paging past it is what a scraper does, not a person; filters narrow instead.
MAX_OFFSET = 100_000
# Largest network answer (edges), to keep the graph readable and the page fast.
MAX_EDGES = 500
# Request bodies: an article page is rarely over 1 MB; 2 MB leaves room for heavy HTML.
DEFAULT_MAX_BODY_BYTES = 2_000_000

# Content Security Policy of every answer: scripts, styles and data only from this server, no
# inline scripts, no plugins, no framing. Article text is rendered with DOM text nodes; this is
# the second line of defence.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
    " frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

STATIC = Path(str(resources.files("newsgraph.serve") / "static"))

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Since = Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD), inclusive.")]
Until = Annotated[dt.date | None, Query(description="Last day (YYYY-MM-DD), inclusive.")]
Text = Annotated[str | None, Query(max_length=200)]

ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]


class BodyLimit:
    """ASGI middleware: refuse a request body over ``max_bytes`` with 413, before reading it all.

    Checks the declared Content-Length, then counts the bytes that actually arrive (a chunked
    upload declares none)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        received = 0

        async def counting_receive() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLargeError
            return message

        try:
            await self.app(scope, counting_receive, send)
        except _BodyTooLargeError:
            await self._refuse(send)

    async def _refuse(self, send: Callable[[Any], Awaitable[None]]) -> None:
        response = _error(413, f"request body over {self.max_bytes:,} bytes")
        await response({"type": "http"}, _no_body, send)


class _BodyTooLargeError(Exception):
    pass


async def _no_body() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


def _error(status: int, message: str, detail: list[dict[str, Any]] | None = None) -> JSONResponse:
    body = models.ErrorBody(error=message, detail=detail)
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, headers=SECURITY_HEADERS
    )


def _page(page: Page) -> dict[str, Any]:
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


class _Analyser:
    """The spaCy pipeline for writes, loaded on the first write (it takes seconds) and shared."""

    def __init__(self, pipeline: Pipeline | None) -> None:
        self._lock = threading.Lock()
        self._pipeline = pipeline

    def analyse(self, raw: RawDocument) -> Article | Failure:
        from newsgraph.pipeline import Pipeline

        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            [result] = list(self._pipeline.run([raw]))
        return result


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    query_timeout: float | None = None,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    """The web app serving the corpus at ``db_path``; writes only with ``token``.

    ``pipeline`` analyses posted articles (default: built on the first write)."""
    options: dict[str, Any] = {} if query_timeout is None else {"query_timeout": query_timeout}
    corpus = Corpus(db_path, writable=token is not None, **options)
    analyser = _Analyser(pipeline)
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        summary="Articles, actors, quotes, events and places of a newsgraph corpus, with the"
        " text each fact comes from.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.corpus = corpus
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Any]]
    ) -> Any:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("cache-control", "no-store")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        return _error(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        detail = [
            {"loc": list(item.get("loc", ())), "msg": str(item.get("msg", ""))}
            for item in error.errors()
        ]
        first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(part) for part in first["loc"])
        return _error(422, f"invalid request: {where}: {first['msg']}", jsonable_encoder(detail))

    @app.exception_handler(QueryTimeoutError)
    async def timed_out(request: Request, error: QueryTimeoutError) -> JSONResponse:
        return _error(503, str(error))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
        return _error(500, "internal error (logged on the server)")

    def need_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            raise HTTPException(403, "this server is read-only (start it with a token)")
        expected = f"Bearer {token}"
        if authorization is None or not hmac.compare_digest(
            authorization.encode(), expected.encode()
        ):
            raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is needed")

    # --- web interface ------------------------------------------------------------------

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg")

    # --- corpus -------------------------------------------------------------------------

    @app.get("/api/stats", response_model=models.Stats, tags=["corpus"])
    def stats() -> dict[str, Any]:
        """Counts of the corpus and the days it covers."""
        found = corpus.stats()
        return {
            **found,
            "first_day": _iso(found["first_day"]),
            "last_day": _iso(found["last_day"]),
            "writable": token is not None,
        }

    @app.get("/api/sources", response_model=list[models.SourceCount], tags=["corpus"])
    def sources() -> list[dict[str, Any]]:
        """Outlets and how many articles each has."""
        return corpus.sources()

    # --- articles -----------------------------------------------------------------------

    @app.get("/api/articles", response_model=models.ArticlePage, tags=["articles"])
    def list_articles(
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        source: Text = None,
        actor: Text = None,
        since: Since = None,
        until: Until = None,
    ) -> dict[str, Any]:
        """Articles, newest first; filter by outlet, an actor they mention, and publication day."""
        return _page(
            corpus.articles(
                source=source,
                actor=actor,
                since=_iso(since),
                until=_iso(until),
                limit=limit,
                offset=offset,
            )
        )

    @app.get(
        "/api/articles/{article_id}",
        response_model=models.ArticleDetail,
        responses={404: {"model": models.ErrorBody}},
        tags=["articles"],
    )
    def get_article(article_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One article: its full record (text, entities, quotes, events, amounts, dates, places,
        removed text) and the corpus actor id of each entity."""
        found = corpus.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return found

    @app.post(
        "/api/articles",
        response_model=models.Stored,
        status_code=201,
        dependencies=[Depends(need_token)],
        responses={
            401: {"model": models.ErrorBody},
            403: {"model": models.ErrorBody},
            413: {"model": models.ErrorBody},
            415: {"model": models.ErrorBody},
            422: {"model": models.ErrorBody},
        },
        tags=["articles"],
        openapi_extra={
            "requestBody": {
                "content": {
                    "application/json": {
                        "schema": models.NewArticle.model_json_schema(
                            ref_template="#/components/schemas/{model}"
                        )
                    },
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                },
                "required": True,
            }
        },
    )
    async def post_article(request: Request) -> dict[str, Any]:
        """Analyse an article (plain text, an HTML page, or JSON) and store it. Needs the token."""
        raw = _raw_document(request.headers.get("content-type", ""), await request.body())
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(analyser.analyse, raw)
        if isinstance(result, Failure):
            raise HTTPException(422, f"the article could not be analysed: {result.reason}")
        await run_in_threadpool(corpus.add, result)
        return {
            "id": result.id,
            "title": result.title,
            "entities": len(result.entities),
            "quotes": len(result.quotes),
            "events": len(result.events),
        }

    # --- actors, quotes, events ---------------------------------------------------------

    @app.get("/api/actors", response_model=models.ActorPage, tags=["actors"])
    def list_actors(
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        q: Annotated[str | None, Query(max_length=200, description="Part of the name")] = None,
        type: Annotated[str | None, Query(max_length=20, description="PERSON, ORG, GPE…")] = None,
    ) -> dict[str, Any]:
        """Corpus actors (entities grouped by type and name), most covered first."""
        return _page(corpus.actors(query=q, type=type, limit=limit, offset=offset))

    @app.get(
        "/api/actors/{actor_id}",
        response_model=models.ActorDetail,
        responses={404: {"model": models.ErrorBody}},
        tags=["actors"],
    )
    def get_actor(actor_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One actor: names, titles, country and sector, and articles per week."""
        found = corpus.actor(actor_id)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id!r}")
        return found

    @app.get("/api/quotes", response_model=models.QuotePage, tags=["quotes"])
    def list_quotes(
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        speaker: Annotated[str | None, Query(max_length=64, description="Actor id")] = None,
        article: Annotated[str | None, Query(max_length=64)] = None,
        kind: Annotated[str | None, Query(pattern="^(direct|partial|indirect)$")] = None,
        q: Annotated[str | None, Query(max_length=200, description="Words in the quote")] = None,
        since: Since = None,
        until: Until = None,
    ) -> dict[str, Any]:
        """Quotes with their speaker and article, newest first."""
        return _page(
            corpus.quotes(
                speaker=speaker,
                article=article,
                kind=kind,
                query=q,
                since=_iso(since),
                until=_iso(until),
                limit=limit,
                offset=offset,
            )
        )

    @app.get("/api/events", response_model=models.EventPage, tags=["events"])
    def list_events(
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        source: Annotated[
            str | None, Query(max_length=64, description="Actor id, name or country code")
        ] = None,
        target: Annotated[
            str | None, Query(max_length=64, description="Actor id, name or country code")
        ] = None,
        type: Annotated[str | None, Query(max_length=40, description="PLOVER type")] = None,
        quad_class: Annotated[str | None, Query(max_length=40)] = None,
        since: Since = None,
        until: Until = None,
        outlet: Text = None,
        asserted_by: Text = None,
        hedged: bool | None = None,
        negated: bool | None = None,
        article: Annotated[str | None, Query(max_length=64)] = None,
    ) -> dict[str, Any]:
        """Article-level events, newest first."""
        return _page(
            corpus.events(
                source=source,
                target=target,
                type=type,
                quad_class=quad_class,
                since=_iso(since),
                until=_iso(until),
                outlet=outlet,
                asserted_by=asserted_by,
                hedged=hedged,
                negated=negated,
                article=article,
                limit=limit,
                offset=offset,
            )
        )

    @app.get("/api/corpus-events", response_model=models.CorpusEventPage, tags=["events"])
    def list_corpus_events(
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        actor: Annotated[
            str | None,
            Query(max_length=64, description="Source or target: country code, actor key or name"),
        ] = None,
        type: Annotated[str | None, Query(max_length=40, description="PLOVER type")] = None,
        min_outlets: Annotated[
            int, Query(ge=0, le=1000, description="Reported by at least this many outlets")
        ] = 0,
        since: Since = None,
        until: Until = None,
    ) -> dict[str, Any]:
        """Real-world events: the same event reported by several articles and outlets, grouped;
        most outlets first, each with the articles that report it."""
        return _page(
            corpus.corpus_events(
                actor=actor,
                type=type,
                min_sources=min_outlets,
                since=_iso(since),
                until=_iso(until),
                limit=limit,
                offset=offset,
            )
        )

    @app.get("/api/dyad", response_model=models.DyadSeries, tags=["events"])
    def dyad(
        first: Annotated[str, Query(min_length=1, max_length=64)],
        second: Annotated[str, Query(min_length=1, max_length=64)],
        both_ways: bool = True,
    ) -> dict[str, Any]:
        """Events per week and quad class between two actors (ids, names or country codes)."""
        return {
            "first": first,
            "second": second,
            "weeks": corpus.dyad(first, second, both_ways=both_ways),
        }

    @app.get("/api/network", response_model=models.Network, tags=["actors"])
    def network(
        since: Since = None,
        until: Until = None,
        quad_class: Annotated[str | None, Query(max_length=40)] = None,
        kinds: Annotated[str, Query(pattern="^(quote|event)(,(quote|event))?$")] = "quote,event",
        max_edges: Annotated[int, Query(ge=1, le=MAX_EDGES)] = 150,
    ) -> dict[str, Any]:
        """Actors and who talks about whom (quote edges) and acts on whom (event edges)."""
        return corpus.network(
            since=_iso(since),
            until=_iso(until),
            quad_class=quad_class,
            kinds=frozenset(kinds.split(",")),
            max_edges=max_edges,
        )

    # --- places and search --------------------------------------------------------------

    @app.get("/api/places", response_model=models.PlacePage, tags=["places"])
    def list_places(
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        country: Annotated[str | None, Query(max_length=3)] = None,
    ) -> dict[str, Any]:
        """Resolved places, most mentioned first, with coordinates when known."""
        return _page(corpus.places(country=country, limit=limit, offset=offset))

    @app.get("/api/countries", response_model=list[models.CountryCount], tags=["places"])
    def countries() -> list[dict[str, Any]]:
        """Place mentions per country (ISO 3166-1 alpha-3)."""
        return corpus.countries()

    @app.get("/api/search", response_model=models.SearchPage, tags=["search"])
    def search(
        q: Annotated[str, Query(min_length=1, max_length=200)],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Articles holding every word of ``q``, with the first match's span and a snippet."""
        return _page(corpus.search(q, limit=limit, offset=offset))

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> None:
        raise HTTPException(404, "no such endpoint (see /docs)")

    return app


def _raw_document(content_type: str, body: bytes) -> RawDocument:
    """The request body as the pipeline's input; 415/422 for what cannot be one."""
    media = content_type.split(";")[0].strip().lower()
    origin = Origin(path="<api>", format="api")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(422, "the body is not UTF-8 text") from None
    if media == "text/plain":
        return RawDocument(origin=origin, body=text, media_type="text/plain")
    if media == "text/html":
        return RawDocument(origin=origin, body=text, media_type="text/html")
    if media != "application/json":
        raise HTTPException(415, "send text/plain, text/html or application/json")
    try:
        data = models.NewArticle.model_validate(json.loads(text))
    except (ValueError, TypeError) as error:
        raise HTTPException(422, f"invalid article JSON: {error}".splitlines()[0]) from None
    if (data.text is None) == (data.html is None):
        raise HTTPException(422, "give exactly one of 'text' and 'html'")
    return RawDocument(
        origin=origin,
        body=data.text if data.text is not None else data.html or "",
        media_type="text/plain" if data.text is not None else "text/html",
        url=data.url,
        title=data.title,
        published=data.published,
        source=data.source,
        authors=tuple(data.authors),
    )
