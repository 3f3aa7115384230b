"""Questions written for the class-mode tests (own sentences, not from any article)."""
from __future__ import annotations

from studyaid.document import Source
from studyaid.questions.model import Question

DOC = "class/harbour.txt"
HARBOUR = "The Kelvale harbour reopened on March 3, 2024, after a storm, said mayor Ann Roe."
FERRY = "The new ferry to Tarn Island carries 240 passengers, the council said."


def mcq(qid: str, prompt: str, answer: str, options: list[str], *, fact_type: str = "quote", status: str = "approved",
        score: float = 0.5, document: str = DOC, fact: str | None = None) -> Question:
    return Question(id=qid, kind="mcq", fact_type=fact_type, fact_id=fact or f"fact-{qid}", prompt=prompt, answer=answer,
                    explanation=f"The article says so: {answer}.", options=options, status=status, score=score,
                    sources=[Source(document=document, sentence=HARBOUR, start=0, end=len(HARBOUR))])


def cloze(qid: str, answer: str, *, hint: str = "number", accepted: list[str] | None = None, fact_type: str = "quantity",
          status: str = "approved", score: float = 0.5, document: str = DOC, fact: str | None = None) -> Question:
    prompt = FERRY.replace(answer, f"_____ ({hint})")
    return Question(id=qid, kind="cloze", fact_type=fact_type, fact_id=fact or f"fact-{qid}", prompt=prompt,
                    answer=answer, accepted=accepted or [], hint=hint, explanation=f"It carries {answer}.",
                    cloze=FERRY.replace(answer, f"{{{{c1::{answer}::{hint}}}}}"), status=status, score=score,
                    sources=[Source(document=document, sentence=FERRY, start=0, end=len(FERRY))])


WHO = mcq("q-who", "Who said the Kelvale harbour reopened after a storm?", "Ann Roe",
          ["Tom Reed", "Ann Roe", "Emma Clarke", "Priya Nair"])
WHEN = mcq("q-when", "When did the Kelvale harbour reopen?", "March 3, 2024",
           ["January 9, 2024", "March 3, 2024", "June 21, 2023"], fact_type="date")
HOW_MANY = cloze("q-many", "240", accepted=["two hundred and forty"])

TWO_GAP_SENTENCE = "The new ferry to Tarn Island carries 240 passengers, the council said."
TWO_GAPS = Question(
    id="q-gaps", kind="cloze", fact_type="quantity", fact_id="fact-gaps", answer="240", hint="number",
    accepted=["two hundred and forty"], explanation="The council gave both.", status="approved", score=0.9,
    prompt="The new ferry to _____ (place) carries _____ (number) passengers, the council said.",
    cloze="The new ferry to {{c1::Tarn Island::place}} carries {{c2::240::number}} passengers, the council said.",
    sources=[Source(document=DOC, sentence=TWO_GAP_SENTENCE, start=0, end=len(TWO_GAP_SENTENCE))])
