"""Events: who did what to whom, coded in PLOVER, with who says so and how firmly.

Pure function of the parsed ``Doc`` and what the actors and quotes extractors found::

    extract_events(doc, entities, quotes, dates=(), places=(), published=None) -> tuple[Event, ...]

How it works, sentence by sentence:

1. **Triggers** (``data/event_triggers.csv``): a verb or an eventive noun whose lemma is in the
   lexicon, the entry with the most of its required dependents winning ("call" + "for" is
   REQUEST, "strike" + "hunger" PROTEST, "strike" + "air" ASSAULT); a row of type ``-`` says a
   word is no event in that company ("trade war", "stock market rally", "declined to
   comment"). A *light verb* with an eventive object ("held talks", "imposed sanctions",
   "staged rallies") gives the noun's event with the verb's arguments, also through a
   *container* ("launched a mediation effort", "began 10 days of war games"); a verb +
   preposition phrase names its event too ("engaged in fighting", "took part in talks": the
   subject is the doer; "put X under investigation": the object is the target). A noun event
   stands on its own only when an actor is attached to it ("China's criticism", "U.S. sanctions on
   Venezuela", "an attack by rebels", "its reward for information leading to the arrest of
   X"), and not when it is what the sentence is about ("the Iran deal reflects…", "the US has
   tariffs"), the theme of another verb ("broke the deal") or a setting ("in the Syrian war").
   Some words keep to their political sense (``[senses]``): a visit needs a political
   traveller, "released" / "received" an actor as object, "warned" an addressee or a threat
   of the warner's own ("warned of the risk of job cuts" is no threat). Not coded either: acts
   aimed at one's kin ("called my brother for help"), questions ("asked whether"), objects of
   naming verbs ("called the attack inexcusable"), known documents ("the Iran nuclear deal"),
   present-tense passives of a bare plural ("Army units are trained to fight"), relative
   clauses with a modal on an indefinite noun ("a measure that can be supported") and a
   clause that only dates another by a deed months or years before or after it ("almost five
   years after crowds burned down its embassy"). A named person who "clashed" quarrelled
   (ACCUSE), troops and crowds fought (ASSAULT).
2. **Intention and demand** (PLOVER manual, AGREE/CONCEDE/REQUEST): "agreed / offered / vowed
   to X", "is willing / ready to X" is AGREE when X is cooperation or unnamed, CONCEDE-as-AGREE
   when X is a retreat, THREATEN when X is a conflict action; "said X must …" is REQUEST; the
   complement event is kept as well, with its modality (planned, demanded). Cooperation
   reported as future (CONSULT, SUPPORT, COOPERATE, AID) is AGREE and a future RETREAT is
   CONCEDE, as the manual prescribes.
3. **Source and target** from the parse: subject (or the ``by`` agent of a passive, or of the
   raid it happened in) → source, a dateline before the dash ("CARACAS — ") skipped and a
   pronoun in a reported clause taken as the reporting subject ("Iraq said it would");
   partitives give their members ("hundreds of protesters"); a relative pronoun stands for its
   antecedent ("the troops that attacked"), a conjunct without a subject shares its first
   verb's ("Iran was attacked and accused Israel" → Iran); a thing is no doer of a verbal
   event ("the proposal threatens", "the report accused": dropped). Target of a transfer
   verb (``[transfer]``: sent, deployed, supplied …) is the recipient — a dative, "to/for X",
   the country sent to — never the thing moved ("sent troops to Syria" → Syria). Other
   verbs' target: an actor object or dative; the subject of a demanded clause ("demanded that
   the US cancel", "its demand that Israel ease"); the object of against/on/to/with/at/
   toward; else the actor a thing object belongs to or comes from ("rejected calls by
   Belarus's rulers", "welcomed President Reagan's statement" → Reagan: a possessed thing's
   possessor; "a camp for refugees was attacked", "hack into the computers of X"), along a
   chain of phrases ("reward for information leading to the arrest of X", "part of an aid
   program for Bosnia"); a light verb's indirect object ("gave Tanzania a grant"); the subject of an
   infinitive clause ("allowed X to"); the target of an infinitive complement ("refused to
   meet Jordan's king") or of the act's aim ("opened fire to disperse X", "a hunger strike in
   protest of X's refusal"); the subject of an if/unless clause of a threat; the country or
   city of a visit or material act ("arrived in Amman", "lifted a curfew in Montenegro",
   "fired at targets in Jericho") — not of a protest, whose place is its location; a
   withdrawn or reinforced own force's place ("withdraw its troops from Lebanon"); an object
   two conjoined verbs share ("ties with and an embassy in Tehran"); a complaint's "over X"
   before its addressee. An infinitive takes the subject of its governing verb ("agreed to
   meet"), or its object ("urged Iran to", "allowed jets to").
   Actors resolve to the article's entities (country, sector) through pronouns and role nouns
   (:func:`~newsgraph.extract.actors.resolve_mention`), else to country words NER missed (and
   the extra demonyms of ``event_grammar.toml``), else to common nouns for actors ("police",
   "rebels", "officials", "fighters") with their sector. A group "in" a country is coded with
   that country; an organisation modifier that is international makes the actor IGO ("EC
   foreign ministers"); an official with no country takes the other side's when that side acts
   at home ("Rwandan rebels said President Kagame must").
4. **Which events are coded**: PLOVER codes source → target, so an event with no source actor is
   dropped — except a deed reported without its doer against a named victim ("three Iraqi
   policemen were killed", "a roadside bomb killed a U.S. soldier"), kept with ``source`` None.
5. **Assertion and modality**: ``asserted_by`` is the speaker of the innermost direct quote that
   holds the trigger, or of reported speech whose cue governs it ("officials said X has
   deployed", "according to X") — not of a cue in another paragraph or clause, nor a place
   (``None``: the article itself); ``negated`` ("did not deploy", "no talks", "failed to",
   "without", "wasn't willing to accept", "neither X nor Y attacked", "no country has");
   ``hedged`` ("reportedly", "allegedly", "is believed to", "appeared to", "accused of",
   could/may/might, "alleged"); ``modality``:
   ``hypothetical`` (if/unless, would, might/may/could + verb, a modal clause with an "if"
   clause), ``demanded`` (the complement of urge/demand/call for/lobby, "need to", "a deadline
   for X to"), ``future`` (will, plans to, is about to, upcoming, "braced for an attack"),
   ``historical`` (since 2007, for decades, previously, a year before publication in the
   clause or the one it completes, past perfect in the writer's own words), else ``actual`` —
   PLOVER's auxiliary modes. An infinitive or bare conjunct shares the non-actual modality of
   the clause it completes ("vowed to sue to force X to back down"); an event in an if-clause
   keeps its type (a condition is no refusal or threat).
6. **Time and place**: the date (``DateRef``) and place (``Place``) records whose spans lie in
   the trigger's clause, nearest first; else, for an actual event, the publication date with
   ``date_source: "publication"``.

Limits: one event per trigger word; compound actors ("X and Y agreed") keep the first
conjunct as the coded actor; no coreference beyond the actors extractor's pronoun rules; a
leader's or a group's country that only world knowledge gives ("President Bush", "Hamas") is
left unknown; the lexicon decides the type, so an unusual verb for a common event is missed
and a lexicon word used in another sense is coded when it has an actor and no rule above
catches it.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.extract._event_lexicon import (
    CONCESSION_TYPES,
    COOPERATIVE_TYPES,
    MATERIAL_CONFLICT_TYPES,
    NOT_AN_EVENT,
    EventLexicon,
    TriggerEntry,
    default_lexicon,
)
from newsgraph.extract._gazetteer import gazetteer
from newsgraph.extract._lexicon import countries, title_words, word_key
from newsgraph.extract.actors import entity_at, resolve_mention
from newsgraph.records import DateRef, Entity, Event, Place, Quote, Span

EXTRACTOR = "newsgraph.events.v1"
REQUIRES = frozenset({"doc.sents", "doc.ents", "token.dep", "token.head", "token.lemma"})

# Sentences longer than this (tokens) are flattened tables or run-on lists, not prose: their
# parse is unreliable and walking it costs time. Chosen well above news prose (40–60 tokens).
MAX_SENTENCE_TOKENS = 150
# How far up the parse (links) modality and hedge markers are looked for from the trigger.
MAX_CLAUSE_CLIMB = 4
# How many phrases down a noun's target and its `with` words are looked for ("a reward for
# information leading to the arrest of X" is four).
MAX_PHRASE_CHAIN = 4
# A city named as a target takes its country from the place record only when the gazetteer's
# place has at least this many inhabitants: NER takes first names for cities and the gazetteer
# then finds a hamlet ("Felipe" → a Mexican village of 1,000 on the 60-article AllSides/Guardian
# sample, where the cities named as targets — Jericho, Afrin, Idlib — all have 20,000 or more).
PLACE_TARGET_MIN_POPULATION = 10_000
# A dateline ("CÚCUTA, Colombia — ", "WASHINGTON — ") is at most this many tokens before its dash.
MAX_DATELINE_TOKENS = 8
_DASHES = frozenset({"—", "–", "--"})
# Name used for an event inside a quote whose speaker the quotes extractor could not find.
UNIDENTIFIED_SOURCE = "unidentified source"

_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "attr", "oprd"})
# Prepositions whose object is the target of an event ("sanctions on X", "talks with X").
TARGET_PREPOSITIONS = (
    "against",
    "on",
    "upon",
    "to",
    "with",
    "at",
    "toward",
    "towards",
    "into",
    "of",
    "over",
    "from",
    "for",
    "in",
    "between",  # "mediated between X and Y", "a meeting between X and Y"
    "among",
)
# Prepositions that only give a target for nouns or after a non-actor object ("the arrest OF X").
_NOUN_ONLY_PREPOSITIONS = frozenset({"of", "for", "in", "over"})
# Prepositions whose object is an actor's home, not a target ("students in Indonesia").
_ACTOR_LOCATION_PREPOSITIONS = frozenset({"in", "from", "of", "throughout", "across"})
_NP_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})
_NP_CUT_DEPS = frozenset(
    {"relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis", "appos", "case", "prep"}
)
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})
_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we"}
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_OCCURRENCE_VERBS = frozenset(
    {"take", "occur", "happen", "begin", "start", "continue", "erupt", "break", "follow", "end"}
)
# Prepositions that make a noun event the setting of another statement, not news of its own.
_BACKGROUND_PREPOSITIONS = frozenset(
    {"in", "during", "after", "before", "since", "amid", "following", "despite", "throughout"}
)
# An adverbial clause opened by one of these marks and measured in one of these units of time
# dates the clause it modifies by a deed long past ("almost five years after crowds burned down
# its embassy", "two decades since troops invaded"): a time anchor, not news. Months and
# longer, as BACKGROUND_DAYS makes a month-old event background.
_ANCHOR_MARKS = frozenset({"after", "before", "since"})
_ANCHOR_UNITS = frozenset({"month", "year", "decade", "century", "generation"})
# Verbs of having and being: their object is a state of affairs, not an event.
_STATE_VERBS = frozenset({"have", "be", "own", "hold", "keep", "maintain", "retain", "sell"})
_NOT_ACTOR_LABELS = frozenset(
    {
        "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "DATE", "TIME",
        "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Actor:
    name: str
    span: Span
    entity: Entity | None
    country: str | None
    sector: str | None
    people: bool = False  # a people or a group of persons ("Ugandans", "opposition candidates")


@dataclass(frozen=True, slots=True)
class _Candidate:
    trigger: Token  # the word that names the event
    clause: Token  # the verb whose clause holds it (the light verb for "held talks")
    entry: TriggerEntry
    # the event noun a container trigger stands for ("mediation" of "a mediation effort")
    named: Token | None = None
    # "doer" / "patient": the verb's subject / object is the event's doer / target ("engaged
    # in fighting", "put X under investigation"); None for the other triggers
    role: str | None = None


# --- public API -----------------------------------------------------------------------------


def extract_events(
    doc: Doc,
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...] = (),
    dates: tuple[DateRef, ...] = (),
    places: tuple[Place, ...] = (),
    published: str | None = None,
    lexicon: EventLexicon | None = None,
) -> tuple[Event, ...]:
    """Coded events in text order. ``published`` (ISO date) anchors "last year" and is the date
    of an actual event whose clause names none."""
    lexicon = lexicon or default_lexicon()
    text = doc.text
    published_year = _year_of(published)
    dateline = _dateline_country(doc, places)
    events: list[Event] = []
    sentence_index = -1
    for sentence in doc.sents:
        if not sentence.text.strip():
            continue
        sentence_index += 1
        if len(sentence) > MAX_SENTENCE_TOKENS or _is_caption(sentence, lexicon):
            continue
        for candidate in _candidates(sentence, lexicon):
            event = _code(
                doc, text, candidate, sentence, sentence_index, entities, quotes, dates,
                places, published, published_year, lexicon, dateline,
            )  # fmt: skip
            if event is not None:
                events.append(event)
    return tuple(sorted(_distinct(events), key=lambda e: (e.trigger.start, e.trigger.end)))


def _distinct(events: list[Event]) -> list[Event]:
    """One event per sentence, type, negation and dyad: "refused to back the invasion" is one
    refusal, not a refusal and a refused backing (the first trigger is kept, with its
    modality)."""
    kept: dict[tuple[object, ...], Event] = {}
    for event in sorted(events, key=lambda e: e.trigger.start):
        key: tuple[object, ...] = (
            event.sentence, event.type, event.negated, event.source_span, event.target_span,
        )  # fmt: skip
        if event.source_span is None and event.target_span is None:
            key = (*key, event.trigger)  # nothing ties two agentless deeds together
        kept.setdefault(key, event)
    return list(kept.values())


def actor_code(country: str | None, sector: str | None, lexicon: EventLexicon | None = None) -> str:
    """A dyad code as event data write it: ``USA-GOV``, ``VEN``, ``IGO``, or ``—`` for none."""
    lexicon = lexicon or default_lexicon()
    code = lexicon.sector_codes.get(sector or "", "")
    if country and code:
        return f"{country}-{code}"
    return country or code or "—"


def main_event(doc: Doc, events: Iterable[Event]) -> Event | None:
    """The event of a sentence that stands highest in its parse (fewest links to the root),
    the earliest of equals: "agreed" rather than the "set up" it governs."""
    best: tuple[int, int, Event] | None = None
    for event in events:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        token, depth = span.root, 0
        while token.head.i != token.i and depth < len(doc):
            token, depth = token.head, depth + 1
        key = (depth, event.trigger.start)
        if best is None or key < best[:2]:
            best = (depth, event.trigger.start, event)
    return best[2] if best else None


# --- triggers -------------------------------------------------------------------------------


# Month names that are also surnames and first names: NER tags "called on May to resign" as a
# date, so a lone month name (no day or year with it) is not taken for one.
_NAME_MONTHS = frozenset({"april", "may", "june", "july", "august"})


def _dates(preposition: Token) -> bool:
    """A preposition whose object is a date or a time ("on Monday", "for two hours"): an
    adjunct of time, not a dependent that names the event."""
    return any(
        o.ent_type_ in ("DATE", "TIME")
        and (o.lower_ not in _NAME_MONTHS or any(c.like_num for c in o.children))
        for o in _children(preposition, "pobj")
    )


def _dependent_lemmas(token: Token) -> set[str]:
    """Lemmas of a token's children and grandchildren, and of its head for a noun."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ == "prep" and _dates(child):
            continue  # "called off the strike ON MONDAY" is no "call on"
        found.add(child.lemma_.lower())
        found.add(child.lower_)
        for grandchild in child.children:
            found.add(grandchild.lemma_.lower())
            found.add(grandchild.lower_)
            if child.dep_ in ("dobj", "obj") and grandchild.lower_ == "of":
                # "lifted a state OF EMERGENCY", "handed over 700 kg OF MEDICINE"
                found.update(g.lemma_.lower() for g in _children(grandchild, "pobj"))
    if token.pos_ in ("NOUN", "PROPN"):
        # "a reward for information leading to the ARREST": words along its phrase chain
        frontier = [c for c in token.children if c.dep_ in ("prep", "acl")]
        for _ in range(MAX_PHRASE_CHAIN):
            frontier = [g for node in frontier for g in node.children if g.dep_ in _CHAIN_DEPS]
            found.update(g.lemma_.lower() for g in frontier)
    if token.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        # "lodged a PROTEST", "doubled its REWARD for the arrest": the verb and its phrases.
        head = token.head
        found.add(head.lemma_.lower())
        for sibling in head.children:
            if sibling.dep_ == "prep":
                found.update(g.lemma_.lower() for g in sibling.children)
    return found


_CHAIN_DEPS = frozenset({"prep", "pobj", "acl", "pcomp"})
# Links from a speech verb to what it reports.
_CONTENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "dobj", "obj"})


def _is_light(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb is a light verb, by its lemma or, where the small model's lemmatiser
    fails ("staged" → "stag"), by its regular inflection."""
    if verb.lemma_.lower() in lexicon.light_verbs:
        return True
    lower = verb.lower_
    stems = (lower[:-1], lower[:-2]) if lower.endswith(("ed", "es")) else (lower[:-1],)
    return lower.endswith(("d", "s")) and any(stem in lexicon.light_verbs for stem in stems)


def _match(token: Token, table: dict[str, tuple[TriggerEntry, ...]]) -> TriggerEntry | None:
    entries = table.get(token.lemma_.lower()) or table.get(token.lower_)
    if not entries:
        return None
    dependents = _dependent_lemmas(token) if any(e.with_words for e in entries) else set()
    best: TriggerEntry | None = None
    for entry in entries:
        if not all(word in dependents for word in entry.with_words):
            continue
        if best is None or len(entry.with_words) > len(best.with_words):
            best = entry
        elif len(entry.with_words) == len(best.with_words) and entry.type == NOT_AN_EVENT:
            best = entry  # an exception row wins a tie ("a radio call for help")
    if best is not None and best.type == NOT_AN_EVENT:
        return None
    return best


def _is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT")


def _is_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("PERSON", "GPE", "ORG")


def _candidates(sentence: SpacySpan, lexicon: EventLexicon) -> Iterator[_Candidate]:
    """Every trigger of a sentence, a light verb's object standing for the verb."""
    taken: set[int] = set()
    for token in sentence:
        if token.i in taken:
            continue
        if _is_verb(token):
            entry = _match(token, lexicon.verbs)
            lemma = token.lemma_.lower()
            phrase = _phrase_event(token, lexicon)
            if phrase is not None and (entry is None or not entry.with_words):
                # "engaged in ethnic cleansing", "put X under investigation"
                noun, role, (named, noun_entry) = phrase
                taken.update((noun.i, named.i))
                yield _Candidate(noun, token, noun_entry, _named(noun, named), role)
                continue
            light = _is_light(token, lexicon)
            light_object = _light_object(token, lexicon) if light else None
            if light_object is not None and (entry is None or not entry.with_words):
                found = _noun_entry(light_object, lexicon)
                if found is not None and lemma not in lexicon.intention_verbs:
                    named, noun_entry = found
                    taken.update((light_object.i, named.i))
                    yield _Candidate(light_object, token, noun_entry, _named(light_object, named))
                    continue
            if entry is not None:
                yield _Candidate(trigger=token, clause=token, entry=entry)
            elif token.lemma_.lower() in lexicon.speech_verbs and _obligation(token, lexicon):
                # "said that X must withdraw": a demand (PLOVER REQUEST).
                yield _Candidate(trigger=token, clause=token, entry=_REQUEST)
        elif token.pos_ == "ADJ" and token.lemma_.lower() in lexicon.intention_adjectives:
            offer = token.lemma_.lower() in lexicon.offer_adjectives
            if _complement(token, lexicon) is not None or (
                offer and any(c.dep_ == "xcomp" and _is_verb(c) for c in token.children)
            ):
                # "is ready to contribute troops": an offer (AGREE) unless the complement
                # names a conflict action (THREATEN, decided in _code)
                yield _Candidate(trigger=token, clause=token, entry=_AGREE)
        elif _is_noun(token):
            entry = _match(token, lexicon.nouns)
            if entry is not None and _noun_stands_alone(token, lexicon):
                yield _Candidate(trigger=token, clause=_clause_verb(token), entry=entry)


_REQUEST = TriggerEntry(pos="verb", lemma="", with_words=(), type="REQUEST", mode=None)
_AGREE = TriggerEntry(pos="verb", lemma="", with_words=(), type="AGREE", mode=None)


def _obligation(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether a speech verb's complement says what someone must do."""
    return any(
        aux.dep_ == "aux" and aux.lower_ in lexicon.obligation_modals
        for complement in verb.children
        if complement.dep_ == "ccomp"
        for aux in complement.children
    )


def _noun_entry(noun: Token, lexicon: EventLexicon) -> tuple[Token, TriggerEntry] | None:
    """The event a noun names: its own, or for a container ("a mediation EFFORT", "10 DAYS of war
    games", "5 million DOLLARS of aid", "a WAVE of arrests") that of the event noun in its
    compound or "of" phrase (two phrases down at most: "days of war games")."""
    entry = _match(noun, lexicon.nouns)
    if entry is not None:
        return noun, entry
    current = noun
    for _ in range(2):
        if current.lemma_.lower() not in lexicon.containers and current.ent_type_ != "MONEY":
            return None
        inner = [c for c in current.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        inner += [g for p in _children(current, "prep") if p.lower_ == "of" for g in p.children]
        for candidate in (c for c in inner if c.dep_ in ("compound", "pobj")):
            if (entry := _match(candidate, lexicon.nouns)) is not None:
                return candidate, entry
        following = [g for g in inner if g.dep_ == "pobj"]
        if not following:
            return None
        current = following[0]
    return None


def _named(trigger: Token, named: Token) -> Token | None:
    return None if named.i == trigger.i else named


def _phrase_event(
    verb: Token, lexicon: EventLexicon
) -> tuple[Token, str, tuple[Token, TriggerEntry]] | None:
    """The event noun of a verb-and-preposition phrase of ``[light_verbs]`` and the role of the
    verb's arguments: "engaged IN ethnic cleansing", "took part IN talks" (the subject is the
    doer), "put X UNDER investigation", "brought X TO trial" (the object is the target)."""
    parts = [o for o in _children(verb, "dobj", "obj") if o.lemma_.lower() == "part"]
    # "took part in": the preposition hangs on the verb or on "part"
    words = {verb.lemma_.lower(), *(p.lemma_.lower() for p in parts)}
    for head in (verb, *parts):
        for preposition in _children(head, "prep"):
            pairs = {(word, preposition.lower_) for word in words}
            role = (
                "doer"
                if pairs & lexicon.doer_phrases
                else "patient"
                if pairs & lexicon.patient_phrases
                else None
            )
            if role is None:
                continue
            for noun in _children(preposition, "pobj"):
                found = _noun_entry(noun, lexicon) if noun.pos_ == "NOUN" else None
                if found is not None:
                    return noun, role, found
    return None


def _light_object(verb: Token, lexicon: EventLexicon) -> Token | None:
    if _names_its_object(verb):
        return None  # "called the hearing a sham": the hearing is judged, not held
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and _noun_entry(child, lexicon) is not None:
            return child
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "in"):
            # "called for talks", "went on strike"
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and _match(grandchild, lexicon.nouns) is not None:
                    if verb.lemma_.lower() in ("go", "call") and _match(verb, lexicon.verbs):
                        return None
                    return grandchild if verb.lemma_.lower() == "go" else None
    return None


def _names_its_object(verb: Token) -> bool:
    """A verb of naming or judging: its object is described, not done ("called the attack
    'inexcusable'", "called the hearing a sham", "described the raid as a crime")."""
    if _children(verb, "oprd"):
        return True
    return (
        any(p.lower_ == "as" for o in _children(verb, "dobj", "obj") for p in _children(o, "prep"))
        and verb.lemma_.lower() in _DESCRIBING_VERBS
    )


# Verbs that describe their object "as" something ("described the raid as a crime").
_DESCRIBING_VERBS = frozenset(
    {"describe", "call", "label", "brand", "characterize", "characterise", "denounce", "see",
     "view", "regard", "portray", "depict", "dismiss", "hail", "term", "condemn", "criticize",
     "criticise"}
)  # fmt: skip


# Verbs that call off what their object names: a meeting postponed or a strike called off did
# not take place (the verb may be an event of its own: "postponed" is REJECT meet).
_CALLING_OFF_VERBS = frozenset(
    {"cancel", "postpone", "delay", "defer", "suspend", "scrap", "shelve", "abandon", "scrub"}
)


def _calls_off(verb: Token) -> bool:
    """ "postponed", "cancelled", "suspended", "called off", "put off"."""
    lemma = verb.lemma_.lower()
    if lemma in _CALLING_OFF_VERBS:
        return True
    return lemma in ("call", "put") and any(c.lower_ == "off" for c in _children(verb, "prt"))


def _noun_stands_alone(noun: Token, lexicon: EventLexicon) -> bool:
    """A noun event is coded when an actor is attached to it, or it is the object of a verb that
    is no event of its own, or the subject of an occurrence verb; "after the attack" alone is a
    reference, not a report. A noun that is what a sentence is about rather than what happened
    ("the Iran deal reflects…", "Sanders' proposal is…", "the US has tariffs") is not coded."""
    head = noun.head
    if noun.dep_ == "compound" and head.lemma_.lower() not in lexicon.containers:
        return False  # "the national dialogue congress", "war crimes": a modifier, no event
    if noun.dep_ in ("nsubj", "nsubjpass") and head.i != noun.i:
        return head.lemma_.lower() in _OCCURRENCE_VERBS
    if noun.dep_ in ("dobj", "obj", "attr") and head.lemma_.lower() in _STATE_VERBS:
        return False
    if noun.dep_ == "pobj" and head.lower_ in _BACKGROUND_PREPOSITIONS:
        return False  # "in the Syrian war", "after the attack", "amid US sanctions"
    if noun.dep_ in ("dobj", "obj") and _is_verb(head) and _names_its_object(head):
        return False  # "Kerry called the attack inexcusable": judged, not reported
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and _calls_off(head):
        return False  # "postponed their meeting", "the strike was called off": not held
    # "support for the Iran nuclear deal": a known document, its compound country the topic
    document = noun.lemma_.lower() in lexicon.document_nouns and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    )
    for child in noun.children:
        if child.dep_ == "poss":
            return True
        modifier = child.dep_ in ("compound", "amod", "nmod")
        if modifier and not document and _looks_like_actor(child, lexicon):
            return True
        if child.dep_ == "prep" and child.lower_ == "by":
            return True
    if noun.dep_ in ("dobj", "obj") and _is_verb(head):
        # "held talks": a light verb's object with no actor of its own is its event; other
        # verbs make it a theme ("broke the deal", "face the threat of").
        return _is_light(head, lexicon)
    return bool(noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _OCCURRENCE_VERBS)


def _looks_like_actor(token: Token, lexicon: EventLexicon) -> bool:
    if _stance_prefixed(token):
        return False  # "anti-American protests" are not American
    if token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return True
    if token.text[:1].isupper() and countries().lookup(token.text, ("alias", "demonym")):
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.actor_nouns


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds a noun (the noun itself when none is near)."""
    current = token
    for _ in range(MAX_CLAUSE_CLIMB):
        if _is_verb(current):
            return current
        if current.head.i == current.i:
            break
        current = current.head
    return current if _is_verb(current) else token


# --- coding one candidate -------------------------------------------------------------------


def _code(
    doc: Doc,
    text: str,
    candidate: _Candidate,
    sentence: SpacySpan,
    sentence_index: int,
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...],
    dates: tuple[DateRef, ...],
    places: tuple[Place, ...],
    published: str | None,
    published_year: int | None,
    lexicon: EventLexicon,
    dateline: str | None = None,
) -> Event | None:
    trigger, clause = candidate.trigger, candidate.clause
    if _time_anchor(clause):
        return None  # "five years after crowds burned down its embassy": a date, not news
    kind, mode = candidate.entry.type, candidate.entry.mode
    source_token, target_token = _arguments(candidate, lexicon)
    complement = _complement(trigger, lexicon) if trigger.i == clause.i else None
    intends = trigger.lemma_.lower() in lexicon.intention_verbs | lexicon.intention_adjectives
    if intends and complement is not None:
        kind, mode = _intention_type(kind, mode, complement, lexicon)
        if target_token is None:
            target_token = _arguments(
                _Candidate(trigger=complement[0], clause=complement[0], entry=complement[1]),
                lexicon,
            )[1]
    kind, mode = _doer_type(kind, mode, candidate, source_token, lexicon)
    if target_token is None and source_token is not None and kind in _JOINT_TYPES:
        target_token = _joint_partner(source_token, lexicon)
    if trigger.i == clause.i and trigger.dep_ == "advcl" and _passive_participle(trigger):
        source_token = None  # "Asked to confirm this, Trump said": Trump is the one asked
    if source_token is not None and _generic_subject(source_token, clause, lexicon):
        return None  # "others are willing", "countries allow", "it takes more than X to"
    if _generic_patient(clause, lexicon) or _kind_described(clause):
        return None  # "Army units are trained to fight", "a measure that can be supported"
    if source_token is not None and source_token.lower_ in _PRONOUNS:
        source_token = _reporting_subject(source_token, lexicon) or source_token
    info = lexicon.type_info(kind)
    verbal = info is not None and info.quad.startswith("verbal")
    if source_token is not None and verbal and _non_agentive(source_token, lexicon):
        return None  # "the proposal threatens", "Rawat's proximity helped": a thing says nothing
    home = dateline if dateline and _names_no_other_country(sentence, dateline, lexicon) else None
    source = _actor(doc, text, source_token, entities, lexicon, home) if source_token else None
    target = _actor(doc, text, target_token, entities, lexicon, home) if target_token else None
    target = _place_country(target, places)
    if not _sense_holds(candidate, source, target, lexicon):
        return None
    if target is not None and source is not None and _same_actor(source, target):
        target = None
    source, target = _domestic_countries(source, target)
    place = _place(doc, clause, trigger, places)
    where = _place_alpha3(place) if _located_at(doc, place, (trigger, clause)) else None
    if where is not None:
        restriction = _imposes_restriction(trigger, complement)
        source = _on_home_ground(source, source_token, where, restriction, lexicon)
        target = _on_home_ground(target, target_token, where, False, lexicon)
    modality = _modality(trigger, clause, sentence, published_year, quotes, lexicon)
    negated = _negated(trigger, clause, lexicon)
    if _asks(sentence, trigger, quotes):
        # "Did he know of protesters later killed by airstrikes?", "Will Iran accept the
        # offer?": a question keeps its type and asserts nothing — hypothetical
        modality = "hypothetical"
    else:
        kind, mode, negated = _reported_type(
            kind, mode, modality, negated, trigger, clause, lexicon
        )
    if (
        source is None
        and kind in _PLACE_SOURCE_TYPES
        and source_token is not None
        and _is_instrument(source_token, lexicon)
        and (place_token := _located_place(source_token) or _located_place(clause)) is not None
    ):
        # "a roadside bombing near Samarra killed", as "was killed in Samarra": an unnamed doer
        # is coded with the country where the deed happened, as for agentless passives
        source = _place_country(_actor(doc, text, place_token, entities, lexicon), places)
    if source is None and (
        target is None or not _agentless(trigger, clause, target, lexicon, kind)
    ):
        # PLOVER codes source → target: an event whose doer the parse does not give is not
        # coded (a topic, a generic statement, or a parse too broken to trust), except the
        # report of a deed whose doer the sentence itself leaves out ("X was arrested").
        return None
    info = lexicon.type_info(kind)  # the type may have changed with its modality
    # a container trigger spans the event noun it stands for ("mediation effort", "days of war
    # games")
    first, last = sorted((trigger, candidate.named or trigger), key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    if not 0 <= start < end <= len(text):
        return None
    quote = _asserting_quote(doc, quotes, trigger, entities)
    judge = None
    if quote is None and (judge_token := _judge(clause, lexicon)) is not None:
        # "officials accused Beijing of reneging": the reneging is the officials' claim
        judge = _actor(doc, text, judge_token, entities, lexicon)
    date, date_span, date_source = _date(doc, clause, trigger, dates, modality, published)
    if modality == "actual" and _dated_before(dates, date_span, published):
        modality = "historical"  # "in June" in an August article, "in 2003": background
    return Event(
        type=kind,
        mode=mode,
        quad_class=info.quad if info else None,
        cameo=info.cameo if info else None,
        source=source.name if source else None,
        source_entity=source.entity.id if source and source.entity else None,
        source_country=source.country if source else None,
        source_sector=source.sector if source else None,
        target=target.name if target else None,
        target_entity=target.entity.id if target and target.entity else None,
        target_country=target.country if target else None,
        target_sector=target.sector if target else None,
        sentence=sentence_index,
        trigger=Span(start, end),
        source_span=source.span if source else None,
        target_span=target.span if target else None,
        asserted_by=(
            (quote.speaker_name or UNIDENTIFIED_SOURCE) if quote else judge.name if judge else None
        ),
        asserted_by_entity=(
            quote.speaker if quote else judge.entity.id if judge and judge.entity else None
        ),
        asserted_by_span=quote.speaker_span if quote else judge.span if judge else None,
        negated=negated,
        hedged=_hedged(trigger, clause, lexicon),
        modality=modality,
        date=date,
        date_span=date_span,
        date_source=date_source,
        place=place.name if place else None,
        place_span=place.span if place else None,
        extractor=EXTRACTOR,
    )


# Verbs of agreement that, with a that-clause stating a fact, share an opinion rather than
# agree to act ("agreed that the regime had used chemical weapons"; but "agreed that their
# countries should cooperate" is an agreement).
_OPINION_AGREE = frozenset({"agree", "concur"})
_ACTION_MODALS = frozenset(
    {"should", "would", "will", "must", "shall", "could", "can", "may", "might", "'ll", "wo"}
)


def _conjoined_subject(verb: Token) -> Token | None:
    """The subject conjoined verbs share: that of the first verb of the chain that has one
    ("Prakash paid …, was betrayed … and arrested …" → Prakash)."""
    current = verb
    for _ in range(MAX_CLAUSE_CLIMB):
        if current.dep_ != "conj" or current.head.i == current.i:
            return None
        current = current.head
        subjects = _children(current, *_PASSIVE_SUBJECT_DEPS, "nsubj")
        if subjects:
            return subjects[0]
    return None


# Words that open an indirect question ("said HOW it would be enforced", "asked WHETHER").
_QUESTION_OPENERS = frozenset({"how", "whether", "why", "what"})


def _indirect_question(trigger: Token) -> bool:
    """A verb in a clause that an open question word governs, under another verb ("Nor did it
    say how returning aid workers would be protected", "asked whether troops would withdraw")."""
    if trigger.dep_ not in ("ccomp", "advcl", "xcomp", "pcomp", "conj"):
        return False
    if trigger.head.i == trigger.i:
        return False
    opener = min(trigger.subtree, key=lambda t: t.i)
    return opener.lower_ in _QUESTION_OPENERS and opener.dep_ in ("advmod", "mark", "dobj", "nsubj")


def _agrees_alone(trigger: Token) -> bool:
    """ "X agreed." — one doer, nothing agreed to, on or with: an opinion shared. Two doers
    ("the two sides agreed", "X and Y agreed") or a partner or a matter make an agreement."""
    if any(
        c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "prep", "advcl", "conj", "prt")
        for c in trigger.children
    ):
        return False
    subjects = _children(trigger, "nsubj")
    if not subjects:
        return False
    subject = subjects[0]
    joint = bool(_children(subject, "conj")) or subject.tag_ in ("NNS", "NNPS")
    return not joint and subject.lower_ not in ("they", "we", "both", "all")


def _withdraws(source: _Actor | None) -> bool:
    """A doer whose going back is a withdrawal: a state, a force, an official body."""
    if source is None:
        return False
    if source.entity is not None and source.entity.type == "GPE":
        return True
    return source.sector in _STATE_SECTORS or source.sector == "international_organisation"


def _agrees_on_a_fact(trigger: Token) -> bool:
    """An agreement verb whose only complement is a that-clause without a modal and whose
    verb is not an infinitive or subjunctive of action."""
    if any(c.dep_ == "xcomp" for c in trigger.children) or any(
        c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") for c in trigger.children
    ):
        return False
    clauses = [c for c in trigger.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    clause = clauses[0]
    modal = any(c.dep_ == "aux" and c.lower_ in _ACTION_MODALS for c in clause.children)
    return not modal and clause.tag_ in ("VBD", "VBZ", "VBP")


def _sense_holds(
    candidate: _Candidate, source: _Actor | None, target: _Actor | None, lexicon: EventLexicon
) -> bool:
    """Checks that keep a lexicon word to its political sense:

    * a visit ("travelled to Syria", "arrived in Amman") is a meeting of political actors only
      when the traveller is a state, an official or an organisation, not a private person; so
      is a return with no object (a person going home is no RETREAT, "returned the ships" is);
    * a word of ``[senses] actor_object`` ("released the list", "received a letter") is an
      event only when its object is an actor (and, in the active voice, when it has one);
    * "warned" is a threat only with an addressee, "of / against" a consequence, or a
      complement that says what will or would happen ("the situation is critical" is not)."""
    trigger = candidate.trigger
    lemma = trigger.lemma_.lower()
    kind = candidate.entry.type
    visit = candidate.entry.mode == "visit"
    if visit and (source is None or not _is_political(source)):
        return False
    if visit and source is not None and source.sector in _NON_STATE_VISITORS:
        placed = target is None or target.entity is None or target.entity.type in _PLACE_TYPES
        if placed:
            return False  # a researcher's or a reporter's trip to a place is no diplomacy
    if kind not in MATERIAL_CONFLICT_TYPES and _private(trigger, lexicon):
        return False
    homecoming = candidate.entry.mode == "return" and trigger.pos_ == "VERB"
    if homecoming and not _children(trigger, "dobj", "obj") and not _withdraws(source):
        # "she wants to return to Britain", "Isis fighters returning to Europe": people going
        # home are no retreat; troops or a state returning ("troops returned to base") are
        return False
    if trigger.pos_ != "VERB" or candidate.clause.i != trigger.i:
        return True
    if lemma in lexicon.actor_object_verbs:
        objects = _children(trigger, "dobj", "obj")
        if not objects and not _children(trigger, "nsubjpass", "auxpass"):
            return False  # "Eriador has received by courier money from X": no one received
        for obj in objects:
            if not _is_actorish(obj, lexicon):
                return False
    if lemma in lexicon.question_verbs and _question(trigger, lexicon):
        return False
    if _indirect_question(trigger):
        return False  # "did not say how aid workers would be PROTECTED": a question, no event
    protest = kind == "PROTEST" and lemma in lexicon.intransitive_protests
    if protest and _children(trigger, "dobj", "obj", "ccomp"):
        return False  # "demonstrates the need for a wall", "rallied support"
    if kind == "REQUEST" and lemma == "seek" and not _sought_thing(trigger, lexicon):
        return False
    if lemma in _OPINION_AGREE and _agrees_on_a_fact(trigger):
        return False  # "agreed the regime had a pattern of dangerous behaviour": an opinion
    if lemma in _OPINION_AGREE and _agrees_alone(trigger):
        return False  # "Demonstrator Mohammed Mazin agreed.": shares a view, agrees to nothing
    if lemma in lexicon.warning_verbs:
        if _children(trigger, "dobj", "obj", "dative") or any(
            p.lower_ == "against" for p in _children(trigger, "prep")
        ):
            return True
        if any(_threatened(o, lexicon) for o in _pobjs(trigger, ("of", "about"))):
            return True
        return any(
            a.dep_ == "aux" and a.lower_ in lexicon.future_modals | lexicon.conditional_modals
            for c in _children(trigger, "ccomp")
            for a in c.children
        )
    return True


_POSSESSIVE_PRONOUNS = frozenset({"my", "his", "her", "our", "their", "your", "its"})


def _private(trigger: Token, lexicon: EventLexicon) -> bool:
    """An act aimed at one's own kin or friends ("used the phone to call my brother for help",
    "visited his family", "asked about his wife"): a private act, not one between political
    actors (PLOVER codes political actors). A conflict deed against them stays an event
    ("police arrested his brother")."""
    heads = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.i != trigger.i:
        heads.append(trigger.head)  # "made a call to his wife"
    for head in heads:
        objects = [
            *_children(head, "dobj", "obj", "dative"),
            *_pobjs(head, ("to", "with", "for", "on", "about", "from")),
        ]
        for obj in objects:
            if obj.lemma_.lower() in lexicon.kin_nouns and any(
                c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in obj.children
            ):
                return True
    return False


# Verbs of naming and quoting: a source who "asked not to be named / identified / quoted"
# makes a condition of anonymity, not a political request.
_NAMING_VERBS = frozenset({"name", "identify", "quote", "call", "know", "cite"})


def _question(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether "ask" puts a question rather than a request: "asked about X", "asked whether /
    if / why", or a passive participle with no asker ("Asked to confirm this, Trump said":
    the reporter's question, whose subject is the one asked)."""
    if any(p.lower_ == "about" for p in _children(verb, "prep")):
        return True
    if any(_is_actorish(o, lexicon) for o in _children(verb, "dobj", "obj", "dative")):
        return False  # "Washington asked Russia whether it could operate": diplomacy
    for clause in _children(verb, "ccomp", "dobj", "obj"):
        first = clause.doc[clause.left_edge.i]
        if first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WRB"):
            return True
    for clause in _children(verb, "xcomp"):
        if clause.lemma_.lower() in _NAMING_VERBS and _children(clause, "auxpass"):
            return True  # "asked not to be named", "asked to be called only by her nom de guerre"
    return _passive_participle(verb)


def _passive_participle(verb: Token) -> bool:
    """A participle clause in the passive with no agent and no subject of its own ("Asked to
    confirm, Trump said", "Accused of lying, the minister resigned"): its controller is the
    patient, not the doer."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not _children(verb, *_SUBJECT_DEPS, *_PASSIVE_SUBJECT_DEPS, "auxpass", "aux")
        and not list(_pobjs(verb, ("by",)))
    )


def _reduced_passive(verb: Token) -> bool:
    """A passive participle clause with no subject or auxiliary of its own ("when asked by X",
    "the convoy attacked by X")."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not _children(verb, *_SUBJECT_DEPS, *_PASSIVE_SUBJECT_DEPS, "auxpass", "aux")
    )


def _sought_thing(verb: Token, lexicon: EventLexicon) -> bool:
    """ "sought asylum", "seeks talks with X" ask for something; "seeks to ratchet up the
    pressure" is an attempt (its complement is coded on its own) and "sought other vendors",
    "police are seeking the suspect" a search for someone."""
    if _children(verb, "xcomp"):
        return False
    for obj in _children(verb, "dobj", "obj"):
        lemma = obj.lemma_.lower()
        person = lemma.endswith(_PERSON_SUFFIXES) and not lemma.endswith(_THING_SUFFIXES)
        if (
            obj.ent_type_ in ("PERSON", "ORG", "NORP")
            or person
            or lemma in lexicon.actor_nouns
            or lemma in lexicon.agentive_nouns
        ):
            return False
    return True


def _threatened(topic: Token, lexicon: EventLexicon) -> bool:
    """Whether "warned of TOPIC" names the warner's own sanction: a consequence or response
    ("warned of consequences", "of retaliation") or a conflict act with no other doer named
    ("warned of a military response"); not a risk or a state of affairs ("warned of the risk of
    job cuts", "of a humanitarian catastrophe", "of an attack by Isis")."""
    lemma = topic.lemma_.lower()
    if lemma in lexicon.warning_threats or topic.lower_ in lexicon.warning_threats:
        return True
    entry = _match(topic, lexicon.nouns)
    if entry is None or entry.type not in MATERIAL_CONFLICT_TYPES | {"THREATEN"}:
        return False
    return not (_children(topic, "poss") or list(_pobjs(topic, ("by",))))


# Sectors whose members' trips to a place are work, not a visit between political actors
# (PLOVER CONSULT "visit": travel to meet or host a political actor); with a named actor met,
# the visit stays.
_NON_STATE_VISITORS = frozenset({"civil_society", "media", "business", "education"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _is_political(actor: _Actor) -> bool:
    """A state, an organisation, or a person or group with an office, a sector or a country."""
    if actor.entity is not None and actor.entity.type in ("GPE", "ORG", "NORP"):
        return True
    if actor.sector is not None:
        return True
    return actor.entity is not None and bool(actor.entity.titles)


# Types of events two sides do together: when the subject names both ("Trump and Kim met",
# "North Korea and the United States are engaged in talks"), the first is coded as the source
# and the other as the target (PLOVER codes such actors as both source and target).
_JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def _joint_partner(source: Token, lexicon: EventLexicon) -> Token | None:
    """The other actor conjoined with the subject ("Trump AND KIM met"), or None."""
    for child in source.children:
        if child.dep_ == "conj" and _is_actorish(child, lexicon):
            return child
    return None


def _reporting_subject(pronoun: Token, lexicon: EventLexicon) -> Token | None:
    """The subject of the verb that reports a pronoun's clause: "Iraq said IT would allow",
    "Yoruba leaders announced that THEY are willing" — the parse, not recency, says who."""
    verb = pronoun.head
    for _ in range(MAX_CLAUSE_CLIMB):
        if verb.dep_ not in ("xcomp", "acomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in lexicon.reporting_verbs:
        return None
    subjects = [s for s in _children(head, "nsubj") if s.lower_ not in _PRONOUNS]
    for _ in range(2):
        if subjects or head.dep_ not in ("advcl", "conj", "xcomp") or head.head.i == head.i:
            break
        # "China blamed the US, VOWING it would not back down": a reporting participle or a
        # conjoined verb without a subject of its own reports for its head's subject
        head = head.head
        subjects = [s for s in _children(head, "nsubj") if s.lower_ not in _PRONOUNS]
    if not subjects:
        return None
    personal = pronoun.lower_ in ("he", "she", "him", "her", "his")
    if pronoun.lower_ in ("they", "them", "their") and any(
        t.dep_ == "cc" and t.lower_ == "and" for t in subjects[0].subtree
    ):
        return subjects[0]  # "Obama and Kerry say THEY welcome": the people conjoined
    return subjects[0] if personal == (subjects[0].ent_type_ == "PERSON") else None


def _agentless(
    trigger: Token, clause: Token, target: _Actor, lexicon: EventLexicon, kind: str = ""
) -> bool:
    """A deed reported without its doer, against a named actor: an agentless passive ("X was
    arrested", "arrested X" as a participle), or a weapon or another event as the subject ("a
    roadside bombing killed X")."""
    if target.entity is None and target.country is None and target.sector is None:
        return False  # a named victim, or one of a known sector ("a journalist was killed")
    verb = clause if _is_verb(clause) else trigger
    patients = [*_children(verb, *_PASSIVE_SUBJECT_DEPS), *_children(verb, "dobj", "obj")]
    if verb.dep_ in ("acl", "amod"):
        patients.append(verb.head)
    for _ in range(2):  # "one third of the guerrillas were demobilised"
        patients += [m for p in patients if (m := _partitive_member(p)) is not None]
    if not any(_np_holds(p, target) for p in patients):
        return False  # "released in Paarl", "detained in Syria": a place is no patient
    for subject in _children(verb, "nsubj"):
        lemma = subject.lemma_.lower()
        if lemma in lexicon.instruments:
            return True
        if lemma in lexicon.nouns and kind in MATERIAL_CONFLICT_TYPES:
            # "a roadside bombing killed X"; not "the persecution would supply proof"
            return True
    if _children(verb, *_PASSIVE_SUBJECT_DEPS) or any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")


def _is_instrument(subject: Token, lexicon: EventLexicon) -> bool:
    """A weapon or a deed as the doer of an act ("a car bomb killed", "the bombing wounded")."""
    lemma = subject.lemma_.lower()
    return lemma in lexicon.instruments or lemma in lexicon.nouns


def _np_holds(token: Token, actor: _Actor) -> bool:
    left, right = _np_bounds(token)
    doc = token.doc
    return doc[left].idx <= actor.span.start < doc[right].idx + len(doc[right].text)


def _complement(verb: Token, lexicon: EventLexicon) -> tuple[Token, TriggerEntry] | None:
    """The coded event an intention or request verb governs ("agreed to MEET", "offered AID")."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and _is_verb(child):
            entry = _match(child, lexicon.verbs)
            if entry is None and _is_light(child, lexicon):
                noun = _light_object(child, lexicon)
                found = _noun_entry(noun, lexicon) if noun is not None else None
                entry = found[1] if found is not None else None
            if entry is not None:
                return child, entry
        if child.dep_ in ("dobj", "obj") and (entry := _match(child, lexicon.nouns)):
            return child, entry
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and (entry := _match(grandchild, lexicon.nouns)):
                    return grandchild, entry
    return None


def _intention_type(
    kind: str, mode: str | None, complement: tuple[Token, TriggerEntry], lexicon: EventLexicon
) -> tuple[str, str | None]:
    """PLOVER: an intention to cooperate or concede is AGREE, to harm THREATEN."""
    inner = complement[1].type
    if inner in COOPERATIVE_TYPES or inner in CONCESSION_TYPES:
        return "AGREE", None
    if complement[0].dep_ == "pobj" and kind == "AGREE":
        # "ZTE agreed TO a fine", "the EU agreed ON sanctions": what is agreed to need not be
        # the agreer's own deed, so it is an agreement, not a threat
        return kind, mode
    if lexicon.type_info(inner) is not None and "conflict" in lexicon.types[inner].quad:
        if inner in ("REQUEST", "ACCUSE", "REJECT"):
            return kind, mode
        return "THREATEN", _threat_mode(inner)
    return kind, mode


def _reported_type(
    kind: str,
    mode: str | None,
    modality: str,
    negated: bool,
    trigger: Token,
    clause: Token,
    lexicon: EventLexicon,
) -> tuple[str, str | None, bool]:
    """PLOVER's single-category rule for auxiliary modes: cooperation (and a retreat) announced
    for the future is AGREE, a conflict action announced or made conditional is THREATEN (the
    manual's "THREATEN = ASSAULT + hypothetical"), and cooperation refused ("will not accept",
    "failed to reach agreement") is REJECT. The GSR records code promised retreats as AGREE too,
    where the 2021 manual suggests CONCEDE; newsgraph follows the records."""
    promised = clause.head.lemma_.lower() in lexicon.intention_verbs
    ceased = clause.dep_ == "xcomp" and clause.head.lemma_.lower() in _CESSATION_VERBS
    if ceased and kind in MATERIAL_CONFLICT_TYPES:
        # "will stop deporting", "halted its shelling": ending a conflict action is a
        # concession (PLOVER CONCEDE: easing restrictions, suspending protests, declared
        # ceasefires; RETREAT when a fight has actually ended)
        if kind == "ASSAULT" and modality == "actual":
            return "RETREAT", "ceasefire", negated
        return "CONCEDE", None, negated
    if ceased and kind in ("AID", "COOPERATE"):
        return "SANCTION", "discontinue", negated  # "stopped funding the rebels"
    if _conditional(clause, lexicon) or _awaited(trigger, clause, lexicon):
        # "if they do not help us", "if the United States attacked": a condition is neither a
        # refusal nor a threat by its subject; the event keeps its type, hypothetical. So does
        # an event others expect ("preparing for a ground invasion by forces loyal to X").
        return kind, mode, negated
    if _is_purpose(clause) and not promised:
        # an aim is not an announcement: its type stays ("vowed to fight" parsed as a purpose
        # clause is still a vow)
        return kind, mode, negated
    if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in lexicon.attempt_verbs:
        return kind, mode, negated  # "tried to hack", "attempted to assassinate": it was tried
    planned = modality in ("future", "hypothetical")
    refused = clause.dep_ == "xcomp" and clause.head.lemma_.lower() in lexicon.failure_verbs
    if negated and (planned or refused) and kind in COOPERATIVE_TYPES | CONCESSION_TYPES:
        return "REJECT", None, False
    if negated:
        return kind, mode, negated
    if planned and kind in COOPERATIVE_TYPES | CONCESSION_TYPES and _unless(clause):
        # "will withdraw its force unless X holds elections": a coercive condition, a threat
        return "THREATEN", "relations", negated
    if modality == "future" and kind in COOPERATIVE_TYPES | {"RETREAT"}:
        # a future concession stays CONCEDE (the manual: "CONCEDE + future should be left as
        # it is"); a promised retreat is AGREE as the GSR records code it
        return "AGREE", None, negated
    if planned and kind in ("PROTEST", "SANCTION", "COERCE", "ASSAULT"):
        return "THREATEN", _threat_mode(kind), negated
    return kind, mode, negated


# Verbs that end the action their complement names ("stop deporting", "ceased firing").
_CESSATION_VERBS = frozenset({"stop", "cease", "halt", "end", "suspend", "quit", "discontinue"})


def _conditional(clause: Token, lexicon: EventLexicon) -> bool:
    """Whether a clause is itself the condition ("if they do not help us"), or conjoined to one
    ("if she came back and was charged and CONVICTED")."""
    current = clause
    for _ in range(MAX_CLAUSE_CLIMB):
        if any(
            c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in current.children
        ):
            return True
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = current.head
    return False


def _unless(clause: Token) -> bool:
    """Whether an "unless" clause conditions a verb (or the verb its clause completes)."""
    heads = [clause, clause.head] if clause.dep_ in ("xcomp", "ccomp") else [clause]
    return any(
        mark.dep_ == "mark" and mark.lower_ == "unless"
        for head in heads
        for condition in _children(head, "advcl")
        for mark in condition.children
    )


# Words of fighting that mean a quarrel when a named person is the doer ("the Prime Minister
# clashed with reporters over the budget").
_VERBAL_CLASHES = frozenset({"clash"})


def _doer_type(
    kind: str,
    mode: str | None,
    candidate: _Candidate,
    source: Token | None,
    lexicon: EventLexicon,
) -> tuple[str, str | None]:
    """Types the doer decides (PLOVER manual, "potential ambiguities"):

    * a military exercise of two or more doers or with a partner is COOPERATE ("joint military
      operations are coded as COOPERATE but single-country exercises as MOBILIZE");
    * "protested" by one body or person, or with what it said ("protested that"), is a
      diplomatic protest, ACCUSE disapprove; by people or crowds it stays PROTEST ("PROTEST
      presumes significant physical activity, not just an expression of opinion");
    * troops that arrive or travel are deployed (MOBILIZE), not visiting; peacekeepers are
      military assistance (AID: "military and police assistance including personnel");
    * a named person who "clashed" (with someone, over something) clashed in words, ACCUSE
      disapprove: fighting is done by forces and crowds, and ASSAULT needs physical force."""
    trigger = candidate.named or candidate.trigger
    lemma = trigger.lemma_.lower()
    person = source is not None and source.ent_type_ == "PERSON"
    if kind == "ASSAULT" and lemma in _VERBAL_CLASHES and person:
        return "ACCUSE", "disapprove"
    if kind == "MOBILIZE" and lemma in lexicon.exercise_nouns and _joint(source, candidate):
        return "COOPERATE", None
    if kind == "PROTEST" and candidate.trigger.pos_ == "VERB" and lemma == "protest":
        said = bool(_children(candidate.trigger, "ccomp"))
        if said or (source is not None and _is_body(source, lexicon)):
            return "ACCUSE", "disapprove"
    travels = lemma not in _HOSTING_VERBS
    if mode == "visit" and candidate.trigger.pos_ == "VERB" and travels and source is not None:
        words = [t.lower_ for t in source.subtree if not t.is_punct]
        members = [t.lemma_.lower() for t in source.subtree]
        if any(w.startswith("peacekeep") for w in words):
            return "AID", None
        if any(lexicon.actor_nouns.get(m) == "military" for m in members):
            return "MOBILIZE", "troops"
    return kind, mode


def _joint(source: Token | None, candidate: _Candidate) -> bool:
    """Two or more doers ("Jordan and Britain", "French and Egyptian warships") or a partner
    ("exercises with Japan")."""
    if source is not None and (
        _children(source, "conj")
        or any(_children(m, "conj") for m in _children(source, "amod", "compound", "nmod"))
    ):
        return True
    heads = (candidate.trigger, candidate.named or candidate.trigger, candidate.clause)
    return any(True for head in heads for _ in _pobjs(head, ("with", "alongside")))


# Visit verbs whose subject is the host, not the traveller.
_HOSTING_VERBS = frozenset({"receive", "host", "welcome"})
# Sectors of the bodies whose protest is a statement (ACCUSE), not a demonstration.
_BODY_SECTORS = frozenset({"government", "international_organisation", "judiciary", "legislature"})
# Organisations named by a common noun ("a human rights group protested").
_BODY_NOUNS = frozenset({"group", "organization", "organisation", "agency", "committee", "council"})


def _is_body(token: Token, lexicon: EventLexicon) -> bool:
    """One state, organisation or office ("China", "the ministry", "a human rights group"),
    not people or a crowd ("Palestinians", "students", "thousands of Nigerians", a person)."""
    if _partitive_member(token) is not None or token.tag_ in ("NNS", "NNPS"):
        return False
    if token.ent_type_ in ("GPE", "ORG"):
        return True
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (
        lexicon.actor_nouns.get(lemma) in _BODY_SECTORS or lemma in _BODY_NOUNS
    )


def _threat_mode(inner: str) -> str | None:
    return {
        "ASSAULT": "violence",
        "COERCE": "restrict",
        "SANCTION": "relations",
        "PROTEST": "restrict",
    }.get(inner)


# --- arguments ------------------------------------------------------------------------------


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _pobjs(token: Token, prepositions: Iterable[str]) -> Iterator[Token]:
    wanted = tuple(prepositions)
    for preposition in wanted:
        for child in token.children:
            if child.dep_ in ("prep", "dative", "agent") and child.lower_ == preposition:
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        yield grandchild


def _subject(verb: Token, lexicon: EventLexicon, steps: int = 0) -> Token | None:
    """The doer of a verb: its subject, a passive's agent, or the controller of an infinitive
    or participle ("agreed to MEET", "urged Iran to HALT" → Iran)."""
    subjects = [s for s in _children(verb, *_SUBJECT_DEPS) if s.dep_ != "expl"]
    dateline = _dateline_end(verb.sent)
    if dateline is not None and subjects and subjects[0].i < dateline:
        # "CÚCUTA, Colombia — Venezuela has deployed", "CARACAS — China's ambassador met":
        # the place before the dash is the dateline, not the subject.
        after = [s for s in subjects if s.i > dateline]
        after += [a for a in _children(subjects[0], "appos") if a.i > dateline]
        subjects = after
    if subjects:
        subject = subjects[0]
        if subject.lower_ in _RELATIVE_PRONOUNS:
            # "the troops that attacked", "Russia, which has backed Assad": the noun the
            # relative pronoun stands for, also when the parse hangs the clause elsewhere.
            antecedent = _antecedent(verb)
            if antecedent is not None or subject.lower_ != "that":
                return antecedent
        return subject
    agents = list(_pobjs(verb, ("by",)))
    if agents and _children(verb, *_PASSIVE_SUBJECT_DEPS):
        return agents[0]
    if steps >= MAX_CLAUSE_CLIMB or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "xcomp":
        objects = _children(head, "dobj", "obj")
        if objects:
            # object control: "urged Iran to halt", "allowed Turkish jets to carry out attacks"
            return objects[0]
        return _subject(head, lexicon, steps + 1)
    if (
        verb.dep_ == "conj"
        # "was shot, detained and tortured": without an object of its own a conjunct after
        # a passive is passive too (the parser often tags it VBD); but a conjunct in another
        # form ("has been indicted and WILL RESIGN") is active.
        and verb.tag_ != "VBN"
        and (
            bool(_children(verb, "dobj", "obj", "dative", "ccomp", "xcomp"))
            or verb.tag_ in ("VB", "VBZ", "VBP", "VBG")
        )
        and _is_verb(head)
        and not _children(head, *_SUBJECT_DEPS)
    ):
        shared = _children(head, *_PASSIVE_SUBJECT_DEPS)
        other_form = verb.tag_ in ("VB", "VBZ", "VBP", "VBG")
        if shared and (other_form or not list(_pobjs(head, ("by",)))):
            # "Iran was attacked and accused Israel": an active conjunct shares the first
            # verb's subject, which is that verb's patient.
            return shared[0]
    if verb.dep_ in ("conj", "advcl", "pcomp") and _is_verb(head):
        return _subject(head, lexicon, steps + 1)
    if verb.dep_ == "acomp":
        # "he is PREPARED to", "Israel is OPPOSED to": the copula's subject.
        return _subject(head, lexicon, steps + 1)
    if verb.dep_ == "pcomp" and head.head.i != head.i and _is_verb(head.head):
        judged = _judged(verb, lexicon)
        if judged is not None:
            return judged  # "accused Beijing OF reneging": Beijing reneged (so they say)
        return _subject(head.head, lexicon, steps + 1)
    if (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)
    ):
        # "An official Syrian newspaper called on Arabs to unite", "Doctors from two aid groups
        # donated goods": the small model often takes a sentence's main verb for a participle
        # modifying its subject, leaving a noun as the root. A sentence has a main verb, so a
        # participle on a root noun is it — unless a "by" phrase makes it a passive modifier.
        return head
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        if not _is_actorish(head, lexicon) and head.dep_ in ("dobj", "obj") and _is_verb(head.head):
            # "issued a declaration DEMANDING": the issuer demands.
            return _subject(head.head, lexicon, steps + 1)
        return head
    return None


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause's pronoun stands for: the head of the relative clause,
    through conjoined or complement verbs ("the group that ATTACKED and KILLED")."""
    current = verb
    for _ in range(MAX_CLAUSE_CLIMB):
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current.head
        if current.dep_ not in ("conj", "ccomp", "xcomp", "advcl") or current.head.i == current.i:
            return None
        current = current.head
    return None


_JUDGEMENT_PREPOSITIONS = frozenset({"of", "for", "with", "over"})


def _judgement_verb(clause: Token, lexicon: EventLexicon) -> Token | None:
    """The verb that judges someone for the deed a gerund names ("accused X OF reneging",
    "condemned X FOR attacking", "X was charged WITH spying")."""
    preposition = clause.head
    if clause.dep_ != "pcomp" or preposition.lower_ not in _JUDGEMENT_PREPOSITIONS:
        return None
    verb = preposition.head
    if verb.i == preposition.i or verb.lemma_.lower() not in lexicon.judgement_verbs:
        return None
    return verb


def _judged(clause: Token, lexicon: EventLexicon) -> Token | None:
    """Who is judged for a deed: the judgement verb's object, or its passive subject."""
    verb = _judgement_verb(clause, lexicon)
    if verb is None:
        return None
    judged = _children(verb, "dobj", "obj", *_PASSIVE_SUBJECT_DEPS)
    return judged[0] if judged else None


def _judge(clause: Token, lexicon: EventLexicon) -> Token | None:
    """Who judges: the subject of an active judgement verb, the "by" agent of a passive."""
    verb = _judgement_verb(clause, lexicon)
    if verb is None:
        return None
    if _children(verb, *_PASSIVE_SUBJECT_DEPS):
        agents = list(_pobjs(verb, ("by",)))
        return agents[0] if agents else None
    return _subject(verb, lexicon)


def _is_caption(sentence: SpacySpan, lexicon: EventLexicon) -> bool:
    """A photo caption, a credit or page furniture ("CLOSE The Defense Department says…",
    "Image copyright AFP", "( PHOTOS: At a glance: …)"): not a sentence of the story. A marker
    of several words counts anywhere; one word only at the start, in capitals or before a
    colon; a sentence wholly in parentheses is an aside."""
    words = [t for t in sentence if not t.is_space]
    if not words:
        return False
    if words[0].text == "(" and words[-1].text == ")":
        return True
    lowered = tuple(t.lower_ for t in words)
    start = 1 if words[0].text in ("(", "[") else 0
    for marker in lexicon.caption_markers:
        size = len(marker)
        if size > 1:
            if any(lowered[i : i + size] == marker for i in range(len(lowered) - size + 1)):
                return True
        elif len(words) > start and lowered[start] == marker[0]:
            first = words[start]
            follows = words[start + 1].text if len(words) > start + 1 else ""
            if (first.is_upper and len(first.text) > 1) or follows == ":":
                return True
    return False


# Verbs of a subject "it" that stands for an infinitive or clause after them ("it will TAKE more
# than optimism to end the war", "it is time to act"): an event in that clause has no doer.
_EXTRAPOSING_VERBS = frozenset({"be", "take", "seem", "remain", "cost", "make", "require", "help"})
# Modals that make a present-tense statement about a bare plural generic ("countries can").
_GENERIC_MODALS = frozenset({"can", "could", "may", "might", "would", "should", "must"})
_INDEFINITE_DETERMINERS = frozenset({"a", "an", "any", "every", "each", "no"})
# Dependents that make a plural specific ("the rebels", "Kurdish fighters", "500 troops").
_NAMING_DEPS = frozenset({"det", "poss", "nummod", "compound", "amod", "nmod", "appos", "conj"})


def _generic_subject(subject: Token, clause: Token, lexicon: EventLexicon) -> bool:
    """Whether an event's doer is nobody in particular, so the sentence states an opinion or a
    habit, not an event:

    * a generic word ("others", "everyone", "critics", "polls") with no name, number or "of"
      phrase of its own;
    * a bare plural common noun ("countries", "people") whose verb is in the simple present or
      has a modal ("countries allow trade", "people can request asylum") — news reports past
      and present deeds with a determiner or a name ("the rebels", "Kurdish fighters"), and a
      bare plural of an actor noun with a sector ("police say") is kept;
    * "it" standing for a clause after its verb ("it will take more than X to end the war");
    * the subject of a present-tense relative clause on an indefinite noun ("a president that
      helps the nation")."""
    lower = subject.lower_
    named = any(c.dep_ in _NAMING_DEPS for c in subject.children)
    members = any(True for _ in _pobjs(subject, ("of", "from", "in")))
    if lower in lexicon.generic_subjects and not named and not members:
        return True
    verb = subject.head
    extraposed = verb.i != clause.i and verb.lemma_.lower() in _EXTRAPOSING_VERBS
    if lower == "it" and subject.dep_ in ("nsubj", "expl") and extraposed:
        # "it is important to", not "it is willing to" nor "Syria says it is ready to"
        stances = lexicon.intention_adjectives | lexicon.future_adjectives
        stance = any(c.lemma_.lower() in stances for c in _children(verb, "acomp"))
        if not stance and _reporting_subject(subject, lexicon) is None:
            return True
    if clause.dep_ == "relcl" and clause.head.i == subject.i:
        # "a president that helps the nation", "people who support a path to citizenship"
        indefinite = _bare_plural(subject, lexicon) or any(
            c.dep_ == "det" and c.lower_ in _INDEFINITE_DETERMINERS for c in subject.children
        )
        present = clause.tag_ in ("VBZ", "VBP") and not _children(clause, "aux", "auxpass")
        if indefinite and present:
            return True
    if subject.tag_ == "NNS" and subject.pos_ == "NOUN" and not named and not members:
        if lexicon.actor_nouns.get(subject.lemma_.lower()):
            return False  # "police say", "rebels attack": a group with a sector acts
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            return False
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & _GENERIC_MODALS:
            return True
        return verb.tag_ == "VBP" and not auxiliaries
    return False


def _time_anchor(clause: Token) -> bool:
    """An after / before / since clause (or a conjunct of one) measured in months or more
    from the clause it modifies: "almost five years after crowds trashed its embassy"."""
    for _ in range(MAX_CLAUSE_CLIMB):
        if clause.dep_ != "conj" or clause.head.i == clause.i:
            break
        clause = clause.head  # "after crowds stormed and burned the embassy"
    if clause.dep_ != "advcl":
        return False
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in _ANCHOR_MARKS]
    if not marks:
        return False
    # the measure stands before the mark ("last month" inside the clause dates it, it does not
    # measure it) and hangs on the clause, on the mark, or (a parse slip) on the modified verb
    # just before the mark: "two decades since troops invaded"
    measures = [c for node in (clause, *marks) for c in node.children if c.i < marks[0].i]
    measures += [c for c in clause.head.children if c.i == marks[0].i - 1]
    return any(m.dep_ == "npadvmod" and m.lemma_.lower() in _ANCHOR_UNITS for m in measures)


def _generic_patient(clause: Token, lexicon: EventLexicon) -> bool:
    """A present-tense passive about a class ("Army units are trained to fight", "refugees
    are denied entry"): the passive subject is a bare plural and the verb is in the simple
    present, so the sentence tells what is usually done, not what was done."""
    if not _is_verb(clause) or list(_pobjs(clause, ("by",))):
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    present = [a for a in auxiliaries if a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP")]
    if not present or len(auxiliaries) != 1 or clause.tag_ != "VBN":
        return False
    return any(
        _bare_plural(subject, lexicon) for subject in _children(clause, *_PASSIVE_SUBJECT_DEPS)
    )


def _bare_plural(noun: Token, lexicon: EventLexicon) -> bool:
    """A plural common noun with no determiner, number, possessor or named actor among its
    modifiers ("Army units", "foreign workers", not "the units", "Kurdish fighters", "500
    troops", "US forces")."""
    if noun.tag_ != "NNS" or noun.pos_ != "NOUN":
        return False
    for child in noun.children:
        if child.dep_ in ("det", "poss", "nummod", "appos", "conj"):
            return False
        institution = child.lemma_.lower() in lexicon.actor_nouns  # "Army units" (NER: ORG)
        if (
            child.dep_ in ("compound", "amod", "nmod")
            and not institution
            and (
                child.pos_ == "PROPN"  # "other Gulf states"
                or child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                or countries().lookup(child.text, ("alias", "demonym"))
            )
        ):
            return False
    return not any(True for _ in _pobjs(noun, ("of", "from", "in")))


# Modals that make a relative clause say what a kind of thing can or should undergo ("a
# measure that CAN be supported by people"), not what happened.
_KIND_MODALS = frozenset({"can", "could", "may", "might", "should", "must", "would"})


def _kind_described(clause: Token) -> bool:
    """A relative clause with a modal on an indefinite noun ("a border security measure that
    can be supported by people who …", "a president who would help"): it describes a kind of
    thing, whichever of its arguments the antecedent is."""
    if clause.dep_ != "relcl":
        return False
    antecedent = clause.head
    indefinite = any(
        c.dep_ == "det" and c.lower_ in _INDEFINITE_DETERMINERS for c in antecedent.children
    )
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return indefinite and bool(modals & _KIND_MODALS)


def _non_agentive(subject: Token, lexicon: EventLexicon) -> bool:
    """A doer that cannot speak or decide: a common noun for a thing ("the proposal", "the
    report", "his proximity") — no actor entity, no country word, no actor or person noun.
    Partitives are judged by their members ("dozens of protesters")."""
    token = subject
    for _ in range(3):
        member = _partitive_member(token)
        if member is None:
            break
        token = member
    if token.pos_ != "NOUN" or token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return False
    lemma = token.lemma_.lower()
    if lemma in lexicon.actor_nouns or lemma in lexicon.agentive_nouns:
        return False
    if token.lower_ in lexicon.actor_nouns or token.lower_ in lexicon.agentive_nouns:
        return False
    if lemma.endswith(_PERSON_SUFFIXES) and not lemma.endswith(_THING_SUFFIXES):
        return False  # "inhabitants", "farmers", "investors", "pilgrims" are people
    if any(
        c.dep_ in ("compound", "appos", "nmod") and c.ent_type_ in ("ORG", "NORP")
        for c in token.children
    ):
        return False  # "the APEC forum", "the UNITA militarist wing": an organisation's body
    if any(_is_actorish(member, lexicon) for member in _pobjs(token, ("of",))):
        return False  # "the first deployment of NATO troops": a body of its members
    return not _looks_like_actor(token, lexicon)


# Endings of English nouns for persons (inhabitant, resident, activist, civilian, chairman,
# employee, farmer, governor) and of nouns for things that share them (statement, agreement).
# General English morphology; a thing named by a person ending ("the letter") stays a doer,
# the safe side of the rule.
_PERSON_SUFFIXES = ("ant", "ent", "ist", "ian", "man", "men", "ee", "er", "or", "ar")
_THING_SUFFIXES = ("ment", "ance", "ence")


def _dateline_end(sentence: SpacySpan) -> int | None:
    """The index of the dash that ends a dateline opening the sentence, within
    MAX_DATELINE_TOKENS tokens: "CARACAS — " (first word all capitals), or a place, a comma
    and a country before a dash or a spaced hyphen ("Nankana Sahib, Pakistan - ")."""
    first = sentence[0] if len(sentence) else None
    if first is None or not first.text[:1].isupper():
        return None
    capitals = first.is_upper and len(first.text) > 1 and first.is_alpha
    doc = sentence.doc
    for token in sentence[1 : MAX_DATELINE_TOKENS + 1]:
        spaced_hyphen = (
            token.text == "-" and bool(token.whitespace_) and bool(doc[token.i - 1].whitespace_)
        )
        if token.text not in _DASHES and not spaced_hyphen:
            continue
        if capitals and token.text in _DASHES:
            return token.i
        # "Nankana Sahib, Pakistan - When …": a place, a comma and a country before the dash
        commas = [t.i for t in doc[sentence.start : token.i] if t.text == ","]
        if commas and countries().lookup(doc[commas[-1] + 1 : token.i].text, ("alias",)):
            return token.i
        return None
    return None


def _arguments(candidate: _Candidate, lexicon: EventLexicon) -> tuple[Token | None, Token | None]:
    trigger, clause = candidate.trigger, candidate.clause
    if candidate.role is not None:
        source, target = _phrase_arguments(candidate, lexicon)
    elif trigger.i == clause.i and (_is_verb(trigger) or trigger.pos_ == "ADJ"):
        source, target = _verb_arguments(trigger, candidate.entry, lexicon)
    else:
        source, target = _noun_arguments(trigger, clause, candidate.entry.type, lexicon)
    if target is not None and _owned_thing(target, lexicon):
        # "denounced Serbia's suppression", "tighten the blockade with Albania's help": the
        # owner of the thing acted on is the target, not the thing
        target = _owning_actor(target) or target
    return source, target


def _owning_actor(thing: Token) -> Token | None:
    """The possessor that makes a thing an actor's ("SERBIA's suppression", "the United
    States' policies"); a demonym or name before a noun ("Iraqi youths", "Danish web sites")
    says whose people or things they are, and the phrase stays the actor."""
    for child in thing.children:
        if child.ent_type_ in ("GPE", "NORP", "ORG") and child.dep_ == "poss":
            return child
    return None


def _phrase_arguments(
    candidate: _Candidate, lexicon: EventLexicon
) -> tuple[Token | None, Token | None]:
    """Arguments of a verb-and-preposition event ("were engaged in ethnic cleansing against
    the Albanian population", "a US national has been put under investigation"): the doer is
    the verb's subject, or its passive subject when the verb's role is "doer" ("were engaged
    in"); the target is the verb's object or passive subject when the role is "patient", else
    an actor after a target preposition of the noun or of the verb."""
    noun, verb = candidate.trigger, candidate.clause
    passive = _children(verb, *_PASSIVE_SUBJECT_DEPS)
    agents = list(_pobjs(verb, ("by",)))
    if candidate.role == "patient":
        source = agents[0] if passive and agents else None if passive else _subject(verb, lexicon)
        patients = passive or _children(verb, "dobj", "obj")
        return source, next((p for p in patients if _is_actorish(p, lexicon)), None)
    doers = (agents or passive) if passive else []
    source = doers[0] if doers else _subject(verb, lexicon)
    target = _target_below(noun, TARGET_PREPOSITIONS, lexicon)
    if target is None:
        wanted = [p for p in TARGET_PREPOSITIONS if p not in _NOUN_ONLY_PREPOSITIONS]
        target = _first_actorish(_pobjs(verb, wanted), lexicon)
    if target is not None and source is not None and target.i == source.i:
        target = None
    return source, target


# Participles that, after "be" and before "to", state their subject's own stance: "Israel is
# OPPOSED to French mediation", "Turkey is opposed to any offensive" (not a passive: Israel
# opposes).
# Types whose act on a place of a country ("captured a town in X", "shelled villages in X")
# is aimed at that country.
_TERRITORIAL_TYPES = frozenset({"ASSAULT", "COERCE"})

# Restrictions imposed on or lifted from a place's people, and the types that impose or lift
# them (CONCEDE "ease restrictions", COERCE "impose a curfew").
_RESTRICTION_NOUNS = frozenset(
    {
        "curfew", "emergency", "law", "blockade", "siege", "ban", "restriction", "lockdown",
        "embargo", "closure",
    }
)  # fmt: skip
_RESTRICTION_TYPES = frozenset({"CONCEDE", "COERCE"})


def _restricted_place(objects: list[Token], lexicon: EventLexicon) -> Token | None:
    """The place named with "in" on a restriction the verb imposes or lifts: on the noun, on
    its "of" phrase ("a state OF EMERGENCY in X") or on a participle after it ("the curfew
    IMPOSED in X")."""
    for obj in objects:
        nouns = [obj, *_pobjs(obj, ("of",))]
        if not any(n.lemma_.lower() in _RESTRICTION_NOUNS for n in nouns):
            continue
        holders = [*nouns, *(c for n in nouns for c in n.children if c.dep_ == "acl")]
        found = _first_actorish((p for h in holders for p in _pobjs(h, ("in",))), lexicon)
        if found is not None:
            return found
    return None


# Objects of "seek" / "request" / "grant" that make the place named with "in" the one asked.
_REFUGE_NOUNS = frozenset({"refuge", "asylum", "sanctuary", "shelter"})

_STANCE_PARTICIPLES = frozenset({"oppose", "commit", "dedicate", "devote"})


def _stance_passive(verb: Token, passive: list[Token]) -> tuple[Token, Token | None] | None:
    """(source, target) of "X is opposed to Y": the subject holds the stance; the target is
    the actor of the "to" phrase, or the actor its event noun names ("French mediation" →
    French)."""
    if not passive or verb.lemma_.lower() not in _STANCE_PARTICIPLES:
        return None
    if any(_pobjs(verb, ("by",))):
        return None
    objects = list(_pobjs(verb, ("to",)))
    if not objects:
        return None
    thing = objects[0]
    if thing.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return passive[0], thing
    for child in thing.children:
        if child.dep_ in ("amod", "poss") and child.ent_type_ in (
            "GPE",
            "NORP",
            "ORG",
            "PERSON",
        ):
            return passive[0], child
    return passive[0], None


def _verb_arguments(
    verb: Token, entry: TriggerEntry, lexicon: EventLexicon, place_targets: bool = True
) -> tuple[Token | None, Token | None]:
    """Source and target of a verb; ``place_targets`` False keeps the target to actors (no "in
    X" place of a material act)."""
    passive = _children(verb, *_PASSIVE_SUBJECT_DEPS)
    agents = list(_pobjs(verb, ("by",)))
    if agents and not passive and verb.dep_ == "conj" and verb.tag_ == "VBN":
        shared = _conjoined_subject(verb)
        if shared is not None and not _children(verb, *_SUBJECT_DEPS, "aux"):
            # "was betrayed by an associate and ARRESTED BY soldiers": its own agent acts on
            # the subject the conjoined verbs share
            return agents[0], shared
    if agents and not passive and _reduced_passive(verb):
        # "would not confirm it when ASKED BY Fox News", "a convoy ATTACKED BY rebels": the
        # agent does it to the clause's subject, or to the noun the participle modifies
        patient = _subject(verb.head, lexicon) if verb.dep_ == "advcl" else verb.head
        return agents[0], patient
    transfer = verb.lemma_.lower() in lexicon.transfer_verbs
    stance = _stance_passive(verb, passive)
    if stance is not None:
        return stance
    if passive:
        agents = list(_pobjs(verb, ("by",)))
        source: Token | None = agents[0] if agents else None
        if source is None and entry.type in _PLACE_SOURCE_TYPES:
            source = _passive_source(verb)
        if transfer:
            # "troops were sent to Syria": the thing moved is no target; the recipient is.
            return source, _recipient(verb, passive, lexicon)
        patient = passive[0]
        if not _is_actorish(patient, lexicon) and _partitive_member(patient) is None:
            # "a camp for Congolese refugees was attacked": whom the thing is for, in its own
            # phrases ("services in Syria were suspended" keeps the services, whose country
            # Syria gives; "attempts by some to unfurl a Free Syria flag" name no victim)
            found = _thing_actor(patient, entry.type, lexicon)
            path = _phrase_path(found, patient) if found is not None else None
            if found is not None and path and len(path) == 1 and found.head.lower_ != "in":
                return source, found
        return source, patient
    source = _subject(verb, lexicon)
    if transfer:
        # "willing to send material TO HELP DEFEND Saudi Arabia": without a recipient, whom the
        # transfer is for
        recipient = _recipient(verb, _children(verb, "dobj", "obj"), lexicon)
        return source, recipient or _aim_target(verb, entry.type, lexicon)
    target: Token | None = None
    lemma = verb.lemma_.lower()
    objects = _children(verb, "dobj", "obj", "dative")
    if not objects:
        # "denounced as an ugly crime SERBIA'S SUPPRESSION of …": an object shifted after the
        # verb's "as" phrase, which the parser takes for that phrase's apposition
        objects = [a for p in _pobjs(verb, ("as",)) for a in _children(p, "appos")]
    for obj in objects:
        if _moved_force(obj, entry.type, lexicon):
            target = _force_destination(obj, entry.type, lexicon)
        elif _is_actorish(obj, lexicon):
            target = obj
        if target is not None:
            break
    if target is None and (lemma in lexicon.request_verbs or lemma in lexicon.speech_verbs):
        for complement in _demanded_clauses(verb):
            subjects = _children(complement, "nsubj", "nsubjpass")
            if subjects:
                target = subjects[0]
                break
    if target is None:
        # "allowed opposition leader X TO hold a rally", "refused to allow U.N. planes TO land":
        # the subject of an infinitive clause of the verb is whom the verb acts on.
        subjects = [s for s in _infinitive_subjects(verb) if _names_actor(s, lexicon)]
        target = _first_actorish(subjects, lexicon)  # not "allow the Cuban territory to be"
    if target is None and entry.type in _GRIEVANCE_TYPES:
        target = _grievance_target(verb, lexicon)
    if target is None and entry.type in _TERRITORIAL_TYPES:
        # "retook a strategic village in Western Cambodia": the place taken or struck is the
        # country its "in" phrase names (the manual's target of a seizure of territory)
        territory = lexicon.word_classes.get("territory", frozenset())
        for obj in objects:
            if obj.lemma_.lower() in territory:
                target = _first_actorish(_pobjs(obj, ("in",)), lexicon)
                if target is not None:
                    break
    if target is None and entry.type in _RESTRICTION_TYPES:
        # "lifted a state of emergency in West Darfur", "shortened the curfew imposed in
        # Sudan": a restriction is aimed at the people of the place it holds in
        target = _restricted_place(objects, lexicon)
    if target is None and any(o.lemma_.lower() in _REFUGE_NOUNS for o in objects):
        # "sought refuge / asylum in Germany": the country asked for shelter
        target = _first_actorish(_pobjs(verb, ("in", "from")), lexicon)
    if target is None:
        verb_preps = [p for p in TARGET_PREPOSITIONS if p not in _NOUN_ONLY_PREPOSITIONS]
        if entry.type in _FROM_IS_ORIGIN_TYPES and entry.mode not in _TAKING_MODES:
            # "arrived from Cairo", "withdrew from Iraq" — but "confiscated weapons FROM X"
            verb_preps = [p for p in verb_preps if p != "from"]
        target = _first_actorish(_pobjs(verb, verb_preps), lexicon)
    if target is None:
        target = _raised_object(verb, objects, lexicon)
    if target is None:
        # the object, or a prepositional object, is a thing: whose it is or whom it comes
        # from — "rejected calls BY Belarus's rulers", "conceded to demands FROM UNITA",
        # "welcomed President Reagan's statement", "agreed to US mediation", "vetoed a Security
        # Council resolution", "reiterated its demand that Israel ease"; a meeting's object
        # names only its partners ("host a meeting BETWEEN X and Y"; "discussed the U.S.
        # strikes" names a topic), its "with" phrase whoever it leads to ("negotiated with
        # the owner of Israel's biggest newspaper")
        # "hack INTO the computers of X", "protest AT the settlement of X", "complained OVER
        # X's raids"
        things = [*objects, *_pobjs(verb, _THING_PREPOSITIONS)]
        for thing in things:
            if _is_actorish(thing, lexicon):
                continue
            target = _thing_actor(thing, entry.type, lexicon)
            if target is not None:
                break
    if target is None:
        for complement in _children(verb, "xcomp"):
            if _is_verb(complement) and not _children(complement, "nsubj", "nsubjpass"):
                # "refused to MEET Jordan's king", "agreed to PROVIDE aid to Romania",
                # "threatened to institute a curfew IN Algiers"
                inner = _match(complement, lexicon.verbs)
                if inner is None and _is_light(complement, lexicon):
                    noun = _light_object(complement, lexicon)
                    inner = _match(noun, lexicon.nouns) if noun is not None else None
                target = _verb_arguments(complement, inner or entry, lexicon, place_targets)[1]
                if target is not None:
                    break
    if target is None:
        # "opened fire TO DISPERSE demonstrators", "began a hunger strike TO PROTEST against
        # Sweden's decision", "blocked roads DEMANDING that X": whom the act aims at
        target = _aim_target(verb, entry.type, lexicon)
    if target is None and (entry.type == "THREATEN" or verb.lemma_.lower() in _THREAT_LEMMAS):
        # "threatened to strike unless Israel rescinded", "if the United States goes ahead":
        # the side that must comply is the target of the threat.
        target = _condition_subject(verb)
    visit = entry.mode == "visit"
    if target is None and place_targets and (entry.type in _PLACE_TARGET_TYPES or visit):
        # "arrived in Amman", "imposed a curfew in Cizre", "deployed troops in Iraq": the
        # country or city where a visit or a material act happens is its target.
        target = _place_target(verb, objects)
    return source, target


# Prepositions of a verb whose object, a thing, leads to the target: whose it is, whom it is for
# ("hack INTO the computers of X", "protest AT the settlement of X").
_THING_PREPOSITIONS = ("to", "on", "against", "with", "for", "into", "at")
# ... and of an event noun ("an investigation INTO crimes committed by X"); "for", "to" and
# "with" after a noun mostly name a purpose or topic ("a partnership for a new economy",
# "requests for access to opposition areas").
_NOUN_THING_PREPOSITIONS = ("on", "against", "into", "at", "over")
# A complaint's or a protest's "to X" is whom it is made to; "over / about / against X" is
# whom it is about ("complained to the UN over Israeli air raids" → Israel).
_GRIEVANCE_TYPES = frozenset({"ACCUSE", "PROTEST"})
_GRIEVANCE_PREPOSITIONS = ("against", "over", "about")


def _grievance_target(verb: Token, lexicon: EventLexicon) -> Token | None:
    """An actor a complaint is about, or who a thing it is about belongs to or comes from —
    not a place the thing is in or named after ("about the use of chemical weapons in the
    Salisbury attack" names no one)."""
    for thing in _pobjs(verb, _GRIEVANCE_PREPOSITIONS):
        if _is_actorish(thing, lexicon) and not _owned_thing(thing, lexicon):
            return thing
        found = _thing_target(thing, lexicon)
        if found is None or _owned_thing(found, lexicon):
            continue
        path = _phrase_path(found, thing) or []
        if not any(t.lower_ == "in" for t in _between(found, thing)) and path:
            return found
    return None


def _between(token: Token, ancestor: Token) -> list[Token]:
    """The tokens on the parse path from ``token`` up to ``ancestor`` (both excluded); empty
    when ``ancestor`` is not above ``token``."""
    path: list[Token] = []
    current = token
    for _ in range(2 * MAX_PHRASE_CHAIN + 2):
        if current.head.i == current.i:
            return []
        current = current.head
        if current.i == ancestor.i:
            return path
        path.append(current)
    return []


def _phrase_path(token: Token, ancestor: Token) -> list[str] | None:
    """The phrases from ``ancestor`` down to ``token``: ["pobj"] for "the camp FOR refugees",
    ["poss"] for "Serbia's suppression"; None when ``ancestor`` is not above ``token``."""
    if token.head.i == ancestor.i:
        return [token.dep_]
    between = _between(token, ancestor)
    if not between:
        return None
    return [t.dep_ for t in (token, *between) if t.dep_ != "prep"]


def _thing_actor(thing: Token, kind: str, lexicon: EventLexicon) -> Token | None:
    """The actor a thing acted on leads to (:func:`_thing_target`); a meeting's thing names only
    its partners ("host a meeting BETWEEN X and Y"; "discussed the U.S. strikes" is a topic)."""
    if kind == "CONSULT" and thing.head.lower_ not in _PARTNER_PREPOSITIONS:
        return _first_actorish(_pobjs(thing, _PARTNER_PREPOSITIONS), lexicon)
    return _thing_target(thing, lexicon)


def _place_target(verb: Token, objects: list[Token]) -> Token | None:
    """The country or city a material act happens in or is aimed at: "in X" of the verb or of
    its object, of what it is aimed at ("fired shells at targets IN Jericho"), of where its
    object leads ("blew up power lines leading INTO Kabul"); a place noun gives its name ("in
    the capital city OF X", "in the capital, X")."""
    aimed = [*_pobjs(verb, ("at", "on", "against")), *objects]
    places = [
        *_pobjs(verb, ("in", "into")),
        *(p for thing in aimed for p in _pobjs(thing, ("in",))),
        *(
            p
            for thing in objects
            for clause in _children(thing, "acl")
            for p in _pobjs(clause, ("in", "into", "to"))
        ),
    ]
    for place in places:
        if place.ent_type_ == "GPE":
            return place
        named = [*_pobjs(place, ("of",)), *_children(place, "appos")]
        if place.pos_ == "NOUN" and (
            found := next((n for n in named if n.ent_type_ == "GPE"), None)
        ):
            return found
    return None


# Types whose place ("in X", a country or city) is their target when no actor is named:
# material acts whose victims or subjects are the place's people (PLOVER: the recipient of
# one-sided violence is its victim; a restriction's recipient is whom it affects), concessions
# of restrictions ("lifted a curfew in Montenegro") and threats of them. Not a protest: PLOVER's
# protest is "against the recipient", and where it happens is its location (``place``).
_PLACE_TARGET_TYPES = frozenset(
    {"MOBILIZE", "ASSAULT", "COERCE", "AID", "SANCTION", "CONCEDE", "THREATEN"}
)
_THREAT_LEMMAS = frozenset({"threaten", "warn"})
_PARTNER_PREPOSITIONS = ("between", "among", "with")
# Types whose "from X" is where the actor comes from or leaves ("arrived from Cairo", "withdrew
# from Iraq"), not whom it acts on — except for acts of taking (``_TAKING_MODES``: "seized
# weapons from the rebels", "captured the town from X": X loses them).
_FROM_IS_ORIGIN_TYPES = frozenset({"CONSULT", "PROTEST", "ASSAULT", "MOBILIZE", "COERCE"})
_TAKING_MODES = frozenset({"seize"})
# Types whose agentless passive takes the country it happened in as its doer ("was arrested in
# Lebanon": the state arrests); a deal "reached in Sweden" or talks "held in Oman" do not.
_PLACE_SOURCE_TYPES = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "SANCTION"})


_RECIPIENT_PREPOSITIONS = ("to", "for", "into", "against")  # "deployed weapons AGAINST X"


def _recipient(verb: Token, things: list[Token], lexicon: EventLexicon) -> Token | None:
    """The target of a transfer ("sent troops TO Syria", "gave Ukraine tanks", "supplied arms
    FOR the rebels"): an actor dative or recipient phrase of the verb or of the thing moved, else
    the country or city the thing is sent to or in; never the thing itself."""
    datives = [d for d in _children(verb, "dative") if d.lower_ not in _RECIPIENT_PREPOSITIONS]
    if (found := _first_actorish(datives, lexicon)) is not None:
        return found
    phrases = [
        *_pobjs(verb, _RECIPIENT_PREPOSITIONS),
        *(p for thing in things for p in _pobjs(thing, _RECIPIENT_PREPOSITIONS)),
    ]
    if (found := _first_actorish(phrases, lexicon)) is not None:
        return found
    places = [*phrases, *_pobjs(verb, ("in",)), *(p for t in things for p in _pobjs(t, ("in",)))]
    if (found := next((p for p in places if p.ent_type_ == "GPE"), None)) is not None:
        return found
    for thing in things:
        # "supplied Ukraine with arms", "give the rebels" (parsed as the object): an actor
        # that is not a force one can move (troops, warships, jets) is the recipient.
        # A force is what is moved unless someone else's is named ("provided Assad's forces").
        sector = lexicon.actor_nouns.get(thing.lemma_.lower())
        owned = any(c.dep_ == "poss" and c.lower_ not in _PRONOUNS for c in thing.children)
        if (sector != "military" or owned) and _is_actorish(thing, lexicon):
            return thing
    return None


# Prepositions of an adjunct that names an act's aim: "IN protest against X", "joined them IN
# demanding"; "in" + a noun or gerund event.
_AIM_PREPOSITIONS = frozenset({"in"})


def _aim_target(verb: Token, kind: str, lexicon: EventLexicon) -> Token | None:
    """The target of what an act is done for, when the act names none of its own: the event of
    a purpose infinitive ("staged a strike TO DEMAND the resignation of X", "opened fire TO
    DISPERSE demonstrators"), of a participle without a subject of its own ("blocked roads
    DEMANDING that X be reinstated"), or of an "in" phrase ("IN PROTEST of the Russian
    government's refusal", "IN DEMANDING a referendum"). The aim counts only when it is an event
    on the same side of the cooperation/conflict divide as the act: a protest that demands, an
    aid that helps defend — not "met to discuss", nor a strike "to mark the anniversary"."""
    side = _side(kind, lexicon)
    if side is None or kind == "CONSULT":
        return None  # "met to discuss Idlib": a meeting's partner is not its topic
    for aim, entry in _aims(verb, lexicon):
        if _side(entry.type, lexicon) != side or entry.type == "CONSULT":
            continue
        if _is_verb(aim):
            target = _verb_arguments(aim, entry, lexicon, place_targets=False)[1]
        else:
            target = _noun_arguments(aim, aim, entry.type, lexicon)[1]
            target = target or _thing_target(aim, lexicon)
        if target is not None:
            return target
    return None


def _aims(verb: Token, lexicon: EventLexicon) -> Iterator[tuple[Token, TriggerEntry]]:
    """The coded events a verb's purpose clauses, subjectless participles and "in" phrases
    name, with their lexicon entries."""
    has_object = bool(_children(verb, "dobj", "obj"))
    for child in verb.children:
        # "began a strike TO PROTEST" is often parsed as a complement: after an object it is
        # a purpose too
        purpose = child.dep_ == "advcl" or (child.dep_ == "xcomp" and has_object)
        if purpose and _is_verb(child):
            if _children(child, "nsubj", "nsubjpass", "mark"):
                continue  # "as battles raged", "if it is attacked": a clause of its own
            infinitive = any(a.dep_ == "aux" and a.tag_ == "TO" for a in child.children)
            if not infinitive and child.tag_ != "VBG":
                continue
            entry = _event_entry(child, lexicon)
            if entry is not None:
                yield child, entry
        elif child.dep_ == "prep" and child.lower_ in _AIM_PREPOSITIONS:
            for phrase in child.children:
                if phrase.dep_ == "pcomp" and _is_verb(phrase) and phrase.tag_ == "VBG":
                    entry = _event_entry(phrase, lexicon)
                elif phrase.dep_ == "pobj" and phrase.pos_ == "NOUN":
                    entry = _match(phrase, lexicon.nouns)
                else:
                    continue
                if entry is not None:
                    yield phrase, entry


def _event_entry(verb: Token, lexicon: EventLexicon) -> TriggerEntry | None:
    """A verb's own event, or its light object's ("to show their disapproval")."""
    entry = _match(verb, lexicon.verbs)
    if entry is None and _is_light(verb, lexicon):
        noun = _light_object(verb, lexicon)
        entry = _match(noun, lexicon.nouns) if noun is not None else None
    return entry


def _side(kind: str, lexicon: EventLexicon) -> str | None:
    """ "cooperation" or "conflict": the half of PLOVER's quad classes a type is in."""
    info = lexicon.type_info(kind)
    if info is None:
        return None
    return "conflict" if "conflict" in info.quad else "cooperation"


def _thing_target(thing: Token, lexicon: EventLexicon) -> Token | None:
    """The actor a thing comes from, belongs to or is aimed at, searched breadth-first along its
    phrases — at each phrase its "by" agent or an actor in a target phrase ("an admission BY
    Moscow", "demands FROM Shona rebels"), else its owner ("Sweden's decision"), else the subject
    of the clause it spells out ("its demand that ISRAEL ease"): "part of an aid program for
    Bosnia", "the return of property seized by Algerian forces", "an invitation to attend a
    meeting of Palestinian factions". Below the first phrase, and in a participle's phrases, "in"
    names a setting, not a party, and is not followed; only the thing's own participle or
    infinitive is read ("a barricade erected by the army" under "on top of" is scenery)."""
    frontier = [thing]
    for depth in range(MAX_PHRASE_CHAIN):
        preps = ("by", *(p for p in TARGET_PREPOSITIONS if depth == 0 or p != "in"))
        clause_preps = [p for p in preps if p != "in"]
        # further down, only a named actor counts ("a summit of heads of STATE" names none)
        accept = _first_actorish if depth == 0 else _first_named_actor
        following: list[Token] = []
        for node in frontier:
            below = list(_pobjs(node, preps))
            described: list[Token] = []
            for clause in node.children if depth == 0 else ():
                if clause.dep_ == "acl" and _is_verb(clause):
                    # "property seized BY X", "an invitation to attend a MEETING of X" (not a
                    # relative clause: "a town they liberated FROM X" is another deed)
                    described.extend(_pobjs(clause, clause_preps))
                    if any(a.dep_ == "aux" and a.tag_ == "TO" for a in clause.children):
                        described.extend(_children(clause, "dobj", "obj"))
            found = accept(below, lexicon)
            found = found or _owner(node, lexicon) or _clause_subject(node)
            found = found or accept(described, lexicon)
            if found is not None:
                return found
            following.extend(below + described)
        frontier = following
        if not frontier:
            break
    return None


# Types whose object, when it is a force, is what is moved, not whom the act is aimed at:
# "withdraw its troops from Lebanon" (→ Lebanon), "mobilized army reservists for a war against
# Iraq" (→ Iraq), "strengthened its forces in Lebanon" (→ Lebanon).
_MOVING_TYPES = frozenset({"RETREAT", "MOBILIZE"})


def _moved_force(token: Token, kind: str, lexicon: EventLexicon) -> bool:
    """Whether an argument is the doer's own force that a withdrawal or mobilisation moves: a
    military noun with no possessor but a pronoun ("its troops", "army reservists"; not
    "Assad's forces")."""
    if kind not in _MOVING_TYPES or lexicon.actor_nouns.get(token.lemma_.lower()) != "military":
        return False
    return not any(c.dep_ == "poss" and c.lower_ not in _PRONOUNS for c in token.children)


def _force_destination(force: Token, kind: str, lexicon: EventLexicon) -> Token | None:
    """Where a moved force is withdrawn from or sent to, in its own phrase ("forces FROM
    Panama", "troops IN Lebanon")."""
    wanted = ("from",) if kind == "RETREAT" else ("to", "into", "in")
    return _first_actorish(_pobjs(force, wanted), lexicon)


def _raised_object(verb: Token, objects: list[Token], lexicon: EventLexicon) -> Token | None:
    """The object two conjoined verbs share when the first one's preposition is left without
    its own ("established ties WITH and opened an embassy in TEHRAN"): the last actor named in
    the conjoined verb's phrase."""
    dangling = any(
        c.dep_ == "prep" and c.pos_ == "ADP" and c.n_rights == 0 and c.n_lefts == 0
        for head in (verb, *objects)
        for c in head.children
    )
    if not dangling:
        return None
    for conjunct in _children(verb, "conj"):
        if not _is_verb(conjunct) or conjunct.i < verb.i:
            continue
        named = [
            t
            for t in conjunct.subtree
            if t.dep_ in ("pobj", "dobj", "obj") and t.i > conjunct.i and _is_actorish(t, lexicon)
        ]
        if named:
            return named[-1]
    return None


def _demanded_clauses(verb: Token) -> Iterator[Token]:
    """The clauses a request or speech verb governs: its complements ("demanded that X leave",
    "urged X to"), and a clause opened by "for" ("pushing hard for the US (to) support") — not
    a reporting frame set off by a comma after its object ("demanded the withdrawal of X,
    diplomats quoted …")."""
    has_object = bool(_children(verb, "dobj", "obj"))
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ == "advcl":
            if any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
                yield clause
            continue
        if clause.dep_ not in ("ccomp", "xcomp"):
            continue
        edge = clause.left_edge.i
        framed = doc[edge].text in (",", *_DASHES) or (
            edge > 0 and doc[edge - 1].text in (",", *_DASHES)
        )
        if has_object and clause.i > verb.i and framed:
            continue
        yield clause


def _infinitive_subjects(verb: Token) -> Iterator[Token]:
    """Subjects of the infinitive clauses a verb governs ("allowed X TO land")."""
    for clause in _children(verb, "ccomp", "xcomp"):
        if _is_verb(clause) and any(a.dep_ == "aux" and a.tag_ == "TO" for a in clause.children):
            yield from _children(clause, "nsubj", "nsubjpass")


def _condition_subject(verb: Token) -> Token | None:
    """The subject of an if/unless clause under a verb or its complement."""
    for head in (verb, *_children(verb, "xcomp", "ccomp")):
        for clause in _children(head, "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                subjects = _children(clause, "nsubj", "nsubjpass")
                if subjects:
                    return subjects[0]
    return None


def _clause_subject(noun: Token, marked: bool = False) -> Token | None:
    """The subject of a clause that spells out a demand or call ("its demand that ISRAEL
    ease", "calls for the US to support"); ``marked``: only a clause opened by "that"."""
    for clause in noun.children:
        if marked and not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            continue
        if clause.dep_ in ("acl", "ccomp", "relcl") and _is_verb(clause) and clause.dep_ != "relcl":
            subjects = _children(clause, "nsubj", "nsubjpass")
            if subjects and subjects[0].lower_ not in ("who", "which", "that"):
                return subjects[0]
    return None


def _passive_source(verb: Token) -> Token | None:
    """ "was killed in a raid BY US commandos": the agent of the deed the passive happened in;
    "was arrested in Lebanon": a country named in a locative phrase acts."""
    for pobj in _pobjs(verb, ("in", "during")):
        agents = list(_pobjs(pobj, ("by",)))
        if agents:
            return agents[0]
    return _located_place(verb)


# Prepositions of a deed's own phrases that say where it happened, and links that lead from a
# place noun to its name ("near the town OF Samarra", "in East Timor's capital, Dili").
_DEED_PLACE_PREPOSITIONS = ("in", "near", "outside", "at")
_PLACE_NAME_STEPS = 3


def _located_place(token: Token) -> Token | None:
    """The country or city named where a deed happened, in the phrases of its verb or of the
    thing that did it: "was arrested IN Lebanon", "a roadside bombing NEAR the town of
    Samarra", "killed by a bomb OUTSIDE of the Iraqi city of Basra"."""
    frontier = [p for p in _pobjs(token, _DEED_PLACE_PREPOSITIONS)]
    frontier += [  # "outside of X"
        p
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "outside"
        for p in _pobjs(prep, ("of",))
    ]
    for _ in range(_PLACE_NAME_STEPS):
        for place in frontier:
            if place.ent_type_ == "GPE":
                return place
        frontier = [
            named
            for place in frontier
            for named in (*_pobjs(place, ("of", "in")), *_children(place, "appos"))
        ]
    return None


def _owner(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The actor a non-actor object belongs to: "criticised the U.S. deployment" → the U.S."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _PRONOUNS:
            return child
        if (
            child.dep_ in ("compound", "amod", "nmod")
            and _looks_like_actor(child, lexicon)
            and not _names_a_place(child)  # "the Douma attack" happened in Douma
        ):
            return child
    return None


# Modifiers that make a war the country's own internal conflict: its possessor is its place.
_INTERNAL_WAR_WORDS = frozenset({"civil", "internal", "sectarian"})
# Wars and conflicts named by their place ("the Syrian war"), and the prepositions that name a
# side instead ("war on Ukraine", "conflict with the Kurds").
_NAMED_WAR_NOUNS = frozenset({"war", "conflict", "insurgency", "uprising", "crisis"})
_WAR_SIDE_PREPOSITIONS = ("on", "against", "with", "between")


def _noun_arguments(
    noun: Token, clause: Token, kind: str, lexicon: EventLexicon
) -> tuple[Token | None, Token | None]:
    """Source: the noun's own actor (possessor, "by X", an actor modifier: "U.S. sanctions"),
    else the subject of the verb it is the object of, unless that verb is an event of its own
    ("China criticised the U.S. deployment": China did not deploy). Target: the object of a
    target preposition of the noun, of the verb, or one phrase further down."""
    owners = [o for o in _children(noun, "poss") if o.lower_ not in _PRONOUNS]
    pronoun_owners = [o for o in _children(noun, "poss") if o.lower_ in _PRONOUNS]
    if any(c.dep_ == "amod" and c.lower_ in _INTERNAL_WAR_WORDS for c in noun.children):
        # "Syria's civil war", "its civil war": the country is where it is fought, not who
        owners, pronoun_owners = [], []
    agents = list(_pobjs(noun, ("by",)))
    modifiers = [
        c
        for c in noun.children
        if c.dep_ in ("compound", "amod", "nmod")
        and _looks_like_actor(c, lexicon)
        and not _names_a_place(c)
    ]
    if noun.lemma_.lower() in _NAMED_WAR_NOUNS and not any(_pobjs(noun, _WAR_SIDE_PREPOSITIONS)):
        # "the Syrian war", "the Yemeni conflict": without a side named ("the Russian war ON
        # Ukraine"), a demonym before a war names where it is fought
        modifiers = [m for m in modifiers if not (m.dep_ == "amod" and m.ent_type_ == "NORP")]
    victims = [m for m in modifiers if m.ent_type_ == "PERSON" and kind in _DEED_TYPES]
    # "the Khashoggi killing", "the Navalny arrest": a person named before a deed is its victim
    modifiers = [m for m in modifiers if m not in victims]
    found = owners or agents or modifiers
    source: Token | None = found[0] if found else None
    # "until more is known about the Boston bombings": a deed placed by its city is not the
    # deed of the clause's subject
    placed = any(_names_a_place(c) for c in noun.children)
    taken_up = clause.i != noun.i and noun.dep_ in ("dobj", "obj", "pobj")
    if source is None and not placed and taken_up:
        verb_is_event = _match(clause, lexicon.verbs) is not None and not _is_light(clause, lexicon)
        if not verb_is_event:
            source = _subject(clause, lexicon)
    if source is None and pronoun_owners:
        source = pronoun_owners[0]
    prepositions: tuple[str, ...] = TARGET_PREPOSITIONS
    target = None
    forces = [f for f in _pobjs(noun, ("of",)) if _moved_force(f, kind, lexicon)]
    if forces:
        # "the withdrawal OF some invasion forces from Panama": the forces are what moves
        prepositions = tuple(p for p in prepositions if p != "of")
        target = _force_destination(forces[0], kind, lexicon)
    target = target or _target_below(noun, prepositions, lexicon)
    if target is None:
        # "an investigation into crimes committed BY Croat forces", "sanctions over Russia's
        # annexation": the actor a thing in the noun's phrases leads to
        things = [t for t in _pobjs(noun, _NOUN_THING_PREPOSITIONS) if not _is_actorish(t, lexicon)]
        target = next((t for t in (_thing_actor(t, kind, lexicon) for t in things) if t), None)
    if target is None and victims:
        target = victims[0]
    if target is None and taken_up and noun.dep_ in ("dobj", "obj"):
        # "will give Tanzania a grant", "offered Iran talks": the light verb's indirect object
        others = [o for o in _children(clause, "dative", "dobj", "obj") if o.i != noun.i]
        target = _first_actorish(others, lexicon)
    if target is None and clause.i != noun.i:
        target = _target_below(clause, [p for p in TARGET_PREPOSITIONS if p != "in"], lexicon)
    if target is None:
        target = _clause_subject(noun)  # "its demand that Israel ease"
    if target is None and taken_up and noun.dep_ in ("dobj", "obj"):
        # "reiterated its demand today that ISRAEL ease": the parser hangs the that-clause
        # that spells out the noun on the verb
        target = _clause_subject(clause, marked=True)
    if target is None:
        # "began a hunger strike TO PROTEST against Sweden's decision", "a hunger strike IN
        # PROTEST of the Russian government's refusal"
        target = _aim_target(noun, kind, lexicon)
    if target is None and clause.i != noun.i and _is_verb(clause):
        target = _aim_target(clause, kind, lexicon)
    if target is not None and source is not None and target.i == source.i:
        target = None
    return source, target


# Deeds done to a person: a person's name before them names the victim.
_DEED_TYPES = frozenset({"ASSAULT", "COERCE"})


def _names_a_place(token: Token) -> bool:
    """A city or region named before an event noun ("the Ghouta chemical attacks", "the Paris
    talks") says where it happened, not who acted; a country ("US sanctions") is an actor."""
    if token.ent_type_ not in ("GPE", "LOC", "FAC") or token.dep_ != "compound":
        return False
    doc, left, right = token.doc, token.i, token.i
    while left > 0 and doc[left].ent_iob_ == "I":
        left -= 1
    while right + 1 < len(doc) and doc[right + 1].ent_iob_ == "I":
        right += 1
    name = doc[left : right + 1].text
    return countries().lookup(name, ("alias", "demonym")) is None


def _target_below(token: Token, prepositions: Iterable[str], lexicon: EventLexicon) -> Token | None:
    """An actor that is the object of one of ``prepositions`` under ``token``, or under such an
    object ("reward for the ARREST of X")."""
    wanted = list(prepositions)
    found = _first_actorish(_pobjs(token, wanted), lexicon)
    if found is not None:
        return found
    # one phrase further down, or along a chain of phrases and participles: "reward for
    # information LEADING to the arrest OF X"
    frontier = list(_pobjs(token, wanted))
    for _ in range(MAX_PHRASE_CHAIN):
        following: list[Token] = []
        for node in frontier:
            found = _first_actorish(_pobjs(node, TARGET_PREPOSITIONS), lexicon)
            if found is not None:
                return found
            following.extend(_pobjs(node, TARGET_PREPOSITIONS))
            following.extend(c for c in node.children if c.dep_ == "acl")
        frontier = following
        if not frontier:
            break
    return None


def _refused_label(token: Token) -> bool:
    """Whether NER's label keeps the token from being an actor or a place aimed at: dates,
    numbers, facilities… and locations, except a capital or a part of a country NER labels
    LOC ("Algiers", "Western Cambodia": GPE in OntoNotes, the small model's training scheme)."""
    if token.ent_type_ not in _NOT_ACTOR_LABELS:
        return False
    if token.ent_type_ != "LOC":
        return True
    start, end = token.i, token.i + 1
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    name = token.doc[start:end].text
    head = token.doc[end - 1].text  # "Western Cambodia": a part of a country
    return (
        countries().lookup(name, ("capital",)) is None
        and countries().lookup(head, ("alias",)) is None
    )


# Actor nouns that name a condition when an "of" phrase follows: "a state of emergency", "a
# state of siege" (the state that acts is "the state", "state forces").
_CONDITION_WITH_OF = frozenset({"state"})


def _names_condition(token: Token) -> bool:
    return token.lemma_.lower() in _CONDITION_WITH_OF and any(
        c.dep_ == "prep" and c.lower_ == "of" and c.head.i == token.i for c in token.children
    )


def _is_actorish(token: Token, lexicon: EventLexicon) -> bool:
    if _refused_label(token) or _names_condition(token):
        return False
    if token.ent_type_ == "LOC":
        return True  # a capital (see _refused_label)
    if token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return True
    if token.lower_ in _PRONOUNS:
        return True
    if token.lemma_.lower() in lexicon.actor_nouns:
        return True
    return any(
        c.ent_type_ in ("GPE", "NORP", "ORG")
        and (
            c.dep_ in ("compound", "amod", "poss")
            # "the Taliban movement", but not "Trump's assessment" parsed as a modifier
            or (c.dep_ == "nmod" and _names_actor(token, lexicon))
        )
        for c in token.children
    ) and not _match(token, lexicon.nouns)


def _first_named_actor(tokens: Iterable[Token], lexicon: EventLexicon) -> Token | None:
    """The first actor named by an entity, or by a noun for people or a body that an entity or
    demonym modifies ("Algerian government forces", not "the Russian language")."""
    for token in tokens:
        if not _is_actorish(token, lexicon):
            continue
        if token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
            return token
        modifiers = (c for c in token.children if c.dep_ in _NP_MODIFIER_DEPS)
        if _names_actor(token, lexicon) and any(
            c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for c in modifiers
        ):
            return token
    return None


def _first_actorish(tokens: Iterable[Token], lexicon: EventLexicon) -> Token | None:
    """The first actor among ``tokens``; a thing that only an actor's name modifies ("Albania's
    help", "the US policies") comes after every actor ("tighten the blockade of SERBIA with
    Albania's help")."""
    owned: Token | None = None
    for token in tokens:
        if not _is_actorish(token, lexicon):
            continue
        if not _owned_thing(token, lexicon):
            return token
        owned = owned or token
    return owned


def _owned_thing(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a token is actorish only because an actor's name modifies it ("Albania's help",
    "the Thai border"): not a name, pronoun, actor noun or noun for people or a body."""
    if token.ent_type_ or token.lower_ in _PRONOUNS:
        return False
    return token.lemma_.lower() not in lexicon.actor_nouns and not _names_actor(token, lexicon)


def _np_bounds(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase a token heads, without clauses, appositions, conjuncts
    or prepositional phrases."""
    left = right = token.i
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in _NP_CUT_DEPS:
                continue
            left, right = min(left, child.i), max(right, child.i)
            stack.append(child)
    return left, right


def _actor(
    doc: Doc,
    text: str,
    token: Token,
    entities: tuple[Entity, ...],
    lexicon: EventLexicon,
    home: str | None = None,
) -> _Actor | None:
    """An argument resolved to an actor: an entity (through pronouns and role nouns), else a
    country word NER missed, else a common noun for an actor; None for a thing."""
    for _ in range(3):
        member = _partitive_member(token)
        if member is None:
            break
        # "hundreds of thousands of protesters", "a group of Moroccan diplomats": the members.
        token = member
    if _refused_label(token) or _names_condition(token):
        return None
    head_sector = lexicon.actor_nouns.get(token.lemma_.lower())
    entity = entity_at(entities, token.idx, token.idx + len(token.text))
    if entity is None and token.pos_ == "NOUN":
        # "The UK defence minister, Tobias Ellwood, praised": the name in apposition
        for appos in _children(token, "appos"):
            apposed = entity_at(entities, appos.idx, appos.idx + len(appos.text))
            if apposed is not None and apposed.type in ("PERSON", "ORG"):
                entity = apposed
                break
    if entity is None and (token.lower_ in _PRONOUNS or token.pos_ == "NOUN"):
        entity = resolve_mention(doc, entities, token.i)
        if entity is not None and token.pos_ == "NOUN" and head_sector is None:
            entity = None
        if entity is not None and token.tag_ == "NNS" and entity.type == "PERSON":
            entity = None  # "regime forces", "officials": many, not the one person titled so
    left, right = _np_bounds(token)
    modifier_entity: Entity | None = None
    if entity is None:
        for index in sorted(range(left, right + 1), key=lambda i: abs(i - token.i)):
            if _stance_prefixed(doc[index]):
                continue
            found = entity_at(entities, doc[index].idx, doc[index].idx + len(doc[index].text))
            if found is not None and found.type not in _NOT_ACTOR_LABELS:
                modifier_entity = found
                break
    if (
        modifier_entity is not None
        and modifier_entity.type != "ORG"
        and not _names_actor(token, lexicon)
    ):
        # "Trump's approach", "the US economy", "UK efforts": a thing of the actor's, not one.
        modifier_entity = None
    if entity is None and modifier_entity is None:
        # "students in Indonesia", "members of the Association", "doctors from two American
        # aid groups": the actor's home or group.
        for pobj in _pobjs(token, _ACTOR_LOCATION_PREPOSITIONS):
            found = _entity_in_phrase(doc, entities, pobj)
            if found is not None:
                modifier_entity = found
                break
    if entity is None and modifier_entity is None and head_sector is not None:
        # "their forces", "its army", "his government": whose they are, when the possessive
        # pronoun resolves to an organisation, a country or a people named before
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None:
            found = resolve_mention(doc, entities, owner.i)
            # "its army" is a country's or an organisation's; "their" stands for a group
            owners = ("ORG", "GPE") if owner.lower_ == "its" else ("ORG", "NORP")
            if found is not None and found.type in owners:
                modifier_entity = found
    chosen = entity or modifier_entity
    country = _entity_country(chosen) if chosen else None
    if country is None and chosen is not None and chosen.type in ("GPE", "NORP"):
        # "Sri Lanka" when the actors data left the entity without a country
        term = countries().lookup(chosen.name, ("alias", "demonym"))
        country = term.alpha3 if term else None
    if country is None:
        country = _country_word(doc, left, right, lexicon)
    if country is None and chosen is None and home and head_sector in _STATE_SECTORS:
        # "CARACAS — Police said…": an office with no country of its own is of the dateline's
        country = home
    people = entity is None or entity.type == "NORP"
    if people and head_sector not in _STATE_SECTORS and _names_actor(token, lexicon):
        # "ethnic Albanians in south Serbia", "demonstrators in Baghdad": a group is coded with
        # the country it acts in (CAMEO), which beats the ethnic word.
        where: tuple[str, ...] = ("in", "throughout", "across", "inside")
        if entity is not None:
            where = (*where, "of")  # "the Albanians of southern Serbia"
        for pobj in _pobjs(token, where):
            located = _entity_in_phrase(doc, entities, pobj)
            place = _entity_country(located) if located else None
            place = place or _country_word(doc, *_np_bounds(pobj), lexicon)
            if place is not None:
                country = place
                break
    unnamed = token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ == ""
    if chosen is None and head_sector is None and country is None and unnamed:
        # an unnamed thing, or a capitalised word NER does not take for a name
        return None
    part_of_country = chosen is not None and chosen.type == "LOC" and country is not None
    if chosen is not None and chosen.type in _NOT_ACTOR_LABELS and not part_of_country:
        return None  # but "Western Cambodia" is a part of a country (see _refused_label)
    sector = head_sector if (entity is None and head_sector) else None
    if (
        entity is None
        and modifier_entity is not None
        and modifier_entity.type == "ORG"
        and modifier_entity.sector
        and (token.lemma_.lower() in _ROLE_HEADS or head_sector == "military")
    ):
        # "Red Cross officials", "Amnesty spokesman", "Hamas leaders": people speaking for an
        # organisation act in its sector, not in government's; so do its fighters ("Isis
        # fighters" are an armed group's, "Nato forces" an international organisation's)
        sector = modifier_entity.sector
    sector = sector or (chosen.sector if chosen else None)
    if chosen is not None and chosen.type == "PERSON" and country is None:
        # "U.N. mediator Diego Cordovez", "Arab League Secretary-General Chedli Klibi"
        for title in chosen.titles:
            if _organisation_sector(title.text, lexicon) == "international_organisation":
                sector = "international_organisation"
                break
    if chosen is not None and chosen.type in ("ORG", "NORP"):
        named = _organisation_sector(chosen.name, lexicon)
        if sector is None or (named == "international_organisation" and country is None):
            # "European Community foreign ministers", "U.N. war crimes court": they act for
            # the international organisation.
            sector = named or sector
    if entity is not None and entity.mentions:
        mention = min(
            entity.mentions,
            key=lambda m: 0 if m.start <= token.idx < m.end else abs(m.start - token.idx),
        )
        inside = mention.start <= token.idx < mention.end
        span = mention if inside else _token_span(doc, left, right)
    else:
        span = _token_span(doc, left, right)
    name = chosen.name if entity is not None and chosen else span.text_of(text)
    people = entity is not None and entity.type == "NORP"
    people = people or (entity is None and token.pos_ == "NOUN" and _names_actor(token, lexicon))
    term = countries().lookup(token.text, ("demonym",)) if token.text[:1].isupper() else None
    people = people or term is not None or token.lower_ in lexicon.demonyms
    if entity is not None and entity.type == "GPE":
        people = False  # "the UK", "the US": a country, though "UK"/"US" also modify people
    return _Actor(name, span, chosen, country, sector, people)


# Head nouns for people who speak or act for the organisation that modifies them ("Red Cross
# officials", "UN envoy"): the organisation's sector is theirs. Their own sector in
# event_grammar.toml (government for "official", "leader") holds only with no organisation.
_ROLE_HEADS = frozenset(
    {
        "official", "leader", "spokesman", "spokeswoman", "spokesperson", "representative",
        "delegation", "delegate", "envoy", "member", "chief", "head", "president",
    }
)  # fmt: skip

# Words that stand for a share of a group ("hundreds of protesters", "one third of the
# guerrillas", "a group of diplomats"): the group named by their "of" phrase acts.
_PARTITIVE_WORDS = frozenset(
    {
        "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
        "third", "half", "quarter", "some", "many", "most", "all", "several", "group", "number",
        "score", "scores", "crowd", "band", "team", "contingent", "batch", "patch", "one", "two",
        "three", "majority", "minority", "handful", "tens",
    }
)  # fmt: skip
# Endings of plural nouns for people or groups ("fighters", "peacekeepers", "loyalists",
# "Palestinians", "militants"), accepted for a head noun that a demonym or name modifies.
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "men", "ees")


def _entity_country(entity: Entity) -> str | None:
    """An entity's country, or for a capital named as a place ("arrived in Amman") its
    country."""
    if entity.country is None and entity.type == "GPE":
        term = countries().lookup(entity.name, ("capital", "alias"))
        return term.alpha3 if term else None
    return entity.country


def _partitive_member(token: Token) -> Token | None:
    if token.lower_ not in _PARTITIVE_WORDS and token.pos_ != "NUM":
        return None
    for pobj in _pobjs(token, ("of",)):
        return pobj
    return None


def _names_actor(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a head noun names people or an organisation ("officials", "doctors", "youths",
    "militants", "government"), so that a demonym or name modifying it names their country."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = token.lemma_.lower()
    if lemma in lexicon.actor_nouns:
        return True
    words = title_words()
    key = word_key(lemma)
    if key in words.person_nouns or key in words.roles or key in words.organisation_nouns:
        return True
    lower = token.lower_
    return token.tag_ == "NNS" and lower.endswith(_PEOPLE_ENDINGS) and not lower.endswith("ments")


def _entity_in_phrase(doc: Doc, entities: tuple[Entity, ...], token: Token) -> Entity | None:
    left, right = _np_bounds(token)
    for index in sorted(range(left, right + 1), key=lambda i: abs(i - token.i)):
        found = entity_at(entities, doc[index].idx, doc[index].idx + len(doc[index].text))
        if found is not None and found.type not in _NOT_ACTOR_LABELS:
            return found
    return None


# Sectors of state office: a person or role noun of these sectors with no country of its own may
# take the country of the other side of the event (see _domestic_countries).
_STATE_SECTORS = frozenset({"government", "military", "police", "judiciary", "legislature"})


# Sectors that act across borders: a government or army of one country meets, threatens and
# fights another's (a court, a police force or a parliament acts at home).
_FOREIGN_SECTORS = frozenset({"government", "military", "international_organisation"})
_DOMESTIC_SECTORS = frozenset({"judiciary", "police", "legislature"})
# Sectors of actors that act inside their own country: rebels, opposition, protesters, parties,
# courts — the official they act on or with is of that country.
_HOME_SECTORS = frozenset(
    {"rebel_criminal", "civil_society", "party", "judiciary", "police", "legislature", "religion"}
)


def _needs_country(actor: _Actor | None) -> bool:
    if actor is None or actor.country is not None or actor.sector == "international_organisation":
        return False
    if actor.entity is not None:
        return actor.entity.type == "PERSON"
    return actor.sector in _STATE_SECTORS


def _is_foreign_counterpart(actor: _Actor | None) -> bool:
    """A country itself or a person holding office: an actor that a leader meets or threatens
    across a border, so its country says nothing of the other side's."""
    if actor is None:
        return False
    if actor.entity is not None and actor.entity.type == "GPE":
        # a country acts across borders; a city named as a place ("in Baku") does not
        return countries().lookup(actor.entity.name, ("alias",)) is not None
    if actor.entity is not None and actor.entity.type == "PERSON" and actor.entity.titles:
        return True  # "South African leader F.W. de Klerk"
    return actor.sector in _FOREIGN_SECTORS


def _domestic_countries(
    source: _Actor | None, target: _Actor | None
) -> tuple[_Actor | None, _Actor | None]:
    """A person or official whose country the text does not give ("President Museveni", "the
    police") takes the country of the other side when that side acts at home: a rebel group,
    an opposition, protesters or a court of that country ("President Museveni banned Ugandan
    opposition candidates", "Rwandan rebels said President Kagame must", "an Argentine judge
    ordered former president Menem"), or when the official is a domestic institution (a judge,
    the police, a parliament). A country, a government, an army or an office holder on the other
    side says nothing ("President Bush threatened Russia"): such events cross borders. Other
    countries the sentence names are not used — in news they are as often the other party's as
    the actor's — so a leader's country that only world knowledge gives is left unknown."""

    def fill(actor: _Actor | None, other: _Actor | None) -> _Actor | None:
        if actor is None or other is None or other.country is None or not _needs_country(actor):
            return actor
        if actor.sector in _DOMESTIC_SECTORS:
            at_home = not _is_foreign_counterpart(other) or other.sector in _STATE_SECTORS
        else:
            at_home = other.sector in _HOME_SECTORS or (
                other.people and other.sector not in _STATE_SECTORS  # "Ugandan candidates"
            )
        if not at_home:
            return actor  # a country, a government, or a thing ("American intervention")
        return _Actor(
            actor.name, actor.span, actor.entity, other.country, actor.sector, actor.people
        )

    return fill(source, target), fill(target, source)


def _organisation_sector(name: str, lexicon: EventLexicon) -> str | None:
    words = tuple(re.findall(r"[\w.-]+", name.lower()))
    for phrase, sector in lexicon.organisation_words:
        size = len(phrase)
        if any(words[i : i + size] == phrase for i in range(len(words) - size + 1)):
            return sector
    return None


def _stance_prefixed(token: Token) -> bool:
    """ "pro-Iranian Hizbollah", "anti-Syria journalist": whom they are for or against, not
    their country."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _STANCE_PREFIXES


_STANCE_PREFIXES = frozenset({"pro", "anti", "non", "ex"})


def _dateline_country(doc: Doc, places: tuple[Place, ...]) -> str | None:
    """The country of an article's dateline ("CARACAS — ", "CÚCUTA, Colombia — "): a country or
    capital named before the dash, else the country of a place record there."""
    first = next((s for s in doc.sents if s.text.strip()), None)
    if first is None:
        return None
    dash = _dateline_end(first)
    if dash is None:
        return None
    words = [t for t in doc[first.start : dash] if t.is_alpha]
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(w.text for w in words[start : start + size])
            term = countries().lookup(phrase, ("alias", "capital")) or countries().lookup(
                phrase.title(), ("alias", "capital")
            )
            if term is not None:
                return term.alpha3
    end = doc[dash].idx
    for place in places:
        if place.span.end <= end and place.country:
            alpha3 = _alpha3_of_alpha2().get(place.country)
            if alpha3:
                return alpha3
    return None


def _place_country(actor: _Actor | None, places: tuple[Place, ...]) -> _Actor | None:
    """A city or town named as a target ("shells fired at Jericho", "a curfew in Cizre") whose
    country the actors data does not know takes the country of the place record at its span.
    Not used for a doer: a person's name NER takes for a city ("Kenzo Oshima demanded") would
    get the city's country, and a city that acts is nearly always a capital, which the
    actors data already knows."""
    if actor is None or actor.country is not None:
        return actor
    if actor.entity is None or actor.entity.type != "GPE":
        return actor
    for place in places:
        if place.span != actor.span or not place.country:
            continue
        if (place.population or 0) < PLACE_TARGET_MIN_POPULATION:
            continue  # "Felipe" read as a Mexican hamlet, "Sinai" as a village in Ecuador
        if not _same_name(_folded(place.name), _folded(actor.name)):
            continue  # "Felipe" resolved to "San Felipe Quiriceo": a guess, not the place named
        country = _alpha3_of_alpha2().get(place.country)
        if country:
            return _Actor(actor.name, actor.span, actor.entity, country, actor.sector, actor.people)
    return actor


# Sectors of actors coded with the country they act in when the text gives them none (CAMEO
# codes protesters, prisoners, rebels, parties and local police by where they are: "people
# blocked streets in Hong Kong" → HKG; "supporters blocked roads in Algiers" → DZA).
_LOCAL_SECTORS = frozenset(
    {"civil_society", "rebel_criminal", "party", "religion", "police", "judiciary", "legislature"}
)
# Head nouns of people defined by being away from home: where they are is not their country.
_DISPLACED_LEMMAS = frozenset(
    {
        "refugee", "exile", "migrant", "immigrant", "emigre", "expatriate", "expat", "tourist",
        "visitor", "foreigner", "deportee", "evacuee", "pilgrim", "diaspora",
    }
)  # fmt: skip
# Modifiers that make a demonym an ethnicity, not a nationality ("ethnic Albanians in Serbia").
_ETHNIC_WORDS = frozenset({"ethnic"})


def _place_alpha3(place: Place | None) -> str | None:
    """The country (alpha-3) of the place an event happens in, when the place record is sure
    enough: a country, or a place with a population the gazetteer knows to be a town (a hamlet
    that shares a common word's name is a guess)."""
    if place is None or not place.country:
        return None
    if place.feature != "country" and (place.population or 0) < PLACE_TARGET_MIN_POPULATION:
        return None
    return _alpha3_of_alpha2().get(place.country)


# Prepositions that say where something happens ("in Serbia", "near the border"). Not "at",
# which as often names what an act is aimed at ("fired missiles at Riyadh").
_LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "inside", "within", "throughout", "across", "near", "outside"}
)
# Links from a place name up to the preposition that locates it ("in East Timor's capital
# Dili": Dili is the capital's apposition; "in the city of Hebron": Hebron is its "of" object).
# Not a compound or adjective: "outside the US embassy" is not in the US.
_PLACE_LINKS = frozenset({"appos", "poss", "pobj"})
# Links from a locative phrase up to the event's verb that keep it in the event's own clause
# ("protesters in Nairobi blocked", "blocked roads in Nairobi", "threatened to impose a curfew
# in X", "a newspaper based in Beirut"); a relative or adverbial clause on the way ("refugees
# that had arrived in Greece") tells where something else happened.
_CLAUSE_LINKS = frozenset(
    {
        "prep", "pobj", "dobj", "obj", "nsubj", "nsubjpass", "appos", "attr", "dative", "agent",
        "xcomp", "acl",
    }
)  # fmt: skip
_LOCATIVE_STEPS = 6


def _located_at(doc: Doc, place: Place | None, event_heads: tuple[Token, ...]) -> bool:
    """Whether a place is named as where the event happens ("demonstrated IN Serbia",
    "protesters IN Nairobi blocked roads"): in a locative phrase of the event's own clause —
    not the aim or topic of an act ("warfare AGAINST the United States", "talks ON Syria"), and
    not where something else in the sentence happened."""
    if place is None:
        return False
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    preposition: Token | None = None
    for _ in range(MAX_CLAUSE_CLIMB):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPOSITIONS:
            preposition = head
            break
        if token.dep_ == "pobj" and head.lower_ != "of":
            return False
        if token.dep_ not in _PLACE_LINKS and not (token.dep_ == "prep" and token.lower_ == "of"):
            return False
        token = head
    if preposition is None:
        return False
    wanted = {t.i for t in event_heads}
    token = preposition
    for _ in range(_LOCATIVE_STEPS):
        if token.i in wanted:
            return True
        if token.dep_ not in _CLAUSE_LINKS or token.head.i == token.i:
            return False
        token = token.head
    return token.i in wanted


def _imposes_restriction(trigger: Token, complement: tuple[Token, TriggerEntry] | None) -> bool:
    """Whether the act imposes, extends or lifts a restriction on a place's people: a curfew, a
    state of emergency, martial law, a siege ("shortened the curfew imposed in Sudan",
    "threatened to institute a curfew in Algiers", "declared a state of siege in Haiti")."""
    heads = [trigger] if complement is None else [trigger, complement[0]]
    nouns = [
        noun for head in heads for noun in (head, *_children(head, "dobj", "nsubjpass", "attr"))
    ]
    nouns += [of for noun in nouns for of in _pobjs(noun, ("of",))]
    return any(noun.lemma_.lower() in _RESTRICTION_NOUNS for noun in nouns)


def _on_home_ground(
    actor: _Actor | None,
    token: Token | None,
    where: str,
    restriction: bool,
    lexicon: EventLexicon,
) -> _Actor | None:
    """An actor the text gives no country takes the country where the event happens, when it
    is of that place by its nature (CAMEO's convention, which PLOVER's gold data follows):
    unnamed people and groups that act where they live — protesters, prisoners, students,
    rebels, local police ("people blocked streets in Hong Kong"); ethnic groups, whose
    demonym is not their country ("ethnic Albanians demonstrated in Serbia"); and an official
    who imposes or lifts a curfew, a state of emergency or a siege, which only a place's own
    authority does ("President Omar El Bashir shortened the curfew imposed in Sudan").
    Never people defined by being away from home (refugees, exiles, visitors), never a named
    organisation other than a party or an armed group (an NGO or a company acts abroad), and
    never a leader's ordinary acts: "Biden spoke in Warsaw" does not make Biden Polish."""
    if actor is None or token is None or actor.sector == "international_organisation":
        return actor
    for _ in range(3):  # "hundreds of ethnic Hungarians": the members
        member = _partitive_member(token)
        if member is None:
            break
        token = member
    if token.lemma_.lower() in _DISPLACED_LEMMAS:
        return actor
    ethnic = any(c.lower_ in _ETHNIC_WORDS for c in token.children if c.dep_ == "amod")
    if actor.country is not None and not ethnic:
        return actor
    entity = actor.entity
    if entity is not None and entity.type == "PERSON":
        fits = restriction
    elif entity is not None and entity.type == "ORG":
        fits = actor.sector in ("party", "rebel_criminal")
    elif entity is not None and entity.type not in ("NORP",):
        fits = False
    else:  # an unnamed group, or a people named by its demonym
        fits = ethnic or (
            actor.sector in _LOCAL_SECTORS
            or (actor.people and actor.sector not in _STATE_SECTORS)
            or (restriction and actor.sector in _STATE_SECTORS)
        )
    if not fits or (ethnic and actor.country == where):
        return actor
    return _Actor(actor.name, actor.span, actor.entity, where, actor.sector, actor.people)


# Letters a transliteration may add at the end of a name ("Basra" / "Basrah").
_SPELLING_SLACK = 1


def _same_name(a: str, b: str) -> bool:
    """Two folded names of one place: equal, or spelt with a trailing letter more."""
    short, long = sorted((a, b), key=len)
    if a == b:
        return True
    return long.startswith(short) and len(long) - len(short) <= _SPELLING_SLACK and len(short) > 3


def _folded(name: str) -> str:
    """A name without accents, case or punctuation ("‘Afrīn" → "afrin", "Québec" → "quebec")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isalnum()).lower()


@cache
def _alpha3_of_alpha2() -> dict[str, str]:
    return {alpha2: alpha3 for alpha3, alpha2 in gazetteer().alpha2_of_alpha3.items()}


def _names_no_other_country(sentence: SpacySpan, home: str, lexicon: EventLexicon) -> bool:
    """Whether a sentence names no country but the dateline's (so that its unnamed officials
    can only be that country's)."""
    for token in sentence:
        if token.ent_type_ in ("GPE", "NORP") or (
            token.text[:1].isupper() and token.lower_ in lexicon.demonyms
        ):
            term = countries().lookup(token.text, ("alias", "demonym", "capital"))
            if term is not None and term.alpha3 != home:
                return False
    return True


def _country_word(doc: Doc, left: int, right: int, lexicon: EventLexicon) -> str | None:
    """A country name or demonym among the tokens, names of several words first ("North
    Korean exports" is North Korea's, not Korea's)."""
    for index in range(left, right + 1):
        token = doc[index]
        if token.text[:1].isupper() and not _stance_prefixed(token):
            for size in (3, 2):
                if index + size - 1 <= right:
                    phrase = doc[index : index + size].text
                    term = countries().lookup(phrase, ("alias", "demonym"))
                    if term is not None:
                        return term.alpha3
            term = countries().lookup(token.text, ("alias", "demonym"))
            if term is not None:
                return term.alpha3
            extra = lexicon.demonyms.get(token.lower_)
            if extra is not None:
                return extra
    return None


def _token_span(doc: Doc, left: int, right: int) -> Span:
    while left < right and (doc[left].is_punct or doc[left].lower_ in ("the", "a", "an")):
        left += 1
    return Span(doc[left].idx, doc[right].idx + len(doc[right].text))


def _same_actor(a: _Actor, b: _Actor) -> bool:
    """Whether two arguments name one actor: the same words, or the same entity named,
    referred to or modifying one of them ("Russia's foreign ministry" and "it" for Russia).
    Two groups an entity only modifies are different actors ("Palestinian police confiscated
    weapons from Palestinian armed groups")."""
    if a.span == b.span:
        return True
    if a.entity is not None and b.entity is not None:
        named = a.name == a.entity.name or b.name == b.entity.name
        return a.entity.id == b.entity.id and named
    return False


# --- modality -------------------------------------------------------------------------------


def _climb(token: Token) -> Iterator[Token]:
    """The token and the heads above it, up to MAX_CLAUSE_CLIMB links."""
    current = token
    yield current
    for _ in range(MAX_CLAUSE_CLIMB):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def _modality(
    trigger: Token,
    clause: Token,
    sentence: SpacySpan,
    published_year: int | None,
    quotes: tuple[Quote, ...],
    lexicon: EventLexicon,
    depth: int = 0,
) -> str:
    if trigger.i != clause.i and _names_existing(trigger):
        # "implored its sponsor to defend it FROM the Turkish incursion": the incursion is not
        # demanded; only the noun's own modifiers say it is to come
        if _future_noun(trigger, lexicon):
            return "future"
        historical = _historical(trigger, clause, published_year, quotes, lexicon)
        return "historical" if historical else "actual"
    if _hypothetical(clause, lexicon) or _questioned(trigger, sentence):
        return "hypothetical"
    subjected = _for_to_infinitive(clause, lexicon)
    if subjected is not None:
        return subjected
    unreal = _unreal_complement(clause, lexicon)
    if unreal is not None:
        return unreal
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & lexicon.hedge_modals and "have" not in auxiliaries:
        return "hypothetical"  # "might attack any day" (but "may have attacked" happened)
    if _demanded(trigger, clause, lexicon):
        return "demanded"
    if _future(trigger, clause, lexicon) or _awaited(trigger, clause, lexicon):
        return "future"
    governing = _governing_clause(clause)
    if governing is not None and depth < MAX_MODALITY_INHERITANCE:
        inherited = _modality(
            governing, governing, sentence, published_year, quotes, lexicon, depth + 1
        )
        if inherited in ("future", "demanded", "hypothetical"):
            # "vowed to sue to force Obama to BACK DOWN", "will meet and SIGN": a clause that
            # completes a planned, demanded or possible one is not done either
            return inherited
    if _historical(trigger, clause, published_year, quotes, lexicon):
        return "historical"
    return "actual"


# How many governing clauses an infinitive, purpose clause or conjunct takes its modality from
# ("vowed to sue to force Obama to back down" is two).
MAX_MODALITY_INHERITANCE = 3
# Prepositions that put an event noun in a verb's phrase as something that already exists
# ("defend it from the incursion", "sanctions over the invasion", "protest against the raid").
_EXISTING_PREPOSITIONS = frozenset({"from", "against", "over", "about"})


def _names_existing(noun: Token) -> bool:
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in _EXISTING_PREPOSITIONS
        and _is_verb(noun.head.head)
    )


def _governing_clause(clause: Token) -> Token | None:
    """The clause whose modality a clause shares: the verb an infinitive completes or serves
    (xcomp, purpose), and the first of conjoined verbs when the conjunct has no subject or
    auxiliary of its own."""
    head = clause.head
    if head.i == clause.i or not _is_verb(head):
        return None
    if head.lemma_.lower() in _ONGOING_VERBS:
        return None  # "will continue to impose sanctions": they are imposed now
    if clause.dep_ == "xcomp" or _is_purpose(clause):
        return head
    if (
        clause.dep_ == "conj"
        and clause.tag_ == "VB"  # "will meet and SIGN", not "will pursue X but REFUSED to"
        and not _children(clause, *_SUBJECT_DEPS, *_PASSIVE_SUBJECT_DEPS, "aux", "auxpass")
    ):
        return head
    return None


# Verbs whose complement is going on already ("will continue to impose sanctions").
_ONGOING_VERBS = frozenset({"continue", "keep", "remain", "persist"})


def _for_to_infinitive(clause: Token, lexicon: EventLexicon) -> str | None:
    """An infinitive with a subject of its own ("set a deadline FOR CANADA TO SIGN", "called
    for Iran to withdraw", "paved the way for X to attack"): demanded when a demand governs it
    (a verb of request or a noun of demand: deadline, ultimatum), else planned; never done."""
    marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)
    if not (marked and infinitive and _children(clause, *_SUBJECT_DEPS)):
        return None
    head = clause.head
    governors = [head, *_children(head, "dobj", "obj")]
    if any(
        g.lemma_.lower() in lexicon.demand_nouns or g.lemma_.lower() in lexicon.request_verbs
        for g in governors
    ):
        return "demanded"
    return "future"


def _awaited(trigger: Token, clause: Token, lexicon: EventLexicon) -> bool:
    """An event noun in the clause of a verb of waiting ("preparing for the inevitable: a
    ground invasion", "braced for an attack"): it is expected, not done."""
    return trigger.i != clause.i and clause.lemma_.lower() in lexicon.awaiting_verbs


def _questioned(trigger: Token, sentence: SpacySpan) -> bool:
    """An event asked about is not reported ("Will Iran accept?", "“Why are we fighting?”
    Trump asked"): a question mark after the trigger in its sentence."""
    return any(t.text == "?" for t in sentence.doc[trigger.i + 1 : sentence.end])


def _unreal_complement(clause: Token, lexicon: EventLexicon) -> str | None:
    """The modality an infinitive or clause takes from the word that governs it:

    * "is ready / willing / set to launch" → future (an intention, not a deed);
    * "is able / likely to strike" → hypothetical (a possibility);
    * "went to Cairo to mediate" (a purpose) → future;
    * "has not asked X to withdraw", "did not agree to release" → hypothetical: nothing was
      demanded or promised."""
    head = clause.head
    if head.i == clause.i:
        return None
    if clause.dep_ in ("xcomp", "ccomp") and head.pos_ == "ADJ":
        lemma = head.lemma_.lower()
        if lemma in lexicon.hypothetical_adjectives:
            return "hypothetical"
        if lemma in lexicon.future_adjectives or lemma in lexicon.intention_adjectives:
            return "future"
    if _is_purpose(clause):
        return "future"
    if clause.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in head.children):
        lemma = head.lemma_.lower()
        if lemma in lexicon.request_verbs or lemma in lexicon.intention_verbs:
            return "hypothetical"
    return None


def _is_purpose(clause: Token) -> bool:
    """ "opened the bridge TO ALLOW deliveries", "went to Cairo TO MEDIATE": an infinitive of
    purpose under a verb."""
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)
    return clause.dep_ == "advcl" and infinitive and _is_verb(clause.head)


def _under_speech(verb: Token, lexicon: EventLexicon) -> bool:
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in (
        lexicon.speech_verbs | {"warn", "announce", "report", "believe", "think", "expect"}
    )


def _hypothetical(clause: Token, lexicon: EventLexicon) -> bool:
    chain: list[Token] = []
    for token in _climb(clause):
        if any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in token.children):
            return True
        chain.append(token)
        if token.dep_ in ("ccomp", "ROOT"):
            break
    modal = any(
        c.dep_ == "aux" and c.lower_ in _CONSEQUENT_MODALS | lexicon.future_modals
        for token in chain
        for c in token.children
    )
    if modal and not any(_under_speech(t, lexicon) for t in chain):
        for token in chain:
            if any(
                m.dep_ == "mark" and m.lower_ == "if"
                for c in _children(token, "advcl")
                for m in c.children
            ):
                # "the regime will choose to restore it IF EMPOWERED": a consequence; a
                # reported conditional offer ("said they would meet him if …") stays an offer
                return True
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return bool(modals & lexicon.conditional_modals) and not _under_speech(clause, lexicon)


# Modals of a main clause whose "if" clause makes it a consequence, not a report ("will
# choose to restore X if empowered", "could strike if provoked").
_CONSEQUENT_MODALS = frozenset({"would", "could", "might", "may", "can", "should"})


def _demanded(trigger: Token, clause: Token, lexicon: EventLexicon) -> bool:
    lemma = clause.lemma_.lower()
    if any(
        c.dep_ in ("prt", "advmod") and c.lower_ in _GOING_ON_PARTICLES for c in clause.children
    ):
        return False  # "pressing ahead with its own talks", "pushed on with the plan": doing
    if (
        trigger.i != clause.i
        and lemma in lexicon.request_verbs
        and lemma not in lexicon.light_verbs
    ):
        return True  # "demanded a meeting" (but "ordered a mobilisation" is done)
    head = clause.head
    if head.i == clause.i or clause.dep_ not in ("xcomp", "ccomp"):
        return False
    if head.lemma_.lower() in lexicon.request_verbs:
        return True
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if head.lemma_.lower() == "need" and clause.dep_ == "xcomp":
        return True  # "they need to be prosecuted"
    return bool(modals & lexicon.obligation_modals) and head.lemma_.lower() in lexicon.speech_verbs


# Particles that turn a request verb into one of going on ("press ahead", "push on").
_GOING_ON_PARTICLES = frozenset({"ahead", "on", "forward"})


def _future_noun(trigger: Token, lexicon: EventLexicon) -> bool:
    """An event noun its modifiers put in the future: "the upcoming summit", "talks scheduled
    for June", "the dialogue congress scheduled this month" (the noun it is compound of)."""
    nouns = [trigger, trigger.head] if trigger.dep_ == "compound" else [trigger]
    return any(
        (c.dep_ == "amod" and c.lower_ in lexicon.future_noun_modifiers)
        or (
            c.dep_ == "acl"
            and c.tag_ == "VBN"
            and c.lemma_.lower() in lexicon.future_noun_participles
        )
        for noun in nouns
        for c in noun.children
    )


def _future(trigger: Token, clause: Token, lexicon: EventLexicon) -> bool:
    if trigger.i != clause.i and _future_noun(trigger, lexicon):
        return True
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in lexicon.future_modals for a in auxiliaries):
        return True
    if any(a.lower_ == "would" for a in auxiliaries) and _under_speech(clause, lexicon):
        return True
    head = clause.head
    if clause.dep_ == "xcomp" and head.i != clause.i:
        lemma = head.lemma_.lower()
        if lemma in lexicon.future_verbs or head.lower_ in ("going", "about"):
            return True
    return False


def _historical(
    trigger: Token,
    clause: Token,
    published_year: int | None,
    quotes: tuple[Quote, ...],
    lexicon: EventLexicon,
) -> bool:
    sentence = trigger.sent
    if (
        published_year is not None
        and len(sentence) > 2
        and _YEAR.fullmatch(sentence[0].text)
        and sentence[1].text == ":"
        and int(sentence[0].text) < published_year
    ):
        return True  # a timeline entry: "2000: Loses referendum, militias invade farms"
    if any(c.dep_ == "advmod" and c.lower_ in lexicon.historical_adverbs for c in clause.children):
        return True  # "Russia has previously vetoed", "once backed"
    if _dated_above(clause, published_year):
        return True
    for token in _clause_tokens(clause):
        lower = token.lower_
        if lower in lexicon.historical_prepositions and token.dep_ == "prep":
            return True
        if (
            lower == "for"
            and token.dep_ == "prep"
            and any(g.lower_ in lexicon.historical_units for g in token.children)
        ):
            return True
        if token.ent_type_ == "DATE" and published_year is not None:
            if lower.startswith(("pre-", "post-")):
                continue  # "its pre-2011 autonomy" describes a thing, it dates no event
            year = _YEAR.search(token.text)
            if year and int(year.group(1)) < published_year:
                return True
    if clause.dep_ in ("relcl", "advcl") and published_year is not None:
        # "echoes of 2003, when Turkey refused …": the clause tells what happened in that year
        head = clause.head
        year = _YEAR.search(head.text) if head.ent_type_ == "DATE" else None
        if year and int(year.group(1)) < published_year:
            return True
    clause_text = " ".join(t.lower_ for t in _clause_tokens(clause))
    if any(phrase in clause_text for phrase in lexicon.historical_phrases):
        return True
    auxiliaries = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    past_perfect = "had" in auxiliaries and clause.tag_ == "VBN"
    return (
        past_perfect
        and _quote_holding(quotes, trigger.idx) is None
        and not _under_speech(clause, lexicon)
    )


def _earlier_year(tokens: Iterable[Token], published_year: int) -> bool:
    for token in tokens:
        if token.ent_type_ == "DATE" and not token.lower_.startswith(("pre-", "post-")):
            year = _YEAR.search(token.text)
            if year and int(year.group(1)) < published_year:
                return True
    return False


def _dated_above(clause: Token, published_year: int | None) -> bool:
    """A participle, infinitive or conjunct in the past whose governing clause is dated to an
    earlier year ("visited Iraqi Kurdistan in 2015, meeting British troops HELPING to train
    local fighters"); a clause in the present or future has its own time."""
    if published_year is None or clause.tag_ in ("VBZ", "VBP", "MD"):
        return False
    if any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "MD") for c in clause.children):
        return False
    current = clause
    for _ in range(MAX_CLAUSE_CLIMB):
        if current.dep_ in ("ccomp", "parataxis", "ROOT") or current.head.i == current.i:
            return False
        current = current.head
        if _is_verb(current) and _earlier_year(_clause_tokens(current), published_year):
            return True
    return False


def _clause_tokens(clause: Token) -> Iterator[Token]:
    """The clause of a verb: its subtree without the clauses nested in it."""
    stack = [clause]
    while stack:
        current = stack.pop()
        yield current
        for child in current.children:
            if child.dep_ in _CLAUSE_DEPS and _is_verb(child):
                continue
            stack.append(child)


# Determiners that deny a clause through its subject.
_NEGATIVE_DETERMINERS = frozenset({"neither", "no"})


def _negated(trigger: Token, clause: Token, lexicon: EventLexicon) -> bool:
    for token in {trigger.i: trigger, clause.i: clause}.values():
        for child in token.children:
            if child.dep_ == "neg" or (
                child.dep_ == "det" and child.lower_ == "no" and token.i == trigger.i
            ):
                return True
    # "wasn't willing to ACCEPT", "not to help … or ASSIST": a "not" on the verb or adjective
    # that governs the clause through a complement or a conjunction.
    current = clause
    for _ in range(MAX_CLAUSE_CLIMB):
        if current.dep_ not in ("xcomp", "acomp", "conj") or current.head.i == current.i:
            break
        current = current.head
        if any(c.dep_ == "neg" for c in current.children):
            return True
    for subject in _children(clause, "nsubj", "nsubjpass"):
        if any(
            c.dep_ in ("det", "preconj") and c.lower_ in _NEGATIVE_DETERMINERS
            for c in subject.children
        ):
            return True  # "Neither Russia nor China attacked", "no country has recognised it"
    head = clause.head
    if clause.dep_ == "pcomp" and head.lower_ == "without":
        return True  # "without Russia agreeing", "left without meeting"
    if clause.dep_ in ("xcomp", "dobj") and clause.tag_ == "VBG" and _rules_out(head):
        return True  # "ruled out sending ground troops", "excluded sending"
    return (
        clause.dep_ == "xcomp"
        and head.i != clause.i
        and head.lemma_.lower() in lexicon.failure_verbs
    )


# Verbs that exclude what their gerund names ("ruled out sending troops", "rejected holding
# talks").
_EXCLUDING_VERBS = frozenset({"exclude", "reject", "oppose", "resist", "forswear", "renounce"})


def _asks(sentence: SpacySpan, trigger: Token, quotes: tuple[Quote, ...]) -> bool:
    """A question the writer asks: a sentence ending in "?" outside any quote (a quoted
    question is the speaker's, and the quote records it)."""
    last = next((t for t in reversed(sentence) if not t.is_space and not t.is_quote), None)
    if last is None or last.text != "?":
        return False
    return not any(q.span.start <= trigger.idx < q.span.end for q in quotes)


def _rules_out(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in _EXCLUDING_VERBS


def _hedged(trigger: Token, clause: Token, lexicon: EventLexicon) -> bool:
    if any(c.dep_ == "amod" and c.lower_ in lexicon.hedge_noun_modifiers for c in trigger.children):
        return True
    for position, token in enumerate(_climb(clause)):
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in lexicon.hedge_adverbs:
                return True
            if position == 0 and child.dep_ == "aux" and child.lower_ in lexicon.hedge_modals:
                return True
        if (
            position > 0
            and token.lemma_.lower() in lexicon.raising_verbs
            and (clause.dep_ == "xcomp" or _children(token, "nsubjpass"))
        ):
            return True
        if token.lemma_.lower() in lexicon.accusation_verbs and position > 0:
            # "accused X of ATTACKING", "suspected of ...", "charged with ..."
            return True
        if token.dep_ in ("ROOT", "ccomp"):
            break
    return False


# --- assertion, time, place -----------------------------------------------------------------


def _quote_holding(quotes: tuple[Quote, ...], position: int) -> Quote | None:
    holding = [q for q in quotes if q.span.start <= position < q.span.end]
    if not holding:
        return None
    return min(holding, key=lambda q: q.span.end - q.span.start)


def _asserting_quote(
    doc: Doc, quotes: tuple[Quote, ...], trigger: Token, entities: tuple[Entity, ...]
) -> Quote | None:
    """The innermost quote whose words hold the event: a direct or partial quote that contains
    the trigger, or reported speech whose cue governs the trigger's clause ("officials SAID
    Venezuela has deployed"; "according to X"). Reported speech whose cue does not govern the
    trigger ("Ordaz ordered a mobilisation, calling the approach ... a threat") does not make
    the trigger's event the speaker's claim."""
    position = trigger.idx
    holding = sorted(
        (q for q in quotes if q.span.start <= position < q.span.end),
        key=lambda q: q.span.end - q.span.start,
    )
    silent = {e.id for e in entities if e.type in _NOT_ACTOR_LABELS}
    for quote in holding:
        if quote.speaker in silent:
            continue  # a place or a date does not speak ("the standoff in the Caribbean shows")
        if quote.kind != "indirect" or quote.cue is None:
            return quote
        cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if cue is None:
            continue
        low, high = sorted((trigger.idx, cue.start_char))
        if "\n\n" in doc.text[low:high]:
            continue  # a parse that runs over a paragraph break joins two reports
        if cue.text.lower().startswith("according") or _reported_under(trigger, cue.root):
            return quote
    return None


def _reported_under(trigger: Token, cue: Token) -> bool:
    """Whether the trigger stands in the content of a speech verb: the link from the verb
    towards the trigger is a complement clause ("said [that] X did"), a quoted clause or the
    verb's object ("announced the deployment")."""
    current = trigger
    while current.head.i != current.i:
        if current.head.i == cue.i:
            return current.dep_ in _CONTENT_DEPS
        current = current.head
    return False


def _year_of(published: str | None) -> int | None:
    if published and len(published) >= 4 and published[:4].isdigit():
        return int(published[:4])
    return None


def _clause_range(clause: Token, trigger: Token) -> tuple[int, int]:
    tokens = list(_clause_tokens(clause)) + list(trigger.subtree)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _nearest_inside(spans: list[tuple[Span, int]], start: int, end: int, anchor: int) -> int | None:
    """The ``index`` of the span inside [start, end) nearest to ``anchor``, or None."""
    inside = [
        (abs(span.start - anchor), index)
        for span, index in spans
        if start <= span.start and span.end <= end
    ]
    return min(inside)[1] if inside else None


def _date(
    doc: Doc,
    clause: Token,
    trigger: Token,
    dates: tuple[DateRef, ...],
    modality: str,
    published: str | None,
) -> tuple[str | None, Span | None, str | None]:
    """(value, span, source) of the event's date: a date in its clause, else the publication
    date for an actual event."""
    if dates:
        start, end = _clause_range(clause, trigger)
        # Durations ("for five years") and sets ("every week") do not date an event.
        spans = [(d.span, i) for i, d in enumerate(dates) if d.kind == "date"]
        index = _nearest_inside(spans, start, end, trigger.idx)
        if index is not None:
            found = dates[index]
            return found.value, found.span, "text"
    if modality == "actual" and published:
        return published[:10], None, "publication"
    return None, None, None


# An event dated to a period that ended more than this many days before publication is
# background, not the news of the day (the issue's "background is not news"; a month keeps
# "last week" and "earlier this month" as news).
BACKGROUND_DAYS = 31


def _dated_before(dates: tuple[DateRef, ...], span: Span | None, published: str | None) -> bool:
    """Whether the date found in the event's clause ends more than BACKGROUND_DAYS before the
    publication date."""
    if span is None or not published:
        return False
    found = next((d for d in dates if d.span == span), None)
    if found is None or not found.end:
        return False
    try:
        ends = datetime.date.fromisoformat(found.end[:10])
        issued = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (issued - ends).days > BACKGROUND_DAYS


def _place(doc: Doc, clause: Token, trigger: Token, places: tuple[Place, ...]) -> Place | None:
    if not places:
        return None
    start, end = _clause_range(clause, trigger)
    spans = [(p.span, i) for i, p in enumerate(places)]
    index = _nearest_inside(spans, start, end, trigger.idx)
    return places[index] if index is not None else None
