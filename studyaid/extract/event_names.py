"""Names an event question may ask for: people named in full, institutions, geographic features (see events.py).

What a document tells about its names once for all its sentences: the full name each surname stands for, the
one-word names it shows to be rivers; and what a name on its own looks like (a person's full name, an
institution, a sea or a lake).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..gazetteer import lookup
from ..lexicon import HONORIFICS, NAME_PARTICLES, ORGANISATION_WORDS, PLACE_HEADS
from .doc_index import positions_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# nouns naming a geographic feature, the last word of its name or the first ("the North Sea", "Lake Orvana")
FEATURES = frozenset("""sea ocean lake river mountains mountain alps island islands valley bay gulf strait canal desert
forest peninsula plain plains glacier falls delta basin coast channel lagoon highlands hills range""".split())
FEATURE_FIRST = frozenset({"lake", "mount", "river", "cape", "isle", "gulf", "bay"})
# words that make a name an organisation a question may call one (never a club, a band or a broadcaster)
INSTITUTIONS = frozenset("""league union company corporation society university college council party church army
navy parliament commission committee association institute foundation bank ministry government agency academy
order empire kingdom republic dynasty confederation alliance federation assembly court""".split())


def feature_of(name: str) -> str | None:
    """The geographic feature a name is of: "North Sea" -> "sea", "Lake Orvana" -> "lake", "Mount Kea" -> "mountain"."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words if w.casefold() not in ("of", "the", "de")):
        return None
    last, first = words[-1].casefold(), words[0].casefold()
    if last in FEATURES:
        return {"alps": "mountains", "islands": "islands", "hills": "hills"}.get(last, last)
    if first in FEATURE_FIRST:
        return "mountain" if first == "mount" else "island" if first == "isle" else first
    return None


def is_organisation_name(name: str) -> bool:
    """An institution named as one: "the Hanseatic League", "Royal Society" (at least two words)."""
    words = [w.casefold().strip(".,") for w in name.split()]
    return len(words) >= 2 and bool(set(words) & INSTITUTIONS) and all(w[:1].isupper() or w in ("of", "the", "and", "for")
                                                                       for w in name.split())


def is_person_name(name: str) -> bool:
    """Written like a person's full name: two to five capitalised words, no digit, no word of a place,
    a venue or an organisation (the question side holds options to the same kind of test)."""
    words = name.split()
    return 2 <= len(words) <= 5 and not re.search(r"\d", name) and words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w[:1].isupper() or w in NAME_PARTICLES for w in words) \
        and not any(w.casefold().strip(".,'") in ORGANISATION_WORDS | PLACE_HEADS | INSTITUTIONS for w in words)


def strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", " ".join(text.split()))


def full_names(doc: "Doc") -> dict[str, str]:
    """Surname -> the full name a document gives a person (only when one person has that surname)."""
    seen: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and is_person_name(ent.text):
            seen.setdefault(ent[-1].text, set()).add(ent.text)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


# features a document names by their noun once ("the river Seine", "the Aare River") and by the bare name elsewhere
NAMING_FEATURES = frozenset({"river"})


class Known(NamedTuple):
    full_names: dict[str, str]  # surname -> full name
    features: dict[str, str]  # bare name -> the feature it is ("Seine" -> "river")
    sole_names: frozenset = frozenset()  # people known by one name only ("Rollo", "Tancred")


SOLE_NAME_MENTIONS = 2
# nouns only a person is: a one-word name in apposition right after one is a person's ("his son Duncan")
PERSON_NOUNS = frozenset("""son daughter father mother brother sister wife husband nephew niece uncle aunt cousin
grandson granddaughter heir widow fiancee fiancée leader king queen prince princess duke duchess count earl lord
bishop archbishop pope emperor empress general commander chieftain ruler despot abbot monk""".split())


def sole_names(doc: "Doc", full: dict[str, str]) -> frozenset:
    """People a document names by one name only, as history does ("Rollo", "Bohemond"): a one-word PERSON name
    NER gives at least twice, never inside a longer name, never after an honorific ("Mr Smith" is a surname
    whose first name the document omits) or "the", never a place, an organisation word or a feature the document names."""
    counts: dict[str, int] = {}
    longer: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if len(ent) == 1 and ent[0].is_alpha and ent.text[:1].isupper():
            counts[ent.text] = counts.get(ent.text, 0) + 1
        else:
            longer.update(t.text for t in ent)
    epithet = {t.text for t in doc if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "the" and doc[t.i + 2].is_title}
    longer |= epithet  # "Edward the Confessor", "Robert the Bruce": a longer name, not one word
    honoured = {t.text for t in doc if t.i > 0 and (doc[t.i - 1].lower_.rstrip(".") in HONORIFICS
                                                    or doc[t.i - 1].lower_ == "the")}  # "the Marches": no one
    joined = {t.text for t in doc if t.pos_ == "PROPN" and any(
        0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() for j in (t.i - 1, t.i + 1))}
    introduced = {t.text for t in doc if t.pos_ == "PROPN" and t.is_alpha and t.ent_type_ in ("PERSON", "ORG", "")
                  and t.i > 0 and doc[t.i - 1].lemma_.lower() in PERSON_NOUNS and doc[t.i - 1].pos_ == "NOUN"
                  and (t.dep_ == "appos" and t.head == doc[t.i - 1] or doc[t.i - 1].dep_ == "compound" and doc[t.i - 1].head == t)
                  and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)}
    # "his son Duncan", "her cousin Tostig": someone, even named once (the model may call the name a firm)
    named = set(counts) | introduced
    return frozenset(name for name in named if (counts.get(name, 0) >= SOLE_NAME_MENTIONS or name in introduced)
                     and name not in full and name not in longer | honoured | joined
                     and (name in introduced or lookup(name) is None)  # "his son Duncan", though Duncan is a town
                     and name.casefold() not in ORGANISATION_WORDS | PLACE_HEADS | INSTITUTIONS)


# what only rivers do: a one-word name as the subject of these verbs with a place phrase is a river
RIVER_VERBS = frozenset({"flow", "empty", "drain", "meander", "discharge"})
RIVER_NOUNS = frozenset({"river", "tributary"})
RIVER_PREPS = frozenset({"into", "through", "from", "past", "across", "along", "towards", "toward"})


def _river_by_deed(tok: "Token") -> bool:
    """"The Velda flows into the North Sea", "The Velda is a European river": a one-word proper name, no person
    or group, as the subject of a river's verb with a place phrase, or defined as a river (the small model
    tags rivers as organisations as often as places)."""
    if tok.dep_ not in ("nsubj", "attr") or tok.pos_ != "PROPN" or not tok.is_alpha \
            or tok.ent_type_ in ("PERSON", "NORP") or any(c.dep_ == "compound" for c in tok.children):
        return False
    verb = tok.head
    if tok.dep_ == "attr":  # "The largest tributary of the Velda is the Orna"
        return verb.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in RIVER_NOUNS for c in verb.children)
    if verb.lemma_.lower() in RIVER_VERBS:
        return any(c.dep_ == "prep" and c.lower_ in RIVER_PREPS for c in verb.children)
    if verb.lemma_ == "be":
        return any(c.dep_ == "attr" and c.lemma_.lower() in RIVER_NOUNS for c in verb.children)
    return False


def features_named(doc: "Doc") -> dict[str, str]:
    """One-word names the document shows to be a feature: "the river Seine", "River Aare", "the Aare river",
    "the Aare flows into ...", "the Aare is a river". Never a name the gazetteer knows as a city or a country
    ("Geneva" in "Lake Geneva")."""
    out: dict[str, str] = {}
    for tok in doc:
        if _river_by_deed(tok) and lookup(tok.text) is None:
            out[tok.text] = "river"
        if tok.lower_ not in NAMING_FEATURES:
            continue
        for name in (doc[tok.i + 1] if tok.i + 1 < len(doc) else None, doc[tok.i - 1] if tok.i > 0 else None):
            if name is None or name.pos_ != "PROPN" or not name.text[:1].isupper() or not name.is_alpha:
                continue
            if name.i > tok.i and tok.i + 2 < len(doc) and doc[tok.i + 2].pos_ == "PROPN":
                continue  # "River Plate Stadium"
            if name.i < tok.i and name.i > 0 and doc[name.i - 1].pos_ == "PROPN":
                continue  # "East Anglia river"
            if lookup(name.text) is None:
                out[name.text] = tok.lower_
    return out


def named_feature(tok: "Token", features: dict[str, str]) -> "tuple[Span, str] | None":
    """(the name, its feature) where ``tok`` is a one-word name the document showed to be a feature, standing
    alone (not part of a longer name, not the name beside its own feature noun)."""
    if tok.text not in features or tok.pos_ != "PROPN":
        return None
    if any(c.dep_ == "compound" for c in tok.children) or tok.dep_ == "compound":
        return None
    neighbours = [tok.doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(tok.doc)]
    if any(n.lower_ in NAMING_FEATURES or n.pos_ == "PROPN" for n in neighbours):
        return None
    return tok.doc[tok.i: tok.i + 1], features[tok.text]



# what people do and shows, products and bands do not: a full name given once, as the doer of one of these,
# is a person ("John Myhill defined ...", "founded by Anna Lind")
PERSON_VERBS = frozenset("""found invent discover define prove demonstrate publish propose formulate coin devise
paint compose sculpt translate introduce marry divorce rule reign govern command assassinate murder crown conquer
succeed inherit
appoint explore patronise patronize excommunicate baptise baptize abdicate""".split())


def acts_as_person(tok: "Token", slot: str, name: str) -> bool:
    """A full name doing what people do (:data:`PERSON_VERBS`), or written with a name particle ("Roger de
    Tosny", "Ludwig van Beethoven")."""
    if any(w in NAME_PARTICLES for w in name.split()[1:-1]):
        return True
    verb = tok.head.head if slot == "prep" else tok.head
    return slot in ("agent", "prep") and (slot == "agent" or tok.head.dep_ == "agent") \
        and verb.lemma_.lower() in PERSON_VERBS


def mentions(doc: "Doc", surname: str) -> int:
    """How often a person is named by the surname alone (people are, shows and products are not): the full
    name's own mentions do not count."""
    tokens = (doc[i] for i in positions_of(doc, surname))  # an index, not a scan of the document (issue 13)
    return sum(1 for t in tokens if t.pos_ == "PROPN"
               and (t.i == 0 or not (doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].text[:1].isupper())))

