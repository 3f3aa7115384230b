"""A cloze with several gaps in a class quiz (issue 12): one answer per gap, graded gap by gap as in the
practice quiz, stored per gap, right only when every gap is; the teacher's results and CSV per gap."""
from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from class_questions import TWO_GAPS, WHO
from studyaid.app.student import GAP_SEPARATOR as PRACTICE_SEPARATOR
from studyaid.classroom.models import GAP_SEPARATOR, ClassError, gap_count, right_answer
from studyaid.classroom.report import answers_csv, questions_csv
from studyaid.classroom.stats import question_results, student_results
from studyaid.store import Store
from studyaid.store import classes


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "bank.sqlite3")


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_gaps_and_the_answer_as_shown():
    assert gap_count(TWO_GAPS) == 2 and gap_count(WHO) == 1
    assert right_answer(TWO_GAPS) == "Tarn Island / 240" and right_answer(WHO) == "Ann Roe"
    assert GAP_SEPARATOR == PRACTICE_SEPARATOR  # class mode writes a multi-gap answer as the practice quiz does


@pytest.mark.parametrize("typed, marks, correct", [
    (["Tarn Island", "240"], [True, True], True),
    (["tarn island", "two hundred and forty"], [True, True], True),  # the answer's alias in its own gap
    (["Tarn Island", "250"], [True, False], False),  # one gap wrong: the question is wrong
    (["240", "Tarn Island"], [False, False], False),  # boxes swapped
    (["Kelvale", "240"], [False, True], False),
])
def test_each_gap_is_graded_and_stored(store, typed, marks, correct):
    quiz = classes.publish(store, "Ferry news", [WHO, TWO_GAPS])
    attempt, _ = classes.join(store, quiz.code, "Ann Roe")
    answer, new = classes.record_answer(store, attempt.id, TWO_GAPS.id, typed)
    assert new and answer.correct is correct and [g.correct for g in answer.gaps] == marks
    assert answer.given == GAP_SEPARATOR.join(typed)
    [stored] = classes.answers(store, code=quiz.code)  # read back from SQLite, gap by gap
    assert [(g.given, g.correct) for g in stored.gaps] == list(zip(typed, marks)) and stored.correct is correct
    again, new = classes.record_answer(store, attempt.id, TWO_GAPS.id, ["Tarn Island", "240"])
    assert not new and [g.given for g in again.gaps] == typed  # the first answer stands, with its gaps


@pytest.mark.parametrize("question, given, problem", [
    (TWO_GAPS, "Tarn Island 240", "2 gap"),  # one box's answer for two gaps
    (TWO_GAPS, ["Tarn Island"], "2 gap"),
    (TWO_GAPS, ["Tarn Island", "  "], "fill in every gap"),
    (TWO_GAPS, ["", ""], "empty answer"),
    (WHO, ["Ann Roe", "Tom Reed"], "1 gap"),
])
def test_an_answer_that_does_not_fit_the_gaps_is_refused(store, question, given, problem):
    quiz = classes.publish(store, "Ferry news", [WHO, TWO_GAPS])
    attempt, _ = classes.join(store, quiz.code, "Ann Roe")
    with pytest.raises(ClassError, match=problem):
        classes.record_answer(store, attempt.id, question.id, given)
    assert classes.answers(store, code=quiz.code) == []


def test_removing_an_attempt_removes_its_gap_answers(store):
    quiz = classes.publish(store, "Ferry news", [TWO_GAPS])
    attempt, _ = classes.join(store, quiz.code, "Mickey Mouse")
    classes.record_answer(store, attempt.id, TWO_GAPS.id, ["Tarn Island", "250"])
    assert classes.remove_attempt(store, attempt.id) == 1
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM class_gap_answers").fetchone()[0] == 0


def test_results_and_csv_per_gap(store):
    quiz = classes.publish(store, "Ferry news", [WHO, TWO_GAPS])
    typed = {"Ann Roe": ["Tarn Island", "240"], "Tom Reed": ["Tarn Island", "250"], "Eve Hart": ["Kelvale", "250"]}
    for name, gaps in typed.items():
        attempt, _ = classes.join(store, quiz.code, name)
        classes.record_answer(store, attempt.id, WHO.id, "Ann Roe")
        classes.record_answer(store, attempt.id, TWO_GAPS.id, gaps)
    attempts, given = classes.attempts(store, quiz.code), classes.answers(store, code=quiz.code)
    assert [(s.name, s.right) for s in student_results(quiz, attempts, given)] == [
        ("Ann Roe", 2), ("Tom Reed", 1), ("Eve Hart", 1)]  # right only when every gap is
    who, gapped = question_results(quiz, given)
    assert (gapped.answer, gapped.answered, gapped.right) == ("Tarn Island / 240", 3, 1)
    assert [(g.answer, g.right, g.answered) for g in gapped.gaps] == [("Tarn Island", 2, 3), ("240", 1, 3)]
    assert gapped.wrong_answers == [("gap 1: Kelvale", 1), ("gap 2: 250", 2)]
    assert who.gaps == [] and who.wrong_answers == []
    rows = read(questions_csv([who, gapped]))
    assert rows[1]["answer"] == "Tarn Island / 240" and rows[1]["gaps_share_right"] == "gap 1: 0.67; gap 2: 0.33"
    assert rows[1]["wrong_answers"] == "gap 1: Kelvale ×1; gap 2: 250 ×2" and rows[0]["gaps_share_right"] == ""
    every = [r for r in read(answers_csv(quiz, attempts, given)) if r["number"] == "2"]
    assert [(r["student"], r["given"], r["correct"], r["gaps"]) for r in every] == [
        ("Ann Roe", "Tarn Island / 240", "yes", "right / right"),
        ("Tom Reed", "Tarn Island / 250", "no", "right / wrong"),
        ("Eve Hart", "Kelvale / 250", "no", "wrong / wrong")]
    assert {r["right_answer"] for r in every} == {"Tarn Island / 240"}
