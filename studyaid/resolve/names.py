"""One name per person and place across all documents.

Zelensky = Zelenskyy = Volodymyr Zelenskyy: surnames are grouped by spelling similarity, and the
canonical name is the most common full form written with the most common spelling. Names are
resolved within their document first (a bare surname or "Mr King" joins the full name the same
article gives), across documents only on a full-name match; a surname an article never gives in
full joins a person named elsewhere only when exactly one person has that surname, so a footballer
Brown is never merged into a chancellor Brown. Places take the gazetteer's name (Kiev -> Kyiv). NER slips
are repaired here: a one-word "person" the gazetteer knows as a place (Kyiv) is a place, unless a title
introduces it ("U2 frontman Bono": never Bonn), and a name
NER called an organisation or a place (Trump ORG, Zelenskyy GPE) is a person when it is the surname
of a person named elsewhere.
"""
from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from ..facts import Entity, EntityRef, Mention
from ..extract.common import slug
from ..extract.gender import agreed
from ..text import fold

__all__ = ["EntityResolver", "Mention"]


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """The letters of a name, folded: "O’Brien" = "OBrien", "Zelenskyy" = "ZELENSKYY", "José" = "Jose"."""
    return "".join(c for c in fold(text) if c.isalpha())


def _same_surname(a: str, b: str) -> bool:
    """Spelling variants of one surname: Zelensky / Zelenskyy / Zelenskiy."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5 or fa[:3] != fb[:3]:
        return False
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


def _find_person(people: list["_Person"], surname: str, first: str | None, *, full_only: bool = False) -> "_Person | None":
    """The person with this surname (spelling variants too) whose first name does not differ; the most
    mentioned when several fit. ``full_only``: only a person whose first name is the same."""
    fits = []
    for person in people:
        if any(_same_surname(surname, s) for s in person.surnames):
            if first and person.first_name and _fold(first) != _fold(person.first_name):
                continue  # Donald Trump and Melania Trump are two people
            if full_only and (not first or not person.first_name):
                continue
            fits.append(person)
    return max(fits, key=lambda p: p.mentions) if fits else None


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
    """Maps every mention of a person or place to one :class:`Entity`.

    People are resolved within their document first: a bare surname or "Mr King" is the person of that
    surname the same document names in full. Across documents, people are one person only when their
    full names match (first name and a spelling of the surname); a person a document names only by
    surname joins a person named in full elsewhere only when exactly one such person has that surname.
    """

    def __init__(self, mentions: Iterable[Mention], place_lookup: Callable[[str], object | None],
                 titled: Iterable[Mention] = (), gendered: Iterable[Mention] = ()) -> None:
        self._lookup = place_lookup
        # names a title introduces ("U2 frontman Bono"): a person's, whatever place the gazetteer knows by them
        self._titled = {(m.document, _fold(m.text)) for m in titled}
        self._people: list[_Person] = []
        self._position: dict[int, int] = {}  # id(person) -> index in _people
        self._by_prefix: dict[str, set[int]] = defaultdict(set)  # first letters of a surname -> people
        self._by_text: dict[str, Entity] = {}
        self._local: dict[tuple[str, str], Entity] = {}  # (document, folded name) -> entity
        self._doc_entities: dict[str, list[Entity]] = defaultdict(list)
        self._doc_prefix: dict[str, dict[str, list[Entity]]] = {}  # see _doc_people_near
        self._entities: dict[str, Entity] = {}
        self._entity_of: dict[int, Entity] = {}  # id(_Person) -> its entity
        self._full_names: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # document -> people named in full
        mentions = list(mentions)
        for m in mentions:
            if m.kind == "person" and len(m.text.split()) > 1:
                self._full_names[m.document].add(tuple(_fold(w) for w in m.text.split()))
        self._build_people([m for m in mentions if m.kind == "person"])
        self._give_genders([*mentions, *gendered])
        for m in mentions:
            if m.kind == "place":
                self._place(m.text, m.document)

    # people ---------------------------------------------------------------------------------
    def _local_people(self, names: list[str], document: str = "") -> list[tuple[_Person, set[str]]]:
        """One document's people: full names first, bare surnames joining the full name they belong to."""
        counts = Counter(names)
        ordered = sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))
        people: list[_Person] = []
        # a long article names hundreds of people: the ones a name can join are found by index, in the order
        # they were met, not by a scan of all of them per name (issue 13)
        by_prefix: dict[str, set[int]] = defaultdict(set)  # first letters of a surname -> people
        by_last: dict[str, set[int]] = defaultdict(set)  # last word of a full name -> people
        position: dict[int, int] = {}  # id(person) -> index in people
        for name in ordered:
            words = name.split()
            if len(words) == 1 and self._is_place(name) and (document, _fold(name)) not in self._titled:
                continue  # "Kyiv" tagged PERSON; never "U2 frontman Bono"
            surname, first = words[-1], (" ".join(words[:-1]) or None)
            person = next((people[i] for i in sorted(by_last.get(words[-1], ())) if len(words) > 1 and any(
                len(full.split()) > len(words) and full.split()[-len(words):] == words
                for full in people[i].full_names)), None)
            if person is not None:  # "Mr Saumarez Smith" is "Charles Saumarez Smith" of the same article
                person.aliases.add(name)
                person.mentions += counts[name]
                continue
            person = _find_person([people[i] for i in sorted(by_prefix.get(_fold(surname)[:3], ()))], surname, first)
            if person is None:
                person = _Person(first_name=first)
                position[id(person)] = len(people)
                people.append(person)
            at = position[id(person)]
            if first and not person.first_name:
                person.first_name = first
            person.surnames[surname] += counts[name]
            by_prefix[_fold(surname)[:3]].add(at)
            if len(words) > 1:
                person.full_names[name] += counts[name]
                by_last[words[-1]].add(at)
            person.aliases.add(name)
            person.mentions += counts[name]
        return [(p, set(p.aliases)) for p in people]

    def _build_people(self, mentions: list[Mention]) -> None:
        by_doc: dict[str, list[str]] = defaultdict(list)
        for m in mentions:
            by_doc[m.document].append(" ".join(m.text.split()))
        local = [(doc, person, aliases) for doc in sorted(by_doc)
                 for person, aliases in self._local_people(by_doc[doc], doc)]
        # full names first (most mentioned first, for stability), then people named by surname only
        local.sort(key=lambda item: (item[1].first_name is None, -item[1].mentions, item[0],
                                     item[1].first_name or "", sorted(item[2])))
        members: list[list[tuple[str, set[str]]]] = []
        for doc, person, aliases in local:
            if person.first_name:
                surname = max(person.surnames, key=person.surnames.get)
                target = _find_person(self._near([surname]), surname, person.first_name, full_only=True)
            else:
                target = self._surname_match(person)
            if target is None:
                target = _Person(first_name=person.first_name)
                self._position[id(target)] = len(self._people)
                self._people.append(target)
                members.append([])
            target.surnames.update(person.surnames)
            for surname in person.surnames:
                self._by_prefix[_fold(surname)[:3]].add(self._position[id(target)])
            target.full_names.update(person.full_names)
            target.aliases |= person.aliases
            target.documents.add(doc)
            target.mentions += person.mentions
            members[self._position[id(target)]].append((doc, aliases))
        counts: Counter = Counter()
        for person, owned in zip(self._people, members):
            name = person.canonical()
            counts[slug(name)] += 1
            suffix = f"-{counts[slug(name)]}" if counts[slug(name)] > 1 else ""
            entity = Entity(id=f"person:{slug(name)}{suffix}", name=name, kind="person",
                            aliases=sorted(person.aliases | {name}), mentions=person.mentions,
                            documents=sorted(person.documents))
            self._entities[entity.id] = entity
            self._entity_of[id(person)] = entity
            for doc, aliases in owned:
                self._doc_entities[doc].append(entity)
                for alias in aliases:
                    self._local[(doc, _fold(alias))] = entity
            for alias in person.aliases:
                known = self._by_text.get(_fold(alias))
                if known is None or known.mentions < entity.mentions:
                    self._by_text[_fold(alias)] = entity

    def _give_genders(self, mentions: list[Mention]) -> None:
        """Each person's gender, from the mentions showing one (``gendered`` adds evidence that counts no
        mention: a quote's "she said"), each read as the person it names in its document: a gender only when
        all of them agree ("Mrs Hale" and "Mr Hale" joining one "Hale" leave it unknown)."""
        shown: dict[str, list[str]] = defaultdict(list)
        for m in mentions:
            if m.kind == "person" and m.gender is not None:
                entity = self.person(m.text, m.document)
                if entity is not None and entity.kind == "person":
                    shown[entity.id].append(m.gender)
        for entity_id, genders in shown.items():
            self._entities[entity_id].gender = agreed(genders)

    def _near(self, surnames) -> list[_Person]:
        """People who may share one of ``surnames`` (spelling variants share their first three letters),
        in the order they were met: the only ones :func:`_same_surname` can accept."""
        positions: set[int] = set()
        for surname in surnames:
            positions |= self._by_prefix.get(_fold(surname)[:3], set())
        return [self._people[i] for i in sorted(positions)]

    def _doc_people_near(self, document: str, surname: str) -> list[Entity]:
        """The people of ``document`` one of whose aliases ends in a word that may be a spelling of ``surname``
        (the first three letters alike), in order: the only ones :func:`_same_surname` can accept. Indexed once
        per document, not scanned per name (issue 13)."""
        index = self._doc_prefix.get(document)
        if index is None:
            index = self._doc_prefix[document] = defaultdict(list)
            for entity in self._doc_entities.get(document, []):
                for prefix in dict.fromkeys(_fold(a.split()[-1])[:3] for a in entity.aliases):
                    index[prefix].append(entity)
        return index.get(_fold(surname)[:3], [])

    def _surname_match(self, person: _Person) -> _Person | None:
        """The one person named in full elsewhere with this surname, else the one named by it alone."""
        surnames = list(person.surnames)
        found = [p for p in self._near(surnames) if any(_same_surname(s, t) for s in surnames for t in p.surnames)]
        full = [p for p in found if p.first_name]
        if len(full) == 1:
            return full[0]
        bare = [p for p in found if not p.first_name]
        return bare[0] if not full and bare else None

    def person(self, text: str, document: str | None = None) -> Entity | None:
        """The canonical person for a name as written (in ``document``, when given), or None if unknown."""
        key = _fold(text)
        words = text.split()
        if not words:
            return None
        if document is not None:
            found = self._local.get((document, key))
            if found is not None:
                return found
            mine = [e for e in self._doc_people_near(document, words[-1])
                    if any(_same_surname(words[-1], a.split()[-1]) for a in e.aliases)
                    and (len(words) == 1 or _fold(" ".join(words[:-1])) == _fold(" ".join(e.name.split()[:-1])))]
            if len(mine) >= 1:
                return max(mine, key=lambda e: (e.mentions, e.id))
        if key in self._by_text and self._by_text[key].kind == "person":
            return self._by_text[key]
        if len(words) == 1:
            match = self._surname_match(_Person(surnames=Counter({words[0]: 1})))
        else:
            match = _find_person(self._near([words[-1]]), words[-1], " ".join(words[:-1]), full_only=True)
        if match is None:
            return None
        entity = self._entity_of[id(match)]
        if document is None:
            self._by_text[key] = entity
        return entity

    def names_in_full(self, text: str, document: str) -> bool:
        """``document`` names a person in full (a first name and more) whose surname is ``text``: "Trump"
        with "Donald Trump", "Lloyd Webber" with "Andrew Lloyd Webber". A name NER once tags a person
        but never gives a first name ("Lycos", "Saint Bernard Software" as written) is not such a name."""
        words = tuple(_fold(w) for w in text.split())
        if not words:
            return False
        return any(len(full) > len(words) and full[-len(words):] == words for full in self._full_names.get(document, ()))

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
    def resolve(self, ref: EntityRef, document: str | None = None) -> EntityRef:
        """The canonical form of a reference (read in ``document``); a "person" that is really a place is a place."""
        if ref.kind == "person":
            entity = self.person(ref.mention, document)
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
