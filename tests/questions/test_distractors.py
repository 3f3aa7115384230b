"""Wrong options: of the answer's kind, written like it, never a second right answer or an alias."""
from __future__ import annotations

import random
import re

import pytest
from factory import PLACES, corpus, factset, putin_warning, quote, rutte_quote

from studyaid.extract.numbers import parse_number
from studyaid.gazetteer import GazetteerEntry
from studyaid.questions import distractors as d
from studyaid.questions.context import CorpusContext
from studyaid.questions.mcq import quote_mcq


# aliases, exclusions, prompts ------------------------------------------------------------------------
@pytest.mark.parametrize("a, b, alias", [
    ("Putin", "Vladimir Putin", True),
    ("Vladimir Putin", "putin", True),
    ("Paris", "Paris, France", True),
    ("the Kremlin", "Kremlin", True),
    ("Volodymyr Zelenskyy", "Vladimir Putin", False),
    ("Donald Trump", "Donald Tusk", False),
    ("", "Putin", False),
])
def test_is_alias(a, b, alias):
    assert d.is_alias(a, b) is alias


PEOPLE = ["Putin", "Vladimir Putin", "Donald Trump", "Trump", "Keir Starmer", "Emmanuel Macron", "Macron",
          "Mark Rutte", "Antonio Costa"]


@pytest.mark.parametrize("seed", range(8))
def test_pick_never_offers_an_alias_of_the_answer_or_of_another_option(seed):
    chosen = d.pick("Vladimir Putin", PEOPLE, 4, rng=random.Random(seed))
    assert len(chosen) == 4
    for i, a in enumerate(chosen):
        assert not d.is_alias(a, "Vladimir Putin")
        for b in chosen[i + 1:]:
            assert not d.is_alias(a, b), (a, b)


def test_pick_skips_excluded_names_and_their_aliases():
    chosen = d.pick("Emmanuel Macron", PEOPLE, 6, exclude=["Keir Starmer", "Trump"])
    assert not {"Keir Starmer", "Donald Trump", "Trump", "Macron"} & set(chosen)


def test_pick_skips_names_the_prompt_mentions():
    prompt = "Who said: \u201cI think we really have to stop making Putin too powerful.\u201d"
    chosen = d.pick("Mark Rutte", PEOPLE, 6, prompt=prompt)
    assert chosen and not any("Putin" in c for c in chosen)


def test_pick_gives_fewer_rather_than_bad_options():
    assert d.pick("Vladimir Putin", ["Putin", "Vladimir Putin", "vladimir putin", "Vladimir V. Putin"], 3) == []


def test_pick_does_not_let_length_give_the_answer_away():
    candidates = ["Ng", "Li", "Wu", "Xi", "Ursula von der Leyen"]
    for seed in range(10):
        chosen = d.pick("Antonio Costa", candidates, 3, rng=random.Random(seed))
        assert max(len(c) for c in chosen) >= len("Antonio Costa")


def test_pick_is_deterministic_for_a_seed():
    runs = {tuple(d.pick("Mark Rutte", PEOPLE, 3, rng=random.Random("7|key"))) for _ in range(5)}
    assert len(runs) == 1


def test_no_co_speaker_is_a_wrong_option():
    words = "US backing is essential to make the initiative credible"
    sentence = f"Macron and UK Prime Minister Keir Starmer stressed that {words}."
    macron = quote("Emmanuel Macron", words, sentence, mode="reported", cue="stress", cue_text="stressed")
    starmer = quote("Keir Starmer", words, sentence, mode="reported", cue="stress", cue_text="stressed",
                    mention="Keir Starmer")
    facts = factset(macron, starmer, rutte_quote(), putin_warning())  # Rutte and Putin speak too: wrong options
    ctx = CorpusContext(facts)
    for fact, other in ((macron, "Keir Starmer"), (starmer, "Emmanuel Macron")):
        for seed in range(10):
            q = quote_mcq(fact, ctx, random.Random(seed))
            assert q.kind == "mcq", q
            assert other not in q.options and q.answer == fact.speaker.name
            assert other in q.explanation  # says why the other speaker is not offered


def test_a_different_claim_by_another_speaker_does_not_exclude_them():
    rutte = rutte_quote()
    other = quote("Keir Starmer", "We will stand by Ukraine for as long as it takes, whatever happens")
    ctx = CorpusContext(factset(rutte, other, putin_warning()))
    assert ctx.co_speakers(rutte) == set()
    offered = set()
    for seed in range(20):
        offered |= set(quote_mcq(rutte, ctx, random.Random(seed)).options)
    assert "Keir Starmer" in offered


# numbers --------------------------------------------------------------------------------------------
def _values(options: list[str]) -> list[float]:
    return [parse_number(o) for o in options]


@pytest.mark.parametrize("seed", range(5))
def test_dozens_give_other_dozens(seed):
    options = d.number_options(24, "two dozen", [], [], rng=random.Random(seed))
    assert len(options) == 3
    assert all(o.endswith("dozen") for o in options)
    assert "two dozen" not in options


@pytest.mark.parametrize("seed", range(5))
def test_digits_give_digits(seed):
    options = d.number_options(84, "84", [], [], rng=random.Random(seed))
    assert len(options) == 3 and all(re.fullmatch(r"\d+", o) for o in options)


@pytest.mark.parametrize("seed", range(5))
def test_words_give_words(seed):
    options = d.number_options(26, "twenty-six", [], [], rng=random.Random(seed))
    assert len(options) == 3 and all(re.fullmatch(r"[a-z\-]+", o) for o in options)


@pytest.mark.parametrize("seed", range(5))
def test_money_keeps_its_unit_scale_and_decimals(seed):
    options = d.number_options(21.9e9, "21.9 billion euros", [], [], rng=random.Random(seed))
    assert len(options) == 3
    for o in options:
        assert re.fullmatch(r"\d+\.\d billion euros", o), o
    options = d.number_options(23.6e9, "$23.6 billion", [], [], rng=random.Random(seed))
    assert all(re.fullmatch(r"\$\d+\.\d billion", o) for o in options), options


@pytest.mark.parametrize("qualifier_direction, ok", [(1, lambda v: v > 3), (-1, lambda v: v < 3)])
def test_at_least_gives_only_larger_numbers_up_to_only_smaller(qualifier_direction, ok):
    for seed in range(5):
        options = d.number_options(3, "three", [1, 2, 5, 10], [], rng=random.Random(seed),
                                   direction=qualifier_direction)
        assert options and all(ok(v) for v in _values(options)), options


@pytest.mark.parametrize("seed", range(10))
def test_a_total_caps_the_options(seed):
    options = d.number_options(84, "84", [150, 200, 112, 60], [], rng=random.Random(seed), upper=112)
    assert len(options) == 3
    assert all(v < 112 for v in _values(options)), options


@pytest.mark.parametrize("value, written, right, corpus", [
    (26, "26", [30, 24], [25, 27, 28, 31, 35, 40]),
    (84, "84", [], [80, 90, 70]),
    (10, "ten", [12], [9, 11, 8]),
    (1500, "1,500", [1400], [1450, 1600, 2000]),
])
def test_every_wrong_number_is_far_from_every_right_one(value, written, right, corpus):
    for seed in range(10):
        options = d.number_options(value, written, corpus, right, rng=random.Random(seed))
        assert options
        for v in _values(options):
            for r in [value, *right]:
                assert abs(v - r) >= 0.2 * r, (v, r, options)  # 20% from every right value


def test_a_corpus_number_comes_first_when_it_is_far_enough():
    options = d.number_options(84, "84", [42], [], k=3)
    assert "42" in options


@pytest.mark.parametrize("value, written", [(84, "84"), (24, "two dozen"), (21.9e9, "21.9 billion euros"),
                                            (3, "three")])
def test_number_options_are_deterministic(value, written):
    runs = {tuple(d.number_options(value, written, [], [], rng=random.Random(f"0|{written}"))) for _ in range(4)}
    assert len(runs) == 1


# dates ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("iso, written, pattern", [
    ("--09-04", "September 4", r"[A-Z][a-z]+ \d{1,2}"),
    ("2028-01-01", "January 1, 2028", r"[A-Z][a-z]+ \d{1,2}, \d{4}"),
    ("--09-04", "4 September", r"\d{1,2} [A-Z][a-z]+"),
    ("2022-02", "February 2022", r"[A-Z][a-z]+ \d{4}"),
    ("2022", "2022", r"\d{4}"),
])
def test_dates_are_written_like_the_answer(iso, written, pattern):
    for seed in range(5):
        options = d.date_options(iso, written, [], [], rng=random.Random(seed))
        assert len(options) == 3 and written not in options
        assert all(re.fullmatch(pattern, o) for o in options), options


def test_dates_of_the_same_event_are_never_wrong_options():
    options = d.date_options("--09-04", "September 4", ["--09-05", "--09-11"], ["--09-11"], k=6)
    assert "September 11" not in options and "September 5" in options


def test_date_of_another_shape_is_not_used():
    options = d.date_options("--09-04", "September 4", ["2028-01-01"], [], k=6)
    assert "January 1" not in options


def test_an_unknown_date_format_gives_no_options():
    assert d.date_options("--09-04", "early September", [], []) == []


# places ---------------------------------------------------------------------------------------------
def fake_gazetteer(kind, country=None, k=10, exclude=()):
    """Stand-in for gazetteer.same_kind_places: places of the asked kind only."""
    names = {"city": ["Saint Petersburg", "Novosibirsk", "Lyon", "Marseille"],
             "country": ["Poland", "Germany", "Moldova"], "region": ["Donetsk region", "Sumy region"],
             "village": ["Pisky", "Avdiivka"]}[kind]
    return [GazetteerEntry(name=n, kind=kind) for n in names if n not in exclude][:k]


@pytest.mark.parametrize("kind, country", [("city", "RU"), ("country", "FR"), ("region", "UA"), ("village", "UA")])
def test_places_are_of_the_same_kind(kind, country):
    ctx = CorpusContext(factset())
    fact = next(f for f in corpus().of_type("place"))
    fact = fact.model_copy(update={"place_kind": kind})
    pool = [n for tier in d.place_candidates(kind, country, ctx.place_tiers(fact), fake_gazetteer) for n in tier]
    corpus_kinds = {n: k for n, (k, _) in PLACES.items()}
    assert pool
    for name in pool:
        assert corpus_kinds.get(name, kind) == kind, name
    if kind == "city":  # same country first
        assert pool[0] == "Moscow" or pool[0] == "Vladivostok"


def test_place_candidates_leave_out_excluded_places():
    ctx = CorpusContext(factset())
    tiers = ctx.place_tiers(next(f for f in corpus().of_type("place")))
    pool = [n for tier in d.place_candidates("city", "FR", tiers, fake_gazetteer, exclude=["Paris", "Lyon"]) for n in tier]
    assert "Paris" not in pool and "Lyon" not in pool


def test_people_holding_the_same_title_come_first():
    from factory import macron_role, role
    facts = factset(macron_role(), role("Vladimir Putin", "President", "Russian", "Russian President Vladimir Putin spoke."),
                    role("Mark Rutte", "Secretary-General", "NATO", "NATO Secretary-General Mark Rutte spoke."))
    ctx = CorpusContext(facts)
    own = ctx.person_tiers(macron_role(), "person:emmanuel-macron")[0]
    assert own[0] == "Vladimir Putin"
    assert "Emmanuel Macron" not in own


@pytest.mark.parametrize("value, written", [(84, "84%"), (60, "60 percent"), (95, "95 per cent"), (40, "40%")])
def test_a_share_is_never_offered_above_100_percent(value, written):
    for seed in range(5):
        options = d.number_options(value, written, [150, 120], [], rng=random.Random(seed))
        assert len(options) == 3, options
        assert all(float(re.match(r"[\d.]+", o).group()) <= 100 for o in options), options
        assert all(o.endswith(written[len(str(value)):]) for o in options), options


def test_a_growth_rate_above_100_percent_is_not_capped():
    assert any(float(o.rstrip("%")) > 150 for o in d.number_options(150, "150%", [], [], k=6))


@pytest.mark.parametrize("value, like, expected", [
    (23e6, "\u00a346m", "\u00a323m"),  # a scale suffix stays a suffix
    (2.5e11, "$500bn", "$250bn"),
    (0.6e6, "\u00a31.2 million", "\u00a30.6 million"),
    (1500, "3 000", "1 500"),  # thousands separated by a space
    (15, "30 to 40", "15 to 20"),  # a range: both ends move together
    (20, "40-50", "20-25"),
    (6, "12 per cent", "6 per cent"),
])
def test_render_written_amounts(value, like, expected):
    from studyaid.questions.distractors import render_number

    assert render_number(value, like) == expected


def test_only_people_the_corpus_shows_speaking_or_holding_a_title_are_wrong_options():
    """A name NER tagged PERSON but never quoted nor given a job is too often a band or a product."""
    ctx = CorpusContext(factset(rutte_quote(), putin_warning()))  # Macron, Starmer ... never speak here
    offered = {o for seed in range(10) for o in getattr(quote_mcq(rutte_quote(), ctx, random.Random(seed)), "options", [])}
    assert not offered - {"Mark Rutte", "Vladimir Putin"}
