"""The teacher's review (issue 12 items 3 and 5, issue 13 item 7, issue 11): what students see is the
teacher's stated choice, flagged questions are shown with their reason and cleared by a review, the
table shows the source sentence and a preview, empty filters mean "all", messages stay in their tab,
and a bank of 10,000 questions is read one page at a time. AppTest runs the real app against banks
built from sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app.editing import apply_changes, rebuild_cloze, table_row
from studyaid.app.review import DEFAULT_PAGE_SIZE, chosen_filters, page_bounds
from studyaid.document import Source
from studyaid.questions.model import Question
from studyaid.store import BankEntry, Store
from studyaid.store import picking
from studyaid.store.removal import purge_orphans, remove_document
from studyaid.store.trash import delete_to_trash, restore

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 120
DOC = "uploads/harbour.txt"
TEXT = ("The harbour board of Vaasa met on Monday.\n"
        "Chair Liisa Korhonen said the ferry to Umea would run twice a day from May.\n"
        "The board approved a budget of 4 million euros for the new quay.\n")
TOWNS = ["Vaasa", "Oulu", "Pori", "Kotka", "Hanko"]


def question(n: int, *, status: str = "new", kind: str = "mcq", document: str = DOC, **update) -> Question:
    sentence = TEXT.splitlines()[n % 3]
    start = TEXT.index(sentence)
    town = TOWNS[n % len(TOWNS)]
    base = dict(id=f"q{n:05d}", kind=kind, fact_type=("place", "quote", "quantity")[n % 3], fact_id=f"f{n}",
                prompt=f"Which board met in meeting number {n}?", answer=town,
                options=[town, *[t for t in TOWNS if t != town][:2]] if kind == "mcq" else [],
                explanation=f"Meeting {n} was in {town}.", status=status,
                sources=[Source(document=document, sentence=sentence, start=start, end=start + len(sentence))])
    if kind == "cloze":
        base.update(prompt=f"The harbour board of _____ (city) met {n} times.",
                    cloze=f"The harbour board of {{{{c1::{town}::city}}}} met {n} times.", hint="city")
    base.update(update)
    return Question(**base)


def bank(path: Path, questions: list[Question], text: str = TEXT) -> Store:
    store = Store(path)
    store.add_document(DOC, text, title="Harbour board meets")
    store.merge_generated(questions)  # one transaction
    for status in ("approved", "rejected"):
        chosen = {q.id: None for q in questions if q.status == status}
        if chosen:
            store.set_status(chosen, status)
    return store


def teacher(path: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("STUDYAID_DB", str(path))
    monkeypatch.delenv("STUDYAID_TEACHER_PASSWORD", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.sidebar.radio(key="view").set_value("Teacher").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def metric(at: AppTest, label: str) -> str:
    (value,) = [m.value for m in at.tabs[0].metric if m.label == label]
    return value


def tick(at: AppTest, rows: dict[int, dict]) -> None:
    editor = at.data_editor[0]
    at.session_state[editor.key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}


# -- what students see (issue 12 item 3) -----------------------------------------------------------

def test_approving_one_question_says_what_students_see_and_shrinks_nothing_unasked(tmp_path, monkeypatch,
                                                                                    local_browser):
    store = bank(tmp_path / "b.sqlite3", [question(n) for n in range(12)])
    at = teacher(store.path, monkeypatch)
    assert at.radio(key="students_see").value == "not_rejected"  # the default until the teacher chooses
    tick(at, {0: {"select": True}})
    ok(at.button(key="review_approve").click().run())
    (message,) = texts(at.tabs[0].success)
    assert "Marked 1 question(s) approved." in message and "Students now see 12 question(s)" in message
    assert picking.pool_summary(store).size == 12  # the quiz did not shrink to 1
    other = teacher(store.path, monkeypatch)  # a second browser, open before the choice
    ok(at.radio(key="students_see").set_value("approved").run())
    assert store.students_see() == "approved"  # stored in the bank: every browser, every restart
    assert any("Students now see 1 question(s)" in s for s in texts(at.tabs[0].success))
    assert picking.pool_summary(store).size == 1
    again = teacher(store.path, monkeypatch)
    assert again.radio(key="students_see").value == "approved"
    assert ok(other.run()).radio(key="students_see").value == "approved"  # shown as stored, not as it was


@pytest.mark.parametrize("policy, statuses, seen", [
    ("not_rejected", ["new", "approved", "rejected", "new"], 3),
    ("approved", ["new", "approved", "rejected", "new"], 1),
    ("approved", ["new", "new"], 0),
    ("not_rejected", ["rejected"], 0),
])
def test_the_students_count_follows_the_teachers_choice(tmp_path, policy, statuses, seen):
    from studyaid.app.quiz import student_count

    questions = [question(n, status=s) for n, s in enumerate(statuses)]
    questions.append(question(50, status="approved", needs_review="its sentence changed"))  # flagged: never seen
    store = bank(tmp_path / "b.sqlite3", questions)
    flagged = store.get("q00050").question  # stored by generation without its flag: flag it as a changed text does
    store.update(flagged.model_copy(update={"needs_review": f"its source sentence changed in {DOC}"}), None)
    assert student_count(store, policy) == seen == picking.count(
        store, picking.Choice(statuses=("approved",) if policy == "approved" else ("new", "approved")))


# -- flagged questions (issue 13 item 7) -------------------------------------------------------------

def test_flagged_questions_are_shown_with_their_reason_filtered_and_cleared_by_a_review(tmp_path, monkeypatch,
                                                                                      local_browser):
    store = bank(tmp_path / "b.sqlite3", [question(n, status="approved" if n < 6 else "new") for n in range(9)])
    # the article is replaced by a text without its second sentence: its questions are flagged
    store.add_document(DOC, TEXT.replace(TEXT.splitlines()[1] + "\n", ""), title="Harbour board meets")
    flagged = {q.id for q in store.questions(flagged=True)}
    assert flagged == {"q00001", "q00004", "q00007"}
    assert picking.pool_summary(store).size == 6  # withheld from students
    at = teacher(store.path, monkeypatch)
    assert metric(at, "Needs review") == "3"
    ok(at.checkbox(key="filter_flagged").check().run())
    frame = at.data_editor[0].value
    assert set(frame["id"]) == flagged
    assert all(r.startswith("needs review:") and DOC in r for r in frame["review"])  # the reason names the document
    rows = list(frame["id"])
    tick(at, {rows.index("q00001"): {"select": True},  # approved again: the review
              rows.index("q00004"): {"explanation": "Checked against the new text."}})  # an edit saved: reviewed too
    ok(at.button(key="review_approve").click().run())
    assert store.get("q00001").question.needs_review is None and store.get("q00001").question.status == "approved"
    assert store.get("q00004").question.needs_review is None and store.get("q00004").question.edited
    assert store.get("q00007").question.needs_review is not None  # not looked at: still withheld
    assert set(at.data_editor[0].value["id"]) == {"q00007"} and metric(at, "Needs review") == "1"


FLAGGED = question(3, status="approved", needs_review=f"its source sentence changed in {DOC}")


@pytest.mark.parametrize("changes, cleared", [
    ({"status": "approved"}, True),  # approving again is the review
    ({"explanation": "Checked."}, True),  # so is saving an edit
    ({"answer": "Oulu"}, True),
    ({"status": "new"}, False),
    ({"status": "rejected"}, False),  # rejected: withheld anyway, and not reviewed
])
def test_a_review_clears_the_flag(changes, cleared):
    edited = apply_changes(FLAGGED.model_copy(update={"status": "new"}), changes)
    assert (edited.needs_review is None) == cleared


# -- the review table (issue 12 item 5) ------------------------------------------------------------------

@pytest.mark.parametrize("prompt, answer, cloze", [
    # the new answer repeats words just before the gap: they go into the gap, never twice
    ("Mayor Bill de _____ (person) said the plan was ready.", "Bill de Blasio",
     "Mayor {{c1::Bill de Blasio::person}} said the plan was ready."),
    ("Spending rose by _____ (number) per cent this year.", "4 per cent",
     "Spending rose by {{c1::4 per cent::number}} this year."),  # ...or just after it
    ("The talks were held in the _____ (city) on Friday.", "The Hague",
     "The talks were held in {{c1::The Hague::city}} on Friday."),
    # no shared words: the gap holds the answer, the context stays as it is
    ("Mayor _____ (person) said the plan was ready.", "Bill de Blasio",
     "Mayor {{c1::Bill de Blasio::person}} said the plan was ready."),
    ("Chair Liisa _____ (person) opened the meeting.", "Korhonen", "Chair Liisa {{c1::Korhonen::person}} opened the "
     "meeting."),
    # a word the answer shares with the context away from the gap is left alone
    ("Paris and _____ (city) signed; Paris hosted.", "Paris region", "Paris and {{c1::Paris region::city}} signed; "
     "Paris hosted."),
    # the context says the whole answer already: not absorbed (the gap keeps a word of the answer's own)
    ("Bill de Blasio met _____ (person).", "Bill de Blasio", "Bill de Blasio met {{c1::Bill de Blasio::person}}."),
])
def test_a_new_cloze_answer_replaces_the_gap_exactly(prompt, answer, cloze):
    shown, made = rebuild_cloze(prompt, answer, None)
    assert made == cloze
    assert shown.count("_____") == 1  # the student sees one gap


def test_the_table_has_the_source_sentence_and_the_reason_for_review():
    row = table_row(BankEntry(question=FLAGGED, version=1, updated_at=""), {DOC: "Harbour board meets"})
    assert row["sentence"] == TEXT.splitlines()[0] and row["source"] == "Harbour board meets"
    assert row["review"] == f"needs review: its source sentence changed in {DOC}"
    assert table_row(BankEntry(question=question(1), version=1, updated_at=""), {})["review"] == ""


@pytest.mark.parametrize("widget, value", [
    ("filter_status", []), ("filter_type", []), ("filter_kind", []),  # empty: all
])
def test_an_empty_filter_means_all(tmp_path, monkeypatch, local_browser, widget, value):
    questions = [question(n, status=("new", "approved", "rejected")[n % 3], kind=("mcq", "cloze")[n % 2])
                 for n in range(12)]
    store = bank(tmp_path / "b.sqlite3", questions)
    at = teacher(store.path, monkeypatch)
    ok(at.multiselect(key=widget).set_value(value).run())
    assert len(at.data_editor[0].value) == store.count() == 12


@pytest.mark.parametrize("statuses, types, kinds, flagged, expected", [
    ([], [], [], False, {"statuses": None, "fact_types": None, "kinds": None, "document": None, "flagged": None}),
    (["new"], ["place"], ["mcq"], True,
     {"statuses": ["new"], "fact_types": ["place"], "kinds": ["mcq"], "document": None, "flagged": True}),
])
def test_chosen_filters(statuses, types, kinds, flagged, expected):
    assert chosen_filters(statuses, types, kinds, None, flagged) == expected


def test_the_preview_shows_the_question_as_a_student_sees_it(tmp_path, monkeypatch, local_browser):
    store = bank(tmp_path / "b.sqlite3", [question(0), question(1, kind="cloze"), question(2, status="rejected")])
    at = teacher(store.path, monkeypatch)
    preview = at.selectbox(key="review_preview")
    assert preview.value == "q00000"
    assert at.radio(key="preview_answer_q00000").options == question(0).options  # the options, in their order
    assert any(TEXT.splitlines()[0] in m for m in texts(at.markdown))  # the source sentence, highlighted
    ok(preview.set_value("q00001").run())
    assert at.text_input(key="preview_answer_q00001").placeholder == "the missing city"  # a gap to fill
    ok(at.selectbox(key="review_preview").set_value("q00002").run())
    assert any("Students do not see this question: it is rejected" in w for w in texts(at.warning))


# -- messages stay in their tab ------------------------------------------------------------------------

def test_messages_stay_in_their_tab_and_counts_are_fresh_after_writing_a_question(tmp_path, monkeypatch,
                                                                                 local_browser):
    store = bank(tmp_path / "b.sqlite3", [question(n) for n in range(4)])
    at = teacher(store.path, monkeypatch)
    assert metric(at, "Questions") == "4"
    at.radio(key="write_kind").set_value("cloze")
    at.text_area(key="write_prompt").input("The ferry to Umea runs twice a day from May.")
    at.text_input(key="write_answer").input("Umea")
    ok(at.button(key="write_submit").click().run())
    assert any("it is approved" in s for s in texts(at.tabs[2].success))  # in "Write a question"
    assert not at.tabs[0].success and not [e for e in at.main.children.values() if e.type == "alert"]
    assert metric(at, "Questions") == "5" and metric(at, "Approved") == "1"  # counted again at once
    assert at.text_area(key="write_prompt").value == ""  # an empty form for the next question
    tick(at, {1: {"select": True}})
    ok(at.button(key="review_reject").click().run())
    assert any("Marked 1 question(s) rejected" in s for s in texts(at.tabs[0].success))
    assert not at.tabs[2].success  # each message once, in its own tab


# -- the trash and removed documents -------------------------------------------------------------------------

@pytest.mark.parametrize("status, edited", [("new", False), ("approved", False), ("new", True)])
def test_a_question_restored_after_its_document_was_removed_is_never_lost(tmp_path, status, edited):
    other = question(1, document="uploads/other.txt")
    store = bank(tmp_path / "b.sqlite3", [question(0, status=status, edited=edited), other])
    store.add_document("uploads/other.txt", TEXT, title="Another board")
    delete_to_trash(store, {"q00000": None})  # the teacher deletes it...
    remove_document(store, DOC)  # ...then removes its document
    report = restore(store, ids=["q00000"])  # ...then restores the question from the trash
    assert report.restored == ["q00000"] and report.kept_as_own == {"q00000": "Harbour board meets"}
    purge_orphans(store)  # what the next generation does
    kept = store.get("q00000").question
    assert kept.edited and kept.status == status  # the teacher's own now: never purged
    restore_other = restore(store)
    assert restore_other.kept_as_own == {}


def test_restoring_in_the_app_names_the_removed_document(tmp_path, monkeypatch, local_browser):
    store = bank(tmp_path / "b.sqlite3", [question(n) for n in range(3)])
    delete_to_trash(store, {"q00000": None})
    remove_document(store, DOC)
    at = teacher(store.path, monkeypatch)
    ok(at.button(key="trash_restore").click().run())
    notes = texts(at.tabs[4].info)
    assert any("Harbour board meets" in n and "kept as your own" in n for n in notes), notes
    assert store.get("q00000") is not None


@pytest.mark.parametrize("states, work", [
    ([("new", False), ("new", False), ("new", False)], 0),  # untouched: no teacher's work
    ([("approved", False), ("new", False), ("rejected", False)], 2),  # a rejection is the teacher's work too
    ([("new", True), ("approved", True), ("new", False)], 2),
])
def test_the_removal_counts_only_the_teachers_work(tmp_path, states, work):
    from studyaid.store.removal import removal_preview

    store = bank(tmp_path / "b.sqlite3", [question(n, status=s) for n, (s, _) in enumerate(states)])
    for n, (_, edited) in enumerate(states):
        if edited:
            entry = store.get(f"q{n:05d}")
            store.update(entry.question.model_copy(update={"explanation": "By hand.", "edited": True}), entry.version)
    preview = removal_preview(store, DOC)
    assert (preview.questions, preview.teacher_work) == (len(states), work)
    assert remove_document(store, DOC).trashed == work


# -- a bank of 10,000 questions, one page at a time (issue 11) -------------------------------------------

@pytest.mark.parametrize("total, size, page, expected", [
    (0, 50, 1, (1, 1, 0)), (10_000, 50, 1, (1, 200, 0)), (10_000, 50, 200, (200, 200, 9950)),
    (10_000, 50, 999, (200, 200, 9950)), (101, 50, 0, (1, 3, 0)),
])
def test_page_bounds(total, size, page, expected):
    assert page_bounds(total, size, page) == expected


def test_store_pages_match_the_filtered_list(tmp_path):
    store = bank(tmp_path / "b.sqlite3", [question(n, status=("new", "approved", "rejected")[n % 3]) for n in range(30)])
    for filters in ({}, {"statuses": ["new"]}, {"fact_types": ["place", "quote"], "statuses": ["approved", "new"]},
                    {"kinds": ["cloze"]}, {"flagged": False}):
        everything = [e.question.id for e in store.entries(**filters)]
        assert store.count_matching(**filters) == len(everything)
        pages = [e.question.id for offset in range(0, 30, 7) for e in store.entries(**filters, limit=7, offset=offset)]
        assert pages == everything


@pytest.fixture
def decoded(monkeypatch) -> list[str]:
    """The module of the app that asked for each question row the bank decoded."""
    import sys

    seen: list[str] = []
    original = Store._entry

    def counted(self, row):
        frame, caller = sys._getframe(1), "elsewhere"
        while frame is not None:
            if "/studyaid/app/" in frame.f_code.co_filename:
                caller = Path(frame.f_code.co_filename).stem
                break
            frame = frame.f_back
        seen.append(caller)
        return original(self, row)

    monkeypatch.setattr(Store, "_entry", counted)
    return seen


def test_the_review_of_10000_questions_reads_one_page(tmp_path, monkeypatch, local_browser, decoded):
    store = bank(tmp_path / "big.sqlite3", [question(n, kind=("mcq", "cloze")[n % 2]) for n in range(10_000)])
    decoded.clear()
    at = teacher(store.path, monkeypatch)
    assert len(at.data_editor[0].value) == DEFAULT_PAGE_SIZE
    assert metric(at, "Questions") == "10,000" or metric(at, "Questions") == "10000"
    assert decoded.count("review") == DEFAULT_PAGE_SIZE  # one page, read once
    decoded.clear()
    ok(at.number_input(key="review_page").set_value(200).run())
    assert list(at.data_editor[0].value["id"])[-1] == "q09999"
    assert decoded.count("review") == DEFAULT_PAGE_SIZE
    ok(at.multiselect(key="filter_kind").set_value(["cloze"]).run())  # filtered in SQL, from its first page
    assert set(at.data_editor[0].value["kind"]) == {"cloze"} and at.number_input(key="review_page").value == 1
    assert list(at.data_editor[0].value["id"])[0] == "q00001"
    ok(at.number_input(key="review_page").set_value(100).run())
    assert list(at.data_editor[0].value["id"])[-1] == "q09999" and "of 5000 matching" in " ".join(texts(at.caption))


def test_the_whole_teacher_view_of_10000_questions_reads_one_page(tmp_path, monkeypatch, local_browser, decoded):
    """Every tab is drawn (review, documents, writing, downloads, trash, class quiz): the page decodes the
    review's one page and nothing else; the download and publish panels count and list by SQL."""
    types = ("place", "quote", "quantity")
    questions = [question(n, kind=("mcq", "cloze")[n % 2], status=("new", "approved", "rejected")[n % 3],
                          fact_type=types[n // 3 % 3]) for n in range(10_000)]
    shown = [q for q in questions if q.status != "rejected"]
    approved_quotes = [q for q in questions if q.status == "approved" and q.fact_type == "quote"]
    store = bank(tmp_path / "big.sqlite3", questions)
    decoded.clear()
    at = teacher(store.path, monkeypatch)
    assert len(at.tabs) == 6
    assert len(decoded) <= DEFAULT_PAGE_SIZE, {m: decoded.count(m) for m in set(decoded)}
    assert f"{len(shown)} question(s) not rejected nor flagged for review" in " ".join(texts(at.caption))
    assert at.number_input(key="class_count").max == len(questions) - len(shown)  # the approved ones, counted
    assert len(at.dataframe[-1].value) == 10  # the publish list: its first ten, listed by SQL
    decoded.clear()
    ok(at.toggle(key="download_approved").set_value(True).run())
    ok(at.multiselect(key="download_types").set_value(["quote"]).run())
    ok(at.multiselect(key="class_types").set_value(["quote"]).run())
    assert f"{len(approved_quotes)} approved question(s) about quote" in " ".join(texts(at.caption))
    assert at.number_input(key="class_count").max == len(approved_quotes)
    assert len(decoded) <= 3 * DEFAULT_PAGE_SIZE, {m: decoded.count(m) for m in set(decoded)}  # three runs
