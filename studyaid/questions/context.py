"""What the corpus knows, for choosing wrong options: people, roles, places, numbers, dates — by document.

Wrong options come from the question's own document first, then from documents on the same topic
(see :mod:`studyaid.questions.relatedness`), never from an unrelated one: a student must not be able
to rule an option out because it belongs to another story. Everything here depends only on the
question's document and the documents related to it, so adding an unrelated article to a bank
changes no existing question.
"""
from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Callable

from ..corroborate import quote_similarity
from ..facts import DateFact, Entity, FactSet, Place, Quantity, Quote, Role, entity_of
from .kinds import is_person_name, plain_full_name
from .relatedness import Relatedness, content_words


MAX_RELATED = 8  # the most related documents are plenty for three wrong options; the rest are never read


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
        self.relatedness = Relatedness(facts)
        self._voiced_cache: dict[tuple[str, ...], list[Entity]] = {}  # see _voiced_sorted

    # documents ---------------------------------------------------------------------------------------
    @cached_property
    def _entity_documents(self) -> dict[str, set[str]]:
        """Entity id -> documents that mention it (the resolver's list, and every fact naming it)."""
        out: dict[str, set[str]] = defaultdict(set)
        for e in self.facts.entities:
            out[e.id].update(e.documents)
        for fact in self.facts.facts:
            ref = entity_of(fact)
            if ref is not None:
                out[ref.id].update(s.document for s in fact.sources)
        return out

    def documents_of(self, fact) -> list[str]:
        """The fact's documents, in source order."""
        return list(dict.fromkeys(s.document for s in fact.sources))

    def tiers(self, fact) -> list[list[str]]:
        """Documents to draw wrong options from, nearest first: the fact's own, then each related one."""
        own = self.documents_of(fact)
        related = [d for d in self.relatedness.related_to(own) if d not in own][:MAX_RELATED]
        return [own, *([d] for d in related)]

    def _in(self, entity_id: str, documents: list[str]) -> bool:
        return bool(self._entity_documents.get(entity_id, set()) & set(documents))

    # people ------------------------------------------------------------------------------------------
    @cached_property
    def roles_by_person(self) -> dict[str, list[Role]]:
        out: dict[str, list[Role]] = defaultdict(list)
        for r in self.roles:
            out[r.person.id].append(r)
        return out

    @cached_property
    def speakers(self) -> set[str]:
        return {q.speaker.id for q in self.quotes}

    def aliases(self, entity_id: str) -> list[str]:
        entity = self.entities.get(entity_id)
        return list(entity.aliases) if entity else []

    def is_person(self, entity_id: str) -> bool:
        """The one person test for answers and wrong options alike: a person entity written like a
        person's name, and named in full (first and last name) at least once — a one-word "speaker"
        that is never given a first name is too often a club, a venue or a product, and one only ever
        called "Mrs Wilkinson" is as often a character in a play or a film."""
        return entity_id in self._people_ok

    @cached_property
    def _people_ok(self) -> set[str]:
        return {e.id for e in self.facts.entities
                if e.kind == "person" and is_person_name(e.name)
                and any(plain_full_name(a) and is_person_name(a) for a in [e.name, *e.aliases])}

    @cached_property
    def _voiced_by_document(self) -> dict[str, list[Entity]]:
        """Document -> people the corpus shows acting as people there (quoted, or given a job title) and
        passing the person test, the most mentioned first."""
        out: dict[str, list[Entity]] = defaultdict(list)
        voiced = [e for e in self.facts.entities if e.id in self._people_ok
                  and (e.id in self.speakers or e.id in self.roles_by_person)]
        for e in sorted(voiced, key=lambda e: (-e.mentions, e.name)):
            for d in sorted(self._entity_documents.get(e.id, ())):
                out[d].append(e)
        return out

    def person_tiers(self, fact, answer_id: str) -> list[list[str]]:
        """Other people, by document tier; within a tier those sharing the answer's title first, then
        the most mentioned. Only people the corpus shows acting as people — quoted as speakers or
        given a job title — and passing the same person test as an answer: a name NER merely tagged
        PERSON is too often a band, a product or an exhibition."""
        titles = self._titles_of.get(answer_id, frozenset())
        out = []
        for documents in self.tiers(fact):
            # the tier's people sorted once, then those sharing a title moved first (a stable sort would
            # order them so): one long document asks this for thousands of facts (issue 13)
            people = [e for e in self._voiced_sorted(tuple(documents)) if e.id != answer_id]
            if titles:
                sharing = [bool(titles & self._titles_of.get(e.id, frozenset())) for e in people]
                people = [e for e, s in zip(people, sharing) if s] + [e for e, s in zip(people, sharing) if not s]
            out.append([e.name for e in people])
        return out

    @cached_property
    def _titles_of(self) -> dict[str, frozenset[str]]:
        """Person id -> the titles the corpus gives them, casefolded."""
        return {pid: frozenset(r.title.casefold() for r in roles) for pid, roles in self.roles_by_person.items()}

    def _voiced_sorted(self, documents: tuple[str, ...]) -> list[Entity]:
        """The voiced people of ``documents``, each once, the most mentioned first (then by name), built once."""
        found = self._voiced_cache.get(documents)
        if found is None:
            found = list({e.id: e for d in documents for e in self._voiced_by_document.get(d, [])}.values())
            found.sort(key=lambda e: (-e.mentions, e.name))
            self._voiced_cache[documents] = found
        return found

    @cached_property
    def _named_by_document(self) -> dict[str, list[Entity]]:
        """Document -> every person passing the person test there (named in full once), the most mentioned
        first: in reference text people act (found, rule, invent) far more often than they speak."""
        out: dict[str, list[Entity]] = defaultdict(list)
        named = [e for e in self.facts.entities if e.id in self._people_ok]
        for e in sorted(named, key=lambda e: (-e.mentions, e.name)):
            for d in sorted(self._entity_documents.get(e.id, ())):
                out[d].append(e)
        return out

    def named_person_tiers(self, fact, answer_id: str) -> list[list[str]]:
        """Other people named in full, by document tier, the most mentioned first: wrong options for a
        question about what a person did (an event), where the answer need not have spoken. Never a name
        that opens on an honorific or a demonym ("Mrs Wilkinson" is often a character, "Kenyan Alice
        Timbilil" gives away a nationality the answer lacks)."""
        return [[e.name for e in {e.id: e for d in documents for e in self._named_by_document.get(d, [])
                                  if e.id != answer_id and plain_full_name(e.name)}.values()]
                for documents in self.tiers(fact)]

    def co_speakers(self, quote: Quote) -> set[str]:
        """Everyone else credited with the same words: none of them is a wrong option. Only quotes
        sharing a content word can be alike (an index, not a scan of every quote)."""
        index = self._quotes_by_word
        mine = content_words(quote.text)
        shared: dict[int, int] = defaultdict(int)
        for w in mine:
            for i in index.get(w, ()):
                shared[i] += 1
        # the same words: most content words in common, not one everyday word ("game", "season")
        near = [i for i, n in shared.items() if 2 * n >= min(len(mine), len(self._quote_words[i]))]
        return {self.quotes[i].speaker.name for i in sorted(near)
                if self.quotes[i].speaker.id != quote.speaker.id
                and quote_similarity(self.quotes[i].text, quote.text) >= 0.5}

    @cached_property
    def _quote_words(self) -> list[set[str]]:
        return [content_words(q.text) for q in self.quotes]

    @cached_property
    def _quotes_by_word(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self._quote_words):
            for w in words:
                out[w].append(i)
        return out

    def role_holders(self, role: Role) -> set[str]:
        return set(self._holders.get((role.title.casefold(), (role.organization or "").casefold()), ()))

    @cached_property
    def _holders(self) -> dict[tuple[str, str], set[str]]:
        """(title, organisation), casefolded -> the people holding it: an index, not a scan per question."""
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in self.roles:
            out[(r.title.casefold(), (r.organization or "").casefold())].add(r.person.name)
        return out

    def mentions_in_document(self, entity_id: str, document: str) -> int:
        """How often the facts of ``document`` name the entity, plus the resolver's count when the
        entity is known only there."""
        entity = self.entities.get(entity_id)
        if entity is not None and entity.documents == [document]:
            return entity.mentions
        return sum(1 for fact in self._by_document.get(document, [])
                   if (ref := entity_of(fact)) is not None and ref.id == entity_id)

    # places ------------------------------------------------------------------------------------------
    def place_tiers(self, fact: Place) -> list[list[tuple[str, str | None, int]]]:
        """Places of the answer's kind, by document tier: (name, country, mentions)."""
        kind = fact.place_kind
        places = [e for e in self.facts.entities if e.kind == "place" and (e.place_kind or "place") == kind]
        return [[(e.name, e.country, e.mentions) for e in places if self._in(e.id, documents)]
                for documents in self.tiers(fact)]

    @cached_property
    def surnames(self) -> set[str]:
        """Last words of the corpus's people: a "place" that is also one of them is doubtful."""
        return {e.name.split()[-1].casefold() for e in self.facts.entities
                if e.kind == "person" and len(e.name.split()) > 1}

    def places_for_event(self, place: Place) -> set[str]:
        """Every place the corpus ties to the same kind of event: all of them are right answers."""
        return set(self._places_by_event.get(place.event_head, ()))

    @cached_property
    def _places_by_event(self) -> dict:
        out: dict = defaultdict(set)
        for p in self.places:
            out[p.event_head].add(p.place.name)
        return out

    # numbers and dates -------------------------------------------------------------------------------
    @cached_property
    def _by_document(self) -> dict[str, list]:
        """Document -> the facts read from it (quantities and dates are looked up by document)."""
        out: dict[str, list] = defaultdict(list)
        for fact in self.facts.facts:
            for d in dict.fromkeys(s.document for s in fact.sources):
                out[d].append(fact)
        return out

    @cached_property
    def _by_head(self) -> dict[tuple[str, str], list]:
        out: dict[tuple[str, str], list] = defaultdict(list)
        for q in self.quantities:
            out[("quantity", q.counted_head)].append(q.value)
        for d in self.dates:
            if d.iso:
                out[("date", d.event_head)].append(d.iso)
        return out

    def numbers_counting(self, head: str) -> list[float]:
        return list(self._by_head.get(("quantity", head), []))

    def numbers_near(self, fact: Quantity) -> list[float]:
        """Values of the fact's own document and related ones, of the same unit (money with money, a
        share with shares, a count with counts), nearest document first."""
        out: list[float] = []
        for documents in self.tiers(fact):
            tier = {q.value for d in documents for q in self._by_document.get(d, [])
                    if isinstance(q, Quantity) and not q.vague and (q.unit or "") == (fact.unit or "")
                    and q.value not in out}
            out += sorted(tier)
        return out

    def date_isos_near(self, fact: DateFact) -> list[str]:
        """Dates of the fact's own document (others' dates belong to other stories)."""
        return sorted({d.iso for doc in self.documents_of(fact) for d in self._by_document.get(doc, [])
                       if isinstance(d, DateFact) and d.iso})

    def dates_for_event(self, fact: DateFact) -> list[str]:
        return list(self._by_head.get(("date", fact.event_head), []))
