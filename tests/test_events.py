"""Events: PLOVER types, actors, assertion and modality on short synthetic sentences."""

from __future__ import annotations

import pytest

from newsgraph import Pipeline
from newsgraph.eval.plover import (
    GoldSentence,
    PetrarchScore,
    PetrarchSentence,
    PloverScore,
    read_petrarch,
    read_plover_gold,
    score_petrarch_sentence,
    score_sentence,
    weis_to_plover,
    weis_types,
)
from newsgraph.extract import actor_code, extract_events, main_event
from newsgraph.extract._event_lexicon import default_lexicon
from newsgraph.pipeline import DocumentContext


def _events(pipeline: Pipeline, text: str, published: str | None = "2025-08-20"):
    return pipeline.extract_text(text, DocumentContext(published=published))["events"]


def _main(pipeline: Pipeline, text: str):
    doc = pipeline.nlp(text)
    found = pipeline.extract_text(text, DocumentContext(published="2025-08-20"))
    return main_event(doc, found["events"])


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        (
            "Israeli soldiers arrested more than 100 Palestinians on Saturday.",
            "COERCE",
            "ISR",
            "PSE",
        ),
        ("China's Foreign Ministry criticised the U.S. deployment.", "ACCUSE", "CHN", "USA"),
        ("France imposed sanctions on Iran on Monday.", "SANCTION", "FRA", "IRN"),
        ("The PRC on Tuesday demanded that the US cancel the sale.", "REQUEST", "CHN", "USA"),
        ("Jordan and Britain have agreed to hold joint military exercises.", "AGREE", "JOR", None),
        ("Syria says it will not accept any more refugees.", "REJECT", "SYR", None),
    ],
)
def test_events_main_event_type_and_dyad(pipeline, text, kind, source, target):
    event = _main(pipeline, text)
    assert event is not None
    assert (event.type, event.source_country) == (kind, source)
    if target is not None:
        assert event.target_country == target


def test_events_negation_hedge_and_quote_assertion(pipeline):
    text = "The U.S. Navy did not deploy ships to Venezuela, officials said."
    [event] = [e for e in _events(pipeline, text) if e.type == "MOBILIZE"]
    assert event.negated and event.asserted_by == "officials"
    hedged = [
        e for e in _events(pipeline, "Rebels reportedly attacked a convoy.") if e.type == "ASSAULT"
    ]
    assert hedged and hedged[0].hedged and hedged[0].asserted_by is None


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("China has supported the regime for decades.", "historical"),
        ("Members of the G-7 will meet in Ottawa next month.", "future"),
        ("Serbian troops attacked the village on Sunday.", "actual"),
    ],
)
def test_events_modality(pipeline, text, modality):
    events = _events(pipeline, text)
    assert events and events[0].modality == modality


def test_events_date_comes_from_the_clause_else_publication(pipeline):
    context = DocumentContext(published="2025-08-20")
    dated = "Serbian troops attacked the village on Sunday."
    found = pipeline.extract_text(dated, context)
    [with_date] = found["events"]
    assert (with_date.date, with_date.date_source) == ("2025-08-17", "text")
    assert with_date.date_span is not None
    assert dated[with_date.date_span.start : with_date.date_span.end] == "Sunday"
    undated = "Serbian troops attacked the village."
    [fallback] = pipeline.extract_text(undated, context)["events"]
    assert (fallback.date, fallback.date_source) == ("2025-08-20", "publication")


def test_events_take_the_place_named_in_their_clause(pipeline):
    text = "Serbian troops attacked the village near Sarajevo on Sunday."
    [event] = pipeline.extract_text(text)["events"]
    assert event.place_span is not None
    assert text[event.place_span.start : event.place_span.end] == "Sarajevo"


@pytest.mark.parametrize(
    "text",
    [
        "Results: " + ", ".join(f"Team {n} {n}-{n + 1}" for n in range(150)),
        "Breaking news",
        "| Country | Sanctions | Attacks |\n| Iran | 12 | 3 |",
        "",
    ],
)
def test_events_bad_input_never_raises_and_spans_stay_in_text(pipeline, text):
    for event in _events(pipeline, text):
        assert 0 <= event.trigger.start < event.trigger.end <= len(text)


def test_actor_code_joins_country_and_sector():
    assert actor_code("USA", "government") == "USA-GOV"
    assert actor_code(None, "international_organisation") == "IGO"
    assert actor_code(None, None) == "—"


def test_plover_gold_reader_maps_legacy_types_and_scores(pipeline):
    raw = (
        '[{"id": "D", "event": "DOCUMENT"},'
        ' {"id": "A", "event": "DISAPPROVE", "text": "France condemned Iran on Monday.",'
        '  "source": [{"actorText": "France", "code": "FRA"}],'
        '  "target": [{"actorText": "Iran", "code": "IRN"}]}]'
    )
    [gold] = read_plover_gold(raw)
    assert isinstance(gold, GoldSentence) and gold.type == "ACCUSE"
    score = PloverScore()
    doc = pipeline.nlp(gold.text)
    found = pipeline.extract_text(gold.text)
    score_sentence(gold, doc, found["events"], score)
    assert score.type_accuracy.value == 1.0
    assert score.source_country.value == 1.0 and score.target_country.value == 1.0


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("064", "SUPPORT"),  # WEIS: grant diplomatic relations (CAMEO 064 is sharing intelligence)
        ("041", "SUPPORT"),  # WEIS: praise (CAMEO 041 is a telephone call)
        ("032", "CONSULT"),  # WEIS: visit (CAMEO 032 is an intention)
        ("081", "SUPPORT"),  # WEIS: substantive agreement, PLOVER's signed agreement
        ("160", "THREATEN"),
        ("223", "ASSAULT"),
        ("023", None),  # a comment: PLOVER has no type for it
        ("903", None),  # a label made up for one unit test
        ("1717", None),
    ],
)
def test_petrarch_gold_codes_are_read_as_weis_codes(code, kind):
    assert weis_to_plover(code) == kind


def test_weis_table_has_the_63_weis_codes_each_with_a_plover_type_or_none():
    table = weis_types()
    known = set(default_lexicon().types)
    assert len(table) == 63 and all(len(code) == 3 and code.isdigit() for code in table)
    assert {kind for kind in table.values() if kind} <= known
    assert [code for code, kind in table.items() if kind is None] == [
        "021", "022", "023", "024", "025"
    ]  # fmt: skip


def _petrarch_score(pipeline: Pipeline, sentence: PetrarchSentence) -> PetrarchScore:
    score = PetrarchScore()
    doc = pipeline.nlp(sentence.text)
    events = pipeline.extract_text(sentence.text)["events"]
    score_petrarch_sentence(sentence, doc, events, {"RUSSIA": "RUS", "GEORGIA": "GEO"}, score)
    return score


def test_petrarch_future_cooperation_counts_as_plover_agree(pipeline):
    # PLOVER codes ties to be restored as AGREE; the WEIS code names the restoring (SUPPORT)
    sentence = PetrarchSentence(
        "T-1", "Russia is about to restore full diplomatic ties with Georgia.",
        (("RUS", "GEO", "064"),), False,
    )  # fmt: skip
    score = _petrarch_score(pipeline, sentence)
    assert score.type_match.right == score.type_match.total == 1
    assert score.source_match.right == 1 and score.target_match.right == 1


@pytest.mark.parametrize(
    ("codings", "typed"),
    [((("RUS", "GEO", "023"),), 0), ((("RUS", "GEO", "903"),), 0), ((("RUS", "GEO", "122"),), 1)],
)
def test_petrarch_records_without_a_plover_type_are_not_type_scored(pipeline, codings, typed):
    sentence = PetrarchSentence("T-2", "Russia condemned Georgia on Monday.", codings, False)
    score = _petrarch_score(pipeline, sentence)
    assert score.coded == 1 and score.type_match.total == typed
    assert score.type_match.right == typed  # ACCUSE is the type of WEIS 122


def test_petrarch_reader_reads_codings_and_noevents():
    raw = (
        '<Sentences><Sentence id="A-1"><EventCoding sourcecode="ARN" targetcode="GON"'
        ' eventcode="064"></EventCoding><Text>Arnor met Gondor.</Text></Sentence>'
        '<Sentence id="B-1"><EventCoding noevents="True"></EventCoding><Text>Nothing.</Text>'
        "</Sentence></Sentences>"
    )
    first, second = read_petrarch(raw)
    assert first.codings == (("ARN", "GON", "064"),) and not first.no_events
    assert second.no_events and second.codings == ()


def _types(pipeline: Pipeline, text: str) -> list[str]:
    return [e.type for e in _events(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Talks were held last week.",
        "The agreement was mentioned in passing.",
        "Many experts agree that repercussions are inevitable.",
    ],
)
def test_events_without_a_doer_are_not_coded(pipeline, text):
    assert _events(pipeline, text) == ()


def test_events_a_deed_without_its_doer_keeps_its_named_victim(pipeline):
    [event] = [e for e in _events(pipeline, "Three Iraqi policemen were killed on Sunday.")]
    assert (event.type, event.source, event.target_country) == ("ASSAULT", None, "IRQ")


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # a dateline is not the subject
        ("BOGOTÁ — Venezuela has deployed troops to the border.", "MOBILIZE", "VEN", None),
        # a group is coded with the country it acts in; partitives give their members
        ("Hundreds of ethnic Albanians in Serbia demonstrated on Monday.", "PROTEST", "SRB", None),
        # the side that must comply is the target of a threat
        (
            "Iran threatened to launch an offensive unless Iraq accepted its terms.",
            "THREATEN",
            "IRN",
            "IRQ",
        ),
        # a pronoun in a reported clause is the reporting subject
        ("Iraq said it would allow the inspectors to return.", "AGREE", "IRQ", None),
        # targets behind a thing: whose it is, whom it comes from
        ("Berlin rejected calls by Belarus's rulers for aid.", "REJECT", "DEU", "BLR"),
        ("The judge ordered former president Carlos Menem to appear.", "REQUEST", None, None),
        # a court of a country acts at home: the official it acts on shares its country
        ("An Argentine judge charged President Carlos Menem.", "ACCUSE", "ARG", "ARG"),
    ],
)
def test_events_general_argument_rules(pipeline, text, kind, source, target):
    event = _main(pipeline, text)
    assert event is not None and event.type == kind
    assert event.source_country == source
    assert event.target_country == target


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The trade war hurt American farmers badly.", "ASSAULT"),
        ("A stock market rally lifted the shares of the company.", "PROTEST"),
        ("The Iran deal reflects the priorities of both sides.", "AGREE"),
        ("The ministry released a statement on Monday.", "RETREAT"),
        ("A White House spokesperson declined to comment.", "REJECT"),
        ("The WHO warned that the situation in the camp is critical.", "THREATEN"),
    ],
)
def test_events_words_in_another_sense_are_not_coded(pipeline, text, absent):
    assert absent not in _types(pipeline, text)


def test_events_release_of_people_is_coded(pipeline):
    assert "RETREAT" in _types(pipeline, "Turkey released two German journalists on Friday.")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russian troops might attack the town any day.", "hypothetical"),
        ("The Kurds urged Russia to defend Afrin.", "demanded"),
    ],
)
def test_events_irrealis_modality(pipeline, text, modality):
    events = [e for e in _events(pipeline, text) if e.type != "REQUEST"]
    assert events and events[0].modality == modality


def test_events_negation_reaches_through_a_complement(pipeline):
    text = "China was not willing to accept the American proposal."
    events = [e for e in _events(pipeline, text) if e.type == "AGREE"]  # "willing", "accept"
    assert events and all(e.negated for e in events)


def test_events_not_an_event_rows_of_a_user_lexicon_override(pipeline, tmp_path):
    from newsgraph.extract._event_lexicon import load_lexicon

    extra = tmp_path / "extra.csv"
    extra.write_text("pos,lemma,with,type,mode\nverb,meet,deadline,-,\n", "utf-8")
    lexicon = load_lexicon(extra_triggers=[extra])
    for text, expected in (
        ("The French ministry met the deadline.", []),
        ("Iran met Iraq's foreign minister on Monday.", ["CONSULT"]),
    ):
        doc = pipeline.nlp(text)
        found = pipeline.extract_text(text)
        events = extract_events(doc, found["entities"], found["quotes"], lexicon=lexicon)
        assert [e.type for e in events if e.type == "CONSULT"] == expected


def test_events_skip_durations_when_dating_and_take_the_calendar_date(pipeline):
    context = DocumentContext(published="2025-08-20")
    text = "After two weeks of talks, Serbian troops attacked the village on Sunday."
    events = pipeline.extract_text(text, context)["events"]
    dated = [event for event in events if event.type == "ASSAULT"]
    assert dated and dated[0].date == "2025-08-17"


@pytest.mark.parametrize(
    "text",
    [
        # generic doers: nobody in particular, a habit of a bare plural, an extraposed "it"
        "Others are willing to attack the plan.",
        "Critics accused the government of lying.",
        "Countries allow trade with the regime.",
        "It will take more than optimism to end the war in Syria.",
        # captions and page furniture
        "CLOSE The Defense Department says it is sending troops to the border.",
        "Image copyright Reuters Image caption Iranian forces attacked the tanker.",
    ],
)
def test_events_generic_statements_and_captions_are_not_coded(pipeline, text):
    assert _events(pipeline, text) == ()


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("The rebels are able to attack the capital.", "attack", "hypothetical"),
        ("Will Iran accept the offer from the United States?", "accept", "hypothetical"),
        ("Israel has not asked Egypt to close the border.", "close", "hypothetical"),
    ],
)
def test_events_intentions_abilities_questions_are_not_actual(pipeline, text, trigger, modality):
    [event] = [
        e for e in _events(pipeline, text) if text[e.trigger.start : e.trigger.end] == trigger
    ]
    assert event.modality == modality


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            "China blamed the United States for the trade war, vowing it would not back down.",
            "back",
            "China",
        ),
        (
            "France announced new rules and said it was planning to repatriate French children.",
            "repatriate",
            "France",
        ),
    ],
)
def test_events_pronoun_reported_by_a_verb_without_subject_is_its_heads_subject(
    pipeline, text, trigger, source
):
    [event] = [
        e for e in _events(pipeline, text) if text[e.trigger.start : e.trigger.end] == trigger
    ]

    assert event.source == source


def test_events_country_words_of_several_words_are_read_whole(pipeline):
    text = "The Security Council voted to ban North Korean exports."

    [event] = _events(pipeline, text)

    assert event.target_country == "PRK"


def test_events_readiness_to_attack_is_one_threat_not_an_attack(pipeline):
    text = "Erdogan said Turkey was ready to launch an offensive against the YPG."

    [event] = _events(pipeline, text)

    assert (event.type, event.source, event.target) == ("THREATEN", "Turkey", "YPG")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("There are echoes of 2003, when Turkey refused to back the invasion of Iraq.", "REJECT"),
        ("Erdogan said Turkey was ready to launch an offensive against the YPG.", "THREATEN"),
    ],
)
def test_events_one_event_per_deed_type_and_dyad_in_a_sentence(pipeline, text, kind):
    assert len([e for e in _events(pipeline, text) if e.type == kind]) == 1


@pytest.mark.parametrize(
    ("text", "published", "modality"),
    [
        ("In June, Russia vetoed a resolution on Syria.", "2018-08-26", "historical"),
        ("Last week, Russia vetoed a resolution on Syria.", "2018-08-26", "actual"),
        ("In 2003, Turkey refused to back the invasion of Iraq.", "2018-04-11", "historical"),
        (
            "There are echoes of 2003, when Turkey refused to back the invasion.",
            "2018-04-11",
            "historical",
        ),
    ],
)
def test_events_dated_well_before_publication_are_background(pipeline, text, published, modality):
    events = _events(pipeline, text, published)

    assert events and events[0].modality == modality


def test_events_accused_deed_is_the_accused_and_asserted_by_the_accuser(pipeline):
    text = "US officials accused China of reneging on the trade agreement."
    [deed] = [
        e for e in _events(pipeline, text) if text[e.trigger.start : e.trigger.end] == "reneging"
    ]
    assert deed.source_country == "CHN"
    assert deed.hedged and deed.asserted_by is not None and "officials" in deed.asserted_by


def test_events_unnamed_offices_take_the_dateline_country(pipeline):
    text = "CARACAS — Police arrested three opposition leaders on Monday."
    [event] = [e for e in _events(pipeline, text) if e.type == "COERCE"]
    assert event.source_country == "VEN"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Pro-Iranian militiamen attacked the embassy.", "IRN"),
        ("Anti-American protesters marched in Karachi.", "USA"),
    ],
)
def test_events_stance_prefixes_give_no_country(pipeline, text, absent):
    assert all(e.source_country != absent for e in _events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Russia sent troops to Syria.", "MOBILIZE", "SYR"),
        ("Britain deployed soldiers to Estonia on Monday.", "MOBILIZE", "EST"),
        ("Troops were sent to Syria by Russia.", "MOBILIZE", "SYR"),
        ("Japan gave aid to the Philippines.", "AID", "PHL"),
    ],
)
def test_events_transfer_targets_the_recipient_not_the_thing_sent(pipeline, text, kind, target):
    [event] = [e for e in _events(pipeline, text) if e.type == kind]
    assert event.target_country == target
    assert event.target is not None and event.target.lower() not in ("troops", "soldiers", "aid")


def test_events_transfer_without_recipient_has_no_target(pipeline):
    [event] = [e for e in _events(pipeline, "Russia sent its air force.") if e.type == "MOBILIZE"]
    assert event.source_country == "RUS" and event.target is None


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        ("The rebels who attacked the convoy fled to Turkey.", "ASSAULT", "rebels"),
        ("Russia, which has backed Assad, condemned the strike.", "SUPPORT", "Russia"),
        ("The group that attacked the convoy and killed two soldiers fled.", "ASSAULT", "group"),
    ],
)
def test_events_relative_clause_doer_is_the_antecedent(pipeline, text, kind, source):
    events = [e for e in _events(pipeline, text) if e.type == kind]
    assert events and all(e.source == source for e in events)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Israel attacked Gaza and accused Hamas of firing rockets.", "ISR"),
        ("Iran was attacked and accused Israel of aggression.", "IRN"),
    ],
)
def test_events_conjunct_verb_inherits_the_first_subject(pipeline, text, source):
    accusations = [e for e in _events(pipeline, text) if e.type == "ACCUSE"]
    assert accusations and accusations[0].source_country == source


@pytest.mark.parametrize(
    "text",
    [
        "The proposal threatens Iran's economy.",
        "The report accused China of spying.",
        "Rawat's proximity helped the negotiators.",
    ],
)
def test_events_a_thing_is_no_doer_of_a_verbal_event(pipeline, text):
    verbal = {"ACCUSE", "REQUEST", "THREATEN", "AGREE", "CONSULT", "SUPPORT", "REJECT"}
    assert not [e for e in _events(pipeline, text) if e.type in verbal and e.source is not None]


def test_events_persons_and_bodies_stay_doers_of_verbal_events(pipeline):
    events = _events(pipeline, "Hundreds of protesters demanded that the government resign.")
    assert [e.source for e in events if e.type == "REQUEST"] == ["protesters"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The United States supplied Ukraine with weapons.", "UKR"),
        ("Russia sent its warships.", None),
    ],
)
def test_events_transfer_object_is_recipient_only_when_not_a_force(pipeline, text, target):
    events = [e for e in _events(pipeline, text) if e.type in ("AID", "MOBILIZE")]
    assert events and events[0].target_country == target


@pytest.mark.parametrize(
    "text",
    [
        "Srihini was shot twice, detained multiple times and tortured while imprisoned.",
        "Their house was burned down, Srihini was shot twice, detained and tortured.",
    ],
)
def test_events_passive_conjunct_by_ellipsis_keeps_its_patient(pipeline, text):
    assert not [e for e in _events(pipeline, text) if e.source and "Srihini" in e.source]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Syria deployed chemical weapons against the opposition.", "opposition"),
        ("Russia has provided Assad's forces with weapons.", "Assad's forces"),
    ],
)
def test_events_transfer_against_or_to_anothers_force(pipeline, text, target):
    events = [e for e in _events(pipeline, text) if e.type in ("AID", "MOBILIZE")]
    assert events and events[0].target == target


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        ("Israel and Jordan reached a consensus to share water data on Monday.", "AGREE", "ISR"),
        ("Egypt's president launched a mediation effort between Sudan and Chad.", "CONSULT", "EGY"),
        ("The European Union gave Jordan 5 million dollars of aid.", "AID", None),
        ("Russian troops began ten days of war games near the border.", "MOBILIZE", "RUS"),
        ("The Kenyan government lifted a state of emergency in the north.", "CONCEDE", "KEN"),
        ("Serbian forces were engaged in ethnic cleansing against Albanians.", "ASSAULT", "SRB"),
        ("Hundreds of Chilean students took part in a protest against the law.", "PROTEST", "CHL"),
        ("Thousands of Greek workers stopped work on Tuesday over pension cuts.", "PROTEST", "GRC"),
        ("Bolivian farmers blocked traffic into La Paz on Friday.", "PROTEST", "BOL"),
        ("The Turkish government denied the journalist a visa.", "REJECT", "TUR"),
        ("Iranian hackers tried to break into and hack the bank's servers.", "COERCE", "IRN"),
        ("Ukrainian forces have retaken a strategic village near Kharkiv.", "ASSAULT", "UKR"),
    ],
)
def test_events_general_constructions_name_their_event(pipeline, text, kind, source):
    event = _main(pipeline, text)
    assert event is not None and event.type == kind
    if source is not None:
        assert event.source_country == source


def test_events_container_trigger_spans_the_event_noun(pipeline):
    text = "Egypt's president launched a mediation effort between Sudan and Chad."
    [event] = [e for e in _events(pipeline, text) if e.type == "CONSULT"]
    assert text[event.trigger.start : event.trigger.end] == "mediation effort"


def test_events_put_under_investigation_targets_the_passive_subject(pipeline):
    text = "A French businessman has been put under investigation in Italy."
    [event] = [e for e in _events(pipeline, text) if e.type == "ACCUSE"]
    assert (event.mode, event.source, event.target_country) == ("investigate", None, "FRA")


def _event_of(pipeline: Pipeline, text: str, kind: str):
    events = [e for e in _events(pipeline, text) if e.type == kind]
    assert events, f"no {kind} event in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        # the indirect object of a light verb whose noun is the event
        ("Japan gave Vietnam a grant last year.", "AID", "VNM"),
        # the subject of an infinitive clause is whom the verb acts on
        ("Egypt allowed Palestinian officials to enter the crossing.", "CONCEDE", "PSE"),
        # a taking: "from X" is who loses it
        ("Police in Ankara seized rifles from Syrian smugglers on Sunday.", "COERCE", "SYR"),
        # a part of a thing: the actor down its phrases
        ("Canada suspended part of an aid program for Ethiopia.", "SANCTION", "ETH"),
        # a that-clause the parser hangs on the verb spells out the demand
        ("The World Bank repeated its demand on Friday that Ghana cut spending.", "REQUEST", "GHA"),
    ],
)
def test_events_target_from_datives_infinitive_subjects_and_phrases(pipeline, text, kind, target):
    assert _event_of(pipeline, text, kind).target_country == target


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        # a purpose infinitive names whom the act aims at
        ("Police in Nairobi fired shots to disperse Somali traders.", "ASSAULT", "Somali traders"),
        ("Students began a hunger strike to protest against Chile's decision.", "PROTEST", "Chile"),
        # "in protest of" a thing: whose it is
        (
            "Kenyan traders staged a strike in protest of the Ugandan government's new tax.",
            "PROTEST",
            "Ugandan government",
        ),
    ],
)
def test_events_an_acts_aim_gives_its_target(pipeline, text, kind, target):
    event = _event_of(pipeline, text, kind)
    assert event.target is not None and target in event.target


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("France and India began joint naval exercises on Monday.", "COOPERATE"),
        ("India held naval exercises with Japan on Monday.", "COOPERATE"),
        ("India began naval exercises on Monday.", "MOBILIZE"),
        (
            "The Chinese foreign ministry protested that the visit violated its sovereignty.",
            "ACCUSE",
        ),
        ("Thousands of students protested the decision in Seoul.", "PROTEST"),
        ("Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.", "AID"),
        ("Russian troops arrived in Belarus on Tuesday.", "MOBILIZE"),
        (
            "Nigeria said it will withdraw its troops from Chad unless elections are held.",
            "THREATEN",
        ),
        ("Gunmen attempted to assassinate the governor on Sunday.", "ASSAULT"),
    ],
)
def test_events_type_decided_by_doers_condition_or_attempt(pipeline, text, kind):
    event = _main(pipeline, text)
    assert event is not None and event.type == kind


@pytest.mark.parametrize(
    "text",
    [
        "The minister held a news conference on Monday.",
        "The U.S. and China have been involved in a tit-for-tat trade battle this year.",
        "The company issued a press release on Friday.",
    ],
)
def test_events_other_senses_of_event_nouns_are_not_coded(pipeline, text):
    assert not _events(pipeline, text)


def test_events_a_word_class_row_stands_for_each_word_and_unknown_classes_fail(tmp_path):
    from newsgraph.extract._event_lexicon import load_lexicon

    extra = tmp_path / "extra.csv"
    extra.write_text("pos,lemma,with,type,mode\nverb,storm,@territory,COERCE,seize\n", "utf-8")
    lexicon = load_lexicon(extra_triggers=[extra])
    withs = {e.with_words for e in lexicon.verbs["storm"] if e.type == "COERCE"}
    assert ("village",) in withs and ("airport",) in withs
    extra.write_text("pos,lemma,with,type,mode\nverb,storm,@nowhere,COERCE,\n", "utf-8")
    with pytest.raises(ValueError, match="word class"):
        load_lexicon(extra_triggers=[extra])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a relative clause on the thing is another deed
        ("The Nigerian army surrendered the bases it took from Chadian rebels.", "RETREAT"),
        # a meeting's object is its topic; a thing is no actor of an infinitive clause
        ("French and German ministers discussed the U.S. strikes on Monday.", "CONSULT"),
        ("Cuba has never allowed the Cuban territory to be used for attacks.", "CONCEDE"),
    ],
)
def test_events_topics_and_other_deeds_give_no_target(pipeline, text, kind):
    events = _events(pipeline, text)
    assert all(e.target is None for e in events if e.type in (kind, "AGREE"))


@pytest.mark.parametrize(
    ("text", "kind", "target", "country"),
    [
        # what a material act is aimed at, or where its object leads, names the place
        (
            "Israeli troops fired shells at targets in Jericho on Monday.",
            "ASSAULT",
            "Jericho",
            "PSE",
        ),
        ("Rebels blew up power lines leading into Kabul.", "ASSAULT", "Kabul", "AFG"),
        # a mediator's target is between whom it mediates
        (
            "Norway ended its mediation between Sri Lankan rebels and the government.",
            "SANCTION",
            "Sri Lankan rebels",
            "LKA",
        ),
    ],
)
def test_events_place_and_between_targets(pipeline, text, kind, target, country):
    event = _event_of(pipeline, text, kind)
    assert (event.target, event.target_country) == (target, country)


def test_events_a_protest_is_not_against_the_place_it_is_held_in(pipeline):
    event = _event_of(
        pipeline, "Thousands of students demonstrated in Santiago on Monday.", "PROTEST"
    )
    assert event.target is None and event.place is not None and "Santiago" in event.place


def test_events_a_meetings_with_phrase_leads_to_its_partner(pipeline):
    text = "Netanyahu negotiated a deal with the owner of Israel's biggest newspaper."
    event = _event_of(pipeline, text, "CONSULT")
    assert event.target is not None and "newspaper" in event.target


# --- precision on real text (issue 4): whether a candidate is an event, and its modality ----


def _by_trigger(pipeline: Pipeline, text: str, trigger: str):
    return [e for e in _events(pipeline, text) if text[e.trigger.start : e.trigger.end] == trigger]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # private acts: a request or call to one's own kin
        ("Ahmed borrowed a phone to call his brother for help.", "call"),
        # a question put to someone is not a request
        ("Asked to comment on the report, the minister said nothing.", "Asked"),
        ("The senator asked whether the president would sign the bill.", "asked"),
        ("She phoned her family to ask about her son.", "ask"),
        # a radio call is a signal, not a demand
        ("The pilots made a radio call for help before the crash.", "call"),
        # a known document: its compound country is the topic, not a party
        ("Critics of the Iran nuclear deal gathered in the capital.", "deal"),
        # a verb of naming judges its object: the attack is not the speaker's
        ("The lawyer called the hearing a sham.", "hearing"),
        # warning of a risk is a prediction, not a threat
        ("Farmers' unions warned of the risk of higher food prices.", "warned"),
        # a protest verb in another sense
        ("The minister said the incident demonstrates the need for reform.", "demonstrates"),
        # seeking to do something is an attempt; seeking people is a search
        ("The government seeks to raise pressure on the cartel.", "seeks"),
        ("Police in Lagos are seeking three suspects.", "seeking"),
        # information given is not aid; coming back from a trip is not a retreat
        ("The ministry provided more detail on the plan on Monday.", "provided"),
        ("The prime minister spoke after returning from a trip to Japan.", "returning"),
    ],
)
def test_events_other_senses_and_private_acts_are_not_coded(pipeline, text, trigger):
    assert _by_trigger(pipeline, text, trigger) == []


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Iran warned of retaliation against any attack.", "warned", "THREATEN"),
        ("Kenya sought help from Uganda.", "sought", "REQUEST"),
        ("Washington asked Moscow whether it would join the talks.", "asked", "REQUEST"),
        ("Hundreds of students demonstrated against the government.", "demonstrated", "PROTEST"),
    ],
)
def test_events_political_senses_stay_coded(pipeline, text, trigger, kind):
    assert [e.type for e in _by_trigger(pipeline, text, trigger)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # a present-tense passive about a class
        "Navy recruits are trained to fight at sea, not to police ports.",
        # a relative clause with a modal on an indefinite noun describes a kind of thing
        "They want a plan that can be supported by people in both parties.",
        # a present-tense relative clause on a bare plural
        "Voters who support a ceasefire are a majority.",
    ],
)
def test_events_generic_statements_about_kinds_are_not_coded(pipeline, text):
    assert _events(pipeline, text) == ()


def test_events_specific_plurals_in_relative_clauses_stay_coded(pipeline):
    text = "Aid comes from Qatar and other Gulf states, which back the rebels."
    assert "SUPPORT" in _types(pipeline, text)


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "modality"),
    [
        # a condition is not a refusal or a threat by its subject
        (
            "The rebels will lose the town if Turkey does not help them.",
            "help",
            "AID",
            "hypothetical",
        ),
        # a main clause with a modal and an "if" clause is a consequence
        (
            "The army will choose to withdraw its troops if pressed.",
            "withdraw",
            "RETREAT",
            "hypothetical",
        ),
        # an expected event is future, and not a threat by its doer
        (
            "Residents are bracing for an assault by government forces.",
            "assault",
            "ASSAULT",
            "future",
        ),
        # a demand, a deadline or lobbying: the demanded act is not done
        (
            "Activists lobbied Brussels not to approve the sanctions.",
            "sanctions",
            "SANCTION",
            "demanded",
        ),
        ("Trump set a deadline for Mexico to sign the agreement.", "sign", "SUPPORT", "demanded"),
        # a complement of a planned act is planned
        ("The senators vowed to sue to force Obama to back down.", "back", "CONCEDE", "future"),
        # ongoing, not future
        (
            "The United States will continue to impose sanctions on Iran.",
            "sanctions",
            "SANCTION",
            "actual",
        ),
        # background: "previously", a timeline year, a dated governing clause
        ("Russia has previously vetoed a resolution on Syria.", "vetoed", "REJECT", "historical"),
        (
            "1998: Rebels attack the capital and kill 20 soldiers.",
            "attack",
            "ASSAULT",
            "historical",
        ),
        (
            "The minister visited Iraq in 2015, meeting troops training local police.",
            "training",
            "AID",
            "historical",
        ),
        # an event noun the verb's phrase names as existing is not demanded
        (
            "The Kurds urged Russia to defend them from the Turkish incursion.",
            "incursion",
            "ASSAULT",
            "actual",
        ),
    ],
)
def test_events_modality_on_real_text_patterns(pipeline, text, trigger, kind, modality):
    found = [(e.type, e.modality) for e in _by_trigger(pipeline, text, trigger)]
    assert found == [(kind, modality)]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # ending a conflict action is a concession
        ("Janet Napolitano said she would stop deporting students.", "deporting", "CONCEDE"),
        ("The government stopped funding the rebels in March.", "funding", "SANCTION"),
        # agreeing to a penalty is an agreement, not a threat
        ("The company agreed to a fine of $1 billion.", "agreed", "AGREE"),
    ],
)
def test_events_type_of_stopped_and_agreed_acts(pipeline, text, trigger, kind):
    assert [e.type for e in _by_trigger(pipeline, text, trigger)] == [kind]


def test_events_an_aim_adjective_without_coded_complement_is_no_offer(pipeline):
    aim = "Israel is determined to disrupt the supply lines."
    assert _by_trigger(pipeline, aim, "determined") == []
    offered = _by_trigger(pipeline, "France is ready to contribute 400 troops.", "ready")
    assert [e.type for e in offered] == ["AGREE"]


@pytest.mark.parametrize(
    ("text", "kind", "target", "country"),
    [
        # two groups a demonym only modifies are different actors
        (
            "Kenyan police seized rifles from Kenyan smugglers on Monday.",
            "COERCE",
            "Kenyan smugglers",
            "KEN",
        ),
        # a thing an actor's name owns ranks after every actor
        (
            "Turkey will tighten its blockade of Cyprus with Greece's help.",
            "THREATEN",
            "Cyprus",
            "CYP",
        ),
        # a passive's thing subject: whom it is for
        (
            "A school for Somali refugees was attacked by gunmen on Sunday.",
            "ASSAULT",
            "Somali refugees",
            "SOM",
        ),
        # a verb's "into" thing: whose it is
        (
            "Russia tried to hack into the networks of Estonian banks.",
            "COERCE",
            "Estonian banks",
            "EST",
        ),
        # a complaint is about the "over" phrase, not the body it is made to
        (
            "Ghana complained to the African Union over Togolese border raids.",
            "ACCUSE",
            "Togo",
            "TGO",
        ),
        # a noun event's thing phrase leads to the doer of the thing
        (
            "Kenyan police opened an investigation into crimes committed by Somali militants.",
            "ACCUSE",
            "Somali militants",
            "SOM",
        ),
        # a request's "for X to" clause names its addressee
        ("Britain is pushing hard for Germany to back the plan.", "REQUEST", "Germany", "DEU"),
        # a reporting frame after the object is no demanded clause
        (
            "African ministers demanded the departure of Rwandan troops from Congo on Monday, "
            "diplomats quoted a communique as saying.",
            "REQUEST",
            "Rwandan troops",
            "RWA",
        ),
        # a transfer without a recipient is for whom its aim helps
        (
            "Kenya is ready to send food to help feed Somali refugees.",
            "AGREE",
            "Somali refugees",
            "SOM",
        ),
        # conjoined verbs share the object the first one's preposition lacks
        (
            "Chile has established diplomatic ties with and opened an embassy in Havana.",
            "SUPPORT",
            "Havana",
            "CUB",
        ),
        # an object shifted after the verb's "as" phrase; its possessor is the target
        ("Ghana condemned as a grave error Togo's closure of the border.", "ACCUSE", "Togo", "TGO"),
        ("Portugal will support Angola's bid to join the organisation.", "AGREE", "Angola", "AGO"),
        # a withdrawn or reinforced own force is what moves; its place is the target
        ("Chad said it will withdraw its troops from Mali.", "AGREE", "Mali", "MLI"),
        ("Russia has strengthened its forces in Belarus.", "MOBILIZE", "Belarus", "BLR"),
        ("Britain speeded up the withdrawal of its troops from Iraq.", "RETREAT", "Iraq", "IRQ"),
    ],
)
def test_events_target_is_whom_the_thing_acted_on_belongs_to(pipeline, text, kind, target, country):
    event = _event_of(pipeline, text, kind)
    assert (event.target, event.target_country) == (target, country)


@pytest.mark.parametrize(
    ("text", "kind", "absent"),
    [
        # "according to" is no preposition left without its object
        (
            "Rebels shot and wounded villagers fleeing their homes in Kenya, according to police.",
            "ASSAULT",
            "Kenya",
        ),
        # a complaint about a thing named after a place names no one
        (
            "The minister complained to the Russians about the use of gas in the Salisbury attack.",
            "ACCUSE",
            "Salisbury",
        ),
        # a passive thing's deeper phrases and places are not its victim
        (
            "But attempts by some to unfurl a Free Syria flag were banned by police.",
            "COERCE",
            "Syria",
        ),
        ("Consular services in Syria were suspended in 2012.", "SANCTION", None),
    ],
)
def test_events_places_and_deep_phrases_are_no_target(pipeline, text, kind, absent):
    events = [e for e in _events(pipeline, text) if e.type == kind]
    assert events
    if absent is None:
        assert events[0].target is not None and "services" in events[0].target
    else:
        assert all(absent not in (e.target or "") for e in events)


def test_events_a_capital_ner_labels_loc_is_a_place_aimed_at(pipeline):
    text = "The president threatened to institute a curfew in Algiers after the unrest."

    [event] = _events(pipeline, text)

    assert (event.type, event.target, event.target_country) == ("THREATEN", "Algiers", "DZA")


def test_events_a_state_of_emergency_is_no_actor(pipeline):
    text = "The government lifted a state of emergency in the north on Sunday."

    [event] = _events(pipeline, text)

    assert (event.type, event.target) == ("CONCEDE", None)


def test_events_shown_disapproval_is_an_accusation_of_its_object(pipeline):
    text = "Demonstrators in Baghdad blocked a road to show their disapproval for US policies."

    kinds = {(e.type, e.target_country) for e in _events(pipeline, text)}

    assert ("ACCUSE", "USA") in kinds and ("PROTEST", "USA") in kinds


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        ("Trump and Kim met in Singapore on Tuesday.", "CONSULT", "Trump", "Kim"),
        # a meeting's topic is not its partner
        ("Putin and Erdogan will meet next week to discuss Idlib.", "CONSULT", "Putin", "Erdogan"),
        (
            "North Korea and the United States are engaged in sincere talks.",
            "CONSULT",
            "North Korea",
            "United States",
        ),
        ("The United States and Jordan have agreed upon a new free-trade pact.", "AGREE",
         "United States", "Jordan"),
    ],
)  # fmt: skip
def test_events_joint_subjects_of_a_joint_event_are_source_and_target(
    pipeline, text, kind, source, target
):
    [event] = [e for e in _events(pipeline, text) if e.type == kind]

    assert (event.source, event.target) == (source, target)


def test_events_agreeing_that_something_is_so_is_an_opinion_not_an_agreement(pipeline):
    text = "The two leaders agreed the Assad regime had a pattern of dangerous behaviour."

    assert not [e for e in _events(pipeline, text) if e.type == "AGREE"]


def test_events_agreeing_that_something_should_be_done_is_an_agreement(pipeline):
    text = "Hungarian and Romanian officials agreed that their countries should cooperate."

    assert [e for e in _events(pipeline, text) if e.type == "AGREE"]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Russia is pressing ahead with its own peace talks in Sochi.", "talks", "actual"),
        (
            "The Kurdish authority invited the Syrian army to protect its borders with Turkey.",
            "protect",
            "demanded",
        ),
    ],
)
def test_events_going_ahead_is_done_and_an_invitation_to_act_is_a_demand(
    pipeline, text, trigger, modality
):
    [event] = [
        e for e in _events(pipeline, text) if text[e.trigger.start : e.trigger.end] == trigger
    ]

    assert event.modality == modality


@pytest.mark.parametrize(
    "text",
    [
        "“It is unsustainable,” said a resident, who asked not to be named for fear of reprisals.",
        "Renas, a Londoner who asked to be called only by her nom de guerre, recalled the day.",
    ],
)
def test_events_asking_for_anonymity_is_no_request(pipeline, text):
    assert not [e for e in _events(pipeline, text) if e.type == "REQUEST"]


def test_events_a_country_named_uk_or_us_is_no_group_of_people(pipeline):
    text = "Earlier this month Mr Trump cancelled a visit to the UK."

    [event] = _events(pipeline, text)

    assert (event.source_country, event.target_country) == (None, "GBR")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israel is opposed to French mediation in the talks.", "Israel", "French"),
        ("Germany is opposed to the Russian proposal.", "Germany", "Russian"),
    ],
)
def test_events_being_opposed_to_is_the_subjects_own_rejection(pipeline, text, source, target):
    [event] = [e for e in _events(pipeline, text) if e.type == "REJECT"]

    assert (event.source, event.target) == (source, target)


def test_events_seeking_refuge_in_a_country_asks_that_country(pipeline):
    text = "Some 800,000 Iraqi Kurds sought refuge in Germany last month."

    [event] = [e for e in _events(pipeline, text) if e.type == "REQUEST"]

    assert event.target_country == "DEU"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Vietnamese-led forces have retaken a strategic village in Western Cambodia.", "KHM"),
        ("Rebels shelled villages in southern Lebanon overnight.", "LBN"),
        ("The army imposed a curfew in Srinagar on Monday.", "IND"),
        ("The government eased restrictions in Wuhan on Friday.", "CHN"),
    ],
)
def test_events_a_place_taken_or_restricted_is_aimed_at_its_country(pipeline, text, country):
    [event] = _events(pipeline, text)

    assert event.target_country == country


def test_events_a_researchers_trip_to_a_place_is_no_visit(pipeline):
    text = "Nadim Houry, a director at Human Rights Watch, recently visited Raqqa province."

    assert not [e for e in _events(pipeline, text) if e.type == "CONSULT"]


def test_events_an_officials_trip_to_a_country_is_a_visit(pipeline):
    text = "Secretary of State Mike Pompeo visited Baghdad on Monday."

    [event] = _events(pipeline, text)

    assert (event.type, event.mode, event.target_country) == ("CONSULT", "visit", "IRQ")


def test_events_a_countrys_civil_war_is_not_its_attack(pipeline):
    text = "The revolution rose from the rubble of Syria's civil war."

    assert not [e for e in _events(pipeline, text) if e.source == "Syria"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Thousands of protesters blocked roads in Nairobi on Monday.", "KEN"),
        ("Hundreds of ethnic Hungarians rallied in Bucharest on Sunday.", "ROU"),
        ("President John Mahama imposed a curfew in Tamale on Friday.", "GHA"),
    ],
)
def test_events_a_local_actor_without_country_is_of_the_place_it_acts_in(pipeline, text, country):
    event = _main(pipeline, text)
    assert event is not None and event.source_country == country


@pytest.mark.parametrize(
    "text",
    [
        "Refugees protested in Beirut on Monday.",  # refugees are not of where they are
        "President Joe Biden criticised Russia in a speech in Warsaw.",  # a leader abroad
        "Amnesty International criticised the police in Nairobi.",  # an NGO acts abroad
    ],
)
def test_events_where_an_act_happens_gives_no_country_to_visitors_leaders_or_ngos(pipeline, text):
    event = _main(pipeline, text)
    assert event is not None and event.source_country is None


def test_events_forces_named_by_a_possessive_pronoun_are_of_its_organisation(pipeline):
    event = _main(pipeline, "Hezbollah said its fighters attacked an Israeli army post.")
    assert event is not None and event.type == "ASSAULT"
    assert (event.source, event.source_country) == ("its fighters", "LBN")


def test_events_a_main_verb_parsed_as_a_participle_of_the_root_noun_has_it_as_subject(pipeline):
    events = _events(
        pipeline, "An official Iranian newspaper called on Muslims to boycott the elections."
    )
    [request] = [e for e in events if e.type == "REQUEST"]
    assert request.source_country == "IRN" and request.source_sector == "media"


def test_events_an_active_conjunct_of_a_passive_shares_its_patient_as_subject(pipeline):
    text = "The minister was accused by the opposition of corruption and will resign."
    [resign] = [
        e for e in _events(pipeline, text) if text[e.trigger.start : e.trigger.end] == "resign"
    ]
    assert resign.source == "minister"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A car bomb outside the city of Kirkuk killed three soldiers on Sunday.", "IRQ"),
        ("Two policemen were killed by a roadside bomb near the town of Kandahar.", "AFG"),
    ],
)
def test_events_a_weapon_as_doer_codes_the_country_where_it_struck(pipeline, text, country):
    event = _main(pipeline, text)
    assert event is not None and event.type == "ASSAULT" and event.source_country == country


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("He has committed no crime here, his mother said.", "AGREE"),
        ("Leahy's statement was met with a sharp response from Republicans.", "CONSULT"),
        ("The US managed to reinforce the broad principles of the deal.", "MOBILIZE"),
        ("The minister did not provide evidence for the claim.", "AID"),
        ("Shamima Begum has given birth to a son in a camp in Syria.", "CONCEDE"),
        ("Trump is making a misjudgment in pressing ahead with the wall.", "REQUEST"),
        (
            "She said that if she came back and was charged and convicted, she would accept it.",
            "THREATEN",
        ),
    ],
)
def test_events_other_senses_and_conditions_are_not_coded_as_the_type(pipeline, text, absent):
    assert absent not in {e.type for e in _events(pipeline, text)}


def test_events_reinforcing_troops_is_still_a_mobilisation(pipeline):
    assert "MOBILIZE" in {
        e.type for e in _events(pipeline, "NATO will reinforce its troops in Estonia.")
    }


def test_events_burning_an_effigy_is_a_protest(pipeline):
    event = _main(pipeline, "Students burned an effigy of the president to protest the pact.")
    assert event is not None and event.type == "PROTEST"


def test_events_the_agent_of_a_reduced_passive_clause_is_the_source(pipeline):
    text = "Press Secretary Jay Carney would not confirm the letter when asked by Fox News."
    [event] = [e for e in _events(pipeline, text) if e.type == "REQUEST"]
    assert (event.source, event.target) == ("Fox News", "Jay Carney")


def test_events_a_war_named_by_a_demonym_has_no_attacker(pipeline):
    text = "Mapping the border's people in the wake of the Syrian war remains a key objective."
    assert all(e.source_country != "SYR" for e in _events(pipeline, text))


def test_events_they_after_people_conjoined_as_subject_of_say_is_those_people(pipeline):
    text = (
        "Russia's air strikes have alarmed the Syrian opposition. Obama and Secretary of State"
        " John Kerry say they welcome Russian efforts to defeat ISIS."
    )
    [event] = [e for e in _events(pipeline, text) if e.type == "SUPPORT"]
    assert event.source in ("Obama", "John Kerry") and event.source_country != "SYR"


def test_events_a_person_going_home_is_no_retreat_but_troops_and_things_returned_are(pipeline):
    assert not _events(pipeline, "Shamima Begum says she wants to return to Britain.")
    assert "RETREAT" in {
        e.type for e in _events(pipeline, "Iran returned the seized tanker to Britain.")
    }


def test_events_a_passive_conjunct_with_its_own_agent_has_that_agent_as_source(pipeline):
    text = "Smith paid a smuggler but was betrayed by an associate and arrested by soldiers."
    [event] = [e for e in _events(pipeline, text) if e.type == "COERCE"]
    assert event.source == "soldiers"


def test_events_a_role_noun_with_a_name_in_apposition_is_that_person(pipeline):
    text = (
        "Alistair Burt is a foreign office minister. The UK defence minister, Tobias Ellwood,"
        " praised Mattis as trusted and respected."
    )
    [event] = [e for e in _events(pipeline, text) if e.type == "SUPPORT"]
    assert event.source == "Tobias Ellwood"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Demonstrator Mohammed Mazin, one of thousands who marched, agreed.", "AGREE"),
        ("It did not say how returning aid workers would be protected.", "AID"),
        (
            "Ronalds said Australia should be concerned about the security risk of the"
            " Isis-affiliated adults and children returning from the Syrian conflict.",
            "RETREAT",
        ),
    ],
)
def test_events_opinions_questions_offices_modifiers_and_homecomings_are_no_events(
    pipeline, text, absent
):
    assert absent not in {e.type for e in _events(pipeline, text)}


def test_events_air_support_is_military_aid(pipeline):
    event = _main(pipeline, "France is providing heavy artillery and air support in Iraq.")
    assert event is not None and event.type == "AID"


def test_events_an_event_noun_modifying_another_noun_is_no_event(pipeline):
    events = _events(pipeline, "Russia hosted the Syrian peace talks venue in Sochi.")
    assert [e.source for e in events if e.type == "CONSULT"] == ["Russia"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Russia restored ties with Georgia almost five years after crowds burned down its"
            " embassy.",
            "restored",
        ),
        ("Russia restored ties with Georgia two decades since Russian troops invaded.", "restored"),
        (
            "Rebels attacked the embassy a year before Russia restored ties with Georgia.",
            "attacked",
        ),
    ],
)
def test_a_deed_that_only_dates_another_months_or_years_away_is_not_coded(pipeline, text, trigger):
    events = _events(pipeline, text)
    assert [text[e.trigger.start : e.trigger.end] for e in events] == [trigger]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested the men two days after rebels attacked the embassy.",
        "Police arrested the men shortly after rebels attacked the embassy.",
    ],
)
def test_a_recent_deed_in_an_after_clause_is_still_coded(pipeline, text):
    assert "ASSAULT" in _types(pipeline, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Prime Minister Boris Johnson clashed with Jeremy Corbyn over Brexit.", "ACCUSE"),
        ("Protesters clashed with police in Cairo on Friday.", "ASSAULT"),
        ("Syrian troops clashed with rebels near Aleppo.", "ASSAULT"),
    ],
)
def test_a_person_who_clashed_quarrelled_and_forces_fought(pipeline, text, kind):
    assert _types(pipeline, text) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Neither Russia nor China attacked the convoy.",
        "No country has recognised the new government.",
    ],
)
def test_a_subject_denied_by_its_determiner_negates_the_event(pipeline, text):
    events = _events(pipeline, text)
    assert events and all(e.negated for e in events)


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Eriador has received by courier money from Osgiliath.", False),
        ("The president received the Japanese envoy on Monday.", True),
        ("The envoy was received by the president.", True),
    ],
)
def test_received_needs_someone_received(pipeline, text, coded):
    assert ("CONSULT" in _types(pipeline, text)) is coded


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Russia and Georgia have postponed their meeting.", "CONSULT"),
        ("Mr Trump cancelled his first official trip to Latin America.", "CONSULT"),
        ("The planned visit by Putin was called off.", "CONSULT"),
    ],
)
def test_an_event_called_off_did_not_take_place(pipeline, text, absent):
    assert absent not in _types(pipeline, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The union called off the strike on Monday.", "CONCEDE"),  # not "call on": a date
        ("Mr Trump called the Syrian leader an animal on Wednesday.", None),
        ("The EU called on Russia on Tuesday to withdraw its troops.", "REQUEST"),
    ],
)
def test_a_date_after_a_verb_is_no_preposition_of_its_phrase(pipeline, text, kind):
    types = _types(pipeline, text)
    assert (types[0] if types else None) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Egypt resumed relations with Iran on Monday.", "SUPPORT"),
        ("Japan contributed $5 million to the UN refugee agency.", "AID"),
        ("The weather contributed to the delay.", None),
    ],
)
def test_resumed_ties_are_support_and_money_contributed_is_aid(pipeline, text, kind):
    types = _types(pipeline, text)
    assert (types[0] if types else None) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Mitt Romney on Sunday refused to say whether he would revoke the decision.",
        "The department declined to answer whether the minister had changed her mind.",
    ],
)
def test_events_declining_to_comment_is_no_rejection(pipeline, text):
    assert "REJECT" not in {e.type for e in _events(pipeline, text)}


def test_events_what_is_ruled_out_is_negated(pipeline):
    text = "A White House official ruled out sending ground troops to Syria."
    [mobilize] = [e for e in _events(pipeline, text) if e.type == "MOBILIZE"]
    assert mobilize.negated


def test_events_a_question_the_writer_asks_keeps_its_type_and_is_hypothetical(pipeline):
    asked = "Did the minister know of protesters who were later killed by US-led airstrikes?"
    [event] = _events(pipeline, asked)
    assert (event.type, event.modality) == ("ASSAULT", "hypothetical")


@pytest.mark.parametrize(
    "text",
    [
        'Erdogan has vowed to "strangle" a Kurd-led border security force.',
        "Iran vowed to retaliate against Israel.",
    ],
)
def test_events_a_vow_of_violence_is_a_threat(pipeline, text):
    event = _main(pipeline, text)
    assert event is not None and event.type == "THREATEN"


def test_events_a_dateline_with_a_spaced_hyphen_is_no_actor(pipeline):
    text = (
        "Nankana Sahib, Pakistan - When Sikh devotee Gurmit Singh crossed the Indian border to"
        " visit the holiest sites in Pakistan this month, he set out on the journey alone."
    )
    assert all(e.source != "Nankana Sahib" for e in _events(pipeline, text))


def test_events_a_war_on_drugs_is_a_policy_not_an_attack(pipeline):
    text = "He wrote many of the laws in the 1980s that helped shape America's war on drugs."
    assert "ASSAULT" not in {e.type for e in _events(pipeline, text)}


def test_events_a_private_persons_trip_named_by_a_noun_is_no_visit(pipeline):
    text = (
        "Over the next three years Sores Amanos returned to Syria twice, spending more than a"
        " year there on his third trip to Syria."
    )
    assert not _events(pipeline, text)
