"""The one text normaliser: words compared whatever their case, punctuation, spacing or accents."""
from __future__ import annotations

import pytest

from studyaid.text import fold, normal_words, words


@pytest.mark.parametrize("text, expected", [
    ("The council approved the plan.", ("the", "council", "approved", "the", "plan")),
    ("  THE Council   approved\nthe plan!! ", ("the", "council", "approved", "the", "plan")),
    ("Ms O\u2019Neill's 3,000-seat hall", ("ms", "o", "neill", "s", "3", "000", "seat", "hall")),
    ("Stra\u00dfe", ("strasse",)),  # case folding, not just lower case
    ("\u2014 \u201c \u201d ...", ()),
])
def test_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("a, b, same", [
    ("The mayor said: \u201cWe will rebuild.\u201d", "the mayor said we will rebuild", True),
    ("A caption under the photo", "A caption\nunder the photo.", True),
    ("The mayor said we will rebuild", "The mayor said we will not rebuild", False),
    ("Caf\u00e9 owners complained", "Cafe owners complained", False),  # accents are kept by words
])
def test_normal_words_compare_sentences(a, b, same):
    assert (normal_words(a) == normal_words(b)) is same


@pytest.mark.parametrize("text, expected", [
    ("Zelenskyy\u2019s Caf\u00e9", "zelenskyy's cafe"),
    ("\u2018Bj\u00f6rk\u2019", "'bjork'"),
    ("S\u00e3o Paulo, 12 May", "sao paulo, 12 may"),
    ("plain text", "plain text"),
])
def test_fold(text, expected):
    assert fold(text) == expected
