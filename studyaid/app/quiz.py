"""Quiz logic without Streamlit: what students see (the teacher's choice, counted in the store), a quiz's state, results, and the
source paragraph of a question with its sentence marked."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..questions.model import Question
from ..store import STUDENT_POLICIES, Store, picking
from .answers import check_answer
from .safe import md_escape

__all__ = ["Answer", "FACT_TYPE_LABELS", "KIND_LABELS", "Passage", "QuizState", "md_escape", "passage_markdown",
           "pick_questions", "results_by_type", "source_passage", "student_count"]

FACT_TYPE_LABELS = {"quote": "Quotes", "quantity": "Numbers", "place": "Places", "role": "Roles", "date": "Dates"}
KIND_LABELS = {"mcq": "Multiple choice", "cloze": "Fill in the gap"}
MAX_PARAGRAPH = 1200  # characters of context shown around a source sentence


STUDENTS_SEE = {  # the teacher's choices of what students are asked (STUDENT_POLICIES), as the teacher view names them
    "not_rejected": "every question not rejected",
    "approved": "approved questions only",
}


def student_count(store: Store, policy: str | None = None) -> int:
    """How many questions students see under ``policy`` (default: the teacher's choice), counted by the
    students' own query (:func:`studyaid.store.picking.count`: one rule for the quiz and this count)."""
    return picking.count(store, picking.Choice(statuses=STUDENT_POLICIES[policy or store.students_see()]))


SCORE_VARIETY = picking.SCORE_VARIETY  # how far below a better question a weaker one may still come first


MAX_ANSWER_SHARE = 0.05  # of a quiz's questions one answer may be (at least once)


def answer_key(question: Question) -> str:
    """What a question's answer is, for counting repeats: case and spacing aside, and a person by the
    surname ("Jose Mourinho" and "Mourinho" are one answer)."""
    words = question.answer.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in question.answer):
        words = words[-1:]
    return " ".join(words).casefold()


def pick_questions(pool: list[Question], *, kinds: tuple[str, ...] = ("mcq", "cloze"), count: int = 10,
                   seed: int | None = None) -> list[Question]:
    """Up to ``count`` questions from ``pool`` (the candidates the store picked) of the given kinds, the
    best-ranked first (the ranker's score, with a little seeded variety so a retake is not the same
    quiz); never two questions about the same fact, and no answer (one leader, one number) in more than
    ``MAX_ANSWER_SHARE`` of the quiz (once in a quiz of fewer than 40), while other questions are left."""
    rng = random.Random(seed)
    count = max(0, count)
    chosen = sorted((q for q in pool if q.kind in kinds),
                    key=lambda q: (-(q.score + rng.uniform(0.0, SCORE_VARIETY)), q.id))
    cap = max(1, int(count * MAX_ANSWER_SHARE))
    first, repeats, facts, answers = [], [], set(), {}
    for q in chosen:
        key = answer_key(q)
        if q.fact_id in facts or answers.get(key, 0) >= cap:
            repeats.append(q)
        else:
            first.append(q)
            answers[key] = answers.get(key, 0) + 1
        facts.add(q.fact_id)
    # a document with too few different answers for the quiz: the repeats spread over them, the least
    # asked answer first (rank order within an answer), rather than one answer filling the rest
    ranked = []
    for n, q in enumerate(repeats):
        key = answer_key(q)
        answers[key] = answers.get(key, 0) + 1
        ranked.append((answers[key], n, q))
    repeats = [q for _, _, q in sorted(ranked, key=lambda t: t[:2])]
    return (first + repeats)[:count]


@dataclass
class Answer:
    given: str
    correct: bool


@dataclass
class QuizState:
    """One quiz in progress: the questions (by id), where the student is, what they answered."""

    ids: list[str]
    number: int = 0  # distinguishes quizzes, so widget keys never carry over
    index: int = 0
    answers: dict[str, Answer] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.ids)

    @property
    def done(self) -> bool:
        return self.index >= len(self.ids)

    @property
    def current(self) -> str | None:
        return None if self.done else self.ids[self.index]

    @property
    def score(self) -> int:
        return sum(a.correct for a in self.answers.values())

    @property
    def answered(self) -> int:
        return len(self.answers)

    def answer(self, question: Question, given: str) -> Answer:
        result = Answer(given=given, correct=check_answer(question, given))
        self.answers[question.id] = result
        return result

    def next(self) -> None:
        self.index += 1

    def missed(self) -> list[str]:
        return [qid for qid in self.ids if qid in self.answers and not self.answers[qid].correct]


def results_by_type(questions: dict[str, Question], state: QuizState) -> dict[str, dict[str, int]]:
    """``{fact type label: {"right": n, "wrong": m}}`` over the answered questions."""
    table: dict[str, dict[str, int]] = {}
    for qid, answer in state.answers.items():
        q = questions.get(qid)
        if q is None:
            continue
        row = table.setdefault(FACT_TYPE_LABELS.get(q.fact_type, q.fact_type), {"right": 0, "wrong": 0})
        row["right" if answer.correct else "wrong"] += 1
    return table


@dataclass(frozen=True)
class Passage:
    before: str
    sentence: str
    after: str


def source_passage(text: str, start: int, end: int, sentence: str = "") -> Passage | None:
    """The paragraph of ``text`` around ``start:end`` (lines are paragraphs), cut to a readable length.

    When the offsets do not hold the sentence (the stored text changed), the sentence is looked up."""
    if not (0 <= start < end <= len(text)) or (sentence and text[start:end] != sentence):
        found = text.find(sentence) if sentence else -1
        if found < 0:
            return None
        start, end = found, found + len(sentence)
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    before, after = text[para_start:start], text[end:para_end]
    room = max(0, (MAX_PARAGRAPH - (end - start)) // 2)
    if len(before) > room:
        before = "…" + before[len(before) - room:].split(" ", 1)[-1]
    if len(after) > room:
        after = after[:room].rsplit(" ", 1)[0] + "…"
    return Passage(before=before, sentence=text[start:end], after=after)


def passage_markdown(passage: Passage) -> str:
    """The passage as Markdown with the source sentence in bold on a highlight."""
    sentence = passage.sentence.strip()
    lead = passage.sentence[: len(passage.sentence) - len(passage.sentence.lstrip())]
    return f"{md_escape(passage.before + lead)}:orange-background[**{md_escape(sentence)}**]{md_escape(passage.after)}"
