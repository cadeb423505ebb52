"""The actors extractor: grouping of mentions, titles, country and sector, pronoun resolution.

Sentences are short and news-like; each is parsed by the default spaCy pipeline (the session
fixture ``pipeline``), so these tests check the rules on what the real parser gives them.
"""

from __future__ import annotations

import pytest

from newsgraph import Entity, Span
from newsgraph.extract._lexicon import countries, first_name_gender, sector_words, title_words
from newsgraph.extract.actors import EXTRACTOR, entity_at, extract_actors, resolve_mention

# --- helpers --------------------------------------------------------------------------------


@pytest.fixture
def actors(pipeline):
    def run(text: str) -> tuple[tuple[Entity, ...], object]:
        doc = pipeline.nlp(text)
        return extract_actors(doc), doc

    return run


def by_name(entities: tuple[Entity, ...], name: str) -> Entity:
    matches = [entity for entity in entities if entity.name == name]
    assert matches, f"no entity named {name!r} in {[e.name for e in entities]}"
    return matches[0]


def surfaces(text: str, entity: Entity) -> list[str]:
    return [mention.text_of(text) for mention in entity.mentions]


# --- grouping -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Patricia Hewitt, the health secretary, defended the plan on Monday. Ms Hewitt said"
            " the hospitals would get more money.",
            "Patricia Hewitt",
            ["Patricia Hewitt", "Hewitt"],
        ),
        (
            "Ms Hewitt said the money was there. Health Secretary Patricia Hewitt told MPs the"
            " plan would go ahead.",
            "Patricia Hewitt",
            ["Hewitt", "Patricia Hewitt"],
        ),
        (
            "The opposition accused dictator Nicolás Maduro of rigging the vote. Maduro denied"
            " the charge on state television.",
            "Nicolás Maduro",
            ["Nicolás Maduro", "Maduro"],
        ),
    ],
)
def test_actors_group_full_name_surname_and_honorific(actors, text, name, expected):
    entities, _ = actors(text)

    person = by_name(entities, name)

    assert surfaces(text, person) == expected
    assert person.type == "PERSON"
    assert [e.name for e in entities].count(name) == 1


def test_actors_group_the_united_states_under_all_its_names(actors):
    text = (
        "Washington warned Caracas on Monday. The United States said the U.S. Navy would stay"
        " in the Caribbean, and US officials said America would not back down."
    )
    entities, _ = actors(text)

    usa = [e for e in entities if e.type == "GPE" and e.country == "USA"]

    assert len(usa) == 1
    assert usa[0].name == "United States"
    assert surfaces(text, usa[0]) == ["Washington", "United States", "US", "America"]
    navy = by_name(entities, "U.S. Navy")
    assert (navy.country, navy.sector) == ("USA", "military")


def test_actors_capital_as_place_is_not_the_government(actors):
    text = "Beijing rejected the report. Officials in Beijing declined to comment further."
    entities, _ = actors(text)

    china = by_name(entities, "China")
    city = by_name(entities, "Beijing")

    assert surfaces(text, china) == ["Beijing"]
    assert china.mentions[0].start == 0
    assert city.type == "GPE" and city.mentions[0].start > 0


def test_actors_group_the_ministry_with_the_ministry_named_before(actors):
    text = (
        "Chinese Foreign Ministry spokeswoman Mao Ning said Beijing opposed the sanctions."
        " The ministry added that China would respond."
    )
    entities, _ = actors(text)

    ministry = by_name(entities, "Chinese Foreign Ministry")

    assert surfaces(text, ministry) == ["Chinese Foreign Ministry", "The ministry"]
    assert (ministry.country, ministry.sector) == ("CHN", "government")


def test_actors_group_an_acronym_with_the_full_name(actors):
    text = (
        "The World Health Organization (WHO) declared an emergency. The WHO said more than 40"
        " countries had reported cases."
    )
    entities, _ = actors(text)

    who = by_name(entities, "World Health Organization")

    assert surfaces(text, who) == ["World Health Organization", "WHO", "WHO"]
    assert who.sector == "international_organisation"


def test_actors_keep_two_people_with_the_same_surname_apart(actors):
    text = (
        "Hillary Clinton met Bill Clinton in New York on Sunday. Later, Bill Clinton told"
        " reporters that the campaign was going well. Clinton smiled."
    )
    entities, _ = actors(text)

    hillary = by_name(entities, "Hillary Clinton")
    bill = by_name(entities, "Bill Clinton")

    assert surfaces(text, hillary) == ["Hillary Clinton"]
    # The bare surname goes to the Clinton mentioned last.
    assert surfaces(text, bill) == ["Bill Clinton", "Bill Clinton", "Clinton"]


def test_actors_numbers_dates_and_money_are_not_entities(actors):
    entities, _ = actors("The ministry spent $4 billion on 3,000 new buses in 2024, Reuters said.")

    assert {e.type for e in entities} <= {"ORG", "PERSON", "GPE", "NORP"}
    assert [e.name for e in entities] == ["Reuters"]


# --- titles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title", "by_outlet"),
    [
        (
            "White House Press Secretary Karoline Leavitt said on Monday that talks would go on.",
            "Karoline Leavitt",
            "White House Press Secretary",
            False,
        ),
        (
            "Chinese Foreign Ministry spokeswoman Mao Ning said Beijing opposed the sanctions.",
            "Mao Ning",
            "Chinese Foreign Ministry spokeswoman",
            False,
        ),
        (
            "China's ambassador to Venezuela, Lan Hu, met officials in Caracas on Tuesday.",
            "Lan Hu",
            "China's ambassador to Venezuela",
            False,
        ),
        (
            "He met Diosdado Cabello, the country's interior minister, in Caracas.",
            "Diosdado Cabello",
            "interior minister",
            False,
        ),
        (
            "Secretary of State Marco Rubio arrived in Panama on Saturday.",
            "Marco Rubio",
            "Secretary of State",
            False,
        ),
        (
            "Venezuelan President Rafael Ordaz addressed the nation on Sunday.",
            "Rafael Ordaz",
            "Venezuelan President",
            False,
        ),
        (
            "The opposition accused dictator Nicolás Maduro of rigging the vote.",
            "Nicolás Maduro",
            "dictator",
            True,
        ),
    ],
)
def test_actors_find_titles_before_and_beside_the_name(actors, text, name, title, by_outlet):
    entities, _ = actors(text)

    person = by_name(entities, name)

    assert [(t.text, t.by_outlet) for t in person.titles] == [(title, by_outlet)]
    for found in person.titles:
        assert found.span.text_of(text) == found.text


def test_actors_evaluative_label_inside_a_quote_is_not_the_outlets(actors):
    text = 'Rubio told reporters: "The dictator Nicolás Maduro has to go."'
    entities, _ = actors(text)

    maduro = by_name(entities, "Nicolás Maduro")

    assert [(t.text, t.by_outlet) for t in maduro.titles] == [("dictator", False)]


def test_actors_office_in_a_title_is_not_an_organisation(actors):
    entities, _ = actors("Secretary of State Marco Rubio arrived in Panama on Saturday.")

    assert "State" not in [e.name for e in entities]


def test_actors_nouns_that_are_not_roles_are_not_titles(actors):
    entities, _ = actors("Labour's spending plans, Gordon Brown said, were fully costed.")

    brown = by_name(entities, "Gordon Brown")

    assert brown.titles == ()


# --- country, sector, affiliation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "sector", "affiliation"),
    [
        (
            "Venezuelan President Rafael Ordaz addressed the nation on Sunday.",
            "Rafael Ordaz",
            "VEN",
            "government",
            None,
        ),
        (
            "China's ambassador to Venezuela, Lan Hu, met officials in Caracas on Tuesday.",
            "Lan Hu",
            "CHN",
            "government",
            None,
        ),
        (
            "Venezuela's government said Diosdado Cabello, the country's interior minister,"
            " would speak.",
            "Diosdado Cabello",
            "VEN",
            "government",
            None,
        ),
        (
            "Pentagon spokesman John Kirby said the drills were routine.",
            "John Kirby",
            "USA",
            "military",
            "Pentagon",
        ),
        (
            "Chinese Foreign Ministry spokeswoman Mao Ning said Beijing opposed the sanctions.",
            "Mao Ning",
            "CHN",
            "government",
            "Chinese Foreign Ministry",
        ),
        (
            # A "China economist" covers China; he does not act for it.
            "Rachel Koh, chief China economist at Harbourview Capital, said growth would slow.",
            "Rachel Koh",
            None,
            None,
            "Harbourview Capital",
        ),
        (
            "Tory shadow chancellor Oliver Letwin attacked the budget.",
            "Oliver Letwin",
            "GBR",
            "party",
            "Tory",
        ),
    ],
)
def test_actors_country_sector_and_affiliation_from_titles(
    actors, text, name, country, sector, affiliation
):
    entities, _ = actors(text)

    person = by_name(entities, name)

    assert (person.country, person.sector, person.affiliation) == (country, sector, affiliation)


@pytest.mark.parametrize(
    ("text", "name", "type_", "country", "sector"),
    [
        ("The U.S. Navy sent two destroyers.", "U.S. Navy", "ORG", "USA", "military"),
        ("The Kremlin rejected the claim.", "Kremlin", "ORG", "RUS", "government"),
        ("Venezuelan officials mocked the drills.", "Venezuelan", "NORP", "VEN", None),
        ("The Bank of England raised rates again.", "Bank of England", "ORG", "GBR", "business"),
        ("The Supreme Court rejected the appeal.", "Supreme Court", "ORG", None, "judiciary"),
        ("Hezbollah fired rockets across the border.", "Hezbollah", "ORG", "LBN", None),
        (
            "The IAEA sent inspectors to the plant.",
            "IAEA",
            "ORG",
            None,
            "international_organisation",
        ),
        (
            "Amnesty International denounced the arrests.",
            "Amnesty International",
            "ORG",
            None,
            "civil_society",
        ),
        ("Up to 1,000 ethnic Turks began a hunger strike.", "Turks", "NORP", "TUR", None),
    ],
)
def test_actors_country_and_sector_from_names_and_demonyms(
    actors, text, name, type_, country, sector
):
    entities, _ = actors(text)

    entity = by_name(entities, name)

    assert (entity.type, entity.country, entity.sector) == (type_, country, sector)


# --- resolve_mention ------------------------------------------------------------------------


def _token(doc, word: str, occurrence: int = 0) -> int:
    return [t.i for t in doc if t.text == word][occurrence]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Patricia Hewitt met Mr Johnson on Monday. She said the talks had gone well.",
            "She",
            "Patricia Hewitt",
        ),
        (
            "Patricia Hewitt met Alan Johnson on Monday. She said the talks had gone well.",
            "She",
            "Patricia Hewitt",  # no gender known: a subject pronoun keeps to the subject
        ),
        (
            "Obama plans to meet Mahmoud Abbas and Salam Fayyad, and he will travel to Jordan.",
            "he",
            "Obama",
        ),
        (
            "Senator Bernie Sanders met Joe Biden on Monday. He said the talks went well.",
            "He",
            "Bernie Sanders",
        ),
        (
            "Senator Bernie Sanders met Joe Biden on Monday and praised him.",
            "him",
            "Joe Biden",  # not a subject: the last one named
        ),
        (
            "Rev. Ray Owens of Metropolitan Baptist Church said he was offering the church.",
            "he",
            "Ray Owens",  # he/she stand for people, never for an organisation
        ),
        (
            "Ms Hewitt met Alan Johnson on Monday. He said the talks had gone well.",
            "He",
            "Alan Johnson",
        ),
        (
            "Ms Hewitt met Alan Johnson on Monday. She said the talks had gone well.",
            "She",
            "Hewitt",
        ),
        (
            "Spokeswoman Mao Ning spoke after Wang Yi had left. The spokeswoman said Beijing"
            " would respond.",
            "spokeswoman",
            "Mao Ning",
        ),
        (
            "The Kremlin met Ali Khan. It said the talks were useful.",
            "It",
            "Kremlin",
        ),
        (
            "The plan was drafted by Paul Ryan and praised by Krystal Ball. He promised the House"
            " would act.",
            "He",
            "Paul Ryan",  # a clearly female first name is not "he"
        ),
    ],
)
def test_resolve_mention_pronouns_and_role_nouns(actors, text, word, expected):
    entities, doc = actors(text)

    resolved = resolve_mention(doc, entities, _token(doc, word, -1))

    assert resolved is not None
    assert resolved.name == expected


def test_resolve_mention_token_inside_a_mention_is_that_entity(actors):
    entities, doc = actors("Mao Ning said Beijing opposed the sanctions.")

    assert resolve_mention(doc, entities, _token(doc, "Ning")).name == "Mao Ning"


def test_resolve_mention_gives_none_without_a_candidate(actors):
    entities, doc = actors("She said the talks had gone well.")

    assert resolve_mention(doc, entities, _token(doc, "She")) is None


# --- records --------------------------------------------------------------------------------

SAMPLES = [
    "White House Press Secretary Karoline Leavitt said on Monday that dictator Nicolás Maduro"
    " must go. Maduro responded on “Con el Mazo Dando”.",
    "China's ambassador to Venezuela, Lan Hu, met Diosdado Cabello, the country's interior"
    " minister, in Caracas.\n\nThe U.S. Navy and the Pentagon said the drills were routine.",
    '"We will not be intimidated," Núñez told reporters in Zürich. The World Health Organization'
    " (WHO) agreed. Mr. Smith's firm, Acme Corp., disagreed.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_actors_every_span_is_the_text_it_names(actors, text):
    entities, _ = actors(text)

    assert entities
    assert [e.id for e in entities] == [f"E{n}" for n in range(1, len(entities) + 1)]
    firsts = [e.mentions[0].start for e in entities]
    assert firsts == sorted(firsts)
    for entity in entities:
        assert entity.extractor == EXTRACTOR
        assert entity.country is None or len(entity.country) == 3
        for mention in entity.mentions:
            surface = mention.text_of(text)
            assert surface and surface == surface.strip()
            assert not surface.startswith(("the ", "The ", "“", '"'))
        for title in entity.titles:
            assert title.span.text_of(text) == title.text


def test_entity_at_prefers_the_longest_overlap():
    short = Entity(id="E1", name="Navy", type="ORG", mentions=(Span(4, 8),), extractor="x")
    long = Entity(id="E2", name="U.S. Navy", type="ORG", mentions=(Span(0, 8),), extractor="x")

    assert entity_at((short, long), 0, 8) is long
    assert entity_at((short, long), 5, 6) is short
    assert entity_at((short, long), 8, 12) is None


# --- data files -----------------------------------------------------------------------------


def test_country_data_has_every_iso_country_with_an_alpha3_code():
    data = countries()

    assert len(data.display) >= 240
    assert all(len(code) == 3 and code.isupper() for code in data.display)


@pytest.mark.parametrize(
    ("text", "kinds", "alpha3"),
    [
        ("Venezuelan", ("demonym",), "VEN"),
        ("Venezuelans", ("demonym",), "VEN"),
        ("Beijing", ("capital",), "CHN"),
        ("Kremlin", ("seat",), "RUS"),
        ("U.S.", ("alias",), "USA"),
        ("the U.S.", ("alias",), "USA"),
        ("US", ("alias",), "USA"),
        ("Britain", ("alias",), "GBR"),
        ("Côte d'Ivoire", ("alias",), "CIV"),
        ("Swedes", ("demonym",), "SWE"),
        ("Frenchmen", ("demonym",), "FRA"),
        ("Kampuchea", ("alias",), "KHM"),
    ],
)
def test_country_data_finds_names_demonyms_capitals_and_seats(text, kinds, alpha3):
    term = countries().lookup(text, kinds)

    assert term is not None and term.alpha3 == alpha3


def test_actors_country_name_of_several_words_tagged_person_is_the_country(actors):
    text = "Sri Lanka has established diplomatic ties with Iran, the foreign ministry said."
    entities, _ = actors(text)

    entity = by_name(entities, "Sri Lanka")

    assert (entity.type, entity.country) == ("GPE", "LKA")


@pytest.mark.parametrize("text", ["us", "Us", "Georgia", "Island"])
def test_country_data_leaves_out_words_that_are_rarely_the_country(text):
    assert countries().lookup(text, ("alias", "demonym")) is None


def test_title_and_sector_data_load():
    titles, sectors = title_words(), sector_words()

    assert titles.honorifics["ms"] == "female"
    assert ("dictator",) in titles.evaluative
    assert sectors.strong[("minister",)] == "government"
    assert sectors.strong[("navy",)] == "military"


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Karoline Leavitt", "female"),
        ("Nicolás Maduro", "male"),
        ("Jean Dupont", None),
        ("Maduro", None),
    ],
)
def test_first_name_gender_only_for_clear_first_names(name, gender):
    assert first_name_gender(name) == gender
