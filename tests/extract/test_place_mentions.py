"""Which names are places (extract/place_mentions.py): NER's places checked against the gazetteer, its
slips repaired, names it missed that the text calls a place; never a person, a unit or a heading."""
from __future__ import annotations

import pytest

from studyaid.extract.place_mentions import heading, place_mentions


@pytest.mark.parametrize("text, expected", [
    ("Ministers met in Lisbon and Madrid on Monday.", {"Lisbon", "Madrid"}),
    ("The aid reached the village of Khotimlya on Friday.", {"Khotimlya"}),  # not in the gazetteer: the text says
    ("Serbia & Montenegro's win in Belgium surprised everyone.", {"Serbia & Montenegro", "Belgium"}),  # a former country
    ("Tom Reed said he was tired.", set()),  # a person
])
def test_place_mentions(nlp, text, expected):
    assert {m.name.text for m in place_mentions(nlp(text))} >= expected
    if not expected:
        assert list(place_mentions(nlp(text))) == []


@pytest.mark.parametrize("text, expected", [
    ("Leaders Meet In Lisbon To Discuss Trade Deal", True),
    ("Leaders met in Lisbon to discuss a trade deal.", False),
])
def test_heading(nlp, text, expected):
    assert heading(next(nlp(text).sents)) is expected
