"""The bank's schema: numbered migrations (``PRAGMA user_version``) and the checks that refuse a
file that is not a studyaid bank, or is one from a newer studyaid."""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import BankError

DB_ENV = "STUDYAID_DB"
APP_ID = "studyaid"


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (``BEGIN IMMEDIATE``, so two writers queue instead of
    deadlocking): committed when the block ends, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Statements one by one (``executescript`` would commit the migration's transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            path TEXT PRIMARY KEY,        -- logical name: seeds/x.txt, uploads/y.html, pasted/z.txt
            title TEXT,
            format TEXT NOT NULL,
            text TEXT NOT NULL,           -- the text sources' start:end index
            text_hash TEXT NOT NULL,
            content BLOB,                 -- the original file, to regenerate from
            added_at TEXT NOT NULL
        );
        CREATE TABLE questions (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            fact_type TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'approved', 'rejected')),
            edited INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL            -- the whole Question as JSON
        );
        CREATE TABLE deleted_questions (id TEXT PRIMARY KEY, deleted_at TEXT NOT NULL);
        """
    )
    conn.execute("INSERT INTO meta (key, value) VALUES ('app', ?)", (APP_ID,))


def _v2(conn: sqlite3.Connection) -> None:
    """Which documents each question comes from, for filtering by source set."""
    _run(
        conn,
        """
        CREATE TABLE question_documents (
            question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            document TEXT NOT NULL,
            PRIMARY KEY (question_id, document)
        );
        CREATE INDEX question_documents_document ON question_documents (document);
        CREATE INDEX questions_status ON questions (status, fact_type);
        """
    )
    for qid, data in conn.execute("SELECT id, data FROM questions").fetchall():
        link_documents(conn, qid, json.loads(data).get("sources", []))


def _v3(conn: sqlite3.Connection) -> None:
    """The hash of what generation wrote, per question: a change made any other way is a teacher's.
    Questions stored before have none (their ``edited`` flag and status decide, as before)."""
    conn.execute("ALTER TABLE questions ADD COLUMN generated_hash TEXT")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3)
SCHEMA_VERSION = len(MIGRATIONS)


def link_documents(conn: sqlite3.Connection, qid: str, sources: Iterable) -> None:
    conn.execute("DELETE FROM question_documents WHERE question_id = ?", (qid,))
    names = {s["document"] if isinstance(s, dict) else s.document for s in sources}
    conn.executemany("INSERT INTO question_documents (question_id, document) VALUES (?, ?)",
                     [(qid, name) for name in sorted(names)])


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Check that ``conn`` is a studyaid bank (or empty) and bring it to :data:`SCHEMA_VERSION`."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]  # raises for a non-SQLite file
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == 0 and tables:
        raise BankError(f"{path}: not a studyaid bank: an SQLite database with other tables "
                        f"({', '.join(sorted(tables)[:5])}); set {DB_ENV} to another file")
    if version > SCHEMA_VERSION:
        raise BankError(f"{path}: the bank has schema version {version}, newer than this studyaid "
                        f"understands ({SCHEMA_VERSION}); upgrade studyaid or use another file")
    if version > 0:
        marker = None
        if "meta" in tables:
            marker = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        if not marker or marker[0] != APP_ID:
            raise BankError(f"{path}: not a studyaid bank (schema version {version} but no studyaid "
                            f"marker); set {DB_ENV} to another file")
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        with immediate(conn):
            if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                continue  # another process migrated meanwhile: nothing to do, nothing written
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
