"""Places: the toponyms of an article resolved to coordinates, country and kind of place.

Pure function of the parsed ``Doc`` (and the actors already found)::

    extract_places(doc, entities) -> tuple[Place, ...]

**Mentions** are spaCy's GPE and LOC spans, FAC spans that name a gazetteer place, names the
small model tags ORG, PERSON or NORP where the syntax says place ("in Gainesville", "the Tyrol
region", "Madrid and Valencia"), and datelines in capitals ("COLUMBUS, Ohio (AP) —"). A span
that runs over a comma is split ("Springfield, Illinois" is two places); a leading "the", a
trailing possessive, and words that make a part of a place ("North Texas", "Fargo city") are
left out of the span. Demonyms and adjectives ("Venezuelan", NORP) are not places: they are
NORP actors with a country (``extract/actors.py``). A country that acts is an actor, not a
place, and is left out: a mention the actors extractor made a country entity of that is the
subject of a verb other than one of being or lying ("China opposes", "Washington said"), the
agent of a passive ("condemned by Turkey"), or — a capital — the object of what an actor does
("accused Beijing"). "Troops in the Caribbean", "met in Geneva", "Syria's largest city" and
"floods hit Madrid" are places.

**Resolution.** Every gazetteer place with the mention's name (``_gazetteer.py``: GeoNames
countries, first-level divisions, US counties, places of 1,000 people or more, curated seas and
regions) is a candidate, scored by

* its population (log scale) and the kind of place (a country before a town of the same name);
* a place it is written in right after it: "Springfield, Illinois", "Long Beach, Calif.",
  "Long Beach, CA", "Valencia, Venezuela" (a postal code such as "CA" counts only there;
  "Calif." and "W. Va." are states anywhere);
* the countries of the article — named as places, or through the actors (a "Venezuelan
  official", the "Colombian Navy") — and the states or provinces it names;
* the places already resolved with confidence: a town near them wins over a namesake far off;
* a national capital, and a city over the state or canton of the same name ("Geneva").

One name has one reading in an article (all its mentions get the same place), resolved in
``RESOLUTION_PASSES`` passes: first with the countries the actors give, then with what the
previous pass found — a country or state where most of a name's candidates lie (a dozen
Springfields are all in the US), and the point of a place read with confidence; a name is not
its own evidence (its contribution is left out of its own context).
``confidence`` is the share of the best candidate in a softmax of the scores, halved when spaCy
tagged the words a person or when the name is only a GeoNames alternate name; an unknown name is
kept without coordinates (``country``, ``lat`` and ``lon`` null) only where it must be a place
("in X", "X, Ohio").

Limits: places under 1,000 people, rivers, lakes (but the Great Lakes), streets, buildings and
landmarks are not in the gazetteer; a place named inside an organisation's name ("the Shreveport
Police Department") is not a place; second-level divisions only for the US (counties); a town
written without its state in an article that names no state goes to the most populous namesake
("Dublin" is in Ireland, "Paris" in France); nested metonymy ("the Beltway") is not recognised;
the US and country centre points are GeoNames', a state's is the centre of its towns' bounding
box (Virginia's lies ~160 km from GeoNames' point).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.extract._gazetteer import Gazetteer, abbreviation_key, gazetteer
from newsgraph.extract._lexicon import countries, name_key
from newsgraph.records import Entity, Place, Span

EXTRACTOR = "newsgraph.places.v1"
REQUIRES = frozenset({"doc.ents", "doc.sents", "token.dep", "token.head", "token.lemma"})

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose spans are places only when they resolve: a building or a road usually does not.
RESOLVED_ONLY_LABELS = frozenset({"FAC", "PERSON", "ORG", "NORP"})
# Labels the small model gives place names by mistake ("in Gainesville" as ORG, "Jordan" as
# PERSON, "in Rapides Parish" as NORP): such a span is a place only where the syntax says so:
# the object of a locative preposition, followed by the place it lies in ("Gainesville, Fla."),
# a modifier of a place noun ("the Tyrol region") or joined by "and" to a place.
MISTAGGED_LABELS = frozenset({"PERSON", "ORG", "NORP"})
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "near", "outside", "across", "throughout", "inside", "around", "to", "from", "into"}
)
# Words around a name that make a part of the place, not another one: "North Texas",
# "Northeast Georgia", "Fargo city". The toponym is the name they qualify.
DIRECTION_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
        "southeastern", "southwestern", "central", "upstate", "downstate", "greater", "downtown",
        "rural", "coastal", "far",
    }
)  # fmt: skip
TRAILING_GENERIC_WORDS = frozenset(
    {"city", "township", "twp", "village", "town", "area", "province", "state", "region"}
)
PLACE_NOUNS = frozenset(
    {"region", "province", "state", "county", "city", "town", "village", "valley", "area",
     "district", "parish", "island", "peninsula", "coast", "border", "countryside"}
)  # fmt: skip
LEADING_GENERIC_WORDS = frozenset({"state", "province", "city", "town", "village", "of"})

# --- scoring: tuned on LGL and TR-News (see eval/geoparsing.py), kept general --------------
POPULATION_WEIGHT = 1.0  # per power of ten of people
FEATURE_PRIOR = {
    "country": 4.0,
    "continent": 4.0,
    "ocean": 6.0,
    "sea": 6.0,
    "region": 6.0,
    "admin_region": 0.5,
    "county": -3.0,
    "city": 0.0,
}
# Areas without a population figure are scored as if they had this many people.
UNPEOPLED_POPULATION = 1_000_000
CITY_OF_SAME_NAME_BONUS = 2.0  # "Geneva", "New York": the city before its canton or state
CAPITAL_BONUS = 3.0  # a national capital: "Washington" is the city before the state
COUNTY_WORD_BONUS = 7.0  # "Rapides Parish", "Cook County" → the county, not a town
ALTERNATE_NAME_PENALTY = 2.5  # the name is only a GeoNames alternate of the place
CONTAINER_BONUS = 9.0  # "Springfield, Illinois": in the place written after it
ARTICLE_COUNTRY_BONUS = 2.0  # in a country the article names (once); more per extra mention
ARTICLE_COUNTRY_EXTRA = 0.5
ARTICLE_COUNTRY_EXTRA_MAX = 2.0
ARTICLE_ADMIN1_BONUS = 3.0  # in a state or province the article names
NEAR_KM, NEAR_BONUS = 100.0, 2.5  # close to a place already resolved with confidence
REGIONAL_KM, REGIONAL_BONUS = 400.0, 1.0
# A reading at least this sure anchors the next pass: its country and state when that share of
# the candidates lies there, its point when the place itself is that sure.
ANCHOR_CONFIDENCE = 0.75
RESOLUTION_PASSES = 3
PERSON_CONFIDENCE_FACTOR = 0.5  # spaCy tagged the words a person ("Jordan", "Georgia")
ALTERNATE_CONFIDENCE_FACTOR = 0.5  # the name is only a GeoNames alternate of the place
MAX_CANDIDATES = 400

# Verbs whose subject is where something is, not who does something ("Turkey is", "X lies").
LOCATION_VERBS = frozenset(
    {"be", "lie", "sit", "border", "remain", "stand", "stretch", "include", "become", "have"}
)
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
COUNTY_WORDS = frozenset({"county", "parish", "borough", "counties", "parishes"})
_POSSESSIVE = ("'s", "’s", "'", "’")
_EARTH_RADIUS_KM = 6371.0


@dataclass(slots=True, eq=False)
class _Mention:
    start: int  # characters of the toponym in the text
    end: int
    token_start: int
    token_end: int
    text: str
    label: str
    key: str
    container: frozenset[int] = frozenset()  # gazetteer rows written after it ("X, Illinois")


@dataclass(slots=True)
class _Context:
    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    anchors: list[tuple[str, float, float]] = field(default_factory=list)  # key, lat, lon
    # What each name added to the counters: a name is not its own evidence.
    own: dict[str, tuple[str | None, tuple[str, str] | None, int]] = field(default_factory=dict)

    def without(self, key: str) -> _Context:
        if key not in self.own:
            return self
        country, admin1, weight = self.own[key]
        countries, admin1s = Counter(self.countries), Counter(self.admin1)
        if country is not None:
            countries[country] -= weight
        if admin1 is not None:
            admin1s[admin1] -= weight
        return _Context(+countries, +admin1s, self.anchors)


# --- public API -----------------------------------------------------------------------------


def extract_places(
    doc: Doc, entities: Iterable[Entity] = (), *, keep_actors: bool = False
) -> tuple[Place, ...]:
    """The places of ``doc`` in text order. ``keep_actors`` keeps GPEs that act ("China said")
    as places too, as gold sets that annotate every toponym expect."""
    gaz = gazetteer()
    text = doc.text
    entity_list = tuple(entities)
    datelines = _datelines(doc, text, gaz)
    mentions = datelines + [
        m
        for ent in doc.ents
        if ent.label_ in PLACE_LABELS or ent.label_ in MISTAGGED_LABELS
        for m in _split(doc, text, ent.start, ent.end, ent.label_, gaz)
        if not any(d.start < m.end and m.start < d.end for d in datelines)
    ]
    for mention in mentions:
        mention.container = _container(doc, text, mention, gaz)
    people = _person_spans(entity_list)
    tagged = [
        m
        for m in mentions
        if m.label not in MISTAGGED_LABELS and not any(s < m.end and m.start < e for s, e in people)
    ]
    mentions = [
        m
        for m in mentions
        if m.container
        or _locative(doc, m)
        or _names_a_place_noun(doc, m)
        or _conjunct_of(doc, m, tagged)
        or m in tagged
    ]
    if not keep_actors:
        governments = _country_spans(entity_list)
        mentions = [m for m in mentions if not _is_actor(doc, m, governments)]
    by_key: dict[str, list[_Mention]] = {}
    for mention in mentions:
        by_key.setdefault(mention.key, []).append(mention)

    # Each pass resolves every name with what the previous one found with confidence.
    actor_countries = _actor_countries(entity_list, gaz)
    first = _Context(Counter(actor_countries))
    resolved = {key: _resolve(gaz, group, first) for key, group in by_key.items()}
    for _ in range(RESOLUTION_PASSES - 1):
        context = _anchor(gaz, resolved, by_key, actor_countries)
        resolved = {
            key: _resolve(gaz, group, context.without(key)) for key, group in by_key.items()
        }

    places = []
    for mention in sorted(mentions, key=lambda m: m.start):
        reading = resolved[mention.key]
        row, confidence = reading.row, reading.confidence
        if row is None and (
            mention.label in RESOLVED_ONLY_LABELS
            or not (mention.container or _locative(doc, mention))
        ):
            continue  # an unknown name is kept only where it must be a place: "in X"
        if mention.label == "PERSON" or _overlaps(mention, people):
            confidence *= PERSON_CONFIDENCE_FACTOR
        places.append(_place(gaz, mention, row, confidence, entity_list))
    return tuple(places)


def _anchor(
    gaz: Gazetteer,
    resolved: dict[str, _Reading],
    by_key: dict[str, list[_Mention]],
    actor_countries: Counter[str],
) -> _Context:
    """The context that confident readings give: their countries, states and points."""
    context = _Context(countries=Counter(actor_countries))
    for key, reading in resolved.items():
        row = reading.row
        if row is None:
            continue
        weight = len(by_key[key])
        country: str | None = None
        admin1: tuple[str, str] | None = None
        if gaz.country[row] and reading.country_share >= ANCHOR_CONFIDENCE:
            country = gaz.country[row]
            context.countries[country] += weight
        if (
            gaz.features[row] in ("admin_region", "county", "city")
            and gaz.admin1[row]
            and reading.admin1_share >= ANCHOR_CONFIDENCE
        ):
            admin1 = (gaz.country[row], gaz.admin1[row])
            context.admin1[admin1] += weight
        context.own[key] = (country, admin1, weight)
        if gaz.features[row] in ("city", "county") and reading.confidence >= ANCHOR_CONFIDENCE:
            context.anchors.append((key, gaz.lat[row], gaz.lon[row]))
    return context


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# --- mentions -------------------------------------------------------------------------------


def _split(doc: Doc, text: str, start: int, end: int, label: str, gaz: Gazetteer) -> list[_Mention]:
    """The toponyms in one NER span: split at commas, "the" and a possessive left out."""
    parts: list[tuple[int, int]] = []
    part_start = start
    for index in range(start, end):
        if doc[index].text in (",", ";", "/", "(", ")") or "\n" in doc[index].text:
            parts.append((part_start, index))
            part_start = index + 1
    parts.append((part_start, end))
    mentions = []
    for first, last in parts:
        while first < last and (doc[first].lower_ == "the" or doc[first].is_punct):
            first += 1
        while last > first and (doc[last - 1].text in _POSSESSIVE or doc[last - 1].is_punct):
            last -= 1
        if first >= last:
            continue
        first, last = _core(doc, first, last, gaz)
        cstart = doc[first].idx
        cend = doc[last - 1].idx + len(doc[last - 1].text)
        words = text[cstart:cend]
        if not any(ch.isupper() for ch in words):
            continue
        key = name_key(words)
        if key in countries().capitals_only and not words.isupper():
            continue  # "us" is never the United States
        mentions.append(_Mention(cstart, cend, first, last, words, label, key))
    return mentions


# A dateline opens a story: "COLUMBUS, Ohio (AP) — ...", "MIDDLETOWN — ...", "MONROE - ...".
_DATELINE = re.compile(
    r"([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3})"
    r"(?=(?:,[^\n—–,]{1,30})?\s*(?:\([A-Za-z .]{1,20}\)\s*)?(?:—|–|--|-)\s)"
)


def _datelines(doc: Doc, text: str, gaz: Gazetteer) -> list[_Mention]:
    """Place names in capitals that open a sentence before a dash: news datelines."""
    found = []
    for sentence in doc.sents:
        match = _DATELINE.match(text, sentence.start_char)
        if match is None or not _known(gaz, match.group(1)):
            continue
        span = doc.char_span(match.start(1), match.end(1))
        if span is None:
            continue
        words = match.group(1)
        found.append(
            _Mention(
                span.start_char, span.end_char, span.start, span.end, words, "GPE", name_key(words)
            )
        )
    return found


def _overlaps(mention: _Mention, spans: list[tuple[int, int]]) -> bool:
    return any(start < mention.end and mention.start < end for start, end in spans)


def _known(gaz: Gazetteer, text: str) -> bool:
    primary, alternate = gaz.lookup(text)
    return bool(primary or alternate) or abbreviation_key(text) in gaz.state_abbreviations


def _core(doc: Doc, first: int, last: int, gaz: Gazetteer) -> tuple[int, int]:
    """The name inside "North Texas", "Northeast Georgia" or "Fargo city", when the whole is
    no gazetteer place and the name is."""
    whole = doc[first:last].text
    if _known(gaz, whole):
        return first, last
    inner_first, inner_last = first, last
    while inner_first < inner_last - 1 and (
        doc[inner_first].lower_ in DIRECTION_WORDS
        or doc[inner_first].lower_ in LEADING_GENERIC_WORDS  # "State of Illinois"
    ):
        inner_first += 1
    while inner_last - 1 > inner_first and doc[inner_last - 1].lower_ in TRAILING_GENERIC_WORDS:
        inner_last -= 1
    if (inner_first, inner_last) != (first, last) and _known(gaz, doc[inner_first:inner_last].text):
        return inner_first, inner_last
    return first, last


def _country_spans(entities: tuple[Entity, ...]) -> list[tuple[int, int]]:
    """Mentions the actors extractor made a country of ("China", "Washington" that acts)."""
    return [
        (m.start, m.end)
        for e in entities
        if e.type == "GPE" and e.country is not None
        for m in e.mentions
    ]


def _person_spans(entities: tuple[Entity, ...]) -> list[tuple[int, int]]:
    """Mentions of people the actors extractor grouped ("Clinton" after "Bill Clinton")."""
    return [(m.start, m.end) for e in entities if e.type == "PERSON" for m in e.mentions]


def _names_a_place_noun(doc: Doc, mention: _Mention) -> bool:
    """A name that modifies a noun for a place: "the Tyrol region", "the Donbas area"."""
    token = _root(doc, mention.token_start, mention.token_end)
    return token.dep_ == "compound" and token.head.lemma_.lower() in PLACE_NOUNS


def _conjunct_of(doc: Doc, mention: _Mention, others: list[_Mention]) -> bool:
    """A name joined by "and" to a place ("Madrid and Valencia")."""
    token = _root(doc, mention.token_start, mention.token_end)
    if token.dep_ != "conj":
        return False
    head = token.head.i
    return any(o.token_start <= head < o.token_end and o is not mention for o in others)


def _locative(doc: Doc, mention: _Mention) -> bool:
    """The object of "in", "near", "across"... (or a conjunct of one)."""
    token = _root(doc, mention.token_start, mention.token_end)
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


def _container(doc: Doc, text: str, mention: _Mention, gaz: Gazetteer) -> frozenset[int]:
    """Rows of the place written right after the mention: "X, Illinois", "X, Calif.", "X, CA"."""
    after = mention.token_end
    if after + 1 >= len(doc) or doc[after].text != ",":
        return frozenset()
    token = doc[after + 1]
    # The next name: its NER span if it starts there, else the token ("Calif.", "CA").
    if token.ent_iob_ == "B":
        end = after + 2
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].text != ",":
            end += 1
        words = text[token.idx : doc[end - 1].idx + len(doc[end - 1].text)]
    else:
        words = token.text
        if words.isupper() and words in gaz.postal_codes:
            return frozenset({gaz.postal_codes[words]})
    words = words.removesuffix("'s").removesuffix("’s")
    abbreviation = gaz.state_abbreviations.get(name_key(words))
    if abbreviation is None and words.endswith(".") is False:
        abbreviation = gaz.state_abbreviations.get(name_key(words + "."))
    if abbreviation is not None:
        return frozenset({abbreviation})
    if words.isupper() and words in gaz.postal_codes:
        return frozenset({gaz.postal_codes[words]})
    primary, _ = gaz.lookup(words)
    return frozenset(
        row for row in primary if gaz.features[row] in ("country", "admin_region", "county")
    )


def _is_actor(doc: Doc, mention: _Mention, governments: list[tuple[int, int]]) -> bool:
    """A country that acts: the actors extractor made a country entity of the mention, and it
    is a subject or agent (:func:`_acts`) — or, for a capital, the object of what an actor
    does ("Washington has previously accused Beijing")."""
    if not any(s < mention.end and mention.start < e for s, e in governments):
        return False
    if _acts(doc, mention):
        return True
    if countries().lookup(mention.text, ("capital",)) is None:
        return False
    # A capital is also the government as the object of someone's act ("accused Beijing",
    # "lent Caracas"), not of an event's ("floods hit Madrid").
    token = _root(doc, mention.token_start, mention.token_end)
    if token.dep_ not in ("dobj", "dative"):
        return False
    verb = token.head
    # "Venezuela mobilised its militia and accused Washington": the first verb's subject.
    while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        verb = verb.head
    return any(
        child.dep_ in ("nsubj", "nsubjpass") and child.ent_type_ in ACTOR_ENTITY_TYPES
        for child in verb.children
    )


def _acts(doc: Doc, mention: _Mention) -> bool:
    """A GPE that is the subject of a verb of doing or saying ("China opposes", "Washington
    said"), or the agent of a passive, is an actor. Conjuncts take the first one's role."""
    if mention.label != "GPE":
        return False
    token = _root(doc, mention.token_start, mention.token_end)
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    if token.dep_ not in ACTOR_DEPS:
        return False
    verb = token.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in LOCATION_VERBS


def _root(doc: Doc, start: int, end: int) -> Token:
    for index in range(start, end):
        head = doc[index].head.i
        if head < start or head >= end or head == index:
            return doc[index]
    return doc[end - 1]


# --- resolution -----------------------------------------------------------------------------


def _actor_countries(entities: tuple[Entity, ...], gaz: Gazetteer) -> Counter[str]:
    """Countries the actors tell (a "Venezuelan official", the "U.S. Navy"), by mention count."""
    found: Counter[str] = Counter()
    for entity in entities:
        if entity.country:
            alpha2 = gaz.alpha2_of_alpha3.get(entity.country)
            if alpha2:
                found[alpha2] += len(entity.mentions)
    return found


@dataclass(frozen=True, slots=True)
class _Reading:
    """How a name resolved: the best row, its share of the probability, and the share of the
    candidates in the best row's country and in its state (the reading may be unsure which
    Springfield it is and sure that it is one in the US)."""

    row: int | None
    confidence: float = 0.0
    country_share: float = 0.0
    admin1_share: float = 0.0


def _resolve(gaz: Gazetteer, group: list[_Mention], context: _Context) -> _Reading:
    """The best gazetteer row for a name and the softmax shares of its score."""
    primary, alternate = gaz.lookup(group[0].text)
    abbreviation = gaz.state_abbreviations.get(abbreviation_key(group[0].text))
    if abbreviation is not None:  # "Ill.", "W. Va.", "D.C."
        primary = [abbreviation, *primary]
    candidates = [(row, False) for row in primary] + [(row, True) for row in alternate]
    candidates = candidates[:MAX_CANDIDATES]
    if not candidates:
        return _Reading(None)
    container: set[int] = set()
    for mention in group:
        container |= mention.container
    county_word = group[0].key.rsplit(" ", 1)[-1] in COUNTY_WORDS
    regions = {
        (gaz.country[row], gaz.admin1[row])
        for row, _ in candidates
        if gaz.features[row] == "admin_region"
    }
    scores = [
        _score(gaz, row, is_alternate, group[0].key, container, county_word, context)
        + (
            CITY_OF_SAME_NAME_BONUS
            if gaz.features[row] == "city" and (gaz.country[row], gaz.admin1[row]) in regions
            else 0.0
        )
        for row, is_alternate in candidates
    ]
    best = max(range(len(scores)), key=scores.__getitem__)
    top = scores[best]
    weights = [math.exp(score - top) for score in scores]
    total = sum(weights)
    row, is_alternate = candidates[best]
    country, admin1 = gaz.country[row], gaz.admin1[row]
    in_country = sum(
        w for (r, _), w in zip(candidates, weights, strict=True) if gaz.country[r] == country
    )
    in_admin1 = sum(
        w
        for (r, _), w in zip(candidates, weights, strict=True)
        if gaz.country[r] == country and gaz.admin1[r] == admin1
    )
    confidence = 1.0 / total
    if is_alternate:  # only another name of the place: "North Island" is no town in Louisiana
        confidence *= ALTERNATE_CONFIDENCE_FACTOR
    return _Reading(
        row,
        confidence,
        in_country / total if country else 0.0,
        in_admin1 / total if country and admin1 else 0.0,
    )


def _score(
    gaz: Gazetteer,
    row: int,
    is_alternate: bool,
    key: str,
    container: set[int],
    county_word: bool,
    context: _Context,
) -> float:
    feature = gaz.features[row]
    population = gaz.population[row] or UNPEOPLED_POPULATION
    score = POPULATION_WEIGHT * math.log10(population + 1) + FEATURE_PRIOR.get(feature, 0.0)
    if row in gaz.capitals:
        score += CAPITAL_BONUS
    if county_word and feature == "county":
        score += COUNTY_WORD_BONUS
    if is_alternate:
        score -= ALTERNATE_NAME_PENALTY
    country = gaz.country[row]
    if container and _inside(gaz, row, container):
        score += CONTAINER_BONUS
    if country and feature != "country":
        mentions = context.countries.get(country, 0)
        if mentions:
            score += ARTICLE_COUNTRY_BONUS + min(
                ARTICLE_COUNTRY_EXTRA * (mentions - 1), ARTICLE_COUNTRY_EXTRA_MAX
            )
        if context.admin1.get((country, gaz.admin1[row]), 0):
            score += ARTICLE_ADMIN1_BONUS
    if feature in ("city", "county") and context.anchors:
        lat, lon = gaz.lat[row], gaz.lon[row]
        nearest = min(
            (
                distance_km(lat, lon, a_lat, a_lon)
                for a_key, a_lat, a_lon in context.anchors
                if a_key != key
            ),
            default=math.inf,
        )
        if nearest <= NEAR_KM:
            score += NEAR_BONUS
        elif nearest <= REGIONAL_KM:
            score += REGIONAL_BONUS
    return score


def _inside(gaz: Gazetteer, row: int, container: set[int]) -> bool:
    for outer in container:
        feature = gaz.features[outer]
        if feature == "country" and gaz.country[row] == gaz.country[outer] and row != outer:
            return True
        if (
            feature in ("admin_region", "county")
            and gaz.country[row] == gaz.country[outer]
            and gaz.admin1[row] == gaz.admin1[outer]
            and row != outer
            and (feature == "admin_region" or gaz.admin2[row] == gaz.admin2[outer])
        ):
            return True
    return False


def _place(
    gaz: Gazetteer,
    mention: _Mention,
    row: int | None,
    confidence: float,
    entities: tuple[Entity, ...],
) -> Place:
    entity = _entity_at(entities, mention.start, mention.end)
    if row is None:
        return Place(
            span=Span(mention.start, mention.end),
            name=mention.text,
            country=None,
            feature=None,
            lat=None,
            lon=None,
            confidence=None,
            extractor=EXTRACTOR,
            entity=entity,
        )
    gid = gaz.ids[row]
    return Place(
        span=Span(mention.start, mention.end),
        name=gaz.names[row],
        country=gaz.country[row] or None,
        feature=gaz.features[row],
        lat=round(gaz.lat[row], 4),
        lon=round(gaz.lon[row], 4),
        confidence=round(confidence, 3),
        extractor=EXTRACTOR,
        geonameid=int(gid) if gid.isdigit() else None,
        admin1=gaz.admin1_name[row] or None,
        population=gaz.population[row] or None,
        entity=entity,
    )


def _entity_at(entities: tuple[Entity, ...], start: int, end: int) -> str | None:
    for entity in entities:
        for span in entity.mentions:
            if span.start < end and start < span.end:
                return entity.id
    return None
