"""Removing a document from the bank, with its questions, for good.

A removed document leaves a tombstone (the hash of its text) so that nothing brings it back by
itself: the sample articles are not imported again, and a generation that was running when it was
removed merges none of its questions (:func:`purge_orphans`). Adding the same text again on purpose
lifts the tombstone (:func:`forget_removal`).

Questions whose only grounds are the document go with it; a question another document in the bank
corroborates (a source there) stays, the removed document's sources dropped and its corroboration
lowered (:func:`without_document`), unless it is a fill-in-the-gap sentence quoted from the removed
document. Questions a teacher worked on (edited, approved or rejected) are counted first, so the page
can name them before anything is removed; when a trash is available (``studyaid.store.trash``) they
are kept there and can be restored. A rejected question also leaves a tombstone, so adding the
document again does not bring it back as a new question: the rejection stands.

The table is created on first use (``CREATE TABLE IF NOT EXISTS``), beside the numbered schema.
"""
from __future__ import annotations

import re
import sqlite3

from pydantic import BaseModel

from ..errors import BankError
from ..questions.model import Question
from . import Store, now
from .schema import link_documents

_TABLE = ("CREATE TABLE IF NOT EXISTS removed_documents (text_hash TEXT PRIMARY KEY, path TEXT NOT NULL, "
          "title TEXT, removed_at TEXT NOT NULL)")
_LINKED = "SELECT question_id FROM question_documents WHERE document = ?"
_WORK = "(edited = 1 OR status IN ('approved', 'rejected'))"  # a teacher's work: kept in the trash when there is one
_GAP = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")


class DocumentRemoval(BaseModel):
    """What removing one document takes with it."""

    path: str
    title: str | None = None
    questions: int = 0  # every question that goes with the document
    teacher_work: int = 0  # of those, edited, approved or rejected by a teacher
    trashed: int = 0  # of those, kept in the trash (when removed)
    kept: int = 0  # corroborated by another document: they stay, without the removed document's sources


def without_document(question: Question, path: str, others: set[str]) -> Question | None:
    """``question`` as it stands without document ``path``: its sources in ``others`` (the documents
    left in the bank) and one article fewer corroborating it (the explanation's "N articles report
    it" too); None when nothing else grounds it: no source in ``others``, or a fill-in-the-gap sentence
    that quotes the removed document."""
    rest = [s for s in question.sources if s.document != path]
    if len(rest) == len(question.sources):
        return question  # not from that document
    if not any(s.document in others for s in rest):
        return None
    if question.kind == "cloze":
        sentence = " ".join(_GAP.sub(r"\1", question.cloze).split())
        quoted = {" ".join(s.sentence.split()) for s in question.sources if s.document == path}
        if sentence in quoted and sentence not in {" ".join(s.sentence.split()) for s in rest}:
            return None
    count = question.corroboration
    lowered = max(1, count - 1)
    explanation = question.explanation.replace(f" {count} articles report it.",
                                               f" {lowered} articles report it." if lowered > 1 else "")
    return question.model_copy(update={"sources": rest, "corroboration": lowered, "explanation": explanation})


def _table(conn: sqlite3.Connection) -> None:
    conn.execute(_TABLE)


def _kept(conn: sqlite3.Connection, store: Store, path: str) -> dict[str, Question]:
    """The questions of ``path`` another document in the bank corroborates, as they stay without it."""
    others = {r[0] for r in conn.execute("SELECT path FROM documents WHERE path != ?", (path,))}
    rows = conn.execute(f"SELECT id, version, updated_at, data FROM questions WHERE id IN ({_LINKED}) AND id IN "
                        "(SELECT question_id FROM question_documents WHERE document != ?)", (path, path)).fetchall()
    kept = {}
    for row in rows:
        question = without_document(store._entry(row).question, path, others)
        if question is not None:
            kept[question.id] = question
    return kept


def _preview(conn: sqlite3.Connection, store: Store, path: str) -> tuple[DocumentRemoval, dict[str, Question]]:
    row = conn.execute("SELECT title FROM documents WHERE path = ?", (path,)).fetchone()
    if row is None:
        raise BankError(f"{store.path}: no document {path!r} in the bank (removed meanwhile?); reload the page")
    kept = _kept(conn, store, path)
    going = conn.execute(f"SELECT id, {_WORK} FROM questions WHERE id IN ({_LINKED})", (path,)).fetchall()
    going = [(qid, work) for qid, work in going if qid not in kept]
    return DocumentRemoval(path=path, title=row[0], questions=len(going), teacher_work=sum(w for _, w in going),
                           kept=len(kept)), kept


def removal_preview(store: Store, path: str) -> DocumentRemoval:
    """How many questions removing ``path`` would take, and how many of them a teacher worked on."""
    with store._connection() as conn:
        return _preview(conn, store, path)[0]


def remove_document(store: Store, path: str) -> DocumentRemoval:
    """Remove document ``path`` and the questions that go with it, in one transaction (those another
    document corroborates stay, without its sources); its text is remembered so that it is not imported
    again. Raises :class:`BankError` when it is not in the bank."""
    trash = _trash()
    stamp = now()
    with store._write() as conn:
        _table(conn)
        removal, kept = _preview(conn, store, path)
        for qid, question in kept.items():
            _keep(conn, qid, question, stamp)
        digest = conn.execute("SELECT text_hash FROM documents WHERE path = ?", (path,)).fetchone()[0]
        ids = [r[0] for r in conn.execute(_LINKED, (path,)) if r[0] not in kept]
        work = [r[0] for r in conn.execute(f"SELECT id FROM questions WHERE id IN ({_LINKED}) AND {_WORK}", (path,))
                if r[0] not in kept]
        if trash is not None and work:
            removal.trashed = trash(conn, work, reason=f"removed with its document {path}")
        conn.executemany("INSERT OR REPLACE INTO deleted_questions (id, deleted_at) SELECT id, ? FROM questions "
                         "WHERE id = ? AND status = 'rejected'", [(stamp, qid) for qid in ids])
        conn.executemany("DELETE FROM questions WHERE id = ?", [(qid,) for qid in ids])
        conn.execute("DELETE FROM documents WHERE path = ?", (path,))
        conn.execute("INSERT OR REPLACE INTO removed_documents (text_hash, path, title, removed_at) "
                     "VALUES (?, ?, ?, ?)",
                     (digest, path, removal.title, stamp))
    return removal


def _keep(conn: sqlite3.Connection, qid: str, question: Question, stamp: str) -> None:
    """Store a corroborated question without the removed document; one generation left untouched stays
    untouched (its generated hash follows), so a later generation may still refresh it."""
    old = conn.execute("SELECT data FROM questions WHERE id = ?", (qid,)).fetchone()[0]
    old_hash = Question.model_validate_json(old).content_hash
    conn.execute("UPDATE questions SET version = version + 1, updated_at = ?, data = ?, generated_hash = "
                 "CASE WHEN generated_hash = ? THEN ? ELSE generated_hash END WHERE id = ?",
                 (stamp, question.model_dump_json(), old_hash, question.content_hash, qid))
    link_documents(conn, qid, question.sources)


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
    generation that read it before it was removed); returns how many. One another document corroborates
    stays without the removed document's sources (:func:`without_document`). Questions naming a document
    the bank never stored (a re-imported backup) and a teacher's work restored from the trash are left alone."""
    stamp = now()
    with store._write() as conn:
        _table(conn)
        gone = {r[0] for r in conn.execute("SELECT path FROM removed_documents WHERE path NOT IN "
                                           "(SELECT path FROM documents)")}
        others = {r[0] for r in conn.execute("SELECT path FROM documents")}
        rows = conn.execute("SELECT id, version, updated_at, data FROM questions WHERE status = 'new' AND edited = 0 "
                            "AND id IN (SELECT question_id FROM question_documents WHERE document IN "
                            "(SELECT path FROM removed_documents) AND document NOT IN (SELECT path FROM documents))"
                            ).fetchall()
        deleted = []
        for row in rows:
            question = store._entry(row).question
            for path in gone:
                question = without_document(question, path, others) if question is not None else None
            if question is None:
                deleted.append(row[0])
            else:
                _keep(conn, row[0], question, stamp)
        conn.executemany("DELETE FROM questions WHERE id = ?", [(qid,) for qid in deleted])
    return len(deleted)


def question_counts(store: Store) -> dict[str, int]:
    """Questions per document path."""
    with store._connection() as conn:
        return dict(conn.execute("SELECT document, COUNT(*) FROM question_documents GROUP BY document").fetchall())
