"""The student view: choose a quiz, answer one question at a time with immediate feedback grounded
in the source article, then a review of what was missed."""
from __future__ import annotations

import random

import streamlit as st

from ..questions.model import Question
from ..store import Store
from .classroom import class_student_panel
from .common import titles
from .quiz import (FACT_TYPE_LABELS, KIND_LABELS, QuizState, pick_questions, passage_markdown, results_by_type,
                   source_passage, student_pool)
from .safe import md_escape

QUIZ_KEY = "quiz"
EMPTY = "No questions yet — add a document in the Teacher view."


def student_view(store: Store) -> None:
    if class_student_panel(store):  # a class quiz joined with its code takes the page
        return
    questions = store.questions()
    pool, note = student_pool(questions)
    quiz: QuizState | None = st.session_state.get(QUIZ_KEY)
    if quiz is None:
        st.title("Quiz")
        if not pool:
            st.info(EMPTY)
            return
        quiz_setup(pool, note, titles(store))
        return
    by_id = {q.id: q for q in pool}  # a question rejected or deleted meanwhile is skipped
    while not quiz.done and quiz.current not in by_id:
        quiz.next()
    if quiz.done:
        quiz_results(quiz, {q.id: q for q in questions}, store)
    else:
        quiz_question(quiz, by_id[quiz.current], store)


def _start(ids: list[str], previous: QuizState | None) -> None:
    st.session_state[QUIZ_KEY] = QuizState(ids=ids, number=(previous.number + 1) if previous else 1)


def quiz_setup(pool: list[Question], note: str, doc_titles: dict[str, str]) -> None:
    st.caption(note)
    documents = sorted({s.document for q in pool for s in q.sources}, key=lambda d: doc_titles.get(d, d))
    source = st.selectbox("Articles", [None, *documents], key="quiz_source",
                          format_func=lambda d: "All articles" if d is None else doc_titles.get(d, d))
    kinds = st.multiselect("Question kinds", list(KIND_LABELS), default=list(KIND_LABELS), key="quiz_kinds",
                           format_func=KIND_LABELS.get)
    available = pick_questions(pool, document=source, kinds=tuple(kinds), count=len(pool))
    if not available:
        st.warning("No questions match this choice; pick other articles or kinds.")
        return
    count = st.number_input(f"How many questions (up to {len(available)})", min_value=1, max_value=len(available),
                            value=min(10, len(available)), step=1, key="quiz_count")
    if st.button("Start the quiz", type="primary", key="quiz_start"):
        chosen = pick_questions(pool, document=source, kinds=tuple(kinds), count=int(count),
                                seed=random.SystemRandom().randrange(1 << 30))
        _start([q.id for q in chosen], st.session_state.get(QUIZ_KEY + "_last"))
        st.rerun()


def _progress(quiz: QuizState) -> None:
    st.progress(min(1.0, quiz.answered / max(1, quiz.total)),
                text=f"Question {min(quiz.index + 1, quiz.total)} of {quiz.total} · score {quiz.score}/{quiz.answered}")


def quiz_question(quiz: QuizState, q: Question, store: Store) -> None:
    _progress(quiz)
    st.caption(md_escape(f"{KIND_LABELS.get(q.kind, q.kind)} · {FACT_TYPE_LABELS.get(q.fact_type, q.fact_type)} · "
                         f"{q.difficulty_label}"))
    st.markdown(f"#### {md_escape(q.prompt)}")
    answer = quiz.answers.get(q.id)
    key = f"answer_{quiz.number}_{quiz.index}"
    if answer is None:
        with st.form(f"form_{key}"):
            if q.kind == "mcq":
                given = st.radio("Your answer", q.options, index=None, key=key, format_func=md_escape)
            else:
                given = st.text_input("Your answer", key=key, placeholder=f"the missing {q.hint or 'words'}")
            checked = st.form_submit_button("Check", type="primary", key=f"check_{key}")
        if checked:
            if not (given or "").strip():
                st.warning("Choose an option first." if q.kind == "mcq" else "Type an answer first.")
            else:
                quiz.answer(q, given)
                st.rerun()
    else:
        feedback(q, answer.given, answer.correct, store)
        last = quiz.index + 1 >= quiz.total
        if st.button("See my results" if last else "Next question", type="primary", key=f"next_{key}"):
            quiz.next()
            st.rerun()
    if st.button("Stop this quiz", key=f"stop_{quiz.number}", type="tertiary"):
        st.session_state[QUIZ_KEY + "_last"] = quiz
        del st.session_state[QUIZ_KEY]
        st.rerun()


def feedback(q: Question, given: str, correct: bool, store: Store) -> None:
    """Right or wrong, why, the source sentence in its paragraph, and which articles state it."""
    if correct:
        note = "" if given.strip().casefold() == q.answer.casefold() else f" (you wrote “{md_escape(given)}”)"
        st.success(f"Right! **{md_escape(q.answer)}**{note}", icon=":material/check_circle:")
    else:
        st.error(f"Not quite. You answered “{md_escape(given)}”; the answer is **{md_escape(q.answer)}**.",
                 icon=":material/cancel:")
    if q.explanation:
        st.markdown(f"**Why:** {md_escape(q.explanation)}")
    source_box(q, store)


def source_box(q: Question, store: Store) -> None:
    if not q.sources:
        st.caption("This question was written by a teacher and has no source article.")
        return
    source = q.sources[0]
    document = store.document(source.document)
    with st.container(border=True):
        label = document.label if document else source.document
        st.caption(f"From “{md_escape(label)}”")
        passage = source_passage(document.text, source.start, source.end, source.sentence) if document else None
        if passage is None:
            st.markdown(f":orange-background[**{md_escape(source.sentence)}**]")
        else:
            st.markdown(passage_markdown(passage))
    names = titles(store)
    documents = list(dict.fromkeys(s.document for s in q.sources))
    listed = "; ".join(f"“{md_escape(names.get(d, d))}”" for d in documents)
    if len(documents) > 1:
        st.caption(f"Corroborated by {len(documents)} articles: {listed}")
    else:
        st.caption(f"Stated in 1 article: {listed}")


def quiz_results(quiz: QuizState, questions: dict[str, Question], store: Store) -> None:
    st.title("Results")
    _progress(quiz)
    st.subheader(f"You scored {quiz.score} out of {quiz.total}")
    table = results_by_type(questions, quiz)
    if table:
        import pandas as pd

        frame = pd.DataFrame.from_dict(table, orient="index")[["right", "wrong"]]
        frame.index.name = "fact type"
        st.markdown("**Results by fact type**")
        st.bar_chart(frame, color=["#2e7d32", "#c62828"])
    missed = [qid for qid in quiz.missed() if qid in questions]
    if missed:
        st.markdown(f"**Review: the {len(missed)} question(s) you missed**")
        for qid in missed:
            q = questions[qid]
            with st.expander(md_escape(q.prompt[:90] + ("…" if len(q.prompt) > 90 else ""))):
                st.markdown(md_escape(q.prompt))
                st.markdown(f"You answered “{md_escape(quiz.answers[qid].given)}”; the answer is "
                            f"**{md_escape(q.answer)}**.")
                if q.explanation:
                    st.markdown(f"**Why:** {md_escape(q.explanation)}")
                source_box(q, store)
    else:
        st.success("No mistakes: well done!")
    left, right = st.columns(2)
    if missed and left.button("Retry the missed ones", type="primary", key=f"retry_{quiz.number}"):
        _start(missed, quiz)
        st.rerun()
    if right.button("New quiz", key=f"new_{quiz.number}"):
        st.session_state[QUIZ_KEY + "_last"] = quiz
        del st.session_state[QUIZ_KEY]
        st.rerun()
