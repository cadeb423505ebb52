"""The geoparsing evaluation: corpus reading and scoring, on small synthetic inline data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import Place, Span
from newsgraph.eval.geoparsing import (
    UNRESOLVED_KM,
    GeoScore,
    GoldToponym,
    read_corpus,
    score_article,
)

CORPUS = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Floods hit Paris and Lyon. Talks in Kyiv.]]></text>
    <toponyms>
      <toponym><start>11</start><end>16</end><phrase>Paris</phrase>
        <gaztag geonameid="2988507"><lat>48.85</lat><lon>2.35</lon></gaztag></toponym>
      <toponym><start>21</start><end>25</end><phrase>Lyon</phrase>
        <gaztag geonameid="2996944"><lat>45.75</lat><lon>4.85</lon></gaztag></toponym>
      <toponym><start>36</start><end>40</end><phrase>Kyiv</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def place(start: int, end: int, lat: float | None, lon: float | None) -> Place:
    return Place(
        span=Span(start, end),
        name="x",
        country=None,
        feature=None if lat is None else "city",
        lat=lat,
        lon=lon,
        confidence=None if lat is None else 1.0,
        extractor="test",
    )


def test_read_corpus_gives_offsets_and_optional_coordinates(tmp_path: Path):
    path = tmp_path / "corpus.xml"
    path.write_text(CORPUS, "utf-8")
    [article] = read_corpus(path)
    assert [article.text[t.start : t.end] for t in article.toponyms] == ["Paris", "Lyon", "Kyiv"]
    assert article.toponyms[0].lat == pytest.approx(48.85)
    assert (article.toponyms[2].lat, article.toponyms[2].lon) == (None, None)


def test_score_counts_exact_and_overlapping_spans_and_distance():
    gold = [
        GoldToponym(11, 16, "Paris", 48.85, 2.35),
        GoldToponym(21, 25, "Lyon", 45.75, 4.85),
        GoldToponym(36, 40, "Kyiv", None, None),
    ]
    predicted = [
        place(11, 16, 48.85, 2.35),  # exact, right
        place(20, 25, 48.85, 2.35),  # overlaps Lyon, placed in Paris (~390 km off)
        place(0, 6, 10.0, 10.0),  # no gold
    ]
    score = GeoScore("test")
    score_article(score, gold, predicted)
    assert (score.gold, score.predicted, score.exact) == (3, 3, 1)
    assert (score.overlap_gold, score.overlap_predicted) == (2, 2)
    assert len(score.errors_km) == 2
    assert score.accuracy_161 == pytest.approx(0.5)
    assert score.errors_km[1] == pytest.approx(392, abs=15)
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1 / 3)


def test_unresolved_match_counts_as_farthest_error():
    score = GeoScore("test")
    score_article(score, [GoldToponym(0, 5, "Paris", 48.85, 2.35)], [place(0, 5, None, None)])
    assert score.errors_km == [UNRESOLVED_KM]
    assert score.accuracy_161 == 0.0


def test_each_prediction_matches_one_gold_at_most():
    gold = [GoldToponym(0, 5, "A", 1.0, 1.0), GoldToponym(3, 8, "B", 1.0, 1.0)]
    score = GeoScore("test")
    score_article(score, gold, [place(0, 8, 1.0, 1.0)])
    assert score.overlap_gold == 1
    assert score.overlap_predicted == 1
