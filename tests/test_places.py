"""The places extractor: toponym spans, gazetteer resolution in context, actors left out.

Each text is parsed by the default spaCy pipeline (session fixture ``pipeline``), so the tests
check the rules on what the real parser gives them.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph import Place
from newsgraph.extract._gazetteer import gazetteer
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.places import EXTRACTOR, distance_km, extract_places


@pytest.fixture
def places(pipeline):
    def run(text: str) -> tuple[Place, ...]:
        doc = pipeline.nlp(text)
        found = extract_places(doc, extract_actors(doc))
        for place in found:
            assert place.extractor == EXTRACTOR
        return found

    return run


def place_for(text: str, found: tuple[Place, ...], surface: str, n: int = 1) -> Place | None:
    """The place whose span is the n-th occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(n):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    return next((p for p in found if (p.span.start, p.span.end) == (start, end)), None)


@pytest.mark.parametrize(
    ("text", "surface", "country", "admin1"),
    [
        ("The fair opened in Springfield, Illinois, on Friday.", "Springfield", "US", "Illinois"),
        ("The fair opened in Springfield, Missouri, on Friday.", "Springfield", "US", "Missouri"),
        ("The port of Long Beach, CA, was closed on Monday.", "Long Beach", "US", "California"),
        ("The port of Long Beach, Calif., was closed on Monday.", "Long Beach", "US", "California"),
        ("He grew up in Athens, Ga., and moved away at 18.", "Athens", "US", "Georgia"),
    ],
)
def test_places_town_is_in_the_state_written_after_it(places, text, surface, country, admin1):
    place = place_for(text, places(text), surface)
    assert place is not None
    assert (place.country, place.admin1, place.feature) == (country, admin1, "city")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Venezuela's armed forces were on alert. Militia members trained in Caracas and"
            " Valencia on Sunday.",
            "VE",
        ),
        (
            "Spain's government declared an emergency. Floods hit Madrid and Valencia on Sunday.",
            "ES",
        ),
    ],
)
def test_places_namesake_follows_the_countries_of_the_article(places, text, country):
    place = place_for(text, places(text), "Valencia")
    assert place is not None
    assert place.country == country


@pytest.mark.parametrize(
    ("text", "surface", "feature", "lat", "lon"),
    [
        ("Three destroyers are operating in the Caribbean Sea.", "Caribbean Sea", "sea", 15, -73),
        ("The ships sailed into the Gulf of Mexico on Monday.", "Gulf of Mexico", "sea", 25, -90),
        ("Drought has hit much of Latin America this year.", "Latin America", "region", -10, -65),
        ("Foreign ministers met in Geneva on Monday.", "Geneva", "city", 46.2, 6.15),
        ("Talks were held in Washington on Tuesday.", "Washington", "city", 38.9, -77.04),
    ],
)
def test_places_location_resolves_to_the_right_point(places, text, surface, feature, lat, lon):
    place = place_for(text, places(text), surface)
    assert place is not None
    assert place.feature == feature
    assert place.lat is not None and place.lon is not None
    assert distance_km(place.lat, place.lon, lat, lon) < 100
    assert place.confidence is not None and 0 < place.confidence <= 1


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("China opposes any use of force, the ministry said.", "China"),
        ("Washington said the deployment was routine.", "Washington"),
        ("Venezuelan officials reacted angrily to the deployment.", "Venezuelan"),
        ("Michael Jordan scored 30 points on Sunday night.", "Jordan"),
    ],
)
def test_places_actors_demonyms_and_people_are_not_places(places, text, surface):
    assert place_for(text, places(text), surface) is None


def test_places_dateline_in_capitals_is_a_place(places):
    text = "COLUMBUS, Ohio (AP) — The city council approved the budget on Monday."
    columbus = place_for(text, places(text), "COLUMBUS")
    assert columbus is not None
    assert (columbus.country, columbus.admin1) == ("US", "Ohio")


def test_places_county_word_gives_the_county(places):
    text = "Deputies in Rapides Parish arrested two men on Friday."
    parish = place_for(text, places(text), "Rapides Parish")
    assert parish is not None
    assert (parish.feature, parish.admin1) == ("county", "Louisiana")


def test_places_every_mention_of_a_name_gets_one_reading(places):
    text = (
        "Police in Paris, Texas, closed the road. Residents of Paris said the storm was the"
        " worst in years."
    )
    found = [p for p in places(text) if text[p.span.start : p.span.end] == "Paris"]
    assert len(found) == 2
    assert {(p.country, p.admin1) for p in found} == {("US", "Texas")}


def test_places_country_named_as_place_links_its_entity(pipeline):
    text = "Thousands of refugees fled to Colombia last year."
    doc = pipeline.nlp(text)
    entities = extract_actors(doc)
    colombia = place_for(text, extract_places(doc, entities), "Colombia")
    assert colombia is not None
    assert (colombia.country, colombia.feature) == ("CO", "country")
    assert colombia.entity in {entity.id for entity in entities}


def test_places_unknown_name_in_locative_position_stays_unresolved(places):
    text = "The festival took place in Qwertzuvillebrook on Saturday."
    place = place_for(text, places(text), "Qwertzuvillebrook")
    if place is not None:  # the small model may not tag the made-up name at all
        assert (place.lat, place.lon, place.country, place.confidence) == (None,) * 4


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "in , , in", "COLUMBUS — ", "the the the", "Paris, , Texas,,"],
)
def test_places_odd_text_gives_spans_inside_the_text(places, text):
    for place in places(text):
        assert 0 <= place.span.start < place.span.end <= len(text)


def test_gazetteer_is_loaded_once():
    assert gazetteer() is gazetteer()


@given(
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.floats(-90, 90),
    st.floats(-180, 180),
)
def test_distance_is_symmetric_and_bounded(lat1, lon1, lat2, lon2):
    there = distance_km(lat1, lon1, lat2, lon2)
    back = distance_km(lat2, lon2, lat1, lon1)
    assert there == pytest.approx(back, abs=1e-6)
    assert 0 <= there <= 20_016  # half the Earth's circumference


def test_distance_of_known_cities():
    # Paris – London, about 344 km.
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=5)
