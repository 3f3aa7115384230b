"""What every page needs: the generation job started, resumed or shown (the first start from the
sample articles included), and the documents' titles."""
from __future__ import annotations

import streamlit as st

from ..store import Store
from ..store.jobs import Job, Jobs
from .safe import md


def first_start(store: Store) -> None:
    """Start, resume or show the bank's generation job (the first start from ``seeds/`` included).

    Generation runs in the background (:mod:`studyaid.app.jobs`); while it runs a progress bar is
    shown and refreshed, and the rest of the page stays usable. A job a killed server left unfinished
    is resumed here, and documents stored without questions are generated from."""
    from .jobs import ensure_generation

    slot = st.container()  # always one element here, so that what follows keeps its place (and a tab its state)
    job = ensure_generation(store)
    if job is not None:
        with slot:
            show_job(store, job)


JOB_LABELS = {"first_start": "First start: building the question bank from the sample articles",
              "generate": "Generating questions"}
WATCHED_JOB = "_studyaid_watched_job"


def show_job(store: Store, job: Job) -> None:
    """The job's state: a progress bar while it runs (refreshed every second without reloading the
    page), then its outcome in the sessions that watched it run; a failure stays shown until a job
    succeeds."""
    if not job.finished:
        st.session_state[WATCHED_JOB] = job.id
        _job_progress(str(store.path), job.id)
        return
    watched = st.session_state.pop(WATCHED_JOB, None) == job.id
    if job.state == "failed":
        st.error(f"{JOB_LABELS[job.kind]} failed: {md(job.error)}. Teachers: “Generate all questions again” in "
                 "the Teacher view's “Add documents” tab tries again.")
    elif watched:
        st.success(f"Questions ready: {md(job.message)}.")
    if job.problems and (watched or job.state == "failed"):
        st.warning(f"{len(job.problems)} document(s) could not be used: " + "; ".join(md(p) for p in job.problems))


@st.fragment(run_every=1.0)
def _job_progress(path: str, job_id: int) -> None:
    job = Jobs(Store(path)).get(job_id)
    if job is None or job.finished:
        st.rerun(scope="app")  # show what the job made
        return
    counted = f" ({job.documents_done} of {job.documents_total} documents)" if job.documents_total else ""
    st.progress(job.progress, text=f"{JOB_LABELS[job.kind]}: {md(job.message)}{counted}")
    st.caption("You can use the app meanwhile; new questions appear when this is done.")


def titles(store: Store) -> dict[str, str]:
    return {d.path: d.label for d in store.documents()}
