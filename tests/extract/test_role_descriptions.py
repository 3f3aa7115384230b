"""Titles given in a description of a person named before (extract/role_descriptions.py): an office described
with an age after "the" names the one person the age can re-name (issue 10, round 3)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    # the one person the sentence before names
    ("Ann Roper has promised not to swear on air. The 40-year-old comic will host the show.",
     {("Ann Roper", "comic", None)}),
    ('Tom Baxter scored twice on Saturday. "It was a great day," said the 28-year-old striker.',
     {("Tom Baxter", "striker", None)}),
    # an organisation between the age and the office is the title's
    ("Ann Roper spoke to reporters. The 24-year-old Kelvale skipper said the team was ready.",
     {("Ann Roper", "skipper", "Kelvale")}),
    # the one person named with that age, whoever the sentence before names
    ("Tom Baxter, 28, joined in May. Sam Ward was dropped. Fans cheered when the 28-year-old striker scored.",
     {("Tom Baxter", "striker", None)}),
    # two people the age may re-name: nobody
    ('Tom Baxter beat Sam Ward in the final. "It was hard," said the 28-year-old striker.', set()),
    # "a 40-year-old comic" is someone new; an age alone names no office
    ("Ann Roper spoke to reporters. A 40-year-old comic will host the show.", set()),
    ("Ann Roper spoke to reporters. The 40-year-old said the show was ready.", set()),
    # a description with a clause of its own is someone new
    ("Ann Roper spoke to reporters. The 40-year-old comic who hosts the show was late.", set()),
    # an object, and a person the description's own sentence names, are someone else
    ("Tom Baxter was cheered. Sam Ward said one fan had bet on the 28-year-old striker.", set()),
    ("Tom Baxter was cheered. Then Sam Ward said the 28-year-old striker was ready.", set()),
    # an age description inside a quotation is not read
    ('Ann Roper spoke to reporters. "The 40-year-old comic will host the show," she said.', set()),
])
def test_a_title_described_with_an_age(roles, text, expected):
    assert {(r.person.name, r.title, r.organization) for r in roles(text)} == expected


@pytest.mark.parametrize("text, expected", [
    # a hyphenated modifier in the description of the one person a one-sentence lead is about
    ("European cross-country champion Ann Roper won the Kelvale race on Sunday.\n\nThe part-time maths teacher beat "
     "Irish international Mary Cole by 40 metres.",
     {("Ann Roper", "European cross-country champion"), ("Ann Roper", "part-time maths teacher"),
      ("Mary Cole", "international")}),
    # two people in the lead: nobody
    ("Ann Roper beat Mary Cole in the Kelvale race on Sunday.\n\nThe part-time maths teacher won by 40 metres.", set()),
])
def test_a_title_describing_the_lead_person(roles, text, expected):
    assert {(r.person.name, r.title) for r in roles(text)} == expected


def test_a_hyphenated_title_modifier_before_a_name(roles):
    found = roles("The race was won by part-time maths teacher Ann Roper.")
    assert [(r.person.name, r.title) for r in found] == [("Ann Roper", "part-time maths teacher")]
