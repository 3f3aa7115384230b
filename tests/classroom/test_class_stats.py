"""Class results: per student and per question, the Moodle-style flags, the CSV, on hand-made attempts."""
from __future__ import annotations

import csv
import io

import pytest

from class_questions import HOW_MANY, WHEN, WHO
from studyaid.classroom.models import Attempt, ClassAnswer, ClassQuiz
from studyaid.classroom.report import answers_csv, questions_csv, students_csv
from studyaid.classroom.stats import (answer_sheet, discrimination, duration, flags, next_question, question_results,
                                      student_results)
from studyaid.app.answers import check_answer

QUIZ = ClassQuiz(code="K7MP3R", title="Harbour news", questions=[WHO, WHEN, HOW_MANY], created_at="2026-01-05T09:00:00+00:00")
T0 = "2026-01-05T09:00:{:02d}+00:00"


def attempts_with(given: list[list[str | None]]) -> tuple[list[Attempt], list[ClassAnswer]]:
    """Attempt ``i`` answers question ``j`` with ``given[i][j]`` (None: not answered), graded for real."""
    attempts, answers = [], []
    for i, row in enumerate(given):
        attempts.append(Attempt(id=f"a{i}", code=QUIZ.code, name=f"Student {i}", started_at=T0.format(i)))
        for j, text in enumerate(row):
            if text is not None:
                q = QUIZ.questions[j]
                answers.append(ClassAnswer(attempt_id=f"a{i}", question_id=q.id, given=text,
                                           correct=check_answer(q, text), answered_at=T0.format(10 + i + 10 * j)))
    return attempts, answers


@pytest.mark.parametrize("given, expected", [
    # (answers of one student, (answered, right, score %, finished))
    (["Ann Roe", "March 3, 2024", "240"], (3, 3, 100, True)),
    (["Ann Roe", "June 21, 2023", "two hundred and forty"], (3, 2, 67, True)),
    (["Tom Reed", None, None], (1, 0, 0, False)),
    (["Ann Roe", None, "250"], (2, 1, 33, False)),
    ([None, None, None], (0, 0, 0, False)),
])
def test_student_rows(given, expected):
    attempts, answers = attempts_with([given])
    [row] = student_results(QUIZ, attempts, answers)
    assert (row.answered, row.right, round(row.score_percent), row.finished) == expected
    assert (row.seconds is None) == (expected[0] == 0)


def test_time_taken_runs_from_joining_to_the_last_answer():
    attempts, answers = attempts_with([["Ann Roe", "March 3, 2024", "240"], ["Tom Reed", None, None]])
    first, second = student_results(QUIZ, attempts, answers)
    assert (first.seconds, duration(first.seconds)) == (30.0, "0:30")  # joined :00, last answer :30
    assert (second.seconds, duration(second.seconds)) == (10.0, "0:10")


@pytest.mark.parametrize("seconds, shown", [(None, ""), (0, "0:00"), (59.6, "1:00"), (754, "12:34"), (3723, "1:02:03")])
def test_duration(seconds, shown):
    assert duration(seconds) == shown


def test_per_question_share_and_wrong_option_picks():
    attempts, answers = attempts_with([
        ["Ann Roe", "March 3, 2024", "240"],
        ["Tom Reed", "June 21, 2023", "two hundred and forty"],
        ["Tom Reed", "March 3, 2024", "250"],
        ["Ann Roe", None, "The 250"],
    ])
    who, when, many = question_results(QUIZ, answers)
    assert (who.answered, who.right, who.share_right) == (4, 2, 0.5)
    assert [(o.option, o.picks, o.correct) for o in who.options] == [
        ("Tom Reed", 2, False), ("Ann Roe", 2, True), ("Emma Clarke", 0, False), ("Priya Nair", 0, False)]
    assert who.wrong_answers == [("Tom Reed", 2)]
    assert who.unpicked == ["Emma Clarke", "Priya Nair"]
    assert (when.answered, when.right) == (3, 2)
    assert many.options == [] and (many.answered, many.right) == (4, 2)
    assert many.wrong_answers == [("250", 2)]  # "The 250" reads the same: grouped, shown as first typed
    assert all(r.flags == [] for r in (who, when, many))  # fewer than 5 answers: no flag yet


@pytest.mark.parametrize("who_answers, expected_flags", [
    # five or more answers: the flags a teacher gets on the "Who said" question
    (["Tom Reed"] * 4 + ["Ann Roe"], ["nearly everyone misses it (20% right)",
                                      "2 of 3 wrong options never picked: Emma Clarke; Priya Nair"]),
    (["Ann Roe"] * 5, ["no wrong option is ever picked: Tom Reed; Emma Clarke; Priya Nair"]),
    (["Ann Roe", "Tom Reed", "Emma Clarke", "Priya Nair", "Ann Roe"], []),  # 40% right, every option picked
    (["Tom Reed", "Emma Clarke", "Priya Nair", "Tom Reed", "Tom Reed"], ["nearly everyone misses it (0% right)"]),
    (["Tom Reed", "Emma Clarke", "Priya Nair", "Ann Roe"], []),  # 25% right, but only 4 answers
    (["Tom Reed", "Tom Reed", "Tom Reed", "Ann Roe", "Ann Roe", "Emma Clarke", "Priya Nair"],  # 2 of 7 is 28.6%
     ["nearly everyone misses it (29% right)"]),
])
def test_flags_need_five_answers(who_answers, expected_flags):
    attempts, answers = attempts_with([[g, None, None] for g in who_answers])
    who = question_results(QUIZ, answers)[0]
    assert who.flags == expected_flags


@pytest.mark.parametrize("right, answered, flagged", [(1, 5, True), (2, 6, False), (0, 10, True), (3, 10, False),
                                                      (0, 4, False)])
def test_hard_flag_is_below_thirty_percent_with_five_answers(right, answered, flagged):
    given = [["240"]] * right + [["999"]] * (answered - right)
    attempts, answers = attempts_with([[None, None, g[0]] for g in given])
    many = question_results(QUIZ, answers)[2]
    assert (many.right, many.answered) == (right, answered)
    assert bool(flags(many)) == flagged  # a cloze has no options: only the share can flag it


@pytest.mark.parametrize("given, expected", [
    ([None, None, None], "q-who"), (["Ann Roe", None, None], "q-when"), (["Ann Roe", None, "240"], "q-when"),
    (["Tom Reed", "March 3, 2024", "250"], None)])
def test_next_question_is_the_first_unanswered(given, expected):
    _, answers = attempts_with([given])
    found = next_question(QUIZ, answers)
    assert (found.id if found else None) == expected


def read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_downloads_are_spreadsheet_safe():
    attempts, answers = attempts_with([["Ann Roe", "March 3, 2024", "240"], ["Tom Reed", None, "=1+2"]])
    attempts[1] = attempts[1].model_copy(update={"name": "=HYPERLINK(\"http://x.test\",\"click\")"})
    students = read(students_csv(student_results(QUIZ, attempts, answers)))
    assert [(r["student"], r["score"], r["answered"], r["time"]) for r in students] == [
        ("Student 0", "3/3", "3", "0:30"), ("'=HYPERLINK(\"http://x.test\",\"click\")", "0/3", "2", "0:30")]
    questions = read(questions_csv(question_results(QUIZ, answers)))
    assert [(r["number"], r["answered"], r["share_right"]) for r in questions] == [("1", "2", "0.50"), ("2", "1", "1.00"),
                                                                                   ("3", "2", "0.50")]
    assert questions[2]["wrong_answers"] == "'=1+2 ×1"
    given = read(answers_csv(QUIZ, attempts, answers))
    assert len(given) == 5 and given[-1]["given"] == "'=1+2" and given[-1]["correct"] == "no"
    assert given[0]["right_answer"] == "Ann Roe" and given[0]["student"] == "Student 0"


@pytest.mark.parametrize("item, rest, expected", [
    # (right on this question per attempt, right on the rest of the quiz, index to 2 places)
    ([True, True, False, False, True], [4, 3, 0, 1, 4], 0.95),  # the strong students get it right
    ([False, False, True, True, False], [4, 3, 0, 1, 4], -0.95),  # the weak ones do: a suspect key
    ([True, False, True, False, True, False], [2, 2, 2, 2, 2, 3], -0.45),  # by hand: -0.5 / sqrt(1.5 * 5/6)
    ([True] * 5, [4, 3, 0, 1, 4], None),  # everyone right: nothing to tell apart
    ([True, False, True, False, True], [2] * 5, None),  # the rest never varies
    ([True, False, True, False], [3, 0, 3, 0], None),  # only 4 answers
])
def test_discrimination_index(item, rest, expected):
    found = discrimination(item, rest)
    assert (None if found is None else round(found, 2)) == expected


def test_discrimination_per_question_uses_the_rest_of_each_students_quiz():
    # the date question: right for the two students who get everything else right, wrong for the three who don't
    rows = [["Ann Roe", "March 3, 2024", "240"], ["Ann Roe", "March 3, 2024", "240"],
            ["Tom Reed", "June 21, 2023", "250"], ["Tom Reed", "June 21, 2023", "240"],
            ["Ann Roe", "January 9, 2024", "250"]]
    _, answers = attempts_with(rows)
    who, when, many = question_results(QUIZ, answers)
    assert when.discrimination is not None and when.discrimination > 0.6
    assert who.discrimination is not None and many.discrimination is not None
    assert "discrimination" in read(questions_csv([who, when, many]))[1]


def test_answer_sheet_lists_every_question_with_one_students_answer():
    _, answers = attempts_with([["Ann Roe", None, "250"], ["Tom Reed", "March 3, 2024", None]])
    sheet = answer_sheet(QUIZ, answers, "a1")
    assert [(n, q.id, a and (a.given, a.correct)) for n, q, a in sheet] == [
        (1, "q-who", ("Tom Reed", False)), (2, "q-when", ("March 3, 2024", True)), (3, "q-many", None)]
    assert [a and a.given for _, _, a in answer_sheet(QUIZ, [a for a in answers if a.attempt_id == "a0"])] == [
        "Ann Roe", None, "250"]
