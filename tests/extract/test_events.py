"""Event and definition facts from the dependency parse, with the real model (sentences written for these tests)."""
from __future__ import annotations

import pytest

from studyaid.extract.events import extract_events, feature_of, is_organisation_name


@pytest.fixture(scope="module")
def events(parse):
    def _events(text: str, taken=()):
        document, doc = parse(text)
        return list(extract_events(doc, document, taken))

    return _events


def _slots(facts) -> set[tuple[str, str, str]]:
    return {(f.slot, f.prep, f.answer) for f in facts}


# (sentence, slots that must be found as (slot, preposition, answer))
FOUND = [
    ("The Hanseatic League founded a trading post in Bergen in 1360.",
     {("agent", "", "Hanseatic League"), ("prep", "in", "Bergen"), ("prep", "in", "1360")}),
    ("The Vantaa River flows into the Gulf of Finland.", {("prep", "into", "Gulf of Finland")}),
    ("Stockholm was founded by Birger Jarl in 1252. Jarl ruled until 1266.",
     {("patient", "", "Stockholm"), ("prep", "by", "Birger Jarl"), ("prep", "in", "1252")}),
    ("Marie Curie discovered polonium in 1898. Curie was born in Warsaw.",
     {("agent", "", "Marie Curie"), ("prep", "in", "1898")}),
    ("Lake Orvana is the largest lake in Finland.", {("definition", "", "Lake Orvana")}),
    ("Tallinn, the capital of Estonia, lies on the coast.", {("definition", "", "Tallinn")}),
    # where a named thing lies: an apposition or a copula with "in" + a country, region or city
    ("Kelmore, a small town in Scotland, lies on the coast.", {("prep", "in", "Scotland")}),
    ("Ostrava is a city in the Czech Republic.", {("prep", "in", "Czech Republic")}),
    # a one-word name the document shows to be a river, in any slot
    ("The river Velda rises in the hills. The Velda flows into the North Sea.",
     {("agent", "", "Velda"), ("prep", "into", "North Sea")}),
    ("Barges carry coal along the Velda. The Velda River is wide.", {("prep", "along", "Velda")}),
    # a full name given once, doing what people do, or written with a name particle
    ("In 1960 Karl Ostrander defined linear bounded automata.", {("agent", "", "Karl Ostrander")}),
    ("The abbey was founded by Roger de Valmont in 1090.", {("prep", "by", "Roger de Valmont")}),
    # a country or region as the object of what is done to a territory
    ("The Velsh invaded Ireland in 1169.", {("object", "", "Ireland")}),
    # a named event, or an action on something named, dated where it is named
    ("After the successful Siege of Kelmore in 1097, the duke built a castle.", {("prep", "in", "1097")}),
    ("The sale of Norda in 2004 was a surprise.", {("prep", "in", "2004")}),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_slots_found(events, text, expected):
    assert expected <= _slots(events(text))


# (sentence, answers that must never be a slot)
NOT_FOUND = [
    ("Chelsea beat Liverpool at Stamford Bridge in 2005.", {"Chelsea", "Liverpool"}),  # clubs named like cities
    ("The council said Anna Berg opened the bridge in 1990.", {"Anna Berg", "1990"}),  # reported: quotes' business
    ("Anna Berg did not open the bridge in 1990.", {"Anna Berg", "1990"}),  # negated
    ("Anna Berg may open the bridge in 2030.", {"Anna Berg", "2030"}),  # hypothetical
    ("Anna Berg and Tom Lind opened the bridge.", {"Anna Berg", "Tom Lind"}),  # one of a list: not one answer
    ("The bridge opened in the spring.", {"spring"}),  # a common noun is never an answer
    ("\u201cWe opened the bridge in 1990,\u201d Anna Berg said.", {"Anna Berg", "1990"}),  # a quotation
    ("Copenhagen is a city.", {"Copenhagen"}),  # no unique description
    ("Dora Lindqvist opened the bridge in 1990.", {"Dora Lindqvist"}),  # a name given once: maybe a show or a band
    ("Harbour Watch Live drew big crowds. Harbour Watch Live returned in 2004.", {"Harbour Watch Live"}),  # never by a surname
    ("Norda Europe closed its office. Norda Europe moved to Oslo in 2004.", {"Norda Europe"}),  # a firm's branch
    ("Anna Berg is a teacher in Norway.", {"Norway"}),  # where a person works is not what she is
    ("Kelmore, a town with a harbour, lies in the north.", {"Kelmore"}),  # no place it lies in
    ("Desperate Housewives won the award in 2005.", {"Desperate Housewives", "Housewives"}),  # a show, given once
    ("Fans filled the River Plate Stadium. Plate won the cup.", {"Plate"}),  # a river word inside a longer name
    ("Tom Lind wrote the report in 2001.", {"Tom Lind"}),  # given once, doing what a band or a firm may do
    ("England played France at Twickenham.", {"France"}),  # a team, not a territory
    ("A few years after the First Crusade, in 1107, the Velsh landed.", set()),  # checked below: 1107 dates the landing
    ("His arrival in 1066 changed everything.", {"1066"}),  # whose arrival?
    ("The meeting in 2004 went well.", {"2004"}),  # which meeting?
    ("Tom Lind spoke to reporters in Bergen in 2004. Lind left.", {"Tom Lind", "Bergen", "2004"}),  # talk: quotes'
    ("Tom Lind is seen as the best player in Norway. Lind left.", {"Tom Lind", "Norway"}),  # an opinion
]


def test_a_date_after_a_comma_dates_the_clause_not_the_noun(events):
    facts = events("A few years after the First Crusade, in 1107, the Velsh landed in Valona.")
    assert all("Crusade" not in f.clause.subject for f in facts if f.answer == "1107")


@pytest.mark.parametrize("text, absent", NOT_FOUND)
def test_slots_not_found(events, text, absent):
    assert not {f.answer for f in events(text)} & absent


def test_fact_keeps_sentence_clause_and_kind(events):
    [fact] = [f for f in events("The Vantaa River flows into the Gulf of Finland.") if f.answer == "Gulf of Finland"]
    assert fact.sources[0].sentence == "The Vantaa River flows into the Gulf of Finland."
    assert (fact.answer_kind, fact.place_kind, fact.lemma) == ("place", "gulf", "flow")
    assert fact.clause.subject == "The Vantaa River" and fact.clause.answer_role == "object"


def test_full_name_of_a_surname(events):
    facts = events("Marie Curie moved to Paris in 1891. Curie discovered polonium in 1898.")
    agent = next(f for f in facts if f.slot == "agent" and f.lemma == "discover")
    assert (agent.answer, agent.name) == ("Curie", "Marie Curie")


def test_slot_taken_by_another_extractor(events):
    text = "The Hanseatic League founded a trading post in Bergen in 1360."
    assert "1360" not in {f.answer for f in events(text, taken=[(0, "1360")])}


def test_one_answer_does_not_fill_the_document(events):
    text = " ".join(f"Marie Curie visited the {n} laboratory in 19{10 + i}." for i, n in
                    enumerate(["Oslo", "Vienna", "Warsaw", "Berlin", "Prague"]))
    assert sum(f.answer == "Marie Curie" for f in events(text)) <= 3


@pytest.mark.parametrize("name, expected", [
    ("North Sea", "sea"), ("Lake Orvana", "lake"), ("Gulf of Finland", "gulf"), ("Mount Kea", "mountain"),
    ("Bergen", None), ("sea", None), ("Marie Curie", None),
])
def test_feature_of(name, expected):
    assert feature_of(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Hanseatic League", True), ("Royal Society", True), ("Chelsea", False), ("Arctic Monkeys", False),
])
def test_is_organisation_name(name, expected):
    assert is_organisation_name(name) is expected
