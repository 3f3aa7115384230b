"""Durations and ages (extract/durations.py)."""
from __future__ import annotations

import pytest


DURATIONS_AND_AGES = [
    ("The band toured for two years before their debut album.",
     dict(value=2, text="two", counted="years", counted_head="year", phrase="two years")),
    ("The striker signed a three-year contract with the club.",
     dict(value=3, counted="years", phrase="three-year contract")),
    ("The singer was a 62-year-old grandmother from Leeds.",
     dict(value=62, counted="years old", phrase="62-year-old grandmother")),
    ("The actor died of a stroke aged 71 in his home town.", dict(value=71, counted="years old")),
    ("The club signed the Irish defender, 24, on a free transfer.", dict(value=24, counted="years old")),
    ("She finished the race in 31 minutes 12 seconds on a wet track.",
     dict(value=31 * 60 + 12, text="31 minutes 12 seconds", counted="seconds")),
    ("He set a personal best of one minute, 52.3 seconds in the heat.",
     dict(value=112.3, counted="seconds")),
    ("Fans queued for three days to buy tickets.", dict(value=3, counted="days")),
]


@pytest.mark.parametrize("text, expected", DURATIONS_AND_AGES)
def test_durations_and_ages(one_quantity, text, expected):
    assert one_quantity(text, expected).unit is None
