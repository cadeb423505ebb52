"""The JSON Schema of the article record (``newsgraph.article/1``) and a validator for it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from newsgraph.records import SCHEMA_VERSION

SCHEMA_FILE = "article.schema.json"


@cache
def article_schema() -> dict[str, Any]:
    text = resources.files("newsgraph.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(article_schema())


def validate_article(record: dict[str, Any]) -> list[str]:
    """Schema violations of one JSON record ([] when valid), plus span checks the schema cannot
    express: every span lies inside the text."""
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<root>'}: {error.message}"
        for error in _validator().iter_errors(record)
    ]
    if record.get("schema") != SCHEMA_VERSION:
        problems.append(f"schema: expected {SCHEMA_VERSION!r}")
    text = record.get("text")
    if isinstance(text, str):
        problems.extend(_span_problems(record, len(text)))
    return problems


def _span_problems(node: Any, length: int, path: str = "") -> list[str]:
    problems: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "removed":
                continue
            problems.extend(_span_problems(value, length, f"{path}/{key}"))
    elif isinstance(node, list):
        if len(node) == 2 and all(type(v) is int for v in node):
            start, end = node
            if not 0 <= start <= end <= length:
                problems.append(f"{path}: span {node} outside text of length {length}")
        else:
            for index, value in enumerate(node):
                problems.extend(_span_problems(value, length, f"{path}/{index}"))
    return problems
