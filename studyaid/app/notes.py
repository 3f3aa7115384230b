"""Messages shown inside the tab whose action caused them.

A message drawn above the tabs shifts them, and the browser then shows the first tab again (with
counts from before the action); a message kept for its own tab leaves the page's layout alone, so the
teacher stays where they were. Actions run in button callbacks, before the page is drawn, so the next
run shows the message and fresh counts."""
from __future__ import annotations

import streamlit as st

LEVELS = ("success", "info", "warning", "error")


def note(tab: str, level: str, text: str) -> None:
    """Show ``text`` at ``level`` (one of :data:`LEVELS`) in tab ``tab`` on the next run."""
    if level not in LEVELS:
        raise ValueError(f"unknown message level {level!r} (one of {', '.join(LEVELS)})")
    st.session_state.setdefault(f"_notes_{tab}", []).append((level, text))


def show_notes(tab: str) -> None:
    """Draw (once) the messages kept for ``tab``."""
    for level, text in st.session_state.pop(f"_notes_{tab}", []):
        getattr(st, level)(text)
