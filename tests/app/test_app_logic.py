"""Quiz and editing logic without Streamlit: the pool students see, picking, results, the source
passage, Markdown escaping, teacher edits and hand-written questions."""
from __future__ import annotations

import pytest

from studyaid.app.builder import fallback_title, safe_name
from studyaid.app.editing import EditError, apply_changes, find_source, manual_question, rebuild_cloze, split_list
from studyaid.app.quiz import QuizState, md_escape, passage_markdown, pick_questions, results_by_type, source_passage
from studyaid.document import Source
from studyaid.questions.model import Question


def make(qid: str, status: str = "new", kind: str = "mcq", fact_type: str = "quote", document: str = "a.txt",
         fact_id: str | None = None, **extra) -> Question:
    base = dict(id=qid, kind=kind, fact_type=fact_type, fact_id=fact_id or qid, prompt=f"Prompt {qid}?",
                answer="Paris", options=["Paris", "Lyon", "Nice"] if kind == "mcq" else [], explanation="Because.",
                sources=[Source(document=document, sentence="S.", start=0, end=2)], status=status)
    if kind == "cloze":
        base.update(prompt="Leaders met in _____ (city).", cloze="Leaders met in {{c1::Paris::city}}.", hint="city")
    base.update(extra)
    return Question(**base)


def test_pick_filters_by_kind_and_spreads_facts():
    pool = [make("a1", fact_id="f1"), make("a2", kind="cloze", fact_id="f1"), make("b", document="b.txt", fact_id="f2"),
            make("c", fact_id="f3")]
    assert {q.id for q in pick_questions(pool, kinds=("cloze",))} == {"a2"}
    picked = pick_questions(pool, count=3, seed=1)
    assert len(picked) == 3 and len({q.fact_id for q in picked}) == 3  # one question per fact first
    assert pick_questions(pool, count=10, seed=1) == pick_questions(pool, count=10, seed=1)


def test_quiz_state_scores_and_results_by_type():
    qs = {q.id: q for q in [make("a"), make("b", fact_type="place"), make("c", kind="cloze", fact_type="place")]}
    state = QuizState(ids=list(qs))
    assert state.answer(qs["a"], "Paris").correct
    state.next()
    assert not state.answer(qs["b"], "Lyon").correct
    state.next()
    assert state.answer(qs["c"], "paris").correct
    state.next()
    assert state.done and state.score == 2 and state.missed() == ["b"]
    assert results_by_type(qs, state) == {"Quotes": {"right": 1, "wrong": 0}, "Places": {"right": 1, "wrong": 1}}


TEXT = "Headline\nFirst sentence here. Putin spoke in Vladivostok. Last one.\nNext paragraph."


def test_source_passage_is_the_paragraph_around_the_sentence():
    start = TEXT.index("Putin")
    end = TEXT.index("Last") - 1
    passage = source_passage(TEXT, start, end, "Putin spoke in Vladivostok.")
    assert (passage.before, passage.sentence, passage.after) == ("First sentence here. ", "Putin spoke in Vladivostok.",
                                                                  " Last one.")
    moved = source_passage(TEXT, 0, 5, "Putin spoke in Vladivostok.")  # offsets that no longer fit: looked up
    assert moved == passage
    assert source_passage(TEXT, 0, 5, "Not in the text.") is None
    long_text = "word " * 1000 + "The sentence. " + "word " * 1000
    cut = source_passage(long_text, 5000, 5013)
    assert cut.before.startswith("…") and cut.after.endswith("…") and len(cut.before) < 700


def test_markdown_is_escaped_and_the_sentence_highlighted():
    assert md_escape("*bold* [link](x) <b>$5</b> a_b") == r"\*bold\* \[link\]\(x\) &lt;b&gt;\$5&lt;/b&gt; a\_b"
    assert md_escape("1. Not a list") == r"1\. Not a list"
    text = passage_markdown(source_passage(TEXT, TEXT.index("Putin"), TEXT.index("Last") - 1))
    assert text == "First sentence here. :orange-background[**Putin spoke in Vladivostok.**] Last one."


def test_edits_mark_the_question_edited_and_keep_it_consistent():
    mcq = make("a", accepted=["Paname"])
    changed = apply_changes(mcq, {"answer": "Marseille"})
    assert changed.edited and changed.options == ["Marseille", "Lyon", "Nice"] and changed.accepted == []
    assert apply_changes(mcq, {"status": "approved"}) == mcq.model_copy(update={"status": "approved"})
    assert apply_changes(mcq, {"options": "Paris | Rome | Oslo | Bern"}).options == ["Paris", "Rome", "Oslo", "Bern"]
    with pytest.raises(EditError, match="must be one of the options"):
        apply_changes(mcq, {"options": "Rome | Oslo"})
    with pytest.raises(EditError, match="2 to 6 options"):
        apply_changes(mcq, {"options": "Paris"})
    with pytest.raises(EditError, match="cannot be empty"):
        apply_changes(mcq, {"prompt": "  "})
    with pytest.raises(EditError, match="status"):
        apply_changes(mcq, {"status": "maybe"})
    cloze = make("c", kind="cloze")
    edited = apply_changes(cloze, {"answer": "Lyon", "accepted": "Lugdunum | Lyon"})
    assert edited.cloze == "Leaders met in {{c1::Lyon::city}}." and edited.prompt == "Leaders met in _____ (city)."
    assert edited.accepted == ["Lugdunum"]
    with pytest.raises(EditError, match="needs a gap"):
        apply_changes(cloze, {"prompt": "Leaders met somewhere."})


def test_rebuild_cloze_from_a_gap_or_from_the_whole_sentence():
    assert rebuild_cloze("Met in _____ (city) on Friday.", "Paris", "city") == (
        "Met in _____ (city) on Friday.", "Met in {{c1::Paris::city}} on Friday.")
    assert rebuild_cloze("Macron met Starmer.", "Macron", "person") == (
        "_____ (person) met Starmer.", "{{c1::Macron::person}} met Starmer.")
    assert rebuild_cloze("Met in ____.", "Paris", None) == ("Met in _____.", "Met in {{c1::Paris}}.")


def test_hand_written_questions():
    q = manual_question(kind="mcq", fact_type="place", prompt="Where did leaders meet?", answer="Paris",
                        wrong_options="Lyon\nNice\nParis")
    assert q.status == "approved" and q.edited and sorted(q.options) == ["Lyon", "Nice", "Paris"]
    assert q.id.startswith("hand-") and q.sources == []
    with pytest.raises(EditError, match="two wrong options"):
        manual_question(kind="mcq", fact_type="place", prompt="Where?", answer="Paris", wrong_options="Lyon")
    c = manual_question(kind="cloze", fact_type="other", prompt="Leaders met in Paris.", answer="Paris",
                        accepted="the French capital")
    assert c.cloze == "Leaders met in {{c1::Paris}}." and c.accepted == ["the French capital"]
    source = find_source("a.txt", "One.  Leaders   met in\nParis. Two.", "Leaders met in Paris.")
    assert source.start == 6 and source.sentence == "Leaders   met in\nParis."
    assert find_source("a.txt", "One.", "Missing.") is None


def test_small_helpers():
    assert split_list("a | b|c\n\n a ") == ["a", "b", "c"]
    assert safe_name("../My article (1).HTML") == "My-article-1.html"
    assert safe_name("...") == "document"
    assert fallback_title("\n\nOne two three four five six seven eight nine ten eleven twelve thirteen", "x.txt").endswith("…")
    assert fallback_title("", "x.txt") == "x.txt"


def test_a_quiz_starts_with_the_best_ranked_questions():
    from studyaid.app.quiz import pick_questions
    from studyaid.document import Source
    from studyaid.questions.model import Question

    def q(i: int, score: float) -> Question:
        return Question(id=f"q{i}", kind="cloze", fact_type="date", fact_id=f"f{i}", prompt="p", answer=f"a{i}",
                        explanation="e", cloze=f"{{{{c1::a{i}}}}}",
                        sources=[Source(document="d.txt", sentence=f"a{i}", start=0, end=len(f"a{i}"))], score=score)

    pool = [q(i, 0.5) for i in range(20)] + [q(100 + i, 0.95) for i in range(5)]
    for seed in range(5):
        picked = pick_questions(pool, count=5, seed=seed)
        assert {p.id for p in picked} == {f"q{100 + i}" for i in range(5)}
