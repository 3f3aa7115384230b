"""Checking a student's answer: forgiving about case, articles, punctuation, accents, aliases and
numbers written as words, strict about the content.

``check_answer(question, given)`` is pure: the question's ``answer`` and ``accepted`` aliases
("Zelensky" for "Zelenskyy", "26" for "twenty-six") are the right answers; for a person, the surname
alone is enough; a number may be written in digits or words ("twenty-six" = "26", "1,200" = "1200");
one slip of a letter is forgiven in a long word-only answer.
"""
from __future__ import annotations

import re

from ..extract.numbers import SCALES, TENS, UNITS, combine, word_value
from ..questions.model import Question
from ..text import fold

ARTICLES = frozenset({"a", "an", "the"})
PERSON_HINTS = frozenset({"person"})
PERSON_FACTS = frozenset({"quote", "role"})
_NUMBER_WORDS = (set(UNITS) | set(TENS) | set(SCALES)) - ARTICLES - {"m", "k"}


def tokens(text: str) -> list[str]:
    """Words of ``text`` folded, punctuation and articles dropped; numbers keep their digits together."""
    text = fold(text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,200 → 1200
    text = re.sub(r"'s\b", "", text)  # possessives
    words = re.findall(r"\d+(?:\.\d+)?|[^\W\d_]+(?:-[^\W\d_]+)*", text)
    return [w for w in words if w not in ARTICLES]


def normalize(text: str) -> str:
    return " ".join(tokens(text))


def _is_number_token(word: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", word)) or word in _NUMBER_WORDS or (
        "-" in word and word_value(word) is not None)


def _number(words: list[str]) -> tuple[float, frozenset[str]] | None:
    """The value of the number words in ``words`` and the other words, or None without a number."""
    positions = [i for i, w in enumerate(words) if _is_number_token(w)]
    if not positions or positions[-1] - positions[0] + 1 != len(positions):
        return None  # no number, or numbers apart ("January 1, 2028" is a date, not 2029)
    numbers = [words[i] for i in positions]
    digits = [w for w in numbers if w[0].isdigit()]
    if digits and (len(digits) > 1 or any(w not in SCALES for w in numbers if not w[0].isdigit())):
        return None  # "1 2028", "3 two": not one number
    if any(word_value(w) is None for w in numbers):
        return None
    return combine(numbers), frozenset(w for w in words if not _is_number_token(w))


def _one_slip(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one inserted, deleted or changed letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            return True
    return False


def right_answers(question: Question) -> list[str]:
    """Every answer accepted for ``question``: the answer, its aliases and, for a person, surnames."""
    answers = [question.answer, *question.accepted]
    person = question.hint in PERSON_HINTS or (question.hint is None and question.fact_type in PERSON_FACTS)
    if person and question.kind == "cloze":
        answers += [a.split()[-1] for a in list(answers) if len(a.split()) > 1]
    seen: dict[str, str] = {}
    for a in answers:
        if a and a.strip():
            seen.setdefault(normalize(a), a)
    return list(seen.values())


def _matches(given: list[str], right: list[str]) -> bool:
    if not given or not right:
        return False
    if given == right:
        return True
    given_number, right_number = _number(given), _number(right)
    if given_number is not None and right_number is not None:
        (gv, g_rest), (rv, r_rest) = given_number, right_number
        return abs(gv - rv) < 1e-9 * max(1.0, abs(rv)) and g_rest <= r_rest  # "21.9 billion" for "... euros"
    if given_number is not None or right_number is not None:
        return False
    g, r = " ".join(given), " ".join(right)
    return len(r) >= 6 and not re.search(r"\d", r) and _one_slip(g, r)


def check_answer(question: Question, given: str | None) -> bool:
    """Whether ``given`` is a right answer to ``question`` (multiple choice or cloze)."""
    if given is None:
        return False
    given_tokens = tokens(str(given))
    if not given_tokens:
        return False
    if question.kind == "mcq":  # a chosen option: only the answer itself (or its aliases) is right
        return any(given_tokens == tokens(a) for a in [question.answer, *question.accepted])
    return any(_matches(given_tokens, tokens(a)) for a in right_answers(question))
