"""studyaid's Streamlit app: ``streamlit run app.py``.

Students take quizzes; teachers review and edit the question bank (``$STUDYAID_DB``, default
``data/studyaid.sqlite3``), add documents and download decks. The teacher view asks for
``$STUDYAID_TEACHER_PASSWORD`` (or ``teacher_password`` in Streamlit secrets) when one is set, and
without one opens only in a browser on the same machine (or with the access token printed in the
terminal). A bank that breaks while the app runs gives students a plain message and the teacher
one naming the file; the details go to the server's log, never to the page.
"""
import logging
import sqlite3
from pathlib import Path

import streamlit as st

from studyaid.app.auth import announce_token, teacher_gate
from studyaid.app.common import first_start
from studyaid.app.jobs import resume_at_start
from studyaid.app.safe import md_escape
from studyaid.app.student import student_view
from studyaid.app.teacher import teacher_view
from studyaid.errors import StudyaidError
from studyaid.store import Store, db_path

VIEWS = ("Student", "Teacher")
STUDENT_PROBLEM = ("The quiz is not available just now: the question bank cannot be read. Please tell your "
                   "teacher; your answers so far are not lost.")


@st.cache_resource(show_spinner=False)
def resumed_at_start(path: str) -> bool:
    """Once per server process, at its first script run (any view, even a locked teacher view): resume a
    generation job a killed server left unfinished (:func:`studyaid.app.jobs.resume_at_start`)."""
    return resume_at_start(Path(path)) is not None


try:
    resumed_at_start(str(db_path()))
except (StudyaidError, sqlite3.Error) as exc:  # the view below names the problem to whoever can fix it
    logging.getLogger("studyaid.app").error("generation not resumed at start: %s", getattr(exc, "message", exc))

view = st.session_state.get("view", VIEWS[0])
st.set_page_config(page_title="studyaid", page_icon="📚", layout="wide" if view == "Teacher" else "centered")
st.sidebar.title("studyaid")
view = st.sidebar.radio("View", VIEWS, key="view")
st.sidebar.caption("Quizzes from news articles, every answer grounded in its source sentence.")
announce_token()

teacher = view == "Teacher" and teacher_gate()
if view == "Student" or teacher:
    try:
        store = Store(db_path())
        first_start(store)
        if teacher:
            teacher_view(store)
        else:
            student_view(store)
    except (StudyaidError, sqlite3.Error) as exc:
        message = getattr(exc, "message", None) or f"{db_path()}: {exc}"
        logging.getLogger("studyaid.app").error("question bank problem (%s view): %s", view, message)
        if teacher:
            st.error(f"The question bank cannot be used: {md_escape(message)}. Restore it from a backup (the JSON "
                     "download), or move the file away to start a new bank.")
        else:
            st.error(STUDENT_PROBLEM)
