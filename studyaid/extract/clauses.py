"""The clause around an answer, cut into the parts a question is built from.

``clause_around(answer)`` finds the finite verb governing an answer phrase (a number, a place, a
date) and returns a :class:`~studyaid.facts.Clause`: subject, auxiliary, verb as written and its
lemma, the words between the verb and the answer, and what follows. Question generation turns it
into "How many drones did Ukraine's air force report intercepting?" with do-support, without the
model (see :mod:`studyaid.questions.phrasing`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..facts import Clause
from .common import subject_of
from .common import tokens_text as _text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SIDE_DEPS = {"advcl", "ccomp", "relcl", "parataxis", "cc", "conj", "mark", "appos", "dep", "intj"}
MAX_TAIL = 18


def _finite(verb: "Token") -> "Token":
    """Climb xcomp/non-finite links to the verb that carries tense: intercepting -> reported."""
    while verb.dep_ in ("xcomp", "pcomp") and verb.head.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBG", "VB", "VBN"):
        verb = verb.head
    return verb


def _side(tok: "Token", verb: "Token", answer_ids: set[int]) -> bool:
    return tok.head == verb and (tok.dep_ in SIDE_DEPS or tok.dep_ == "punct" or tok.dep_ == "advmod" and tok.i < verb.i) \
        and tok.i not in answer_ids


def _shorten(tokens: list, verb: "Token") -> list:
    """Drop whole trailing phrases (never half a phrase) until the tail is short enough to ask with."""
    tokens = list(tokens)
    while len(tokens) > MAX_TAIL:
        last = tokens[-1]
        top = last  # the highest ancestor of the last token that is still in the tail
        while top.head != top and top.head in tokens and top.head != verb:
            top = top.head
        cut = {t.i for t in top.subtree}
        while len(cut) >= len(tokens):  # the whole tail is one phrase: cut its last modifier instead
            kids = [c for c in top.children if c.i > top.i and c in tokens]
            if not kids:
                return tokens[:MAX_TAIL]
            top = kids[-1]
            cut = {t.i for t in top.subtree}
        tokens = [t for t in tokens if t.i not in cut]
    return tokens


def subject_ids_of(subject: "Token") -> set[int]:
    return {t.i for t in subject.subtree}


def _attached(head: "Token", verb: "Token", subject: "Token") -> bool:
    """The answer is the subject, or hangs off the verb (or its xcomp chain) through prepositions only."""
    if head == subject or head.head == subject and head.dep_ in ("nummod", "compound", "amod"):
        return True
    tok = head
    while tok != verb:
        parent = tok.head
        if parent == tok:
            return False
        if parent != verb and not (parent.pos_ == "ADP" or parent.dep_ in ("xcomp",) and parent.pos_ == "VERB"):
            return False
        tok = parent
    return True


def clause_around(answer: "Span", anchor: "Token | None" = None) -> Clause | None:
    """The clause an answer phrase sits in, or None when it is not governed by a finite verb."""
    head = anchor or answer.root
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ == "VBG" and verb.dep_ in ("advcl", "csubj", "acl"):
        return None
    verb = _finite(verb)
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VB", "MD") or verb.dep_ in ("relcl", "acl", "amod"):
        return None
    answer_ids = {t.i for t in answer}
    subject = subject_of(verb)
    shared = subject is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB"
    if shared:  # "drones killed three people and injured three others in X": the subject of the first verb
        subject = subject_of(verb.head)
    if subject is None or not _attached(head, verb, subject):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    negs = [c for c in verb.children if c.dep_ == "neg"]
    if negs:
        return None  # questions about what did not happen read badly and invite trick answers
    subject_ids = {t.i for t in subject.subtree}
    in_subject = bool(answer_ids & subject_ids)
    skip = set()
    for tok in verb.subtree:
        if tok == verb:
            continue
        if _side(tok, verb, answer_ids) or tok.dep_ in ("relcl", "appos") and tok.i not in answer_ids:
            skip.update(t.i for t in tok.subtree)
    skip -= answer_ids
    before = head.doc[min(answer_ids) - 1] if min(answer_ids) > 0 else None
    if before is not None and before.dep_ == "advmod" and before.i not in subject_ids_of(subject):
        skip.add(before.i)  # "late on September 4": "late" goes with the answer, not with the question
    if any(c.dep_ == "ccomp" for c in verb.children) and not any(c.dep_ in ("dobj", "attr") for c in verb.children):
        return None  # "has said [he's frustrated]": without its complement the clause says nothing
    aux_ids = {a.i for a in auxes} | {verb.i}
    clause = [t for t in verb.subtree if t.i not in skip and not t.is_space]
    answer_start, answer_end = min(answer_ids), max(answer_ids)
    if in_subject:
        subject_text = _text([t for t in subject.subtree if t.i not in skip and not t.is_space])
        between = [t for t in clause if verb.i < t.i < answer_start and t.i not in subject_ids]
        after = [t for t in clause if t.i > verb.i and t.i not in subject_ids and t.i not in answer_ids]
        role = "subject"
    else:
        subject_text = _text([t for t in subject.subtree if t.i not in skip and not t.is_space])
        between = [t for t in clause if verb.i < t.i < answer_start and t.i not in subject_ids and t.i not in aux_ids]
        after = [t for t in clause if t.i > answer_end and t.i not in subject_ids and t.i not in aux_ids]
        role = "object"
    after = _shorten(after, verb)
    return Clause(
        subject=subject_text,
        aux=" ".join(a.text for a in auxes),
        verb=verb.text,
        lemma=verb.lemma_,
        tag=verb.tag_,
        between=_text(between) if between else "",
        after=_text(after) if after else "",
        answer_role=role,
        subject_common=_starts_common(subject, skip),
    )


def _starts_common(subject: "Token", skip: set[int]) -> bool:
    """The subject's first word is a common word capitalised only because it starts the sentence."""
    first = next((t for t in subject.subtree if t.i not in skip and not t.is_space), None)
    return first is not None and first.is_sent_start and first.pos_ not in ("PROPN",) and not first.ent_type_ \
        and first.text[:1].isupper() and first.text != "I"
