"""One option order: the quiz shows a multiple choice's options exactly as stored (the order generation
or a teacher set), the same order every download shows."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app.editing import manual_question
from studyaid.questions.order import answer_position
from studyaid.store import Store

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 120  # seconds for one app run


def quiz_options(store: Store) -> list[str]:
    """Start a one-question quiz in the app and read the options of its radio."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.button(key="quiz_start").click().run()
    assert not at.exception, [e.value for e in at.exception]
    quiz = at.session_state["quiz"]
    return list(at.radio(key=f"answer_{quiz.number}_{quiz.index}").options)


def csv_options(store: Store, qid: str) -> list[str]:
    from studyaid.app.documents import export_bytes

    rows = csv.DictReader(io.StringIO(export_bytes(store.questions(), "csv").decode("utf-8-sig")))
    [row] = [r for r in rows if r["id"] == qid]
    return [row[k] for k in row if k.startswith("option_") and row[k]]


@pytest.mark.parametrize("reorder", [
    lambda options: list(options),  # as generated
    lambda options: list(reversed(options)),  # a teacher's order
])
def test_the_quiz_and_the_downloads_show_the_stored_order(bank_db, reorder):
    store = Store(bank_db)
    entry = store.entries(kinds=["mcq"])[0]
    options = reorder(entry.question.options)
    store.update(entry.question.model_copy(update={"options": options, "status": "approved", "edited": True}),
                 entry.version)  # the only approved question: the quiz asks it, students seeing approved ones only
    store.set_setting("students_see", "approved")
    assert quiz_options(store) == options
    assert csv_options(store, entry.question.id) == options


@pytest.mark.parametrize("wrong, answer", [
    ("Lyon\nNice\nMarseille", "Paris"),
    ("Nice\nLyon", "Paris"),
    ("Lyon\nNice\nParis\nToulouse\nLille", "Paris"),  # the answer among the wrong ones is listed once
])
def test_a_hand_written_question_keeps_the_teachers_order_with_the_answer_placed_like_generation(wrong, answer):
    q = manual_question(kind="mcq", fact_type="place", prompt="Where did the leaders meet?", answer=answer,
                        wrong_options=wrong)
    teacher_wrong = [w for w in wrong.split("\n") if w != answer]
    assert [o for o in q.options if o != answer] == teacher_wrong
    assert q.options.index(answer) == answer_position(q.id, len(teacher_wrong) + 1)
