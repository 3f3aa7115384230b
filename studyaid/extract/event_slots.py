"""The slots of a plain statement (see events.py): who did it, to what, where and when; what is no plain statement
(negated, modal, conditional, reported, talk or opinion); the words a question replaces; the clause as a phrase."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from ..facts import Clause
from ..lexicon import SPEECH_VERBS
from .clauses import SIDE_DEPS
from .common import tokens_text
from .event_answers import entity, era_year

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


# a part of a place named after it: "in the north of Finland", "at the mouth of the Velda"
PART_NOUNS = frozenset("""north south east west northeast northwest southeast southwest centre center middle heart
mouth source border coast shore edge outskirts foot summit""".split())


class Slot(NamedTuple):
    slot: str  # agent, patient, object, prep
    prep: str  # "in", "by", or a phrase ending in "of" ("in the north of")
    name: "Token"  # the head of the answer
    anchor: "Token"  # the token the clause is found from
    items: tuple = ()  # every item of a list the name is one of ("through Austria, Germany and France")


def list_items(obj: "Token") -> tuple:
    """The items of "A, B and C" headed by ``obj`` (A, with B and C as its conjuncts), or () for one name."""
    items = [obj]
    for tok in items:
        items.extend(c for c in tok.children if c.dep_ == "conj")
    return tuple(sorted(items, key=lambda t: t.i)) if len(items) > 1 else ()


def _part_of(prep: "Token", obj: "Token") -> "tuple[str, Token] | None":
    """("in the north of", Finland) for "in the north of Finland": a part noun with only "the" and "of" + name."""
    if obj.lemma_.lower() not in PART_NOUNS or obj.pos_ != "NOUN":
        return None
    kids = list(obj.children)
    of = [c for c in kids if c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i]
    if len(of) != 1 or any(c.dep_ != "det" or c.lower_ != "the" for c in kids if c not in of) or len(kids) != 2:
        return None
    inner = next((o for o in of[0].children if o.dep_ == "pobj"), None)
    return (f"{prep.lower_} the {obj.lower_} of", inner) if inner is not None else None


def in_apposition(noun: "Token") -> "Token":
    """The person a job noun introduces ("by the chemist Anna Lind", "the island's ruler Isaac Ventor"): the
    PERSON name in apposition right after the noun, or the noun itself."""
    if noun.pos_ != "NOUN":
        return noun
    named = [c for c in noun.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > noun.i
             and all(t.i > noun.i for t in c.subtree) and min(t.i for t in c.subtree) == noun.i + 1]
    return named[0] if len(named) == 1 else noun


def _prep_slots(prep: "Token", anchor: "Token") -> Iterator[Slot]:
    for o in prep.children:
        if o.dep_ != "pobj":
            continue
        if prep.dep_ == "agent":
            yield Slot("prep", "by", in_apposition(o), anchor)
            continue
        part = _part_of(prep, o)
        if part is not None:
            yield Slot("prep", part[0], part[1], anchor)
            continue
        items = list_items(o)
        yield from (Slot("prep", prep.lower_, item, anchor, items) for item in items or (o,))


def slots(verb: "Token") -> Iterator[Slot]:
    """A :class:`Slot` for each argument of ``verb``; a place phrase hung on the verb's object ("a trading
    post in Bergen") counts as the verb's."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            yield Slot("agent", "", in_apposition(c), c)
        elif c.dep_ == "nsubjpass":
            yield Slot("patient", "", in_apposition(c), c)
        elif c.dep_ == "dobj":
            yield Slot("object", "", in_apposition(c), c)
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "at", "near") and p.i > c.i:
                    yield from (Slot("prep", p.lower_, o, c) for o in p.children if o.dep_ == "pobj")
        elif c.dep_ in ("agent", "prep") or c.dep_ == "dative" and c.lower_ == "to":
            yield from _prep_slots(c, c)


def span_of(slot: str, name: "Token", items: tuple = ()) -> "Span":
    """The words the question replaces: the name (with its "the"), and its preposition (with a part noun:
    "in the north of") in a "prep" slot; every item of a list the name is one of."""
    ent = entity(name)
    start = ent.start if ent is not None else name.i - 1 if era_year(name) else name.i
    end = ent.end if ent is not None else name.i + 1
    if name.dep_ == "appos" and slot != "prep":
        start = min(t.i for t in name.head.subtree)  # "Edgar's sister Margaret": the whole phrase is the answer's
    if items:
        last = entity(items[-1])
        start, end = min(start, items[0].i), max(end, last.end if last is not None else items[-1].i + 1)
    if start > 0 and name.doc[start - 1].lower_ == "the" and name.doc[start - 1].head == name:
        start -= 1
    if slot == "prep":
        prep = name.head.head if name.dep_ == "appos" else name.head  # "by the chemist Anna Lind"
        if prep.lower_ == "of" and prep.head.lemma_.lower() in PART_NOUNS and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "in the north of Finland"
        start = min(start, prep.i)
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


STATE_PARTICIPLES = frozenset({"locate", "situate", "base", "find", "centre", "center", "border", "surround"})


def participle_clause(verb: "Token", span: "Span") -> Clause | None:
    """The clause of a past participle describing a named or definite thing: "The canal, built by Pierre Lavalle
    in 1820, links ..." -> subject "The canal", "was built" (asked "By whom was the canal built?"); a state
    ("located", "based") is "is". None for a thing without "the" or a name, or a plural one."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    thing = verb.head
    if thing.pos_ not in ("NOUN", "PROPN") or thing.tag_ not in ("NN", "NNP") or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in thing.children) and thing.pos_ != "PROPN":
        return None
    skip = {t.i for c in thing.children if c.dep_ in ("acl", "relcl", "punct", "prep") or c.dep_ == "appos" and c.i > verb.i
            for t in c.subtree}
    subject = [t for t in thing.subtree if t.i not in skip and not t.is_space]
    if not subject or max(t.i for t in subject) >= verb.i or any(t.dep_ == "prep" for t in thing.children if t.i < verb.i):
        return None  # a noun with a phrase after it: "the bridge over the river, built ..."
    side = {t.i for c in verb.children if c.dep_ in ("punct", "advcl", "conj", "cc") for t in c.subtree}
    answer = {t.i for t in span}
    after = [t for t in verb.subtree if t.i > max(answer) and t.i not in side and not t.is_space]
    between = [t for t in verb.subtree if verb.i < t.i < min(answer) and t.i not in side and not t.is_space]
    state = verb.lemma_.lower() in STATE_PARTICIPLES
    return Clause(subject=tokens_text(subject), aux="is" if state else "was", verb=verb.text, lemma=verb.lemma_,
                  tag="VBN", between=tokens_text(between) if between else "", after=tokens_text(after) if after else "",
                  answer_role="object", subject_common=subject[0].is_sent_start and subject[0].pos_ != "PROPN")
