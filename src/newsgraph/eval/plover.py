"""Event coding scored on the PLOVER gold-standard records and the PETRARCH2 unit tests.

**PLOVER** (``PLOVER_GSR_CAMEO.txt``: 322 sentences adapted from the CAMEO manual, one event
each). Each sentence is parsed on its own (no cleaning) and newsgraph's *main* event — the one
standing highest in the parse (:func:`~newsgraph.extract.events.main_event`) — is compared with
the gold record:

* type accuracy: main event type = gold type, older type names mapped to the current ones as
  ``extract/data/plover.toml`` ``[legacy]`` says (from CAMEO2PLOVER-2021.txt: DISAPPROVE and
  INVESTIGATE → ACCUSE, DEMAND → REQUEST, FIGHT → ASSAULT); a sentence with no event is wrong;
* source / target text: the predicted actor span overlaps the text of a gold actor;
* source / target country: the predicted actor's code (ISO alpha-3, or IGO / NGO for an
  international or non-governmental organisation with no country) is one of the gold codes.
  Two gold codes that are not ISO 3166 (JAP, ITL) are read as JPN and ITA.
  Source metrics count the sentences whose gold has a source; target metrics those with a target.

**PETRARCH2** (``PETR.UnitTest.records.xml``): stylised sentences whose actors are fictional
(resolved here with the suite's own ``PETR.Validate.actors.txt``). The gold event codes are
WEIS codes, not CAMEO (see :func:`weis_types`), many of them labels made up for one test.
Reported, for the records with gold codings: type accuracy over the records with at least one
WEIS code that has a PLOVER type (comments and made-up codes have none; no event coded is
wrong), the same over those records where an event was coded, and source/target code match
(first three letters); and how many of the ``noevents`` records get no event. A regression
report, not a target.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.extract._event_lexicon import current_type, default_lexicon
from newsgraph.extract.events import main_event
from newsgraph.pipeline import DocumentContext, Pipeline
from newsgraph.records import Event

# Gold codes that are not ISO 3166 alpha-3, and what they stand for.
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA"}
NONE = "NONE"


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.total += 1
        self.right += right

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class PloverScore:
    sentences: int = 0
    type_accuracy: Ratio = field(default_factory=Ratio)
    source_text: Ratio = field(default_factory=Ratio)
    source_country: Ratio = field(default_factory=Ratio)
    target_text: Ratio = field(default_factory=Ratio)
    target_country: Ratio = field(default_factory=Ratio)
    no_event: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "type_accuracy": round(self.type_accuracy.value, 4),
            "source_text_accuracy": round(self.source_text.value, 4),
            "source_country_accuracy": round(self.source_country.value, 4),
            "target_text_accuracy": round(self.target_text.value, 4),
            "target_country_accuracy": round(self.target_country.value, 4),
            "sentences_without_event": self.no_event,
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
        }


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    type: str
    sources: tuple[tuple[str, str], ...]  # (actor text, code)
    targets: tuple[tuple[str, str], ...]


def _actors(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        return ()
    found = []
    for item in value:
        if isinstance(item, dict) and item.get("actorText"):
            code = str(item.get("code") or "").upper()
            found.append((str(item["actorText"]), GOLD_CODE_FIXES.get(code, code)))
    return tuple(found)


def read_plover_gold(raw: str) -> list[GoldSentence]:
    """The coded sentences of a PLOVER gold file (a JSON array; DOCUMENT records skipped)."""
    lexicon = default_lexicon()
    gold = []
    for record in json.loads(raw):
        if not isinstance(record, dict) or record.get("event") in (None, "DOCUMENT"):
            continue
        if not record.get("text"):
            continue
        kind, _ = current_type(lexicon, str(record["event"]))
        gold.append(
            GoldSentence(
                id=str(record.get("id", "")),
                text=str(record["text"]),
                type=kind,
                sources=_actors(record.get("source")),
                targets=_actors(record.get("target")),
            )
        )
    return gold


def event_code(country: str | None, sector: str | None) -> str | None:
    """The code an event actor is compared with: its country, else IGO / NGO."""
    if country:
        return country
    return {"international_organisation": "IGO", "civil_society": "NGO"}.get(sector or "")


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    found = []
    lower, needle = text.lower(), phrase.lower().strip()
    start = lower.find(needle) if needle else -1
    while start >= 0:
        found.append((start, start + len(needle)))
        start = lower.find(needle, start + 1)
    return found


def _span_matches(text: str, span: tuple[int, int] | None, actors: Iterable[str]) -> bool:
    if span is None:
        return False
    return any(
        start < span[1] and span[0] < end
        for actor in actors
        for start, end in _occurrences(text, actor)
    )


def analyse(pipeline: Pipeline, text: str) -> tuple[Doc, tuple[Event, ...]]:
    """Parse one text and run the pipeline's extractors; the doc and the events."""
    doc = pipeline.nlp(text)
    found: dict[str, tuple[Any, ...]] = {}
    context = DocumentContext()
    for extractor in pipeline.extractors:
        found[extractor.fills] = extractor.run(doc, found, context)
    return doc, tuple(found.get("events", ()))


def score_sentence(
    gold: GoldSentence, doc: Doc, events: tuple[Event, ...], score: PloverScore
) -> None:
    main = main_event(doc, events)
    predicted = main.type if main else NONE
    score.sentences += 1
    score.no_event += main is None
    score.confusion[(gold.type, predicted)] += 1
    score.type_accuracy.add(predicted == gold.type)
    if gold.sources:
        span = (main.source_span.start, main.source_span.end) if main and main.source_span else None
        score.source_text.add(_span_matches(gold.text, span, (a for a, _ in gold.sources)))
        code = event_code(main.source_country, main.source_sector) if main else None
        score.source_country.add(code is not None and code in {c for _, c in gold.sources})
    if gold.targets:
        span = (main.target_span.start, main.target_span.end) if main and main.target_span else None
        score.target_text.add(_span_matches(gold.text, span, (a for a, _ in gold.targets)))
        code = event_code(main.target_country, main.target_sector) if main else None
        score.target_country.add(code is not None and code in {c for _, c in gold.targets})
    if main is None or predicted != gold.type:
        score.errors.append(f"{gold.id}: gold {gold.type}, got {predicted}: {gold.text}")


def evaluate_plover(
    data: Path,
    pipeline: Pipeline,
    *,
    progress: Callable[[list[GoldSentence]], Iterable[GoldSentence]] = lambda items: items,
) -> PloverScore:
    """Score the main event of every gold sentence of ``data/PLOVER_GSR_CAMEO.txt``."""
    gold = read_plover_gold((data / "PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    score = PloverScore()
    for sentence in progress(gold):
        doc, events = analyse(pipeline, sentence.text)
        score_sentence(sentence, doc, events, score)
    return score


# --- PETRARCH2 unit tests -------------------------------------------------------------------

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_ATTRIBUTE = re.compile(r"(\w+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ACTOR_LINE = re.compile(r"^\s*\+?([^\[#<]+?)\s*(?:\[([^\]]*)\])?\s*(?:#.*)?$")


# The suite's codes are not CAMEO: PETR.Validate.verbs.txt, the dictionary they were coded
# with, says "most of the codes are WEIS, not CAMEO" and that it "started out as part of a KEDS
# dictionary" and was "tweaked quite unsystematically to accommodate various unit tests". So a
# gold code is read as a WEIS code (``data/weis_plover.csv``: the 63 codes of McClelland's World
# Event/Interaction Survey, each with the PLOVER type CAMEO2PLOVER-2021.txt gives the CAMEO code
# of the same meaning); a code outside that list ("903", "345", "1717", "174K", "224") is a
# label made up for one unit test and carries no type.
@cache
def weis_types() -> dict[str, str | None]:
    """WEIS code → PLOVER type (None: PLOVER has no type for it, e.g. a comment)."""
    raw = resources.files("newsgraph.eval").joinpath("data", "weis_plover.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in raw.splitlines() if not line.startswith("#"))
    return {row["weis"].strip(): (row["plover"].strip() or None) for row in rows}


# PLOVER codes cooperation announced for the future as AGREE and a promised retreat as CONCEDE
# (the manual, and extract/events.py); a WEIS code names the act itself. A coded event with
# ``future`` modality is compared with the future reading of the gold type.
FUTURE_READING = {
    "CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
    "RETREAT": "CONCEDE",
}  # fmt: skip


def weis_to_plover(code: str) -> str | None:
    """The PLOVER type of a WEIS event code (None for a comment or a code WEIS lacks)."""
    return weis_types().get(code.strip())


def type_matches(event: Event, gold_types: Iterable[str]) -> bool:
    """Whether a coded event has one of the gold types, read as PLOVER reads an event
    announced for the future."""
    return any(
        event.type == kind
        or (event.modality == "future" and event.type == FUTURE_READING.get(kind))
        for kind in gold_types
    )


@dataclass(frozen=True, slots=True)
class PetrarchSentence:
    id: str
    text: str
    codings: tuple[tuple[str, str, str], ...]  # (source, target, CAMEO event code)
    no_events: bool


def read_petrarch(raw: str) -> list[PetrarchSentence]:
    sentences = []
    for attributes, body in _SENTENCE.findall(raw):
        text_match = _TEXT.search(body)
        if text_match is None:
            continue
        attrs = {k: a or b for k, a, b in _ATTRIBUTE.findall(attributes)}
        codings = []
        no_events = False
        for coding in _CODING.findall(body):
            fields = {k.lower(): a or b for k, a, b in _ATTRIBUTE.findall(coding)}
            if fields.get("noevents", "").lower() == "true":
                no_events = True
            elif "eventcode" in fields:
                codings.append(
                    (
                        fields.get("sourcecode", ""),
                        fields.get("targetcode", ""),
                        fields["eventcode"],
                    )
                )
        text = " ".join(text_match.group(1).split())
        sentences.append(PetrarchSentence(attrs.get("id", ""), text, tuple(codings), no_events))
    return sentences


def read_petrarch_actors(raw: str) -> dict[str, str]:
    """Actor names (upper case, spaces) → code from a PETRARCH actor dictionary; "+ALIAS" lines
    take the code of the entry they follow."""
    actors: dict[str, str] = {}
    current: str | None = None
    for line in raw.splitlines():
        if not line.strip() or line.lstrip().startswith(("<", "#", "-->")):
            continue
        match = _ACTOR_LINE.match(line)
        if match is None:
            continue
        name = " ".join(match.group(1).replace("_", " ").split()).upper()
        code = (match.group(2) or "").split()[0] if match.group(2) else None
        if code:
            current = code.upper()
        if name and current and not name.startswith("{"):
            actors.setdefault(name, current)
    return actors


def _petrarch_code(text: str | None, actors: dict[str, str]) -> str | None:
    if not text:
        return None
    upper = " " + " ".join(re.findall(r"[\w'-]+", text.upper())) + " "
    best: tuple[int, str] | None = None
    for name, code in actors.items():
        if f" {name} " in upper and (best is None or len(name) > best[0]):
            best = (len(name), code)
    return best[1] if best else None


@dataclass
class PetrarchScore:
    sentences: int = 0
    coded: int = 0
    with_event: int = 0
    type_match: Ratio = field(default_factory=Ratio)
    type_match_when_coded: Ratio = field(default_factory=Ratio)
    source_match: Ratio = field(default_factory=Ratio)
    target_match: Ratio = field(default_factory=Ratio)
    no_events: Ratio = field(default_factory=Ratio)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "with_gold_events": self.coded,
            "with_gold_events_and_an_event_coded": self.with_event,
            "with_a_gold_plover_type": self.type_match.total,
            "type_accuracy": round(self.type_match.value, 4),
            "type_accuracy_when_coded": round(self.type_match_when_coded.value, 4),
            "source_code_accuracy": round(self.source_match.value, 4),
            "target_code_accuracy": round(self.target_match.value, 4),
            "noevents_sentences": self.no_events.total,
            "noevents_kept_empty": round(self.no_events.value, 4),
        }


def score_petrarch_sentence(
    sentence: PetrarchSentence,
    doc: Doc,
    events: tuple[Event, ...],
    actors: dict[str, str],
    score: PetrarchScore,
) -> None:
    """Add one record to the score: a ``noevents`` record counts when nothing is coded; a
    record with gold codings compares its main event with them — its type only when a gold
    code is a WEIS code with a PLOVER type, its actors by their code's first three letters (the
    country or group of the validation dictionary)."""
    score.sentences += 1
    if sentence.no_events:
        score.no_events.add(not events)
        return
    if not sentence.codings:
        return  # ERROR-, DISCARD- and other records that test the coder, not the coding
    score.coded += 1
    main = main_event(doc, events)
    score.with_event += main is not None
    types = {kind for _, _, code in sentence.codings if (kind := weis_to_plover(code))}
    if types:
        right = main is not None and type_matches(main, types)
        score.type_match.add(right)
        if main is not None:
            score.type_match_when_coded.add(right)
    source = _petrarch_code(main.source, actors) if main else None
    target = _petrarch_code(main.target, actors) if main else None
    score.source_match.add(
        source is not None and any(source[:3] == s[:3] for s, _, _ in sentence.codings)
    )
    score.target_match.add(
        target is not None and any(target[:3] == t[:3] for _, t, _ in sentence.codings)
    )


def evaluate_petrarch(
    data: Path,
    pipeline: Pipeline,
    *,
    progress: Callable[[list[PetrarchSentence]], Iterable[PetrarchSentence]] = lambda x: x,
) -> PetrarchScore:
    """Regression report on ``data/PETR.UnitTest.records.xml`` (see the module docstring)."""
    sentences = read_petrarch((data / "PETR.UnitTest.records.xml").read_text("utf-8"))
    actors_file = data / "dictionaries" / "PETR.Validate.actors.txt"
    actors = read_petrarch_actors(actors_file.read_text("utf-8")) if actors_file.exists() else {}
    score = PetrarchScore()
    for sentence in progress(sentences):
        doc, events = analyse(pipeline, sentence.text)
        score_petrarch_sentence(sentence, doc, events, actors, score)
    return score
