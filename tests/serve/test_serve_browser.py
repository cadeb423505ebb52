"""The web interface in a real browser: Debian's Chromium driven by Playwright, headless.

Starts ``newsgraph serve`` on the demo corpus (plus hand-built records), opens each view, follows
a network node to an actor, a quote and its article, searches, and checks that hostile article
fields stay text. Screenshots of each view go to ``test-artifacts/`` (git-ignored). Skipped
when Chromium or Playwright is missing (CI installs Chromium with apt-get).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    XSS_AUTHOR,
    XSS_TEXT,
    XSS_TITLE,
    actor_id,
    annotated_article,
    hostile_article,
)

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Time from navigation start to a view's data being drawn (issue 7: under 1.5 s here).
INTERACTIVE_BUDGET_MS = 1500

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if key != "NEWSGRAPH_TOKEN"}
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "newsgraph"),
            "serve",
            str(demo_db),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/api/stats", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("newsgraph serve did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.errors = errors
    opened.dialogs = dialogs
    yield opened
    context.close()
    assert errors == [], errors
    assert dialogs == [], dialogs


def _api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=10) as answer:
        return json.load(answer)


def _open(page: Any, base: str, route: str) -> None:
    """Load the interface on ``route`` and wait until the view has drawn its data."""
    page.goto(f"{base}/{route}")
    _wait_ready(page, route)


def _wait_ready(page: Any, route: str) -> None:
    page.locator(f'body[data-ready="{route}"]').wait_for(state="attached", timeout=15_000)
    assert page.locator("main .error").count() == 0, page.locator("main .error").inner_text()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _time_to_ready(page: Any, route: str) -> float:
    marks = page.evaluate(
        "(name) => performance.getEntriesByName(name).map((mark) => mark.startTime)",
        f"newsgraph-ready {route}",
    )
    assert marks, f"no ready mark for {route}"
    return float(marks[0])


@pytest.mark.parametrize(
    ("name", "route", "expect"),
    [
        ("articles", "#/", "table.list tbody tr"),
        ("actors", "#/actors", "table.list tbody tr"),
        ("network", "#/network", "#network canvas"),
        ("timeline", "#/timeline?first=USA&second=VEN", "#dyad-chart"),
        ("map", "#/map", "svg.map path.country:not(.level-0)"),
        ("corpus-events", "#/events", "li.corpus-event ul.reports a"),
        ("map-places", "#/map", "svg.map circle.place-dot"),
    ],
)
def test_each_view_draws_its_data(
    page: Any, server: str, name: str, route: str, expect: str
) -> None:
    _open(page, server, route)

    assert page.locator(expect).count() > 0
    _shot(page, name)


def test_article_view_shows_every_annotation_in_place(page: Any, server: str) -> None:
    article = annotated_article()
    route = f"#/article/{article.id}"

    _open(page, server, route)

    text = page.locator(".article-text")
    assert text.inner_text().strip() == article.text.strip()
    assert page.locator(".article-text .trigger").first.inner_text() == "imposed sanctions"
    assert page.locator(".article-text .amount").inner_text() == "$2 billion"
    assert page.locator(".article-text .date").inner_text() == "Monday"
    assert page.locator(".article-text .place").first.inner_text() == "WASHINGTON"
    assert "United States → SANCTION → Venezuela" in (
        page.locator(".article-text .trigger").first.get_attribute("title") or ""
    )
    assert "hedged" in page.locator(".side .events").inner_text()
    assert "possible" in page.locator(".side .events").inner_text()
    assert page.locator("details.removed summary").inner_text() == "Removed text (1)"
    assert page.locator("details.removed").get_attribute("open") is None
    _shot(page, "article")


def test_page_load_to_interactive_is_fast(page: Any, server: str, demo_db: Path) -> None:
    first = _api(server, "/api/articles?limit=1")["items"][0]["id"]
    timings = {}
    for name, route in (("article", f"#/article/{first}"), ("network", "#/network")):
        page.goto("about:blank")
        _open(page, server, route)
        timings[name] = _time_to_ready(page, route)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-load.json").write_text(json.dumps(timings, indent=2) + "\n")
    print(f"\npage load to interactive (ms): {timings}")

    assert all(ms < INTERACTIVE_BUDGET_MS for ms in timings.values()), timings


def test_network_node_to_actor_to_quote_to_its_article(
    page: Any, server: str, demo_db: Path
) -> None:
    ordaz = actor_id(demo_db, "Rafael Ordaz", "PERSON")
    _open(page, server, "#/network")

    # A real mouse click on the node where Cytoscape drew it.
    position = page.evaluate(
        """(id) => {
            const node = window.newsgraphNetwork.getElementById(id);
            const box = document.querySelector('#network').getBoundingClientRect();
            const at = node.renderedPosition();
            return { x: box.left + at.x, y: box.top + at.y };
        }""",
        ordaz,
    )
    page.mouse.click(position["x"], position["y"])
    _wait_ready(page, f"#/actor/{ordaz}")
    assert page.locator("main h1").inner_text() == "Rafael Ordaz"
    _shot(page, "actor")

    link = page.locator("a.quote-link").first
    article_id = link.get_attribute("data-article")
    ordinal = int(link.get_attribute("data-ord") or "-1")
    link.click()
    _wait_ready(page, f"#/article/{article_id}?quote={ordinal}")

    record = _api(server, f"/api/articles/{article_id}")["record"]
    quote = record["quotes"][ordinal]
    highlighted = "".join(page.locator(".article-text .q-sel").all_inner_texts())
    assert highlighted == record["text"][quote["span"][0] : quote["span"][1]] == quote["text"]
    assert page.locator("#quote-label").inner_text().startswith("Rafael Ordaz")


def test_search_jumps_to_the_article_with_the_hit_highlighted(page: Any, server: str) -> None:
    _open(page, server, "#/")

    page.fill("#search-input", "regularly scheduled")
    page.press("#search-input", "Enter")
    _wait_ready(page, "#/search?q=regularly+scheduled")
    _shot(page, "search")
    page.locator("a.search-result").first.click()
    page.locator(".article-text .hit").first.wait_for()

    assert page.locator(".article-text .hit").inner_text().lower() == "regularly scheduled"


def test_hostile_article_fields_stay_text(page: Any, server: str) -> None:
    article = hostile_article()
    route = f"#/article/{article.id}"

    _open(page, server, route)

    assert page.evaluate("() => window.__xss") is None
    assert page.locator("#article-title").inner_text() == XSS_TITLE
    assert XSS_AUTHOR in page.locator(".byline").inner_text()
    assert page.locator(".article-text").inner_text().strip() == XSS_TEXT.strip()
    assert page.locator("main script, main img, main iframe, main b").count() == 0
    assert page.locator("main a[href^='javascript']").count() == 0
    assert "<script>" in page.locator(".side .said").inner_text()
    page.locator("details.removed summary").click()
    assert "<iframe" in page.locator("details.removed").inner_text()
    # Search results and lists show the same fields as text too.
    _open(page, server, "#/search?q=harmless")
    assert page.locator("a.search-result").first.inner_text() == XSS_TITLE
    assert page.evaluate("() => window.__xss") is None
    _shot(page, "xss")
