"""The words of a date as written, and the date they name in ISO form.

A date fact's text is the date only. The parser's DATE spans often run past it: a period phrase
("the end of 2005", "the three months to September 2004"), a name after it ("10 January Rimdale"),
a dash and a comment ("29 March - just three days"), a number before it ("aged 73 in June 2004").
:func:`date_words` keeps the run of date words (day numbers next to a month, months, years, weekday
names) and what joins them ("22 and 23 June", "May 1, 2005", "1935-37"); :func:`range_tail` takes in
the second day of a range the parser left out ("June 24 and 25").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

YEAR = re.compile(r"^(mid-?)?(1[89]\d\d|20\d\d)$", re.I)
# Two years joined in one token: "2000/2001", "2003-04", "1935-37".
YEAR_SPAN = re.compile(r"^(1[89]\d\d|20\d\d)[-/\u2013](\d{2}|\d{4})$")
DAY = re.compile(r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?(/(0?[1-9]|[12]\d|3[01]))?$", re.I)
# Words that join the words of one date ("May 1, 2005", "4th of July") or the ends of a range of days or years.
JOINERS = frozenset({",", "-", "\u2013", "/", "and", "to", "or", "of", "mid", "mid-"})
RANGE_JOINERS = frozenset({"and", "to", "-", "\u2013", "/", "or"})
# The second day of a range of days written as a month's day: "June 24 and 25", "March 3-5".
_MONTH_DAYS = re.compile(r"^[A-Za-z]+\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?$")
# The years of "to_iso": any four-digit year from 1800 to 2099.
_YEAR_IN = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def to_iso(text: str, default_year: int | None = None) -> str | None:
    """"January 1, 2028" -> "2028-01-01"; "September 4" -> "--09-04"; "February 2022" -> "2022-02"."""
    low = text.lower()
    month = next((n for name, n in MONTHS.items() if re.search(rf"\b{name}\b", low)), None)
    year_m = _YEAR_IN.search(low)
    day_m = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!\d)", _YEAR_IN.sub("", low))
    year = int(year_m.group(1)) if year_m else default_year
    if month is None:
        return f"{year:04d}" if year_m else None
    day = int(day_m.group(1)) if day_m and 1 <= int(day_m.group(1)) <= 31 else None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else None
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def _kind(tok: "Token") -> str:
    low = tok.lower_
    if low in MONTHS:
        return "month"
    if YEAR.match(tok.text) or YEAR_SPAN.match(tok.text):
        return "year"
    if DAY.match(tok.text):
        return "day"
    if low in WEEKDAYS:
        return "weekday"
    if low in JOINERS:
        return "join"
    return ""


def date_words(span: "Span") -> "Span | None":
    """The date inside a DATE span, without the words around it: "the end of 2005" -> "2005";
    "the three months to September 2004" -> "September 2004"; "10 January Rimdale" -> "10 January";
    "aged 73 in June 2004" -> "June 2004". A day number counts only next to a month ("27 in 1971" ->
    "1971"); a year's short tail counts after the year and a dash ("the 2003-04 season" -> "2003-04").
    None when no month or year is in the span."""
    doc = span.doc
    kinds = [_kind(t) for t in span]
    for i, tok in enumerate(span):
        if tok.text.isdigit() and len(tok.text) in (1, 2, 4) and i >= 2 and kinds[i - 2] == "year" \
                and span[i - 1].text in ("-", "\u2013", "/"):
            kinds[i] = "year"  # "2003 - 04", "1935 - 37"
    runs: list[tuple[int, int]] = []
    start = None
    for i, kind in enumerate(kinds + [""]):
        if kind and start is None:
            start = i
        elif not kind and start is not None:
            runs.append((start, i))
            start = None
    for first, end in runs:
        if not any(k in ("month", "year") for k in kinds[first:end]):
            continue
        while first < end and (kinds[first] in ("join",) and span[first].lower_ not in ("mid", "mid-")
                               or kinds[first] == "day" and not _near_month(kinds, first, end)):
            first += 1
        while end > first and (kinds[end - 1] == "join"
                               or kinds[end - 1] == "day" and not _near_month(kinds, end - 1, end, first)):
            end -= 1
        if first < end:
            return doc[span.start + first: span.start + end]
    return None


def _near_month(kinds: list[str], i: int, end: int, first: int = 0) -> bool:
    """A day number is a date's day when a month is next to it, past other days and joiners
    ("22 and 23 June", "June 24, 2005")."""
    for step in (1, -1):
        j = i + step
        while first <= j < end and kinds[j] in ("day", "join"):
            j += step
        if first <= j < end and kinds[j] == "month":
            return True
    return False


def range_tail(words: "Span") -> "Span":
    """A month's day followed by the second day of a range the parser left out of the date: "June 24" in
    "on June 24 and 25 ..." -> "June 24 and 25". Only a later day of the same month counts."""
    m = _MONTH_DAYS.match(words.text)
    doc = words.doc
    if m is None or words[0].lower_ not in MONTHS or words.end + 1 >= len(doc):
        return words
    joiner, day = doc[words.end], doc[words.end + 1]
    if joiner.lower_ not in RANGE_JOINERS or not DAY.match(day.text) or day.i >= words.sent.end:
        return words
    if not int(m.group("first")) < int(re.sub(r"\D", "", day.text)) <= 31:
        return words
    after = doc[day.i + 1] if day.i + 1 < len(doc) else None
    if after is not None and after.lower_ in MONTHS or after.text == "%":
        return words  # "June 24 to 26 July" is another date
    return doc[words.start: day.i + 1]
