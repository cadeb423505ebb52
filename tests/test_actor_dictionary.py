"""User actor dictionaries (TABARI / PETRARCH format): reading, dated codes, and their use."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from newsgraph import validate_article
from newsgraph.cli import app
from newsgraph.extract._actor_dictionary import (
    DICTIONARY_ENV,
    decode,
    name_key,
    parse_actor_dictionary,
)
from newsgraph.extract.actors import extract_actors
from newsgraph.store._ingest import user_data_files

# Written for these tests in the layout of the Phoenix dictionaries (codes and dates invented).
DICTIONARY = """\
# a comment line
ALVARO_RESTREPO_  # leader of the fictional republic
+PRESIDENT_RESTREPO_
+A._RESTREPO
\t[COLELI 500101-940806]
\t[COLGOV 940807-980807]
\t[COLELI]
MARTA_ILIC_\t[SRBGOV 050101-091231] [SRBLEG >100101]
KIM_JONG_SU_\t[PRKGOV]
+KIM_
KIM_SE_HO_\t[KORGOV]
+KIM_
NORTHERN_LIBERATION_FRONT_\t[COLREB]
+NLF_
GLOBAL_RELIEF_NETWORK_\t[NGOHLH] # an aid group
BROKEN_ENTRY_\t[XXXGOV 2004017-20061201]
"""


@pytest.fixture(scope="module")
def dictionary():
    return parse_actor_dictionary(DICTIONARY, "test.actors.txt")


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("Alvaro Restrepo", date(1995, 1, 1), ("COLGOV", "COL", "government")),
        ("Alvaro Restrepo", date(2010, 1, 1), ("COLELI", "COL", None)),  # out of office
        ("President Restrepo", None, ("COLELI", "COL", None)),  # no date: the undated code
        ("A. Restrepo", date(1995, 1, 1), ("COLGOV", "COL", "government")),
        ("Marta Ilic", date(2007, 6, 1), ("SRBGOV", "SRB", "government")),
        ("Marta Ilic", date(2012, 6, 1), ("SRBLEG", "SRB", "legislature")),
        ("Marta Ilic", date(1990, 1, 1), ("SRBLEG", "SRB", None)),  # ranges only: latest office
        ("the Northern Liberation Front", None, ("COLREB", "COL", "rebel_criminal")),
        ("NLF", None, ("COLREB", "COL", "rebel_criminal")),
        ("Global Relief Network", None, ("NGOHLH", None, "civil_society")),
    ],
)
def test_dictionary_gives_the_code_valid_on_the_day(dictionary, name, day, expected):
    match = dictionary.lookup(name, day)

    assert match is not None
    assert (match.code, match.country, match.sector) == expected
    assert match.source == "test.actors.txt"


@pytest.mark.parametrize("name", ["Kim", "Unknown Person", "Broken Entry", ""])
def test_dictionary_gives_nothing_for_unknown_ambiguous_or_unreadable_names(dictionary, name):
    # "Kim" names a North and a South Korean: no guess between them.
    assert dictionary.lookup(name) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV", ("RUS", "government")),
        ("USAGOVLEG", ("USA", "government")),
        ("IGOUNOIAE", (None, "international_organisation")),
        ("NGOGBRHRI", ("GBR", "civil_society")),
        ("IMGMUSALQ", (None, "rebel_criminal")),  # MUS is CAMEO's "Muslim", not Mauritius
        ("PSEREBHMS", ("PSE", "rebel_criminal")),
        ("RUSELI", ("RUS", None)),
    ],
)
def test_decode_reads_country_and_sector_of_a_cameo_code(code, expected):
    match = decode(code)

    assert match is not None and (match.country, match.sector) == expected


@pytest.mark.parametrize("code", ["", "XX", "ZZZGOV", "---"])
def test_decode_gives_nothing_for_codes_of_no_country_or_organisation(code):
    assert decode(code) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("VLADIMIR_V._PUTIN_", "Vladimir V. Putin"),
        ("THE_BUSH_ADMINISTRATION", "Bush administration"),
    ],
)
def test_name_key_makes_dictionary_and_text_names_comparable(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "text", ["", "\x00\x01 binary", "[GOV]\n+ALIAS_ONLY\n\t[", "NAME_ [USAGOV 99"]
)
def test_odd_dictionary_text_is_read_without_error(text):
    assert len(parse_actor_dictionary(text)) >= 0


def test_actors_take_country_and_sector_the_text_leaves_out_from_the_dictionary(
    pipeline, dictionary
):
    doc = pipeline.nlp("President Restrepo met Marta Ilic in the capital on Monday.")

    entities = {e.name: e for e in extract_actors(doc, dictionary, "1996-03-02T10:00:00Z")}

    restrepo, ilic = entities["Restrepo"], entities["Marta Ilic"]
    assert (restrepo.country, restrepo.sector, restrepo.actor_code) == (
        "COL",
        "government",
        "COLGOV",
    )
    assert restrepo.actor_code_source == "test.actors.txt"
    assert (ilic.country, ilic.actor_code) == ("SRB", "SRBLEG")  # ranges only: latest office


def test_what_the_text_says_wins_over_the_dictionary(pipeline, dictionary):
    doc = pipeline.nlp("Venezuelan Foreign Minister Alvaro Restrepo rejected the offer.")

    [person] = [e for e in extract_actors(doc, dictionary, "1996-03-02") if e.type == "PERSON"]

    assert (person.country, person.actor_code) == ("VEN", None)


def test_without_a_dictionary_entities_have_no_actor_code(pipeline):
    doc = pipeline.nlp("President Restrepo met Marta Ilic in the capital on Monday.")

    assert all(e.actor_code is None for e in extract_actors(doc))


@pytest.fixture
def runner(pipeline, monkeypatch) -> CliRunner:
    # The option sets the variable for worker processes; monkeypatch restores it afterwards.
    monkeypatch.setenv(DICTIONARY_ENV, "")
    return CliRunner(env={"COLUMNS": "200", "NEWSGRAPH_MODEL": None})


def test_analyze_with_an_actor_dictionary_codes_the_actors(runner, write_file):
    article = write_file("a.txt", "President Restrepo met Marta Ilic in the capital on Monday.\n")
    path = write_file("test.actors.txt", DICTIONARY)

    result = runner.invoke(app, ["analyze", article, "-f", "jsonl", "--actor-dictionary", path])

    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    validate_article(record)
    codes = {e["name"]: e["actor_code"] for e in record["entities"]}
    assert codes["Restrepo"] == "COLELI"  # no publication date: the undated code
    assert user_data_files()[-1][0] == "test.actors.txt"  # part of the ingest settings


def test_analyze_refuses_a_file_that_is_no_actor_dictionary(runner, write_file):
    article = write_file("a.txt", "President Restrepo met Marta Ilic.\n")
    path = write_file("notes.txt", "just some notes\n")

    result = runner.invoke(app, ["analyze", article, "--actor-dictionary", path])

    assert result.exit_code == 2
    assert "no actor entry" in result.output
