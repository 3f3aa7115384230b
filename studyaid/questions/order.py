"""Where the right answer goes among the options: one order, decided once, shown everywhere.

The answer's position comes from a hash of the question's id, so over a bank every position is
equally likely (A, B, C, D each about a quarter of four-option questions), the order does not depend
on the wrong options' wording or length, and the app and every export show the options exactly as
stored in ``Question.options``.
"""
from __future__ import annotations

import hashlib


def answer_position(question_id: str, n_options: int) -> int:
    """0-based position of the right answer among ``n_options``, uniform over a bank of ids."""
    digest = hashlib.sha1(f"position|{question_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n_options


def arrange(question_id: str, answer: str, wrong: list[str]) -> list[str]:
    """The options in display order: the wrong ones as given, the answer at its hashed position."""
    options = list(wrong)
    options.insert(answer_position(question_id, len(wrong) + 1), answer)
    return options
