"""Extracted facts on disk, next to the parse cache: a re-run neither parses nor extracts again.

Keyed by the document's masked-text hash, the spaCy pipeline and a hash of the extraction code
itself (every module that shapes a document's facts), so a change to an extractor invalidates the
entries by itself; the parse cache (:class:`studyaid.nlp.DocCache`) still spares the parse then.
Question generation is not cached: changing a template or a setting regenerates from these facts.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError

from .facts import Fact, Mention

if TYPE_CHECKING:
    from .document import Document
    from .nlp import DocCache

_FACTS = TypeAdapter(list[Fact])
_PACKAGE = Path(__file__).resolve().parent
_CODE = ("document.py", "facts.py", "gazetteer.py", "lexicon.py", "text.py", "extract", "ingest")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code that turns a document into raw facts."""
    digest = hashlib.sha1()
    for name in _CODE:
        path = _PACKAGE / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


class FactCache:
    """Raw facts and name mentions of one document, stored as JSON beside its parse, and the parses of
    the sentences they were read in (:func:`~studyaid.nlp.sentence_blob`, for the stem checker); an
    entry without its sentences is a miss."""

    def __init__(self, doc_cache: "DocCache") -> None:
        self.folder = doc_cache.folder / f"facts-{code_version()}"
        self.enabled = doc_cache.enabled
        self.hits = 0

    def _path(self, document: "Document") -> Path:
        return self.folder / f"{document.content_hash}.json"

    def sentences_path(self, document: "Document") -> Path:
        return self.folder / f"{document.content_hash}.sentences.spacy"

    def get(self, document: "Document") -> tuple[list, list[Mention]] | None:
        path = self._path(document)
        if not self.enabled or not path.is_file() or not self.sentences_path(document).is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            facts = _FACTS.validate_python(data["facts"])
            mentions = [Mention(**m) for m in data["mentions"]]
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            return None  # a broken entry is extracted again and overwritten
        # the cached facts name the document they were first read from: point them at this one
        if any(s.document != document.path for f in facts for s in f.sources):
            facts = [f.model_copy(update={"sources": [s.model_copy(update={"document": document.path})
                                                      for s in f.sources]}) for f in facts]
            mentions = [replace(m, document=document.path) for m in mentions]
        self.hits += 1
        return facts, mentions

    def put(self, document: "Document", facts: list, mentions: list[Mention], sentences: bytes) -> None:
        if not self.enabled:
            return
        data = {"facts": _FACTS.dump_python(facts, mode="json"), "mentions": [asdict(m) for m in mentions]}
        from .nlp import write_cache

        write_cache(self.sentences_path(document), sentences)  # first: facts without sentences are a miss
        write_cache(self._path(document), json.dumps(data).encode("utf-8"))


@lru_cache(maxsize=1)
def package_version() -> str:
    """A hash of every module of the package: what a whole result (a corpus's resolved facts, its
    questions) may depend on, so any change to the code computes it again."""
    digest = hashlib.sha1()
    for file in sorted(_PACKAGE.rglob("*.py")):
        digest.update(file.relative_to(_PACKAGE).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


class SavedResults:
    """Whole results of one kind (``"resolved"`` facts of a corpus, its ``"questions"``) as JSON files in
    ``folder``, each named by a hash of everything it is computed from (:meth:`key`): a re-run on the
    same documents with the same code and settings reads the result instead of computing it. The
    ``KEEP`` most recent of a kind are kept. ``folder`` None (no cache): nothing is read or written."""

    KEEP = 8

    def __init__(self, folder: Path | None, kind: str, model) -> None:
        self.folder = folder
        self.kind = kind
        self.model = model

    @staticmethod
    def key(*parts: str) -> str:
        digest = hashlib.sha1(package_version().encode())
        for part in parts:
            digest.update(b"\x00" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{self.kind}-{key}.json"

    def get(self, key: str):
        if self.folder is None or not self._path(key).is_file():
            return None
        try:
            found = self.model.model_validate_json(self._path(key).read_bytes())
            os.utime(self._path(key))  # recently used: kept
        except (OSError, ValueError):
            return None  # a broken entry is computed again and overwritten
        return found

    def put(self, key: str, result) -> None:
        if self.folder is None:
            return
        from .nlp import write_cache

        write_cache(self._path(key), result.model_dump_json().encode("utf-8"))
        older = sorted(self.folder.glob(f"{self.kind}-*.json"), key=_modified, reverse=True)
        for stale in older[self.KEEP:]:
            stale.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0  # removed meanwhile by another run
