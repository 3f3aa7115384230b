"""The teacher's review of the bank: one page of questions at a time in an editable table.

Filters and pages are applied by the store in SQL (``Store.entries(limit=…, offset=…)``, counts by
``COUNT``), so a bank of 10,000 questions draws one page, never every question. What the table showed
is remembered (question ids and versions), so saving applies each change to the version the teacher
saw: a question someone else changed meanwhile is refused (:class:`~studyaid.store.StaleEdit`)
instead of overwritten. The teacher chooses what students see (stored in the bank), and every action
says how many questions students see now. A question flagged for review (its source sentence
changed) shows why; approving it, or saving an edit of it, clears the flag.
"""
from __future__ import annotations

import hashlib
import math

import streamlit as st

from ..errors import StudyaidError
from ..questions.model import Question
from ..store import STUDENTS_SEE_SETTING, BankEntry, Store
from ..store.trash import delete_to_trash
from .common import titles
from .editing import FACT_TYPES, STATUSES, EditError, apply_changes, table_row
from .notes import note, show_notes
from .quiz import FACT_TYPE_LABELS, KIND_LABELS, STUDENTS_SEE, student_count
from .safe import md_escape
from .trash import UNDO_KEY, offer_undo, undo_panel

TAB = "review"
ROUND_KEY = "_review_round"
FILTERS_KEY = "_review_filters"  # the filters and page size of the page shown
COLUMNS = ("select", "status", "review", "kind", "type", "prompt", "answer", "options", "accepted", "explanation",
           "sentence", "source", "edited", "id")
READ_ONLY = ["review", "kind", "type", "sentence", "source", "edited", "id"]
PAGE_SIZES = (25, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50
KINDS = ("mcq", "cloze")


def editor_key(ids: list[str]) -> str:
    """The table's widget key: new after every save and for every different set of rows shown, so
    pending cell edits never land on rows they were not made on."""
    shown = hashlib.sha1("|".join(ids).encode("utf-8")).hexdigest()[:8]
    return f"review_{st.session_state.get(ROUND_KEY, 0)}_{shown}"


def _next_round() -> None:
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1


def chosen_filters(statuses: list[str], types: list[str], kinds: list[str], document: str | None,
                   flagged: bool) -> dict:
    """The store filters for what the teacher picked: an empty choice means "all", for every filter."""
    return {"statuses": statuses or None, "fact_types": types or None, "kinds": kinds or None,
            "document": document, "flagged": True if flagged else None}


def page_bounds(total: int, size: int, page: int) -> tuple[int, int, int]:
    """``(page, pages, offset)``: ``page`` brought within the pages ``total`` rows make (at least one)."""
    pages = max(1, math.ceil(total / max(1, size)))
    page = min(max(1, page), pages)
    return page, pages, (page - 1) * size


def students_now(store: Store) -> str:
    """"Students now see N question(s) (what the teacher chose)": said after every change of the bank."""
    policy = store.students_see()
    return f"Students now see {student_count(store, policy)} question(s) ({STUDENTS_SEE[policy]})."


def students_see_panel(store: Store) -> None:
    """The teacher's choice of what students are asked, with how many each choice gives."""
    policy = store.students_see()
    counts = {choice: student_count(store, choice) for choice in STUDENTS_SEE}
    st.session_state["students_see"] = policy  # as stored: another browser may have changed it
    st.radio("Students see", list(STUDENTS_SEE), key="students_see",
             horizontal=True, format_func=lambda c: f"{STUDENTS_SEE[c]} ({counts[c]})", on_change=_choose_policy,
             args=(store,), help="Questions flagged for review and rejected ones are never asked.")
    st.caption(f"Students now see {counts[policy]} question(s).")


def _choose_policy(store: Store) -> None:
    choice = st.session_state.get("students_see")
    if choice not in STUDENTS_SEE:
        return
    try:
        store.set_setting(STUDENTS_SEE_SETTING, choice)
    except StudyaidError as exc:
        note(TAB, "error", f"The choice was not saved: {md_escape(exc.message)}")
        return
    note(TAB, "success", f"Students see {STUDENTS_SEE[choice]} from now on. {students_now(store)}")


def review_panel(store: Store) -> None:
    show_notes(TAB)
    undo_panel(store, TAB)
    counts = store.counts()
    total = sum(counts.values())
    if not total:
        st.info("No questions yet — add a document in the “Add documents” tab.")
        return
    flagged_total = store.count_matching(flagged=True)
    cols = st.columns(5)
    cols[0].metric("Questions", total)
    for col, status in zip(cols[1:], STATUSES):
        col.metric(status.capitalize(), counts.get(status, 0))
    cols[4].metric("Needs review", flagged_total)
    students_see_panel(store)
    doc_titles = titles(store)
    f1, f2, f3, f4 = st.columns(4)
    statuses = f1.multiselect("Status", STATUSES, default=[], key="filter_status", placeholder="all statuses")
    types = f2.multiselect("Fact type", FACT_TYPES, default=[], key="filter_type", placeholder="all types")
    kinds = f3.multiselect("Kind", KINDS, default=[], key="filter_kind", placeholder="all kinds",
                           format_func=KIND_LABELS.get)
    document = f4.selectbox("Source", [None, *doc_titles], key="filter_source",
                            format_func=lambda d: "All documents" if d is None else doc_titles.get(d, d))
    flagged = st.checkbox(f"Only questions that need review ({flagged_total}): their source sentence changed; "
                          "students do not see them until you approve or edit them", key="filter_flagged")
    filters = chosen_filters(statuses, types, kinds, document, flagged)
    matching = store.count_matching(**filters)
    size = st.session_state.get("review_page_size", DEFAULT_PAGE_SIZE)
    shown = repr((filters, size))
    if st.session_state.get(FILTERS_KEY) != shown:  # other filters: back to their first page
        st.session_state[FILTERS_KEY] = shown
        st.session_state["review_page"] = 1
    page, pages, offset = page_bounds(matching, size, st.session_state.get("review_page", 1))
    st.session_state["review_page"] = page  # within the pages these filters give
    entries = store.entries(**filters, limit=size, offset=offset)
    key = editor_key([e.question.id for e in entries])
    for old in [k for k in st.session_state if str(k).startswith("review_") and str(k).endswith("_rows")]:
        del st.session_state[old]  # snapshots of tables no longer shown
    st.session_state[f"{key}_rows"] = [(e.question.id, e.version) for e in entries]
    if not entries:
        st.info("No question matches these filters.")
        return
    review_table(store, entries, key, doc_titles)
    p1, p2, p3 = st.columns([1, 1, 3], vertical_alignment="bottom")
    p1.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1, key="review_page")
    p2.selectbox("Rows per page", PAGE_SIZES, key="review_page_size", index=PAGE_SIZES.index(DEFAULT_PAGE_SIZE))
    p3.caption(f"Questions {offset + 1}–{offset + len(entries)} of {matching} matching. Edit cells, then save. "
               "Options and alternative answers are separated by |. Edited questions are never overwritten when "
               "questions are generated again.")
    b = st.columns(5)
    b[0].button("Save changes", type="primary", key="review_save", on_click=apply_review, args=(store, key, None))
    b[1].button("Approve ticked", key="review_approve", on_click=apply_review, args=(store, key, "approved"))
    b[2].button("Reject ticked", key="review_reject", on_click=apply_review, args=(store, key, "rejected"))
    b[3].button("Delete ticked", key="review_delete", on_click=apply_review, args=(store, key, "delete"))
    b[4].button(f"Approve all {len(entries)} on this page", key="review_approve_all", on_click=apply_review,
                args=(store, key, "approve_all"))
    preview_panel(store, entries, policy=store.students_see())


def review_table(store: Store, entries: list[BankEntry], key: str, doc_titles: dict[str, str]) -> None:
    import pandas as pd

    frame = pd.DataFrame([table_row(e, doc_titles) for e in entries], columns=list(COLUMNS))
    column = st.column_config
    st.data_editor(
        frame, key=key, hide_index=True, num_rows="fixed", disabled=READ_ONLY, width="stretch",
        column_config={
            "select": column.CheckboxColumn("✓", help="tick rows for the buttons below", width="small"),
            "status": column.SelectboxColumn("status", options=list(STATUSES), required=True, width="small"),
            "review": column.TextColumn("needs review", help="why a teacher must look again: approve or edit it"),
            "prompt": column.TextColumn("prompt", width="large", required=True),
            "answer": column.TextColumn("answer", required=True),
            "options": column.TextColumn("options", help="multiple choice: the options, separated by |"),
            "accepted": column.TextColumn("also accepted", help="other right answers, separated by |"),
            "explanation": column.TextColumn("explanation", width="medium"),
            "sentence": column.TextColumn("source sentence", width="large",
                                          help="the sentence of the article the question was made from"),
            "edited": column.CheckboxColumn("edited", help="changed by a teacher: regeneration keeps it"),
        },
    )


def withheld_reason(q: Question, policy: str) -> str | None:
    """Why students do not see ``q`` under ``policy``, or None when they do."""
    if q.status == "rejected":
        return "it is rejected"
    if q.needs_review is not None:
        return f"it needs review ({q.needs_review})"
    if policy == "approved" and q.status != "approved":
        return "students see approved questions only, and it is not approved"
    return None


def preview_panel(store: Store, entries: list[BankEntry], policy: str) -> None:
    """The question chosen from this page, drawn as a student sees it (options or a gap), with its answer,
    explanation and source, and whether students see it at all."""
    by_id = {e.question.id: e.question for e in entries}
    st.subheader("Preview")
    qid = st.selectbox("Question to preview as a student sees it", list(by_id), key="review_preview",
                       format_func=lambda i: f"{by_id[i].prompt[:90]}{'…' if len(by_id[i].prompt) > 90 else ''}")
    q = by_id.get(qid)
    if q is None:
        return
    hidden = withheld_reason(q, policy)
    if hidden:
        st.warning(f"Students do not see this question: {md_escape(hidden)}.")
    with st.container(border=True):
        st.caption(md_escape(f"{KIND_LABELS.get(q.kind, q.kind)} · {FACT_TYPE_LABELS.get(q.fact_type, q.fact_type)} · "
                             f"{q.difficulty_label}"))
        st.markdown(f"#### {md_escape(q.prompt)}")
        if q.kind == "mcq":
            st.radio("Your answer", q.options, index=None, key=f"preview_answer_{q.id}", format_func=md_escape,
                     disabled=True)
        else:
            st.text_input("Your answer", key=f"preview_answer_{q.id}", placeholder=f"the missing {q.hint or 'words'}",
                          disabled=True)
    st.markdown(f"**Answer:** {md_escape(q.answer)}" + (f" (also accepted: {md_escape(', '.join(q.accepted))})"
                                                       if q.accepted else ""))
    if q.explanation:
        st.markdown(f"**Why:** {md_escape(q.explanation)}")
    from .student import source_box  # the source exactly as the student's feedback shows it

    source_box(q, store)


def _label(prompt: str) -> str:
    return f"“{md_escape(prompt[:50])}{'…' if len(prompt) > 50 else ''}”"


def apply_review(store: Store, key: str, action: str | None) -> None:
    """Save the table's cell edits, then apply ``action`` (a status, ``delete`` or ``approve_all``)
    to the ticked rows (or all rows shown). Runs as a button callback, before the page is drawn."""
    rows: list[tuple[str, int]] = st.session_state.get(f"{key}_rows", [])
    edits = (st.session_state.get(key) or {}).get("edited_rows", {})
    versions = {qid: version for qid, version in rows}
    ticked, saved, errors = [], 0, []
    if action == "delete":
        st.session_state.pop(UNDO_KEY, None)  # the undo offered is for the latest delete only
    for index, changes in sorted(edits.items(), key=lambda item: int(item[0])):
        index = int(index)
        if index >= len(rows):
            continue
        qid, version = rows[index]
        if changes.get("select"):
            ticked.append(qid)
        changes = {k: v for k, v in changes.items() if k not in ("select", *READ_ONLY)}
        if not changes:
            continue
        entry = store.get(qid)
        if entry is None:
            errors.append(f"{md_escape(qid)}: someone deleted this question meanwhile; your change was not saved.")
            continue
        try:
            saved_entry = store.update(apply_changes(entry.question, changes), version)
        except (EditError, StudyaidError) as exc:
            problem = getattr(exc, "message", None) or str(exc)
            errors.append(f"{_label(entry.question.prompt)} was not saved: {md_escape(problem)}")
            versions.pop(qid, None)
            continue
        versions[qid] = saved_entry.version
        saved += 1
    done = [f"Saved {saved} change(s)."] if saved else []
    targets = list(versions) if action == "approve_all" else [q for q in ticked if q in versions]
    if action is not None:
        if not targets:
            errors.append("Tick at least one row first (the ✓ column).")
        else:
            chosen = {qid: versions[qid] for qid in targets}
            try:
                if action == "delete":
                    offer_undo(delete_to_trash(store, chosen), TAB)
                    done.append(f"Deleted {len(chosen)} question(s): they are in the trash (“Trash and backup” tab) "
                                "and generating again will not bring them back.")
                else:
                    status = "approved" if action == "approve_all" else action
                    store.set_status(chosen, status)
                    done.append(f"Marked {len(chosen)} question(s) {status}.")
            except StudyaidError as exc:
                errors.append(f"Nothing was changed: {md_escape(exc.message)}")
    if done:
        note(TAB, "success", " ".join(done) + " " + students_now(store))
    for error in errors:
        note(TAB, "error", error)
    _next_round()  # a fresh table showing the bank as it now is
