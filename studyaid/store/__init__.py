"""The question bank in SQLite: documents (with their texts) and questions, edits never lost.

One file (``$STUDYAID_DB``, default ``data/studyaid.sqlite3``), standard :mod:`sqlite3`, numbered
migrations recorded in ``PRAGMA user_version``. Questions are kept as columns for what is filtered
on (id, kind, fact type, status, edited, version, updated time) plus the whole pydantic
:class:`Question` as JSON; documents keep their text (offsets of sources index it) and the original
file bytes (so the bank can be regenerated without the files).

Safety: WAL journal, a busy timeout, one transaction per write, and an optimistic ``version`` check on
every edit: an edit made against an old version is refused with :class:`StaleEdit`. A deleted
question leaves a tombstone so regeneration does not bring it back. Each generated question keeps the
hash of what generation wrote (``generated_hash``): regeneration leaves a question alone when a teacher
touched it (:func:`touched_by_teacher`, the same rule as ``bank.json``). A document replaced by a new
text flags every question whose source sentence changed or vanished (``needs_review``): withheld from
students and exports until a teacher approves it again. A file that is not SQLite, or
SQLite without our schema or with a newer one, raises :class:`BankError` naming the file.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from pydantic import BaseModel, ValidationError

from ..bank import stale_reason
from ..errors import BankError
from ..questions.model import Question, Status, touched_by_teacher
from .schema import DB_ENV, MIGRATIONS, SCHEMA_VERSION, immediate, link_documents, migrate

__all__ = ["BankEntry", "BankError", "DB_ENV", "DEFAULT_STUDENT_POLICY", "MIGRATIONS", "MergeReport", "SCHEMA_VERSION",
           "STUDENTS_SEE_SETTING", "STUDENT_POLICIES", "StaleEdit", "Store", "StoredDocument", "db_path", "text_hash"]

DEFAULT_DB = Path("data") / "studyaid.sqlite3"
BUSY_TIMEOUT_MS = 10_000
STUDENTS_SEE_SETTING = "students_see"
# What students are asked, as the teacher chose it: the statuses of each choice (never a flagged question)
STUDENT_POLICIES = {"not_rejected": ("new", "approved"), "approved": ("approved",)}
DEFAULT_STUDENT_POLICY = "not_rejected"  # until a teacher chooses


class StaleEdit(BankError):
    """An edit made against a version of a question that someone else has changed since."""


def db_path() -> Path:
    """The bank file: ``$STUDYAID_DB`` or ``data/studyaid.sqlite3``."""
    return Path(os.environ.get(DB_ENV, "").strip() or DEFAULT_DB)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


class BankEntry(BaseModel):
    """A stored question with the version an edit must name."""

    question: Question
    version: int
    updated_at: str


class StoredDocument(BaseModel):
    path: str
    title: str | None = None
    format: str = "text"
    text: str = ""
    text_hash: str
    added_at: str

    @property
    def label(self) -> str:
        return self.title or Path(self.path).name


class MergeReport(BaseModel):
    added: int = 0
    refreshed: int = 0  # untouched `new` questions whose generated text changed
    kept: int = 0  # edited, approved or rejected: left exactly as the teacher left them
    unchanged: int = 0
    deleted: int = 0  # deleted by a teacher: not brought back


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Store:
    """The bank at ``path`` (default :func:`db_path`); opened, checked and migrated on creation."""

    def __init__(self, path: str | Path | None = None, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path) if path is not None else db_path()
        self.busy_timeout_ms = busy_timeout_ms
        if self.path.is_dir():
            raise BankError(f"{self.path}: is a folder, not a bank file; set {DB_ENV} to a file path")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as conn:
            migrate(conn, self.path)

    # -- connections ---------------------------------------------------------------------------
    def _problem(self, exc: Exception) -> BankError:
        text = str(exc)
        if "not a database" in text or "malformed" in text or "encrypted" in text:
            return BankError(f"{self.path}: not a studyaid bank: the file is not a readable SQLite database "
                             f"({text}); move it away or set {DB_ENV} to another file")
        return BankError(f"{self.path}: cannot use the bank file: {text}")

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._problem(exc) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
        except sqlite3.DatabaseError as exc:
            raise self._problem(exc) from exc
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (taken at once, so two writers queue instead of deadlocking)."""
        with self._connection() as conn, immediate(conn):
            yield conn

    def schema_version(self) -> int:
        with self._connection() as conn:
            return conn.execute("PRAGMA user_version").fetchone()[0]

    # -- documents -----------------------------------------------------------------------------
    def add_document(self, path: str, text: str, *, title: str | None = None, format: str = "text",
                     content: bytes | None = None) -> StoredDocument:
        """Add (or replace) a document under its logical name ``path``."""
        doc = StoredDocument(path=path, title=title, format=format, text=text, text_hash=text_hash(text),
                             added_at=now())
        with self._write() as conn:
            old = conn.execute("SELECT text_hash FROM documents WHERE path = ?", (path,)).fetchone()
            if old is not None and old[0] != doc.text_hash:
                self._flag_stale(conn, path, text, doc.added_at)
            conn.execute(
                "INSERT INTO documents (path, title, format, text, text_hash, content, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET title = excluded.title, "
                "format = excluded.format, text = excluded.text, text_hash = excluded.text_hash, "
                "content = excluded.content",
                (doc.path, doc.title, doc.format, doc.text, doc.text_hash, content, doc.added_at),
            )
        return doc

    def _flag_stale(self, conn: sqlite3.Connection, path: str, text: str, stamp: str) -> None:
        """Flag the questions of document ``path`` whose source sentence is not in its new ``text``."""
        rows = conn.execute("SELECT q.id, q.data FROM questions q JOIN question_documents d ON d.question_id = q.id "
                            "WHERE d.document = ?", (path,)).fetchall()
        for qid, data in rows:
            q = self._entry((qid, 0, "", data)).question
            reason = stale_reason(q, {path: text})
            if reason is None or q.status == "rejected" or q.needs_review is not None:
                continue
            flagged = q.model_copy(update={"needs_review": reason})
            conn.execute("UPDATE questions SET version = version + 1, updated_at = ?, data = ? WHERE id = ?",
                         (stamp, flagged.model_dump_json(), qid))

    def _documents(self, text: str, where: str = "", args: tuple = ()) -> list[StoredDocument]:
        with self._connection() as conn:
            rows = conn.execute(f"SELECT path, title, format, {text}, text_hash, added_at FROM documents {where} "
                                "ORDER BY added_at, path", args).fetchall()
        fields = ("path", "title", "format", "text", "text_hash", "added_at")
        return [StoredDocument(**dict(zip(fields, row))) for row in rows]

    def documents(self, with_text: bool = False) -> list[StoredDocument]:
        """Every document, oldest first (texts only when asked for: they can be long)."""
        return self._documents("text" if with_text else "'' AS text")

    def document(self, path: str) -> StoredDocument | None:
        found = self._documents("text", "WHERE path = ?", (path,))
        return found[0] if found else None

    def document_contents(self) -> list[tuple[str, bytes]]:
        """``(path, original bytes)`` of every document (its text as UTF-8 when no bytes were kept)."""
        with self._connection() as conn:
            rows = conn.execute("SELECT path, content, text FROM documents ORDER BY added_at, path").fetchall()
        return [(path, content if content is not None else text.encode("utf-8")) for path, content, text in rows]

    # -- questions -----------------------------------------------------------------------------
    def _entry(self, row: tuple) -> BankEntry:
        qid, version, updated_at, data = row
        try:
            question = Question.model_validate_json(data)
        except ValidationError as exc:
            raise BankError(f"{self.path}: question {qid} is broken: {exc.errors()[0]['msg']}") from exc
        return BankEntry(question=question, version=version, updated_at=updated_at)

    @staticmethod
    def _filters(statuses: Iterable[str] | None = None, fact_types: Iterable[str] | None = None,
                 kinds: Iterable[str] | None = None, document: str | None = None,
                 flagged: bool | None = None, documents: Iterable[str] | None = None) -> tuple[str, list]:
        """The SQL ``WHERE`` clause (with its arguments) for the filters of :meth:`entries`."""
        where, args = [], []
        for column, values in (("status", statuses), ("fact_type", fact_types), ("kind", kinds)):
            if values is not None:
                values = list(values)
                where.append(f"q.{column} IN ({', '.join('?' * len(values))})" if values else "0")
                args.extend(values)
        if document is not None:
            where.append("q.id IN (SELECT question_id FROM question_documents WHERE document = ?)")
            args.append(document)
        if documents is not None:
            documents = list(documents)
            where.append("q.id IN (SELECT question_id FROM question_documents WHERE document IN "
                         f"({', '.join('?' * len(documents))}))" if documents else "0")
            args.extend(documents)
        if flagged is not None:
            where.append(f"json_extract(q.data, '$.needs_review') IS {'NOT ' if flagged else ''}NULL")
        return (" WHERE " + " AND ".join(where)) if where else "", args

    def entries(self, *, statuses: Iterable[str] | None = None, fact_types: Iterable[str] | None = None,
                kinds: Iterable[str] | None = None, document: str | None = None,
                flagged: bool | None = None, documents: Iterable[str] | None = None,
                limit: int | None = None, offset: int = 0) -> list[BankEntry]:
        """Stored questions in the order they were added, filtered by any of the given values
        (``flagged``: only those needing review, or only those not; ``documents``: with a source in any
        of them); ``limit`` and ``offset`` read one page of them (filtered and cut by SQL: the other rows
        are never read)."""
        where, args = self._filters(statuses, fact_types, kinds, document, flagged, documents)
        sql = "SELECT q.id, q.version, q.updated_at, q.data FROM questions q" + where + " ORDER BY q.rowid"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [max(0, int(limit)), max(0, int(offset))]
        with self._connection() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [self._entry(r) for r in rows]

    def count_matching(self, **filters) -> int:
        """How many questions :meth:`entries` would give for these filters (counted by SQL)."""
        where, args = self._filters(**filters)
        with self._connection() as conn:
            return conn.execute("SELECT COUNT(*) FROM questions q" + where, args).fetchone()[0]

    # -- settings (kept in the ``meta`` table, beside the bank's marker) ---------------------------
    def setting(self, name: str) -> str | None:
        """A setting a teacher chose (None: never chosen)."""
        with self._connection() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (f"setting:{name}",)).fetchone()
        return row[0] if row else None

    def set_setting(self, name: str, value: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (f"setting:{name}", value))

    def students_see(self) -> str:
        """What the teacher chose students are asked (a key of :data:`STUDENT_POLICIES`), the same for
        every browser and after a restart; :data:`DEFAULT_STUDENT_POLICY` until a teacher chooses."""
        chosen = self.setting(STUDENTS_SEE_SETTING)
        return chosen if chosen in STUDENT_POLICIES else DEFAULT_STUDENT_POLICY

    def questions(self, **filters) -> list[Question]:
        return [e.question for e in self.entries(**filters)]

    def get(self, qid: str) -> BankEntry | None:
        with self._connection() as conn:
            row = conn.execute("SELECT id, version, updated_at, data FROM questions WHERE id = ?", (qid,)).fetchone()
        return self._entry(row) if row else None

    def count(self) -> int:
        with self._connection() as conn:
            return conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0]

    def counts(self) -> dict[str, int]:
        with self._connection() as conn:
            return dict(conn.execute("SELECT status, COUNT(*) FROM questions GROUP BY status").fetchall())

    @staticmethod
    def _insert(conn: sqlite3.Connection, q: Question, stamp: str, generated: bool = False) -> None:
        """Insert ``q``; ``generated``: generation wrote it (its content hash is kept), else a teacher did."""
        conn.execute(
            "INSERT INTO questions (id, kind, fact_type, status, edited, version, updated_at, data, generated_hash) "
            "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
            (q.id, q.kind, q.fact_type, q.status, int(q.edited), stamp, q.model_dump_json(),
             q.content_hash if generated else None),
        )
        link_documents(conn, q.id, q.sources)

    def add_question(self, question: Question) -> BankEntry:
        """Add a question written by hand (or any new one); its id must be free."""
        stamp = now()
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM questions WHERE id = ?", (question.id,)).fetchone():
                raise BankError(f"{self.path}: a question with id {question.id} already exists")
            conn.execute("DELETE FROM deleted_questions WHERE id = ?", (question.id,))
            self._insert(conn, question, stamp)
        return BankEntry(question=question, version=1, updated_at=stamp)

    def _check_version(self, conn: sqlite3.Connection, qid: str, expected: int | None) -> int:
        row = conn.execute("SELECT version FROM questions WHERE id = ?", (qid,)).fetchone()
        if row is None:
            raise StaleEdit(f"question {qid} is no longer in the bank (someone deleted it); reload the page")
        if expected is not None and row[0] != expected:
            raise StaleEdit(f"question {qid} was changed by someone else since you opened it (you edited "
                            f"version {expected}, the bank has version {row[0]}); reload and make your edit again")
        return row[0]

    def update(self, question: Question, expected_version: int | None) -> BankEntry:
        """Replace a question; refused with :class:`StaleEdit` unless the bank still has ``expected_version``.

        ``expected_version=None`` skips the check (use only for changes that cannot conflict).
        """
        stamp = now()
        with self._write() as conn:
            version = self._check_version(conn, question.id, expected_version) + 1
            conn.execute(
                "UPDATE questions SET kind = ?, fact_type = ?, status = ?, edited = ?, version = ?, updated_at = ?, "
                "data = ? WHERE id = ?",
                (question.kind, question.fact_type, question.status, int(question.edited), version, stamp,
                 question.model_dump_json(), question.id),
            )
            link_documents(conn, question.id, question.sources)
        return BankEntry(question=question, version=version, updated_at=stamp)

    def _check_versions(self, conn: sqlite3.Connection, versions: dict[str, int | None]) -> None:
        for qid, expected in versions.items():
            self._check_version(conn, qid, expected)

    def set_status(self, versions: dict[str, int | None], status: Status) -> int:
        """Set the status of the questions ``{id: expected version}`` in one transaction (all or none)."""
        stamp = now()
        with self._write() as conn:
            self._check_versions(conn, versions)
            for qid in versions:
                row = conn.execute("SELECT data FROM questions WHERE id = ?", (qid,)).fetchone()
                update: dict = {"status": status}
                if status == "approved":  # approving again is the teacher's review of a flagged question
                    update["needs_review"] = None
                q = Question.model_validate_json(row[0]).model_copy(update=update)
                conn.execute("UPDATE questions SET status = ?, version = version + 1, updated_at = ?, data = ? "
                             "WHERE id = ?", (status, stamp, q.model_dump_json(), qid))
        return len(versions)

    def delete(self, versions: dict[str, int | None]) -> int:
        """Delete questions ``{id: expected version}``; regeneration will not bring them back."""
        stamp = now()
        with self._write() as conn:
            self._check_versions(conn, versions)
            for qid in versions:
                conn.execute("DELETE FROM questions WHERE id = ?", (qid,))
                conn.execute("INSERT OR REPLACE INTO deleted_questions (id, deleted_at) VALUES (?, ?)", (qid, stamp))
        return len(versions)

    def merge_generated(self, questions: Iterable[Question]) -> MergeReport:
        """Merge freshly generated questions in, by stable id.

        Questions a teacher touched (:func:`touched_by_teacher`: edited, approved, rejected, or content
        different from the hash generation stored) stay exactly as they are; untouched ones are
        refreshed when their generated content changed (a review flag goes with the old content);
        unknown ids are added; deleted ids stay deleted.
        """
        report = MergeReport()
        stamp = now()
        with self._write() as conn:
            deleted = {r[0] for r in conn.execute("SELECT id FROM deleted_questions")}
            stored = {r[0]: (r[1], bool(r[2]), r[3], r[4]) for r in
                      conn.execute("SELECT id, status, edited, data, generated_hash FROM questions")}
            for q in questions:
                if q.id in deleted:
                    report.deleted += 1
                    continue
                fresh = q.model_copy(update={"status": "new", "edited": False, "needs_review": None})
                if q.id not in stored:
                    self._insert(conn, fresh, stamp, generated=True)
                    stored[q.id] = ("new", False, fresh.model_dump_json(), fresh.content_hash)
                    report.added += 1
                    continue
                status, edited, data, generated = stored[q.id]
                if touched_by_teacher(status, edited, self._entry((q.id, 0, "", data)).question.content_hash,
                                      generated):
                    report.kept += 1
                    continue
                if fresh.model_dump_json() == data:
                    report.unchanged += 1
                    continue
                conn.execute("UPDATE questions SET kind = ?, fact_type = ?, version = version + 1, updated_at = ?, "
                             "data = ?, generated_hash = ? WHERE id = ?",
                             (q.kind, q.fact_type, stamp, fresh.model_dump_json(), fresh.content_hash, q.id))
                link_documents(conn, q.id, q.sources)
                report.refreshed += 1
        return report
