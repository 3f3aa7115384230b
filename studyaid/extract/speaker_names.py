"""People's names as speakers: a name grown from a token, titles and places split off; the gender the words
around a name or a pronoun give; the age an article states ("Tom Baxter, 28,", "the 28-year-old").

Names are grown along ``compound``/``flat`` links, across hyphens ("Kilroy-Silk") and lower-case particles
("Bill de Blasio"); titles and honorifics in front of a name are never part of it (see :mod:`studyaid.lexicon`).
A name that only modifies a common noun ("the Oscar night", "the Premiership table"), that is conjoined with an
organisation or a place, or that ends in a place word ("Trafalgar Square") is not a person. Pure functions over
tokens; :mod:`.speaker_tracker` keeps the people a document names, :mod:`.speakers` decides who speaks.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..lexicon import (FEMALE_HONORIFICS, FEMALE_NOUNS, FEMALE_PRONOUNS, HONORIFICS, MALE_HONORIFICS, MALE_NOUNS,
                       MALE_PRONOUNS, NAME_PARTICLES, NUMBER_WORDS, PLACE_HEADS, TITLE_WORDS)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Gender = Literal["m", "f"] | None

NOT_PEOPLE = {"kremlin", "nato", "moscow", "washington", "europe", "eu", "us", "uk"}
NON_NAME_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "CARDINAL"}
OTHER_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}


@dataclass(frozen=True)
class Speaker:
    name: str  # the name as written, titles split off
    start: int  # char offset of the mention
    resolved_from: str | None = None  # "he", "the Russian president"
    named_at: int | None = None  # char offset where the person is named (the antecedent of "he")
    kind: Literal["person", "org", "group"] = "person"  # an organisation the article credits ("Microsoft said"),
    # or an unnamed group ("lawyers for the two men", "analysts"): never "it" or "the company", never a person


def _hyphen_glued(doc: "Doc", i: int) -> bool:
    """``doc[i]`` is a hyphen written without spaces between two name words: "Kilroy-Silk"."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and _name_like(doc[i - 1]) and _name_like(doc[i + 1])


def name_span(token: "Token", is_place=lambda name: False) -> "Span | None":
    """The person's name a token belongs to, titles and places split off: ``Rutte`` -> ``Mark Rutte``."""
    if not _name_like(token):
        return None
    doc, sent = token.doc, token.sent
    lo = hi = token.i
    while lo - 1 >= sent.start:
        prev = doc[lo - 1]
        if lo - 2 >= sent.start and _hyphen_glued(doc, lo - 1):
            lo -= 2  # "Kilroy-Silk"
        elif _name_like(prev) and prev.dep_ in ("compound", "flat") and prev.lower_ not in TITLE_WORDS \
                and prev.ent_type_ not in NON_NAME_LABELS:
            lo -= 1
        elif prev.lower_ in NAME_PARTICLES and prev.text.islower() and lo - 2 >= sent.start \
                and _name_like(doc[lo - 2]) and doc[lo - 2].lower_ not in TITLE_WORDS:
            lo -= 2  # "Bill de Blasio", "Osama bin Laden"
        else:
            break
    while hi + 1 < sent.end:
        if doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].dep_ == "flat" and _name_like(doc[hi + 1]):
            hi += 1
        elif hi + 2 < sent.end and _hyphen_glued(doc, hi + 1):
            hi += 2
        else:
            break
    while lo < hi and (doc[lo].lower_ in TITLE_WORDS
                       or lo > 0 and doc[lo - 1].pos_ == "ADP" and is_place(doc[lo].text)):
        lo += 1  # "in Vladivostok Putin" (an NER slip) -> "Putin"; but "Vladimir Putin" stays whole
    span = doc[lo: hi + 1]
    low = span.text.lower()
    honoured = lo > 0 and doc[lo - 1].lower_ in HONORIFICS  # "Mr King": a surname that is also a title word
    if low in NOT_PEOPLE or (low in TITLE_WORDS or is_place(span.text)) and not honoured:
        return None  # but "Mr Holloway" is a person, whatever towns the gazetteer knows
    if span[-1].lower_ in PLACE_HEADS and not honoured:
        return None  # "Trafalgar Square", "Aston Villa"
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") and t.ent_type_ != "PERSON" for t in span) \
            and is_place(" ".join(t.text for t in span if t.ent_type_ in ("GPE", "LOC", "FAC"))):
        return None
    return span


def _name_like(token: "Token") -> bool:
    """A proper noun, or a capitalised noun the tagger missed ("Zelenskyy" tagged NOUN mid-sentence)."""
    if not token.text[:1].isupper() or not token.is_alpha and "-" not in token.text:
        return False
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and not token.is_sent_start


def looks_like_person(span: "Span") -> bool:
    """A name NER may have mislabelled (Zelenskyy as GPE, Trump as ORG) but that is not a place."""
    if span.text.lower() in NOT_PEOPLE:
        return False
    labels = {t.ent_type_ for t in span}
    if "PERSON" in labels:
        return True
    if labels & {"NORP", "DATE", "CARDINAL", "MONEY"}:
        return False
    return all(_name_like(t) or t.i == span.start and t.pos_ == "PROPN" for t in span)


def is_modifier_or_thing(span: "Span") -> bool:
    """A name used as something other than a person: "the Oscar night", "Chelsea and Aston Villa"."""
    root = span.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i > span.end - 1:
        return True  # "the league table", "the Kelvale club"
    if stranded_before_verb(span):
        return False  # "... at Kelvale and Boyd has stated ...": the parser's conjunct, but the verb's subject
    for other in list(root.conjuncts):
        if other.ent_type_ in OTHER_LABELS:
            return True
    return False


def stranded_before_verb(span: "Span") -> bool:
    """A name parsed as a conjunct of the noun before "and", right before a conjoined verb that has no subject of
    its own: "He was linked with the job at Kelvale and Boyd has stated ...". The name is that verb's subject."""
    doc = span.doc
    if span.root.dep_ != "conj" or span.end >= len(doc):
        return False
    after = doc[span.end]
    verb = after if after.pos_ in ("VERB", "AUX") and after.dep_ == "conj" else \
        after.head if after.dep_ in ("aux", "neg", "advmod") and after.head.dep_ == "conj" else None
    return verb is not None and verb.pos_ == "VERB" and verb.i > span.end - 1 \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def gender_near(span: "Span") -> Gender:
    """The gender the words around a name give it: "Mr Dams", "Mrs Smith", "the actress Jane Roe"."""
    doc = span.doc
    before = doc[max(span.sent.start, span.start - 3): span.start]
    for tok in reversed(before):
        if tok.lower_ in MALE_HONORIFICS or tok.lower_ in MALE_NOUNS:
            return "m"
        if tok.lower_ in FEMALE_HONORIFICS or tok.lower_ in FEMALE_NOUNS:
            return "f"
    for child in span.root.children:
        if child.dep_ == "appos":
            if child.lower_ in MALE_NOUNS:
                return "m"
            if child.lower_ in FEMALE_NOUNS:
                return "f"
    return None


def pronoun_gender(word: str) -> Gender:
    low = word.lower()
    return "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None


def _age_number(tok: "Token") -> int | None:
    if tok.text.isdigit():
        return int(tok.text)
    return NUMBER_WORDS.get(tok.lower_)


def _age_at(doc: "Doc", old: int) -> int | None:
    """The age written as "28-year-old" ending at token ``old`` ("old"), as the tokenizer splits it."""
    if old < 4 or doc[old].lower_ != "old" or doc[old - 1].text != "-" or doc[old - 2].lower_ not in ("year", "years") \
            or doc[old - 3].text != "-":
        return None
    return _age_number(doc[old - 4])


def _stated_age(ent: "Span") -> int | None:
    """The age the article gives a person where it names them: "Tom Baxter, 28," or "28-year-old Tom Baxter"."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 2].text in (",", ".", ";") \
            and doc[ent.end + 1].like_num:
        age = _age_number(doc[ent.end + 1])
        if age is not None and age < 120:
            return age
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("amod", "compound") and doc[i].lower_ != "old" and doc[i].pos_ in ("ADJ", "NOUN"):
        i -= 1  # "the 28-year-old Welsh striker Tom Baxter"
    return _age_at(doc, i) if i >= 0 else None


def _described_age(subject: "Token") -> int | None:
    """The age a definite description gives its person: "the 28-year-old" (parsed with "old" as the subject), "the
    35-year-old striker"; None for anything else ("a 28-year-old man" is someone new)."""
    doc = subject.doc
    if subject.lower_ == "old":
        old = subject.i
    else:
        old = next((c.i for c in subject.children if c.dep_ == "amod" and c.lower_ == "old" and c.i < subject.i), None)
        if old is None or subject.pos_ != "NOUN":
            return None
    age = _age_at(doc, old)
    first = doc[subject.left_edge.i]
    return age if age is not None and first.lower_ == "the" and first.i == old - 5 else None
