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
from ..lexicon import MONTHS
from .common import clean_text, sentence_source, subject_of, tokens_text
from .numbers import CURRENCY_SIGNS, GLUED_UNITS, SCALES, SUFFIX_SCALES, SUFFIXED, TENS, TIME_UNITS, UNITS, VAGUE, \
    VAGUE_VALUES, glued_unit, is_unit_word, parse_number, parse_range

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
# verbs whose change or level a percentage given with "by", "at", "from", "to" measures:
# "sales were up by 12%", "lift the channel's share by 8%", "its share remained the same at 4.2%"
CHANGE_VERBS = SHARE_VERBS | {"lift", "raise", "boost", "cut", "reduce", "soar", "plunge", "slip", "remain", "stand",
                              "estimate", "put", "value"}
# what a distance glued to "m" names in sport: "the 400m hurdles", "her 200m titles" are metres, not millions
RACE_WORDS = {"hurdle", "relay", "title", "race", "final", "record", "champion", "championship", "medal",
              "freestyle", "breaststroke", "backstroke", "butterfly", "medley", "sprint", "event", "heat", "dash"}
# nouns whose plural is the singular: "300 staff" counts staff
SAME_PLURAL = {"staff", "personnel", "crew", "police", "cattle", "livestock", "sheep", "deer", "fish", "aircraft",
               "series", "species", "offspring", "clergy", "headquarters"}
NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LAW"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}
CLOCK_ZONES = {"gmt", "bst", "utc", "cet", "est", "pst", "edt", "hrs", "hours", "local"}
RANGE_LINKS = {"-", "\u2013", "to"}


def extract_quantities(doc: "Doc", document: Document) -> Iterator[Quantity]:
    """Yield one :class:`Quantity` per counted amount in ``doc`` outside junk."""
    used: set[int] = set()
    labels = _label_numerals(doc)
    found: list[tuple["Span", Quantity]] = []
    for group in _number_groups(doc):
        if group[0].i in used or _not_an_amount(group, labels):
            continue
        unit = _time_unit(group)
        if unit is not None:
            fact = _duration(group, unit, document, used)
        elif _in_skip_entity(group):
            continue
        else:
            fact = _quantity(group, document, used)
        if fact is not None:
            found.append((group, fact))
    yield from _conversions_share_their_thing(found)


def _not_an_amount(group: "Span", labels: set[str]) -> bool:
    """Numbers that count nothing: vague amounts, parts of names and codes, clock times, scores, idioms
    with "one", chart ranks, a date's second day, an amount in a negated clause."""
    return _is_vague(group) or _in_name(group) or _is_code(group, labels) or _is_clock_time(group) \
        or _is_score(group) or _one_idiom(group) or _is_ratio(group) or _is_rank(group) or _after_date(group) \
        or _is_fraction(group) or _is_multiplier(group) or _is_alternative(group)


def _conversions_share_their_thing(found: list[tuple["Span", Quantity]]) -> Iterator[Quantity]:
    """ "$150m (\u00a377m)": an amount converted in brackets measures what the first amount measures."""
    for k, (group, fact) in enumerate(found):
        if k and fact.unit in CURRENCY_SIGNS and group.start >= 2 and group.doc[group.start - 1].text == "(":
            before, first = found[k - 1]
            if before.end == group.start - 1 and first.unit in CURRENCY_SIGNS \
                    and first.counted not in CURRENCY_SIGNS.values():
                fact = fact.model_copy(update={"counted": first.counted, "counted_head": first.counted_head})
        yield fact


# --- numbers that count nothing -------------------------------------------------------------------

# what goes before a number and makes it vague: "several hundred", "tens of thousands", "a few"
VAGUE_BEFORE = {"several", "many", "few", "hundreds", "thousands", "millions", "tens", "dozens", "scores"}
# a word before "one" that makes it "the only" or a pronoun: "the one team that", "no one", "this one"
ONE_DETERMINERS = {"the", "this", "that", "no", "any", "every", "each", "which", "a", "another", "only"}
ONE_IDIOM_NOUNS = {"point", "stage", "time", "moment", "day"}  # "at one point", "at one stage"
FRACTIONS = {"half", "third", "quarter", "fifth", "tenth"}


def _is_vague(group: "Span") -> bool:
    """ "thousands of fans", "millions of dollars", "several hundred machines", "tens of thousands": the
    label guide leaves vague amounts out and no question can ask for one, so they are not facts."""
    doc = group.doc
    if group[0].lower_ in VAGUE:
        return True
    k = group.start - 1
    if k >= 1 and doc[k].lower_ == "of":
        k -= 1
    return k >= 0 and doc[k].lower_ in VAGUE_BEFORE


def _sentence_initial(tok: "Token") -> bool:
    """The first word of its sentence, or of a quotation or clause after a colon opening there."""
    k = tok.i - 1
    while k >= tok.sent.start and (tok.doc[k].is_punct or tok.doc[k].is_quote) and tok.doc[k].text not in (",", "-"):
        if tok.doc[k].text in (":", "\u201c", '"', "(", "\u2018"):
            return True
        k -= 1
    return k < tok.sent.start


def _number_word(tok: "Token") -> bool:
    return tok.lower_ in UNITS or tok.lower_ in TENS or tok.lower_ in SCALES or "-" in tok.lower_


def _in_name(group: "Span") -> bool:
    """A number inside a name or title: "the Two Ronnies", "BBC Five Live", "Million Dollar Baby",
    "Four-Kings", "Super 12", "Radio 1", "100% Homegrown"."""
    doc = group.doc
    if any(t.is_alpha and t.text[:1].isupper() and _number_word(t) and not _sentence_initial(t) for t in group):
        return True  # a number word written with a capital inside a sentence
    if any(t.ent_type_ in NAME_LABELS and glued_unit(t.text) is None for t in group):
        return True  # the parser's own names: "Ten Cate said", "Catch-22" (not a measure it slipped on: "3GHz")
    first, after = group[0], group.end
    if after + 1 < len(doc) and doc[after].text == "-" and not group[-1].whitespace_ \
            and doc[after + 1].text[:1].isupper():
        return True  # "Four-Kings"
    if first.text[:1].isdigit() and first.i > 0:
        prev = doc[first.i - 1]  # "Super 12", "Radio 1", "Nokia 7610", but not "June 24"
        if prev.whitespace_ and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.is_alpha \
                and prev.lower_ not in MONTHS and prev.ent_type_ != "DATE":
            return True
    nxt = doc[after] if after < len(doc) else None
    return _percent_unit(group) is not None and nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() \
        and not _sentence_initial(nxt) and nxt.ent_type_ not in ("GPE", "NORP")  # "100% Homegrown"


def _glued_code(tok: "Token") -> bool:
    """A numeral with letters glued after it that are no unit: "3G", "4K" (not "10km", "70p", "46m")."""
    doc = tok.doc
    if tok.whitespace_ or tok.i + 1 >= len(doc) or not doc[tok.i + 1].is_alpha:
        return False
    letters = doc[tok.i + 1].text
    return not (letters.lower() in GLUED_UNITS and (len(letters) > 1 or letters.islower()))


def _labels_a_singular(group: "Span") -> bool:
    """A number above one before a singular noun it modifies names or grades that thing, it does not
    count it: "the 7610 phone", "the 2300 slot", "an 18 certificate", "the seven million barrier"."""
    root = next((t for t in group if not group.start <= t.head.i < group.end), group[-1])
    head = root.head
    value = parse_number(group.text)
    return value is not None and value != 1 and root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") \
        and head.i >= group.end and head.tag_ == "NN" and head.lemma_.lower() not in TIME_UNITS | SAME_PLURAL \
        and not any(t.text == "-" or is_unit_word(t.text) for t in group.doc[group.end:head.i]) \
        and bool(group[-1].whitespace_) and glued_unit(group[-1].text) is None


def _label_numerals(doc: "Doc") -> set[str]:
    """Numerals of three digits or more that the article uses as a model or slot name somewhere ("Nokia's
    7610", "the 7610 phone"): the same numeral is that name everywhere in the article ("7610 owners")."""
    labels = set()
    for tok in doc:
        if re.fullmatch(r"\d{3,}", tok.text) and tok.ent_type_ not in ("MONEY", "PERCENT"):
            span = doc[tok.i: tok.i + 1]
            if _glued_code(tok) or _in_name(span) or _labels_a_singular(span) \
                    or tok.i + 1 < len(doc) and _glued_code(doc[tok.i + 1]):
                labels.add(tok.text)
    return labels


def _is_code(group: "Span", labels: set[str]) -> bool:
    """Model numbers and codes: "3G", "Sharp's 902 3G phone", "the 7610 phone" and "7610 owners"."""
    if group[0].text in CURRENCY_SIGNS or _percent_unit(group) is not None:
        return False
    return (len(group) == 1 and group.text in labels) or _glued_code(group[-1]) or _labels_a_singular(group)


def _one_idiom(group: "Span") -> bool:
    """ "one" that counts nothing: "from one phone to another", "the one team that", "one such example",
    "a one-on-one game", "at one point", "one half of the duo", "not tied to one genre"."""
    if group.text.lower() not in ("one", "1"):
        return False
    doc, tok = group.doc, group[0]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    sent_rest = [t.lower_ for t in doc[tok.i + 1: tok.sent.end]]
    if "another" in sent_rest or any(a == "the" and b == "other" for a, b in zip(sent_rest, sent_rest[1:])):
        return True
    if prev is not None and prev.lower_ in ONE_DETERMINERS:
        return True
    if nxt is not None and (nxt.lower_ in ("such", "another") or nxt.text == "-" and not tok.whitespace_):
        return True
    if nxt is not None and nxt.lower_ in ONE_IDIOM_NOUNS and (prev is not None and prev.lower_ == "at"
                                                           or nxt.dep_ in ("npadvmod", "advmod")):
        return True  # "at one point", "he can go abroad one day"
    verb = tok.head.head if tok.head.dep_ == "pobj" else tok.head
    verb = verb.head if verb.dep_ == "prep" else verb
    return any(c.dep_ == "neg" for c in verb.children)  # "not committed to one genre", "not one vote"


def _is_fraction(group: "Span") -> bool:
    """ "one half of the duo", "two thirds of the cash": a fraction, not a count of halves or thirds."""
    doc = group.doc
    return group.end < len(doc) and doc[group.end].lemma_.lower() in FRACTIONS


def _is_multiplier(group: "Span") -> bool:
    """ "two times higher", "three times as many": a multiplier, not a count of times."""
    doc, k = group.doc, group.end
    return k + 1 < len(doc) and doc[k].lower_ == "times" and (doc[k + 1].tag_ in ("JJR", "RBR") or doc[k + 1].lower_ == "as")


def _is_alternative(group: "Span") -> bool:
    """ "one or two seconds", "four, five or probably six sides", "five and ten gigabytes": numbers offered
    as alternatives or listed side by side for one noun; none of them is the amount."""
    doc = group.doc

    def number_at(k: int, step: int) -> bool:
        while 0 <= k < len(doc) and doc[k].pos_ == "ADV":
            k += step  # "or probably six"
        return 0 <= k < len(doc) and (_numeric(doc[k]) or doc[k].lower_ == "one")

    after, before = group.end, group.start - 1
    while before >= 0 and doc[before].pos_ == "ADV":
        before -= 1  # "or maybe six"
    return after < len(doc) and doc[after].lower_ in ("or", "and", ",") and number_at(after + 1, 1) \
        or before >= 0 and doc[before].lower_ in ("or", "and", ",") and number_at(before - 1, -1)


def _is_ratio(group: "Span") -> bool:
    """ "one in five viewers": a ratio, neither number a count."""
    doc = group.doc
    after, before = group.end, group.start
    if after + 1 < len(doc) and doc[after].lower_ == "in" and _numeric(doc[after + 1]) \
            and doc[after + 1].ent_type_ != "DATE":
        return True  # "one in five", not "worth $330m in 2004"
    return before >= 2 and doc[before - 1].lower_ == "in" and (_numeric(doc[before - 2]) or doc[before - 2].lower_ == "one")


def _is_rank(group: "Span") -> bool:
    """ "eight top three hits": the second number is the chart position, not a count."""
    doc, k = group.doc, group.start
    if k >= 1 and doc[k - 1].lower_ in ("number", "no", "no."):
        return True  # "the number one side"
    if k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and (_numeric(doc[k - 2]) or _number_word(doc[k - 2])):
        return True  # "a one-one-one title"
    return k >= 2 and doc[k - 1].lower_ == "top" and _numeric(doc[k - 2])


def _after_date(group: "Span") -> bool:
    """ "on June 24 and 25": the second day of a date."""
    doc, k = group.doc, group.start
    return len(group) == 1 and group[0].text.isdigit() and int(group[0].text) <= 31 and k >= 2 \
        and doc[k - 1].lower_ in ("and", "or", "to", "-", "\u2013", "&") and doc[k - 2].ent_type_ == "DATE"


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
    nxt = b.nbor() if b.i + 1 < len(b.doc) else None  # "18m people", "3.55m euros"; not "the 400m hurdles"
    before = a.doc[a.i - 1] if a.i > 0 else None  # nor "her indoor 200m titles"
    return nxt is not None and (nxt.tag_ in ("NNS", "NNPS") and nxt.lemma_.lower() not in RACE_WORDS
                                and (before is None or before.pos_ != "ADJ") or nxt.lower_ in CURRENCIES)


def _same_number(a: "Token", b: "Token") -> bool:
    """Adjacent number words of one amount ("two dozen", "21.9 billion"), not two amounts ("two 40-year-old")."""
    return b.lower_ in SCALES or a.head.i == b.i or b.head.i == a.i


def _numeric(tok: "Token") -> bool:
    if SUFFIXED.fullmatch(tok.text) or glued_unit(tok.text):
        return True  # "500bn", "3.5bn", "10Mbps": one token, often tagged as an adjective or a name
    return (tok.like_num or tok.lower_ in ("dozen", "hundred", "thousand", "million", "billion", "trillion")) \
        and tok.pos_ in ("NUM", "NOUN", "PROPN", "X") and tok.lower_ not in ("one", "a", "an") \
        or tok.pos_ == "NUM" and tok.lower_ == "one" and tok.dep_ == "nummod"


def _time_unit(group: "Span") -> "Token | None":
    """The noun of time a plain number measures: "two years", "a three-hour epic", "a 74-year-old", "22secs"."""
    doc = group.doc
    if group[0].text in CURRENCY_SIGNS or _percent_unit(group) is not None:
        return None
    k = group.end
    if k + 1 < len(doc) and doc[k].text == "-" and not group[-1].whitespace_ and not doc[k].whitespace_:
        k += 1
    value = _value(group)  # a range of time ("two-three years", "2-3 years") by its low end
    if value is None or value >= 1000:
        return None
    if k < len(doc) and (doc[k].lemma_.lower() in TIME_UNITS or doc[k].lower_ in TIME_UNITS):
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
    return tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i == tok.i - 2 \
        and doc[tok.i - 1].text == "," and tok.i + 1 < len(doc) and doc[tok.i + 1].text in (",", ".", ";") \
        and (tok.head.ent_type_ == "PERSON" or tok.head.pos_ == "NOUN")


# a duration in two parts ("22 minutes 45 seconds", "two years and six months") in the smaller unit
SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400, "week": 604800}
MONTHS_IN = {"month": 1, "year": 12}


def _smaller_part(unit: "Token") -> "tuple[float, Token, float] | None":
    """The second part of a duration after ``unit`` (value, its unit token, how many of it in one ``unit``)."""
    doc, k = unit.doc, unit.i + 1
    if k < len(doc) and doc[k].lower_ in ("and", ","):
        k += 1
    if k + 1 >= len(doc) or not _numeric(doc[k]):
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


def _duration(group: "Span", unit: "Token", document: Document, used: set[int]) -> Quantity | None:
    """A duration or an age: "two years" and "a three-year contract" count years; "a 74-year-old" is
    74 "years old". The text is the number as written."""
    doc = group.doc
    value = _value(group)
    if value is None:
        return None
    end, text = unit.i, _written(group)
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
    counted = (word if value == 1 else _plural(word)) + (" old" if age else "")
    hyphened = doc[group.end].text == "-"
    described = doc[end + 1] if hyphened and end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN") else None
    phrase_end = described.i if described is not None else end
    ids = {t.i for t in doc[group.start: end + 1]}
    used.update(ids)
    span = doc[_qualifier_start(group): phrase_end + 1]
    return Quantity(
        value=value,
        text=text,
        qualifier=_qualifier(group),
        counted=counted,
        counted_head=word,
        phrase=clean_text(span.text),
        predicate=_predicate(described or unit, ids | ({described.i} if described is not None else set())),
        clause=clause_around(span, anchor=span.root),
        sources=[sentence_source(document, group.sent)],
        confidence=0.85,
    )


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
    before = doc[group.start - 1] if group.start > 0 else None
    determined = before is not None and (before.tag_ in ("POS", "PRP$") or before.lower_ in ("a", "an", "the"))
    if nxt is not None and nxt.is_alpha and nxt.lower_ not in CURRENCIES and determined \
            and nxt.tag_ in ("NN", "NNS", "VB", "VBP"):
        head = nxt  # "Arsenal's \u00a3100m deal", "a $1m tournament": after a determiner, a noun whatever its tag
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
        return head
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
    start = _qualifier_start(group)  # "takings of $4.7m", "debts of \u00a362m", "increases of more than 10%"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].pos_ == "NOUN" \
            and doc[start - 2].lemma_.lower() not in TIME_UNITS and doc[start - 2].lower_ not in CURRENCIES:
        return doc[start - 2]
    while root.head != root and _money_token(root.head):
        root = root.head  # "$17.1m (\u00a38.8m)": the converted amount is the same thing
    if root.dep_ == "pobj" and root.head.head.pos_ == "NOUN" and root.head.lower_ not in ("in", "at", "for", "to", "by", "from"):
        return root.head.head  # "a budget of \u20ac3.5bn", "any fee over \u00a335m"
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "by", "at", "from"):
        return _changed(root)
    if root.dep_ == "npadvmod" and root.head.tag_ in ("JJR", "RBR") and root.head.head.pos_ in ("VERB", "AUX"):
        return _subject_noun(root.head.head)  # "the figure was 30% more than in 2003"
    if root.dep_ in ("dobj", "npadvmod") and root.head.pos_ == "VERB":
        for prep in root.head.children:  # "made $17.1m in ticket sales", not "took \u00a33m in its first four days"
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "in" else None
            if obj is not None and prep.i > root.i and obj.pos_ == "NOUN" and obj.lemma_.lower() not in TIME_UNITS \
                    and (obj.tag_ == "NNS" or not any(c.dep_ in ("det", "amod", "nummod", "poss") for c in obj.children)):
                return obj
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return root.head  # "the fee, \u00a346m, ..."
    verb = root.head
    if root.dep_ == "dobj" and verb.lemma_.lower() == "cost":
        return verb  # "the epic, which cost $150m": the amount is its cost
    if verb.lower_ == "worth" and verb.dep_ in ("acomp", "amod", "prep"):
        if verb.dep_ == "amod" and verb.head.pos_ == "NOUN":
            return verb.head  # "a deal worth $500bn"
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        subject = _subject_noun(verb)
        while subject is None and verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "the deal is said to be worth \u20ac60m": the subject of the raising verb
            subject = _subject_noun(verb)
        verbs = SHARE_VERBS if unit in PERCENT_WORDS else VALUE_VERBS | SHARE_VERBS
        if subject is not None and (verb.lemma_.lower() in verbs or root.head.lower_ == "worth"):
            return subject
    return None


def _subject_noun(verb: "Token") -> "Token | None":
    """The noun subject of a verb; through a relative pronoun to the noun it stands for ("the epic, which cost")."""
    subject = subject_of(verb, shared=True)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


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
    return obj or _subject_noun(tok)


def _group_root(group: "Span") -> "Token":
    return next((t for t in group if not group.start <= t.head.i < group.end), group[-1])


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
    glued = glued_unit(group[-1].text)
    if noun is None and glued is not None and not vague:
        return _glued_measure(group, glued[1], value, document, used)
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
    measure = is_unit_word(noun.text) and noun.i >= group.end  # "four gigabytes of music": the unit and what it holds
    counted = _np_text(noun, group_ids | total_ids, keep_preps=bool(unit) or measure)
    if not counted or counted.lower() in PRONOUN_HEADS:
        return None
    sent = group.sent
    phrase_end = max(noun.i, group.end - 1) if noun.i >= group.start else group.end - 1
    if measure:
        phrase_end = max([phrase_end] + [o.i for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                                         for o in p.children if o.dep_ == "pobj"])
        if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN" and 0 < noun.head.i - noun.i <= 3:
            phrase_end = max(phrase_end, noun.head.i)  # "a 26-inch LCD TV": the phrase names what is measured
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
    if noun is not None and noun.pos_ in ("VERB", "AUX") and noun.lemma_.lower() == "cost":
        counted = head = "cost"  # "the epic cost $150m"
        np_ids = {t.i for t in group}
        noun = None
    elif noun is not None:
        ids = {t.i for t in group}
        for child in noun.children:  # "a deal worth \u00a3100m": the amount's own branch is not the thing
            branch = {t.i for t in child.subtree}
            if ids & branch:
                ids |= branch
        counted, head = _np_text(noun, ids), noun.lemma_.lower()
        np_ids = ids | {t.i for t in noun.subtree} if noun.i > group.end else ids
    elif unit in PERCENT_WORDS and _group_root(group).dep_ not in ("nsubj", "nsubjpass"):
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


def _glued_measure(group: "Span", unit: str, value: float, document: Document, used: set[int]) -> Quantity:
    """A numeral with its unit glued on and no noun after it: "speeds of 10Mbps", "runs at 3GHz". The unit is
    what is counted; the text is the number as written without it."""
    doc = group.doc
    ids = {t.i for t in group}
    used.update(ids)
    span = doc[_qualifier_start(group): group.end]
    return Quantity(
        value=value,
        text=_written(group)[: -len(unit)],
        qualifier=_qualifier(group),
        counted=unit,
        counted_head=unit.lower(),
        phrase=clean_text(span.text),
        predicate=_predicate(group[-1], ids),
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
