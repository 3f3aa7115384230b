"""Football clubs named after towns (extract/place_clubs.py): which stories are about the game, and where
a town's name stands for its club."""
from __future__ import annotations

import pytest

from studyaid.extract.place_clubs import about_football, club_use

FOOTBALL = ("The striker scored a late goal and the manager praised the squad after the league match. "
            "Porto beat Benfica 2-0 and Porto's coach was happy.")


@pytest.mark.parametrize("text, expected", [
    (FOOTBALL, True),
    ("The band played three concerts in Porto and the critics loved the new songs.", False),
])
def test_about_football(nlp, text, expected):
    assert about_football(nlp(text)) is expected


@pytest.mark.parametrize("text, name, expected", [
    ("Porto beat Benfica 2-0 on Sunday.", "Porto", True),  # subject of a match verb
    ("Porto's coach was happy with the result.", "Porto", True),  # owner of a coach
    ("He spent three seasons at Porto before moving.", "Porto", True),  # a career spent at a club
    ("The match was played in Porto on Sunday.", "Porto", False),  # a place
])
def test_club_use(nlp, text, name, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == name)
    assert club_use(tok) is expected
