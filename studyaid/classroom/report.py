"""Class results as CSV for a spreadsheet: per student, per question, and every answer given (a cloze
with several gaps: each gap's share right, and whether each gap of an answer is right).

UTF-8 with a byte-order mark, one header row; every cell goes through the export's formula guard
(:func:`studyaid.export.csv.cell`), so a student who joins as ``=HYPERLINK(…)`` shows as text."""
from __future__ import annotations

import csv
import io
from typing import Iterable, Sequence

from ..export.csv import cell
from .models import GAP_SEPARATOR, Attempt, ClassAnswer, ClassQuiz, right_answer
from .stats import QuestionResult, StudentResult, duration

BOM = "\ufeff"
STUDENT_COLUMNS = ["student", "score", "right", "answered", "questions", "percent", "started", "last_answer", "time"]
QUESTION_COLUMNS = ["number", "question", "kind", "answer", "answered", "right", "share_right", "discrimination",
                    "wrong_answers", "flags", "gaps_share_right"]
ANSWER_COLUMNS = ["student", "number", "question", "given", "correct", "right_answer", "answered_at", "gaps"]


def _csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for values in rows:
        writer.writerow([cell("" if v is None else str(v)) for v in values])
    return BOM + buffer.getvalue()


def students_csv(rows: Iterable[StudentResult]) -> str:
    return _csv(STUDENT_COLUMNS, ((r.name, f"{r.right}/{r.total}", r.right, r.answered, r.total,
                                  f"{r.score_percent:.0f}", r.started_at, r.last_answer_at or "", duration(r.seconds))
                                 for r in rows))


def questions_csv(rows: Iterable[QuestionResult]) -> str:
    def share(r: QuestionResult) -> str:
        return "" if r.share_right is None else f"{r.share_right:.2f}"

    return _csv(QUESTION_COLUMNS, ((r.position, r.prompt, r.kind, r.answer, r.answered, r.right, share(r),
                                    "" if r.discrimination is None else f"{r.discrimination:.2f}",
                                    "; ".join(f"{text} ×{n}" for text, n in r.wrong_answers), "; ".join(r.flags),
                                    gap_shares(r))
                                   for r in rows))


def gap_shares(row: QuestionResult) -> str:
    """A cloze with several gaps: the share right of each gap ("gap 1: 1.00; gap 2: 0.50"); else empty."""
    return "; ".join(f"gap {g.number}: {g.right / g.answered:.2f}" if g.answered else f"gap {g.number}: "
                     for g in row.gaps)


def gap_marks(answer: ClassAnswer) -> str:
    """Whether each gap of a multi-gap answer is right, in the order of ``given`` ("right / wrong")."""
    return GAP_SEPARATOR.join("right" if g.correct else "wrong" for g in answer.gaps)


def answers_csv(quiz: ClassQuiz, attempts: Iterable[Attempt], answers: Iterable[ClassAnswer]) -> str:
    names = {a.id: a.name for a in attempts}
    numbers = {q.id: (i, q) for i, q in enumerate(quiz.questions, 1)}
    return _csv(ANSWER_COLUMNS, ((names.get(a.attempt_id, a.attempt_id), numbers[a.question_id][0],
                                 numbers[a.question_id][1].prompt, a.given, "yes" if a.correct else "no",
                                 right_answer(numbers[a.question_id][1]), a.answered_at, gap_marks(a))
                                for a in answers if a.question_id in numbers))
