"""Event questions from hand-built facts (sentences written for these tests; no model needed)."""
from __future__ import annotations

import random

import pytest

from factory import clause, factset, src
from studyaid.facts import Event
from studyaid.questions.cloze import cloze_question
from studyaid.questions.context import CorpusContext
from studyaid.questions.events import SETTING, event_mcq, right_answers, wh_phrase
from studyaid.questions.model import Dropped

HANSA = "The Hanseatic League founded a trading post in Bergen in 1360."


def event(answer: str, kind: str, slot: str, sentence: str, cl, *, prep: str = "", place_kind: str | None = None,
          iso: str | None = None, lemma: str = "found", name: str | None = None, country: str | None = None) -> Event:
    return Event(answer=answer, name=name or answer, answer_kind=kind, place_kind=place_kind, iso=iso, slot=slot,
                 prep=prep, lemma=lemma, event=sentence.rstrip("."), clause=cl, country=country,
                 sources=[src(sentence)])


def league() -> Event:
    return event("Hanseatic League", "org", "agent", HANSA,
                 clause("The Hanseatic League", "founded", "found", after="a trading post in Bergen in 1360",
                        answer_role="subject"))


def bergen() -> Event:
    return event("Bergen", "place", "prep", HANSA,
                 clause("The Hanseatic League", "founded", "found", between="a trading post", after="in 1360"),
                 prep="in", place_kind="city", country="NO")


def year() -> Event:
    return event("1360", "date", "prep", HANSA,
                 clause("The Hanseatic League", "founded", "found", between="a trading post in Bergen"),
                 prep="in", iso="1360")


def sea(name: str, river: str) -> Event:
    sentence = f"The {river} flows into the {name}."
    return event(name, "place", "prep", sentence, clause(f"The {river}", "flows", "flow", tag="VBZ"),
                 prep="into", place_kind="sea", lemma="flow")


@pytest.fixture(autouse=True)
def events_on(monkeypatch):
    monkeypatch.setenv(SETTING, "1")


# (fact, expected prompt)
PROMPTS = [
    (bergen(), "In which city did the Hanseatic League found a trading post in 1360?"),
    (year(), "When did the Hanseatic League found a trading post in Bergen?"),
    (sea("North Sea", "Vantaa River"), "Into which sea does the Vantaa River flow?"),
]


@pytest.mark.parametrize("fact, prompt", PROMPTS)
def test_prompt(fact, prompt):
    facts = factset(fact, sea("Baltic Sea", "Oder River"), sea("Irish Sea", "Dee River"), sea("Kara Sea", "Ob River"),
                    year(), bergen())
    q = event_mcq(fact, CorpusContext(facts), random.Random(1))
    assert not isinstance(q, Dropped), q
    assert q.prompt == prompt and q.answer == fact.name and q.answer in q.options


def test_wrong_options_are_of_the_answer_kind():
    facts = factset(sea("North Sea", "Vantaa River"), sea("Baltic Sea", "Oder River"), sea("Irish Sea", "Dee River"),
                    bergen(), year())
    q = event_mcq(facts.facts[0], CorpusContext(facts), random.Random(1))
    assert sorted(q.options) == ["Baltic Sea", "Irish Sea", "North Sea"]  # never Bergen, a city, nor 1360


def test_too_few_wrong_options_no_mcq_but_a_cloze():
    facts = factset(sea("North Sea", "Vantaa River"), bergen())
    assert isinstance(event_mcq(facts.facts[0], CorpusContext(facts), random.Random(1)), Dropped)
    cloze = cloze_question(facts.facts[0])
    assert cloze.cloze == "The Vantaa River flows into the {{c1::North Sea::sea}}."


def test_another_true_answer_is_no_wrong_option():
    other = sea("Baltic Sea", "Vantaa River")  # the same river, the same verb: a second right answer
    facts = factset(sea("North Sea", "Vantaa River"), other, sea("Irish Sea", "Dee River"), sea("Kara Sea", "Ob River"))
    assert "Baltic Sea" in right_answers(facts.facts[0], CorpusContext(facts))
    q = event_mcq(facts.facts[0], CorpusContext(facts), random.Random(1))
    assert isinstance(q, Dropped) or "Baltic Sea" not in q.options


# (fact, why it is dropped)
DROPPED = [
    (event("Tom Lind", "person", "agent", "Tom Lind stole the show.",
           clause("Tom Lind", "stole", "steal", after="the show", answer_role="subject"), lemma="steal"),
     "does not name what it asks about"),
    (event("Tom Lind", "person", "agent", "Tom Lind, praised for his goals by Ann Roe, left.",
           clause("Tom Lind", "praised", "praise", tag="VBN", after="for his goals by Ann Roe", answer_role="subject"),
           lemma="praise"), "a participle without its auxiliary"),
    (league(), "too few wrong options"),
]


@pytest.mark.parametrize("fact, reason", DROPPED)
def test_dropped(fact, reason):
    result = event_mcq(fact, CorpusContext(factset(fact)), random.Random(1))
    assert isinstance(result, Dropped) and result.reason.startswith(reason)


def test_a_person_answer_must_act_as_a_person():
    fact = event("Windows Genuine Advantage", "person", "agent", "Windows Genuine Advantage reached Norway in 2004.",
                 clause("Windows Genuine Advantage", "reached", "reach", after="Norway in 2004", answer_role="subject"),
                 lemma="reach")
    result = event_mcq(fact, CorpusContext(factset(fact)), random.Random(1))
    assert isinstance(result, Dropped) and result.reason == "answer is not a person's name"


@pytest.mark.parametrize("fact, wh", [(league(), "Who"), (bergen(), "In which city"), (year(), "When"),
                                      (sea("North Sea", "Vantaa River"), "Into which sea")])
def test_wh_phrase(fact, wh):
    assert wh_phrase(fact) == wh


def test_off_by_default(monkeypatch):
    monkeypatch.delenv(SETTING, raising=False)
    facts = factset(bergen())
    assert isinstance(event_mcq(bergen(), CorpusContext(facts), random.Random(1)), Dropped)
    assert isinstance(cloze_question(bergen()), Dropped)
