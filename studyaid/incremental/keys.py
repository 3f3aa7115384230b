"""The keys an incremental run looks facts, names and questions up by (one definition for writing and reading)."""
from __future__ import annotations

import json

from ..facts import Quote, Role
from ..questions.distractors import norm
from ..resolve.corroborate import block_key
from ..text import fold

PREFIX = 3  # spelling variants of one surname share their first three letters (resolve.names._same_surname)


def surname_prefix(name: str) -> str:
    """The first letters of a name's last word, folded as the resolver folds them ("O’Brien" -> "obr")."""
    words = name.split()
    return "".join(c for c in fold(words[-1]) if c.isalpha())[:PREFIX] if words else ""


def person_prefixes(raw: list, mentions: list) -> set[str]:
    """Every surname prefix a document's people are named with: its person mentions and the names its role
    facts read behind a title (the resolver takes both as people)."""
    names = [m.text for m in mentions if m.kind == "person"]
    names += [f.person.mention for f in raw if isinstance(f, Role)]
    return {p for p in map(surname_prefix, names) if p}


def person_ref_prefix(fact) -> str | None:
    """The surname prefix of the person a raw fact names, when resolving it may look across documents
    (a speaker or a role holder taken as a person); None for every other fact."""
    if isinstance(fact, Quote) and fact.speaker.kind == "person":
        return surname_prefix(fact.speaker.mention)
    if isinstance(fact, Role):
        return surname_prefix(fact.person.mention)
    return None


def block_id(fact) -> str:
    return json.dumps(block_key(fact), default=str)


def answer_group(question) -> str:
    """Questions the bank-wide filter compares with each other share this (kind, fact type, answer)."""
    return json.dumps([question.kind, question.fact_type, norm(question.answer)])
