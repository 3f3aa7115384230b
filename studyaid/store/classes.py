"""Class quizzes in the bank's SQLite file: published quizzes, students' attempts and every answer.

Three tables, created on first use (``CREATE TABLE IF NOT EXISTS``, beside the numbered schema, as the
trash is): ``class_quizzes`` (the code, title, open or closed, and the questions as published, JSON),
``class_attempts`` (one per student name per quiz: the same name joining again continues it) and
``class_answers`` (one per attempt and question: the first answer given stands, graded on the server
with :func:`studyaid.app.answers.check_answer` against the question as published). Each answer is
written in its own transaction the moment it is given, so a reload or a crashed server loses nothing.
Reads never take the write lock, and read nothing from a bank that has no class tables yet.
"""
from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Iterable

from pydantic import ValidationError

from ..app.answers import check_answer
from ..classroom.codes import name_key, new_code, read_code, read_name
from ..classroom.models import Attempt, ClassAnswer, ClassError, ClassQuiz
from ..errors import BankError
from ..questions.model import Question
from . import Store, now

__all__ = ["answers", "attempt", "attempts", "join", "publish", "quiz", "quizzes", "record_answer", "remove_attempt",
           "set_open"]

_TABLES = (
    "CREATE TABLE IF NOT EXISTS class_quizzes (code TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL, "
    "closed_at TEXT, show_answers INTEGER NOT NULL DEFAULT 1, questions TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS class_attempts (id TEXT PRIMARY KEY, "
    "code TEXT NOT NULL REFERENCES class_quizzes(code) ON DELETE CASCADE, name TEXT NOT NULL, "
    "name_key TEXT NOT NULL, started_at TEXT NOT NULL, UNIQUE (code, name_key))",
    "CREATE TABLE IF NOT EXISTS class_answers (attempt_id TEXT NOT NULL REFERENCES class_attempts(id) "
    "ON DELETE CASCADE, question_id TEXT NOT NULL, given TEXT NOT NULL, correct INTEGER NOT NULL, "
    "answered_at TEXT NOT NULL, PRIMARY KEY (attempt_id, question_id))",
)
MAX_TITLE = 120
MAX_GIVEN = 500  # characters of a typed answer kept (grading reads no further than the right answer's length)
CODE_TRIES = 50


def _tables(conn: sqlite3.Connection) -> None:
    for statement in _TABLES:
        conn.execute(statement)


def _exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'class_answers'").fetchone() \
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


def answers(store: Store, *, code: str | None = None, attempt_id: str | None = None) -> list[ClassAnswer]:
    """The answers of one attempt, or of every attempt at quiz ``code``, in the order they were given."""
    if (code is None) == (attempt_id is None):
        raise ValueError("give exactly one of code and attempt_id")
    sql = "SELECT a.attempt_id, a.question_id, a.given, a.correct, a.answered_at FROM class_answers a "
    if code is not None:
        sql += "JOIN class_attempts t ON t.id = a.attempt_id WHERE t.code = ?"
    else:
        sql += "WHERE a.attempt_id = ?"
    with store._connection() as conn:
        rows = conn.execute(sql + " ORDER BY a.answered_at, a.rowid", (code if code is not None else attempt_id,)
                            ).fetchall() if _exists(conn) else []
    return [ClassAnswer(**dict(zip(_FIELDS, (*r[:3], bool(r[3]), r[4])))) for r in rows]


def record_answer(store: Store, attempt_id: str, question_id: str, given: str) -> tuple[ClassAnswer, bool]:
    """Grade and store an answer at once; returns it and whether it is new. The first answer to a
    question stands (a second click or a second tab gets the stored one back). A closed quiz, an
    unknown attempt or a question not in the quiz is refused with :class:`ClassError`."""
    given = (given or "").strip()[:MAX_GIVEN]
    if not given:
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
            return ClassAnswer(**dict(zip(_FIELDS, (*stored[:3], bool(stored[3]), stored[4])))), False
        if not published.is_open:
            raise ClassError(f"the quiz {published.code} was closed by your teacher: this answer was not stored")
        answer = ClassAnswer(attempt_id=attempt_id, question_id=question_id, given=given,
                             correct=check_answer(question, given), answered_at=now())
        conn.execute("INSERT INTO class_answers (attempt_id, question_id, given, correct, answered_at) "
                     "VALUES (?, ?, ?, ?, ?)", (attempt_id, question_id, given, int(answer.correct),
                                                answer.answered_at))
    return answer, True


def remove_attempt(store: Store, attempt_id: str) -> int:
    """Delete an attempt and its answers (a joke name, a student who joined twice under two names);
    returns how many answers went with it. The name can join again, as a new attempt."""
    with store._write() as conn:
        _tables(conn)
        if not conn.execute("SELECT 1 FROM class_attempts WHERE id = ?", (attempt_id,)).fetchone():
            raise ClassError(f"no such attempt ({attempt_id}): someone removed it already")
        removed = conn.execute("DELETE FROM class_answers WHERE attempt_id = ?", (attempt_id,)).rowcount
        conn.execute("DELETE FROM class_attempts WHERE id = ?", (attempt_id,))
    return removed
