"""The class-mode contracts: a published quiz (its questions frozen as published), a student's attempt,
and one stored answer."""
from __future__ import annotations

from pydantic import BaseModel, Field

from ..app.answers import gaps
from ..errors import StudyaidError
from ..questions.model import Question


class ClassError(StudyaidError):
    """A class-mode request that cannot be done: an unknown or closed quiz code, a name that cannot be
    used, a question that is not in the quiz, a quiz with no questions."""

    code = "E500"


class ClassQuiz(BaseModel):
    """A quiz a teacher handed to a class. ``questions`` are copies made when it was published, in the
    order asked (options in their stored order): editing the bank afterwards changes no attempt."""

    code: str
    title: str
    questions: list[Question] = Field(min_length=1)
    created_at: str
    closed_at: str | None = None  # set while the quiz is closed to new answers
    show_answers: bool = True  # the right answer after each question; else only once the quiz is closed

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def answers_visible(self) -> bool:
        """Whether a student may see right answers now."""
        return self.show_answers or not self.is_open

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise ClassError(f"quiz {self.code}: question {qid} is not in this quiz")


class Attempt(BaseModel):
    """One student's go at a quiz; the same name joining again continues it."""

    id: str
    code: str
    name: str
    started_at: str


GAP_SEPARATOR = " / "  # between a multi-gap answer's gaps, as the practice quiz shows them (app.student)


def gap_count(question: Question) -> int:
    """How many boxes a question is answered in: one per gap of a cloze, else one."""
    return len(gaps(question)) if question.kind == "cloze" else 1


def right_answer(question: Question) -> str:
    """The answer as a student or teacher reads it: each gap's answer for a cloze with several gaps."""
    if gap_count(question) > 1:
        return GAP_SEPARATOR.join(answer for answer, _ in gaps(question))
    return question.answer


class GapAnswer(BaseModel):
    """What a student typed in one gap of a cloze with several gaps, graded gap by gap."""

    given: str
    correct: bool


class ClassAnswer(BaseModel):
    """What a student answered to one question, graded when it was given (the first answer stands).
    A cloze with several gaps has one :class:`GapAnswer` per gap, in gap order; ``given`` then joins
    them with :data:`GAP_SEPARATOR` and ``correct`` holds only when every gap is right."""

    attempt_id: str
    question_id: str
    given: str
    correct: bool
    answered_at: str
    gaps: list[GapAnswer] = []
