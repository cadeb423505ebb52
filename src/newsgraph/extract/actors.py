"""Actors: the named entities of an article, each mention grouped, with titles and affiliation.

Pure functions of the parsed ``Doc``::

    extract_actors(doc) -> tuple[Entity, ...]
    resolve_mention(doc, entities, token_index) -> Entity | None   # "she", "the spokeswoman"
    entity_at(entities, start, end) -> Entity | None

**Mentions** are spaCy's NER spans (numbers, dates and money are not entities), cleaned: a
leading "the", honorifics ("Ms Hewitt" → "Hewitt"), titles tagged inside a name ("Sen. Ted
Cruz"), a trailing possessive and stray quote marks are left out of the mention, and a span that
runs over a bracket, slash or comma ("World Health Organization (WHO)") is two mentions.

**Grouping**

* People. A full name joins an earlier one with the same surname and first name (or one it
  extends: "López Obrador"; "Jr." stays apart); a single name ("Maduro", "Ms Hewitt") joins the
  person with that surname — else that first name — mentioned most recently, of the gender an
  honorific tells; a surname seen before any full name waits for the first full name with it.
  Two people who share a surname stay apart; a later bare surname goes to the one mentioned last.
* Countries. Names and aliases ("the U.S.", "US", "America") are one entity per ISO 3166
  country, named by its English name. A capital is the country when it acts ("Washington
  warned", "talks with Beijing") and a place of its own when it is a place ("in Beijing").
  Demonyms ("Venezuelan", "Americans") are NORP entities with that country.
* Seats of power ("the Kremlin", "the White House", "Downing Street") are institutions of their
  own, with the country and sector of the data file.
* Organisations. The same name (a company's legal form aside); a shorter form that ends the
  name ("the Foreign Ministry" after "the Chinese Foreign Ministry"); an acronym of the name
  ("WHO", "Nato"); and a definite noun phrase whose head is the head of the name ("the ministry")
  are one entity. A country word that NER left out of a name ("Chinese" + "Foreign Ministry") is
  put back.
* The same name tagged with two labels ("Labour" as ORG and as PERSON) is one entity.

**Titles** come from the words before a name that depend on it ("White House Press Secretary
Karoline Leavitt", "Secretary of State Marco Rubio", "dictator Nicolás Maduro") and from
appositives on either side ("Diosdado Cabello, the country's interior minister,"; "China's
ambassador to Venezuela, Lan Hu,"). For a person the head of the title must be a noun for a
person (``data/titles.toml``). A title holding an evaluative label ("dictator", "regime",
"terrorist") is the outlet's characterisation, ``by_outlet: true`` — unless it stands inside
quotation marks, where it is the quoted speaker's.

**Affiliation.** ``country`` (ISO alpha-3) comes from a title ("China's ambassador", "Venezuelan
President"; "the country's interior minister" → the country named last), from the organisation
a title names, from a country that owns the name ("Venezuela's Maduro"), or from an
organisation's own name ("U.S. Navy") — never from "ambassador *to* Venezuela" nor from the
subject of a "China economist". ``sector`` comes from the head of a title ("interior minister"
→ government), else from the organisation it names, else from other keywords
(``data/sectors.toml``). ``affiliation`` is the name of the organisation a person's title names:
one after the head ("correspondent for X") before one in front of it ("Pentagon spokesman" →
"Pentagon").

Limits: a title is only found next to a mention ("Rubio is the secretary of state" gives none);
common nouns that refer to actors ("officials", "state media") are not entities; pronouns are
resolved on request only (``resolve_mention``), by recency and gender, without a coreference
model; a person's gender is known only from honorifics and gendered titles, so "Mrs Clinton"
after "Hillary Clinton ... Bill Clinton" goes to the one mentioned last; errors of the small
spaCy model (a town tagged PERSON, a name split in two) are repaired only where a rule above
covers them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Token

from newsgraph.extract._actor_dictionary import ActorDictionary
from newsgraph.extract._lexicon import (
    CountryKind,
    CountryTerm,
    Gender,
    countries,
    first_name_gender,
    match_phrases,
    name_key,
    sector_words,
    title_words,
    word_key,
    words_of,
)
from newsgraph.records import Entity, Span, Title

EXTRACTOR = "newsgraph.actors.v1"
REQUIRES = frozenset({"doc.ents", "token.dep", "token.head"})

# spaCy labels that name things. Numbers, dates and money are amounts/dates, not entities.
ENTITY_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "EVENT",
        "LAW",
        "PRODUCT",
        "WORK_OF_ART",
        "LANGUAGE",
    }
)

# A capital that is the object of one of these prepositions is a place ("in Beijing"); in another
# argument position it stands for the government ("talks with Beijing", "Beijing said").
LOCATIVE_PREPOSITIONS = frozenset(
    {
        "across",
        "around",
        "at",
        "from",
        "in",
        "inside",
        "into",
        "near",
        "outside",
        "through",
        "throughout",
        "to",
        "toward",
        "towards",
        "via",
        "within",
    }
)
GOVERNMENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "dative", "appos", "attr"})
# Prepositions whose object is part of an appositive title ("ambassador to Venezuela").
TITLE_PREPOSITIONS = frozenset({"of", "for", "to", "at", "on", "in"})
# Within a title, only the object of "of" tells the holder's country ("President of Venezuela");
# "ambassador to Venezuela" is someone else's ambassador ...
COUNTRY_PREPOSITIONS = frozenset({"of"})
# ... and an "ambassador to the UN" does not work for the UN.
NOT_AFFILIATION_PREPOSITIONS = frozenset({"to"})
# Longest title kept, in tokens: a longer chain of words before a name is cut at the left.
TITLE_MAX_TOKENS = 12
# Longest prepositional phrase kept inside an appositive title.
TITLE_PREP_MAX_TOKENS = 8
# Longest evaluative label, in words ("so-called").
EVALUATIVE_MAX_WORDS = 2
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de"})
ACRONYM_MIN_LETTERS, ACRONYM_MAX_LETTERS = 2, 6
# An acronym written like a word ("Nato", "Fema") is taken only from this many letters on.
MIXED_CASE_ACRONYM_MIN_LETTERS = 3
# Nouns that stand for the last country named when they own a title ("the country's minister").
COUNTRY_NOUNS = frozenset({"country", "nation"})

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_POSSESSIVE_MARKERS = frozenset({"'s", "’s", "'", "’"})
# Punctuation inside an NER span that separates two names ("Rourke/AP", "Rockport, Mr Pence").
_SPLITTERS = frozenset({"(", ")", "/", ",", ";", ":", "|", "•", "·", '"', "“", "”", "[", "]"})
_DASHES = frozenset({"-", "–", "—", "--"})  # a dash between spaces: "MPs - Keith Vaz"
_BREAKS = frozenset({",", ";", ":", "(", ")", '"', "“", "”", "—", "–", "|", "•"})
_QUOTE_CHARS = "\"'“”‘’«»"
_PRONOUNS = frozenset({"i", "he", "she", "it", "we", "they", "you", "me", "him", "her", "us"})

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})

GroupKind = Literal["person", "country", "seat", "org", "norp", "place", "other"]
_KIND_OF_LABEL: dict[str, GroupKind] = {"PERSON": "person", "ORG": "org", "NORP": "norp"}


# --- public API -----------------------------------------------------------------------------


def extract_actors(
    doc: Doc, dictionary: ActorDictionary | None = None, published: str | None = None
) -> tuple[Entity, ...]:
    """Entities in order of first mention, ids ``E1``, ``E2``…; stable for a given text.

    With a user's actor ``dictionary``, an entity the text leaves without a country or sector
    takes them from the dictionary's code valid on the ``published`` date (see
    :mod:`newsgraph.extract._actor_dictionary`)."""
    mentions = [m for ent in doc.ents for m in _mentions(doc, ent.start, ent.end, ent.label_)]
    mentions = _join_split_names(doc, _merge_country_prefixes(doc, mentions))
    groups = _group(doc, mentions)
    groups = _merge_same_names(doc, groups)
    _add_definite_mentions(doc, groups)
    groups = _merge_acronyms(doc, groups)
    owner = _owners(doc, groups)
    for group in groups:
        if group.kind in ("person", "org", "seat"):
            group.titles = _titles(doc, group, owner)
    groups = _drop_offices(doc, groups)
    owner = _owners(doc, groups)
    # Organisations first: people take their country and sector from them.
    for group in sorted(groups, key=lambda g: g.kind == "person"):
        if group.kind == "person":
            _affiliate_person(doc, group, owner, groups)
        elif group.kind in ("org", "seat", "norp"):
            _affiliate_organisation(doc, group, owner, groups)
    entities = _entities(doc, groups)
    if dictionary is None:
        return entities
    day = _publication_day(published)
    text = doc.text  # spaCy joins the whole text on each access: once per article
    return tuple(_coded(text, entity, dictionary, day) for entity in entities)


def entity_at(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)``, the longest overlap first."""
    best: Entity | None = None
    best_overlap = 0
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best


def person_genders(doc: Doc, entities: tuple[Entity, ...]) -> dict[str, Gender | None]:
    """Entity id → the gender its honorifics or titles tell, for every person of the article.
    Computed once per article, it spares :func:`resolve_mention` redoing it for every pronoun."""
    return {e.id: _entity_gender(doc, e) for e in entities if e.type == "PERSON"}


def resolve_mention(
    doc: Doc,
    entities: tuple[Entity, ...],
    token_index: int,
    genders: dict[str, Gender | None] | None = None,
) -> Entity | None:
    """The entity a speaker token stands for, or None when no rule finds one.

    * a token inside an entity's mention: that entity;
    * he/him/his, she/her: the most recent person mentioned before the token whose gender (from
      an honorific or a gendered title: Ms, Mr, spokeswoman…) does not contradict the pronoun;
    * it/its: the most recent organisation or country; they/them/their: the same, or a group
      (NORP);
    * a role noun ("the spokeswoman", "the minister"): the most recent person or organisation
      mentioned before it that has a title with that word.

    By recency alone, without syntax: in "Rubio told Maduro he would…", "he" is Maduro.
    """
    token = doc[token_index]
    start = token.idx
    inside = entity_at(entities, start, start + len(token.text))
    if inside is not None:
        return inside
    lower = token.lower_
    if lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS:
        wanted: Gender = "male" if lower in MALE_PRONOUNS else "female"
        if genders is None:
            genders = person_genders(doc, entities)
        recent = _most_recent(
            entities,
            start,
            lambda e: e.type == "PERSON" and genders.get(e.id) in (None, wanted),
        )
        if recent is None:
            return None
        subject = _parallel_subject(
            doc,
            entities,
            token,
            recent,
            lambda e: e.type == "PERSON" and genders.get(e.id) in (None, wanted),
        )
        if subject is not None:
            return subject
        if genders.get(recent.id) is not None:
            return recent
        # Of two people in the sentence named last, the one known to be "she" is "she".
        last = doc.char_span(*_last_mention_before(recent, start), alignment_mode="expand")
        if last is None:
            return recent
        known = _most_recent(
            entities,
            start,
            lambda e: genders.get(e.id) == wanted,
        )
        if known is not None and _last_mention_before(known, start)[0] >= last.sent.start_char:
            return known
        return recent
    if lower in THING_PRONOUNS:
        recent = _most_recent(entities, start, _is_organisation_or_country)
        if recent is None:
            return None
        # "Turkey sent troops into Syria … It has also supported rebels": it is Turkey. Only
        # for the subject of a main clause: in "because it wanted" or "groups it says are"
        # recency does better.
        if token.head.dep_ not in ("ROOT", "conj"):
            return recent
        subject = _parallel_subject(doc, entities, token, recent, _is_organisation_or_country)
        return subject if subject is not None else recent
    if lower in PLURAL_PRONOUNS:
        return _most_recent(
            entities, start, lambda e: _is_organisation_or_country(e) or e.type == "NORP"
        )
    if token.pos_ in ("NOUN", "PROPN"):
        role = word_key(token.text)
        return _most_recent(
            entities,
            start,
            lambda e: (
                e.type in ("PERSON", "ORG")
                and any(role in words_of(title.text) for title in e.titles)
            ),
        )
    return None


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _parallel_subject(
    doc: Doc,
    entities: tuple[Entity, ...],
    pronoun: Token,
    recent: Entity,
    fits: Callable[[Entity], bool],
) -> Entity | None:
    """For a pronoun that is a subject, the entity that ``fits`` it and is the subject of a
    clause before it in its sentence or the one before, when that is not the most recent one:
    "Obama will meet Abbas and Fayyad, and he will travel to Jordan" — he is Obama; "Turkey sent
    troops into Syria. It has also …" — it is Turkey (a subject pronoun keeps to the subject,
    the centering preference of coreference work). None when no such subject or when two
    fit."""
    if pronoun.dep_ not in _SUBJECT_DEPS:
        return None
    sentence = pronoun.sent
    first = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    window_start = doc[first].idx
    subjects: list[tuple[int, Entity]] = []
    for entity in entities:
        if not fits(entity):
            continue
        for mention in entity.mentions:
            if not window_start <= mention.start < pronoun.idx:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in _SUBJECT_DEPS:
                subjects.append((mention.start, entity))
    if not subjects:
        return None
    latest = max(subjects, key=lambda item: item[0])[1]
    if latest.id == recent.id:
        return None
    # the most recent one is not a subject; the latest subject wins only if it is the one
    # subject of the window (two different subjects leave the choice to recency)
    if len({entity.id for _, entity in subjects}) > 1:
        return None
    return latest


# --- mentions -------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Mention:
    start: int  # tokens [start, end)
    end: int
    label: str
    text: str  # doc.text[cstart:cend], quote marks and a sentence's full stop trimmed
    cstart: int
    cend: int
    words: tuple[str, ...]  # name words (word_key of each word token)
    honorific: Gender | None = None
    title_start: int = -1  # title words that NER put inside the name begin here
    definite: bool = False  # "the ministry": a noun phrase, not a name

    def __post_init__(self) -> None:
        if self.title_start < 0:
            self.title_start = self.start


def _make_mention(doc: Doc, start: int, end: int, label: str, **extra: object) -> _Mention | None:
    base = doc[start].idx
    raw = doc[start:end].text  # not doc.text: spaCy joins the whole text on each access
    first, last = 0, len(raw)
    while first < last and raw[first] in _QUOTE_CHARS:
        first += 1
    while last > first and raw[last - 1] in _QUOTE_CHARS:
        last -= 1
    final_word = raw[first:last].rsplit(None, 1)[-1] if last > first else ""
    # "George Floyd." at the end of a sentence; "U.S.", "Jr." and "Inc." keep their full stop.
    if final_word.endswith(".") and final_word.count(".") == 1 and len(final_word) > 4:
        last -= 1
    text = raw[first:last]
    cstart, cend = base + first, base + last
    if not text.strip() or not any(ch.isupper() for ch in text):
        return None
    words = tuple(
        key
        for i in range(start, end)
        if not doc[i].is_punct and (key := word_key(doc[i].text.strip(_QUOTE_CHARS)))
    ) or (name_key(text),)
    return _Mention(start, end, label, text, cstart, cend, words, **extra)  # type: ignore[arg-type]


def _mentions(doc: Doc, start: int, end: int, label: str) -> list[_Mention]:
    """The mentions in one NER span: split at brackets, slashes, commas and paragraph breaks."""
    if label not in ENTITY_LABELS:
        return []
    for index in range(start, end):
        token = doc[index]
        if (
            token.text in _SPLITTERS
            or (token.is_space and "\n" in token.text)
            or (
                token.text in _DASHES
                and token.whitespace_
                and index > start
                and doc[index - 1].whitespace_
            )
        ):
            return _mentions(doc, start, index, label) + _mentions(doc, index + 1, end, label)
        if (
            label != "PERSON"
            and token.tag_ == "POS"
            and start < index < end - 1
            and countries().lookup(_tokens_text(doc, start, index), ("alias",))
        ):  # "China's Ministry of Foreign Affairs": the country, then the ministry
            return _mentions(doc, start, index, "GPE") + _mentions(doc, index + 1, end, label)
    if label in ("GPE", "NORP") and start > 0:
        before = doc[start - 1]
        if (
            before.text[:1].isupper()
            and before.ent_iob_ == "O"
            and before.whitespace_
            and countries().lookup(_tokens_text(doc, start - 1, end), ("alias", "demonym"))
        ):  # "North" + "Korean"
            start -= 1
    lexicon = title_words()
    honorific: Gender | None = None
    while start < end:
        token = doc[start]
        key = word_key(token.text)
        if token.lower_ in _DETERMINERS or token.is_punct or token.is_space:
            start += 1
        elif key in lexicon.honorifics:
            honorific = honorific or lexicon.honorifics[key]
            start += 1
        elif label == "PERSON" and (
            not token.text[:1].isupper()  # "mug Kavanaugh": a name starts with a capital
            or countries().lookup(token.text, ("demonym",)) is not None  # "Londoners X"
        ):
            start += 1
        else:
            break
    while end > start and (
        doc[end - 1].text in _POSSESSIVE_MARKERS
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text != ".")
    ):
        end -= 1
    if end <= start:
        return []
    title_start = start
    if label == "PERSON":
        start = _after_name_titles(doc, start, end)
    if start > 0 and honorific is None:
        honorific = lexicon.honorifics.get(word_key(doc[start - 1].text))
    mention = _make_mention(doc, start, end, label, honorific=honorific, title_start=title_start)
    if mention is None:
        return []
    if label == "PERSON" and len(mention.words) == 1:
        word = mention.words[0]
        # "officials" tagged PERSON is a common noun; "Harper", "Carter", "Walker" (capitalised,
        # though "-er" makes them look like person nouns) are surnames
        common = lexicon.is_person_noun(_singular(word)) and mention.text[:1].islower()
        if word in _PRONOUNS or common:
            return []
        if any(ch.isdigit() for ch in mention.text) or (
            mention.text.isupper() and len(mention.text) > 1
        ):
            mention.label = "ORG"  # "G8", "ACPO": not people
    if len(mention.words) == 1 and _is_role_word(mention.words[0]):
        return []  # "MPs", "Senator": a role, not a name
    return [mention]


def _tokens_text(doc: Doc, start: int, end: int) -> str:
    return str(doc[start:end].text)


def _after_name_titles(doc: Doc, start: int, end: int) -> int:
    """Where the name starts after title words that NER put inside it: "Press Secretary Karoline
    Leavitt" → "Karoline Leavitt". A name that would be left as a suffix alone is not cut
    ("Martin Luther King Jr.")."""
    lexicon = title_words()
    cut = None
    for index in range(start, end - 1):
        key = word_key(doc[index].text)
        if (
            key in lexicon.name_titles
            or key in lexicon.roles
            or (key in lexicon.title_modifiers and doc[index].text[:1].isupper())
        ):
            cut = index
    if cut is None:
        return start
    rest = [word_key(doc[i].text) for i in range(cut + 1, end) if not doc[i].is_punct]
    if not rest or all(word in lexicon.name_suffixes for word in rest):
        return start
    start = cut + 1
    while start < end and doc[start].is_punct:
        start += 1
    return start


def _is_role_word(word: str) -> bool:
    lexicon = title_words()
    singular = _singular(word)
    return singular in lexicon.roles or singular in lexicon.name_titles


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2:
        return word[:-1]
    return word


def _merge_country_prefixes(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """ "Chinese" + "Foreign Ministry" → one organisation, "Chinese Foreign Ministry": NER often
    leaves the country word out of an organisation's name."""
    merged: list[_Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and mention.label == "ORG"
            and previous.label in ("NORP", "GPE")
            and previous.end == mention.start
            and doc[previous.end - 1].head.i in range(mention.start, mention.end)
            and countries().lookup(previous.text, ("alias", "demonym")) is not None
        ):
            joined = _make_mention(doc, previous.start, mention.end, "ORG")
            if joined is not None:
                merged[-1] = joined
                continue
        merged.append(mention)
    return merged


def _join_split_names(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """ "Sergey" (PERSON) + "Kislyak" (ORG) next to each other are one name when the other half
    is tagged PERSON elsewhere in the article."""
    person_words = {m.words[-1] for m in mentions if m.label == "PERSON"}
    joined: list[_Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.end == mention.start
            and "PERSON" in (previous.label, mention.label)
            and previous.label != mention.label
            and doc[previous.end - 1].whitespace_ != ""
        ):
            other = mention if previous.label == "PERSON" else previous
            if (
                len(other.words) == 1
                and other.words[0] in person_words
                and other.label not in ("GPE", "NORP")
            ):
                name = _make_mention(
                    doc, previous.start, mention.end, "PERSON", honorific=previous.honorific
                )
                if name is not None:
                    joined[-1] = name
                    continue
        joined.append(mention)
    return joined


def _root(doc: Doc, start: int, end: int) -> Token:
    for index in range(start, end):
        head = doc[index].head.i
        if head < start or head >= end or head == index:
            return doc[index]
    return doc[end - 1]


def _acts_as_government(token: Token) -> bool:
    """A capital in an argument position stands for the government; in "in Beijing" it is a
    place. Conjuncts take the position of the first conjunct ("Baghdad and Washington said")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ not in LOCATIVE_PREPOSITIONS
    return token.dep_ in GOVERNMENT_DEPS


# --- grouping -------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Title:
    start: int  # tokens of the title text, end exclusive
    end: int
    head: int
    scope_start: int  # includes a possessor left out of the text ("the country's")
    by_outlet: bool


@dataclass(slots=True, eq=False)
class _Group:
    kind: GroupKind
    mentions: list[_Mention] = field(default_factory=list)
    words: tuple[str, ...] = ()  # person: words of the fullest name
    gender: Gender | None = None
    country: str | None = None
    sector: str | None = None
    affiliation: _Group | None = None
    titles: list[_Title] = field(default_factory=list)
    name_words: list[tuple[str, ...]] = field(default_factory=list)  # organisations

    def last_start(self) -> int:
        return max(m.start for m in self.mentions)


def _surname(words: tuple[str, ...]) -> str:
    suffixes = title_words().name_suffixes
    core = [w for w in words if w not in suffixes] or list(words)
    return core[-1]


def _suffixes(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words) & title_words().name_suffixes


def _ends_with(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return len(longer) > len(shorter) and longer[-len(shorter) :] == shorter


class _People:
    """Grouping of person mentions by name (see the module docstring)."""

    def __init__(self, groups: list[_Group]) -> None:
        self.groups = groups
        self.people: list[_Group] = []

    def add(self, mention: _Mention) -> None:
        words = mention.words
        group = self._full(words) if len(words) > 1 else self._single(words[0], mention)
        if group is None:
            group = _Group("person", words=words)
            self.people.append(group)
            self.groups.append(group)
        elif len(words) > len(group.words):
            group.words = words
        group.mentions.append(mention)
        if mention.honorific and group.gender is None:
            group.gender = mention.honorific

    def _recent_first(self) -> list[_Group]:
        return sorted(self.people, key=_Group.last_start, reverse=True)

    def _full(self, words: tuple[str, ...]) -> _Group | None:
        surname = _surname(words)
        for person in self._recent_first():
            known = person.words
            if len(known) == 1 or _suffixes(known) != _suffixes(words):
                continue
            if known == words or (
                _surname(known) == surname
                and (known[0] == words[0] or _ends_with(known, words) or _ends_with(words, known))
            ):
                return person
        for person in self.people:  # a surname (or first name) seen before the full name
            if len(person.words) == 1 and person.words[0] in (surname, words[0]):
                return person
        return None

    def _single(self, word: str, mention: _Mention) -> _Group | None:
        """The person with this surname (else first name) whose name was last written with it:
        "Mr Blair" after "Sir Ian Blair ... Tony Blair ... Sir Ian" is Tony Blair."""

        def fits(person: _Group) -> bool:
            return not (mention.honorific and person.gender not in (None, mention.honorific))

        def last_with_word(person: _Group) -> int:
            return max((m.start for m in person.mentions if word in m.words), default=-1)

        for match in (
            lambda p: _surname(p.words) == word,
            lambda p: p.words[0] == word,
        ):
            found = [p for p in self.people if match(p) and fits(p)]
            if found:
                return max(found, key=last_with_word)
        return None


def _group(doc: Doc, mentions: list[_Mention]) -> list[_Group]:
    groups: list[_Group] = []
    people = _People(groups)
    keyed_groups: dict[tuple[str, str], _Group] = {}
    organisations = sector_words().organisations
    full_names = {
        word
        for m in mentions
        if m.label == "PERSON" and len(m.words) > 1 and name_key(m.text) not in organisations
        for word in (m.words[0], _surname(m.words))
    }

    def keyed(kind: GroupKind, key: str, mention: _Mention) -> _Group:
        group = keyed_groups.get((kind, key))
        if group is None:
            group = keyed_groups[(kind, key)] = _Group(kind)
            groups.append(group)
        group.mentions.append(mention)
        return group

    lexicon = countries()
    for mention in mentions:
        label, words = mention.label, mention.words
        if label in ("PERSON", "ORG", "NORP") and name_key(mention.text) in organisations:
            # "Labour", "Lib Dems" tagged PERSON: a known organisation whatever the label.
            if label == "NORP":
                keyed("norp", f"NORP:{name_key(mention.text)}", mention)
            else:
                _add_organisation(mention, groups, keyed_groups)
            continue
        known_person = len(words) <= 3 and (words[-1] in full_names or words[0] in full_names)
        country_name = lexicon.lookup(mention.text, ("alias",)) if len(words) > 1 else None
        if label == "PERSON" and country_name is not None:
            # "Sri Lanka", "Saudi Arabia" tagged PERSON: a country name of several words is
            # never a person's name (a one-word one may be: "Jordan", "Chad").
            keyed("country", country_name.alpha3, mention).country = country_name.alpha3
            continue
        if label == "PERSON" and (len(words) > 1 or known_person):
            people.add(mention)
            continue
        term: CountryTerm | None = None
        if label in ("GPE", "LOC", "ORG", "FAC", "NORP", "PERSON"):
            kinds: tuple[CountryKind, ...] = (
                ("alias", "seat", "demonym")
                if label == "NORP"
                else ("seat", "alias", "capital", "demonym")
            )
            term = lexicon.lookup(mention.text, kinds)
        if (
            term is not None
            and term.kind == "capital"
            and not _acts_as_government(_root(doc, mention.start, mention.end))
        ):
            if label != "PERSON":
                if mention.label == "LOC":
                    mention.label = "GPE"  # a capital is a city: GPE in OntoNotes, not LOC
                keyed("place", name_key(mention.text), mention)
                continue
            term = None
        if term is not None and term.kind in ("alias", "capital"):
            keyed("country", term.alpha3, mention).country = term.alpha3
        elif term is not None and term.kind == "seat":
            group = keyed("seat", name_key(mention.text), mention)
            group.country, group.sector = term.alpha3, term.sector
            group.name_words.append(words_of(mention.text))
        elif term is not None and term.kind == "demonym":
            keyed("norp", term.alpha3, mention).country = term.alpha3
        elif label == "PERSON" or (known_person and label != "GPE"):
            people.add(mention)
        elif label == "ORG":
            _add_organisation(mention, groups, keyed_groups)
        else:
            kind: GroupKind = "norp" if label == "NORP" else "other"
            keyed(kind, f"{label}:{name_key(mention.text)}", mention)
    return groups


def _organisation_words(text: str) -> tuple[str, ...]:
    """Words of an organisation's name without its legal form: "Goldman Sachs Group Inc."."""
    words = words_of(text)
    corporate = title_words().corporate_suffixes
    while len(words) > 1 and words[-1] in corporate:
        words = words[:-1]
    return words


def _add_organisation(
    mention: _Mention, groups: list[_Group], keyed_groups: dict[tuple[str, str], _Group]
) -> None:
    """Same name; a shorter form ending the name ("Foreign Ministry"); or the name with a country
    word before it ("Chinese Foreign Ministry" after "Foreign Ministry")."""
    words = _organisation_words(mention.text)
    key = " ".join(words)
    group = keyed_groups.get(("org", key))
    if group is None:
        candidates = sorted(
            (g for g in groups if g.kind == "org"), key=_Group.last_start, reverse=True
        )
        group = next(
            (
                candidate
                for candidate in candidates
                if any(
                    _ends_with(known, words) or _country_prefixed(known, words)
                    for known in candidate.name_words
                )
            ),
            None,
        )
    if group is None:
        group = _Group("org")
        groups.append(group)
    keyed_groups.setdefault(("org", key), group)
    group.mentions.append(mention)
    if words not in group.name_words:
        group.name_words.append(words)


def _country_prefixed(known: tuple[str, ...], words: tuple[str, ...]) -> bool:
    if not _ends_with(words, known):
        return False
    prefix = " ".join(words[: len(words) - len(known)])
    return countries().lookup(prefix, ("alias", "demonym")) is not None


def _merge_same_names(doc: Doc, groups: list[_Group]) -> list[_Group]:
    """One name tagged with two labels ("Labour" ORG and PERSON; "Tory" and "Tories") is one
    entity. People with a full name and countries are not merged this way."""
    mergeable = [
        g
        for g in groups
        if g.kind in ("org", "norp", "other") or (g.kind == "person" and len(g.words) == 1)
    ]
    by_key: dict[str, _Group] = {}
    for group in sorted(mergeable, key=lambda g: min(m.start for m in g.mentions)):
        keys = {_same_name_key(m.text) for m in group.mentions if not m.definite}
        target = next((by_key[k] for k in keys if k in by_key), None)
        if target is not None and target is not group:
            target.mentions = sorted(target.mentions + group.mentions, key=lambda m: m.start)
            target.name_words += [w for w in group.name_words if w not in target.name_words]
            target.country = target.country or group.country
            group.mentions = []
        else:
            target = group
        for key in keys:
            by_key.setdefault(key, target)
    organisations = sector_words().organisations
    for group in mergeable:
        if group.mentions and not any(name_key(m.text) in organisations for m in group.mentions):
            # The label given most often decides what the name is ("Labour": ORG 9, PERSON 2).
            label = Counter(m.label for m in group.mentions).most_common(1)[0][0]
            group.kind = _KIND_OF_LABEL.get(
                label, group.kind if group.kind != "person" else "other"
            )
            if group.kind == "org" and not group.name_words:
                group.name_words = [_organisation_words(m.text) for m in group.mentions[:1]]
    for group in groups:
        if group.mentions and group.kind == "person" and not group.words:
            group.words = group.mentions[0].words
    return [g for g in groups if g.mentions]


def _same_name_key(text: str) -> str:
    words = words_of(text)
    return " ".join((*words[:-1], _singular(words[-1]))) if words else ""


def _name_head(words: tuple[str, ...]) -> int:
    """Index of the head word of a name: the last word before "of"/"for" ("Bank of England")."""
    for index, word in enumerate(words):
        if index and word in ("of", "for", "on"):
            return index - 1
    return len(words) - 1


def _add_definite_mentions(doc: Doc, groups: list[_Group]) -> None:
    """ "the ministry" after "the Chinese Foreign Ministry": a definite noun phrase whose head
    noun is the head of the name of an organisation mentioned before it."""
    organisation_nouns = title_words().organisation_nouns
    heads: list[tuple[int, str, frozenset[str], _Group]] = []
    for group in groups:
        if group.kind != "org":
            continue
        for mention in group.mentions:
            words = words_of(mention.text)
            head = words[_name_head(words)] if words else ""
            if head in organisation_nouns and len(words) > 1:
                heads.append((mention.start, head, frozenset(words), group))
    if not heads:
        return
    heads.sort(key=lambda item: item[0])
    taken = {i for g in groups for m in g.mentions for i in range(m.start, m.end)}
    touched = set()
    for token in doc:
        if token.tag_ != "NN" or token.i in taken or not token.text[:1].islower():
            continue
        word = word_key(token.text)
        if word not in organisation_nouns:
            continue
        children = list(token.lefts)
        if not children or children[0].lower_ != "the" or children[0].dep_ != "det":
            continue
        candidates = [item for item in heads if item[0] < token.i and item[1] == word]
        if not candidates:
            continue
        _, _, name_words, group = candidates[-1]
        if any(word_key(child.text) not in name_words for child in children[1:]):
            continue
        start = children[0].i
        if any(i in taken for i in range(start, token.i + 1)):
            continue
        phrase = _make_mention(doc, start, token.i + 1, "ORG", definite=True)
        if phrase is None:  # all lower case: made by hand
            phrase = _Mention(
                start,
                token.i + 1,
                "ORG",
                _tokens_text(doc, start, token.i + 1),
                doc[start].idx,
                token.idx + len(token.text),
                (word,),
                definite=True,
            )
        group.mentions.append(phrase)
        touched.add(id(group))
    for group in groups:
        if id(group) in touched:
            group.mentions.sort(key=lambda m: m.start)


def _initials(words: tuple[str, ...]) -> set[str]:
    content = [w for w in words if w not in ACRONYM_STOPWORDS]
    found = set()
    if len(content) >= 2:
        found.add("".join(w[0] for w in content))
    # "US Federal Emergency Management Agency" is also "Fema".
    for size in (1, 2):
        rest = content[size:]
        if len(rest) >= 2 and countries().lookup(" ".join(content[:size]), ("alias",)):
            found.add("".join(w[0] for w in rest))
    return found


def _merge_acronyms(doc: Doc, groups: list[_Group]) -> list[_Group]:
    """ "WHO" and "World Health Organization", in either order, are one organisation; so are
    "Nato" and "North Atlantic Treaty Organisation" when the letters match."""
    organisations = [g for g in groups if g.kind in ("org", "seat")]
    by_initials: dict[str, list[_Group]] = {}
    for group in organisations:
        for words in group.name_words:
            for initials in _initials(words):
                by_initials.setdefault(initials, []).append(group)
    for group in organisations:
        for mention in group.mentions:
            word = name_key(mention.text).replace(" ", "")
            if not (
                len(mention.words) == 1
                and ACRONYM_MIN_LETTERS <= len(word) <= ACRONYM_MAX_LETTERS
                and word.isalpha()
                and (mention.text.isupper() or len(word) >= MIXED_CASE_ACRONYM_MIN_LETTERS)
            ):
                continue
            targets = {id(g): g for g in by_initials.get(word, []) if g is not group}
            if len(targets) == 1:
                [target] = targets.values()
                target.mentions = sorted(target.mentions + group.mentions, key=lambda m: m.start)
                target.name_words += group.name_words
                group.mentions = []
                break
    return [g for g in groups if g.mentions]


def _owners(doc: Doc, groups: list[_Group]) -> list[_Group | None]:
    owner: list[_Group | None] = [None] * len(doc)
    for group in groups:
        for mention in group.mentions:
            for index in range(mention.start, mention.end):
                owner[index] = group
    return owner


# --- titles ---------------------------------------------------------------------------------


def _titles(doc: Doc, group: _Group, owner: list[_Group | None]) -> list[_Title]:
    found: list[_Title] = []
    person = group.kind == "person"
    for mention in group.mentions:
        if mention.definite:
            continue
        root = _root(doc, mention.start, mention.end)
        candidates = [_premodifier_title(doc, mention, root, person)]
        for child in root.rights:
            if child.dep_ == "appos" and child.i >= mention.end:
                candidates.append(_appositive_title(doc, child, person, mention.end, len(doc)))
        head = root.head
        if root.dep_ == "appos" and head.i < mention.start:
            title = _appositive_title(doc, head, person, 0, mention.start)
            if title is not None and all(
                doc[i].is_punct or doc[i].is_space for i in range(title.end, mention.start)
            ):
                candidates.append(title)
        for title in candidates:
            if title is not None and not any(
                owner[i] is group for i in range(title.start, title.end)
            ):
                found.append(title)
    return found


def _premodifier_title(doc: Doc, mention: _Mention, root: Token, person: bool) -> _Title | None:
    """The words before a name that depend on it: "White House Press Secretary", "dictator"."""
    honorifics = title_words().honorifics
    end = mention.start
    while end > 0 and word_key(doc[end - 1].text) in honorifics:
        end -= 1
    start = end
    while start > 0 and end - start < TITLE_MAX_TOKENS:
        token = doc[start - 1]
        inside_name_tag = mention.title_start <= token.i < mention.start
        if not inside_name_tag and (
            token.is_space
            or token.text in _BREAKS
            or token.dep_ == "cc"
            or token.pos_ in ("VERB", "AUX")
            or root not in token.ancestors
        ):
            break
        start -= 1
    while end > start and word_key(doc[end - 1].text) in honorifics:
        end -= 1
    # The head is the word of the block that the name governs: "SECRETARY of State Marco Rubio".
    heads = [i for i in range(start, end) if not start <= doc[i].head.i < end]
    return _title_from(doc, start, end, heads[-1] if heads else end - 1, person)


def _appositive_title(doc: Doc, head: Token, person: bool, lower: int, upper: int) -> _Title | None:
    """The noun phrase of an appositive, cut before relative clauses and long phrases:
    "the country's interior minister", "China's ambassador to Venezuela"."""
    if head.ent_type_ in ("PERSON", "GPE", "DATE", "CARDINAL", "MONEY", "PERCENT"):
        return None
    start = max(lower, head.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ != "prep" or child.lower_ not in TITLE_PREPOSITIONS:
            break
        right = child.right_edge.i + 1
        if right > upper or right - child.i > TITLE_PREP_MAX_TOKENS:
            break
        if any(t.pos_ in ("VERB", "AUX") or t.text in _BREAKS for t in child.subtree):
            break
        end = right
    while start < end and (doc[start].text in _BREAKS or doc[start].is_space):
        start += 1
    return _title_from(doc, start, end, head.i, person)


def _title_from(doc: Doc, start: int, end: int, head: int, person: bool) -> _Title | None:
    """Keep ``[start, end)`` as a title when its head is a role noun; leave out leading
    determiners and a possessor that is not a name ("the country's" interior minister)."""
    if end <= start or not start <= head < end:
        return None
    scope = start
    for index in range(start, head):
        token = doc[index]
        if token.text in _POSSESSIVE_MARKERS and token.tag_ == "POS":
            possessor = doc[index - 1] if index > start else None
            if possessor is None or possessor.pos_ != "PROPN":
                start = index + 1
        elif token.tag_ == "PRP$":
            start = index + 1
    while start < head and (
        doc[start].lower_ in _DETERMINERS
        or doc[start].is_punct
        or doc[start].is_space
        or doc[start].pos_ in ("SCONJ", "CCONJ", "ADP")
    ):
        start += 1
    if start > head or not _is_role_head(doc[head], person):
        return None
    if head + 1 < len(doc) and doc[head + 1].tag_ == "POS":
        return None  # "the nation's Finance Ministry": a possessor, not a title
    text = _tokens_text(doc, start, end)
    labelled = bool(match_phrases(words_of(text), title_words().evaluative, EVALUATIVE_MAX_WORDS))
    return _Title(
        start=start,
        end=end,
        head=head,
        scope_start=scope,
        by_outlet=labelled and not _inside_quotation(doc, start),
    )


def _is_role_head(token: Token, person: bool) -> bool:
    """A person's title has a noun for a person as its head ("spokeswoman", "Secretary"); an
    organisation's, a singular common noun ("state broadcaster", "tech giant")."""
    lexicon = title_words()
    key = word_key(token.text)
    if token.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"):
        return person and (key in lexicon.name_titles or key in lexicon.roles)
    if (key,) in lexicon.evaluative:
        return True
    if person:
        if token.tag_ in ("NNS", "NNPS"):
            return False
        capitalised_title = key in lexicon.name_titles or key in lexicon.roles
        return capitalised_title or (
            token.pos_ == "NOUN" and token.text[:1].islower() and lexicon.is_person_noun(key)
        )
    return token.pos_ == "NOUN" and token.text[:1].islower() and token.tag_ == "NN"


def _inside_quotation(doc: Doc, index: int) -> bool:
    """Whether token ``index`` is inside quotation marks opened in the same paragraph."""
    before = []
    for position in range(index - 1, -1, -1):
        token = doc[position]
        if "\n" in token.text or "\n" in token.whitespace_:
            break
        before.append(token.text)
    marks = "".join(before)
    return marks.count("“") > marks.count("”") or marks.count('"') % 2 == 1


def _drop_offices(doc: Doc, groups: list[_Group]) -> list[_Group]:
    """ "State" in "Secretary of State Marco Rubio" and "Home" in "Home Secretary Charles Clarke"
    name an office, not an organisation: a one-word name inside a person's title that is the
    object of "of" or a modifier of the title's head, and names nothing else, is not an entity."""
    in_titles = {
        i: title
        for g in groups
        if g.kind == "person"
        for title in g.titles
        for i in range(title.start, title.end)
    }

    def is_office(mention: _Mention) -> bool:
        if mention.end - mention.start != 1 or mention.start not in in_titles:
            return False
        token = doc[mention.start]
        title = in_titles[mention.start]
        return (token.dep_ == "pobj" and token.head.lower_ == "of") or (
            token.dep_ == "compound" and token.head.i == title.head
        )

    return [
        g
        for g in groups
        if not (g.kind in ("org", "other") and all(is_office(m) for m in g.mentions))
    ]


# --- country, sector, affiliation -----------------------------------------------------------


def _title_scope(doc: Doc, title: _Title, excluded: frozenset[str]) -> list[int]:
    """Token indices of a title that speak for its holder: not the object of "to" etc."""
    skip: set[int] = set()
    for index in range(title.scope_start, title.end):
        token = doc[index]
        if token.dep_ == "prep" and token.lower_ in excluded and index != title.head:
            skip.update(t.i for t in token.subtree)
    return [i for i in range(title.scope_start, title.end) if i not in skip]


def _country_scope(doc: Doc, title: _Title) -> list[int]:
    excluded = frozenset(
        doc[i].lower_
        for i in range(title.scope_start, title.end)
        if doc[i].dep_ == "prep" and doc[i].lower_ not in COUNTRY_PREPOSITIONS
    )
    return _title_scope(doc, title, excluded)


def _country_in(
    doc: Doc, indices: list[int], owner: list[_Group | None], groups: list[_Group]
) -> str | None:
    """The first country a title names: a country, demonym or seat mention, a country word NER
    missed, or "the country's" (the country named last before it)."""
    for index in indices:
        token = doc[index]
        group = owner[index]
        if group is not None and group.kind in ("country", "norp", "seat", "org"):
            if group.country:
                return group.country
            continue
        if group is None and token.text[:1].isupper():
            term = countries().lookup(token.text, ("alias", "demonym"))
            if term is not None:
                return term.alpha3
        if token.lower_ in COUNTRY_NOUNS and index + 1 < len(doc) and doc[index + 1].tag_ == "POS":
            return _last_country_before(groups, token.i)
    return None


def _last_country_before(groups: list[_Group], index: int) -> str | None:
    best: tuple[int, str] | None = None
    for group in groups:
        if group.kind != "country" or group.country is None:
            continue
        for mention in group.mentions:
            if mention.end <= index and (best is None or mention.start > best[0]):
                best = (mention.start, group.country)
    return best[1] if best else None


def _title_sector(
    doc: Doc, title: _Title, scope: list[int], affiliation: _Group | None
) -> tuple[int, str] | None:
    """(rank, sector) of a title, lower ranks being stronger: an override word, the head's
    keyword, the sector of the organisation named, another keyword, a weak keyword."""
    lexicon = sector_words()
    words: list[str] = []
    positions: list[int] = []
    for index in scope:
        for word in words_of(doc[index].text):
            words.append(word)
            positions.append(index)
    if not words:
        return None
    for match in match_phrases(words, lexicon.override, lexicon.longest):
        if match.value:
            return (0, match.value)
    head_end = max((n + 1 for n, i in enumerate(positions) if i == title.head), default=0)
    strong = [m for m in match_phrases(words, lexicon.strong, lexicon.longest) if m.value]
    for match in strong:
        if match.end == head_end and match.value:
            return (1, match.value)
    if affiliation is not None and affiliation.sector:
        return (2, affiliation.sector)
    if strong and strong[-1].value:
        return (3, strong[-1].value)
    weak = [m for m in match_phrases(words, lexicon.weak, lexicon.longest) if m.value]
    if weak and weak[-1].value:
        return (4, weak[-1].value)
    return None


def _affiliate_person(
    doc: Doc, group: _Group, owner: list[_Group | None], groups: list[_Group]
) -> None:
    best_sector: tuple[int, str] | None = None
    for title in sorted(group.titles, key=lambda t: t.start):
        scope = _title_scope(doc, title, NOT_AFFILIATION_PREPOSITIONS)
        affiliation = _affiliation_in(doc, title, scope, owner)
        if group.affiliation is None:
            group.affiliation = affiliation
        covers_a_topic = word_key(doc[title.head].text) in title_words().topic_roles
        if group.country is None and not covers_a_topic:
            group.country = _country_in(doc, _country_scope(doc, title), owner, groups)
        sector = _title_sector(doc, title, scope, affiliation)
        if sector is not None and (best_sector is None or sector[0] < best_sector[0]):
            best_sector = sector
        text = _tokens_text(doc, title.start, title.end)
        group.gender = group.gender or _gender_of_words(words_of(text))
    if group.country is None:
        group.country = _possessor_country(doc, group, owner, groups)
    if group.country is None and group.affiliation is not None:
        group.country = group.affiliation.country
    if best_sector is not None:
        group.sector = best_sector[1]
    elif group.affiliation is not None:
        group.sector = group.affiliation.sector


def _affiliation_in(
    doc: Doc, title: _Title, scope: list[int], owner: list[_Group | None]
) -> _Group | None:
    """The organisation a title names. One after the head ("correspondent FOR The Atlantic",
    "spokesman for the Pentagon") is the employer rather than one before it ("White House
    correspondent"); else the first one ("Pentagon spokesman")."""
    found = [g for i in scope if (g := owner[i]) is not None and _is_affiliation(g)]
    after = [
        g for i in scope if i > title.head and (g := owner[i]) is not None and _is_affiliation(g)
    ]
    return after[0] if after else (found[0] if found else None)


def _is_affiliation(group: _Group) -> bool:
    """Organisations, seats of power, and groups with a sector such as parties ("Tory")."""
    return group.kind in ("org", "seat") or (group.kind == "norp" and group.sector is not None)


def _possessor_country(
    doc: Doc, group: _Group, owner: list[_Group | None], groups: list[_Group]
) -> str | None:
    """ "Venezuela's Maduro", "the nation's Finance Ministry": a country owning the name."""
    for mention in group.mentions:
        before = mention.title_start - 1
        owns_the_name = (
            before > 0 and mention.start <= doc[before - 1].head.i < mention.end
        )  # not "Russia's UN ambassador", where Russia owns the ambassador
        if owns_the_name and doc[before].tag_ == "POS":
            possessor = owner[before - 1]
            if possessor is not None and possessor.kind == "country":
                return possessor.country
            if possessor is None and doc[before - 1].lower_ in COUNTRY_NOUNS:
                return _last_country_before(groups, before - 1)
    return None


def _gender_of_words(words: tuple[str, ...]) -> Gender | None:
    gender_of = title_words().gender
    genders = {gender_of[w] for w in words if w in gender_of}
    return genders.pop() if len(genders) == 1 else None


def _affiliate_organisation(
    doc: Doc, group: _Group, owner: list[_Group | None], groups: list[_Group]
) -> None:
    lexicon = sector_words()
    for mention in group.mentions:
        known = lexicon.organisations.get(name_key(mention.text))
        if known is not None:
            group.sector = group.sector or known[0]
            group.country = group.country or known[1]
    if group.kind == "norp":
        return
    named = [m for m in group.mentions if not m.definite]
    for mention in named:
        if group.country is None:
            group.country = _country_in_name(doc, mention)
    if group.sector is None:
        group.sector = _name_sector(group.name_words)
    for title in group.titles:
        scope = _country_scope(doc, title)
        if group.country is None:
            group.country = _country_in(doc, scope, owner, groups)
        if group.sector is None:
            sector = _title_sector(doc, title, scope, None)
            group.sector = sector[1] if sector else None
    if group.country is None:
        group.country = _possessor_country(doc, group, owner, groups)


def _name_sector(names: list[tuple[str, ...]]) -> str | None:
    """The sector an organisation's name tells: a keyword that covers the head of the name
    ("Bank of England", "Foreign Ministry"), else the first keyword in it ("Senate Judiciary
    Committee" → legislature)."""
    lexicon = sector_words()
    for words in names:
        head = _name_head(words)
        matches = [m for m in match_phrases(words, lexicon.strong, lexicon.longest) if m.value]
        for match in matches:
            if match.start <= head < match.end:
                return match.value
    for words in names:
        matches = [m for m in match_phrases(words, lexicon.strong, lexicon.longest) if m.value]
        if matches:
            return min(matches, key=lambda m: m.start).value
    return None


def _country_in_name(doc: Doc, mention: _Mention) -> str | None:
    """A country named inside an organisation's name: "U.S. Navy", "Bank of England"."""
    tokens = [doc[i] for i in range(mention.start, mention.end)]
    for size in (3, 2, 1):
        for first in range(len(tokens) - size + 1):
            piece = tokens[first : first + size]
            if not piece[0].text[:1].isupper():
                continue
            text = _tokens_text(doc, piece[0].i, piece[-1].i + 1)
            term = countries().lookup(text, ("alias", "demonym"))
            if term is not None:
                return term.alpha3
    return None


# --- user actor dictionaries ----------------------------------------------------------------

# Entity types a dictionary may code (countries are coded from the package's country data).
CODED_TYPES = frozenset({"PERSON", "ORG", "NORP"})


def _publication_day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _coded(text: str, entity: Entity, dictionary: ActorDictionary, day: date | None) -> Entity:
    """The entity with the country and sector its dictionary entry gives, where the text gave
    none. Names tried, longest first: each mention, and each title with a mention ("President
    Bush": the dictionaries list such forms)."""
    if entity.type not in CODED_TYPES or (entity.country and entity.sector):
        return entity
    names = {entity.name} | {m.text_of(text) for m in entity.mentions}
    names |= {f"{title.text} {name}" for title in entity.titles for name in list(names)}
    lexicon = sector_words()
    for name in sorted(names, key=len, reverse=True):
        known = lexicon.organisations.get(name_key(name))
        if words_of(name) in lexicon.strong or (known is not None and known[1] is None):
            continue  # "Senate", "Supreme Court", "Democrats": every country has one
        match = dictionary.lookup(name, day)
        if match is None:
            continue
        if entity.country and match.country and match.country != entity.country:
            return entity  # the text says otherwise
        adds = (match.country and not entity.country) or (match.sector and not entity.sector)
        if not adds:
            return entity
        return replace(
            entity,
            country=entity.country or match.country,
            sector=entity.sector or match.sector,
            actor_code=match.code,
            actor_code_source=match.source,
        )
    return entity


# --- output ---------------------------------------------------------------------------------


def _display(group: _Group) -> tuple[str, str]:
    """(name, type): the fullest name among the mentions and that mention's label; among names
    as full, the label given most often."""
    if group.kind == "country" and group.country:
        return countries().display.get(group.country, group.country), "GPE"
    named = [m for m in group.mentions if not m.definite] or group.mentions
    if group.kind == "person":
        named = [m for m in named if m.label == "PERSON"] or named
    labels = Counter(m.label for m in named)

    def fullness(mention: _Mention) -> tuple[int, int, int]:
        size = len(mention.words) if group.kind == "person" else len(mention.text)
        return (size, labels[mention.label], -mention.start)

    fullest = max(named, key=fullness)
    label = {"person": "PERSON", "norp": "NORP"}.get(group.kind, fullest.label)
    if group.kind == "org" and label in ("PERSON", "GPE", "NORP"):
        label = "ORG"  # "Labour" tagged PERSON more often than ORG is still a party
    return fullest.text, label


def _entities(doc: Doc, groups: list[_Group]) -> tuple[Entity, ...]:
    names = {id(group): _display(group) for group in groups}
    ordered = sorted(groups, key=lambda g: min(m.cstart for m in g.mentions))
    entities = []
    for number, group in enumerate(ordered, start=1):
        name, label = names[id(group)]
        titles: dict[str, Title] = {}
        for title in sorted(group.titles, key=lambda t: t.start):
            span = Span(doc[title.start].idx, doc[title.end - 1].idx + len(doc[title.end - 1]))
            text = _tokens_text(doc, title.start, title.end)
            titles.setdefault(
                " ".join(words_of(text)), Title(text=text, span=span, by_outlet=title.by_outlet)
            )
        spans = sorted({Span(m.cstart, m.cend) for m in group.mentions}, key=lambda s: s.start)
        entities.append(
            Entity(
                id=f"E{number}",
                name=name,
                type=label,
                mentions=tuple(spans),
                extractor=EXTRACTOR,
                titles=tuple(titles.values()),
                affiliation=names[id(group.affiliation)][0] if group.affiliation else None,
                country=group.country,
                sector=group.sector,
            )
        )
    return tuple(entities)


# --- pronouns and role nouns ----------------------------------------------------------------


def _most_recent(
    entities: Iterable[Entity], position: int, accept: Callable[[Entity], bool]
) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if not accept(entity):
            continue
        for mention in entity.mentions:
            if mention.end <= position and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None


def _last_mention_before(entity: Entity, position: int) -> tuple[int, int]:
    span = max((m for m in entity.mentions if m.end <= position), key=lambda m: m.start)
    return span.start, span.end


def _is_organisation_or_country(entity: Entity) -> bool:
    return entity.type == "ORG" or (entity.type == "GPE" and entity.country is not None)


def _entity_gender(doc: Doc, entity: Entity) -> Gender | None:
    """The gender an honorific before a mention or a gendered title word tells, else the one
    the first name tells, else None."""
    honorifics = title_words().honorifics
    found: set[Gender] = set()
    for title in entity.titles:
        gender = _gender_of_words(words_of(title.text))
        if gender:
            found.add(gender)
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.start > 0:
            gender = honorifics.get(word_key(doc[span.start - 1].text))
            if gender:
                found.add(gender)
    if not found:
        # no honorific and no gendered title: the first name, when it is clear enough
        return first_name_gender(entity.name)
    return found.pop() if len(found) == 1 else None
