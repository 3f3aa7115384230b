"""studyaid's Streamlit app: ``streamlit run app.py``.

Students take quizzes; teachers review and edit the question bank (``$STUDYAID_DB``, default
``data/studyaid.sqlite3``), add documents and download decks. The teacher view asks for
``$STUDYAID_TEACHER_PASSWORD`` (or ``teacher_password`` in Streamlit secrets) when one is set.
"""
import streamlit as st

from studyaid.app.auth import teacher_gate
from studyaid.app.common import first_start, open_store
from studyaid.app.student import student_view
from studyaid.app.teacher import teacher_view

VIEWS = ("Student", "Teacher")

view = st.session_state.get("view", VIEWS[0])
st.set_page_config(page_title="studyaid", page_icon="📚", layout="wide" if view == "Teacher" else "centered")
st.sidebar.title("studyaid")
view = st.sidebar.radio("View", VIEWS, key="view")
st.sidebar.caption("Quizzes from news articles, every answer grounded in its source sentence.")

store = open_store()
first_start(store)
if view == "Student":
    student_view(store)
elif teacher_gate():
    teacher_view(store)
