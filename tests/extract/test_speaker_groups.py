"""Unnamed groups as speakers and the people nouns they are made of (studyaid.extract.speaker_groups)."""
from __future__ import annotations

import pytest

from studyaid.extract.speaker_groups import group_named, people_noun


# (sentence, the subject noun, the group's name, or None)
GROUPS = [
    ("Lawyers for the two companies said the claim was groundless.", "Lawyers", "lawyers for the two companies"),
    ("Last month economists calculated that prices would rise.", "economists", "economists"),
    ("On Monday, Kelvale supporters claimed the trouble began outside the ground.", "supporters", "Kelvale supporters"),
    # things, vague groups, people with a number
    ("The engine's figures suggest the car will be fast.", "figures", None),
    ("Court documents show that the firm had been warned.", "documents", None),
    ("Many experts said the plan would fail.", "experts", None),
    ("Two analysts said the airline would cut its fares.", "analysts", None),
]


@pytest.mark.parametrize("text, noun, expected", GROUPS)
def test_group_named(nlp, text, noun, expected):
    doc = nlp(text)
    found = group_named(next(t for t in doc if t.text == noun))
    assert (found[0] if found is not None else None) == expected


@pytest.mark.parametrize("text, noun, expected", [
    ("The investors said no.", "investors", True), ("The activists said no.", "activists", True),
    ("The opponents said no.", "opponents", True), ("The numbers said no.", "numbers", False),
    ("The components said no.", "components", False), ("The payments said no.", "payments", False),
])
def test_people_noun(nlp, text, noun, expected):
    assert people_noun(next(t for t in nlp(text) if t.text == noun)) is expected


# (text, the name "the <noun>" speaks under, or None)
COLLECTIVES = [
    ("An advisory panel met in Leeds on Monday. Tenants want more choice, the panel said.", "advisory panel"),
    ("A jury of twelve heard the case. The jury said the evidence was clear.", "jury"),
    # never introduced, introduced twice, or an organisation's name
    ("The panel said the winner was clear.", None),
    ("A judging panel met on Monday. A second panel of experts met on Tuesday. The panel said the winner was clear.",
     None),
    ("The Commons Culture Committee met on Monday. The committee said the BBC had to change.", None),
]


@pytest.mark.parametrize("text, expected", COLLECTIVES)
def test_collective_named(nlp, text, expected):
    from studyaid.extract.speaker_groups import collective_named

    doc = nlp(text)
    subject = [t for t in doc if t.dep_ == "nsubj" and t.lower_ in ("panel", "jury", "committee")][-1]
    found = collective_named(subject)
    assert (found[0] if found is not None else None) == expected
