"""Quote attribution scored on PolNeAR (political news attribution relations, brat standoff).

For every gold attribution (Source, Cue, Content spans) newsgraph's quotes are matched by their
content: a gold and a predicted content match when the ``\\w+`` tokens they share are at least
half of the longer of the two (each gold and each prediction is matched at most once, greedily
by overlap). Reported: content precision / recall / F1, and among matched pairs the accuracy of
the source (the predicted ``speaker_span`` overlaps the gold Source span; a gold relation with no
Source is right when newsgraph gives no speaker either). Direct and indirect are reported
separately: a gold content is *direct* when quote marks delimit it, a prediction by its ``kind``
(direct and partial count as direct).

newsgraph reads the article text exactly as PolNeAR stores it (no cleaning), so offsets agree.
When an article was annotated by several annotators, the first annotation file (sorted) counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.pipeline import Pipeline
from newsgraph.records import Quote

_TOKEN = re.compile(r"\w+")
MATCH_SHARE = 0.5
_QUOTE_MARKS = "\"“”«»‘’'"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]  # brat fragments: a quote split by its attribution
    source: tuple[tuple[int, int], ...] | None
    cue: tuple[tuple[int, int], ...] | None
    direct: bool


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    source_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.matched_gold if self.matched_gold else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched_gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "source_accuracy": round(self.source_accuracy, 4),
        }


@dataclass
class PolnearScore:
    articles: int = 0
    overall: Tally = field(default_factory=Tally)
    direct: Tally = field(default_factory=Tally)
    indirect: Tally = field(default_factory=Tally)


def _fragments(spans: str) -> tuple[tuple[int, int], ...]:
    pieces = (piece.split() for piece in spans.split(";"))
    return tuple((int(start), int(end)) for start, end in pieces)


def _is_direct(text: str, start: int, end: int) -> bool:
    inner = text[start:end].strip()
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    opens = inner[:1] in _QUOTE_MARKS or any(c in _QUOTE_MARKS for c in before)
    closes = (
        inner[-1:] in _QUOTE_MARKS
        or inner[-2:-1] in _QUOTE_MARKS
        or any(c in _QUOTE_MARKS for c in after)
    )
    return opens and closes


def read_brat(ann: str, text: str) -> list[GoldAttribution]:
    """Attribution relations of one brat .ann file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations: list[GoldAttribution] = []
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = (label, _fragments(offsets))
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    for event in events:
        if "Content" not in event or event["Content"] not in spans:
            continue
        content = spans[event["Content"]][1]
        source = spans[event["Source"]][1] if event.get("Source") in spans else None
        cue = spans[event["Cue"]][1] if event.get("Cue") in spans else None
        direct = all(_is_direct(text, start, end) for start, end in content)
        relations.append(GoldAttribution(content=content, source=source, cue=cue, direct=direct))
    return relations


def _tokens(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in _TOKEN.finditer(text, start, end)}


def _fragment_tokens(text: str, fragments: tuple[tuple[int, int], ...]) -> set[int]:
    return set().union(*(_tokens(text, start, end) for start, end in fragments))


def attributions_only(quotes: Iterable[Quote]) -> list[Quote]:
    """The quotes that are attribution relations in PolNeAR's sense: a scare quote with no
    source is the writer's own wording, and a partial quote inside another quote's reported
    content is part of that relation (PolNeAR gives every token at most one attribution)."""
    candidates = [q for q in quotes if not (q.kind == "partial" and q.speaker_span is None)]
    return [
        q
        for q in candidates
        if not any(
            o is not q
            and o.span.start <= q.span.start
            and q.span.end <= o.span.end
            and (o.span.start, o.span.end) != (q.span.start, q.span.end)
            for o in candidates
        )
    ]


def _overlap(a: set[int], b: set[int]) -> bool:
    return bool(a) and bool(b) and len(a & b) >= MATCH_SHARE * max(len(a), len(b))


def _utterances(quotes: list[Quote]) -> list[list[Quote]]:
    """Direct quotes that share their cue and speaker are one utterance split by its
    attribution (`"…," she said. "…"`), as PolNeAR annotates them (one relation, several
    content fragments); every other quote is an utterance of its own."""
    groups: dict[tuple[object, ...], list[Quote]] = {}
    for index, quote in enumerate(quotes):
        key: tuple[object, ...] = (index,)
        if quote.kind == "direct" and quote.cue is not None:
            key = ("direct", quote.cue, quote.speaker_span)
        groups.setdefault(key, []).append(quote)
    return list(groups.values())


def score_article(
    text: str, gold: list[GoldAttribution], quotes: Iterable[Quote], score: PolnearScore
) -> None:
    predicted = _utterances(attributions_only(quotes))
    gold_tokens = [_fragment_tokens(text, g.content) for g in gold]
    pred_tokens = [
        set().union(*(_tokens(text, q.span.start, q.span.end) for q in group))
        for group in predicted
    ]
    pairs = sorted(
        (
            (len(gt & pt), gi, pi)
            for gi, gt in enumerate(gold_tokens)
            for pi, pt in enumerate(pred_tokens)
            if _overlap(gt, pt)
        ),
        reverse=True,
    )
    gold_used: dict[int, int] = {}
    pred_used: set[int] = set()
    for _, gi, pi in pairs:
        if gi in gold_used or pi in pred_used:
            continue
        gold_used[gi] = pi
        pred_used.add(pi)
    for gi, relation in enumerate(gold):
        tallies = (score.overall, score.direct if relation.direct else score.indirect)
        for tally in tallies:
            tally.gold += 1
        if gi not in gold_used:
            continue
        quote = predicted[gold_used[gi]][0]
        if relation.source is None:
            right = quote.speaker_span is None
        else:
            right = quote.speaker_span is not None and bool(
                _fragment_tokens(text, relation.source)
                & _tokens(text, quote.speaker_span.start, quote.speaker_span.end)
            )
        for tally in tallies:
            tally.matched_gold += 1
            tally.source_right += right
    for pi, group in enumerate(predicted):
        direct = group[0].kind != "indirect"
        for tally in (score.overall, score.direct if direct else score.indirect):
            tally.predicted += 1
            tally.matched_predicted += pi in pred_used


def evaluate_polnear(
    data: Path,
    pipeline: Pipeline,
    *,
    split: str = "dev",
    progress: Callable[[list[Path]], Iterable[Path]] = lambda files: files,
) -> PolnearScore:
    """Score newsgraph's quotes on one PolNeAR split (``dev`` by default; ``train`` to tune)."""
    folder = data / "data" / split
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, ann)
    score = PolnearScore()
    for ann in progress(list(chosen.values())):
        article = ann.stem.rsplit("_", 1)[0]
        text = (folder / "text" / f"{article}.txt").read_text("utf-8")
        gold = read_brat(ann.read_text("utf-8"), text)
        found = pipeline.extract_text(text)
        score_article(text, gold, found.get("quotes", ()), score)
        score.articles += 1
    return score
