"""The teacher's documents: adding (no stale input, issue 12 item 4) and removing one with its questions
(issue 13), for good: neither regeneration nor the first start brings it back."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app import jobs as app_jobs
from studyaid.app.builder import SEEDS, add_file, import_seeds, regenerate
from studyaid.store import Store
from studyaid.store.removal import purge_orphans, removal_preview, remove_document
from studyaid.store.trash import restore, trashed

APP = Path(__file__).resolve().parents[2] / "app.py"
WAIT = 600  # an upper bound for a background job, not a measure of speed
REMOVED = "seeds/001_19d649231e99c853.txt"
NOTE = "Dutch Prime Minister Dick Schoof visited Kyiv on Tuesday, officials in Kyiv said on Wednesday."


@pytest.fixture
def pipeline(nlp, monkeypatch):
    """Jobs run in threads of the test process, with its pipeline."""
    monkeypatch.setattr(app_jobs, "RUNNER", "thread")
    monkeypatch.setattr(app_jobs, "_pipeline", nlp)
    yield nlp
    assert app_jobs.wait(WAIT), "a generation job did not end"


def teacher() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    at.sidebar.radio(key="view").set_value("Teacher").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def listed(at: AppTest) -> list[str]:
    """The documents in the "Add documents" tab's list."""
    (frame,) = [d.value for d in at.dataframe if "questions" in d.value.columns and "name" in d.value.columns]
    return list(frame["name"])


def linked(store: Store, path: str) -> list[str]:
    return [q.id for q in store.questions() if any(s.document == path for s in q.sources)]


def touch(store: Store, ids: list[str]) -> None:
    """A teacher edits the first question and approves the second."""
    first, second = store.get(ids[0]), store.get(ids[1])
    store.update(first.question.model_copy(update={"explanation": "Checked by the teacher.", "edited": True}),
                 first.version)
    store.set_status({second.question.id: second.version}, "approved")


def test_a_removed_document_and_its_questions_stay_removed(bank_db, nlp):
    store = Store(bank_db)
    ids = linked(store, REMOVED)
    assert len(ids) > 3
    touch(store, ids)
    preview = removal_preview(store, REMOVED)
    assert (preview.questions + preview.kept, preview.teacher_work) == (len(ids), 2)
    assert preview.kept  # the sample articles report some facts twice: those questions stay

    removal = remove_document(store, REMOVED)

    assert removal.trashed == 2 and {t.question.id for t in trashed(store)} == set(ids[:2])
    assert store.document(REMOVED) is None and not linked(store, REMOVED)
    others = {q.id for q in store.questions()}
    report, problems = regenerate(store, nlp)  # "generate all again"
    assert problems == [] and not linked(store, REMOVED) and {q.id for q in store.questions()} >= others
    assert import_seeds(store, SEEDS) == []  # a first start run again does not import it either
    assert store.document(REMOVED) is None and len(store.documents()) == 4
    with pytest.raises(Exception, match="no document 'seeds/001_19d649231e99c853.txt'"):
        remove_document(store, REMOVED)
    document, new = add_file(store, Path(REMOVED).name, (SEEDS / Path(REMOVED).name).read_bytes(), folder="uploads")
    assert new  # the teacher adds it again on purpose: it is back
    regenerate(store, nlp)
    assert linked(store, document.path)


@pytest.mark.parametrize("touched, kept", [(False, False), (True, True)])
def test_questions_merged_by_a_generation_that_read_a_removed_document_are_purged(bank_db, touched, kept):
    """A generation that read the document before it was removed merges its questions after: they go,
    except a teacher's work restored from the trash."""
    store = Store(bank_db)
    ids = linked(store, REMOVED)
    if touched:
        touch(store, ids)
    before = [store.get(qid).question for qid in ids]
    remove_document(store, REMOVED)
    if touched:
        assert set(restore(store).restored) == set(ids[:2])
    store.merge_generated(before)  # the late merge
    purge_orphans(store)
    assert set(linked(store, REMOVED)) == (set(ids[:2]) if kept else set())
    assert {q.id for q in store.questions()}  # other documents' questions untouched


def test_removing_in_the_app_asks_first_and_names_the_teachers_work(bank_db, pipeline):
    store = Store(bank_db)
    ids = linked(store, REMOVED)
    touch(store, ids)
    at = teacher()
    assert REMOVED in listed(at)
    at.selectbox(key="remove_choice").set_value(REMOVED)
    at.button(key="remove_document").click().run()
    going = removal_preview(store, REMOVED).questions
    (warning,) = [w for w in texts(at.warning) if "Remove" in w]
    assert f"its {going} question(s)" in warning and f"{len(ids) - going} other question(s) from it stay" in warning and "2 of these questions were edited, approved or rejected" in warning
    assert "trash" in warning
    at.button(key="remove_cancel").click().run()
    assert store.document(REMOVED) is not None and len(linked(store, REMOVED)) == len(ids)  # cancel: nothing gone
    at.selectbox(key="remove_choice").set_value(REMOVED)
    at.button(key="remove_document").click().run()
    at.button(key="remove_confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"{going} question(s)" in s and "2 edited, approved or rejected are in the trash" in s
               for s in texts(at.success))
    assert store.document(REMOVED) is None and not linked(store, REMOVED)
    assert REMOVED not in listed(at)
    at.button(key="regenerate").click().run()  # generate all again, in the background
    assert app_jobs.wait(WAIT)
    at.run()
    assert not at.exception and store.document(REMOVED) is None and not linked(store, REMOVED)


def test_adding_keeps_no_stale_input_and_a_first_paste_works(bank_db, pipeline):
    store = Store(bank_db)
    at = teacher()
    at.button(key="add_documents").click().run()  # nothing chosen: said so
    assert "Choose a file or paste a text first." in texts(at.warning)
    at.text_input(key="paste_title_0").input("Schoof in Kyiv")
    at.text_area(key="paste_text_0").input(NOTE)  # the first paste, submitted with the button
    at.file_uploader(key="upload_0").set_value([("empty.txt", b"", "text/plain")])
    at.button(key="add_documents").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("empty.txt" in e and "empty" in e for e in texts(at.error))
    assert "Added “Schoof in Kyiv”." in texts(at.success)
    assert store.document("pasted/Schoof-in-Kyiv.txt").text == NOTE
    assert "pasted/Schoof-in-Kyiv.txt" in listed(at)  # listed at once
    assert at.text_area(key="paste_text_1").value == "" and at.text_input(key="paste_title_1").value == ""
    assert not at.file_uploader(key="upload_1").value  # an empty form for the next documents
    assert app_jobs.wait(WAIT)
    at.run()
    assert any("Questions ready" in s for s in texts(at.success))
    at.text_area(key="paste_text_1").input(NOTE)  # the same text again: already in the bank
    at.button(key="add_documents").click().run()
    assert any("already in the bank" in i for i in texts(at.info)) and "No new document was added." in texts(at.error)


def test_an_upload_is_stored_and_generated_from_in_the_background(bank_db, pipeline):
    article = ("Finland to spend billions on air defence\n"
               "Finnish Prime Minister Petteri Orpo said on Monday that Finland would spend 3 billion euros on new air "
               "defence systems. \"We will not be caught unprepared,\" Orpo told reporters in Helsinki.\n"
               "Defence Minister Antti Hakkarainen said the first systems would arrive in Tampere by 2027.\n")
    store = Store(bank_db)
    at = teacher()
    at.file_uploader(key="upload_0").set_value([("finland.txt", article.encode("utf-8"), "text/plain")])
    at.button(key="add_documents").click().run()
    assert store.document("uploads/finland.txt").label == "Finland to spend billions on air defence"
    assert app_jobs.wait(WAIT)
    at.run()
    assert linked(store, "uploads/finland.txt")
    assert not at.file_uploader(key="upload_1").value


@pytest.mark.parametrize("configured, largest, words", [
    (None, 50, "up to 5.0 MB each, a PDF up to 50.0 MB"),  # the reading limits, not Streamlit's 200 MB
    ("1MB", 10, "up to 1.0 MB each, a PDF up to 10.0 MB"),
    ("300k", 3, "up to 300.0 KB each, a PDF up to 2.9 MB"),
])
def test_the_uploader_states_the_limit_reading_applies(monkeypatch, configured, largest, words):
    from studyaid.app.documents import upload_limit

    if configured is None:
        monkeypatch.delenv("STUDYAID_MAX_BYTES", raising=False)
    else:
        monkeypatch.setenv("STUDYAID_MAX_BYTES", configured)
    assert upload_limit() == (largest, words)
