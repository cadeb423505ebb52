"""Time expressions scored on TimeBank + AQUAINT (TempEval-3 "TBAQ-cleaned", TimeML).

Gold: every ``TIMEX3`` of ``type="DATE"`` inside ``<TEXT>``; the document creation time
(``functionInDocument="CREATION_TIME"``, the ``<DCT>``) is given to newsgraph as the
publication date. The text newsgraph reads is ``<TEXT>`` with the tags taken out and XML
entities decoded, so offsets agree with the gold.

Predictions: newsgraph's ``dates`` of kind ``date`` (durations and sets are other TIMEX3
types). A prediction that overlaps a gold TIMEX3 of another type (TIME, DURATION, SET) is
left out of the score, neither right nor wrong: the two schemes cut those differently.

Span matching, reported both ways: *strict* — same start and end; *relaxed* — the spans
overlap (each gold and each prediction matched at most once, by largest overlap). Value
accuracy is over relaxed matches: the prediction's value equals the gold ``value`` once a
time-of-day suffix is dropped from the gold ("1998-08-19TNI" → "1998-08-19"), because
newsgraph's values stop at the day, and a one-digit ISO week is padded ("2000-W7" →
"2000-W07"). A gold value with unknown parts ("1998-WXX") can only be matched by the same
string, which newsgraph never produces.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.pipeline import DEFAULT_EXTRACTORS, DocumentContext, Pipeline, PipelineOptions
from newsgraph.records import DateRef

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([A-Za-z]+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    name: str
    text: str
    creation_time: str | None
    timexes: tuple[GoldTimex, ...]


@dataclass
class TimebankScore:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict_matched: int = 0
    relaxed_matched: int = 0
    value_right: int = 0
    errors: list[tuple[str, str, str | None, str]] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_precision(self) -> float:
        return self.strict_matched / self.predicted if self.predicted else 0.0

    @property
    def strict_recall(self) -> float:
        return self.strict_matched / self.gold if self.gold else 0.0

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return self.relaxed_matched / self.predicted if self.predicted else 0.0

    @property
    def relaxed_recall(self) -> float:
        return self.relaxed_matched / self.gold if self.gold else 0.0

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.relaxed_matched if self.relaxed_matched else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "strict_matched": self.strict_matched,
            "strict_precision": round(self.strict_precision, 4),
            "strict_recall": round(self.strict_recall, 4),
            "strict_f1": round(self.strict_f1, 4),
            "relaxed_matched": self.relaxed_matched,
            "relaxed_precision": round(self.relaxed_precision, 4),
            "relaxed_recall": round(self.relaxed_recall, 4),
            "relaxed_f1": round(self.relaxed_f1, 4),
            "value_right": self.value_right,
            "value_accuracy": round(self.value_accuracy, 4),
        }


def read_timeml(markup: str, name: str = "") -> TimemlDocument:
    """The plain text of ``<TEXT>``, its TIMEX3 tags as character spans, and the DCT value."""
    creation_time = None
    if m := _DCT.search(markup):
        creation_time = dict(_ATTRIBUTE.findall(m[1])).get("value")
    opening, closing = markup.find("<TEXT>"), markup.rfind("</TEXT>")
    body = markup[opening + len("<TEXT>") : closing] if 0 <= opening < closing else ""
    pieces: list[str] = []
    length = 0
    position = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag[2] != "TIMEX3" or tag[4]:
            continue
        if not tag[1]:
            open_timexes.append((length, dict(_ATTRIBUTE.findall(tag[3]))))
        elif open_timexes:
            start, attributes = open_timexes.pop()
            timexes.append(
                GoldTimex(start, length, attributes.get("type", ""), attributes.get("value", ""))
            )
    pieces.append(html.unescape(body[position:]))
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimemlDocument(name, "".join(pieces), creation_time, tuple(timexes))


def gold_value(value: str) -> str:
    """A gold TIMEX3 value at newsgraph's finest grain (the day), ISO week numbers written
    with two digits ("2000-W7" → "2000-W07")."""
    value = value[:10] if re.match(r"\d{4}-\d\d-\d\dT", value) else value
    return re.sub(r"-W(\d)(?=$|-)", r"-W0\1", value)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def score_document(
    document: TimemlDocument, dates: Iterable[DateRef], score: TimebankScore
) -> None:
    gold = [t for t in document.timexes if t.type == "DATE"]
    others = [t for t in document.timexes if t.type != "DATE"]
    predicted = [
        d
        for d in dates
        if d.kind == "date"
        and not any(
            _overlap(d.span.start, d.span.end, o.start, o.end)
            and not any(_overlap(d.span.start, d.span.end, g.start, g.end) for g in gold)
            for o in others
        )
    ]
    score.documents += 1
    score.gold += len(gold)
    score.predicted += len(predicted)
    strict = {(d.span.start, d.span.end) for d in predicted}
    score.strict_matched += sum((g.start, g.end) in strict for g in gold)
    pairs = sorted(
        (
            (_overlap(g.start, g.end, d.span.start, d.span.end), gi, pi)
            for gi, g in enumerate(gold)
            for pi, d in enumerate(predicted)
            if _overlap(g.start, g.end, d.span.start, d.span.end)
        ),
        reverse=True,
    )
    gold_used: set[int] = set()
    pred_used: set[int] = set()
    for _, gi, pi in pairs:
        if gi in gold_used or pi in pred_used:
            continue
        gold_used.add(gi)
        pred_used.add(pi)
        score.relaxed_matched += 1
        expected, found = gold_value(gold[gi].value), predicted[pi].value
        if found == expected:
            score.value_right += 1
        else:
            surface = document.text[gold[gi].start : gold[gi].end]
            score.errors.append((document.name, surface, found, expected))


def dates_pipeline(options: PipelineOptions | None = None) -> Pipeline:
    """A pipeline that runs only the dates extractor (it reads no other extractor's output)."""
    extractors = tuple(e for e in DEFAULT_EXTRACTORS if e.fills == "dates")
    return Pipeline(options, extractors=extractors)


def evaluate_timebank(
    data: Path,
    pipeline: Pipeline,
    *,
    progress: Callable[[list[Path]], Iterable[Path]] = lambda files: files,
) -> TimebankScore:
    """Score newsgraph's dates on every ``.tml`` file under ``data`` (TimeBank and AQUAINT)."""
    score = TimebankScore()
    for path in progress(sorted(data.rglob("*.tml"))):
        document = read_timeml(path.read_text("utf-8"), path.stem)
        context = DocumentContext(published=document.creation_time)
        found = pipeline.extract_text(document.text, context)
        score_document(document, found.get("dates", ()), score)
    return score
