"""The SQLite question bank: migrations, merging regenerated questions, concurrent edits, bad files."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from studyaid.document import Source
from studyaid.errors import BankError
from studyaid.questions.model import Question
from studyaid.store import MIGRATIONS, SCHEMA_VERSION, StaleEdit, Store, db_path


def make_question(qid: str, document: str = "seeds/a.txt", **update) -> Question:
    sentence = f"Sentence for {qid}."
    base = dict(id=qid, kind="mcq", fact_type="quote", fact_id=f"fact-{qid}", prompt=f"Who said {qid}?",
                answer="Vladimir Putin", options=["Vladimir Putin", "Mark Rutte", "Keir Starmer"],
                explanation="Putin said it.", sources=[Source(document=document, sentence=sentence, start=0,
                                                              end=len(sentence))])
    base.update(update)
    return Question(**base)


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "bank.sqlite3")


def test_new_bank_has_the_latest_schema_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "bank.sqlite3"
    store = Store(path)
    assert path.is_file() and store.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "questions", "deleted_questions", "question_documents", "meta"} <= tables
    assert Store(path).count() == 0  # opening again is harmless


def test_db_path_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("STUDYAID_DB", raising=False)
    assert str(db_path()) == "data/studyaid.sqlite3"
    monkeypatch.setenv("STUDYAID_DB", str(tmp_path / "x.sqlite3"))
    assert db_path() == tmp_path / "x.sqlite3"


def test_a_version_1_bank_is_migrated_and_keeps_its_questions(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    q = make_question("q1", document="seeds/old.txt", status="approved")
    conn.execute("INSERT INTO questions (id, kind, fact_type, status, edited, version, updated_at, data) "
                 "VALUES (?, ?, ?, ?, 0, 3, '2025-01-01', ?)", (q.id, q.kind, q.fact_type, q.status, q.model_dump_json()))
    conn.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    (entry,) = store.entries(document="seeds/old.txt")  # the v2 link table was filled from the JSON
    assert entry.question == q and entry.version == 3
    assert store.entries(document="seeds/other.txt") == []


def test_a_newer_schema_is_refused_by_name(tmp_path):
    path = tmp_path / "future.sqlite3"
    Store(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    with pytest.raises(BankError, match=r"future\.sqlite3.*schema version \d+, newer"):
        Store(path)


@pytest.mark.parametrize("content", [b"this is not a database, just text\n" * 40, bytes(range(256)) * 20,
                                     b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_file_that_is_not_sqlite_is_a_bank_error_naming_it(tmp_path, content):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(BankError) as info:
        Store(path)
    assert str(path) in str(info.value) and "not a studyaid bank" in str(info.value)


def test_foreign_sqlite_databases_are_refused(tmp_path):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(BankError, match=r"other\.sqlite3: not a studyaid bank.*customers"):
        Store(other)
    versioned = tmp_path / "versioned.sqlite3"
    with sqlite3.connect(versioned) as conn:
        conn.execute("CREATE TABLE things (id INTEGER)")
        conn.execute("PRAGMA user_version = 1")
    with pytest.raises(BankError, match=r"versioned\.sqlite3: not a studyaid bank"):
        Store(versioned)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(BankError, match="is a folder"):
        Store(tmp_path)


def test_documents_keep_their_text_and_bytes(store):
    store.add_document("uploads/a.html", "Plain text of it.", title="A", format="html", content=b"<p>Plain text of it.</p>")
    store.add_document("pasted/b.txt", "Pasted.", title=None)
    assert [d.path for d in store.documents()] == ["uploads/a.html", "pasted/b.txt"]
    assert store.documents()[0].text == ""  # texts only when asked for
    assert store.document("uploads/a.html").text == "Plain text of it."
    assert store.document("pasted/b.txt").label == "b.txt"
    assert dict(store.document_contents()) == {"uploads/a.html": b"<p>Plain text of it.</p>", "pasted/b.txt": b"Pasted."}
    assert store.document("missing") is None


def test_filters(store):
    store.merge_generated([make_question("a"), make_question("b", kind="cloze", fact_type="date", options=[]),
                           make_question("c", document="seeds/b.txt", fact_type="place")])
    store.set_status({"c": None}, "approved")
    assert [q.id for q in store.questions()] == ["a", "b", "c"]
    assert [q.id for q in store.questions(statuses=["approved"])] == ["c"]
    assert [q.id for q in store.questions(kinds=["cloze"])] == ["b"]
    assert [q.id for q in store.questions(fact_types=["quote", "place"])] == ["a", "c"]
    assert [q.id for q in store.questions(document="seeds/b.txt")] == ["c"]
    assert store.questions(statuses=[]) == []
    assert store.counts() == {"new": 2, "approved": 1}


def test_merge_keeps_every_teacher_decision_and_adds_only_new_questions(store):
    first = [make_question(q) for q in ("edited", "approved", "rejected", "untouched", "deleted")]
    assert store.merge_generated(first).added == 5
    edited = store.get("edited")
    store.update(edited.question.model_copy(update={"prompt": "Teacher's prompt?", "edited": True}), edited.version)
    store.set_status({"approved": 1}, "approved")
    store.set_status({"rejected": 1}, "rejected")
    store.delete({"deleted": 1})
    before = {e.question.id: e for e in store.entries()}

    regenerated = [make_question(q, prompt=f"Regenerated {q}?", explanation="new wording")
                   for q in ("edited", "approved", "rejected", "untouched", "deleted", "brand-new")]
    report = store.merge_generated(regenerated)

    assert (report.added, report.kept, report.refreshed, report.deleted) == (1, 3, 1, 1)
    after = {e.question.id: e for e in store.entries()}
    for qid in ("edited", "approved", "rejected"):
        assert after[qid] == before[qid]  # exactly as the teacher left it, version included
    assert after["edited"].question.prompt == "Teacher's prompt?" and after["edited"].question.edited
    assert after["untouched"].question.prompt == "Regenerated untouched?"
    assert after["untouched"].question.status == "new"
    assert "deleted" not in after and after["brand-new"].question.status == "new"
    assert store.merge_generated(regenerated).unchanged == 2  # the same run again changes nothing


def test_a_stale_edit_from_another_connection_is_refused(tmp_path):
    path = tmp_path / "shared.sqlite3"
    alice, bob = Store(path), Store(path)
    alice.merge_generated([make_question("q1"), make_question("q2")])
    seen_by_alice, seen_by_bob = alice.get("q1"), bob.get("q1")
    saved = alice.update(seen_by_alice.question.model_copy(update={"prompt": "Alice's?", "edited": True}),
                         seen_by_alice.version)
    assert saved.version == seen_by_bob.version + 1
    with pytest.raises(StaleEdit, match="changed by someone else") as info:
        bob.update(seen_by_bob.question.model_copy(update={"prompt": "Bob's?", "edited": True}), seen_by_bob.version)
    assert "reload" in str(info.value)
    assert bob.get("q1").question.prompt == "Alice's?"
    # a bulk change naming one stale version changes nothing at all
    with pytest.raises(StaleEdit):
        bob.set_status({"q2": 1, "q1": seen_by_bob.version}, "approved")
    assert bob.get("q2").question.status == "new"
    alice.delete({"q2": 1})
    with pytest.raises(StaleEdit, match="no longer in the bank"):
        bob.update(make_question("q2"), 1)


def test_two_writers_at_once_do_not_corrupt_the_bank(tmp_path):
    path = tmp_path / "busy.sqlite3"
    Store(path).merge_generated([make_question(f"q{i}") for i in range(4)])
    errors: list[BaseException] = []

    def writer(name: str, ids: list[str]) -> None:
        store = Store(path)
        try:
            for n in range(20):
                for qid in ids:
                    entry = store.get(qid)
                    store.update(entry.question.model_copy(update={"prompt": f"{name} {n}", "edited": True}),
                                 entry.version)
                store.merge_generated([make_question(f"{name}-{n}")])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=("a", ["q0", "q1"])),
               threading.Thread(target=writer, args=("b", ["q2", "q3"]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = Store(path)
    assert store.count() == 44
    assert {store.get(q).version for q in ("q0", "q1", "q2", "q3")} == {21}
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_hand_written_questions_and_duplicate_ids(store):
    q = make_question("hand-1", status="approved", edited=True, sources=[])
    store.add_question(q)
    assert store.get("hand-1").question == q
    with pytest.raises(BankError, match="already exists"):
        store.add_question(q)


@pytest.mark.parametrize("rows, fail, expected", [
    (["a", "b"], False, ["a", "b"]),  # the block's writes are committed together
    (["a", "b"], True, []),  # an error anywhere in the block writes nothing
    ([], False, []),
])
def test_one_write_transaction_is_all_or_nothing(tmp_path, rows, fail, expected):
    from studyaid.store.schema import immediate

    conn = sqlite3.connect(tmp_path / "t.sqlite3", isolation_level=None)
    conn.execute("CREATE TABLE t (x TEXT)")
    with pytest.raises(RuntimeError) if fail else _nothing():
        with immediate(conn):
            for row in rows:
                conn.execute("INSERT INTO t VALUES (?)", (row,))
            if fail:
                raise RuntimeError("the disk is full")
    assert [r[0] for r in conn.execute("SELECT x FROM t")] == expected
    assert not conn.in_transaction
    conn.close()


def _nothing():
    from contextlib import nullcontext

    return nullcontext()


# -- issue 13: the same "teacher touched" rule as bank.json, and stale questions flagged ----------------

def test_a_change_without_the_edited_flag_is_kept_by_its_content(store):
    store.merge_generated([make_question("q1"), make_question("q2")])
    entry = store.get("q1")
    store.update(entry.question.model_copy(update={"answer": "Mark Rutte", "explanation": "Rutte said it."}),
                 entry.version)  # an edit that did not set edited=True (a script, another tool)
    report = store.merge_generated([make_question("q1", prompt="Regenerated?"), make_question("q2", prompt="New?")])
    assert (report.kept, report.refreshed) == (1, 1)
    assert store.get("q1").question.answer == "Mark Rutte" and store.get("q2").question.prompt == "New?"


OLD_TEXT = "The Kelvale council approved a new harbour wall. Sentence for q1. Sentence for q2."


@pytest.mark.parametrize("new_text, expected_flagged", [
    # q1's sentence rewritten: q1 (approved) is flagged; q2 untouched and unchanged is not
    ("The Kelvale council approved a new harbour wall. Sentence for q1, amended. Sentence for q2.", ["q1"]),
    # both sentences gone: both flagged (the untouched one too: its answer may be wrong now)
    ("The Kelvale council approved a new harbour wall.", ["q1", "q2"]),
    # negative: only another sentence changed, theirs moved: nothing flagged
    ("Late on Monday, the Kelvale council approved a harbour wall. Sentence for q1. Sentence for q2.", []),
    # negative: the same text stored again
    (OLD_TEXT, []),
])
def test_a_changed_document_flags_questions_whose_sentence_changed(store, new_text, expected_flagged):
    store.add_document("seeds/a.txt", OLD_TEXT)
    store.merge_generated([make_question("q1"), make_question("q2"), make_question("r1", document="seeds/b.txt")])
    store.set_status({"q1": 1}, "approved")
    store.add_document("seeds/a.txt", new_text)
    assert [q.id for q in store.questions(flagged=True)] == expected_flagged
    assert [q.id for q in store.questions(flagged=False)] == [q for q in ("q1", "q2", "r1")
                                                             if q not in expected_flagged]
    for q in store.questions(flagged=True):
        assert "seeds/a.txt" in q.needs_review and q.withheld
    if "q1" in expected_flagged:
        assert store.get("q1").question.status == "approved"  # still approved, but withheld till reviewed
        store.set_status({"q1": store.get("q1").version}, "approved")  # the teacher approves it again
        assert store.get("q1").question.needs_review is None and not store.get("q1").question.withheld


def test_an_untouched_flagged_question_regenerated_from_the_new_text_is_cleared(store):
    store.add_document("seeds/a.txt", OLD_TEXT)
    store.merge_generated([make_question("q2")])
    store.add_document("seeds/a.txt", "A new text without that sentence.")
    assert store.get("q2").question.needs_review
    fresh = make_question("q2", prompt="Regenerated from the new text?")
    assert store.merge_generated([fresh]).refreshed == 1
    assert store.get("q2").question.needs_review is None


def test_a_version_2_bank_gets_the_generated_hash_column(tmp_path):
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](conn)
    MIGRATIONS[1](conn)
    conn.execute("PRAGMA user_version = 2")
    q = make_question("q1")
    conn.execute("INSERT INTO questions (id, kind, fact_type, status, edited, version, updated_at, data) "
                 "VALUES (?, ?, ?, 'new', 0, 1, '2025-01-01', ?)", (q.id, q.kind, q.fact_type, q.model_dump_json()))
    conn.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION == 3
    assert store.merge_generated([make_question("q1", prompt="Regenerated?")]).refreshed == 1  # no hash: old rule


# -- removing a document: corroborated questions stay, rejections stand (issue 13) -------------------------

from studyaid.store.removal import purge_orphans, removal_preview, remove_document, without_document  # noqa: E402
from studyaid.store.trash import restore  # noqa: E402

FERRY = "news/ferry.txt"
HARBOUR = "news/harbour.txt"
FERRY_TEXT = "The Tallinn ferry will run twice a day from May, the port authority said on Friday.\n"
HARBOUR_TEXT = "Port officials said on Friday that the Tallinn ferry will run twice a day from May.\n"


def _source(document: str, text: str) -> Source:
    sentence = text.strip()
    return Source(document=document, sentence=sentence, start=0, end=len(sentence))


def _ferry_question(qid: str, documents: tuple[str, ...], *, kind: str = "mcq", status: str = "new") -> Question:
    texts = {FERRY: FERRY_TEXT, HARBOUR: HARBOUR_TEXT}
    update = dict(fact_type="quantity", prompt="How often a day will the Tallinn ferry run from May?", answer="twice",
                  options=["twice", "once", "three times"], corroboration=len(documents),
                  explanation="The port authority gives the number." + (
                      f" {len(documents)} articles report it." if len(documents) > 1 else ""),
                  sources=[_source(d, texts[d]) for d in documents], status=status)
    if kind == "cloze":
        sentence = texts[documents[0]].strip()
        update.update(kind="cloze", options=[], hint="number", prompt=sentence.replace("twice", "_____ (number)"),
                      cloze=sentence.replace("twice", "{{c1::twice::number}}"))
    return make_question(qid, **update)


def _two_documents(store: Store, questions: list[Question]) -> None:
    store.add_document(FERRY, FERRY_TEXT, title="Ferry timetable")
    store.add_document(HARBOUR, HARBOUR_TEXT, title="Harbour news")
    store.merge_generated(questions)
    for q in questions:
        if q.status != "new":
            store.set_status({q.id: None}, q.status)


@pytest.mark.parametrize("documents, kind, expected", [
    ((FERRY, HARBOUR), "mcq", (HARBOUR,)),  # corroborated: stays, the removed source dropped
    ((HARBOUR, FERRY), "mcq", (HARBOUR,)),
    ((FERRY,), "mcq", None),  # the removed document's alone: goes with it
    ((HARBOUR,), "mcq", (HARBOUR,)),  # not from it: untouched
    ((HARBOUR, FERRY), "cloze", (HARBOUR,)),  # a gap in the other article's sentence: stays
    ((FERRY, HARBOUR), "cloze", None),  # a gap in the removed article's own sentence: goes
])
def test_a_question_without_a_document(documents, kind, expected):
    q = _ferry_question("q1", documents, kind=kind)
    kept = without_document(q, FERRY, {HARBOUR})
    assert (None if kept is None else tuple(s.document for s in kept.sources)) == expected
    if kept is not None and len(documents) > 1:
        assert kept.corroboration == 1 and "articles report it" not in kept.explanation
    assert without_document(q, FERRY, set()) is (q if FERRY not in documents else None)  # no other article left


def test_removing_a_document_keeps_what_another_document_corroborates(store):
    both, alone, other = (_ferry_question("both", (FERRY, HARBOUR)), _ferry_question("alone", (FERRY,)),
                          _ferry_question("other", (HARBOUR,)))
    _two_documents(store, [both, alone, other])
    preview = removal_preview(store, FERRY)
    assert (preview.questions, preview.kept) == (1, 1)
    removal = remove_document(store, FERRY)
    assert (removal.questions, removal.kept) == (1, 1)
    assert {q.id for q in store.questions()} == {"both", "other"}
    kept = store.get("both").question
    assert [s.document for s in kept.sources] == [HARBOUR] and kept.corroboration == 1
    assert [e.question.id for e in store.entries(document=FERRY)] == []  # the links follow the sources
    assert purge_orphans(store) == 0 and store.get("both") is not None  # the next generation keeps it
    store.merge_generated([kept])  # regenerated from the harbour article alone: still untouched, the same
    assert store.get("both").question == kept


def test_a_rejection_stands_when_the_document_is_added_again(store):
    rejected, fresh = _ferry_question("rejected", (FERRY,), status="rejected"), _ferry_question("fresh", (FERRY,))
    _two_documents(store, [rejected, fresh])
    assert removal_preview(store, FERRY).teacher_work == 1
    assert remove_document(store, FERRY).trashed == 1
    store.add_document(FERRY, FERRY_TEXT, title="Ferry timetable")  # added again...
    report = store.merge_generated([rejected.model_copy(update={"status": "new"}), fresh])  # ...and generated
    assert (report.added, report.deleted) == (1, 1)
    assert store.get("rejected") is None and store.get("fresh").question.status == "new"
    assert restore(store).restored == ["rejected"]  # the trash gives the rejection back, still rejected
    assert store.get("rejected").question.status == "rejected"
