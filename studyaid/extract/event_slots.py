"""The slots of a plain statement (see events.py): who did it, to what, where and when; what is no plain statement
(negated, modal, conditional, reported, talk or opinion); the words a question replaces; the clause as a phrase."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..lexicon import SPEECH_VERBS
from .clauses import SIDE_DEPS
from .common import tokens_text
from .event_answers import entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MODALS = frozenset({"may", "might", "could", "would", "should", "must", "can", "will", "shall"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "although", "though"})
# talking is what quotes ask about; being seen or regarded as something is an opinion, not an event
TALK_VERBS = frozenset({"speak", "talk", "chat"})
OPINION_AS_VERBS = frozenset({"see", "regard", "view", "consider", "rate", "hail", "tip"})


def hedged(verb: "Token") -> bool:
    """Negated, modal, conditional, reported, talk or opinion: not a plain statement of what happened."""
    if verb.lemma_.lower() in TALK_VERBS or verb.lemma_.lower() in OPINION_AS_VERBS \
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    for tok in (verb, *verb.ancestors):
        if tok.lemma_.lower() in SPEECH_VERBS and tok != verb:
            return True
        for c in tok.children:
            if c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS or c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return True
    return False


def slots(verb: "Token") -> Iterator[tuple[str, str, "Token", "Token"]]:
    """(slot, preposition, name token, anchor) for each argument of ``verb``; a place phrase hung on the
    verb's object ("a trading post in Bergen") counts as the verb's."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            yield "agent", "", c, c
        elif c.dep_ == "nsubjpass":
            yield "patient", "", c, c
        elif c.dep_ == "dobj":
            yield "object", "", c, c
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "at", "near") and p.i > c.i:
                    yield from ((("prep", p.lower_, o, c) for o in p.children if o.dep_ == "pobj"))
        elif c.dep_ == "agent":
            yield from (("prep", "by", o, c) for o in c.children if o.dep_ == "pobj")
        elif c.dep_ == "prep":
            yield from (("prep", c.lower_, o, c) for o in c.children if o.dep_ == "pobj")


def span_of(slot: str, name: "Token") -> "Span":
    """The words the question replaces: the name (with its "the"), and its preposition in a "prep" slot."""
    ent = entity(name)
    start = ent.start if ent is not None else name.i
    end = ent.end if ent is not None else name.i + 1
    if start > 0 and name.doc[start - 1].lower_ == "the" and name.doc[start - 1].head == name:
        start -= 1
    if slot == "prep":
        start = name.head.i
    return name.doc[start:end]


def event_text(verb: "Token") -> str:
    """The clause as a phrase in its own word order, without side clauses: "The Hanseatic League founded
    a trading post in Bergen in 1360"."""
    side: set[int] = set()
    for tok in verb.subtree:
        if tok != verb and tok.head == verb and tok.dep_ in SIDE_DEPS | {"punct"}:
            side.update(t.i for t in tok.subtree)
        elif tok.dep_ in ("relcl", "appos"):
            side.update(t.i for t in tok.subtree)
    return tokens_text([t for t in verb.subtree if t.i not in side and not t.is_space])
