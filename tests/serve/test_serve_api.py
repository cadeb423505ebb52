"""The web API, through FastAPI's TestClient, on the demo corpus plus hand-built records."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.serve import create_app
from newsgraph.serve.api import MAX_PAGE
from newsgraph.serve.corpus import Corpus, CorpusError, QueryTimeoutError

from .conftest import XSS_TITLE, actor_id, annotated_article, hostile_article

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db), raise_server_exceptions=False)


def _get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_stats_count_the_corpus(client: TestClient, demo_articles: list[Any]) -> None:
    stats = _get(client, "/api/stats")

    assert stats["articles"] == len(demo_articles) + 2
    assert stats["events"] == sum(len(article.events) for article in demo_articles) + 3
    assert stats["places"] == sum(len(article.places) for article in demo_articles) + 2
    assert stats["writable"] is False


def test_articles_are_paginated_with_a_total(client: TestClient) -> None:
    first = _get(client, "/api/articles", limit=5)
    second = _get(client, "/api/articles", limit=5, offset=5)

    assert first["total"] == second["total"] > 10
    assert len(first["items"]) == len(second["items"]) == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/articles", {"limit": MAX_PAGE + 1}),
        ("/api/articles", {"limit": 0}),
        ("/api/articles", {"offset": -1}),
        ("/api/quotes", {"kind": "shouted"}),
        ("/api/events", {"since": "not-a-date"}),
        ("/api/search", {}),
        ("/api/network", {"kinds": "quote,nonsense"}),
    ],
)
def test_bad_parameters_give_a_json_error_with_a_message(
    client: TestClient, url: str, params: dict[str, Any]
) -> None:
    response = client.get(url, params=params)

    assert response.status_code == 422
    body = response.json()
    assert body["error"].startswith("invalid request")
    assert "Traceback" not in response.text


@pytest.mark.parametrize("url", ["/api/articles/ffff", "/api/actors/ffff", "/api/no-such-thing"])
def test_unknown_things_are_json_404s(client: TestClient, url: str) -> None:
    response = client.get(url)

    assert response.status_code == 404
    assert response.json()["error"]


def test_one_article_comes_with_every_annotation_and_actor_ids(
    client: TestClient, demo_db: Path
) -> None:
    article = annotated_article()

    found = _get(client, f"/api/articles/{article.id}")

    record = found["record"]
    assert record["text"] == article.text
    assert len(record["events"]) == 3 and len(record["places"]) == 2
    assert len(record["amounts"]) == 1 and len(record["dates"]) == 1
    assert found["actors"]["e3"] == actor_id(demo_db, "Rafael Ordaz", "PERSON")


def test_articles_filter_by_outlet_and_actor(client: TestClient, demo_db: Path) -> None:
    ordaz = actor_id(demo_db, "Rafael Ordaz", "PERSON")

    by_outlet = _get(client, "/api/articles", source="Example Wire")
    by_actor = _get(client, "/api/articles", actor=ordaz, limit=200)

    assert [a["id"] for a in by_outlet["items"]] == [annotated_article().id]
    assert annotated_article().id in {a["id"] for a in by_actor["items"]}
    assert by_actor["total"] > 1  # the demo storyline quotes him in several articles


def test_actor_has_names_titles_and_weekly_coverage(client: TestClient, demo_db: Path) -> None:
    actor = _get(client, f"/api/actors/{actor_id(demo_db, 'Rafael Ordaz', 'PERSON')}")

    assert actor["name"] == "Rafael Ordaz"
    assert actor["country"] == "VEN"
    assert any("President" in title["text"] for title in actor["titles"])
    assert sum(week["articles"] for week in actor["timeline"]) <= actor["articles"]


def test_actor_search_by_part_of_the_name(client: TestClient) -> None:
    found = _get(client, "/api/actors", q="ordaz", type="PERSON")

    assert "Rafael Ordaz" in {actor["name"] for actor in found["items"]}


def test_quotes_of_a_speaker_point_at_their_text(
    client: TestClient, demo_articles: list[Any], demo_db: Path
) -> None:
    texts = {article.id: article.text for article in demo_articles}
    texts[annotated_article().id] = annotated_article().text

    quotes = _get(
        client, "/api/quotes", speaker=actor_id(demo_db, "Rafael Ordaz", "PERSON"), limit=200
    )

    assert quotes["total"] >= 3
    for quote in quotes["items"]:
        # One corpus actor: "Ordaz" in a later paragraph is the same man.
        assert quote["speaker_name"] in {"Rafael Ordaz", "Ordaz"}
        assert texts[quote["article_id"]][quote["span_start"] : quote["span_end"]] == quote["text"]


@pytest.mark.parametrize(
    ("params", "expected_types"),
    [
        ({"source": "USA"}, {"SANCTION"}),
        ({"source": "United States", "target": "VEN"}, {"SANCTION"}),
        ({"target": "USA"}, {"THREATEN", "REDUCE"}),
        ({"hedged": True}, {"REDUCE"}),
        ({"asserted_by": "e4"}, {"REDUCE"}),
        ({"quad_class": "verbal conflict"}, {"THREATEN"}),
        ({"since": "2025-08-10"}, {"REDUCE"}),
        ({"until": "2025-08-05", "outlet": "Example Wire"}, {"SANCTION", "THREATEN"}),
        ({"type": "NONE-SUCH"}, set()),
    ],
)
def test_event_filters(
    client: TestClient, params: dict[str, Any], expected_types: set[str]
) -> None:
    # The hand-built article's events (the demo articles have their own).
    events = _get(client, "/api/events", article=annotated_article().id, **params)

    assert {event["type"] for event in events["items"]} == expected_types


def test_event_names_its_source_and_target_actors(client: TestClient, demo_db: Path) -> None:
    [event] = _get(client, "/api/events", type="SANCTION", article=annotated_article().id)["items"]

    assert event["source_name"] == "United States"
    assert event["target_name"] == "Venezuela"
    assert event["source_actor"] == actor_id(demo_db, "United States", "GPE")


def test_dyad_series_counts_events_per_week_and_quad_class(client: TestClient) -> None:
    series = _get(client, "/api/dyad", first="USA", second="VEN")
    one_way = _get(client, "/api/dyad", first="USA", second="VEN", both_ways=False)

    def dated(**params: str) -> int:
        events = _get(client, "/api/events", limit=MAX_PAGE, **params)["items"]
        return sum(1 for event in events if event["date"] or event["published"])

    forward = dated(source="USA", target="VEN")
    backward = dated(source="VEN", target="USA")

    # Every dated event between the two, once, in some week.
    assert sum(week["events"] for week in series["weeks"]) == forward + backward
    assert sum(week["events"] for week in one_way["weeks"]) == forward
    # The hand-built article: sanctions (USA → VEN) and a threat by the Venezuelan Ordaz
    # (→ USA) in the week of 4 August, an expulsion (VEN → USA) the week after.
    counted = {(week["week"], week["quad_class"]): week["events"] for week in series["weeks"]}
    assert counted[("2025-08-04", "material conflict")] >= 1
    assert counted[("2025-08-04", "verbal conflict")] >= 1
    assert counted[("2025-08-11", "material conflict")] >= 1
    weeks = [week["week"] for week in series["weeks"]]
    assert weeks == sorted(weeks)


def test_network_has_quote_and_event_edges(client: TestClient, demo_db: Path) -> None:
    ordaz = actor_id(demo_db, "Rafael Ordaz", "PERSON")
    usa = actor_id(demo_db, "United States", "GPE")

    graph = _get(client, "/api/network", max_edges=500)
    conflict = _get(client, "/api/network", quad_class="material conflict")

    edges = {(e["source"], e["target"], e["kind"]) for e in graph["edges"]}
    assert (ordaz, usa, "quote") in edges  # he speaks about the United States
    assert (ordaz, usa, "event") in edges  # and threatens it
    assert {e["kind"] for e in conflict["edges"]} == {"event"}
    node_ids = {node["id"] for node in graph["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in graph["edges"])


def test_places_and_countries(client: TestClient) -> None:
    places = _get(client, "/api/places")
    countries = _get(client, "/api/countries")

    by_name = {place["name"]: place for place in places["items"]}
    assert by_name["Caracas"]["country"] == "VE"
    assert by_name["Caracas"]["lat"] == pytest.approx(10.49, abs=0.1)
    assert {"US", "VE"} <= {c["country"] for c in countries}


@pytest.mark.parametrize("query", ["warships", "Caribbean Navy", "REGULARLY scheduled"])
def test_search_hits_point_at_the_words(
    client: TestClient, demo_articles: list[Any], query: str
) -> None:
    texts = {article.id: article.text for article in demo_articles}

    found = _get(client, "/api/search", q=query)

    assert found["total"] > 0
    for hit in found["items"]:
        text = texts[hit["id"]]
        for word in query.split():
            assert word.casefold() in (text + (hit["title"] or "")).casefold()
        if hit["hit"] is not None:
            start, end = hit["hit"]
            assert text[start:end].casefold() in query.casefold()


@pytest.mark.parametrize("query", ["warships)", 'title:"warships', "warships AND (", "*", "w%_"])
def test_search_syntax_characters_are_not_query_syntax(client: TestClient, query: str) -> None:
    found = _get(client, "/api/search", q=query)

    words = re.findall(r"\w+", query)
    assert found["total"] == _get(client, "/api/search", q=" ".join(words) or "*")["total"]


def test_hostile_fields_come_back_verbatim_as_json_strings(client: TestClient) -> None:
    record = _get(client, f"/api/articles/{hostile_article().id}")["record"]

    assert record["title"] == XSS_TITLE


@pytest.mark.parametrize("path", ["/", "/api/stats", "/static/app.js", "/docs"])
def test_every_answer_carries_a_content_security_policy(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_web_interface_renders_no_data_as_html() -> None:
    static = Path(__file__).resolve().parents[2] / "src/newsgraph/serve/static"
    scripts = "\n".join(path.read_text() for path in static.glob("*.js"))

    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", scripts)


def test_unexpected_errors_are_json_without_a_traceback(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(demo_db)
    client = TestClient(app, raise_server_exceptions=False)

    def broken() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.state.corpus, "stats", broken)
    response = client.get("/api/stats")

    assert response.status_code == 500
    assert response.json() == {"error": "internal error (logged on the server)"}
    assert "secret" not in response.text


def test_slow_queries_are_stopped(demo_db: Path) -> None:
    corpus = Corpus(demo_db, query_timeout=0.2)

    with pytest.raises(QueryTimeoutError):
        corpus._rows("SELECT count(*) FROM range(100000000000) a, range(10) b")


def test_a_query_timeout_is_a_json_503(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(demo_db)

    def slow(*args: Any, **kwargs: Any) -> None:
        raise QueryTimeoutError("the query ran longer than 5 s and was stopped")

    monkeypatch.setattr(app.state.corpus, "search", slow)
    response = TestClient(app).get("/api/search", params={"q": "x"})

    assert response.status_code == 503
    assert "stopped" in response.json()["error"]


def test_a_file_that_is_no_corpus_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_bytes(b"not a database")

    with pytest.raises(CorpusError):
        create_app(bogus)
    with pytest.raises(CorpusError):
        create_app(tmp_path / "missing.duckdb")


# --- writes -----------------------------------------------------------------------------


def test_without_a_token_the_server_is_read_only(client: TestClient) -> None:
    response = client.post("/api/articles", content="Some text.", headers=_text())

    assert response.status_code == 403
    assert "read-only" in response.json()["error"]


def _text() -> dict[str, str]:
    return {"content-type": "text/plain"}


@pytest.fixture
def writable(tmp_path: Path, pipeline: Any) -> TestClient:
    path = tmp_path / "writable.duckdb"
    from .conftest import write_corpus

    write_corpus(path, [annotated_article()])
    app = create_app(path, token=TOKEN, max_body_bytes=50_000, pipeline=pipeline)
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x"])
def test_writes_need_the_right_token(writable: TestClient, header: str | None) -> None:
    headers = _text() | ({"authorization": header} if header else {})

    response = writable.post("/api/articles", content="Some text.", headers=headers)

    assert response.status_code == 401
    assert writable.get("/api/stats").json()["articles"] == 1


def test_a_body_over_the_cap_is_refused(writable: TestClient) -> None:
    headers = _text() | {"authorization": f"Bearer {TOKEN}"}

    response = writable.post("/api/articles", content="x" * 60_000, headers=headers)

    assert response.status_code == 413
    assert "request body over" in response.json()["error"]


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("application/pdf", b"%PDF", 415),
        ("application/json", b"{not json", 422),
        ("application/json", b'{"title": "no body"}', 422),
        ("application/json", b'{"text": "a", "html": "<p>b</p>"}', 422),
        ("application/json", b'{"text": "a", "unknown": 1}', 422),
        ("text/plain", b"\xff\xfe\x00", 422),
    ],
)
def test_bad_posts_are_refused_with_a_reason(
    writable: TestClient, content_type: str, body: bytes, status: int
) -> None:
    headers = {"content-type": content_type, "authorization": f"Bearer {TOKEN}"}

    response = writable.post("/api/articles", content=body, headers=headers)

    assert response.status_code == status
    assert response.json()["error"]


@pytest.mark.parametrize("kind", ["text", "json", "html"])
def test_a_posted_article_is_analysed_stored_and_served(
    writable: TestClient, story: tuple[str, ...], kind: str
) -> None:
    headers = {"authorization": f"Bearer {TOKEN}"}
    title = "Port of Gdansk reopens after strike"
    if kind == "text":
        response = writable.post(
            "/api/articles",
            content=title + "\n\n" + "\n\n".join(story),
            headers=headers | _text(),
        )
    elif kind == "html":
        page = (
            f"<html><body><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in story)
            + "</article></body></html>"
        )
        response = writable.post(
            "/api/articles", content=page, headers=headers | {"content-type": "text/html"}
        )
    else:
        response = writable.post(
            "/api/articles",
            json={"text": "\n\n".join(story), "title": title, "source": "Baltic Wire"},
            headers=headers,
        )

    assert response.status_code == 201, response.text
    stored = response.json()
    if kind != "text":  # plain text has no marked-up headline
        assert stored["title"] == title
    record = writable.get(f"/api/articles/{stored['id']}").json()["record"]
    assert "Gdansk" in record["text"]
    assert writable.get("/api/stats").json()["articles"] == 2
    assert writable.get("/api/search", params={"q": "dock workers"}).json()["total"] == 1


def test_corpus_events_group_reports_across_articles(
    client: TestClient, demo_articles: list[Any]
) -> None:
    found = _get(client, "/api/corpus-events", limit=MAX_PAGE)
    several = _get(client, "/api/corpus-events", min_outlets=2, limit=MAX_PAGE)
    titles = {article.id: article.title for article in demo_articles}
    titles[annotated_article().id] = annotated_article().title

    assert found["total"] > 0
    assert several["total"] == sum(1 for event in found["items"] if event["outlets"] >= 2)
    for event in found["items"]:
        assert event["articles"] >= len(event["reports"]) >= 1
        assert event["outlets"] <= event["articles"]
        for report in event["reports"]:
            assert report["title"] == titles[report["article_id"]]
    outlets = [event["outlets"] for event in found["items"]]
    assert outlets == sorted(outlets, reverse=True)
    assert all(event["outlets"] >= 2 for event in several["items"])


def test_corpus_events_filter_by_actor_and_type(client: TestClient) -> None:
    found = _get(client, "/api/corpus-events", actor="USA", limit=MAX_PAGE)
    sanctions = _get(client, "/api/corpus-events", type="sanction", limit=MAX_PAGE)

    assert found["total"] > 0
    assert all("USA" in (event["source_key"], event["target_key"]) for event in found["items"])
    assert sanctions["total"] > 0
    assert {event["type"] for event in sanctions["items"]} == {"SANCTION"}
