"""How many: numbers with what they count, normalised and qualified.

"26 of Ukraine's allies pledged ..." -> 26, counted "Ukraine's allies"; "84 out of 112 drones" -> 84 of
a total of 112 "drones"; "two dozen countries" -> 24; "at least three people" keeps "at least";
"21.9 billion euros" -> 2.19e10 euros. Money with a sign and a scale suffix ("a \u00a346m fee" -> 4.6e7,
unit "\u00a3", counted "fee"; "a budget of \u20ac3.5bn"; "the deal is worth $500bn"), percentages ("90% of
PCs", unit "%"; "12 per cent"), thousands written with spaces ("3 000") and ranges ("30 to 40 people":
value 30, the text "30 to 40" keeps both ends). Dates, clock times ("1900 GMT"), scores ("won 2-1"),
ordinals, ages ("40-year-old") and numbers in page junk are not quantities; vague amounts
("thousands") are kept but flagged ``vague``.

This module puts the pieces together: ``number_groups`` finds the runs of tokens that write one amount,
``not_amounts`` drops those that count nothing, ``durations`` reads times and ages, ``amounts`` money and
percentages, and ``counted`` finds what a plain number counts.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..document import Document
from ..facts import Quantity
from .common import clean_text, sentence_source
from .numbers import CURRENCY_SIGNS, VAGUE, VAGUE_VALUES, glued_unit, is_unit_word
from .amounts import conversions_share_their_thing, glued_measure, money_or_percent
from .counted import PRONOUN_HEADS, VALUE_WORDS, clause_subject, count_clause, find_counted, np_text, predicate
from .durations import duration, time_unit
from .not_amounts import in_skip_entity, label_numerals, named_numbers, not_an_amount
from .number_groups import CURRENCIES, group_value, loose, number_groups, percent_unit, qualifier, qualifier_start, \
    range_link, written_text
from .numbers import parse_range

RANGE_DASHES = {"-", "\u2013"}

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def extract_quantities(doc: "Doc", document: Document) -> Iterator[Quantity]:
    """Yield one :class:`Quantity` per counted amount in ``doc`` outside junk."""
    used: set[int] = set()
    labels, named = label_numerals(doc), named_numbers(doc)
    found: list[tuple["Span", Quantity]] = []
    for group in number_groups(doc):
        if group[0].i in used or not_an_amount(group, labels, named):
            continue
        unit = time_unit(group)
        if unit is not None:
            fact = duration(group, unit, document, used)
        elif in_skip_entity(group):
            continue
        else:
            fact = _quantity(group, document, used) or _elided(group, found, used)
        if fact is not None:
            found.append((group, fact))
            top = range_top(group, fact)
            if top is not None:
                found.append((group, top))
    yield from conversions_share_their_thing(found)


# words that join a second amount whose noun is left out: "750,000 copies in a week and 3.5 million in total"
ELISION_LINKS = {"and", "but", "while", "whereas"}


def _elided(group: "Span", found: list[tuple["Span", Quantity]], used: set[int]) -> Quantity | None:
    """A bare number that counts the noun the amount before it counts, left out after "and" with no verb
    between ("sold 750,000 copies in its first week and 3.5 million in total": 3.5 million copies). Only a
    plain count before it: not money, a share, a range's end or a part of a whole."""
    if not found or group[0].text in CURRENCY_SIGNS or percent_unit(group) or loose(group):
        return None
    before, fact = found[-1]
    doc = group.doc
    if before.sent.start != group.sent.start or fact.unit or fact.vague or fact.total is not None:
        return None
    between = doc[before.end: group.start]
    if not any(t.lower_ in ELISION_LINKS for t in between) or any(t.pos_ in ("VERB", "AUX", "NUM") for t in between):
        return None
    nxt = doc[group.end] if group.end < len(doc) else None
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "ADJ") or nxt.lower_ == "of"):
        return None  # the second amount names its own thing
    value = group_value(group)
    if value is None:
        return None
    used.update(t.i for t in group)
    return fact.model_copy(update={
        "value": value, "text": written_text(group), "qualifier": qualifier(group),
        "phrase": clean_text(doc[qualifier_start(group): group.end].text), "predicate": "", "clause": None,
        "confidence": min(fact.confidence, 0.7), "warnings": list(dict.fromkeys(fact.warnings + ["noun left out"])),
    })


def range_top(group: "Span", fact: Quantity) -> Quantity | None:
    """The upper end of a range or of two alternatives as a fact of its own, counting what the range counts
    ("between 6,000 and 7,000 jobs": 7,000 jobs; "two or three weeks": three weeks); not of a range written
    with a dash as one amount ("2-3 years"). It is flagged vague:
    no question asks for one end of a range as if it were the amount."""
    link = range_link(group)
    if link is None or link.lower_ in RANGE_DASHES:
        return None  # "2-3 years", "two-three years": written as one amount
    ends = parse_range(written_text(group))
    if ends is None or fact.total is not None:
        return None
    top_text = clean_text(group.doc[link.i + 1: group.end].text)
    return fact.model_copy(update={
        "value": ends[1], "text": top_text, "qualifier": None, "vague": True,
        "warnings": list(dict.fromkeys(fact.warnings + ["upper end of a range"])),
        "confidence": min(fact.confidence, 0.5),
    })


def _sized_subject(unit_word: "Token") -> "Token | None":
    """The subject a measure after "be" sizes: "the range is only about one metre" (the range), "the screen is
    32 inches" (the screen); a noun, never a pronoun ("it is 40 metres")."""
    verb = unit_word.head
    if unit_word.dep_ != "attr" or verb.lemma_.lower() != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _quantity(group: "Span", document: Document, used: set[int]) -> Quantity | None:
    sign = group[0].text if group[0].text in CURRENCY_SIGNS else None
    percent = percent_unit(group)
    if sign or percent:
        return money_or_percent(group, document, used, sign or percent)
    words = written_text(group)
    vague = group[0].lower_ in VAGUE or loose(group)
    value = VAGUE_VALUES.get(group[0].lower_) if group[0].lower_ in VAGUE else group_value(group)
    if value is None:
        return None
    label = next((t.ent_type_ for t in group if t.ent_type_), "")
    noun, total, total_ids = find_counted(group)
    glued = glued_unit(group[-1].text)
    if noun is None and glued is not None and not vague:
        return glued_measure(group, glued[1], value, document, used)
    unit = None
    if label == "MONEY" or (noun is not None and noun.lower_ in CURRENCIES) or group[0].text in CURRENCIES:
        unit = CURRENCIES.get(noun.lower_ if noun is not None else "", CURRENCIES.get(group[0].text))
        if noun is not None and noun.lower_ in CURRENCIES:
            noun = clause_subject(noun) or noun  # "imports totaled 21.9 billion euros"; else the euros themselves
            if noun is not None and noun.lemma_.lower() in VALUE_WORDS:  # "the value of EU imports ..."
                noun = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj"), noun)
    if noun is None:
        return None
    group_ids = {t.i for t in group}
    np_ids = {t.i for t in noun.subtree} | group_ids | total_ids
    # "four gigabytes of music": the unit and what it holds; "a five-set battle": the sets and what they made
    measure = (is_unit_word(noun.text) or noun.i == group.end + 1 and group.doc[group.end].text == "-") \
        and noun.i >= group.end
    counted = np_text(noun, group_ids | total_ids, keep_preps=bool(unit) or measure)
    if not counted or counted.lower() in PRONOUN_HEADS:
        return None
    sized = _sized_subject(noun) if measure and is_unit_word(noun.text) and not unit else None
    counted_head = noun.lemma_.lower()
    if sized is not None:  # "the range is about one metre": the range, in metres
        unit, counted, counted_head = noun.lemma_.lower(), np_text(sized, set()), sized.lemma_.lower()
    sent = group.sent
    phrase_end = max(noun.i, group.end - 1) if noun.i >= group.start else group.end - 1
    if measure:
        phrase_end = max([phrase_end] + [o.i for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                                         for o in p.children if o.dep_ == "pobj"])
        if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN" and 0 < noun.head.i - noun.i <= 3:
            phrase_end = max(phrase_end, noun.head.i)  # "a 26-inch LCD TV": the phrase names what is measured
    phrase_start = qualifier_start(group)
    if noun.i < phrase_start and phrase_start - noun.i <= 2 and group.doc[noun.i + 1].lower_ == "of":
        phrase_start = min(t.i for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod")
                           or t.i == noun.i)  # "box ownership of five million"
    phrase = clean_text(group.doc[phrase_start: phrase_end + 1].text)
    if unit and sized is None:
        phrase = clean_text(group.doc[qualifier_start(group): group.end + (1 if group.end < len(group.doc) and group.doc[group.end].lower_ in CURRENCIES else 0)].text)
    phrase = clean_text(re.sub(r'["\u201c\u201d]', "", phrase))  # 'thousands” of such troops': a cut quotation
    used.update(group_ids | total_ids)
    warnings = ["vague amount"] if vague else []
    return Quantity(
        value=value,
        text=words,
        qualifier=qualifier(group),
        unit=unit,
        counted=counted,
        counted_head=counted_head,
        phrase=phrase,
        total=total,
        predicate=predicate(noun if noun.i > group.end else group[-1], np_ids),
        vague=vague,
        clause=count_clause(group, noun, np_ids, unit),
        sources=[sentence_source(document, sent)],
        confidence=0.5 if vague else 0.85,
        warnings=warnings,
    )
