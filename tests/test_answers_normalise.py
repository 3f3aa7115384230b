"""The answer normaliser: every common spelling of a date, an amount or a name is right; part of an
answer, a changed value or a different unit is wrong (table-driven: given, right, hint, expected)."""
from __future__ import annotations

import pytest

from studyaid.answers import read, same_answer
from studyaid.answers.amounts import Amount, read_amount
from studyaid.answers.dates import When, month_first, read_date

CASES = [
    # --- amounts with units and scales -------------------------------------------------------------
    ("21.9 billion euros", "€21.9bn", "amount", True),
    ("€21.9bn", "21.9 billion euros", "amount", True),
    ("21,900,000,000 euros", "€21.9bn", "amount", True),
    ("EUR 21.9 billion", "€21.9bn", "amount", True),
    ("21.9 bn euro", "€21.9bn", "amount", True),
    ("€ 21.9 billion", "21.9 billion euros", "amount", True),
    ("21.9", "21.9 billion euros", "amount", False),  # the scale left out
    ("21.9", "€21.9bn", "number", False),  # even where the hint names a number
    ("€21.9m", "€21.9bn", "amount", False),  # a different scale
    ("21.9 billion dollars", "21.9 billion euros", "amount", False),  # a different unit
    ("$21.9bn", "€21.9bn", "amount", False),
    ("21.9 billion", "21.9 billion euros", "amount", False),  # money without its currency
    ("21.9 billion", "21.9 billion euros", "number", True),  # the hint asks for a number
    ("21.8 billion euros", "21.9 billion euros", "amount", False),
    ("£2.2m", "2.2 million pounds", "amount", True),
    ("2,200,000 pounds sterling", "£2.2m", "amount", True),
    ("£2.2m", "$2.2m", "amount", False),
    ("US$5m", "$5m", "amount", True),
    ("5 million dollars", "$5m", "amount", True),
    ("5 million", "$5m", "amount", False),
    ("70 pence", "70p", "amount", True),
    ("70", "70p", "amount", False),
    ("3 000", "3,000", "number", True),
    ("3000", "3 000", "number", True),
    ("three thousand", "3,000", "number", True),
    ("30,000", "3,000", "number", False),
    ("300", "3 000", "number", False),
    ("twenty-six", "26", "number", True),
    ("26", "twenty-six", "number", True),
    ("Twenty Six", "26", "number", True),
    ("two dozen", "24", "number", True),
    ("24", "two dozen", "number", True),
    ("a million", "1,000,000", "number", True),
    ("one hundred and twenty", "120", "number", True),
    ("3.5", "three and a half", "number", True),
    ("three and a half", "3.5", "number", True),
    ("3", "three and a half", "number", False),
    ("1,500,000", "one and a half million", "number", True),
    ("half a million", "500,000", "number", True),
    ("2", "a pair of", "number", True),
    ("a couple", "two", "number", True),
    ("3", "a pair of", "number", False),
    ("the 1980's", "1980s", "number", True),
    ("1980", "1980s", "number", False),
    ("25", "twenty-six", "number", False),
    ("26 allies", "26", "number", False),  # a word the answer does not have
    ("26 European states", "26", "number", False),
    ("30", "around 30", "number", True),  # "around" may be left out ...
    ("about 30", "30", "number", False),  # ... never added
    ("10 per cent", "10%", "percentage", True),
    ("ten percent", "10%", "percentage", True),
    ("10", "10%", "percentage", True),  # the hint names the unit
    ("10", "10%", "amount", False),
    ("10%", "10", "number", False),  # a unit the answer does not have
    ("11%", "10%", "percentage", False),
    ("10 percentage points", "10%", "percentage", False),
    ("20 megabits per second", "20Mbps", "amount", True),
    ("20 mbps", "20Mbps", None, True),
    ("20 GB", "20Mbps", "number", False),  # a wrong unit is wrong even where it may be left out
    ("20", "20Mbps", "number", True),
    ("20", "20Mbps", None, False),
    ("12 miles", "12 km", None, False),
    ("12 kilometres", "12 km", None, True),
    ("11", "Apollo 11", None, False),  # half a name with a number in it
    ("1990", "the 1990s", None, False),
    # --- dates in any common order and abbreviation --------------------------------------------------
    ("1 January 2028", "January 1, 2028", "date", True),
    ("January 1, 2028", "1 January 2028", "date", True),
    ("1 Jan 2028", "January 1, 2028", "date", True),
    ("Jan. 1st, 2028", "January 1, 2028", "date", True),
    ("the 1st of January 2028", "January 1, 2028", "date", True),
    ("2028-01-01", "January 1, 2028", "date", True),
    ("01/01/2028", "January 1, 2028", "date", True),
    ("january 1 2028", "January 1, 2028", "date", True),
    ("January 1, 2027", "January 1, 2028", "date", False),  # a changed year
    ("January 2, 2028", "January 1, 2028", "date", False),
    ("1 February 2028", "January 1, 2028", "date", False),
    ("2028-01-02", "January 1, 2028", "date", False),
    ("January 2028", "January 1, 2028", "date", False),  # the day left out
    ("2028", "January 1, 2028", "date", False),
    ("January 1", "January 1, 2028", "date", False),  # the year left out
    ("Sept 4", "September 4", "date", True),
    ("4 September", "September 4", "date", True),
    ("4th Sep", "September 4", "date", True),
    ("4", "September 4", "date", False),  # a day without its month
    ("4th", "September 4", "date", False),
    ("September", "September 4", "date", False),
    ("5 September", "September 4", "date", False),
    ("4 October", "September 4", "date", False),
    ("4 September 2025", "September 4", "date", False),  # a year the answer does not give
    ("Feb 2022", "February 2022", "date", True),
    ("february, 2022", "February 2022", "date", True),
    ("2022-02", "February 2022", "date", True),
    ("2022", "February 2022", "date", False),  # a year without its month
    ("February", "February 2022", "date", False),
    ("March 2022", "February 2022", "date", False),
    ("February 2021", "February 2022", "date", False),
    ("13 February", "10-13 February", "date", False),  # one end of a range
    ("February 10 to 13", "10-13 February", "date", True),
    ("10–13 Feb", "10-13 February", "date", True),
    ("10-12 February", "10-13 February", "date", False),
    ("19/20 February", "19-20 February", "date", True),
    ("20 February", "19/20 February", "date", False),
    ("the middle of 2005", "mid-2005", "date", True),
    ("mid 2005", "mid-2005", "date", True),
    ("late 2005", "mid-2005", "date", False),
    ("2005", "mid-2005", "date", False),
    ("the end of 2003", "late 2003", "date", True),
    ("1949", "1949", "date", True),
    ("1948", "1949", "date", False),
    ("5 September", "Friday 5 September", "date", True),  # the weekday may be left out
    ("Friday", "Friday 5 September", "date", False),
    ("Thursday 1 January 2026", "1 January 2026", "date", True),  # its true weekday may be added
    ("Friday 1 January 2026", "1 January 2026", "date", False),  # a wrong one may not
    ("31 February", "February", "date", False),
    # --- names: case, accents, articles, courtesy titles, one slip in a long word ----------------------
    ("Eastern Economic Forum", "the Eastern Economic Forum", "place", True),
    ("Economic Forum", "the Eastern Economic Forum", "place", False),
    ("cafe muller", "Café Müller", "place", True),
    ("Ardmoorre", "Ardmoore", "city", True),  # one slip in a long word
    ("Ardmoare", "Ardmoore", "city", True),
    ("Ardmre", "Ardmoore", "city", False),  # two slips
    ("Kiev", "Kyiv", "city", False),  # short: no slip
    ("Anne Marie Duval", "Anne-Marie Duval", "person", True),  # a hyphen as a space ...
    ("Ane Marie Duval", "Anne-Marie Duval", "person", True),  # ... leaves the one slip
    ("Ane Marie Duvall", "Anne-Marie Duval", "person", False),
    ("Mr Halloran", "Halloran", "person", True),
    ("Ms Okafor", "Ruth Okafor", "person", False),  # a title does not make a surname the full name
    ("Mrs", "Halloran", "person", False),
    ("May", "May", "person", True),  # a surname that is also a month
    ("Theresa May", "May", "person", False),
    ("Piet Ten Kate", "Piet Ten Cate", "person", True),  # a number word inside a name: still a name
    ("Piet 10 Cate", "Piet Ten Cate", "person", False),
    ("Seven Oakes", "Seven Oaks", "city", True),
    ("", "Halloran", "person", False),
    ("   ", "26", "number", False),
    ("?!", "January 1, 2028", "date", False),
    ("9" * 5000, "January 1, 2028", "date", False),  # far too long: wrong, never an error
    ("1 " * 500, "21.9 billion euros", "amount", False),
    ("4 " + "September " * 100, "September 4", "date", False),
]


@pytest.mark.parametrize("given, right, hint, expected", CASES, ids=[f"{c[1]}<-{c[0][:40]!r}:{c[2]}" for c in CASES])
def test_same_answer(given, right, hint, expected):
    assert same_answer(given, right, hint) is expected


READ_DATES = [
    ("1 January 2028", When(2028, 1, 1)),
    ("Sept 4", When(None, 9, 4)),
    ("mid-2005", When(2005, part="mid")),
    ("16-28 November", When(None, 11, 16, 28)),
    ("June 24 and 25", When(None, 6, 24, 25)),
    ("Friday, 5 September", When(None, 9, 5, weekday=4)),
    ("4", None),
    ("Theresa May", None),
    ("31 April 2020", None),
    ("29 February 2023", None),
    ("29 February 2024", When(2024, 2, 29)),
    ("28-16 November", None),  # a range must rise
    ("5 6 September", None),
    ("2005 2006", None),
]


@pytest.mark.parametrize("text, expected", READ_DATES, ids=[c[0] for c in READ_DATES])
def test_read_date(text, expected):
    assert read_date(text) == expected


def test_numeric_dates_are_read_in_the_right_answers_order():
    assert month_first("January 2, 2028") and not month_first("2 January 2028")
    assert read_date("1/2/2028", month_first_numeric=True) == When(2028, 1, 2)
    assert read_date("1/2/2028") == When(2028, 2, 1)
    assert read_date("13/2/2028", month_first_numeric=True) == When(2028, 2, 13)  # 13 can only be a day
    assert same_answer("1/2/2028", "January 2, 2028", "date")
    assert not same_answer("1/2/2028", "2 January 2028", "date")


READ_AMOUNTS = [
    ("€21.9bn", Amount(21.9e9, frozenset({"EUR"}))),
    ("3 000", Amount(3000.0)),
    ("two dozen", Amount(24.0)),
    ("2.2 million pounds", Amount(2.2e6, frozenset({"GBP", "lb"}))),
    ("26 allies", Amount(26.0, words=frozenset({"allies"}))),
    ("84 out of 112", None),  # two numbers
    ("30 to 40", None),
    ("million", None),
    ("no figure at all", None),
]


@pytest.mark.parametrize("text, expected", READ_AMOUNTS, ids=[c[0] for c in READ_AMOUNTS])
def test_read_amount(text, expected):
    got = read_amount(text)
    if expected is None:
        assert got is None
    else:
        assert got is not None and got.units == expected.units and got.words == expected.words
        assert got.value == pytest.approx(expected.value)


def test_a_month_alone_is_a_date_only_when_a_date_is_asked():
    assert read("May", "date") == When(month=5)
    assert read("May", "person") == ("may",)
    assert read("1949", "date") == When(1949)
    assert isinstance(read("1949", "number"), Amount)
    assert read("Piet Ten Cate", "person") == ("piet", "ten", "cate")
    assert isinstance(read("twenty", None), Amount)
