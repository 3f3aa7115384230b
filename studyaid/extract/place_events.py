"""What happened at a place, read off the dependency parse: a clause ("European leaders met in Paris"), an event
noun ("the Eastern Economic Forum in Vladivostok", "the Paris summit": relation "compound") or something based
there ("the Helsinki-based Center ...": "based"); doubtful readings carry warnings (a hypothetical or negated
verb, a place phrase the parser hung on a noun). Read by :mod:`.places`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .clauses import clause_around
from .common import subject_of
from .place_mentions import PLACE_PREPS, PlaceMention
from .place_phrases import noun_phrase, phrase, render

WIDE_PLACE_PREPS = frozenset({"in", "at", "inside"})  # the only ones for countries and continents
# Nouns that name something that happens somewhere.
EVENT_NOUNS = frozenset(
    """
    summit meeting conference forum talk negotiation session visit trip ceremony rally protest
    demonstration election vote referendum attack strike bombing explosion blast raid offensive
    battle fighting war invasion shelling assault parade festival exhibition congress convention
    assembly gathering dinner speech address interview briefing signing accord treaty trial
    hearing funeral launch drill exercise celebration commemoration meet round consultation
    concert gig premiere performance screening auction
    """.split()
)
# Verbs whose object is where something happened: "Russian drones hit Kharkiv".
PLACE_OBJECT_VERBS = frozenset({"visit", "tour", "attack", "hit", "strike", "shell", "bomb", "target"})
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "will"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
MAX_EVENT_TOKENS = 16


@dataclass
class _Event:
    text: str  # "the Eastern Economic Forum", "European leaders met"
    head: str  # lemma of its head word
    relation: str
    confidence: float = 0.85
    warnings: tuple[str, ...] = ()
    verbal: bool = False  # told by a clause ("European leaders met"), not a noun ("the summit")



def event_at(anchor: Token, mention: PlaceMention, kind: str) -> _Event | None:
    """What happened at a place mention, read off the parse: a clause, an event noun, something based there."""
    place_tokens = {t.i for t in mention.name} | {anchor.i}
    specific = kind in ("city", "region", "village", "place")
    head = anchor.head
    nxt = anchor.doc[anchor.i + 1:anchor.i + 3]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "based":  # "the Helsinki-based Center"
        noun = nxt[1].head if nxt[1].dep_ in ("amod", "acl") else anchor.head
        if noun.pos_ in ("NOUN", "PROPN"):
            return _noun_event(noun, {*place_tokens, nxt[0].i, nxt[1].i}, "based")
        return None
    while head.dep_ == "conj" and head.head.dep_ == "prep":
        head = head.head  # "in Saudi Arabia and in the United Arab Emirates"
    if anchor.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in (PLACE_PREPS if specific else WIDE_PLACE_PREPS):
        target = head.head
        if target.lower_ == "based":
            return _noun_event(target.head, {*place_tokens, target.i}, "based")
        if target.pos_ == "VERB":
            if target.dep_ == "acl" and not specific:
                return None  # "troops deployed in Ukraine": a description, not an event
            return _clause_event(target, head.lower_)
        if target.pos_ in ("NOUN", "PROPN"):
            if _is_event_noun(target):
                return _noun_event(target, {head.i}, head.lower_)
            return _climb(target, head.lower_, head) if specific else None
        return None
    if anchor.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
        noun = head
        while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        if _is_event_noun(noun) and mention.entry is not None and mention.entry.kind != "continent":
            return _noun_event(noun, place_tokens, "compound")
        return None
    if anchor.dep_ == "dobj" and head.lemma_.lower() in PLACE_OBJECT_VERBS and specific:
        return _clause_event(head, "object", skip_object=True)
    return None


def _is_event_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS or noun.ent_type_ == "EVENT"


def _climb(noun: Token, relation: str, place_prep: Token) -> _Event | None:
    """A locative phrase the parser hung on a noun ("a crew in the village of X"): read it as where
    the nearest clause or event happened, with a warning unless the noun is a person ("met with X
    in Paris")."""
    token, person = noun, noun.ent_type_ == "PERSON"
    for step in range(6):
        if token.pos_ == "VERB" or (step and token.pos_ == "NOUN" and _is_event_noun(token)):
            break
        if token.dep_ not in ("pobj", "prep") and not (step == 0 and token.dep_ == "dobj") or token.head == token:
            return None
        token = token.head
    else:
        return None
    if token.pos_ == "NOUN":  # "talks between the two leaders in Alaska"
        event: _Event | None = _noun_event(token, {place_prep.i}, relation)
    else:
        if token.dep_ == "advcl" and subject_of(token) is None and token.head.pos_ == "VERB":
            token = token.head  # "the men were killed while working as part of a crew in X"
        event = _clause_event(token, relation)
    if event is None:
        return None
    if person:  # "met with Zelenskyy in Paris": the meeting was in Paris, most likely
        return _Event(event.text, event.head, relation, min(event.confidence, 0.75), event.warnings, event.verbal)
    note = f"the place phrase modifies '{noun.text}'; read as where '{token.text}' happened"
    return _Event(event.text, event.head, relation, min(event.confidence, 0.6), (*event.warnings, note), event.verbal)


def _noun_event(noun: Token, drop: set[int], relation: str) -> _Event:
    return _Event(render(noun_phrase(noun, drop, MAX_EVENT_TOKENS)), noun.lemma_.lower(), relation)


def _clause_event(verb: Token, relation: str, skip_object: bool = False) -> _Event | None:
    """Subject and verb ("European leaders met"), with the object of a transitive verb."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB" and not subject_of(first):
        first = first.head  # "drones killed ... and injured ... in X"
    if first.lemma_ == "be":
        return None
    tokens: list[Token] = []
    governor = first
    subject = subject_of(first)
    if subject is None and first.dep_ in ("xcomp", "advcl", "acl"):
        governor = first.head
        if first.dep_ == "acl" and governor.pos_ in ("NOUN", "PROPN"):
            tokens += phrase(governor, {first.i}, clauses=False)
        else:
            subject = subject_of(governor)
            if first.dep_ == "xcomp":
                tokens += [governor, *(c for c in governor.children if c.dep_ in ("aux", "neg"))]
    if subject is not None:
        tokens += noun_phrase(subject, set(), 12, conj=True)
    elif first.dep_ != "acl":
        return None  # no one to say it of
    tokens += [c for c in first.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    tokens.append(first)
    if not skip_object:
        tokens += _objects(first)
    if first != verb:
        for conj in (c for c in first.children if c.dep_ in ("cc", "conj")):
            tokens += [conj, *(_objects(conj) if conj.dep_ == "conj" else [])]
    warnings: list[str] = []
    confidence = 0.85
    if _hypothetical(first):
        warnings.append(f"'{first.text}' is hypothetical or conditional here")
        confidence = 0.55
    if any(t.dep_ == "neg" for t in tokens):
        warnings.append(f"'{first.text}' is negated")
        confidence = min(confidence, 0.5)
    if first.dep_ == "acl":
        confidence = min(confidence, 0.7)
    return _Event(render(tokens), first.lemma_.lower(), relation, confidence, tuple(warnings), verbal=True)


def _objects(verb: Token) -> list[Token]:
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            tokens += noun_phrase(child, set(), 6)
    return tokens


def _hypothetical(verb: Token) -> bool:
    for token in (verb, *verb.ancestors):
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in token.children):
            return True
        if token.dep_ in ("ccomp", "ROOT") or token.lemma_ in ("say", "tell"):
            break
    return False


def place_clause(mention: PlaceMention):
    """The clause around "in Paris" for asking "In which city did European leaders meet?"."""
    root = mention.name.root
    while root.dep_ == "compound" and root.head.i > root.i:  # "the Kharkiv region": the phrase is headed by "region"
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.i >= mention.name.start:
        return None
    return clause_around(root.doc[prep.i: root.i + 1], anchor=prep)
