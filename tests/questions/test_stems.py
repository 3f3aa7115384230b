"""The stem checker on questions written for the test: each defect class, and well-formed questions."""
from __future__ import annotations

import pytest

from studyaid.questions.stems import DANGLING, cloze_problem, stem_problem

HOW_MANY = "'How many' without a plural noun"
NO_SUBJECT = "does not name what it asks about"


@pytest.mark.parametrize("text, problem", [
    # well-formed: a wh-word, a finite verb, a named subject
    ("When did the Dunmore Rovers squad leave for Lisbon?", None),
    ("How many goals did Arlen Pike score for Dunmore Rovers last season?", None),
    ("How many of the 40 delegates voted for Marta Ilves?", None),
    ("How many of Norway's ferries were grounded by the storm?", None),
    ("In which city did the Harbour Lights festival take place?", None),
    ("Who warned that the new stadium in Cardiff would cost more than planned?", None),
    ("Who admitted that he had misjudged the Portmere vote?", None),
    ("Who said his side had misjudged the Portmere vote?", None),
    ("Who believed that her win in Portmere would count for little?", DANGLING),
    ("Who said that Mara Lind had lost her seat in Portmere?", None),
    ("According to the article, who is the Dunmore Rovers manager?", None),
    ("How much did Kelvale Council spend on the new library?", None),
    ("Who said that it was important to finish the Tamar bridge before winter?", None),
    ("Who said: \u201cThe Dunmore squad has never been fitter than it is now\u201d", None),
    # class 4: not English, or saying nothing
    ("When did it do?", DANGLING),
    ("How many of licences denied were appealed in Kelvale?", "broken 'How many of' phrase"),
    ("How many % did sales rise in Norway?", HOW_MANY),
    ("How many ships frigate were sunk off Norway?", "broken 'How many' phrase"),
    ("How many Kelvale striker has scored twice?", HOW_MANY),
    ("Who said that it said the Portmere plan would fail?", DANGLING),
    ("Who said that but the Portmere plan would fail?", "reported clause opens with a conjunction"),
    ("When did the council open the road in the sky The bridge was closed?", "heading text fused into the stem"),
    ("The Portmere council voted on Monday.", "does not open with a question word"),
    ("Who the new mayor of Portmere?", "no finite verb"),
    # class 4: a referent missing from the question
    ("When did they hit the charts in Britain?", DANGLING),
    ("When will the council open this bridge over the Tamar?", DANGLING),
    ("How many goals did his team concede against Kelvale?", DANGLING),
    ("How many fans has the Kelvale club lost since then?", DANGLING),
    ("How many years has Kelvale equalled an of four defeats?", "broken clause"),
    ("When did Tom Rees join the University ofKelvale?", "words run together"),
    ("When will Tom Rees run at the Great KelvaleInternational Cross Country?", "words run together"),
    ("When did Kelvale release the PlayStation game in Norway?", None),
    ("When did drones hit the Kharkiv region in northeastern Ukraine's?", "a possessive with nothing after it"),
    ("When did the Portmere show run to 1987?", "another date in a date question"),
    ("How much did Kelvale offer for the striker,, with the fee rising later?", "broken punctuation"),
    ("When do Kelvale fans have to register their interest and?", "broken clause"),
    ("How much did the Kelvale club's share of the vote fall from to 9.6% in May?", "broken clause"),
    ("When do Kelvale fans have to register their interest in the?", "broken clause"),
    ("How much is the Kelvale striker worth to the club, \u00a340m or \u00a350m?", "another amount in an amount question"),
    ("How much is the difference between the two sides?", NO_SUBJECT),
    ("Who said: \u201cThe Kelvale side played worse than than it did in May\u201d", "a word written twice"),
    ("How many times has Mara Lind played in the Kelvale Cup final (?", "broken punctuation"),
    # class 5: the thing asked about is not named
    ("When did testing begin?", NO_SUBJECT),
    ("How many critical things were left?", NO_SUBJECT),
    ("When does the tour begin in San Diego?", NO_SUBJECT),
    ("How many European concerts will the band play?", NO_SUBJECT),
    ("When does the Kelvale tour begin in San Diego?", None),
    ("When does Arlen Pike's band play in San Diego?", None),  # named by its possessor
    ("When does Arlen Pike play in San Diego?", None),
    ("How many fans were hurt in the crush?", NO_SUBJECT),
    ("When did Arlen Pike, the Kelvale striker, who joined from Portmere in May, sign his new contract, "
     "which runs until the end of next season with an option?", "too long to read as one question"),
    # a quotation that says nothing out of its article
    ("Who said: \u201cThey are doing everything wrong and they know it\u201d", "quotation without its context"),
])
def test_stem_problem(nlp, text, problem):
    assert stem_problem(nlp(text)) == problem


@pytest.mark.parametrize("sentence, problem", [
    ("The Portmere council voted on Monday to close the old bridge.", None),
    ("Mara Lind starred in The Quiet Harbour, which opened in Lisbon.", None),  # a title, not a fused heading
    ("Eye on the harbour The council voted on Monday to close the bridge.", "heading text fused into the sentence"),
    ("There were 40 boats in the Portmere harbour on Monday.", None),
    ("He became a fellow of Kelvale College in 1998.", "sentence opens on a pronoun without its referent"),
    ("Their second album sold 40,000 copies in Norway.", "sentence opens on a pronoun without its referent"),
    ("In comparison, the Kelvale library took \u00a311m in its first year.", "sentence opens on a link to the sentence before"),
    ("But the Portmere council spent \u00a32m on the bridge.", "sentence opens on a link to the sentence before"),
    ("Coach Arlen Pike said: \u201cWe will win the Kelvale cup in 2026.", "quotation marks left open"),
    ("\u201cWe will be ready to open the Kelvale library by May 2026.\u201d", "quotation without its speaker"),
    ("\u201cWe will be ready by May,\u201d Arlen Pike said.", None),
    ("In 2003 it bought a small Romanian software firm.", "sentence opens on a pronoun without its referent"),
    ("That owes much to the Kelvale coach and his new captain.", "sentence opens on a pronoun without its referent"),
    ("Arlen Pike has said that would break the Kelvale club rules.", "sentence opens on a pronoun without its referent"),
    ("That season Kelvale won the cup in Lisbon.", None),
    ("\u201cIt will be ready by May,\u201d Arlen Pike said.", None),
    ("Tom Rees, a student at the University ofKelvale, wrote the software.", "words run together"),
    ("Drones hit the Kharkiv region in northeastern Ukraine's, Governor Tom Rees said.",
     "a possessive with nothing after it"),
    ("Kelvale said this group would fight the new law in court.", DANGLING),
    ("Arlen Pike said such troops would not be sent to Kelvale.", DANGLING),
    ("Kelvale sent troops from countries such as Norway and Sweden.", None),
    ("The bill passed although her party voted against it in Kelvale.", DANGLING),
    ("Mara Lind said her party voted against the bill in Kelvale.", None),
    ("The club said it would appeal against the ban.", "does not name what it is about"),
    ("One is a Jamaican sprinter who trains in Kelvale.", "sentence opens on a pronoun without its referent"),
    ("One was sold to a museum in Oslo for 40,000 euros.", "sentence opens on a pronoun without its referent"),
    ("One person died in the fire in Leeds on Sunday.", None),
    ("The Kelvale club said it would appeal against the ban.", None),
])
def test_cloze_problem(nlp, sentence, problem):
    assert cloze_problem(nlp(sentence)) == problem


def test_stem_verdicts_are_remembered_and_a_broken_memory_is_an_empty_one(nlp, tmp_path):
    from factory import corpus

    from studyaid.questions import generate
    from studyaid.questions.stem_check import StemVerdicts

    path = tmp_path / "stems.json"
    first = StemVerdicts(path, nlp)
    made = generate(corpus(), parser=nlp, stem_verdicts=first)
    first.save()
    again = StemVerdicts(path, nlp)

    class NoParser:  # a second run with every verdict known must not parse anything
        meta = nlp.meta

        def pipe(self, texts, batch_size=64):
            assert not list(texts)
            return iter(())

    assert generate(corpus(), parser=NoParser(), stem_verdicts=again).questions == made.questions
    path.write_text("{not json", encoding="utf-8")
    with pytest.warns(UserWarning, match="stem-check cache unreadable"):
        assert StemVerdicts(path, nlp).verdicts == {}


def test_related_documents_found_through_the_index_equal_a_full_scan():
    from test_relatedness import football_and_baking, with_garden

    from studyaid.questions.relatedness import THRESHOLD, Relatedness

    r = Relatedness(with_garden(football_and_baking()))
    for d in r.documents:
        full = sorted((o for o in r.documents if o != d and r.score(d, o) >= THRESHOLD), key=lambda o: (-r.score(d, o), o))
        assert r.related_to([d]) == full


def test_a_cloze_subject_named_only_by_the_gap_is_unnamed(nlp):
    sentence = "The Norway runner set a new record in the final."
    assert cloze_problem(nlp(sentence), (4, 10)) == "does not name what it is about"
    assert cloze_problem(nlp(sentence)) is None


def test_a_text_shared_by_several_questions_is_parsed_once(nlp):
    """Clozes of three facts from one sentence are judged on one parse of it, with the same verdicts as
    parsing it for each of them."""
    from factory import src

    from studyaid.questions.model import Question, question_id
    from studyaid.questions.stem_check import check_stems

    sentence = "Mara Lind said on Tuesday that 40 workers in Kelvale would lose their jobs."
    clozes = [Question(id=question_id(answer, "cloze"), kind="cloze", fact_type="quote", fact_id=answer, prompt=answer,
                       answer=answer, explanation="x", cloze=sentence.replace(answer, "{{c1::" + answer + "}}"),
                       hint=None, sources=[src(sentence)], score=0.8)
              for answer in ("Mara Lind", "40", "Kelvale")]

    class Recording:
        meta = nlp.meta

        def __init__(self):
            self.seen = []

        def pipe(self, texts, batch_size=64):
            texts = list(texts)
            self.seen += texts
            return nlp.pipe(texts, batch_size=batch_size)

    parser = Recording()
    kept, dropped = check_stems(clozes, parser)
    assert parser.seen == [sentence]
    one_by_one = [check_stems([q], nlp) for q in clozes]
    assert [q.id for q in kept] == [q.id for k, _ in one_by_one for q in k]
    assert [d.reason for d in dropped] == [d.reason for _, ds in one_by_one for d in ds]
