"""Event facts on encyclopedia and textbook text (issue 14): lists of places, parts of a place, participles,
rivers known by what they do, "it" and "the river", people a role also describes. Real model; sentences
written for these tests."""
from __future__ import annotations

import pytest

from studyaid.extract.event_names import is_person_name
from studyaid.extract.events import extract_events


@pytest.fixture(scope="module")
def events(parse):
    def _events(text: str, taken=()):
        document, doc = parse(text)
        return list(extract_events(doc, document, taken))

    return _events


def _slots(facts) -> set[tuple[str, str, str]]:
    return {(f.slot, f.prep, f.answer) for f in facts}


# (text, slots that must be found as (slot, preposition, answer))
FOUND = [
    # every item of a list of places, each a right answer of one question
    ("The Velda flows through Austria, Germany and France.",
     {("prep", "through", "Austria"), ("prep", "through", "Germany"), ("prep", "through", "France")}),
    # a part of a place: the question asks "In the north of which country ...?"
    ("The Velda rises in the north of Italy.", {("prep", "in the north of", "Italy")}),
    ("The old fort lies at the mouth of the Velda. The river Velda is wide.", {("prep", "at the mouth of", "Velda")}),
    # a past participle describing a definite thing
    ("The canal, built by Pierre Lavalle in 1820, links the two lakes. Lavalle was rich.",
     {("prep", "by", "Pierre Lavalle"), ("prep", "in", "1820")}),
    ("The abbey, located in the south of France, was rebuilt.", {("prep", "in the south of", "France")}),
    # a one-word name is a river when it does what rivers do or is called one
    ("The Moselle flows into the Velda at Koblenz. The Velda is a long river.",
     {("agent", "", "Moselle"), ("prep", "into", "Velda")}),
    # a surname that is only another spelling of some town is still a surname
    ("Johann Tulla straightened the Velda between 1817 and 1875. Tulla died in Paris.",
     {("agent", "", "Johann Tulla")}),
    # a century or a decade dates what happened, as history does
    ("During the 19th century the Velda was straightened.", {("prep", "during", "19th century")}),
    ("Salmon came back to the Velda in the 1990s.", {("prep", "in", "1990s")}),
    ("In the late 1990s the Velsh built a harbour in Bergen.", {("prep", "in", "late 1990s")}),
    ("The Velsh built a bridge across the Velda in 55 BC.", {("prep", "in", "55 BC")}),
    ("The Velsh Wars of Religion in the 16th century destroyed the abbey.", {("prep", "in", "16th century")}),
    # since and until date what holds from or up to then
    ("The Velsh ruled Bergen until 1918.", {("prep", "until", "1918")}),
    ("The Velda has formed the border since 1815.", {("prep", "since", "1815")}),
    # a place the gazetteer does not know is the settlement its description calls it
    ("Kelmore, the largest town on the Velda, has a harbour. The river Velda is wide.", {("definition", "", "Kelmore")}),
    # a name defined by a unique description before the copula, of the kind its noun says
    ("The largest tributary of the Velda is the Orna. The Velda is a river.", {("definition", "", "Orna")}),
    ("The largest lake on the Velda is Lake Dolna.", {("definition", "", "Lake Dolna")}),
    # a job before a name, or a job noun with the name in apposition
    ("Engineer Marek Ostrowski built the first dam on the Velda in 1911. Ostrowski was born in Krakow.",
     {("agent", "", "Marek Ostrowski")}),
    ("The dam was designed by the chemist Anna Lindqvist in 1911. Lindqvist was born in Krakow.",
     {("prep", "by", "Anna Lindqvist")}),
    # a region or a town the gazetteer lacks, after "in": asked "Where ...?"
    ("The Velda begins in Graubünden.", {("prep", "in", "Graubünden")}),
    # a name in apposition to the subject's noun; a person something is handed to
    ("In 1418 the king's nephew Jean Morel sold the mill to Henri Dufay. Morel left Rouen. Dufay rebuilt the mill.",
     {("agent", "", "Jean Morel"), ("prep", "to", "Henri Dufay")}),
    # one known by one name only, as history names people: NER's person at least twice
    ("Arvald led the raiders across the sea. Arvald founded a duchy in 911.", {("agent", "", "Arvald")}),
    # ... or once, right after a noun only a person is
    ("Malcolm surrendered his son Duncan as a hostage.", {("object", "", "Duncan")}),
    ("Anna Berg married her cousin Tostig in 1020. Berg moved.", {("object", "", "Tostig")}),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_slots_found(events, text, expected):
    assert expected <= _slots(events(text))


# (text, answers that must never be a slot)
NOT_FOUND = [
    ("The monks settled in Austria and Munich.", {"Austria", "Munich"}),  # a list of places of two kinds
    ("The ships, built by Pierre Lavalle in 1820, sailed. Lavalle was rich.", {"Pierre Lavalle", "1820"}),  # plural
    ("A canal built by Pierre Lavalle links the lakes. Lavalle was rich.", {"Pierre Lavalle"}),  # which canal?
    ("The Velda is the longest river in Austria. The river Velda is wide.", {"Austria"}),  # a river crosses borders
    ("Near Koblenz the Velda is joined by the Moselle.", {"Near Koblenz the Velda"}),  # NER's run-on "person"
    ("Sales flow into Norda every year.", {"Norda"}),  # only a name given as a river is one
    ("Arvald founded a duchy in 911.", {"Arvald"}),  # one name given once: maybe anything
    ("Mr Hale opened the bridge in 1990. Hale left the town. Hale returned.", {"Hale"}),  # a surname, no first name
    ("The Marches rebelled in 1090. The Marches fell.", {"Marches"}),  # "the" + name: no one
    ("Nokia sold its unit Navteq in 2020.", {"Navteq"}),  # a unit is no person
    ("Edward the Confessor set up Ralph as earl. Edward the Confessor died.", {"Edward"}),  # a name with an epithet
    ("In the 1st century BC the Velsh built forts.", {"1st century", "the 1st century"}),  # the era left out
    ("Kelmore, a town with a harbour, lies in the north.", {"Kelmore"}),  # a description that fits many
    ("The best player of the season was Tom Lind.", {"Tom Lind"}),  # a person defined so is a role's business
    # a verb parsed as a noun joined to a name: the verb's phrases are not trusted ("Into which sea does it rise?")
    ("The Tavra is a river. It rises in the Carpathian Mountains and empties into the Black Sea.", {"Black Sea"}),
    ("The Velda begins near Graubünden.", {"Graubünden"}),  # "Where" only for "in"
    ("Jean Morel wrote to Henri Dufay in 1418. Dufay replied.", {"Henri Dufay"}),  # nothing handed
]


@pytest.mark.parametrize("text, absent", NOT_FOUND)
def test_slots_not_found(events, text, absent):
    assert not {f.answer for f in events(text)} & absent


def test_list_items_share_one_clause_without_the_list(events):
    facts = [f for f in events("The Velda flows through Austria, Germany and France.") if f.prep == "through"]
    assert len({f.clause for f in facts}) == 1
    assert facts[0].clause.subject == "The Velda" and "Germany" not in facts[0].clause.after


def test_participle_is_asked_in_the_past_or_as_a_state(events):
    built = next(f for f in events("The canal, built by Pierre Lavalle in 1820, links the two lakes. Lavalle was rich.")
                 if f.answer == "Pierre Lavalle")
    located = next(f for f in events("The abbey, located in the south of France, was rebuilt.") if f.answer == "France")
    assert (built.clause.subject, built.clause.aux, built.clause.verb) == ("The canal", "was", "built")
    assert (located.clause.aux, located.clause.verb) == ("is", "located")


# (text, the answer, the subject its question names): "It" and "the river" stand for the name before them
REFERENTS = [
    ("The Velda flows from the Alps. It flows through Austria, Germany and France.", "Germany", "The Velda"),
    ("The Velda is a long river. The river was straightened by Johann Tulla. Tulla was an engineer.",
     "Johann Tulla", "The Velda"),
    # "It" after "the river" that stood for the one river of the page
    ("The Velda is a long river. The river rises in the Alps. It flows through Austria, Germany and France.",
     "Germany", "The Velda"),
    # "the river" inside the subject, after a preposition
    ("The Velda is a long river. The largest city on the river is Cologne.", "Cologne", "The largest city on the Velda"),
    # "He"/"She" after a sentence whose subject is the one person it names
    ("Jean Morel left Rouen in 1410. He sold the mill in 1418. Morel died.", "1418", "Jean Morel"),
    ("Jean Morel met Henri Dufay in 1410. He sold the mill in 1418. Morel died.", "1418", "He"),  # which one?
    # no name before: the subject stays as written (the question side then drops it)
    ("It flows through Austria, Germany and France.", "Germany", "It"),
    # a person is no referent of "it"
    ("Anna Berg visited the Alps. It snowed in Austria and Germany.", "Germany", None),
]


@pytest.mark.parametrize("text, answer, subject", REFERENTS)
def test_referents(events, text, answer, subject):
    subjects = {f.clause.subject for f in events(text) if f.answer == answer}
    assert subjects == ({subject} if subject else set()) or subject is None and "Anna Berg" not in subjects


def test_a_person_a_role_describes_is_still_the_doer(events):
    text = "Johann Tulla, a German engineer, straightened the Velda in 1817. Tulla died in Paris."
    assert "Johann Tulla" in {f.answer for f in events(text, taken=[(0, "Johann Tulla", "role")])}
    assert "Johann Tulla" not in {f.answer for f in events(text, taken=[(0, "Johann Tulla", "quote")])}


@pytest.mark.parametrize("name, expected", [
    ("Johann Tulla", True), ("Roger de Valmont", True), ("Near Koblenz the Velda", False), ("Kelmore", False),
])
def test_is_person_name(name, expected):
    assert is_person_name(name) is expected


def test_a_name_in_apposition_is_asked_without_its_noun(events):
    facts = events("King Malcolm of Scotland married Edgar's sister Margaret in 1070. Margaret was pious.")
    fact = next(f for f in facts if f.answer == "Margaret")
    assert "sister" not in f"{fact.clause.subject} {fact.clause.between} {fact.clause.after}"
