"""The student view: choose a quiz, answer one question at a time with immediate feedback grounded
in the source article, then a review of what was missed.

The page reads the bank by queries (:mod:`studyaid.store.picking`): counts and the articles for the
choice, a bounded set of candidates when a quiz starts, then the questions it shows by id. A bank of
10,000 questions is never loaded into the page."""
from __future__ import annotations

import random

import streamlit as st

from ..questions.model import Question
from ..store import Store
from ..store import picking
from .answers import check_gaps, gaps
from .classroom import class_student_panel
from .common import titles
from .quiz import (FACT_TYPE_LABELS, KIND_LABELS, Answer, QuizState, pick_questions, passage_markdown,
                   results_by_type, source_passage)
from .retry import option_order
from .safe import md_escape

QUIZ_KEY = "quiz"
RETRIES_KEY = "quiz_retries"  # {quiz number: how many retries of the first quiz it is}
EMPTY = "No questions yet — add a document in the Teacher view."
GAP_SEPARATOR = " / "


def pool_note(pool: picking.PoolSummary) -> str:
    """Which questions students are asked, and how many."""
    if pool.approved_only:
        return f"{pool.size} question{'s' if pool.size != 1 else ''} approved by a teacher."
    return f"{pool.size} question{'s' if pool.size != 1 else ''}: every question a teacher has not rejected."


def student_view(store: Store) -> None:
    if class_student_panel(store):  # a class quiz joined with its code takes the page
        return
    pool = picking.pool_summary(store)
    quiz: QuizState | None = st.session_state.get(QUIZ_KEY)
    if quiz is None:
        st.title("Quiz")
        if not pool.size:
            st.info(EMPTY)
            return
        quiz_setup(store, pool, titles(store))
        return
    while not quiz.done:  # a question rejected, flagged or deleted meanwhile is skipped
        current = picking.questions_by_id(store, [quiz.current]).get(quiz.current)
        if current is not None and current.status in pool.statuses and not current.withheld:
            quiz_question(quiz, current, store)
            return
        quiz.next()
    quiz_results(quiz, picking.questions_by_id(store, quiz.ids), store)


def _start(ids: list[str], previous: QuizState | None, retry: bool = False) -> None:
    quiz = QuizState(ids=ids, number=(previous.number + 1) if previous else 1)
    retries = st.session_state.setdefault(RETRIES_KEY, {})
    retries[quiz.number] = retries.get(previous.number, 0) + 1 if (retry and previous) else 0
    st.session_state[QUIZ_KEY] = quiz


def quiz_setup(store: Store, pool: picking.PoolSummary, doc_titles: dict[str, str]) -> None:
    st.caption(pool_note(pool))
    documents = sorted(picking.pool_documents(store, pool.statuses), key=lambda d: doc_titles.get(d, d))
    chosen = st.multiselect("Articles", documents, key="quiz_sources", placeholder="All articles",
                            format_func=lambda d: doc_titles.get(d, d),
                            help="Pick one or several articles; none picked: all of them.")
    kinds = st.multiselect("Question kinds", list(KIND_LABELS), default=list(KIND_LABELS), key="quiz_kinds",
                           format_func=KIND_LABELS.get)
    choice = picking.Choice(statuses=pool.statuses, documents=tuple(chosen), kinds=tuple(kinds))
    available = picking.count(store, choice)
    if not available:
        st.warning("No questions match this choice; pick other articles or kinds.")
        return
    count = st.number_input(f"How many questions (up to {available})", min_value=1, max_value=available,
                            value=min(10, available), step=1, key="quiz_count")
    if st.button("Start the quiz", type="primary", key="quiz_start"):
        seed = random.SystemRandom().randrange(1 << 30)
        candidates = picking.pick_candidates(store, choice, int(count), seed)
        picked = pick_questions(candidates, kinds=tuple(kinds), count=int(count), seed=seed)
        _start([q.id for q in picked], st.session_state.get(QUIZ_KEY + "_last"))
        st.rerun()


def _progress(quiz: QuizState) -> None:
    st.progress(min(1.0, quiz.answered / max(1, quiz.total)),
                text=f"Question {min(quiz.index + 1, quiz.total)} of {quiz.total} · score {quiz.score}/{quiz.answered}")


def _gap_label(number: int, hint: str | None, total: int) -> str:
    return f"Gap {number} of {total}" + (f" ({hint})" if hint else "")


def quiz_question(quiz: QuizState, q: Question, store: Store) -> None:
    _progress(quiz)
    st.caption(md_escape(f"{KIND_LABELS.get(q.kind, q.kind)} · {FACT_TYPE_LABELS.get(q.fact_type, q.fact_type)} · "
                         f"{q.difficulty_label}"))
    st.markdown(f"#### {md_escape(q.prompt)}")
    answer = quiz.answers.get(q.id)
    key = f"answer_{quiz.number}_{quiz.index}"
    boxes = gaps(q) if q.kind == "cloze" else []
    if answer is None:
        with st.form(f"form_{key}"):
            if q.kind == "mcq":
                retry = st.session_state.get(RETRIES_KEY, {}).get(quiz.number, 0)
                given = st.radio("Your answer", option_order(q, retry), index=None, key=key, format_func=md_escape)
            elif len(boxes) > 1:  # one box per gap, graded gap by gap
                typed = [st.text_input(_gap_label(i + 1, hint, len(boxes)), key=f"{key}_gap{i + 1}",
                                       placeholder=f"the missing {hint or 'words'}")
                         for i, (_, hint) in enumerate(boxes)]
            else:
                given = st.text_input("Your answer", key=key, placeholder=f"the missing {q.hint or 'words'}")
            checked = st.form_submit_button("Check", type="primary", key=f"check_{key}")
        if checked:
            if len(boxes) > 1:
                if not all((t or "").strip() for t in typed):
                    st.warning("Fill in every gap first.")
                    return
                quiz.answers[q.id] = Answer(given=GAP_SEPARATOR.join(t.strip() for t in typed),
                                            correct=all(check_gaps(q, typed)))
                st.rerun()
            elif not (given or "").strip():
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


def right_answer(q: Question) -> str:
    """The answer as a student should read it: each gap's answer for a cloze with several gaps."""
    boxes = gaps(q) if q.kind == "cloze" else []
    return GAP_SEPARATOR.join(answer for answer, _ in boxes) if len(boxes) > 1 else q.answer


def feedback(q: Question, given: str, correct: bool, store: Store) -> None:
    """Right or wrong, why, the source sentence in its paragraph, and which articles state it."""
    answer = right_answer(q)
    if correct:
        note = "" if given.strip().casefold() == answer.casefold() else f" (you wrote “{md_escape(given)}”)"
        st.success(f"Right! **{md_escape(answer)}**{note}", icon=":material/check_circle:")
    else:
        st.error(f"Not quite. You answered “{md_escape(given)}”; the answer is **{md_escape(answer)}**.",
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
                            f"**{md_escape(right_answer(q))}**.")
                if q.explanation:
                    st.markdown(f"**Why:** {md_escape(q.explanation)}")
                source_box(q, store)
    else:
        st.success("No mistakes: well done!")
    left, right = st.columns(2)
    if missed and left.button("Retry the missed ones", type="primary", key=f"retry_{quiz.number}"):
        _start(missed, quiz, retry=True)
        st.rerun()
    if right.button("New quiz", key=f"new_{quiz.number}"):
        st.session_state[QUIZ_KEY + "_last"] = quiz
        del st.session_state[QUIZ_KEY]
        st.rerun()
