"""Documents into the bank and questions regenerated from them, without Streamlit."""
from __future__ import annotations

import pytest

from studyaid.app.builder import add_file, add_text, read_stored, regenerate
from studyaid.errors import InputError
from studyaid.store import Store


def test_regenerating_keeps_teacher_work_and_names_sources_by_stored_document(bank_db, nlp):
    store = Store(bank_db)
    documents = {d.path for d in store.documents()}
    assert all(name.startswith("seeds/") for name in documents)
    assert all(s.document in documents for q in store.questions() for s in q.sources)
    first, second, third = store.entries()[:3]
    store.update(first.question.model_copy(update={"explanation": "The teacher's words.", "edited": True}),
                 first.version)
    store.set_status({second.question.id: second.version}, "rejected")
    store.delete({third.question.id: third.version})
    before = {e.question.id: e for e in store.entries()}

    report, problems = regenerate(store, nlp)

    assert problems == [] and report.added == 0 and report.kept == 2 and report.deleted == 1
    after = {e.question.id: e for e in store.entries()}
    assert after == before  # nothing changed: same documents, same questions, teacher's work kept


def test_adding_files_and_text(tmp_path):
    store = Store(tmp_path / "bank.sqlite3")
    doc, new = add_file(store, "../News (1).html", b"<html><head><title>T</title></head><body><article><h1>Big news</h1>"
                        b"<p>Finnish Prime Minister Petteri Orpo visited Tampere on Monday to open a new bridge.</p>"
                        b"<p>The bridge cost 40 million euros, the city said in a statement on Monday.</p>"
                        b"</article></body></html>")
    assert new and doc.path == "uploads/News-1.html" and doc.format == "html" and "Orpo" in doc.text
    same, new = add_file(store, "copy.html", store.document_contents()[0][1])
    assert (same.path, new) == (doc.path, False)  # the same text is not stored twice
    other, new = add_text(store, "A note", "Some pasted text about Paris.")
    assert new and other.path == "pasted/A-note.txt" and other.label == "A note"
    again, new = add_text(store, "A note", "Different text, same title.")
    assert new and again.path == "pasted/A-note-2.txt"
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty"):
        add_file(store, "empty.txt", b"")
    with pytest.raises(InputError, match=r"slides\.pptx: unsupported format"):
        add_file(store, "slides.pptx", b"PK\x03\x04")
    with pytest.raises(InputError, match="the text is empty"):
        add_text(store, "Nothing", "   ")


@pytest.mark.parametrize("contents, names, problems", [
    ([("pasted/ferries.txt", b"The harbour said 12 ferries would run on Sunday.")], ["pasted/ferries.txt"], []),
    ([("uploads/scan.pdf", b"not a pdf"), ("seeds/a.md", b"# A\n\nThe mayor opened the bridge on Monday.")],
     ["seeds/a.md"], ["[E100] uploads/scan.pdf: is not a PDF"]),
    ([("uploads/empty.txt", b"")], [], ["[E100] uploads/empty.txt: the file is empty"]),
])
def test_stored_documents_are_read_under_their_logical_names(contents, names, problems):
    documents, found = read_stored(contents)
    assert [d.path for d in documents] == names
    assert [p[: len(expected)] for p, expected in zip(found, problems)] == problems and len(found) == len(problems)


def test_regenerating_writes_no_temporary_folder_and_names_sources_and_problems_logically(tmp_path, nlp, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise AssertionError("regenerate wrote a temporary folder")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    monkeypatch.setenv("STUDYAID_CACHE_DIR", str(tmp_path / "cache"))
    store = Store(tmp_path / "bank.sqlite3")
    store.add_document("pasted/bridge.txt", "Finnish Prime Minister Petteri Orpo opened a bridge in Tampere on "
                       "Monday.\n\nThe bridge cost 40 million euros, Orpo said.\n", title="Bridge")
    store.add_document("uploads/scan.pdf", "", title="Scan", format="pdf", content=b"not a pdf")

    report, problems = regenerate(store, nlp)

    assert report.added > 0
    assert [p.split(":")[0] for p in problems] == ["[E100] uploads/scan.pdf"]
    assert {s.document for q in store.questions() for s in q.sources} == {"pasted/bridge.txt"}


@pytest.mark.parametrize("names, bad, usable, failed", [
    (["a", "b", "c"], set(), ["a", "b", "c"], []),  # nothing fails: one chunk, every document
    (["a", "b", "c"], {"b"}, ["a", "c"], ["b"]),  # one bad document: the others go through
    ([f"d{i}" for i in range(20)], {"d3", "d17"}, [f"d{i}" for i in range(20) if i not in (3, 17)], ["d3", "d17"]),
    (["a", "b"], {"a", "b"}, [], ["a", "b"]),  # all fail: each named
])
def test_one_failing_document_never_fails_the_others(names, bad, usable, failed):
    from studyaid.app.builder import extract_each
    from studyaid.document import Document

    documents = [Document(path=name, format="text", text=f"The mayor of Oban opened a bridge on day {i}.")
                 for i, name in enumerate(names)]
    ticks = []

    def extract(chunk, on_document):
        for document in chunk:
            if document.path in bad:
                raise ValueError(f"cannot parse {document.path}")
            on_document(document.path)

    ok, problems = extract_each(documents, extract, lambda done, name: ticks.append(done))
    assert [d.path for d in ok] == usable
    assert [p.split(":")[0] for p in problems] == failed
    assert all("could not be processed (ValueError: cannot parse" in p for p in problems)
    assert ticks == list(range(1, len(names) + 1))  # each document counted once, whatever became of it
