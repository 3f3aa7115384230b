"""Which questions a class quiz gets: approved ones only, of the articles and fact types chosen, the
best-ranked first and one question per fact before any second one, up to the number asked for."""
from __future__ import annotations

from typing import Iterable

from ..questions.model import Question


def publishable(questions: Iterable[Question]) -> list[Question]:
    """Approved questions that students may be shown (not flagged for a new review)."""
    return [q for q in questions if q.status == "approved" and not q.withheld]


def choose_questions(questions: Iterable[Question], *, documents: Iterable[str] | None = None,
                     fact_types: Iterable[str] | None = None, count: int | None = None) -> list[Question]:
    """The quiz's questions in the order they are asked. ``documents``/``fact_types``: None or empty
    means all; ``count``: None means every match."""
    wanted_docs = set(documents or ())
    wanted_types = set(fact_types or ())
    matching = [q for q in publishable(questions)
                if (not wanted_docs or any(s.document in wanted_docs for s in q.sources))
                and (not wanted_types or q.fact_type in wanted_types)]
    matching.sort(key=lambda q: (-q.score, q.id))
    first, repeats, facts = [], [], set()
    for q in matching:
        (repeats if q.fact_id in facts else first).append(q)
        facts.add(q.fact_id)
    chosen = first + repeats
    return chosen if count is None else chosen[:max(0, count)]
