"""The Streamlit app's parts: pure quiz and editing logic (``answers``, ``quiz``, ``editing``,
``builder``) and the display functions ``app.py`` calls (``student``, ``teacher``, ``documents``,
``auth``, ``common``). Nothing here loads the spaCy pipeline at import."""
from __future__ import annotations

from .answers import check_answer

__all__ = ["check_answer"]
