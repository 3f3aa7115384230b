"""What the last generation of a bank was made from, kept beside the bank so documents added later are
generated from by themselves (:mod:`studyaid.incremental`).

One SQLite file next to the bank (``bank.sqlite3`` -> ``bank.generation.sqlite3``), written by the
generation job only:

- ``meta``: the version it was made with (code, pipeline, seed: :func:`~studyaid.incremental.version`),
  the documents it holds (logical name -> text hash) and the corroborated fact set of the whole bank;
- ``raw``: each document's raw facts and name mentions, as extraction gave them;
- ``resolved``: each raw fact resolved (names), by document and place in the raw list, with its
  corroboration block (:func:`~studyaid.resolve.corroborate.block_key`), so only a block a new fact
  falls in is corroborated again;
- ``surnames``: the first letters of every surname a document names (names are merged across
  documents only within them), so a new document's names are resolved against those documents only;
- ``words``: each document's topical vocabulary (:mod:`studyaid.questions.relatedness`);
- ``questions``: the questions generation kept, by their answer group, for the bank-wide filter.

A file that cannot be read is no snapshot (the next generation runs in full and writes a new one).
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Iterable, Iterator

from pydantic import BaseModel, TypeAdapter

from ..errors import BankError
from ..facts import Fact, FactSet, Mention
from ..questions.model import Question

_FACTS = TypeAdapter(list[Fact])
_FACT = TypeAdapter(Fact)
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS raw (document TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resolved (document TEXT NOT NULL, idx INTEGER NOT NULL, block TEXT NOT NULL,
                                     data TEXT NOT NULL, PRIMARY KEY (document, idx));
CREATE INDEX IF NOT EXISTS resolved_block ON resolved (block);
CREATE TABLE IF NOT EXISTS surnames (prefix TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (prefix, document));
CREATE TABLE IF NOT EXISTS words (document TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS questions (id TEXT PRIMARY KEY, fact_id TEXT NOT NULL, answer_group TEXT NOT NULL,
                                      data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS questions_group ON questions (answer_group);
"""


class SnapshotError(BankError):
    """The generation snapshot beside a bank cannot be written."""


class Meta(BaseModel):
    version: str
    documents: dict[str, str]  # logical name -> text hash


RawFacts = tuple[list, list[Mention]]
Resolved = dict[int, object]  # place in the document's raw list -> the fact resolved (absent: it cannot stand)


def snapshot_path(bank: Path) -> Path:
    return bank.with_name(f"{bank.stem}.generation.sqlite3")


class Snapshot:
    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as exc:
            raise SnapshotError(f"{self.path}: cannot open the generation snapshot: {exc}") from exc
        try:
            with conn:
                conn.executescript(SCHEMA)
                yield conn
        except sqlite3.Error as exc:
            raise SnapshotError(f"{self.path}: the generation snapshot cannot be used: {exc}") from exc
        finally:
            conn.close()

    # reading ---------------------------------------------------------------------------------------
    def meta(self) -> Meta | None:
        """What the snapshot holds, or None when there is none (or it cannot be read: a full run rebuilds it)."""
        if not self.path.is_file():
            return None
        try:
            with self._connection() as conn:
                row = conn.execute("SELECT value FROM meta WHERE key = 'meta'").fetchone()
            return Meta.model_validate_json(row[0]) if row else None
        except (SnapshotError, ValueError):
            return None

    def fact_set(self) -> FactSet:
        with self._connection() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'facts'").fetchone()
        if row is None:
            raise SnapshotError(f"{self.path}: the generation snapshot has no facts")
        return FactSet.model_validate_json(row[0])

    def raw(self, documents: Iterable[str]) -> dict[str, RawFacts]:
        with self._connection() as conn:
            rows = _select_in(conn, "SELECT document, data FROM raw WHERE document IN ({})", list(documents))
        out = {}
        for document, data in rows:
            loaded = json.loads(data)
            out[document] = (_FACTS.validate_python(loaded["facts"]), [Mention(**m) for m in loaded["mentions"]])
        return out

    def resolved(self, documents: Iterable[str]) -> dict[str, Resolved]:
        with self._connection() as conn:
            rows = _select_in(conn, "SELECT document, idx, data FROM resolved WHERE document IN ({})", list(documents))
        out: dict[str, Resolved] = {}
        for document, idx, data in rows:
            out.setdefault(document, {})[idx] = _FACT.validate_json(data)
        return out

    def in_blocks(self, blocks: Iterable[str]) -> list[tuple[str, int, object]]:
        """``(document, place, fact)`` of every resolved fact in ``blocks``."""
        with self._connection() as conn:
            rows = _select_in(conn, "SELECT document, idx, data FROM resolved WHERE block IN ({})", list(blocks))
        return [(document, idx, _FACT.validate_json(data)) for document, idx, data in rows]

    def documents_naming(self, prefixes: Iterable[str]) -> set[str]:
        with self._connection() as conn:
            return {r[0] for r in _select_in(conn, "SELECT document FROM surnames WHERE prefix IN ({})", list(prefixes))}

    def words(self) -> dict[str, set[str]]:
        with self._connection() as conn:
            return {document: set(json.loads(data)) for document, data in conn.execute("SELECT document, data FROM words")}

    def questions(self, groups: Iterable[str]) -> list[Question]:
        with self._connection() as conn:
            rows = _select_in(conn, "SELECT data FROM questions WHERE answer_group IN ({})", list(groups))
        return [Question.model_validate_json(r[0]) for r in rows]

    # writing ---------------------------------------------------------------------------------------
    def write(self, meta: Meta, facts: FactSet, *, raw: dict[str, RawFacts], resolved: dict[str, Resolved],
              surnames: dict[str, set[str]], words: dict[str, set[str]], questions: list[Question],
              replace: bool, dropped_facts: Iterable[str] = ()) -> None:
        """Store a generation: everything anew (``replace``, a full run) or the documents given added or
        rewritten (an incremental run). One transaction: a reader sees the old snapshot or the new one."""
        from .keys import answer_group, block_id

        with self._connection() as conn:
            if replace:
                for table in ("meta", "raw", "resolved", "surnames", "words", "questions"):
                    conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            conn.executemany("INSERT OR REPLACE INTO raw VALUES (?, ?)", [
                (d, json.dumps({"facts": _FACTS.dump_python(f, mode="json"), "mentions": [asdict(m) for m in m_]}))
                for d, (f, m_) in raw.items()])
            _delete_in(conn, "DELETE FROM resolved WHERE document IN ({})", list(resolved))
            conn.executemany("INSERT INTO resolved VALUES (?, ?, ?, ?)", [
                (d, idx, block_id(f), f.model_dump_json()) for d, facts_of in resolved.items() for idx, f in facts_of.items()])
            conn.executemany("INSERT OR IGNORE INTO surnames VALUES (?, ?)",
                             [(p, d) for d, prefixes in surnames.items() for p in prefixes])
            conn.executemany("INSERT OR REPLACE INTO words VALUES (?, ?)",
                             [(d, json.dumps(sorted(w))) for d, w in words.items()])
            _delete_in(conn, "DELETE FROM questions WHERE fact_id IN ({})", list(dropped_facts))
            conn.executemany("INSERT OR REPLACE INTO questions VALUES (?, ?, ?, ?)",
                             [(q.id, q.fact_id, answer_group(q), q.model_dump_json()) for q in questions])
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('facts', ?)", (facts.model_dump_json(),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('meta', ?)", (meta.model_dump_json(),))


_CHUNK = 500  # SQLite's bound on the parameters of one statement is far above this


def _select_in(conn: sqlite3.Connection, sql: str, values: list) -> list[tuple]:
    rows: list[tuple] = []
    for start in range(0, len(values), _CHUNK):
        part = values[start:start + _CHUNK]
        rows += conn.execute(sql.format(",".join("?" * len(part))), part).fetchall()
    return rows


def _delete_in(conn: sqlite3.Connection, sql: str, values: list) -> None:
    for start in range(0, len(values), _CHUNK):
        part = values[start:start + _CHUNK]
        conn.execute(sql.format(",".join("?" * len(part))), part)
