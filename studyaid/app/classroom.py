"""Class mode pages: the student's "Join a class quiz" box with the class quiz it leads to (the
teacher's "Class quiz" tab is :mod:`studyaid.app.class_teacher`).

A student's attempt id is kept in the session and in the page address (``?class=…``), so a reload
continues where the student was; joining again with the same code and name continues the same
attempt. Every answer is stored (:mod:`studyaid.store.classes`) before its feedback is shown. Names,
titles, prompts, options and answers are shown through :func:`md_escape` or in tables.
"""
from __future__ import annotations

import streamlit as st

from ..classroom.models import Attempt, ClassAnswer, ClassError, ClassQuiz, right_answer
from ..classroom.stats import answer_sheet, gaps_marked, next_question
from ..store import Store
from ..store import classes
from .answers import gaps
from .quiz import FACT_TYPE_LABELS, KIND_LABELS
from .safe import md_escape

ATTEMPT_KEY = "class_attempt"
PARAM = "class"  # the attempt id in the page address: a reload resumes
SHOWN_KEY = "class_shown"  # the question just answered, whose feedback is on the screen
NOTE_KEY = "class_note"  # (level, text) shown once inside the class pages
PICK_KEY = "class_pick"


def note(level: str, text: str) -> None:
    st.session_state[NOTE_KEY] = (level, text)


def show_note() -> None:
    level, text = st.session_state.pop(NOTE_KEY, (None, None))
    if level:
        getattr(st, level)(text)


# -- students ------------------------------------------------------------------------------------

def class_student_panel(store: Store) -> bool:
    """The class quiz the student joined (True: it took the page), else the "Join a class quiz" box
    (a popover at the top of the page: it takes no room from the practice quiz)."""
    attempt_id = st.session_state.get(ATTEMPT_KEY) or st.query_params.get(PARAM)
    if attempt_id:
        attempt = classes.attempt(store, attempt_id)
        if attempt is not None:
            st.session_state[ATTEMPT_KEY] = attempt.id
            if st.query_params.get(PARAM) != attempt.id:
                st.query_params[PARAM] = attempt.id
            attempt_page(store, attempt)
            return True
        _leave()
    show_note()
    with st.popover("Join a class quiz", icon=":material/groups:", key="class_join_box"):
        with st.form("class_join_form", border=False):
            st.text_input("Quiz code", key="class_code", max_chars=12, placeholder="the code your teacher gave")
            st.text_input("Your name", key="class_name", max_chars=40,
                          help="Your teacher sees it with your answers. Use the same name to come back later.")
            st.form_submit_button("Join", type="primary", key="class_join", on_click=_join, args=(store,))
    return False


def _join(store: Store) -> None:
    try:
        attempt, resumed = classes.join(store, st.session_state.get("class_code", ""),
                                        st.session_state.get("class_name", ""))
    except ClassError as exc:
        note("error", md_escape(exc.message))
        return
    st.session_state[ATTEMPT_KEY] = attempt.id
    st.query_params[PARAM] = attempt.id
    st.session_state.pop(SHOWN_KEY, None)
    if resumed:
        note("info", f"Welcome back, {md_escape(attempt.name)}: you continue the attempt started under this name. "
                      "Not you? Leave and join with your full name.")


def _leave() -> None:
    for key in (ATTEMPT_KEY, SHOWN_KEY):
        st.session_state.pop(key, None)
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def attempt_page(store: Store, attempt: Attempt) -> None:
    quiz = classes.quiz(store, attempt.code)
    given = classes.answers(store, attempt_id=attempt.id)
    st.title(md_escape(quiz.title))
    st.caption(f"Class quiz {quiz.code} · {md_escape(attempt.name)}" + ("" if quiz.is_open else " · closed"))
    show_note()
    by_id = {a.question_id: a for a in given}
    total = len(quiz.questions)
    shown = st.session_state.get(SHOWN_KEY)
    if shown in by_id:
        _progress(len(given), total, quiz.questions.index(quiz.question(shown)) + 1)
        _answered(store, quiz, quiz.question(shown), by_id[shown], last=len(given) >= total)
    else:
        question = next_question(quiz, given)
        if question is None or not quiz.is_open:
            own_results(store, quiz, given)
        else:
            _progress(len(given), total, quiz.questions.index(question) + 1)
            _ask(store, attempt, question)
    st.button("Leave this class quiz", key="class_leave", type="tertiary", on_click=_leave,
              help="Your answers stay stored; join again with the same code and name to come back.")


def _progress(answered: int, total: int, number: int) -> None:
    st.progress(min(1.0, answered / max(1, total)), text=f"Question {number} of {total} · {answered} answered")


def _ask(store: Store, attempt: Attempt, q) -> None:
    st.caption(md_escape(f"{KIND_LABELS.get(q.kind, q.kind)} · {FACT_TYPE_LABELS.get(q.fact_type, q.fact_type)}"))
    st.markdown(f"#### {md_escape(q.prompt)}")
    key = f"class_answer_{attempt.id[:8]}_{q.id}"
    boxes = gaps(q) if q.kind == "cloze" else []
    with st.form(f"form_{key}"):
        if q.kind == "mcq":
            st.radio("Your answer", q.options, index=None, key=key, format_func=md_escape)
        elif len(boxes) > 1:  # one box per gap, graded gap by gap (as in the practice quiz)
            for i, (_, hint) in enumerate(boxes, 1):
                st.text_input(gap_label(i, hint, len(boxes)), key=f"{key}_gap{i}",
                              placeholder=f"the missing {hint or 'words'}")
        else:
            st.text_input("Your answer", key=key, placeholder=f"the missing {q.hint or 'words'}")
        st.form_submit_button("Check", type="primary", key=f"check_{key}", on_click=_answer,
                              args=(store, attempt.id, q.id, q.kind, key, len(boxes)))


def gap_label(number: int, hint: str | None, total: int) -> str:
    return f"Gap {number} of {total}" + (f" ({md_escape(hint)})" if hint else "")


def _answer(store: Store, attempt_id: str, qid: str, kind: str, key: str, boxes: int = 0) -> None:
    if boxes > 1:
        given: str | list[str] = [str(st.session_state.get(f"{key}_gap{i}") or "") for i in range(1, boxes + 1)]
        if not all(t.strip() for t in given):
            note("warning", "Fill in every gap first.")
            return
    else:
        given = str(st.session_state.get(key) or "")
        if not given.strip():
            note("warning", "Choose an option first." if kind == "mcq" else "Type an answer first.")
            return
    try:
        classes.record_answer(store, attempt_id, qid, given)
    except ClassError as exc:
        note("error", md_escape(exc.message))
        return
    st.session_state[SHOWN_KEY] = qid


def _answered(store: Store, quiz: ClassQuiz, q, answer: ClassAnswer, last: bool) -> None:
    from .student import feedback

    st.markdown(f"#### {md_escape(q.prompt)}")
    if quiz.answers_visible:
        feedback(q, answer.given, answer.correct, store)
        if answer.gaps:
            st.caption(gaps_marked(answer))
    else:
        st.info(f"Your answer “{md_escape(answer.given)}” is saved. Your teacher shows the right answers when the "
                "quiz closes.")
    st.button("See my results" if last else "Next question", type="primary", key=f"class_next_{q.id}",
              on_click=lambda: st.session_state.pop(SHOWN_KEY, None))


def own_results(store: Store, quiz: ClassQuiz, given: list[ClassAnswer]) -> None:
    """This student's answers only: score, and each question with what they answered."""
    total, right = len(quiz.questions), sum(a.correct for a in given)
    st.subheader("Your results")
    if not quiz.is_open and len(given) < total:
        st.warning(f"Your teacher closed the quiz: you answered {len(given)} of {total} questions.")
    if not quiz.answers_visible:
        st.info(f"You answered all {total} questions: your score and the right answers are shown here when your "
                "teacher closes the quiz.")
        return
    st.markdown(f"**You scored {right} out of {total}**")
    for number, q, answer in answer_sheet(quiz, given):
        mark = "—" if answer is None else "✔" if answer.correct else "✘"
        with st.expander(f"{mark} {number}. {md_escape(q.prompt[:90] + ('…' if len(q.prompt) > 90 else ''))}"):
            st.markdown(md_escape(q.prompt))
            yours = "not answered" if answer is None else f"“{md_escape(answer.given)}”"
            st.markdown(f"You answered {yours}; the answer is **{md_escape(right_answer(q))}**.")
            if answer is not None and answer.gaps:
                st.caption(gaps_marked(answer))
            if q.explanation:
                st.markdown(f"**Why:** {md_escape(q.explanation)}")


def class_teacher_panel(store: Store) -> None:
    """The teacher's "Class quiz" tab (:mod:`studyaid.app.class_teacher`)."""
    from .class_teacher import teacher_panel

    teacher_panel(store)
