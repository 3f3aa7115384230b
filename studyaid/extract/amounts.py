"""Money and percentages, and what they measure: "a \u00a346m fee", "a budget of \u20ac3.5bn", "the deal is
worth $500bn", "90% of PCs", "sales rose 12%"; a converted amount in brackets measures the same thing; numbers
with a unit glued on ("10Mbps")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..document import Document
from ..facts import Quantity
from .clauses import clause_around
from ..lexicon import VERBS_NAMING_AMOUNT
from .common import clean_text, sentence_source
from .numbers import CURRENCY_SIGNS, SUFFIX_SCALES, SUFFIXED, TIME_UNITS
from .counted import PRONOUN_HEADS, TIME_DETERMINERS, VALUE_VERBS, np_text, predicate, subject_noun
from .number_groups import CURRENCIES, PERCENT_WORDS, group_root, group_value, plus_after, qualifier, qualifier_start, \
    written_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# words for a sum that an amount is, whose real subject is elsewhere: "a total of $50,000 in cash prizes"
AGGREGATE_WORDS = {"total", "sum", "amount", "average", "worth"}
# nouns that open a preposition ("thanks to", "courtesy of"): they end the words naming what an amount is
PREPOSITION_NOUNS = {"thanks", "courtesy", "instead", "regardless", "because"}
# verbs whose subject is what a percentage measures: "sales rose 12%", "the share was 40%"
SHARE_VERBS = {"rise", "fall", "grow", "increase", "decrease", "drop", "climb", "jump", "slump", "decline", "be",
               "account", "represent", "reach", "hit", "exceed", "total", "gain", "lose", "shrink"}


# verbs whose change or level a percentage given with "by", "at", "from", "to" measures:
# "sales were up by 12%", "lift the channel's share by 8%", "its share remained the same at 4.2%"
CHANGE_VERBS = SHARE_VERBS | {"lift", "raise", "boost", "cut", "reduce", "soar", "plunge", "slip", "remain", "stand",
                              "estimate", "put", "value"}


def conversions_share_their_thing(found: list[tuple["Span", Quantity]]) -> Iterator[Quantity]:
    """ "$150m (\u00a377m)": an amount converted in brackets measures what the first amount measures."""
    for k, (group, fact) in enumerate(found):
        if k and fact.unit in CURRENCY_SIGNS and group.start >= 2 and group.doc[group.start - 1].text == "(":
            before, first = found[k - 1]
            if before.end == group.start - 1 and first.unit in CURRENCY_SIGNS \
                    and first.counted not in CURRENCY_SIGNS.values():
                fact = fact.model_copy(update={"counted": first.counted, "counted_head": first.counted_head})
        yield fact


def _noun_run(doc: "Doc", k: int) -> "Token | None":
    """The noun ending the words from ``k`` that name what an amount is ("a $1m tournament thanks to ...",
    "a \u00a346m transfer fee for ...", "Arsenal's \u00a3100m deal with ..."): adjectives, then nouns, as
    written, whatever the tagger made of them; None if no such word follows."""
    head, seen_noun = None, False
    while k < len(doc) and doc[k].is_alpha and doc[k].lower_ not in CURRENCIES and doc[k].lower_ not in TIME_DETERMINERS \
            and (doc[k].pos_ in ("NOUN", "PROPN", "ADJ") or doc[k].tag_ in ("NN", "NNS", "VB", "VBP")) \
            and doc[k].tag_ not in ("JJR", "JJS", "RBR", "RBS"):  # "25% more than", "30% higher"
        noun = doc[k].pos_ in ("NOUN", "PROPN") or doc[k].tag_ in ("NN", "NNS")
        if seen_noun and not noun or head is not None and k + 1 < len(doc) and doc[k].lower_ in PREPOSITION_NOUNS \
                and doc[k + 1].lower_ in ("to", "of"):
            break  # "a $1m prize last week", "a $1m tournament thanks to ..."
        head, seen_noun = doc[k], seen_noun or noun
        while k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_ \
                and doc[k + 2].is_alpha:
            k += 2  # "a \u00a33m pay-off", "a $2m buy-out": one hyphenated word, named by its last part
            head, seen_noun = doc[k], True
        k += 1
    return head


def _spent_in(group: "Span") -> "Token | None":
    """What an amount is reckoned in, written just after it: "\u00a324m in gross revenues", "$5m in damages";
    not a time or a place ("\u00a33m in its first four days", "$5m in the US")."""
    doc, k = group.doc, group.end
    if k >= len(doc) or doc[k].lower_ != "in":
        return None
    obj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() in TIME_UNITS or obj.ent_type_:
        return None
    if obj.tag_ == "NNS" or not any(c.dep_ in ("det", "nummod", "poss") for c in obj.children):
        return obj
    return None


def _past_aggregate(noun: "Token | None", group: "Span") -> "Token | None":
    """Past a word for a sum to what it sums: "a total of $50,000 in cash prizes" (prizes), "its share stands
    at an average of 28.6%" (share)."""
    if noun is None or noun.lemma_.lower() not in AGGREGATE_WORDS:
        return noun
    spent = _spent_in(group)
    if spent is not None:
        return spent
    if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "by", "at", "from"):
        return _changed(noun) or noun
    if noun.lower_ == "worth":  # "$4,000 worth of coffee machines"
        return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)
    if noun.dep_ in ("dobj", "npadvmod") and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in CHANGE_VERBS:
        return subject_noun(noun.head) or noun  # "prices are dropping an average of 20% a year"
    return noun


def _measured(group: "Span", unit: str) -> "Token | None":
    return _past_aggregate(_what_it_measures(group, unit), group)


def _what_it_measures(group: "Span", unit: str) -> "Token | None":
    """What an amount of money or a percentage is: "a \u00a346m fee", "a budget of \u20ac3.5bn",
    "90% of PCs", "the fee was \u00a346m", "the deal is worth $500bn", "sales rose 12%"."""
    doc = group.doc
    root = next((t for t in group if not group.start <= t.head.i < group.end), group[-1])
    nxt = doc[group.end] if group.end < len(doc) else None
    before = doc[group.start - 1] if group.start > 0 else None
    determined = before is not None and (before.tag_ in ("POS", "PRP$") or before.lower_ in ("a", "an", "the"))
    run = _noun_run(doc, group.end + plus_after(group)) if not group[-1].text.endswith(".") else None
    if run is not None and (determined or root.head.i in range(group.end, run.i + 1) and run.pos_ in ("NOUN", "PROPN")):
        return run  # "Arsenal's \u00a3100m deal", "a $1m tournament", "the League's $1m Painkiller contest"
    spent = _spent_in(group) if unit not in PERCENT_WORDS else None
    if spent is not None:
        return spent  # "an estimated \u00a324m in gross revenues"
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in CURRENCIES:  # "a \u00a346m fee"
        head = nxt
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head  # "a \u00a346m transfer fee"
        if root.head.i == head.i or root.head.i == nxt.i or nxt.head.i in range(group.start, group.end):
            return head
    for prep in (c for t in group for c in t.children):  # "90% of PCs", "\u00a35m of funding"
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i >= group.end:
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None:
                return _hyphened_end(obj)
    start = qualifier_start(group)  # "takings of $4.7m", "debts of \u00a362m", "increases of more than 10%"
    if start >= 2 and doc[start - 1].lower_ == "of" and _common_noun(doc[start - 2]) \
            and doc[start - 2].lemma_.lower() not in TIME_UNITS and doc[start - 2].lower_ not in CURRENCIES:
        return doc[start - 2]
    bounded = doc[start - 1] if start < group.start and start >= 1 else None
    if bounded is not None and bounded.pos_ == "NOUN" and unit not in PERCENT_WORDS \
            and bounded.lemma_.lower() not in TIME_UNITS and bounded.lower_ not in CURRENCIES \
            and not (root.head.pos_ in ("VERB", "AUX") and bounded.head.i == root.head.i):
        return bounded  # "any fee over \u00a335m": a noun the comparison bounds (not "cost the county up to $4m":
        # the noun and the amount are two arguments of one verb)
    while root.head != root and _money_token(root.head):
        root = root.head  # "$17.1m (\u00a38.8m)": the converted amount is the same thing
    if root.dep_ == "pobj" and _common_noun(root.head.head) and not _money_token(root.head.head) \
            and root.head.head.lower_ not in PERCENT_WORDS \
            and root.head.lower_ not in ("in", "at", "for", "to", "by", "from", "with"):  # not "in third place with $10m"
        return root.head.head  # "a budget of \u20ac3.5bn", "any fee over \u00a335m"
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "by", "at", "from"):
        return _changed(root)
    if root.dep_ == "npadvmod" and root.head.tag_ in ("JJR", "RBR") and root.head.head.pos_ in ("VERB", "AUX"):
        return subject_noun(root.head.head)  # "the figure was 30% more than in 2003"
    if root.dep_ in ("dobj", "npadvmod") and root.head.pos_ == "VERB":
        for prep in root.head.children:  # "made $17.1m in ticket sales", not "took \u00a33m in its first four days"
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "in" else None
            if obj is not None and prep.i > root.i and obj.pos_ == "NOUN" and obj.lemma_.lower() not in TIME_UNITS \
                    and (obj.tag_ == "NNS" or not any(c.dep_ in ("det", "amod", "nummod", "poss") for c in obj.children)):
                return obj
    named_by = root.head.head if root.dep_ in ("appos", "nummod") and root.head.lower_ == "record" \
        and root.head.i < root.i else root.head  # "fined a record $550,000": the amount, not a record
    if root.dep_ in ("dobj", "appos", "nummod") and named_by.pos_ == "VERB" and _amount_verb(named_by) is not None \
            and unit not in PERCENT_WORDS:
        return named_by  # "the epic, which cost $150m", "was fined a record $550,000": a cost, a fine
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lower_ not in CURRENCIES \
            and unit not in PERCENT_WORDS:  # (a share in brackets or commas glosses its noun: "second place (67%)")
        return root.head  # "the fee, \u00a346m, ..."
    verb = root.head
    if verb.lower_ == "worth" and verb.dep_ in ("acomp", "amod", "prep"):
        if verb.dep_ == "amod" and verb.head.pos_ == "NOUN":
            return verb.head  # "a deal worth $500bn"
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        verbs = SHARE_VERBS if unit in PERCENT_WORDS else VALUE_VERBS | SHARE_VERBS
        valued = verb.lemma_.lower() in verbs or root.head.lower_ == "worth"
        subject = subject_noun(verb)
        while subject is None and valued and verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "the deal is said to be worth \u20ac60m": the subject of the raising verb
            subject = subject_noun(verb)  # (not "the BBC is to invest \u00a39m": who spends is no value)
        if subject is not None and valued:
            return subject
    return None


def _hyphened_end(tok: "Token") -> "Token":
    """The last part of a word written with hyphens that the tokenizer split ("90% of e-mail": "mail")."""
    doc, k = tok.doc, tok.i
    while k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_ \
            and doc[k + 2].is_alpha:
        k += 2
    return doc[k]


def _hyphened_text(tok: "Token", counted: str) -> str:
    """``counted`` with the parts a hyphen joins before ``tok`` ("mail" -> "e-mail")."""
    doc, k = tok.doc, tok.i
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_ \
            and doc[k - 2].is_alpha:
        k -= 2
    if k == tok.i or not counted.startswith(tok.text):
        return counted
    return doc[k: tok.i].text + counted


def _common_noun(tok: "Token") -> bool:
    """A common noun, also one the tagger took for a name in lower case ("the jackpot prize of US$100,000")."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text.islower()


def _changed(root: "Token") -> "Token | None":
    """What an amount after "to", "by", "at" or "from" is the level or change of: "taking its total to
    $110m", "sales were up by 12%", "lift its share by 8%", "piracy estimated at 92%", "fell from 9% to 7%"."""
    tok, prep = root, root.head
    while tok.dep_ == "pobj" and tok.head.lower_ in ("to", "by", "at", "from") \
            or tok.dep_ == "prep" and tok.lower_ in ("to", "by", "at", "from"):  # "from 9% to 7%"
        prep = tok.head if tok.dep_ == "pobj" else prep
        tok = tok.head
    if tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.head.pos_ == "NOUN":
        return tok.head  # "piracy estimated at 92%"
    if tok.pos_ in ("ADV", "ADJ") and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head  # "were up by 12%"
    if tok.pos_ not in ("VERB", "AUX") or prep.lower_ != "to" and tok.lemma_.lower() not in CHANGE_VERBS:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    return obj or subject_noun(tok)


def _amount_verb(verb: "Token") -> str | None:
    """The noun a verb names its amount by ("cost", "fined" -> "fine"), or None."""
    return VERBS_NAMING_AMOUNT.get(verb.lemma_.lower()) or VERBS_NAMING_AMOUNT.get(verb.lower_)


def _money_token(tok: "Token") -> bool:
    return tok.text in CURRENCY_SIGNS or tok.like_num or tok.lower_.rstrip(".") in SUFFIX_SCALES \
        or SUFFIXED.fullmatch(tok.text) is not None


def money_or_percent(group: "Span", document: Document, used: set[int], unit: str) -> Quantity | None:
    """Money written with a sign ("\u00a346m", "$1.2 million") or a percentage ("12%", "12 per cent")."""
    value = group_value(group)
    if value is None:
        return None
    noun = _measured(group, unit)
    if noun is not None and group.start <= noun.i < group.end:
        noun = None  # "62% were unaware": the share is its own subject, it measures nothing named
    if noun is not None and noun.pos_ in ("VERB", "AUX") and _amount_verb(noun) is not None:
        counted = head = _amount_verb(noun)  # "the epic cost $150m", "fined \u00a3150,000"
        np_ids = {t.i for t in group}
        noun = None
    elif noun is not None:
        ids = {t.i for t in group}
        for child in noun.children:  # "a deal worth \u00a3100m": the amount's own branch is not the thing
            branch = {t.i for t in child.subtree}
            if ids & branch:
                ids |= branch
        counted, head = _hyphened_text(noun, np_text(noun, ids)), noun.lemma_.lower()
        np_ids = ids | {t.i for t in noun.subtree} if noun.i > group.end else ids
    elif unit in PERCENT_WORDS and group_root(group).dep_ not in ("nsubj", "nsubjpass"):
        return None  # a share of nothing named: "compared to 29% from ..." (but "40% said ..." is who said it)
    else:
        counted = CURRENCY_SIGNS.get(unit, "per cent")
        head = counted.rstrip("s") if unit in CURRENCY_SIGNS else "percent"
        np_ids = {t.i for t in group}
    if not counted or counted.lower() in PRONOUN_HEADS:
        return None
    doc = group.doc
    used.update(t.i for t in group)
    end = noun.i + 1 if noun is not None and noun.i >= group.end and noun.i - group.end <= 3 else group.end
    span = doc[qualifier_start(group): group.end]
    return Quantity(
        value=value,
        text=written_text(group),
        qualifier=qualifier(group),
        unit=unit,
        counted=counted,
        counted_head=head,
        phrase=clean_text(re.sub(r'["\u201c\u201d]', "", doc[qualifier_start(group): end].text)).rstrip("."),
        predicate=predicate(group[-1], np_ids),
        clause=clause_around(span, anchor=span.root),
        sources=[sentence_source(document, group.sent)],
        confidence=0.85,
    )


def glued_measure(group: "Span", unit: str, value: float, document: Document, used: set[int]) -> Quantity:
    """A numeral with its unit glued on and no noun after it: "speeds of 10Mbps", "runs at 3GHz". The unit is
    what is counted; the text is the number as written without it."""
    doc = group.doc
    ids = {t.i for t in group}
    used.update(ids)
    span = doc[qualifier_start(group): group.end]
    return Quantity(
        value=value,
        text=written_text(group)[: -len(unit)],
        qualifier=qualifier(group),
        counted=unit,
        counted_head=unit.lower(),
        phrase=clean_text(span.text),
        predicate=predicate(group[-1], ids),
        clause=clause_around(span, anchor=span.root),
        sources=[sentence_source(document, group.sent)],
        confidence=0.85,
    )
