"""Cloze questions: the key span (name, number, place, date) deleted from the source sentence.

Anki syntax ``{{c1::answer::hint}}``; every occurrence of the hidden words is deleted, so the
sentence never shows its own answer elsewhere.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..facts import DateFact, Place, Quantity, Quote, Role
from .model import Dropped, Question, question_id

MAX_CLOZE_WORDS = 70
HINTS = {"quote": "person", "role": "person", "quantity": "number", "date": "date"}


def _find(sentence: str, candidates: list[str]) -> str | None:
    """The first candidate written in the sentence (as a whole word), longest first."""
    for c in sorted({c for c in candidates if c}, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", sentence):
            return c
    return None


def make_cloze(sentence: str, hidden: str, hint: str, also: Iterable[str] = ()) -> str:
    """Delete ``hidden`` (any case) and every other spelling in ``also`` ("Putin" beside "Vladimir Putin",
    as written) wherever they occur as whole words."""
    forms = sorted({hidden, *(a for a in also if a and a.strip())}, key=len, reverse=True)
    alternatives = "|".join(f"(?i:{re.escape(f)})" if f == hidden else re.escape(f) for f in forms)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return pattern.sub(lambda m: f"{{{{c1::{m.group(0)}::{hint}}}}}", sentence)


def gap_text(cloze: str) -> str:
    """The cloze as a student sees it before answering: "… ____ (person) said."."""
    return re.sub(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", lambda m: f"_____ ({m.group(2) or '?'})", cloze)


def _states_quote(fact: Quote, sentence: str) -> bool:
    """The sentence carries the quoted words themselves (not only the one naming the speaker)."""
    words = re.findall(r"\w+", sentence.casefold())
    for text in (fact.text, *fact.variants):
        head = re.findall(r"\w+", text.casefold())[:6]
        if head and any(words[i:i + len(head)] == head for i in range(len(words))):
            return True
    return False


def _candidates(fact) -> list:
    """Source sentences a cloze may be made from, best first."""
    if isinstance(fact, Quote):
        return [s for s in fact.sources if _states_quote(fact, s.sentence)] or fact.sources[:1]
    return list(fact.sources)


def _hidden(fact, sentence: str) -> tuple[str | None, str]:
    """What to hide in a source sentence, and its hint."""
    if isinstance(fact, Quote):
        name = fact.speaker.name
        parts = name.split()
        outside = sentence  # the speaker is named outside the quoted words, never inside them
        for text in (fact.text, *fact.variants):
            outside = outside.replace(text, " " * len(text))
        found = _find(outside, [name, fact.speaker.mention, parts[-1]])
        if found:
            return found, "person"
        if fact.partial_quotes:
            return _find(sentence, fact.partial_quotes), "phrase"
        return None, "person"
    if isinstance(fact, Role):
        name = fact.person.name
        return _find(sentence, [name, fact.person.mention, name.split()[-1]]), "person"
    if isinstance(fact, Quantity):
        return (_find(sentence, [fact.text]) if not fact.vague else None), "number"
    if isinstance(fact, Place):
        return _find(sentence, [fact.place.name, fact.place.mention]), fact.place_kind
    if isinstance(fact, DateFact):
        return _find(sentence, [fact.date]), "date"
    return None, ""


def _spellings(fact, accepted: list[str]) -> list[str]:
    """Every way the sentence may write the hidden name: all of them are deleted."""
    entity = getattr(fact, "speaker", None) or getattr(fact, "person", None) or getattr(fact, "place", None)
    if entity is None:
        return []
    forms = [entity.name, entity.mention, *accepted]
    if entity.kind == "person":
        forms.append(entity.name.split()[-1])
    return forms


def cloze_question(fact, accepted: list[str] | None = None) -> Question | Dropped:
    hidden = hint = source = None
    for candidate in _candidates(fact):
        if len(candidate.sentence.split()) > MAX_CLOZE_WORDS:
            continue
        hidden, hint = _hidden(fact, candidate.sentence)
        if hidden:
            source = candidate
            break
    if source is None:
        first = fact.sources[0]
        too_long = all(len(s.sentence.split()) > MAX_CLOZE_WORDS for s in _candidates(fact))
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="cloze",
                       reason="sentence too long" if too_long else "answer not written in the sentence",
                       detail=first.sentence[:80])
    if hint == "phrase":
        accepted = []  # the speaker's names are not answers for a gap in the quoted words
    cloze = make_cloze(source.sentence, hidden, hint, [] if hint == "phrase" else _spellings(fact, accepted or []))
    qid = question_id(fact.canonical_key(), "cloze")
    explanation = _explain(fact, hidden)
    sources = [source, *(s for s in fact.sources if s != source)]  # the sentence shown first
    return Question(id=qid, kind="cloze", fact_type=fact.type, fact_id=fact.id, prompt=gap_text(cloze), answer=hidden,
                    accepted=[a for a in (accepted or []) if a != hidden], explanation=explanation, cloze=cloze,
                    hint=hint, sources=sources, corroboration=fact.corroboration)


def _explain(fact, hidden: str) -> str:
    if isinstance(fact, Quote):
        if hidden in fact.partial_quotes:
            return f"{fact.speaker.name} used the words \u201c{hidden}\u201d."
        return f"The words are {fact.speaker.name}'s."
    if isinstance(fact, Role):
        return f"{fact.person.name} is the {fact.role}."
    if isinstance(fact, Quantity):
        return f"The source gives {fact.phrase}."
    if isinstance(fact, Place):
        return f"{fact.place.name} is a {fact.place_kind}" + (f" in {fact.country}" if fact.country else "") + "."
    if isinstance(fact, DateFact):
        return f"The source dates it to {fact.date}."
    return ""
