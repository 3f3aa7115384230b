"""How many: numbers with what they count, normalised and qualified.

"26 of Ukraine's allies pledged ..." -> 26, counted "Ukraine's allies"; "84 out of 112 drones" -> 84 of
a total of 112 "drones"; "two dozen countries" -> 24; "at least three people" keeps "at least";
"21.9 billion euros" -> 2.19e10 euros. Dates, times, ordinals, ages ("40-year-old") and numbers in
page junk are not quantities; vague amounts ("thousands") are kept but flagged ``vague``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..document import Document
from ..facts import Quantity
from .clauses import clause_around
from .common import clean_text, in_junk, sentence_source, tokens_text
from .numbers import SCALES, TENS, UNITS, VAGUE, VAGUE_VALUES, parse_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
SKIP_LABELS = {"DATE", "TIME", "ORDINAL"}
QUALIFIERS = (
    "at least", "at most", "more than", "fewer than", "less than", "up to", "as many as", "nearly", "almost",
    "around", "about", "approximately", "roughly", "some", "over", "under", "just over", "just under",
)
CURRENCIES = {"$": "dollars", "\u20ac": "euros", "\u00a3": "pounds", "euros": "euros", "euro": "euros",
              "dollars": "dollars", "dollar": "dollars", "pounds": "pounds", "rubles": "rubles", "roubles": "rubles"}
VALUE_VERBS = {"total", "cost", "reach", "amount", "be", "exceed", "stand", "top", "hit", "equal", "value"}
VALUE_WORDS = {"value", "cost", "total", "price", "amount", "sum"}
PRONOUN_HEADS = {"others", "other", "ones", "one", "those", "these", "them", "it"}


def extract_quantities(doc: "Doc", document: Document) -> Iterator[Quantity]:
    """Yield one :class:`Quantity` per counted amount in ``doc`` outside junk."""
    used: set[int] = set()
    for group in _number_groups(doc):
        if group[0].i in used or in_junk(document, group) or _is_age(group) or _in_skip_entity(group):
            continue
        fact = _quantity(group, document, used)
        if fact is not None:
            yield fact


def _in_skip_entity(group: "Span") -> bool:
    return any(t.ent_type_ in SKIP_LABELS for t in group)


def _number_groups(doc: "Doc") -> Iterator["Span"]:
    """Maximal runs of number tokens ("two dozen", "21.9 billion", "$23.6 billion") and vague amounts."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        if _numeric(tok) or tok.lower_ in VAGUE and tok.lower_ in VAGUE_VALUES:
            j = i
            while True:
                if j + 2 < len(doc) and doc[j + 1].text == "-" and doc[j].lower_ in TENS and doc[j + 2].lower_ in UNITS:
                    j += 2  # "twenty-six", tokenised as three tokens
                elif j + 1 < len(doc) and _numeric(doc[j + 1]) and _same_number(doc[j], doc[j + 1]):
                    j += 1
                else:
                    break
            start = i - 1 if i > 0 and doc[i - 1].text in ("$", "\u20ac", "\u00a3") else i
            yield doc[start: j + 1]
            i = j + 1
        else:
            i += 1


def _same_number(a: "Token", b: "Token") -> bool:
    """Adjacent number words of one amount ("two dozen", "21.9 billion"), not two amounts ("two 40-year-old")."""
    return b.lower_ in SCALES or a.head.i == b.i or b.head.i == a.i


def _numeric(tok: "Token") -> bool:
    return (tok.like_num or tok.lower_ in ("dozen", "hundred", "thousand", "million", "billion", "trillion")) \
        and tok.pos_ in ("NUM", "NOUN", "PROPN", "X") and tok.lower_ not in ("one", "a", "an") \
        or tok.pos_ == "NUM" and tok.lower_ == "one" and tok.dep_ == "nummod"


def _is_age(group: "Span") -> bool:
    doc = group.doc
    end = group.end
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in ("year", "month", "day", "week")


def _qualifier(group: "Span") -> str | None:
    doc = group.doc
    before = doc[max(0, group.start - 3): group.start].text.lower()
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        if before.endswith(q):
            return q
    return None


def _np_text(head: "Token", exclude: set[int], keep_preps: bool = False) -> str:
    """A noun phrase without clauses hanging off it: "Ukraine's allies", "European countries"."""
    skip = set(exclude)
    for i in exclude:  # the number's own qualifiers ("at least"), not what it governs ("of Ukraine's allies")
        for child in head.doc[i].children:
            if child.dep_ in ("advmod", "quantmod", "compound", "nummod"):
                skip.update(t.i for t in child.subtree)
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "nummod", "quantmod") \
                or child.dep_ == "prep" and child.i > head.i and not keep_preps:
            skip.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if (t.i not in skip and t.dep_ != "det") or t.i == head.i]
    return tokens_text(toks)


def _counted(group: "Span") -> "tuple[Token | None, float | None, set[int]]":
    """The counted noun, a total ("out of 112"), and token ids used by the total."""
    last = group[-1]
    used: set[int] = set()
    # the group's own head: "two dozen countries" may hang "dozen" on "two" and "two" on "countries"
    root = next((t for t in group if not group.start <= t.head.i < group.end), last)
    if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i > last.i:
        return root.head, None, used
    for prep in [c for t in dict.fromkeys((last, root)) for c in t.children]:  # "26 of Ukraine's allies", "84 out of 112 drones"
        if prep.dep_ == "prep" and prep.lower_ in ("of", "out"):
            objs = [c for c in prep.subtree if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")
                    and not any(g.dep_ == "case" for g in c.children)]  # "Ukraine's" owns, "allies" are counted
            if objs:
                noun = objs[0]
                total = next((c for c in noun.children if c.dep_ == "nummod"), None)
                if total is not None and prep.lower_ == "out":
                    used.add(total.i)
                    return noun, parse_number(total.text), used
                return noun, None, used
    doc = group.doc
    k = group.end  # the surface form when the parser attached "out of" elsewhere: "84 out of 112 drones"
    if k + 1 < len(doc) and doc[k].lower_ == "out" and doc[k + 1].lower_ == "of":
        j = k + 2
        nums = []
        while j < len(doc) and _numeric(doc[j]):
            nums.append(doc[j])
            j += 1
        while j < len(doc) and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].dep_ in ("amod", "compound"):
            j += 1
        if nums and j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN"):
            used.update(t.i for t in nums)
            return doc[j], parse_number(" ".join(t.text for t in nums)), used
    return None, None, used


def _predicate(head: "Token", np_tokens: set[int]) -> str:
    """What the counted things did or had done to them, as written around the number."""
    verb = head
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    toks = [t for t in verb.subtree if t.i not in np_tokens and not t.is_space]
    if min(np_tokens) < verb.i:  # the number is the subject: what follows the verb
        toks = [t for t in toks if t.i >= verb.i]
    else:  # the number is an object: who did what to it
        toks = [t for t in toks if t.i <= verb.i or t.i < min(np_tokens)]
    return tokens_text(toks[:18])


def _quantity(group: "Span", document: Document, used: set[int]) -> Quantity | None:
    words = group.text
    vague = group[0].lower_ in VAGUE
    value = VAGUE_VALUES.get(group[0].lower_) if vague else parse_number(words)
    if value is None:
        return None
    label = next((t.ent_type_ for t in group if t.ent_type_), "")
    noun, total, total_ids = _counted(group)
    unit = None
    if label == "MONEY" or (noun is not None and noun.lower_ in CURRENCIES) or group[0].text in CURRENCIES:
        unit = CURRENCIES.get(noun.lower_ if noun is not None else "", CURRENCIES.get(group[0].text))
        if noun is not None and noun.lower_ in CURRENCIES:
            noun = _clause_subject(noun) or noun  # "imports totaled 21.9 billion euros"; else the euros themselves
            if noun is not None and noun.lemma_.lower() in VALUE_WORDS:  # "the value of EU imports ..."
                noun = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj"), noun)
    if noun is None:
        return None
    group_ids = {t.i for t in group}
    np_ids = {t.i for t in noun.subtree} | group_ids | total_ids
    counted = _np_text(noun, group_ids | total_ids, keep_preps=bool(unit))
    if not counted or counted.lower() in PRONOUN_HEADS:
        return None
    sent = group.sent
    phrase_end = max(noun.i, group.end - 1) if noun.i >= group.start else group.end - 1
    phrase = clean_text(group.doc[_qualifier_start(group): phrase_end + 1].text)
    if unit:
        phrase = clean_text(group.doc[_qualifier_start(group): group.end + (1 if group.end < len(group.doc) and group.doc[group.end].lower_ in CURRENCIES else 0)].text)
    phrase = clean_text(re.sub(r'["\u201c\u201d]', "", phrase))  # 'thousands” of such troops': a cut quotation
    used.update(group_ids | total_ids)
    warnings = ["vague amount"] if vague else []
    return Quantity(
        value=value,
        text=words,
        qualifier=_qualifier(group),
        unit=unit,
        counted=counted,
        counted_head=noun.lemma_.lower(),
        phrase=phrase,
        total=total,
        predicate=_predicate(noun if noun.i > group.end else group[-1], np_ids),
        vague=vague,
        clause=_clause(group, noun, np_ids, unit),
        sources=[sentence_source(document, sent)],
        confidence=0.5 if vague else 0.85,
        warnings=warnings,
    )


def _qualifier_start(group: "Span") -> int:
    q = _qualifier(group)
    return group.start - len(q.split()) if q else group.start


def _clause_subject(noun: "Token") -> "Token | None":
    head = noun.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not (head.lemma_.lower() in VALUE_VERBS or subject.lemma_.lower() in VALUE_WORDS):
        return None  # "Germany pledged 9 billion euros": Germany is not what the euros measure
    return subject


def _clause(group: "Span", noun: "Token", np_ids: set[int], unit: str | None):
    doc = group.doc
    if unit:  # "21.9 billion euros": the answer is the amount with its currency
        end = group.end + (1 if group.end < len(doc) and doc[group.end].lower_ in CURRENCIES else 0)
        span = doc[_qualifier_start(group): end]
        return clause_around(span, anchor=span.root)
    anchor = noun if group[-1].head == noun else group[-1]  # "three people" vs "26 [of Ukraine's allies]"
    return clause_around(doc[min(np_ids): max(np_ids) + 1], anchor=anchor)
