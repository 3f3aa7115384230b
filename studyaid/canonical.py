"""One name per person and place across all documents.

Zelensky = Zelenskyy = Volodymyr Zelenskyy: surnames are grouped by spelling similarity, bare
surnames join the full name they belong to, and the canonical name is the most common full form
written with the most common spelling. Places take the gazetteer's name (Kiev -> Kyiv). NER slips
are repaired here: a one-word "person" the gazetteer knows as a place (Kyiv) is a place, and a name
NER called an organisation or a place (Trump ORG, Zelenskyy GPE) is a person when it is the surname
of a person named elsewhere.
"""
from __future__ import annotations

import difflib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .facts import Entity, EntityKind, EntityRef
from .extract.common import slug


@dataclass(frozen=True)
class Mention:
    """A name as written in one document, with what NER or the extractor took it for."""

    text: str
    kind: EntityKind
    document: str


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isalpha()).casefold()


def _same_surname(a: str, b: str) -> bool:
    """Spelling variants of one surname: Zelensky / Zelenskyy / Zelenskiy."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5 or fa[:3] != fb[:3]:
        return False
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


@dataclass
class _Person:
    surnames: Counter = field(default_factory=Counter)  # spelling -> count
    full_names: Counter = field(default_factory=Counter)  # "Volodymyr Zelenskyy" -> count
    first_name: str | None = None
    aliases: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    mentions: int = 0

    def canonical(self) -> str:
        spelling = max(self.surnames.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        if self.first_name:
            return f"{self.first_name} {spelling}"
        return spelling


class EntityResolver:
    """Maps every mention of a person or place to one :class:`Entity`."""

    def __init__(self, mentions: Iterable[Mention], place_lookup: Callable[[str], object | None]) -> None:
        self._lookup = place_lookup
        self._people: list[_Person] = []
        self._by_text: dict[str, Entity] = {}
        self._entities: dict[str, Entity] = {}
        mentions = list(mentions)
        self._build_people([m for m in mentions if m.kind == "person"])
        for m in mentions:
            if m.kind == "place":
                self._place(m.text, m.document)

    # people ---------------------------------------------------------------------------------
    def _build_people(self, mentions: list[Mention]) -> None:
        # full names first, so bare surnames can join them; most frequent names first for stability
        counts = Counter(" ".join(m.text.split()) for m in mentions)
        ordered = sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))
        docs = defaultdict(set)
        for m in mentions:
            docs[" ".join(m.text.split())].add(m.document)
        for name in ordered:
            words = name.split()
            if len(words) == 1 and self._is_place(name):
                continue  # "Kyiv" tagged PERSON
            surname, first = words[-1], (" ".join(words[:-1]) or None)
            person = self._find_person(surname, first)
            if person is None:
                person = _Person(first_name=first)
                self._people.append(person)
            if first and not person.first_name:
                person.first_name = first
            person.surnames[surname] += counts[name]
            if len(words) > 1:
                person.full_names[name] += counts[name]
            person.aliases.add(name)
            person.documents |= docs[name]
            person.mentions += counts[name]
        for person in self._people:
            name = person.canonical()
            entity = Entity(id=f"person:{slug(name)}", name=name, kind="person",
                            aliases=sorted(person.aliases | {name}), mentions=person.mentions,
                            documents=sorted(person.documents))
            self._entities[entity.id] = entity
            for alias in person.aliases:
                self._by_text[_fold(alias)] = entity

    def _find_person(self, surname: str, first: str | None) -> _Person | None:
        for person in self._people:
            if any(_same_surname(surname, s) for s in person.surnames):
                if first and person.first_name and _fold(first) != _fold(person.first_name):
                    continue  # Donald Trump and Melania Trump are two people
                return person
        return None

    def person(self, text: str) -> Entity | None:
        """The canonical person for a name as written, or None if nobody by that name is known."""
        key = _fold(text)
        if key in self._by_text and self._by_text[key].kind == "person":
            return self._by_text[key]
        words = text.split()
        if not words:
            return None
        person = self._find_person(words[-1], " ".join(words[:-1]) or None)
        if person is None:
            return None
        entity = self._entities[f"person:{slug(person.canonical())}"]
        self._by_text[key] = entity
        return entity

    # places ---------------------------------------------------------------------------------
    def _is_place(self, text: str) -> bool:
        return self._lookup(text) is not None

    def _place(self, text: str, document: str | None = None) -> Entity:
        entry = self._lookup(text)
        name = getattr(entry, "name", None) or " ".join(text.split())
        eid = f"place:{slug(name)}"
        entity = self._entities.get(eid)
        if entity is None:
            entity = Entity(id=eid, name=name, kind="place", place_kind=getattr(entry, "kind", None) or "place",
                            country=getattr(entry, "country", None))
            self._entities[eid] = entity
        if text not in entity.aliases:
            entity.aliases.append(text)
            entity.aliases.sort()
        entity.mentions += 1
        if document and document not in entity.documents:
            entity.documents.append(document)
            entity.documents.sort()
        return entity

    # references -----------------------------------------------------------------------------
    def resolve(self, ref: EntityRef) -> EntityRef:
        """The canonical form of a reference; a "person" that is really a place comes back as a place."""
        if ref.kind == "person":
            entity = self.person(ref.mention)
            if entity is None and len(ref.mention.split()) == 1 and self._is_place(ref.mention):
                entity = self._place(ref.mention)
            if entity is None:
                return ref
        elif ref.kind == "place":
            entity = self._place(ref.mention)
        else:
            return ref
        return EntityRef(mention=ref.mention, name=entity.name, id=entity.id, kind=entity.kind)

    def entities(self) -> list[Entity]:
        return sorted(self._entities.values(), key=lambda e: (e.kind, -e.mentions, e.name))
