"""Amounts: the quantity normaliser (pure, property-tested) and the extractor on real-looking
sentences and on the demo corpus (answer key: tests/golden/demo_amounts.json, written by hand)."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import Article, Pipeline, iter_documents
from newsgraph.extract.amounts import extract_amounts
from newsgraph.extract.quantities import currency_codes, parse_quantity
from newsgraph.records import Amount

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = json.loads((ROOT / "tests" / "golden" / "demo_amounts.json").read_text("utf-8"))
GOLDEN_KEYS = sorted(key for key in GOLDEN if not key.startswith("_"))


# --- the normaliser ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "value_max", "currency", "unit", "qualifier"),
    [
        ("$50 million", "$50 million", "money", 50e6, None, "USD", None, None),
        ("US$67 billion in loans", "US$67 billion", "money", 67e9, None, "USD", None, None),
        ("€3bn", "€3bn", "money", 3e9, None, "EUR", None, None),
        ("£2.5m", "£2.5m", "money", 2.5e6, None, "GBP", None, None),
        ("1.2 trillion yuan", "1.2 trillion yuan", "money", 1.2e12, None, "CNY", None, None),
        ("700m roubles", "700m roubles", "money", 700e6, None, "RUB", None, None),
        ("5 billion bolívares", "5 billion bolívares", "money", 5e9, None, "VES", None, None),
        ("HK$3bn", "HK$3bn", "money", 3e9, None, "HKD", None, None),
        ("Rs 500 crore", "Rs 500 crore", "money", 5e9, None, "INR", None, None),
        ("USD 5 million", "USD 5 million", "money", 5e6, None, "USD", None, None),
        ("40 pesos", "40 pesos", "money", 40, None, None, None, None),
        ("5m Australian dollars", "5m Australian dollars", "money", 5e6, None, "AUD", None, None),
        ("Fifty million dollars!", "Fifty million dollars", "money", 50e6, None, "USD", None, None),
        (
            "2 million Mexican pesos",
            "2 million Mexican pesos",
            "money",
            2e6,
            None,
            "MXN",
            None,
            None,
        ),
        (
            "tens of billions of dollars",
            "tens of billions of dollars",
            "money",
            20e9,
            99e9,
            "USD",
            None,
            None,
        ),
        ("over $1 billion", "over $1 billion", "money", 1e9, None, "USD", None, "over"),
        ("more than €3 billion", "more than €3 billion", "money", 3e9, None, "EUR", None, "over"),
        ("up to $200,000 per flight", "up to $200,000", "money", 2e5, None, "USD", None, "up_to"),
        ("nearly $4m", "nearly $4m", "money", 4e6, None, "USD", None, "nearly"),
        ("at least $1bn", "at least $1bn", "money", 1e9, None, "USD", None, "at_least"),
        ("roughly 1%", "roughly 1%", "percent", 1, None, None, "%", "about"),
        ("about 4,000 sailors", "about 4,000", "count", 4000, None, None, None, "about"),
        (
            "between $10 billion and $12 billion",
            "between $10 billion and $12 billion",
            "money",
            10e9,
            12e9,
            "USD",
            None,
            "between",
        ),
        (
            "10-12 billion dollars",
            "10-12 billion dollars",
            "money",
            10e9,
            12e9,
            "USD",
            None,
            "between",
        ),
        ("three Aegis destroyers", "three", "count", 3, None, None, None, None),
        ("twenty-five people", "twenty-five", "count", 25, None, None, None, None),
        (
            "two hundred and twenty soldiers",
            "two hundred and twenty",
            "count",
            220,
            None,
            None,
            None,
            None,
        ),
        (
            "nearly 2.8 million migrants",
            "nearly 2.8 million",
            "count",
            2.8e6,
            None,
            None,
            None,
            "nearly",
        ),
        ("a dozen properties", "a dozen", "count", 12, None, None, None, None),
        ("half a dozen", "half a dozen", "count", 6, None, None, None, None),
        ("dozens of protesters", "dozens", "count", 24, 99, None, None, None),
        ("hundreds", "hundreds", "count", 200, 999, None, None, None),
        (
            "hundreds of thousands",
            "hundreds of thousands",
            "count",
            200_000,
            999_000,
            None,
            None,
            None,
        ),
        ("several hundred firms", "several hundred", "count", 300, 900, None, None, None),
        ("a few thousand", "a few thousand", "count", 2000, 5000, None, None, None),
        ("4%", "4%", "percent", 4, None, None, "%", None),
        ("40 percent", "40 percent", "percent", 40, None, None, "%", None),
        ("5.2 per cent", "5.2 per cent", "percent", 5.2, None, None, "%", None),
        ("25 basis points", "25 basis points", "percent", 25, None, None, "basis point", None),
        (
            "2 percentage-point win",
            "2 percentage-point",
            "percent",
            2,
            None,
            None,
            "percentage point",
            None,
        ),
        (
            "2 percentage points",
            "2 percentage points",
            "percent",
            2,
            None,
            None,
            "percentage point",
            None,
        ),
        (
            "fewer than one in five voters",
            "fewer than one in five",
            "percent",
            20,
            None,
            None,
            "%",
            "under",
        ),
        ("400 km", "400 km", "measure", 400, None, None, "km", None),
        ("12 miles", "12 miles", "measure", 12, None, None, "mi", None),
        ("200 nautical miles", "200 nautical miles", "measure", 200, None, None, "nmi", None),
        ("1,000 square km", "1,000 square km", "measure", 1000, None, None, "km2", None),
        (
            "910,000 barrels per day",
            "910,000 barrels per day",
            "measure",
            910_000,
            None,
            None,
            "bbl/d",
            None,
        ),
        ("500,000 bpd", "500,000 bpd", "measure", 500_000, None, None, "bbl/d", None),
        ("2 million barrels", "2 million barrels", "measure", 2e6, None, None, "bbl", None),
        ("11.49 million tonnes", "11.49 million tonnes", "measure", 11.49e6, None, None, "t", None),
        ("3 tons", "3 tons", "measure", 3, None, None, "t", None),
        ("50 kilograms", "50 kilograms", "measure", 50, None, None, "kg", None),
        ("300 pounds of cocaine", "300 pounds", "measure", 300, None, None, "lb", None),
        ("2 million pounds", "2 million pounds", "money", 2e6, None, "GBP", None, None),
        ("300-metre stretch", "300-metre", "measure", 300, None, None, "m", None),
        ("30C", "30C", "measure", 30, None, None, "°C", None),
        (
            "about 2 degrees Celsius",
            "about 2 degrees Celsius",
            "measure",
            2,
            None,
            None,
            "°C",
            "about",
        ),
    ],
)
def test_parse_quantity_reads_value_unit_currency_and_qualifier(
    text, surface, kind, value, value_max, currency, unit, qualifier
):
    quantity = parse_quantity(text)
    assert quantity is not None
    assert text[quantity.start : quantity.end] == surface
    assert quantity.kind == kind
    assert quantity.value == pytest.approx(value)
    assert quantity.value_max == (None if value_max is None else pytest.approx(value_max))
    assert quantity.currency == currency
    assert quantity.unit == unit
    assert quantity.qualifier == qualifier
    assert quantity.approximate == (
        qualifier is not None or value_max is not None or "dozen" in text
    )


@pytest.mark.parametrize(
    "text", ["$", "million", "$-5", "1" * 40, "G20", "1st", "", "   ", "bn", "%", "of dollars"]
)
def test_parse_quantity_gives_nothing_for_what_is_no_amount(text):
    assert parse_quantity(text) is None


def test_parse_quantity_reads_only_valid_digit_groups():
    # "1,2,3" is a list, not a thousands-grouped number: nothing or a single digit, never 123.
    quantity = parse_quantity("1,2,3")
    assert quantity is None or quantity.value < 10


def test_parse_quantity_marks_bare_years_plain_for_the_extractor_to_drop():
    quantity = parse_quantity("2025")
    assert quantity is not None and quantity.plain
    written = parse_quantity("2,025")
    assert written is not None and not written.plain


@given(st.text(max_size=60), st.integers(min_value=0, max_value=70))
@settings(max_examples=400, deadline=None)
def test_parse_quantity_never_raises_and_stays_inside_the_text(text, start):
    quantity = parse_quantity(text, start)
    if quantity is not None:
        assert start <= quantity.start < quantity.end <= len(text)
        assert quantity.value >= 0
        assert quantity.value_max is None or quantity.value_max > quantity.value


@given(
    st.integers(min_value=1, max_value=10**12),
    st.sampled_from(["$", "€", "£", "US$"]),
    st.sampled_from([("", 1), (" million", 1e6), ("bn", 1e9), (" billion", 1e9)]),
)
def test_parse_quantity_reads_any_grouped_figure_with_symbol_and_multiplier(
    number, symbol, multiplier
):
    word, factor = multiplier
    text = f"{symbol}{number:,}{word} was paid"
    quantity = parse_quantity(text)
    assert quantity is not None
    assert quantity.kind == "money"
    assert quantity.value == pytest.approx(number * factor)
    assert text[quantity.end :] == " was paid"


@given(st.sampled_from(["about", "more than", "up to", "nearly", "at least", "roughly"]))
def test_parse_quantity_every_qualifier_makes_the_amount_approximate(word):
    quantity = parse_quantity(f"{word} 40 percent")
    assert quantity is not None and quantity.qualifier is not None and quantity.approximate


def test_currency_data_holds_iso_codes_and_the_words_news_uses():
    table = resources.files("newsgraph.extract").joinpath("data/currencies.csv")
    rows = list(csv.DictReader(io.StringIO(table.read_text("utf-8"))))
    codes = currency_codes()
    assert {"USD", "EUR", "GBP", "JPY", "CNY", "RUB", "VES"} <= codes
    assert all(row["code"] in codes for row in rows)
    words = {row["text"].casefold(): row["code"] for row in rows if row["kind"] != "code"}
    assert words["dollars"] == "USD" and words["yuan"] == "CNY" and words["renminbi"] == "CNY"
    assert words["roubles"] == "RUB" and words["bolívares"] == "VES" and words["yen"] == "JPY"


# --- the extractor on sentences ---------------------------------------------------------------


def _amounts(pipeline: Pipeline, text: str) -> dict[str, Amount]:
    found = pipeline.extract_text(text)
    return {text[a.span.start : a.span.end]: a for a in found["amounts"]}


def _word(text: str, span) -> str | None:
    return None if span is None else text[span.start : span.end]


@pytest.mark.parametrize(
    ("sentence", "surface", "object_word"),
    [
        ("The group carries about 4,000 sailors and Marines.", "about 4,000", "sailors"),
        ("The Navy sent three Aegis guided-missile destroyers.", "three", "destroyers"),
        ("Police detained dozens of protesters on Friday.", "dozens", "protesters"),
        (
            "Colombia hosts nearly 2.8 million Venezuelan migrants.",
            "nearly 2.8 million",
            "migrants",
        ),
        ("They seized two private jets last week.", "two", "jets"),
        ("Eleven of the companies are registered in Panama.", "Eleven", "companies"),
        ("Twenty-five people were hurt in the crash.", "Twenty-five", "people"),
    ],
)
def test_counts_name_the_counted_noun(pipeline, sentence, surface, object_word):
    amounts = _amounts(pipeline, sentence)
    assert surface in amounts, amounts
    assert amounts[surface].kind == "count"
    assert _word(sentence, amounts[surface].object) == object_word


@pytest.mark.parametrize(
    ("sentence", "surface", "entity"),
    [
        (
            "The $25 million bounty for Nicolás Maduro was doubled on Thursday.",
            "$25 million",
            "Maduro",
        ),
        (
            "Maduro's $50 million reward was doubled by the State Department.",
            "$50 million",
            "Maduro",
        ),
    ],
)
def test_amount_about_the_entity_the_parse_ties_it_to(pipeline, sentence, surface, entity):
    found = pipeline.extract_text(sentence)
    amounts = {sentence[a.span.start : a.span.end]: a for a in found["amounts"]}
    names = {e.id: e.name for e in found["entities"]}
    assert surface in amounts
    assert entity in names[amounts[surface].about]


def test_amount_about_stays_empty_when_the_parse_does_not_connect_them(pipeline):
    sentence = "Maduro spoke in Caracas. The government later spent $5 million on roads."
    [amount] = pipeline.extract_text(sentence)["amounts"]
    assert amount.about is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2025 and revised in March 2019.",
        "The meeting starts at 10:30 on 12 June.",
        "She came first, and he finished 3rd in the 2015-16 season.",
        "Call 0800 555 0123 for details.",
        "Smith, aged 45, and a 38-year-old man were arrested.",
        "The victim was 45 years old.",
        "The Boeing 737 landed at Gate 12 near Article 50 protesters.",
        "One of them left; the two agreed.",
        'The 82-15 vote came after the "Gang of Eight" plan stalled.',
        "Intro\n\n2. High School Dropouts Are Doing Better",
        "Hide Caption 27 of 81 Photos: Final days of the campaign",
        "The committee vote was 12 to 6 on Thursday.",
        "He served for two weeks in the 1990s.",
        "They agreed to review the pact every six years.",
    ],
)
def test_years_dates_times_ordinals_phones_ages_and_references_are_not_amounts(pipeline, sentence):
    assert pipeline.extract_text(sentence)["amounts"] == ()


@pytest.mark.parametrize(
    "sentence",
    ["$", "million", "1,2,3", "$-5", "9" * 40 + " people", "$$$ 5 5 5 %%% bn bn", "—" * 50],
)
def test_odd_text_gives_no_exception_and_spans_inside_the_text(pipeline, sentence):
    for amount in pipeline.extract_text(sentence)["amounts"]:
        assert 0 <= amount.span.start < amount.span.end <= len(sentence)


def test_extract_amounts_without_entities_leaves_about_empty(pipeline):
    doc = pipeline.nlp("Maduro's $50 million reward was doubled.")
    [amount] = extract_amounts(doc)
    assert amount.value == 50e6 and amount.about is None


def test_a_range_that_ner_took_for_a_date_is_still_a_count(pipeline):
    amounts = _amounts(pipeline, "Between 10 and 12 people died in the fire.")
    amount = amounts["Between 10 and 12"]
    assert (amount.value, amount.value_max, amount.qualifier) == (10, 12, "between")


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Exports were $66.5 billion in January 2017.", "$66.5 billion"),
        ("The act sent $1,200 to millions of Americans.", "$1,200"),
    ],
)
def test_a_date_is_no_object_and_a_vague_word_ends_no_range(pipeline, sentence, surface):
    amount = _amounts(pipeline, sentence)[surface]
    assert amount.object is None and amount.value_max is None


def test_from_one_figure_to_another_is_a_change_not_a_range(pipeline):
    sentence = "The Hispanic population doubled from 6 percent to 12 percent."
    amounts = _amounts(pipeline, sentence)
    assert amounts["6 percent"].value_max is None and amounts["12 percent"].value == 12


def test_a_change_noun_is_not_the_counted_object(pipeline):
    sentence = "The survey showed a 130,000 decline in the labor force."
    amounts = _amounts(pipeline, sentence)
    assert amounts["130,000"].value == 130_000 and amounts["130,000"].object is None


def test_rate_noun_is_kept_as_per(pipeline):
    sentence = "Pilots were paid up to $200,000 per flight."
    amounts = _amounts(pipeline, sentence)
    assert _word(sentence, amounts["up to $200,000"].per) == "flight"


# --- the demo corpus --------------------------------------------------------------------------


def _key(article: Article) -> str:
    assert article.provenance is not None
    origin = article.provenance.origin
    relative = Path(origin.path).resolve().relative_to(EXAMPLES).as_posix()
    return relative if origin.record is None else f"{relative}#{origin.record}"


@pytest.fixture(scope="module")
def demo_articles(pipeline: Pipeline) -> dict[str, Article]:
    items = list(pipeline.run(iter_documents([str(EXAMPLES)])))
    return {_key(item): item for item in items if isinstance(item, Article)}


@pytest.mark.parametrize("key", GOLDEN_KEYS)
def test_demo_amounts_match_answer_key(demo_articles, key):
    article = demo_articles[key]
    text = article.text
    names = {entity.id: entity.name for entity in article.entities}
    for expected in GOLDEN[key]["amounts"]:
        matches = [
            a for a in article.amounts if text[a.span.start : a.span.end] == expected["text"]
        ]
        occurrence = expected.get("occurrence", 0)
        assert len(matches) > occurrence, f"{expected['text']!r} not found"
        amount = matches[occurrence]
        for field in ("kind", "currency", "unit", "qualifier", "approximate"):
            if field in expected:
                assert getattr(amount, field) == expected[field], (expected["text"], field)
        for field in ("value", "value_max"):
            if field in expected:
                assert getattr(amount, field) == pytest.approx(expected[field]), expected["text"]
        for field in ("object", "per"):
            if field in expected:
                assert _word(text, getattr(amount, field)) == expected[field], expected["text"]
        if "about" in expected:
            assert amount.about is not None, expected["text"]
            assert expected["about"] in names[amount.about]


@pytest.mark.parametrize("key", GOLDEN_KEYS)
def test_demo_years_dates_and_durations_are_not_amounts(demo_articles, key):
    article = demo_articles[key]
    for absent in GOLDEN[key].get("absent", []):
        start = article.text.index(absent)
        end = start + len(absent)
        overlapping = [a for a in article.amounts if a.span.start < end and start < a.span.end]
        assert overlapping == [], absent
