"""The ``newsgraph`` command, run in-process with Typer's CliRunner.

Click 8.2+ always captures standard error apart (``result.stderr``); ``result.output`` holds
both streams interleaved, as a terminal would show them.
"""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from newsgraph import __version__, validate_article
from newsgraph.cli import app


@pytest.fixture
def runner(pipeline) -> CliRunner:
    # Depending on ``pipeline`` loads spaCy once for the session; the CLI reuses the cached load.
    # A wide terminal keeps the Rich tables from folding titles over several lines.
    return CliRunner(env={"COLUMNS": "200", "NEWSGRAPH_MODEL": None})


@pytest.fixture
def good(write_file, story_text) -> str:
    return write_file("good.txt", story_text)


@pytest.fixture
def bad(write_file) -> str:
    return write_file("bad.txt", b"")


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_version_prints_the_version_and_exits_zero(runner):
    result = runner.invoke(app, ["--version"])

    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsgraph {__version__}"


def test_no_arguments_prints_help(runner):
    result = runner.invoke(app, [])

    assert "analyze" in result.output


def test_analyze_json_is_one_array_of_schema_valid_records(runner, good, write_file, story_html):
    page = write_file("page.html", story_html)

    result = runner.invoke(app, ["analyze", good, page, "--format", "json"])

    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    assert len(records) == 2
    for record in records:
        assert validate_article(record) == []
    assert records[0]["title"] == "Port of Gdansk reopens after strike"
    assert records[0]["provenance"]["origin"]["path"] == good
    assert "2 articles analysed" in result.stderr


def test_analyze_json_with_nothing_analysed_is_an_empty_array(runner, bad):
    result = runner.invoke(app, ["analyze", bad, "--format", "json"])

    assert json.loads(result.stdout) == []


def test_analyze_jsonl_to_a_file_writes_one_line_per_article_and_prints_the_summary(
    runner, good, write_file, tmp_path
):
    second = write_file(
        "second.txt",
        "Council approves budget\n\nThe city council approved the budget on Friday by seven votes"
        " to two, the mayor said.",
    )
    out = tmp_path / "results" / "articles.jsonl"

    result = runner.invoke(app, ["analyze", good, second, "--format", "jsonl", "--out", str(out)])

    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["title"] for r in records] == [
        "Port of Gdansk reopens after strike",
        "Council approves budget",
    ]
    assert all(validate_article(record) == [] for record in records)
    assert "Port of Gdansk reopens after strike" in result.stdout
    assert "Council approves budget" in result.stdout
    assert "2 articles analysed" in result.stderr


def test_analyze_jsonl_without_out_writes_records_to_stdout(runner, good):
    result = runner.invoke(app, ["analyze", good, "--format", "jsonl"])

    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    assert json.loads(line)["schema"] == "newsgraph.article/1"


def test_analyze_table_shows_the_title(runner, good):
    result = runner.invoke(app, ["analyze", good, "--format", "table"])

    assert result.exit_code == 0, result.output
    assert "Port of Gdansk reopens after strike" in result.stdout
    assert "newsgraph: 1 article analysed" in result.stderr


def test_analyze_quiet_prints_no_summary(runner, good):
    result = runner.invoke(app, ["analyze", good, "--format", "jsonl", "--quiet"])

    assert result.exit_code == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


def test_analyze_reads_standard_input(runner, story_text):
    result = runner.invoke(
        app, ["analyze", "-", "--format", "jsonl"], input=story_text.encode("utf-8")
    )

    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["provenance"]["origin"]["path"] == "<stdin>"


def test_one_bad_file_is_reported_on_one_stderr_line_and_the_good_one_is_analysed(
    runner, good, bad
):
    result = runner.invoke(app, ["analyze", bad, good, "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1
    [skipped] = [line for line in result.stderr.splitlines() if bad in line]
    assert skipped.startswith("newsgraph: skipped")
    assert "empty input" in skipped
    assert "EmptyInputError" in skipped
    assert good not in result.stderr
    assert "1 article analysed, 1 could not be analysed" in result.stderr


def test_only_bad_files_exit_one(runner, bad, write_file):
    binary = write_file("junk.txt", b"\x00\x01\x02 junk")

    result = runner.invoke(app, ["analyze", bad, binary, "--format", "jsonl"])

    assert result.exit_code == 1
    assert result.stdout == ""
    assert "0 articles analysed, 2 could not be analysed" in result.stderr


def test_only_bad_files_in_table_format_list_the_failures(runner, bad):
    result = runner.invoke(app, ["analyze", bad])

    assert result.exit_code == 1
    assert "could not be analysed" in result.stdout
    assert "EmptyInputError" in result.stdout


def test_missing_path_is_reported_and_exits_one(runner, tmp_path):
    missing = str(tmp_path / "nowhere.txt")

    result = runner.invoke(app, ["analyze", missing, "--format", "jsonl"])

    assert result.exit_code == 1
    assert missing in result.stderr
    assert "no such file" in result.stderr


def test_unsupported_files_in_a_directory_are_counted_in_the_closing_line(
    runner, write_file, story_text, tmp_path
):
    write_file("in/a.txt", story_text)
    write_file("in/notes.md", "# notes")

    result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--format", "jsonl"])

    assert result.exit_code == 0
    assert "1 file(s) in no supported format passed over" in result.stderr


def test_unknown_model_exits_two_with_a_message(runner, good):
    result = runner.invoke(app, ["analyze", good, "--model", "does_not_exist"])

    assert result.exit_code == 2
    assert result.stdout == ""
    message = one_line(result.stderr)
    assert message.startswith("newsgraph:")
    assert "does_not_exist" in message
    assert "--model" in message


@pytest.mark.parametrize(
    "arguments",
    [
        ["--format", "xml"],
        ["--batch-size", "0"],
        ["--max-bytes", "0"],
    ],
)
def test_invalid_options_are_usage_errors(runner, good, arguments):
    result = runner.invoke(app, ["analyze", good, *arguments])

    assert result.exit_code == 2
    assert re.search(r"Invalid value|No such option", result.output)


def test_max_bytes_option_reaches_ingest(runner, good):
    result = runner.invoke(app, ["analyze", good, "--max-bytes", "10", "--format", "jsonl"])

    assert result.exit_code == 1
    assert "InputTooLargeError" in result.stderr
