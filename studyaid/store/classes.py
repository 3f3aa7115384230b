"""Class quizzes in the bank's SQLite file: published quizzes, students' attempts and every answer.

Four tables, created on first use (``CREATE TABLE IF NOT EXISTS``, beside the numbered schema, as the
trash is): ``class_quizzes`` (the code, title, open or closed, and the questions as published, JSON),
``class_attempts`` (one per student name per quiz: the same name joining again continues it),
``class_answers`` (one per attempt and question: the first answer given stands, graded on the server
with :func:`studyaid.app.answers.check_answer` against the question as published) and
``class_gap_answers`` (a cloze with several gaps: one row per gap, graded gap by gap with
:func:`studyaid.app.answers.check_gaps`; its ``class_answers`` row is right only when every gap is).
Each answer is written in its own transaction the moment it is given, so a reload or a crashed server
loses nothing. Reads never take the write lock, and read nothing from a bank that has no class tables yet.
A teacher deletes a quiz with its attempts and answers only by typing its code (:func:`delete_quiz`).
"""
from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Iterable, Sequence

from pydantic import ValidationError

from ..app.answers import check_answer, check_gaps
from ..classroom.codes import is_code, name_key, new_code, read_code, read_name
from ..classroom.models import GAP_SEPARATOR, Attempt, ClassAnswer, ClassError, ClassQuiz, GapAnswer, gap_count
from ..errors import BankError
from ..questions.model import Question
from . import Store, now

__all__ = ["answers", "attempt", "attempts", "delete_quiz", "join", "publish", "quiz", "quizzes",
           "record_answer", "remove_attempt", "set_open"]

_TABLES = (
    "CREATE TABLE IF NOT EXISTS class_quizzes (code TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL, "
    "closed_at TEXT, show_answers INTEGER NOT NULL DEFAULT 1, questions TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS class_attempts (id TEXT PRIMARY KEY, "
    "code TEXT NOT NULL REFERENCES class_quizzes(code) ON DELETE CASCADE, name TEXT NOT NULL, "
    "name_key TEXT NOT NULL, started_at TEXT NOT NULL, UNIQUE (code, name_key))",
    "CREATE TABLE IF NOT EXISTS class_answers (attempt_id TEXT NOT NULL REFERENCES class_attempts(id) "
    "ON DELETE CASCADE, question_id TEXT NOT NULL, given TEXT NOT NULL, correct INTEGER NOT NULL, "
    "answered_at TEXT NOT NULL, PRIMARY KEY (attempt_id, question_id))",
    "CREATE TABLE IF NOT EXISTS class_gap_answers (attempt_id TEXT NOT NULL, question_id TEXT NOT NULL, "
    "gap INTEGER NOT NULL, given TEXT NOT NULL, correct INTEGER NOT NULL, PRIMARY KEY (attempt_id, question_id, gap))",
)
MAX_TITLE = 120
MAX_GIVEN = 500  # characters of a typed answer kept (grading reads no further than the right answer's length)
CODE_TRIES = 50


def _tables(conn: sqlite3.Connection) -> None:
    for statement in _TABLES:
        conn.execute(statement)


def _exists(conn: sqlite3.Connection, table: str = "class_answers") -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() \
        is not None


_QUIZ = "SELECT code, title, created_at, closed_at, show_answers, questions FROM class_quizzes"


def _quiz(store: Store, row: tuple) -> ClassQuiz:
    code, title, created_at, closed_at, show_answers, data = row
    try:
        questions = [Question.model_validate(q) for q in json.loads(data)]
        return ClassQuiz(code=code, title=title, created_at=created_at, closed_at=closed_at,
                         show_answers=bool(show_answers), questions=questions)
    except (ValueError, ValidationError) as exc:
        raise BankError(f"{store.path}: class quiz {code} is broken: {exc}") from exc


def publish(store: Store, title: str, questions: Iterable[Question], *, show_answers: bool = True) -> ClassQuiz:
    """Publish ``questions`` (in this order, as they are now) under a new unique code."""
    title = " ".join((title or "").split())
    chosen = list(questions)
    if not title:
        raise ClassError("give the quiz a title, so that students know they joined the right one")
    if len(title) > MAX_TITLE:
        raise ClassError(f"a quiz title is at most {MAX_TITLE} characters (this one has {len(title)})")
    if not chosen:
        raise ClassError("a quiz needs at least one question: approve some in “Review questions” first")
    if len({q.id for q in chosen}) != len(chosen):
        raise ClassError("a quiz cannot ask the same question twice")
    data = json.dumps([q.model_dump(mode="json") for q in chosen], ensure_ascii=False)
    stamp = now()
    with store._write() as conn:
        _tables(conn)
        for _ in range(CODE_TRIES):
            code = new_code()
            if not conn.execute("SELECT 1 FROM class_quizzes WHERE code = ?", (code,)).fetchone():
                break
        else:
            raise ClassError(f"{store.path}: no free quiz code found in {CODE_TRIES} tries")
        conn.execute("INSERT INTO class_quizzes (code, title, created_at, closed_at, show_answers, questions) "
                     "VALUES (?, ?, ?, NULL, ?, ?)", (code, title, stamp, int(show_answers), data))
    return ClassQuiz(code=code, title=title, created_at=stamp, show_answers=show_answers, questions=chosen)


def quizzes(store: Store) -> list[ClassQuiz]:
    """Every published quiz, the newest first."""
    with store._connection() as conn:
        rows = conn.execute(_QUIZ + " ORDER BY created_at DESC, code").fetchall() if _exists(conn) else []
    return [_quiz(store, r) for r in rows]


def quiz(store: Store, code: str) -> ClassQuiz | None:
    with store._connection() as conn:
        row = conn.execute(_QUIZ + " WHERE code = ?", (code,)).fetchone() if _exists(conn) else None
    return _quiz(store, row) if row else None


def set_open(store: Store, code: str, is_open: bool) -> ClassQuiz:
    """Close a quiz to new answers and new students, or reopen it."""
    with store._write() as conn:
        _tables(conn)
        changed = conn.execute("UPDATE class_quizzes SET closed_at = ? WHERE code = ?",
                               (None if is_open else now(), code)).rowcount
    if not changed:
        raise ClassError(f"there is no quiz with the code {code}")
    return quiz(store, code)


def join(store: Store, code: str, name: str) -> tuple[Attempt, bool]:
    """The attempt of ``name`` at quiz ``code`` (typed as students type them) and whether it existed
    already: the same name continues its attempt, even once the quiz is closed (to see the results);
    a new name cannot join a closed quiz."""
    code, name = read_code(code), read_name(name)
    key = name_key(name)
    with store._write() as conn:
        _tables(conn)
        found = conn.execute("SELECT closed_at FROM class_quizzes WHERE code = ?", (code,)).fetchone()
        if found is None:
            raise ClassError(f"there is no quiz with the code {code}: check it with your teacher")
        row = conn.execute("SELECT id, code, name, started_at FROM class_attempts WHERE code = ? AND name_key = ?",
                           (code, key)).fetchone()
        if row is not None:
            return Attempt(**dict(zip(("id", "code", "name", "started_at"), row))), True
        if found[0] is not None:
            raise ClassError(f"the quiz {code} is closed: your teacher can reopen it")
        attempt = Attempt(id=uuid.uuid4().hex, code=code, name=name, started_at=now())
        conn.execute("INSERT INTO class_attempts (id, code, name, name_key, started_at) VALUES (?, ?, ?, ?, ?)",
                     (attempt.id, code, name, key, attempt.started_at))
    return attempt, False


def attempt(store: Store, attempt_id: str) -> Attempt | None:
    with store._connection() as conn:
        row = conn.execute("SELECT id, code, name, started_at FROM class_attempts WHERE id = ?",
                           (attempt_id,)).fetchone() if _exists(conn) else None
    return Attempt(**dict(zip(("id", "code", "name", "started_at"), row))) if row else None


def attempts(store: Store, code: str) -> list[Attempt]:
    """Every attempt at quiz ``code``, in the order students joined."""
    with store._connection() as conn:
        rows = conn.execute("SELECT id, code, name, started_at FROM class_attempts WHERE code = ? "
                            "ORDER BY started_at, rowid", (code,)).fetchall() if _exists(conn) else []
    return [Attempt(**dict(zip(("id", "code", "name", "started_at"), r))) for r in rows]


_FIELDS = ("attempt_id", "question_id", "given", "correct", "answered_at")


def _gap_rows(conn: sqlite3.Connection, where: str, args: tuple) -> dict[tuple[str, str], list[GapAnswer]]:
    """``{(attempt, question): [gap answers in gap order]}`` (nothing on a bank without the table)."""
    if not _exists(conn, "class_gap_answers"):
        return {}
    found: dict[tuple[str, str], list[GapAnswer]] = {}
    for attempt_id, question_id, given, correct in conn.execute(
            "SELECT g.attempt_id, g.question_id, g.given, g.correct FROM class_gap_answers g " + where +
            " ORDER BY g.attempt_id, g.question_id, g.gap", args):
        found.setdefault((attempt_id, question_id), []).append(GapAnswer(given=given, correct=bool(correct)))
    return found


def _answer(row: tuple, gap_rows: dict[tuple[str, str], list[GapAnswer]]) -> ClassAnswer:
    return ClassAnswer(**dict(zip(_FIELDS, (*row[:3], bool(row[3]), row[4]))), gaps=gap_rows.get((row[0], row[1]), []))


def answers(store: Store, *, code: str | None = None, attempt_id: str | None = None) -> list[ClassAnswer]:
    """The answers of one attempt, or of every attempt at quiz ``code``, in the order they were given
    (a multi-gap cloze with its answer per gap)."""
    if (code is None) == (attempt_id is None):
        raise ValueError("give exactly one of code and attempt_id")
    sql = "SELECT a.attempt_id, a.question_id, a.given, a.correct, a.answered_at FROM class_answers a "
    if code is not None:
        where, gap_where = "JOIN class_attempts t ON t.id = a.attempt_id WHERE t.code = ?", \
            "JOIN class_attempts t ON t.id = g.attempt_id WHERE t.code = ?"
    else:
        where, gap_where = "WHERE a.attempt_id = ?", "WHERE g.attempt_id = ?"
    key = (code if code is not None else attempt_id,)
    with store._connection() as conn:
        if not _exists(conn):
            return []
        rows = conn.execute(sql + where + " ORDER BY a.answered_at, a.rowid", key).fetchall()
        gap_rows = _gap_rows(conn, gap_where, key)
    return [_answer(r, gap_rows) for r in rows]


def _graded(question: Question, given: str | Sequence[str]) -> tuple[str, bool, list[GapAnswer]]:
    """``(given as stored, right?, per-gap answers)``: a cloze with several gaps takes one typed answer
    per gap (every gap filled), graded gap by gap, and is right only when every gap is; any other
    question takes one answer."""
    boxes = gap_count(question)
    typed = [given] if isinstance(given, str) else list(given)
    typed = [(t or "").strip()[:MAX_GIVEN] for t in typed]
    if len(typed) != boxes:
        raise ClassError(f"question {question.id} has {boxes} gap(s) to fill, not {len(typed)} answer(s)")
    if not all(typed):
        raise ClassError("an empty answer is not stored: choose an option or type an answer"
                         if boxes == 1 else "fill in every gap: an answer with an empty gap is not stored")
    if boxes == 1:
        return typed[0], check_answer(question, typed[0]), []
    marks = check_gaps(question, typed)
    return GAP_SEPARATOR.join(typed), all(marks), [GapAnswer(given=t, correct=m) for t, m in zip(typed, marks)]


def record_answer(store: Store, attempt_id: str, question_id: str,
                  given: str | Sequence[str]) -> tuple[ClassAnswer, bool]:
    """Grade and store an answer at once; returns it and whether it is new. ``given`` is the answer,
    or for a cloze with several gaps the list of what was typed in each gap. The first answer to a
    question stands (a second click or a second tab gets the stored one back). A closed quiz, an
    unknown attempt, a question not in the quiz or an empty answer (gap) is refused with :class:`ClassError`."""
    given = given or ""
    if not (given.strip() if isinstance(given, str) else any((t or "").strip() for t in given)):
        raise ClassError("an empty answer is not stored: choose an option or type an answer")
    with store._write() as conn:
        _tables(conn)
        row = conn.execute("SELECT q.code, q.title, q.created_at, q.closed_at, q.show_answers, q.questions "
                           "FROM class_quizzes q JOIN class_attempts t ON t.code = q.code WHERE t.id = ?",
                           (attempt_id,)).fetchone()
        if row is None:
            raise ClassError(f"no such attempt ({attempt_id}): join the quiz again with its code and your name")
        published = _quiz(store, row)
        question = published.question(question_id)
        stored = conn.execute("SELECT " + ", ".join(_FIELDS) + " FROM class_answers WHERE attempt_id = ? AND "
                              "question_id = ?", (attempt_id, question_id)).fetchone()
        if stored is not None:
            return _answer(stored, _gap_rows(conn, "WHERE g.attempt_id = ? AND g.question_id = ?",
                                             (attempt_id, question_id))), False
        if not published.is_open:
            raise ClassError(f"the quiz {published.code} was closed by your teacher: this answer was not stored")
        text, correct, per_gap = _graded(question, given)
        answer = ClassAnswer(attempt_id=attempt_id, question_id=question_id, given=text, correct=correct,
                             answered_at=now(), gaps=per_gap)
        conn.execute("INSERT INTO class_answers (attempt_id, question_id, given, correct, answered_at) "
                     "VALUES (?, ?, ?, ?, ?)", (attempt_id, question_id, text, int(correct), answer.answered_at))
        conn.executemany("INSERT INTO class_gap_answers (attempt_id, question_id, gap, given, correct) "
                         "VALUES (?, ?, ?, ?, ?)", [(attempt_id, question_id, n, g.given, int(g.correct))
                                                    for n, g in enumerate(per_gap, 1)])
    return answer, True


def remove_attempt(store: Store, attempt_id: str) -> int:
    """Delete an attempt and its answers (a joke name, a student who joined twice under two names);
    returns how many answers went with it. The name can join again, as a new attempt."""
    with store._write() as conn:
        _tables(conn)
        if not conn.execute("SELECT 1 FROM class_attempts WHERE id = ?", (attempt_id,)).fetchone():
            raise ClassError(f"no such attempt ({attempt_id}): someone removed it already")
        removed = conn.execute("DELETE FROM class_answers WHERE attempt_id = ?", (attempt_id,)).rowcount
        conn.execute("DELETE FROM class_gap_answers WHERE attempt_id = ?", (attempt_id,))
        conn.execute("DELETE FROM class_attempts WHERE id = ?", (attempt_id,))
    return removed


def delete_quiz(store: Store, code: str, typed: str) -> tuple[int, int]:
    """Delete quiz ``code`` with every attempt and answer, once the teacher has typed its code
    (``typed``, read as students type codes); returns ``(attempts, answers)`` deleted. A typed code
    that is not this quiz's deletes nothing (:class:`ClassError`)."""
    if not is_code(typed, code):
        raise ClassError(f"type the quiz's code {code} to delete it: nothing was deleted")
    with store._write() as conn:
        _tables(conn)
        if not conn.execute("SELECT 1 FROM class_quizzes WHERE code = ?", (code,)).fetchone():
            raise ClassError(f"there is no quiz with the code {code}: someone deleted it already")
        mine = "SELECT id FROM class_attempts WHERE code = ?"
        conn.execute(f"DELETE FROM class_gap_answers WHERE attempt_id IN ({mine})", (code,))
        gone_answers = conn.execute(f"DELETE FROM class_answers WHERE attempt_id IN ({mine})", (code,)).rowcount
        gone_attempts = conn.execute("DELETE FROM class_attempts WHERE code = ?", (code,)).rowcount
        conn.execute("DELETE FROM class_quizzes WHERE code = ?", (code,))
    return gone_attempts, gone_answers
