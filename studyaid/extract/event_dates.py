"""Dated named events and actions on something named (see events.py): "the Siege of Kelmore in 1097" -> When was
the Siege of Kelmore?"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterator

from ..facts import Clause, Event
from .common import tokens_text
from .dates import to_iso
from .event_answers import DATE_PREPS, DATE_SHAPES, MAX_PER_ANSWER, PERIOD, YEAR, entity, strip_the, whole

if TYPE_CHECKING:
    from spacy.tokens import Span

def dated_nouns(sent: "Span", source, taken: set, per_answer: Counter) -> Iterator[Event]:
    """"After the Siege of Antioch in 1097, ...", "the disbandment of Destiny's Child in June 2005": a named
    event, or an action noun with what it acted on named ("of" + a name), dated by "in"/"on" + a date, asked
    as "When was the Siege of Antioch?". The noun phrase must carry a name (the question checks it too)."""
    for date in sent:
        if date.dep_ != "pobj" or date.head.dep_ != "prep" or date.head.lower_ not in DATE_PREPS:
            continue
        noun = date.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # "the Battle of Varna in 1444": the date hung on the name after "of"
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        before = date.head.i - 1
        if before < 0 or sent.doc[before].is_punct or before not in {t.i for t in noun.subtree}:
            continue  # "after the First Crusade, in 1107, ...": the date dates the clause, not the noun
        ent = entity(date)
        if ent is None or ent.label_ != "DATE" or not whole(date, ent):
            continue
        text = strip_the(ent.text)
        period = PERIOD.match(text) is not None
        if not (DATE_SHAPES.match(text) or period) or (source.start, text.casefold()) in taken or per_answer[text.casefold()] >= MAX_PER_ANSWER:
            continue
        of_name = any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
                      for c in noun.children)
        named_event = noun.pos_ == "PROPN" and noun.ent_type_ not in ("PERSON", "GPE", "LOC", "DATE") \
            and (of_name or noun.ent_type_ in ("EVENT", "FAC", "ORG", "WORK_OF_ART"))
        if not (named_event or noun.pos_ == "NOUN" and of_name):
            continue
        skip = {t.i for t in date.head.subtree} | {t.i for c in noun.children if c.dep_ in ("relcl", "appos", "punct", "acl")
                                                    for t in c.subtree}
        words = [t for t in noun.subtree if t.i not in skip]
        if not words or any(t.dep_ == "poss" and t.pos_ == "PRON" for t in words):
            continue  # "his arrival in 1066": whose?
        phrase = tokens_text(words)
        phrase = phrase[0].lower() + phrase[1:] if words[0].lower_ in ("the", "a", "an") else phrase
        iso = None if period else to_iso(text) if not YEAR.match(text) else text
        if not iso and not period:
            continue
        clause = Clause(subject=phrase, verb="was", lemma="be", tag="VBD", answer_role="object")
        per_answer[text.casefold()] += 1
        yield Event(answer=text, name=text, answer_kind="date", iso=iso, slot="prep", prep=date.head.lower_,
                    lemma="be", event=f"{phrase} {date.head.lower_} {text}", clause=clause, sources=[source],
                    confidence=0.7)
