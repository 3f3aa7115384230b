"""Who is speaking: names grown from a subject token, pronouns resolved to the last person named.

A speaker is given as a name ("Rutte", "NATO Secretary-General Mark Rutte"), a pronoun ("he") or a
title ("the Russian president"). Names are grown along ``compound``/``flat`` links and NER spans;
titles in front of a name are split off (see :mod:`studyaid.extract.roles`). Pronouns and titles
are resolved to the most recent person named outside quotations and junk, earlier in the document.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = {"he", "she", "him", "her"}
# Words that are titles, never part of a person's name.
TITLE_WORDS = {
    "president", "prime", "minister", "secretary", "secretary-general", "general", "governor", "chancellor",
    "senator", "king", "queen", "pope", "mayor", "ambassador", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "chair", "director", "chief", "leader", "foreign", "defence", "defense", "deputy", "vice",
    "correspondent", "adviser", "advisor", "commissioner", "envoy", "premier", "representative", "head",
    "mr", "mrs", "ms", "dr", "sir", "lord", "senior", "international", "regional", "former", "first", "lady",
}
NOT_PEOPLE = {"kremlin", "nato", "moscow", "washington", "europe", "eu", "us", "uk"}


@dataclass(frozen=True)
class Speaker:
    name: str  # the name as written, titles split off
    start: int  # char offset of the mention
    resolved_from: str | None = None  # "he", "the Russian president"
    named_at: int | None = None  # char offset where the person is named (the antecedent of "he")


def name_span(token: "Token", is_place=lambda name: False) -> "Span | None":
    """The person's name a token belongs to, titles and places split off: ``Rutte`` -> ``Mark Rutte``."""
    if not _name_like(token):
        return None
    doc, sent = token.doc, token.sent
    lo = hi = token.i
    while lo - 1 >= sent.start and _name_like(doc[lo - 1]) and doc[lo - 1].dep_ in ("compound", "flat") \
            and doc[lo - 1].lower_ not in TITLE_WORDS and doc[lo - 1].ent_type_ not in NON_NAME_LABELS:
        lo -= 1
    while hi + 1 < sent.end and doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].dep_ == "flat":
        hi += 1
    while lo < hi and (doc[lo].lower_ in TITLE_WORDS
                       or lo > 0 and doc[lo - 1].pos_ == "ADP" and is_place(doc[lo].text)):
        lo += 1  # "in Vladivostok Putin" (an NER slip) -> "Putin"; but "Vladimir Putin" stays whole
    span = doc[lo: hi + 1]
    if span.text.lower() in NOT_PEOPLE or span.text.lower() in TITLE_WORDS or is_place(span.text):
        return None
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") and t.ent_type_ != "PERSON" for t in span) \
            and is_place(" ".join(t.text for t in span if t.ent_type_ in ("GPE", "LOC", "FAC"))):
        return None
    return span


def _name_like(token: "Token") -> bool:
    """A proper noun, or a capitalised noun the tagger missed ("Zelenskyy" tagged NOUN mid-sentence)."""
    if not token.text[:1].isupper() or not token.is_alpha and "-" not in token.text:
        return False
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and not token.is_sent_start


NON_NAME_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "CARDINAL"}


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


class PersonTracker:
    """People named in a document outside quotations and junk, in text order, for resolving pronouns."""

    def __init__(self, doc: "Doc", blocked: Sequence[tuple[int, int]], is_place) -> None:
        self._starts: list[int] = []
        self._names: list[tuple[str, int]] = []  # (name, where it is written)
        self._roles: dict[str, tuple[str, int]] = {}  # title word -> last name that carried it ("president" -> "Vladimir Putin")
        for ent in doc.ents:
            if ent.label_ != "PERSON" or _inside(ent.start_char, blocked):
                continue
            span = name_span(ent[-1], is_place)
            if span is None:
                continue
            self.add(span.text, ent.start_char, span.start_char)
            before = doc[max(ent.sent.start, span.start - 4): span.start]
            titles = [t for t in before if t.lower_ in TITLE_WORDS]
            if titles:
                first = next(t for t in before if t.lower_ in TITLE_WORDS or t.ent_type_ in ("NORP", "GPE", "ORG"))
                phrase = doc[first.i: titles[-1].i + 1].text.lower()
                self._roles[phrase] = (span.text, span.start_char)  # "russian president" -> "Vladimir Putin"

    def add(self, name: str, start: int, named_at: int | None = None) -> None:
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._names.insert(i, (name, start if named_at is None else named_at))

    def last_before(self, pos: int) -> tuple[str, int] | None:
        """The last person named before ``pos``, and where that name is written."""
        i = bisect.bisect_left(self._starts, pos)
        return self._names[i - 1] if i > 0 else None

    def knows(self, word: str) -> bool:
        """True when ``word`` is the surname of a person NER named in the document (outside quotes and junk)."""
        return any(name.split()[-1] == word for name, _ in self._names)

    def by_title(self, phrase: str) -> tuple[str, int] | None:
        """The person last named with this title phrase ("Russian president"); None when ambiguous."""
        phrase = phrase.lower()
        if phrase in self._roles:
            return self._roles[phrase]
        if " " not in phrase:  # a bare "the president": only if one person carries the title
            found = {self._roles[p][0]: self._roles[p] for p in self._roles if p.endswith(phrase)}
            return found.popitem()[1] if len(found) == 1 else None
        return None


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def resolve_speaker(subject: "Token", tracker: PersonTracker, is_place=lambda name: False) -> Speaker | None:
    """The person a subject token names, resolving pronouns and titles ("the French president")."""
    if subject.lower_ in PERSON_PRONOUNS:
        found = tracker.last_before(subject.idx)
        return Speaker(found[0], subject.idx, resolved_from=subject.text, named_at=found[1]) if found else None
    if subject.pos_ == "NOUN" and subject.lower_ in TITLE_WORDS:
        mods = [t for t in subject.doc[subject.left_edge.i: subject.i + 1] if t.dep_ != "det"]
        found = tracker.by_title(" ".join(t.text for t in mods))
        if found:
            phrase = subject.doc[subject.left_edge.i: subject.i + 1].text
            return Speaker(found[0], subject.idx, resolved_from=phrase, named_at=found[1])
        return None
    span = name_span(subject, is_place)
    if span is None or not looks_like_person(span):
        # the tagger missed a name it tagged elsewhere ("Zelenskyy has said ..." as a sentence-initial NOUN)
        if subject.text[:1].isupper() and subject.is_alpha and tracker.knows(subject.text) and not is_place(subject.text):
            return Speaker(subject.text, subject.idx, named_at=subject.idx)
        return None
    return Speaker(span.text, span.start_char, named_at=span.start_char)
