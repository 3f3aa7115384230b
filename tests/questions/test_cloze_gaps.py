"""Cloze gaps that pin one answer (issue 9, class 7): a trivial, quoted, repeated, given-away or split
gap is never asked. Each row is ``(sentence, fact fields, expected cloze or drop reason)``; the facts
are built by hand and the sentences written for these tests."""
from __future__ import annotations

import pytest
from factory import quantity, quote, ref, role, src

from studyaid.facts import DateFact, Place
from studyaid.questions.cloze import (CONVERSION, EVERYDAY_NUMBER, EVERYDAY_WORD, GIVEN_AWAY, NAME_SPLIT, NUMBER_IN_NAME,
                                      QUOTED_PHRASE, SCALE_ONLY, WRITTEN_TWICE, cloze_question)
from studyaid.questions.model import Dropped, Question


def number(sentence: str, text: str, value: float = 1.0):
    return quantity(value, text, "things", "thing", sentence)


def said(sentence: str, speaker: str, words: str, mention: str | None = None, **fields):
    return quote(speaker, words, sentence, mention=mention or speaker, **fields)


def job(sentence: str, name: str, mention: str | None = None):
    return role(name, "Prime Minister", "UK", sentence, mention=mention)


def at(sentence: str, name: str, kind: str = "city", country: str | None = None):
    return Place(place=ref(name, kind="place"), place_kind=kind, country=country, event="it happened",
                 event_head="happen", sources=[src(sentence)])


def when(sentence: str, written: str):
    from studyaid.facts import Clause

    return DateFact(date=written, iso=None, event="it happened", event_head="happen", sources=[src(sentence)],
                    clause=Clause(subject="it", verb="happened", lemma="happen", tag="VBD"))


def check(fact, expected: str) -> None:
    result = cloze_question(fact)
    if expected.startswith("{{") or "{{c1::" in expected:
        assert isinstance(result, Question), result
        assert result.cloze == expected
    else:
        assert isinstance(result, Dropped), result.cloze
        assert result.reason == expected and result.kind == "cloze"


# --- trivial gaps ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, text, expected", [
    ("The band could have sold a million tickets for the tour.", "million", SCALE_ONLY),
    ("Organisers expect a million visitors at the fair.", "a million", SCALE_ONLY),
    ("Several hundred fans waited outside the studio.", "hundred", SCALE_ONLY),
    ("One such device costs more than a family car.", "One", EVERYDAY_NUMBER),
    ("The two clubs have not met since the spring.", "two", EVERYDAY_NUMBER),
    ("The election could turn on a single vote.", "single", EVERYDAY_NUMBER),
    ("These two features make the phone easy to use.", "two", EVERYDAY_NUMBER),
    ("The club sold England's two stars in one summer.", "two", EVERYDAY_NUMBER),
    ("The band will play two shows in Dublin in June.", "two",
     "The band will play {{c1::two::number}} shows in Dublin in June."),
    ("The coach began with three defeats and two draws.", "two",
     "The coach began with three defeats and {{c1::two::number}} draws."),
    ("The store sells Humax's 26-inch television at a discount.", "26",
     "The store sells Humax's {{c1::26::number}}-inch television at a discount."),
    ("Wales hope to win the Six Nations again this year.", "Six", NUMBER_IN_NAME),
    ("She hosts a phone-in on BBC Radio Five Live every Sunday.", "Five", NUMBER_IN_NAME),
    ("The comedy duo starred in The Two Ronnies for sixteen years.", "Two", NUMBER_IN_NAME),
    ("The side will play in the Super 14 competition next season.", "14", NUMBER_IN_NAME),
    ("The actor earned 5.45m euros (\u00a33.77m) last year.", "\u00a33.77m", CONVERSION),
    ("The film took $17.1m (\u00a38.8m) at the box office.", "$17.1m", CONVERSION),
    ("The singer earned 885,000 euros (\u00a3611,000) in 2004.", "885,000", CONVERSION),
    ("Coach Henk Ten Cate said the complaint was silly.", "Ten", NUMBER_IN_NAME),
    ("The Four-Kings team will host the final.", "Four", NUMBER_IN_NAME),
    ("Five Britons reached the final in Paris.", "Five", NUMBER_IN_NAME),  # a capital before a capital: unclear
    # figures a student learns from the article are kept
    ("The film took $17.1m (about a third of its budget) at the box office.", "$17.1m",
     "The film took {{c1::$17.1m::amount}} (about a third of its budget) at the box office."),
    ("Five judges heard the appeal.", "Five", "{{c1::Five::number}} judges heard the appeal."),
    ("The gallery drew 4.2 million visitors last year.", "4.2 million",
     "The gallery drew {{c1::4.2 million::number}} visitors last year."),
    ("The singer has had seven hit singles since 2001.", "seven",
     "The singer has had {{c1::seven::number}} hit singles since 2001."),
    ("Seven judges heard the appeal in private.", "Seven", "{{c1::Seven::number}} judges heard the appeal in private."),
    ("In 2003 the studio hired 40 animators.", "40", "In 2003 the studio hired {{c1::40::number}} animators."),
    ("The tour ends in Lisbon after 24 concerts.", "24", "The tour ends in Lisbon after {{c1::24::number}} concerts."),
    ("Sales rose by three times the forecast, the firm said.", "three",
     "Sales rose by {{c1::three::number}} times the forecast, the firm said."),
])
def test_a_trivial_number_gap_is_dropped(sentence, text, expected):
    check(number(sentence, text), expected)


@pytest.mark.parametrize("fact, expected", [
    (when("The new stadium opens today after two years of work.", "today"), EVERYDAY_WORD),
    (job("Reporters met the prime minister in Leeds.", "Keir Starmer", mention="the prime minister"),
     EVERYDAY_WORD),
    (when("The new stadium opens in August 2007 after two years of work.", "August 2007"),
     "The new stadium opens in {{c1::August 2007::date}} after two years of work."),
])
def test_an_everyday_lowercase_word_is_no_gap(fact, expected):
    check(fact, expected)


# --- quoted phrases and repeated answers ---------------------------------------------------------------
@pytest.mark.parametrize("fact, expected", [
    (said("She called the award a \u201cwonderful surprise\u201d for the whole cast.", "Maria Lopez",
          "the award was a wonderful surprise for the whole cast", mention="She", mode="reported",
          partial_quotes=["wonderful surprise"]), QUOTED_PHRASE),
    (said("Maria Lopez called the award a \u201cwonderful surprise\u201d for the whole cast.", "Maria Lopez",
          "the award was a wonderful surprise for the whole cast", mode="reported",
          partial_quotes=["wonderful surprise"]),
     "{{c1::Maria Lopez::person}} called the award a \u201cwonderful surprise\u201d for the whole cast."),
    (number("The team lost three games and drew three more before the break.", "three"), WRITTEN_TWICE),
    (said("Lopez said the cast would tour, and Lopez added that tickets were cheap.", "Maria Lopez",
          "the cast would tour", mention="Lopez", mode="reported"), WRITTEN_TWICE),
    (said("Maria Lopez said the cast would tour, and Lopez added that tickets were cheap.", "Maria Lopez",
          "the cast would tour", mode="reported"), WRITTEN_TWICE),  # the same name in another form
])
def test_a_quoted_phrase_or_an_answer_written_twice_is_dropped(fact, expected):
    check(fact, expected)


# --- answers given away by the sentence ---------------------------------------------------------------------
@pytest.mark.parametrize("fact, expected", [
    (at("Cuban citizens will be free to travel abroad from Cuba next year.", "Cuba", "country", "CU"), GIVEN_AWAY),
    (at("Fans of the Spanish league say football in Spain has never been better.", "Spain", "country", "ES"),
     GIVEN_AWAY),
    (at("British shoppers spent more online in the UK than ever before.", "UK", "country", "GB"), GIVEN_AWAY),
    (at("Scottish bands played at a festival in Scotland in May.", "Scotland", "region", "GB"), GIVEN_AWAY),
    (at("American tourists flocked to the US capital for the parade.", "US", "country", "US"), GIVEN_AWAY),
    (at("Shoppers in the US spent more online than ever before.", "US", "country", "US"),
     "Shoppers in the {{c1::US::country}} spent more online than ever before."),
    # an adjective of another country, or of the country of a city, gives nothing away
    (at("Cuban cigars are sold in Madrid at high prices.", "Madrid", "city", "ES"),
     "Cuban cigars are sold in {{c1::Madrid::city}} at high prices."),
    (at("Spanish fans travelled to Portugal for the final.", "Portugal", "country", "PT"),
     "Spanish fans travelled to {{c1::Portugal::country}} for the final."),
    (at("Let us meet in Kenya next spring.", "Kenya", "country", "KE"),
     "Let us meet in {{c1::Kenya::country}} next spring."),  # "us" the pronoun is not the US
])
def test_an_answer_given_away_by_its_adjective_is_dropped(fact, expected):
    check(fact, expected)


# --- names split by the gap -----------------------------------------------------------------------------
@pytest.mark.parametrize("fact, expected, answer", [
    (said("Mayor Bill de Blasio said the city was ready for the storm.", "Blasio",
          "the city was ready for the storm", mode="reported"),
     "Mayor {{c1::Bill de Blasio::person}} said the city was ready for the storm.", "Bill de Blasio"),
    (said("Jean-Claude Juncker said talks would resume in the spring.", "Juncker",
          "talks would resume in the spring", mode="reported"),
     "{{c1::Jean-Claude Juncker::person}} said talks would resume in the spring.", "Jean-Claude Juncker"),
    (said("Striker Ruud van Nistelrooy said the team had been unlucky.", "Ruud",
          "the team had been unlucky", mode="reported"),
     "Striker {{c1::Ruud van Nistelrooy::person}} said the team had been unlucky.", "Ruud van Nistelrooy"),
    (said("Assistant coach Henk Ten Cate said the complaint was silly.", "Henk",
          "the complaint was silly", mode="reported"),
     "Assistant coach {{c1::Henk Ten Cate::person}} said the complaint was silly.", "Henk Ten Cate"),
    (said("Chelsea's Frank Lampard said the squad was tired.", "Lampard", "the squad was tired",
          mode="reported"),
     "Chelsea's {{c1::Frank Lampard::person}} said the squad was tired.", "Frank Lampard"),
    (said("The Lopez-Garcia feud flared again when Garcia said the film was dull.", "Lopez",
          "the film was dull", mode="reported"), NAME_SPLIT, None),
    # titles, honorifics, possessives and sentence words are not part of the name
    (job("Home Secretary Keir Starmer spoke to reporters in Leeds.", "Keir Starmer"),
     "Home Secretary {{c1::Keir Starmer::person}} spoke to reporters in Leeds.", "Keir Starmer"),
    (said("But Wenger said the club would appeal.", "Wenger", "the club would appeal", mode="reported"),
     "But {{c1::Wenger::person}} said the club would appeal.", "Wenger"),
    (said("Mr Hogan said spam had fallen sharply.", "Hogan", "spam had fallen sharply", mode="reported"),
     "Mr {{c1::Hogan::person}} said spam had fallen sharply.", "Hogan"),
    (said("Meanwhile Anna Berg said the show would go on.", "Anna Berg", "the show would go on", mode="reported"),
     "Meanwhile {{c1::Anna Berg::person}} said the show would go on.", "Anna Berg"),
    (said("Arsenal boss Arsene Wenger said on Monday that his side had been unlucky.", "Arsene Wenger",
          "his side had been unlucky", mode="reported"),
     "Arsenal boss {{c1::Arsene Wenger::person}} said on Monday that his side had been unlucky.", "Arsene Wenger"),
])
def test_a_persons_gap_covers_the_whole_name(fact, expected, answer):
    check(fact, expected)
    if answer is not None:
        q = cloze_question(fact)
        assert q.answer == answer
        named = fact.speaker.name if hasattr(fact, "speaker") else fact.person.name
        if answer != named and named in answer:
            assert named in q.accepted  # the part the article named is still a right answer


@pytest.mark.parametrize("fact, expected", [
    (at("Real Madrid beat the champions on Sunday.", "Madrid", "city", "ES"), NAME_SPLIT),
    (at("The final was played at the Paris Saint-Germain stadium.", "Paris", "city", "FR"), NAME_SPLIT),
    (at("She presents a late show on BBC Radio Scotland.", "Scotland", "region", "GB"), NAME_SPLIT),
    (at("The Austria-Hungary exhibition opened in the spring.", "Austria", "country", "AT"), NAME_SPLIT),
    (at("Leaders met in Madrid on Thursday.", "Madrid", "city", "ES"),
     "Leaders met in {{c1::Madrid::city}} on Thursday."),
    (at("UK Prime Minister Keir Starmer spoke to reporters.", "UK", "country", "GB"),
     "{{c1::UK::country}} Prime Minister Keir Starmer spoke to reporters."),
    (at("The Madrid-based studio hired 40 animators.", "Madrid", "city", "ES"),
     "The {{c1::Madrid::city}}-based studio hired 40 animators."),
    (at("Milan's opera house reopened in 2004.", "Milan", "city", "IT"),
     "{{c1::Milan::city}}'s opera house reopened in 2004."),
])
def test_a_place_inside_a_longer_name_is_no_gap(fact, expected):
    check(fact, expected)


def test_a_later_source_sentence_is_used_when_the_first_gap_is_unpinned():
    first = "Real Madrid beat the champions on Sunday."
    second = "The champions lost in Madrid on Sunday."
    fact = at(first, "Madrid", "city", "ES").model_copy(update={"sources": [src(first), src(second, "b.txt")]})
    q = cloze_question(fact)
    assert isinstance(q, Question) and q.sources[0].sentence == second
    assert q.cloze == "The champions lost in {{c1::Madrid::city}} on Sunday."


# --- one item of a list ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fact, expected", [
    (at("Kelvale lost to Norway, Sweden and Denmark this year.", "Sweden", "country"), "ONE_OF_A_LIST"),
    (at("Kelvale lost to Norway, Sweden and Denmark this year.", "Norway", "country"), "ONE_OF_A_LIST"),
    (at("Kelvale lost to Norway and Denmark this year.", "Denmark", "country"), "ONE_OF_A_LIST"),
    (said("Arlen Pike and Mara Lind said the vote was fair.", "Mara Lind", "the vote was fair", mode="reported"),
     "ONE_OF_A_LIST"),
    (at("The Kelvale side lost to Norway in the final.", "Norway", "country"),
     "The Kelvale side lost to {{c1::Norway::country}} in the final."),
])
def test_a_gap_that_is_one_item_of_a_list_is_not_asked(fact, expected):
    from studyaid.questions.cloze import ONE_OF_A_LIST

    check(fact, ONE_OF_A_LIST if expected == "ONE_OF_A_LIST" else expected)


def test_ages_and_bare_sources_are_not_asked():
    from studyaid.questions.cloze import AGE, SOURCE_ONLY

    age = quantity(35, "35", "years old", "year", "The 35-year-old won the Kelvale race.", phrase="35-year-old")
    check(age, AGE)
    source = quote("Kelvale Research", "sales rose by 40% this year", "Sales rose by 40% this year, according to "
                   "Kelvale Research.", mode="reported", cue="according to", cue_text="according to")
    source = source.model_copy(update={"speaker": source.speaker.model_copy(update={"kind": "org"})})
    check(source, SOURCE_ONLY)
    duration = quantity(3, "three", "years", "year", "Arlen Pike signed a three-year deal with Kelvale.",
                        phrase="three-year deal")
    assert isinstance(cloze_question(duration), Question)


@pytest.mark.parametrize("fact, expected", [
    (job("French President Anne Marot spoke to reporters in Lyon.", "Anne Marot"), "GENERAL"),
    (said("Kelvale Prime Minister, Tom Rees, said the vote was fair and open.", "Tom Rees", "the vote was fair and open",
          mode="reported"), "GENERAL"),
    (job("Kelvale coach Tom Rees spoke to reporters in Lyon.", "Tom Rees"),
     "Kelvale coach {{c1::Tom Rees::person}} spoke to reporters in Lyon."),
])
def test_a_head_of_state_named_by_title_is_general_knowledge(fact, expected):
    from studyaid.questions.cloze import GENERAL_KNOWLEDGE

    check(fact, GENERAL_KNOWLEDGE if expected == "GENERAL" else expected)


@pytest.mark.parametrize("written, hint", [("$17.1m", "amount"), ("\u00a3500,000", "amount"), ("40%", "percentage"),
                                           ("12 per cent", "percentage"), ("3,000", "number"), ("five", "number"),
                                           ("a quarter", "fraction"), ("two-thirds", "fraction"), ("Half", "fraction")])
def test_a_number_gap_says_what_kind_of_number(written, hint):
    from studyaid.questions.cloze import number_hint

    assert number_hint(written) == hint


def test_a_place_glued_onto_a_name_by_ner_is_not_hidden_with_it():
    from studyaid.questions.cloze import _names

    assert "Lisbon Rees" not in _names(ref("Tom Rees", "Lisbon Rees"))  # "in Lisbon Rees also said ..."
    assert "Tom Rees" in _names(ref("Tom Rees", "Tom Rees"))
    assert "the prime minister" in _names(ref("Tom Rees", "the prime minister"))


def test_groups_compound_figures_dateless_events_and_places_given_by_their_parts_are_not_asked():
    from studyaid.facts import Clause
    from studyaid.questions.cloze import COMPOUND, NO_EVENT, UNPINNED_GROUP

    group = said("Kelvale critics said the film was too long.", "Kelvale critics", "the film was too long",
                 mode="reported")
    check(group.model_copy(update={"speaker": group.speaker.model_copy(update={"kind": "group"})}), UNPINNED_GROUP)
    check(quantity(1365, "22 minutes 45 seconds", "seconds", "second", "Mara Lind ran 22 minutes 45 seconds in Kelvale."),
          COMPOUND)
    bare = DateFact(date="1987", iso="1987", event="the show ran", event_head="run",
                    sources=[src("The Kelvale show ran from 1971 to 1987.")])
    check(bare, NO_EVENT)
    dated = bare.model_copy(update={"clause": Clause(subject="The Kelvale show", verb="ended", lemma="end", tag="VBD")})
    assert isinstance(cloze_question(dated), Question)
    check(at("Aid will go to Africa, in countries such as Ethiopia and Kenya.", "Africa", "continent"), GIVEN_AWAY)
    check(at("The Kelvale tour ends in Lisbon, the capital.", "Lisbon", "city", "PT"),
          "The Kelvale tour ends in {{c1::Lisbon::city}}, the capital.")


def test_a_place_just_before_a_name_is_not_taken_into_the_gap():
    fact = said("At the forum in Lisbon Rees also dismissed the idea of a new bridge.", "Tom Rees",
                "the idea of a new bridge", mention="Rees", mode="reported")
    check(fact, "At the forum in Lisbon {{c1::Rees::person}} also dismissed the idea of a new bridge.")
    first_name_a_place = said("Jordan Rees said the idea of a new bridge was sound.", "Jordan Rees",
                              "the idea of a new bridge was sound", mention="Rees", mode="reported")
    check(first_name_a_place, "{{c1::Jordan Rees::person}} said the idea of a new bridge was sound.")
