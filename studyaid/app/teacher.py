"""The teacher view: review and edit the bank in a table, add documents, write questions, download.

The review table is an ``st.data_editor``. What it showed is remembered (question ids and versions),
so saving applies each change to the version the teacher saw: a question someone else changed
meanwhile is refused (:class:`~studyaid.store.StaleEdit`) instead of overwritten.
"""
from __future__ import annotations

import hashlib

import streamlit as st

from ..errors import StudyaidError
from ..store import Store
from .classroom import class_teacher_panel
from .common import flash, show_flashes, titles
from ..store.trash import delete_to_trash
from .editing import FACT_TYPES, STATUSES, EditError, apply_changes, table_row
from .safe import md_escape
from .trash import UNDO_KEY, offer_undo, trash_panel, undo_panel

ROUND_KEY = "_review_round"
COLUMNS = ("select", "status", "kind", "type", "prompt", "answer", "options", "accepted", "explanation", "source",
           "edited", "id")
READ_ONLY = ["kind", "type", "source", "edited", "id"]


def teacher_view(store: Store) -> None:
    from .documents import add_documents_panel, download_panel, write_question_panel

    st.title("Question bank")
    show_flashes()
    undo_panel(store)
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


def editor_key(ids: list[str]) -> str:
    """The table's widget key: new after every save and for every different set of rows shown, so
    pending cell edits never land on rows they were not made on."""
    shown = hashlib.sha1("|".join(ids).encode("utf-8")).hexdigest()[:8]
    return f"review_{st.session_state.get(ROUND_KEY, 0)}_{shown}"


def _next_round() -> None:
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1


def review_panel(store: Store) -> None:
    counts = store.counts()
    total = sum(counts.values())
    if not total:
        st.info("No questions yet — add a document in the “Add documents” tab.")
        return
    cols = st.columns(4)
    cols[0].metric("Questions", total)
    for col, status in zip(cols[1:], STATUSES):
        col.metric(status.capitalize(), counts.get(status, 0))
    doc_titles = titles(store)
    f1, f2, f3 = st.columns(3)
    statuses = f1.multiselect("Status", STATUSES, default=list(STATUSES), key="filter_status")
    types = f2.multiselect("Fact type", FACT_TYPES, default=[], key="filter_type", placeholder="all types")
    document = f3.selectbox("Source", [None, *doc_titles], key="filter_source",
                            format_func=lambda d: "All documents" if d is None else doc_titles.get(d, d))
    entries = store.entries(statuses=statuses, fact_types=types or None, document=document)
    key = editor_key([e.question.id for e in entries])
    for old in [k for k in st.session_state if str(k).startswith("review_") and str(k).endswith("_rows")]:
        del st.session_state[old]  # snapshots of tables no longer shown
    st.session_state[f"{key}_rows"] = [(e.question.id, e.version) for e in entries]
    if not entries:
        st.info("No question matches these filters.")
        return
    import pandas as pd

    frame = pd.DataFrame([table_row(e, doc_titles) for e in entries], columns=list(COLUMNS))
    column = st.column_config
    st.data_editor(
        frame, key=key, hide_index=True, num_rows="fixed", disabled=READ_ONLY, width="stretch",
        column_config={
            "select": column.CheckboxColumn("✓", help="tick rows for the buttons below", width="small"),
            "status": column.SelectboxColumn("status", options=list(STATUSES), required=True, width="small"),
            "prompt": column.TextColumn("prompt", width="large", required=True),
            "answer": column.TextColumn("answer", required=True),
            "options": column.TextColumn("options", help="multiple choice: the options, separated by |"),
            "accepted": column.TextColumn("also accepted", help="other right answers, separated by |"),
            "explanation": column.TextColumn("explanation", width="medium"),
            "edited": column.CheckboxColumn("edited", help="changed by a teacher: regeneration keeps it"),
        },
    )
    st.caption(f"{len(entries)} question(s) shown. Edit cells, then save. Options and alternative answers are "
               "separated by |. Edited questions are never overwritten when questions are generated again.")
    b = st.columns(5)
    b[0].button("Save changes", type="primary", key="review_save", on_click=apply_review, args=(store, key, None))
    b[1].button("Approve ticked", key="review_approve", on_click=apply_review, args=(store, key, "approved"))
    b[2].button("Reject ticked", key="review_reject", on_click=apply_review, args=(store, key, "rejected"))
    b[3].button("Delete ticked", key="review_delete", on_click=apply_review, args=(store, key, "delete"))
    b[4].button(f"Approve all {len(entries)} shown", key="review_approve_all", on_click=apply_review,
                args=(store, key, "approve_all"))


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
    if saved:
        flash("success", f"Saved {saved} change(s).")
    targets = list(versions) if action == "approve_all" else [q for q in ticked if q in versions]
    if action is not None:
        if not targets:
            errors.append("Tick at least one row first (the ✓ column).")
        else:
            chosen = {qid: versions[qid] for qid in targets}
            try:
                if action == "delete":
                    offer_undo(delete_to_trash(store, chosen))
                    flash("success", f"Deleted {len(chosen)} question(s): they are in the trash (“Trash and backup” "
                                     "tab) and generating again will not bring them back.")
                else:
                    status = "approved" if action == "approve_all" else action
                    store.set_status(chosen, status)
                    flash("success", f"Marked {len(chosen)} question(s) {status}.")
            except StudyaidError as exc:
                errors.append(f"Nothing was changed: {md_escape(exc.message)}")
    for error in errors:
        flash("error", error)
    _next_round()  # a fresh table showing the bank as it now is
