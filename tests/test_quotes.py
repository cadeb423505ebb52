"""Quotes: kind, speaker, cue and relay on short realistic sentences, and robustness."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.extract.actors import extract_actors
from newsgraph.extract.quotes import extract_quotes


@pytest.fixture
def quotes_of(pipeline):
    def run(text: str):
        doc = pipeline.nlp(text)
        return extract_quotes(doc, extract_actors(doc))

    return run


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            '"We will respond to any provocation," Daniel Harper said on Thursday.',
            "Daniel Harper",
            "We will respond to any provocation,",
        ),
        (
            'Lin Wei said: "China firmly opposes any interference in Venezuela."',
            "Lin Wei",
            "China firmly opposes any interference in Venezuela.",
        ),
        (
            "“The militia is ready,” said Defence Minister Tomás Quintero.",
            "Tomás Quintero",
            "The militia is ready,",
        ),
    ],
)
def test_direct_quote_gets_its_speaker_before_after_or_inverted(quotes_of, text, speaker, content):
    [quote] = only(quotes_of(text), "direct")
    assert quote.speaker_name == speaker
    assert quote.text == content
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "said"


def test_pronoun_speaker_of_a_quote_resolves_to_the_person_named_before(quotes_of):
    text = (
        "White House Press Secretary Claire Donovan spoke to reporters on Tuesday.\n\n"
        "“We are not going to telegraph our moves,” she said."
    )
    [quote] = only(quotes_of(text), "direct")
    assert quote.speaker_name == "Claire Donovan"
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "she"


def test_split_quote_continues_with_the_same_speaker(quotes_of):
    text = "“We will not be intimidated,” Harper said. “Our sailors are ready.”"
    first, second = only(quotes_of(text), "direct")
    assert first.speaker_name == second.speaker_name == "Harper"
    assert second.cue == first.cue


def test_quote_running_over_two_paragraphs_is_one_quote(quotes_of):
    text = (
        "“We will not be intimidated by warships off our coast.\n\n"
        "“Our people are ready to defend every inch of the homeland,” Tomás Quintero said."
    )
    [quote] = only(quotes_of(text), "direct")
    assert quote.text.startswith("We will not") and quote.text.endswith("homeland,")
    assert quote.speaker_name == "Tomás Quintero"


def test_scare_quote_in_the_writers_sentence_is_partial_with_the_sentence_subject(quotes_of):
    text = 'The Navy described the move as a "regularly scheduled deployment."'
    [quote] = only(quotes_of(text), "partial")
    assert quote.text == "regularly scheduled deployment."
    assert quote.speaker_name is not None and "Navy" in quote.speaker_name


def test_scare_quote_with_no_source_keeps_a_null_speaker(quotes_of):
    [quote] = only(quotes_of('The so-called "peace plan" was published on Monday.'), "partial")
    assert quote.speaker is None and quote.speaker_name is None


def test_scare_quote_after_an_abbreviation_is_still_partial(quotes_of):
    [quote] = only(quotes_of('Protesters denounced U.S. "aggression" in the capital.'), "partial")
    assert quote.speaker_name == "Protesters"


@pytest.mark.parametrize(
    ("text", "speaker", "content_start"),
    [
        (
            "Daniel Harper told reporters that the reward would be doubled.",
            "Daniel Harper",
            "that the reward",
        ),
        (
            "According to VTV, the president ordered a nationwide mobilisation.",
            "VTV",
            "the president ordered",
        ),
        (
            "A report by Caribbean Wire accused China of receiving oil as repayment.",
            "Caribbean Wire",
            "China of receiving",
        ),
    ],
)
def test_indirect_speech_gets_content_and_speaker(quotes_of, text, speaker, content_start):
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text.startswith(content_start)
    assert quote.speaker_name == speaker


def test_state_media_quoting_someone_records_the_relay(quotes_of):
    text = "State media quoted Tomás Quintero as saying that the militia was ready for war."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.speaker_name == "Tomás Quintero"
    assert quote.via == "State media"


def test_unnamed_source_keeps_its_words_but_no_entity(quotes_of):
    [quote] = only(quotes_of("Two officials said the ships would stay for months."), "indirect")
    assert quote.speaker is None
    assert quote.speaker_name == "Two officials"


@pytest.mark.parametrize(
    "text",
    [
        "“This quote never closes and goes on and on",
        "He said “one “two” three” and “four",
        "no punctuation at all just words and more words said the man",
        "“" + " ".join(["word"] * 2000) + ".” he said.",
        "“The whole article is one long quote.\n\n“Still quoting here.\n\n“And here.”",
        '""""',
    ],
)
def test_odd_quote_marks_never_raise_and_spans_stay_inside_the_text(quotes_of, text):
    for quote in quotes_of(text):
        assert 0 <= quote.span.start <= quote.span.end <= len(text)
        assert quote.text == text[quote.span.start : quote.span.end]


def test_noun_cue_with_a_named_source_is_reported_speech(quotes_of):
    quotes = quotes_of("Harper's criticism of the Chinese loans drew an angry response.")
    [quote] = only(quotes, "indirect")
    assert quote.text == "the Chinese loans"
    assert quote.speaker_name == "Harper"


def test_noun_cue_without_a_source_attributes_nothing(quotes_of):
    assert only(quotes_of("The criticism of the loans grew louder in May."), "indirect") == []


def test_quote_that_ends_a_paragraph_is_not_attributed_from_the_next_one(quotes_of):
    text = (
        'Trump wasted no time. "That is what I like," he said. "The country likes it."\n'
        "Moments earlier, Senator Ana Ruiz said the debate was over."
    )
    direct = only(quotes_of(text), "direct")
    assert [
        q.speaker_span is not None and text[q.speaker_span.start : q.speaker_span.end]
        for q in direct
    ] == ["he", "he"]
    indirect = only(quotes_of(text), "indirect")
    assert [q.speaker_name for q in indirect] == ["Ana Ruiz"]


def test_comma_quote_takes_the_attribution_right_after_it_over_an_earlier_verb(quotes_of):
    text = "In her speech, Shonda Rhimes declared the need for drive: “Change the world,” she said."
    [quote] = only(quotes_of(text), "direct")
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "said"
    assert quote.speaker_name == "Shonda Rhimes"


def test_second_quote_after_an_inverted_attribution_continues_its_speaker(quotes_of):
    text = (
        "“I think it can work,” said Louisa Ermelino, who knows the genre. "
        "“Even though she is rich, she is still a woman.”"
    )
    assert [q.speaker_name for q in only(quotes_of(text), "direct")] == ["Louisa Ermelino"] * 2


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "Senator Maria Lopez was critical of the new trade deal.",
            "critical",
            "Maria Lopez",
            "the new trade deal",
        ),
        (
            "Governor Ana Ruiz is confident that voters will back the plan.",
            "confident",
            "Ana Ruiz",
            "that voters will back the plan",
        ),
        (
            "The union said it was willing to resume talks with the port.",
            "willing",
            "it",
            "to resume talks with the port",
        ),
    ],
)
def test_stance_adjective_after_a_copula_is_an_attribution(quotes_of, text, cue, speaker, content):
    quotes = [
        q
        for q in only(quotes_of(text), "indirect")
        if q.cue and text[q.cue.start : q.cue.end] == cue
    ]
    [quote] = quotes
    assert quote.text == content
    assert quote.speaker_span is not None
    assert speaker in text[quote.speaker_span.start : quote.speaker_span.end]


def test_passive_stance_verb_takes_its_subject_as_content_and_its_agent_as_source(quotes_of):
    text = "The proposal was rejected by most members of the council."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "The proposal"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "most members of the council"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Clinton: Trump will reverse Roe v. Wade", "Clinton", "Trump will reverse Roe v. Wade"),
        (
            "Paul Ryan: FBI decision defies explanation\nMore stories follow.",
            "Paul Ryan",
            "FBI decision defies explanation",
        ),
    ],
)
def test_headline_naming_its_source_before_a_colon_is_an_attribution(
    quotes_of, text, speaker, content
):
    [quote] = [q for q in quotes_of(text) if q.cue and text[q.cue.start : q.cue.end] == ":"]
    assert (quote.speaker_name, quote.text, quote.kind) == (speaker, content, "indirect")


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON: The Senate voted on Monday to pass the bill.",
        "Update: the road has reopened after the storm.",
    ],
)
def test_dateline_or_label_before_a_colon_is_not_a_source(quotes_of, text):
    assert [q for q in quotes_of(text) if q.cue and text[q.cue.start : q.cue.end] == ":"] == []


def test_reported_speech_takes_in_the_partial_quote_that_ends_it(quotes_of):
    text = "Cruz pledged to oppose legal status for immigrants “today, tomorrow, forever.”"
    [quote] = [q for q in only(quotes_of(text), "indirect") if q.cue and q.cue.start == 5]
    assert quote.text.startswith("to oppose legal status")
    assert quote.text.rstrip("”").endswith("forever.")
    assert quote.speaker_name == "Cruz"


def test_coordinated_cue_is_a_quote_of_its_own_not_part_of_the_first(quotes_of):
    text = "Ginsburg said that she did not want to go, and predicted that Clinton would win."
    quotes = {text[q.cue.start : q.cue.end]: q for q in only(quotes_of(text), "indirect") if q.cue}
    assert "predicted" not in quotes["said"].text
    assert quotes["predicted"].text == "that Clinton would win"
    assert quotes["predicted"].speaker_name == "Ginsburg"


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("Nicolás Maduro told Reuters that the blockade would fail.", "Reuters"),
        ("“We will not give up,” Maduro told Reuters on Friday.", "Reuters"),
        ("Maduro told his ministers that the blockade would fail.", None),
        ("According to VTV, Maduro said the militia was ready for war.", "VTV"),
    ],
)
def test_outlet_that_relays_a_source_is_recorded_as_via(quotes_of, text, via):
    [quote] = [q for q in quotes_of(text) if q.speaker_name and "Maduro" in q.speaker_name]
    assert quote.via == via


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.sampled_from(list("Ab said: ,.\n\"“”‘’'—")), max_size=200))
def test_quotes_never_raise_and_spans_stay_inside_any_text(quotes_of, text):
    for quote in quotes_of(text):
        assert 0 <= quote.span.start <= quote.span.end <= len(text)
        if quote.speaker_span is not None:
            assert 0 <= quote.speaker_span.start <= quote.speaker_span.end <= len(text)
        if quote.cue is not None:
            assert 0 <= quote.cue.start <= quote.cue.end <= len(text)


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("“Go back to Univision,” Donald Trump barked.", "barked", "Donald Trump"),
        (
            "A footnote in the report makes that clear:\n“These rules do not apply to the system.”",
            "makes",
            "A footnote in the report",
        ),
        ("Senator Ana Ruiz declared:\n“This is the moment to act.”", "declared", "Ana Ruiz"),
    ],
)
def test_verb_outside_the_lexicon_frames_a_quote_by_its_place(quotes_of, text, cue, speaker):
    [quote] = only(quotes_of(text), "direct")
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == cue
    assert quote.speaker_span is not None
    assert speaker in text[quote.speaker_span.start : quote.speaker_span.end]


def test_quote_followed_by_a_long_clause_gets_no_framing_verb(quotes_of):
    text = "“It was very late that night,” the long meeting of all the party leaders ended in May."
    [quote] = only(quotes_of(text), "direct")
    assert quote.speaker_name is None


def test_fronted_poll_is_the_source_of_its_finding(quotes_of):
    text = "In a CNN poll released Monday, Clinton held a 24-point lead over Sanders."
    [quote] = [q for q in only(quotes_of(text), "indirect") if q.cue and q.cue.start == 0]
    assert quote.text == "Clinton held a 24-point lead over Sanders"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "a CNN poll"


def test_candidate_trailing_in_the_polls_is_no_attribution(quotes_of):
    text = "Bush still trails in the polls after a long and costly campaign."
    assert [q for q in quotes_of(text) if q.cue and text[q.cue.start : q.cue.end] == "in"] == []


def test_few_quoted_words_with_no_speaker_are_a_scare_quote_not_a_direct_quote(quotes_of):
    text = 'He mocked his rivals ("Low energy" Jeb Bush, "Little Marco" Rubio) all night.'
    quotes = quotes_of(text)
    assert [q.kind for q in quotes if q.text in ("Low energy", "Little Marco")] == ["partial"] * 2


def test_as_reported_by_attributes_the_clause_it_introduces(quotes_of):
    text = "As reported by The Washington Post, 150 delegates are at stake in the contests."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "150 delegates are at stake in the contests"
    assert quote.speaker_name is not None and "Washington Post" in quote.speaker_name


def test_as_clause_that_tells_when_is_no_attribution(quotes_of):
    text = "As the talks continued into the night, the delegates left the hall one by one."
    assert only(quotes_of(text), "indirect") == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Hillary Clinton Slams Donald Trump On Abortion\nMore stories below.",
            "Hillary Clinton",
            "Donald Trump On Abortion",
        ),
        ("Ted Cruz Hints Trump Would Get Border Wall Contract", "Ted Cruz", "Trump Would Get"),
    ],
)
def test_title_case_headline_names_its_source_before_the_verb(quotes_of, text, speaker, content):
    quotes = [q for q in only(quotes_of(text), "indirect") if q.text.startswith(content)]
    assert quotes
    assert all(q.speaker_name == speaker for q in quotes)


def test_sentence_case_line_is_not_read_as_a_headline(quotes_of):
    text = "Senate passes the budget bill after a long night of talks"
    assert only(quotes_of(text), "indirect") == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # Words learned from PolNeAR train (extract/data/learned_cues.toml).
        (
            "Senator Ana Ruiz chided the governor for his silence on the budget.",
            "Ana Ruiz",
            "the governor for his silence on the budget",
        ),
        (
            "Mayor Tom Berg spoke of a city that had lost its way.",
            "Tom Berg",
            "a city that had lost its way",
        ),
    ],
)
def test_learned_cue_words_attribute_their_content(quotes_of, text, speaker, content):
    quotes = only(quotes_of(text), "indirect")
    assert [(q.speaker_name, q.text) for q in quotes] == [(speaker, content)]


def test_a_question_hung_as_an_adverbial_clause_is_what_was_asked(quotes_of):
    text = "Reporters asked Senator Ana Ruiz whether she would run for governor next year."
    quotes = only(quotes_of(text), "indirect")
    assert any(
        q.text.startswith("whether she would run") and q.speaker_name == "Reporters" for q in quotes
    )


def test_reported_content_runs_to_the_end_of_a_partial_quote_it_enters(quotes_of):
    text = 'Senator Ana Ruiz said that the judge\'s comments "show a clear bias to me."'
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text.endswith('bias to me."') or quote.text.endswith("bias to me.")


def test_transcript_speaker_labels_attribute_their_lines(quotes_of):
    text = (
        "TAPPER: Do you think the senator has campaigned as a healer?\n\n"
        "RUIZ: Well, I think he has made a lot of people afraid.\n\n"
        "TAPPER: Thank you for joining us today."
    )
    quotes = only(quotes_of(text), "indirect")
    assert ("RUIZ", "Well, I think he has made a lot of people afraid.") in {
        (q.speaker_name, q.text) for q in quotes
    }


def test_an_all_capitals_dateline_is_not_a_speaker(quotes_of):
    text = "WASHINGTON: The Senate passed the budget bill late on Friday after a long debate."
    assert not [q for q in quotes_of(text) if q.speaker_name == "WASHINGTON"]


def test_seeing_someone_as_something_attributes_both(quotes_of):
    text = "Many Democrats saw Senator Ana Ruiz as a credible agent of change."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "Senator Ana Ruiz as a credible agent of change"
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Many Democrats"


def test_an_impression_verb_quotes_nobody(quotes_of):
    text = "Senator Ana Ruiz seemed to suggest that taxes would have to rise next year."
    impressions = [
        q
        for q in only(quotes_of(text), "indirect")
        if q.cue is not None and text[q.cue.start : q.cue.end] == "seemed"
    ]
    assert impressions and all(q.speaker is None and q.speaker_span is None for q in impressions)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            'In an interview on "Face the Nation," Senator Mary Collins said the bill would pass.',
            "Face the Nation,",
        ),
        (
            'Appearing on "Meet the Press" on Sunday, the governor said that taxes would not rise.',
            "Meet the Press",
        ),
    ],
)
def test_quoted_title_is_nobodys_words_and_stays_out_of_the_report(quotes_of, text, title):
    found = quotes_of(text)
    [partial] = only(found, "partial")
    assert partial.text == title and partial.speaker_name is None and partial.cue is None
    [report] = only(found, "indirect")
    assert title not in report.text


def test_short_quoted_answer_in_title_case_keeps_its_speaker(quotes_of):
    text = 'Asked whether she would run again, the senator said "Absolutely not!" and smiled.'
    [partial] = only(quotes_of(text), "partial")
    assert partial.speaker_name == "the senator"


def test_fronted_reason_is_not_part_of_what_is_blamed(quotes_of):
    text = "Out of frustration with the delays, the mayor blamed the contractor for the overruns."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "the contractor for the overruns"
    assert quote.speaker_name == "the mayor"


def test_clause_after_the_cue_is_its_content_not_the_writers_clause_before(quotes_of):
    text = (
        "Reynolds was one of the more trusted minds on the board, and he was so fired up about "
        "the merger's potential he said she should call the chairman right away."
    )
    said = [q for q in quotes_of(text) if q.cue and text[q.cue.start : q.cue.end] == "said"]
    assert [q.text for q in said] == ["she should call the chairman right away"]


def test_second_that_clause_coordinated_with_the_cue_continues_the_content(quotes_of):
    text = (
        "The senator believes there are no good options, but that the lesser of two evils "
        "will have to do."
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text.startswith("there are no good options")
    assert quote.text.endswith("will have to do")


def test_quote_set_in_the_writers_clause_around_a_parenthetical_cue_is_reported_whole(quotes_of):
    text = (
        "The club's heavy investment in its facilities, Ms. Tanzer said, \"is a perfect example "
        'of adapting" to the changing economics of golf.'
    )
    [report] = only(quotes_of(text), "indirect")
    assert report.text.startswith("The club's heavy investment")
    assert report.text.endswith("the changing economics of golf")
    assert report.speaker_name is not None and report.speaker_name.endswith("Tanzer")


def test_cue_of_a_plain_direct_quote_reports_nothing_more(quotes_of):
    text = 'In a statement on Friday, the ministry said, "We will not comment on the case."'
    found = quotes_of(text)
    assert [q.kind for q in found] == ["direct"]


def test_writers_apposition_after_the_content_noun_stays_out_of_the_content(quotes_of):
    text = (
        "Mr. Trump has railed against the Trans-Pacific Partnership, the 12-country trade deal "
        "the administration finished negotiating last year."
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "the Trans-Pacific Partnership"


def test_writers_apposition_after_a_dash_stays_out_of_the_content(quotes_of):
    text = (
        "Mr. Trump has railed against the Trans-Pacific Partnership — a deal the administration "
        "finished negotiating last year."
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "the Trans-Pacific Partnership"


def test_relative_clause_after_a_closing_dash_stays_in_the_content(quotes_of):
    text = (
        "She urged the mayor to focus on the families -- parents, children and neighbors -- "
        "who have lost their homes to the flood."
    )
    [quote] = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("the mayor")]
    assert quote.text.endswith("who have lost their homes to the flood")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Many delegates were deemed ineligible by the party.",
            "Many delegates were deemed ineligible",
        ),
        (
            "The plan is widely seen as a threat to the union.",
            "The plan is widely seen as a threat to the union",
        ),
        (
            "The central bank is expected to act at its final meeting of the year.",
            "The central bank is expected to act at its final meeting of the year",
        ),
    ],
)
def test_passive_cue_with_a_predicate_takes_in_its_subject(quotes_of, text, content):
    assert [q.text for q in only(quotes_of(text), "indirect")] == [content]


@pytest.mark.parametrize(
    "aside",
    [
        ", though she did not discuss their terms",
        ", while the mayor kept her distance from the plan",
    ],
)
def test_writers_contrasting_clause_stays_out_of_the_content(quotes_of, aside):
    text = f"The spokeswoman said all staffers sign agreements{aside}."
    reports = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("all")]
    assert [q.text for q in reports] == ["all staffers sign agreements"]


def test_writers_even_as_clause_stays_out_of_the_content(quotes_of):
    text = (
        "The company said that it was stepping up its fight against abuse, even as its "
        "critics called the effort too little and too late."
    )
    reports = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("that")]
    assert [q.text for q in reports] == ["that it was stepping up its fight against abuse"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "He was promising to meet and in some cases exceed his goals without new laws.",
            "to meet and in some cases exceed his goals without new laws",
        ),
        (
            "She has mentioned refinancing student loans and forcing universities to spend "
            "more from their endowments.",
            "refinancing student loans and forcing universities to spend more from their "
            "endowments",
        ),
    ],
)
def test_verb_the_parser_coordinates_with_the_cue_continues_the_content(quotes_of, text, content):
    assert [q.text for q in only(quotes_of(text), "indirect")] == [content]


def test_reporting_verb_set_off_by_commas_inside_its_report_attributes_the_report(quotes_of):
    text = (
        "If she becomes president, Clinton suggested in a tweet, women won't be punished "
        "for exercising their right."
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "women won't be punished for exercising their right"
    assert quote.speaker_name == "Clinton"


def test_closing_he_said_attributes_the_words_before_it(quotes_of):
    text = 'Those who do take on heavy debt struggle, even with a "good" job, he said.'
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == 'Those who do take on heavy debt struggle, even with a "good" job'


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("Cummings said he would take a “two-lane” approach.", "two-lane", "Cummings"),
        (
            'Nielsen called the death a "deeply concerning and heartbreaking" tragedy.',
            "deeply concerning and heartbreaking",
            "Nielsen",
        ),
    ],
)
def test_quoted_words_modifying_a_noun_in_a_report_keep_its_speaker(
    quotes_of, text, words, speaker
):
    [partial] = only(quotes_of(text), "partial")
    assert partial.text == words
    assert partial.speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Kurdish forces are planning to take the square, but first need to capture the "
            "hospital.",
            "to take the square",
        ),
    ],
)
def test_finite_verb_coordinated_with_the_cue_stays_out_of_the_content(quotes_of, text, content):
    assert [q.text for q in only(quotes_of(text), "indirect")] == [content]


def test_reported_speech_takes_in_the_quoted_fragment_that_ends_it(quotes_of):
    text = (
        "Jacobs explained that the title is given to the person who has had the greatest "
        "impact on the news, “for good or for ill.”"
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text.startswith("that the title")
    assert quote.text.endswith("“for good or for ill.”")


def test_clause_subject_the_parser_hangs_from_the_cue_stays_in_the_content(quotes_of):
    text = (
        'Smith said the days when the nation had "a somewhat unifying story" from newspapers '
        "and the leading TV news networks are gone."
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text.startswith("the days when")
    assert quote.text.endswith("are gone")


def test_stance_verb_with_an_object_reports_the_object_not_the_clause_before(quotes_of):
    text = "Prices have risen sharply, the chairman denounced the new tariff on steel."
    [quote] = [q for q in only(quotes_of(text), "indirect") if q.speaker_name == "the chairman"]
    assert quote.text == "the new tariff on steel"


def test_stance_verb_with_an_infinitive_reports_it_not_the_clause_before(quotes_of):
    text = "Turnout was low, the governor vowed to reopen the polling stations."
    reports = [q for q in only(quotes_of(text), "indirect") if q.cue and q.cue.start == 30]
    assert [q.text for q in reports] == ["to reopen the polling stations"]


def test_fronted_phrase_before_a_parenthetical_attribution_is_part_of_the_report(quotes_of):
    text = (
        "In a general election polarized by the economy, those Democrats argued, black and "
        "Hispanic voters would turn out strongly."
    )
    reports = [q for q in only(quotes_of(text), "indirect") if q.speaker_name]
    assert [q.text for q in reports] == [text[:-1]]


def test_object_of_an_infinitive_cue_is_the_subject_of_what_is_urged(quotes_of):
    text = "The governor urged the Supreme Court to intervene in the dispute."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "the Supreme Court to intervene in the dispute"


def test_apposition_that_lists_names_stays_in_the_content(quotes_of):
    text = "He criticized three officials, Ms. Lopez, Mr. Reed and Mr. Hart."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "three officials, Ms. Lopez, Mr. Reed and Mr. Hart"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Even people who endorsed the plan sounded equivocal: Former Rep. Jane Harman "
            "described it as the least bad option.",
            "Jane Harman",
            "it as the least bad option",
        ),
        (
            "The debate ended on a sour note: Mr. Lopez accused his rival of lying about the "
            "budget.",
            "Lopez",
            "his rival of lying about the budget",
        ),
    ],
)
def test_writers_lead_in_before_a_colon_is_not_the_cues_content(quotes_of, text, speaker, content):
    reports = [q for q in quotes_of(text) if q.speaker_name == speaker]
    assert [q.text for q in reports] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The statistics in the report appear to be fabricated.",
            "The statistics in the report appear to be fabricated",
        ),
        (
            "After the debate, the Trump team appeared paralyzed.",
            "the Trump team appeared paralyzed",
        ),
    ],
)
def test_an_impression_takes_in_the_subject_it_is_about(quotes_of, text, content):
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == content
    assert quote.speaker_name is None


def test_reportedly_attributes_its_clause_to_an_unnamed_source(quotes_of):
    text = "The FBI is reportedly making arrangements to interview the former secretary of state."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == text.rstrip(".")
    assert quote.speaker_name is None and quote.speaker_span is None
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "reportedly"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Senator Ana Ruiz grumbled that her campaign had run out of money.",
            "Senator Ana Ruiz",
            "that her campaign had run out of money",
        ),
        (
            "The Interior Ministry figured that the strike would end by Friday.",
            "The Interior Ministry",
            "that the strike would end by Friday",
        ),
        (
            "She surmised that the deal would pass the Senate easily.",
            "She",
            "that the deal would pass the Senate easily",
        ),
    ],
)
def test_verb_outside_the_lexicon_with_an_actor_and_a_that_clause_is_a_cue(
    quotes_of, text, speaker, content
):
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == content
    assert text[quote.speaker_span.start : quote.speaker_span.end] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The new rule means that most farmers will pay less tax next year.",
        "The mayor ensured that the bridge would reopen before the winter.",
        "The mayor made sure that the bridge would reopen before the winter.",
        "The storm flooded streets that had been repaired in the spring.",
    ],
)
def test_that_clause_of_a_non_speech_verb_or_a_thing_is_no_attribution(quotes_of, text):
    assert only(quotes_of(text), "indirect") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "It was announced on Monday that the factory would close in June.",
            "the factory would close in June",
        ),
        (
            "Senator Ana Ruiz is expected to endorse the governor next week.",
            "endorse the governor next week",
        ),
        (
            "Asked whether he would resign, the minister shook his head.",
            "whether he would resign",
        ),
    ],
)
def test_passive_cue_without_an_agent_names_no_speaker(quotes_of, text, content):
    quotes = [q for q in only(quotes_of(text), "indirect") if content in q.text]
    assert quotes
    assert all(q.speaker_name is None and q.speaker_span is None for q in quotes)


def test_passive_cue_with_an_agent_keeps_the_agent_as_speaker(quotes_of):
    text = "The plan to raise fuel taxes was rejected by the farmers' union on Monday."
    [quote] = [
        q for q in only(quotes_of(text), "indirect") if text[q.cue.start : q.cue.end] == "rejected"
    ]
    assert quote.speaker_name is not None and "union" in quote.speaker_name


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Six in 10 voters see the campaign of Ana Ruiz as most unfair.",
            "the campaign of Ana Ruiz as most unfair",
        ),
    ],
)
def test_seeing_something_as_something_however_the_parse_hangs_the_as(quotes_of, text, content):
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The union called for the minister to resign over the scandal.",
            "the minister to resign over the scandal",
        ),
        (
            "Senator Ana Ruiz has called for the bases to be closed by next year.",
            "the bases to be closed by next year",
        ),
    ],
)
def test_calling_for_someone_to_act_attributes_the_subject_and_infinitive(quotes_of, text, content):
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == content


def test_infinitive_of_a_vow_read_as_an_adverbial_clause_is_still_its_content(quotes_of):
    text = "Farmers vow to block highway in fuel tax protest"
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "to block highway in fuel tax protest"
    assert quote.speaker_name == "Farmers"


def test_infinitive_of_an_object_noun_takes_the_subject_of_its_verb(quotes_of):
    text = "Daniel Harper has mounted a public campaign to condemn the governor for the tax plan."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "the governor for the tax plan"
    assert quote.speaker_name == "Daniel Harper"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Senator Ana Ruiz made the argument that the tax cut would hurt farmers.",
            "Ana Ruiz",
            "that the tax cut would hurt farmers",
        ),
        (
            "The union issued a warning about job losses in the steel industry.",
            "The union",
            "job losses in the steel industry",
        ),
    ],
)
def test_cue_noun_object_of_a_verb_is_voiced_by_the_verbs_subject(
    quotes_of, text, speaker, content
):
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == content
    assert quote.speaker_name == speaker


def test_cue_noun_object_of_a_cue_verb_is_not_its_subjects_own(quotes_of):
    text = "The governor rejected the claim that the bridge was unsafe."
    quotes = only(quotes_of(text), "indirect")
    assert not any(
        text[q.cue.start : q.cue.end] == "claim" and q.speaker_name == "The governor"
        for q in quotes
        if q.cue is not None
    )


def test_passive_stance_verb_with_a_predicate_attributes_subject_and_predicate(quotes_of):
    text = "The rollout of the new tax plan was widely criticized as sloppy."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "The rollout of the new tax plan was widely criticized as sloppy"
    assert quote.speaker_name is None and quote.speaker_span is None


def test_regarding_something_as_something_attributes_both(quotes_of):
    text = "Many economists regard the plan as a gamble with the country's savings."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "the plan as a gamble with the country's savings"
    assert quote.speaker_name == "Many economists"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Asked whether the deal was fair, 75 percent of Democrats said yes.",
            "Democrats",
            "yes",
        ),
        (
            "About 57 percent see Trump negatively, while 61 percent say the same of Clinton.",
            "61 percent",
            "the same of Clinton",
        ),
        ("Mayor Alvarez never said so in public.", "Alvarez", "so"),
    ],
)
def test_what_say_takes_as_its_object_or_answer_is_what_was_said(quotes_of, text, speaker, content):
    quotes = [
        q
        for q in only(quotes_of(text), "indirect")
        if text[q.cue.start : q.cue.end] in ("said", "say")
    ]
    assert [(q.text, q.speaker_name) for q in quotes] == [(content, speaker)]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "As thousands arrive for the festival, there are fears that the virus will spread "
            "through the crowds.",
            "fears",
            None,
            "that the virus will spread through the crowds",
        ),
        (
            "Investors have a growing sense that the central bank will raise rates in March.",
            "sense",
            "Investors",
            "that the central bank will raise rates in March",
        ),
        (
            "The plan to build a new border wall drew protests in the capital.",
            "plan",
            None,
            "to build a new border wall",
        ),
    ],
)
def test_clause_a_noun_takes_as_complement_is_attributed_to_its_holder(
    quotes_of, text, cue, speaker, content
):
    [quote] = [q for q in only(quotes_of(text), "indirect") if text[q.cue.start : q.cue.end] == cue]
    assert quote.text == content
    assert quote.speaker_name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The fact that he lost the vote hurt his standing in the party.",
        "There is a chance that the bridge will reopen before the winter.",
        "The bill that passed the Senate on Monday raises the fuel tax.",
    ],
)
def test_fact_likelihood_or_relative_clause_of_a_noun_is_no_attribution(quotes_of, text):
    assert only(quotes_of(text), "indirect") == []


def test_stance_verb_with_a_gerund_attributes_the_gerund_clause(quotes_of):
    text = "Senator Ana Ruiz supports raising the minimum wage to $15 by 2020."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "raising the minimum wage to $15 by 2020"
    assert quote.speaker_name == "Ana Ruiz"


def test_passive_cue_with_an_infinitive_takes_in_its_subject(quotes_of):
    text = "Governor Harper is expected to deliver a speech on the budget on Friday."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == text.rstrip(".")
    assert quote.speaker_name is None


def test_transcript_labels_of_several_words_name_their_speakers(quotes_of):
    text = (
        "KATE BOULDUAN: Why not debate him on the issues?\n\n"
        "JOEL BENENSON: This is a man who said he would never run a negative ad."
    )
    turns = {
        q.speaker_name: q.text
        for q in only(quotes_of(text), "indirect")
        if q.cue and text[q.cue.start : q.cue.end] == ":"
    }
    assert turns == {
        "KATE BOULDUAN": "Why not debate him on the issues?",
        "JOEL BENENSON": "This is a man who said he would never run a negative ad.",
    }


def test_headline_opened_by_a_poll_attributes_its_finding_to_the_poll(quotes_of):
    text = "Poll: Ruiz and Harper are tied in Ohio.\n\nThe race has tightened since May."
    [quote] = [q for q in quotes_of(text) if q.cue and text[q.cue.start : q.cue.end] == ":"]
    assert (quote.speaker_name, quote.text) == ("Poll", "Ruiz and Harper are tied in Ohio.")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Senator Ana Ruiz laid out her plan for the border on Monday.",
            "laid",
            "her plan for the border",
        ),
        ("The minister played down the risk of a recession.", "played", "the risk of a recession"),
    ],
)
def test_phrasal_verb_of_stance_attributes_its_object(quotes_of, text, cue, content):
    quotes = only(quotes_of(text), "indirect")
    assert [q.text for q in quotes if text[q.cue.start : q.cue.end] == cue] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Daniel Harper took aim at the budget plan on Monday.", "took", "the budget plan"),
        ("The senator made no mention of the governor in her speech.", "made", "the governor"),
        (
            "Critics have cast doubt on the official jobless figures.",
            "cast",
            "the official jobless figures",
        ),
    ],
)
def test_verb_and_noun_idiom_of_stance_attributes_what_it_is_about(quotes_of, text, cue, content):
    quotes = only(quotes_of(text), "indirect")
    assert [q.text for q in quotes if text[q.cue.start : q.cue.end] == cue] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Davis made it clear that she did not view the comment in isolation.",
        "Davis made clear that she did not view the comment in isolation.",
    ],
)
def test_making_it_clear_that_attributes_the_clause(quotes_of, text):
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "that she did not view the comment in isolation"
    assert quote.speaker_name == "Davis"


def test_in_favour_of_attributes_what_its_subject_favours(quotes_of):
    text = "The Republican senators voted in favor of the provision on Tuesday."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "the provision"
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "The Republican senators"


def test_cue_noun_as_subject_of_a_copula_takes_its_clause(quotes_of):
    text = "Her argument is that voters should value stability over radical change."
    [quote] = only(quotes_of(text), "indirect")
    assert quote.text == "that voters should value stability over radical change"
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Her"


def test_headline_surname_before_a_colon_is_the_articles_person_of_that_surname(quotes_of):
    text = (
        "Lynch: No outside influence on FBI probe into Clinton emails.\n\n"
        "Attorney General Loretta Lynch said on Tuesday that the investigation would be run by"
        " career prosecutors."
    )
    [headline] = [q for q in quotes_of(text) if q.text.startswith("No outside influence")]
    assert headline.speaker_name == "Loretta Lynch"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Marchers outside the stadium chanted "stop the war" and "bring them home."',
            '"stop the war" and "bring them home."',
        ),
        (
            "The protesters chanted “no justice,” “no peace” and “stop the killing” outside.",
            "“no justice,” “no peace” and “stop the killing”",
        ),
        (
            'The crowd chanted, "Lock him up," and "Send him home."',
            '"Lock him up," and "Send him home."',
        ),
    ],
)
def test_quoted_passages_of_one_cue_joined_as_a_list_are_one_content(quotes_of, text, content):
    [joined] = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert joined.text == content
    assert text[joined.cue.start : joined.cue.end] == "chanted"


def test_quoted_titles_in_a_list_are_not_joined_into_a_quote(quotes_of):
    text = 'The band played "Hail to the Chief" and "America the Beautiful" before the speech.'
    assert not [q for q in quotes_of(text) if q.kind == "indirect"]


def test_reported_speech_of_several_quoted_passages_is_not_taken_for_a_direct_quote(quotes_of):
    text = (
        'The senator warned that "the rule of law is in danger" because "voters are being bused'
        ' to the polls by outside groups."'
    )
    [report] = only(quotes_of(text), "indirect")
    assert report.text.startswith('that "the rule of law')
    assert report.text.endswith('outside groups."')
    assert report.speaker_name is not None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('The hall went quiet.\n\n"Lock her up!"\n\nThe senator smiled.', "direct"),
        ('The hall went quiet.\n\n"Who cares?"\n\nThe senator smiled.', "direct"),
        ('The hall went quiet.\n\n"Little Marco."\n\nThe senator smiled.', "partial"),
    ],
)
def test_a_few_quoted_words_nobody_says_are_a_scare_quote_unless_shouted_or_asked(
    quotes_of, text, kind
):
    [quote] = quotes_of(text)
    assert quote.kind == kind


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"We are frustrated and horrified" by the shooting at the nightclub, Imam Hassan'
            " Shibly said.",
            '"We are frustrated and horrified" by the shooting at the nightclub',
        ),
        ('"We will win," Mayor Tom Reyes said on Monday.', "We will win,"),
        # A title is a name, not words the sentence continues.
        ('"Meet the Press" host Chuck Todd said the race was over.', "Meet the Press"),
    ],
)
def test_quote_the_sentence_runs_on_from_takes_in_the_rest_of_its_clause(quotes_of, text, content):
    assert [q.text for q in only(quotes_of(text), "direct")] == [content]


def test_quote_with_no_cue_continues_the_speaker_of_a_partial_quote_before_it(quotes_of):
    text = (
        'The golf business is "just scratching out a profit," said analyst Jane Smith. "Golf is'
        ' a razor-thin industry. I hardly ever advise anyone to buy a course."'
    )
    [quote] = only(quotes_of(text), "direct")
    assert quote.speaker_name == "Jane Smith"
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "said"


def test_scare_quote_inside_the_writers_clause_passes_no_speaker_on(quotes_of):
    text = (
        "Democrats are poised to act on what they see as a “crisis of corruption in the "
        "administration,” Representative Elijah Cummings told Reuters. “The waste, fraud and "
        "abuse is plain to see.”"
    )
    [direct] = only(quotes_of(text), "direct")
    assert direct.speaker_name != "Democrats"


def test_role_noun_speaker_with_a_name_in_apposition_is_that_person(quotes_of):
    text = (
        "Theresa May, the prime minister, spoke on Thursday.\n\n"
        "Its foreign minister, Nicos Christodoulides, reiterated that his country was not "
        "involved."
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.speaker_name == "Nicos Christodoulides"


def test_dummy_it_of_hard_to_imagine_names_no_speaker(quotes_of):
    text = (
        "The United States faces a choice. It is not hard to imagine that many Democrats "
        "would sign up."
    )
    [quote] = [q for q in only(quotes_of(text), "indirect") if "Democrats" in q.text]
    assert quote.speaker_name is None


def test_indefinite_role_noun_speaker_is_someone_new(quotes_of):
    text = (
        "Mark Campbell, a friend of the family, spoke first. “The movement was everything "
        "to him,” said a friend of Mehmet Aksoy."
    )
    [direct] = only(quotes_of(text), "direct")
    assert direct.speaker_name == "a friend of Mehmet Aksoy"
    assert direct.speaker is None


def test_they_after_a_plural_noun_that_says_is_that_noun(quotes_of):
    text = (
        "The operation displaced Arabs from their towns. Many rebels say they believe in the "
        "wisdom of the operation."
    )
    believed = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("the wisdom")]
    assert [q.speaker_name for q in believed] == ["Many rebels"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Trump supporters say they hope that the election will end the bubble.", None),
        (
            "A commander for Iran's Revolutionary Guard claimed the drone was shot down.",
            "Revolutionary Guard",
        ),
    ],
)
def test_speaker_noun_phrase_links_an_institution_in_it_but_not_a_person(quotes_of, text, speaker):
    quote = only(quotes_of(text), "indirect")[0]
    assert (quote.speaker_name if quote.speaker else None) == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # The parser takes "The rejection" for a second subject of the trailing "said".
        (
            'The rejection of the treaty signals "the beginning of the end" for the EU, said'
            " Geert Wilders, founder of the Party for Freedom.",
            "Geert Wilders",
            'The rejection of the treaty signals "the beginning of the end" for the EU',
        ),
        # The parser hangs ", she said" as an adverbial clause of the report's verb.
        (
            "The Internet has also made it possible for people with like-minded, if bogus, ideas"
            " and theories to organize into communities and reach others, Angie Holan said.",
            "Angie Holan",
            "The Internet has also made it possible for people with like-minded, if bogus, ideas"
            " and theories to organize into communities and reach others",
        ),
    ],
)
def test_trailing_attribution_the_parser_misreads_attributes_the_sentence_before_it(
    quotes_of, text, speaker, content
):
    quotes = [q for q in only(quotes_of(text), "indirect") if q.text == content]
    assert [q.speaker_name for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Vatican spokesman the Rev. Federico Lombardi told reporters Thursday that the pope"
            " has no plans to meet him.",
            "Federico Lombardi",
        ),
        (
            "Fox News’ Bret Baier noticed that none of the networks cut away for the speech.",
            "Bret Baier",
        ),
    ],
)
def test_of_two_subjects_the_parser_gives_a_cue_the_nearest_speaks(quotes_of, text, speaker):
    quotes = only(quotes_of(text), "indirect")
    assert quotes
    assert quotes[0].speaker_name is not None and speaker in quotes[0].speaker_name


def test_title_case_headline_claim_runs_to_the_end_of_the_line(quotes_of):
    text = (
        "Bernie Sanders Promises Action On Immigration In First 100 Days As President\n\n"
        "Senator Bernie Sanders spoke in Nevada on Saturday."
    )
    quotes = [
        q for q in only(quotes_of(text), "indirect") if text[q.cue.start : q.cue.end] == "Promises"
    ]
    assert [q.text for q in quotes] == ["Action On Immigration In First 100 Days As President"]


def test_title_case_headline_with_two_cue_verbs_makes_two_claims(quotes_of):
    text = (
        "Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling’\n\n"
        "Hillary Clinton spoke on Sunday."
    )
    quotes = {text[q.cue.start : q.cue.end]: q.text for q in only(quotes_of(text), "indirect")}
    assert quotes["Says"] == "Russians Hacked DNC"
    assert quotes["Calls"] == "Trump’s Putin Remarks ‘Troubling’"


def test_telling_verb_set_off_by_commas_with_its_hearer_attributes_the_report(quotes_of):
    text = (
        "And yet every Friday, from 8 a.m. to noon, her former deputy told The Washington Post,"
        " Fiorina would lead a committee meeting in which she would decide on real estate."
    )
    quotes = [
        q for q in only(quotes_of(text), "indirect") if text[q.cue.start : q.cue.end] == "told"
    ]
    assert [q.speaker_name for q in quotes] == ["her former deputy"]
    assert quotes[0].text.startswith("Fiorina would lead a committee meeting")


def test_dateline_with_date_and_agency_is_not_the_speaker(quotes_of):
    text = (
        "Convention day two.\n\nCLEVELAND, July 19 (UPI) — Former Attorney General Michael"
        " Mukasey told delegates at the Republican National Convention that Clinton's use of a"
        " private email server should disqualify her."
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.speaker_span is not None
    assert "Mukasey" in text[quote.speaker_span.start : quote.speaker_span.end]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Critics pounced on the film.\n\nHugh Hewitt writes:\n\nThe movie mentions neither"
            " the president nor the secretary of state by name.\n\nThe studio declined to comment.",
            "The movie mentions neither the president nor the secretary of state by name.",
        ),
        (
            "In a speech last July, Rick Perry said:\n\nLet no one be mistaken – this candidacy"
            " is a cancer on conservatism.\nIt cannot be pacified or ignored.\n\nPerry later"
            " endorsed him.",
            "Let no one be mistaken – this candidacy is a cancer on conservatism.\nIt cannot be"
            " pacified or ignored.",
        ),
    ],
)
def test_reporting_verb_ending_its_paragraph_on_a_colon_quotes_the_block_after_it(
    quotes_of, text, content
):
    assert content in [q.text for q in only(quotes_of(text), "indirect")]


def test_a_quoted_paragraph_after_a_colon_stays_a_direct_quote(quotes_of):
    text = 'Rick Perry said:\n\n"Let no one be mistaken about this candidacy."\n\nHe left.'
    assert only(quotes_of(text), "indirect") == []


def test_headline_claim_after_a_colon_may_open_with_a_quoted_phrase(quotes_of):
    text = (
        "Bernie Sanders: ‘Of Course’ Hillary Clinton Is Qualified To Be President\n\n"
        "Senator Bernie Sanders spoke to reporters in Vermont on Sunday."
    )
    quotes = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("‘Of Course’")]
    assert [q.speaker_name for q in quotes] == ["Bernie Sanders"]


def test_wholly_quoted_headline_claim_after_a_colon_stays_a_direct_quote(quotes_of):
    text = (
        "Carly Fiorina: “Bill Clinton is fair game in this campaign.”\n\n"
        "Carly Fiorina spoke to reporters in Iowa on Sunday."
    )
    assert not [q for q in quotes_of(text) if q.kind == "indirect" and "fair game" in q.text]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "OK Gov Fallin: Trump Is Trying To Campaign As A Racial Healer\n\n"
            "Oklahoma Gov. Mary Fallin spoke on CNN on Sunday. Fallin praised the speech.",
            "Fallin",
        ),
        (
            "Dr. Ben Carson: Hillary Clinton Not Fit To Serve As President\n\n"
            "Republican presidential candidate Ben Carson spoke on Sunday.",
            "Ben Carson",
        ),
    ],
)
def test_headline_source_before_a_colon_may_carry_a_title(quotes_of, text, speaker):
    quotes = [q for q in only(quotes_of(text), "indirect") if q.cue and text[q.cue.start] == ":"]
    assert quotes
    assert quotes[0].speaker_name is not None and speaker in quotes[0].speaker_name


def test_headline_source_before_a_colon_is_not_its_addressee(quotes_of):
    text = (
        "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade\n\n"
        "Hillary Clinton addressed Planned Parenthood supporters in Washington on Friday."
    )
    quotes = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("Trump will")]
    assert all(q.speaker_name != "Planned Parenthood" for q in quotes)


def test_as_someone_put_it_frames_the_quote_that_follows(quotes_of):
    text = (
        "The court fight dragged on. As Akhil Amar put it, “Senate Republicans should remember"
        " that a compromise candidate is on the table.”"
    )
    [quote] = only(quotes_of(text), "direct")
    assert quote.speaker_name == "Akhil Amar"
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "put"


def test_trailing_verb_of_belief_attributes_the_sentence_before_it(quotes_of):
    text = "Because they needed help, I think."
    quotes = [
        q for q in only(quotes_of(text), "indirect") if text[q.cue.start : q.cue.end] == "think"
    ]
    assert [q.text for q in quotes] == ["Because they needed help"]


def test_as_x_writes_before_a_colon_attributes_its_clause_not_the_block_after(quotes_of):
    text = (
        "As Dylan Matthews writes, Kavanaugh boasts a résumé any young lawyer would dream of:"
        "\n\nHe went to Yale and Yale Law; he clerked for two federal judges.\n\nMore follows."
    )
    quotes = [q for q in only(quotes_of(text), "indirect") if q.speaker_name == "Dylan Matthews"]
    assert [q.text for q in quotes] == ["Kavanaugh boasts a résumé any young lawyer would dream of"]


def test_headline_source_starts_after_a_sentence_opening_its_line(quotes_of):
    text = (
        "Mitt Romney spoke in Ohio on Tuesday.\n\n"
        "Update at 10:15 p.m. ET. Romney Cites Reagan As A Model For How To Govern:\n\n"
        "Obama says Romney is not giving details."
    )
    [quote] = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("Reagan")]
    assert quote.speaker_name in ("Romney", "Mitt Romney")
    assert quote.text == "Reagan As A Model For How To Govern"


def test_relative_clause_of_a_role_in_apposition_speaks_for_the_named_person(quotes_of):
    text = (
        "“Trump gets my vote,” said Michael Ayers, 53, a quality assurance contractor in "
        "Delaware who said he usually votes for a third-party candidate."
    )
    [quote] = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("he usually")]
    assert quote.speaker_name == "Michael Ayers"


def test_it_inside_a_subordinate_clause_keeps_to_the_nearest_organisation(quotes_of):
    text = (
        "Rebel officials said battling the YPG was a necessity because it wanted an "
        "independent state within Syria."
    )
    [quote] = [q for q in only(quotes_of(text), "indirect") if q.text.startswith("an indep")]
    assert quote.speaker_name == "YPG"


def test_relative_clause_of_a_name_in_apposition_to_a_dateline_speaks_for_the_name(quotes_of):
    text = (
        "Orlando, Florida (CNN) Former Florida Gov. Jeb Bush, who has yet to declare his "
        "candidacy, received the warmest reception of the day."
    )
    [quote] = only(quotes_of(text), "indirect")
    assert quote.speaker_name == "Jeb Bush"
