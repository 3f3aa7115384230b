"""Class results without Streamlit: per student (score, answered, time taken) and per question (the
share who got it right, how often each wrong option was picked, typed wrong answers grouped (gap by
gap for a cloze with several gaps), the discrimination index), with the flags Moodle's quiz statistics
give a teacher: a question nearly everyone misses, wrong options nobody picks. Pure functions over a
:class:`ClassQuiz`, its attempts and their answers.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Iterable

from pydantic import BaseModel

from ..app.answers import gaps, normalize
from ..questions.model import Question
from .models import Attempt, ClassAnswer, ClassQuiz, gap_count, right_answer

MIN_ANSWERS = 5  # below this a share says little: no flag is raised
HARD_SHARE = 0.30  # fewer right than this (with MIN_ANSWERS answers): nearly everyone misses it


class StudentResult(BaseModel):
    attempt_id: str
    name: str
    answered: int
    right: int
    total: int
    started_at: str
    last_answer_at: str | None = None
    seconds: float | None = None  # from joining to the last answer

    @property
    def finished(self) -> bool:
        return self.answered >= self.total

    @property
    def score_percent(self) -> float:
        """Right answers over the quiz's questions (an unanswered question counts as missed)."""
        return 100.0 * self.right / self.total if self.total else 0.0


class OptionPicks(BaseModel):
    option: str
    picks: int
    correct: bool


class GapResult(BaseModel):
    """One gap of a cloze with several gaps: how many got that gap right, and the wrong answers typed in it."""

    number: int  # 1-based
    answer: str
    answered: int
    right: int
    wrong_answers: list[tuple[str, int]] = []


class QuestionResult(BaseModel):
    position: int  # 1-based, in the quiz's order
    question_id: str
    prompt: str
    kind: str
    answer: str
    answered: int
    right: int
    options: list[OptionPicks] = []  # multiple choice: every option in its stored order
    wrong_answers: list[tuple[str, int]] = []  # wrong answers as given (typed or picked), most frequent first;
    # for a cloze with several gaps, each gap's wrong answers as "gap N: …", gap by gap
    gaps: list[GapResult] = []  # a cloze with several gaps: one row per gap
    discrimination: float | None = None  # Moodle's discrimination index, -1 to 1 (None: too few answers)
    flags: list[str] = []

    @property
    def share_right(self) -> float | None:
        return self.right / self.answered if self.answered else None

    @property
    def unpicked(self) -> list[str]:
        """Wrong options nobody picked."""
        return [o.option for o in self.options if not o.correct and not o.picks]


def _time(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def student_results(quiz: ClassQuiz, attempts: Iterable[Attempt],
                    answers: Iterable[ClassAnswer]) -> list[StudentResult]:
    """One row per attempt, in the order students joined."""
    in_quiz = {q.id for q in quiz.questions}
    by_attempt: dict[str, list[ClassAnswer]] = {}
    for a in answers:
        if a.question_id in in_quiz:
            by_attempt.setdefault(a.attempt_id, []).append(a)
    rows = []
    for attempt in attempts:
        given = by_attempt.get(attempt.id, [])
        last = max((a.answered_at for a in given), key=_time, default=None)
        rows.append(StudentResult(
            attempt_id=attempt.id, name=attempt.name, answered=len(given), right=sum(a.correct for a in given),
            total=len(quiz.questions), started_at=attempt.started_at, last_answer_at=last,
            seconds=max(0.0, (_time(last) - _time(attempt.started_at)).total_seconds()) if last else None))
    return rows


def _option_of(question: Question, given: str) -> str | None:
    """The option a stored multiple-choice answer names (exactly, else written the same way)."""
    if given in question.options:
        return given
    key = normalize(given)
    return next((o for o in question.options if normalize(o) == key), None)


def _wrong_answers(given: Iterable[str]) -> list[tuple[str, int]]:
    """Wrong answers grouped by how they read (case, articles, punctuation aside), most frequent first,
    each shown as first written."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for text in given:
        key = normalize(text) or text
        shown.setdefault(key, text)
        counts[key] += 1
    return [(shown[key], n) for key, n in sorted(counts.items(), key=lambda item: (-item[1], shown[item[0]]))]


def discrimination(item: list[bool], rest: list[int], *, min_answers: int = MIN_ANSWERS) -> float | None:
    """Moodle's discrimination index: the correlation between getting this question right (``item``)
    and the score on the rest of the quiz (``rest``), one pair per attempt that answered it. Near 1:
    the students who do well overall get it right; near 0 or below: it does not tell them apart (or
    its key is wrong). None with fewer than ``min_answers`` answers or when either side never varies."""
    n = len(item)
    if n < min_answers or n != len(rest):
        return None
    xs = [1.0 if x else 0.0 for x in item]
    mean_x, mean_y = sum(xs) / n, sum(rest) / n
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in rest)
    if not var_x or not var_y:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, rest)) / (var_x * var_y) ** 0.5


def flags(result: QuestionResult, *, min_answers: int = MIN_ANSWERS, hard_share: float = HARD_SHARE) -> list[str]:
    """Why a teacher should look at a question again, once it has ``min_answers`` answers."""
    if result.answered < min_answers:
        return []
    found = []
    share = result.share_right
    if share is not None and share < hard_share:
        found.append(f"nearly everyone misses it ({share:.0%} right)")
    unpicked = result.unpicked
    if unpicked:
        wrong = [o for o in result.options if not o.correct]
        which = ("no wrong option is ever picked" if len(unpicked) == len(wrong)
                 else f"{len(unpicked)} of {len(wrong)} wrong options never picked")
        found.append(f"{which}: {'; '.join(unpicked)}")
    return found


def question_results(quiz: ClassQuiz, answers: Iterable[ClassAnswer], *, min_answers: int = MIN_ANSWERS,
                     hard_share: float = HARD_SHARE) -> list[QuestionResult]:
    """One row per question of the quiz, in its order."""
    answers = list(answers)
    by_question: dict[str, list[ClassAnswer]] = {}
    score: Counter[str] = Counter()  # right answers per attempt
    for a in answers:
        by_question.setdefault(a.question_id, []).append(a)
        score[a.attempt_id] += a.correct
    rows = []
    for position, q in enumerate(quiz.questions, 1):
        given = by_question.get(q.id, [])
        wrong = [a.given for a in given if not a.correct]
        options, per_gap = [], _gap_results(q, given)
        if q.kind == "mcq":
            picks = Counter(_option_of(q, a.given) for a in given)
            options = [OptionPicks(option=o, picks=picks.get(o, 0), correct=o == q.answer) for o in q.options]
        row = QuestionResult(position=position, question_id=q.id, prompt=q.prompt, kind=q.kind,
                             answer=right_answer(q), answered=len(given), right=sum(a.correct for a in given),
                             options=options, gaps=per_gap,
                             wrong_answers=[(f"gap {g.number}: {text}", n) for g in per_gap
                                            for text, n in g.wrong_answers] if per_gap else _wrong_answers(wrong),
                             discrimination=discrimination([a.correct for a in given],
                                                           [score[a.attempt_id] - a.correct for a in given],
                                                           min_answers=min_answers))
        row.flags = flags(row, min_answers=min_answers, hard_share=hard_share)
        rows.append(row)
    return rows


def _gap_results(question: Question, given: list[ClassAnswer]) -> list[GapResult]:
    """Per gap of a cloze with several gaps (none for other questions): answered, right, wrong answers."""
    if gap_count(question) < 2:
        return []
    rows = []
    for i, (answer, _hint) in enumerate(gaps(question)):
        typed = [a.gaps[i] for a in given if len(a.gaps) > i]
        rows.append(GapResult(number=i + 1, answer=answer, answered=len(typed), right=sum(g.correct for g in typed),
                              wrong_answers=_wrong_answers(g.given for g in typed if not g.correct)))
    return rows


def next_question(quiz: ClassQuiz, answers: Iterable[ClassAnswer]) -> Question | None:
    """The first question of the quiz the attempt has not answered (None: all answered)."""
    done = {a.question_id for a in answers}
    return next((q for q in quiz.questions if q.id not in done), None)


def answer_sheet(quiz: ClassQuiz, answers: Iterable[ClassAnswer],
                 attempt_id: str | None = None) -> list[tuple[int, Question, ClassAnswer | None]]:
    """One student's sheet: ``(number, question, their answer or None)`` for every question of the quiz,
    in its order; ``answers`` may hold the whole class's (``attempt_id`` picks the student's)."""
    mine = {a.question_id: a for a in answers if attempt_id is None or a.attempt_id == attempt_id}
    return [(number, q, mine.get(q.id)) for number, q in enumerate(quiz.questions, 1)]


def gaps_marked(answer: ClassAnswer) -> str:
    """Which gaps of a multi-gap answer are right, for a reader: "Gap 1 right · gap 2 wrong" (empty for
    an answer in one box)."""
    return " · ".join(f"{'Gap' if n == 1 else 'gap'} {n} {'right' if g.correct else 'wrong'}"
                      for n, g in enumerate(answer.gaps, 1))


def duration(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss``); empty when unknown."""
    if seconds is None:
        return ""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
