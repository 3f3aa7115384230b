"""Teacher edits without Streamlit: the review table's rows, a row's changes applied to a question
(checked, so a question is never saved broken), and questions written by hand."""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone

from ..document import Source
from ..questions.cloze import gap_text, make_cloze
from ..questions.model import Question
from ..questions.order import arrange
from ..store import BankEntry

OPTION_SEPARATOR = " | "
CONTENT_FIELDS = ("prompt", "answer", "options", "accepted", "explanation")
STATUSES = ("new", "approved", "rejected")
FACT_TYPES = ("quote", "quantity", "place", "role", "date", "other")
MIN_OPTIONS, MAX_OPTIONS = 2, 6
_GAP = re.compile(r"_{3,}(?:\s*\(([^)]*)\))?")


class EditError(ValueError):
    """A change that would leave a question unusable; the message says what to fix."""


def join_list(items: list[str]) -> str:
    return OPTION_SEPARATOR.join(items)


def split_list(text: str | None) -> list[str]:
    """"Paris | Lyon | Nice" (or one per line) → ["Paris", "Lyon", "Nice"], blanks and repeats dropped."""
    parts = re.split(r"\s*\|\s*|\n", text or "")
    seen: list[str] = []
    for p in (p.strip() for p in parts):
        if p and p not in seen:
            seen.append(p)
    return seen


def table_row(entry: BankEntry, titles: dict[str, str]) -> dict:
    """One row of the review table (``select`` is the bulk-action tick box)."""
    q = entry.question
    docs = list(dict.fromkeys(s.document for s in q.sources))
    return {
        "select": False,
        "status": q.status,
        "kind": q.kind,
        "type": q.fact_type,
        "prompt": q.prompt,
        "answer": q.answer,
        "options": join_list(q.options) if q.kind == "mcq" else "",
        "accepted": join_list(q.accepted),
        "explanation": q.explanation,
        "review": f"needs review: {q.needs_review}" if q.needs_review else "",
        "sentence": q.sources[0].sentence if q.sources else "",
        "source": ", ".join(titles.get(d, d) for d in docs),
        "edited": q.edited,
        "id": q.id,
    }


def _absorb(before: str, answer: str, after: str) -> tuple[str, str]:
    """``before`` and ``after`` the gap without the words the new ``answer`` repeats right beside it
    ("Mayor Bill de _____" with the answer "Bill de Blasio": "Mayor " before the gap), so the gap holds
    the answer exactly and the sentence never says a word twice. The answer keeps at least one word
    of its own on each side: a context that already says all of it is left alone."""
    words = answer.split()
    for k in range(len(words) - 1, 0, -1):
        found = re.search(r"(?<!\S)" + r"\s+".join(map(re.escape, words[:k])) + r"\s*$", before, re.IGNORECASE)
        if found:
            before = before[:found.start()]
            break
    for k in range(len(words) - 1, 0, -1):
        found = re.match(r"\s*" + r"\s+".join(map(re.escape, words[-k:])) + r"(?!\w)", after, re.IGNORECASE)
        if found:
            after = after[found.end():]
            break
    return before, after


def rebuild_cloze(prompt: str, answer: str, hint: str | None) -> tuple[str, str]:
    """``(prompt, cloze)`` for a cloze question: the gap (``_____``) in ``prompt`` holds ``answer``
    exactly, whatever words the answer shares with the words around the gap (they go into the gap, not
    beside it); a prompt without a gap that contains the answer gets the answer cut out."""
    hint = hint or ""
    match = _GAP.search(prompt)
    if match:
        hint = (match.group(1) or hint).strip()
        note = f"::{hint}" if hint else ""
        before, after = _absorb(prompt[:match.start()], answer, prompt[match.end():])
        cloze = before + "{{c1::" + answer + note + "}}" + after
    elif re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", prompt, re.IGNORECASE):
        cloze = make_cloze(prompt, answer, hint) if hint else make_cloze(prompt, answer, "").replace("::}}", "}}")
    else:
        raise EditError("a fill-in-the-gap prompt needs a gap: write _____ where the answer goes")
    return gap_text(cloze) if hint else gap_text(cloze).replace(" (?)", ""), cloze


def apply_changes(question: Question, changes: dict) -> Question:
    """``question`` with the table's ``changes`` (column → new value) applied and checked.

    Content changes mark the question ``edited`` (regeneration then leaves it alone). Saving an edit,
    or approving, clears a review flag: the teacher has looked at the question again."""
    values = {k: ("" if v is None else v) for k, v in changes.items()}
    update: dict = {}
    if "status" in values:
        if values["status"] not in STATUSES:
            raise EditError(f"status must be one of {', '.join(STATUSES)}, not {values['status']!r}")
        update["status"] = values["status"]
    if update.get("status") == "approved":
        update["needs_review"] = None  # approving again is the teacher's review of a flagged question
    content = {k: values[k] for k in CONTENT_FIELDS if k in values}
    if not content:
        return question.model_copy(update=update)
    prompt = str(content.get("prompt", question.prompt)).strip()
    answer = str(content.get("answer", question.answer)).strip()
    if not prompt:
        raise EditError("the prompt cannot be empty")
    if not answer:
        raise EditError("the answer cannot be empty")
    update.update(prompt=prompt, answer=answer, edited=True, needs_review=None,  # the edit is the review
                  explanation=str(content.get("explanation", question.explanation)).strip())
    if "accepted" in content:
        update["accepted"] = [a for a in split_list(content["accepted"]) if a != answer]
    elif answer != question.answer:
        update["accepted"] = []  # the old answer's aliases are not this answer's
    if question.kind == "mcq":
        options = split_list(content["options"]) if "options" in content else list(question.options)
        if answer not in options and question.answer in options and "options" not in content:
            options = [answer if o == question.answer else o for o in options]
        if answer not in options:
            raise EditError(f"the answer {answer!r} must be one of the options (separate options with |)")
        if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
            raise EditError(f"a multiple-choice question needs {MIN_OPTIONS} to {MAX_OPTIONS} options, "
                            f"not {len(options)}")
        update["options"] = options
    else:
        update["prompt"], update["cloze"] = rebuild_cloze(prompt, answer, question.hint)
    return question.model_copy(update=update)


def find_source(document: str, text: str, sentence: str) -> Source | None:
    """A source for a hand-written question: ``sentence`` found in ``text`` (spacing may differ)."""
    sentence = sentence.strip()
    if not sentence:
        return None
    start = text.find(sentence)
    if start >= 0:
        return Source(document=document, sentence=sentence, start=start, end=start + len(sentence))
    words = [re.escape(w) for w in sentence.split()]
    match = re.search(r"\s+".join(words), text) if words else None
    if match:
        return Source(document=document, sentence=match.group(0), start=match.start(), end=match.end())
    return None


def manual_question(*, kind: str, fact_type: str, prompt: str, answer: str, wrong_options: str = "",
                    accepted: str = "", explanation: str = "", source: Source | None = None) -> Question:
    """A question written by a teacher: approved and marked edited at once."""
    prompt, answer = prompt.strip(), answer.strip()
    if not prompt or not answer:
        raise EditError("a question needs a prompt and an answer")
    stamp = datetime.now(timezone.utc).isoformat()
    qid = "hand-" + hashlib.sha1(f"{prompt}|{answer}|{stamp}".encode("utf-8")).hexdigest()[:10]
    base = Question(id=qid, kind=kind, fact_type=fact_type, fact_id="manual", prompt=prompt, answer=answer,
                    explanation=explanation.strip() or f"The answer is {answer}.", sources=[source] if source else [],
                    status="approved", edited=True, accepted=[a for a in split_list(accepted) if a != answer])
    if kind == "mcq":
        wrong = list(dict.fromkeys(o for o in split_list(wrong_options) if o != answer))
        if len(wrong) < MIN_OPTIONS:
            raise EditError("a multiple-choice question needs at least two wrong options (one per line)")
        if len(wrong) + 1 > MAX_OPTIONS:
            raise EditError(f"a multiple-choice question has at most {MAX_OPTIONS - 1} wrong options")
        # the wrong options in the teacher's order, the answer at its hashed position, as generation does
        return base.model_copy(update={"options": arrange(qid, answer, wrong)})
    new_prompt, cloze = rebuild_cloze(prompt, answer, None)
    return base.model_copy(update={"prompt": new_prompt, "cloze": cloze})
