"""The defect classes of blind rating round 10, each a general rule in the question stage, tested on
hand-built facts and sentences written for these tests: stems that point at context they lack, clauses
cut out of longer ones, a quotation worded otherwise in its article, a date that is a story's setting,
a number gap the sentence counts for the student, a line of a quote read as narration, a character
offered as a person."""
from __future__ import annotations

import random

import pytest
from factory import DOC, clause, corpus, date, person, quantity, quote, src

from studyaid.facts import FactSet
from studyaid.questions.cloze import COUNTED, cloze_question
from studyaid.questions.context import CorpusContext
from studyaid.questions.counting import listed_items
from studyaid.questions.distractors import pick, well_formed
from studyaid.questions.mcq import BUILDERS, sources_quoting
from studyaid.questions.model import Dropped, Question
from studyaid.questions.phrasing import ask
from studyaid.questions.stems import DANGLING, cloze_problem, stem_problem

UNNAMED = "refers to something the question does not name"
FIRST_PERSON = "first or second person outside a quote"


@pytest.mark.parametrize("text, problem", [
    # "such" and a bare "the" + noun in the reported clause point back at the article
    ("Who confirmed that a deal is in place for thousands of such troops in Kelvale?", DANGLING),
    ("Who said that such a plan would never pass the Kelvale council?", DANGLING),
    ("Who said that troops from countries such as Norway would go to Kelvale?", None),
    ("Who said that the men were killed while repairing a road near Kelvale?", UNNAMED),
    ("Who stressed that Norwegian support is essential to make the scheme credible?", UNNAMED),
    ("Who said that the covers would come off if the rain stopped in Kelvale?", UNNAMED),
    ("Who said that the Kelvale men were killed while repairing a road?", None),
    ("Who said that the world would watch the Kelvale final?", None),
    ("Who said that Norway would respect any treaty to end the war?", None),  # an object: the clause names Norway
    ("Who said that the club's new stadium in Kelvale would open in May?", None),
    # a clause cut out of a longer one
    ("Who added that he has a good relationship with Mara Lind and expressing hope for the Kelvale talks?",
     "broken clause"),
    ("Who added that he has a good relationship with Mara Lind and hopes for progress in Kelvale?", None),
    ("When do Arlen Pike's team-mate Mara Lind win a Kelvale award?", "subject and verb disagree"),
    ("When does the Kelvale squad fly to Oslo?", None),
    ("When do England face Norway in the Kelvale Cup?", None),  # a team may take a plural verb
    ("When does Mara Lind play in the Kelvale Cup?", None),
    # a nationality alone names no event: which attack, which meeting?
    ("At least how many people did Norwegian drones kill?", "does not name what it asks about"),
    ("In which city did European leaders meet?", "does not name what it asks about"),
    ("At least how many people did Norwegian drones kill in Kelvale on Monday?", None),
    ("In which city did European leaders meet Arlen Pike?", None),
    # named by what it is a part of
    ("In which country did the portable version of the Kelvale console go on sale?", None),
    ("In which country did the new version go on sale?", "does not name what it asks about"),
])
def test_stems_that_need_context_or_were_cut_badly(nlp, text, problem):
    assert stem_problem(nlp(text)) == problem


@pytest.mark.parametrize("sentence, problem", [
    ("We've got a hard game against Norway at the Kelvale ground.", FIRST_PERSON),
    ("I would be happy with any fee over \u00a335m for the Kelvale striker.", FIRST_PERSON),
    ("In Norway you have a good saying about the sea.", FIRST_PERSON),
    ("\u201cWe've got a hard game against Norway,\u201d said Kelvale coach Arlen Pike.", None),
    ("In 1985 the Kelvale choir recorded the charity single We Are The World in Oslo.", None),
    ("The Kelvale choir sang Take Us Home at the final in Oslo.", None),
    ("The US sent 40 engineers to the Kelvale plant in May.", None),
    # a subject named only inside its relative clause is still unnamed: which lock, which band?
    ("The veteran lock, who turns 36 in February, said it was time to retire.", "does not name what it is about"),
    ("The band, which also includes Tom Rees, made the top ten in 2003.", "does not name what it is about"),
    ("The Kelvale band, which formed in 1999, made the top ten in 2003.", None),
])
def test_a_line_of_a_quote_is_not_narration(nlp, sentence, problem):
    assert cloze_problem(nlp(sentence)) == problem


@pytest.mark.parametrize("text, sizes", [
    ("Mara Lind has starred _____ times in Oslo, in Winter Light (1994), The Harbour (1997), "
     "Salt (1998) and Arlen Pike's North Road (2003).", [4]),
    ("The band played _____ dates, in Leeds, York and Hull.", [3]),
    ("Arlen Pike, who kicked _____ penalties, a drop goal and a conversion, was pleased.", []),  # the gap's own list
    ("_____ boys share the role, which requires them to sing, dance and act.", []),  # not names: not a tally
    ("The club signed _____ players in May and June.", []),
    ("Kelvale won _____ titles, beating Oslo and Bergen.", []),  # two items: too often one thing
])
def test_lists_a_student_could_count(text, sizes):
    assert listed_items(text) == sizes


@pytest.mark.parametrize("sentence, text, value, expected", [
    ("Mara Lind has starred four times at the Oslo festival, with Winter Light, The Harbour, Salt and North Road.",
     "four", 4, COUNTED),
    ("Mara Lind has starred five times at the Oslo festival, with Winter Light, The Harbour, Salt and North Road.",
     "five", 5, "Mara Lind has starred {{c1::five::number}} times at the Oslo festival, with Winter Light, "
                "The Harbour, Salt and North Road."),
    ("Arlen Pike kicked three penalties, a drop goal and a conversion in Oslo.", "three", 3,
     "Arlen Pike kicked {{c1::three::number}} penalties, a drop goal and a conversion in Oslo."),
])
def test_a_number_gap_the_sentence_counts_is_not_asked(sentence, text, value, expected):
    result = cloze_question(quantity(value, text, "times", "time", sentence))
    if expected == COUNTED:
        assert isinstance(result, Dropped) and result.reason == COUNTED
    else:
        assert isinstance(result, Question) and result.cloze == expected


def _build(fact, ctx):
    return BUILDERS[fact.type](fact, ctx, random.Random(fact.canonical_key()))


def test_a_quotation_is_asked_as_its_first_source_words_it():
    words = "If any ships come near, we will treat them as targets for our navy"
    other = src("\u201cIf any ships come near while we are at sea, we will treat them as targets,\u201d he said.",
                document="seeds/other.txt")
    same = src(f"\u201c{words},\u201d Putin said in Oslo.")
    fact = quote("Vladimir Putin", words, sources=[other, same])
    q = _build(fact, CorpusContext(corpus()))
    assert isinstance(q, Question) and q.sources[0] == same and q.sources[1] == other
    alone = quote("Vladimir Putin", words, sources=[other])
    dropped = _build(alone, CorpusContext(corpus()))
    assert isinstance(dropped, Dropped) and dropped.reason == "quote worded otherwise in its sources"


@pytest.mark.parametrize("text, sentence, found", [
    ("It has been a long season and maybe Kelvale have more talent",
     "\u201cIt has been a long season,\u201d he said, \u201cand maybe Kelvale have more talent", True),
    ("the plan is about stability and security", "Macron said the plan is about stability and security.", True),
    ("the plan is about stability", "Macron said the plan was about stability.", False),
])
def test_quoted_words_are_found_around_the_cue(text, sentence, found):
    assert bool(sources_quoting(text, [src(sentence)])) == found


@pytest.mark.parametrize("tag, written, dropped", [
    ("VBZ", "1949", True),   # "Arlen Pike plays a teacher at a school in 1949": the film's setting
    ("VBD", "1949", False),  # "Arlen Pike played Hamlet in Oslo in 1949"
    ("VBZ", "10 February", False),  # "The tour starts on 10 February": a schedule
])
def test_a_year_with_a_present_tense_is_a_setting(tag, written, dropped):
    verb, lemma = ("plays", "play") if tag == "VBZ" else ("played", "play")
    fact = date(written, "1949" if written == "1949" else "--02-10", "Arlen Pike plays a teacher", "play",
                f"Arlen Pike {verb} a teacher in Oslo in {written}.",
                clause=clause("Arlen Pike", verb, lemma, tag, between="a teacher in Oslo"))
    result = _build(fact, CorpusContext(corpus()))
    assert isinstance(result, Dropped) == dropped
    if dropped:
        assert result.reason == "a year with a present tense: a setting"


@pytest.mark.parametrize("wh, parts, expected", [
    ("In which country", dict(subject="Conductor Arlen Pike", aux="has", verb="died", lemma="die", tag="VBN",
                              after="at 50"), "In which country did conductor Arlen Pike die at 50?"),
    ("In which city", dict(subject="President Mara Lind", verb="met", lemma="meet"),
     "In which city did President Mara Lind meet?"),  # a formal title keeps its capital
    ("How many goals", dict(subject="Striker Arlen Pike", aux="has", verb="scored", lemma="score", tag="VBN"),
     "How many goals has striker Arlen Pike scored?"),  # "how many" keeps the perfect
])
def test_questions_read_as_plain_english(wh, parts, expected):
    assert ask(wh, clause(**{"tag": "VBD", **parts})) == expected


def test_a_name_only_ever_written_with_an_honorific_is_no_person():
    """"Mrs Wilkinson", a character in a play, speaks in its review: never an option nor an answer."""
    character = person("Mrs Wilkinson", aliases=["Mrs Wilkinson", "Wilkinson"])
    real = person("Tim Healy", aliases=["Tim Healy", "Mr Healy", "Healy"])
    facts = FactSet(documents=[DOC], entities=[character, real], facts=[])
    ctx = CorpusContext(facts)
    assert not ctx.is_person(character.id)
    assert ctx.is_person(real.id)


@pytest.mark.parametrize("option, ok", [
    ("Arlen Pike", True), ("Mara O'Neill", True), ("Kelvale (Norway)", True), ("St. Ives", True),
    ("Arlen Pike's", False), ("Mara O'Neill'", False), ("Arlen Pike\u2019s", False), ("\u201cKelvale", False),
    ("Kelvale (Norway", False), ("Mara Lind,", False), ('"Kelvale', False),
])
def test_a_malformed_name_is_never_an_option(option, ok):
    assert well_formed(option) == ok
    chosen = pick("Tom Rees", [option, "Ada Moss", "Ian Holt", "Eve Dunn"], 4)
    assert (option in chosen) == ok


NO_CONTEXT = "quotation without its context"


@pytest.mark.parametrize("text, problem", [
    ("Who said: \u201cI rushed a few forehands in Kelvale and he took his chance\u201d", NO_CONTEXT),
    ("Who said: \u201cBeing left-handed, he was very quick around the Kelvale court\u201d", NO_CONTEXT),
    ("Who said: \u201cThe fans in Kelvale love him because he works hard\u201d", NO_CONTEXT),
    ("Who said: \u201cBut everyone in Kelvale is beatable and I want a great match\u201d", NO_CONTEXT),
    ("Who said: \u201cSo you should ask yourselves what you did for Kelvale\u201d", NO_CONTEXT),
    ("Who said: \u201cI spoke to Arlen Pike and he understands the situation in Kelvale\u201d", None),
    ("Who said: \u201cI started well in Kelvale and finished well, but lost the middle games\u201d", None),
    ("Who said: \u201cWe played badly, but the Kelvale fans stayed with us to the end\u201d", None),
])
def test_a_quotation_that_points_outside_itself(nlp, text, problem):
    assert stem_problem(nlp(text)) == problem


@pytest.mark.parametrize("sentence, words, dropped", [
    ("\u201cIt was really frustrating,\u201d Pike said.", "It was really frustrating", True),
    ("Mara Lind later accused Arlen Pike of \u201ccheating\u201d and was fined by the Kelvale league.", "cheating",
     False),
    ("\u201cIt was really frustrating to lose to Kelvale in the final,\u201d Pike said.",
     "It was really frustrating to lose to Kelvale in the final", False),
])
def test_a_short_quote_alone_in_its_sentence_is_no_cloze(sentence, words, dropped):
    result = cloze_question(quote("Arlen Pike", words, sentence, mention="Pike" if "Pike said" in sentence else "Arlen Pike"))
    assert isinstance(result, Dropped) == dropped, result
    if dropped:
        assert result.reason == "quote too short to tell who said it"


@pytest.mark.parametrize("sentence, dropped", [
    ("Kelvale took another step towards their first title since 1948 on Sunday.", True),
    ("Kelvale won their first title in 1948 after a long season.", False),
])
def test_a_year_things_are_counted_since_is_no_when_question(sentence, dropped):
    fact = date("1948", "1948", "Kelvale took another step", "take", sentence,
                clause=clause("Kelvale", "took", "take", "VBD", between="another step"))
    result = _build(fact, CorpusContext(corpus()))
    assert isinstance(result, Dropped) == dropped
    if dropped:
        assert result.reason == "a date things are counted since"


def test_a_seeded_list_item_is_one_of_a_list():
    from factory import place_entity  # noqa: F401  (the cast's places)
    from studyaid.facts import Place
    from factory import ref
    from studyaid.questions.cloze import ONE_OF_A_LIST

    for sentence, expected in [("France (3), Russia (6), Ukraine, Norway.", ONE_OF_A_LIST),
                               ("France beat Norway in the final in Oslo.", None)]:
        fact = Place(place=ref("France", kind="place"), place_kind="country", country="FR", event="it happened",
                     event_head="happen", sources=[src(sentence)])
        result = cloze_question(fact)
        if expected:
            assert isinstance(result, Dropped) and result.reason == expected
        else:
            assert isinstance(result, Question)


@pytest.mark.parametrize("sentence, text, value, expected", [
    ("Pike kicked another penalty on 70 minutes to keep Kelvale ahead.", "70", 70, "the minute of a moment in a match: trivia"),
    ("Lind scored her second try after 51 minutes in Oslo.", "51", 51, "the minute of a moment in a match: trivia"),
    ("Kelvale played the last 20 minutes with 14 men.", "20", 20,
     "Kelvale played the last {{c1::20::number}} minutes with 14 men."),
])
def test_the_minute_of_a_match_moment_is_trivia(sentence, text, value, expected):
    result = cloze_question(quantity(value, text, "minutes", "minute", sentence))
    if expected.startswith("the minute"):
        assert isinstance(result, Dropped) and result.reason == expected
    else:
        assert isinstance(result, Question) and result.cloze == expected


@pytest.mark.parametrize("sentence, name, given_away", [
    ("The Kelvale Rugby Union (KRU) said on Monday the match would go ahead.", "Kelvale Rugby Union", True),
    ("The Kelvale Rugby Union (Norway) said on Monday the match would go ahead.", "Kelvale Rugby Union", False),
])
def test_initials_beside_the_gap_give_it_away(sentence, name, given_away):
    from studyaid.questions.cloze import GIVEN_AWAY

    fact = quote(name, "the match would go ahead", sentence, mode="reported", mention=name)
    fact = fact.model_copy(update={"speaker": fact.speaker.model_copy(update={"kind": "org", "id": "org:kru"})})
    result = cloze_question(fact)
    assert (isinstance(result, Dropped) and result.reason == GIVEN_AWAY) == given_away, result


@pytest.mark.parametrize("sentence, dropped", [
    ("\u201cThis game is so good I will never finish it,\u201d wrote Tom Rees, from Leeds.", True),
    ("\u201cThis game is so good I will never finish it,\u201d wrote Tom Rees, in New Mexico.", True),
    ("\u201cThis game is so good I will never finish it,\u201d said Tom Rees, the Kelvale Games chief.", False),
    ("\u201cThis game is so good I will never finish it,\u201d Tom Rees said in Leeds on Monday.", False),
])
def test_a_reader_known_by_where_they_live_is_no_speaker_to_learn(sentence, dropped):
    from studyaid.questions.worth import PASSER_BY

    result = cloze_question(quote("Tom Rees", "This game is so good I will never finish it", sentence,
                                  mention="Tom Rees"))
    assert (isinstance(result, Dropped) and result.reason == PASSER_BY) == dropped, result
