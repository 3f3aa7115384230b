"""Teacher panels: add documents (upload or paste) and generate, write a question, download the bank."""
from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

import streamlit as st

from ..errors import InputError, StudyaidError
from ..questions.model import Question
from ..store import Store
from .builder import add_file, add_text, regenerate, safe_name
from .common import get_nlp
from .editing import FACT_TYPES, EditError, find_source, manual_question

UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm", "pdf"]
FORMATS = (  # extension, label, MIME type
    ("apkg", "Anki deck (.apkg)", "application/octet-stream"),
    ("gift", "GIFT (.gift)", "text/plain"),
    ("xml", "Moodle XML (.xml)", "application/xml"),
    ("csv", "CSV (.csv)", "text/csv"),
    ("json", "JSON (.json)", "application/json"),
)
UPLOAD_ROUND = "_upload_round"


def add_documents_panel(store: Store) -> None:
    documents = store.documents()
    if documents:
        import pandas as pd

        st.dataframe(pd.DataFrame([{"title": d.label, "name": d.path, "format": d.format, "added": d.added_at[:16]}
                                   for d in documents]), hide_index=True, width="stretch")
    else:
        st.info("No documents yet: upload articles or paste one below.")
    upload_round = st.session_state.get(UPLOAD_ROUND, 0)
    files = st.file_uploader("Upload articles (.txt, .md, .html, .pdf)", type=UPLOAD_TYPES, accept_multiple_files=True,
                             key=f"upload_{upload_round}")
    with st.expander("…or paste an article"):
        title = st.text_input("Title", key=f"paste_title_{upload_round}")
        text = st.text_area("Text", height=200, key=f"paste_text_{upload_round}")
    left, right = st.columns(2)
    add = left.button("Add and generate questions", type="primary", key="add_documents")
    again = right.button("Generate all questions again", key="regenerate",
                         help="After an update of studyaid: edited, approved and rejected questions are kept as they are.")
    if add:
        if not files and not text.strip():
            st.warning("Choose a file or paste a text first.")
            return
        add_and_generate(store, [(f.name, f.getvalue()) for f in files or []], (title, text))
    elif again:
        add_and_generate(store, [], ("", ""))


def add_and_generate(store: Store, files: list[tuple[str, bytes]], pasted: tuple[str, str]) -> None:
    with st.status("Adding documents…", expanded=True) as status:
        added = 0
        for name, data in files:
            try:
                document, new = add_file(store, name, data)
            except InputError as exc:
                st.error(exc.message)
                continue
            st.write(f"Added “{document.label}”." if new else f"“{document.label}” is already in the bank.")
            added += new
        title, text = pasted
        if text.strip():
            try:
                document, new = add_text(store, title, text)
                st.write(f"Added “{document.label}”." if new else f"“{document.label}” is already in the bank.")
                added += new
            except InputError as exc:
                st.error(exc.message)
        if (files or text.strip()) and not added:
            status.update(label="No new document was added", state="error")
            return
        bar = st.progress(0.0, text="loading the language model")
        try:
            report, problems = regenerate(store, get_nlp(), lambda f, m: bar.progress(min(1.0, f), text=m))
        except StudyaidError as exc:
            st.error(exc.message)
            status.update(label="Generation failed", state="error")
            return
        for problem in problems:
            st.warning(problem)
        summary = (f"{report.added} new question(s); {report.kept} edited or reviewed kept as they are; "
                   f"{report.refreshed} refreshed")
        st.write(summary)
        status.update(label=f"Done: {summary}", state="complete")
    st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1  # empty uploader next time


def write_question_panel(store: Store) -> None:
    documents = store.documents()
    names = {d.path: d.label for d in documents}
    st.caption("Questions written here are approved at once. For a fill-in-the-gap question write _____ where the "
               "answer goes (or write the whole sentence: the answer is cut out of it).")
    with st.form("write_question", clear_on_submit=False):
        kind = st.radio("Kind", ["mcq", "cloze"], horizontal=True, key="write_kind",
                        format_func={"mcq": "Multiple choice", "cloze": "Fill in the gap"}.get)
        fact_type = st.selectbox("Fact type", FACT_TYPES, key="write_type")
        prompt = st.text_area("Question or sentence", key="write_prompt")
        answer = st.text_input("Right answer", key="write_answer")
        wrong = st.text_area("Wrong options (multiple choice: one per line)", key="write_wrong")
        accepted = st.text_input("Also accept (fill in the gap: other right answers, separated by |)",
                                 key="write_accepted")
        explanation = st.text_input("Explanation", key="write_explanation")
        document = st.selectbox("Source article (optional)", [None, *names], key="write_document",
                                format_func=lambda d: "none" if d is None else names.get(d, d))
        sentence = st.text_input("Source sentence, copied from the article (optional)", key="write_sentence")
        submitted = st.form_submit_button("Add the question", type="primary", key="write_submit")
    if not submitted:
        return
    source = None
    if document and sentence.strip():
        stored = store.document(document)
        source = find_source(document, stored.text if stored else "", sentence)
        if source is None:
            st.error("The source sentence was not found in that article; copy it exactly, or leave it empty.")
            return
    try:
        question = manual_question(kind=kind, fact_type=fact_type, prompt=prompt, answer=answer, wrong_options=wrong,
                                   accepted=accepted, explanation=explanation, source=source)
        store.add_question(question)
    except (EditError, StudyaidError) as exc:
        st.error(getattr(exc, "message", None) or str(exc))
        return
    st.success(f"Added the question (id {question.id}); it is approved.")


def exporters_available() -> bool:
    try:
        return importlib.util.find_spec("studyaid.export") is not None
    except (ImportError, ValueError):
        return False


def export_bytes(questions: list[Question], extension: str, deck_name: str = "studyaid",
                 documents: list[str] | None = None) -> bytes:
    """The bank in one format, made by :func:`studyaid.export.export`: rejected questions are left out
    of every format but JSON, which is the whole bank with every question's status."""
    from ..export import export

    with tempfile.TemporaryDirectory(prefix="studyaid-export-") as tmp:
        path = Path(tmp) / f"studyaid.{extension}"
        if extension == "json":
            export(questions, path, deck_name=deck_name, documents=documents)
        else:
            export(questions, path, deck_name=deck_name)
        return path.read_bytes()


def download_panel(store: Store) -> None:
    counts = store.counts()
    usable = counts.get("new", 0) + counts.get("approved", 0)
    if not usable:
        st.info("No questions to download yet — add a document first.")
        return
    if not exporters_available():
        st.info("Downloads appear here once the exporters (studyaid.export) are installed.")
        return
    deck = st.text_input("Deck name", value="studyaid", key="deck_name").strip() or "studyaid"
    st.caption(f"{usable} question(s): every question except the {counts.get('rejected', 0)} rejected one(s) "
               "(JSON is the whole bank, with each question's status, for backups). Each file is made from the "
               "bank as it is when you click.")
    cols = st.columns(len(FORMATS))
    for col, (extension, label, mime) in zip(cols, FORMATS):
        def make(extension: str = extension) -> bytes:
            bank = Store(store.path)
            return export_bytes(bank.questions(), extension, deck, [d.path for d in bank.documents()])

        col.download_button(label, data=make, file_name=safe_name(f"{deck}.{extension}"), mime=mime, key=f"download_{extension}",
                            on_click="ignore")
