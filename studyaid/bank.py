"""The question bank as a JSON file: ``{"questions": [...]}`` with the :class:`Question` schema."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from .atomic import write_text
from .errors import BankError
from .questions.model import Question

BANK_VERSION = 1


class Bank(BaseModel):
    version: int = BANK_VERSION
    documents: list[str] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)


def write_bank(bank: Bank, path: str | Path) -> Path:
    """Write atomically (temp file + rename): a crash never leaves half a bank, nor a temp file.

    A place that cannot be written (a file where a folder should be, no permission, a full disk) raises
    :class:`BankError` naming the bank file.
    """
    path = Path(path)
    try:
        write_text(path, bank.model_dump_json(indent=2) + "\n")
    except OSError as exc:
        raise BankError(f"{path}: cannot write the bank ({exc.strerror or exc})") from exc
    return path


def read_bank(path: str | Path) -> Bank:
    path = Path(path)
    if not path.is_file():
        raise BankError(f"{path}: no such bank file")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:  # no permission, a file vanishing while read
        raise BankError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise BankError(f"{path}: not a text file ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise BankError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        raise BankError(f"{path}: not a studyaid bank (expected an object with a 'questions' list)")
    try:
        return Bank.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BankError(f"{path}: question data is broken at {where}: {first['msg']}") from exc


def merge_questions(existing: list[Question], generated: list[Question]) -> tuple[list[Question], int, int]:
    """Regenerated questions merged into a bank without losing any teacher's work.

    Matched by stable id: a question the teacher touched (edited, approved, rejected) is kept
    exactly as it is; an untouched one is replaced by its regenerated version; new ids are added;
    untouched questions that generation no longer produces are dropped, touched ones are kept.
    Returns the merged list (generated order, then kept-only questions) and the counts kept and added.
    """
    old = {q.id: q for q in existing}
    merged: list[Question] = []
    kept = added = 0
    for q in generated:
        previous = old.pop(q.id, None)
        if previous is not None and previous.touched:
            merged.append(previous)
            kept += 1
        else:
            merged.append(q)
            added += previous is None
    for q in old.values():
        if q.touched:
            merged.append(q)
            kept += 1
    return merged, kept, added
