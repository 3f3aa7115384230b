"""The teacher's downloads: approved only, a choice of articles and fact types, the same questions in
every format; and messages naming a file or a bank escaped. Banks built here from sentences written for
these tests; AppTest runs the real app."""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app import documents as panel
from studyaid.app.documents import DownloadChoice, download_questions, export_bytes
from studyaid.document import Source
from studyaid.questions.model import Question
from studyaid.store import Store
from test_app_review import teacher  # the teacher view in AppTest, without a password on this machine

TITLES = {"uploads/001_4f2a9c.txt": "Ferry fares rise in the islands",
          "uploads/002_b71e03.txt": "New library opens in Tampere",
          "uploads/003_c9d8e7.txt": "Council election results"}
SENTENCES = {
    "uploads/001_4f2a9c.txt": ("The ferry board said on Monday that fares would rise by 5% in May.", "5%", "quantity"),
    "uploads/002_b71e03.txt": ("The new library in Tampere opened on March 3, 2021.", "March 3, 2021", "date"),
    "uploads/003_c9d8e7.txt": ("Mayor Ruth Okafor won the council election in Oulu.", "Oulu", "place"),
}
# (id, document, status, kind, needs review)
ROWS = [("a1", "uploads/001_4f2a9c.txt", "new", "mcq", False),
        ("a2", "uploads/001_4f2a9c.txt", "approved", "cloze", False),
        ("a3", "uploads/001_4f2a9c.txt", "rejected", "mcq", False),
        ("b1", "uploads/002_b71e03.txt", "approved", "mcq", False),
        ("b2", "uploads/002_b71e03.txt", "new", "cloze", True),  # flagged for review: withheld
        ("c1", "uploads/003_c9d8e7.txt", "new", "mcq", False),
        ("c2", "uploads/003_c9d8e7.txt", "approved", "cloze", False)]


def question(qid: str, document: str, kind: str) -> Question:
    sentence, answer, fact_type = SENTENCES[document]
    source = Source(document=document, sentence=sentence, start=0, end=len(sentence))
    common = dict(id=qid, kind=kind, fact_type=fact_type, fact_id=f"{qid}-fact", answer=answer,
                  explanation="As the article says.", sources=[source])
    if kind == "mcq":
        options = [answer, "Lahti", "7%", "June 1, 2020"]
        return Question(prompt=f"Which answer fits question {qid}?", options=options, **common)
    return Question(prompt=sentence.replace(answer, "_____"), cloze=sentence.replace(answer, f"{{{{c1::{answer}}}}}"),
                    **common)


def build(path: Path) -> Store:
    store = Store(path)
    for document, title in TITLES.items():
        store.add_document(document, SENTENCES[document][0], title=title)
    store.merge_generated([question(qid, doc, kind) for qid, doc, _, kind, _ in ROWS])
    for status in ("approved", "rejected"):
        store.set_status({qid: None for qid, _, s, _, _ in ROWS if s == status}, status)
    for qid, _, _, _, flagged in ROWS:
        if flagged:
            entry = store.get(qid)
            store.update(entry.question.model_copy(update={"needs_review": "its sentence changed"}), entry.version)
    return store


def ids_in(data: bytes, extension: str, tmp_path: Path) -> set[str]:
    """The question ids a downloaded file holds, read the way each format stores them."""
    if extension == "apkg":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(tmp_path / "c.anki2") as conn:
            return {flds.split("\x1f")[-1] for (flds,) in conn.execute("SELECT flds FROM notes")}
    text = data.decode("utf-8-sig")
    if extension == "gift":
        return set(re.findall(r"// \[id:([^\]]+)\]", text))
    if extension == "xml":
        return set(re.findall(r"<idnumber>([^<]+)</idnumber>", text))
    if extension == "csv":
        return {row["id"] for row in csv.DictReader(io.StringIO(text))}
    return {q["id"] for q in json.loads(text)["questions"]}


CHOICES = [
    (DownloadChoice(), {"a1", "a2", "b1", "c1", "c2"}),  # the default: not rejected, not flagged
    (DownloadChoice(approved_only=True), {"a2", "b1", "c2"}),
    (DownloadChoice(documents=("uploads/001_4f2a9c.txt",)), {"a1", "a2"}),
    (DownloadChoice(documents=("uploads/001_4f2a9c.txt", "uploads/003_c9d8e7.txt"), approved_only=True),
     {"a2", "c2"}),
    (DownloadChoice(fact_types=("date", "place")), {"b1", "c1", "c2"}),
    (DownloadChoice(fact_types=("date",), documents=("uploads/003_c9d8e7.txt",)), set()),  # nothing matches
]


@pytest.mark.parametrize("choice, expected", CHOICES)
def test_every_format_holds_the_chosen_questions(tmp_path, choice, expected):
    store = build(tmp_path / "bank.sqlite3")
    chosen = download_questions(store, choice)
    assert {q.id for q in chosen} == expected
    if not expected:
        return
    for extension, _, _ in panel.FORMATS:
        data = export_bytes(chosen, extension, "News", titles=TITLES)
        assert ids_in(data, extension, tmp_path) == expected, extension
        if extension != "json":  # named by title; the bank file keeps the stored names it merges by
            text = data.decode("utf-8-sig") if extension != "apkg" else ""
            if text:
                assert "4f2a9c" not in text and "b71e03" not in text and "c9d8e7" not in text, extension


def caption(at: AppTest) -> str:
    return next(str(c.value) for c in at.caption if "in each file" in str(c.value))


def test_the_download_tab_offers_approved_only_articles_and_fact_types(tmp_path, monkeypatch, local_browser):
    build(tmp_path / "bank.sqlite3")
    at = teacher(tmp_path / "bank.sqlite3", monkeypatch)
    assert caption(at).startswith("5 question(s) not rejected nor flagged")
    articles = at.multiselect(key="download_documents")
    assert sorted(articles.options) == sorted(TITLES.values())  # offered by title
    at.toggle(key="download_approved").set_value(True).run()
    assert caption(at).startswith("3 approved question(s)")
    at.multiselect(key="download_documents").set_value(["uploads/001_4f2a9c.txt", "uploads/003_c9d8e7.txt"]).run()
    assert caption(at).startswith("2 approved question(s) from 2 article(s)")
    labels = [b.label for b in at.get("download_button") if str(b.key).startswith("download_")]
    assert labels == [label for _, label, _ in panel.FORMATS]
    at.multiselect(key="download_types").set_value(["date"]).run()
    assert caption(at).startswith("0 approved")
    assert not [b for b in at.get("download_button") if str(b.key).startswith("download_")]
    assert any("No question matches" in str(w.value) for w in at.warning)


CRAFTED = "[click me](http://evil.example/x)"


def test_a_removal_that_fails_names_the_document_escaped(tmp_path, monkeypatch, local_browser):
    store = build(tmp_path / "bank.sqlite3")
    crafted = f"uploads/{CRAFTED}.txt"
    store.add_document(crafted, "A short note about ferries.", title="Crafted")
    real_preview = panel.removal_preview

    def removed_meanwhile(bank, path):  # another teacher removes it between the list and the preview
        from studyaid.store.removal import remove_document

        remove_document(bank, path)
        return real_preview(bank, path)

    monkeypatch.setattr(panel, "removal_preview", removed_meanwhile)
    at = teacher(tmp_path / "bank.sqlite3", monkeypatch)
    at.selectbox(key="remove_choice").set_value(crafted)
    at.button(key="remove_document").click().run()
    (error,) = [str(e.value) for e in at.error if "no document" in str(e.value)]
    assert "](http" not in error and "\\[click me\\]" in error



def test_a_failed_generation_names_its_documents_escaped(tmp_path, monkeypatch, local_browser):
    from studyaid.store.jobs import Jobs

    store = build(tmp_path / "bank.sqlite3")
    jobs = Jobs(store)
    job, _ = jobs.acquire("generate", "test-runner", alive=lambda job: False)
    crafted = f"uploads/{CRAFTED}.txt"
    jobs.finish(job.id, "test-runner", error=f"{crafted}: could not be read",
                problems=[f"{crafted}: the file is empty"])
    at = teacher(tmp_path / "bank.sqlite3", monkeypatch)
    shown = [str(e.value) for e in at.error] + [str(w.value) for w in at.warning] + [str(c.value) for c in at.caption]
    mentions = [text for text in shown if "click me" in text]
    assert mentions  # the failure is shown, naming the document ...
    assert all("](http" not in text for text in mentions)  # ... as written, never as a link
