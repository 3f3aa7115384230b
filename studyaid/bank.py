"""The question bank as a JSON file: ``{"questions": [...]}`` with the :class:`Question` schema."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from .atomic import write_text
from .errors import BankError
from .questions.model import Question, touched_by_teacher

BANK_VERSION = 1


class Bank(BaseModel):
    version: int = BANK_VERSION
    documents: list[str] = Field(default_factory=list)
    document_hashes: dict[str, str] = Field(default_factory=dict)  # document -> hash of the text generated from
    questions: list[Question] = Field(default_factory=list)
    # id -> content hash of every question generation wrote; None: a bank written before hashes were kept
    generated: dict[str, str] | None = None
    deleted: list[str] = Field(default_factory=list)  # ids a teacher deleted: never generated again


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
    except RecursionError:  # "[[[[...]]]]" thousands deep: a crafted or corrupt file, not a bank
        raise BankError(f"{path}: not a studyaid bank (nested too deeply to read)") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        raise BankError(f"{path}: not a studyaid bank (expected an object with a 'questions' list)")
    try:
        return Bank.model_validate(raw)
    except RecursionError:
        raise BankError(f"{path}: question data is nested too deeply to read") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BankError(f"{path}: question data is broken at {where}: {first['msg']}") from exc


class MergeReport(BaseModel):
    """What a merge did with each question, for the summary: nothing dropped without a count."""

    added: int = 0  # new ids from this run
    refreshed: int = 0  # untouched questions replaced by their regenerated version
    kept: int = 0  # edited, approved or rejected (by flag or by content): left exactly as they are
    hand_added: int = 0  # ids generation never made: kept
    other_documents: int = 0  # from documents not read in this run: kept
    dropped: int = 0  # untouched questions of this run's documents that generation no longer makes
    deleted: int = 0  # regenerated ids a teacher had deleted: not brought back
    flagged: list[str] = Field(default_factory=list)  # ids whose source sentence changed: need review


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def stale_reason(question: Question, texts: dict[str, str]) -> str | None:
    """Why ``question`` needs review: a source sentence no longer in its document's new text (``texts``:
    document -> text read in this run; documents not read are not judged). ``None``: still grounded."""
    for source in question.sources:
        text = texts.get(source.document)
        if text is None:
            continue
        if text[source.start:source.end] != source.sentence and source.sentence not in text:
            return f"its source sentence changed or vanished in {source.document}"
    return None


def _flag(question: Question, texts: dict[str, str], report: MergeReport) -> Question:
    reason = stale_reason(question, texts)
    if reason is None or question.needs_review is not None or question.status == "rejected":
        return question
    report.flagged.append(question.id)
    return question.model_copy(update={"needs_review": reason})


def merge_bank(previous: Bank, generated: list[Question], texts: dict[str, str]) -> tuple[Bank, MergeReport]:
    """Regenerated questions merged into a bank without losing any teacher's work.

    ``texts`` holds the documents read in this run (name -> text). By stable id:

    - a question a teacher touched (:func:`touched_by_teacher`: the ``edited`` flag, a status, or content
      that differs from the hash of what generation wrote) is kept as it is, flagged for review
      (``needs_review``) when its source sentence changed or vanished in a document whose text changed
      (by hash) since the bank was written; a teacher approves it again by removing ``needs_review``;
    - an untouched one is replaced by its regenerated version; new ids are added;
    - a question generation never made (added by hand) is kept, and so is every question of a document
      not read in this run;
    - an id that generation wrote before and the file no longer has was deleted by a teacher: it goes
      to ``deleted`` (the tombstones) and is never added again;
    - untouched questions of this run's documents that generation no longer makes are dropped.
    """
    report = MergeReport()
    legacy = previous.generated is None  # before hashes: every question counts as generation's
    hashes = previous.generated or {}
    old = {q.id: q for q in previous.questions}
    deleted = list(previous.deleted)
    deleted += [qid for qid in hashes if qid not in old and qid not in deleted]
    tombstones = set(deleted)
    merged: list[Question] = []
    written: dict[str, str] = {}
    # only a document whose text changed since the bank was written can make a question stale (so a
    # question a teacher approved again is not flagged again by the same text)
    changed = {name: t for name, t in texts.items() if previous.document_hashes.get(name) != text_hash(t)}

    def touched(q: Question) -> bool:
        return touched_by_teacher(q.status, q.edited, q.content_hash, hashes.get(q.id))

    for q in generated:
        if q.id in tombstones:
            report.deleted += 1
            continue
        previous_q = old.pop(q.id, None)
        if previous_q is not None and touched(previous_q):
            merged.append(_flag(previous_q, changed, report))
            if q.id in hashes:
                written[q.id] = hashes[q.id]
            report.kept += 1
            continue
        fresh = q.model_copy(update={"status": "new", "edited": False, "needs_review": None})
        merged.append(fresh)
        written[q.id] = fresh.content_hash
        if previous_q is None:
            report.added += 1
        else:
            report.refreshed += 1
    for q in old.values():
        if q.id in tombstones:
            continue
        if not legacy and q.id not in hashes:
            report.hand_added += 1
        elif touched(q):
            report.kept += 1
        elif not any(s.document in texts for s in q.sources):
            report.other_documents += 1
        else:
            report.dropped += 1
            continue
        merged.append(_flag(q, changed, report))
        if q.id in hashes:
            written[q.id] = hashes[q.id]
    hashes_of_documents = {**previous.document_hashes, **{name: text_hash(t) for name, t in texts.items()}}
    documents = sorted(set(previous.documents) | set(texts))
    bank = Bank(documents=documents, document_hashes=hashes_of_documents, questions=merged, generated=written,
                deleted=deleted)
    return bank, report
