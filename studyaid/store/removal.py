"""Removing a document from the bank, with its questions, for good.

A removed document leaves a tombstone (the hash of its text) so that nothing brings it back by
itself: the sample articles are not imported again, and a generation that was running when it was
removed merges none of its questions (:func:`purge_orphans`). Adding the same text again on purpose
lifts the tombstone (:func:`forget_removal`).

Questions linked to the document (any of their sources) go with it. Questions a teacher worked on
(edited or approved) are counted first, so the page can name them before anything is removed; when a
trash is available (``studyaid.store.trash``) they are kept there and can be restored.

The table is created on first use (``CREATE TABLE IF NOT EXISTS``), beside the numbered schema.
"""
from __future__ import annotations

import sqlite3

from pydantic import BaseModel

from ..errors import BankError
from . import Store, now

_TABLE = ("CREATE TABLE IF NOT EXISTS removed_documents (text_hash TEXT PRIMARY KEY, path TEXT NOT NULL, "
          "title TEXT, removed_at TEXT NOT NULL)")
_LINKED = "SELECT question_id FROM question_documents WHERE document = ?"
_WORK = "(edited = 1 OR status = 'approved')"  # a teacher's work: kept in the trash when there is one


class DocumentRemoval(BaseModel):
    """What removing one document takes with it."""

    path: str
    title: str | None = None
    questions: int = 0  # every question with a source in the document
    teacher_work: int = 0  # of those, edited or approved by a teacher
    trashed: int = 0  # of those, kept in the trash (when removed)


def _table(conn: sqlite3.Connection) -> None:
    conn.execute(_TABLE)


def _preview(conn: sqlite3.Connection, store: Store, path: str) -> DocumentRemoval:
    row = conn.execute("SELECT title FROM documents WHERE path = ?", (path,)).fetchone()
    if row is None:
        raise BankError(f"{store.path}: no document {path!r} in the bank (removed meanwhile?); reload the page")
    total, work = conn.execute(
        f"SELECT COUNT(*), COALESCE(SUM({_WORK}), 0) FROM questions WHERE id IN ({_LINKED})",
        (path,)).fetchone()
    return DocumentRemoval(path=path, title=row[0], questions=total, teacher_work=work)


def removal_preview(store: Store, path: str) -> DocumentRemoval:
    """How many questions removing ``path`` would take, and how many of them a teacher worked on."""
    with store._connection() as conn:
        return _preview(conn, store, path)


def remove_document(store: Store, path: str) -> DocumentRemoval:
    """Remove document ``path`` and every question linked to it, in one transaction; its text is
    remembered so that it is not imported again. Raises :class:`BankError` when it is not in the bank."""
    trash = _trash()
    with store._write() as conn:
        _table(conn)
        removal = _preview(conn, store, path)
        digest = conn.execute("SELECT text_hash FROM documents WHERE path = ?", (path,)).fetchone()[0]
        ids = [r[0] for r in conn.execute(_LINKED, (path,))]
        work = [r[0] for r in conn.execute(f"SELECT id FROM questions WHERE id IN ({_LINKED}) AND {_WORK}", (path,))]
        if trash is not None and work:
            removal.trashed = trash(conn, work, reason=f"removed with its document {path}")
        conn.executemany("DELETE FROM questions WHERE id = ?", [(qid,) for qid in ids])
        conn.execute("DELETE FROM documents WHERE path = ?", (path,))
        conn.execute("INSERT OR REPLACE INTO removed_documents (text_hash, path, title, removed_at) "
                     "VALUES (?, ?, ?, ?)",
                     (digest, path, removal.title, now()))
    return removal


def _trash():
    """The trash's "keep these questions" hook, if the trash module provides one."""
    try:
        from . import trash
    except ImportError:
        return None
    return getattr(trash, "trash_questions_in", None)


def trash_available() -> bool:
    """Whether removed questions a teacher worked on can be kept in a trash."""
    return _trash() is not None


def removed_hashes(store: Store) -> set[str]:
    """Text hashes of the documents a teacher removed."""
    with store._write() as conn:
        _table(conn)
        return {r[0] for r in conn.execute("SELECT text_hash FROM removed_documents")}


def forget_removal(store: Store, digest: str) -> None:
    """The text ``digest`` is added again on purpose: it is no longer a removed document."""
    with store._write() as conn:
        _table(conn)
        conn.execute("DELETE FROM removed_documents WHERE text_hash = ?", (digest,))


def purge_orphans(store: Store) -> int:
    """Delete untouched questions linked to a removed document no longer in the bank (merged by a
    generation that read it before it was removed); returns how many. Questions naming a document the
    bank never stored (a re-imported backup) and a teacher's work restored from the trash are left alone."""
    with store._write() as conn:
        _table(conn)
        ids = [r[0] for r in conn.execute("SELECT DISTINCT question_id FROM question_documents "
                                          "WHERE document IN (SELECT path FROM removed_documents) "
                                          "AND document NOT IN (SELECT path FROM documents) "
                                          "AND question_id IN "
                                          "(SELECT id FROM questions WHERE status = 'new' AND edited = 0)")]
        conn.executemany("DELETE FROM questions WHERE id = ?", [(qid,) for qid in ids])
    return len(ids)


def question_counts(store: Store) -> dict[str, int]:
    """Questions per document path."""
    with store._connection() as conn:
        return dict(conn.execute("SELECT document, COUNT(*) FROM question_documents GROUP BY document").fetchall())
