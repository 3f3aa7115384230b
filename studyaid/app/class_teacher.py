"""Class mode, the teacher's "Class quiz" tab: publish a quiz, close or reopen it, read its results
(refreshed every few seconds), download them as CSV, remove a student's attempt, delete the quiz.

Names, titles, prompts and answers are shown through :func:`md_escape` or in escaped tables."""
from __future__ import annotations

import streamlit as st

from ..classroom.codes import is_code
from ..classroom.models import ClassAnswer, ClassError, ClassQuiz, right_answer
from ..classroom.report import answers_csv, questions_csv, students_csv
from ..classroom.select import CLASS_STATUSES, class_choice, publishable
from ..classroom.stats import (HARD_SHARE, MIN_ANSWERS, QuestionResult, StudentResult, answer_sheet, duration,
                               gaps_marked, question_results, student_results)
from ..store import Store
from ..store import classes, picking
from .classroom import PICK_KEY, note, show_note
from .common import titles
from .quiz import FACT_TYPE_LABELS, KIND_LABELS
from .safe import md_escape

REFRESH_SECONDS = 5



def teacher_panel(store: Store) -> None:
    """Publish a quiz to a class, open or close it, and read its results."""
    show_note()
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
    delete_panel(store, chosen)


def delete_panel(store: Store, quiz: ClassQuiz) -> None:
    """Delete a class quiz with its attempts and answers: the results offered as CSV first, then the
    quiz's code typed to confirm (a deleted quiz cannot be restored: the trash holds questions)."""
    attempts = classes.attempts(store, quiz.code)
    given = classes.answers(store, code=quiz.code)
    with st.expander("Delete this class quiz"):
        st.write(f"Deletes the quiz {quiz.code} (“{md_escape(quiz.title)}”) with its {len(attempts)} attempt(s) "
                 f"and {len(given)} answer(s), for good: it cannot be undone, and its students can no longer see their "
                 "results. The questions stay in the bank.")
        if given:
            st.caption("Download the results first:")
            d1, d2 = st.columns(2)
            d1.download_button("Students (.csv)", students_csv(student_results(quiz, attempts, given)),
                               file_name=f"class_{quiz.code}_students.csv", mime="text/csv",
                               key=f"class_delete_csv_students_{quiz.code}", on_click="ignore")
            d2.download_button("Every answer (.csv)", answers_csv(quiz, attempts, given),
                               file_name=f"class_{quiz.code}_answers.csv", mime="text/csv",
                               key=f"class_delete_csv_answers_{quiz.code}", on_click="ignore")
        typed = st.text_input(f"Type the code {quiz.code} to confirm", key=f"class_delete_confirm_{quiz.code}",
                              max_chars=12)
        st.button(f"Delete the quiz {quiz.code}", key=f"class_delete_{quiz.code}", on_click=_delete,
                  args=(store, quiz.code), disabled=not is_code(typed, quiz.code))


def _delete(store: Store, code: str) -> None:
    typed = st.session_state.pop(f"class_delete_confirm_{code}", "")
    try:
        found = classes.quiz(store, code)
        attempts, answers = classes.delete_quiz(store, code, typed)
    except ClassError as exc:
        note("error", md_escape(exc.message))
        return
    st.session_state.pop(PICK_KEY, None)
    title = found.title if found else code
    note("success", f"Deleted the class quiz “{md_escape(title)}” ({code}) with {attempts} attempt(s) and "
                    f"{answers} answer(s).")


def _toggle(store: Store, code: str, is_open: bool) -> None:
    try:
        classes.set_open(store, code, is_open)
    except ClassError as exc:
        note("error", md_escape(exc.message))


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
        note("error", f"{len(missing)} of the questions shown are no longer approved: look at the list again.")
        return
    try:
        quiz = classes.publish(store, st.session_state.get("class_title", ""), [found[qid] for qid in ids],
                               show_answers=bool(st.session_state.get("class_show_answers", True)))
    except ClassError as exc:
        note("error", md_escape(exc.message))
        return
    st.session_state[PICK_KEY] = quiz.code
    note("success", f"Published “{md_escape(quiz.title)}” with {len(quiz.questions)} question(s): the code is "
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
        st.table(_escaped([{"no.": str(n), "question": q.prompt, "their answer": "" if a is None else a.given,
                            "result": _result(a), "answer": right_answer(q)}
                           for n, q, a in answer_sheet(quiz, given, picked)]))


def _result(answer: ClassAnswer | None) -> str:
    """"right", "wrong" (with each gap's mark for a cloze with several gaps) or "not answered"."""
    if answer is None:
        return "not answered"
    return ("right" if answer.correct else "wrong") + (f" ({gaps_marked(answer)})" if answer.gaps else "")


def _remove_form(path: str, students: list[StudentResult]) -> None:
    """Remove one student's attempt with its answers, after a tick."""
    with st.expander("Remove a student's attempt"):
        names = {s.attempt_id: f"{s.name} ({s.answered} answered)" for s in students}
        st.selectbox("Attempt", list(names), key="class_remove_pick", format_func=names.get)
        st.checkbox("Yes, delete this attempt and its answers", key="class_remove_sure")
        st.button("Remove the attempt", key="class_remove", on_click=_remove, args=(path,))


def _remove(path: str) -> None:
    if not st.session_state.get("class_remove_sure"):
        note("warning", "Tick “Yes, delete this attempt and its answers” first.")
        return
    st.session_state["class_remove_sure"] = False
    try:
        removed = classes.remove_attempt(Store(path), st.session_state.get("class_remove_pick") or "")
    except ClassError as exc:
        note("error", md_escape(exc.message))
        return
    note("success", f"Removed the attempt and its {removed} answer(s).")


def _escaped(rows: list[dict[str, str]]):
    """A table for ``st.table`` (which renders Markdown in cells) with every cell shown as written."""
    import pandas as pd

    frame = pd.DataFrame([{key: md_escape(value) for key, value in row.items()} for row in rows])
    return frame.set_index(frame.columns[0])


@st.fragment(run_every=REFRESH_SECONDS)
def results_panel(path: str, code: str) -> None:
    """Results per student and per question (plain tables, one row a student: 30 fit on a screen),
    refreshed every few seconds while students answer."""
    show_note()  # what a button in here did (a fragment's button reruns only the fragment)
    store = Store(path)
    quiz = classes.quiz(store, code)
    if quiz is None:  # deleted meanwhile (in another browser)
        st.info(f"The class quiz {code} was deleted.")
        return
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
