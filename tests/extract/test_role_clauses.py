"""Titles a clause gives (extract/role_clauses.py): "as" a title, "is" a title of a body, "who heads Y",
a name listed under a plural title."""
from __future__ import annotations

import pytest

FOUND = [
    # "X, who heads Y,": a verb that reads as a job names the title, its object the body (issue 10)
    ("Paul Okafor, who heads the Kelton Trust, refused to comment.",
     ("Paul Okafor", "head", "Kelton Trust", "head of the Kelton Trust")),
    ("Mia Torres, who leads the Green Party in Wales, spoke at the rally.",
     ("Mia Torres", "leader", "Green Party", "leader of the Green Party")),
    ("The deal was agreed by Tom Reed, who co-manages the Kelvale Arms, on Monday.",
     ("Tom Reed", "co-manager", "Kelvale Arms", "co-manager of the Kelvale Arms")),
    ("Tom Reed, who also chairs the Dunford Chamber of Commerce, said trade was slow.",
     ("Tom Reed", "chair", "Dunford Chamber of Commerce", "chair of the Dunford Chamber of Commerce")),
    ("The band's singer Tom Reed, who co-owns Blue Room Records, said so.",
     ("Tom Reed", "co-owner", "Blue Room Records", "co-owner of Blue Room Records")),
    # a body whose name no NER tags, hyphenated or opening with a number word
    ("Tom Reed, who co-owns the Four-Oaks club, said the deal was done.",
     ("Tom Reed", "co-owner", "Four-Oaks", "co-owner of the Four-Oaks")),
    # "as" a title
    ("The song was mixed by Bill Tate, with Ann Roe as producer.", ("Ann Roe", "producer", None, "producer")),
    ("Rhys Morgan joined Dunford Rovers as chief executive in 1998.",
     ("Rhys Morgan", "chief executive", "Dunford Rovers", "Dunford Rovers chief executive")),
    ("Mia Torres, who last month succeeded Ella Frost as European champion, finished second.",
     ("Mia Torres", "champion", "Europe", "European champion")),
    # "is" a title of a named body
    ("And Ras Kwame is host of Homegrown Hour on the digital station 1Xtra.",
     ("Ras Kwame", "host", "Homegrown Hour", "host of Homegrown Hour")),
    ("Meg Dorran is the chief executive of Kelton United.",
     ("Meg Dorran", "chief executive", "Kelton United", "chief executive of Kelton United")),
    # "is one of the <titles> of Y": one of several holders
    ("Tom Reed is one of the presenters of Night Shift on Radio Kelvale.",
     ("Tom Reed", "presenter", "Night Shift", "presenter of Night Shift")),
    # a name listed under a plural title: "including", "such as" (issue 10)
    ("Famous British novelists such as Ann Roe have written for the magazine.",
     ("Ann Roe", "novelist", "United Kingdom", "British novelist")),
    ("A panel of judges including Sir Tom Reed will choose the winner.", ("Tom Reed", "judge", None, "judge")),
    # ... or a plural title whose verb is "include", every name of the list
    ("British singers on the bill include newcomers Emma Clarke, Tom Reed and Ann Roe.",
     ("Emma Clarke", "singer", "United Kingdom", "British singer")),
    ("British singers on the bill include newcomers Emma Clarke, Tom Reed and Ann Roe.",
     ("Ann Roe", "singer", "United Kingdom", "British singer")),
    ("Judges this year include Tom Reed and Ann Roe.", ("Ann Roe", "judge", None, "judge")),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_role_from_a_clause(roles, text, expected):
    found = [(r.person.name, r.title, r.organization, r.role) for r in roles(text)]
    assert expected in found, found


NO_ROLES = [
    # a title someone may take, wants, or did not take; a title given by someone else
    "Mia Torres could replace Ella Frost as coach next year.",
    "Tom Reed wants to join Kelton United as coach.",
    "Ann Roe did not join Kelton United as coach.",
    "Tom Reed described Ann Roe as a brilliant singer.",
    # "is" a title: not a past one, an opinion, a negation, or one without the body it is held in
    "Meg Dorran was captain of Wales for six years.",
    "Meg Dorran is a great captain of Wales.",
    "Meg Dorran is not a member of Kelton United.",
    "Meg Dorran is a member of the committee.",
    "Tom Reed was one of the presenters of Night Shift.",
    # "who" and a verb: none that names no job, a past, modal or negated one, an object that is no body
    "Ann Roe, who runs the Dunmore Film Festival, said entries had doubled.",
    "Tom Reed, who runs every morning, finished the race.",
    "Tom Reed, who headed the Kelton Trust for years, said so.",
    "Tom Reed, who no longer heads the Kelton Trust, said so.",
    "Tom Reed, who will lead the Kelton Trust, said so.",
    "Tom Reed, who leads the line for Kelton, scored.",
    "Tom Reed, who manages Ann Roe, said she was tired.",
    # a plural before "including" that names no office
    "Fans including Ann Roe queued all night.",
    "The guests include Tom Reed and Ann Roe.",
    "The judges may include Tom Reed and Ann Roe.",  # a list someone may draw up
    "Ann Roe and Tom Reed were the best players on the pitch.",
]


@pytest.mark.parametrize("text", NO_ROLES)
def test_no_role_from_a_clause(roles, text):
    assert [(r.person.name, r.role) for r in roles(text)] == []


def test_a_listed_name_with_a_title_of_its_own_keeps_only_that(roles):
    found = {(r.person.name, r.title) for r in roles(
        "British actors at the party include Emma Clarke, Tom Reed and director Ann Roe.")}
    assert ("Ann Roe", "director") in found and ("Ann Roe", "actor") not in found
    assert ("Tom Reed", "actor") in found


def test_the_one_replaced_does_not_take_the_title(roles):
    found = {r.person.name for r in roles("Mia Torres, who last month succeeded Ella Frost as European champion, "
                                          "finished second.")}
    assert found == {"Mia Torres"}


@pytest.mark.parametrize("text, expected", [
    # an office right before a group noun is each listed name's (issue 10, round 3)
    ("He expects a hard time from an England loose-forward trio of Tom Harker, Sam Ward and Ann Roper.",
     {("Tom Harker", "loose-forward", "England"), ("Sam Ward", "loose-forward", "England"),
      ("Ann Roper", "loose-forward", "England")}),
    ("The Kelvale striker pair of Tom Harker and Sam Ward scored.",
     {("Tom Harker", "striker", "Kelvale"), ("Sam Ward", "striker", "Kelvale")}),
    ("He faced a trio of Tom Harker, Sam Ward and Ann Roper.", set()),  # a group with no office
    # a present "plays at" a position; never a place or a past game
    ("Up front, Tom Harker plays at hooker and Sam Ward plays at home.", {("Tom Harker", "hooker", None)}),
    ("Tom Harker played at centre last year.", set()),
    ("Tom Harker plays at Wembley on Sunday.", set()),
])
def test_group_and_position_titles(roles, text, expected):
    assert {(r.person.name, r.title, r.organization) for r in roles(text)} == expected
