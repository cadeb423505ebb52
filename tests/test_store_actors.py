"""Corpus-level actors: one actor per person across articles, conflicting evidence kept apart."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.store import Store, _queries
from newsgraph.store._actors import EntityRow, group_actors, name_key
from store_helpers import china_articles


def row(article: str, name: str, kind: str = "PERSON", country: str | None = None, **extra):
    return EntityRow(
        article_id=article,
        entity_id=f"{article}-{name}",
        name=name,
        type=kind,
        country=country,
        sector=extra.pop("sector", None),
        **extra,
    )


def _names(actors) -> dict[str, set[str]]:
    return {actor.name: {name for _, name in actor.members} for actor in actors}


def test_a_surname_alone_in_another_article_joins_the_one_person_with_that_surname():
    actors = group_actors(
        [
            row("a1", "Marco Rubio", country="USA", titles=("Secretary of State",)),
            row("a2", "Rubio"),
            row("a3", "Marco Rubio", titles=("U.S. Secretary of State",)),
        ]
    )

    [rubio] = [actor for actor in actors if actor.type == "PERSON"]
    assert rubio.name == "Marco Rubio"
    assert rubio.articles == 3
    assert {title["title"] for title in rubio.titles} == {
        "Secretary of State",
        "U.S. Secretary of State",
    }


def test_a_surname_shared_by_two_known_people_stays_apart():
    actors = group_actors([row("a1", "Andy Kim"), row("a2", "Young Kim"), row("a3", "Kim")])

    assert sorted(actor.name for actor in actors) == ["Andy Kim", "Kim", "Young Kim"]


def test_a_surname_whose_country_disagrees_stays_apart():
    actors = group_actors(
        [row("a1", "Lee Jae-myung", country="KOR"), row("a2", "Jae-myung", country="USA")]
    )

    assert len(actors) == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [("The Pentagon", "Pentagon"), ("U.S. Navy", "US Navy"), ("Reuters's", "Reuters")],
)
def test_organisation_names_that_differ_only_in_form_are_one_actor(first, second):
    actors = group_actors([row("a1", first, "ORG"), row("a2", second, "ORG")])

    assert len(actors) == 1
    assert name_key(first) == name_key(second)


def test_a_country_is_one_actor_whatever_it_is_called():
    actors = group_actors(
        [row("a1", "United States", "GPE", "USA"), row("a2", "America", "GPE", "USA")]
    )

    [usa] = actors
    assert usa.country == "USA"
    assert usa.articles == 2


def test_titles_carry_their_first_and_last_dates():
    actors = group_actors(
        [
            row("a1", "Ana Ruiz", titles=("senator",), published=date(2025, 3, 1)),
            row("a2", "Ana Ruiz", titles=("Senator",), published=date(2025, 1, 5)),
            row("a3", "Ana Ruiz", titles=("governor",), published=date(2025, 9, 9)),
        ]
    )

    [ruiz] = actors
    assert ruiz.titles[0]["first_seen"] == "2025-01-05"
    assert ruiz.titles[0]["last_seen"] == "2025-03-01"
    assert ruiz.titles[0]["articles"] == 2
    assert ruiz.titles[1]["title"] == "governor"
    assert ruiz.wikidata is None


def test_the_store_builds_actors_and_queries_use_them(tmp_path):
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(china_articles())
        assert not store.actors_current()

        built = store.rebuild_actors()
        rows = {r["name"]: r for r in _queries.actors(store, top=10).to_pylist()}

        assert store.actors_current()
        assert built == 3
        assert rows["Wang Yi"]["quotes"] == 2
        assert rows["China"]["articles"] == 2
        assert "Beijing" in rows["China"]["aliases"]
