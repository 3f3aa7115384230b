"""Which words name an office (extract/titles.py): the lexicon's offices, endings that always name a
profession, and what a plain noun is not."""
from __future__ import annotations

import pytest

from studyaid.extract.titles import office_word, organisation


@pytest.mark.parametrize("text, word, expected", [
    ("The firm hired a futurologist last year.", "futurologist", "futurologist"),
    ("Two musicians played at the wedding.", "musicians", "musician"),
    ("The photographer waited outside.", "photographer", "photographer"),
    ("The tycoon bought a yacht.", "tycoon", "tycoon"),
    ("The manager was sacked.", "manager", "manager"),
    # plain nouns and verbs name no office
    ("The garden needs more water.", "garden", None),
    ("Biology is taught on Mondays.", "Biology", None),
    ("She will photograph the bride.", "photograph", None),
])
def test_office_word(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert office_word(tok) == expected


@pytest.mark.parametrize("text, expected", [
    ("BBC Broadcast's", "BBC Broadcast"),
    ("the Kelton Trust", "Kelton Trust"),
    ("UK", "United Kingdom"),
    ("Japanese", "Japan"),
    ("", None),
])
def test_organisation(text, expected):
    assert organisation(text) == expected
