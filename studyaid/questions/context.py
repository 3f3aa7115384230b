"""What the whole corpus knows, for choosing wrong options: people, their roles, places, numbers, dates."""
from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Callable

from ..corroborate import quote_similarity
from ..facts import DateFact, Entity, FactSet, Place, Quantity, Quote, Role


class CorpusContext:
    def __init__(self, facts: FactSet, gazetteer: Callable[..., list] | None = None) -> None:
        self.facts = facts
        self.gazetteer = gazetteer
        self.entities: dict[str, Entity] = {e.id: e for e in facts.entities}
        self.quotes = [f for f in facts.facts if isinstance(f, Quote)]
        self.quantities = [f for f in facts.facts if isinstance(f, Quantity)]
        self.places = [f for f in facts.facts if isinstance(f, Place)]
        self.roles = [f for f in facts.facts if isinstance(f, Role)]
        self.dates = [f for f in facts.facts if isinstance(f, DateFact)]

    @cached_property
    def roles_by_person(self) -> dict[str, list[Role]]:
        out: dict[str, list[Role]] = defaultdict(list)
        for r in self.roles:
            out[r.person.id].append(r)
        return out

    def aliases(self, entity_id: str) -> list[str]:
        entity = self.entities.get(entity_id)
        return list(entity.aliases) if entity else []

    def people(self) -> list[Entity]:
        """People, those holding an office first, then the most mentioned."""
        people = [e for e in self.facts.entities if e.kind == "person"]
        return sorted(people, key=lambda e: (-int(e.id in self.roles_by_person), -e.mentions, e.name))

    def person_candidates(self, answer_id: str) -> list[str]:
        """Other people, those sharing the answer's title first (a president for a president)."""
        titles = {r.title.casefold() for r in self.roles_by_person.get(answer_id, [])}

        def rank(e: Entity) -> tuple:
            theirs = {r.title.casefold() for r in self.roles_by_person.get(e.id, [])}
            return (-int(bool(titles & theirs)), -int(bool(theirs)), -e.mentions, e.name)

        return [e.name for e in sorted(self.people(), key=rank) if e.id != answer_id]

    def co_speakers(self, quote: Quote) -> set[str]:
        """Everyone else credited with the same words: none of them is a wrong option."""
        return {q.speaker.name for q in self.quotes
                if q.speaker.id != quote.speaker.id and quote_similarity(q.text, quote.text) >= 0.5}

    def role_holders(self, role: Role) -> set[str]:
        return {r.person.name for r in self.roles
                if r.title.casefold() == role.title.casefold()
                and (r.organization or "").casefold() == (role.organization or "").casefold()}

    def place_pool(self, kind: str) -> list[tuple[str, str | None, int]]:
        return [(e.name, e.country, e.mentions) for e in self.facts.entities
                if e.kind == "place" and (e.place_kind or "place") == kind]

    def places_for_event(self, place: Place) -> set[str]:
        """Every place the corpus ties to the same kind of event: all of them are right answers."""
        return {p.place.name for p in self.places if p.event_head == place.event_head}

    def numbers_counting(self, head: str) -> list[float]:
        return [q.value for q in self.quantities if q.counted_head == head]

    def all_numbers(self) -> list[float]:
        return sorted({q.value for q in self.quantities if not q.vague})

    def date_isos(self) -> list[str]:
        return sorted({d.iso for d in self.dates if d.iso})

    def dates_for_event(self, fact: DateFact) -> list[str]:
        return [d.iso for d in self.dates if d.event_head == fact.event_head and d.iso]
