"""Documents added to a generated bank are generated from by themselves (studyaid.incremental), and make
the questions a full generation makes for them; teacher edits stay as they were."""
from __future__ import annotations

import pytest

from studyaid.app import builder
from studyaid.app.builder import add_text, regenerate
from studyaid.incremental import plan, snapshot_path
from studyaid.incremental.keys import person_prefixes, surname_prefix
from studyaid.incremental.snapshot import Meta, Snapshot
from studyaid.store import Store

# Short articles of one invented story, with people shared between them (written for this test).
ARTICLES = [
    ("Ferry fares vote in Dunmore",
     "Councillors in Dunmore will vote on ferry fares next week.\n\n"
     "Council leader Margaret Ellison said: \"The harbour cannot keep losing money on every crossing.\"\n\n"
     "The council runs 14 crossings a day between Dunmore and the island of Carrick.\n\n"
     "Union organiser Thomas Baxter said the plan would cost 40 jobs at the harbour."),
    ("Union warns on harbour jobs",
     "The ferry workers' union has warned that jobs at Dunmore harbour are at risk.\n\n"
     "Baxter told a meeting of members: \"We will not accept a single compulsory redundancy.\"\n\n"
     "The union has 320 members at the harbour, according to its own figures.\n\n"
     "Thomas Baxter has led the union branch since 2011."),
    ("Island traders fear higher fares",
     "Shop owners on Carrick say higher ferry fares would drive visitors away.\n\n"
     "Grocer Alan Pryce said: \"Half of my summer trade arrives on the morning boat.\"\n\n"
     "About 2,500 people live on the island all year round.\n\n"
     "Ellison has promised to meet the traders before the vote."),
    ("Lifeboat crew honoured",
     "The Dunmore lifeboat crew has been given a national award for a rescue in January.\n\n"
     "Coxswain Rachel Moore said: \"Every one of the crew played a part that night.\"\n\n"
     "The crew brought 11 fishermen to safety in a storm off Carrick."),
]
ADDED = ("Ferry fares vote delayed",
         "The vote on ferry fares in Dunmore has been delayed until March.\n\n"
         "Margaret Ellison said: \"The harbour cannot keep losing money on every crossing.\"\n\n"
         "Baxter welcomed the delay and said the union would keep campaigning.\n\n"
         "Transport consultant Daniel Okafor said: \"A fare rise of 15% would cover the losses within two years.\"\n\n"
         "The council spent 3.2 million pounds on the harbour last year.")


def _bank(path, articles, nlp) -> Store:
    store = Store(path)
    for title, text in articles:
        add_text(store, title, text)
    regenerate(store, nlp)
    return store


def _of(store: Store, document: str) -> dict[str, object]:
    return {q.id: q for q in store.questions() if any(s.document == document for s in q.sources)}


@pytest.fixture(scope="module")
def banks(tmp_path_factory, nlp):
    """A bank of four articles generated in full, an edit and an approval by a teacher, then a fifth article
    added (incrementally); and a bank of all five generated in full."""
    folder = tmp_path_factory.mktemp("incremental")
    whole = _bank(folder / "whole.sqlite3", [*ARTICLES, ADDED], nlp)
    store = _bank(folder / "grown.sqlite3", ARTICLES, nlp)
    assert Snapshot(snapshot_path(store.path)).meta() is not None
    entries = sorted(store.entries(), key=lambda e: e.question.id)
    # a question about a person the added article names again, and one of an unrelated article
    edited = next(e for e in entries if e.question.answer == "Thomas Baxter" and e.question.kind == "mcq")
    approved = next(e for e in entries if e.question.sources[0].document.startswith("pasted/Lifeboat"))
    store.update(edited.question.model_copy(update={"prompt": edited.question.prompt + " (edited)", "edited": True}),
                 edited.version)
    store.set_status({approved.question.id: approved.version}, "approved")
    before = {e.question.id: (e.question, e.version) for e in store.entries()}
    document, _ = add_text(store, *ADDED)
    full_runs = []
    original = builder._regenerate_all
    builder._regenerate_all = lambda *a, **k: full_runs.append(1) or original(*a, **k)
    try:
        report, problems = regenerate(store, nlp)
    finally:
        builder._regenerate_all = original
    assert full_runs == [] and problems == []
    return whole, store, document.path, before, (edited.question.id, approved.question.id)


def test_the_added_document_gets_the_questions_a_full_generation_makes(banks):
    whole, grown, document, _before, _touched = banks
    expected, made = _of(whole, document), _of(grown, document)
    assert len(expected) >= 3
    assert sorted(made) == sorted(expected)
    for qid, question in expected.items():
        mine = made[qid]
        assert (mine.prompt, mine.answer, mine.cloze, mine.kind) == (question.prompt, question.answer, question.cloze,
                                                                      question.kind)
        assert [(s.document, s.start, s.end) for s in mine.sources] == [(s.document, s.start, s.end)
                                                                         for s in question.sources]
        # wrong options are chosen from the same related documents by the same rules: the same ones
        assert mine.options == question.options
        assert mine.accepted == question.accepted


def test_a_quote_the_added_document_repeats_lists_it_as_a_source(banks):
    whole, grown, document, _before, _touched = banks
    quoted = [q for q in grown.questions() if "losing money" in (q.prompt + q.cloze)]
    assert quoted and all({s.document for s in q.sources} == {document, "pasted/Ferry-fares-vote-in-Dunmore.txt"}
                          and q.corroboration == 2 for q in quoted)
    assert sorted(q.id for q in quoted) == sorted(q.id for q in whole.questions() if "losing money" in (q.prompt + q.cloze))


def test_teacher_edits_and_reviews_are_untouched(banks):
    _whole, grown, _document, before, (edited, approved) = banks
    for qid in (edited, approved):
        entry = grown.get(qid)
        assert (entry.question, entry.version) == before[qid]
    assert grown.get(edited).question.prompt.endswith("(edited)")
    assert grown.get(approved).question.status == "approved"


def test_the_snapshot_records_the_added_document(banks):
    _whole, grown, document, _before, _touched = banks
    meta = Snapshot(snapshot_path(grown.path)).meta()
    assert document in meta.documents and len(meta.documents) == len(ARTICLES) + 1


@pytest.mark.parametrize("documents, stored, current, expected", [
    ({"a": "1"}, {"a": "1", "b": "2"}, "v", ["b"]),  # one added
    ({"a": "1"}, {"a": "1", "b": "2", "c": "3"}, "v", ["b", "c"]),
    ({"a": "1", "b": "2"}, {"a": "1"}, "v", None),  # one removed: full
    ({"a": "1"}, {"a": "9", "b": "2"}, "v", None),  # one changed: full
    ({"a": "1"}, {"a": "1"}, "v", None),  # nothing added ("generate all again"): full
    ({"a": "1"}, {"a": "1", "b": "2"}, "other code", None),  # another version: full
])
def test_only_added_documents_take_the_incremental_path(documents, stored, current, expected):
    assert plan(Meta(version="v", documents=documents), stored, current) == expected


def test_no_snapshot_means_a_full_generation():
    assert plan(None, {"a": "1"}, "v") is None


@pytest.mark.parametrize("name, prefix", [
    ("Volodymyr Zelenskyy", "zel"), ("Zelensky", "zel"), ("Mr O’Brien", "obr"), ("José Núñez", "nun"), ("", ""),
])
def test_surname_prefixes_are_folded_as_the_resolver_folds_them(name, prefix):
    assert surname_prefix(name) == prefix


def test_a_document_with_no_people_names_no_surname():
    assert person_prefixes([], []) == set()


@pytest.mark.parametrize("removed, full", [(True, True), (False, False)])
def test_a_removal_since_the_last_generation_runs_the_full_generation(tmp_path, nlp, removed, full):
    from studyaid.store.removal import remove_document

    store = _bank(tmp_path / "bank.sqlite3", ARTICLES[2:], nlp)
    if removed:
        remove_document(store, store.documents()[0].path)
    document, _ = add_text(store, *ARTICLES[0])
    runs = []
    original = builder._regenerate_all
    builder._regenerate_all = lambda *a, **k: runs.append(1) or original(*a, **k)
    try:
        regenerate(store, nlp)
    finally:
        builder._regenerate_all = original
    assert bool(runs) is full
    assert _of(store, document.path)  # either way the added article has its questions
    assert set(Snapshot(snapshot_path(store.path)).meta().documents) == {d.path for d in store.documents()}


def test_a_broken_snapshot_falls_back_to_the_full_generation(tmp_path, nlp):
    import sqlite3

    store = _bank(tmp_path / "bank.sqlite3", ARTICLES[2:], nlp)
    with sqlite3.connect(snapshot_path(store.path)) as conn:
        conn.execute("UPDATE meta SET value = '{\"documents\": 1}' WHERE key = 'facts'")
    conn.close()
    document, _ = add_text(store, *ARTICLES[0])
    report, problems = regenerate(store, nlp)
    assert problems == [] and report.added > 0 and _of(store, document.path)
    assert Snapshot(snapshot_path(store.path)).fact_set().documents  # written anew by the full generation
