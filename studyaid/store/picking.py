"""What the student page and the class quiz's publish form read from the bank: the pool's size, its
articles and fact types, and a quiz's questions, each by one query that filters in SQL, so a bank of
10,000 questions is never loaded into a page.

The students' pool: what the teacher chose (``Store.students_see``: every question not rejected, the
default, or approved questions only); a question flagged for review (its source changed) never.
:func:`pick` takes the best-ranked candidates of a choice (the ranker's score plus a little variety
seeded per quiz, computed in SQL) and reads only a bounded number of them, whatever the size of the bank.
A class quiz asks from its own statuses (approved only) by the same rule (never a flagged question):
:func:`one_per_fact` lists its questions in the order they are asked without decoding any.
"""
from __future__ import annotations

import hashlib
from typing import Sequence

from pydantic import BaseModel

from ..questions.model import Question
from . import STUDENT_POLICIES, Store

__all__ = ["Choice", "Line", "PoolSummary", "candidates", "count", "fact_types", "one_per_fact", "pick_candidates",
           "pool_documents", "pool_summary", "questions_by_id"]

SCORE_VARIETY = 0.15  # as much as a weaker question may be lifted above a better one (as quiz.pick_questions)
CANDIDATES = 4  # candidates read per question asked (then 40 more): room to skip repeated facts and answers
EXTRA_CANDIDATES = 40
_NOT_FLAGGED = "json_extract(q.data, '$.needs_review') IS NULL"


class PoolSummary(BaseModel):
    """Which statuses students see, and how many questions that is."""

    statuses: tuple[str, ...]
    size: int
    approved_only: bool


class Choice(BaseModel):
    """A choice of questions: the pool's statuses, the articles (empty: all), the question kinds and the
    fact types (empty: all)."""

    statuses: tuple[str, ...]
    documents: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ("mcq", "cloze")
    fact_types: tuple[str, ...] = ()


class Line(BaseModel):
    """What a list of questions shows of one, read as columns (the question itself is not decoded)."""

    id: str
    kind: str
    fact_type: str
    prompt: str
    answer: str


def pool_summary(store: Store) -> PoolSummary:
    """The students' pool by counts alone: no question is read."""
    with store._connection() as conn:
        counts = dict(conn.execute(f"SELECT q.status, COUNT(*) FROM questions q WHERE {_NOT_FLAGGED} "
                                   "GROUP BY q.status").fetchall())
    policy = store.students_see()
    statuses = STUDENT_POLICIES[policy]
    return PoolSummary(statuses=statuses, size=sum(counts.get(s, 0) for s in statuses),
                       approved_only=policy == "approved")


def _where(choice: Choice) -> tuple[str, list]:
    clauses, args = [_NOT_FLAGGED], []
    for column, values in (("status", choice.statuses), ("kind", choice.kinds)):
        clauses.append(f"q.{column} IN ({', '.join('?' * len(values))})" if values else "0")
        args.extend(values)
    if choice.fact_types:
        clauses.append(f"q.fact_type IN ({', '.join('?' * len(choice.fact_types))})")
        args.extend(choice.fact_types)
    if choice.documents:
        clauses.append(f"q.id IN (SELECT question_id FROM question_documents WHERE document IN "
                       f"({', '.join('?' * len(choice.documents))}))")
        args.extend(choice.documents)
    return " AND ".join(clauses), args


def pool_documents(store: Store, statuses: Sequence[str]) -> list[str]:
    """The documents the pool's questions come from (each once, by name)."""
    where, args = _where(Choice(statuses=tuple(statuses)))
    with store._connection() as conn:
        rows = conn.execute(f"SELECT DISTINCT d.document FROM question_documents d JOIN questions q "
                            f"ON q.id = d.question_id WHERE {where} ORDER BY d.document", args).fetchall()
    return [r[0] for r in rows]


def fact_types(store: Store, choice: Choice) -> list[str]:
    """The fact types of ``choice``'s questions (each once, sorted)."""
    where, args = _where(choice)
    with store._connection() as conn:
        rows = conn.execute(f"SELECT DISTINCT q.fact_type FROM questions q WHERE {where} ORDER BY q.fact_type",
                            args).fetchall()
    return [r[0] for r in rows]


def one_per_fact(store: Store, choice: Choice, limit: int) -> list[Line]:
    """Up to ``limit`` questions of ``choice`` in the order a class quiz asks them: best-ranked first
    (score, then id), one question per fact before any fact's second one; ranked and cut in SQL."""
    where, args = _where(choice)
    with store._connection() as conn:
        rows = conn.execute(
            "SELECT id, kind, fact_type, prompt, answer FROM (SELECT q.id, q.kind, q.fact_type, "
            "json_extract(q.data, '$.prompt') AS prompt, json_extract(q.data, '$.answer') AS answer, "
            "COALESCE(json_extract(q.data, '$.score'), 0.5) AS score, ROW_NUMBER() OVER (PARTITION BY "
            "json_extract(q.data, '$.fact_id') ORDER BY COALESCE(json_extract(q.data, '$.score'), 0.5) DESC, q.id) "
            f"AS nth FROM questions q WHERE {where}) ORDER BY nth > 1, score DESC, id LIMIT ?",
            [*args, max(0, limit)]).fetchall()
    return [Line(id=r[0], kind=r[1], fact_type=r[2], prompt=r[3], answer=r[4]) for r in rows]


def count(store: Store, choice: Choice) -> int:
    """How many questions ``choice`` holds."""
    where, args = _where(choice)
    with store._connection() as conn:
        return conn.execute(f"SELECT COUNT(*) FROM questions q WHERE {where}", args).fetchone()[0]


def variety(seed: int, qid: str) -> float:
    """A number in ``[0, SCORE_VARIETY)`` fixed by the quiz's seed and the question: a retake with
    another seed starts with other questions among those ranked alike."""
    digest = hashlib.sha1(f"{seed}|{qid}".encode("utf-8")).digest()
    return int.from_bytes(digest[:6], "big") / float(1 << 48) * SCORE_VARIETY


def candidates(store: Store, choice: Choice, limit: int, seed: int = 0) -> list[Question]:
    """The ``limit`` best questions of ``choice`` by score plus seeded variety, best first (ordered and
    cut in SQL: only these rows are read)."""
    where, args = _where(choice)
    with store._connection() as conn:
        conn.create_function("studyaid_variety", 2, variety, deterministic=True)
        rows = conn.execute(
            "SELECT q.id, q.version, q.updated_at, q.data FROM questions q "
            f"WHERE {where} ORDER BY COALESCE(json_extract(q.data, '$.score'), 0.5) + studyaid_variety(?, q.id) DESC, "
            "q.id LIMIT ?", [*args, seed, max(0, limit)]).fetchall()
    return [store._entry(r).question for r in rows]


def pick_candidates(store: Store, choice: Choice, wanted: int, seed: int = 0) -> list[Question]:
    """Candidates for a quiz of ``wanted`` questions: a bounded multiple of it, so that repeated facts
    and answers can be skipped (:func:`studyaid.app.quiz.pick_questions` makes the final choice)."""
    return candidates(store, choice, CANDIDATES * max(0, wanted) + EXTRA_CANDIDATES, seed)


def questions_by_id(store: Store, ids: Sequence[str]) -> dict[str, Question]:
    """The questions with these ids (those still in the bank), read by their ids only."""
    found: dict[str, Question] = {}
    ids = list(dict.fromkeys(ids))
    with store._connection() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = conn.execute("SELECT id, version, updated_at, data FROM questions WHERE id IN "
                                f"({', '.join('?' * len(chunk))})", chunk).fetchall()
            for row in rows:
                found[row[0]] = store._entry(row).question
    return found
