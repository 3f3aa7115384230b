"""Event questions from hand-built facts (sentences written for these tests); the stem check with the real model."""
from __future__ import annotations

import random

import pytest

from factory import cast, clause, factset, person, src
from studyaid.facts import Event
from studyaid.questions.cloze import cloze_question
from studyaid.questions.context import CorpusContext
from studyaid.questions.events import SETTING, event_mcq, period_options, right_answers, wh_phrase
from studyaid.questions.model import Dropped
from studyaid.questions.stems import stem_problem

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


def test_a_located_place_asks_where_it_lies():
    fact = event("Scotland", "place", "prep", "Kelmore, a small town in Scotland, lies on the coast.",
                 clause("Kelmore", "is", "be", tag="VBZ"), prep="in", place_kind="country", lemma="be", country="GB")
    facts = factset(fact)
    q = event_mcq(fact, CorpusContext(facts, gazetteer=lambda *a, **k: []), random.Random(1))
    assert not isinstance(q, Dropped), q
    assert q.prompt == "In which country is Kelmore?" and q.answer == "Scotland"
    assert set(q.options) - {"Scotland"} <= {"France", "Ukraine", "Russia"}


def lund(after: str, lemma: str = "define", verb: str = "defined") -> Event:
    sentence = f"In 1960 Petra Lund {verb} {after}."
    return event("Petra Lund", "person", "agent", sentence,
                 clause("Petra Lund", verb, lemma, after=after, answer_role="subject"), lemma=lemma)


SCHOLARS = ["Petra Lund", "Hans Brekke", "Ola Tveit", "Mrs Wilkinson", "Kenyan Alice Timbilil", "Eva Solberg",
            "La Scala", "H Brekkestad"]


# (what the person did, as the rest of the clause; whether a question is asked)
PERSON_CLAUSES = [
    ("linear bounded automata", True),  # says precisely what was done, without a name
    ("a theory of cyclic codes in Bergen", True),
    ("his theory", False),  # a pronoun: whose?
    ("the show", False),  # a common phrase
    ("it further", False),
    ("the decision to reschedule the previews", False),  # which previews? only the article knows
    ("an apology for criticising the ambitions of the club", False),  # which club?
    ("a new proof of the prime number theorem in 1948", True),  # a year fixes it
    ("the Orna prize for beating them in Bergen", False),  # who are they?
]


@pytest.mark.parametrize("after, asked", PERSON_CLAUSES)
def test_a_person_named_in_full_is_asked_about_without_a_quote(after, asked):
    fact = lund(after)
    people = [person(n, aliases=[n]) for n in SCHOLARS]
    q = event_mcq(fact, CorpusContext(factset(fact, entities=cast() + people)), random.Random(1))
    assert isinstance(q, Dropped) is not asked, q
    if asked:
        assert q.prompt == f"Who defined {after}?" and q.answer == "Petra Lund"
        # other people named in full; never one opened by an honorific or a demonym
        assert set(q.options) - {"Petra Lund"} <= {"Hans Brekke", "Ola Tveit", "Eva Solberg"} | set(
            n for n in cast_names() if n not in ("Mark Rutte",))


def cast_names() -> list[str]:
    return [e.name for e in cast() if e.kind == "person"]


def test_people_acting_in_the_same_sentence_are_no_wrong_options():
    sentence = "Petra Lund joined Hans Brekke and Ola Tveit in attacking the new rules of the Arctic League."
    fact = event("Petra Lund", "person", "agent", sentence,
                 clause("Petra Lund", "joined", "join", after="Hans Brekke and Ola Tveit in attacking the new rules "
                        "of the Arctic League", answer_role="subject"), lemma="join")
    people = [person(n, aliases=[n]) for n in ("Petra Lund", "Hans Brekke", "Ola Tveit", "Eva Solberg", "Lars Moe")]
    for seed in range(3):  # two of the four others are in the sentence: three drawn would take one of them
        q = event_mcq(fact, CorpusContext(factset(fact, entities=people)), random.Random(seed))
        assert not isinstance(q, Dropped), q
        assert sorted(q.options) == ["Eva Solberg", "Lars Moe", "Petra Lund"]


def test_a_dated_event_noun_asks_when_it_was():
    sentence = "After the Siege of Kelmore in 1097, the duke built a castle."
    fact = event("1097", "date", "prep", sentence, clause("the Siege of Kelmore", "was", "be"), prep="in", iso="1097",
                 lemma="be")
    other = event("1120", "date", "prep", "The castle burned in 1120.", clause("The castle", "burned", "burn"),
                  prep="in", iso="1120", lemma="burn")
    q = event_mcq(fact, CorpusContext(factset(fact, other)), random.Random(1))
    assert not isinstance(q, Dropped), q
    assert q.prompt == "When was the Siege of Kelmore?" and q.answer == "1097" and len(q.options) >= 3


@pytest.mark.parametrize("name, expected", [
    ("Susan Fletcher", True), ("Roger de Tosny", True), ("Sir Alex Ferguson", False), ("Mrs Wilkinson", False),
    ("Dr Anna Berg", False), ("Kenyan Alice Timbilil", False), ("Fletcher", False),
])
def test_plain_full_name(name, expected):
    from studyaid.questions.kinds import plain_full_name

    assert plain_full_name(name) is expected


# reference text (issue 14): every item of a list is a right answer; a part of a place; the stem check
FLOWS = "The Velda flows through Austria, Germany and France."


def through(country: str, code: str) -> Event:
    return event(country, "place", "prep", FLOWS, clause("The Velda", "flows", "flow", tag="VBZ"), prep="through",
                 place_kind="country", lemma="flow", country=code)


def elsewhere(country: str, code: str) -> Event:
    sentence = f"The Orna rises in {country}."
    return event(country, "place", "prep", sentence, clause("The Orna", "rises", "rise", tag="VBZ"), prep="in",
                 place_kind="country", lemma="rise", country=code)


def test_the_other_items_of_a_list_are_no_wrong_options():
    facts = factset(through("Austria", "AT"), through("Germany", "DE"), through("France", "FR"),
                    elsewhere("Spain", "ES"), elsewhere("Italy", "IT"), elsewhere("Poland", "PL"))
    q = event_mcq(facts.facts[1], CorpusContext(facts, gazetteer=lambda *a, **k: []), random.Random(1))
    assert not isinstance(q, Dropped), q
    assert q.prompt == "Through which country does the Velda flow?" and q.answer == "Germany"
    assert not {"Austria", "France"} & set(q.options) and len(q.options) == 4


def test_a_part_of_a_place_is_asked_with_its_part():
    fact = event("Italy", "place", "prep", "The Velda rises in the north of Italy.",
                 clause("The Velda", "rises", "rise", tag="VBZ"), prep="in the north of", place_kind="country",
                 lemma="rise", country="IT")
    assert wh_phrase(fact) == "In the north of which country"


# (a multiple-choice stem, whether the stem check lets it through)
STEMS = [
    ("Through which country does the Velda flow?", True),
    ("In the north of which country does the Velda rise?", True),
    ("By whom was the Velda straightened between 1817 and 1875?", True),
    ("Into which sea does the Velda flow?", True),
    ("To whom did Pierre de Valmont sell the mill?", True),
    ("Until when did the Velsh rule Bergen?", True),
    ("Since when has the Velda formed the border between France and Germany?", True),
    ("How many people did Russian drones kill?", False),  # a nationality names nothing
    ("Through which country does it flow?", False),  # nothing named
    ("What is the largest city on the Velda?", True),  # a superlative with a name is one thing
    ("What is the longest river in Austria?", True),
    ("What did the band in London play?", False),  # which band?
    ("What is the best band in London?", False),  # an opinion picks no one thing
]


@pytest.mark.parametrize("stem, ok", STEMS)
def test_event_stems_pass_the_stem_check(nlp, stem, ok):
    assert (stem_problem(nlp(stem)) is None) is ok


def sole(name: str, after: str) -> Event:
    sentence = f"{name} {after}."
    return event(name, "person", "agent", sentence, clause(name, after.split()[0], after.split()[0][:-1],
                                                           after=" ".join(after.split()[1:]), answer_role="subject"),
                 lemma=after.split()[0][:-1])


def test_one_known_by_one_name_has_one_name_people_as_wrong_options():
    facts = factset(sole("Arvald", "founded a duchy on the Kelmore coast"), sole("Sigrun", "ruled the Orna valley"),
                    sole("Tostig", "besieged the Velda fortress"), sole("Hroald", "crossed the Norda mountains"),
                    bergen(), year())
    q = event_mcq(facts.facts[0], CorpusContext(facts), random.Random(1))
    assert not isinstance(q, Dropped), q
    assert q.prompt == "Who founded a duchy on the Kelmore coast?"
    assert sorted(q.options) == ["Arvald", "Hroald", "Sigrun", "Tostig"]


def test_one_known_by_one_name_without_others_is_no_multiple_choice():
    facts = factset(sole("Arvald", "founded a duchy on the Kelmore coast"), bergen(), year())
    assert isinstance(event_mcq(facts.facts[0], CorpusContext(facts), random.Random(1)), Dropped)


# (a date written as history writes it, the wrong options it gets first)
PERIODS = [
    ("19th century", ["18th century", "20th century", "17th century"]),
    ("2nd century BC", ["1st century BC", "3rd century BC", "4th century BC"]),
    ("1990s", ["1980s", "2000s", "1970s"]),
    ("early 11th century", ["early 10th century", "early 12th century", "early 9th century"]),
    ("late 1990s", ["late 1980s", "late 2000s", "late 1970s"]),
    ("1 May 1191", ["8 May 1191", "24 April 1191", "15 May 1191"]),
    ("55 BC", ["52 BC", "59 BC", "48 BC"]),
    ("AD 70", ["AD 67", "AD 74", "AD 63"]),
    ("1191", []),  # a year: the corpus's own dates (distractors.date_options)
    ("Monday", []),
]


@pytest.mark.parametrize("written, first", PERIODS)
def test_period_options(written, first):
    assert period_options(written)[:3] == first
    assert written not in period_options(written)


def test_a_century_is_asked_with_centuries():
    fact = event("19th century", "date", "prep", "During the 19th century the Velda was straightened.",
                 clause("the Velda", "straightened", "straighten", tag="VBN", aux="was"), prep="during",
                 lemma="straighten")
    q = event_mcq(fact, CorpusContext(factset(fact)), random.Random(1))
    assert not isinstance(q, Dropped), q
    assert q.prompt == "When was the Velda straightened?"
    assert all(o.endswith("century") for o in q.options) and len(q.options) == 4


def test_a_place_is_shown_as_its_source_writes_it():
    sentence = "The Velsh landed in Valona in 1107."
    fact = event("Valona", "place", "prep", sentence, clause("The Velsh", "landed", "land", after="in 1107"),
                 prep="in", place_kind="city", lemma="land", name="Vlor\u00eb", country="AL")
    others = [event(c, "place", "prep", f"The Velsh landed in {c}.", clause("The Velsh", "landed", "land"),
                    prep="in", place_kind="city", lemma="land", country="AL") for c in ("Durres", "Shkoder", "Berat")]
    facts = factset(fact, *others)
    q = event_mcq(fact, CorpusContext(facts, gazetteer=lambda *a, **k: []), random.Random(1))
    assert not isinstance(q, Dropped), q
    assert q.answer == "Valona" and "Valona" in q.options and "Vlor\u00eb" in q.accepted


def test_a_place_of_no_known_kind_is_asked_where():
    def begins(river: str, region: str) -> Event:
        return event(region, "place", "prep", f"The {river} begins in {region}.",
                     clause(f"The {river}", "begins", "begin", tag="VBZ"), prep="in", place_kind="place", lemma="begin")

    facts = factset(begins("Velda", "Graubunden"), begins("Orna", "Ticino"), begins("Selna", "Valais"),
                    begins("Tavra", "Uri"))
    q = event_mcq(facts.facts[0], CorpusContext(facts), random.Random(1))
    assert not isinstance(q, Dropped), q
    assert q.prompt == "Where does the Velda begin?"
    assert sorted(q.options) == ["Graubunden", "Ticino", "Uri", "Valais"]


@pytest.mark.parametrize("prep, wh", [("since", "Since when"), ("until", "Until when"), ("in", "When")])
def test_date_wh_phrase_follows_its_preposition(prep, wh):
    fact = event("1918", "date", "prep", f"The Velsh ruled Bergen {prep} 1918.",
                 clause("The Velsh", "ruled", "rule", between="Bergen"), prep=prep, iso="1918", lemma="rule")
    assert wh_phrase(fact) == wh
