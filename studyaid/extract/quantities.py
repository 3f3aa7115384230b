"""How many: numbers with what they count, normalised and qualified.

"26 of Ukraine's allies pledged ..." -> 26, counted "Ukraine's allies"; "84 out of 112 drones" -> 84 of
a total of 112 "drones"; "two dozen countries" -> 24; "at least three people" keeps "at least";
"21.9 billion euros" -> 2.19e10 euros. Money with a sign and a scale suffix ("a \u00a346m fee" -> 4.6e7,
unit "\u00a3", counted "fee"; "a budget of \u20ac3.5bn"; "the deal is worth $500bn"), percentages ("90% of
PCs", unit "%"; "12 per cent"), thousands written with spaces ("3 000") and ranges ("30 to 40 people":
value 30, the text "30 to 40" keeps both ends). Dates, clock times ("1900 GMT"), scores ("won 2-1"),
ordinals, ages ("40-year-old") and numbers in page junk are not quantities; vague amounts
("thousands") are kept but flagged ``vague``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..document import Document
from ..facts import Quantity
from .clauses import clause_around
from .common import clean_text, in_junk, sentence_source, tokens_text
from .numbers import CURRENCY_SIGNS, SCALES, SUFFIX_SCALES, SUFFIXED, TENS, UNITS, VAGUE, VAGUE_VALUES, \
    parse_number, parse_range

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
PERCENT_WORDS = ("%", "per cent", "percent")
# verbs whose subject is what a percentage measures: "sales rose 12%", "the share was 40%"
SHARE_VERBS = {"rise", "fall", "grow", "increase", "decrease", "drop", "climb", "jump", "slump", "decline", "be",
               "account", "represent", "reach", "hit", "exceed", "total", "gain", "lose", "shrink"}
CLOCK_ZONES = {"gmt", "bst", "utc", "cet", "est", "pst", "edt", "hrs", "hours", "local"}
RANGE_LINKS = {"-", "\u2013", "to"}


def extract_quantities(doc: "Doc", document: Document) -> Iterator[Quantity]:
    """Yield one :class:`Quantity` per counted amount in ``doc`` outside junk."""
    used: set[int] = set()
    for group in _number_groups(doc):
        if group[0].i in used or in_junk(document, group) or _is_age(group) or _in_skip_entity(group) \
                or _is_clock_time(group) or _is_score(group):
            continue
        fact = _quantity(group, document, used)
        if fact is not None:
            yield fact


def _in_skip_entity(group: "Span") -> bool:
    return any(t.ent_type_ in SKIP_LABELS for t in group)


def _is_clock_time(group: "Span") -> bool:
    """ "1900 GMT", "0130 local time": a 24-hour clock reading, not an amount."""
    doc = group.doc
    return len(group) == 1 and re.fullmatch(r"[0-2]\d[0-5]\d", group.text) is not None \
        and group.end < len(doc) and doc[group.end].lower_ in CLOCK_ZONES


def _range_link(group: "Span") -> "Token | None":
    """The "to", dash or "and" between a range's two ends; not the hyphen of "twenty-six"."""
    doc = group.doc
    return next((t for t in group[1:-1] if (t.lower_ in RANGE_LINKS or t.lower_ == "and")
                 and not (doc[t.i - 1].lower_ in TENS and doc[t.i + 1].lower_ in UNITS)), None)


def _is_score(group: "Span") -> bool:
    """Two numbers linked by a dash that do not rise ("won 2-1", "a 45-6 win"): a result, not a range."""
    link = _range_link(group)
    return link is not None and parse_range(group.text) is None


def _number_groups(doc: "Doc") -> Iterator["Span"]:
    """Maximal runs of number tokens ("two dozen", "21.9 billion", "$23.6 billion", "\u00a346m", "3 000",
    "30 to 40", "12 per cent") and vague amounts."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        if _numeric(tok) or tok.lower_ in VAGUE and tok.lower_ in VAGUE_VALUES:
            start = i - 1 if i > 0 and doc[i - 1].text in CURRENCY_SIGNS else i
            j = _number_end(doc, i, money=start < i)
            if j + 2 < len(doc) and doc[j + 1].lower_ in RANGE_LINKS and _range_end(doc, j + 2, money=start < i):
                j = _range_end(doc, j + 2, money=start < i)  # "30 to 40", "30-40", "\u00a330m-\u00a340m"
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
        elif j + 1 < len(doc) and _scale_suffix(doc[j], doc[j + 1], money):
            j += 1  # "46m" tokenised as "46" "m"
        elif j + 1 < len(doc) and _numeric(doc[j + 1]) and _same_number(doc[j], doc[j + 1]):
            j += 1
        else:
            return j


def _range_end(doc: "Doc", k: int, money: bool) -> int | None:
    """The end of a range's second number starting at ``k`` (after a currency sign), or None."""
    if k < len(doc) and doc[k].text in CURRENCY_SIGNS:
        k += 1
    if k < len(doc) and _numeric(doc[k]):
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


def _scale_suffix(a: "Token", b: "Token", money: bool) -> bool:
    """ "m"/"bn"/"k" glued to a numeral: millions after a currency sign or before a plural noun
    ("\u00a346m", "18m people"); otherwise a unit ("3,000m" is metres)."""
    if a.whitespace_ or b.lower_.rstrip(".") not in SUFFIX_SCALES or not re.fullmatch(r"\d[\d,.]*", a.text):
        return False
    if money or b.lower_.startswith("bn"):
        return True
    nxt = b.nbor() if b.i + 1 < len(b.doc) else None  # "18m people", "3.55m euros"
    return nxt is not None and (nxt.tag_ in ("NNS", "NNPS") or nxt.lower_ in CURRENCIES)


def _same_number(a: "Token", b: "Token") -> bool:
    """Adjacent number words of one amount ("two dozen", "21.9 billion"), not two amounts ("two 40-year-old")."""
    return b.lower_ in SCALES or a.head.i == b.i or b.head.i == a.i


def _numeric(tok: "Token") -> bool:
    if SUFFIXED.fullmatch(tok.text):
        return True  # "500bn", "3.5bn": one token, often tagged as an adjective
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


def _written(group: "Span") -> str:
    """The amount as written, without a sentence's full stop the tokenizer left on "m." ("$150m.")."""
    return group.text[:-1] if group.text.endswith(".") and group[-1].lower_.rstrip(".") in SUFFIX_SCALES \
        else group.text


def _value(group: "Span") -> float | None:
    """The group's value: the low end of a range ("30 to 40" -> 30), else the whole number."""
    text = _written(group)
    for word in PERCENT_WORDS:
        if text.lower().endswith(word):
            text = text[: -len(word)]
    if _range_link(group) is not None:
        ends = parse_range(text)
        return ends[0] if ends else None
    return parse_number(text)


def _percent_unit(group: "Span") -> str | None:
    low = group.text.lower()
    return next((word for word in PERCENT_WORDS if low.endswith(word)), None)


def _measured(group: "Span", unit: str) -> "Token | None":
    """What an amount of money or a percentage is: "a \u00a346m fee", "a budget of \u20ac3.5bn",
    "90% of PCs", "the fee was \u00a346m", "the deal is worth $500bn", "sales rose 12%"."""
    doc = group.doc
    root = next((t for t in group if not group.start <= t.head.i < group.end), group[-1])
    nxt = doc[group.end] if group.end < len(doc) else None
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
                return obj
    while root.head != root and _money_token(root.head):
        root = root.head  # "$17.1m (\u00a38.8m)": the converted amount is the same thing
    if root.dep_ == "pobj" and root.head.head.pos_ == "NOUN" and root.head.lower_ not in ("in", "at", "for"):
        return root.head.head  # "a budget of \u20ac3.5bn", "any fee over \u00a335m"
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.pos_ == "VERB":
        verb = root.head.head  # "taking its total to $110m", "the fee rising to \u00a32.2m"
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
        return obj or subject
    if root.dep_ in ("dobj", "npadvmod") and root.head.pos_ == "VERB":
        for prep in root.head.children:  # "made $17.1m in ticket sales"
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "in" else None
            if obj is not None and prep.i > root.i and obj.pos_ == "NOUN" and (obj.tag_ == "NNS" or not any(
                    c.dep_ in ("det", "amod", "nummod", "poss") for c in obj.children)):
                return obj
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return root.head  # "the fee, \u00a346m, ..."
    verb = root.head
    if verb.lower_ == "worth" and verb.dep_ in ("acomp", "amod", "prep"):
        if verb.dep_ == "amod" and verb.head.pos_ == "NOUN":
            return verb.head  # "a deal worth $500bn"
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        verbs = SHARE_VERBS if unit in PERCENT_WORDS else VALUE_VERBS | SHARE_VERBS
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and (
                verb.lemma_.lower() in verbs or root.head.lower_ == "worth"):
            return subject
    return None


def _money_token(tok: "Token") -> bool:
    return tok.text in CURRENCY_SIGNS or tok.like_num or tok.lower_.rstrip(".") in SUFFIX_SCALES \
        or SUFFIXED.fullmatch(tok.text) is not None


def _quantity(group: "Span", document: Document, used: set[int]) -> Quantity | None:
    sign = group[0].text if group[0].text in CURRENCY_SIGNS else None
    percent = _percent_unit(group)
    if sign or percent:
        return _measure(group, document, used, sign or percent)
    words = group.text
    vague = group[0].lower_ in VAGUE
    value = VAGUE_VALUES.get(group[0].lower_) if vague else _value(group)
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


def _measure(group: "Span", document: Document, used: set[int], unit: str) -> Quantity | None:
    """Money written with a sign ("\u00a346m", "$1.2 million") or a percentage ("12%", "12 per cent")."""
    value = _value(group)
    if value is None:
        return None
    noun = _measured(group, unit)
    if noun is not None:
        ids = {t.i for t in group}
        for child in noun.children:  # "a deal worth \u00a3100m": the amount's own branch is not the thing
            branch = {t.i for t in child.subtree}
            if ids & branch:
                ids |= branch
        counted, head = _np_text(noun, ids), noun.lemma_.lower()
        np_ids = ids | {t.i for t in noun.subtree} if noun.i > group.end else ids
    else:
        counted = CURRENCY_SIGNS.get(unit, "per cent")
        head = counted.rstrip("s") if unit in CURRENCY_SIGNS else "percent"
        np_ids = {t.i for t in group}
    if not counted or counted.lower() in PRONOUN_HEADS:
        return None
    doc = group.doc
    used.update(t.i for t in group)
    end = noun.i + 1 if noun is not None and noun.i >= group.end and noun.i - group.end <= 3 else group.end
    span = doc[_qualifier_start(group): group.end]
    return Quantity(
        value=value,
        text=_written(group),
        qualifier=_qualifier(group),
        unit=unit,
        counted=counted,
        counted_head=head,
        phrase=clean_text(re.sub(r'["\u201c\u201d]', "", doc[_qualifier_start(group): end].text)).rstrip("."),
        predicate=_predicate(group[-1], np_ids),
        clause=clause_around(span, anchor=span.root),
        sources=[sentence_source(document, group.sent)],
        confidence=0.85,
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
