"""Documents into the bank, and the bank's questions regenerated from them (no Streamlit here).

Documents are kept in the bank under logical names (``seeds/x.txt``, ``uploads/y.html``,
``pasted/z.txt``) with their original bytes. Generation reads them from the bank under those names
(nothing is written to disk but the caches), runs the usual pipeline over all of them (so facts are
corroborated across articles; parses are cached by content) and merges the questions in; every
source names its document by its logical name.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..document import Document
from ..errors import InputError
from ..store import MergeReport, Store, StoredDocument, text_hash

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
TITLE_WORDS = 12

Progress = Callable[[float, str], None]


def _quiet(fraction: float, message: str) -> None:
    pass


def fallback_title(text: str, name: str) -> str:
    """The first line's first words when a document states no title."""
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 3:
            return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    return Path(name).name


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
    """Add the sample articles in ``folder``; returns the problems met (one line per bad file)."""
    problems = []
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []
    for i, path in enumerate(files):
        progress(i / max(1, len(files)), f"reading {path.name}")
        try:
            add_file(store, path.name, path.read_bytes(), folder="seeds")
        except InputError as exc:
            problems.append(str(exc))
    return problems


def regenerate(store: Store, nlp, progress: Progress = _quiet, seed: int = 0) -> tuple[MergeReport, list[str]]:
    """Generate questions from every stored document and merge them into the bank.

    Returns the merge report and the problems met (documents that could not be read)."""
    from ..gazetteer import same_kind_places
    from ..nlp import DocCache
    from ..questions.stems import StemVerdicts
    from ..pipeline import extract_corpus
    from ..questions import generate

    contents = store.document_contents()
    if not contents:
        return MergeReport(), []
    progress(0.05, f"reading {len(contents)} document(s)")
    documents, problems = read_stored(contents)
    done = 0

    def tick(path: str) -> None:
        nonlocal done
        done += 1
        progress(0.1 + 0.75 * done / len(documents), f"read {done} of {len(documents)}: {Path(path).name}")

    cache = DocCache(nlp)
    facts = extract_corpus(documents, nlp=nlp, cache=cache, on_document=tick)
    problems += facts.problems
    progress(0.9, f"writing questions from {len(facts.facts)} facts")
    verdicts = StemVerdicts(cache.folder / "stems.json", nlp)
    generation = generate(facts, seed=seed, gazetteer=same_kind_places, parser=nlp, stem_verdicts=verdicts)
    verdicts.save()
    report = store.merge_generated(generation.questions)
    progress(1.0, f"{report.added} new question(s), {report.kept} kept as edited or reviewed")
    return report, problems


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
