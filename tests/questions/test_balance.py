"""A balanced bank: "who said" is asked once per quote (its cloze blanks the speaker the multiple choice asks for)."""
from __future__ import annotations

import pytest

from studyaid.document import Source
from studyaid.questions.ranking import filter_questions

def make(qid: str, kind: str, fact_type: str, fact_id: str, answer: str, score: float = 0.8):
    from studyaid.questions.model import Question

    sentence = f"\u201cThe harbour of Kelmore will reopen in spring,\u201d said {answer}." if fact_type == "quote" \
        else f"The harbour of Kelmore took {answer} ships last year."
    base = dict(id=qid, kind=kind, fact_type=fact_type, fact_id=fact_id, answer=answer, explanation="Because.",
                sources=[Source(document="a.txt", sentence=sentence, start=0, end=len(sentence))], score=score)
    if kind == "mcq":
        prompt = "Who said: \u201cThe harbour of Kelmore will reopen in spring\u201d?" if fact_type == "quote" \
            else "How many ships did the harbour of Kelmore take last year?"
        return Question(prompt=prompt, options=[answer, "Tom Lind", "Eva Moe"] if fact_type == "quote"
                        else [answer, "1,500", "3,000"], **base)
    hint = "person" if fact_type == "quote" else "number"
    return Question(prompt=sentence.replace(answer, f"_____ ({hint})"), hint=hint,
                    cloze=sentence.replace(answer, "{{c1::" + answer + "::" + hint + "}}"), **base)


# (questions as (id, kind, fact type, fact id, answer), ids kept)
CASES = [
    ([("m", "mcq", "quote", "q1", "Anna Berg"), ("c", "cloze", "quote", "q1", "Anna Berg")], {"m"}),
    ([("c", "cloze", "quote", "q1", "Anna Berg")], {"c"}),  # no multiple choice: the cloze asks it
    ([("m", "mcq", "quote", "q1", "Anna Berg"), ("c", "cloze", "quote", "q2", "Tom Lind")], {"m", "c"}),  # two quotes
    ([("m", "mcq", "quantity", "n1", "2,000"), ("c", "cloze", "quantity", "n1", "2,000")], {"m", "c"}),  # not a quote
]


@pytest.mark.parametrize("questions, kept", CASES)
def test_who_said_once_per_quote(questions, kept):
    made = [make(*q) for q in questions]
    result, dropped = filter_questions(made)
    assert {q.id for q in result} == kept
    assert all(d.reason == "who said asked once per quote" for d in dropped if d.fact_id in {q.fact_id for q in made})
