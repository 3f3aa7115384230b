"""The answer a slot of a clause gives (see events.py): a person, an organisation, a place or a date, each only
in the slots where a question may ask for it without misleading."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..gazetteer import lookup
from .dates import to_iso
from .doc_index import entity_at
from .event_names import (INSTITUTIONS, PERSON_NOUNS, Known, acts_as_person, feature_of, is_organisation_name, is_person_name,
                          mentions, named_feature, strip_the)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_PER_ANSWER = 3
MIN_PERSON_MENTIONS = 1  # by the surname alone, besides the full name
PLACE_PREPS = frozenset({"in", "into", "at", "from", "to", "near", "through", "across", "along", "over", "towards",
                         "toward", "on", "onto", "past", "beyond", "throughout", "within", "outside", "under"})
CITY_PREPS = frozenset({"in", "into", "near", "through", "across", "along", "towards", "toward", "throughout",
                        "within", "outside"})  # "at Chelsea", "to Liverpool", "from Arsenal": too often a club
DATE_PREPS = frozenset({"in", "on", "during"})
SPAN_PREPS = frozenset({"since", "until", "till"})  # "Since when ...?", "Until when ...?"
# what is done to a territory, never by a team to a team: a place as these verbs' object is a place
TERRITORY_VERBS = frozenset("""invade conquer occupy annex colonise colonize settle govern rule explore cross enter
leave visit reach raid besiege capture evacuate inhabit unite partition""".split())
# what is handed to someone: "sold the rights to Enrique Perez" asks "To whom did X sell the rights?"
TRANSFER_VERBS = frozenset({"sell", "give", "grant", "cede", "hand", "bequeath", "leave", "award", "lend", "pass",
                            "transfer", "entrust", "offer", "present", "send"})
ANSWER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "DATE"})
ALLOWED_EXTRA = frozenset({"appos", "relcl", "acl", "punct", "det", "prep"})  # beside a name: skipped by the clause
YEAR = re.compile(r"^(1\d{3}|20\d\d)$")
ERAS = frozenset({"BC", "AD", "BCE", "CE", "B.C", "A.D"})
# a century or a decade, the way history dates things: "the 19th century", "the 1st century BC", "the 1990s"
PERIOD = re.compile(r"^(?:\d{1,4} (?:BC|BCE|AD|CE)|AD \d{1,4}|(?:the )?(?:(?:early|mid|late|mid-)\s?)?(?:(?:[1-9]|1\d|2[01])(?:st|nd|rd|th) century(?: BC)?|1[0-9]\d0s|20[0-2]0s))$", re.IGNORECASE)
DATE_SHAPES = re.compile(r"^(?:(?:[0-3]?\d(?:st|nd|rd|th)? )?[A-Z][a-z]+ (?:[0-3]?\d(?:st|nd|rd|th)?, )?)?(1\d{3}|20\d\d)$")


def entity(tok: "Token") -> "Span | None":
    ent = entity_at(tok.doc, tok.i)  # an index, not a scan of every entity per token (issue 13)
    return ent if ent is not None and ent.label_ in ANSWER_LABELS and tok == ent.root else None


def whole(tok: "Token", ent: "Span", listed: bool = False) -> bool:
    """The phrase headed by ``tok`` is the name itself: nothing but a determiner, skipped side phrases
    (appositions, relative clauses) or a place phrase around it; never one of a list, unless ``listed``
    (every item of "through Austria, Germany and France" is asked about together, see events.py)."""
    if not listed and (tok.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in tok.children)):
        return False
    for child in tok.children:
        if ent.start <= child.i < ent.end or listed and child.dep_ in ("conj", "cc", "punct"):
            continue
        if ent.label_ == "PERSON" and child.dep_ == "compound" and child.i < ent.start and not child.ent_type_ \
                and (child.pos_ == "NOUN" or child.is_sent_start):
            continue  # a job before a name, outside it: "engineer Marek Lind", "Engineer Marek Lind built ..."
        if child.dep_ not in ALLOWED_EXTRA or child.dep_ == "det" and child.lower_ != "the":
            return False
    return True


class Answer:
    __slots__ = ("text", "name", "kind", "place_kind", "country", "iso")

    def __init__(self, text, name, kind, place_kind=None, country=None, iso=None):
        self.text, self.name, self.kind, self.place_kind, self.country, self.iso = (
            text, name, kind, place_kind, country, iso)


def _plain_place_name(text: str) -> bool:
    """One to three capitalised words, no digit, no word of an organisation or a person's title."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not re.search(r"\d", text) \
        and not any(w.casefold() in INSTITUTIONS for w in words)


def era_year(tok: "Token") -> str | None:
    """"55 BC" where ``tok`` is the era word with its year as the one number on it."""
    if tok.text.strip(".").upper() not in ERAS:
        return None
    nums = [c for c in tok.children if c.dep_ == "nummod" and c.like_num and c.text.isdigit() and c.i == tok.i - 1]
    return f"{nums[0].text} {tok.text}" if len(nums) == 1 and len(list(tok.children)) == 1 else None


def ends_in_place(name: str) -> bool:
    """The last word of a name is a place written as the gazetteer's own name for it ("Lycos Europe"), not a
    surname that is only another spelling of some town ("Johann Tulla": Tula is a city)."""
    last = name.split()[-1]
    entry = lookup(last)
    return entry is not None and entry.name.casefold() == last.casefold()


def slot_answer(tok: "Token", slot: str, prep: str, known: "Known", listed: bool = False) -> Answer | None:
    """What the slot headed by ``tok`` names, if it is a name a question may ask for in that slot. ``prep``
    may be a phrase ("in the north of"): its first word is the preposition."""
    full_names = known.full_names
    prep = prep.split()[0] if prep else prep
    if (year := era_year(tok)) is not None:  # "in 55 BC", which the small model rarely tags as a date
        return Answer(year, year, "date") if slot == "prep" and prep in DATE_PREPS | SPAN_PREPS else None
    feature = named_feature(tok, known.features)
    if feature is not None:
        if slot == "prep" and prep not in PLACE_PREPS or not whole(tok, feature[0], listed):
            return None
        return Answer(feature[0].text, feature[0].text, "place", place_kind=feature[1])
    ent = entity(tok)
    if ent is None and not tok.ent_type_ and tok.pos_ == "PROPN" and tok.text in full_names:
        ent = tok.doc[tok.i: tok.i + 1]  # a surname NER missed once the document gave it in full
        if any(c.dep_ == "compound" for c in tok.children):
            return None
        label = "PERSON"
    else:
        label = ent.label_ if ent is not None else ""
    if ent is None and tok.text in known.sole_names and tok.pos_ == "PROPN":
        ent, label = tok.doc[tok.i: tok.i + 1], "PERSON"  # "her cousin Tostig" NER did not tag
    if ent is not None and tok.text in known.sole_names and len(ent) == 1 and label in ("PERSON", "ORG"):
        kin = [c for c in tok.children if c.i < tok.i and (c.dep_ == "compound" and c.lemma_.lower() in PERSON_NOUNS
                                                             or c.dep_ == "poss" and c.pos_ == "PRON")]
        if kin and all(c.dep_ in ALLOWED_EXTRA or c in kin for c in tok.children):
            return Answer(tok.text, tok.text, "person") if slot in ("agent", "object", "patient") else None
    if ent is None or not whole(tok, ent, listed):
        return None
    text = strip_the(ent.text)
    if label == "DATE":
        if slot != "prep" or prep not in DATE_PREPS | SPAN_PREPS:
            return None
        if ent.end < len(tok.doc) and tok.doc[ent.end].text.strip(".").upper() in ERAS:
            return None  # "the 1st century BC" with the era left out of the name
        if PERIOD.match(text):
            return Answer(text, text, "date")  # no ISO form: the question side shifts the century or decade
        if not DATE_SHAPES.match(text):
            return None
        iso = to_iso(text) if not YEAR.match(text) else text
        return Answer(text, text, "date", iso=iso) if iso else None
    feature = feature_of(text)
    if feature is not None and label in ("LOC", "GPE", "FAC"):
        return Answer(text, text, "place", place_kind=feature)
    sole = label in ("PERSON", "ORG") and text in known.sole_names
    if sole and slot in ("agent", "object", "patient") or sole and slot == "prep" and prep == "by" \
            and any(c.dep_ == "auxpass" for c in tok.head.head.children):
        return Answer(text, text, "person")  # one known by one name only ("Rollo"): see event_names.sole_names
    if label == "PERSON":
        name = text if len(text.split()) >= 2 else full_names.get(text)
        if name and ends_in_place(name):
            return None  # "Lycos Europe", "Paris Hilton"-like names ending in a place: a firm's branch, a show
        if name and mentions(tok.doc, name.split()[-1]) < MIN_PERSON_MENTIONS and not acts_as_person(tok, slot, name):
            return None  # a name given once is too often a show, a product or a band NER took for a person
        if name and is_person_name(name) and lookup(text) is None and slot in ("agent", "object", "patient") \
                or name and is_person_name(name) and slot == "prep" and prep == "by" \
                or name and is_person_name(name) and slot == "prep" and prep == "to" \
                and tok.head.head.lemma_.lower() in TRANSFER_VERBS:
            return Answer(text, name, "person")
        return None
    entry = lookup(text)
    if entry is not None and label in ("GPE", "LOC", "FAC", "ORG"):
        preps = CITY_PREPS if entry.kind in ("city", "village") else PLACE_PREPS
        if slot == "prep" and prep in preps or slot in ("patient", "definition") \
                or slot == "object" and tok.head.lemma_.lower() in TERRITORY_VERBS:
            return Answer(text, entry.name, "place", place_kind=entry.kind, country=entry.country)
        return None
    if entry is None and label in ("GPE", "LOC") and slot == "prep" and prep == "in" and _plain_place_name(text):
        return Answer(text, text, "place", place_kind="place")  # "Where ...?": a region or a town the gazetteer lacks
    if label == "ORG" and slot == "agent" and is_organisation_name(text):
        return Answer(text, text, "org")
    return None
