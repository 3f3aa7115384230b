"""The question contract: what generation produces, the bank stores, the quiz and exporters read."""
from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, Field

from ..document import Source

QuestionKind = Literal["mcq", "cloze"]
Status = Literal["new", "approved", "rejected"]


class Question(BaseModel):
    id: str  # stable: from the fact's canonical key and the question kind
    kind: QuestionKind
    fact_type: str  # quote, quantity, place, role, date
    fact_id: str
    prompt: str  # the question (mcq) or the cloze text shown with the gap (cloze)
    answer: str
    accepted: list[str] = Field(default_factory=list)  # other right answers: aliases, "26" for "twenty-six"
    explanation: str
    options: list[str] = Field(default_factory=list)  # mcq: 3 to 6, the answer once
    cloze: str = ""  # cloze: text with {{c1::answer::hint}}
    hint: str | None = None  # "person", "city", "number"
    sources: list[Source]
    difficulty: float = Field(default=0.5, ge=0.0, le=1.0)
    score: float = Field(default=0.5, ge=0.0, le=1.0)
    corroboration: int = 1  # documents that state the fact
    status: Status = "new"
    edited: bool = False  # a teacher changed it: regeneration never overwrites it
    needs_review: str | None = None  # why a teacher must look again (its source sentence changed): withheld till approved

    @property
    def touched(self) -> bool:
        """Edited, approved or rejected by a teacher: regeneration leaves it exactly as it is."""
        return touched_by_teacher(self.status, self.edited)

    @property
    def content_hash(self) -> str:
        """A hash of what the question says (everything but its review state): stored when generation
        writes it, so a later change by hand shows as a different hash, ``"edited"`` flag or not."""
        data = self.model_dump_json(exclude={"status", "edited", "needs_review"})
        return hashlib.sha1(data.encode("utf-8")).hexdigest()[:16]

    @property
    def withheld(self) -> bool:
        """Not for students nor exports: rejected, or flagged for review until a teacher approves it again."""
        return self.status == "rejected" or self.needs_review is not None

    @property
    def difficulty_label(self) -> str:
        return "easy" if self.difficulty < 0.35 else "hard" if self.difficulty > 0.65 else "medium"


def touched_by_teacher(status: str, edited: bool, content: str | None = None, generated: str | None = None) -> bool:
    """The one rule (bank.json and the SQLite store): a teacher touched a question when it is marked
    edited, approved or rejected, or when its ``content`` hash differs from the ``generated`` hash of
    what generation wrote (an edit made without setting ``edited``). Unknown hashes compare as equal."""
    changed = content is not None and generated is not None and content != generated
    return edited or status != "new" or changed


def question_id(fact_key: str, kind: str, variant: str = "") -> str:
    return hashlib.sha1(f"{fact_key}|{kind}|{variant}".encode("utf-8")).hexdigest()[:12]


class Dropped(BaseModel):
    """A question (or a fact) left out, and why: shown in the summary so nothing vanishes silently."""

    fact_id: str
    fact_type: str
    kind: str
    reason: str
    detail: str = ""
