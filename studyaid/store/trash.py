"""The trash: deleted questions are kept, whole, until a teacher restores them or empties the trash.

A delete moves each question (its JSON, status, edited flag and version) into the ``trash`` table and
leaves the usual tombstone in ``deleted_questions``, in one transaction, so regeneration does not
bring it back. Every delete is one *batch* (the undo right after it restores that batch). Restoring
puts the question back as it was, with a new version (an edit opened before the delete stays
refused), and lifts its tombstone; a question whose document a teacher removed since comes back as
the teacher's own (edited), never to be cleaned up with that document's leftovers. Emptying the trash forgets the questions for good; their
tombstones stay, so generation still does not make them again.

The table is created on first use (``CREATE TABLE IF NOT EXISTS``), beside the numbered schema.
"""
from __future__ import annotations

import sqlite3
import uuid
from typing import Iterable

from pydantic import BaseModel, ValidationError

from ..errors import BankError
from ..questions.model import Question
from . import Store, now
from .schema import link_documents

__all__ = ["RestoreReport", "TrashBatch", "TrashedQuestion", "delete_all_to_trash", "delete_to_trash",
           "empty_trash", "restore", "trash_count", "trash_questions_in", "trashed"]

_TABLE = ("CREATE TABLE IF NOT EXISTS trash (id TEXT PRIMARY KEY, batch TEXT NOT NULL, reason TEXT NOT NULL, "
          "deleted_at TEXT NOT NULL, status TEXT NOT NULL, edited INTEGER NOT NULL, version INTEGER NOT NULL, "
          "data TEXT NOT NULL)")


class TrashBatch(BaseModel):
    """One delete: what the undo restores."""

    batch: str
    count: int


class TrashedQuestion(BaseModel):
    question: Question
    batch: str
    reason: str
    deleted_at: str


class RestoreReport(BaseModel):
    restored: list[str] = []
    skipped: list[str] = []  # a question with the same id is in the bank again (written or generated since)
    kept_as_own: dict[str, str] = {}  # restored ids whose document was removed: kept as the teacher's, by document


def _removed_documents(conn: sqlite3.Connection) -> dict[str, str]:
    """``{path: label}`` of the documents a teacher removed that are not in the bank again."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'removed_documents'").fetchone():
        return {}
    return {path: title or path for path, title in conn.execute(
        "SELECT path, title FROM removed_documents WHERE path NOT IN (SELECT path FROM documents)")}


def _table(conn: sqlite3.Connection) -> None:
    conn.execute(_TABLE)


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def trash_questions_in(conn: sqlite3.Connection, ids: Iterable[str], *, batch: str | None = None,
                       reason: str = "removed with its document") -> int:
    """Copy the questions ``ids`` into the trash inside the caller's write transaction (the caller
    deletes them); returns how many were copied."""
    _table(conn)
    batch = batch or uuid.uuid4().hex
    stamp, copied, ids = now(), 0, list(dict.fromkeys(ids))
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        copied += conn.execute(
            f"INSERT OR REPLACE INTO trash (id, batch, reason, deleted_at, status, edited, version, data) "
            f"SELECT id, ?, ?, ?, status, edited, version, data FROM questions WHERE id IN ({marks})",
            (batch, reason, stamp, *part)).rowcount
    return copied


def _delete(conn: sqlite3.Connection, ids: list[str], reason: str) -> TrashBatch:
    batch = uuid.uuid4().hex
    count = trash_questions_in(conn, ids, batch=batch, reason=reason)
    stamp = now()
    for qid in ids:
        conn.execute("DELETE FROM questions WHERE id = ?", (qid,))
        conn.execute("INSERT OR REPLACE INTO deleted_questions (id, deleted_at) VALUES (?, ?)", (qid, stamp))
    return TrashBatch(batch=batch, count=count)


def delete_to_trash(store: Store, versions: dict[str, int | None], reason: str = "deleted") -> TrashBatch:
    """Move the questions ``{id: expected version}`` to the trash, all or none; a question changed or
    deleted by someone else since the teacher saw it refuses the whole delete (:class:`StaleEdit`)."""
    with store._write() as conn:
        store._check_versions(conn, versions)
        return _delete(conn, list(versions), reason)


def delete_all_to_trash(store: Store, expected: int) -> TrashBatch:
    """Move every question to the trash in one batch. ``expected`` is the number the teacher confirmed;
    a bank that has grown or shrunk since is refused rather than emptied unseen."""
    with store._write() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM questions ORDER BY rowid")]
        if len(ids) != expected:
            raise BankError(f"{store.path}: the bank now holds {len(ids)} questions, not the {expected} you "
                            "confirmed; nothing was deleted, look again and confirm")
        return _delete(conn, ids, "the whole bank deleted")


def _rows(conn: sqlite3.Connection, where: str = "", args: tuple = (), limit: int | None = None) -> list[tuple]:
    cut = "" if limit is None else f" LIMIT {max(0, int(limit))}"
    return conn.execute(f"SELECT id, batch, reason, deleted_at, status, edited, version, data FROM trash {where} "
                        f"ORDER BY deleted_at DESC, rowid{cut}", args).fetchall()


def _exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'trash'").fetchone() is not None


def trashed(store: Store, limit: int | None = None) -> list[TrashedQuestion]:
    """What is in the trash, the latest deletes first (read without taking the write lock); ``limit``:
    only that many (cut in SQL: a trash of 10,000 questions is not read to list its latest)."""
    with store._connection() as conn:
        rows = _rows(conn, limit=limit) if _exists(conn) else []
    found = []
    for qid, batch, reason, deleted_at, *_rest, data in rows:
        try:
            question = Question.model_validate_json(data)
        except ValidationError as exc:
            raise BankError(f"{store.path}: question {qid} in the trash is broken: {exc.errors()[0]['msg']}") from exc
        found.append(TrashedQuestion(question=question, batch=batch, reason=reason, deleted_at=deleted_at))
    return found


def trash_count(store: Store) -> int:
    with store._connection() as conn:
        return conn.execute("SELECT COUNT(*) FROM trash").fetchone()[0] if _exists(conn) else 0


def restore(store: Store, *, ids: Iterable[str] | None = None, batch: str | None = None) -> RestoreReport:
    """Put trashed questions back as they were (by ``ids``, by ``batch``, or all), in one transaction.

    A question from a document removed since is kept as the teacher's own (marked edited, so cleaning
    up after a removal never deletes it) and listed in ``kept_as_own`` with that document."""
    report = RestoreReport()
    stamp = now()
    with store._write() as conn:
        _table(conn)
        if batch is not None:
            rows = _rows(conn, "WHERE batch = ?", (batch,))
        else:
            rows = _rows(conn)
        wanted = None if ids is None else set(ids)
        removed = _removed_documents(conn)
        for qid, _batch, _reason, _at, status, edited, version, data in rows:
            if wanted is not None and qid not in wanted:
                continue
            if conn.execute("SELECT 1 FROM questions WHERE id = ?", (qid,)).fetchone():
                report.skipped.append(qid)
                continue
            question = Question.model_validate_json(data)
            gone = [removed[s.document] for s in question.sources if s.document in removed]
            if gone:
                question = question.model_copy(update={"edited": True})
                data, edited = question.model_dump_json(), 1
                report.kept_as_own[qid] = gone[0]
            conn.execute("INSERT INTO questions (id, kind, fact_type, status, edited, version, updated_at, data) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (qid, question.kind, question.fact_type, status, edited, version + 1, stamp, data))
            link_documents(conn, qid, question.sources)
            conn.execute("DELETE FROM deleted_questions WHERE id = ?", (qid,))
            conn.execute("DELETE FROM trash WHERE id = ?", (qid,))
            report.restored.append(qid)
    return report


def empty_trash(store: Store, ids: Iterable[str] | None = None) -> int:
    """Forget trashed questions for good (``ids``, or all); their tombstones stay. Returns how many."""
    with store._write() as conn:
        _table(conn)
        if ids is None:
            return conn.execute("DELETE FROM trash").rowcount
        return sum(conn.execute("DELETE FROM trash WHERE id = ?", (qid,)).rowcount for qid in ids)
