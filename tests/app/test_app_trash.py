"""No silent loss in the app (issue 13, item 3): deletes go to a trash with an undo, the whole bank is
deleted only after a typed confirmation and comes back from the trash, and a JSON backup merges back
in without losing a teacher's work."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.errors import BankError
from studyaid.store import Store
from studyaid.store.backup import backup_bytes, merge_backup, read_backup
from studyaid.store.trash import delete_all_to_trash, delete_to_trash, empty_trash, restore, trash_count, trashed

APP = Path(__file__).resolve().parents[2] / "app.py"


def teacher() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    at.sidebar.radio(key="view").set_value("Teacher").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def tick_and_delete(at: AppTest, rows: list[int]) -> list[str]:
    editor = at.data_editor[0]
    ids = [editor.value["id"][r] for r in rows]
    at.session_state[editor.key] = {"edited_rows": {r: {"select": True} for r in rows}, "added_rows": [],
                                    "deleted_rows": []}
    at.button(key="review_delete").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return ids


def test_a_delete_goes_to_the_trash_and_undo_brings_it_back_as_it_was(bank_db):
    store = Store(bank_db)
    before = {e.question.id: e.question for e in store.entries()}
    at = teacher()
    ids = tick_and_delete(at, [0, 2])
    assert all(store.get(qid) is None for qid in ids)
    assert {t.question.id for t in trashed(store)} == set(ids)
    assert any("in the trash" in s.value for s in at.success)
    at.button(key="undo_delete").click().run()
    assert any("Restored 2 question(s)" in s.value for s in at.success)
    assert all(store.get(qid).question == before[qid] for qid in ids) and trash_count(store) == 0
    assert "undo_delete" not in [b.key for b in at.button]  # one undo per delete


def test_the_trash_list_restores_and_empties(bank_db):
    store = Store(bank_db)
    at = teacher()
    ids = tick_and_delete(at, [0, 1, 3])
    at.run()
    at.multiselect(key="trash_chosen").set_value([ids[1]])
    at.button(key="trash_restore").click().run()
    assert store.get(ids[1]) is not None and store.get(ids[0]) is None
    assert at.button(key="trash_empty").disabled  # not one click
    at.checkbox(key="trash_confirm").check().run()
    at.button(key="trash_empty").click().run()
    assert any("Emptied the trash: 2 question(s)" in s.value for s in at.success)
    assert trash_count(store) == 0 and store.get(ids[0]) is None


def test_deleting_the_whole_bank_needs_a_typed_confirmation_and_is_restorable(bank_db):
    store = Store(bank_db)
    total = store.count()
    at = teacher()
    assert at.button(key="delete_bank").disabled
    at.text_input(key="delete_bank_confirm").input("yes").run()
    assert at.button(key="delete_bank").disabled and store.count() == total
    at.text_input(key="delete_bank_confirm").input("delete all").run()
    at.button(key="delete_bank").click().run()
    assert store.count() == 0 and trash_count(store) == total
    at.button(key="trash_restore").click().run()  # nothing chosen: all of them
    assert store.count() == total and trash_count(store) == 0


@pytest.mark.parametrize("shown_more", [1, -1])
def test_deleting_the_whole_bank_refuses_a_bank_changed_since_it_was_confirmed(bank_db, shown_more):
    store = Store(bank_db)
    with pytest.raises(BankError, match="nothing was deleted"):
        delete_all_to_trash(store, store.count() + shown_more)
    assert trash_count(store) == 0


def test_trashed_questions_stay_deleted_for_generation_until_restored(bank_db):
    store = Store(bank_db)
    entry = store.entries()[0]
    delete_to_trash(store, {entry.question.id: entry.version})
    assert store.merge_generated([entry.question]).deleted == 1 and store.get(entry.question.id) is None
    report = restore(store, ids=[entry.question.id])
    assert report.restored == [entry.question.id]
    restored = store.get(entry.question.id)
    assert restored.question == entry.question and restored.version == entry.version + 1  # old edits stay stale
    delete_to_trash(store, {entry.question.id: restored.version})
    empty_trash(store)
    assert store.merge_generated([entry.question]).deleted == 1  # emptied: still never generated again


def _edited(q, prompt: str):
    return q.model_copy(update={"prompt": prompt, "edited": True})


@pytest.mark.parametrize("case, in_bank, in_backup, expected, kept", [
    # (what happened, the bank now, the backup, merge count that grows, whose version stays)
    ("deleted since the backup", None, "generated", "added", "backup"),
    ("edited in the backup, untouched in the bank", "generated", "edited", "restored_edits", "backup"),
    ("edited in the bank since", "edited", "generated", "kept", "bank"),
    ("edited in both", "edited", "edited-other", "kept", "bank"),
    ("the same in both", "generated", "generated", "unchanged", "bank"),
])
def test_a_backup_merges_back_without_losing_teacher_work(bank_db, case, in_bank, in_backup, expected, kept):
    store = Store(bank_db)
    entry = store.entries(kinds=["mcq"])[0]
    generated = entry.question
    versions = {"generated": generated, "edited": _edited(generated, "Who said it, in the teacher's words?"),
                "edited-other": _edited(generated, "Who said it, in an older edit?")}
    backup = read_backup("backup.json", backup_bytes(store))
    backup.questions = [versions[in_backup] if q.id == generated.id else q for q in backup.questions]
    if in_bank is None:
        delete_to_trash(store, {generated.id: entry.version})
    elif in_bank != "generated":
        store.update(versions[in_bank], entry.version)
    summary = merge_backup(store, backup)
    others = len(backup.questions) - 1  # every other question: the same in the bank and the backup
    assert getattr(summary, expected) == (1 + others if expected == "unchanged" else 1), (case, summary)
    assert summary.added + summary.restored_edits + summary.kept + summary.unchanged == len(backup.questions)
    want = versions[in_backup] if kept == "backup" else versions[in_bank]
    assert store.get(generated.id).question == want, case
    assert store.count() == len(backup.questions) and trash_count(store) == 0


@pytest.mark.parametrize("data, problem", [
    (b"\xff\xfe not text", "not UTF-8"),
    (b'{"questions": [{"id": "x"}]}', "questions.0"),
    (b"[1, 2]", "not a studyaid bank backup"),
    (b"", "not a studyaid bank backup"),
])
def test_a_file_that_is_no_backup_is_refused_by_name(data, problem):
    with pytest.raises(BankError) as err:
        read_backup("my backup.json", data)
    assert err.value.message.startswith("my backup.json: ") and problem in err.value.message


def test_the_backup_round_trip_in_the_app(bank_db):
    store = Store(bank_db)
    data = backup_bytes(store)
    total = store.count()
    at = teacher()
    ids = tick_and_delete(at, [0, 1])
    at.file_uploader(key="backup_upload_0").set_value([("studyaid-backup.json", data, "application/json")])
    at.run()
    at.button(key="backup_merge").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Merged the backup: 2 question(s) added" in s.value for s in at.success), [e.value for e in at.error]
    assert store.count() == total and all(store.get(qid) for qid in ids)


def test_a_trash_of_2000_questions_lists_its_latest_and_restores_all(tmp_path, monkeypatch, local_browser):
    """The trash tab decodes the questions it lists, not the whole trash; "restore all" takes every one."""
    from studyaid.app.trash import TRASH_LISTED
    from studyaid.document import Source
    from studyaid.questions.model import Question

    sentence = "The Lakeside library will open on Sundays from June, the council said."
    source = Source(document="notes/library.txt", sentence=sentence, start=0, end=len(sentence))
    store = Store(tmp_path / "trash.sqlite3")
    store.add_document("notes/library.txt", sentence, title="Library hours")
    store.merge_generated([Question(id=f"t{n:04d}", kind="mcq", fact_type="date", fact_id=f"f{n}",
                                    prompt=f"From which month will the library open on Sundays ({n})?", answer="June",
                                    options=["June", "May", "July"], explanation="The council said so.",
                                    sources=[source]) for n in range(2000)])
    delete_all_to_trash(store, 2000)
    decoded = []
    original = Question.model_validate_json
    monkeypatch.setattr(Question, "model_validate_json",
                        classmethod(lambda cls, data, **kw: decoded.append(1) or original(data, **kw)))
    monkeypatch.setenv("STUDYAID_DB", str(store.path))
    monkeypatch.delenv("STUDYAID_TEACHER_PASSWORD", raising=False)
    at = teacher()
    assert len(at.tabs[4].dataframe[0].value) == TRASH_LISTED and len(decoded) <= TRASH_LISTED
    assert f"The latest {TRASH_LISTED} of 2000 trashed questions" in " ".join(c.value for c in at.tabs[4].caption)
    assert at.button(key="trash_restore").label == "Restore all 2000 question(s)"
    monkeypatch.setattr(Question, "model_validate_json", original)
    at.button(key="trash_restore").click().run()
    assert not at.exception and store.count() == 2000 and trash_count(store) == 0
