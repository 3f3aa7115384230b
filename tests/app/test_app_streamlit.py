"""The Streamlit app, driven by ``streamlit.testing.v1.AppTest`` against a temporary bank."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app.safe import md_escape
from studyaid.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT = 120  # seconds for one app run: the upload test generates questions
ARTICLE = """Finland to spend billions on air defence
Finnish Prime Minister Petteri Orpo said on Monday that Finland would spend 3 billion euros on new air defence \
systems over the next five years. "We will not be caught unprepared," Orpo told reporters in Helsinki.
The plan was approved by parliament on September 8, with 120 lawmakers voting in favour. Defence Minister Antti \
Hakkarainen said the first systems would arrive in Tampere by 2027.
"Our neighbours must know that Finland can defend every city," Hakkarainen said.
"""


def start(**secrets) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for name, value in secrets.items():
        at.secrets[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def to_teacher(at: AppTest) -> AppTest:
    at.sidebar.radio(key="view").set_value("Teacher").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def answer(at: AppTest, store: Store, right: bool):
    quiz = at.session_state["quiz"]
    q = store.get(quiz.current).question
    key = f"answer_{quiz.number}_{quiz.index}"
    if q.kind == "mcq":
        at.radio(key=key).set_value(q.answer if right else next(o for o in q.options if o != q.answer))
    else:
        at.text_input(key=key).input(q.answer if right else "certainly not this")
    at.button(key=f"check_{key}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return q, key


def test_a_full_quiz_with_feedback_score_review_and_retry(bank_db):
    store = Store(bank_db)
    at = start()
    assert any("every question a teacher has not rejected" in c for c in texts(at.caption))
    at.number_input(key="quiz_count").set_value(4)
    at.button(key="quiz_start").click().run()
    quiz = at.session_state["quiz"]
    assert quiz.total == 4
    pattern = [True, False, True, False]
    for i, right in enumerate(pattern):
        assert f"Question {i + 1} of 4" in at.get("progress")[0].proto.text
        q, key = answer(at, store, right)
        if right:
            assert at.success and "Right" in at.success[0].value
        else:
            assert at.error and "the answer is" in at.error[0].value
        markdown = texts(at.markdown)
        assert any(m.startswith("**Why:**") for m in markdown)
        assert any(":orange-background[**" in m for m in markdown)  # the source sentence, highlighted
        assert any(c.startswith(("Stated in 1 article", "Corroborated by")) for c in texts(at.caption))
        at.button(key=f"next_{key}").click().run()
    assert "Results" in texts(at.main.title)
    assert "You scored 2 out of 4" in texts(at.subheader)
    assert len(at.expander) == 2  # the missed questions, for review
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")  # results by fact type
    missed = at.session_state["quiz"].missed()
    at.button(key=f"retry_{quiz.number}").click().run()
    retry = at.session_state["quiz"]
    assert retry.ids == missed and retry.number == quiz.number + 1 and retry.answers == {}


def test_students_see_only_approved_questions_once_the_teacher_chooses_so(bank_db):
    store = Store(bank_db)
    chosen = {e.question.id: e.version for e in store.entries(kinds=["mcq"])[:2]}
    store.set_status(chosen, "approved")
    rejected = store.entries()[-1]
    store.set_status({rejected.question.id: rejected.version}, "rejected")
    at = start()  # the teacher has not chosen: every question not rejected
    assert at.number_input(key="quiz_count").max == store.count() - 1
    store.set_setting("students_see", "approved")
    at = start()
    assert any("2 questions approved by a teacher" in c for c in texts(at.caption))
    assert at.number_input(key="quiz_count").max == 2
    at.button(key="quiz_start").click().run()
    assert set(at.session_state["quiz"].ids) == set(chosen)


def test_empty_bank_and_broken_bank_have_clear_messages(tmp_path, monkeypatch, local_browser):
    empty = tmp_path / "empty.sqlite3"
    Store(empty).add_document("pasted/nothing.txt", "Nothing to ask about.", title="Nothing")
    monkeypatch.setenv("STUDYAID_DB", str(empty))
    at = start()
    assert texts(at.info) == ["No questions yet — add a document in the Teacher view."]
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all\n" * 100)
    monkeypatch.setenv("STUDYAID_DB", str(broken))
    at = start()  # students: a plain message, no file name, no details
    assert len(at.error) == 1 and "tell your teacher" in at.error[0].value and "sqlite3" not in at.error[0].value
    at = to_teacher(at)  # the teacher (a browser on this machine, no password): the file and the problem
    assert len(at.error) == 1 and "not a studyaid bank" in at.error[0].value
    assert md_escape(str(broken)) in at.error[0].value


# The first start and adding documents run as background jobs: tests/app/test_app_jobs.py and
# tests/app/test_app_documents.py.


def test_a_teacher_edit_persists_into_a_new_app_run(bank_db):
    at = to_teacher(start())
    assert any("only in a browser on this computer" in c for c in texts(at.caption))
    editor = at.data_editor[0]
    frame = editor.value
    row = int(frame.index[frame["kind"] == "mcq"][0])
    qid = frame.loc[row, "id"]
    at.session_state[editor.key] = {"edited_rows": {row: {"prompt": "Who said it, according to the teacher?",
                                                          "explanation": "Checked by the teacher.",
                                                          "status": "approved"}},
                                    "added_rows": [], "deleted_rows": []}
    at.button(key="review_save").click().run()
    assert any(s.startswith("Saved 1 change(s).") for s in texts(at.success)), texts(at.error)

    again = to_teacher(start())  # a new session: what it shows comes from the bank file
    frame = again.data_editor[0].value.set_index("id")
    assert frame.loc[qid, "prompt"] == "Who said it, according to the teacher?"
    assert frame.loc[qid, "status"] == "approved" and bool(frame.loc[qid, "edited"])
    stored = Store(bank_db).get(qid).question
    assert stored.edited and stored.explanation == "Checked by the teacher."


def test_bulk_actions_and_a_stale_edit_refused(bank_db):
    store = Store(bank_db)
    at = to_teacher(start())
    editor = at.data_editor[0]
    ids = list(editor.value["id"])
    # someone else edits the first question after this page was drawn
    other = store.get(ids[0])
    store.update(other.question.model_copy(update={"prompt": "Someone else's prompt _____ (date).", "edited": True}),
                 other.version)
    at.session_state[editor.key] = {"edited_rows": {0: {"answer": "Mine"}, 1: {"select": True}, 2: {"select": True}},
                                    "added_rows": [], "deleted_rows": []}
    at.button(key="review_delete").click().run()
    errors = texts(at.error)
    assert any("changed by someone else" in e for e in errors), errors
    assert any("Deleted 2 question(s)" in s for s in texts(at.success))
    assert store.get(ids[0]).question.prompt == "Someone else's prompt _____ (date)."  # not overwritten
    assert store.get(ids[1]) is None and store.get(ids[2]) is None
    at.multiselect(key="filter_type").set_value(["place"]).run()
    assert set(at.data_editor[0].value["type"]) == {"place"}
    shown = len(at.data_editor[0].value)
    at.button(key="review_approve_all").click().run()
    assert store.counts().get("approved") == shown


def test_a_hand_written_question_is_added_approved(bank_db):
    at = to_teacher(start())
    at.radio(key="write_kind").set_value("cloze")
    at.text_area(key="write_prompt").input("Leaders met in Paris to discuss security guarantees.")
    at.text_input(key="write_answer").input("Paris")
    at.button(key="write_submit").click().run()
    assert any("it is approved" in s for s in texts(at.success)), texts(at.error)
    (q,) = [q for q in Store(bank_db).questions() if q.id.startswith("hand-")]
    assert q.status == "approved" and q.cloze == "Leaders met in {{c1::Paris}} to discuss security guarantees."


@pytest.mark.parametrize("how", ["env", "secrets"])
def test_the_password_gate(bank_db, monkeypatch, how):
    now = [1000.0]
    monkeypatch.setattr("studyaid.app.auth.clock", lambda: now[0])
    if how == "env":
        monkeypatch.setenv("STUDYAID_TEACHER_PASSWORD", "correct horse")
        at = to_teacher(start())
    else:
        at = to_teacher(start(teacher_password="correct horse"))
    assert not at.data_editor and not at.tabs
    at.text_input(key="teacher_password").input("wrong")
    at.button(key="teacher_enter").click().run()
    assert texts(at.error) == ["Wrong password."]
    assert not at.data_editor and not at.tabs
    now[0] += 5  # a wrong password slows the next attempt down
    at.text_input(key="teacher_password").input("correct horse")
    at.button(key="teacher_enter").click().run()
    assert not at.error and at.data_editor and len(at.tabs) == 6
    at.sidebar.button(key="teacher_logout").click().run()
    assert not at.data_editor


def test_downloads_in_every_format(bank_db):
    from studyaid.app.documents import FORMATS, exporters_available, export_bytes

    if not exporters_available():
        pytest.skip("studyaid.export is not installed yet")
    at = to_teacher(start())
    labels = [b.label for b in at.get("download_button") if b.key.startswith("download_")]
    assert labels == [label for _, label, _ in FORMATS]
    store = Store(bank_db)
    rejected = store.entries()[0]
    store.set_status({rejected.question.id: rejected.version}, "rejected")
    for extension, _, _ in FORMATS:
        data = export_bytes(store.questions(), extension, "News")
        assert data, extension
        if extension in ("gift", "xml", "csv"):  # each names its questions by id; another question may share a sentence
            assert rejected.question.id not in data.decode("utf-8")
            assert store.entries()[1].question.id in data.decode("utf-8")
