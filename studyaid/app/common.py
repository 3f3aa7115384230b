"""What every page needs: the bank (opened or a clear error), the spaCy pipeline (loaded once, only
when generating), the first start from the sample articles, and messages kept across a rerun."""
from __future__ import annotations

import streamlit as st

from ..errors import StudyaidError
from ..store import Store, db_path

MESSAGES_KEY = "_studyaid_messages"


@st.cache_resource(show_spinner="Loading the language model (once)…")
def get_nlp():
    """The spaCy pipeline, shared by every session; loaded on first use, never at import."""
    from ..nlp import load_pipeline

    return load_pipeline()


def open_store() -> Store:
    """The bank at ``$STUDYAID_DB``; a broken or foreign file stops the page with its message."""
    try:
        return Store(db_path())
    except StudyaidError as exc:
        st.error(f"The question bank cannot be opened. {exc.message}")
        st.stop()
        raise  # unreachable: st.stop() ends the run


def first_start(store: Store) -> None:
    """An empty bank is built from the sample articles in ``seeds/``, with progress shown."""
    if store.documents() or store.count():
        return
    from .builder import SEEDS, import_seeds, regenerate

    with st.status("First start: building the question bank from the sample articles…", expanded=True) as status:
        bar = st.progress(0.0, text="reading the sample articles")
        problems = import_seeds(store, SEEDS, lambda f, m: bar.progress(min(1.0, f * 0.1), text=m))
        for problem in problems:
            st.warning(problem)
        if not store.documents():
            status.update(label=f"No sample articles found in {SEEDS}", state="error")
            return
        try:
            report, problems = regenerate(store, get_nlp(), lambda f, m: bar.progress(min(1.0, f), text=m))
        except StudyaidError as exc:
            status.update(label="Could not generate questions", state="error")
            st.error(exc.message)
            return
        for problem in problems:
            st.warning(problem)
        status.update(label=f"Question bank ready: {report.added} questions from {len(store.documents())} articles",
                      state="complete", expanded=False)


def flash(level: str, text: str) -> None:
    """Show ``text`` (``success``, ``info``, ``warning`` or ``error``) on the next run."""
    st.session_state.setdefault(MESSAGES_KEY, []).append((level, text))


def show_flashes() -> None:
    for level, text in st.session_state.pop(MESSAGES_KEY, []):
        getattr(st, level)(text)


def titles(store: Store) -> dict[str, str]:
    return {d.path: d.label for d in store.documents()}
