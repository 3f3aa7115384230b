"""Durations and ages: "two years", "a three-year contract", "18 months", "22 minutes 45 seconds", "a
74-year-old", "aged 65", "the star, 30, ..."."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document
from ..facts import Quantity
from .clauses import clause_around
from .common import clean_text, sentence_source
from .numbers import CURRENCY_SIGNS, TIME_UNITS, parse_number
from .counted import predicate
from .number_groups import group_value, loose, numeric, percent_unit, qualifier, qualifier_start, range_link, written_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def time_unit(group: "Span") -> "Token | None":
    """The noun of time a plain number measures: "two years", "a three-hour epic", "a 74-year-old", "22secs"."""
    doc = group.doc
    if group[0].text in CURRENCY_SIGNS or percent_unit(group) is not None:
        return None
    k = group.end
    if k + 1 < len(doc) and doc[k].text == "-" and not group[-1].whitespace_ and not doc[k].whitespace_:
        k += 1
    value = group_value(group)  # a range of time ("two-three years", "2-3 years") by its low end
    if value is None or value >= 1000:
        return None
    if k < len(doc) and (doc[k].lemma_.lower() in TIME_UNITS or doc[k].lower_ in TIME_UNITS):
        if doc[k].text[:1].isupper() and doc[k].is_alpha:
            return None  # "the show 60 Minutes", "28 Days Later": a title
        if doc[k].lower_ == "second" and k + 1 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_:
            return None  # "one second-set outburst": an ordinal
        return doc[k]
    if _age_alone(group):
        return group[-1]
    return None


def _age_alone(group: "Span") -> bool:
    """An age written as a bare number: "a heart attack aged 65", "the Wales star, 30, ..."."""
    doc, tok = group.doc, group[-1]
    if len(group) != 1 or not tok.text.isdigit() or not 0 < int(tok.text) < 120:
        return False
    if tok.i > 0 and doc[tok.i - 1].lower_ == "aged":
        return True
    prep = doc[tok.i - 1] if tok.i > 0 else None  # "he died in Paris at 85", "she retired at 33"
    if prep is not None and prep.lower_ == "at" and tok.dep_ == "pobj" and prep.head.lemma_.lower() in AGE_VERBS \
            and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_alpha):
        return True
    return tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i == tok.i - 2 \
        and doc[tok.i - 1].text == "," and tok.i + 1 < len(doc) and doc[tok.i + 1].text in (",", ".", ";") \
        and (tok.head.ent_type_ == "PERSON" or tok.head.pos_ == "NOUN")


# verbs after which "at 85" is an age
AGE_VERBS = {"die", "retire"}
# a duration in two parts ("22 minutes 45 seconds", "two years and six months") in the smaller unit
SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400, "week": 604800}


MONTHS_IN = {"month": 1, "year": 12}


def _smaller_part(unit: "Token") -> "tuple[float, Token, float] | None":
    """The second part of a duration after ``unit`` (value, its unit token, how many of it in one ``unit``)."""
    doc, k = unit.doc, unit.i + 1
    if k < len(doc) and doc[k].lower_ in ("and", ","):
        k += 1
    if k + 1 >= len(doc) or not numeric(doc[k]):
        return None
    part, part_unit = parse_number(doc[k].text), doc[k + 1]
    big, small = unit.lemma_.lower(), part_unit.lemma_.lower()
    for table in (SECONDS, MONTHS_IN):
        if part is not None and big in table and small in table and table[big] > table[small]:
            return part, part_unit, table[big] / table[small]
    return None


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def duration(group: "Span", unit: "Token", document: Document, used: set[int]) -> Quantity | None:
    """A duration or an age: "two years" and "a three-year contract" count years; "a 74-year-old" is
    74 "years old". The text is the number as written."""
    doc = group.doc
    value = group_value(group)
    if value is None:
        return None
    end, text = unit.i, written_text(group)
    if unit.i in range(group.start, group.end):  # "aged 65", "the star, 30,"
        age, word = True, "year"
    else:
        age = end + 2 < len(doc) and doc[end + 1].text == "-" and doc[end + 2].lower_ == "old"
        if age:
            end += 2
        elif end + 1 < len(doc) and doc[end + 1].lower_ == "old":
            age, end = True, end + 1
        word = unit.lemma_.lower() if unit.lemma_.lower() in TIME_UNITS else unit.lower_
        smaller = _smaller_part(unit)  # "22 minutes 45 seconds"
        if smaller is not None:
            part, part_unit, factor = smaller
            value, word, end = value * factor + part, part_unit.lemma_.lower(), part_unit.i
            text = doc[group.start: end + 1].text
    counted = (word if value == 1 and range_link(group) is None else _plural(word)) + (" old" if age else "")
    hyphened = doc[group.end].text == "-"
    described = doc[end + 1] if hyphened and end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN") else None
    phrase_end = described.i if described is not None else end
    ids = {t.i for t in doc[group.start: end + 1]}
    used.update(ids)
    span = doc[qualifier_start(group): phrase_end + 1]
    return Quantity(
        value=value,
        text=text,
        qualifier=qualifier(group),
        counted=counted,
        counted_head=word,
        phrase=clean_text(span.text),
        predicate=predicate(described or unit, ids | ({described.i} if described is not None else set())),
        clause=clause_around(span, anchor=span.root),
        sources=[sentence_source(document, group.sent)],
        vague=loose(group),  # "a couple of years": no question asks for a loose amount
        warnings=["vague amount"] if loose(group) else [],
        confidence=0.5 if loose(group) else 0.85,
    )
