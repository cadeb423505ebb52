"""The demo storyline through the corpus commands: `newsgraph ingest examples/` once, then each
`newsgraph query …` answers as the articles say.

Expected answers come from the demo answer key (tests/golden/demo_expected.json, written by
reading the articles) and from the articles' titles; the quotes query is also checked against
an independent filter of the stored records.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from newsgraph.store._ingest import IngestOptions, ingest

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "tests" / "golden" / "demo_expected.json").read_text())
# Every speaker the answer key names.
SPEAKERS = sorted(
    {
        quote["speaker"]
        for entry in EXPECTED.values()
        for quote in entry["quotes"]
        if quote["speaker"]
    }
)
# Share of the key's quotes that `quotes --speaker` returns for their speaker. The quote
# extractor itself finds 0.61 of the key with the key's speaker (tests/test_demo_golden.py,
# floor 0.58); the query must not lose any of those: measured 2026-11-30.
SPEAKER_RECALL_FLOOR = 0.58

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store.open(db) as store:
        ingest([str(ROOT / "examples")], store, options=IngestOptions(workers=1))
    return db


def _query(db: Path, *args: str) -> list[dict]:
    result = runner.invoke(app, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _key_of(origin_path: str, record: int | None) -> str:
    relative = Path(origin_path).resolve().relative_to(ROOT / "examples").as_posix()
    return relative if record is None else f"{relative}#{record}"


def _speaker_matches(name: str, text: str | None) -> bool:
    return bool(text) and re.search(rf"(^|\W){re.escape(name)}($|\W)", text, re.I) is not None


def test_demo_ingest_stores_every_article(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        counts = store.counts()

    assert counts["articles"] == len(EXPECTED)
    assert counts["failures"] == 0


@pytest.mark.parametrize("speaker", SPEAKERS)
def test_quotes_by_speaker_are_the_stored_quotes_of_that_speaker(demo_db, speaker):
    rows = _query(demo_db, "query", "quotes", "--speaker", speaker)

    with Store.open(demo_db, read_only=True) as store:
        records = [
            json.loads(r) for r in store.query("SELECT record FROM articles")["record"].to_pylist()
        ]
        # the corpus actor of each entity: "Ordaz" alone in one article is Rafael Ordaz
        actor_of = {
            (row["article_id"], row["entity_id"]): row["name"]
            for row in store.query(
                "SELECT l.article_id, l.entity_id, a.name FROM actor_entities l"
                " JOIN actors a USING (actor_id)"
            ).to_pylist()
        }
    expected = set()
    for record in records:
        names = {entity["id"]: entity["name"] for entity in record["entities"]}
        for quote in record["quotes"]:
            if (
                _speaker_matches(speaker, quote["speaker_name"])
                or _speaker_matches(speaker, names.get(quote["speaker"]))
                or _speaker_matches(speaker, actor_of.get((record["id"], quote["speaker"])))
            ):
                expected.add((record["id"], quote["span"][0]))
    assert {(row["article_id"], row["span_start"]) for row in rows} == expected


def test_quotes_by_speaker_find_the_answer_key_quotes(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        origins = {
            row["id"]: _key_of(row["provenance_origin_path"], row["provenance_origin_record"])
            for row in store.query(
                "SELECT id, provenance_origin_path, provenance_origin_record FROM articles"
            ).to_pylist()
        }
    total = hits = 0
    misses = []
    for speaker in SPEAKERS:
        rows = _query(demo_db, "query", "quotes", "--speaker", speaker)
        found = [(origins[row["article_id"]], row["text"]) for row in rows]
        for key, entry in EXPECTED.items():
            for quote in entry["quotes"]:
                if quote["speaker"] != speaker:
                    continue
                total += 1
                start = quote["text_startswith"]
                if any(k == key and (start in t or t.startswith(start[:25])) for k, t in found):
                    hits += 1
                else:
                    misses.append(f"{speaker}: {key}: {start}")
    assert hits / total >= SPEAKER_RECALL_FLOOR, "\n".join(misses)


def test_quotes_carry_date_outlet_and_kind(demo_db):
    rows = _query(demo_db, "query", "quotes", "--speaker", "Harper")

    [row] = [r for r in rows if r["text"].startswith("Rafael Ordaz is not a legitimate head")]
    assert (row["date"], row["outlet"], row["kind"]) == ("2025-08-08", "Atlantic Ledger", "direct")
    assert row["speaker"] == "Daniel Harper"


def test_quotes_since_leaves_out_earlier_articles(demo_db):
    rows = _query(demo_db, "query", "quotes", "--since", "2025-09-01")

    assert rows
    assert all(row["date"] >= "2025-09-01" for row in rows)


def test_the_top_actors_are_the_storyline_protagonists(demo_db):
    rows = _query(demo_db, "query", "actors", "--top", "6")

    names = [row["name"] for row in rows]
    assert {"United States", "Venezuela", "Rafael Ordaz"} <= set(names)
    assert rows == sorted(rows, key=lambda row: -row["articles"])


@pytest.mark.parametrize(
    ("words", "title"),
    [
        ("reward", "U.S. doubles reward for Venezuelan president's arrest to $50 million"),
        ("flash floods Tyrol", "Flash floods cut off Tyrol villages after record rainfall"),
        (
            "Gdansk by-election turnout",
            "Urban planner wins Gdańsk council by-election as turnout slumps",
        ),
        ("militia", "Venezuela calls up militia as U.S. warships head south"),
    ],
)
def test_search_puts_the_article_about_it_first(demo_db, words, title):
    rows = _query(demo_db, "query", "search", words)

    assert rows[0]["title"] == title
    assert rows == sorted(rows, key=lambda row: -row["score"])


def test_search_for_words_no_article_has_finds_nothing(demo_db):
    assert _query(demo_db, "query", "search", "naval mortgage zeppelin") == []


def test_timeline_lists_what_an_actor_said_in_date_order(demo_db):
    rows = _query(demo_db, "query", "timeline", "Ordaz")

    dates = [row["date"] for row in rows if row["date"]]
    assert dates == sorted(dates)
    # the first article naming him is of 2025-08-08; an event in it may be dated before that
    assert "2025-08-01" <= dates[0] <= "2025-08-08"
    assert any(row["kind"] == "said" and row["actor"] == "Rafael Ordaz" for row in rows)


def test_event_queries_answer_even_before_events_are_extracted(demo_db):
    assert isinstance(
        _query(demo_db, "query", "events", "--source", "CHN", "--target", "USA"), list
    )
    assert isinstance(_query(demo_db, "query", "dyad", "CHN", "USA"), list)


def test_sql_runs_any_query(demo_db):
    rows = _query(demo_db, "sql", "SELECT count(*) AS n FROM articles")

    assert rows == [{"n": len(EXPECTED)}]


def test_sql_error_is_reported_not_raised(demo_db):
    result = runner.invoke(app, ["sql", "SELECT nonsense FROM nowhere", "--db", str(demo_db)])

    assert result.exit_code == 2
    assert "query failed" in result.output


def test_csv_output_has_a_header_and_one_line_per_row(demo_db):
    result = runner.invoke(app, ["query", "actors", "--top", "3", "--db", str(demo_db), "--csv"])

    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("name,type,country")
    assert len(lines) == 4


def test_python_api_returns_dataframes(demo_db):
    import newsgraph

    with newsgraph.open(demo_db) as corpus:
        quotes = corpus.quotes(speaker="Harper")
        actors = corpus.actors(top=3)
        articles = corpus.articles()
    with newsgraph.open(demo_db, frame="polars") as corpus:
        found = corpus.search("reward")

    assert set(quotes["speaker"]) == {"Daniel Harper"}
    assert len(actors) == 3
    assert len(articles) == len(EXPECTED)
    assert found["title"][0].startswith("U.S. doubles reward")


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("parquet", "quotes.parquet"),
        ("jsonl", "records.jsonl"),
        ("gdelt", "events.gdelt.tsv"),
        ("graphml", "actors.graphml"),
        ("gexf", "actors.gexf"),
    ],
)
def test_export_writes_each_format(demo_db, tmp_path, fmt, name):
    result = runner.invoke(
        app, ["export", "--db", str(demo_db), "--to", str(tmp_path), "--format", fmt]
    )

    assert result.exit_code == 0, result.output
    assert (tmp_path / name).is_file()


def test_records_export_is_one_valid_record_per_article(demo_db, tmp_path):
    from newsgraph.schema import validate_article

    runner.invoke(app, ["export", "--db", str(demo_db), "--to", str(tmp_path), "-f", "jsonl"])

    records = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text().splitlines()]
    assert len(records) == len(EXPECTED)
    assert [validate_article(record) for record in records] == [[] for _ in records]


def test_quoting_network_links_speakers_to_who_they_talk_about(demo_db, tmp_path):
    import networkx

    runner.invoke(app, ["export", "--db", str(demo_db), "--to", str(tmp_path), "-f", "graphml"])
    graph = networkx.read_graphml(tmp_path / "actors.graphml")

    # Rafael Ordaz talks about the United States (the storyline's taunts at Washington).
    assert graph.has_edge("Rafael Ordaz (PERSON)", "USA")
    assert int(graph.get_edge_data("Rafael Ordaz (PERSON)", "USA")["quotes"]) >= 1


def test_dyad_plot_is_drawn_from_the_command_line(demo_db, tmp_path):
    pytest.importorskip("matplotlib")
    plot = tmp_path / "dyad.png"

    result = runner.invoke(
        app, ["query", "dyad", "CHN", "USA", "--db", str(demo_db), "--plot", str(plot)]
    )

    assert result.exit_code == 0, result.output
    assert plot.read_bytes().startswith(b"\x89PNG")


DUPLICATES = json.loads((ROOT / "tests" / "golden" / "demo_duplicates.json").read_text())
EVENTS = json.loads((ROOT / "tests" / "golden" / "demo_events.json").read_text())
# Share of the event key's dyadic events (both countries given) that `query events --source S
# --target T --type TYPE` returns with the key's trigger. The events extractor's own demo
# results bound it; measured 2026-11-30 after merging the events stage: 7 of 8 (the CHN-VEN
# "met" has its target, Tomás Quintero, without a country).
EVENT_QUERY_FLOOR = 0.75


def _origin_keys(db: Path) -> dict[str, str]:
    with Store.open(db, read_only=True) as store:
        return {
            row["id"]: _key_of(row["provenance_origin_path"], row["provenance_origin_record"])
            for row in store.query(
                "SELECT id, provenance_origin_path, provenance_origin_record FROM articles"
            ).to_pylist()
        }


def test_the_wire_copy_is_the_one_near_duplicate(demo_db):
    origins = _origin_keys(demo_db)
    rows = _query(demo_db, "sql", "SELECT article_id, duplicate_of FROM near_duplicates")

    found = {frozenset((origins[r["article_id"]], origins[r["duplicate_of"]])) for r in rows}
    assert found == {frozenset(entry["articles"]) for entry in DUPLICATES["near_duplicates"]}
    for entry in DUPLICATES["shared_templates"]:
        assert frozenset(entry["articles"]) not in found


def test_events_by_dyad_and_type_find_the_answer_key_events(demo_db):
    origins = _origin_keys(demo_db)
    dyadic = [
        (key, event)
        for key, events in EVENTS.items()
        if not key.startswith("_")
        for event in events
        if event["source_country"] and event["target_country"]
    ]
    hits = 0
    for key, event in dyadic:
        rows = _query(
            demo_db,
            "query",
            "events",
            "--source",
            event["source_country"],
            "--target",
            event["target_country"],
            "--type",
            event["type"],
        )
        assert all(row["type"] == event["type"] for row in rows)
        hits += any(
            origins[row["article_id"]] == key and row["trigger"] == event["trigger"] for row in rows
        )
    assert hits / len(dyadic) >= EVENT_QUERY_FLOOR


def test_events_query_returns_only_the_asked_dyad(demo_db):
    rows = _query(demo_db, "query", "events", "--source", "CHN", "--target", "USA")

    assert rows
    assert all(row["source_country"] == "CHN" for row in rows)
    assert all(row["target_country"] == "USA" for row in rows)
    assert {row["trigger"] for row in rows} >= {"criticised", "condemned"}


def test_dyad_counts_the_wire_copy_once_as_a_story(demo_db):
    rows = _query(demo_db, "query", "dyad", "USA", "VEN", "--both")

    assert sum(row["events"] for row in rows) >= sum(row["stories"] for row in rows) > 0
    assert all(row["stories"] <= row["articles"] for row in rows)


def test_every_demo_event_is_in_exactly_one_corpus_event(demo_db):
    clusters = _query(demo_db, "query", "clusters", "--limit", "100000")
    [count] = _query(demo_db, "sql", "SELECT count(*) AS n FROM events")

    assert sum(row["num_events"] for row in clusters) == count["n"] > 0
    assert all(row["num_stories"] <= row["num_articles"] for row in clusters)
    assert clusters == sorted(clusters, key=lambda row: -row["num_sources"])
