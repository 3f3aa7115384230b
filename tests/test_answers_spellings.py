"""Property-based tests of the answer normaliser (Hypothesis): for a generated amount or date, every
spelling of the same value is accepted for every other one, and a spelling of a changed value, scale,
unit, day, month or year, or of part of the answer, is rejected."""
from __future__ import annotations

import calendar
import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyaid.answers import same_answer

SETTINGS = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# --- amounts --------------------------------------------------------------------------------------------
SCALES = {1: ("", "", ""), 1_000: ("thousand", "k", "000"), 1_000_000: ("million", "m", "000000"),
          1_000_000_000: ("billion", "bn", "000000000")}
CURRENCIES = {  # code: (sign, words as written after the number)
    "GBP": ("£", ["pounds", "pounds sterling", "GBP"]),
    "USD": ("$", ["dollars", "US dollars", "USD"]),
    "EUR": ("€", ["euros", "EUR", "euro"]),
    None: ("", [""]),
}
_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """1-99 in words, as a reader writes them: "seven", "twenty-six", "forty"."""
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")


def mantissa_text(m: Decimal) -> str:
    return format(m.normalize(), "f")


def amount_spellings(m: Decimal, scale: int, currency: str | None) -> list[str]:
    """Ways to write ``m`` times ``scale`` in ``currency``."""
    word, suffix, _ = SCALES[scale]
    sign, names = CURRENCIES[currency]
    number = mantissa_text(m)
    scaled = f"{number} {word}".strip()
    spellings = [f"{scaled} {name}".strip() for name in names]
    spellings.append(f"{sign}{number}{suffix}")
    if currency:
        spellings += [f"{currency} {scaled}", f"{sign} {scaled}", f"{number}{suffix} {names[0]}".strip()]
    value = m * scale
    if value == value.to_integral_value():
        whole = int(value)
        spellings += [f"{whole:,} {names[0]}".strip(), f"{sign}{whole:,}", f"{whole:,}".replace(",", " ")
                      + (f" {names[0]}" if currency else "")]
    if m == m.to_integral_value() and 1 <= m < 100:
        spellings.append(" ".join(f"{number_words(int(m))} {word} {names[0]}".split()))
    return spellings


MANTISSAS = st.integers(min_value=10, max_value=9_999).map(lambda n: Decimal(n) / 10)
AMOUNTS = st.tuples(MANTISSAS, st.sampled_from(sorted(SCALES)), st.sampled_from(["GBP", "USD", "EUR", None]))


def hint_for(currency: str | None) -> str:
    return "amount" if currency else "number"


@SETTINGS
@given(AMOUNTS, st.data())
def test_every_spelling_of_an_amount_is_accepted(amount, data):
    m, scale, currency = amount
    spellings = amount_spellings(m, scale, currency)
    right = data.draw(st.sampled_from(spellings), label="right")
    typed = data.draw(st.sampled_from(spellings), label="typed")
    assert same_answer(typed, right, hint_for(currency)), (typed, right)


@st.composite
def changed_amounts(draw):
    """An amount and another that differs in its value, its scale or its currency, or has no scale, or (money)
    no currency."""
    m, scale, currency = draw(AMOUNTS)
    change = draw(st.sampled_from(["value", "scale", "currency", "drop scale", "drop currency"]))
    other_m, other_scale, other_currency = m, scale, currency
    if change == "value":
        other_m = m + draw(st.sampled_from([Decimal("0.1"), Decimal(1), Decimal(10), Decimal("-0.1"), Decimal(-1)]))
        if other_m <= 0:
            other_m = m * 2
    elif change == "scale":
        other_scale = draw(st.sampled_from([s for s in SCALES if s != scale]))
    elif change == "currency":
        currency = currency or "GBP"
        other_currency = draw(st.sampled_from([c for c in ("GBP", "USD", "EUR") if c != currency]))
    elif change == "drop scale":
        scale = draw(st.sampled_from([s for s in SCALES if s > 1]))
        other_scale = 1
    else:
        currency = currency or "EUR"
        other_currency = None
    return (m, scale, currency), (other_m, other_scale, other_currency)


@SETTINGS
@given(changed_amounts(), st.data())
def test_a_changed_amount_is_rejected(pair, data):
    (m, scale, currency), (other_m, other_scale, other_currency) = pair
    right = data.draw(st.sampled_from(amount_spellings(m, scale, currency)), label="right")
    typed = data.draw(st.sampled_from(amount_spellings(other_m, other_scale, other_currency)), label="typed")
    assert not same_answer(typed, right, hint_for(currency)), (typed, right)


# --- dates ----------------------------------------------------------------------------------------------
def month_names(month: int) -> list[str]:
    name = calendar.month_name[month]
    short = "Sept" if month == 9 else name[:3]
    return [name, name.lower(), short, f"{short}."] if short != name else [name, name.lower()]


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_spellings(date: datetime.date, shape: str, month_first: bool | None = None) -> list[str]:
    """Ways to write ``date`` with the parts of ``shape``: "dmy" (1 January 2028), "dm" (Sept 4), "my"
    (Feb 2022). A numeric spelling is written month first when ``month_first``, day first when not, and
    left out when None."""
    d, y = date.day, date.year
    out: list[str] = []
    for month in month_names(date.month):
        if shape == "dmy":
            out += [f"{d} {month} {y}", f"{month} {d}, {y}", f"{month} {d} {y}", f"{ordinal(d)} {month} {y}",
                    f"the {ordinal(d)} of {month}, {y}", f"{month} {ordinal(d)}, {y}",
                    f"{calendar.day_name[date.weekday()]} {d} {month} {y}"]
        elif shape == "dm":
            out += [f"{d} {month}", f"{month} {d}", f"{ordinal(d)} {month}", f"the {ordinal(d)} of {month}",
                    f"{month} {ordinal(d)}"]
        else:
            out += [f"{month} {y}", f"{month}, {y}"]
    if shape == "dmy":
        out.append(f"{y:04d}-{date.month:02d}-{d:02d}")
        if month_first is not None:
            first, second = (date.month, d) if month_first else (d, date.month)
            out += [f"{first}/{second}/{y}", f"{first:02d}/{second:02d}/{y}"]
    elif shape == "my":
        out.append(f"{y:04d}-{date.month:02d}")
    return out


def is_month_first(spelling: str) -> bool:
    return spelling[:1].isalpha() and not spelling.lower().startswith(("the", *[n.lower() for n in calendar.day_name]))


DATES = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31))
SHAPES = st.sampled_from(["dmy", "dm", "my"])


@SETTINGS
@given(DATES, SHAPES, st.data())
def test_every_spelling_of_a_date_is_accepted(date, shape, data):
    right = data.draw(st.sampled_from(date_spellings(date, shape)), label="right")
    typed = data.draw(st.sampled_from(date_spellings(date, shape, is_month_first(right))), label="typed")
    assert same_answer(typed, right, "date"), (typed, right)


@st.composite
def changed_dates(draw):
    """A date, its shape and a spelling of something else: another day, month or year, or only part of it."""
    date, shape = draw(DATES), draw(SHAPES)
    options = {"dmy": ["day", "month", "year", "no day", "no year", "year only"],
               "dm": ["day", "month", "day only", "year added"], "my": ["month", "year", "year only"]}[shape]
    change = draw(st.sampled_from(options))
    other, other_shape = date, shape
    if change in ("day", "month", "year"):
        other = draw(DATES.filter(lambda o: getattr(o, change) != getattr(date, change)))
        other = _keep(date, other, change, shape)
        if other is None:
            other = date.replace(year=date.year + 1 if date.year < 2099 else date.year - 1) if change == "year" \
                else date + datetime.timedelta(days=1 if change == "day" else 31)
    elif change == "no day":
        other_shape = "my"
    elif change == "no year":
        other_shape = "dm"
    elif change == "year added":
        other_shape = "dmy"
    if change in ("year only", "day only"):
        return date, shape, ["%d" % (date.year if change == "year only" else date.day)] + (
            [ordinal(date.day)] if change == "day only" else [])
    return date, shape, date_spellings(other, other_shape, None)


def _keep(date: datetime.date, other: datetime.date, change: str, shape: str) -> datetime.date | None:
    """``date`` with only its ``change`` part taken from ``other`` (None if that makes no real date)."""
    parts = {"year": date.year, "month": date.month, "day": date.day, change: getattr(other, change)}
    try:
        return datetime.date(parts["year"], parts["month"], parts["day"])
    except ValueError:
        return None


@SETTINGS
@given(changed_dates(), st.data())
def test_a_changed_or_partial_date_is_rejected(case, data):
    date, shape, typed_spellings = case
    right = data.draw(st.sampled_from(date_spellings(date, shape)), label="right")
    typed = data.draw(st.sampled_from(typed_spellings), label="typed")
    assert not same_answer(typed, right, "date"), (typed, right)


@SETTINGS
@given(DATES, st.data())
def test_a_numeric_date_is_read_in_the_order_the_right_answer_writes(date, data):
    right = data.draw(st.sampled_from(date_spellings(date, "dmy")), label="right")
    month_first = is_month_first(right)
    first, second = (date.month, date.day) if month_first else (date.day, date.month)
    assert same_answer(f"{first}/{second}/{date.year}", right, "date")
    if date.day != date.month and date.day <= 12:  # the other order reads another date
        assert not same_answer(f"{second}/{first}/{date.year}", right, "date")
