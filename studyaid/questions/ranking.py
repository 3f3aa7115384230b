"""Score questions and drop what a teacher would reject, saying why.

Score: fact confidence, corroboration (more sources, more trust), sentence quality (short, plain
sentences read better), answer specificity (a name or a number beats a common word), salience (a
fact from the article's lead beats one from its last lines). Dropped:
low scores, answers given away by the prompt, answers not written in any source, pronoun or vague
answers, repeated prompts, near-duplicates of a better question.
"""
from __future__ import annotations

import difflib
import re
from typing import Iterable

from .distractors import norm, tokens
from .model import Dropped, Question

MIN_SCORE = 0.45
VAGUE_ANSWERS = {"he", "she", "they", "it", "him", "her", "them", "thousands", "hundreds", "dozens", "millions",
                 "this week", "today", "yesterday", "some", "many", "several"}
BASE_DIFFICULTY = {"quote": 0.5, "quantity": 0.6, "place": 0.35, "role": 0.3, "date": 0.7}


def score(q: Question, confidence: float, salience: float = 1.0) -> float:
    words = max(len(s.sentence.split()) for s in q.sources[:1])
    quality = 1.0 if words <= 35 else 0.9 if words <= 50 else 0.75
    specific = 1.0 if (q.answer[:1].isupper() or re.search(r"\d", q.answer)) else 0.85
    corroboration = min(1.0, 0.85 + 0.05 * q.corroboration)
    return round(max(0.0, min(1.0, confidence * quality * specific * corroboration * salience + 0.05)), 3)


LEAD_SHARE = 0.25  # the first quarter of an article: its lead, what the story is about
END_SALIENCE = 0.85


def salience(start: int, extent: int) -> float:
    """How central a sentence is to its article, by position: 1.0 in the lead, falling to 0.85 at the
    end (a lead-paragraph fact beats a passing mention in the last lines)."""
    if extent <= 0:
        return 1.0
    share = min(1.0, start / extent)
    if share <= LEAD_SHARE:
        return 1.0
    return round(1.0 - (1.0 - END_SALIENCE) * (share - LEAD_SHARE) / (1.0 - LEAD_SHARE), 3)


def difficulty(q: Question, resolved: bool) -> float:
    value = BASE_DIFFICULTY.get(q.fact_type, 0.5) + (0.1 if q.kind == "cloze" else 0.0)
    value += 0.1 if resolved else 0.0
    value -= 0.05 * (q.corroboration - 1)
    return round(max(0.05, min(0.95, value)), 2)


def gives_away(q: Question) -> bool:
    text = q.prompt if q.kind == "mcq" else re.sub(r"\{\{c\d+::.*?\}\}", " ", q.cloze)
    return bool(re.search(rf"\b{re.escape(norm(q.answer))}\b", norm(text)))


def grounded(q: Question) -> bool:
    answer = norm(q.answer)
    return any(answer in norm(s.sentence) or tokens(q.answer) & tokens(s.sentence) for s in q.sources)


def _drop(q: Question, reason: str, detail: str = "") -> Dropped:
    return Dropped(fact_id=q.fact_id, fact_type=q.fact_type, kind=q.kind, reason=reason, detail=detail or q.prompt[:80])


def _key(q: Question) -> str:
    return norm(q.prompt if q.kind == "mcq" else q.cloze)


def unfit(q: Question) -> Dropped | None:
    """Why ``q`` is not worth asking, judged on ``q`` alone (no other question), or None."""
    if q.score < MIN_SCORE:
        return _drop(q, "low score", f"{q.score:.2f}: {q.prompt[:60]}")
    if norm(q.answer) in VAGUE_ANSWERS:
        return _drop(q, "vague answer", q.answer)
    if gives_away(q):
        return _drop(q, "prompt gives the answer away")
    if not grounded(q):
        return _drop(q, "answer not in any source sentence", q.answer)
    return None


def split_unfit(questions: Iterable[Question]) -> tuple[list[Question], list[Dropped]]:
    """The questions :func:`unfit` passes, and the drops of the others: run before the costly stem
    parse, so that no question already lost is parsed."""
    fit: list[Question] = []
    dropped: list[Dropped] = []
    for q in questions:
        why = unfit(q)
        if why is None:
            fit.append(q)
        else:
            dropped.append(why)
    return fit, dropped


def filter_questions(questions: Iterable[Question]) -> tuple[list[Question], list[Dropped]]:
    """Keep good questions, best first within each fact type; one claim, one question of each kind."""
    fit, dropped = split_unfit(questions)
    kept: list[Question] = []
    keys: set[str] = set()
    similar: dict[tuple, list[list[str]]] = {}  # (kind, fact type, answer) -> prompts kept, as words
    for q in sorted(fit, key=lambda q: (-q.score, q.id)):
        key = _key(q)
        group = similar.setdefault((q.kind, q.fact_type, norm(q.answer)), [])
        if key in keys:
            dropped.append(_drop(q, "repeated prompt"))
        elif any(_similar_words(words, key.split()) for words in group):
            dropped.append(_drop(q, "near-duplicate of a better question"))
        else:
            kept.append(q)
            keys.add(key)
            group.append(key.split())
    kept, repeated = _one_who_said(kept)
    kept.sort(key=lambda q: (q.fact_type, -q.score, q.kind, q.id))
    return kept, dropped + repeated


def _one_who_said(questions: list[Question]) -> tuple[list[Question], list[Dropped]]:
    """"Who said ...?" once per quote: a quote's cloze blanks its speaker, so where its multiple choice
    ("Who said: ...") is kept the cloze asks the same again (and quotes would fill half a bank)."""
    asked = {q.fact_id for q in questions if q.kind == "mcq" and q.fact_type == "quote"}
    again = [q.kind == "cloze" and q.fact_type == "quote" and q.fact_id in asked for q in questions]
    return ([q for q, a in zip(questions, again) if not a],
            [_drop(q, "who said asked once per quote") for q, a in zip(questions, again) if a])


def _similar_words(a: list[str], b: list[str]) -> bool:
    """Word sequences alike (difflib ratio >= 0.75), the cheap upper bounds tried first: a common
    answer (a much-quoted leader) gathers hundreds of prompts, each compared with the others."""
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.75 and matcher.quick_ratio() >= 0.75 and matcher.ratio() >= 0.75
