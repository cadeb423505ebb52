"""Corpus-level events: reports of one event from several outlets grouped, copies counted once."""

from __future__ import annotations

from datetime import date

from newsgraph.store import Store, _queries
from newsgraph.store._clusters import WINDOW_DAYS, EventRow, cluster_events, context_words
from store_helpers import make_article, make_event

SAME_STORY = context_words("China accused Washington of sending warships near Venezuela")


def row(
    article: str,
    day: int,
    *,
    kind="ACCUSE",
    source="CHN",
    target="USA",
    outlet=None,
    story=None,
    context=SAME_STORY,
) -> EventRow:
    return EventRow(
        article_id=article,
        ordinal=0,
        type=kind,
        quad_class="verbal conflict",
        source_key=source,
        target_key=target,
        source_name=source,
        target_name=target,
        day=date(2025, 8, day),
        outlet=outlet or f"outlet-{article}",
        story=story or article,
        context=context,
    )


def test_reports_of_one_event_from_several_outlets_are_one_cluster():
    [cluster] = cluster_events([row("a", 4), row("b", 5), row("c", 4 + WINDOW_DAYS)])

    assert (cluster.num_articles, cluster.num_sources) == (3, 3)
    assert (cluster.first_date, cluster.last_date) == (date(2025, 8, 4), date(2025, 8, 7))


def test_reports_further_apart_than_the_window_are_two_events():
    clusters = cluster_events([row("a", 4), row("b", 5 + WINDOW_DAYS)])

    assert len(clusters) == 2


def test_same_dyad_and_type_in_other_words_is_another_event():
    other = context_words("China accused the United States of unfair tariffs on steel imports")

    clusters = cluster_events([row("a", 4), row("b", 4, context=other)])

    assert len(clusters) == 2


def test_another_type_or_dyad_is_another_event():
    clusters = cluster_events(
        [row("a", 4), row("b", 4, kind="THREATEN"), row("c", 4, source="USA", target="CHN")]
    )

    assert len(clusters) == 3


def test_wire_copies_count_once_as_stories_and_outlets_once_each():
    [cluster] = cluster_events(
        [
            row("wire", 4, outlet="Wire"),
            row("copy", 4, outlet="Paper", story="wire"),
            row("more", 4, outlet="Wire"),
        ]
    )

    assert (cluster.num_articles, cluster.num_stories, cluster.num_sources) == (3, 2, 2)


def test_events_without_actors_group_only_within_their_article():
    clusters = cluster_events(
        [row("a", 4, source=None, target=None), row("b", 4, source=None, target=None)]
    )

    assert len(clusters) == 2


TEXT = "China accused the United States of meddling in the region on Monday."


def _accusing(url: str, outlet: str, published: str):
    event = make_event(
        TEXT,
        "accused",
        type="ACCUSE",
        quad_class="verbal conflict",
        source="China",
        source_country="CHN",
        target="United States",
        target_country="USA",
    )
    return make_article(TEXT, url=url, published=published, source=outlet, events=(event,))


def test_the_store_groups_events_and_the_query_ranks_them_by_outlets(tmp_path):
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(
            [
                _accusing("https://a.example/1", "Outlet A", "2025-08-04"),
                _accusing("https://b.example/1", "Outlet B", "2025-08-05"),
                _accusing("https://c.example/1", "Outlet C", "2025-09-30"),
            ]
        )
        assert store.rebuild_event_clusters() == 2
        rows = _queries.corpus_events(store, source="China", target="USA").to_pylist()
        reported_twice = _queries.corpus_events(store, min_sources=2).to_pylist()

    assert [(r["num_sources"], r["num_articles"]) for r in rows] == [(2, 2), (1, 1)]
    assert len(reported_twice) == 1
    assert str(reported_twice[0]["first_date"]) == "2025-08-04"


def test_gdelt_export_counts_outlets_and_stories_of_the_corpus_event(tmp_path):
    import csv

    from newsgraph.store._export import GDELT_FIELDS, write_gdelt

    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(
            [
                _accusing("https://a.example/1", "Outlet A", "2025-08-04"),
                _accusing("https://b.example/1", "Outlet B", "2025-08-05"),
            ]
        )
        store.rebuild_event_clusters()
        path = write_gdelt(store, tmp_path / "events.tsv")

    with path.open(encoding="utf-8") as stream:
        rows = [dict(zip(GDELT_FIELDS, r, strict=True)) for r in csv.reader(stream, delimiter="\t")]
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows] == [
        ("2", "2", "2"),
        ("2", "2", "2"),
    ]
