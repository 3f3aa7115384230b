"""One kind test for answers and wrong options (class 2), and two names of one thing (class 3)."""
from __future__ import annotations

import pytest

from studyaid.questions.distractors import is_alias
from studyaid.questions.kinds import acronym_of, is_person_name


@pytest.mark.parametrize("name, person", [
    ("Arlen Pike", True), ("Pike", True), ("Ruud van Nistelrooy", True), ("Jean-Claude Mbeki", True),
    ("Dunmore Rovers", False), ("Harbour Square", False), ("Kelvale United", False), ("BBC", False),
    ("Portmere City Council", False), ("Brightline Records", False), ("Lanterna Europe", False), ("Lanterna France", False),
    ("Jordan Pike", True), ("Agent 47", False), ("", False),
])
def test_is_person_name(name, person):
    assert is_person_name(name) is person


@pytest.mark.parametrize("short, long, same", [
    ("BBC", "British Broadcasting Corporation", True),
    ("EU", "the European Union", True),
    ("FA", "Football Association", True),
    ("NHS", "National Health Service", True),
    ("BBC", "Channel Four", False),
    ("Pike", "Professional Ice Kings Ensemble", False),  # not capitals: a name, not an acronym
])
def test_acronym_of(short, long, same):
    assert acronym_of(short, long) is same


@pytest.mark.parametrize("a, b", [
    ("Blair", "Tony Blair"), ("Amazon", "Amazon.com Inc."), ("UN", "United Nations"), ("Kilroy-Silk", "Robert Kilroy-Silk"),
])
def test_two_names_of_one_thing_are_aliases(a, b):
    assert is_alias(a, b) and is_alias(b, a)


@pytest.mark.parametrize("speaker, aliases", [
    ("Dunmore Rovers", ["Dunmore Rovers"]),  # a club is not a person
    ("Lanterna", ["Lanterna"]),  # never named in full anywhere: a product or venue as often as a person
])
def test_a_speaker_failing_the_person_test_gives_no_multiple_choice(speaker, aliases):
    import random

    from factory import cast, factset, person, quote

    from studyaid.questions.context import CorpusContext
    from studyaid.questions.mcq import quote_mcq

    fact = quote(speaker, "We will keep the whole squad together for the whole season", mention=speaker)
    ctx = CorpusContext(factset(fact, entities=[*cast(), person(speaker, aliases=aliases)]))
    result = quote_mcq(fact, ctx, random.Random(0))
    assert getattr(result, "reason", None) == "answer is not a person's name"
    assert speaker not in ctx.person_tiers(fact, "person:nobody")[0]


@pytest.mark.parametrize("title, organization, ok", [
    ("Prime Minister", "UK", True), ("coach", "Italy", True), ("managing director", "Kelvale Records", True),
    ("managing director", "UK", False), ("spokesman", "France", False), ("chief executive", None, False),
])
def test_a_role_question_needs_the_body_the_job_is_held_in(title, organization, ok):
    from studyaid.questions.kinds import role_names_its_body

    assert role_names_its_body(title, organization) is ok


@pytest.mark.parametrize("title, one", [
    ("manager", True), ("chief executive", True), ("coach", True), ("winger", False), ("star", False),
    ("comedy star", False), ("striker", False), ("Prime Minister", True),
])
def test_who_is_the_title_has_one_answer_only_for_single_holder_titles(title, one):
    from studyaid.questions.kinds import one_holder

    assert one_holder(title) is one


# (a corpus place, its kind, whether it may be a wrong option): a district or a name kept for an industry
# or a government is no city to offer ("Hollywood" is mostly the film industry) (issue 10).
@pytest.mark.parametrize("name, kind, allowed", [
    ("Hollywood", "city", False),
    ("Chelsea", "city", False),
    ("Leeds", "city", True),
    ("Krak\u00f3w", "city", True),
    ("Quirksville", "city", True),  # unknown to the gazetteer: the article named it a city
    ("Hollywood", "place", True),
    ("France", "country", True),
])
def test_is_option_place(name, kind, allowed):
    from studyaid.questions.kinds import is_option_place

    assert is_option_place(name, kind) is allowed
