"""Class results as CSV for a spreadsheet: per student, per question, and every answer given.

UTF-8 with a byte-order mark, one header row; every cell goes through the export's formula guard
(:func:`studyaid.export.csv.cell`), so a student who joins as ``=HYPERLINK(…)`` shows as text."""
from __future__ import annotations

import csv
import io
from typing import Iterable, Sequence

from ..export.csv import cell
from .models import Attempt, ClassAnswer, ClassQuiz
from .stats import QuestionResult, StudentResult, duration

BOM = "\ufeff"
STUDENT_COLUMNS = ["student", "score", "right", "answered", "questions", "percent", "started", "last_answer", "time"]
QUESTION_COLUMNS = ["number", "question", "kind", "answer", "answered", "right", "share_right", "discrimination",
                    "wrong_answers", "flags"]
ANSWER_COLUMNS = ["student", "number", "question", "given", "correct", "right_answer", "answered_at"]


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
                                    "; ".join(f"{text} ×{n}" for text, n in r.wrong_answers), "; ".join(r.flags))
                                   for r in rows))


def answers_csv(quiz: ClassQuiz, attempts: Iterable[Attempt], answers: Iterable[ClassAnswer]) -> str:
    names = {a.id: a.name for a in attempts}
    numbers = {q.id: (i, q) for i, q in enumerate(quiz.questions, 1)}
    return _csv(ANSWER_COLUMNS, ((names.get(a.attempt_id, a.attempt_id), numbers[a.question_id][0],
                                 numbers[a.question_id][1].prompt, a.given, "yes" if a.correct else "no",
                                 numbers[a.question_id][1].answer, a.answered_at)
                                for a in answers if a.question_id in numbers))
