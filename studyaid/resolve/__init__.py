"""The resolve stage: raw facts of every document to one :class:`FactSet`.

Three steps, each in one place:

1. **Names** (:mod:`.names`): every person and place reference gets one canonical entity, resolved
   within its own document first, across documents only on a full-name match.
2. **Who may speak or hold a role** (:func:`resolve_facts`): people, an organisation where the quote
   itself credits it as one ("Lycos said", "a Uefa spokesman"), and an unnamed group ("analysts said",
   kind "group": kept as written, never resolved to a person), decided by that
   evidence and not by NER's label of the same word elsewhere; only a name the article gives in full
   as a person's ("Trump" with "Donald Trump") is never an organisation. A person is never made an
   organisation here, nor an organisation a person.
3. **Corroboration** (:mod:`.corroborate`): the same claim in several sentences or articles is one
   fact listing every source.
"""
from __future__ import annotations

from typing import Iterable

from ..extract.gender import fact_genders
from ..facts import FactSet, Mention, Place, Quote, Role
from ..gazetteer import lookup as _place_lookup
from .corroborate import corroborate, quote_similarity
from .names import EntityResolver

__all__ = ["EntityResolver", "corroborate", "make_resolver", "quote_similarity", "resolve_fact", "resolve_facts"]


def resolve_facts(raw: Iterable, mentions: Iterable[Mention], documents: list[str], problems: list[str]) -> FactSet:
    """Canonical names for every entity reference, then one fact per claim."""
    raw = list(raw)
    resolver = make_resolver(raw, mentions)
    facts = [fact for fact in (resolve_fact(f, resolver) for f in raw) if fact is not None]
    return FactSet(documents=documents, entities=resolver.entities(), facts=corroborate(facts), problems=problems)


def make_resolver(raw: list, mentions: Iterable[Mention]) -> EntityResolver:
    """The resolver of a corpus: its name mentions, and the names its role facts read behind a title."""
    # a name the role extractor read behind a title is a person's, however NER cut it ("with Quincy Jones as producer")
    titled = [Mention(fact.person.mention, "person", fact.sources[0].document)
              for fact in raw if isinstance(fact, Role) and fact.sources]
    return EntityResolver([*mentions, *titled], _place_lookup, titled, gendered=fact_genders(raw))


def resolve_fact(fact, resolver: EntityResolver):
    """One raw fact with its references resolved, or None when it cannot stand (a "speaker" that is no person)."""
    document = fact.sources[0].document if fact.sources else None  # names are resolved within their article
    if isinstance(fact, Quote):
        if fact.speaker.kind == "group":
            return fact  # an unnamed group ("analysts", "lawyers for X") is as written, never a person
        if fact.speaker.kind == "org":
            if resolver.names_in_full(fact.speaker.mention, document):
                return None  # the surname of a person the article names in full is never an organisation's
            return fact  # an organisation the quote credits keeps its name as written
        speaker = resolver.resolve(fact.speaker, document)
        if speaker.kind != "person" or resolver.person(fact.speaker.mention, document) is None:
            return None  # a place NER took for a person, a name never given as a person's: only people as people
        return fact.model_copy(update={"speaker": speaker})
    if isinstance(fact, Role):
        person = resolver.resolve(fact.person, document)
        if person.kind != "person" or resolver.person(fact.person.mention, document) is None:
            return None
        return fact.model_copy(update={"person": person})
    if isinstance(fact, Place):
        return fact.model_copy(update={"place": resolver.resolve(fact.place, document)})
    return fact
