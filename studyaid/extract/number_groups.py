"""Number groups: the runs of tokens that write one amount, and how to read them.

"two dozen", "21.9 billion", "$23.6 billion", "\u00a346m", "3 000", "30 to 40", "between 5 and 10", "12 per cent"
are each one group; the group's value (a range by its low end), the text as written, its qualifier ("at least")
and whether it is a percentage are read here.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..lexicon import SCALE_WORDS, SIZE_NOUNS
from .numbers import CURRENCY_SIGNS, SCALES, SUFFIX_SCALES, SUFFIXED, TENS, TIME_UNITS, UNITS, PAIR_WORDS, VAGUE, VAGUE_VALUES, glued_unit, parse_number, \
    parse_fraction, parse_range, word_value

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


QUALIFIERS = (
    "at least", "at most", "more than", "fewer than", "less than", "up to", "as many as", "nearly", "almost",
    "around", "about", "approximately", "roughly", "some", "over", "under", "just over", "just under", "between",
    # negated comparisons say the opposite of the words they end with: "no less than 34 films" is at least 34
    "no less than", "no fewer than", "not less than", "no more than", "not more than",
)


RANGE_LINKS = {"-", "\u2013", "to"}
# "two or three weeks", "one or two seconds": two numbers offered for one noun, read as a loose range
ALTERNATIVE_LINKS = {"or"}


PERCENT_WORDS = ("%", "per cent", "percent")


CURRENCIES = {"$": "dollars", "\u20ac": "euros", "\u00a3": "pounds", "euros": "euros", "euro": "euros",
              "dollars": "dollars", "dollar": "dollars", "pounds": "pounds", "rubles": "rubles", "roubles": "rubles",
              "yen": "yen"}


# what a distance glued to "m" names in sport: "the 400m hurdles", "her 200m titles" are metres, not millions
RACE_WORDS = {"hurdle", "relay", "title", "race", "final", "record", "champion", "championship", "medal",
              "freestyle", "breaststroke", "backstroke", "butterfly", "medley", "sprint", "event", "heat", "dash"}


def number_groups(doc: "Doc") -> Iterator["Span"]:
    """Maximal runs of number tokens ("two dozen", "21.9 billion", "$23.6 billion", "\u00a346m", "3 000",
    "30 to 40", "12 per cent") and vague amounts."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        pair_end = _pair_words(doc, i)
        fraction_end = _fraction_end(doc, i)
        if fraction_end is not None:
            yield doc[i: fraction_end + 1]  # "a quarter of the royalties", "half of all spam", "two-thirds of"
            i = fraction_end + 1
        elif _a_time(doc, i):
            yield doc[i: i + 1]  # "less than a week", "a year's supply"
            i += 1
        elif pair_end is not None:
            yield doc[i: pair_end + 1]  # "a couple of years", "a pair of boots"
            i = pair_end + 1
        elif numeric(tok) or tok.lower_ in VAGUE and tok.lower_ in VAGUE_VALUES:
            start = i - 1 if i > 0 and doc[i - 1].text in CURRENCY_SIGNS else i
            if start == i and i > 0 and doc[i - 1].lower_ in ("a", "an") and tok.lower_ in SCALE_WORDS:
                start = i - 1  # "a million units", "a hundred fans"
                if start > 0 and doc[start - 1].lower_ == "half":
                    start -= 1  # "half a million films"
            j = _number_end(doc, i, money=start < i)
            if j + 2 < len(doc) and doc[j + 1].lower_ in RANGE_LINKS | ALTERNATIVE_LINKS \
                    and _range_end(doc, j + 2, money=start < i):
                j = _range_end(doc, j + 2, money=start < i)  # "30 to 40", "30-40", "\u00a330m-\u00a340m", "two or three"
            elif j + 2 < len(doc) and doc[j + 1].lower_ == "and" and start > 0 and doc[start - 1].lower_ == "between" \
                    and _range_end(doc, j + 2, money=start < i):
                j = _range_end(doc, j + 2, money=start < i)  # "between 30 and 40"
            j = _percent_end(doc, j)
            yield doc[start: j + 1]
            i = j + 1
        else:
            i += 1


def _number_end(doc: "Doc", i: int, money: bool) -> int:
    """The last token of the number starting at ``i``: number words, scale words and suffixes, spaced thousands."""
    j = i
    while True:
        if j + 2 < len(doc) and doc[j + 1].text == "-" and doc[j].lower_ in TENS and doc[j + 2].lower_ in UNITS:
            j += 2  # "twenty-six", tokenised as three tokens
        elif j + 1 < len(doc) and _spaced_thousands(doc[j], doc[j + 1]):
            j += 1  # "3 000"
        elif money and j + 2 < len(doc) and _split_thousands(doc[j], doc[j + 1], doc[j + 2]):
            j += 2  # "\u00a3507, 596": a thousands comma typed with a space after it, in money only
        elif j + 1 < len(doc) and _scale_suffix(doc[j], doc[j + 1], money):
            j += 1  # "46m" tokenised as "46" "m"
        elif j + 1 < len(doc) and numeric(doc[j + 1]) and _same_number(doc[j], doc[j + 1]):
            j += 1
        elif _and_a_half(doc, j + 1):
            j += 3  # "two and a half", "18 and a half"
        else:
            return j


def _and_a_half(doc: "Doc", k: int) -> bool:
    """ "and a half" at ``k``, ending a number ("two and a half years")."""
    return k + 2 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].lower_ in ("a", "an") \
        and doc[k + 2].lower_ == "half"


def _a_time(doc: "Doc", i: int) -> bool:
    """ "a"/"an" as one of a unit of time where it is a length: after a qualifier ("less than a week", "nearly
    a year") or before a possessive ("a year's supply", "in a week's time"); not "a year ago", "twice a year"."""
    if not (i + 1 < len(doc) and doc[i].lower_ in ("a", "an") and doc[i + 1].lemma_.lower() in TIME_UNITS):
        return False
    possessive = i + 2 < len(doc) and doc[i + 2].text in ("'s", "\u2019s", "'", "\u2019")
    before = " " + " ".join(t.lower_ for t in doc[max(0, i - 2): i])
    return possessive or any(before.endswith(" " + q) for q in QUALIFIERS if q not in ("some", "between"))


def _pair_words(doc: "Doc", i: int) -> int | None:
    """ "a couple of", "a pair of" starting at ``i`` (two of what follows): the index of its "of", or None."""
    if i + 2 < len(doc) and doc[i].lower_ in ("a", "an") and doc[i + 1].lower_ in PAIR_WORDS \
            and doc[i + 2].lower_ == "of" and doc[i].whitespace_ and doc[i + 1].whitespace_:
        return i + 2
    return None


# what a fraction before "of" does not share out: a stretch of time ("the first half of the season", "a quarter
# of an hour") is when, not how much
_FRACTION_TIMES = TIME_UNITS | {"season", "match", "game", "term", "race", "campaign", "century", "decade"}
# words before "half" that make it a part of time or a thing: "the first half of", "his half of the deal"
_HALF_OWNERS = {"the", "first", "second", "this", "that", "a", "an", "one", "other", "each", "his", "her", "its",
                "their", "our", "my", "your"}


def _fraction_end(doc: "Doc", i: int) -> int | None:
    """A share written as a fraction before "of" starting at ``i`` ("a quarter of the royalties", "half of all
    spam", "two-thirds of the money"): the index of its "of", or None. Not a stretch of time ("the first half of
    the season", "a quarter of an hour") nor a half someone owns ("his half of the deal")."""
    k = i
    if doc[k].lower_ != "half":
        if k + 1 >= len(doc) or not (doc[k].lower_ in ("a", "an", "one") or word_value(doc[k].text) is not None):
            return None
        k += 2 if k + 2 < len(doc) and doc[k + 1].text == "-" else 1
    elif i > 0 and doc[i - 1].lower_ in _HALF_OWNERS:
        return None
    if k + 1 >= len(doc) or doc[k + 1].lower_ != "of" or parse_fraction(doc[i: k + 1].text) is None:
        return None
    obj = next((t for t in doc[k + 2: min(len(doc), k + 6)] if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)
    if obj is None or obj.lemma_.lower() in _FRACTION_TIMES and obj.tag_ in ("NN", "NNP"):
        return None
    return k + 1


def _range_end(doc: "Doc", k: int, money: bool) -> int | None:
    """The end of a range's second number starting at ``k`` (after a currency sign), or None."""
    if k < len(doc) and doc[k].text in CURRENCY_SIGNS:
        k += 1
    if k < len(doc) and numeric(doc[k]):
        return _number_end(doc, k, money)
    return None


def _percent_end(doc: "Doc", j: int) -> int:
    if j + 1 < len(doc) and doc[j + 1].text == "%":
        return j + 1
    if j + 1 < len(doc) and doc[j + 1].lower_ == "percent":
        return j + 1
    if j + 2 < len(doc) and doc[j + 1].lower_ == "per" and doc[j + 2].lower_ == "cent":
        return j + 2
    return j


def _spaced_thousands(a: "Token", b: "Token") -> bool:
    """ "3 000": a group of three digits after one to three digits and a single space."""
    return a.whitespace_ == " " and re.fullmatch(r"\d{1,3}", a.text) is not None \
        and re.fullmatch(r"\d{3}", b.text) is not None


def _split_thousands(a: "Token", comma: "Token", b: "Token") -> bool:
    """ "507, 596" after a currency sign: one to three digits, a comma glued to them, one space, then exactly three
    digits ending the number (not "\u00a35, 10 and 20", nor "$20, 300 copies": three digits counting a noun)."""
    return comma.text == "," and not a.whitespace_ and comma.whitespace_ == " " \
        and re.fullmatch(r"\d{1,3}", a.text) is not None and re.fullmatch(r"\d{3}", b.text) is not None \
        and (b.i + 1 >= len(b.doc) or not b.doc[b.i + 1].like_num and b.doc[b.i + 1].pos_ not in ("NOUN", "ADJ"))


def _scale_suffix(a: "Token", b: "Token", money: bool) -> bool:
    """ "m"/"bn"/"k" glued to a numeral: millions after a currency sign or before a plural noun
    ("\u00a346m", "18m people"); otherwise a unit ("3,000m" is metres)."""
    if a.whitespace_ or b.lower_.rstrip(".") not in SUFFIX_SCALES or not re.fullmatch(r"\d[\d,.]*", a.text):
        return False
    if money or b.lower_.startswith("bn") or _sizes_a_crowd(a):
        return True
    nxt = b.nbor() if b.i + 1 < len(b.doc) else None  # "18m people", "3.55m euros"; not "the 400m hurdles"
    before = a.doc[a.i - 1] if a.i > 0 else None  # nor "her indoor 200m titles"
    return nxt is not None and (nxt.tag_ in ("NNS", "NNPS") and nxt.lemma_.lower() not in RACE_WORDS
                                and (before is None or before.pos_ != "ADJ") or nxt.lower_ in CURRENCIES)


def _sizes_a_crowd(a: "Token") -> bool:
    """A number after "of" that sizes a crowd or an audience, past its qualifier ("an audience of nearly 9.2m",
    "a crowd of 40k"): people are counted in millions, never in metres."""
    doc, k = a.doc, a.i - 1
    while k >= 0 and doc[k].lower_ in _QUALIFIER_WORDS:
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lemma_.lower() in SIZE_NOUNS


_QUALIFIER_WORDS = {w for q in QUALIFIERS for w in q.split()} - {"of"}


def _same_number(a: "Token", b: "Token") -> bool:
    """Adjacent number words of one amount ("two dozen", "21.9 billion"), not two amounts ("two 40-year-old")."""
    return b.lower_ in SCALES or a.head.i == b.i or b.head.i == a.i


def numeric(tok: "Token") -> bool:
    """A token that writes a number: a numeral, a number or scale word ("seven", "million"), "one" counting
    ("one goal", "one million"); not an ordinal ("second", which spaCy's ``like_num`` accepts)."""
    if SUFFIXED.fullmatch(tok.text) or glued_unit(tok.text):
        return True  # "500bn", "3.5bn", "10Mbps": one token, often tagged as an adjective or a name
    if tok.is_alpha and word_value(tok.text) is None:
        return False  # "second", "third": ordinals, not amounts ("a five-second win" is no range)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (tok.like_num or tok.lower_ in SCALE_WORDS) \
        and tok.pos_ in ("NUM", "NOUN", "PROPN", "X") and tok.lower_ not in ("one", "a", "an") \
        or tok.pos_ == "NUM" and tok.lower_ == "one" and (tok.dep_ == "nummod" or nxt is not None and nxt.lower_ in SCALE_WORDS)


def range_link(group: "Span") -> "Token | None":
    """The "to", dash or "and" between a range's two ends; not the hyphen of "twenty-six" or "two-thirds of"."""
    doc = group.doc
    if group[-1].lower_ == "of":
        return None  # "two-thirds of", "a pair of": one amount
    return next((t for t in group[1:-1] if (t.lower_ in RANGE_LINKS | ALTERNATIVE_LINKS or t.lower_ == "and")
                 and not (doc[t.i - 1].lower_ in TENS and doc[t.i + 1].lower_ in UNITS)
                 and not _and_a_half(doc, t.i)), None)


def written_text(group: "Span") -> str:
    """The amount as written, without a sentence's full stop the tokenizer left on "m." ("$150m.") or the
    "of" of "a pair of"."""
    if group[-1].lower_ == "of":
        return group[:-1].text
    return group.text[:-1] if group.text.endswith(".") and group[-1].lower_.rstrip(".") in SUFFIX_SCALES \
        else group.text


def loose(group: "Span") -> bool:
    """An amount said loosely: "a couple of years" may be two or three (a pair is two); "less than a week",
    where "a" stands for one (no question can ask for an "a"); "two or three weeks", either."""
    link = range_link(group)
    return len(group) > 1 and group[1].lower_ == "couple" or len(group) == 1 and group[0].lower_ in ("a", "an") \
        or link is not None and link.lower_ in ALTERNATIVE_LINKS


def group_value(group: "Span") -> float | None:
    """The group's value: the low end of a range ("30 to 40" -> 30), else the whole number."""
    text = re.sub(r"(?<=\d), (?=\d{3}\b)", ",", written_text(group))  # "\u00a3507, 596"
    for word in PERCENT_WORDS:
        if text.lower().endswith(word):
            text = text[: -len(word)]
    if range_link(group) is not None:
        ends = parse_range(text)
        return ends[0] if ends else None
    return parse_fraction(text) if is_fraction(group) else parse_number(text)


def is_fraction(group: "Span") -> bool:
    """A share written as a fraction: "a quarter of", "half of", "two-thirds of"."""
    return group[-1].lower_ == "of" and parse_fraction(written_text(group)) is not None


def percent_unit(group: "Span") -> str | None:
    low = group.text.lower()
    return next((word for word in PERCENT_WORDS if low.endswith(word)), None)


def _qualifier_before(group: "Span") -> str | None:
    """The qualifier written before the amount; "between" only before a range ("a fight between three
    firms and Apple" has none)."""
    doc = group.doc
    before = " " + " ".join(t.lower_ for t in doc[max(0, group.start - 3): group.start])
    found = next((q for q in sorted(QUALIFIERS, key=len, reverse=True) if before.endswith(" " + q)), None)
    return None if found == "between" and range_link(group) is None else found


def plus_after(group: "Span") -> int:
    """How many tokens of "-plus" follow the amount ("a \u00a330m-plus bid"): 2, or 0."""
    doc, k = group.doc, group.end
    return 2 if k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ == "plus" and not doc[k].whitespace_ else 0


def qualifier(group: "Span") -> str | None:
    """ "at least", "about", "between" ... before the amount, or "more than" for "-plus" after it."""
    return _qualifier_before(group) or ("more than" if plus_after(group) else None)


def qualifier_start(group: "Span") -> int:
    """Where the amount's phrase starts: at its qualifier written before it, else at the amount."""
    q = _qualifier_before(group)
    return group.start - len(q.split()) if q else group.start


def group_root(group: "Span") -> "Token":
    return next((t for t in group if not group.start <= t.head.i < group.end), group[-1])
