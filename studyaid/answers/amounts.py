"""Amounts as a student types them, read into a value, a unit and the other words: "21.9 billion euros" =
"€21.9bn" = "EUR 21.9 billion" = "21,900,000,000 euros"; "3 000" = "3,000" = "three thousand";
"twenty-six" = "26"; "three and a half" = "3.5"; "half a million" = "500,000"; "a pair of" = "2";
"10%" = "10 per cent"; "20Mbps" = "20 megabits per second"; "the 1980's" = "the 1980s".

:func:`read_amount` gives an :class:`Amount` or None when the text holds no number or several (a range,
"84 out of 112"). :func:`same_amount` compares two readings: the same value (so a number without its
scale, "21.9" for "21.9 billion", is wrong), the same unit (a unit may be left out only where the
question's hint already names what is asked), the same other words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.numbers import SCALES, TENS, UNITS, combine, word_value
from ..text import fold

# Units as written -> what they may mean (a set: "pounds" is money or weight). Plurals are read by
# dropping a final "s" when the singular is listed.
_CURRENCIES = {
    "\u00a3": {"GBP"}, "gbp": {"GBP"}, "sterling": {"GBP"}, "pound": {"GBP", "lb"},
    "$": {"USD"}, "usd": {"USD"}, "dollar": {"USD"},
    "\u20ac": {"EUR"}, "eur": {"EUR"}, "euro": {"EUR"},
    "\u00a5": {"JPY"}, "yen": {"JPY"}, "jpy": {"JPY"},
    "p": {"pence"}, "pence": {"pence"}, "penny": {"pence"},
}
_MEASURES = {
    "percent": {"%"}, "%": {"%"}, "pc": {"%"},
    "km": {"km"}, "kilometre": {"km"}, "kilometer": {"km"}, "cm": {"cm"}, "centimetre": {"cm"},
    "centimeter": {"cm"}, "mm": {"mm"}, "millimetre": {"mm"}, "millimeter": {"mm"}, "metre": {"metre"},
    "meter": {"metre"}, "mile": {"mile"}, "yard": {"yard"}, "ft": {"foot"}, "foot": {"foot"}, "feet": {"foot"},
    "inch": {"inch"}, "inche": {"inch"}, "kg": {"kg"}, "kilogram": {"kg"}, "kilo": {"kg"}, "g": {"gram"},
    "gram": {"gram"}, "lb": {"lb"}, "oz": {"ounce"}, "ounce": {"ounce"}, "tonne": {"tonne"}, "ton": {"tonne"},
    "stone": {"stone"}, "litre": {"litre"}, "liter": {"litre"}, "gallon": {"gallon"},
    "mph": {"mph"}, "kph": {"kph"}, "kmh": {"kph"},
    "gb": {"gigabyte"}, "gigabyte": {"gigabyte"}, "mb": {"megabyte"}, "megabyte": {"megabyte"},
    "kb": {"kilobyte"}, "kilobyte": {"kilobyte"}, "tb": {"terabyte"}, "terabyte": {"terabyte"},
    "mbps": {"mbps"}, "kbps": {"kbps"}, "gbps": {"gbps"}, "megapixel": {"megapixel"}, "pixel": {"pixel"},
    "ghz": {"gigahertz"}, "gigahertz": {"gigahertz"}, "mhz": {"megahertz"}, "megahertz": {"megahertz"},
    "hertz": {"hertz"}, "mw": {"megawatt"}, "megawatt": {"megawatt"}, "kw": {"kilowatt"}, "kilowatt": {"kilowatt"},
    "kwh": {"kwh"}, "watt": {"watt"}, "volt": {"volt"}, "acre": {"acre"}, "hectare": {"hectare"},
    "degree": {"degree"}, "knot": {"knot"},
    "sec": {"second"}, "second": {"second"}, "min": {"minute"}, "minute": {"minute"},
    "hr": {"hour"}, "hour": {"hour"}, "day": {"day"}, "week": {"week"}, "fortnight": {"fortnight"},
    "month": {"month"}, "year": {"year"}, "decade": {"decade"}, "century": {"century"}, "centurie": {"century"},
}
UNIT_WORDS = {**_CURRENCIES, **_MEASURES}
CURRENCY_UNITS = frozenset({"GBP", "USD", "EUR", "JPY", "pence"})
# Units written in several words, read as one before the words are split.
_UNIT_PHRASES = [
    (re.compile(r"\bper\s*cent\b"), " percent "),
    (re.compile(r"\bpercentage points?\b"), " percentagepoint "),
    (re.compile(r"\bmiles? (?:per|an|a) hour\b"), " mph "),
    (re.compile(r"\b(?:kilomet(?:re|er)s?|km) (?:per|an|a) hour\b"), " kph "),
    (re.compile(r"\bmegabits? (?:per|a) second\b"), " mbps "),
    (re.compile(r"\bkilobits? (?:per|a) second\b"), " kbps "),
    (re.compile(r"\bgigabits? (?:per|a) second\b"), " gbps "),
    (re.compile(r"\bpounds? sterling\b"), " gbp "),
    (re.compile(r"\bus ?(?:\$|dollars?)"), " usd "),
]
# Words of an amount that say it is approximate: a student may leave them out ("30" for "around 30"),
# never add them.
APPROXIMATE = frozenset({"about", "around", "some", "roughly", "approximately", "nearly", "almost", "estimated",
                         "approx", "circa", "c"})
PAIRS = frozenset({"pair", "couple"})  # "a pair of", "a couple of": two
SUFFIX_SCALES = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "b": "billion",
                 "tn": "trillion", "trn": "trillion"}
_NUMBER_WORDS = (set(UNITS) | set(TENS) | set(SCALES)) - {"a", "an", "m", "k"}
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?![\d.,]*\d)")
_COMMA_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_GLUED = re.compile(r"(\d(?:\.\d+)?)([a-z]+)\b")
_SPACED_SCALE = re.compile(r"(\d) (k|m|mn|bn|b|tn|trn)\b")
_AND_A_HALF = re.compile(r"(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?) and a half\b")
_HALF_A = re.compile(r"\bhalf an? (" + "|".join(w for w in SCALES if len(w) > 2) + r")\b")
_SIGNS = "\u00a3$\u20ac\u00a5%"
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:-[^\W\d_]+)*|[" + _SIGNS + "]")


@dataclass(frozen=True)
class Amount:
    """A number with its unit (each unit it may mean) and the other words written with it."""

    value: float
    units: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()


def _halves(text: str) -> str:
    """"three and a half" -> "3.5", "one and a half million" -> "1.5 million", "half a million" -> "0.5 million"."""
    def plus_half(match: re.Match) -> str:
        value = word_value(match.group(1))
        return match.group(0) if value is None or match.group(1) in SCALES else f"{value + 0.5:g}"
    text = _AND_A_HALF.sub(plus_half, text)
    return _HALF_A.sub(lambda m: f"0.5 {m.group(1)}", text)


def _prepare(text: str) -> list[str]:
    text = fold(text)
    text = re.sub(r"(?<=\d)'s\b", "s", text)  # "the 1980's" is a decade
    text = re.sub(r"'s\b", "", text)  # possessives
    text = _halves(text)
    text = _SPACED_THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)
    text = _COMMA_THOUSANDS.sub("", text)
    for pattern, replacement in _UNIT_PHRASES:
        text = pattern.sub(replacement, text)
    text = _SPACED_SCALE.sub(lambda m: f"{m.group(1)}{m.group(2)}", text)
    text = _GLUED.sub(lambda m: f"{m.group(1)} {SUFFIX_SCALES.get(m.group(2), m.group(2))}", text)
    return _TOKEN.findall(text)


def _unit(word: str) -> set[str] | None:
    if word in UNIT_WORDS:
        return UNIT_WORDS[word]
    if word.endswith("s") and word[:-1] in UNIT_WORDS and len(word) > 2:
        return UNIT_WORDS[word[:-1]]
    if word == "percentagepoint":
        return {"percentage point"}
    return None


def _is_number(word: str, following: str | None) -> bool:
    if word[0].isdigit() or word in _NUMBER_WORDS:
        return True
    if word in ("a", "an"):  # "a million", "a dozen", "a pair of"
        return following in SCALES or following in PAIRS
    if word in PAIRS:
        return True
    return "-" in word and word_value(word) is not None


def read_amount(text: str) -> Amount | None:
    """The amount written in ``text``, or None without exactly one number (words and scales included)."""
    words = [w for w in _prepare(text) if w != "and"]
    flags = [_is_number(w, words[i + 1] if i + 1 < len(words) else None) for i, w in enumerate(words)]
    positions = [i for i, flag in enumerate(flags) if flag]
    if not positions or positions[-1] - positions[0] + 1 != len(positions):
        return None  # no number, or numbers apart ("84 out of 112")
    numbers = [words[i] for i in positions]
    numbers = [w for j, w in enumerate(numbers) if w not in ("a", "an") or numbers[j + 1] not in PAIRS]
    numbers = ["two" if w in PAIRS else "one" if w in ("a", "an") else w for w in numbers]
    if numbers[0] in SCALES:
        return None  # "million" alone
    digits = [w for w in numbers if w[0].isdigit()]
    if digits and (len(digits) > 1 or numbers[0] != digits[0]
                   or any(w not in SCALES for w in numbers if not w[0].isdigit())):
        return None  # "1 2028", "3 two", "twenty 6": not one number
    if any(word_value(w) is None for w in numbers):
        return None
    units: set[str] = set()
    rest: set[str] = set()
    for word in (w for i, w in enumerate(words) if not flags[i]):
        unit = _unit(word)
        if unit is not None and not units:
            units = set(unit)
        elif word not in ("the", "of", "a", "an"):
            rest.add(word)
    return Amount(value=combine(numbers), units=frozenset(units), words=frozenset(rest))


def same_amount(given: Amount, right: Amount, unit_optional: bool = False) -> bool:
    """Whether ``given`` is the amount ``right``: the same value, a unit it may mean, the same other words.

    With ``unit_optional`` (the question's hint names what is asked: a number, a percentage) the unit
    may be left out; a different unit is always wrong. Words that make ``right`` approximate may be
    left out.
    """
    if abs(given.value - right.value) > 1e-9 * max(1.0, abs(right.value)):
        return False
    if given.units or right.units:
        if not given.units:
            if not unit_optional:
                return False
        elif not given.units & right.units:
            return False
    return right.words - APPROXIMATE <= given.words <= right.words
