"""Numbers as written to values and back."""
from __future__ import annotations

import pytest

from studyaid.extract.numbers import format_number, glued_unit, is_unit_word, parse_number, parse_range, word_value


@pytest.mark.parametrize("text, value", [
    ("26", 26),
    ("84", 84),
    ("1,500", 1500),
    ("21.9", 21.9),
    ("three", 3),
    ("twenty-six", 26),
    ("two dozen", 24),
    ("a dozen", 12),
    ("21.9 billion", 21.9e9),
    ("$23.6 billion", 23.6e9),
    ("\u20ac9 billion", 9e9),
    ("1.5 million", 1.5e6),
    ("two hundred", 200),
    ("two hundred thousand", 200_000),
    ("one thousand two hundred", 1200),
    ("three million five hundred thousand", 3_500_000),
    ("one hundred and twelve", 112),
    ("two and a half", 2.5),  # "and a half" adds a half, it is no second number
    ("18 and a half", 18.5),
    ("a couple of", 2),
    ("a pair of", 2),
    ("a pair", 2),
    ("half a million", 500_000),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "drones", "Thursday", "the coalition", "a lot of"])
def test_parse_number_without_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("word, value", [("forty", 40), ("twelve", 12), ("dozen", 12), ("1,200", 1200),
                                          ("seventy-two", 72), ("countries", None), ("twenty-dozen", None)])
def test_word_value(word, value):
    assert word_value(word) == value


@pytest.mark.parametrize("value, text", [
    (24, "24"),
    (1200, "1,200"),
    (112, "112"),
    (1.5, "1.5"),
    (21.9e9, "21.9 billion"),
    (3e6, "3 million"),
    (2.5e12, "2.5 trillion"),
])
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize("text", ["two dozen", "21.9 billion", "1,500", "3 million", "112"])
def test_round_trip(text):
    assert parse_number(format_number(parse_number(text))) == pytest.approx(parse_number(text))


@pytest.mark.parametrize("text, value", [
    ("\u00a346m", 46e6), ("$500bn", 5e11), ("\u20ac3.5bn", 3.5e9), ("\u00a31.2 million", 1.2e6), ("$86m", 86e6),
    ("3 000", 3000), ("1 250 000", 1_250_000), ("10k", 10_000), ("m", None), ("bn", None),
])
def test_parse_written_amounts(text, value):
    assert parse_number(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize("text, ends", [
    ("30 to 40", (30, 40)), ("30-40", (30, 40)), ("between 30 and 40", (30, 40)), ("3 to 4 million", (3e6, 4e6)),
    ("\u00a330m-\u00a340m", (30e6, 40e6)), ("two to three", (2, 3)),
    ("2-1", None), ("45-6", None), ("30", None), ("twenty-six", None), ("30 to many", None),
])
def test_parse_range(text, ends):
    assert parse_range(text) == ends


def test_number_words_come_from_the_lexicon():
    # one rule, one place (issue 10): every number word the lexicon knows is read with its value, and no other
    from studyaid.lexicon import NUMBER_WORDS, SCALE_WORDS

    for word, value in {**NUMBER_WORDS, **SCALE_WORDS}.items():
        assert word_value(word) == value, word
    assert word_value("eleventy") is None


@pytest.mark.parametrize("text, expected", [
    ("10Mbps", ("10", "Mbps")), ("3GHz", ("3", "GHz")), ("1.5km", ("1.5", "km")), ("60mph", ("60", "mph")),
    ("256MB", ("256", "MB")),
    ("46m", None), ("3.5bn", None),  # scales, not units
    ("3G", None), ("4K", None), ("7610", None), ("12abc", None),  # codes and model names
    ("9.85s", ("9.85", "s")), ("45s", ("45", "s")),  # seconds
    ("1990s", None), ("20s", None), ("1,000s", None),  # plurals of round numbers, not seconds
])
def test_glued_unit(text, expected):
    assert glued_unit(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("megapixel", True), ("gigabytes", True), ("GB", True), ("mph", True), ("kilometres", True), ("miles", True),
    ("in", False), ("m", False), ("camera", False), ("years", False), ("bn", False),
])
def test_is_unit_word(text, expected):
    assert is_unit_word(text) is expected


@pytest.mark.parametrize("text, value", [("10Mbps", 10), ("1.5km", 1.5), ("256MB", 256), ("46m", 46e6)])
def test_parse_number_with_a_glued_unit(text, value):
    assert parse_number(text) == pytest.approx(value)  # a glued unit is no number word; a glued scale is


@pytest.mark.parametrize("text, value", [
    ("a quarter", 0.25), ("half", 0.5), ("two thirds", 2 / 3), ("two-thirds", 2 / 3), ("one fifth", 0.2),
    ("three quarters", 0.75),
    # none: a plural after one, a singular after more, "half" after a numerator, a bare "quarter", no fraction
    ("two third", None), ("one quarters", None), ("one half", None), ("quarter", None), ("a dozen", None),
])
def test_parse_fraction(text, value):
    from studyaid.extract.numbers import parse_fraction

    assert parse_fraction(text) == (pytest.approx(value) if value is not None else None)
