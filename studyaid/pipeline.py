"""Documents to facts: read, parse once (cached), extract, give entities one name, corroborate.

Streams: each parsed ``Doc`` is dropped once its facts and name mentions are taken, so memory does
not grow with the number of documents held at once.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from .canonical import EntityResolver
from .corroborate import corroborate
from .errors import InputError
from .extract import extract_facts, name_mentions
from .fact_cache import FactCache
from .facts import FactSet, Mention, Place, Quote, Role
from .gazetteer import is_place_name as _is_place
from .gazetteer import lookup as _place_lookup
from .nlp import DocCache, load_pipeline, parse_documents


def extract_corpus(
    paths: Sequence[str],
    *,
    nlp=None,
    cache: DocCache | None = None,
    on_document: Callable[[str], None] | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> FactSet:
    """Every fact in the documents under ``paths``; unreadable files are listed in ``problems``."""
    from .ingest import iter_documents

    problems: list[str] = []

    def report(error: InputError) -> None:
        problems.append(str(error))

    nlp = nlp or load_pipeline()
    cache = cache if cache is not None else DocCache(nlp)
    fact_cache = FactCache(cache)
    cached: dict[int, tuple[list, list[Mention]]] = {}

    def known(document) -> bool:
        found = fact_cache.get(document)
        if found is not None:
            cached[id(document)] = found
        return found is not None

    raw: list = []
    mentions: list[Mention] = []
    paths_seen: list[str] = []
    notes: list[str] = []
    for document, doc in parse_documents(iter_documents(paths, on_error=report), nlp, cache,
                                         batch_size=batch_size, n_process=n_process, skip=known):
        paths_seen.append(document.path)
        notes.extend(f"{document.path}: {note}" for note in document.notes)
        if doc is None:
            facts, names = cached.pop(id(document))
        else:
            facts = list(extract_facts(doc, document, _is_place))
            names = list(name_mentions(doc, document, _is_place))
            fact_cache.put(document, facts, names)
        raw.extend(facts)
        mentions.extend(names)
        if on_document is not None:
            on_document(document.path)
    return resolve_facts(raw, mentions, paths_seen, problems).model_copy(update={"notes": notes})


def resolve_facts(raw: Iterable, mentions: Iterable[Mention], documents: list[str], problems: list[str]) -> FactSet:
    """Canonical names for every entity reference, then one fact per claim."""
    resolver = EntityResolver(mentions, _place_lookup)
    facts = []
    for fact in raw:
        document = fact.sources[0].document if fact.sources else None  # names are resolved within their article
        if isinstance(fact, Quote):
            if fact.speaker.kind == "org":
                if resolver.person(fact.speaker.mention, document) is not None:
                    continue  # a name the article gives a person is never an organisation's, nor made a person here
                facts.append(fact)  # an organisation the article credits keeps its name as written
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
