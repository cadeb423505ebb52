"""Who said what: direct, partial and indirect quotes with their speaker, cue and relay.

Pure function of the parsed ``Doc`` and the article's entities (from the actors extractor)::

    extract_quotes(doc, entities) -> tuple[Quote, ...]

How it works, in order:

1. **Quote marks** (``quotemarks.find_quotations``): every quoted passage, including quotes that
   run over several paragraphs and quotes that never close.
2. **Direct or partial**: a passage that opens a sentence or follows a colon or comma is
   *direct*; one embedded in the writer's own words (``described the move as a "regularly
   scheduled deployment"``) is *partial*, and so is a passage of a few words that nobody says
   (a nickname, a title) unless it ends on "!" or "?"; a quoted title in title case ("Meet the
   Press") quotes nobody. A direct quote the sentence runs on from in lower case (``"We are
   horrified" by the attack, she said``) takes in the rest of its clause, and quoted passages
   of one cue joined as a list (``chanted "a" and "b"``) are one content.
3. **Cue and speaker**: the attribution cue of a direct quote is, in order, a cue verb a few
   words after a quote ending on a comma (``"…," she said``), the speech verb the passage
   depends on in the parse, the nearest cue verb of its paragraph in the same sentence or the
   following short one, else a verb outside the lexicon that frames it by its place
   (``X makes that clear: "…"``, ``"…," Trump barked``). The speaker is that verb's subject
   (``said Harper`` too; the agent of a passive), resolved to an entity — pronouns and role
   nouns ("she", "the spokeswoman") through the actors extractor. A quote with no cue of its own
   continues the previous quote's speaker within the next paragraph (press convention), else
   its speaker stays ``null``.
4. **Indirect speech**: a cue verb with a clausal complement (``X said/warned/told reporters
   that …``, ``The Post has learned``); stance verbs with an object, infinitive or prepositional
   complement (``opposed the deal``, ``vowed to …``, ``called for …``, passive ``was rejected
   by X``); stance adjectives after a copula (``was critical of``, ``is confident that``); cue
   nouns that name their source (``Harper's criticism of …``); ``according to X, …``; a fronted
   ``In a CNN poll, …``; headline lines ``Name: claim`` (or ``Poll: finding``) and transcript
   turns ``NAME: …``; ``X accused Y of …``; ``state media quoted X as saying …`` (speaker X,
   ``via`` state media); ``X reportedly …`` (no speaker);
   the writer's clause around a direct quote (``X, she said, "is …" of Y``); a verb outside the
   lexicon with a pronoun or named actor as subject and a finite "that" clause (``X grumbled
   that …``); a cue noun that is the object of a verb, voiced by its subject (``made the
   argument that …``); any noun with a "that" clause as complement (``fears that …``, ``a sense
   that …``; not the writer's ``the fact that …``), held by its possessor or its verb's
   subject, and a cue noun's infinitive (``the plan to …``); a stance verb's gerund (``supports
   raising …``); ``said so``, ``said yes``, ``say the same of X``; ``regard X as Y``. A passive
   cue with no agent (``it was announced that …``, ``X is expected to …``, ``X was criticized
   as Y``, ``Asked whether …``) names no speaker. Content is the
   complement's subtree, less coordinated cue clauses of the same source, relative clauses and
   appositions set off by a comma or an opening dash, concessive or contrastive clauses
   (``, though …``, ``, while …``: the writer's asides), a lead-in before a colon and anything
   past a paragraph break; reported speech takes in the partial quote of its own cue and a
   quoted fragment that ends its sentence, and never stops inside a quotation; an impression
   (``X seems to …``) and a passive cue with an infinitive or a predicate (``X is expected to
   …``, ``X was deemed ineligible``) take in their subject. The lexicon is ``data/cues.toml``
   plus the words learned from PolNeAR train by ``tools/learn_cues.py``
   (``data/learned_cues.toml``); cues of the writer's impression ("seemed", "appeared") quote
   nobody.
5. **Relay** (``via``): the outlet or medium that passes the words on — "quoted X as saying",
   "according to VTV" around another speaker's words, a news organisation the source told
   ("told Reuters"), or a reported-speech clause inside another source's report.

Limits: speakers are looked for within the sentence, the next short sentence and the previous
quote; a quote attributed two paragraphs later is left without a speaker. Questions and
imperatives in quotes are treated like statements. Stance expressed by verbs and nouns outside
the lexicon ("enjoyed the trophies", "drew criticism from") is not found: on PolNeAR dev about
four in ten indirect attributions are missed.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.extract._lexicon import Gender
from newsgraph.extract.actors import entity_at, person_genders, resolve_mention
from newsgraph.extract.quotemarks import Quotation, find_quotations
from newsgraph.records import Entity, Quote
from newsgraph.records import Span as TextSpan

# Entity id → gender of every person of the article, for resolving "he" and "she".
Genders = dict[str, Gender | None]

EXTRACTOR = "newsgraph.quotes.v1"
REQUIRES = frozenset({"doc.sents", "token.dep", "token.head", "token.lemma"})

# A following sentence this short can carry the attribution of a quote that ends a sentence:
# spaCy often splits `"…." Harper said.` after the closing mark.
ATTRIBUTION_SENTENCE_MAX_TOKENS = 12
# `"…," Justice Department spokesman Peter Lindqvist said`: a cue this many characters after
# the closing quote mark still reads as the quote's attribution (the longest subject phrases of
# PolNeAR train run to about 60 characters).
ADJACENT_ATTRIBUTION_MAX_CHARS = 60
# A headline attribution "Name: claim": the source is a short name, the claim the rest of the
# line; the mention may leave out a title or initial at the name's edges.
_COLON_SOURCE_MAX_CHARS = 60
_COLON_LINE = re.compile(r"[ \t]*([^\s:\"“‘][^:\n]{1,58}?):[ \t]+(\S[^\n]*?)[ \t]*$")
_COLON_SOURCE_TYPES = frozenset({"PERSON", "ORG"})
_COLON_SOURCE_SLACK = 12
# When this many lines of an article open with a one-word label in capitals, the labels are a
# transcript's speakers ("TAPPER:", "Q:"), not a dateline ("WASHINGTON:").
TRANSCRIPT_MIN_TURNS = 2
# A transcript's speaker label is a name of at most this many words ("JOEL BENENSON:").
TRANSCRIPT_LABEL_MAX_WORDS = 3
_WORDS = re.compile(r"\w+")
# `"…," Justice Department spokesman Peter Lindqvist barked.`: the longest bare attribution
# clause (subject and verb, nothing else) read after a quote when its verb is not a known cue.
FRAMING_CLAUSE_MAX_TOKENS = 8
# A quoted passage this short with no cue and no previous speaker to continue is a name, a
# title or a scare quote ("Little Marco"), not a direct quote: on PolNeAR train such passages
# were a gold attribution 9 times in 49. One that ends on "!" or "?" is shouted or asked by
# someone ("Choke!", "Power to the people!"): it stays direct (train: 4 of 6 matched gold).
SCARE_QUOTE_MAX_WORDS = 4
# Title-case headline lines ("Clinton Slams Trump On Abortion"): their length in words, the
# share of capitalised words, and the longest source before the verb.
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 20
HEADLINE_CAPITALS_SHARE = 0.8
HEADLINE_SOURCE_MAX_WORDS = 6
_HEADLINE_WORD = re.compile(r"[^\s]+")
# Reported speech whose content is shorter than this many tokens is not a quote ("he said so").
INDIRECT_MIN_TOKENS = 3
# A reported-speech clause that is nearly all one quoted passage is that direct quote, not a second
# one; a clause with a partial quote inside stays a reported-speech quote of its own, and so does
# one of several quoted passages and the writer's words between them (`that Trump "has a long
# history …" and has "made significant contributions …"`; PolNeAR train +8 matched relations,
# 14 fewer predictions, against the share of all its quoted passages together).
INDIRECT_MAX_QUOTED_SHARE = 0.8
# Direct quotes continue the previous quote's speaker only within this many paragraphs.
CONTINUATION_MAX_PARAGRAPHS = 1

_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A title has at least this many words: a single capitalised word ("No.", "Absolutely,") is as
# often an answer as a name.
TITLE_MIN_WORDS = 2
# Words of a title and the short words a title leaves in lower case ("Meet the Press").
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "to", "for", "with", "at"}
    | {"by", "from", "as", "vs"}
)
# A full stop that ends an abbreviation ("U.S.", "Gen."), not a sentence.
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|Inc|Ltd|Co"
    r"|Corp|No|vs)\.)$"
)
_ATTRIBUTION_ENDINGS = frozenset(",?!—–-")
_SENTENCE_END = re.compile(r"[.!?]\s|[“”\"«»]")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Parts of speech a cue can have: speech verbs, cue nouns, stance adjectives, "according".
_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
_NP_CUT_DEPS = frozenset(
    {"relcl", "appos", "acl", "advcl", "punct", "cc", "conj", "parataxis", "case"}
)
_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
# A dateline's longest run of tokens before its dash: "PHILADELPHIA, July 29 (UPI) —".
DATELINE_MAX_TOKENS = 8
# What may stand between reported speech and a quotation that continues it: a comma, a dash.
_QUOTE_JOIN = re.compile(r"[ \t]*[,;:—–-]?[ \t]*")
# The writer's sentence running on in lower case right after a quote's closing mark.
_RUN_ON = re.compile(r"[ \t]+[a-z]")
# What joins two quoted passages into one compound content: "and" or "or", after a comma or not.
_COORDINATION = re.compile(r"[ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?")
# Words that open a concessive or contrastive adjunct: the writer's, not the source's.
_CONTRAST_WORDS = frozenset({"though", "although", "while", "whereas", "despite", "even as"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_INHERIT_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "acomp", "prep", "acl"})
_OBJECT_DEPS = frozenset({"dobj"})
# The clause dependencies of a stance adjective and the word that the lexicon lists for them.
_ADJECTIVE_CLAUSE_DEPS = {"ccomp": "that", "xcomp": "to"}
# Verbs whose content can be an "if"/"whether" question the parser hangs as an adverbial clause.
_QUESTION_LEMMAS = frozenset({"ask", "wonder", "question", "inquire", "query"})
# Verbs of telling whose passive subject is the one told, not the speaker ("he had been briefed
# on", "she was told that", "they were warned that").
_ADDRESSEE_VERBS = frozenset(
    {"tell", "brief", "inform", "advise", "assure", "reassure", "notify", "remind", "warn"}
)
# Links by which a clause with a cue of its own hangs from another attribution's content.
_OWN_ATTRIBUTION_DEPS = frozenset({"conj", "advcl"})
_INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one", "some", "several"})
_AFFILIATION_PREPOSITIONS = frozenset({"of", "for", "at", "from"})
_TITLE_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "gov", "sen", "rep", "gen", "lt", "col", "st", "jr", "sr", "rev"}
)
# A verb outside the lexicon reads as a cue by its construction: a person, organisation or group
# as subject and a finite "that" clause as complement ("Sanders grumbled that …", "the Kremlin
# figures that …"). On PolNeAR train the quotes they add matched gold 24 times in 35; with any
# common noun as subject 13 in 35, and without "that" 23 in 63 (both near break-even, not read).
_ACTOR_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})
_ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Verbs that take a "that" clause without reporting anyone's words or thoughts: what something
# means, causes or makes sure of ("make sure that" is read from its "sure").
_NON_SPEECH_CLAUSE_VERBS = frozenset(
    {"mean", "ensure", "insure", "guarantee", "cause", "have", "do", "get"}
)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# "made (it) clear that …", "made plain that …".
_MADE_CLEAR_WORDS = frozenset({"clear", "plain"})
# Verbs that turn down a claim, belief or plan: the subject of "rejected the claim that …" does
# not hold the claim (anyone who "voiced fears that …" or "had a sense that …" holds theirs).
_REJECTING_LEMMAS = frozenset(
    {"reject", "deny", "dismiss", "dispute", "refute", "rebut", "counter", "challenge", "doubt"}
    | {"question", "ridicule", "mock", "deride", "debunk", "contradict", "disavow", "rebuff"}
)
# A noun with a "that" clause as its complement names someone's claim, belief, fear or hope
# ("fears that the virus will spread"): on PolNeAR train 115 of 183 such quotes matched gold.
# Nouns of fact or likelihood state the writer's own view of the clause, not anyone's words:
# "the fact that …" matched 11 times in 35, "the possibility / chance / risk that …" 1 in 16.
_FACT_NOUNS = frozenset(
    {"fact", "possibility", "chance", "risk", "likelihood", "probability", "extent", "sign"}
    | {"proof", "problem", "meaning", "way", "time", "point", "reason"}
)


@cache
def cue_lemmas() -> frozenset[str]:
    """Verb lemmas that introduce attributed content (data file ``extract/data/cues.toml``)."""
    data = _cue_data()
    return frozenset(
        lemma for name in _CLAUSE_CUE_TABLES for lemma in data.get(name, {}).get("lemmas", ())
    )


# "clause_content" holds the clause cues learned from PolNeAR train (``learned_cues.toml``).
_CLAUSE_CUE_TABLES = ("speech", "report", "belief", "clause_content")


@cache
def _reporting_lemmas() -> frozenset[str]:
    """Saying and reporting verbs, without those that also tell time ("continue", "learn")."""
    data = _cue_data()
    lemmas = {lemma for name in ("speech", "report") for lemma in data[name]["lemmas"]}
    return frozenset(lemmas - {"continue", "learn", "find", "show", "conclude"})


@cache
def _belief_lemmas() -> frozenset[str]:
    """Verbs of belief and opinion from the lexicon ("think", "believe")."""
    return frozenset(_cue_data()["belief"]["lemmas"])


@cache
def _cue_data() -> dict[str, Any]:
    """The hand-made lexicon merged with the cue words learned from PolNeAR train (both files
    under ``extract/data``; the second is written by ``tools/learn_cues.py``)."""
    return _merge_lexicons(_read_lexicon("cues.toml"), _read_lexicon("learned_cues.toml"))


def _read_lexicon(name: str) -> dict[str, Any]:
    raw = resources.files("newsgraph.extract").joinpath(f"data/{name}").read_text("utf-8")
    return tomllib.loads(raw)


def _merge_lexicons(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` with the entries of ``extra`` added: lists are extended, tables merged."""
    merged = {name: dict(table) for name, table in base.items()}
    for name, table in extra.items():
        target = merged.setdefault(name, {})
        for key, values in table.items():
            target[key] = [*target.get(key, ()), *values]
    return merged


@cache
def _stance_lexicon() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """(object-content lemmas, infinitive-content lemmas, lemma → content prepositions)."""
    data = _cue_data()
    return (
        frozenset(data["object_content"]["lemmas"]),
        frozenset(data["infinitive_content"]["lemmas"]),
        {lemma: frozenset(preps) for lemma, preps in data["prepositional_content"].items()},
    )


@cache
def _impression_lemmas() -> frozenset[str]:
    """Verbs that report the writer's impression ("he seemed rattled"): no one is quoted."""
    return frozenset(_cue_data()["impression"]["lemmas"])


@cache
def _lemma_fixes() -> dict[str, str]:
    return dict(_cue_data()["lemma_fixes"])


def _lemma(token: Token) -> str:
    """The token's lower-case lemma, with the tagger's known lemmatisation slips corrected."""
    return _lemma_fixes().get(token.lower_) or token.lemma_.lower()


@cache
def _adjective_cues() -> dict[str, frozenset[str]]:
    """Stance adjective → what introduces its content: "that", "to" or a preposition."""
    return {lemma: frozenset(heads) for lemma, heads in _cue_data()["adjective_content"].items()}


def _is_stance_adjective(token: Token) -> bool:
    """An adjective after a copula that states its subject's stance ("was critical of")."""
    return token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lower_ in _adjective_cues()


@cache
def _noun_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(cue nouns, prepositions introducing their content, prepositions introducing a source)."""
    table = _cue_data()["noun_cues"]
    return (
        frozenset(table["lemmas"]),
        frozenset(table["content_preps"]),
        frozenset(table["source_preps"]),
    )


def _noun_attribution(noun: Token) -> tuple[Token, TextSpan] | None:
    """(source token, content) of a cue noun that names its source (its possessor, "by"/"from"
    phrase, or the subject of the verb it is the object of), else None."""
    lemmas, content_preps, source_preps = _noun_cues()
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lemmas:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        source = next(
            (
                g
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ in source_preps
                for g in p.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    if (
        source is None
        and noun.dep_ == "dobj"
        and noun.head.pos_ == "VERB"
        and not (_is_cue(noun.head) or _is_stance(noun.head))
    ):
        # "Rubio made the argument that …", "the union issued a warning about …": whoever makes,
        # issues or voices it is the source (PolNeAR train: 91 matched quotes of 176 added, F1
        # +0.0015; keeping only named or pronoun subjects, or only a list of support verbs,
        # raised F1 less: +0.0012, +0.0009). Not the object of a cue: who "rejected the claim
        # that …" did not make it.
        source = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if source is None:
        return None
    parts = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
    parts += [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in content_preps
        for g in p.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    if not parts and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "Her view is that …", "Trump's message was clear: …": the copula's clause.
        parts = [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.head.i]
    content = _subtree_span(_content_tokens(parts), 1)
    return (source, content) if content is not None else None


@cache
def _document_frames() -> tuple[frozenset[str], frozenset[str]]:
    table = _cue_data()["document_frames"]
    return frozenset(table["prepositions"]), frozenset(table["lemmas"])


def _framing_document(token: Token) -> Token | None:
    """The poll or survey of "In a CNN poll released Monday, …", when ``token`` is its "In"."""
    prepositions, lemmas = _document_frames()
    if token.lower_ not in prepositions or token.dep_ != "prep" or token.i > token.head.i:
        return None
    # Fronted and set off by a comma: "He trails in the polls" frames nothing.
    after = token.right_edge.i + 1
    if after >= len(token.doc) or token.doc[after].text != ",":
        return None
    for child in token.children:
        if child.dep_ == "pobj" and child.lemma_.lower() in lemmas:
            return child
    return None


def _is_stance(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    objects, infinitives, prepositional = _stance_lexicon()
    lemma = _lemma(token)
    return lemma in objects or lemma in infinitives or lemma in prepositional


@dataclass(frozen=True, slots=True)
class _Speaker:
    span: TextSpan | None
    entity: Entity | None
    name: str | None
    via: str | None


_NO_SPEAKER = _Speaker(span=None, entity=None, name=None, via=None)


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    return token.pos_ in ("VERB", "AUX") and _lemma(token) in cue_lemmas()


def _inside(position: int, quotations: Iterable[Quotation]) -> bool:
    return any(q.start <= position < q.end for q in quotations)


def _np_span(token: Token) -> TextSpan:
    """The noun phrase a token heads, without relative clauses, appositions or conjuncts."""
    left = right = token.i
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in _NP_CUT_DEPS:
                continue
            left, right = min(left, child.i), max(right, child.i)
            stack.append(child)
    doc = token.doc
    return TextSpan(doc[left].idx, doc[right].idx + len(doc[right]))


def _subject(cue: Token) -> tuple[Token | None, Token | None]:
    """(speaker token, relaying token) of a cue: its subject, with the special constructions."""
    document = _framing_document(cue)
    if document is not None:
        return document, None
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                objects = [c for c in to.children if c.dep_ == "pobj"]
                return (objects[0] if objects else None), None
    # "X quoted Y as saying ...": Y speaks, X relays.
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_ == "quote":
        quoting = cue.head.head
        said_by = [c for c in quoting.children if c.dep_ == "dobj"]
        relays = [c for c in quoting.children if c.dep_ in _SUBJECT_DEPS]
        return (said_by[0] if said_by else None), (relays[0] if relays else None)
    # The agent of a passive cue speaks ("was rejected by voters"), not its subject.
    for child in cue.children:
        if child.dep_ == "agent":  # "was quoted by X"
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0], None
    for child in _subjects_nearest_first(cue):
        if child.dep_ == "nsubjpass" and cue.lemma_.lower() in _ADDRESSEE_VERBS:
            return None, None  # "he had been briefed on", "she was told that": the hearer
        if child.dep_ in _SUBJECT_DEPS:
            child = _past_dateline(child)
            # "A report by X accused ...": the author is X.
            if child.lemma_ in ("report", "statement", "study", "analysis", "survey"):
                agents = [
                    g
                    for p in child.children
                    if p.lower_ == "by"
                    for g in p.children
                    if g.dep_ == "pobj"
                ]
                if agents:
                    return agents[0], None
            return child, None
    # A participle or infinitive takes the subject of the clause it hangs from ("denying the
    # report", "was reluctant to endorse him"), up a few links of the parse.
    # "in calling for", "devoted to praising": through a preposition too.
    head, steps = cue, 0
    links = _INHERIT_SUBJECT_DEPS
    while head.dep_ in links and head.head.i != head.i and steps < 4:
        if head.dep_ == "acl" and head.tag_ == "VBG" and head.head.pos_ in ("NOUN", "PROPN"):
            # "the super PAC backing Bush", "protesters calling him a loser": the noun acts.
            return head.head, None
        # "Khan mounted a campaign to condemn Trump": an infinitive of the object takes the
        # subject of the verb (PolNeAR train source accuracy +0.0003).
        links = _INHERIT_SUBJECT_DEPS | (
            _OBJECT_DEPS if head.dep_ == "acl" and head.tag_ == "VB" else frozenset()
        )
        head, steps = head.head, steps + 1
        subjects = [c for c in head.children if c.dep_ in _SUBJECT_DEPS]
        if subjects and _is_expletive_it(subjects[0]):
            return None, None  # "it is not hard to imagine that …": nobody in particular
        if subjects:
            return _past_dateline(subjects[0]), None
    return None, None


def _is_expletive_it(subject: Token) -> bool:
    """The dummy "it" of "it is hard to say", "it is easy to imagine": a copula with an
    adjective and an infinitive, whose "it" refers to nothing."""
    head = subject.head
    return (
        subject.lower_ == "it"
        and head.lemma_ == "be"
        and any(c.dep_ == "acomp" for c in head.children)
        and any(c.dep_ == "xcomp" and c.i > subject.i for c in head.children)
    )


def _subjects_nearest_first(cue: Token) -> list[Token]:
    """The cue's children, the subject nearest the cue first when the parser gives it two: a
    dateline or title before the name ("Vatican spokesman the Rev. Federico Lombardi told"), or
    the report's own subject before ", said Geert Wilders." (PolNeAR train source accuracy
    0.8914 -> 0.8947, dev 0.8786 -> 0.8838)."""
    children = list(cue.children)
    subjects = [c for c in children if c.dep_ in _SUBJECT_DEPS]
    if len(subjects) > 1:
        nearest = min(subjects, key=lambda c: abs(c.i - cue.i))
        children.sort(key=lambda c: c.i != nearest.i)
    return children


def _past_dateline(subject: Token) -> Token:
    """The parser reads a dateline as the subject ("BRASÍLIA — Brazil and Colombia issued …"):
    the subject is then the phrase after the dash, which it hangs as an apposition."""
    doc = subject.doc
    if (
        subject.is_sent_start
        and subject.text.isupper()
        and subject.i + 1 < len(doc)
        and doc[subject.i + 1].text in _DATELINE_DASHES
    ):
        for child in subject.children:
            if child.dep_ == "appos":
                return child
    # "CLEVELAND, July 19 (UPI) — Michael Mukasey told …", "Washington (AFP) – Clinton …": a
    # place, date and agency before the dash that opens the paragraph (PolNeAR train source
    # accuracy 0.8948 -> 0.8950, dev unchanged).
    if subject.left_edge.is_sent_start and _is_paragraph_start(subject.left_edge):
        dashes = [
            c
            for c in subject.children
            if c.text in _DATELINE_DASHES and c.i - subject.i <= DATELINE_MAX_TOKENS
        ]
        after = [c for c in subject.children if c.dep_ == "appos" and dashes and c.i > dashes[0].i]
        if after:
            return after[0]
    return subject


def _is_paragraph_start(token: Token) -> bool:
    return token.i == 0 or "\n" in token.doc[token.i - 1].text_with_ws


def _speaker(
    doc: Doc, text: str, cue: Token | None, entities: tuple[Entity, ...], genders: Genders
) -> _Speaker:
    if cue is None:
        return _NO_SPEAKER
    token, relay = _subject(cue)
    if token is None:
        return _NO_SPEAKER
    span = _np_span(token)  # the mention as written: "she", "who", "the spokeswoman"
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        # "the minister, who said …": the speaker is the noun the relative clause describes.
        token = token.head.head
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN":
            # "said Michael Ayers, a contractor in Delaware who said …": the named person.
            token = token.head
    entity = None
    if token.pos_ == "NOUN":
        # "Its foreign minister, Nicos Christodoulides, reiterated …": the name in apposition
        # is the speaker, not an earlier minister the role noun could refer back to.
        entity = next(
            (
                found
                for appos in token.children
                if appos.dep_ == "appos" and appos.pos_ == "PROPN"
                for found in [entity_at(entities, appos.idx, appos.idx + len(appos))]
                if found is not None
            ),
            None,
        )
    reporter = _reporting_subject_of(token)
    if entity is None and reporter is not None:
        # "many rebels say they believe …": "they" are the rebels, whoever was named before.
        return _Speaker(
            span=span,
            entity=None,
            name=_np_span(reporter).text_of(text),
            via=_outlet_told(cue, entities),
        )
    if entity is None and (
        token.lower_ in _PRONOUNS
        or (token.pos_ == "NOUN" and token.ent_type_ == "" and not _is_indefinite(token))
    ):
        entity = resolve_mention(doc, entities, token.i, genders)
    if entity is None:
        # The head of the subject decides: in "Justice Department spokesman Peter Lindqvist"
        # the speaker is the person, not the organisation named before him.
        entity = entity_at(entities, token.idx, token.idx + len(token))
    if entity is None and token.pos_ == "PROPN":
        entity = _person_by_surname(entities, token.text)
    if entity is None:
        # "Justice Department spokesman", "a commander for Iran's Revolutionary Guard", "75
        # percent of Democrats": the institution or group named in the noun phrase. Not a
        # person: "a friend of Aksoy" is not Aksoy, nor are "Trump supporters" Trump.
        named = _np_span(token)
        entity = entity_at(entities, named.start, named.end)
        if entity is not None and (
            entity.type == "PERSON" or not _names_affiliation(token, entity)
        ):
            entity = None
    if entity is not None:
        name: str | None = entity.name
    elif token.lower_ in _PRONOUNS:
        name = None  # an unresolved pronoun names nobody
    else:
        name = _np_span(token).text_of(text)
    via = _np_span(relay).text_of(text) if relay is not None else _outlet_told(cue, entities)
    return _Speaker(span=span, entity=entity, name=name, via=via)


def _names_affiliation(head: Token, entity: Entity) -> bool:
    """Whether ``entity`` is named in ``head``'s noun phrase as what it speaks for: before the
    head ("a Pentagon spokesman") or in an "of"/"for"/"at"/"from" phrase ("a commander for
    Iran's Revolutionary Guard"), not a place it is in ("a contractor in Delaware")."""
    for preposition in head.children:
        if preposition.dep_ != "prep" or preposition.i < head.i:
            continue
        start = preposition.idx
        end = preposition.right_edge.idx + len(preposition.right_edge)
        if any(start <= m.start and m.end <= end for m in entity.mentions):
            return preposition.lower_ in _AFFILIATION_PREPOSITIONS
    return True


@cache
def _not_speakers() -> frozenset[str]:
    return frozenset(_cue_data()["not_speakers"]["lemmas"])


def _is_indefinite(noun: Token) -> bool:
    """ "a friend of Aksoy", "one official": an indefinite noun brings in someone new; it
    never refers back to a person named before."""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE_DETERMINERS for c in noun.children)


def _reporting_subject_of(pronoun: Token) -> Token | None:
    """The plural common noun that "they" stands for when "they" is the subject of what that
    noun says or thinks: "many rebels say they believe …", "analysts said they expect …"."""
    if pronoun.lower_ != "they" or pronoun.dep_ not in _SUBJECT_DEPS:
        return None
    clause = pronoun.head
    if clause.dep_ != "ccomp" or not _is_cue(clause.head):
        return None
    subjects = [c for c in clause.head.children if c.dep_ in _SUBJECT_DEPS]
    if (
        subjects
        and subjects[0].tag_ == "NNS"
        and subjects[0].ent_type_ == ""
        and subjects[0].lemma_.lower() not in _not_speakers()
    ):
        return subjects[0]  # not "interviews show they are determined": the interviewees
    return None


def _outlet_told(cue: Token, entities: tuple[Entity, ...]) -> str | None:
    """The news outlet a source spoke to, which relays the words: "Maduro told Reuters",
    "said to CNN". Only a named organisation of the media sector counts ("told aides" does not);
    "said in an interview with CNN" is not read."""
    listeners = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    listeners += [
        g
        for p in cue.children
        if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "with")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    for listener in listeners:
        named = _np_span(listener)
        entity = entity_at(entities, named.start, named.end)
        if entity is not None and entity.sector == "media" and entity.type == "ORG":
            return entity.name
    return None


def _person_by_surname(entities: tuple[Entity, ...], surname: str) -> Entity | None:
    """The one person of the article whose name ends with ``surname`` (NER sometimes misses a
    bare surname after a quote); None when no person or several people have that surname."""
    people = [e for e in entities if e.type == "PERSON" and e.name.split()[-1] == surname]
    return people[0] if len(people) == 1 else None


def _quote_root(doc: Doc, first: int, last: int) -> Token | None:
    """The token of a quoted passage whose head lies outside it (its link to the sentence)."""
    for token in doc[first:last]:
        if not first <= token.head.i < last and not token.is_punct:
            return token
    return None


def _governing_cue(token: Token | None, stop: Span) -> Token | None:
    """Walk up the heads from ``token`` to the first cue verb within the sentence."""
    while token is not None:
        if _is_cue(token):
            return token
        if token.head.i == token.i or not stop.start <= token.head.i < stop.end:
            return None
        token = token.head
    return None


def _region(doc: Doc, text: str, quotation: Quotation, first: int, last: int) -> list[Token]:
    """Tokens that may carry a quote's attribution: its sentences and a short one after."""
    sentences = [doc[first].sent, doc[last - 1].sent]
    following = doc[last].sent if last < len(doc) else None
    if (
        following is not None
        and following.start >= sentences[-1].end
        and len(following) <= ATTRIBUTION_SENTENCE_MAX_TOKENS
        and "\n" not in text[quotation.end : following.start_char]
    ):
        sentences.append(following)
    tokens: list[Token] = []
    for sentence in dict.fromkeys(sentences):
        tokens.extend(sentence)
    return tokens


def _attribution_paragraph(text: str, quotation: Quotation) -> tuple[int, int]:
    """Where a direct quote's cue may stand: its own paragraphs, and the one before when that
    ends with a colon (`She said:` then the quote as a paragraph of its own)."""
    start = text.rfind("\n", 0, quotation.start) + 1
    end = text.find("\n", quotation.end)
    if text[:start].rstrip().endswith(":"):
        start = text.rfind("\n", 0, len(text[:start].rstrip())) + 1
    return start, len(text) if end < 0 else end


def _adjacent_attribution(text: str, quotation: Quotation, candidates: list[Token]) -> Token | None:
    """The cue of the press convention `"…," she said` / `"…?" asked Harper`: a quote that
    ends on a comma, question or exclamation mark or dash, followed within a few words of the
    same sentence by a cue verb. The parse often hangs such a quote from an earlier verb."""
    inner = text[quotation.inner_start : quotation.inner_end].rstrip()
    after_close = text[quotation.end : quotation.end + 2].lstrip()
    if not (inner[-1:] in _ATTRIBUTION_ENDINGS or after_close[:1] in _ATTRIBUTION_ENDINGS):
        return None
    for token in candidates:
        if token.idx < quotation.end:
            continue
        gap = text[quotation.end : token.idx]
        if len(gap) <= ADJACENT_ATTRIBUTION_MAX_CHARS and not _SENTENCE_END.search(gap):
            return token
        return None
    return None


def _direct_cue(
    doc: Doc, text: str, quotation: Quotation, quotations: list[Quotation]
) -> Token | None:
    span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None:
        return None
    paragraph_start, paragraph_end = _attribution_paragraph(text, quotation)
    candidates = [
        t
        for t in _region(doc, text, quotation, span.start, span.end)
        if paragraph_start <= t.idx < paragraph_end
        and _is_cue(t)
        and not _inside(t.idx, quotations)
    ]
    adjacent = _adjacent_attribution(text, quotation, candidates)
    if adjacent is not None:
        return adjacent
    root = _quote_root(doc, span.start, span.end)
    if root is not None and _is_cue(root.head) and not _inside(root.head.idx, quotations):
        return root.head
    if not candidates:
        return _framing_verb(doc, text, quotation, span)
    after = [t for t in candidates if t.idx >= quotation.end]
    # A cue before the quote introduces it only from within its sentence (`Lin said: "…"`);
    # one in an earlier sentence belongs to what that sentence reports.
    before = [
        t
        for t in candidates
        if t.idx < quotation.start and not _SENTENCE_END.search(text, t.idx, quotation.start)
    ]
    if after and (not before or after[0].i - span.end <= span.start - before[-1].i):
        return after[0]
    return before[-1] if before else None


def _framing_verb(doc: Doc, text: str, quotation: Quotation, span: Span) -> Token | None:
    """A verb outside the cue lexicon that still frames a direct quote by its place: the verb
    of a clause that ends on a colon right before it (`A footnote makes that clear: "…"`), or
    a short clause of subject and verb right after a quote that ends on a comma (`"…," Trump
    barked.`). Either way the verb needs a subject, the speaker."""
    before = text[: quotation.start].rstrip()
    if before.endswith(":"):
        colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        verb = colon[0].head if colon is not None and len(colon) else None
        if verb is not None and verb.pos_ in ("VERB", "AUX") and _subject(verb)[0] is not None:
            return verb
        return None
    if before.endswith(","):
        # "As Akhil Amar put it, "…"": the idiom of wording frames the quote that follows
        # (PolNeAR train source accuracy 0.8951 -> 0.8953, dev 0.8846 -> 0.8852).
        comma = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        it = doc[comma.start - 1] if comma is not None and comma.start > 0 else None
        verb = it.head if it is not None and it.lower_ == "it" and it.dep_ == "dobj" else None
        if verb is not None and verb.lemma_ == "put" and _subject(verb)[0] is not None:
            return verb
    inner = text[quotation.inner_start : quotation.inner_end].rstrip()
    if inner[-1:] not in _ATTRIBUTION_ENDINGS:
        return None
    clause: list[Token] = []
    for token in doc[span.end : span.end + FRAMING_CLAUSE_MAX_TOKENS + 1]:
        if token.is_punct or token.is_space:
            break
        clause.append(token)
    else:
        return None  # the clause runs on: not a bare attribution
    verbs = [t for t in clause if t.pos_ == "VERB"]
    if len(verbs) != 1 or not clause or span.end + len(clause) >= len(doc):
        return None
    if doc[span.end + len(clause)].text not in (".", ",", ";"):
        return None
    subjects = [c for c in verbs[0].children if c.dep_ in ("nsubj", "nsubjpass")]
    return verbs[0] if subjects and subjects[0].i in {t.i for t in clause} else None


def _is_partial(doc: Doc, text: str, quotation: Quotation) -> bool:
    """A quote inside the writer's own sentence, not one that opens a sentence or follows a
    colon, comma or dash."""
    before = text[max(0, quotation.start - 24) : quotation.start].rstrip()
    if not before or before[-1] in ":;,\n—–-(":
        return False
    if before[-1] in ".!?" and not _ABBREVIATION_END.search(before):
        return False
    token = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    return not (token is not None and token[0].is_sent_start)


def _is_title(passage: str) -> bool:
    """A quoted passage in title case ("Meet the Press", "This Week With George
    Stephanopoulos"): a show, book or film named inside the writer's sentence, not words anyone
    said (PolNeAR annotates no title quotes)."""
    words = _TITLE_WORD.findall(passage)
    if len(words) < TITLE_MIN_WORDS or not words[0][0].isupper() or passage.rstrip()[-1:] in "!?":
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _is_outcry(passage: str) -> bool:
    """A passage that ends on an exclamation or question mark ("Lock her up!", "Who cares?"):
    words someone shouts or asks, not a name, a title or the writer's scare quote."""
    return passage.rstrip(" ,.'\"”’")[-1:] in ("!", "?")


def _run_on_content(
    doc: Doc, text: str, quotation: Quotation, cue: Token | None
) -> TextSpan | None:
    """A quote the writer's sentence runs on from: in `"We are frustrated and horrified" by the
    shooting, she said` or `he said, "we don't know the answer" on how many jobs will go` the
    quoted words end without punctuation and the sentence goes on in lower case; what was said
    is the quote and the rest of its clause, up to the attribution or the sentence's end. The
    span keeps the quote marks (PolNeAR annotates such mixed content as one relation; on train
    +6 matched relations, 2 more predictions, F1 +0.0003)."""
    inner = text[quotation.inner_start : quotation.inner_end]
    if (
        not inner
        or not inner[-1].isalnum()
        or not _RUN_ON.match(text, quotation.end)
        or _is_title(inner)  # "“Orange Is the New Black” star Selenis Leyva": a name
    ):
        return None
    span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    first = doc[span.end]
    stop = first.sent.end
    if cue is not None and cue.i >= first.i and cue.sent == first.sent:
        subjects = [c.left_edge.i for c in cue.children if c.dep_ in _SUBJECT_DEPS]
        stop = min([cue.i, *subjects])
        if stop > first.i and doc[stop - 1].text == ",":
            stop -= 1
    words: list[Token] = []
    for token in doc[first.i : stop]:
        if "\n" in token.text or _inside(token.idx, [quotation]):
            break
        words.append(token)
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    return TextSpan(quotation.start, words[-1].idx + len(words[-1])) if words else None


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _PARAGRAPH_BREAK.finditer(text)]


def _direct_quotes(
    doc: Doc,
    text: str,
    entities: tuple[Entity, ...],
    genders: Genders,
    quotations: list[Quotation],
) -> list[tuple[Quote, int | None]]:
    starts = _paragraph_starts(text)
    quotes: list[tuple[Quote, int | None]] = []
    # The last direct quote's speaker, cue token and paragraph: a quote with no cue of its own
    # continues it (`"…," she said. "…"`), and shares its cue.
    previous: tuple[_Speaker, Token | None, int] | None = None
    for quotation in quotations:
        partial = _is_partial(doc, text, quotation)
        span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
        title = _is_title(text[quotation.inner_start : quotation.inner_end])
        if partial and span is not None and not title:
            root = _quote_root(doc, span.start, span.end)
            cue = _governing_cue(root, doc[span.start].sent)
        elif partial:
            cue = None  # a title in quote marks ("told "Fox and Friends"") is nobody's words
        else:
            cue = _direct_cue(doc, text, quotation, quotations)
        speaker = _speaker(doc, text, cue, entities, genders)
        paragraph = bisect.bisect_right(starts, quotation.start)
        if (
            cue is None
            and not partial
            and previous is not None
            and paragraph - previous[2] <= CONTINUATION_MAX_PARAGRAPHS
        ):
            speaker, cue = previous[0], previous[1]
        content = TextSpan(quotation.inner_start, quotation.inner_end)
        if (
            not partial
            and cue is None
            and len(_WORDS.findall(content.text_of(text))) <= SCARE_QUOTE_MAX_WORDS
            and not _is_outcry(content.text_of(text))
        ):
            # A few quoted words that nobody says ("Little Marco", a title) are the writer's.
            partial = True
        if not partial:
            previous = (speaker, cue, paragraph)
            content = _run_on_content(doc, text, quotation, cue) or content
        elif (
            cue is not None
            and speaker.span is not None
            and cue.idx >= quotation.end
            and _lemma(cue) in _reporting_lemmas()
        ):
            # `X is "just scratching out a profit," said Y. "Golf is …"`: a partial quote that
            # a speech verb after it attributes is continued too. Not a scare quote inside the
            # writer's clause (`what they see as a "crisis"`), whose verb is no attribution of
            # what follows (PolNeAR train +12 matched, source accuracy +0.0008 unrestricted;
            # restricted: see CHANGELOG).
            previous = (speaker, cue, paragraph)
        quotes.append(
            (
                Quote(
                    text=content.text_of(text),
                    span=content,
                    kind="partial" if partial else "direct",
                    speaker=speaker.entity.id if speaker.entity else None,
                    speaker_name=speaker.name,
                    speaker_span=speaker.span,
                    cue=TextSpan(cue.idx, cue.idx + len(cue)) if cue is not None else None,
                    via=speaker.via,
                    extractor=EXTRACTOR,
                ),
                cue.i if cue is not None else None,
            )
        )
    return quotes


def _according_to_content(token: Token) -> TextSpan | None:
    """The clause an "according to X" phrase attributes: its sentence minus the phrase, on the
    side where most of the sentence lies, within the phrase's paragraph (the parser sometimes
    runs a sentence over a paragraph break)."""
    sentence = token.sent
    phrase = list(token.subtree)
    start, end = phrase[0].i, phrase[-1].i + 1
    low, high = sentence.start, sentence.end
    for t in token.doc[low:start]:
        if "\n" in t.text:
            low = t.i + 1
    for t in token.doc[end:high]:
        if "\n" in t.text:
            high = t.i
            break
    left = (low, start)
    right = (end, high)
    chosen = max(left, right, key=lambda r: r[1] - r[0])
    tokens = [t for t in token.doc[chosen[0] : chosen[1]] if not t.is_punct or t.text in "%$"]
    if len(tokens) < INDIRECT_MIN_TOKENS:
        return None
    return TextSpan(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _content_tokens(roots: Iterable[Token]) -> list[Token]:
    """The subtrees of ``roots``, less the clauses coordinated or adjoined to them that are
    attributions of their own: in "said that A, and predicted that B" or "said A, believing
    that B", B has its own cue and is not part of A. A bare infinitive ("would sit him down and
    tell him") stays: it shares the modal of the content it belongs to."""
    found: list[Token] = []
    stack = list(roots)
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(
            child
            for child in token.children
            if not _is_aside(child)
            and not _is_contrast_aside(child)
            and not (
                child.dep_ in _OWN_ATTRIBUTION_DEPS
                and child.tag_ != "VB"
                and (_is_cue(child) or _is_stance(child))
                and not any(c.dep_ in _SUBJECT_DEPS for c in child.children)
            )
        )
    return found


def _is_contrast_aside(token: Token) -> bool:
    """A concessive or contrastive clause set off by a comma or dash (", though she did not
    discuss their terms", ", while Cruz said …", ", despite some recent suggestions …"): the
    writer sets the report against something else; it is not part of what the source said.
    On PolNeAR train cutting them gained 15 matched relations; "because", "as", "when" and
    "after" clauses lost as many as they gained and stay."""
    if token.dep_ == "prep":
        word = token.lower_
    elif token.dep_ == "advcl":
        marks = [c for c in token.children if c.dep_ == "mark"]
        word = marks[0].lower_ if marks else ""
        if word == "as" and token.doc[marks[0].i - 1].lower_ == "even":
            word = "even as"
    else:
        return False
    before = token.left_edge.i - 1
    if word == "even as" and token.doc[before].lower_ == "even":
        before -= 1
    return (
        word in _CONTRAST_WORDS
        and token.head.pos_ in ("VERB", "AUX")
        and before >= 0
        and (token.doc[before].text in (",", ";") or _is_dash(token.doc[before]))
    )


def _is_aside(token: Token) -> bool:
    """A non-restrictive relative clause (", which …", ", who …") or an apposition (", the
    12-country trade deal …") set off by a comma or an opening dash after its noun: the
    writer's aside about a noun of the content, not part of what the source said (PolNeAR's
    guidelines: when in doubt, leave the writer's elaboration out). Cutting appositions raised
    PolNeAR train content F1 by 0.0014; cutting those after a dash too, 9 more matched
    relations (12 gained, 3 lost)."""
    if token.dep_ not in ("relcl", "appos") or token.i == 0:
        return False
    if token.dep_ == "appos" and (
        token.i < token.head.i or any(c.dep_ == "cc" for c in token.subtree)
    ):
        return False  # "referring to herself, Mr. Bannon and Mr. Gates": a list, not an aside
    before = token.left_edge.i - 1
    if before < 0:
        return False
    if token.doc[before].text == ",":
        return True
    # A dash that closes a pair ("minorities -- black, brown and indigenous people -- who …")
    # ends the aside: what follows belongs to the noun again.
    dashes = sum(1 for t in token.doc[token.sent.start : before] if _is_dash(t))
    return _is_dash(token.doc[before]) and dashes % 2 == 0


def _is_dash(token: Token) -> bool:
    """A dash between words, not the hyphen inside one ("Trans-Pacific")."""
    if token.text == "-":
        return bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in _DATELINE_DASHES


def _first_paragraph(tokens: list[Token]) -> list[Token]:
    """Content stays within one paragraph; the parser sometimes runs a clause across a break."""
    for index, token in enumerate(tokens):
        if index and "\n" in token.text:
            return tokens[:index]
    return tokens


def _subtree_span(tokens: list[Token], min_tokens: int) -> TextSpan | None:
    tokens = _first_paragraph(sorted(tokens, key=lambda t: t.i))
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in '%$”"':
        tokens.pop()
    if len(tokens) < min_tokens:
        return None
    return TextSpan(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _coordinated_content(cue: Token, clause: Token) -> list[Token]:
    """A second "that" clause the parser coordinates with the cue continues its content:
    "believes there are no good options, but that the lesser evil will do". (A coordinated
    clause with a subject of its own, "…, and it will have no effect", was tried too: it is as
    often the writer's narration; PolNeAR train F1 fell by 0.0003.)"""
    return [
        conj
        for conj in cue.children
        if conj.dep_ == "conj"
        and conj.i > clause.i
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
    ]


def _misattached_conjuncts(cue: Token, content: Token) -> list[Token]:
    """Verbs the parser coordinates with the cue that continue its content instead: in
    "promised to meet and in some cases exceed his goals" or "mentioned refinancing student
    loans and forcing universities to spend more" the second verb has the form of the content
    (a bare infinitive, a gerund), not of the cue, and no subject or auxiliary of its own
    (PolNeAR train −2 matched, dev +3 when added: gold often stops at the first verb)."""
    forms = {t.tag_ for t in content.subtree if t.tag_ in ("VB", "VBG")}
    subjects = [c for c in cue.children if c.dep_ in _SUBJECT_DEPS]
    singular = bool(subjects) and (
        subjects[0].tag_ in ("NN", "NNP") or subjects[0].lower_ in ("he", "she", "it")
    )
    if "VB" in forms and singular:
        # After a singular subject a present "exceed" cannot be the cue's finite verb: the
        # tagger's VBP for a bare infinitive ("He promised to meet and exceed his goals").
        # After a plural one it can ("forces are planning to X, but first need to Y").
        forms.add("VBP")
    return [
        conj
        for conj in cue.children
        if conj.dep_ == "conj"
        and conj.i > content.i
        and conj.tag_ in forms
        and conj.tag_ != cue.tag_
        and not any(
            c.dep_ in _SUBJECT_DEPS or (c.dep_ in ("aux", "auxpass") and c.lower_ != "to")
            for c in conj.children
        )
    ]


def _stranded_subject(cue: Token, clause: Token) -> list[Token]:
    """The subject of a clause the parser hung from the cue instead: in "said the days when
    the nation had one story are gone" it reads "the days …" as the verb's object or adverb
    and leaves "are gone" without a subject; the noun phrase between them is the clause's."""
    if clause.i < cue.i or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children
    ):
        return []
    return [
        c
        for c in cue.children
        if c.dep_ in ("npadvmod", "dobj")
        and cue.i < c.i < clause.i
        and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    ]


def _indirect_content(cue: Token) -> TextSpan | None:
    """What a cue attributes: its clause, or for stance verbs their object, infinitive or
    prepositional complement, or for a parenthetical "X said" the clause around it."""
    if cue.lower_ == "according" or _framing_document(cue) is not None:
        return _according_to_content(cue)
    if cue.pos_ == "ADJ":
        return _adjective_content(cue)
    lemma = _lemma(cue)
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    # A clause before a colon that precedes the cue is the writer's lead-in ("The debate ended
    # on a sour note: Lopez accused …"), not the cue's content.
    clauses = [
        c
        for c in clauses
        if c.i > cue.i or not any(t.text == ":" for t in cue.doc[c.right_edge.i + 1 : cue.i])
    ]
    if any(c.i > cue.i for c in clauses):
        # A cue has one content: with a clause after it, a clause before it is the parser
        # joining the writer's sentence to the report ("A was B, and he said C").
        clauses = [c for c in clauses if c.i > cue.i]
    objects, infinitives, prepositional = _stance_lexicon()
    if (
        clauses
        and all(c.i < cue.i for c in clauses)
        and any(
            c.i > cue.i
            and (
                (c.dep_ == "dobj" and lemma in objects)
                or (c.dep_ == "xcomp" and lemma in infinitives)
                or (
                    c.dep_ == "prep"
                    and c.lower_ in prepositional.get(lemma, ())
                    and lemma not in _reporting_lemmas()
                )
            )
            for c in cue.children
        )
    ):
        # "Prices rose, the chairman denounced the tariff": a stance verb with its own object,
        # infinitive or prepositional complement after it reports that; the clause before is
        # the writer's sentence (PolNeAR train: +36 matched, 5 lost).
        clauses = []
    if not clauses and lemma in _QUESTION_LEMMAS:
        # "asked if he was ever bullied": the parser hangs an "if"/"whether" question as an
        # adverbial clause.
        clauses = [
            c
            for c in cue.children
            if c.dep_ == "advcl"
            and c.i > cue.i
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        ]
    if clauses:
        clauses += _stranded_subject(cue, clauses[0])
        clauses += _coordinated_content(cue, clauses[-1])
        return _subtree_span(_content_tokens(clauses), INDIRECT_MIN_TOKENS)
    if lemma in ("accuse", "charge", "blame"):
        # Only what follows the verb: a fronted "Out of embarrassment, X blamed Y" says why.
        parts = [
            c
            for c in cue.children
            if c.dep_ in ("dobj", "prep") and c.lower_ != "by" and c.i > cue.i
        ]
        return _subtree_span(_content_tokens(parts), INDIRECT_MIN_TOKENS)
    if lemma in infinitives:
        parts = [c for c in cue.children if c.dep_ == "xcomp"]
        if not parts:
            # "Rabbis vow to boycott the speech": the parser may read the infinitive as an
            # adverbial clause (PolNeAR train: 12 matched quotes of 17 added).
            parts = [
                c
                for c in cue.children
                if c.dep_ == "advcl"
                and c.i > cue.i
                and c.left_edge.lower_ == "to"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ]
        if parts:
            # "urged the Supreme Court to intervene": the object is the infinitive's subject,
            # part of what is urged (PolNeAR train: +6 matched).
            parts += [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < parts[0].i]
            if lemma in _impression_lemmas():
                # "The statistics appear to be fabricated": what seems so is the subject's
                # being so (PolNeAR: subject + complement, 178 of 238 such cues on train).
                parts += [c for c in cue.children if c.dep_ == "nsubj"]
            parts += [
                c
                for c in cue.children
                if c.dep_ == "nsubjpass" and c.lower_ not in _RELATIVE_PRONOUNS
            ]
            parts += _misattached_conjuncts(cue, parts[0])
            return _subtree_span(_content_tokens(parts), 1)
    if lemma in _impression_lemmas():
        # "The Trump team appeared paralyzed": likewise the subject and its predicate.
        parts = [c for c in cue.children if c.dep_ in ("acomp", "attr", "oprd")]
        subjects = [c for c in cue.children if c.dep_ == "nsubj"]
        if parts and subjects:
            return _subtree_span(_content_tokens(parts + subjects), 1)
    passive_complement = _passive_complement(cue)
    if passive_complement:
        return _subtree_span(_content_tokens(passive_complement), 1)
    if lemma in objects and any(c.dep_ == "agent" for c in cue.children):
        # "The plan was rejected by voters": in the passive the subject is what was rejected.
        passive = [c for c in cue.children if c.dep_ == "nsubjpass"]
        if passive:
            return _np_span(passive[0]) if passive[0].lower_ not in _RELATIVE_PRONOUNS else None
    # "State media quoted X as saying …": X is the speaker, not what was said.
    if lemma in objects and not any(
        c.dep_ == "prep" and c.lower_ == "as" and any(_is_cue(g) for g in c.children)
        for c in cue.children
    ):
        parts = [c for c in cue.children if c.dep_ == "dobj"]
        if parts:
            # "described the move as a threat", "called him a liar": the predicate is content too.
            parts += [
                c
                for c in cue.children
                if c.i > cue.i
                and (
                    c.dep_ in ("oprd", "xcomp")
                    or (c.dep_ == "prep" and c.lower_ in prepositional.get(lemma, {"as"}) | {"as"})
                    or (c.dep_ == "prep" and c.i > parts[0].i and _is_topic_phrase(c))
                )
            ]
            parts += _misattached_conjuncts(cue, parts[0])
            return _subtree_span(_content_tokens(parts), 1)
    if "as" in prepositional.get(lemma, ()) and not any(
        c.dep_ == "prep" and c.lower_ == "as" for c in cue.children
    ):
        # "voters see the campaign as unfair": the parser may hang "as …" as a clause of its own.
        seen = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
        taken_as = [
            c
            for c in cue.children
            if c.dep_ in ("advcl", "oprd", "xcomp")
            and seen
            and c.i > seen[0].i
            and c.left_edge.lower_ == "as"
        ]
        if taken_as:
            return _subtree_span(_content_tokens(seen + taken_as), 1)
    if "for" in prepositional.get(lemma, ()):
        # "called for Trump to drop out": the parser reads a for-infinitive as a clause of the
        # verb; its subject and infinitive are the content, not the "for" (PolNeAR train: 23
        # matched quotes of 23 added).
        for_clause = next(
            (
                c
                for c in cue.children
                if c.dep_ == "advcl"
                and c.i > cue.i
                and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            ),
            None,
        )
        if for_clause is not None:
            tokens = [
                t
                for t in _content_tokens([for_clause])
                if not (t.dep_ == "mark" and t.head.i == for_clause.i)
            ]
            return _subtree_span(tokens, 1)
    if lemma in prepositional:
        for prep in cue.children:
            if prep.lower_ == "as" and any(_is_cue(g) for g in prep.children):
                continue  # "quoted X as saying …": X speaks (read from "saying")
            if prep.dep_ == "prep" and prep.lower_ in prepositional[lemma]:
                # "spoke on Wednesday" says when, not what.
                objects_of = [
                    c
                    for c in prep.children
                    if (
                        c.dep_ in ("pobj", "pcomp")
                        # "see the plan as unfair": the parser hangs the adjective from "as"
                        or (prep.lower_ == "as" and c.dep_ == "amod" and c.pos_ == "ADJ")
                    )
                    and c.ent_type_ not in ("DATE", "TIME")
                ]
                if objects_of:
                    # "referred to Rubio as a leader": what follows about it is content too.
                    objects_of += [
                        c
                        for c in cue.children
                        if c.dep_ == "prep" and c.i > prep.i and _is_topic_phrase(c)
                    ]
                    if prep.lower_ == "as":
                        # "saw the front-runner as a credible agent of change": what is seen so.
                        objects_of += [prep] + [
                            c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < prep.i
                        ]
                return _subtree_span(_content_tokens(objects_of), 1)
    # "as the Post reported": a saying or reporting verb, not "as voters learned more" or "as
    # the talks continued", which tell when.
    as_clause = (
        cue.dep_ == "advcl"
        and lemma in _reporting_lemmas()
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in cue.children)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
    )
    comma = _trailing_attribution_comma(cue) if lemma in cue_lemmas() else None
    if comma is not None:
        # "Those who take on debt struggle, even with a good job, he said.": the parser hangs
        # the report from the cue without a clause; it is everything before ", he said".
        # The segmenter may cut ", he said." off as a sentence of its own.
        sentence = cue.sent if comma > cue.sent.start else cue.doc[comma].sent
        if comma <= sentence.start:
            sentence = cue.doc[sentence.start - 1].sent if sentence.start else sentence
        clause = [t for t in sentence if t.i < comma]
        if comma + 1 != cue.i and not any(t.pos_ in ("VERB", "AUX") for t in clause):
            # "Then, last week, he said." frames what follows; ", said X." never does.
            return None
        return _subtree_span(clause, INDIRECT_MIN_TOKENS)
    if (
        lemma in cue_lemmas()
        and (cue.dep_ == "parataxis" or as_clause or _is_interjected(cue))
        and cue.head.i != cue.i
    ):
        # "In his state, Christie said, offenders are sent to treatment."; "As reported by the
        # Post, 150 delegates are at stake."
        # What the parser hangs from the cue before its subject is the report's own fronted
        # phrase: "In a general election polarized by Trump, Democrats argued, black voters
        # would turn out" attributes the whole.
        subjects = [c for c in cue.children if c.dep_ in _SUBJECT_DEPS and c.i < cue.i]
        first = subjects[0].left_edge.i if subjects and cue.dep_ == "parataxis" else 0
        own = {t.i for t in cue.subtree if t.i >= first}
        clause = [t for t in _content_tokens([cue.head]) if t.i not in own]
        return _subtree_span(clause, INDIRECT_MIN_TOKENS)
    return None


def _is_interjected(cue: Token) -> bool:
    """A reporting verb set off by commas inside its report, which the parser reads as a clause
    of the report's verb: "If she wins, Clinton suggested in a tweet, women won't be punished".
    A verb of telling may keep its hearer ("Trump told CNN,"), and the parser may read the
    cue as an adverbial clause as well (PolNeAR train +3 matched for +3 predictions)."""
    doc = cue.doc
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    return (
        (
            cue.dep_ == "ccomp"
            or (cue.dep_ == "advcl" and not any(c.dep_ == "mark" for c in cue.children))
        )
        and cue.head.i > cue.i
        and _lemma(cue) in _reporting_lemmas()
        and bool(subjects)
        and subjects[0].left_edge.i > cue.sent.start
        and doc[subjects[0].left_edge.i - 1].text == ","
        and cue.right_edge.i + 1 < cue.head.i
        and doc[cue.right_edge.i + 1].text == ","
        and not any(
            c.dep_ in ("ccomp", "xcomp")
            or (c.dep_ == "dobj" and _lemma(cue) not in _ADDRESSEE_VERBS)
            for c in cue.children
        )
    )


# A trailing ", he said." may hang from the report's verb as one of these clauses, besides
# being the sentence's root; with ", said X." (subject after the cue) and the subject nearest
# the cue, PolNeAR train +7 matched for +6 predictions; verbs of belief too (", I think."):
# +1 matched for +1 prediction (every cue verb, "continue" among them: +2 for +2).
_TRAILING_DEPS = frozenset({"advcl", "conj", "ccomp"})
# What may stand between the comma and a trailing cue: its subject phrase and adverbs.
_TRAILING_SUBJECT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "advmod", "aux", "compound", "det", "amod", "poss", "case", "punct"}
    | {"appos", "prep", "pobj"}
)
# What may follow a trailing cue before the full stop: its time or place.
_TRAILING_ADJUNCT_DEPS = frozenset(
    {"punct", "npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod"}
)


def _trailing_attribution_comma(cue: Token) -> int | None:
    """The comma before ", he said." closing a sentence whose words the parser left without a
    clause for the cue; None when the cue is not such an attribution."""
    doc = cue.doc
    if _lemma(cue) not in _reporting_lemmas() | _belief_lemmas():
        return None
    if cue.dep_ != "ROOT" and not (
        cue.dep_ in _TRAILING_DEPS and cue.head.i < cue.i and cue.head.sent == cue.sent
    ):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for c in cue.children):
        return None
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    inverted = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i]
    if inverted and cue.i > cue.sent.start and doc[cue.i - 1].text == ",":
        # ", said the company's chief executive, John Ferriola.": the subject after the cue
        # (the parser may take the report's own subject for a second one before the comma).
        subject = {t.i for t in inverted[0].subtree}
        after = [t for t in doc[cue.i + 1 : cue.sent.end] if not t.is_space and t.i not in subject]
        if (
            not after
            or after[-1].text not in (".", "!")
            or any(t.dep_ not in _TRAILING_ADJUNCT_DEPS or t.text in "\"“”‘’'«»" for t in after)
        ):
            return None
        return cue.i - 1
    if not subjects:
        return None
    # The subject next to the cue: the parser may hang a subject of the report from it too.
    first = subjects[-1].left_edge.i
    if first < 1 or doc[first - 1].text != ",":
        return None
    # The sentence ends after the cue and its time or place ("he said on Monday."): a quote
    # or clause after it is the cue's content, read elsewhere.
    after = [t for t in doc[cue.i + 1 : cue.sent.end] if not t.is_space]
    if (
        not after
        or after[-1].text not in (".", "!")
        or any(t.dep_ not in _TRAILING_ADJUNCT_DEPS or t.text in "\"“”‘’'«»" for t in after)
    ):
        return None
    # Nothing but the subject (and adverbs) between the comma and the cue.
    if not all(t.dep_ in _TRAILING_SUBJECT_DEPS for t in doc[first : cue.i]) or any(
        "\n" in t.text for t in doc[cue.sent.start : cue.i]
    ):
        return None
    return first - 1


def _passive_complement(cue: Token) -> list[Token]:
    """The subject and predicate of a passive cue with a predicate complement: in "many
    delegates were deemed ineligible" or "the plan is widely seen as a threat" what is deemed
    or seen is the subject's being so (PolNeAR: subject and complement, the cue between)."""
    subjects = [
        c
        for c in cue.children
        if c.dep_ == "nsubjpass" and c.i < cue.i and c.lower_ not in _RELATIVE_PRONOUNS
    ]
    complements = [
        c
        for c in cue.children
        if c.i > cue.i
        and (
            c.dep_ in ("oprd", "acomp", "attr")
            or (c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" for g in c.children))
        )
    ]
    return subjects[:1] + complements if subjects and complements else []


def _is_clause_frame_cue(token: Token, entities: tuple[Entity, ...]) -> bool:
    """A verb outside the lexicon that frames a "that" clause as its actor's words or thoughts:
    its subject is a person, an organisation or a group (a pronoun, a named entity) and its
    complement a finite clause with its own subject ("Sanders conceded that he would lose")."""
    if token.pos_ != "VERB" or _lemma(token) in _NON_SPEECH_CLAUSE_VERBS:
        return False
    if any(c.lower_ == "sure" for c in token.children):
        return False  # "made sure that …" causes, it does not report
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not _is_actor(subject, entities):
        return False
    return any(
        c.dep_ == "ccomp"
        and c.i > token.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and _is_finite_clause(c)
        for c in token.children
    )


def _is_actor(token: Token, entities: tuple[Entity, ...]) -> bool:
    """A personal pronoun, or a person, organisation, group or country the article names."""
    if token.lower_ in _ACTOR_SUBJECT_PRONOUNS or token.ent_type_ in _ACTOR_ENTITY_TYPES:
        return True
    entity = entity_at(entities, token.idx, token.idx + len(token))
    return entity is not None and entity.type in _ACTOR_ENTITY_TYPES


def _is_finite_clause(clause: Token) -> bool:
    """A clause with a subject of its own and a tensed verb or a modal: "that he would run"."""
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return False
    return clause.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in clause.children
    )


def _raised_passive_content(cue: Token) -> TextSpan | None:
    """ "Trump is expected to attend", "Some advisers are said to be urging …": a passive cue
    with an infinitive says something of its subject, which PolNeAR counts in the content."""
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    infinitive = [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i]
    if subject is None or subject.lower_ in _RELATIVE_PRONOUNS or not infinitive:
        return None
    return _subtree_span(_content_tokens([subject, *infinitive]), 1)


def _passive_predicate_content(cue: Token) -> TextSpan | None:
    """A stance verb in the passive with no agent and a predicate: "The rollout was widely
    criticized as sloppy", "Sanders was declared the winner". Someone unnamed holds the view;
    the subject and what it is called are the content (PolNeAR train: 20 of 33 such quotes
    matched gold; without a predicate, "the deal was rejected", 40 of 102, not read)."""
    if (
        _lemma(cue) not in _stance_lexicon()[0]
        or not any(c.dep_ == "auxpass" for c in cue.children)
        or any(c.dep_ in ("agent", "ccomp", "xcomp") for c in cue.children)
    ):
        return None
    passive = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    said = [
        c
        for c in cue.children
        if c.i > cue.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))
    ]
    if passive is None or passive.lower_ in _RELATIVE_PRONOUNS or not said:
        return None
    last = said[-1].right_edge
    return TextSpan(_np_span(passive).start, last.idx + len(last))


def _gerund_content(cue: Token) -> TextSpan | None:
    """The gerund clause a stance verb takes as its object: "Sanders supports raising the
    minimum wage", "is considering issuing summonses" (PolNeAR train: 20 of 33 matched)."""
    if _lemma(cue) not in _stance_lexicon()[0]:
        return None
    gerunds = [c for c in cue.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > cue.i]
    return _subtree_span(_content_tokens(gerunds), 1) if gerunds else None


def _particle_content(cue: Token) -> TextSpan | None:
    """The object of a phrasal verb of stance or speech ("laid out his plan", "played down the
    risk", "shrugged off the criticism", "singled out Clinton")."""
    particles = _particle_cues().get(_lemma(cue))
    if not particles or not any(c.dep_ == "prt" and c.lower_ in particles for c in cue.children):
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    return _subtree_span(_content_tokens(objects), 1) if objects else None


def _idiom_content(cue: Token) -> TextSpan | None:
    """What a verb-and-noun idiom of stance is about: "took aim at the plan", "cast doubt on the
    poll", "made no mention of Bush", "poked fun at him". The noun is the verb's object; the
    content is the object of the preposition the idiom takes, on the noun or on the verb."""
    idioms = _idiom_cues().get(_lemma(cue))
    if not idioms:
        return None
    noun = next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in idioms), None)
    if noun is None:
        return None
    preps = [p for p in noun.children if p.dep_ == "prep"]
    preps += [p for p in cue.children if p.dep_ == "prep" and p.i > noun.i]
    targets = [
        g
        for p in preps
        if p.lower_ in idioms[noun.lemma_.lower()]
        for g in p.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    return _subtree_span(_content_tokens(targets[:1]), 1) if targets else None


@cache
def _idiom_cues() -> dict[str, dict[str, frozenset[str]]]:
    """Verb lemma → its object noun → the prepositions that introduce the content."""
    table = _cue_data().get("idiom_content", {})
    return {
        verb: {noun: frozenset(preps) for noun, preps in nouns.items()}
        for verb, nouns in table.items()
    }


@cache
def _particle_cues() -> dict[str, frozenset[str]]:
    return {lemma: frozenset(p) for lemma, p in _cue_data().get("particle_content", {}).items()}


def _made_clear_content(cue: Token) -> TextSpan | None:
    """ "Davis made it clear that she did not view the comment in isolation", "the governor made
    clear that …": the "that" clause is what the subject made clear."""
    if _lemma(cue) != "make":
        return None
    clear = next((c for c in cue.children if c.lower_ in _MADE_CLEAR_WORDS), None)
    if clear is None:
        return None
    clauses = [
        c
        for c in (*cue.children, *clear.children)
        if c.dep_ in ("ccomp", "advcl")
        and c.i > clear.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    return _subtree_span(_content_tokens(clauses), INDIRECT_MIN_TOKENS) if clauses else None


def _said_content(cue: Token) -> TextSpan | None:
    """What "say" has as its object or answer when it takes no clause: "said so", "said yes",
    "say the same of Clinton", "said that" (PolNeAR train: 34 of 54 such quotes matched)."""
    if _lemma(cue) != "say" or any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None
    said = [
        c
        for c in cue.children
        if c.i > cue.i and (c.dep_ in ("dobj", "intj") or (c.dep_ == "advmod" and c.lower_ == "so"))
    ]
    return _subtree_span(_content_tokens(said), 1) if said else None


def _construction_content(cue: Token) -> TextSpan | None:
    """What a cue attributes: the constructions read here first (they are more specific than
    ``_indirect_content``'s readings of the same words), then ``_indirect_content``, then the
    constructions it does not read."""
    for read in (_raised_passive_content, _said_content, *_PHRASE_CUES):
        content = read(cue)
        if content is not None:
            return content
    return _indirect_content(cue) or _passive_predicate_content(cue) or _gerund_content(cue)


# Multi-word cues whose head word is in no lexicon of its own: "laid out", "took aim at",
# "made it clear that". ("It is unclear whether …", sourceless, was tried: 15 of 33 matched.)
_PHRASE_CUES = (_particle_content, _idiom_content, _made_clear_content)


def _is_agentless_passive(cue: Token) -> bool:
    """A passive cue that names no agent ("it was announced that …", "Trump is expected to …",
    "Asked whether …, she said"): someone unnamed speaks; the subject is what is said, not who
    says it. On PolNeAR train reading these as sourceless raised indirect source accuracy from
    0.864 to 0.880."""
    if cue.pos_ not in ("VERB", "AUX") or any(c.dep_ == "agent" for c in cue.children):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return True
    # A bare past participle heading a clause: "Asked whether …", "a state seen as critical".
    return (
        cue.tag_ == "VBN"
        and cue.dep_ in ("advcl", "acl")
        and not any(c.dep_ == "aux" for c in cue.children)
    )


def _is_topic_phrase(prep: Token) -> bool:
    """A prepositional phrase after a stance verb's object that says what about it ("dismissed
    his plan *over its cost*"), not when, where or by whom ("on Monday", "in Iowa")."""
    if prep.lower_ in ("by", "in", "at", "during", "after", "before", "since", "until"):
        return False
    return not any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "EVENT")
        for c in prep.children
    )


def _adjective_content(adjective: Token) -> TextSpan | None:
    heads = _adjective_cues().get(adjective.lower_, frozenset())
    parts: list[Token] = []
    for child in adjective.children:
        if _ADJECTIVE_CLAUSE_DEPS.get(child.dep_) in heads:
            parts.append(child)
        elif child.dep_ == "prep" and child.lower_ in heads:
            parts.extend(g for g in child.children if g.dep_ in ("pobj", "pcomp"))
    return _subtree_span(_content_tokens(parts), 1)


def _quoted_share(span: TextSpan, quotations: list[Quotation]) -> float:
    """The share of ``span`` that its largest quoted passage covers."""
    covered = max((min(span.end, q.end) - max(span.start, q.start) for q in quotations), default=0)
    return max(0, covered) / max(1, span.end - span.start)


@cache
def _adverb_cues() -> frozenset[str]:
    """Adverbs that attribute their clause to unnamed sources ("X reportedly met Y")."""
    return frozenset(_cue_data()["adverb_cues"]["lemmas"])


def _adverb_attribution(text: str, adverb: Token) -> Quote | None:
    """The clause an attributing adverb modifies, with no speaker: in "The FBI is reportedly
    making arrangements to interview Clinton" someone unnamed reported the whole clause."""
    if adverb.lower_ not in _adverb_cues() or adverb.dep_ != "advmod":
        return None
    if adverb.head.pos_ not in ("VERB", "AUX"):
        return None
    content = _subtree_span(_content_tokens([adverb.head]), INDIRECT_MIN_TOKENS)
    if content is None:
        return None
    return _unsourced_quote(text, adverb, content)


def _block_quote_content(text: str, cue: Token) -> TextSpan | None:
    """The paragraph after `Hewitt writes:` or `In a speech last July, he said:`: a reporting
    verb whose sentence ends its paragraph on a colon introduces the next paragraph, a
    quotation set off as a block without quote marks (one quoted with marks is a direct
    quote); the block runs to the next blank line (PolNeAR train +6 matched for -5 predictions,
    F1 0.7365 -> 0.7369; dev +1 matched, 0.7508 -> 0.7511)."""
    if cue.pos_ not in ("VERB", "AUX") or _lemma(cue) not in _reporting_lemmas():
        return None
    sentence = cue.sent
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    if last is None or last.text != ":" or last.i < cue.i:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > cue.i for c in cue.children):
        return None  # "He then listed the qualities he wants:" — its own object
    own = {t.i for t in cue.subtree}
    if any(t.i not in own and not t.is_punct for t in cue.doc[cue.i + 1 : last.i]):
        # "As Matthews writes, Kavanaugh boasts a résumé …:" — the colon ends another clause,
        # which the cue attributes; the block after it is the writer's list.
        return None
    colon_end = last.idx + 1
    newline = text.find("\n", colon_end)
    if newline < 0 or text[colon_end:newline].strip():
        return None
    start = newline
    while start < len(text) and text[start].isspace():
        start += 1
    blank = _BLANK_LINE.search(text, start)
    end = len(text) if blank is None else blank.start()
    paragraph = text[start:end].rstrip()
    if not paragraph or paragraph[0] in "\"“‘'«<":
        return None
    return TextSpan(start, start + len(paragraph))


def _after_colon(
    doc: Doc, text: str, content: TextSpan, cue: Token, quotations: list[Quotation]
) -> TextSpan | None:
    """Content that starts before a colon preceding its cue is cut at the colon: in "Even his
    allies sounded equivocal: Harman called it a bad option" the writer's lead-in before the
    colon is not what Harman said."""
    colon = text.rfind(":", content.start, cue.idx)
    while colon >= 0 and (_inside(colon, quotations) or not text[colon + 1 : colon + 2].isspace()):
        colon = text.rfind(":", content.start, colon)  # not "10:30", not a quoted colon
    if colon < 0:
        return content
    start = colon + 1
    while start < content.end and text[start].isspace():
        start += 1
    if start >= content.end:
        return None
    return TextSpan(start, content.end)


def _into_quotation(
    text: str, content: TextSpan, cue: Token, quotations: list[Quotation]
) -> TextSpan:
    """Reported speech that runs on into a quoted fragment of its sentence takes it in: in
    `explained that the title goes to whoever had the greatest impact, "for good or for ill."`
    the quoted words end what was explained, though the parser hangs them from the verb. A
    quotation that opens in capitals is a sentence of its own, quoted directly."""
    sentence_end = cue.sent.end_char
    for quotation in quotations:
        if content.start < quotation.start < content.end < quotation.inner_end:
            return TextSpan(content.start, quotation.end)  # never stop inside a quotation
        if quotation.start < content.end or quotation.start >= sentence_end:
            continue
        opening = text[quotation.inner_start : quotation.inner_start + 1]
        if opening.islower() and _QUOTE_JOIN.fullmatch(text, content.end, quotation.start):
            return TextSpan(content.start, quotation.end)
        break
    return content


def _indirect_quotes(
    doc: Doc,
    text: str,
    entities: tuple[Entity, ...],
    genders: Genders,
    quotations: list[Quotation],
    used_cues: set[int],
) -> list[tuple[Quote, int]]:
    quotes: list[tuple[Quote, int]] = []
    for token in doc:
        if (
            token.pos_ not in _CUE_POS
            and token.lower_ not in _adverb_cues()
            and token.lower_ != "according"
            and _framing_document(token) is None
        ):
            continue
        if _inside(token.idx, quotations):
            continue
        if token.pos_ == "ADV":
            found_adverb = _adverb_attribution(text, token)
            if found_adverb is not None:
                quotes.append((found_adverb, token.i))
            continue
        if token.pos_ == "NOUN":
            found = _noun_attribution(token)
            if found is not None:
                quotes.append((_noun_quote(doc, text, entities, genders, token, *found), token.i))
                continue
            favour = _in_favour_attribution(token)
            if favour is not None:
                quotes.append((_noun_quote(doc, text, entities, genders, token, *favour), token.i))
                continue
            clause = _noun_clause(token)
            if clause is not None:
                holder = _clause_noun_holder(token)
                quote = (
                    _unsourced_quote(text, token, clause)
                    if holder is None
                    else _noun_quote(doc, text, entities, genders, token, holder, clause)
                )
                quotes.append((quote, token.i))
            continue
        if not (
            _is_cue(token)
            or _is_stance(token)
            or _is_stance_adjective(token)
            or _framing_document(token) is not None
            or _is_clause_frame_cue(token, entities)
            or any(read(token) is not None for read in _PHRASE_CUES)
        ):
            continue
        content = _block_quote_content(text, token) or _construction_content(token)
        if content is not None:
            content = _after_colon(doc, text, content, token, quotations)
        if content is not None:
            content = _into_quotation(text, content, token, quotations)
        if content is None or _quoted_share(content, quotations) > INDIRECT_MAX_QUOTED_SHARE:
            continue
        if token.i in used_cues and not any(
            content.start <= q.start and q.end <= content.end for q in quotations
        ):
            # The cue of a direct quote reports that quote; it reports more only when the
            # writer's words run around it: `Clinton, he said, "is very confident" of a win`.
            continue
        speaker = (
            _NO_SPEAKER
            if _lemma(token) in _impression_lemmas() or _is_agentless_passive(token)
            else _speaker(doc, text, token, entities, genders)
        )
        cue_end = token.idx + len(token)
        if token.lower_ == "according":
            cue_end = max(t.idx + len(t) for t in token.children if t.lower_ == "to")
        quotes.append(
            (
                Quote(
                    text=content.text_of(text),
                    span=content,
                    kind="indirect",
                    speaker=speaker.entity.id if speaker.entity else None,
                    speaker_name=speaker.name,
                    speaker_span=speaker.span,
                    cue=TextSpan(token.idx, cue_end),
                    via=speaker.via,
                    extractor=EXTRACTOR,
                ),
                token.i,
            )
        )
    return quotes


def _colon_quotes(
    text: str, entities: tuple[Entity, ...], quotations: list[Quotation]
) -> list[tuple[Quote, None]]:
    """Headline attributions, a line that opens with its source and a colon: "Clinton: Trump
    will reverse Roe v. Wade". The source must be a named person or organisation (never an
    all-capitals dateline such as "WASHINGTON:"); a quoted remainder is a direct quote already."""
    quotes: list[tuple[Quote, None]] = []
    lines = []
    colon = text.find(":")
    while colon >= 0:
        start = text.rfind("\n", 0, colon) + 1
        end = text.find("\n", colon)
        end = len(text) if end < 0 else end
        if colon - start <= _COLON_SOURCE_MAX_CHARS:
            lines.append(_COLON_LINE.match(text, start, end))
        colon = text.find(":", end)
    matched = [line for line in lines if line is not None]
    labels = sum(1 for line in matched if _is_label(line.group(1)))
    for line in matched:
        source = TextSpan(line.start(1), line.end(1))
        name = source.text_of(text)
        content = TextSpan(line.start(2), line.end(2))
        if any(q.start <= content.start and content.end - 1 <= q.end for q in quotations) or (
            text[content.start] in '"“‘«' and not _inside(content.start, quotations)
        ):
            # A wholly quoted remainder is a direct quote already; one that opens with a
            # quoted phrase ("Sanders: ‘Of Course’ Clinton Is Qualified") is read here
            # (PolNeAR train +3 matched for +1 prediction; dev unchanged).
            continue
        entity = entity_at(entities, source.start, source.end)
        named = (
            _person_by_surname(entities, name)
            if entity is None and _TITLE_WORD.fullmatch(name) and not name.isupper()
            else None
        )
        if named is not None:
            # "Lynch: No outside influence on FBI probe": a headline's bare surname that NER
            # did not tag is the one person of the article with that surname
            if len(_WORDS.findall(content.text_of(text))) >= INDIRECT_MIN_TOKENS:
                quotes.append((_colon_quote(text, named, source, content, line.end(1)), None))
            continue
        if _is_speaker_label(name, labels, entity):
            # A transcript ("TAPPER: Do you think …", "Q: …"): the label names the speaker.
            if len(_WORDS.findall(content.text_of(text))) < INDIRECT_MIN_TOKENS:
                continue
            entity = _person_by_surname(entities, name.title())
        elif name.lower() in _document_frames()[1]:
            # "Poll: 3 battleground Senate races are tight": the poll is the source.
            if len(_WORDS.findall(content.text_of(text))) < INDIRECT_MIN_TOKENS:
                continue
            entity = None
        elif (
            entity is None
            or entity.type not in _COLON_SOURCE_TYPES
            or name.isupper()
            or len(_WORDS.findall(content.text_of(text))) < INDIRECT_MIN_TOKENS
            or not any(
                (m.start <= source.start + 1 and source.end - 1 <= m.end + _COLON_SOURCE_SLACK)
                # A title before the name, in capitals: "Dr. Ben Carson:", "OK Gov Fallin:"
                # (not "Clinton to Planned Parenthood:"); PolNeAR train +3 matched for +4
                # predictions, dev unchanged.
                or (
                    source.start <= m.start <= source.start + _COLON_SOURCE_SLACK
                    and source.end - 1 <= m.end <= source.end + 1
                    and all(
                        not w[0].isalpha() or w[0].isupper()
                        for w in text[source.start : m.start].split()
                    )
                )
                for m in entity.mentions
            )
        ):
            continue
        quotes.append((_colon_quote(text, entity, source, content, line.end(1), name), None))
    return quotes


def _colon_quote(
    text: str,
    entity: Entity | None,
    source: TextSpan,
    content: TextSpan,
    colon: int,
    name: str | None = None,
) -> Quote:
    return Quote(
        text=content.text_of(text),
        span=content,
        kind="indirect",
        speaker=entity.id if entity else None,
        speaker_name=entity.name if entity else name,
        speaker_span=source,
        cue=TextSpan(colon, colon + 1),
        via=None,
        extractor=EXTRACTOR,
    )


def _is_label(name: str) -> bool:
    """A speaker label of a transcript: a name in capitals of a few words ("Q", "TAPPER", "KATE
    BOULDUAN")."""
    return name.isupper() and len(name.split()) <= TRANSCRIPT_LABEL_MAX_WORDS


def _is_speaker_label(name: str, labels: int, entity: Entity | None) -> bool:
    """An interview transcript's speaker label: one word in capitals, in an article where at
    least ``TRANSCRIPT_MIN_TURNS`` lines open with such a label, that is not a place (a
    dateline)."""
    return (
        labels >= TRANSCRIPT_MIN_TURNS
        and _is_label(name)
        and (entity is None or entity.type not in ("GPE", "LOC"))
    )


def _headline_quotes(text: str, entities: tuple[Entity, ...]) -> list[tuple[Quote, None]]:
    """Title-case headline lines of the form "Hillary Clinton Slams Donald Trump On Abortion":
    the words before a present-tense cue verb are the source, the rest of the line the content
    (up to a comma and a second cue verb, which makes a second claim). Read from the text, as
    the parser tags title-case words as proper nouns."""
    quotes: list[tuple[Quote, None]] = []
    lemmas = _headline_lemmas()
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        words = list(_HEADLINE_WORD.finditer(text, start, end))
        start = end + 1
        if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
            continue
        capitals = sum(1 for w in words if w.group()[0].isupper() or not w.group()[0].isalpha())
        if capitals < len(words) * HEADLINE_CAPITALS_SHARE or line.isupper():
            continue
        for index in range(1, min(HEADLINE_SOURCE_MAX_WORDS + 1, len(words) - 1)):
            lemma = _present_tense_lemma(words[index].group())
            if lemma is None or lemma not in lemmas:
                continue
            # "Update at 10:15 p.m. ET. Romney Cites …": the source starts after a sentence
            # that opens the line; "Dr. Ben Carson" keeps its title.
            first = 0
            for j in range(index - 1):
                word = words[j].group()
                if word.endswith(".") and word[:-1].lower() not in _TITLE_ABBREVIATIONS:
                    first = j + 1
            source = TextSpan(words[first].start(), words[index - 1].end())
            entity = entity_at(entities, source.start, source.end)
            if entity is not None and not any(
                source.start <= m.start and m.end <= source.end for m in entity.mentions
            ):
                entity = None  # NER runs title-case names into the verb: "Clinton Slams Trump"
            # "Clinton Says Russians Hacked DNC, Calls Trump's Remarks 'Troubling'": a comma
            # and a second cue verb start a second claim of the same source (PolNeAR train +2
            # matched for +2 predictions).
            cues = [index] + [
                j
                for j in range(index + 2, len(words) - 1)
                if words[j - 1].group().endswith(",")
                and _present_tense_lemma(words[j].group()) in lemmas
            ]
            for at, cue in enumerate(cues):
                last = words[cues[at + 1] - 1] if at + 1 < len(cues) else words[-1]
                content = TextSpan(words[cue + 1].start(), last.end())
                if at + 1 < len(cues) or text[content.end - 1] == ":":
                    content = TextSpan(content.start, content.end - 1)  # the comma, a colon
                quotes.append(
                    (
                        Quote(
                            text=content.text_of(text),
                            span=content,
                            kind="indirect",
                            speaker=entity.id if entity else None,
                            speaker_name=entity.name if entity else source.text_of(text),
                            speaker_span=source,
                            cue=TextSpan(words[cue].start(), words[cue].end()),
                            via=None,
                            extractor=EXTRACTOR,
                        ),
                        None,
                    )
                )
            break
    return quotes


@cache
def _headline_lemmas() -> frozenset[str]:
    objects, infinitives, prepositional = _stance_lexicon()
    return _reporting_lemmas() | objects | infinitives | frozenset(prepositional)


def _present_tense_lemma(word: str) -> str | None:
    """ "Says" → "say", "Denies" → "deny", "Pushes" → "push"; None for a word not in -s."""
    lower = word.lower()
    if not lower.endswith("s") or len(lower) < 4 or not word[0].isupper():
        return None
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("shes", "ches", "sses", "xes")):
        return lower[:-2]
    return lower[:-1]


def _noun_clause(noun: Token) -> TextSpan | None:
    """The clause a noun takes as its complement, whoever's it is: a finite "that" clause
    ("fears that the virus will spread", "the claim that he lied"; not a relative clause, "the
    bill that passed"), or the infinitive of a cue noun ("plans to expand", "a warning not to
    use it"; PolNeAR train: 20 of 38 such quotes matched gold)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in _FACT_NOUNS:
        return None
    clauses = [
        c
        for c in noun.children
        if c.dep_ in ("acl", "ccomp")
        and c.i > noun.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and _is_finite_clause(c)
    ]
    if clauses:
        return _subtree_span(_content_tokens(clauses), INDIRECT_MIN_TOKENS)
    if noun.lemma_.lower() not in _noun_cues()[0]:
        return None
    infinitives = [
        c
        for c in noun.children
        if c.dep_ == "acl"
        and c.i > noun.i
        and c.tag_ == "VB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    return _subtree_span(_content_tokens(infinitives), 1) if infinitives else None


def _in_favour_attribution(noun: Token) -> tuple[Token, TextSpan] | None:
    """ "voted in favor of the bill", "is in favour of a ban": (the subject, what it favours)."""
    if noun.lower_ not in ("favor", "favour") or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    targets = [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    verb = noun.head.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not targets or subject is None or subject.lower_ in _RELATIVE_PRONOUNS:
        return None
    content = _subtree_span(_content_tokens(targets), 1)
    return (subject, content) if content is not None else None


def _clause_noun_holder(noun: Token) -> Token | None:
    """Whose "the fear that …" is: its possessor, else the subject of the verb it is the object
    of, up through prepositions ("X veered close to an admission that …")."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return possessor
    head, steps = noun, 0
    while head.dep_ in ("dobj", "pobj", "prep", "attr") and head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
        if head.pos_ in ("VERB", "AUX"):
            if _lemma(head) in _REJECTING_LEMMAS:
                return None  # who "rejected the claim that …" did not make it
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def _unsourced_quote(text: str, cue: Token, content: TextSpan) -> Quote:
    return Quote(
        text=content.text_of(text),
        span=content,
        kind="indirect",
        speaker=None,
        speaker_name=None,
        speaker_span=None,
        cue=TextSpan(cue.idx, cue.idx + len(cue)),
        via=None,
        extractor=EXTRACTOR,
    )


def _noun_quote(
    doc: Doc,
    text: str,
    entities: tuple[Entity, ...],
    genders: Genders,
    noun: Token,
    source: Token,
    content: TextSpan,
) -> Quote:
    span = _np_span(source)
    entity = entity_at(entities, source.idx, source.idx + len(source))
    if entity is None and source.lower_ in _PRONOUNS | {"his", "her", "their", "its"}:
        entity = resolve_mention(doc, entities, source.i, genders)
    if entity is None:
        entity = entity_at(entities, span.start, span.end)
    name = (
        entity.name
        if entity is not None
        else (
            None
            if source.lower_ in _PRONOUNS | {"his", "her", "their", "its"}
            else span.text_of(text)
        )
    )
    return Quote(
        text=content.text_of(text),
        span=content,
        kind="indirect",
        speaker=entity.id if entity else None,
        speaker_name=name,
        speaker_span=span,
        cue=TextSpan(noun.idx, noun.idx + len(noun)),
        via=None,
        extractor=EXTRACTOR,
    )


def _relay_of(
    doc: Doc, quote: Quote, cue_index: int | None, found: list[tuple[Quote, int | None]]
) -> str | None:
    """Who passes a quote on when that is not its speaker: the source of a report whose content
    holds the quote's cue, or an "according to" source in the same sentence."""
    if cue_index is None or quote.speaker_name is None:
        return None
    cue = doc[cue_index]
    for other, other_cue in found:
        if other is quote or other_cue is None or not other.speaker_name:
            continue
        if other.speaker_name == quote.speaker_name:
            continue
        if (
            other.kind == "indirect"
            and other.span.start <= cue.idx < other.span.end
            and _is_cue(doc[other_cue])
        ):
            # Only a source that says or reports relays; "X voted to hold" relays nothing.
            return other.speaker_name
        according = doc[other_cue]
        if according.lower_ == "according" and according.sent == cue.sent and cue.i != according.i:
            return other.speaker_name
    return None


def _coordinated_quotes(
    text: str,
    quotations: list[Quotation],
    direct: list[tuple[Quote, int | None]],
    indirect: list[tuple[Quote, int]],
) -> list[tuple[Quote, int]]:
    """Quoted passages of one cue joined as a list ("and", "or", commas) are one content: in
    `chanted "stop killing black people" and "no justice, no peace."` the coordination is what
    was chanted (PolNeAR's guidelines: "include the conjunction when a span is compound",
    `charged with "disturbing the peace" and "indecent exposure."`). Read when no reported
    speech of that cue already spans the list; the passages stay records of their own. On
    PolNeAR train 5 of the 7 lists read matched gold (+4 matched relations, 5 fewer
    predictions once their passages are no longer counted one by one)."""
    quotation_of = {(q.inner_start, q.inner_end): q for q in quotations}
    runs: list[tuple[int, list[tuple[Quote, Quotation]]]] = []
    for quote, cue in direct:
        quotation = quotation_of.get((quote.span.start, quote.span.end))
        if quotation is None or cue is None:
            continue
        if runs and runs[-1][0] == cue and _joins_list(text, runs[-1][1][-1][1], quotation):
            runs[-1][1].append((quote, quotation))
        else:
            runs.append((cue, [(quote, quotation)]))
    found: list[tuple[Quote, int]] = []
    for cue, run in runs:
        span = TextSpan(run[0][1].start, run[-1][1].end)
        if len(run) < 2 or any(
            other_cue == cue
            and other.span.start <= run[0][0].span.start
            and run[-1][0].span.end <= other.span.end
            for other, other_cue in indirect
        ):
            continue
        found.append((replace(run[0][0], kind="indirect", span=span, text=span.text_of(text)), cue))
    return found


def _joins_list(text: str, previous: Quotation, quotation: Quotation) -> bool:
    """Whether ``quotation`` follows ``previous`` as the next item of a list: only "and" or
    "or", a comma or both stand between them (the comma may close the previous passage:
    `"reckless," "costly"`)."""
    between = text[previous.end : quotation.start]
    if not (previous.closed and between) or _COORDINATION.fullmatch(between) is None:
        return False
    return "," in between or between.strip() != "" or text[previous.inner_end - 1] == ","


def _with_partials(
    doc: Doc,
    text: str,
    indirect: list[tuple[Quote, int]],
    direct: list[tuple[Quote, int | None]],
) -> list[tuple[Quote, int]]:
    """Reported speech that runs into a partial quote of the same cue takes it in: in `pledged
    to oppose legal status "today, tomorrow, forever."` the quoted words end what was pledged,
    even where the parse hangs them elsewhere. The partial quote stays a record of its own."""
    partials: dict[int, list[Quote]] = {}
    for quote, cue in direct:
        if quote.kind == "partial" and cue is not None:
            partials.setdefault(cue, []).append(quote)
    every_partial = [quote for quote, _ in direct if quote.kind == "partial"]
    merged: list[tuple[Quote, int]] = []
    for quote, cue in indirect:
        sentence = doc[cue].sent
        start, end = quote.span.start, quote.span.end
        for partial in partials.get(cue, ()):
            # A quoted title before the content ("On "Face the Nation," she said …") is not part
            # of what was said: only a partial quote that reaches into or past the content joins.
            if (
                sentence.start_char <= partial.span.start
                and partial.span.end <= sentence.end_char
                and partial.span.end > quote.span.start
            ):
                start, end = min(start, partial.span.start), max(end, partial.span.end)
        for partial in every_partial:
            # Content never stops inside a quotation: `that his comments "shows bias to me."`
            if start <= partial.span.start < end < partial.span.end:
                end = partial.span.end
        if (start, end) != (quote.span.start, quote.span.end):
            span = TextSpan(start, end)
            quote = replace(quote, span=span, text=span.text_of(text))
        merged.append((quote, cue))
    return merged


def extract_quotes(doc: Doc, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Every quote of the article, in text order."""
    text = doc.text  # spaCy rebuilds doc.text on every access: read it once
    quotations = find_quotations(text)
    genders = person_genders(doc, entities)
    direct = _direct_quotes(doc, text, entities, genders, quotations)
    used = {cue for quote, cue in direct if cue is not None and quote.kind == "direct"}
    indirect = _with_partials(
        doc, text, _indirect_quotes(doc, text, entities, genders, quotations, used), direct
    )
    indirect += _coordinated_quotes(text, quotations, direct, indirect)
    found: list[tuple[Quote, int | None]] = [
        *direct,
        *indirect,
        *_colon_quotes(text, entities, quotations),
    ]
    # A title-case headline's claim is the rest of its line: the parser, which reads its words
    # as proper nouns, cuts it short ("Promises Action On Immigration In First 100 Days" read
    # as "Action On Immigration"); PolNeAR train +3 matched, no more predictions.
    headlines = _headline_quotes(text, entities)
    cues = {quote.cue.start for quote, _ in headlines if quote.cue is not None}
    found = [
        (quote, cue)
        for quote, cue in found
        if quote.kind != "indirect" or quote.cue is None or quote.cue.start not in cues
    ]
    found += headlines
    found.sort(key=lambda pair: (pair[0].span.start, pair[0].span.end))
    return tuple(
        quote
        if quote.via is not None or (via := _relay_of(doc, quote, cue, found)) is None
        else replace(quote, via=via)
        for quote, cue in found
    )
