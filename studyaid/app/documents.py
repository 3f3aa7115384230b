"""Teacher panels: add documents (upload or paste), remove one, generate in the background, and
download the bank (counted by SQL as the panel is drawn; the questions read only when a file is made)."""
from __future__ import annotations

import importlib.util
import math
import tempfile
from pathlib import Path

import streamlit as st
from pydantic import BaseModel

from ..errors import InputError, StudyaidError
from ..questions.model import Question
from ..store import Store
from ..store.jobs import Jobs
from ..store.removal import (DocumentRemoval, question_counts, removal_preview, remove_document,
                             trash_available)
from . import jobs
from .builder import add_file, add_text, safe_name
from .common import titles
from .editing import FACT_TYPES
from .safe import md

UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm", "pdf"]
FORMATS = (  # extension, label, MIME type
    ("apkg", "Anki deck (.apkg)", "application/octet-stream"),
    ("gift", "GIFT (.gift)", "text/plain"),
    ("xml", "Moodle XML (.xml)", "application/xml"),
    ("csv", "CSV (.csv)", "text/csv"),
    ("json", "JSON (.json)", "application/json"),
)
UPLOAD_ROUND = "_upload_round"
REMOVING = "_removing_document"
NOTES = "_documents_notes"


def note(level: str, text: str) -> None:
    """Show ``text`` (``success``, ``info``, ``warning`` or ``error``) in this panel on the next run:
    inside the tab, so that nothing above the tabs moves and the teacher stays on this tab."""
    st.session_state.setdefault(NOTES, []).append((level, text))


def add_documents_panel(store: Store) -> None:
    """The documents in the bank (with their questions, and a way to remove one), a form to upload or
    paste more, and "generate all again". Adding happens in the form's callback, before the page is
    drawn: the list below shows the new articles at once and the form comes back empty."""
    for level, text in st.session_state.pop(NOTES, []):
        getattr(st, level)(text)
    documents = store.documents()
    if documents:
        import pandas as pd

        counts = question_counts(store)
        st.dataframe(pd.DataFrame([{"title": d.label, "name": d.path, "format": d.format,
                                    "questions": counts.get(d.path, 0), "added": d.added_at[:16]} for d in documents]),
                     hide_index=True, width="stretch")
    else:
        st.info("No documents yet: upload articles or paste one below.")
    last_generation(store)
    upload_round = st.session_state.get(UPLOAD_ROUND, 0)
    with st.form(f"add_documents_{upload_round}", border=True):
        largest, sizes = upload_limit()
        st.file_uploader(f"Upload articles (.txt, .md, .html, .pdf; {sizes})", type=UPLOAD_TYPES,
                         accept_multiple_files=True, key=f"upload_{upload_round}", max_upload_size=largest)
        st.caption("…or paste an article")
        st.text_input("Title", key=f"paste_title_{upload_round}")
        st.text_area("Text", height=200, key=f"paste_text_{upload_round}")
        st.form_submit_button("Add and generate questions", type="primary", key="add_documents",
                              on_click=_add_submitted, args=(store, upload_round))
    st.button("Generate all questions again", key="regenerate", on_click=_start_generation, args=(store,),
              help="After an update of studyaid: edited, approved and rejected questions are kept as they are.")
    if documents:
        remove_document_panel(store, {d.path: d.label for d in documents})


def last_generation(store: Store) -> None:
    """When the last generation ended and what it could not use (shown until the next one ends)."""
    job = Jobs(store).latest()
    if job is None or not job.finished:
        return  # a running job shows its progress at the top of the page
    when = job.finished_at[:16].replace("T", " ") if job.finished_at else ""
    outcome = md(job.message) if job.state == "done" else f"failed: {md(job.error)}"
    st.caption(f"Last generation ({when} UTC): {outcome}")
    if job.problems:
        with st.expander(f"{len(job.problems)} document(s) could not be used in the last generation"):
            for problem in job.problems:
                st.text(problem)


def upload_limit() -> tuple[int, str]:
    """The uploader's limit in MB (the largest file read at all: a PDF's) and the sizes in words, from
    the same limits reading applies (``STUDYAID_MAX_BYTES``), not Streamlit's 200 MB default."""
    from ..ingest.limits import Limits, human_size

    try:
        limits = Limits.from_env("the upload limit")
    except InputError as exc:
        st.error(md(exc.message))
        limits = Limits()
    largest = limits.file_limit(is_pdf=True)
    return math.ceil(largest / 2**20), f"up to {human_size(limits.max_bytes)} each, a PDF up to {human_size(largest)}"


def _start_generation(store: Store) -> None:
    try:
        job, started = jobs.start(store.path, "generate")
    except StudyaidError as exc:
        note("error", f"Questions could not be generated: {md(exc.message)}")
        return
    if started:
        note("info", "Generating questions in the background; the progress is shown at the top of the page.")
    elif job.finished:  # an interrupted job given up just now
        note("error", f"The last generation was given up: {md(job.error)}. Click “Generate all questions again” "
                       "to start a new one.")
    else:
        note("info", "A generation is already running; it takes in the new documents before it ends.")


def _add_submitted(store: Store, upload_round: int) -> None:
    """Store the uploaded files and the pasted text, then start generating (a form callback)."""
    files = st.session_state.get(f"upload_{upload_round}") or []
    title = st.session_state.get(f"paste_title_{upload_round}", "")
    text = st.session_state.get(f"paste_text_{upload_round}", "")
    if not files and not text.strip():
        note("warning", "Choose a file or paste a text first.")
        return  # nothing typed is lost: the same form is shown again
    added = add_documents(store, [(f.name, f.getvalue()) for f in files], (title, text))
    st.session_state[UPLOAD_ROUND] = upload_round + 1  # a new, empty form next time
    if added:
        _start_generation(store)
    else:
        note("error", "No new document was added.")


def add_documents(store: Store, files: list[tuple[str, bytes]], pasted: tuple[str, str]) -> int:
    """Keep the files and the pasted text, one message per document; returns how many are new."""
    added = 0
    items = [(name, lambda name=name, data=data: add_file(store, name, data)) for name, data in files]
    title, text = pasted
    if text.strip():
        items.append((title or "pasted text", lambda: add_text(store, title, text)))
    for name, add in items:
        try:
            document, new = add()
        except InputError as exc:
            note("error", md(exc.message))
            continue
        note("success" if new else "info",
              f"Added “{md(document.label)}”." if new else f"“{md(document.label)}” is already in the bank.")
        added += new
    return added


def remove_document_panel(store: Store, labels: dict[str, str]) -> None:
    """Remove one document and its questions, after a confirmation that names what goes with it."""
    pending = st.session_state.get(REMOVING)
    if pending not in labels:
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        left.selectbox("Remove a document", list(labels), key="remove_choice", format_func=labels.get)
        right.button("Remove…", key="remove_document",  # the choice as it is when clicked
                     on_click=lambda: st.session_state.update({REMOVING: st.session_state.get("remove_choice")}))
        return
    try:
        removal = removal_preview(store, pending)
    except StudyaidError as exc:
        st.session_state.pop(REMOVING, None)
        st.error(md(exc.message))
        return
    st.warning(removal_warning(removal, labels[pending], trash_available()))
    yes, no = st.columns(2)
    yes.button(f"Yes, remove it and its {removal.questions} question(s)", type="primary", key="remove_confirm",
               on_click=_remove, args=(store, pending))
    no.button("Cancel", key="remove_cancel", on_click=lambda: st.session_state.pop(REMOVING, None))


def removal_warning(removal: DocumentRemoval, label: str, trash: bool) -> str:
    """What the teacher confirms: the document, its questions, the teacher's work among them, and the
    questions other documents corroborate (they stay)."""
    text = (f"Remove “{md(label)}” and its {removal.questions} question(s) from the bank? Generating again will "
            "not bring it back (add the file again to get it back).")
    if removal.teacher_work:
        kept = "they go to the trash, where you can restore them" if trash else "they are deleted for good"
        text += (f" **{removal.teacher_work} of these questions were edited, approved or rejected by a teacher**: "
                 f"{kept}. A rejected one stays rejected: adding the file again does not bring it back.")
    if removal.kept:
        text += (f" {removal.kept} other question(s) from it stay: another article in the bank reports the same "
                 "fact (their sources in this article are dropped).")
    return text


def _remove(store: Store, path: str) -> None:
    st.session_state.pop(REMOVING, None)
    try:
        removal = remove_document(store, path)
    except StudyaidError as exc:
        note("error", f"Nothing was removed: {md(exc.message)}")
        return
    kept = f"; {removal.trashed} edited, approved or rejected are in the trash" if removal.trashed else ""
    kept += f"; {removal.kept} reported by another article stay, without its sources" if removal.kept else ""
    note("success", f"Removed “{md(removal.title or removal.path)}” and {removal.questions} question(s){kept}.")


def exporters_available() -> bool:
    try:
        return importlib.util.find_spec("studyaid.export") is not None
    except (ImportError, ValueError):
        return False


class DownloadChoice(BaseModel):
    """Which questions a download holds: by default every question not rejected nor withheld (flagged
    for review); ``approved_only`` narrows it to approved ones, ``documents`` to questions from any of
    those articles, ``fact_types`` to those types (empty: no narrowing)."""

    approved_only: bool = False
    documents: tuple[str, ...] = ()
    fact_types: tuple[str, ...] = ()


def download_filters(choice: DownloadChoice) -> dict:
    """The store filters (:meth:`Store.entries`, :meth:`Store.count_matching`) of ``choice``."""
    return {"statuses": ["approved"] if choice.approved_only else ["new", "approved"],
            "fact_types": list(choice.fact_types) or None, "documents": list(choice.documents) or None,
            "flagged": False}


def download_questions(store: Store, choice: DownloadChoice) -> list[Question]:
    """The questions of ``choice`` (read when a file is made: every filter is in the bank's query)."""
    return store.questions(**download_filters(choice))


def export_bytes(questions: list[Question], extension: str, deck_name: str = "studyaid",
                 documents: list[str] | None = None, titles: dict[str, str] | None = None) -> bytes:
    """``questions`` in one format, made by :func:`studyaid.export.export`, sources named by ``titles``.
    Every format but JSON leaves rejected and flagged questions out; JSON is the questions as given
    (with their statuses), a bank file that merges back."""
    from ..export import export

    with tempfile.TemporaryDirectory(prefix="studyaid-export-") as tmp:
        path = Path(tmp) / f"studyaid.{extension}"
        export(questions, path, deck_name=deck_name, documents=documents, titles=titles)
        return path.read_bytes()


def download_panel(store: Store) -> None:
    """Downloads in every format of the same questions: every question not rejected nor withheld, or
    approved ones only, from the articles and of the fact types chosen."""
    counts = store.counts()
    if not counts.get("new", 0) + counts.get("approved", 0):
        st.info("No questions to download yet — add a document first.")
        return
    if not exporters_available():
        st.info("Downloads appear here once the exporters (studyaid.export) are installed.")
        return
    names = titles(store)
    deck = st.text_input("Deck name", value="studyaid", key="deck_name").strip() or "studyaid"
    approved_only = st.toggle("Approved questions only", key="download_approved",
                              help="Off: every question except rejected ones and those flagged for review.")
    left, right = st.columns(2)
    documents = left.multiselect("Articles", list(names), key="download_documents", placeholder="All articles",
                                 format_func=lambda d: names.get(d, d))
    types = right.multiselect("Fact types", FACT_TYPES, key="download_types", placeholder="All fact types")
    choice = DownloadChoice(approved_only=approved_only, documents=tuple(documents), fact_types=tuple(types))
    chosen = store.count_matching(**download_filters(choice))  # counted: read only when a file is made
    which = "approved question(s)" if approved_only else "question(s) not rejected nor flagged for review"
    scope = f" from {len(documents)} article(s)" if documents else ""
    scope += f" about {', '.join(types)}" if types else ""
    st.caption(f"{chosen} {which}{scope} in each file, sources named by their articles' titles. "
               "Each file is made from the bank as it is when you click; the full backup, every status "
               "included, is in the “Trash and backup” tab.")
    if not chosen:
        st.warning("No question matches this choice; pick other articles or fact types.")
        return
    cols = st.columns(len(FORMATS))
    for col, (extension, label, mime) in zip(cols, FORMATS):
        def make(extension: str = extension) -> bytes:
            bank = Store(store.path)
            questions = download_questions(bank, choice)
            names = titles(bank)
            used = {s.document for q in questions for s in q.sources}
            return export_bytes(questions, extension, deck, [d for d in names if d in used], names)

        col.download_button(label, data=make, file_name=safe_name(f"{deck}.{extension}"), mime=mime,
                            key=f"download_{extension}", on_click="ignore")
