"""Class mode pages: the teacher's "Class quiz" tab (publish, close or reopen, results, CSV) and the
student's "Join a class quiz" box with the class quiz it leads to.

A student's attempt id is kept in the session and in the page address (``?class=…``), so a reload
continues where the student was; joining again with the same code and name continues the same
attempt. Every answer is stored (:mod:`studyaid.store.classes`) before its feedback is shown. Names,
titles, prompts, options and answers are shown through :func:`md_escape` or in tables.
"""
from __future__ import annotations

import streamlit as st

from ..classroom.models import Attempt, ClassAnswer, ClassError, ClassQuiz, right_answer
from ..classroom.report import answers_csv, questions_csv, students_csv
from ..classroom.select import CLASS_STATUSES, class_choice, publishable
from ..classroom.stats import (HARD_SHARE, MIN_ANSWERS, QuestionResult, StudentResult, answer_sheet, duration,
                               next_question, question_results, student_results)
from ..store import Store
from ..store import classes, picking
from .answers import gaps
from .common import titles
from .quiz import FACT_TYPE_LABELS, KIND_LABELS
from .safe import md_escape

ATTEMPT_KEY = "class_attempt"
PARAM = "class"  # the attempt id in the page address: a reload resumes
SHOWN_KEY = "class_shown"  # the question just answered, whose feedback is on the screen
NOTE_KEY = "class_note"  # (level, text) shown once inside the class pages
PICK_KEY = "class_pick"
REFRESH_SECONDS = 5


def _note(level: str, text: str) -> None:
    st.session_state[NOTE_KEY] = (level, text)


def _show_note() -> None:
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
    _show_note()
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
        _note("error", md_escape(exc.message))
        return
    st.session_state[ATTEMPT_KEY] = attempt.id
    st.query_params[PARAM] = attempt.id
    st.session_state.pop(SHOWN_KEY, None)
    if resumed:
        _note("info", f"Welcome back, {md_escape(attempt.name)}: you continue the attempt started under this name. "
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
    _show_note()
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
            _note("warning", "Fill in every gap first.")
            return
    else:
        given = str(st.session_state.get(key) or "")
        if not given.strip():
            _note("warning", "Choose an option first." if kind == "mcq" else "Type an answer first.")
            return
    try:
        classes.record_answer(store, attempt_id, qid, given)
    except ClassError as exc:
        _note("error", md_escape(exc.message))
        return
    st.session_state[SHOWN_KEY] = qid


def _answered(store: Store, quiz: ClassQuiz, q, answer: ClassAnswer, last: bool) -> None:
    from .student import feedback

    st.markdown(f"#### {md_escape(q.prompt)}")
    if quiz.answers_visible:
        feedback(q, answer.given, answer.correct, store)
        if answer.gaps:
            st.caption(gap_marks(answer))
    else:
        st.info(f"Your answer “{md_escape(answer.given)}” is saved. Your teacher shows the right answers when the "
                "quiz closes.")
    st.button("See my results" if last else "Next question", type="primary", key=f"class_next_{q.id}",
              on_click=lambda: st.session_state.pop(SHOWN_KEY, None))


def gap_marks(answer: ClassAnswer) -> str:
    """Which gaps of a multi-gap answer are right: "Gap 1 right · gap 2 wrong"."""
    return " · ".join(f"{'Gap' if n == 1 else 'gap'} {n} {'right' if g.correct else 'wrong'}"
                      for n, g in enumerate(answer.gaps, 1))


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
                st.caption(gap_marks(answer))
            if q.explanation:
                st.markdown(f"**Why:** {md_escape(q.explanation)}")


# -- teachers ------------------------------------------------------------------------------------

def class_teacher_panel(store: Store) -> None:
    """Publish a quiz to a class, open or close it, and read its results."""
    _show_note()
    published = classes.quizzes(store)
    with st.expander("Publish a quiz to a class", expanded=not published):
        publish_form(store)
    if not published:
        st.caption("No class quiz yet. Students join a published quiz from the Student view (“Join a class quiz”) "
                   "with its code and their name.")
        return
    codes = [q.code for q in published]
    if st.session_state.get(PICK_KEY) not in codes:
        st.session_state[PICK_KEY] = codes[0]
    names = {q.code: f"{q.title} · {q.code} · {'open' if q.is_open else 'closed'} · {len(q.questions)} questions"
             for q in published}
    code = st.selectbox("Class quiz", codes, key=PICK_KEY, format_func=names.get)
    chosen = next(q for q in published if q.code == code)
    left, right = st.columns([3, 1])
    left.markdown(f"### Code: `{chosen.code}`")
    left.caption("Students: Student view → “Join a class quiz” → this code and their name."
                 if chosen.is_open else "Closed: no new students or answers; students can see their results.")
    right.button("Close the quiz" if chosen.is_open else "Reopen the quiz", key=f"class_toggle_{chosen.code}",
                 on_click=_toggle, args=(store, chosen.code, not chosen.is_open))
    results_panel(str(store.path), chosen.code)


def _toggle(store: Store, code: str, is_open: bool) -> None:
    try:
        classes.set_open(store, code, is_open)
    except ClassError as exc:
        _note("error", md_escape(exc.message))


def publish_form(store: Store) -> None:
    """The quiz's title, articles, fact types and size, and the list it will ask: every list and count
    is read by SQL (:mod:`studyaid.store.picking`), the questions themselves only when it is published."""
    if not picking.count(store, class_choice()):
        st.info("A class quiz asks approved questions only: approve some in “Review questions” first.")
        return
    doc_titles = titles(store)
    documents = sorted(picking.pool_documents(store, CLASS_STATUSES), key=lambda d: doc_titles.get(d, d))
    types = picking.fact_types(store, class_choice())
    st.text_input("Quiz title", key="class_title", max_chars=classes.MAX_TITLE, placeholder="e.g. Monday's news quiz")
    c1, c2 = st.columns(2)
    picked_docs = c1.multiselect("Articles", documents, key="class_docs", placeholder="all articles",
                                 format_func=lambda d: doc_titles.get(d, d))
    picked_types = c2.multiselect("Fact types", types, key="class_types", placeholder="all types",
                                  format_func=lambda t: FACT_TYPE_LABELS.get(t, t))
    choice = class_choice(picked_docs, picked_types)
    matching = picking.count(store, choice)
    if not matching:
        st.warning("No approved question matches this choice.")
        return
    count = st.number_input(f"Number of questions (up to {matching})", min_value=1, max_value=matching,
                            value=min(10, matching), step=1, key="class_count")
    st.checkbox("Show students the right answer after each question (else only once you close the quiz)",
                value=True, key="class_show_answers")
    chosen = picking.one_per_fact(store, choice, int(count))
    import pandas as pd

    st.dataframe(pd.DataFrame([{"#": i, "kind": KIND_LABELS.get(q.kind, q.kind), "type": q.fact_type,
                                "question": q.prompt, "answer": q.answer} for i, q in enumerate(chosen, 1)]),
                 hide_index=True, width="stretch")
    st.button(f"Publish {len(chosen)} question(s)", type="primary", key="class_publish", on_click=_publish,
              args=(store, [q.id for q in chosen]))


def _publish(store: Store, ids: list[str]) -> None:
    found = picking.questions_by_id(store, ids)
    missing = [qid for qid in ids if qid not in found or not publishable(found[qid])]
    if missing:
        _note("error", f"{len(missing)} of the questions shown are no longer approved: look at the list again.")
        return
    try:
        quiz = classes.publish(store, st.session_state.get("class_title", ""), [found[qid] for qid in ids],
                               show_answers=bool(st.session_state.get("class_show_answers", True)))
    except ClassError as exc:
        _note("error", md_escape(exc.message))
        return
    st.session_state[PICK_KEY] = quiz.code
    _note("success", f"Published “{md_escape(quiz.title)}” with {len(quiz.questions)} question(s): the code is "
                     f"**{quiz.code}**.")


def _picks(row: QuestionResult) -> str:
    if row.options:
        return "; ".join(f"{o.option} ×{o.picks}" for o in row.options if not o.correct)
    return "; ".join(f"{text} ×{n}" for text, n in row.wrong_answers[:5])


def _one_student(quiz: ClassQuiz, students: list[StudentResult], given: list[ClassAnswer]) -> None:
    """Who answered what: one student's answers, question by question."""
    with st.expander("One student's answers"):
        names = {s.attempt_id: s.name for s in students}
        picked = st.selectbox("Student", list(names), key="class_sheet_pick", format_func=names.get)
        mark = {None: "not answered", True: "right", False: "wrong"}
        st.table(_escaped([{"no.": str(n), "question": q.prompt, "their answer": "" if a is None else a.given,
                            "result": mark[None if a is None else a.correct] + (f" ({gap_marks(a)})" if a and a.gaps
                                                                                 else ""),
                            "answer": right_answer(q)}
                           for n, q, a in answer_sheet(quiz, given, picked)]))


def _remove_form(path: str, students: list[StudentResult]) -> None:
    """Remove one student's attempt with its answers, after a tick."""
    with st.expander("Remove a student's attempt"):
        names = {s.attempt_id: f"{s.name} ({s.answered} answered)" for s in students}
        st.selectbox("Attempt", list(names), key="class_remove_pick", format_func=names.get)
        st.checkbox("Yes, delete this attempt and its answers", key="class_remove_sure")
        st.button("Remove the attempt", key="class_remove", on_click=_remove, args=(path,))


def _remove(path: str) -> None:
    if not st.session_state.get("class_remove_sure"):
        _note("warning", "Tick “Yes, delete this attempt and its answers” first.")
        return
    st.session_state["class_remove_sure"] = False
    try:
        removed = classes.remove_attempt(Store(path), st.session_state.get("class_remove_pick") or "")
    except ClassError as exc:
        _note("error", md_escape(exc.message))
        return
    _note("success", f"Removed the attempt and its {removed} answer(s).")


def _escaped(rows: list[dict[str, str]]):
    """A table for ``st.table`` (which renders Markdown in cells) with every cell shown as written."""
    import pandas as pd

    frame = pd.DataFrame([{key: md_escape(value) for key, value in row.items()} for row in rows])
    return frame.set_index(frame.columns[0])


@st.fragment(run_every=REFRESH_SECONDS)
def results_panel(path: str, code: str) -> None:
    """Results per student and per question (plain tables, one row a student: 30 fit on a screen),
    refreshed every few seconds while students answer."""
    _show_note()  # what a button in here did (a fragment's button reruns only the fragment)
    store = Store(path)
    quiz = classes.quiz(store, code)
    attempts = classes.attempts(store, code)
    given = classes.answers(store, code=code)
    students = student_results(quiz, attempts, given)
    items = question_results(quiz, given)
    finished = sum(s.finished for s in students)
    st.markdown(f"**{len(students)} student(s)** joined · {finished} finished · {len(given)} answer(s)")
    if not students:
        st.caption("Nobody has joined yet; this page updates by itself.")
        return
    st.markdown("**Results by student**")
    st.table(_escaped([{"student": s.name, "score": f"{s.right}/{s.total}", "percent": f"{s.score_percent:.0f}%",
                        "answered": f"{s.answered}/{s.total}", "time": duration(s.seconds),
                        "last answer (UTC)": (s.last_answer_at or "")[11:19]} for s in students]))
    st.markdown("**Results by question**")
    st.table(_escaped([{"no.": str(r.position), "question": r.prompt, "answer": r.answer, "answers": str(r.answered),
                        "right": "" if r.share_right is None else f"{r.share_right:.0%}",
                        "discrimination": "" if r.discrimination is None else f"{r.discrimination:.2f}",
                        "wrong answers picked": _picks(r), "flags": "; ".join(r.flags)} for r in items]))
    flagged = [r for r in items if r.flags]
    for r in flagged:
        st.warning(f"Question {r.position} (“{md_escape(r.prompt[:80])}”): {md_escape('; '.join(r.flags))}.")
    st.caption(f"Flags need {MIN_ANSWERS} answers: a question fewer than {HARD_SHARE:.0%} get right, and wrong options "
               "nobody picks (they help no one tell the answer apart), are worth a second look. Discrimination "
               "(-1 to 1): how far the students who do well on the rest of the quiz get this one right; near 0 or "
               "below, it does not tell them apart, or its answer key is wrong.")
    _one_student(quiz, students, given)
    _remove_form(str(store.path), students)
    d1, d2, d3 = st.columns(3)
    d1.download_button("Students (.csv)", students_csv(students), file_name=f"class_{code}_students.csv",
                       mime="text/csv", key=f"class_csv_students_{code}", on_click="ignore")
    d2.download_button("Questions (.csv)", questions_csv(items), file_name=f"class_{code}_questions.csv",
                       mime="text/csv", key=f"class_csv_questions_{code}", on_click="ignore")
    d3.download_button("Every answer (.csv)", answers_csv(quiz, attempts, given), file_name=f"class_{code}_answers.csv",
                       mime="text/csv", key=f"class_csv_answers_{code}", on_click="ignore")
