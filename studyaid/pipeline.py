"""Documents to facts: read, parse once (cached), extract, then the resolve stage (one name per
entity, one fact per claim: :mod:`studyaid.resolve`).

Streams: each parsed ``Doc`` is dropped once its facts and name mentions are taken, so memory does
not grow with the number of documents held at once.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from .document import Document
from .errors import InputError
from .extract import extract_facts, name_mentions
from .fact_cache import FactCache
from .facts import FactSet, Mention
from .gazetteer import is_place_name as _is_place
from .nlp import DocCache, load_pipeline, parse_documents
from .resolve import resolve_facts

__all__ = ["extract_corpus", "resolve_facts"]


def _documents(sources: Iterable[str | Path | Document], report: Callable[[InputError], None]) -> Iterator[Document]:
    """Documents given as they are; paths (files or folders) read, a run of paths at once (the same
    file given twice is read once)."""
    from .ingest import iter_documents

    paths: list[str | Path] = []
    for source in sources:
        if isinstance(source, Document):
            yield from iter_documents(paths, on_error=report)
            paths = []
            yield source
        else:
            paths.append(source)
    yield from iter_documents(paths, on_error=report)


def extract_corpus(
    sources: Iterable[str | Path | Document] | str | Path | Document,
    *,
    nlp=None,
    cache: DocCache | None = None,
    on_document: Callable[[str], None] | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> FactSet:
    """Every fact in ``sources``: documents already read (their ``path`` names them in every source),
    or paths of files and folders to read; files that cannot be read are listed in ``problems``."""
    if isinstance(sources, (str, Path, Document)):
        sources = [sources]
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
    for document, doc in parse_documents(_documents(sources, report), nlp, cache,
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
