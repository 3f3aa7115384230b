"""Which names in a parsed document are places: NER's places checked against the gazetteer, its slips
repaired ("Kyiv" tagged PERSON, "in Vladivostok Putin"), places opening an event's name ("the Berlin Film
Festival"), names the NER missed that the gazetteer knows or the text calls a place ("the village of
Khotimlya"). What happened there is read by :mod:`.places`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import gazetteer
from ..facts import PlaceKind
from .common import QUOTE_CHARS, doc_text
from .place_clubs import about_football

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "within", "throughout"})
# Nouns that say what kind of place a name is: "the Kharkiv region", "the village of Khotimlya".
KIND_NOUNS: dict[str, PlaceKind] = {
    **dict.fromkeys(("region", "oblast", "province", "district", "state", "county"), "region"),
    **dict.fromkeys(("city", "town", "port"), "city"),
    "resort": "place",
    "island": "region",
    **dict.fromkeys(("village", "hamlet", "settlement"), "village"),
    "country": "country",
}
# ... of which these also name a thing's part ("an Ethernet port"): before a name, a place only if the gazetteer
# knows the name ("the Dover port"); "the port of X" stays a place.
DEVICE_KIND_NOUNS = frozenset({"port"})
NER_PLACE_LABELS = frozenset({"GPE", "LOC"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
NER_SLIP_LABELS = frozenset({"PERSON", "ORG", "NORP"})
DASHES = frozenset({"-", "\u2013", "\u2014"})
# Smallest town the NER may call an organisation: below it, "at Old Trafford" is a ground or a club.
MIN_ORG_TAGGED_CITY = 100_000
MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
# Words that close the proper name of an event held in the place it opens ("the Berlin Film Festival",
# "the London Marathon", "the Paris Motor Show"): the article names that place.
EVENT_NAME_HEADS = frozenset({"festival", "marathon", "show", "fair", "games", "open", "summit", "conference",
                              "forum", "expo", "biennale", "carnival", "regatta", "triennale"})
EVENT_NAME_LABELS = frozenset({"EVENT", "FAC", "ORG"})
MIN_EVENT_NAME_CITY = 50_000  # "the Golden Globe ...": a small namesake is not a host city
# Capitalised words that end a club's name after its town ("Manchester City", "Ipswich Town", "Derby County"):
# never cut off as the kind of place the town is.
CLUB_NAME_ENDINGS = frozenset({"City", "Town"})
FOOTBALL_CLUB_NAME_ENDINGS = CLUB_NAME_ENDINGS | {"County"}  # "Derby County" in a football story, else a county
# Words that make a name a river's, a lake's or a mountain's ("the River Severn", "Lake Geneva", "Mount Etna"):
# a place of its own (kind "place") wherever the NER tags it a place.
FEATURE_FIRST_WORDS = frozenset({"River", "Lake", "Loch", "Mount"})
FEATURE_LAST_WORDS = frozenset({"River", "Lake", "Mountains", "Hills", "Valley", "Estuary"})


@dataclass
class PlaceMention:
    name: Span  # the place name as written ("Kharkiv", "Vladivostok")
    root: Token  # the token whose attachment tells what happened there
    entry: gazetteer.GazetteerEntry | None
    repaired: bool = False  # the NER gave it another label, or missed it
    label: str = ""  # the NER label of the name ("" when the NER missed it)
COMPASS_WORDS = frozenset({"north", "south", "east", "west"})


def compass_name(name: Span) -> bool:
    """"north America" written in lower case: the end of another place's name (North America), not America."""
    before = name.doc[name.start - 1] if name.start > 0 else None
    if before is None or before.lower_ not in COMPASS_WORDS or before.text[:1].isupper():
        return False
    whole = gazetteer.lookup(f"{before.text.title()} {name.text}")
    return whole is not None and whole != gazetteer.lookup(name.text)


def heading(sent: Span) -> bool:
    """A title-case line ("Putin Warns Against Foreign Troops In Ukraine"): no sentence to read."""
    plain = [t for t in sent[1:] if t.is_alpha and not t.ent_type_]
    if len(plain) >= 3 and sum(t.text[:1].isupper() for t in plain) >= 0.8 * len(plain):
        return True
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3]  # a line without a full stop, most words capitalised
    if sent.text.rstrip()[-1:] in (".", "!", "?", *QUOTE_CHARS, "'", "\u2019") or len(words) < 2:
        return False
    return sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)


def _strip(span: Span) -> Span:
    """The name without a leading "the", a trailing possessive, and the punctuation or score the NER ran into
    it ("Bristol -", "Argentina 3-0")."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ == "the":
        start += 1
    for i in range(start + 1, end):
        if span.doc[i].text in DASHES and span.doc[i - 1].whitespace_:
            end = i  # "Bristol - a": a dash set off by spaces ends the name
            break
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct
                           or span.doc[end - 1].like_num or span.doc[end - 1].text in DASHES):
        end -= 1
    return span.doc[start:end]


def _titled_work(name: Span) -> bool:
    """A name followed by a year in brackets is a work's title: "Bogart in Casablanca (1942)"."""
    doc, end = name.doc, name.end
    return end + 2 < len(doc) and doc[end].text == "(" and _YEAR.match(doc[end + 1].text) is not None \
        and doc[end + 2].text == ")"


def place_mentions(doc: Doc) -> Iterator[PlaceMention]:
    other_labels = {e.text for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP")}
    place_texts = {e.text for e in doc.ents if e.label_ in NER_PLACE_LABELS}
    club_endings = FOOTBALL_CLUB_NAME_ENDINGS if about_football(doc) else CLUB_NAME_ENDINGS
    for ent in doc.ents:
        name = _strip(ent)
        if _titled_work(name):
            continue  # a film, a book or a song named after a place
        if not len(name) or not all(t.text[:1].isupper() or not t.is_alpha for t in name) or not name[0].is_alpha:
            continue  # lowercase words are never places
        if ent.label_ in NER_PLACE_LABELS:
            entry = gazetteer.lookup(name.text)
            if entry is None and len(name) > 1 and name[-1].lower_ in KIND_NOUNS and name[-1].text not in club_endings:
                name = name[:-1]  # "Kharkiv Oblast" tagged as one place: the name and what it is
                entry = gazetteer.lookup(name.text)
            if entry is not None or (name.text not in other_labels and len(name) <= 4):
                yield PlaceMention(name, name.root, entry, label=ent.label_)  # not "Zelenskyy", tagged PERSON elsewhere
        elif ent.label_ in ("ORG", "FAC") and len(name) == 2 and feature_name(name) and gazetteer.lookup(name.text) is None:
            yield PlaceMention(name, name.root, None, repaired=True, label=ent.label_)  # "the River Wye" (ORG)
        elif ent.label_ in NER_SLIP_LABELS:
            mention = _repair(ent, name, place_texts)
            if mention is not None:
                yield mention
            elif ent.label_ == "ORG":
                yield from _event_name_place(name)
        elif ent.label_ in EVENT_NAME_LABELS:
            yield from _event_name_place(name)
    yield from _untagged(doc)


def _repair(ent: Span, name: Span, place_texts: set[str]) -> PlaceMention | None:
    """A place the NER called a person, group or organisation: "Kyiv" (PERSON), "Vladivostok Putin"."""
    doc = ent.doc
    entry = gazetteer.lookup(name.text)
    if entry is not None:
        if ent.label_ == "ORG" and entry.kind == "city" and (
                entry.within is not None or (entry.population or 0) < MIN_ORG_TAGGED_CITY):
            return None  # "at Old Trafford", "at Highbury": a ground or a club, not the town of that name
        # "Kyiv" as PERSON: a big place, a name tagged as a place elsewhere, or one the syntax places.
        big = entry.kind != "city" or (entry.population or 0) >= 1_000_000
        side = ent.label_ == "ORG" and entry.kind == "country" and name.root.dep_ in MODIFIER_DEPS  # "the Wales star"
        if (ent.label_ == "PERSON" and big) or side or name.text in place_texts or locative(name.root):
            return PlaceMention(name, name.root, entry, repaired=True, label=ent.label_)
        return None
    if ent.label_ != "PERSON" and kind_cue(name.root)[0] is not None:
        return PlaceMention(name, name.root, None, repaired=True, label=ent.label_)  # "the island of Kos" (ORG)
    # "in Vladivostok Putin": a place run into a person's name, right after a locative preposition.
    prep = doc[name.start - 1] if name.start > 0 else None
    if ent.label_ != "PERSON" or prep is None or prep.lower_ not in PLACE_PREPS or ent.root.head != prep:
        return None
    if ent.root.dep_ != "pobj" or doc_text(doc).count(ent.text) > 1:
        return None  # "Vladimir Putin", said again and again, is a person
    for k in range(len(name) - 1, 0, -1):
        head, rest = doc[name.start:name.start + k], doc[name.start + k:name.end]
        entry = gazetteer.lookup(head.text)
        if entry is None or entry.kind == "continent" or not all(t.pos_ == "PROPN" for t in rest):
            continue
        if entry.kind == "city" and (entry.population or 0) < 100_000:
            continue
        return PlaceMention(head, ent.root, entry, repaired=True, label=ent.label_)
    return None


def _event_name_place(name: Span) -> Iterator[PlaceMention]:
    """The place opening the proper name of an event held there: "Berlin" in "the Berlin Film Festival",
    "New York" in "the New York Marathon". Only names ending in an event word ("festival", "marathon", "show"),
    whose words between are capitalised, and whose place is a country, a continent or a town of some size
    that is no neighbourhood ("Golden Globe Awards", "Davis Cup" are no places)."""
    if len(name) < 2 or name[-1].lower_ not in EVENT_NAME_HEADS or not all(t.text[:1].isupper() for t in name):
        return
    for k in range(min(3, len(name) - 1), 0, -1):
        entry = gazetteer.lookup(name[:k].text)
        if entry is None or entry.within is not None or entry.kind == "region":
            continue
        if entry.kind == "city" and (entry.population or 0) < MIN_EVENT_NAME_CITY:
            return
        yield PlaceMention(name[:k], name[k - 1], entry, repaired=True, label=name[0].ent_type_)
        return


def feature_name(name: Span) -> bool:
    """"the River Severn", "Lake Geneva", "Mount Etna", "the Pennine Hills": a river's, a lake's or a
    mountain's name, a place by its own words."""
    return len(name) >= 2 and (name[0].text in FEATURE_FIRST_WORDS or name[-1].text in FEATURE_LAST_WORDS)


def locative(root: Token) -> bool:
    """Where only a place can stand: "in X", "the X region", "Odesa and X"."""
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS or kind_cue(root)[0] is not None:
        return True
    return root.dep_ == "conj" and root.head.pos_ == "PROPN" and gazetteer.lookup(root.head.text) is not None


def _untagged(doc: Doc) -> Iterator[PlaceMention]:
    """Capitalised proper nouns the NER missed: known to the gazetteer, or named a place by the text."""
    next_free = 0
    for i, token in enumerate(doc):
        if i < next_free or token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        for span in (doc[i:i + n] for n in (3, 2, 1)):
            if any(t.pos_ != "PROPN" or t.ent_type_ for t in span):
                continue
            entry = gazetteer.lookup(span.text)
            if entry is not None and entry.kind == "city" and (entry.population or 0) < 100_000:
                entry = None  # a small namesake of a common name: trust only the text
            if (entry is not None or kind_cue(span.root)[0] is not None) and not _titled_work(span):
                yield PlaceMention(span, span.root, entry, repaired=True)
                next_free = span.end
                break


def _compound_name(root: Token) -> str:
    """The capitalised words ending at ``root`` that form one name: "New Rimhaven" in "the New Rimhaven port"."""
    start = root.i
    while start > root.sent.start and root.doc[start - 1].dep_ == "compound" and root.doc[start - 1].text[:1].isupper():
        start -= 1
    return root.doc[start: root.i + 1].text


def kind_cue(root: Token) -> tuple[PlaceKind | None, Token | None]:
    """What the text calls the place, and the noun that says so ("region", "village")."""
    head = root.head
    if root.dep_ == "compound" and head.lower_ in KIND_NOUNS and head.pos_ in ("NOUN", "PROPN"):
        if head.lower_ in DEVICE_KIND_NOUNS and gazetteer.lookup(_compound_name(root)) is None:
            return None, None  # "an Ethernet port", "the USB port": a socket, not a harbour town
        return KIND_NOUNS[head.lower_], head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in KIND_NOUNS and head.head.pos_ == "NOUN":
        return KIND_NOUNS[head.head.lower_], head.head
    return None, None
