"""Questions to Moodle GIFT (``.gift``): multiple choice, and cloze as short answer.

Escaping follows Moodle's own GIFT exporter: ``\\ ~ = # { } :`` get a backslash, a newline is ``\\n``.
Question text, options and feedback are HTML (``[html]``) with the text HTML-escaped. Short-answer
answers are plain text compared with what the student types: not HTML-escaped, and a literal ``*``
is written ``\\*`` because Moodle reads ``*`` there as "any characters".

A cloze with one gap becomes Moodle's missing-word form (``... by {=%100%January 1, 2028}.``); one with
several gaps asks the whole blanked prompt with the answer block after it.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Sequence

from ..questions.model import Question
from .common import (Gap, accepted_answers, cloze_parts, correct_index, display_options, feedback_html,
                     Titles, one_line, question_name, safe_id, squash, tags_for)
from .files import write_text

_GIFT_SPECIAL = {ord(c): "\\" + c for c in "\\~=#{}:"}
_GIFT_SPECIAL[ord("\n")] = "\\n"
_GIFT_SPECIAL[ord("\r")] = ""
_CATEGORY_UNSAFE = re.compile(r"[\\~=#{}:\[\]\s]+")


def gift_escape(text: str) -> str:
    """Escape GIFT's control characters (``\\ ~ = # { } :`` and newlines)."""
    return text.translate(_GIFT_SPECIAL)


def gift_html(text: str) -> str:
    """Plain text as escaped HTML, then GIFT-escaped. A leading ``%`` is written ``&#37;``: Moodle
    would read ``%50%`` at the start of an option as a grade."""
    escaped = html.escape(one_line(text), quote=False)
    if escaped.startswith("%"):
        escaped = "&#37;" + escaped[1:]
    return gift_escape(escaped)


def shortanswer_escape(answer: str) -> str:
    """A plain-text short answer: ``*`` made literal for Moodle's matcher, then GIFT-escaped."""
    return gift_escape(one_line(answer).replace("*", "\\*"))


def _header(question: Question, titles: Titles | None = None) -> str:
    """Comment with Moodle's idnumber and tags, then the question name."""
    tags = " ".join(f"[tag:{t}]" for t in tags_for(question, titles))
    return f"// [id:{safe_id(question.id)}] {tags}\n::{gift_escape(question_name(question))}::"


def _answers_block(question: Question, answer: str | None = None, titles: Titles | None = None) -> str:
    # "=%100%" as Moodle's own exporter writes it: an answer starting "%50%" is not read as a grade
    lines = [f"=%100%{shortanswer_escape(a)}" for a in accepted_answers(question, answer)]
    feedback = feedback_html(question, titles)
    if feedback:
        lines.append("####" + gift_escape(feedback))
    return "{" + " ".join(lines) + "}"


def mcq_gift(question: Question, titles: Titles | None = None) -> str:
    options = display_options(question)
    right = correct_index(question, options)
    lines = [_header(question, titles) + "[html]" + gift_html(question.prompt) + " {"]
    for i, option in enumerate(options):
        lines.append(("\t=" if i == right else "\t~") + gift_html(option))
    feedback = feedback_html(question, titles)
    if feedback:
        lines.append("\t####" + gift_escape(feedback))
    lines.append("}")
    return "\n".join(lines)


def cloze_gift(question: Question, titles: Titles | None = None) -> str:
    parts = cloze_parts(question)
    gaps = [p for p in parts if isinstance(p, Gap)]
    if len(gaps) != 1:
        return (_header(question, titles) + "[html]" + gift_html(question.prompt) + " "
                + _answers_block(question, titles=titles))
    text = []
    for part in parts:
        if isinstance(part, Gap):
            text.append(_answers_block(question, part.answer, titles))
            if part.hint:
                text.append(" " + gift_html(f"({part.hint})"))
        else:
            text.append(gift_escape(html.escape(squash(part), quote=False)))
    return _header(question, titles) + "[html]" + "".join(text).strip()


def to_gift(questions: Sequence[Question], category: str | None = None, titles: Titles | None = None) -> str:
    """The GIFT text of already-filtered questions, under ``$CATEGORY: $course$/top/<category>``."""
    blocks = []
    if category:
        safe = _CATEGORY_UNSAFE.sub(" ", category).strip().replace("/", "//")
        if safe:
            blocks.append(f"$CATEGORY: $course$/top/{safe}")
    for question in questions:
        blocks.append(mcq_gift(question, titles) if question.kind == "mcq" else cloze_gift(question, titles))
    return "\n\n".join(blocks) + "\n"


def write_gift(questions: Sequence[Question], path: str | Path, category: str | None = None,
               titles: Titles | None = None) -> Path:
    return write_text(path, to_gift(questions, category, titles))
