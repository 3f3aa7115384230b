"""Dates as a student types them, read into their parts: "1 January 2028" = "January 1, 2028" =
"1 Jan 2028" = "Jan. 1st, 2028" = "the 1st of January 2028" = "2028-01-01"; "Sept 4" = "4 September";
"Feb 2022" = "February 2022"; "10-13 February" = "February 10 to 13" = "10/13 February"; "mid-2005" = "the middle of 2005".

:func:`read_date` gives a :class:`When` (year, month, day, last day of a range, weekday, part of the
period) or None when the text is not a date: every word must be a date word, each part written once.
:func:`same_date` compares two readings part by part, so a part missing or changed is wrong ("4" is no
date, "2022" is not "February 2022", "5 September" is not "4 September").
"""
from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from ..lexicon import MONTHS

_MONTH_ABBREVIATIONS = {name[:3]: n for name, n in MONTHS.items()} | {"sept": 9}
MONTH_WORDS = {**MONTHS, **_MONTH_ABBREVIATIONS}
_WEEKDAY_NAMES = [name.lower() for name in calendar.day_name]  # monday ... sunday
WEEKDAY_WORDS = {name: i for i, name in enumerate(_WEEKDAY_NAMES)} | {
    name[:3]: i for i, name in enumerate(_WEEKDAY_NAMES)} | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
# Parts of a period, however written: "early 2004" = "the beginning of 2004", "mid-2005" = "the middle of 2005".
PART_PHRASES = {
    "early": "early", "beginning": "early", "start": "early",
    "mid": "mid", "middle": "mid",
    "late": "late", "end": "late",
}
# Words that carry nothing in a date: "the 4th of September", "on 5 September", "Friday, 5 September".
_FILLERS = frozenset({"the", "of", "on", "in"})
_RANGE_JOINERS = frozenset({"-", "/", "to", "and", "until", "till", "through"})
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?|[a-z]+|[-/]")


@dataclass(frozen=True)
class When:
    """A date as its parts; a part not written is None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    last_day: int | None = None  # the end of a range of days: "10-13 February"
    weekday: int | None = None  # 0 = Monday
    part: str | None = None  # "early", "mid", "late"

    @property
    def full(self) -> bool:
        return None not in (self.year, self.month, self.day)


def month_first(text: str) -> bool:
    """Whether ``text`` writes the month before the day ("January 1, 2028", "Sept 4"): the order in which
    to read a numeric date such as "1/2/2028" given as an answer to it."""
    words = _TOKEN.findall(text.casefold())
    month = next((i for i, w in enumerate(words) if w.rstrip(".") in MONTH_WORDS), None)
    day = next((i for i, w in enumerate(words) if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", w)), None)
    return month is not None and day is not None and month < day


def read_date(text: str, month_first_numeric: bool = False) -> When | None:
    """The date written in ``text``, or None when ``text`` is not (only) a date.

    ``month_first_numeric`` reads an ambiguous numeric date ("1/2/2028") month first; a day past 12 is read
    where it must be whatever the order.
    """
    text = " ".join(text.casefold().replace("\u2013", "-").replace("\u2014", "-").split()).strip(" .,;:!?")
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), iso.group(3)
        return _valid(When(year=year, month=month, day=int(day) if day else None))
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric(int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3)), month_first_numeric)
    return _from_words(_TOKEN.findall(text.replace(".", " ").replace(",", " ")))


def _numeric(first: int, second: int, year: int, month_first_numeric: bool) -> When | None:
    if first > 12 >= second:
        month_first_numeric = False
    elif second > 12 >= first:
        month_first_numeric = True
    month, day = (first, second) if month_first_numeric else (second, first)
    return _valid(When(year=year, month=month, day=day))


def _from_words(words: list[str]) -> When | None:
    parts: dict[str, object] = {}
    days: list[int] = []
    joined = False  # a range joiner seen between two days
    for i, word in enumerate(words):
        if word in _FILLERS:
            continue
        if word == "-" and i > 0 and words[i - 1] in PART_PHRASES:
            continue  # "mid-2005"
        if word in _RANGE_JOINERS:
            if len(days) != 1 or joined or i + 1 == len(words):
                return None
            joined = True
            continue
        number = re.fullmatch(r"(\d{1,4})(st|nd|rd|th)?", word)
        if number:
            value = int(number.group(1))
            if len(number.group(1)) == 4 and not number.group(2) and 1000 <= value <= 2999:
                if "year" in parts:
                    return None
                parts["year"] = value
            elif len(number.group(1)) <= 2 and 1 <= value <= 31 and (not days or joined) and len(days) < 2:
                days.append(value)
            else:
                return None
            continue
        for key, table in (("month", MONTH_WORDS), ("weekday", WEEKDAY_WORDS), ("part", PART_PHRASES)):
            if word in table:
                if key in parts:
                    return None
                parts[key] = table[word]
                break
        else:
            return None
    if joined and len(days) != 2:
        return None
    when = When(year=parts.get("year"), month=parts.get("month"), day=days[0] if days else None,
                last_day=days[1] if len(days) == 2 else None, weekday=parts.get("weekday"), part=parts.get("part"))
    if when.day is not None and when.month is None:
        return None  # "4" or "4th" alone is a number, not a date
    if when.part is not None and (when.day is not None or (when.year is None and when.month is None)):
        return None  # "late 4 September", "early" alone
    if when == When():
        return None
    return _valid(when)


def _valid(when: When) -> When | None:
    """``when`` if its parts make a real date ("31 February" does not), else None."""
    if when.month is not None and not 1 <= when.month <= 12:
        return None
    if when.last_day is not None and (when.day is None or when.last_day <= when.day):
        return None
    for day in (when.day, when.last_day):
        if day is None:
            continue
        days_in_month = calendar.monthrange(when.year or 2000, when.month or 1)[1]  # 2000: 29 February is real
        if not 1 <= day <= days_in_month:
            return None
    return when


def weekday_of(when: When) -> int | None:
    """The weekday of a full date (0 = Monday), else None."""
    if not when.full or when.last_day is not None:
        return None
    return datetime.date(when.year, when.month, when.day).weekday()


def same_date(given: When, right: When) -> bool:
    """Whether ``given`` says the date ``right`` says: every part the same, none missing nor added.

    A weekday may be left out when the right date has a day, and may be added when it is that day's
    weekday (the right date written in full, or with that weekday).
    """
    if (given.year, given.month, given.day, given.last_day, given.part) != (
            right.year, right.month, right.day, right.last_day, right.part):
        return False
    if given.weekday is None:
        return right.weekday is None or right.day is not None
    return given.weekday in (right.weekday, weekday_of(right))
