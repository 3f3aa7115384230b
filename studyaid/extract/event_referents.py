"""What "it" and "the river" stand for in reference text, so that a question can name its subject.

An encyclopedia page names its subject once and goes on with "It forms part of the border ..." or "The river
was straightened ...". Two narrow rules, inside one paragraph:

- "It" opening a sentence as its subject stands for the subject of the sentence before, when that subject was
  a named place or geographic feature ("The Velda rises in the Alps. It flows through ..." -> the Velda);
  never a person, an organisation or anything else NER named.
- "the river" (or lake, sea, island ...: a feature noun with "the" and nothing else) stands for the feature of
  that kind the paragraph named last, in this sentence before it or in the two sentences before; or, failing
  that, for the one feature of that kind the document has named so far (a page about one river).

Anything else (a plural, "its", a noun with an adjective, a first sentence) stays as written: a question whose
subject is not named is dropped by the question side.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..facts import Clause
from ..gazetteer import lookup
from .event_answers import entity, strip_the
from .event_names import FEATURES, Known, feature_of, is_person_name, named_feature

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WINDOW = 2  # sentences back a named feature is remembered for "the river"
PLACE_KINDS = frozenset({"city", "country", "region", "village", "continent"})


def _named_thing(tok: "Token", known: Known) -> "tuple[str, str] | None":
    """(the name as a subject is written, its kind) where ``tok`` heads a named place or feature."""
    feature = named_feature(tok, known.features)
    if feature is not None:
        return f"the {feature[0].text}", feature[1]
    ent = entity(tok)
    if ent is None or ent.label_ not in ("GPE", "LOC", "FAC"):
        return None
    text = strip_the(ent.text)
    kind = feature_of(text)
    if kind is not None:
        return (f"the {text}" if ent.start > 0 and tok.doc[ent.start - 1].lower_ == "the" or ent[0].lower_ == "the"
                else text), kind
    entry = lookup(text)
    return (text, entry.kind) if entry is not None and entry.kind in PLACE_KINDS else None


def _subject(verb: "Token") -> "Token | None":
    """The verb's subject, or the subject of the verb it is joined to ("It rises ... and flows ...")."""
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "conj" or verb.head == verb:
            return subj
        verb = verb.head


def _other_person(sent: "Span") -> bool:
    """The sentence names someone itself: "he" might be them."""
    root = next((t.i for t in sent if t.dep_ == "ROOT"), sent.end)
    return any(e.label_ == "PERSON" and e.start < root and lookup(e.text) is None for e in sent.ents)


class Referents:
    """Walks a document's sentences in order (call :meth:`see` on each after its facts are taken)."""

    def __init__(self, known: Known) -> None:
        self.known = known
        self.subject: str | None = None  # the named subject of the sentence before
        self.person: str | None = None  # the sentence before's subject, when the one person it names
        self.recent: list[dict[str, str]] = []  # kind -> name, per sentence, the last WINDOW sentences
        self.seen: dict[str, set[str]] = {}  # kind -> every name of that kind the document gave so far

    def new_paragraph(self) -> None:
        self.subject, self.person, self.recent = None, None, []

    def _only_person(self, sent: "Span", subj: "Token | None") -> str | None:
        """The full name of the sentence's subject when it is the one person the sentence names."""
        people = {e.start for e in sent.ents if e.label_ == "PERSON" and lookup(e.text) is None}  # "Rouen" is no one
        if subj is None or len(people) != 1 or subj.ent_type_ != "PERSON" or any(t.lower_ in ("and", "or") for t in subj.subtree):
            return None
        ent = next(e for e in sent.ents if e.start in people)
        if not ent.start <= subj.i < ent.end:
            return None
        text = strip_the(ent.text)
        if len(ent) >= 2 and is_person_name(text):
            return text
        return self.known.full_names.get(text) or (text if text in self.known.sole_names else None)

    def see(self, sent: "Span") -> None:
        """Remember what the sentence named; its subject, named or itself a "the river" that stands for a name."""
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        named = _named_thing(subj, self.known) if subj is not None else None
        if named is None and subj is not None and subj.lower_ in FEATURES \
                and [c.lower_ for c in subj.children] == ["the"]:
            named = (self._feature(subj.lower_, sent, subj.i - sent.start), subj.lower_)
        self.subject = named[0] if named else None
        self.person = self._only_person(sent, subj)
        named_here = self._named_in(sent, len(sent))
        self.recent = (self.recent + [named_here])[-WINDOW:]
        for kind, name in named_here.items():
            self.seen.setdefault(kind, set()).add(strip_the(name))

    def _feature(self, kind: str, sent: "Span", upto: int) -> str | None:
        """The feature of ``kind`` "the river" stands for: named before it in the sentence, in the sentences
        before, or the one of that kind the document has named."""
        name = self._named_in(sent, upto).get(kind) or next((r[kind] for r in reversed(self.recent) if kind in r), None)
        if name is None and len(self.seen.get(kind, ())) == 1:
            name = f"the {next(iter(self.seen[kind]))}"
        return name

    def _named_in(self, sent: "Span", upto: int) -> dict[str, str]:
        out: dict[str, str] = {}
        for tok in sent[:upto]:
            named = _named_thing(tok, self.known)
            if named is not None:
                out[named[1]] = named[0]
        return out

    def resolve(self, clause: Clause, verb: "Token", answer: str) -> Clause:
        """The clause with its subject named, when it is "It" or "the river" and the rule above finds the name
        (never the answer itself)."""
        if clause.answer_role != "object":
            return clause
        subject = clause.subject.strip()
        name = None
        subj = _subject(verb)
        if subject in ("It", "it") and subj is not None and subj.lower_ == "it" and subj.i == verb.sent.start:
            name = self.subject
        elif subject in ("He", "She") and subj is not None and subj.i == verb.sent.start and not _other_person(verb.sent):
            name = self.person  # "Jean Morel left Rouen. He sold the mill in 1418." -> Jean Morel
        words = subject.split()
        if len(words) == 2 and words[0].lower() == "the" and words[1].lower() in FEATURES and subj is not None:
            name = self._feature(words[1].lower(), verb.sent, subj.i - verb.sent.start)
        elif name is None and subj is not None and len(words) > 2:
            return self._inside(clause, subj, answer)
        if name is None or strip_the(name).casefold() == strip_the(answer).casefold():
            return clause
        return clause.model_copy(update={"subject": name[0].upper() + name[1:], "subject_common": False})

    def _inside(self, clause: Clause, subj: "Token", answer: str) -> Clause:
        """"The largest city on the river" -> "The largest city on the Velda": a "the river" inside the subject,
        after a preposition, named by the same rule."""
        for tok in subj.subtree:
            if tok.lower_ in FEATURES and tok.dep_ == "pobj" and [c.lower_ for c in tok.children] == ["the"]:
                name = self._feature(tok.lower_, tok.sent, tok.i - tok.sent.start)
                if name is None or strip_the(name).casefold() == strip_the(answer).casefold():
                    return clause
                named = re.sub(rf"\bthe {tok.lower_}\b", name, clause.subject, count=1)
                return clause.model_copy(update={"subject": named, "subject_common": False})
        return clause
