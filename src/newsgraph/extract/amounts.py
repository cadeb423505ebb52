"""How much, how many: money, counts, percentages and measures, with what they count and whose.

Pure function of the parsed ``Doc`` and the article's entities (from the actors extractor)::

    extract_amounts(doc, entities) -> tuple[Amount, ...]

How it works:

1. **Where**: spaCy's ``MONEY``, ``CARDINAL``, ``QUANTITY`` and ``PERCENT`` entities, plus
   number tokens and vague quantity words ("dozens", "hundreds") that NER left out, are the
   places to read. Qualifier words just before a place ("more than", "up to") are read with it.
2. **What**: :func:`~newsgraph.extract.quantities.parse_quantity` reads the expression there
   (value, range, currency, unit, qualifier) and says where it ends, so the span is the amount
   itself whatever NER's boundaries were.
3. **Of what**: ``object`` is the head noun the amount counts or measures — the noun a number
   modifies ("three Aegis guided-missile destroyers", "a $25 million bounty"), the object of a
   following "of" ("dozens of protesters", "40% of the vote") or the noun whose "of" the amount
   follows ("a fine of €410 million"). ``per`` is the noun of a rate ("$200,000 per flight").
4. **Whose**: ``about`` is the entity the parse ties the amount to — the possessor of its noun
   ("Ordaz's $50 million reward") or the named object of the noun's "for / on / against / of"
   ("a $25 million bounty for Ordaz", "a fine against Loopwave", also one step through a noun:
   "a reward for the arrest of Ordaz"). Nothing is guessed from proximity alone.

Not amounts: years and year ranges ("2025", "2015-16"), dates and times (spaCy's DATE/TIME),
ordinals, phone numbers, reference numbers ("No 10", "Article 50", "Flight 17"), numbers inside
names ("G20", "Boeing 737"), ages ("aged 45", "45-year-old": they describe a person, not a
quantity of the story), bare "one" ("one of them"), and bare numbers that neither count a noun
nor stand as a noun phrase of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.extract.actors import entity_at
from newsgraph.extract.quantities import Quantity, currency_symbols, parse_quantity
from newsgraph.records import Amount, Entity, Span

EXTRACTOR = "newsgraph.amounts.v1"
# token.pos comes from the tagger through the attribute ruler, which declares no "assigns".
REQUIRES = frozenset({"doc.ents", "token.dep", "token.head", "token.tag", "token.lemma"})

_NUMERIC_LABELS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})
# Words that start an amount before its figure (the parser decides whether they do).
_LEAD_WORDS = frozenset(
    {"a", "an", "half", "between", "from", "some", "about", "around", "roughly", "nearly",
     "almost", "over", "under", "above", "below", "approximately", "estimated", "up", "to",
     "at", "least", "most", "more", "less", "fewer", "than", "no", "not", "as", "much", "many",
     "just", "well", "close", "in", "excess", "of", "upwards", "upward", "exceeding", "north",
     "shy", "short", "several", "few", "handful", "couple", "best", "part", "the",
     "approaching", "getting", "on", "for", "maximum", "minimum"}
)  # fmt: skip
_LEAD_MAX_TOKENS = 4
_VAGUE_WORDS = frozenset(
    {"dozen", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"}
)
# A number right after these is a reference, not a quantity ("No 10", "Article 50").
_REFERENCE_WORDS = frozenset(
    {"no", "no.", "nos", "number", "#", "article", "section", "chapter", "page", "pages",
     "room", "flight", "route", "highway", "resolution", "clause", "paragraph", "item", "line",
     "platform", "gate", "bus", "channel", "model", "version", "season", "episode", "act",
     "amendment", "proposition", "prop", "district", "ward", "row", "seat", "box", "figure",
     "table", "level", "grade", "stage", "phase", "round", "week", "day", "year", "vol", "vol.",
     "rule", "order", "bill", "tier", "category", "apollo", "covid", "covid-", "caption",
     "slide", "photo", "image", "picture", "video"}
)  # fmt: skip
_POSSESSIVES = frozenset({"their", "his", "her", "its", "our", "my", "your"})
# Nouns of change: in "a 130,000 decline" the number counts what declined, not declines.
_CHANGE_NOUNS = frozenset(
    {"increase", "decrease", "decline", "rise", "fall", "drop", "gain", "loss", "jump",
     "cut", "hike", "reduction", "growth", "surge", "plunge", "slump", "boost", "swing"}
)  # fmt: skip
_TIME_NOUNS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade",
     "century", "quarter", "term", "season"}
)  # fmt: skip
_ANAPHORIC = frozenset({"the", "these", "those", "both", "all", "its", "their", "his", "her"})
_AGE_BEFORE = frozenset({"aged", "age", "ages"})
_AGE_AFTER = re.compile(r"\s*[-‐]?\s*(?:years?|months?)[-‐ ]olds?\b|\s*years? of age\b", re.I)
_PHONE = re.compile(r"\+?\d[\d ()-]{7,}\d")
# Nouns that name a rate's denominator after "a"/"an" ("$5 a share", "three times a week").
_RATE_NOUNS = frozenset(
    {"day", "week", "month", "year", "hour", "minute", "share", "head", "person", "flight",
     "barrel", "tonne", "ton", "litre", "liter", "gallon", "kilogram", "kilo", "mile", "unit",
     "night", "visit", "ticket", "vote"}
)  # fmt: skip
_ABOUT_PREPS = frozenset({"for", "on", "against", "of", "to", "from"})
_ABOUT_CHAIN_DEPS = frozenset({"pobj", "prep", "poss"})
# How many parse steps "about" may walk from the amount's noun: "$50 million for [1]
# information [2] leading [3] to [4] the arrest [5] of [6] Ordaz" needs six.
ABOUT_MAX_DEPTH = 6
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_OBJECT_DEPS = frozenset({"nummod", "quantmod", "compound", "nmod", "amod", "npadvmod"})
_STANDALONE_DEPS = frozenset(
    {"pobj", "dobj", "attr", "nsubj", "nsubjpass", "appos", "conj", "ROOT", "oprd"}
)
_TALLY_BEFORE = re.compile(r"(\d+)\s*(?:-|–|to)\s*$")
_TALLY_AFTER = re.compile(r"\s*(?:-|–|to)\s*(\d+)(?!\d|[,.]\d)")
# Bare integers in this range without a thousands comma are years ("in 2025", "2015-16").
_YEARS = (1800, 2100)


def extract_amounts(doc: Doc, entities: tuple[Entity, ...] = ()) -> tuple[Amount, ...]:
    """Every amount in the article, in text order. Never raises on odd text."""
    text = doc.text
    taken: list[tuple[int, int]] = []
    amounts: list[Amount] = []
    for start_token in _places(doc):
        if any(start <= doc[start_token].idx < end for start, end in taken):
            continue
        found = _read_at(doc, text, start_token)
        if found is None:
            continue
        quantity, first, last = found
        if (
            quantity.qualifier == "up_to"
            and doc[first].lower_ == "up"
            and doc[first].dep_ == "prt"
            and first + 2 < len(doc)
        ):
            # "was revised up to 3%": a verb particle, not a bound
            again = parse_quantity(text, doc[first + 2].idx)
            if again is None:
                continue
            quantity, first = again, first + 2
        if any(quantity.start < end and start < quantity.end for start, end in taken):
            continue
        if not _is_amount(doc, text, quantity, first, last):
            continue
        taken.append((quantity.start, quantity.end))
        amounts.append(_amount(doc, quantity, first, last, entities))
    amounts.sort(key=lambda amount: amount.span.start)
    return tuple(amounts)


def _places(doc: Doc) -> Iterable[int]:
    """Token indices where an amount may start: numeric entities, then bare numbers."""
    in_entity = [False] * len(doc)
    places: set[int] = set()
    for ent in doc.ents:
        for index in range(ent.start, ent.end):
            in_entity[index] = True
        if ent.label_ in _NUMERIC_LABELS:
            places.add(ent.start)
            # the second figure of "from 6 percent to 12 percent" (a range is taken whole)
            places.update(
                token.i
                for token in ent[1:]
                if token.like_num and doc[token.i - 1].lower_ in ("to", "and")
            )
    symbols = currency_symbols()
    for token in doc:
        if (token.is_currency or token.text in symbols) and token.i + 1 < len(doc):
            if doc[token.i + 1].like_num or doc[token.i + 1].text[:1].isdigit():
                places.add(token.i)  # NER misses some: "€3bn" tagged ORDINAL
            continue
        if in_entity[token.i]:
            if (
                token.ent_type_ == "DATE"
                and token.like_num
                and token.dep_ == "nummod"
                and token.head.pos_ in _NOUN_POS
                and not token.head.ent_type_
            ):
                places.add(token.i)  # NER took "between 10 and 12 [people]" for a date
            continue
        if token.lower_ in _VAGUE_WORDS or (
            token.like_num
            and (
                (token.dep_ == "nummod" and token.head.pos_ in _NOUN_POS)
                or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of")  # "Eleven of the"
            )
        ):
            places.add(token.i)
    return sorted(places)


def _read_at(doc: Doc, text: str, index: int) -> tuple[Quantity, int, int] | None:
    """The amount read at token ``index``, starting as far left as lead words reach."""
    lead = index
    if lead > 0 and (doc[lead - 1].is_currency or doc[lead - 1].text in currency_symbols()):
        lead -= 1  # NER often leaves the symbol out: "€" + "3bn"
    while lead > 0 and index - lead < _LEAD_MAX_TOKENS and doc[lead - 1].lower_ in _LEAD_WORDS:
        lead -= 1
    for start in range(lead, index + 1):
        quantity = parse_quantity(text, doc[start].idx)
        if quantity is None or quantity.end <= doc[index].idx:
            continue
        return quantity, _token_at(doc, quantity.start), _token_at(doc, quantity.end - 1)
    return None


def _token_at(doc: Doc, char: int) -> int:
    """The index of the token holding character ``char`` (or the last before it)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return int(span.start)
    for token in reversed(doc):
        if token.idx <= char:
            return int(token.i)
    return 0


def _is_amount(doc: Doc, text: str, quantity: Quantity, first: int, last: int) -> bool:
    surface = text[quantity.start : quantity.end]
    previous = doc[first - 1].lower_ if first > 0 else ""
    if previous in _REFERENCE_WORDS or previous in _AGE_BEFORE:
        return False
    if previous == "of" and first > 1 and doc[first - 2].lower_ == "age":
        return False
    if (
        previous == "of"
        and first > 2
        and doc[first - 2].like_num
        and doc[first - 3].lower_ in _REFERENCE_WORDS
    ):
        return False  # "Hide Caption 27 of 81 Photos", "page 3 of 10": a position in a list
    if _AGE_AFTER.match(text, quantity.end) or _PHONE.fullmatch(surface):
        return False
    before = text[quantity.start - 2 : quantity.start] if quantity.start >= 2 else ""
    if len(before) == 2 and before[1] in "-–" and before[0].isdigit():
        return False  # the second figure of a score or tally: "the 82-15 vote"
    if quantity.plain and _is_tally(text, quantity):
        return False  # "the vote was 12 to 6"
    line_start = quantity.start == 0 or text[quantity.start - 1] == "\n"
    if line_start and quantity.plain and text[quantity.end : quantity.end + 1] in (".", ")"):
        return False  # list numbering: "2. High School Dropouts"
    if (
        doc[first].is_title
        and doc[first].like_num
        and not doc[first].is_sent_start
        and first > 0
        and doc[first - 1].is_alpha
    ):
        return False  # a capitalised number word inside a sentence is a name: "Gang of Eight"
    if quantity.vague and previous in _POSSESSIVES:
        return False  # "spend their millions": money or people, the text does not say
    in_date = any(doc[i].ent_type_ in ("DATE", "TIME") for i in range(first, last + 1))
    if (
        in_date
        and quantity.kind == "count"
        and not quantity.vague
        and _object_token(doc, first, last) is None
    ):
        return False  # a DATE entity counts no noun: "for two weeks", "the 1990s"
    if quantity.value == 1 and surface.lower().endswith("one"):
        # "one of the guys", "at one point", "under one arrangement": "one" is mostly a
        # determiner or pronoun in news, hardly ever the count an analyst looks for.
        return False
    if quantity.kind != "count" or quantity.vague or quantity.qualifier is not None:
        return True
    if quantity.plain and _YEARS[0] <= quantity.value <= _YEARS[1]:
        return False
    following = text[quantity.end : quantity.end + 1]
    # "3-1", "737-800", "10:30", "1.5.2": a score, model, time or version
    if (
        following
        and (following.isalnum() or following in "-–:/.")
        and (following != "." or text[quantity.end + 1 : quantity.end + 2].isdigit())
    ):
        return False
    if (
        quantity.plain
        and previous not in _LEAD_WORDS
        and first > 0
        and doc[first - 1].pos_ == "PROPN"
        and not doc[first - 1].is_sent_start
    ):
        return False  # "CSI 300 index", "Boeing 737", "FTSE 100": part of a name
    counted = _object_token(doc, first, last, money=False)
    if counted is not None:
        # "every six years", "for three days": a duration (the dates stage), not a count
        return counted.lemma_.lower() not in _TIME_NOUNS
    if previous in _ANAPHORIC:
        return False  # "the two agreed"
    root = _root(doc, first, last)
    if root.head.lemma_.lower() in _CHANGE_NOUNS and root.head.i > last:
        return True  # "a 130,000 decline": an amount, of something the noun does not name
    return root.dep_ in _STANDALONE_DEPS and quantity.value >= 2


def _is_tally(text: str, quantity: Quantity) -> bool:
    """Whether a bare number is one side of a score or tally ("12 to 6", "82-15"): a range the
    parser did not take because its second figure is the smaller."""
    before = _TALLY_BEFORE.search(text, max(0, quantity.start - 16), quantity.start)
    if before is not None and float(before.group(1)) > quantity.value:
        return True
    after = _TALLY_AFTER.match(text, quantity.end)
    return after is not None and float(after.group(1)) < quantity.value


def _root(doc: Doc, first: int, last: int) -> Token:
    """The token of ``doc[first:last+1]`` whose head lies outside it (the last one if several)."""
    for index in range(last, first - 1, -1):
        head = doc[index].head
        if not first <= head.i <= last or head.i == index:
            return doc[index]
    return doc[last]


def _object_token(doc: Doc, first: int, last: int, money: bool = False) -> Token | None:
    """The noun the amount counts or measures, when the parse or an "of" says so."""
    root = _root(doc, first, last)
    head = root.head
    if (
        root.dep_ in _OBJECT_DEPS
        and head.i > last
        and head.pos_ in _NOUN_POS
        and head.ent_type_ not in ("DATE", "TIME")
    ):
        return None if head.lemma_.lower() in _CHANGE_NOUNS else head
    after = last + 1
    while after < len(doc) and doc[after].is_quote:  # “hundreds of thousands” of people
        after += 1
    if after < len(doc) and doc[after].lower_ == "of":
        return _of_object(doc, after)
    # "€1.2bn in loans", "$14.6 billion in revenue"
    if money and after < len(doc) and doc[after].lower_ == "in":
        return _of_object(doc, after)
    # "a fine of €410 million", "a reward of $50 million"
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and head.head.i < first
    ):
        return head.head
    return None


def _of_object(doc: Doc, of: int) -> Token | None:
    """The head noun after "of": its parse object, else the last noun of the phrase after it."""
    for child in doc[of].children:
        if child.dep_ == "pobj" and child.pos_ in _NOUN_POS:
            return None if child.ent_type_ in ("DATE", "TIME") else child
    noun: Token | None = None
    for token in doc[of + 1 : of + 7]:
        if token.ent_type_ in ("DATE", "TIME"):
            return None  # "$66.5 billion in January"
        if token.pos_ in _NOUN_POS:
            noun = token
        elif token.pos_ not in ("DET", "ADJ", "NUM", "PRON", "PART") or token.lower_ == "and":
            break
    return noun


def _per_token(doc: Doc, after: int) -> Token | None:
    """The noun of a rate right after the amount: "per flight", "a day"."""
    if after + 1 >= len(doc):
        return None
    word, noun = doc[after], doc[after + 1]
    if noun.pos_ not in _NOUN_POS:
        return None
    if word.lower_ == "per" or (word.lower_ in ("a", "an") and noun.lemma_.lower() in _RATE_NOUNS):
        return noun
    return None


def _about(doc: Doc, anchor: Token, entities: tuple[Entity, ...]) -> str | None:
    """The entity the parse ties the amount's noun to: its possessor, or the named object of
    its "for / on / against / of" phrase, also through nouns and participles on the way
    ("for information leading to the arrest of Ordaz"), at most ``ABOUT_MAX_DEPTH`` steps."""
    for child in anchor.children:
        if child.dep_ == "poss":
            entity = _entity_of(doc, child, entities)
            if entity is not None:
                return entity
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in _ABOUT_PREPS:
            entity = _about_through(doc, child, entities, ABOUT_MAX_DEPTH)
            if entity is not None:
                return entity
    return None


def _about_through(doc: Doc, token: Token, entities: tuple[Entity, ...], depth: int) -> str | None:
    """The first entity down a chain of preposition objects, possessors and participles."""
    if depth == 0:
        return None
    for child in token.children:
        if child.dep_ in ("pobj", "poss"):
            entity = _entity_of(doc, child, entities)
            if entity is not None:
                return entity
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ not in _ABOUT_PREPS:
            continue
        if (child.dep_ in _ABOUT_CHAIN_DEPS and child.pos_ != "VERB") or child.dep_ == "acl":
            entity = _about_through(doc, child, entities, depth - 1)
            if entity is not None:
                return entity
    return None


def _entity_of(doc: Doc, token: Token, entities: tuple[Entity, ...]) -> str | None:
    """The entity a noun phrase head names: one whose mention overlaps the head token."""
    if token.pos_ not in _NOUN_POS and token.pos_ != "PRON":
        return None
    entity = entity_at(entities, token.idx, token.idx + len(token.text))
    return entity.id if entity is not None else None


def _amount(
    doc: Doc, quantity: Quantity, first: int, last: int, entities: tuple[Entity, ...]
) -> Amount:
    object_token = _object_token(doc, first, last, quantity.kind == "money")
    after = last + 1
    if object_token is not None and object_token.i >= after:
        after = object_token.i + 1
    per = _per_token(doc, after)
    anchor = object_token or _root(doc, first, last)
    about = _about(doc, anchor, entities) if entities else None
    if about is None and object_token is not None and entities:
        about = _about(doc, _root(doc, first, last), entities)
    return Amount(
        text=doc.text[quantity.start : quantity.end],
        span=Span(quantity.start, quantity.end),
        kind=quantity.kind,
        value=quantity.value,
        value_max=quantity.value_max,
        unit=quantity.unit,
        currency=quantity.currency,
        qualifier=quantity.qualifier,
        approximate=quantity.approximate,
        object=_token_span(object_token),
        per=_token_span(per),
        about=about,
        extractor=EXTRACTOR,
    )


def _token_span(token: Token | None) -> Span | None:
    return None if token is None else Span(token.idx, token.idx + len(token.text))
