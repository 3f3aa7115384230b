"""Class mode in the Streamlit app (AppTest): a teacher publishes, students join with the code and a
name, answer (each answer stored at once), reload and come back; the teacher reads the results."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app.classroom import ATTEMPT_KEY, PARAM
from studyaid.app.safe import md_escape
from studyaid.document import Source
from studyaid.questions.model import Question
from studyaid.store import Store
from studyaid.store import classes

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT = 60


def run(target) -> AppTest:
    """Run the app (``target`` is the AppTest or a widget just set or clicked); no exception may show."""
    at = target.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_app(**query) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query)
    return run(at)


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def table(at: AppTest, column: str):
    """The one table on the page with ``column`` (its index, or a column)."""
    [found] = [t.value for t in at.table if column == t.value.index.name or column in t.value.columns]
    return found


@pytest.fixture
def approved(bank_db) -> list:
    """Two multiple-choice questions and one cloze approved, the rest left new."""
    store = Store(bank_db)
    chosen = store.entries(kinds=["mcq"])[:2] + store.entries(kinds=["cloze"])[:1]
    store.set_status({e.question.id: e.version for e in chosen}, "approved")
    return [store.get(e.question.id).question for e in chosen]


def publish(title: str = "Monday news", count: int | None = None) -> tuple[AppTest, str]:
    teacher = open_app()
    teacher.sidebar.radio(key="view").set_value("Teacher")
    run(teacher)
    teacher.text_input(key="class_title").input(title)
    if count is not None:
        teacher.number_input(key="class_count").set_value(count)
    run(teacher.button(key="class_publish").click())
    code = teacher.session_state["class_pick"]
    assert any(f"`{code}`" in m for m in texts(teacher.markdown))
    return teacher, code


def join(code: str, name: str) -> AppTest:
    student = open_app()
    student.text_input(key="class_code").input(code.lower())
    student.text_input(key="class_name").input(name)
    return run(student.button(key="class_join").click())


def answer(student: AppTest, store: Store, right: bool) -> str:
    """Answer the question on the screen (right or wrong) and go on; returns its id."""
    attempt_id = student.session_state[ATTEMPT_KEY]
    pending = [w for w in student.radio if str(w.key).startswith("class_answer_")] + \
              [w for w in student.text_input if str(w.key).startswith("class_answer_")]
    assert len(pending) == 1
    widget = pending[0]
    qid = widget.key.rsplit("_", 1)[1]
    q = classes.quiz(store, classes.attempt(store, attempt_id).code).question(qid)
    wrong = next((o for o in q.options if o != q.answer), "certainly not this")
    widget.set_value(q.answer if right else wrong)
    run(student.button(key=f"check_{widget.key}").click())
    assert "Right" in student.success[0].value if right else "the answer is" in student.error[0].value
    run(student.button(key=f"class_next_{qid}").click())
    return qid


def test_publish_join_answer_and_results(bank_db, approved):
    store = Store(bank_db)
    teacher, code = publish()
    quiz = classes.quiz(store, code)
    assert {q.id for q in quiz.questions} == {q.id for q in approved}  # approved questions only
    ann, tom = join(code, "Ann Roe"), join(code, "Tom Reed")
    assert "Monday news" in texts(ann.title) and any(code in c and "Ann Roe" in c for c in texts(ann.caption))
    for _ in quiz.questions:
        answer(ann, store, right=True)
    first = answer(tom, store, right=False)
    answer(tom, store, right=True)
    assert "**You scored 3 out of 3**" in texts(ann.markdown)
    assert len(classes.answers(store, code=code)) == 5  # stored as given, before the quiz ends
    assert not any("Tom Reed" in m for m in texts(ann.markdown) + texts(ann.caption))  # only her own results

    run(teacher)
    students, questions = table(teacher, "student"), table(teacher, "discrimination")
    assert list(students.index) == ["Ann Roe", "Tom Reed"]
    assert list(students["score"]) == ["3/3", "1/3"] and list(students["answered"]) == ["3/3", "2/3"]
    shares = dict(zip(questions.index, questions["right"]))
    number = str([q.id for q in quiz.questions].index(first) + 1)
    assert shares[number] == "50%" and sorted(shares.values()) == ["100%", "100%", "50%"]
    picked = dict(zip(questions.index, questions["wrong answers picked"]))[number]
    assert "×1" in picked  # Tom's wrong pick, counted
    teacher.selectbox(key="class_sheet_pick").set_value(tom.session_state[ATTEMPT_KEY])
    run(teacher)
    sheet = table(teacher, "their answer")  # who answered what: Tom's answers
    assert list(sheet["result"]) == ["wrong", "right", "not answered"]  # his first two, in the quiz's order
    downloads = [e.key for e in teacher.get("download_button") if str(e.key).startswith("class_csv_")]
    assert downloads == [f"class_csv_{part}_{code}" for part in ("students", "questions", "answers")]


def test_reload_resumes_and_the_same_name_continues(bank_db, approved):
    store = Store(bank_db)
    _, code = publish(count=3)
    ann = join(code, "Ann Roe")
    attempt_id = ann.session_state[ATTEMPT_KEY]
    assert ann.query_params[PARAM] == attempt_id  # kept in the address: a reload finds it
    answer(ann, store, right=True)
    reloaded = open_app(**{PARAM: attempt_id})  # a new session, as after a reload
    assert any("Question 2 of 3" in p.proto.text for p in reloaded.get("progress"))
    again = join(code, "  ann roe ")  # another browser, the same name
    assert again.session_state[ATTEMPT_KEY] == attempt_id
    assert any("Welcome back" in i for i in texts(again.info))
    assert len(classes.attempts(store, code)) == 1
    run(again.button(key="class_leave").click())
    assert PARAM not in again.query_params and again.text_input(key="class_code") is not None


@pytest.mark.parametrize("typed_code, name, problem", [
    ("OOOOOO", "Ann Roe", "is not a quiz code"),
    ("KKKKKK", "Ann Roe", "no quiz with the code KKKKKK"),
    (None, "   ", "type your name"),
])
def test_join_refused_with_a_clear_message(bank_db, approved, typed_code, name, problem):
    _, code = publish()
    student = join(typed_code or code, name)
    assert any(problem in e for e in texts(student.error))
    assert ATTEMPT_KEY not in student.session_state


def test_closed_quiz_stops_answers_and_shows_what_was_done(bank_db, approved):
    store = Store(bank_db)
    teacher, code = publish()
    ann = join(code, "Ann Roe")
    answer(ann, store, right=True)
    run(teacher.button(key=f"class_toggle_{code}").click())
    assert not classes.quiz(store, code).is_open
    run(ann)
    assert any("closed the quiz: you answered 1 of 3" in w for w in texts(ann.warning))
    late = join(code, "Tom Reed")
    assert any("is closed" in e for e in texts(late.error))
    run(teacher.button(key=f"class_toggle_{code}").click())
    assert classes.quiz(store, code).is_open


def test_hidden_answers_until_closed(bank_db, approved):
    store = Store(bank_db)
    teacher = open_app()
    teacher.sidebar.radio(key="view").set_value("Teacher")
    run(teacher)
    teacher.text_input(key="class_title").input("Test without answers")
    teacher.checkbox(key="class_show_answers").uncheck()
    run(teacher.button(key="class_publish").click())
    code = teacher.session_state["class_pick"]
    ann = join(code, "Ann Roe")
    widget = next(w for w in ann.radio if str(w.key).startswith("class_answer_"))
    widget.set_value(widget.options[0])
    run(ann.button(key=f"check_{widget.key}").click())
    assert not ann.success and not ann.error and any("is saved" in i for i in texts(ann.info))
    assert len(classes.answers(store, code=code)) == 1


def test_names_and_titles_are_shown_as_written(bank_db, approved):
    teacher, code = publish(title="[Click](http://tracker.test/x.png) **quiz**")
    student = join(code, "<b>Ann</b> [me](http://evil.test)")
    title = texts(student.title)[0]
    assert "\\[Click\\]" in title and "\\*\\*quiz\\*\\*" in title
    caption = next(c for c in texts(student.caption) if code in c)
    assert "&lt;b&gt;Ann&lt;/b&gt;" in caption and "\\[me\\]\\(http" in caption
    run(teacher)
    students = table(teacher, "student")  # st.table renders Markdown: its cells are escaped
    assert list(students.index) == ["&lt;b&gt;Ann&lt;/b&gt; \\[me\\]\\(http\\://evil.test\\)"]


def test_no_approved_question_no_quiz(bank_db):
    teacher = open_app()
    teacher.sidebar.radio(key="view").set_value("Teacher")
    run(teacher)
    assert any("approve some" in i for i in texts(teacher.info))
    assert all(b.key != "class_publish" for b in teacher.button)


def test_teacher_removes_an_attempt_after_a_tick(bank_db, approved):
    store = Store(bank_db)
    teacher, code = publish()
    answer(join(code, "Mickey Mouse"), store, right=False)
    join(code, "Ann Roe")
    run(teacher)
    joke = next(a for a in classes.attempts(store, code) if a.name == "Mickey Mouse")
    teacher.selectbox(key="class_remove_pick").set_value(joke.id)
    run(teacher.button(key="class_remove").click())
    assert any("Tick" in w for w in texts(teacher.warning)) and len(classes.attempts(store, code)) == 2
    teacher.checkbox(key="class_remove_sure").check()
    run(teacher.button(key="class_remove").click())
    assert any("its 1 answer(s)" in m for m in texts(teacher.success))
    assert [a.name for a in classes.attempts(store, code)] == ["Ann Roe"]
    assert list(table(teacher, "student").index) == ["Ann Roe"]


GAP_SENTENCE = "The night train from Orlen to Vassby takes 14 hours, the operator said."
TWO_GAPS = Question(
    id="class-two-gaps", kind="cloze", fact_type="quantity", fact_id="class-two-gaps", answer="14", hint="number",
    accepted=["fourteen"], explanation="The operator gave the route and the time.", status="approved", score=1.0,
    prompt="The night train from Orlen to _____ (city) takes _____ (number) hours, the operator said.",
    cloze="The night train from Orlen to {{c1::Vassby::city}} takes {{c2::14::number}} hours, the operator said.",
    sources=[Source(document="teacher/trains.txt", sentence=GAP_SENTENCE, start=0, end=len(GAP_SENTENCE))])


def answer_up_to_the_gaps(student: AppTest, store: Store) -> list:
    """Answer every question before the two-gap cloze right; returns its boxes."""
    for _ in range(10):
        boxes = [w for w in student.text_input if str(w.key).startswith("class_answer_") and "_gap" in str(w.key)]
        if boxes:
            return boxes
        answer(student, store, right=True)
    raise AssertionError("the two-gap question never came")


@pytest.mark.parametrize("typed, marks, right", [
    (["Vassby", "fourteen"], "Gap 1 right · gap 2 right", True),
    (["vassby", "15"], "Gap 1 right · gap 2 wrong", False),
    (["14", "Vassby"], "Gap 1 wrong · gap 2 wrong", False),  # boxes swapped
])
def test_a_two_gap_cloze_has_one_box_per_gap_graded_and_stored_per_gap(bank_db, approved, typed, marks, right):
    store = Store(bank_db)
    store.add_question(TWO_GAPS)
    store.set_status({TWO_GAPS.id: None}, "approved")
    teacher, code = publish(count=4)
    assert TWO_GAPS.id in [q.id for q in classes.quiz(store, code).questions]
    ann = join(code, "Ann Roe")
    boxes = answer_up_to_the_gaps(ann, store)
    assert [b.label for b in boxes] == ["Gap 1 of 2 (city)", "Gap 2 of 2 (number)"]
    boxes[0].input(typed[0])  # the second gap left empty: nothing is stored
    check = next(b for b in ann.button if str(b.key).startswith("check_class_answer_"))
    run(check.click())
    assert any("Fill in every gap" in w for w in texts(ann.warning))
    assert TWO_GAPS.id not in {a.question_id for a in classes.answers(store, code=code)}
    for box, value in zip(answer_up_to_the_gaps(ann, store), typed):  # the boxes of the page now shown
        box.input(value)
    run(next(b for b in ann.button if str(b.key).startswith("check_class_answer_")).click())
    shown = (ann.success if right else ann.error)[0].value
    assert "Vassby / 14" in shown and marks in texts(ann.caption)
    [stored] = [a for a in classes.answers(store, code=code) if a.question_id == TWO_GAPS.id]
    assert stored.correct is right and [g.given for g in stored.gaps] == typed
    assert [g.correct for g in stored.gaps] == ["right" in m for m in marks.split(" · ")]
    run(next(b for b in ann.button if str(b.key).startswith("class_next_")).click())
    while not any("Your results" in h for h in texts(ann.subheader)):
        answer(ann, store, right=True)
    sheet = next(e for e in ann.expander if "Orlen" in e.label)  # her own results: the answer gap by gap
    assert any("the answer is **Vassby / 14**" in m for m in texts(sheet.markdown)) and marks in texts(sheet.caption)

    run(teacher)
    questions = table(teacher, "discrimination")
    row = questions[questions["answer"] == "Vassby / 14"]
    assert list(row["right"]) == ["100%" if right else "0%"]
    wrong = [f"gap {n}: {t} ×1" for n, (t, ok) in enumerate(zip(typed, marks.split(" · ")), 1) if "wrong" in ok]
    assert list(row["wrong answers picked"]) == [md_escape("; ".join(wrong))]  # st.table cells are escaped
    teacher.selectbox(key="class_sheet_pick").set_value(ann.session_state[ATTEMPT_KEY])
    run(teacher)
    sheet = table(teacher, "their answer")  # who answered what, gap by gap
    [result] = list(sheet[sheet["answer"] == "Vassby / 14"]["result"])
    assert result == md_escape(f"{'right' if right else 'wrong'} ({marks})")


def test_teacher_deletes_a_quiz_after_typing_its_code_with_the_results_offered_first(bank_db, approved):
    store = Store(bank_db)
    _, kept = publish(title="Tuesday news")
    teacher, code = publish(title="Monday news")
    ann = join(code, "Ann Roe")
    answer(ann, store, right=True)
    run(teacher)
    downloads = [e.key for e in teacher.get("download_button") if str(e.key).startswith("class_delete_csv_")]
    assert downloads == [f"class_delete_csv_{part}_{code}" for part in ("students", "answers")]
    delete = teacher.button(key=f"class_delete_{code}")
    assert delete.disabled
    for wrong in ("delete", kept, code[:5]):
        teacher.text_input(key=f"class_delete_confirm_{code}").input(wrong)
        run(teacher)
        assert teacher.button(key=f"class_delete_{code}").disabled, wrong
        assert classes.quiz(store, code) is not None
    teacher.text_input(key=f"class_delete_confirm_{code}").input(f" {code[:3].lower()}-{code[3:].lower()} ")
    run(teacher)
    run(teacher.button(key=f"class_delete_{code}").click())
    assert any(f"({code}) with 1 attempt(s) and 1 answer(s)" in s for s in texts(teacher.success))
    assert classes.quiz(store, code) is None and classes.answers(store, code=code) == []
    assert teacher.selectbox(key="class_pick").options == [f"Tuesday news · {kept} · open · 3 questions"]
    run(ann)  # the student's page lets go of the deleted quiz
    assert ATTEMPT_KEY not in ann.session_state and ann.text_input(key="class_code") is not None


def _results_only(path: str, code: str) -> None:
    """The results panel alone, as its fragment reruns every few seconds in a teacher's browser."""
    from studyaid.app.class_teacher import results_panel

    results_panel(path, code)


def test_a_quiz_deleted_in_another_browser_is_named_not_a_crash(bank_db, approved):
    store = Store(bank_db)
    _, code = publish()
    at = AppTest.from_function(_results_only, args=(str(bank_db), code), default_timeout=TIMEOUT)
    assert not any("was deleted" in i for i in texts(run(at).info))
    classes.delete_quiz(store, code, code)  # another teacher's browser deleted it
    assert any(f"{code} was deleted" in i for i in texts(run(at).info))
