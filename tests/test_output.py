"""Output: JSON array, JSON Lines and the summary table."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest
from rich.console import Console

from newsgraph import Article, validate_article
from newsgraph.output import JsonArrayWriter, print_summary, summary_row, write_jsonl


def json_array(articles: list[Article]) -> str:
    stream = io.StringIO()
    writer = JsonArrayWriter(stream)
    for article in articles:
        writer.write(article)
    writer.close()
    return stream.getvalue()


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_array_writer_writes_a_valid_array(analysed_article, count):
    records = json.loads(json_array([analysed_article] * count))

    assert len(records) == count
    assert all(validate_article(record) == [] for record in records)


def test_json_array_keeps_each_span_on_one_line(analysed_article):
    text = json_array([analysed_article])

    first = analysed_article.sentences[0]
    assert f"[{first.start}, {first.end}]" in text


def test_jsonl_is_one_line_with_non_ascii_kept(analysed_article):
    stream = io.StringIO()

    write_jsonl(analysed_article, stream)

    [line] = stream.getvalue().splitlines()
    assert "Núñez" in line
    assert json.loads(line)["text"] == analysed_article.text


def test_json_array_never_changes_the_article_text(pipeline, make_raw):
    body = "The final scores were [ 3, 4 ] in the table, officials in Paris said on Monday."
    [article] = pipeline.run([make_raw(body)])

    [record] = json.loads(json_array([article]))

    assert record["text"] == article.text
    assert validate_article(record) == []


def test_summary_row_and_table_show_title_language_and_what_was_set_aside(analysed_article):
    row = summary_row(analysed_article)
    console = Console(file=io.StringIO(), width=200)

    print_summary(console, [row], [])

    shown = console.file.getvalue()
    assert "Venezuela taunts Washington over naval drills" in shown
    assert " en " in shown
    assert "foreign language" in shown


def test_summary_when_line_lists_normalised_dates(pipeline, make_raw):
    body = (
        "Officials in Paris said on Monday that the strike, which began in late July, would end"
        " soon. Union leaders have opposed the reform since 2019."
    )
    [article] = pipeline.run([dataclasses.replace(make_raw(body), published="2025-08-08")])
    row = summary_row(article)
    assert "Monday → 2025-08-04" in row.when
    assert "late July → 2025-07 (end)" in row.when
    assert "since 2019 → 2019" in row.when
