"""Numbers that count nothing: names, codes, clock times, scores, idioms, ratios (extract/not_amounts.py)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "England won 2-1 against Wales at the weekend.",  # a score is not a range
    "The visitors sealed a 45-6 victory in the rain.",
    "Listen to the interview on the website from 1900 GMT.",  # a clock time
    "The show is broadcast at 2130 BST on Fridays.",
])
def test_scores_and_clock_times_are_not_amounts(quantities, text):
    assert [q.model_dump(exclude={"sources", "clause"}) for q in quantities(text)] == []


def test_metres_are_not_millions(quantities):
    found = quantities("She won the 3,000m race in Madrid.")
    assert [q.value for q in found] in ([], [3000])


# --- numbers that count nothing (issue 10: quantity precision); sentences written for these tests ---------

NOT_COUNTS = [
    # numbers inside names and titles
    "The comedy duo were best known as the Two Ronnies on Saturday nights.",
    "The manager told BBC Radio Five Live that the club would not sell.",
    "Critics expect Million Dollar Baby to win the top prize.",
    "The Four-Kings clan is recruiting new players this winter.",
    "Wales finished second in the Six Nations after a late defeat.",
    "The southern hemisphere sides return to Super 12 matches in February.",
    "She presents 100% Hits on the digital station every Sunday.",
    "Viewers of Channel 4 saw the final on Friday night.",
    # model numbers and codes, and the same numeral elsewhere in the article
    "The firm launched its 6630 handset in March and 6630 buyers praised it.",
    "The new 3G phones reach the shops in May.",
    # slot and clock times
    "The new host takes over the 2100 slot on Saturdays.",
    # vague amounts
    "Thousands of fans queued outside the arena overnight.",
    "The company is seeking millions of dollars in damages.",
    "Several hundred protesters marched through the city centre.",
    "Tens of thousands of people signed the petition.",
    # idioms with "one"
    "The virus cannot jump from one computer to another by itself.",
    "The coach said the one player who stood out was the goalkeeper.",
    "One such device was shown at the fair in Las Vegas.",
    "At one point the band played for an empty hall.",
    "She has been one half of the duo since the start.",
    "The singer was never committed to one style of music.",
    "He could play abroad one day and see how it feels.",
    "She never thought she would one day lead her country.",
    "Every player will have one eye on the summer tour.",
    "One thing is certain: the club will not sell him.",
    # plurals of numbers are no seconds
    "Podcast audiences are in the 100s and 1,000s, not millions.",
    "The tournament uses a one-on-one format.",
    "The team is still the number one side in the world.",
    # ratios, fractions, multipliers, ranks, alternatives
    "The channel has lost one in five of its viewers since the launch.",
    "Sales online are three times higher than last year.",
    "Most bands gave away songs online, while two-thirds sold albums on the web.",  # a hyphenated fraction
    "The new machine will be four times what it is today.",
    "There are three, four or maybe five teams that could win it.",
    # one thing made of two parts is no count of two; "not one" is none
    "A pair of trainers was found on the beach.",
    "She bought a pair of old leather boots for the trip.",
    "Not one player could match his pace.",
    "At a couple of points in the game you can fly a helicopter.",  # when, not how many
    # the second day of a date
    "The concerts on May 12 and 14 sold out within an hour.",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_numbers_that_count_nothing(quantities, text):
    assert [(q.value, q.counted) for q in quantities(text)] == []


@pytest.mark.parametrize("text, value", [
    ("She won the 400m hurdles at the indoor meeting.", 400),  # metres before a race, not millions
    ("Collins lost her indoor 200m titles after the ban.", 200),
    ("Some 18m viewers watched the final episode.", 18e6),
])
def test_metres_or_millions(quantities, text, value):
    assert [q.value for q in quantities(text)] == [value]


@pytest.mark.parametrize("text", [
    "The Gunners won 3-2 at home on Saturday.",  # a score stays no range
    "The firm launched its 3G handsets in Italy.",  # a code, not a unit
    "The Nokia 7610 phone sold well.",  # a model number before a singular noun, no unit between
])
def test_no_unit_no_range(quantities, text):
    assert [q.model_dump(exclude={"sources", "clause"}) for q in quantities(text)] == []


def test_one_in_five_is_still_a_ratio(quantities):
    # the ratio rule yields to a year ("worth $330m in 2004") but still holds for two counts
    assert quantities("One in five viewers switched off before the end.") == []


@pytest.mark.parametrize("text", [
    # a number word the article writes inside a name is that name everywhere, after a closing quote or opening
    # a sentence too
    'The Dutch coach Piet Ten Berge called the decision a joke. "It was a farce, nothing more," Ten Berge said.',
    "The Dutch coach Piet Ten Berge called the decision a joke. Ten Berge said the club would appeal.",
    # an address
    "The new shop opened at 40 Castle Street on Monday.",
    # a numeral the article writes after a name is that name where the name word opens a sentence too
    "The Amstrad 64 computer sold well in Spain. Amstrad 64 fans still swap games online.",
])
def test_names_count_nothing(quantities, text):
    assert [(q.value, q.counted) for q in quantities(text)] == []


@pytest.mark.parametrize("text, expected", [
    ("Ten players were booked in a bad-tempered game.", (10, "players")),  # no name written with it anywhere
    ('He told reporters: "Ten fans were hurt in the crush."', (10, "fans")),  # an opening quote starts a sentence
    ("She won three Oscars and two Grammys.", (3, "Oscars")),  # a plural name is counted
])
def test_capital_numbers_still_count(quantities, text, expected):
    assert expected in [(q.value, q.counted) for q in quantities(text)]


# --- round 3 (issue 10): titles dated in brackets, "one" of a part; sentences written for these tests -------

@pytest.mark.parametrize("text", [
    "Critics still rate James Stewart in 39 Steps Later (1961) above his westerns.",
    "The season opens with 101 Tiny Dogs (1996) on Sunday afternoon.",
    "Her favourite role was in Seven Brave Sisters (1954), a musical.",
    "The boxed set is just one part of a long look at the director's career.",
    "Pricing is only one aspect of the plan that worries the board.",
])
def test_titles_and_parts_count_nothing(quantities, text):
    assert [(q.value, q.counted) for q in quantities(text)] == []


@pytest.mark.parametrize("text, expected", [
    ("The cast made 39 films together between 1950 and 1970.", dict(value=39, counted="films")),  # no title
    ("The club lost one part-time coach and two physios.", dict(value=2, counted="physios")),
])
def test_counts_beside_titles_and_parts(one_quantity, text, expected):
    one_quantity(text, expected)


def test_one_before_a_rank_counts_nothing(quantities):
    assert [(q.value, q.counted) for q in quantities("There is only one number one seed in the draw, he said.")] == []
