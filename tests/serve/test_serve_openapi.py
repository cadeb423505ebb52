"""Schemathesis against the served OpenAPI schema: generated requests never get a 500, and every
answer matches its documented schema. Bounded: a few examples per endpoint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from hypothesis import strategies as st

from newsgraph.serve import create_app

# Examples per endpoint: enough to hit every parameter's edges, few enough to stay under ~30 s.
EXAMPLES_PER_ENDPOINT = 12


@pytest.fixture(scope="module")
def operations(demo_db: Path) -> dict[str, Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(demo_db))
    found = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        # Writes need a token and run spaCy: that path is tested in test_serve_api.py.
        if operation.method.upper() != "POST":
            found[operation.label] = operation
    return found


READ_ENDPOINTS = [
    "GET /api/stats",
    "GET /api/sources",
    "GET /api/articles",
    "GET /api/articles/{article_id}",
    "GET /api/actors",
    "GET /api/actors/{actor_id}",
    "GET /api/network",
    "GET /api/quotes",
    "GET /api/events",
    "GET /api/dyad",
    "GET /api/corpus-events",
    "GET /api/places",
    "GET /api/countries",
    "GET /api/search",
]


def test_every_read_endpoint_is_in_the_schema(operations: dict[str, Any]) -> None:
    assert set(operations) == set(READ_ENDPOINTS)


@pytest.mark.parametrize("label", READ_ENDPOINTS)
def test_generated_requests_get_no_server_error(operations: dict[str, Any], label: str) -> None:
    operation = operations[label]

    @hypothesis.settings(
        max_examples=EXAMPLES_PER_ENDPOINT,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(data=st.data())
    def check(data: st.DataObject) -> None:
        case = data.draw(operation.as_strategy())
        case.call_and_validate()

    check()
