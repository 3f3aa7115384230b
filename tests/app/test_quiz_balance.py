"""A quiz draws across answers: no answer (one leader, one number) fills it while other questions are left."""
from __future__ import annotations

from collections import Counter

import pytest

from studyaid.app.quiz import answer_key, pick_questions
from studyaid.document import Source
from studyaid.questions.model import Question


def make(i: int, answer: str, score: float = 0.5) -> Question:
    return Question(id=f"q{i}", kind="mcq", fact_type="quote", fact_id=f"f{i}", prompt=f"Who said {i}?",
                    answer=answer, options=[answer, "Ann Lowe", "Ben Tamm"], explanation="Because.",
                    sources=[Source(document="a.txt", sentence="S.", start=0, end=2)], score=score)


SURNAMES = """Berg Lind Holm Dahl Strand Vik Moe Lund Sand Aas Bakke Foss Haug Lie Nygaard Rud Solberg Tveit Ek Brekke""".split()

# (answers in the pool as (answer, how many, score), quiz size, most times one answer may appear)
CASES = [
    ([("Keir Starmer", 15, 0.95)] + [(f"Anna {SURNAMES[k]}", 2, 0.5) for k in range(12)], 10, 1),
    ([("three", 30, 0.9)] + [(f"Ola {SURNAMES[k]}", 2, 0.4) for k in range(20)], 40, 2),
    ([("keir starmer", 5, 0.9), ("Keir  Starmer", 5, 0.9)] + [(f"Eva {SURNAMES[k]}", 1, 0.3) for k in range(9)], 10, 1),
]


@pytest.mark.parametrize("answers, count, most", CASES)
def test_no_answer_dominates_a_quiz(answers, count, most):
    pool, i = [], 0
    for answer, times, score in answers:
        for _ in range(times):
            pool.append(make(i, answer, score))
            i += 1
    for seed in range(3):
        picked = pick_questions(pool, count=count, seed=seed)
        assert len(picked) == count
        assert max(Counter(answer_key(q) for q in picked).values()) <= most


def test_one_answer_fills_the_quiz_only_when_nothing_else_is_left():
    pool = [make(i, "Keir Starmer") for i in range(4)] + [make(10, "Mark Rutte")]
    picked = pick_questions(pool, count=5, seed=0)
    assert len(picked) == 5 and picked[0].answer in ("Keir Starmer", "Mark Rutte")
    assert {q.answer for q in picked[:2]} == {"Keir Starmer", "Mark Rutte"}  # the repeats come last


def test_a_person_is_one_answer_by_full_name_or_surname():
    assert answer_key(make(1, "Jose Mourinho")) == answer_key(make(2, "Mourinho")) == "mourinho"
    assert answer_key(make(3, "26 of Ukraine's allies")) != answer_key(make(4, "allies"))
    assert answer_key(make(5, "three")) == "three"


def test_repeats_spread_over_the_answers_a_short_document_has():
    pool = [make(i, "Jose Mourinho", 0.9) for i in range(8)] + [make(20, "Mourinho", 0.9)] \
        + [make(30 + i, f"{n}", 0.3) for i, n in enumerate((20, 9, 14))]
    picked = pick_questions(pool, count=8, seed=0)
    counts = Counter(answer_key(q) for q in picked)
    assert len(picked) == 8 and counts["mourinho"] <= 5 and {"20", "9", "14"} <= set(counts)
