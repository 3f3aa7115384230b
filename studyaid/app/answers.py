"""Checking a student's answer: forgiving about how it is written, strict about what it says.

``check_answer(question, given)`` is pure: the question's ``answer`` and ``accepted`` aliases
("Zelensky" for "Zelenskyy", "26" for "twenty-six") are the right answers; for a person in a cloze, the
surname of each is right too. Each is compared with what the student typed by the one answer normaliser
(:func:`studyaid.answers.same_answer`): dates in any common order and abbreviation, amounts with their
units and scales, numbers as words, names whatever their case, accents and articles, one slip of a letter
in a long word-only answer. Part of an answer is not the answer: "4" for "September 4", "2022" for
"February 2022", "21.9" for "21.9 billion euros" are wrong, and so is a different unit.

A cloze with several gaps (``{{c1::…}} … {{c2::…}}``) is answered gap by gap: :func:`gaps` lists them and
:func:`check_gaps` grades one typed answer per gap.
"""
from __future__ import annotations

import re

from ..answers import same_answer, words
from ..questions.model import Question

PERSON_HINTS = frozenset({"person"})
PERSON_FACTS = frozenset({"quote", "role"})
_GAP = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def tokens(text: str) -> list[str]:
    """Words of ``text`` folded, punctuation and articles dropped; numbers keep their digits together."""
    return words(text)


def normalize(text: str) -> str:
    return " ".join(tokens(text))


def _is_person(question: Question, hint: str | None) -> bool:
    return hint in PERSON_HINTS or (hint is None and question.fact_type in PERSON_FACTS)


def _with_surnames(question: Question, answers: list[str], hint: str | None) -> list[str]:
    if _is_person(question, hint) and question.kind == "cloze":
        answers = answers + [a.split()[-1] for a in answers if len(a.split()) > 1]
    seen: dict[str, str] = {}
    for a in answers:
        if a and a.strip():
            seen.setdefault(normalize(a), a)
    return list(seen.values())


def right_answers(question: Question) -> list[str]:
    """Every answer accepted for ``question``: the answer, its aliases and, for a person, surnames."""
    return _with_surnames(question, [question.answer, *question.accepted], question.hint)


def check_answer(question: Question, given: str | None) -> bool:
    """Whether ``given`` is a right answer to ``question`` (multiple choice or cloze)."""
    if given is None or not tokens(str(given)):
        return False
    if question.kind == "mcq":  # a chosen option: only the answer itself (or its aliases) is right
        return any(tokens(str(given)) == tokens(a) for a in [question.answer, *question.accepted])
    return any(same_answer(str(given), a, question.hint) for a in right_answers(question))


def gaps(question: Question) -> list[tuple[str, str | None]]:
    """``(answer, hint)`` of each gap of a cloze question, in gap-number order (one box each); a question
    without gap syntax is one gap, its answer."""
    found: dict[int, tuple[str, str | None]] = {}
    for match in _GAP.finditer(question.cloze or ""):
        found.setdefault(int(match.group(1)), (match.group(2), match.group(3) or None))
    if not found:
        return [(question.answer, question.hint)]
    return [found[number] for number in sorted(found)]


def check_gaps(question: Question, given: list[str | None]) -> list[bool]:
    """Whether each typed answer is right for its gap (``given[i]`` for ``gaps(question)[i]``). The gap
    holding the question's answer also takes its aliases; a person's gap takes the surname."""
    results = []
    boxes = gaps(question)
    for (answer, hint), typed in zip(boxes, list(given) + [None] * (len(boxes) - len(given))):
        hint = hint or question.hint
        if typed is None or not tokens(typed):
            results.append(False)
            continue
        rights = [answer, *question.accepted] if tokens(answer) == tokens(question.answer) else [answer]
        results.append(any(same_answer(typed, a, hint) for a in _with_surnames(question, rights, hint)))
    return results
