"""Queries and exports on hand-built records: events by dyad, type and date, the weekly dyad
series, timelines, and the GDELT, Parquet, JSONL and network exports."""

from __future__ import annotations

import contextlib
import csv
import json
from pathlib import Path

import networkx
import pyarrow.parquet as pq
import pytest

from newsgraph import StoreError
from newsgraph.store import Store, _queries
from newsgraph.store._export import GDELT_FIELDS, ExportFormat, export, quad_class_number
from store_helpers import china_articles


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "c.duckdb")
    opened.write(china_articles())
    yield opened
    with contextlib.suppress(StoreError):
        opened.close()


@pytest.mark.parametrize("source", ["CHN", "China", "chn", "the People's Republic of China"])
def test_events_by_source_and_target_accept_codes_and_names(store, source):
    rows = _queries.events(store, source=source, target="USA").to_pylist()

    assert [row["type"] for row in rows] == ["ACCUSE", "THREATEN"]


def test_events_match_actors_coded_directly_without_an_entity(store):
    rows = _queries.events(store, source="USA", target="CHN").to_pylist()

    assert [(row["type"], row["trigger"]) for row in rows] == [("REJECT", "rejected")]


def test_events_filter_by_type_and_date(store):
    accuse = _queries.events(store, source="CHN", target="USA", event_type="ACCUSE")
    later = _queries.events(store, source="CHN", target="USA", since="2025-08-05")

    assert accuse.column("type").to_pylist() == ["ACCUSE"]
    assert later.column("type").to_pylist() == ["THREATEN"]
    # the event's own date (2025-08-11) wins over the article's (2025-08-12)
    assert str(later.column("date")[0]) == "2025-08-11"


def test_dyad_counts_events_per_week_and_quad_class(store):
    rows = _queries.dyad(store, "CHN", "USA").to_pylist()

    assert [(str(r["week"]), r["quad_class"], r["events"]) for r in rows] == [
        ("2025-08-04", "verbal conflict", 1),
        ("2025-08-11", "verbal conflict", 1),
    ]


def test_dyad_in_both_directions_adds_the_reverse_events(store):
    rows = _queries.dyad(store, "CHN", "USA", both_directions=True).to_pylist()

    assert sum(row["events"] for row in rows) == 3


def test_dyad_plot_is_written(store, tmp_path):
    pytest.importorskip("matplotlib")
    from newsgraph.store._plot import plot_dyad

    path = tmp_path / "dyad.svg"
    plot_dyad(_queries.dyad(store, "CHN", "USA"), "CHN → USA", path)

    assert path.read_text().lstrip().startswith("<?xml")


def test_quotes_by_part_of_a_name(store):
    rows = _queries.quotes(store, speaker="wang").to_pylist()

    assert [row["text"] for row in rows] == [
        "Washington must stop meddling,",
        "Beijing would respond to any provocation",
    ]
    assert _queries.quotes(store, speaker="Wan").num_rows == 0  # whole words only


def test_timeline_has_what_an_actor_did_and_underwent(store):
    rows = _queries.timeline(store, "China").to_pylist()

    kinds = [(row["kind"], row["detail"].split(":")[0]) for row in rows]
    assert ("did", "ACCUSE China -> United States") in kinds
    assert ("did", "THREATEN China -> United States") in kinds
    assert ("undergoes", "REJECT USA -> CHN") not in kinds  # coded without an entity


def test_actors_count_articles_mentions_and_quotes(store):
    rows = {row["name"]: row for row in _queries.actors(store, top=10).to_pylist()}

    assert rows["Wang Yi"]["quotes"] == 2
    assert rows["China"]["mentions"] == 3
    assert rows["China"]["articles"] == 2


@pytest.mark.parametrize("words", ["accusation", "ACCUSATION meddling", "Washington's meddling"])
def test_search_finds_articles_holding_every_word(store, words):
    rows = _queries.search(store, words).to_pylist()

    assert [row["article_id"] for row in rows] == [china_articles()[0].id]
    assert store.search_current()


def test_search_matches_word_forms(store):
    rows = _queries.search(store, "threaten").to_pylist()  # the text says "threatened"

    assert [row["article_id"] for row in rows] == [china_articles()[1].id]


def test_search_on_a_read_only_store_with_a_stale_index_falls_back_to_a_scan(store):
    path = store.path
    store.close()
    with Store.open(path, read_only=True) as reader:
        assert not reader.search_current()
        rows = _queries.search(reader, "accusation").to_pylist()

    assert [row["article_id"] for row in rows] == [china_articles()[0].id]


@pytest.mark.parametrize("words", ["accusation AND (", "NOT accusation", "accusation OR"])
def test_search_reads_query_syntax_as_plain_words_and_never_raises(store, words):
    _queries.search(store, words)  # tantivy's operators and brackets are not syntax here


def test_a_search_for_nothing_finds_nothing(store):
    assert _queries.search(store, "  ?! ").num_rows == 0


def test_gdelt_export_has_61_columns_and_maps_codes(store, tmp_path):
    [path] = export(store, tmp_path / "out", ExportFormat.gdelt)

    with path.open(encoding="utf-8") as stream:
        rows = list(csv.reader(stream, delimiter="\t"))
    assert len(GDELT_FIELDS) == 61
    assert {len(row) for row in rows} == {61}
    first = dict(zip(GDELT_FIELDS, rows[0], strict=True))
    assert first["Day"] == "20250804"
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"]) == (
        "CHN",
        "CHINA",
        "CHN",
    )
    threaten = dict(zip(GDELT_FIELDS, rows[-1], strict=True))
    assert (threaten["Actor1Code"], threaten["Actor1Type1Code"]) == ("CHNGOV", "GOV")
    assert (first["EventCode"], first["EventRootCode"], first["QuadClass"]) == ("112", "11", "3")
    assert first["SOURCEURL"] == "https://example.com/china-1"


@pytest.mark.parametrize(
    ("value", "number"),
    [("verbal cooperation", "1"), ("MATERIAL_CONFLICT", "4"), ("3", "3"), (None, ""), ("x", "")],
)
def test_quad_classes_become_gdelt_numbers(value, number):
    assert quad_class_number(value) == number


def test_parquet_export_writes_one_file_per_table(store, tmp_path):
    written = export(store, tmp_path / "pq", ExportFormat.parquet)

    tables = {path.stem: pq.read_table(path) for path in written}
    assert tables["articles"].num_rows == 2
    assert tables["events"].num_rows == 3


def test_jsonl_export_includes_the_full_records(store, tmp_path):
    written = export(store, tmp_path / "jl", ExportFormat.jsonl)

    records = [
        json.loads(line) for line in (tmp_path / "jl" / "records.jsonl").read_text().splitlines()
    ]
    assert {record["id"] for record in records} == {a.id for a in china_articles()}
    assert (tmp_path / "jl" / "quotes.jsonl") in written


@pytest.mark.parametrize("fmt", [ExportFormat.graphml, ExportFormat.gexf])
def test_actor_network_links_speakers_and_event_actors(store, tmp_path, fmt):
    [path] = export(store, tmp_path / "net", fmt)

    graph = networkx.read_graphml(path) if fmt is ExportFormat.graphml else networkx.read_gexf(path)
    # China accused and threatened the US (2 events); Wang Yi's quote names Washington? No:
    # "Washington" is not an entity there, so the quote adds no edge.
    assert graph.has_edge("CHN", "USA")
    edge = graph.get_edge_data("CHN", "USA")
    assert int(edge["events"]) == 2
    assert int(edge["weight"]) == 2
    assert graph.has_edge("USA", "CHN") is False  # the reverse event is coded without entities
