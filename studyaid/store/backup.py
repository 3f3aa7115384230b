"""Back the bank up as a JSON bank file (the format :mod:`studyaid.bank` writes) and merge one back in.

A backup holds every question (with its status and edited flag) and the names of the documents.
Merging it back never loses a teacher's work, in the bank or in the file:

- a question the bank lacks (deleted since, or from another bank) is added, and leaves the trash;
- a question the teacher changed in the bank since (edited, approved or rejected) is kept as it is;
- a question the teacher had changed in the backup, untouched in the bank, gets the backup's version;
- anything else stays as the bank has it.
"""
from __future__ import annotations

from pydantic import BaseModel, ValidationError

from ..bank import Bank
from ..errors import BankError
from ..questions.model import Question, touched_by_teacher
from . import Store

__all__ = ["MAX_BACKUP_BYTES", "RestoreSummary", "backup_bytes", "merge_backup", "read_backup"]

MAX_BACKUP_BYTES = 50_000_000


class RestoreSummary(BaseModel):
    added: int = 0  # not in the bank: added back
    restored_edits: int = 0  # the teacher's version from the backup replaced an untouched one
    kept: int = 0  # changed by a teacher in the bank since the backup: left as it is
    unchanged: int = 0


def backup_bytes(store: Store) -> bytes:
    """The whole bank (every status) as a JSON bank file."""
    bank = Bank(documents=[d.path for d in store.documents()], questions=store.questions())
    return (bank.model_dump_json(indent=2) + "\n").encode("utf-8")


def read_backup(name: str, data: bytes) -> Bank:
    """A backup file's bank; :class:`BankError` naming ``name`` and the problem when it is not one."""
    if len(data) > MAX_BACKUP_BYTES:
        raise BankError(f"{name}: {len(data):,} bytes is more than a bank backup may be "
                        f"({MAX_BACKUP_BYTES:,} bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BankError(f"{name}: not a studyaid bank backup: not UTF-8 text (byte {exc.start})") from exc
    try:
        return Bank.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the top"
        raise BankError(f"{name}: not a studyaid bank backup: {first['msg']} at {where}") from exc


def _touched(q: Question) -> bool:
    return touched_by_teacher(q.status, q.edited)


def merge_backup(store: Store, bank: Bank) -> RestoreSummary:
    """Merge the backup ``bank`` into ``store`` by question id (see the module's rules)."""
    from .trash import empty_trash

    summary = RestoreSummary()
    for q in bank.questions:
        entry = store.get(q.id)
        if entry is None:
            empty_trash(store, [q.id])
            store.add_question(q)
            summary.added += 1
        elif entry.question == q:
            summary.unchanged += 1
        elif _touched(entry.question):
            summary.kept += 1
        elif _touched(q):
            store.update(q, entry.version)
            summary.restored_edits += 1
        else:
            summary.unchanged += 1
    return summary
