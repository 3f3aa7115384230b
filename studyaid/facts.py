"""The fact contract between extraction and question generation.

Extractors yield facts whose entity references carry the mention as written; the canonical pass
(:mod:`studyaid.canonical`) fills in one id and one name per person or place across all documents,
and :mod:`studyaid.corroborate` merges facts stated by several sources into one fact with every source.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from .document import Source
from .text import normal_words

EntityKind = Literal["person", "place", "org", "group"]
PlaceKind = Literal["city", "country", "region", "continent", "village", "place"]
Gender = Literal["female", "male"]


class EntityRef(BaseModel):
    """A reference to a person, place or organisation, as mentioned and as resolved."""

    model_config = ConfigDict(frozen=True)

    mention: str  # as written in the source ("he", "Zelensky", "Vladivostok")
    name: str  # canonical name ("Volodymyr Zelenskyy"); equals mention until resolved
    id: str  # canonical id ("person:zelenskyy")
    kind: EntityKind


@dataclass(frozen=True)
class Mention:
    """A name as written in one document, with what NER or the extractor took it for.

    Extraction lists them (``studyaid.extract.name_mentions``) and the canonical pass
    (:mod:`studyaid.canonical`) reads them: both import it from here, not from each other.
    """

    text: str
    kind: EntityKind
    document: str
    gender: Gender | None = None  # what the text around this mention makes plain (extract/gender.py)


class Entity(BaseModel):
    """One canonical person, place or organisation across the corpus."""

    id: str
    name: str
    kind: EntityKind
    aliases: list[str] = Field(default_factory=list)  # every spelling seen
    place_kind: PlaceKind | None = None
    country: str | None = None  # ISO code of a city's or region's country
    mentions: int = 0
    documents: list[str] = Field(default_factory=list)
    gender: Gender | None = None  # a person's, when every mention that shows it agrees; None: unknown


class Clause(BaseModel):
    """The clause around a fact's answer, cut up for asking about it (see extract/clauses.py)."""

    model_config = ConfigDict(frozen=True)

    subject: str  # "Ukraine's air force"
    aux: str = ""  # "had", "will", "were"
    verb: str  # as written: "reported"
    lemma: str  # "report"
    tag: str  # Penn tag of the verb: VBD, VBZ, VBP, VBN, VB, MD
    between: str = ""  # words between the verb and the answer: "intercepting"
    after: str = ""  # the rest of the clause after the answer (or after the verb, for subjects)
    answer_role: Literal["subject", "object"] = "object"
    subject_common: bool = False  # the subject starts with a common word ("Leaders"), not a name


class FactBase(BaseModel):
    sources: list[Source]
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)
    warnings: list[str] = Field(default_factory=list)

    @property
    def corroboration(self) -> int:
        """Number of distinct documents stating the fact."""
        return len({s.document for s in self.sources})

    def canonical_key(self) -> str:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    @property
    def id(self) -> str:
        return hashlib.sha1(self.canonical_key().encode("utf-8")).hexdigest()[:12]


class Quote(FactBase):
    """Who said what: a direct quotation or reported speech."""

    type: Literal["quote"] = "quote"
    speaker: EntityRef
    text: str  # the words quoted, or the reported clause
    mode: Literal["direct", "reported"]
    cue: str  # lemma of the speech verb ("say", "warn", "tell"; "according to")
    cue_text: str = ""  # the speech verb as written ("warned", "says")
    resolved_from: str | None = None  # the pronoun the speaker was given as ("he")
    partial_quotes: list[str] = Field(default_factory=list)  # 'legitimate targets' inside reported speech
    variants: list[str] = Field(default_factory=list)  # other sources' wording of the same quote

    def canonical_key(self) -> str:
        return f"quote|{self.speaker.id}|{normal_words(self.text)[:80]}"


class Quantity(FactBase):
    """How many: a number, normalised, and what it counts."""

    type: Literal["quantity"] = "quantity"
    value: float
    text: str  # the number as written ("two dozen", "21.9 billion")
    qualifier: str | None = None  # "at least", "around", "more than"
    unit: str | None = None  # "euros", "$" for money
    counted: str  # what is counted, as a noun phrase ("Ukraine's allies", "drones")
    counted_head: str  # lemma of the counted noun ("ally")
    phrase: str  # the whole phrase ("26 of Ukraine's allies", "84 out of 112 drones")
    total: float | None = None  # "out of 112"
    predicate: str = ""  # what the counted things did or had done to them ("pledged to send troops")
    vague: bool = False  # "thousands", "dozens"
    clause: Clause | None = None

    def canonical_key(self) -> str:
        return f"quantity|{self.value:g}|{self.total or ''}|{self.counted_head}|{normal_words(self.predicate)[:24]}"


class Place(FactBase):
    """Which place, of what kind, and what happened there."""

    type: Literal["place"] = "place"
    place: EntityRef
    place_kind: PlaceKind
    country: str | None = None
    event: str  # "the Eastern Economic Forum", "European leaders met"
    event_head: str  # lemma of the event's head word ("forum", "meet")
    relation: str = "in"  # "in", "at", "compound" (a Paris summit), "based" (Helsinki-based)
    event_kind: Literal["noun", "clause"] = "noun"  # "the Eastern Economic Forum" / "European leaders met"
    clause: Clause | None = None

    def canonical_key(self) -> str:
        if self.relation == "mention":  # a bare mention states no claim: one per document, never merged
            document = self.sources[0].document.replace("\\", "/").rsplit("/", 1)[-1]  # as named, wherever read
            return f"place|{self.place.id}|mention|{document}"
        return f"place|{self.place.id}|{self.event_head}"


class Role(FactBase):
    """Who holds which role: a person and a title, with the organisation or country."""

    type: Literal["role"] = "role"
    person: EntityRef
    title: str  # "Secretary-General", "Prime Minister"
    organization: str | None = None  # "NATO", "UK", "European Council"
    role: str  # the whole role as a reader would say it ("NATO Secretary-General")

    def canonical_key(self) -> str:
        return f"role|{self.person.id}|{normal_words(self.organization or '')}|{normal_words(self.title)}"


class DateFact(FactBase):
    """When: a date a sentence ties to something that happened."""

    type: Literal["date"] = "date"
    date: str  # as written ("September 4", "January 1, 2028")
    iso: str | None = None  # "2028-01-01", "--09-04" when the year is not given
    event: str  # "leaders met with Volodymyr Zelenskyy in Paris"
    event_head: str
    clause: Clause | None = None

    def canonical_key(self) -> str:
        return f"date|{self.iso or normal_words(self.date)}|{self.event_head}"


class Event(FactBase):
    """What happened, or what a thing is, read from the dependency parse and asked about one named slot:
    "The Hanseatic League founded a trading post in Bergen in 1360" gives one fact for the agent, one for
    Bergen and one for 1360 (see extract/events.py); "Lake Orvana is the largest lake in Finland" a
    definition whose answer is Lake Orvana."""

    type: Literal["event"] = "event"
    answer: str  # the slot as written in the sentence ("Hanseatic League", "North Sea", "1360")
    name: str  # its full form: a person's full name as the article gives it, else the answer
    answer_kind: Literal["person", "org", "place", "date"]
    place_kind: str | None = None  # a place's kind ("city", "country") or the feature it is ("sea", "lake")
    country: str | None = None  # ISO code of a gazetteer place's country
    iso: str | None = None  # a date's ISO form ("1360", "1815-06")
    slot: Literal["agent", "patient", "object", "prep", "definition"]
    prep: str = ""  # the preposition before a "prep" slot ("into", "in", "by")
    lemma: str  # the verb's lemma ("found", "flow", "be")
    event: str  # the clause as a phrase, for explanations
    clause: Clause | None = None

    def canonical_key(self) -> str:
        return f"event|{self.slot}|{self.prep}|{normal_words(self.name)}|{self.lemma}|{normal_words(self.event)[:60]}"


Fact = Annotated[Union[Quote, Quantity, Place, Role, DateFact, Event], Field(discriminator="type")]
FACT_TYPES = ("quote", "quantity", "place", "role", "date")  # event facts (off by default) sort after these


def entity_of(fact) -> EntityRef | None:
    """The person or place a fact is about: a quote's speaker, a role's holder, a place; None for
    quantities and dates."""
    return getattr(fact, "speaker", None) or getattr(fact, "person", None) or getattr(fact, "place", None)


class FactSet(BaseModel):
    """Everything extraction found in a corpus."""

    documents: list[str]
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)  # files that could not be read, and why
    notes: list[str] = Field(default_factory=list)  # files read with a remark: "a.txt: decoded as cp1252"

    def of_type(self, fact_type: str) -> list:
        return [f for f in self.facts if f.type == fact_type]
