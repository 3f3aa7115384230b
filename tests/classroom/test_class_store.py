"""Class quizzes in SQLite: publishing, codes, joining, answers stored as given, closing; and which
questions a quiz gets."""
from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from class_questions import HOW_MANY, WHEN, WHO, cloze, mcq
from studyaid.classroom.codes import ALPHABET, CODE_LENGTH, name_key, new_code, read_code, read_name
from studyaid.classroom.models import ClassError
from studyaid.classroom.select import class_choice, publishable
from studyaid.store import Store
from studyaid.store import classes, picking


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "bank.sqlite3")


@pytest.mark.parametrize("typed, expected", [
    ("K7MP3R", "K7MP3R"), ("k7mp3r", "K7MP3R"), (" k7m-p3r ", "K7MP3R"), ("K7M P3R", "K7MP3R"),
    ("K7MP3", ClassError), ("K7MP3RR", ClassError), ("K0MP3R", ClassError), ("KIMP3R", ClassError), ("", ClassError),
    (None, ClassError), ("K7MP3!", ClassError),
])
def test_read_code(typed, expected):
    if expected is ClassError:
        with pytest.raises(ClassError):
            read_code(typed)
    else:
        assert read_code(typed) == expected


def test_new_codes_avoid_confusable_characters():
    codes = {new_code() for _ in range(300)}
    assert len(codes) > 295  # random, not a sequence
    assert all(len(c) == CODE_LENGTH and set(c) <= set(ALPHABET) for c in codes)
    assert not set(ALPHABET) & set("0O1IL2Z5S8BUVQD")
    assert all(read_code(c.lower()) == c for c in codes)


@pytest.mark.parametrize("typed, shown, key", [
    ("Ann Roe", "Ann Roe", "ann roe"), ("  ann   ROE ", "ann ROE", "ann roe"), ("Zoë Ng", "Zoë Ng", "zoë ng"),
    ("", ClassError, None), ("   ", ClassError, None), ("A" * 41, ClassError, None), ("Ann\x00Roe", ClassError, None),
])
def test_read_name(typed, shown, key):
    if shown is ClassError:
        with pytest.raises(ClassError):
            read_name(typed)
    else:
        assert read_name(typed) == shown and name_key(shown) == key


def test_publish_keeps_questions_as_published_and_codes_unique(store):
    first = classes.publish(store, "  Harbour   news ", [WHO, HOW_MANY])
    second = classes.publish(store, "Harbour news again", [WHEN])
    assert first.code != second.code and first.title == "Harbour news" and first.is_open
    assert [q.id for q in classes.quiz(store, first.code).questions] == ["q-who", "q-many"]
    assert classes.quiz(store, first.code).questions[0].options == WHO.options  # option order as stored
    assert [q.code for q in classes.quizzes(store)] == [second.code, first.code]  # newest first
    assert classes.quiz(store, "XXXXXX") is None


@pytest.mark.parametrize("title, questions, problem", [
    ("", [WHO], "title"), ("Quiz", [], "at least one question"), ("Quiz", [WHO, WHO], "same question twice"),
    ("x" * 121, [WHO], "at most 120"),
])
def test_publish_refuses(store, title, questions, problem):
    with pytest.raises(ClassError, match=problem):
        classes.publish(store, title, questions)
    assert classes.quizzes(store) == []


def test_reads_on_a_bank_without_class_tables_write_nothing(store):
    assert classes.quizzes(store) == [] and classes.attempts(store, "K7MP3R") == []
    assert classes.answers(store, code="K7MP3R") == [] and classes.attempt(store, "nope") is None
    with sqlite3.connect(store.path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not {t for t in tables if t.startswith("class_")}
    assert Store(store.path).schema_version() == store.schema_version()  # the bank still opens as a bank


def test_join_same_name_resumes_and_answers_are_stored_as_given(store):
    quiz = classes.publish(store, "Harbour news", [WHO, WHEN, HOW_MANY])
    ann, resumed = classes.join(store, quiz.code.lower(), "Ann Roe")
    assert not resumed
    again, resumed = classes.join(store, f" {quiz.code} ", "ann  roe")
    assert resumed and again.id == ann.id and again.name == "Ann Roe"
    tom, _ = classes.join(store, quiz.code, "Tom Reed")
    assert tom.id != ann.id
    cases = [  # (attempt, question, given, correct)
        (ann, WHO, "Ann Roe", True), (ann, HOW_MANY, "two hundred and forty", True), (tom, WHO, "Tom Reed", False),
        (tom, HOW_MANY, "The 240", True), (tom, WHEN, "June 21, 2023", False)]
    for attempt, question, given, correct in cases:
        answer, new = classes.record_answer(store, attempt.id, question.id, given)
        assert new and answer.correct is correct and answer.given == given
    again, new = classes.record_answer(store, tom.id, WHO.id, "Ann Roe")  # a second click: the first answer stands
    assert not new and again.given == "Tom Reed" and not again.correct
    assert [(a.question_id, a.given) for a in classes.answers(store, attempt_id=ann.id)] == [
        ("q-who", "Ann Roe"), ("q-many", "two hundred and forty")]
    assert len(classes.answers(store, code=quiz.code)) == 5
    assert [a.name for a in classes.attempts(store, quiz.code)] == ["Ann Roe", "Tom Reed"]


@pytest.mark.parametrize("code, name, problem", [
    ("OOOOOO", "Ann Roe", "not a quiz code"), ("KKKKKK", "Ann Roe", "no quiz with the code KKKKKK"),
    (None, "", "your name"),
])
def test_join_refuses(store, code, name, problem):
    quiz = classes.publish(store, "Harbour news", [WHO])
    with pytest.raises(ClassError, match=problem):
        classes.join(store, code or quiz.code, name)
    assert classes.attempts(store, quiz.code) == []


def test_record_answer_refuses_what_is_not_in_the_quiz(store):
    quiz = classes.publish(store, "Harbour news", [WHO])
    ann, _ = classes.join(store, quiz.code, "Ann Roe")
    for attempt_id, qid, given, problem in [("nope", WHO.id, "Ann Roe", "no such attempt"),
                                            (ann.id, WHEN.id, "March 3, 2024", "not in this quiz"),
                                            (ann.id, WHO.id, "   ", "empty answer")]:
        with pytest.raises(ClassError, match=problem):
            classes.record_answer(store, attempt_id, qid, given)
    assert classes.answers(store, code=quiz.code) == []


def test_closing_stops_answers_and_new_students_but_not_returning_ones(store):
    quiz = classes.publish(store, "Harbour news", [WHO, WHEN])
    ann, _ = classes.join(store, quiz.code, "Ann Roe")
    classes.record_answer(store, ann.id, WHO.id, "Ann Roe")
    closed = classes.set_open(store, quiz.code, False)
    assert not closed.is_open and closed.answers_visible
    with pytest.raises(ClassError, match="closed"):
        classes.join(store, quiz.code, "Tom Reed")
    with pytest.raises(ClassError, match="closed"):
        classes.record_answer(store, ann.id, WHEN.id, "March 3, 2024")
    assert classes.join(store, quiz.code, "ANN ROE") == (ann, True)  # back to see the results
    assert classes.set_open(store, quiz.code, True).is_open
    assert classes.record_answer(store, ann.id, WHEN.id, "March 3, 2024")[0].correct
    with pytest.raises(ClassError, match="no quiz"):
        classes.set_open(store, "KKKKKK", False)


def test_removing_an_attempt_takes_its_answers_and_frees_the_name(store):
    quiz = classes.publish(store, "Harbour news", [WHO, WHEN])
    joke, _ = classes.join(store, quiz.code, "Mickey Mouse")
    ann, _ = classes.join(store, quiz.code, "Ann Roe")
    for attempt in (joke, ann):
        classes.record_answer(store, attempt.id, WHO.id, "Tom Reed")
    classes.record_answer(store, joke.id, WHEN.id, "June 21, 2023")
    assert classes.remove_attempt(store, joke.id) == 2
    assert [a.name for a in classes.attempts(store, quiz.code)] == ["Ann Roe"]
    assert [a.attempt_id for a in classes.answers(store, code=quiz.code)] == [ann.id]
    with pytest.raises(ClassError, match="removed it already"):
        classes.remove_attempt(store, joke.id)
    again, resumed = classes.join(store, quiz.code, "Mickey Mouse")
    assert not resumed and again.id != joke.id


def test_answers_hidden_while_open_when_the_teacher_says_so(store):
    quiz = classes.publish(store, "Harbour news", [WHO], show_answers=False)
    assert not classes.quiz(store, quiz.code).answers_visible
    assert classes.set_open(store, quiz.code, False).answers_visible


def test_thirty_students_answer_at_once(store):
    quiz = classes.publish(store, "Harbour news", [WHO, HOW_MANY])

    def student(i: int) -> None:
        attempt, _ = classes.join(store, quiz.code, f"Student {i}")
        classes.record_answer(store, attempt.id, WHO.id, "Ann Roe" if i % 3 else "Tom Reed")
        classes.record_answer(store, attempt.id, HOW_MANY.id, "240")

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(student, range(30)))
    given = classes.answers(store, code=quiz.code)
    assert len(classes.attempts(store, quiz.code)) == 30 and len(given) == 60
    assert sum(a.correct for a in given if a.question_id == WHO.id) == 20


CHOICE = [
    mcq("a1", "Who said the Kelvale harbour reopened?", "Ann Roe", ["Ann Roe", "Tom Reed", "Emma Clarke"], score=0.9,
        fact="f1"),
    cloze("a2", "240", score=0.8, fact="f1"),  # the same fact as a1: asked after the other facts
    mcq("a3", "When did the harbour reopen?", "March 3, 2024", ["March 3, 2024", "May 1, 2024", "July 4, 2023"],
        fact_type="date", score=0.7, fact="f2"),
    cloze("a4", "240", score=0.95, status="new", fact="f4"),  # not approved
    cloze("a5", "240", score=0.6, document="class/ferry.txt", fact="f5"),
    mcq("a6", "Who runs Kelvale?", "Ann Roe", ["Ann Roe", "Tom Reed", "Priya Nair"], fact_type="role", score=0.99,
        status="rejected", fact="f6"),
]
FLAGGED = cloze("a7", "240", score=0.99, fact="f7").model_copy(update={"needs_review": "its sentence changed"})


@pytest.mark.parametrize("documents, fact_types, count, expected", [
    (None, None, None, ["a1", "a3", "a5", "a2"]),
    (None, None, 2, ["a1", "a3"]),
    (["class/ferry.txt"], None, None, ["a5"]),
    (["class/harbour.txt"], ["date"], None, ["a3"]),
    (None, ["quantity"], 5, ["a2", "a5"]),  # a1 left out: a2 is no repeat then
    (None, ["role"], None, []),
    ([], [], 0, []),
])
def test_a_class_quiz_lists_its_questions_by_sql(store, documents, fact_types, count, expected):
    for q in [*CHOICE, FLAGGED]:
        store.add_question(q)  # as they are: statuses and the review flag kept
    choice = class_choice(documents, fact_types)
    chosen = picking.one_per_fact(store, choice, len(CHOICE) + 1 if count is None else count)
    assert [q.id for q in chosen] == expected
    by_id = {q.id: q for q in CHOICE}
    assert [(line.prompt, line.answer, line.fact_type) for line in chosen] == [
        (by_id[i].prompt, by_id[i].answer, by_id[i].fact_type) for i in expected]
    matching = [q for q in [*CHOICE, FLAGGED] if publishable(q) and (not documents or q.sources[0].document in
                documents) and (not fact_types or q.fact_type in fact_types)]
    assert picking.count(store, choice) == len(matching)
    assert picking.fact_types(store, choice) == sorted({q.fact_type for q in matching})


@pytest.mark.parametrize("typed, deleted", [
    ("{code}", True), ("{lower}", True), (" {dashed} ", True),
    ("", False), ("delete", False), ("{other}", False), ("{code}X", False),
])
def test_deleting_a_quiz_needs_its_code_typed_and_takes_its_attempts_and_answers(store, typed, deleted):
    kept = classes.publish(store, "Another class", [WHO])
    quiz = classes.publish(store, "Harbour news", [WHO, HOW_MANY])
    for name in ("Ann Roe", "Tom Reed"):
        attempt, _ = classes.join(store, quiz.code, name)
        classes.record_answer(store, attempt.id, WHO.id, "Ann Roe")
    other, _ = classes.join(store, kept.code, "Ann Roe")
    classes.record_answer(store, other.id, WHO.id, "Tom Reed")
    typed = typed.format(code=quiz.code, lower=quiz.code.lower(), dashed=f"{quiz.code[:3]}-{quiz.code[3:]}",
                         other=kept.code)
    if not deleted:
        with pytest.raises(ClassError, match=f"type the quiz's code {quiz.code}"):
            classes.delete_quiz(store, quiz.code, typed)
        assert len(classes.answers(store, code=quiz.code)) == 2 and classes.quiz(store, quiz.code) is not None
        return
    assert classes.delete_quiz(store, quiz.code, typed) == (2, 2)
    assert classes.quiz(store, quiz.code) is None and classes.attempts(store, quiz.code) == []
    assert [q.code for q in classes.quizzes(store)] == [kept.code]  # the other quiz is untouched
    assert len(classes.answers(store, code=kept.code)) == 1
    with pytest.raises(ClassError, match="deleted it already"):
        classes.delete_quiz(store, quiz.code, quiz.code)
