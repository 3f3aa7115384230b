"""Datelines and published dates in pasted news articles.

The patterns here recognise a dateline opening the first paragraph ("date 2025-09-05 VLADIVOSTOK —"),
a wire sign-off closing one ("— Agencies"), and a line that only states a date ("Updated 5 Sept
2025"); :func:`find_date` and :func:`parse_date` read the date an article states as an ISO date.
"""
from __future__ import annotations

import re
from datetime import datetime

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}})"

# whole lines that only state when the page was published or updated
DATED_NAV = re.compile(
    r"(?i)^(?:updated|published|posted|last updated|first published|modified)\b[\s:]*(?=.*\d).{0,60}$"
)
BARE_DATE = re.compile(
    rf"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?{DATE}(?:[\sT,|-]+\d{{1,2}}:\d{{2}}.*)?$"
)

# a dateline opening a paragraph, and a wire sign-off closing one
DATELINE = re.compile(
    r"(?:(?i:date)[:\s]+(?P<iso>\d{4}-\d{2}-\d{2})\s*)?"
    r"(?P<place>(?!(?:NATO|EU|UN|US|UK|USA)\b)[A-Z][A-Z'.-]{2,}(?:\s+[A-Z][A-Z'.-]+){0,2}"
    r"(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?)?\s*"
    r"(?P<agency>\((?:[A-Za-z/ ]{2,20})\)\s*)?(?:[\u2014\u2013]|--|(?<=\s)-)\s+"
)
SIGNOFF = re.compile(
    r"\s*(?:[\u2014\u2013]|--|\s-)\s*(?:Agencies|agencies|Reuters|AP|AFP|Bloomberg|dpa|Xinhua|PTI|IANS|"
    r"ANI|Wires|wire services|Staff)\.?\s*$|\s*\((?:Reuters|AP|AFP|dpa)\)\s*$"
)

_ISO_DATELINE = re.compile(r"(?i)\bdate[:\s]+(\d{4}-\d{2}-\d{2})\b")
_STAMP = re.compile(
    rf"(?im)^\s*(?:(?:published|updated|posted|first published|last updated)\b[\s:]*(?:on\s+)?)?"
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?({DATE})"
)


def find_date(text: str) -> str | None:
    """The ISO date a dateline or a "Published ..." line near the top states, if any."""
    head = text[:3000]
    for match in (_ISO_DATELINE.search(head), _STAMP.search(head)):
        if match and (parsed := parse_date(match.group(1))):
            return parsed
    return None


def parse_date(value: str) -> str | None:
    """``value`` ("2025-09-05", "5 September 2025", "Sept. 5, 2025") as an ISO date, or None."""
    value = re.sub(r"(?i)\bsept\b", "Sep", value.replace(".", "").replace(",", " "))
    value = " ".join(value.split())
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


__all__ = ["BARE_DATE", "DATE", "DATED_NAV", "DATELINE", "MONTH", "SIGNOFF", "find_date", "parse_date"]
