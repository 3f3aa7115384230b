"""A person's gender only where the text makes it plain: honorifics, gendered nouns before or beside the
name, the pronoun the speaker tracker resolved; none from a first name, none when the evidence conflicts."""
from __future__ import annotations

import pytest

from studyaid.extract import name_mentions
from studyaid.extract.gender import (description_gender, fact_genders, gender_in_prompt, span_gender, title_gender,
                                     word_gender)
from studyaid.facts import EntityRef, Quote, Role
from studyaid.document import Source
from studyaid.gazetteer import is_place_name


def _genders(parse, text: str) -> dict[str, str | None]:
    document, doc = parse(text)
    return {m.text: m.gender for m in name_mentions(doc, document, is_place_name) if m.kind == "person"}


@pytest.mark.parametrize("text, name, expected", [
    # honorifics
    ("Mrs Okafor opened the new library on the high street.", "Okafor", "female"),
    ("Sir Alan Hendry cut the ribbon at the bridge.", "Alan Hendry", "male"),
    ("Ms Brannigan told the council the plan was too costly.", "Brannigan", "female"),
    ("Mr Tom Westbrook spoke after the vote.", "Tom Westbrook", "male"),
    # gendered nouns before the name, or beside it
    ("The actress Jane Morrow won the award on Sunday.", "Jane Morrow", "female"),
    ("The sportswoman Priya Narayan broke the national record.", "Priya Narayan", "female"),
    ("Jane Morrow, the actress, said the play had been a success.", "Jane Morrow", "female"),
    ("He thanked his wife, Mary Fenwick, for her support.", "Mary Fenwick", "female"),
    ("Her husband Tom Hollis drove the van to the harbour.", "Tom Hollis", "male"),
    # nothing plain: a first name, a neutral job, a gendered word about someone else
    ("Sarah Kettle won the race in record time.", "Sarah Kettle", None),
    ("The chairman Alan Hendry resigned after the vote.", "Alan Hendry", None),
    ("Tom Hollis, the head coach, praised the team.", "Tom Hollis", None),
    ("Priya Narayan met the man who found the dog.", "Priya Narayan", None),
    # a list or a table pairs nouns and names its own way: a noun not right beside the name says nothing
    ("Best film - The Rover; best actor - Tom Hollis; best actress - Jane Morrow.", "Jane Morrow", None),
    ("The cast was led by Tom Hollis and the actress Jane Morrow.", "Tom Hollis", None),
    # conflicting evidence on one mention
    ("Mr Tom Hollis, the actress, smiled at the crowd.", "Tom Hollis", None),
])
def test_gender_of_a_mention(parse, text, name, expected):
    assert _genders(parse, text).get(name, "missing") == expected


@pytest.mark.parametrize("word, expected", [
    ("Mrs", "female"), ("Dame", "female"), ("Lord", "male"), ("she", "female"), ("him", "male"),
    ("actress", "female"), ("spokesman", "male"), ("sisters", None), ("spokesmen", None), ("actor", None),
    ("chairman", None), ("Dr", None), ("minister", None),
])
def test_word_gender(word, expected):
    assert word_gender(word) == expected


@pytest.mark.parametrize("description, expected", [
    ("she", "female"), ("He", "male"), ("the actress", "female"), ("the former spokeswoman", "female"),
    ("the Russian president", None), ("the man's lawyer", None), (None, None),
])
def test_description_gender(description, expected):
    assert description_gender(description) == expected


@pytest.mark.parametrize("prompt, expected", [
    ("Who said that she would not stand again?", "female"),
    ("Who said that his team had played well?", "male"),
    ("Who won the women's 100m final in Rome?", "female"),
    ("Who said that he would meet her in Rome?", None),  # both: says nothing
    ("Who said: \u201cShe was the best player I ever coached\u201d", None),  # the speaker's words about another
    ("Who said that Mrs Okafor had opened the library?", None),  # an honorific names someone else
    ("Who said that the council would pay for the bridge?", None),
])
def test_gender_in_prompt(prompt, expected):
    assert gender_in_prompt(prompt) == expected


@pytest.mark.parametrize("title, expected", [
    ("chairwoman", "female"), ("Queen", "female"), ("spokesman", "male"), ("Prime Minister", None),
    ("head coach", None),
])
def test_title_gender(title, expected):
    assert title_gender(title) == expected


def _source(sentence: str) -> list[Source]:
    return [Source(document="a.txt", sentence=sentence, start=0, end=len(sentence))]


def test_fact_genders_reads_the_tracker_and_the_title():
    speaker = EntityRef(mention="Okafor", name="Okafor", id="person:okafor", kind="person")
    holder = EntityRef(mention="Hendry", name="Hendry", id="person:hendry", kind="person")
    facts = [
        Quote(speaker=speaker, text="the library would open in May", mode="reported", cue="say", resolved_from="she",
              sources=_source("She said the library would open in May.")),
        Quote(speaker=holder, text="the bridge was safe", mode="reported", cue="say", resolved_from="the minister",
              sources=_source("The minister said the bridge was safe.")),
        Role(person=holder, title="spokesman", organization="the council", role="council spokesman",
             sources=_source("Council spokesman Hendry said so.")),
        Role(person=speaker, title="Prime Minister", organization=None, role="Prime Minister",
             sources=_source("Prime Minister Okafor spoke.")),
    ]
    assert [(m.text, m.gender, m.document) for m in fact_genders(facts)] == [
        ("Okafor", "female", "a.txt"), ("Hendry", "male", "a.txt")]
