"""Numbers that count nothing: vague amounts, parts of names and codes, clock times, scores, ratios, ranks,
idioms with "one", fractions, multipliers and alternatives ("one or two")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import MONTHS, PAIRED_THINGS
from .numbers import CURRENCY_SIGNS, GLUED_UNITS, SCALES, TENS, TIME_UNITS, UNITS, VAGUE, glued_unit, is_unit_word, parse_number, parse_range
from .number_groups import CURRENCIES, is_fraction, numeric, percent_unit, range_link

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}


SKIP_LABELS = {"DATE", "TIME", "ORDINAL"}


NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LAW"}


CLOCK_ZONES = {"gmt", "bst", "utc", "cet", "est", "pst", "edt", "hrs", "hours", "local"}


# nouns whose plural is the singular: "300 staff" counts staff
SAME_PLURAL = {"staff", "personnel", "crew", "police", "cattle", "livestock", "sheep", "deer", "fish", "aircraft",
               "series", "species", "offspring", "clergy", "headquarters"}


def not_an_amount(group: "Span", labels: set[str], named: set[tuple[str, str]] = frozenset()) -> bool:
    """Numbers that count nothing: vague amounts, parts of names and codes, clock times, scores, idioms
    with "one", chart ranks, a date's second day, an amount in a negated clause.

    ``labels``: numerals the article uses as model names (:func:`label_numerals`); ``named``: number words
    it writes inside names (:func:`named_numbers`)."""
    return _is_vague(group) or _in_name(group) or _named_pair(group, named) or _is_code(group, labels) \
        or _is_clock_time(group) \
        or _is_score(group) or _one_idiom(group) or _at_some_points(group) or _is_ratio(group) or _is_rank(group) or _after_date(group) \
        or _is_fraction(group) or _is_multiplier(group) or _is_alternative(group) or _pair_of_one_thing(group)


def _pair_of_one_thing(group: "Span") -> bool:
    """ "a pair of trainers", "a pair of jeans": one thing that comes in two parts, not a count of two (a pair of
    trophies is)."""
    doc = group.doc
    if len(group) < 2 or group[1].lower_ != "pair" or group[-1].lower_ != "of":
        return False
    k = group.end
    while k < len(doc) and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and doc[k].lower_ not in PAIRED_THINGS \
            and k + 1 < len(doc) and doc[k + 1].pos_ in ("ADJ", "NOUN", "PROPN"):
        k += 1  # "a pair of old leather boots"
    return k < len(doc) and doc[k].lower_ in PAIRED_THINGS


# what goes before a number and makes it vague: "several hundred", "tens of thousands", "a few"
VAGUE_BEFORE = {"several", "many", "few", "hundreds", "thousands", "millions", "tens", "dozens", "scores"}


# a word before "one" that makes it "the only" or a pronoun: "the one team that", "no one", "this one"
# ("only one episode" counts one; "the only one" is caught by "the")
ONE_DETERMINERS = {"the", "this", "that", "no", "not", "any", "every", "each", "which", "a", "another"}


ONE_IDIOM_NOUNS = {"point", "stage", "time", "moment", "day"}  # "at one point", "at one stage"
# nouns after "one" that never count: "one thing is for sure", "one way or another"
ONE_EMPTY_NOUNS = {"thing", "way", "number"}  # ("only one number one spot": a rank)
# nouns of a part of one whole: "just one part of the film", "one aspect of the deal" is a share, not a count
PART_NOUNS = {"part", "aspect", "side", "element", "facet", "piece", "portion", "bit"}


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
        if tok.doc[k].text in (":", "\u201c", "(", "\u2018") or tok.doc[k].text == '"' and _opens(tok.doc[k]):
            return True
        k -= 1
    return k < tok.sent.start


def _opens(quote: "Token") -> bool:
    """A straight quotation mark that opens a quotation: glued to the word after it, not to the word before
    ('he said: "Ten ...' opens; '... this," Ten Cate said' closes)."""
    doc = quote.doc
    return not quote.whitespace_ and (quote.i == 0 or bool(doc[quote.i - 1].whitespace_) or doc[quote.i - 1].text in "([")


def named_numbers(doc: "Doc") -> set[tuple[str, str]]:
    """Number words the article writes inside a name, with the word beside them: ("ten", "cate") from "Henk
    Ten Cate", ("fantastic", "four") from "the Fantastic Four". Where the same pair opens a sentence ("Ten
    Cate said ..."), it is still that name."""
    pairs = set()
    for tok in doc:
        if tok.is_alpha and tok.text[:1].isupper() and _number_word(tok) and tok.lower_ not in ("a", "an") \
                and not _sentence_initial(tok):
            for k in (tok.i - 1, tok.i + 1):
                if 0 <= k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper():
                    pairs.add(tuple(sorted((tok.lower_, doc[k].lower_))))
        elif tok.text.isdigit() and tok.i > 0 and _after_a_name(tok):
            pairs.add(tuple(sorted((tok.text, doc[tok.i - 1].lower_))))  # "the Commodore 64", "Radio 1"
    return pairs


def _after_a_name(tok: "Token") -> bool:
    """A numeral right after a capitalised name word: "Super 12", "Radio 1", "Nokia 7610" (not "June 24", nor a
    length of time after a name: "at the Leeds Grand Prix 10 days ago")."""
    prev, nxt = tok.doc[tok.i - 1], tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lemma_.lower() in TIME_UNITS and nxt.text.islower():
        return False
    return bool(prev.whitespace_) and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.is_alpha \
        and prev.lower_ not in MONTHS and prev.ent_type_ != "DATE"


def _named_pair(group: "Span", named: set[tuple[str, str]]) -> bool:
    """A capitalised number word, or a numeral, beside the word it is a name with elsewhere in the article
    ("Commodore 64 owners" where the article also writes "the Commodore 64 computer")."""
    doc = group.doc
    for tok in group:
        if tok.text.isdigit() and tok.i > 0 and doc[tok.i - 1].text[:1].isupper() \
                and tuple(sorted((tok.text, doc[tok.i - 1].lower_))) in named:
            return True
        if tok.is_alpha and tok.text[:1].isupper():
            for k in (tok.i - 1, tok.i + 1):
                if 0 <= k < len(doc) and doc[k].text[:1].isupper() and tuple(sorted((tok.lower_, doc[k].lower_))) in named:
                    return True
    return False


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
    if first.text[:1].isdigit() and first.i > 0 and _after_a_name(first):
        return True  # "Super 12", "Radio 1", "Nokia 7610", but not "June 24"
    if _dated_title(group):
        return True  # "Henry Fonda in 12 Angry Men (1957)"
    nxt = doc[after] if after < len(doc) else None
    return percent_unit(group) is not None and nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() \
        and not _sentence_initial(nxt) and nxt.ent_type_ not in ("GPE", "NORP")  # "100% Homegrown"


def _dated_title(group: "Span") -> bool:
    """A number opening a title its year follows in brackets: "12 Angry Men (1957)", "101 Dalmatians (1961)"; the
    words between are all capitalised."""
    doc, k = group.doc, group.end
    while k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper():
        k += 1
    return k > group.end and k + 2 < len(doc) and doc[k].text == "(" and re.fullmatch(r"(1[89]|20)\d\d", doc[k + 1].text) \
        is not None and doc[k + 2].text == ")"


def _glued_code(tok: "Token") -> bool:
    """A numeral with letters glued after it that are no unit: "3G", "4K" (not "10km", "70p", "46m")."""
    doc = tok.doc
    if tok.whitespace_ or tok.i + 1 >= len(doc) or not doc[tok.i + 1].is_alpha or not tok.text[:1].isdigit():
        return False  # (not "100-hours": the hyphen is no numeral)
    letters = doc[tok.i + 1].text
    return not (letters.lower() in GLUED_UNITS and (len(letters) > 1 or letters.islower()))


def _labels_a_singular(group: "Span") -> bool:
    """A number above one before a singular noun it modifies names or grades that thing, it does not
    count it: "the 7610 phone", "the 2300 slot", "an 18 certificate", "the seven million barrier"; a name or
    address ("50 Main Street")."""
    root = next((t for t in group if not group.start <= t.head.i < group.end), group[-1])
    head = root.head
    value = parse_number(group.text)
    return value is not None and value != 1 and root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") \
        and head.i >= group.end and (head.tag_ == "NN" or head.tag_ == "NNP" and not head.lower_.endswith("s")) \
        and head.lemma_.lower() not in TIME_UNITS | SAME_PLURAL and head.lower_ not in CURRENCIES \
        and not any(t.text == "-" or is_unit_word(t.text) for t in group.doc[group.end:head.i + 1]) \
        and bool(group[-1].whitespace_) and glued_unit(group[-1].text) is None


def label_numerals(doc: "Doc") -> set[str]:
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
    if group[0].text in CURRENCY_SIGNS or percent_unit(group) is not None:
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
    if nxt is not None and nxt.text == "-" and not tok.whitespace_ and _one_hyphened_to_a_count(tok):
        return False  # "a one-disc version" counts discs, whatever "a" or "another" is near
    if "another" in sent_rest or any(a == "the" and b == "other" for a, b in zip(sent_rest, sent_rest[1:])):
        return True
    if prev is not None and prev.lower_ in ONE_DETERMINERS:
        return True
    if nxt is not None and (nxt.lower_ in ("such", "another") or nxt.text == "-" and not tok.whitespace_):
        return True  # "one such example", "a one-on-one game", "a one-off"
    if nxt is not None and nxt.lower_ in ONE_IDIOM_NOUNS and (prev is not None and (prev.lower_ == "at" or prev.tag_ == "MD")
                                                           or nxt.dep_ in ("npadvmod", "advmod")):
        return True  # "at one point", "he can go abroad one day", "you will one day captain your country"
    if nxt is not None and nxt.lower_ in ONE_EMPTY_NOUNS:
        return True  # "one thing is for sure"
    if nxt is not None and nxt.lower_ in PART_NOUNS and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "of":
        return True  # "one part of a detailed look": a part of one whole
    if nxt is not None and nxt.lower_ == "eye" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "on":
        return True  # "with one eye on the summer tour"
    verb = tok.head.head if tok.head.dep_ == "pobj" else tok.head
    verb = verb.head if verb.dep_ == "prep" else verb
    return any(c.dep_ == "neg" for c in verb.children)  # "not committed to one genre", "not one vote"


# words after "one-" that make an idiom, not a count: "a one-off", "a one-man show", "a one-sided game"
ONE_HYPHEN_IDIOMS = {"on", "off", "man", "woman", "way", "sided", "liner", "size", "stop", "hit", "nil", "all",
                     "party", "shot", "horse", "touch", "time", "club", "trick", "note", "track", "stop", "piece"}


def _one_hyphened_to_a_count(tok: "Token") -> bool:
    """ "a one-disc version", "a one-box solution": "one" hyphened to a countable noun before the noun it describes
    counts that noun, as "a five-set battle" does; not an idiom ("a one-off", "a one-man show") nor a length of time."""
    doc, k = tok.doc, tok.i + 2
    if k + 1 >= len(doc) or doc[k - 1].whitespace_ or not doc[k].is_alpha or doc[k].lower_ in ONE_HYPHEN_IDIOMS \
            or doc[k].lemma_.lower() in TIME_UNITS or doc[k].tag_ not in ("NN", "NNS"):
        return False
    after = doc[k + 1]
    return after.pos_ == "NOUN" and doc[k].head.i >= after.i or after.pos_ == "NOUN" and doc[k].dep_ in ("compound", "amod")


def _at_some_points(group: "Span") -> bool:
    """ "at a couple of points", "at a couple of stages": when, not how many (as "at one point")."""
    doc = group.doc
    return group.start > 0 and doc[group.start - 1].lower_ == "at" and group[-1].lower_ == "of" \
        and group.end < len(doc) and doc[group.end].lemma_.lower() in ONE_IDIOM_NOUNS


def _is_fraction(group: "Span") -> bool:
    """ "one half of the duo", "two thirds of the cash", "two-thirds sold": a fraction, not a count of halves
    or thirds."""
    doc, k = group.doc, group.end
    if k + 1 < len(doc) and doc[k].text == "-" and not group[-1].whitespace_:
        k += 1  # "two-thirds"
    return k < len(doc) and (doc[k].lemma_.lower() in FRACTIONS or doc[k].lower_.rstrip("s") in FRACTIONS)


def _is_multiplier(group: "Span") -> bool:
    """ "two times higher", "three times as many", "four times what it is": a multiplier, not a count of times."""
    doc, k = group.doc, group.end
    return k + 1 < len(doc) and doc[k].lower_ == "times" \
        and (doc[k + 1].tag_ in ("JJR", "RBR") or doc[k + 1].lower_ in ("as", "what"))


def _is_alternative(group: "Span") -> bool:
    """ "one or two seconds", "four, five or probably six sides", "five and ten gigabytes": numbers offered
    as alternatives or listed side by side for one noun; none of them is the amount."""
    doc = group.doc

    def number_at(k: int, step: int) -> bool:
        while 0 <= k < len(doc) and doc[k].pos_ == "ADV":
            k += step  # "or probably six"
        return 0 <= k < len(doc) and (numeric(doc[k]) or doc[k].lower_ == "one")

    after, before = group.end, group.start - 1
    while before >= 0 and doc[before].pos_ == "ADV":
        before -= 1  # "or maybe six"
    return after < len(doc) and doc[after].lower_ in ("or", "and", ",") and number_at(after + 1, 1) \
        or before >= 0 and doc[before].lower_ in ("or", "and", ",") and number_at(before - 1, -1)


def _is_ratio(group: "Span") -> bool:
    """ "one in five viewers": a ratio, neither number a count."""
    doc = group.doc
    after, before = group.end, group.start
    if after + 1 < len(doc) and doc[after].lower_ == "in" and numeric(doc[after + 1]) \
            and doc[after + 1].ent_type_ != "DATE":
        return True  # "one in five", not "worth $330m in 2004"
    return before >= 2 and doc[before - 1].lower_ == "in" and (numeric(doc[before - 2]) or doc[before - 2].lower_ == "one")


def _is_rank(group: "Span") -> bool:
    """ "eight top three hits": the second number is the chart position, not a count."""
    doc, k = group.doc, group.start
    if k >= 1 and doc[k - 1].lower_ in ("number", "no", "no."):
        return True  # "the number one side"
    if k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and (numeric(doc[k - 2]) or _number_word(doc[k - 2])):
        return True  # "a one-one-one title"
    return k >= 2 and doc[k - 1].lower_ == "top" and numeric(doc[k - 2])


def _after_date(group: "Span") -> bool:
    """ "on June 24 and 25": the second day of a date."""
    doc, k = group.doc, group.start
    return len(group) == 1 and group[0].text.isdigit() and int(group[0].text) <= 31 and k >= 2 \
        and doc[k - 1].lower_ in ("and", "or", "to", "-", "\u2013", "&") and doc[k - 2].ent_type_ == "DATE"


def in_skip_entity(group: "Span") -> bool:
    """A number the parser tagged as a date, time or ordinal; not when a currency word follows ("between 30
    and 45 euros": money whatever the tag) or a unit is glued to it ("79p")."""
    doc = group.doc
    if group.end < len(doc) and doc[group.end].lower_ in CURRENCIES:
        return False
    glued = glued_unit(group[-1].text)
    if glued is not None and glued[1].lower() != "s":
        return False  # "79p", "10km": a measure, never a date ("the 1990s" stays one)
    if is_fraction(group):
        return any(t.ent_type_ in SKIP_LABELS - {"ORDINAL"} for t in group)  # "a third of viewers": a share
    return any(t.ent_type_ in SKIP_LABELS for t in group)


def _is_clock_time(group: "Span") -> bool:
    """ "1900 GMT", "0130 local time": a 24-hour clock reading, not an amount."""
    doc = group.doc
    return len(group) == 1 and re.fullmatch(r"[0-2]\d[0-5]\d", group.text) is not None \
        and group.end < len(doc) and doc[group.end].lower_ in CLOCK_ZONES


def _is_score(group: "Span") -> bool:
    """Two numbers linked by a dash that do not rise ("won 2-1", "a 45-6 win"): a result, not a range."""
    link = range_link(group)
    return link is not None and parse_range(group.text) is None
