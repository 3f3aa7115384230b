"""English for questions: past tenses, do-support and inversion, trimmed quotations."""
from __future__ import annotations

import pytest
from factory import clause

from studyaid.facts import Clause
from studyaid.questions.phrasing import MAX_QUOTE_WORDS, ask, past_tense, quoted, trim_quote


@pytest.mark.parametrize("lemma, past", [
    ("say", "said"), ("tell", "told"), ("stress", "stressed"), ("emphasize", "emphasized"), ("stop", "stopped"),
    ("try", "tried"), ("warn", "warned"), ("note", "noted"), ("add", "added"), ("insist", "insisted"),
    ("plan", "planned"), ("deny", "denied"), ("stay", "stayed"), ("agree", "agreed"), ("write", "wrote"),
    ("Say", "said"),
    # not one-syllable consonant-vowel-consonant: no doubled consonant
    ("open", "opened"), ("visit", "visited"), ("edit", "edited"), ("offer", "offered"), ("limit", "limited"),
    ("sound", "sounded"), ("vow", "vowed"), ("fix", "fixed"),
    # stress on the last syllable: doubled
    ("admit", "admitted"), ("commit", "committed"), ("regret", "regretted"), ("prefer", "preferred"),
    ("refer", "referred"),
    # irregular speech and news verbs
    ("speak", "spoke"), ("swear", "swore"), ("hear", "heard"), ("forecast", "forecast"), ("seek", "sought"),
    ("pay", "paid"), ("win", "won"), ("lose", "lost"), ("quit", "quit"), ("build", "built"),
])
def test_past_tense(lemma, past):
    assert past_tense(lemma) == past


@pytest.mark.parametrize("wh, parts, expected", [
    # object answers: do-support with the tense of the verb
    ("How many drones", dict(subject="Ukraine's air force", verb="reported", lemma="report", between="intercepting"),
     "How many drones did Ukraine's air force report intercepting?"),
    ("In which city", dict(subject="European leaders", verb="met", lemma="meet"),
     "In which city did European leaders meet?"),
    ("How many troops", dict(subject="Britain", verb="sends", lemma="send", tag="VBZ", after="each year"),
     "How many troops does Britain send each year?"),
    ("How many drones", dict(subject="The allies", verb="send", lemma="send", tag="VBP"),
     "How many drones do the allies send?"),
    # an auxiliary is inverted; a leading article is lower-cased, a name never
    ("How many troops", dict(subject="The allies", aux="had", verb="pledged", lemma="pledge", tag="VBN",
                             after="to send"),
     "How many troops had the allies pledged to send?"),
    ("When", dict(subject="The force", aux="will be", verb="deployed", lemma="deploy", tag="VBN"),
     "When will the force be deployed?"),
    ("When", dict(subject="Ukraine's allies", aux="will", verb="stop", lemma="stop", tag="VB",
                  between="imports of Russian gas"),
     "When will Ukraine's allies stop imports of Russian gas?"),
    # "be" inverts itself
    ("In which city", dict(subject="The summit", verb="was", lemma="be"), "In which city was the summit?"),
    # subject answers keep the verb as written, auxiliary and all
    ("How many of Ukraine's allies", dict(subject="26 of Ukraine's allies", aux="had", verb="pledged",
                                          lemma="pledge", tag="VBN", after="to send troops", answer_role="subject"),
     "How many of Ukraine's allies had pledged to send troops?"),
    ("How many people", dict(subject="three people", verb="died", lemma="die", after="in the attack",
                             answer_role="subject"),
     "How many people died in the attack?"),
    # punctuation is attached, not spaced
    ("When", dict(subject="Peskov", verb="told", lemma="tell", after="Interfax , a news agency"),
     "When did Peskov tell Interfax, a news agency?"),
])
def test_ask(wh, parts, expected):
    assert ask(wh, clause(**{"tag": "VBD", **parts})) == expected


@pytest.mark.parametrize("wh, parts", [
    ("When", dict(subject="Ukraine's air force", verb="intercepting", lemma="intercept", tag="VBG")),
    ("When", dict(subject="Ukraine's air force", verb="intercepted", lemma="intercept", tag="VBN")),  # no aux
    ("When", dict(subject="Ukraine's air force", verb="intercept", lemma="intercept", tag="VB")),
])
def test_ask_refuses_a_verb_without_tense(wh, parts):
    assert ask(wh, clause(**parts)) is None


@pytest.mark.parametrize("subject, expected", [
    ("He", "How many drones did he report?"),
    ("They", "How many drones did they report?"),
    ("The Kremlin", "How many drones did the Kremlin report?"),
    ("Kyiv", "How many drones did Kyiv report?"),
    ("Ukraine's air force", "How many drones did Ukraine's air force report?"),
    ("One of the scouts", "How many drones did one of the scouts report?"),
    ("Two officers", "How many drones did two officers report?"),
    ("One Direction", "How many drones did One Direction report?"),  # a name: its capital stays
])
def test_ask_lower_cases_only_function_words(subject, expected):
    assert ask("How many drones", clause(subject, "reported", "report")) == expected


LONG = ("We are ready to send troops to Ukraine as soon as a ceasefire is agreed, and we will stay there as long as "
        "it takes to make sure that Russia does not attack again, whatever the Kremlin says about it today")


def test_trim_quote_keeps_a_short_quote_whole():
    text = "Why are we interested in what Russia thinks about troops in Ukraine?"
    assert trim_quote(text) == text
    assert trim_quote("  Russia   has nothing\nto do with this ") == "Russia has nothing to do with this"


def test_trim_quote_cuts_at_a_clause_boundary_with_an_ellipsis():
    trimmed = trim_quote(LONG)
    assert trimmed == "We are ready to send troops to Ukraine as soon as a ceasefire is agreed \u2026"
    assert len(trimmed.split()) <= MAX_QUOTE_WORDS + 1


@pytest.mark.parametrize("max_words", [5, 8, 12, 17, 20, 28])
def test_trim_quote_never_cuts_mid_word(max_words):
    trimmed = trim_quote(LONG, max_words=max_words)
    assert trimmed.endswith(" \u2026")
    body = trimmed[:-2]
    assert LONG.startswith(body)
    assert LONG[len(body)] in " ,"  # the cut falls between words
    assert len(body.split()) <= max_words
    assert not body.endswith((",", ";", ":", "-", " "))


def test_trim_quote_without_a_boundary_cuts_between_words():
    text = " ".join(f"word{i}" for i in range(40))
    assert trim_quote(text) == " ".join(f"word{i}" for i in range(MAX_QUOTE_WORDS)) + " \u2026"


def test_trim_quote_ignores_a_boundary_too_near_the_start():
    text = "No, " + " ".join(f"word{i}" for i in range(40))
    assert trim_quote(text).startswith("No, word0 word1")


@pytest.mark.parametrize("text", ["Russia has nothing to do with this", "\u201cRussia has nothing to do with this\u201d",
                                  '"Russia has nothing to do with this"'])
def test_quoted_uses_one_pair_of_curly_quotes(text):
    assert quoted(text) == "\u201cRussia has nothing to do with this\u201d"


@pytest.mark.parametrize("subject, common, expected", [
    ("Leaders of the coalition", True, "When did leaders of the coalition meet?"),  # capital only at sentence start
    ("Ukraine's leaders", False, "When did Ukraine's leaders meet?"),  # a name stays as written
])
def test_sentence_initial_common_subject_is_lowered(subject, common, expected):
    clause = Clause(subject=subject, verb="met", lemma="meet", tag="VBD", subject_common=common)
    assert ask("When", clause) == expected


def test_clause_marks_a_sentence_initial_common_subject(parse):
    from studyaid.extract.dates import extract_dates

    document, doc = parse("Leaders met in Paris on September 4 to discuss the plan.")
    (fact,) = [f for f in extract_dates(doc, document)]
    assert fact.clause is not None and fact.clause.subject_common
    assert ask("When", fact.clause).startswith("When did leaders meet")


def test_a_date_question_asks_in_the_simple_past_not_the_present_perfect():
    from studyaid.facts import Clause
    from studyaid.questions.phrasing import ask

    clause = Clause(subject="Mara Lind", aux="has", verb="won", lemma="win", tag="VBN", between="the Kelvale prize")
    assert ask("When", clause) == "When did Mara Lind win the Kelvale prize?"
    assert ask("How many times", clause) == "How many times has Mara Lind won the Kelvale prize?"


def test_a_day_or_month_does_not_name_a_subject():
    from studyaid.facts import Clause
    from studyaid.questions.phrasing import names_its_subject

    assert not names_its_subject(Clause(subject="Sunday's indoor meeting", verb="took", lemma="take", tag="VBD"))
    assert names_its_subject(Clause(subject="the Kelvale indoor meeting", verb="took", lemma="take", tag="VBD"))
