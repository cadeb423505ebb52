"""The data the events extractor reads: the PLOVER ontology, the trigger lexicon and the grammar
word lists. Loaded once per process.

* ``extract/data/plover.toml`` — the 16 PLOVER types (quad class, CAMEO root, modes), the legacy
  type names of older PLOVER files, and the sector codes of dyads;
* ``extract/data/event_triggers.csv`` — verbs and eventive nouns that code each type;
* ``extract/data/event_grammar.toml`` — light verbs, intention and request verbs, hedges,
  negation, conditional and background markers, and the common nouns that stand for actors.

Users extend the lexicon without touching the package: ``load_lexicon(extra_triggers=...,
extra_ontology=...)`` reads more files of the same layout, and the default lexicon of the
pipeline reads the files named in the environment variable ``NEWSGRAPH_EVENT_LEXICON``
(``os.pathsep``-separated; ``.csv`` files are triggers, ``.toml`` files ontology additions).
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

LEXICON_ENV = "NEWSGRAPH_EVENT_LEXICON"

# The type of a trigger row that says a word is NOT an event in that company ("trade war",
# "stock market rally"): the row with the most matching `with` words wins, so it overrides.
NOT_AN_EVENT = "-"
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONCESSION_TYPES = frozenset({"CONCEDE", "RETREAT"})
MATERIAL_CONFLICT_TYPES = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: str
    cameo: str | None
    modes: tuple[str, ...]
    definition: str


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    pos: str  # "verb" or "noun"
    lemma: str
    with_words: tuple[str, ...]
    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class EventLexicon:
    types: dict[str, EventType]
    legacy: dict[str, tuple[str, str | None]]
    sector_codes: dict[str, str]
    verbs: dict[str, tuple[TriggerEntry, ...]]
    nouns: dict[str, tuple[TriggerEntry, ...]]
    light_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    intention_adjectives: frozenset[str]
    offer_adjectives: frozenset[str]  # "ready to contribute troops": an offer, whatever it is
    request_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    future_verbs: frozenset[str]
    future_modals: frozenset[str]
    future_noun_modifiers: frozenset[str]
    future_adjectives: frozenset[str]  # "ready to launch": the launch is planned
    hypothetical_adjectives: frozenset[str]  # "able to strike": possible, not done
    generic_subjects: frozenset[str]  # "others", "everyone": no specific actor
    caption_markers: tuple[tuple[str, ...], ...]  # "Image copyright": a caption, not prose
    judgement_verbs: frozenset[str]  # "accused X of Ving": X's deed, the judge's claim
    hedge_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    raising_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    hedge_noun_modifiers: frozenset[str]
    negation_words: frozenset[str]
    failure_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    conditional_modals: frozenset[str]
    historical_prepositions: frozenset[str]
    historical_units: frozenset[str]
    historical_phrases: tuple[str, ...]
    actor_nouns: dict[str, str]  # noun lemma -> sector ("" for none)
    demonyms: dict[str, str]  # lower-case demonym -> ISO alpha-3 (besides countries.csv)
    instruments: frozenset[str]  # weapons and blasts that stand in for an unknown doer
    agentive_nouns: frozenset[str]  # persons and bodies that can speak, beyond actor_nouns
    transfer_verbs: frozenset[str]  # verbs whose object is the thing moved, not the target
    reporting_verbs: frozenset[str]  # "said it would": the pronoun is the speaker
    actor_object_verbs: frozenset[str]  # events only with an actor or event as object
    warning_verbs: frozenset[str]  # threats only with an addressee or a consequence
    organisation_words: tuple[tuple[tuple[str, ...], str], ...]  # name words -> sector
    # "engaged IN fighting", "resorted TO violence": the noun after the preposition is the
    # event, the verb's subject (or passive subject) its doer
    doer_phrases: frozenset[tuple[str, str]]
    # "put UNDER investigation", "brought TO trial": the verb's object (or passive subject)
    # is the event's target
    patient_phrases: frozenset[tuple[str, str]]
    # "a mediation EFFORT", "10 DAYS of war games", "dollars of aid": a noun that stands for
    # the event noun in its compound or "of" phrase
    containers: frozenset[str]
    # named sets of words a trigger row's `with` column can ask for as "@name"
    word_classes: dict[str, frozenset[str]]
    attempt_verbs: frozenset[str]  # "tried to hack": attempted, still its type
    exercise_nouns: frozenset[str]  # military exercises: joint ones COOPERATE
    kin_nouns: frozenset[str]  # "called my brother": a private act, not a political one
    question_verbs: frozenset[str]  # "asked about / whether": a question, not a request
    warning_threats: frozenset[str]  # "warned of consequences": the warner's own act
    document_nouns: frozenset[str]  # "the Iran deal": a known document, not news
    intransitive_protests: frozenset[str]  # "demonstrated" (not "demonstrated the need")
    awaiting_verbs: frozenset[str]  # "braced for an attack": the attack is expected
    future_noun_participles: frozenset[str]  # "a congress scheduled this month": to come
    demand_nouns: frozenset[str]  # "a deadline for X to sign": the signing is demanded
    historical_adverbs: frozenset[str]  # "has previously vetoed": background

    def type_info(self, name: str) -> EventType | None:
        return self.types.get(name)


def _package_text(name: str) -> str:
    return resources.files("newsgraph.extract").joinpath("data", name).read_text("utf-8")


def _read_triggers(text: str, source: str, types: dict[str, EventType]) -> list[TriggerEntry]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    entries = []
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        pos, lemma, kind = row["pos"].strip(), row["lemma"].strip().lower(), row["type"].strip()
        if pos not in ("verb", "noun") or not lemma:
            raise ValueError(f"{source}: bad trigger row {row!r}")
        if kind not in types and kind != NOT_AN_EVENT:
            raise ValueError(f"{source}: trigger {lemma!r} names unknown type {kind!r}")
        entries.append(
            TriggerEntry(
                pos=pos,
                lemma=lemma,
                with_words=tuple((row.get("with") or "").lower().split()),
                type=kind,
                mode=(row.get("mode") or "").strip() or None,
            )
        )
    return entries


def _read_types(data: dict[str, Any]) -> dict[str, EventType]:
    return {
        name: EventType(
            name=name,
            quad=str(table["quad"]),
            cameo=str(table.get("cameo") or "") or None,
            modes=tuple(table.get("modes", ())),
            definition=str(table.get("definition", "")),
        )
        for name, table in data.get("types", {}).items()
    }


def load_lexicon(
    extra_triggers: Iterable[Path] = (), extra_ontology: Iterable[Path] = ()
) -> EventLexicon:
    """The packaged lexicon plus the user's files (later trigger rows add to earlier ones)."""
    ontology = tomllib.loads(_package_text("plover.toml"))
    types = _read_types(ontology)
    legacy = {k: (v[0], v[1] or None) for k, v in ontology["legacy"].items()}
    for path in extra_ontology:
        extra = tomllib.loads(Path(path).read_text("utf-8"))
        types.update(_read_types(extra))
        legacy.update({k: (v[0], v[1] or None) for k, v in extra.get("legacy", {}).items()})
    entries = _read_triggers(_package_text("event_triggers.csv"), "event_triggers.csv", types)
    for path in extra_triggers:
        entries.extend(_read_triggers(Path(path).read_text("utf-8"), str(path), types))
    grammar = tomllib.loads(_package_text("event_grammar.toml"))
    word_classes = {
        name: tuple(w.lower() for w in listed) for name, listed in grammar["word_classes"].items()
    }
    verbs: dict[str, list[TriggerEntry]] = {}
    nouns: dict[str, list[TriggerEntry]] = {}
    for entry in (e for row in entries for e in _expand_classes(row, word_classes)):
        (verbs if entry.pos == "verb" else nouns).setdefault(entry.lemma, []).append(entry)

    def words(table: str, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in grammar[table][key])

    actor_nouns = {
        word.lower(): "" if sector == "none" else sector
        for sector, nouns_of in grammar["actor_nouns"].items()
        for word in nouns_of
    }
    return EventLexicon(
        types=types,
        legacy=legacy,
        sector_codes=dict(ontology["sector_codes"]),
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        light_verbs=words("light_verbs", "lemmas"),
        intention_verbs=words("intention_verbs", "lemmas"),
        intention_adjectives=words("intention_verbs", "adjectives"),
        request_verbs=words("request_verbs", "lemmas"),
        speech_verbs=words("speech_verbs", "lemmas"),
        obligation_modals=words("speech_verbs", "obligation_modals"),
        future_verbs=words("future_verbs", "lemmas"),
        future_modals=words("future_verbs", "modals"),
        future_noun_modifiers=words("future_verbs", "noun_modifiers"),
        future_adjectives=words("future_verbs", "adjectives"),
        hypothetical_adjectives=words("hypothetical", "adjectives"),
        generic_subjects=words("generic", "subjects"),
        caption_markers=tuple(tuple(m.lower().split()) for m in grammar["generic"]["captions"]),
        judgement_verbs=words("hedges", "accusation_verbs") | words("hedges", "judgement_verbs"),
        hedge_adverbs=words("hedges", "adverbs"),
        hedge_modals=words("hedges", "modals"),
        raising_verbs=words("hedges", "raising_verbs"),
        accusation_verbs=words("hedges", "accusation_verbs"),
        demonyms={
            word.lower(): alpha3
            for alpha3, listed in grammar["demonyms"].items()
            for word in listed
        },
        instruments=words("agentless", "instruments"),
        agentive_nouns=words("agentive", "nouns"),
        transfer_verbs=words("transfer", "verbs"),
        reporting_verbs=words("speech_verbs", "lemmas") | words("speech_verbs", "reporting"),
        actor_object_verbs=words("senses", "actor_object"),
        warning_verbs=words("senses", "warning"),
        hedge_noun_modifiers=words("hedges", "noun_modifiers"),
        negation_words=words("negation", "words"),
        failure_verbs=words("negation", "failure_verbs"),
        conditional_marks=words("hypothetical", "marks"),
        conditional_modals=words("hypothetical", "modals"),
        historical_prepositions=words("historical", "prepositions"),
        historical_units=words("historical", "duration_units"),
        historical_phrases=tuple(p.lower() for p in grammar["historical"]["phrases"]),
        actor_nouns=actor_nouns,
        organisation_words=tuple(
            (tuple(phrase.lower().split()), sector)
            for sector, phrases in grammar["organisation_words"].items()
            for phrase in phrases
        ),
        doer_phrases=_phrases(grammar["light_verbs"]["doer_phrases"]),
        patient_phrases=_phrases(grammar["light_verbs"]["patient_phrases"]),
        containers=words("light_verbs", "containers"),
        word_classes={name: frozenset(listed) for name, listed in word_classes.items()},
        attempt_verbs=words("future_verbs", "attempt"),
        exercise_nouns=words("joint", "exercises"),
        offer_adjectives=words("intention_verbs", "offer_adjectives"),
        kin_nouns=words("senses", "kin"),
        question_verbs=words("senses", "question"),
        warning_threats=words("senses", "warning_threats"),
        document_nouns=words("senses", "documents"),
        intransitive_protests=words("senses", "intransitive_protests"),
        awaiting_verbs=words("future_verbs", "awaiting"),
        future_noun_participles=words("future_verbs", "noun_participles"),
        demand_nouns=words("request_verbs", "nouns"),
        historical_adverbs=words("historical", "adverbs"),
    )


def _expand_classes(
    entry: TriggerEntry, word_classes: dict[str, tuple[str, ...]]
) -> Iterator[TriggerEntry]:
    """A row whose `with` names a word class ("verb,capture,@territory,ASSAULT,") stands for one
    row per word of the class; an unknown class is an error in the lexicon file."""
    options: list[tuple[str, ...]] = []
    for word in entry.with_words:
        if not word.startswith("@"):
            options.append((word,))
        elif word[1:] in word_classes:
            options.append(word_classes[word[1:]])
        else:
            raise ValueError(f"trigger {entry.lemma!r} names unknown word class {word!r}")
    for combination in itertools.product(*options):
        yield replace(entry, with_words=combination)


def _phrases(listed: Iterable[str]) -> frozenset[tuple[str, str]]:
    """ "engage in" -> ("engage", "in"): a verb lemma and the preposition after it."""
    pairs = []
    for phrase in listed:
        verb, _, preposition = phrase.lower().partition(" ")
        pairs.append((verb, preposition.strip()))
    return frozenset(pairs)


@cache
def default_lexicon() -> EventLexicon:
    """The packaged lexicon plus the files named in ``$NEWSGRAPH_EVENT_LEXICON``."""
    paths = [Path(p) for p in os.environ.get(LEXICON_ENV, "").split(os.pathsep) if p.strip()]
    return load_lexicon(
        extra_triggers=[p for p in paths if p.suffix.lower() == ".csv"],
        extra_ontology=[p for p in paths if p.suffix.lower() == ".toml"],
    )


def current_type(lexicon: EventLexicon, name: str) -> tuple[str, str | None]:
    """A type name of the current ontology for ``name``, old PLOVER names mapped (with the mode
    the mapping gives); an unknown name is returned as it is."""
    name = name.strip().upper()
    if name in lexicon.legacy:
        return lexicon.legacy[name]
    return name, None
