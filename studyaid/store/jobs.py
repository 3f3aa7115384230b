"""Generation jobs kept in the bank: what is running, how far it got, and how it ended.

One row per job (``queued`` → ``running`` → ``done`` or ``failed``) with its progress fraction and
message, documents done of how many, the problems met (documents that could not be used) and, for a
failed job, its error. At most one job is unfinished at a time per bank: a partial unique index makes
the unfinished row the lock, so two browsers, two server processes or a reload never start two.

A job names its *owner* (``host:pid:token``) and beats a heartbeat on every progress report. When the
owner is gone (its process died, or its thread did, or no heartbeat came for :data:`STALE_AFTER`
seconds) the next start takes the job over (``attempts`` + 1) and runs it again from the stored
documents; the work is idempotent, and the parse and fact caches make the finished part cheap.
After :data:`MAX_ATTEMPTS` takeovers the job is marked failed instead of being retried for ever.

The table is created on first use (``CREATE TABLE IF NOT EXISTS``): it is state of the app's
background work, not part of the question bank's numbered schema.
"""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Literal

from pydantic import BaseModel

from ..errors import BankError
from . import Store, now

JobKind = Literal["first_start", "generate"]
JobState = Literal["queued", "running", "done", "failed"]
UNFINISHED = ("queued", "running")
STALE_AFTER = 30 * 60  # seconds without a heartbeat after which a running job counts as abandoned
MAX_ATTEMPTS = 3

_TABLE = """
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    progress REAL NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    documents_done INTEGER NOT NULL DEFAULT 0,
    documents_total INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    problems TEXT NOT NULL DEFAULT '[]',
    owner TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    heartbeat_at TEXT,
    finished_at TEXT
)"""
_LOCK = "CREATE UNIQUE INDEX IF NOT EXISTS jobs_one_unfinished ON jobs ((1)) WHERE state IN ('queued', 'running')"
_COLUMNS = ("id", "kind", "state", "progress", "message", "documents_done", "documents_total", "error", "problems",
            "owner", "attempts", "created_at", "heartbeat_at", "finished_at")


class JobLost(BankError):
    """The job was taken over by another runner (this one was thought dead): stop without writing."""


class Job(BaseModel):
    id: int
    kind: JobKind
    state: JobState
    progress: float = 0.0
    message: str = ""
    documents_done: int = 0
    documents_total: int = 0
    error: str | None = None
    problems: list[str] = []
    owner: str | None = None
    attempts: int = 0
    created_at: str
    heartbeat_at: str | None = None
    finished_at: str | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


def new_owner(pid: int | None = None) -> str:
    """A runner's name: this host, its process (this one unless ``pid`` is given) and a token."""
    return f"{socket.gethostname()}:{pid or os.getpid()}:{uuid.uuid4().hex[:12]}"


def _pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs; a zombie (killed, not yet reaped: in a container whose first
    process reaps nothing it stays one) does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user has this pid
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc here: the signal check is all there is
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]


def owner_alive(job: Job, live_tokens: set[str], at: datetime | None = None) -> bool:
    """Whether the runner named in ``job`` can still be working on it.

    A queued job has no runner yet and counts as alive only briefly (its starter claims it at once);
    in this process the runner is alive while its token is in ``live_tokens``; in another process on
    this host while that process exists; on another host while its heartbeat is recent."""
    at = at or datetime.now(timezone.utc)
    beat = datetime.fromisoformat(job.heartbeat_at or job.created_at)
    if (at - beat).total_seconds() > STALE_AFTER:
        return False
    if not job.owner:
        return job.state == "queued" and (at - beat).total_seconds() < 60
    parts = job.owner.rsplit(":", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return False  # not a runner's name: nobody can be running it
    host, pid, token = parts
    if host != socket.gethostname():
        return True
    if int(pid) == os.getpid():
        return token in live_tokens
    return _pid_alive(int(pid))


class Jobs:
    """The jobs of the bank ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        with store._connection() as conn:
            ready = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'jobs_one_unfinished'"
                                 ).fetchone()
        if not ready:  # a read first: pages that only look at the job take no write lock
            with store._write() as conn:
                conn.execute(_TABLE)
                conn.execute(_LOCK)

    def _select(self, conn: sqlite3.Connection, where: str, args: tuple = ()) -> Job | None:
        row = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM jobs {where}", args).fetchone()
        if row is None:
            return None
        data = dict(zip(_COLUMNS, row))
        data["problems"] = json.loads(data["problems"])
        return Job(**data)

    def get(self, job_id: int) -> Job | None:
        with self.store._connection() as conn:
            return self._select(conn, "WHERE id = ?", (job_id,))

    def latest(self, kind: JobKind | None = None) -> Job | None:
        """The newest job (of ``kind``), finished or not."""
        with self.store._connection() as conn:
            if kind is None:
                return self._select(conn, "ORDER BY id DESC LIMIT 1")
            return self._select(conn, "WHERE kind = ? ORDER BY id DESC LIMIT 1", (kind,))

    def unfinished(self) -> Job | None:
        with self.store._connection() as conn:
            return self._select(conn, "WHERE state IN ('queued', 'running')")

    def acquire(self, kind: JobKind, owner: str, alive: Callable[[Job], bool]) -> tuple[Job, bool]:
        """Take the lock for a job of ``kind`` in one transaction: ``(job, whether owner now runs it)``.

        With no unfinished job a new one starts, run by ``owner``. An unfinished job whose runner is
        alive is returned untouched (``False``: someone else runs it). An abandoned one is taken over
        by ``owner`` (its kind kept: a first start stays a first start), or, after :data:`MAX_ATTEMPTS`
        tries, marked failed and returned (``False``): a job that kills its process is not run for ever."""
        stamp = now()
        with self.store._write() as conn:
            current = self._select(conn, "WHERE state IN ('queued', 'running')")
            if current is not None and alive(current):
                return current, False
            if current is not None and current.attempts < MAX_ATTEMPTS:
                conn.execute("UPDATE jobs SET state = 'running', owner = ?, attempts = attempts + 1, heartbeat_at = ?, "
                             "message = ? WHERE id = ?",
                             (owner, stamp, f"resumed after an interruption (attempt {current.attempts + 1})",
                              current.id))
                return self._select(conn, "WHERE id = ?", (current.id,)), True
            if current is not None:  # given up: not retried by itself, a new request starts afresh
                conn.execute("UPDATE jobs SET state = 'failed', finished_at = ?, error = ? WHERE id = ?",
                             (stamp, f"stopped after {current.attempts} attempts, each interrupted before it "
                                     "finished (the server or the job's process was killed, or ran out of memory)",
                              current.id))
                return self._select(conn, "WHERE id = ?", (current.id,)), False
            cursor = conn.execute("INSERT INTO jobs (kind, state, owner, attempts, created_at, heartbeat_at, message) "
                                  "VALUES (?, 'running', ?, 1, ?, ?, 'starting')", (kind, owner, stamp, stamp))
            return self._select(conn, "WHERE id = ?", (cursor.lastrowid,)), True

    def _owned(self, conn: sqlite3.Connection, job_id: int, owner: str) -> None:
        row = conn.execute("SELECT owner, state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None or row[0] != owner or row[1] not in UNFINISHED:
            raise JobLost(f"{self.store.path}: job {job_id} is no longer run by {owner}")

    def report(self, job_id: int, owner: str, progress: float, message: str,
               documents_done: int | None = None, documents_total: int | None = None) -> None:
        """Progress and heartbeat; :class:`JobLost` when another runner has taken the job over."""
        with self.store._write() as conn:
            self._owned(conn, job_id, owner)
            conn.execute("UPDATE jobs SET progress = ?, message = ?, heartbeat_at = ?, "
                         "documents_done = COALESCE(?, documents_done), "
                         "documents_total = COALESCE(?, documents_total) WHERE id = ?",
                         (max(0.0, min(1.0, progress)), message, now(), documents_done, documents_total, job_id))

    def finish(self, job_id: int, owner: str, *, error: str | None = None, problems: list[str] = (),
               message: str = "") -> Job:
        """Mark the job ``done`` (or ``failed`` with ``error``), with the problems met on the way."""
        with self.store._write() as conn:
            self._owned(conn, job_id, owner)
            conn.execute("UPDATE jobs SET state = ?, error = ?, problems = ?, message = ?, finished_at = ?, "
                         "heartbeat_at = ?, progress = CASE WHEN ? IS NULL THEN 1.0 ELSE progress END WHERE id = ?",
                         ("failed" if error else "done", error, json.dumps(list(problems)), message, now(), now(),
                          error, job_id))
            return self._select(conn, "WHERE id = ?", (job_id,))
