"""Nothing a teacher deletes is lost at once: the undo right after a delete, the trash (restore or
empty it), deleting the whole bank only after a typed confirmation, and a JSON backup to download
and merge back in."""
from __future__ import annotations

import streamlit as st

from ..errors import StudyaidError
from ..store import Store
from ..store.backup import backup_bytes, merge_backup, read_backup
from ..store.trash import (RestoreReport, TrashBatch, delete_all_to_trash, empty_trash, restore, trash_count,
                           trashed)
from .notes import note, show_notes
from .safe import md_escape

UNDO_KEY = "_studyaid_undo"
TAB = "trash"  # where this module's messages are shown (studyaid.app.notes)
CONFIRM_WORDS = "delete all"
BACKUP_ROUND = "_backup_round"
TRASH_LISTED = 50  # the latest deletes listed (and offered one by one); "restore all" takes every one


def offer_undo(batch: TrashBatch, tab: str = TAB) -> None:
    """Remember the delete just made, so the next page offers to undo it in ``tab``, where it was made."""
    st.session_state[UNDO_KEY] = {**batch.model_dump(), "tab": tab}


def undo_panel(store: Store, tab: str = TAB) -> None:
    """"Undo" for the last delete of this session, in the tab it was made in, shown until used or
    another delete replaces it."""
    last = st.session_state.get(UNDO_KEY)
    if not last or last.get("tab", TAB) != tab:
        return
    left, right = st.columns([4, 1])
    left.info(f"{last['count']} question(s) moved to the trash.")
    right.button("Undo the delete", key=f"undo_delete_{tab}" if tab != "review" else "undo_delete", on_click=undo,
                 args=(store,))


def undo(store: Store) -> None:
    last = st.session_state.pop(UNDO_KEY, None)
    if not last:
        return
    tab = last.get("tab", TAB)
    try:
        report = restore(store, batch=last["batch"])
    except StudyaidError as exc:
        note(tab, "error", f"Nothing was restored: {md_escape(exc.message)}")
        return
    report_restore(report, tab)


def report_restore(report: RestoreReport, tab: str = TAB) -> None:
    """What a restore did: how many came back, which stayed in the trash and which are now the teacher's
    own because their document was removed (named, so nothing changes unseen)."""
    note(tab, "success", f"Restored {len(report.restored)} question(s).")
    if report.skipped:
        note(tab, "warning", f"{len(report.skipped)} question(s) stayed in the trash: a question with the same id is "
                             "in the bank again.")
    if report.kept_as_own:
        documents = "; ".join(f"“{md_escape(d)}”" for d in dict.fromkeys(report.kept_as_own.values()))
        note(tab, "info", f"{len(report.kept_as_own)} restored question(s) come from a document that was removed "
                          f"({documents}): they are kept as your own questions (marked edited), so generating again "
                          "never deletes them. Add the document again to see their source in the quiz.")


def trash_panel(store: Store) -> None:
    show_notes(TAB)
    undo_panel(store, TAB)
    st.subheader("Trash")
    total = trash_count(store)
    items = trashed(store, limit=TRASH_LISTED) if total else []
    if not items:
        st.caption("The trash is empty. Deleted questions wait here until you restore them or empty the trash.")
    else:
        import pandas as pd

        st.dataframe(pd.DataFrame([{"deleted": t.deleted_at[:16].replace("T", " "), "why": t.reason,
                                    "kind": t.question.kind, "prompt": t.question.prompt,
                                    "answer": t.question.answer, "status": t.question.status,
                                    "id": t.question.id} for t in items]), hide_index=True, width="stretch")
        if total > len(items):
            st.caption(f"The latest {len(items)} of {total} trashed questions are listed; restoring with none chosen "
                       f"restores all {total}.")
        prompts = {t.question.id: t.question.prompt for t in items}
        chosen = st.multiselect("Questions to restore", list(prompts), key="trash_chosen", placeholder="all of them",
                                format_func=lambda qid: f"{prompts[qid][:80]} ({qid})")
        left, right = st.columns(2)
        left.button(f"Restore {len(chosen) or 'all ' + str(total)} question(s)", key="trash_restore",
                    on_click=restore_chosen, args=(store,), type="primary")
        confirm = right.checkbox("I want to forget the trashed questions for good", key="trash_confirm")
        right.button("Empty the trash", key="trash_empty", disabled=not confirm, on_click=empty, args=(store,))
    delete_bank_panel(store)
    backup_panel(store)


def restore_chosen(store: Store) -> None:
    """Restore what is chosen in the list when the button is clicked (none chosen: everything)."""
    try:
        report = restore(store, ids=st.session_state.get("trash_chosen") or None)
    except StudyaidError as exc:
        note(TAB, "error", f"Nothing was restored: {md_escape(exc.message)}")
        return
    st.session_state.pop("trash_chosen", None)
    report_restore(report)


def empty(store: Store) -> None:
    try:
        gone = empty_trash(store)
    except StudyaidError as exc:
        note(TAB, "error", f"The trash was not emptied: {md_escape(exc.message)}")
        return
    st.session_state.pop(UNDO_KEY, None)
    st.session_state.pop("trash_confirm", None)
    note(TAB, "success", f"Emptied the trash: {gone} question(s) forgotten.")


def delete_bank_panel(store: Store) -> None:
    total = store.count()
    with st.expander("Delete the whole bank"):
        st.write(f"Moves all {total} question(s) to the trash (documents stay). You can restore them from the trash, "
                 "or from a backup. Download a backup first.")
        typed = st.text_input(f"Type “{CONFIRM_WORDS}” to confirm", key="delete_bank_confirm")
        st.button(f"Delete all {total} questions", key="delete_bank", disabled=typed.strip().lower() != CONFIRM_WORDS
                  or not total, on_click=delete_bank, args=(store, total))


def delete_bank(store: Store, total: int) -> None:
    st.session_state.pop("delete_bank_confirm", None)
    try:
        batch = delete_all_to_trash(store, total)
    except StudyaidError as exc:
        note(TAB, "error", md_escape(exc.message))
        return
    offer_undo(batch, TAB)


def backup_panel(store: Store) -> None:
    st.subheader("Backup")
    st.caption("The whole bank as a JSON bank file (every question with its status; documents by name). Merging a "
               "backup back adds the questions the bank lacks and never overwrites a teacher's edit made since.")
    st.download_button("Download a backup (.json)", data=lambda: backup_bytes(Store(store.path)),
                       file_name="studyaid-backup.json", mime="application/json", key="backup_download",
                       on_click="ignore")
    round_ = st.session_state.get(BACKUP_ROUND, 0)
    upload = st.file_uploader("Merge a backup into the bank", type=["json"], key=f"backup_upload_{round_}")
    if upload is not None and st.button("Merge this backup", key="backup_merge"):
        merge_upload(store, upload.name, upload.getvalue())
        st.rerun()


def merge_upload(store: Store, name: str, data: bytes) -> None:
    try:
        summary = merge_backup(store, read_backup(name, data))
    except StudyaidError as exc:
        note(TAB, "error", f"The backup was not merged: {md_escape(exc.message)}")
        return
    st.session_state[BACKUP_ROUND] = st.session_state.get(BACKUP_ROUND, 0) + 1
    note(TAB, "success", f"Merged the backup: {summary.added} question(s) added, {summary.restored_edits} restored to "
                         f"the teacher's version, {summary.kept} changed here since and kept, {summary.unchanged} "
                         "unchanged.")
