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

from ..facts import FactSet, Mention, Place, Quote, Role
from ..gazetteer import lookup as _place_lookup
from .corroborate import corroborate, quote_similarity
from .names import EntityResolver

__all__ = ["EntityResolver", "corroborate", "quote_similarity", "resolve_facts"]


def resolve_facts(raw: Iterable, mentions: Iterable[Mention], documents: list[str], problems: list[str]) -> FactSet:
    """Canonical names for every entity reference, then one fact per claim."""
    raw = list(raw)
    # a name the role extractor read behind a title is a person's, however NER cut it ("with Quincy Jones as producer")
    titled = [Mention(fact.person.mention, "person", fact.sources[0].document)
              for fact in raw if isinstance(fact, Role) and fact.sources]
    resolver = EntityResolver([*mentions, *titled], _place_lookup, titled)
    facts = []
    for fact in raw:
        document = fact.sources[0].document if fact.sources else None  # names are resolved within their article
        if isinstance(fact, Quote):
            if fact.speaker.kind == "group":
                facts.append(fact)  # an unnamed group ("analysts", "lawyers for X") is as written, never a person
                continue
            if fact.speaker.kind == "org":
                if resolver.names_in_full(fact.speaker.mention, document):
                    continue  # the surname of a person the article names in full is never an organisation's
                facts.append(fact)  # an organisation the quote credits keeps its name as written
                continue
            speaker = resolver.resolve(fact.speaker, document)
            if speaker.kind != "person" or resolver.person(fact.speaker.mention, document) is None:
                continue  # a place NER took for a person, a name never given as a person's: only people as people
            fact = fact.model_copy(update={"speaker": speaker})
        elif isinstance(fact, Role):
            person = resolver.resolve(fact.person, document)
            if person.kind != "person" or resolver.person(fact.person.mention, document) is None:
                continue
            fact = fact.model_copy(update={"person": person})
        elif isinstance(fact, Place):
            fact = fact.model_copy(update={"place": resolver.resolve(fact.place, document)})
        facts.append(fact)
    return FactSet(documents=documents, entities=resolver.entities(), facts=corroborate(facts), problems=problems)
