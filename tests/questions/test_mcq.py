"""Multiple-choice builders, one per fact type, on hand-built facts."""
from __future__ import annotations

import random

import pytest
from factory import (allies, cast, person, clause, corpus, date, drones, factset, macron_role, meeting_date, paris_meeting,
                     phase_out, place, putin_warning, quantity, quote, role, rutte_quote, rutte_role, starmer_role,
                     vladivostok_forum)

from studyaid.extract.numbers import parse_number
from studyaid.questions.context import CorpusContext
from studyaid.questions.distractors import is_alias, norm
from studyaid.questions.mcq import BUILDERS
from studyaid.questions.model import Dropped, Question

CTX = CorpusContext(corpus())


def build(fact, ctx: CorpusContext = CTX, seed: int = 0):
    return BUILDERS[fact.type](fact, ctx, random.Random(f"{seed}|{fact.canonical_key()}"))


def assert_well_formed(q):
    assert isinstance(q, Question), q
    assert q.kind == "mcq" and 3 <= len(q.options) <= 6
    assert [norm(o) for o in q.options].count(norm(q.answer)) == 1
    assert len({norm(o) for o in q.options}) == len(q.options)
    for i, a in enumerate(q.options):
        for b in q.options[i + 1:]:
            assert not is_alias(a, b), (a, b)
    assert q.sources and q.explanation and q.id and q.fact_id


@pytest.mark.parametrize("fact, prompt, answer, hint", [
    (rutte_quote(), "Who said: \u201cWhy are we interested in what Russia thinks about troops in Ukraine?\u201d",
     "Mark Rutte", "person"),
    (putin_warning(), "Who warned that any foreign troops deployed to Ukraine would be legitimate targets?",
     "Vladimir Putin", "person"),
    (drones(), "How many of the 112 drones did Ukraine\u2019s air force report intercepting?", "84", "number"),
    (allies(), "How many of Ukraine\u2019s allies had pledged to send troops?", "26", "number"),
    (paris_meeting(), "In which city did European leaders meet on Thursday?", "Paris", "city"),
    (vladivostok_forum(), "In which city did the Eastern Economic Forum take place?", "Vladivostok", "city"),
    (rutte_role(), "According to the article, who is the NATO Secretary-General?", "Mark Rutte", "person"),
    (role("Keir Starmer", "chief whip", "Labour", "Labour chief whip Keir Starmer spoke to reporters in Leeds."),
     "According to the article, who is the Labour chief whip?", "Keir Starmer", "person"),
    (phase_out(), "When will the EU stop imports of Russian gas?", "January 1, 2028", "date"),
    (meeting_date(), "When did European leaders meet in Paris?", "September 4", "date"),
])
def test_each_fact_type_gives_its_question(fact, prompt, answer, hint):
    q = build(fact)
    assert_well_formed(q)
    assert (q.prompt, q.answer, q.hint, q.fact_type) == (prompt, answer, hint, fact.type)
    assert q.fact_id == fact.id and q.sources == fact.sources


def test_quote_options_are_people_and_never_the_speaker_twice():
    q = build(rutte_quote())
    people = {"Vladimir Putin", "Volodymyr Zelenskyy", "Mark Rutte", "Emmanuel Macron", "Keir Starmer",
              "Donald Trump", "Antonio Costa", "Ursula von der Leyen"}
    assert set(q.options) <= people
    assert "Rutte" not in q.options and "Rutte" in q.accepted


def test_reported_speech_uses_the_cue_in_the_past_tense():
    fact = quote("Mark Rutte", "Russia could threaten other European countries in the coming years", mode="reported",
                 cue="warn", cue_text="warns")
    assert build(fact).prompt == "Who warned that Russia could threaten other European countries in the coming years?"
    told = quote("Dmitry Peskov", "there were no plans for talks between the two presidents", mode="reported",
                 cue="tell", cue_text="told")
    ctx = CorpusContext(factset(told, rutte_quote(), putin_warning(),
                                entities=[*cast(), person("Dmitry Peskov", aliases=["Peskov", "Dmitry Peskov"])]))
    assert build(told, ctx).prompt.startswith("Who said that there were no plans")


@pytest.mark.parametrize("make", [starmer_role, macron_role])
def test_a_head_of_state_or_government_role_is_general_knowledge(make):
    result = build(make())
    assert isinstance(result, Dropped) and result.reason.endswith("general knowledge")


def test_the_date_of_a_statement_is_not_asked():
    fact = date("May 4", "--05-04", "Tom Rees told reporters", "tell", "Tom Rees told Kelvale Radio on May 4.",
                clause=clause("Tom Rees", "told", "tell", between="Kelvale Radio"))
    result = build(fact)
    assert isinstance(result, Dropped) and result.reason == "the date of a statement: trivia"


def test_a_request_is_asked_with_its_own_verb_and_no_that():
    fact = quote("Mark Rutte", "European allies to spend more on their own defence", mode="reported", cue="urge",
                 cue_text="urged")
    assert build(fact).prompt == "Who urged European allies to spend more on their own defence?"


def test_long_quote_is_trimmed_in_the_prompt():
    words = ("If Russia continues to refuse concrete peace discussions we will take additional sanctions in "
             "conjunction with the United States of America, and we will keep doing so, month after month, until "
             "the Kremlin changes course")
    q = build(quote("Emmanuel Macron", words))
    assert q.prompt.endswith("\u2026\u201d") and len(q.prompt) < len(words)


def test_a_resolved_speaker_is_explained():
    fact = quote("Mark Rutte", "Russia has nothing to do with this decision at all", resolved_from="he")
    q = build(fact)
    assert q.answer == "Mark Rutte" and "\u201che\u201d" in q.explanation


def test_quote_naming_a_person_does_not_offer_them():
    fact = quote("Mark Rutte", "I think we really have to stop making Putin too powerful")
    for seed in range(10):
        q = build(fact, seed=seed)
        assert "Vladimir Putin" not in q.options


def test_quantity_answer_keeps_the_unit_as_written():
    fact = quantity(21.9e9, "21.9 billion", "euros", "euro",
                    "EU imports of Russian fossil fuels totaled 21.9 billion euros this year.", unit="euros",
                    phrase="21.9 billion euros",
                    clause=clause("EU imports of Russian fossil fuels", "totaled", "total", after="this year"))
    q = build(fact)
    assert_well_formed(q)
    assert q.prompt == "How much did EU imports of Russian fossil fuels total this year?"
    assert q.answer == "21.9 billion euros"
    assert all(o.endswith(" billion euros") for o in q.options)


@pytest.mark.parametrize("seed", range(6))
def test_quantity_out_of_a_total_never_offers_the_total_or_more(seed):
    q = build(drones(), seed=seed)
    assert all(parse_number(o) < 112 for o in q.options), q.options


@pytest.mark.parametrize("seed", range(6))
def test_a_part_of_an_owned_whole_is_asked_of_that_whole(seed):
    """"31 of his 58 goals": the stem names the whole with its owner, and no option reaches it."""
    fact = quantity(31, "31", "his goals", "goal", "Ravel Osei has scored 31 of his 58 goals at home.", total=58,
                    phrase="31 of his 58 goals", clause=clause("Ravel Osei", "scored", "score", aux="has", after="at home"))
    q = build(fact, seed=seed)
    assert q.prompt == "How many of his 58 goals has Ravel Osei scored at home?"
    assert all(parse_number(o) < 58 for o in q.options), q.options


@pytest.mark.parametrize("seed", range(6))
def test_at_least_offers_only_larger_numbers(seed):
    fact = quantity(3, "three", "people", "person",
                    "Russian drones killed at least three people overnight.", qualifier="at least",
                    phrase="at least three people",
                    clause=clause("Russian drones", "killed", "kill", after="overnight"))
    q = build(fact, seed=seed)
    assert q.prompt == "At least how many people did Russian drones kill overnight?"
    assert all(parse_number(o) > 3 for o in q.options if o != "three"), q.options


@pytest.mark.parametrize("make, reason", [
    (lambda: quantity(2000, "thousands", "troops", "troop", "Thousands of troops will be sent.", vague=True,
                      clause=clause("Thousands of troops", "be", "be", aux="will", answer_role="subject")),
     "vague answer"),
    (lambda: quantity(35, "35", "countries", "country", "A coalition of 35 countries."), "no clause to ask about"),
    (lambda: quantity(35, "35", "countries", "country", "Kelvale leaders intercepting 35 countries.",
                      clause=clause("Kelvale leaders", "intercepting", "intercept", "VBG")), "cannot phrase the question"),
    (lambda: quantity(35, "35", "countries", "country", "The leaders visited 35 countries.",
                      clause=clause("The leaders", "visited", "visit")), "does not name what it asks about"),
    (lambda: quantity(47, "47", "years old", "year", "Mara Lind, 47, will be honoured in Kelvale.",
                      phrase="47 years old", clause=clause("Mara Lind", "be", "be", aux="will")),
     "an age: trivia"),
    (lambda: date("May 4", "--05-04", "the tour began", "begin", "The tour began on May 4.",
                  clause=clause("The tour", "began", "begin")), "does not name what it asks about"),
    (lambda: role("Oleh Synyehubov", "Governor", None, "Regional Governor Oleh Synyehubov said.",
                  role="regional Governor"), "role too vague to ask"),
    (lambda: quote("Donald Trump", "Yeah, I will."), "quote too short to tell who said it"),
    (lambda: date("September 4", "--09-04", "talks", "talk", "The talks on September 4."), "no clause to ask about"),
    (lambda: date("early September", None, "talks", "talk", "Talks in early September.",
                  clause=clause("Leaders", "met", "meet")), "no clause to ask about"),
    (lambda: place("Paris", "the summit", "summit", "The summit in Paris.", event_kind="noun"),
     "cannot phrase the question"),
    (lambda: place("Helsinki", "the Center", "center", "The Helsinki-based Center said.", relation="based"),
     "cannot phrase the question"),
    (lambda: place("Moscow", "meet with me", "meet", "Putin wants to meet with me in Moscow.",
                   clause=clause("Putin", "wants", "want", "VBZ", between="to meet with me")),
     "first or second person outside a quote"),
])
def test_facts_that_make_no_fair_question_are_dropped_with_a_reason(make, reason):
    fact = make()
    result = build(fact)
    assert isinstance(result, Dropped), result
    assert (result.reason, result.fact_id, result.fact_type, result.kind) == (reason, fact.id, fact.type, "mcq")
    assert result.detail


def test_too_few_wrong_options_drops_the_question():
    lonely = factset(rutte_role(), entities=[person("Mark Rutte")])
    result = build(rutte_role(), CorpusContext(lonely))
    assert isinstance(result, Dropped) and result.reason == "too few wrong options"


def test_role_holders_of_the_same_office_are_not_wrong_options():
    old = role("Jens Stoltenberg", "Secretary-General", "NATO", "Former NATO Secretary-General Jens Stoltenberg spoke.")
    from factory import cast, person
    ctx = CorpusContext(factset(rutte_role(), old, macron_role(), starmer_role(),
                                entities=[*cast(), person("Jens Stoltenberg")]))
    for seed in range(10):
        assert "Jens Stoltenberg" not in build(rutte_role(), ctx, seed).options


def test_another_place_for_the_same_event_is_not_a_wrong_option():
    other = place("Brussels", "European leaders met", "meet", "European leaders met in Brussels in June.",
                  event_kind="clause", clause=clause("European leaders", "met", "meet", after="in June"))
    ctx = CorpusContext(factset(paris_meeting(), other))
    for seed in range(10):
        q = build(paris_meeting(), ctx, seed)
        assert "Brussels" not in q.options
        assert {o for o in q.options if o != "Paris"} <= {"Vladivostok", "Moscow", "Prague", "Kyiv", "Helsinki",
                                                          "Washington"}


def test_another_date_of_the_same_event_is_not_a_wrong_option():
    other = date("September 11", "--09-11", "leaders met in Paris", "meet", "Leaders met again on September 11.",
                 clause=clause("Leaders", "met", "meet", after="again"))
    ctx = CorpusContext(factset(meeting_date(), other))
    for seed in range(10):
        assert "September 11" not in build(meeting_date(), ctx, seed).options


@pytest.mark.parametrize("make", [rutte_quote, putin_warning, drones, allies, paris_meeting, vladivostok_forum,
                                  rutte_role, phase_out, meeting_date])
def test_same_seed_same_options_and_order(make):
    a, b = build(make(), seed=3), build(make(), seed=3)
    assert (a.id, a.options) == (b.id, b.options)
    assert build(make(), seed=4).id == a.id  # the id does not depend on the seed


def test_answer_position_varies_across_facts():
    positions = {build(f).options.index(build(f).answer) for f in
                 (rutte_quote(), putin_warning(), drones(), allies(), paris_meeting(), vladivostok_forum(),
                  rutte_role(), phase_out(), meeting_date())}
    assert len(positions) >= 3
