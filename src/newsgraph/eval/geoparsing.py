"""Geoparsing scored on LGL and TR-News (Gritta et al.'s corpora, GeoNames-annotated XML).

Each corpus is an ``<articles>`` file: per ``<article>`` a ``<text>`` and ``<toponym>`` entries
with ``<start>``/``<end>`` character offsets into that text and, when the annotators found the
place in GeoNames, a ``<gaztag>`` with ``<lat>``/``<lon>``.

* **Geotagging**: newsgraph's place spans against the gold toponym spans — precision, recall and
  F1 on exact offsets, and on overlap (each gold and each prediction matched at most once,
  greedily in text order).
* **Geocoding**: for gold toponyms with coordinates that a prediction overlaps, the great-circle
  error between the two points: accuracy within 161 km (100 miles), median and mean error (the
  metrics of Gritta et al.). A matched prediction without coordinates counts as
  ``UNRESOLVED_KM`` off (half the Earth's circumference).

The gold sets annotate every toponym, demonyms ("Turkish", TR-News) and metonyms ("Turkey
said") included; newsgraph does not make places of either (they are actors), which costs recall
here. ``keep_actors=True`` scores the extractor with acting GPEs kept as places.

newsgraph reads the text exactly as the corpus stores it (no cleaning), so offsets agree.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.extract.actors import extract_actors
from newsgraph.extract.places import distance_km, extract_places
from newsgraph.pipeline import Pipeline
from newsgraph.records import Place

ACCURACY_KM = 161.0  # 100 miles, the usual threshold of the field
UNRESOLVED_KM = 20_037.5
CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml"}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass
class GeoScore:
    corpus: str
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap_gold: int = 0
    overlap_predicted: int = 0
    errors_km: list[float] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.exact / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.exact / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def overlap_precision(self) -> float:
        return self.overlap_predicted / self.predicted if self.predicted else 0.0

    @property
    def overlap_recall(self) -> float:
        return self.overlap_gold / self.gold if self.gold else 0.0

    @property
    def overlap_f1(self) -> float:
        return self._f1(self.overlap_precision, self.overlap_recall)

    @property
    def accuracy_161(self) -> float:
        if not self.errors_km:
            return 0.0
        return sum(1 for e in self.errors_km if e <= ACCURACY_KM) / len(self.errors_km)

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    @property
    def mean_km(self) -> float:
        return statistics.fmean(self.errors_km) if self.errors_km else 0.0

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "corpus": self.corpus,
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "overlap_f1": round(self.overlap_f1, 4),
            "geocoded": len(self.errors_km),
            "accuracy_161km": round(self.accuracy_161, 4),
            "median_km": round(self.median_km, 1),
            "mean_km": round(self.mean_km, 1),
        }


def read_corpus(path: Path) -> list[GoldArticle]:
    """The articles of an LGL / TR-News XML file."""
    root = ET.parse(path).getroot()
    articles = []
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        toponyms = []
        for toponym in node.iter("toponym"):
            start, end = toponym.findtext("start"), toponym.findtext("end")
            if start is None or end is None:
                continue
            lat, lon = toponym.findtext("gaztag/lat"), toponym.findtext("gaztag/lon")
            toponyms.append(
                GoldToponym(
                    start=int(start),
                    end=int(end),
                    phrase=(toponym.findtext("phrase") or "").strip(),
                    lat=float(lat) if lat else None,
                    lon=float(lon) if lon else None,
                )
            )
        articles.append(GoldArticle(id=node.get("docid", ""), text=text, toponyms=tuple(toponyms)))
    return articles


def score_article(score: GeoScore, gold: Sequence[GoldToponym], places: Sequence[Place]) -> None:
    """Add one article's counts to ``score``."""
    score.articles += 1
    score.gold += len(gold)
    score.predicted += len(places)
    predicted_spans = {(p.span.start, p.span.end) for p in places}
    score.exact += sum(1 for g in gold if (g.start, g.end) in predicted_spans)
    used: set[int] = set()
    for toponym in sorted(gold, key=lambda g: g.start):
        match = next(
            (
                index
                for index, place in enumerate(places)
                if index not in used
                and place.span.start < toponym.end
                and toponym.start < place.span.end
            ),
            None,
        )
        if match is None:
            continue
        used.add(match)
        score.overlap_gold += 1
        if toponym.lat is None or toponym.lon is None:
            continue
        place = places[match]
        if place.lat is None or place.lon is None:
            score.errors_km.append(UNRESOLVED_KM)
        else:
            score.errors_km.append(distance_km(toponym.lat, toponym.lon, place.lat, place.lon))
    score.overlap_predicted += len(used)


def evaluate_geoparsing(
    data: Path,
    pipeline: Pipeline,
    corpora: Iterable[str] = tuple(CORPORA),
    *,
    limit: int | None = None,
    keep_actors: bool = False,
    progress: Callable[[list[GoldArticle]], Iterable[GoldArticle]] = lambda items: items,
) -> dict[str, GeoScore]:
    """Scores per corpus (``lgl``, ``trnews``) on the files under ``data/data/``; ``limit``
    takes the first articles of each corpus only."""
    scores: dict[str, GeoScore] = {}
    for corpus in corpora:
        path = data / "data" / CORPORA[corpus]
        articles = read_corpus(path)[:limit]
        score = scores[corpus] = GeoScore(corpus)
        texts = (article.text for article in progress(articles))
        for article, doc in zip(articles, pipeline.nlp.pipe(texts, batch_size=32), strict=True):
            places = extract_places(doc, extract_actors(doc), keep_actors=keep_actors)
            score_article(score, article.toponyms, places)
    return scores
