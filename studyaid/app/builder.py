"""Documents into the bank, and the bank's questions regenerated from them (no Streamlit here).

Documents are kept in the bank under logical names (``seeds/x.txt``, ``uploads/y.html``,
``pasted/z.txt``) with their original bytes. Generation reads them from the bank under those names
(nothing is written to disk but the caches), runs the usual pipeline over all of them (so facts are
corroborated across articles; parses are cached by content) and merges the questions in; when documents
were only added since, just those are generated from (:mod:`studyaid.incremental`); every
source names its document by its logical name. A document that fails is reported by name and left
out; the others are processed. A document a teacher removed stays removed: the sample articles are
not imported again, and questions of a document removed while generation ran are not merged.
"""
from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Callable, Sequence

from ..document import Document
from ..errors import InputError
from ..store import MergeReport, Store, StoredDocument, text_hash
from ..store.removal import forget_removal, purge_orphans, removed_hashes

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
TITLE_WORDS = 12
CHUNK = 16  # documents parsed together (one nlp.pipe batch); a chunk that fails is retried one at a time
log = logging.getLogger("studyaid.app")

Progress = Callable[[float, str, int | None, int | None], None]  # fraction, message, documents done, of how many


def _quiet(fraction: float, message: str, done: int | None = None, total: int | None = None) -> None:
    pass


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_CLAUSE_END = re.compile(r"[,;:–—]\s|\s-\s")
_LOOSE_END = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
                        "said", "says", "than", "that", "the", "to", "which", "who", "with"})
TITLE_MIN_WORDS = 4  # a shorter clause says too little to name an article
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt",
                            "jr", "sr", "no", "inc", "co", "ltd", "vs", "mt", "ft", "jan", "feb", "aug", "sept",
                            "oct", "nov", "dec"})


def first_sentence(text: str) -> str:
    """``text`` up to its first sentence end; a full stop after an abbreviation ("Dr.", "St.") or an
    initial ("J.", "U.S.") ends nothing."""
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()].rstrip("\"'”’)")
        word = before.rsplit(None, 1)[-1].rstrip(".") if before.split() else ""
        initials = re.fullmatch(r"[A-Z](?:\.[A-Za-z])*", word)  # "J", "U.S"
        if before.endswith(".") and (word.casefold() in _ABBREVIATIONS or initials):
            continue
        return before
    return text


def is_title_line(line: str) -> bool:
    """A short line that names what follows rather than stating it: at most ``TITLE_WORDS`` words and
    no sentence punctuation at its end."""
    words = line.split()
    return 0 < len(words) <= TITLE_WORDS and not line.rstrip().endswith((".", ",", ";", ":", "!", "?"))


def shorten(sentence: str, limit: int = TITLE_WORDS) -> str:
    """``sentence`` as a title of at most ``limit`` words: whole when it fits (its full stop dropped),
    else cut at the last clause boundary (a comma, a dash) that keeps ``TITLE_MIN_WORDS`` words, else at
    a word boundary; a cut never ends on a loose word ("of", "the", "said") and is marked with "…"."""
    words = sentence.split()
    if len(words) <= limit:
        return " ".join(words).rstrip(".")
    head = " ".join(words[: limit + 1])
    cuts = [m.start() for m in _CLAUSE_END.finditer(head) if len(head[: m.start()].split()) >= TITLE_MIN_WORDS]
    kept = head[: cuts[-1]].split() if cuts else words[:limit]
    while len(kept) > TITLE_MIN_WORDS and kept[-1].casefold().strip(",;:") in _LOOSE_END:
        kept.pop()
    return " ".join(kept).rstrip(",;:–—-") + "…"


def fallback_title(text: str, name: str) -> str:
    """A title for a document that states none (no heading found, no HTML ``<title>``): its first line
    when that is a short unpunctuated line (a heading), else its first sentence shortened cleanly
    (:func:`shorten`); the file name when the text has no words."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return Path(name).name
    if is_title_line(lines[0]):
        return " ".join(lines[0].split())
    return shorten(first_sentence(" ".join(lines[0].split())))


def safe_name(filename: str) -> str:
    """A file name safe to use as a path part: "../My article (1).HTML" → "My-article-1.html"."""
    name = Path(filename.replace("\\", "/")).name
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.") or "document"
    return stem[:80] + suffix


def _free_name(store: Store, folder: str, filename: str, text: str) -> str | None:
    """A logical name for a new document; None when the same text is already stored."""
    digest = text_hash(text)
    if any(d.text_hash == digest for d in store.documents()):
        return None  # the same text is already in the bank, under this name or another
    name = f"{folder}/{safe_name(filename)}"
    base, suffix = name[: len(name) - len(Path(name).suffix)], Path(name).suffix
    n = 1
    while store.document(name) is not None:
        n += 1
        name = f"{base}-{n}{suffix}"
    return name


def add_file(store: Store, filename: str, data: bytes, folder: str = "uploads",
             title: str | None = None) -> tuple[StoredDocument, bool]:
    """Read an uploaded file like any document and keep it: ``(document, whether it is new)``.

    A file that cannot be read raises :class:`InputError` naming the upload."""
    from ..ingest import document_from_bytes

    try:
        document = document_from_bytes(safe_name(filename), data)
    except InputError as exc:
        raise InputError(filename, exc.problem) from None
    forget_removal(store, text_hash(document.text))  # added again on purpose: no longer removed
    name = _free_name(store, folder, filename, document.text)
    if name is None:  # already there, unchanged
        digest = text_hash(document.text)
        return next(d for d in store.documents() if d.text_hash == digest), False
    title = title or document.title or fallback_title(document.masked_text, filename)
    return store.add_document(name, document.text, title=title, format=document.format, content=data), True


def add_text(store: Store, title: str, text: str) -> tuple[StoredDocument, bool]:
    """Keep pasted text as a plain-text document."""
    title = " ".join(title.split())
    if not text.strip():
        raise InputError(title or "pasted text", "the text is empty")
    filename = (title or fallback_title(text, "pasted"))[:60] + ".txt"
    return add_file(store, filename, text.encode("utf-8"), folder="pasted", title=title or None)


def import_seeds(store: Store, folder: Path = SEEDS, progress: Progress = _quiet) -> list[str]:
    """Add the sample articles in ``folder``, except those a teacher removed; returns the problems met
    (one line per bad file). Adding them again changes nothing (the same text is stored once)."""
    from ..ingest import document_from_bytes

    problems = []
    removed = removed_hashes(store)
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []
    for i, path in enumerate(files):
        progress(i / max(1, len(files)), f"reading {path.name}", None, None)
        try:
            data = path.read_bytes()
            if text_hash(document_from_bytes(safe_name(path.name), data).text) in removed:
                continue
            add_file(store, path.name, data, folder="seeds")
        except InputError as exc:
            problems.append(str(exc))
    return problems


def regenerate(store: Store, nlp, progress: Progress = _quiet, seed: int = 0) -> tuple[MergeReport, list[str]]:
    """Generate questions from every stored document and merge them into the bank.

    When the only change since the last generation is documents added, only those are parsed and
    generated from (:mod:`studyaid.incremental`, from the snapshot the last generation kept beside the
    bank); anything else (a document removed or changed, other code, pipeline or seed, no snapshot)
    generates from every document, and keeps a new snapshot.

    Returns the merge report and the problems met: one line per document that could not be read or
    processed (the others are processed all the same)."""
    from ..incremental import plan, snapshot_path, version
    from ..incremental.snapshot import Snapshot

    contents = store.document_contents()
    if not contents:
        return MergeReport(), []
    stored = {d.path: d.text_hash for d in store.documents()}
    snapshot = Snapshot(snapshot_path(store.path))
    current = version(nlp, seed)
    added = plan(snapshot.meta(), stored, current)
    if added is not None:
        done = add_documents(store, nlp, snapshot, [c for c in contents if c[0] in set(added)], stored, progress, seed)
        if done is not None:
            return done
    return _regenerate_all(store, nlp, snapshot, contents, stored, current, progress, seed)


def add_documents(store: Store, nlp, snapshot, contents: list[tuple[str, bytes]], stored: dict[str, str],
                  progress: Progress = _quiet, seed: int = 0) -> tuple[MergeReport, list[str]] | None:
    """Questions of the documents added since the last generation, generated from by themselves; None
    when that cannot be done (the caller generates from every document)."""
    from ..incremental import paused_gc
    from ..nlp import DocCache
    from ..questions.stem_check import StemVerdicts

    progress(0.1, f"reading {len(contents)} new document(s)", 0, len(contents))
    documents, problems = read_stored(contents)
    cache = DocCache(nlp)
    verdicts = StemVerdicts(cache.folder / "stems.json", nlp)
    with paused_gc():  # the bank's facts stay held until the snapshot is updated
        return _add_and_merge(store, snapshot, documents, problems, stored, nlp, cache, verdicts, progress, seed,
                              len(contents))


def _add_and_merge(store: Store, snapshot, documents, problems: list[str], stored: dict[str, str], nlp, cache,
                   verdicts, progress: Progress, seed: int, total: int) -> tuple[MergeReport, list[str]] | None:
    from ..gazetteer import same_kind_places
    from ..incremental import add
    from ..incremental.snapshot import SnapshotError

    try:
        addition = add(snapshot, documents, stored, nlp, cache, seed=seed, gazetteer=same_kind_places,
                       verdicts=verdicts)
    except (SnapshotError, ValueError) as exc:  # unreadable or broken: the full generation writes a new one
        log.warning("%s: the generation snapshot cannot be used (%s); generating from every document",
                    snapshot.path, exc)
        return None
    if addition is None:
        return None
    begin = time.perf_counter()
    result = _merge(store, addition.questions, problems + addition.problems, progress, total)
    addition.timings["merge into the bank"] = time.perf_counter() - begin
    begin = time.perf_counter()
    verdicts.save()  # what follows is bookkeeping: the questions are shown already
    try:
        addition.save()  # a run stopped before this adds the same documents again next time
    except SnapshotError as exc:  # the bank is complete without it: the next run adds these documents again
        log.warning("%s", exc)
    addition.timings["update the snapshot"] = time.perf_counter() - begin
    log.info("added %d document(s) incrementally: %s", len(documents),
             ", ".join(f"{step} {seconds:.2f} s" for step, seconds in addition.timings.items()),
             extra={"timings": addition.timings})
    return result


def _merge(store: Store, questions: list, problems: list[str], progress: Progress,
           total: int) -> tuple[MergeReport, list[str]]:
    present = {d.path for d in store.documents()}  # a document removed meanwhile brings nothing back
    questions = [q for q in questions if all(s.document in present for s in q.sources)]
    report = store.merge_generated(questions)
    purge_orphans(store)  # removed between the check and the merge
    progress(1.0, f"{report.added} new question(s), {report.kept} kept as edited or reviewed", total, total)
    return report, problems


def _regenerate_all(store: Store, nlp, snapshot, contents: list[tuple[str, bytes]], stored: dict[str, str],
                    current: str, progress: Progress, seed: int) -> tuple[MergeReport, list[str]]:
    from ..gazetteer import same_kind_places
    from ..incremental import corpus, record
    from ..incremental.snapshot import SnapshotError
    from ..nlp import DocCache
    from ..pipeline import extract_corpus
    from ..questions import generate
    from ..questions.stem_check import StemVerdicts

    progress(0.05, f"reading {len(contents)} document(s)", 0, len(contents))
    documents, problems = read_stored(contents)
    cache = DocCache(nlp)
    usable, failed = extract_each(documents, lambda docs, tick: extract_corpus(docs, nlp=nlp, cache=cache,
                                                                                 on_document=tick),
                                  lambda done, name: progress(0.1 + 0.75 * done / len(contents),
                                                              f"read {done} of {len(contents)}: {Path(name).name}",
                                                              done, len(contents)))
    problems += failed
    whole = corpus(usable, nlp, cache)  # every fact cached by now: names and corroboration only
    if whole is not None:
        facts = whole.facts
    else:  # no cache to read them back from: the pipeline resolves them
        facts = extract_corpus(usable, nlp=nlp, cache=cache)
        problems += facts.problems
    progress(0.9, f"writing questions from {len(facts.facts)} facts", len(contents), len(contents))
    verdicts = StemVerdicts(cache.folder / "stems.json", nlp)
    generation = generate(facts, seed=seed, gazetteer=same_kind_places, parser=nlp, stem_verdicts=verdicts)
    verdicts.save()
    if whole is not None:
        try:
            record(snapshot, current, stored, whole, generation.questions)
        except SnapshotError as exc:  # the bank is complete without it: the next generation runs in full
            log.warning("%s", exc)
    return _merge(store, generation.questions, problems, progress, len(contents))


def extract_each(documents: Sequence[Document], extract: Callable[[list[Document], Callable[[str], None]], object],
                 tick: Callable[[int, str], None]) -> tuple[list[Document], list[str]]:
    """Run ``extract(documents, on_document)`` over ``documents`` in chunks so that one document that
    fails never fails the others: a chunk that raises is run again one document at a time, and a
    document that still fails is left out with one problem line naming it and the error.

    Returns the documents that went through and the problem lines. ``tick(done, name)`` is called once
    per document, whatever became of it."""
    usable: list[Document] = []
    problems: list[str] = []
    done: set[str] = set()

    def counted(name: str) -> None:
        if name not in done:
            done.add(name)
            tick(len(done), name)

    for start in range(0, len(documents), CHUNK):
        chunk = list(documents[start:start + CHUNK])
        try:
            extract(chunk, counted)
            usable.extend(chunk)
            continue
        except Exception:  # noqa: BLE001 - isolated and retried per document below
            log.info("a document in %s failed; trying them one by one", [d.path for d in chunk])
        for document in chunk:
            try:
                extract([document], counted)
            except Exception as exc:  # noqa: BLE001 - one document's failure, whatever it is, is reported by name
                log.exception("generation failed on %s", document.path)
                problems.append(f"{document.path}: could not be processed ({type(exc).__name__}: {exc}); "
                                "the other documents were")
                counted(document.path)
                continue
            usable.append(document)
    return usable, problems


def read_stored(contents: list[tuple[str, bytes]]) -> tuple[list[Document], list[str]]:
    """The stored ``(name, bytes)`` read as documents named by their logical names, and one problem
    line per document that cannot be read (any more: a lower size limit, a changed reader)."""
    from ..ingest import document_from_bytes

    documents, problems = [], []
    for name, data in contents:
        try:
            documents.append(document_from_bytes(name, data))
        except InputError as exc:
            problems.append(str(exc))
    return documents, problems
