"""The student page on its own: a bank read by queries (never whole), several articles at once, a new
option order on each retry, one answer box per gap. AppTest runs the real app against banks built here
from sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app.retry import option_order
from studyaid.document import Source
from studyaid.questions.model import Question
from studyaid.store import Store
from studyaid.store import picking

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 120

PLACES = ["Tampere", "Turku", "Oulu", "Espoo", "Vaasa", "Lahti", "Kuopio", "Pori"]


def _source(document: str, sentence: str) -> Source:
    return Source(document=document, sentence=sentence, start=0, end=len(sentence))


def mcq(n: int, document: str, *, status: str = "new", score: float = 0.5, **update) -> Question:
    place = PLACES[n % len(PLACES)]
    sentence = f"The council of {place} opened library number {n} on Monday."
    wrong = [p for p in PLACES if p != place][:3]
    options = wrong[: n % 4] + [place] + wrong[n % 4:]
    q = Question(id=f"q{n:05d}", kind="mcq", fact_type="place", fact_id=f"f{n}", answer=place, options=options,
                 prompt=f"Which council opened library number {n}?", explanation=f"Library {n} is in {place}.",
                 sources=[_source(document, sentence)], status=status, score=score)
    return q.model_copy(update=update)


def bank(path: Path, questions: list[Question], titles: dict[str, str]) -> Store:
    store = Store(path)
    for document, title in titles.items():
        text = "\n".join(s.sentence for q in questions for s in q.sources if s.document == document)
        store.add_document(document, text or title, title=title)
    store.merge_generated(questions)  # one transaction: 10,000 questions in a few seconds
    for status in ("approved", "rejected"):
        chosen = {q.id: None for q in questions if q.status == status}
        if chosen:
            store.set_status(chosen, status)
    return store


def run(path: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("STUDYAID_DB", str(path))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def read_rows(monkeypatch) -> list[str]:
    """The id of every question row the bank decodes (each is one row fetched and parsed)."""
    seen: list[str] = []
    original = Store._entry

    def counted(self, row):
        seen.append(row[0])
        return original(self, row)

    monkeypatch.setattr(Store, "_entry", counted)
    return seen


def test_a_page_of_a_10000_question_bank_reads_only_what_it_shows(tmp_path, monkeypatch, read_rows):
    documents = {f"uploads/{i:03d}_a1b2c3.txt": f"Council news from town {i}" for i in range(40)}
    names = list(documents)
    questions = [mcq(n, names[n % len(names)], score=(n % 97) / 97) for n in range(10_000)]
    bank(tmp_path / "big.sqlite3", questions, documents)
    read_rows.clear()
    at = run(tmp_path / "big.sqlite3", monkeypatch)
    assert read_rows == []  # the choice page: counts and article names only
    assert at.number_input(key="quiz_count").max == 10_000
    assert len(at.multiselect(key="quiz_sources").options) == 40
    at.number_input(key="quiz_count").set_value(10)
    click(at, "quiz_start")
    quiz = at.session_state["quiz"]
    assert quiz.total == 10
    assert len(read_rows) <= picking.CANDIDATES * 10 + picking.EXTRA_CANDIDATES + 1
    scores = {q.id: q.score for q in questions}
    assert min(scores[qid] for qid in quiz.ids) > 0.8  # the best-ranked come first (scores 0 to 0.99)
    read_rows.clear()
    at.run()  # a question page: the question shown, nothing else
    assert read_rows == [quiz.current]


def _titles() -> dict[str, str]:
    return {"uploads/001_aa.txt": "Library plans in the north", "uploads/002_bb.txt": "Rail works in the west",
            "uploads/003_cc.txt": "Harbour news"}


@pytest.mark.parametrize("picked, expected", [
    ([], {"uploads/001_aa.txt", "uploads/002_bb.txt", "uploads/003_cc.txt"}),  # none picked: all articles
    (["uploads/001_aa.txt"], {"uploads/001_aa.txt"}),
    (["uploads/001_aa.txt", "uploads/003_cc.txt"], {"uploads/001_aa.txt", "uploads/003_cc.txt"}),
])
def test_the_article_picker_takes_several_articles(tmp_path, monkeypatch, picked, expected):
    names = list(_titles())
    questions = [mcq(n, names[n % 3]) for n in range(30)]
    bank(tmp_path / "b.sqlite3", questions, _titles())
    at = run(tmp_path / "b.sqlite3", monkeypatch)
    picker = at.multiselect(key="quiz_sources")
    assert sorted(picker.options) == sorted(_titles().values())  # shown by title, not by stored name
    picker.set_value(picked).run()
    wanted = sum(1 for q in questions if q.sources[0].document in expected)
    assert at.number_input(key="quiz_count").max == wanted
    at.number_input(key="quiz_count").set_value(wanted)
    click(at, "quiz_start")
    by_id = {q.id: q for q in questions}
    assert {by_id[i].sources[0].document for i in at.session_state["quiz"].ids} == expected


@pytest.mark.parametrize("policy, statuses, expected", [
    (None, ["new", "new", "rejected"], ("new", "approved")),  # the teacher never chose: all but rejected
    (None, ["new", "approved", "rejected"], ("new", "approved")),  # an approval does not shrink the quiz unasked
    ("approved", ["new", "approved", "rejected"], ("approved",)),  # the teacher chose approved questions only
    ("not_rejected", ["rejected", "rejected"], ("new", "approved")),
])
def test_the_pool_is_counted_in_sql_by_the_students_rule(tmp_path, policy, statuses, expected):
    questions = [mcq(n, "uploads/001_aa.txt", status=s) for n, s in enumerate(statuses)]
    questions.append(mcq(99, "uploads/001_aa.txt", status=statuses[0], needs_review="its sentence changed"))
    store = bank(tmp_path / "p.sqlite3", questions, {"uploads/001_aa.txt": "Library plans"})
    if policy is not None:
        store.set_setting("students_see", policy)
    pool = picking.pool_summary(store)
    assert pool.statuses == expected
    usable = [q for q in store.questions() if q.status in expected and not q.withheld]
    assert pool.size == len(usable)  # a question flagged for review is withheld
    choice = picking.Choice(statuses=pool.statuses)
    assert {q.id for q in picking.candidates(store, choice, 100)} == {q.id for q in usable}


@pytest.mark.parametrize("options, answer", [
    (["Tampere", "Turku", "Oulu", "Espoo"], "Tampere"),
    (["Tampere", "Turku", "Oulu"], "Oulu"),
    (["Tampere", "Turku"], "Turku"),
])
def test_each_retry_moves_the_right_answer_and_keeps_the_options(options, answer):
    for n in range(40):
        q = mcq(n, "uploads/001_aa.txt").model_copy(update={"options": options, "answer": answer})
        orders = [option_order(q, retry) for retry in range(5)]
        assert orders[0] == options  # a first attempt shows the stored order
        for before, after in zip(orders, orders[1:]):
            assert sorted(after) == sorted(options) and after.count(answer) == 1
            assert after.index(answer) != before.index(answer)
        assert orders == [option_order(q, retry) for retry in range(5)]  # the same again for the same attempt


def test_retry_the_missed_ones_shows_a_new_option_order(tmp_path, monkeypatch):
    questions = [mcq(n, "uploads/001_aa.txt", status="approved") for n in range(3)]
    store = bank(tmp_path / "r.sqlite3", questions, {"uploads/001_aa.txt": "Library plans"})
    at = run(tmp_path / "r.sqlite3", monkeypatch)
    at.number_input(key="quiz_count").set_value(3)
    click(at, "quiz_start")
    shown = {}
    for _ in range(3):
        quiz = at.session_state["quiz"]
        q = store.get(quiz.current).question
        key = f"answer_{quiz.number}_{quiz.index}"
        shown[q.id] = list(at.radio(key=key).options)
        at.radio(key=key).set_value(next(o for o in q.options if o != q.answer))
        click(at, f"check_{key}")
        click(at, f"next_{key}")
    assert all(shown[q.id] == q.options for q in questions)  # first attempt: the stored order
    click(at, f"retry_{at.session_state['quiz'].number}")
    for _ in range(3):
        quiz = at.session_state["quiz"]
        q = store.get(quiz.current).question
        key = f"answer_{quiz.number}_{quiz.index}"
        options = list(at.radio(key=key).options)
        assert sorted(options) == sorted(q.options) and options.index(q.answer) != q.options.index(q.answer)
        at.radio(key=key).set_value(q.answer)
        click(at, f"check_{key}")
        assert at.success and "Right" in at.success[0].value
        click(at, f"next_{key}")


TWO_GAPS = "The council of {{c1::Tampere::city}} opened the library on {{c2::March 3, 2021::date}}."


@pytest.mark.parametrize("typed, right", [
    (["Tampere", "3 March 2021"], True),
    (["tampere", "March 3, 2021"], True),
    (["Tampere", "March 2021"], False),  # one gap wrong: the question is wrong
    (["March 3, 2021", "Tampere"], False),  # boxes swapped
])
def test_a_two_gap_cloze_has_one_box_per_gap_graded_gap_by_gap(tmp_path, monkeypatch, typed, right):
    sentence = "The council of Tampere opened the library on March 3, 2021."
    q = Question(id="two", kind="cloze", fact_type="date", fact_id="f2", answer="Tampere", hint="city",
                 prompt="The council of _____ (city) opened the library on _____ (date).", cloze=TWO_GAPS,
                 explanation="", sources=[_source("uploads/001_aa.txt", sentence)], status="approved")
    bank(tmp_path / "g.sqlite3", [q], {"uploads/001_aa.txt": "Library plans"})
    at = run(tmp_path / "g.sqlite3", monkeypatch)
    click(at, "quiz_start")
    quiz = at.session_state["quiz"]
    key = f"answer_{quiz.number}_{quiz.index}"
    boxes = [t for t in at.text_input if str(t.key).startswith(key)]
    assert [b.label for b in boxes] == ["Gap 1 of 2 (city)", "Gap 2 of 2 (date)"]
    for box, value in zip(boxes, typed):
        box.input(value)
    click(at, f"check_{key}")
    assert at.session_state["quiz"].answers["two"].correct is right
    if right:
        assert at.success and "Tampere / March 3, 2021" in at.success[0].value
    else:
        assert at.error and "Tampere / March 3, 2021" in at.error[0].value
