"""The JSON Schema of the article record and ``validate_article``."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from newsgraph import Article, article_to_json, iter_documents, validate_article
from newsgraph.schema import article_schema


@pytest.fixture
def record(analysed_article) -> dict[str, Any]:
    return copy.deepcopy(article_to_json(analysed_article))


def test_the_schema_requires_every_field_of_the_record(record):
    schema = article_schema()

    assert set(schema["required"]) == set(record)
    assert set(schema["properties"]) == set(record)


def test_a_pipeline_record_validates(record):
    assert validate_article(record) == []


def test_a_pipeline_record_validates_after_a_json_round_trip(record):
    assert validate_article(json.loads(json.dumps(record, ensure_ascii=False))) == []


def test_records_of_every_input_format_validate(pipeline, write_file, story_text, story_html):
    paths = [
        write_file("a.txt", story_text),
        write_file("b.html", story_html),
        write_file("c.jsonl", json.dumps({"text": story_text, "date": "21 August 2025"}) + "\n"),
        write_file(
            "d.rss",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
            "<title>Port reopens</title><pubDate>Thu, 21 Aug 2025 14:05:00 GMT</pubDate>"
            f"<description>{story_text}</description></item></channel></rss>",
        ),
        write_file(
            "e.txt",
            "El presidente anunció el lunes un paquete de medidas para contener la inflación.",
        ),
    ]

    articles = list(pipeline.run(iter_documents(paths)))

    assert all(isinstance(article, Article) for article in articles), articles
    assert len(articles) == len(paths)
    for article in articles:
        assert validate_article(article_to_json(article)) == [], article.provenance


def _span_past_the_end(record: dict[str, Any]) -> None:
    record["sentences"][0] = [0, len(record["text"]) + 5]


def _mention_past_the_end(record: dict[str, Any]) -> None:
    record["entities"][0]["mentions"].append([len(record["text"]), len(record["text"]) + 1])


def _inverted_span(record: dict[str, Any]) -> None:
    record["sentences"][0] = [10, 2]


def _negative_span(record: dict[str, Any]) -> None:
    record["sentences"][0] = [-1, 2]


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda record: record.pop(key)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda record: record.__setitem__(key, value)


@pytest.mark.parametrize(
    ("corrupt", "path"),
    [
        (_span_past_the_end, "sentences"),
        (_mention_past_the_end, "entities"),
        (_inverted_span, "sentences"),
        (_negative_span, "sentences"),
        (_drop("text"), "<root>"),
        (_drop("provenance"), "<root>"),
        (_set("authors", "Jane Smith"), "authors"),
        (_set("title", 42), "title"),
        (_set("id", "not-a-hash"), "id"),
        (_set("language", "english"), "language"),
        (_set("published", "21/08/2025"), "published"),
        (_set("schema", "newsgraph.article/0"), "schema"),
        (_set("unexpected", True), "<root>"),
        (lambda r: r["removed"][0].__setitem__("reason", "boring"), "removed"),
        (lambda r: r["entities"][0].pop("mentions"), "entities"),
        (lambda r: r["provenance"]["origin"].__setitem__("format", "pdf"), "provenance"),
        (lambda r: r["provenance"].__setitem__("extractors", ["my_extractor"]), "provenance"),
    ],
)
def test_a_corrupted_record_gives_problems_that_say_where(record, corrupt, path):
    corrupt(record)

    problems = validate_article(record)

    assert problems
    assert any(problem.startswith(path) or f"/{path}" in problem for problem in problems), problems


def test_problems_are_strings_one_per_violation(record):
    record.pop("text")
    record["title"] = 42

    problems = validate_article(record)

    assert all(isinstance(problem, str) for problem in problems)
    assert len(problems) >= 2
