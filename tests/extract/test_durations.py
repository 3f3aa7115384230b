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


MORE_DURATIONS = [
    # an ordinal after a hyphen is a unit of time, not the end of a range
    ("The Kenyan won by a five-second margin in the mud.", dict(value=5, counted="seconds", phrase="five-second margin")),
    # a numeral, a hyphen and a plural unit
    ("The new recorder stores 200-hours of video.", dict(value=200, counted="hours")),
    # "and a half", "a couple of"
    ("The striker has been injured for two and a half years.", dict(value=2.5, text="two and a half", counted="years")),
    # "a couple of" is loose: kept, flagged vague so that no question asks for it
    ("The band will take a couple of months off after the tour.", dict(value=2, text="a couple", counted="months", vague=True)),
    # "a" as one unit of time where it is a length: kept, flagged vague (no question asks for an "a")
    ("The keeper won his second cap in less than a week.", dict(value=1, text="a", counted="week", qualifier="less than", vague=True)),
    ("Each winner takes home a year's supply of coffee.", dict(value=1, counted="year", vague=True)),
    # an age after "died at" / "retired at"
    ("The poet died in a Paris hospital at 87.", dict(value=87, counted="years old")),
    # seasons are lengths of time, also when the parser calls them a date; a length of time after a name
    ("The defender had a spell as manager with Rimdale eight seasons ago.", dict(value=8, counted="seasons")),
    ("She won the indoor title at the Leeds Grand Prix 10 days ago.", dict(value=10, counted="days")),
]


@pytest.mark.parametrize("text, expected", MORE_DURATIONS)
def test_more_durations(one_quantity, text, expected):
    assert one_quantity(text, expected).unit is None


@pytest.mark.parametrize("text", [
    "The museum closed at 87 High Street last year.",  # "at" a number that is no age
    "The finals start at 10am on Sunday.",
])
def test_not_ages(quantities, text):
    assert all(q.counted != "years old" for q in quantities(text))


@pytest.mark.parametrize("text", [
    "The band split up a year ago.",  # "a" with a unit of time and no qualifier or possessive: no length
    "The festival takes place twice a year.",
    "A week later the striker signed for the club.",
])
def test_a_time_without_a_length(quantities, text):
    assert [q.text for q in quantities(text)] == []


@pytest.mark.parametrize("text", [
    "The director told the US show 60 Minutes that the film would be dark.",  # a title with a unit of time
    "The Russian hit himself in one second-set outburst.",  # an ordinal before a hyphen
])
def test_no_length_of_time(quantities, text):
    assert [q.counted for q in quantities(text) if q.counted_head in ("minute", "second")] == []


@pytest.mark.parametrize("text", [
    "The Super 12 teams met in Auckland.",  # a numeral after a name word is still that name
    "He listened to Radio 1 for most of the day.",
])
def test_numbers_of_names_are_no_lengths(quantities, text):
    assert [q.value for q in quantities(text)] == []
