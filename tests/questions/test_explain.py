"""Explanations add something the question does not say (class 10): the role, unit, country, weekday."""
from __future__ import annotations

import pytest
from factory import allies, corpus, date, paris_meeting, putin_warning, rutte_role

from studyaid.questions.explain import (date_explanation, place_explanation, quantity_explanation,
                                        quote_explanation, role_explanation)
from studyaid.questions import generate


@pytest.mark.parametrize("text, expected", [
    (quote_explanation(putin_warning(), role="Russian President"), "Vladimir Putin (Russian President) warned this"),
    (quote_explanation(putin_warning()), "reported speech"),
    (quantity_explanation(allies()), "as the number of Ukraine\u2019s allies"),
    (place_explanation(paris_meeting()), "Paris is a city in France"),
    (role_explanation(rutte_role(), quoted=True), "introduces Mark Rutte as the NATO Secretary-General and quotes them"),
    (date_explanation(date("January 1, 2028", "2028-01-01", "the EU will stop imports", "stop",
                           "The EU will stop imports by January 1, 2028.")), "January 1, 2028 (a Saturday)"),
])
def test_explanation_adds_the_role_unit_country_or_weekday(text, expected):
    assert expected in text


def test_no_explanation_repeats_the_source_sentence_or_says_nothing():
    for q in generate(corpus()).questions:
        assert "as the source sentence shows" not in q.explanation
        assert q.explanation.strip() and q.explanation.strip() != q.sources[0].sentence.strip()
