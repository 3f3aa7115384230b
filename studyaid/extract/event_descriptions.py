"""Definitions and descriptions (see events.py): "Lake Orvana is the largest lake in Finland", "Tallinn, the
capital of Estonia,", "Kelmore, a small town in Scotland," (in which country is Kelmore?)."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterator

from ..facts import Clause, Event
from ..gazetteer import lookup
from .clauses import clause_around
from .common import tokens_text
from .event_answers import MAX_PER_ANSWER, Answer, Known, entity, feature_of, slot_answer, strip_the, whole
from .event_names import FEATURES
from .event_slots import hedged, span_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

UNIQUE_WORDS = frozenset({"only", "first", "last", "largest", "longest", "biggest", "highest", "oldest", "capital"})


def unique(attr: "Token") -> bool:
    """A description that fits one thing: "the largest lake in Finland", "the capital of Estonia"."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in attr.children):
        return False
    words = {t.lower_ for t in attr.subtree}
    return bool(words & UNIQUE_WORDS) or any(c.tag_ == "JJS" for c in attr.children) \
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in attr.children)


# what a description's noun says a name it defines is, when the gazetteer and the name do not
DESCRIBED_KINDS = {"river": "river", "tributary": "river", "lake": "lake", "city": "city", "town": "city",
                   "port": "city", "capital": "city", "village": "village", "island": "island", "mountain": "mountain"}


def definition(verb: "Token", known: "Known") -> Iterator[tuple]:
    """"X is the largest lake in Finland": the answer is X; "The largest tributary of the Velda is the Orna":
    the answer is the Orna."""
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if attr is None and subject is not None and subject.pos_ == "NOUN" and unique(subject):
        yield from _named_by_description(verb, subject, known)
        return
    if attr is None or subject is None or not unique(attr):
        return
    answer = slot_answer(subject, "definition", "", known)
    if answer is None and subject.ent_type_ == "PERSON":
        answer = slot_answer(subject, "agent", "", known)
    if answer is None or answer.kind == "date":
        return
    span = span_of("definition", subject)
    clause = clause_around(span, anchor=subject)
    if clause is None:
        return
    yield answer, "definition", "", span, clause


def _named_by_description(verb: "Token", subject: "Token", known: "Known") -> Iterator[tuple]:
    """"The largest lake on the Velda is Lake Orvana", "The capital of the region is Kelmore": the name after
    the copula, a place of the kind the description's noun says when nothing else tells."""
    name = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "PROPN"), None)
    if name is None:
        return
    answer = slot_answer(name, "definition", "", known)
    kind = DESCRIBED_KINDS.get(subject.lemma_.lower())
    if answer is None and kind is not None:
        ent = entity(name) or proper_name(name)
        if ent is None or ent.label_ == "DATE" or not whole(name, ent):
            return
        text = strip_the(ent.text)
        answer = Answer(text, text, "place", place_kind=kind)
    if answer is None or answer.kind != "place":
        return
    span = span_of("definition", name)
    clause = clause_around(span, anchor=name)
    if clause is not None:
        yield answer, "definition", "", span, clause


def appositions(sent: "Span", source, taken: set, per_answer: Counter) -> Iterator[Event]:
    """"Tallinn, the capital of Estonia, ...": a place defined by a unique description beside it; a place the
    gazetteer does not know is the settlement its description calls it ("Kelmore, the largest town on the
    Velda," is a city to ask about)."""
    for appos in sent:
        if appos.dep_ != "appos" or appos.pos_ != "NOUN" or not unique(appos) or appos.i < appos.head.i:
            continue
        name = appos.head
        ent = entity(name) or proper_name(name)
        settlement = SETTLEMENTS.get(appos.lemma_.lower())
        if ent is None or ent.label_ == "DATE" or ent.label_ == "PERSON" and settlement is None:
            continue  # a person's apposition is a role (roles.py); no person is "the largest town on the Velda"
        text = strip_the(ent.text)
        entry, feature = lookup(text), feature_of(text)
        if entry is None and feature is None:
            feature = settlement
        if entry is None and feature is None:
            continue
        if (source.start, text.casefold()) in taken or per_answer[text.casefold()] >= MAX_PER_ANSWER:
            continue
        description = tokens_text([t for t in appos.subtree if t.dep_ not in ("relcl", "appos") or t == appos])
        past = sent.root.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in sent.root.children)
        clause = Clause(subject=text, verb="was" if past else "is", lemma="be", tag="VBD" if past else "VBZ",
                        after=description, answer_role="subject")
        per_answer[text.casefold()] += 1
        yield Event(answer=text, name=entry.name if entry else text, answer_kind="place",
                    place_kind=entry.kind if entry else feature, country=entry.country if entry else None,
                    slot="definition", lemma="be", event=f"{text} {clause.verb} {description}", clause=clause,
                    sources=[source], confidence=0.7)


LOCATING_KINDS = frozenset({"country", "region", "continent", "city"})
# what a description calls a place the gazetteer does not know: the kind of place a question asks for
SETTLEMENTS = {"city": "city", "town": "city", "port": "city", "capital": "city", "village": "village"}


def proper_name(tok: "Token") -> "Span | None":
    """A proper name NER did not tag ("Kelmore"): the proper noun with the proper nouns compounded on it."""
    if tok.pos_ != "PROPN" or tok.ent_type_:
        return None
    parts = [c for c in tok.children if c.dep_ == "compound"]
    if not all(c.pos_ == "PROPN" and not c.ent_type_ for c in parts):
        return None
    start = min([tok.i, *(c.i for c in parts)])
    return tok.doc[start: tok.i + 1]


def located(sent: "Span", source, taken: set, per_answer: Counter) -> Iterator[Event]:
    """"Normandy, a region in France, ...", "Bergen is a city in Norway": the place a named thing lies in,
    asked as "In which country is Normandy?". The description is a common noun with "a"/"an"/"the" and a
    phrase "in" + a gazetteer country, region, continent or city; the thing described is a name (never a
    person: a person "in France" is where they were, not what they are)."""
    for noun in sent:
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children):
            continue
        if noun.dep_ == "appos" and noun.i > noun.head.i:
            name, verb = noun.head, None
        elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
            verb = noun.head
            name = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if name is None or hedged(verb):
                continue
        else:
            continue
        if noun.lemma_.lower() in FEATURES:
            continue  # a river or a range is not "in" the one country its description names: it crosses borders
        ent = entity(name) or proper_name(name)
        if ent is None or ent.label_ in ("PERSON", "DATE") or not whole(name, ent):
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            place = entity(obj) if obj is not None else None
            if place is None or place.label_ not in ("GPE", "LOC") or not whole(obj, place):
                continue
            text, subject = strip_the(place.text), " ".join(ent.text.split())
            entry = lookup(text)
            if entry is None or entry.kind not in LOCATING_KINDS or text.casefold() == strip_the(subject).casefold():
                continue
            if (source.start, text.casefold()) in taken or per_answer[entry.name.casefold()] >= MAX_PER_ANSWER:
                continue
            # where a place lies holds today: an apposition says "is" unless it says "former"
            past = verb.tag_ == "VBD" if verb is not None else any(t.lower_ == "former" for t in noun.subtree)
            copula = verb.text if verb is not None else "was" if past else "is"
            clause = Clause(subject=subject, verb=copula.lower(), lemma="be", tag="VBD" if past else "VBZ",
                            answer_role="object")
            per_answer[entry.name.casefold()] += 1
            description = tokens_text([t for t in noun.subtree if t.dep_ not in ("relcl", "appos") or t == noun])
            yield Event(answer=text, name=entry.name, answer_kind="place", place_kind=entry.kind,
                        country=entry.country, slot="prep", prep="in", lemma="be",
                        event=f"{subject} {clause.verb} {description}", clause=clause, sources=[source],
                        confidence=0.7)
