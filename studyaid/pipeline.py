"""Documents to facts: read, parse once (cached), extract, then the resolve stage (one name per
entity, one fact per claim: :mod:`studyaid.resolve`).

Streams: each parsed ``Doc`` is dropped once its facts and name mentions are taken, so memory does
not grow with the number of documents held at once.

Every document is bounded (:class:`~studyaid.ingest.limits.Limits`): its size and pages when read,
its length by parsing in sections, its time by a budget checked while it is parsed and while its facts
are taken. A document that fails (over a limit, out of time, or an extractor's error) is listed in
``problems`` with its name and the reason, and the others are processed.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .document import Document
from .errors import DocumentError, InputError, StudyaidError
from .extract import extract_facts, name_mentions
from .extract.doc_index import forget
from .fact_cache import FactCache, SavedResults, code_version
from .facts import FactSet, Mention
from .gazetteer import is_place_name as _is_place
from .ingest.limits import Budget, Limits
from .nlp import DocCache, load_pipeline, parse_documents, pipeline_key, sentence_blob, sentence_parses
from .resolve import resolve_facts

__all__ = ["extract_corpus", "resolve_facts"]


def _documents(
    sources: Iterable[str | Path | Document], report: Callable[[InputError], None], limits: Limits | None = None
) -> Iterator[Document]:
    """Documents given as they are; paths (files or folders) read, a run of paths at once (the same
    file given twice is read once)."""
    from .ingest import iter_documents

    paths: list[str | Path] = []
    for source in sources:
        if isinstance(source, Document):
            yield from iter_documents(paths, on_error=report, limits=limits)
            paths = []
            yield source
        else:
            paths.append(source)
    yield from iter_documents(paths, on_error=report, limits=limits)


def _extract(doc, document: Document, budget: Budget) -> tuple[list, list[Mention]]:
    """The facts and name mentions of one parsed document, its budget checked after each; the
    extractors' indexes of ``doc`` are dropped after (they would keep it in memory)."""
    try:
        return _facts_and_names(doc, document, budget)
    finally:
        forget(doc)


def _facts_and_names(doc, document: Document, budget: Budget) -> tuple[list, list[Mention]]:
    facts: list = []
    for fact in extract_facts(doc, document, _is_place):
        facts.append(fact)
        budget.check("extracting facts")
    names: list[Mention] = []
    for mention in name_mentions(doc, document, _is_place):
        names.append(mention)
        budget.check("listing names")
    budget.check("extracting facts")
    return facts, names


def extract_corpus(
    sources: Iterable[str | Path | Document] | str | Path | Document,
    *,
    nlp=None,
    cache: DocCache | None = None,
    on_document: Callable[[str], None] | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    limits: Limits | None = None,
) -> FactSet:
    """Every fact in ``sources``: documents already read (their ``path`` names them in every source),
    or paths of files and folders to read; files that cannot be read and documents that fail or run
    out of time (``limits``, default :meth:`Limits.from_env`) are listed in ``problems``."""
    if isinstance(sources, (str, Path, Document)):
        sources = [sources]
    problems: list[str] = []

    def report(error: StudyaidError) -> None:
        problems.append(str(error))

    limits = limits or Limits.from_env()
    budgets: dict[int, Budget] = {}

    def budget_of(document: Document) -> Budget:
        """The document's budget, started at its first use (its parse when parsed alone, else its extraction)."""
        if id(document) not in budgets:
            budgets[id(document)] = Budget(document.path, limits.document_seconds)
        return budgets[id(document)]

    nlp = nlp or load_pipeline()
    cache = cache if cache is not None else DocCache(nlp)
    fact_cache = FactCache(cache)
    cached: dict[int, tuple[list, list[Mention]]] = {}
    sentences = sentence_parses(nlp)  # the stem checker judges clozes on these: this run's sentences only
    sentences.clear()

    def known(document) -> bool:
        found = fact_cache.get(document)
        if found is not None:
            cached[id(document)] = found
            sentences.add(document.path, fact_cache.sentences_path(document))
        return found is not None

    raw: list = []
    mentions: list[Mention] = []
    paths_seen: list[str] = []
    hashes: list[str] = []
    notes: list[str] = []
    def failed(error: StudyaidError) -> None:
        report(error)
        if isinstance(error, DocumentError):
            budgets.clear()  # the failed document's budget; the others' start when they are used
            if on_document is not None:
                on_document(error.path)

    for document, doc in parse_documents(_documents(sources, report, limits), nlp, cache,
                                         batch_size=batch_size, n_process=n_process, skip=known,
                                         section_chars=limits.section_chars, budget_of=budget_of,
                                         on_error=failed):
        budget = budget_of(document)
        budgets.clear()
        if doc is None:
            facts, names = cached.pop(id(document))
        else:
            try:
                facts, names = _extract(doc, document, budget)
            except DocumentError as error:
                failed(error)
                continue
            except Exception as error:  # noqa: BLE001 -- one document's bug must not lose the batch; it is reported
                failed(DocumentError(document.path, f"skipped: taking its facts failed ({type(error).__name__}: "
                                                    f"{error}); this is a bug in studyaid, please report it"))
                continue
            blob = sentence_blob(doc, document, ((s.start, s.end) for f in facts for s in f.sources))
            fact_cache.put(document, facts, names, blob)
            sentences.add(document.path, fact_cache.sentences_path(document) if fact_cache.enabled else blob)
        paths_seen.append(document.path)
        hashes.append(document.content_hash)
        notes.extend(f"{document.path}: {note}" for note in document.notes)
        raw.extend(facts)
        mentions.extend(names)
        if on_document is not None:
            on_document(document.path)
    # the resolved corpus is a function of its documents' texts, names and the code: kept by their hashes
    saved = SavedResults(cache.folder if cache.enabled else None, "resolved", FactSet)
    key = saved.key(pipeline_key(nlp), code_version(), json.dumps([paths_seen, hashes, problems]))
    facts = saved.get(key)
    if facts is None:
        facts = resolve_facts(raw, mentions, paths_seen, problems)
        saved.put(key, facts)
    return facts.model_copy(update={"notes": notes})
