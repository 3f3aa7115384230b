"""Numbers as written to numbers as values: "two dozen" = 24, "21.9 billion" = 2.19e10, "1,200" = 1200,
"3 000" = 3000, "\u00a346m" = 4.6e7, "$500bn" = 5e11; ranges ("30 to 40", "30-40") keep both ends."""
from __future__ import annotations

import re

from ..lexicon import NUMBER_WORDS, SCALE_WORDS

# one to nineteen (and "a"/"an" as one: "a dozen"), and the tens, from the lexicon's number words
UNITS = {**{w: v for w, v in NUMBER_WORDS.items() if v < 20}, "a": 1, "an": 1}
TENS = {w: v for w, v in NUMBER_WORDS.items() if v >= 20}
SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}
SCALES = {**SCALE_WORDS, **{k: v for k, v in SUFFIX_SCALES.items() if k != "tn"}}
CURRENCY_SIGNS = {"\u00a3": "pounds", "$": "dollars", "\u20ac": "euros", "US$": "dollars"}  # "US$100,000": one sign
# a numeral with a scale suffix, as one token or two: "46m", "3.5bn", "500bn"
SUFFIXED = re.compile(r"(\d[\d,]*(?:\.\d+)?)(k|m|bn|tn)(?![a-z])", re.IGNORECASE)
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?![\d.,]*\d)")
_RANGE = re.compile(
    r"^(?:between\s+)?(?P<low>[^\s\-\u2013]+(?:\s+\S+)*?)\s*(?:-|\u2013|\s+to\s+|\s+and\s+|\s+or\s+)\s*(?P<high>\S+(?:\s+\S+)*)$",
    re.IGNORECASE,
)
# Units written glued to a numeral ("10km", "3,000m", "70p", "22secs", "40GB"); any other letters glued to
# a numeral make a code or model name ("3G", "4K"). One letter counts only in lower case ("G" is no gram).
GLUED_UNITS = frozenset({
    "m", "g", "p", "s", "k", "km", "cm", "mm", "kg", "mg", "ft", "in", "lb", "lbs", "oz", "mph", "kph", "kmh",
    "sec", "secs", "min", "mins", "hr", "hrs", "bn", "tn", "gb", "mb", "kb", "tb", "ghz", "mhz", "mbps", "kbps",
    "gbps", "mw", "kw", "kwh",
})
# Units of measure written as words, singular ("a two megapixel camera", "four gigabytes", "20 miles"): what
# a number before them measures is the unit (and what follows "of": "four gigabytes of music").
MEASURE_WORDS = frozenset({
    "megapixel", "pixel", "gigabyte", "megabyte", "kilobyte", "terabyte", "gigabit", "megabit", "kilobit",
    "gigahertz", "megahertz", "hertz", "kilometre", "kilometer", "metre", "meter", "centimetre", "centimeter",
    "millimetre", "millimeter", "mile", "yard", "foot", "feet", "inch", "kilogram", "kilo", "gram", "tonne", "ton",
    "ounce", "stone", "litre", "liter", "gallon", "watt", "kilowatt", "megawatt", "volt", "acre", "hectare",
    "degree", "knot",
})
# a numeral with a unit glued to it as one token: "10Mbps", "3GHz", "1.5km" (the unit in GLUED_UNITS)
_GLUED = re.compile(r"(\d[\d,]*(?:\.\d+)?)([a-z]+)", re.IGNORECASE)


def glued_unit(text: str) -> tuple[str, str] | None:
    """A numeral and the unit glued to it, as written: "10Mbps" -> ("10", "Mbps"); not a scale ("46m") nor
    a code ("3G": one capital letter is no unit)."""
    match = _GLUED.fullmatch(text)
    if match is None or SUFFIXED.fullmatch(text):
        return None
    unit = match.group(2)
    if unit.lower() not in GLUED_UNITS or len(unit) == 1 and not unit.islower():
        return None
    if unit == "s" and re.fullmatch(r"[\d,]*0", match.group(1)):
        return None  # "the 1990s", "in their 20s", "1,000s of fans": a plural of the number, not seconds
    return match.group(1), unit


def is_unit_word(text: str) -> bool:
    """A unit of measure as a word or abbreviation: "megapixels", "GB", "mph", "kilometres"."""
    low = text.lower()
    singular = low[:-1] if low.endswith("s") and low[:-1] in MEASURE_WORDS else low
    return singular in MEASURE_WORDS or len(low) > 1 and low in GLUED_UNITS - SUFFIX_SCALES.keys() - {"in"}


# Nouns of time: "two years", "a three-hour epic", "74-year-old" measure a duration or an age.
TIME_UNITS = frozenset({
    "second", "sec", "secs", "minute", "min", "mins", "hour", "hr", "hrs", "day", "week", "fortnight", "month",
    "year", "decade", "century", "season",
})
# "a couple of years", "a pair of boots": two of what follows
PAIR_WORDS = {"couple": 2, "pair": 2}
# a share written as a fraction before "of": "a quarter of the royalties", "half of all spam", "two thirds of"
FRACTION_VALUES = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fifth": 1 / 5, "tenth": 1 / 10}
_FRACTION = re.compile(r"(?:(an?|\w+)[\s-]+)?(half|thirds?|quarters?|fifths?|tenths?)")
VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "scores", "several", "many", "few", "tens"}
VAGUE_VALUES = {"dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "billions": 2e9, "tens": 20}


def word_value(word: str) -> float | None:
    """The value of one number word or numeral, or None."""
    w = word.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in UNITS:
        return float(UNITS[w])
    if w in TENS:
        return float(TENS[w])
    if "-" in w:  # twenty-six
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS:
            return float(TENS[parts[0]] + UNITS[parts[1]])
    if w in SCALES:
        return float(SCALES[w])
    return None


def normalise_numerals(text: str) -> str:
    """Numerals made plain for reading: currency signs dropped, "3 000" -> "3000", "46m" -> "46 m"."""
    for sign in CURRENCY_SIGNS:
        text = text.replace(sign, " ")
    text = _SPACED_THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)
    text = SUFFIXED.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}", text)
    return _GLUED.sub(lambda m: f"{m.group(1)} {m.group(2)}" if glued_unit(m.group(0)) else m.group(0), text)


_PAIR = re.compile(r"an?\s+(\w+)(?:\s+of)?")
_AND_A_HALF = re.compile(r"\s+and\s+an?\s+half$")


def parse_fraction(text: str) -> float | None:
    """The value of a fraction as written: "a quarter" (0.25), "half" (0.5), "two thirds", "two-thirds"; a plural
    needs a numerator above one and a singular one of "a"/"an"/"one" ("four quarter" is none); "half" stands
    alone ("one half of the duo" is a person)."""
    match = _FRACTION.fullmatch(" ".join(text.lower().split()))
    if match is None:
        return None
    numerator, part = match.group(1), match.group(2)
    count = 1.0 if numerator in (None, "a", "an", "one") else word_value(numerator or "")
    if count is None or (part.endswith("s") != (count > 1)) or (part == "half" and numerator is not None) \
            or (numerator is None and part != "half"):
        return None
    return count * FRACTION_VALUES[part.rstrip("s")]


def parse_number(text: str) -> float | None:
    """The value of a whole number phrase: "two dozen", "21.9 billion", "1,500", "twenty-six", "\u00a346m",
    "two and a half" (2.5), "half a million" (500,000), "a couple of" (2)."""
    low = " ".join(text.lower().split())
    pair = _PAIR.fullmatch(low)
    if pair is not None and (pair.group(1) in PAIR_WORDS or low.endswith(" of")):
        return float(PAIR_WORDS[pair.group(1)]) if pair.group(1) in PAIR_WORDS else None  # not "a lot of"
    if low.startswith(("half a ", "half an ")):
        whole = parse_number(low[5:])
        return None if whole is None else whole / 2  # "half a million"
    half = _AND_A_HALF.search(low)
    if half is not None:
        whole = parse_number(low[: half.start()])
        return None if whole is None else whole + 0.5
    words = [w for w in re.split(r"[\s]+", normalise_numerals(text).lower()) if w and w != "and"]
    numbers = [w for w in words if word_value(w) is not None]
    if numbers and numbers[0] in SUFFIX_SCALES:
        return None  # a lone "m" or "k" is a unit or a letter, not a number
    return combine(numbers) if numbers else None


def parse_range(text: str) -> tuple[float, float] | None:
    """Both ends of a range as written: "30 to 40", "30-40", "between 30 and 40", "\u00a330m-\u00a340m".

    A scale written only after the second end applies to both ("3 to 4 million"). Not a range when
    either end is not a number or the ends do not rise (a score such as "2-1").
    """
    match = _RANGE.match(" ".join(text.split()))
    if not match:
        return None
    low, high = parse_number(match.group("low")), parse_number(match.group("high"))
    if low is None or high is None:
        return None
    scale = re.search(r"(?:\s|\d)(k|m|bn|tn|thousand|million|billion|trillion)$", normalise_numerals(match.group("high")).lower())
    if scale and not re.search(r"[a-z]", normalise_numerals(match.group("low")).lower()):
        low *= SCALES.get(scale.group(1), 1)
    return (low, high) if low < high else None


def combine(words: list[str]) -> float:
    """Number words in order combined into one value: ["two", "dozen"] -> 24, ["21.9", "billion"] -> 2.19e10."""
    total = current = 0.0
    for w in words:
        value = word_value(w) or 0.0
        if w in SCALES:
            current = (current or 1.0) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            current += value
    return total + current


def format_number(value: float) -> str:
    """A value as a reader expects it: 24, 21.9 billion, 1,200."""
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{value / scale:g} {name}"
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"
