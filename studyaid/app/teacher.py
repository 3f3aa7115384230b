"""The teacher view: review and edit the bank (:mod:`studyaid.app.review`), add documents, write
questions, download, the trash and class quizzes, one tab each.

Every message is shown inside the tab whose action caused it (:mod:`studyaid.app.notes`): nothing
above the tabs moves, so the browser stays on the tab the teacher was using. Actions run in
callbacks, before the page is drawn, so every tab's counts already include them.
"""
from __future__ import annotations

import streamlit as st

from ..errors import StudyaidError
from ..store import Store
from .classroom import class_teacher_panel
from .common import titles
from .editing import FACT_TYPES, EditError, find_source, manual_question
from .notes import note, show_notes
from .review import review_panel, students_now
from .safe import md_escape
from .trash import trash_panel

WRITE_TAB = "write"
WRITE_FIELDS = ("write_prompt", "write_answer", "write_wrong", "write_accepted", "write_explanation",
                "write_sentence")


def teacher_view(store: Store) -> None:
    from .documents import add_documents_panel, download_panel

    st.title("Question bank")
    review, add, write, download, trash, klass = st.tabs(["Review questions", "Add documents", "Write a question",
                                                          "Download", "Trash and backup", "Class quiz"])
    with review:
        review_panel(store)
    with add:
        add_documents_panel(store)
    with write:
        write_question_panel(store)
    with download:
        download_panel(store)
    with trash:
        trash_panel(store)
    with klass:
        class_teacher_panel(store)


def write_question_panel(store: Store) -> None:
    """A question written by hand (approved at once). It is added in the form's callback, before the page
    is drawn, so the review's counts include it; the form is emptied after an add, kept after a problem."""
    show_notes(WRITE_TAB)
    names = titles(store)
    st.caption("Questions written here are approved at once. For a fill-in-the-gap question write _____ where the "
               "answer goes (or write the whole sentence: the answer is cut out of it).")
    with st.form("write_question", clear_on_submit=False):
        st.radio("Kind", ["mcq", "cloze"], horizontal=True, key="write_kind",
                 format_func={"mcq": "Multiple choice", "cloze": "Fill in the gap"}.get)
        st.selectbox("Fact type", FACT_TYPES, key="write_type")
        st.text_area("Question or sentence", key="write_prompt")
        st.text_input("Right answer", key="write_answer")
        st.text_area("Wrong options (multiple choice: one per line)", key="write_wrong")
        st.text_input("Also accept (fill in the gap: other right answers, separated by |)", key="write_accepted")
        st.text_input("Explanation", key="write_explanation")
        st.selectbox("Source article (optional)", [None, *names], key="write_document",
                     format_func=lambda d: "none" if d is None else names.get(d, d))
        st.text_input("Source sentence, copied from the article (optional)", key="write_sentence")
        st.form_submit_button("Add the question", type="primary", key="write_submit", on_click=add_written,
                              args=(store,))


def add_written(store: Store) -> None:
    """The form's callback: check and add the question, then say so in this tab."""
    value = st.session_state.get
    document, sentence = value("write_document"), value("write_sentence") or ""
    source = None
    if document and sentence.strip():
        stored = store.document(document)
        source = find_source(document, stored.text if stored else "", sentence)
        if source is None:
            note(WRITE_TAB, "error", "The source sentence was not found in that article; copy it exactly, or leave "
                                     "it empty.")
            return
    try:
        question = manual_question(kind=value("write_kind") or "mcq", fact_type=value("write_type") or FACT_TYPES[0],
                                   prompt=value("write_prompt") or "", answer=value("write_answer") or "",
                                   wrong_options=value("write_wrong") or "", accepted=value("write_accepted") or "",
                                   explanation=value("write_explanation") or "", source=source)
        store.add_question(question)
    except (EditError, StudyaidError) as exc:
        note(WRITE_TAB, "error", md_escape(getattr(exc, "message", None) or str(exc)))
        return
    for field in WRITE_FIELDS:
        st.session_state[field] = ""
    note(WRITE_TAB, "success", f"Added the question (id {question.id}); it is approved. {students_now(store)}")
