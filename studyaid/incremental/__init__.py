"""Documents added to a bank already generated, generated from by themselves (issue 11).

A full generation (:func:`corpus`, then :func:`record`) keeps a snapshot beside the bank
(:mod:`.snapshot`). When the only change since is added documents, :func:`add` parses and extracts
just those, and works out what a full generation would make of them from the snapshot:

- **names**: people are merged across documents only when their surnames are spelling variants,
  and variants share their first three letters; so the new documents' names are resolved together
  with the documents naming a surname of those letters (and no other), which decides the new
  documents' people exactly as the whole corpus would. Those documents' own facts naming such a
  surname are resolved again (a bare "Smith" elsewhere may now be the new article's "Jane Smith");
- **corroboration**: only the blocks (:func:`~studyaid.resolve.corroborate.block_key`) the new or
  re-resolved facts fall in are corroborated again, from their members kept in the snapshot;
- **questions**: only for facts that are new or changed (a new source corroborating an old fact, a
  person now named in full), with the whole bank's facts as their context (wrong options from the
  related documents, as a full run chooses them), then filtered together with the kept questions of
  the same answer (the bank-wide filter: one claim, one question of each kind).

What a full run would do and this path does not: refresh the wrong options of existing questions of
other documents that the new one is related to (until the next full generation), and count a place's
mentions exactly when a one-word "person" of a new document is read as a place only because no one
elsewhere bears that name (the new document's places are counted on their own and added). A cloze of
an old fact the new document corroborates is judged on its sentence from the stem checker's memory, or
parsed alone. A teacher's edits are never touched (:meth:`~studyaid.store.Store.merge_generated`). Any other change (a document removed
or changed, other code, model or seed) runs the full generation, which rewrites the snapshot.
"""
from __future__ import annotations

import bisect
import gc
import hashlib
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..document import Document
from ..facts import FactSet
from ..questions.relatedness import content_words
from ..resolve import corroborate, make_resolver, resolve_fact
from ..resolve.corroborate import position
from .keys import answer_group, block_id, person_prefixes, person_ref_prefix, surname_prefix
from .snapshot import Meta, Resolved, Snapshot, snapshot_path

__all__ = ["Addition", "Corpus", "add", "corpus", "paused_gc", "plan", "record", "snapshot_path", "version"]

_PACKAGE = Path(__file__).resolve().parent.parent
_NOT_GENERATION = ("app", "export", "store", "classroom")  # code that never shapes a generated question


@lru_cache(maxsize=1)
def _code_hash() -> str:
    digest = hashlib.sha1()
    for file in sorted(_PACKAGE.rglob("*.py")):
        if file.relative_to(_PACKAGE).parts[0] not in _NOT_GENERATION:
            digest.update(str(file.relative_to(_PACKAGE)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def version(nlp, seed: int) -> str:
    """What a snapshot is valid for: the generating code, the pipeline and the seed."""
    meta = getattr(nlp, "meta", {}) or {}
    return f"{_code_hash()}|{meta.get('name', '?')}-{meta.get('version', '?')}|{seed}"


def plan(meta: Meta | None, stored: dict[str, str], current: str) -> list[str] | None:
    """The documents to add incrementally, or None when a full generation is needed: no snapshot, another
    version, a document removed or changed since, or nothing added (generating all again is asked for)."""
    if meta is None or meta.version != current:
        return None
    if any(stored.get(path) != digest for path, digest in meta.documents.items()):
        return None
    added = [path for path in stored if path not in meta.documents]
    return added or None


@dataclass
class Corpus:
    """A corpus's facts as a generation uses them, and what the snapshot keeps of them."""

    facts: FactSet
    raw: dict[str, tuple[list, list]]  # document -> raw facts and mentions
    resolved: dict[str, Resolved]
    notes: list[str] = field(default_factory=list)


def _cached_raw(documents: Sequence[Document], nlp, cache) -> tuple[dict[str, tuple[list, list]], list[str]] | None:
    """Raw facts of documents already extracted (their fact cache entries), their cloze sentences made
    known to the stem checker as :func:`~studyaid.pipeline.extract_corpus` does; None on any miss."""
    from ..fact_cache import FactCache
    from ..nlp import sentence_parses

    fact_cache = FactCache(cache)
    sentences = sentence_parses(nlp)
    raw: dict[str, tuple[list, list]] = {}
    notes: list[str] = []
    for document in documents:
        found = fact_cache.get(document)
        if found is None:
            return None
        raw[document.path] = found
        sentences.add(document.path, fact_cache.sentences_path(document))
        notes += [f"{document.path}: {note}" for note in document.notes]
    return raw, notes


def corpus(documents: Sequence[Document], nlp, cache) -> Corpus | None:
    """Every fact of ``documents``, all extracted and cached already, resolved and corroborated exactly as
    :func:`~studyaid.pipeline.extract_corpus` does (one resolver over the corpus, then corroboration),
    keeping each raw fact's resolution; None when a document's facts are not cached (no cache)."""
    from ..nlp import sentence_parses

    sentence_parses(nlp).clear()
    found = _cached_raw(documents, nlp, cache)
    if found is None:
        return None
    raw, notes = found
    resolver = make_resolver([f for facts, _ in raw.values() for f in facts], [m for _, ms in raw.values() for m in ms])
    resolved = {d: _resolve_all(facts, resolver) for d, (facts, _) in raw.items()}
    merged = corroborate([f for facts in resolved.values() for f in facts.values()])
    facts = FactSet(documents=list(raw), entities=resolver.entities(), facts=merged)
    return Corpus(facts=facts, raw=raw, resolved=resolved, notes=notes)


def _resolve_all(raw: list, resolver) -> Resolved:
    return {i: r for i, f in enumerate(raw) if (r := resolve_fact(f, resolver)) is not None}


def _words(facts: list, documents: set[str]) -> dict[str, set[str]]:
    """Each document's topical vocabulary, as :class:`~studyaid.questions.relatedness.Relatedness` reads it."""
    out: dict[str, set[str]] = {d: set() for d in documents}
    for fact in facts:
        for s in fact.sources:
            if s.document in out:
                out[s.document] |= content_words(s.sentence)
    return out


def record(snapshot: Snapshot, current: str, stored: dict[str, str], result: Corpus, questions: list) -> None:
    """Keep a full generation's corpus and kept questions as the snapshot of the bank."""
    meta = Meta(version=current, documents={d: stored[d] for d in result.raw if d in stored})
    snapshot.write(meta, result.facts, raw=result.raw, resolved=result.resolved,
                   surnames={d: person_prefixes(*r) for d, r in result.raw.items()},
                   words=_words(result.facts.facts, set(result.raw)), questions=questions, replace=True)


@dataclass
class Addition:
    """What an incremental run made: the questions to merge, where its time went (seconds by step), and
    the snapshot's update, to run once the questions are in the bank (a run that stops between the two
    adds the same documents again next time: merging is idempotent)."""

    questions: list
    facts: int = 0
    problems: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    save: Callable[[], None] = lambda: None  # the snapshot updated: once the questions are merged into the bank


def add(snapshot: Snapshot, documents: Sequence[Document], stored: dict[str, str], nlp, cache, *, seed: int = 0,
        gazetteer=None, verdicts=None) -> Addition | None:
    """Questions of ``documents`` added to the bank the snapshot describes, as a full generation would make
    them (see the module's docstring for what differs); the snapshot updated. None when their facts cannot
    be cached (the caller generates in full)."""
    with paused_gc():
        return _add(snapshot, documents, stored, nlp, cache, seed, gazetteer, verdicts)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: a bank's tens of thousands of facts are loaded at once, and the
    collector's full passes over them cost up to a second each, in whichever step they fall (reference
    counting still frees everything that is dropped)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _add(snapshot: Snapshot, documents: Sequence[Document], stored: dict[str, str], nlp, cache, seed: int,
         gazetteer, verdicts) -> Addition | None:
    from ..pipeline import extract_corpus
    from ..questions import questions_for
    from ..questions.context import CorpusContext
    from ..questions.ranking import filter_questions

    clock = _Clock()
    meta = snapshot.meta()
    if meta is None:
        return None
    extracted = extract_corpus(list(documents), nlp=nlp, cache=cache)  # parse and extract: the new documents only
    clock.lap("parse and extract")
    found = _cached_raw([d for d in documents if d.path in extracted.documents], nlp, cache)
    if found is None:
        return None
    new_raw, _notes = found  # notes ("decoded as cp1252") are the full run's summary's, not the app's
    old = snapshot.fact_set()
    clock.lap("load the bank's facts")

    # names: the new documents with every document naming a surname of the same first letters
    prefixes = set().union(*(person_prefixes(*r) for r in new_raw.values())) if new_raw else set()
    near = snapshot.documents_naming(prefixes) - set(new_raw)
    near_raw = snapshot.raw(near)
    both = {**near_raw, **new_raw}
    resolver = make_resolver([f for facts, _ in both.values() for f in facts], [m for _, ms in both.values() for m in ms])
    resolved_new = {d: _resolve_all(facts, resolver) for d, (facts, _) in new_raw.items()}
    before = snapshot.resolved(near)
    resolved_near: dict[str, Resolved] = {}
    changed: list[tuple[str, int]] = []  # (document, place) of old facts resolved differently now
    for d, (facts, _) in near_raw.items():
        mine = dict(before.get(d, {}))
        for i, fact in enumerate(facts):
            if person_ref_prefix(fact) in prefixes:
                again = resolve_fact(fact, resolver)
                if again == mine.get(i):
                    continue
                changed.append((d, i))
                if again is None:
                    del mine[i]
                else:
                    mine[i] = again
        resolved_near[d] = mine
    clock.lap("resolve names")

    # corroboration: only the blocks new or re-resolved facts fall in
    blocks = {block_id(f) for r in resolved_new.values() for f in r.values()}
    for d, i in changed:
        blocks |= {block_id(f) for f in (before.get(d, {}).get(i), resolved_near[d].get(i)) if f is not None}
    replaced = {(d, i) for d, i in changed}
    members = [f for d, i, f in snapshot.in_blocks(blocks) if (d, i) not in replaced]
    members += [f for r in resolved_new.values() for f in r.values()]
    members += [resolved_near[d][i] for d, i in changed if i in resolved_near[d]]
    groups = corroborate(members)
    touched = [block_id(f) in blocks for f in old.facts]
    previous = {f.canonical_key(): f for f, t in zip(old.facts, touched) if t}
    facts = _merged_in([f for f, t in zip(old.facts, touched) if not t], groups)
    fresh = [f for f in groups if previous.get(f.canonical_key()) != f]
    entities = _entities(old, resolver, prefixes, new_raw)
    merged = FactSet(documents=[*old.documents, *new_raw], entities=entities, facts=facts)
    clock.lap("corroborate")

    # questions: the new and changed facts only, the whole bank as their context
    words = snapshot.words()
    words.update(_words(facts, set(new_raw) | set(resolved_near)))
    context = CorpusContext(merged, gazetteer)
    context.relatedness.__dict__["_words"] = words  # kept per document in the snapshot: not read again from every fact
    wanted = {id(f) for f in fresh}
    made = questions_for(merged, seed, gazetteer, parser=nlp, stem_verdicts=verdicts, only=lambda f: id(f) in wanted,
                         context=context)
    regrouped = {f.canonical_key(): f for f in groups}
    gone = {f.id for k, f in previous.items() if regrouped.get(k) != f}  # facts whose questions are made again (or lost)
    competitors = [q for q in snapshot.questions({answer_group(q) for q in made.questions}) if q.fact_id not in gone]
    kept, _dropped = filter_questions([*competitors, *made.questions])
    mine = {q.id for q in made.questions}
    questions = [q for q in kept if q.id in mine]
    clock.lap("generate questions")

    def save() -> None:
        snapshot.write(Meta(version=meta.version, documents={**meta.documents, **{d: stored[d] for d in new_raw}}),
                       merged, raw=new_raw, resolved={**resolved_near, **resolved_new},
                       surnames={d: person_prefixes(*r) for d, r in new_raw.items()},
                       words={d: words[d] for d in set(new_raw) | set(resolved_near)}, questions=questions,
                       replace=False, dropped_facts=gone)

    return Addition(questions=questions, facts=len(fresh), problems=list(extracted.problems), timings=clock.laps,
                    save=save)


def _merged_in(facts: list, groups: list) -> list:
    """``groups`` put in place among ``facts`` (already in :func:`position` order), as one sort of both
    would put them, computing the positions of the few facts it compares (a position dumps a whole fact)."""
    out = list(facts)
    for fact in sorted(groups, key=position):
        out.insert(bisect.bisect_left(out, position(fact), key=position), fact)
    return out


def _entities(old: FactSet, resolver, prefixes: set[str], new_raw: dict[str, tuple[list, list]]) -> list:
    """The bank's entities with the new documents in: the people of the surnames they name as the joint
    resolver sees them (every document naming such a surname took part), other people as they were, and
    places counted again with the new documents' mentions added (a place's entity depends on its name only)."""
    people = [e for e in old.entities if e.kind == "person" and surname_prefix(e.name) not in prefixes]
    people += [e for e in resolver.entities() if e.kind == "person" and surname_prefix(e.name) in prefixes]
    alone = make_resolver([f for facts, _ in new_raw.values() for f in facts], [m for _, ms in new_raw.values() for m in ms])
    for facts, _ in new_raw.values():
        for fact in facts:
            resolve_fact(fact, alone)  # counts the places it names, as the full run's resolver does
    places = {e.id: e for e in old.entities if e.kind != "person"}
    for e in alone.entities():
        if e.kind == "person":
            continue
        known = places.get(e.id)
        places[e.id] = e if known is None else known.model_copy(update={
            "aliases": sorted(set(known.aliases) | set(e.aliases)), "mentions": known.mentions + e.mentions,
            "documents": sorted(set(known.documents) | set(e.documents))})
    return sorted([*people, *places.values()], key=lambda e: (e.kind, -e.mentions, e.name))


class _Clock:
    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self.last
        self.last = now
