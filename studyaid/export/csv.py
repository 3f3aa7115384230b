"""Questions to CSV (``.csv``): one row per question, close to Quizizz/Kahoot spreadsheet templates.

UTF-8 with a byte-order mark (Excel then reads curly quotes and accents right), comma-separated,
quoted as needed by :mod:`csv`. Columns are in :data:`COLUMNS` (documented in the README); there are
``option_1`` to ``option_4`` columns, more when a question has more options (at most 6 by the model).
A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return (OWASP's list for CSV
injection) gets a leading ``'`` so a spreadsheet shows it as text instead of running it as a formula.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Sequence

from ..questions.model import Question
from .common import Titles, correct_index, display_options, one_line
from .files import write_text

MIN_OPTIONS = 4
HEAD = ["id", "kind", "fact_type", "question", "answer"]
TAIL = ["correct_option", "explanation", "source_document", "source_sentence", "difficulty", "status"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def columns(option_count: int = MIN_OPTIONS) -> list[str]:
    return HEAD + [f"option_{i}" for i in range(1, option_count + 1)] + TAIL


COLUMNS = columns()


def cell(value: str) -> str:
    """A spreadsheet-safe cell: one line, and never read as a formula."""
    value = one_line(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def row(question: Question, option_count: int, titles: Titles | None = None) -> dict[str, str]:
    options = display_options(question) if question.kind == "mcq" else []
    source = question.sources[0] if question.sources else None
    values = {
        "id": question.id,
        "kind": question.kind,
        "fact_type": question.fact_type,
        "question": question.prompt,
        "answer": question.answer,
        "correct_option": str(correct_index(question, options) + 1) if options else "",
        "explanation": question.explanation,
        "source_document": ((titles or {}).get(source.document) or source.document) if source else "",
        "source_sentence": source.sentence if source else "",
        "difficulty": f"{question.difficulty:.2f}",
        "status": question.status,
    }
    for i in range(option_count):
        values[f"option_{i + 1}"] = options[i] if i < len(options) else ""
    return {key: cell(value) for key, value in values.items()}


def to_csv(questions: Sequence[Question], titles: Titles | None = None) -> str:
    option_count = max([MIN_OPTIONS, *(len(q.options) for q in questions if q.kind == "mcq")])
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns(option_count), lineterminator="\r\n")
    writer.writeheader()
    for question in questions:
        writer.writerow(row(question, option_count, titles))
    return buffer.getvalue()


def write_csv(questions: Sequence[Question], path: str | Path, titles: Titles | None = None) -> Path:
    return write_text(path, to_csv(questions, titles), encoding="utf-8-sig", newline="")
