"""How many: numbers normalised, qualified, with what they count; dates, ages, ordinals and junk are not."""
from __future__ import annotations

import pytest

from studyaid.document import Document, Exclusion
from studyaid.extract.quantities import extract_quantities


@pytest.fixture(scope="module")
def quantities(parse):
    def _quantities(text: str):
        document, doc = parse(text)
        return list(extract_quantities(doc, document))

    return _quantities


FOUND = [
    # seed 000: "N of X"
    ("This statement comes hours after 26 of Ukraine\u2019s allies pledged to send troops as part of a so-called "
     "\u201creassurance force\u201d.",
     dict(value=26, counted="Ukraine\u2019s allies", counted_head="ally", total=None, qualifier=None,
          phrase="26 of Ukraine\u2019s allies")),
    # seed 000: "N out of M X"
    ("Ukraine\u2019s air force reported intercepting 84 out of 112 drones launched overnight on Thursday.",
     dict(value=84, total=112, counted="drones", counted_head="drone", phrase="84 out of 112 drones")),
    # seed 004: a number word times a scale word
    ("Putin\u2019s threat came in response to a Thursday pledge by two dozen countries, led by the United Kingdom and "
     "France, to contribute to a new \u201creassurance\u201d force in Ukraine.",
     dict(value=24, text="two dozen", counted="countries", counted_head="country", phrase="two dozen countries")),
    # seed 001: a qualifier
    ("As the politicians spoke, Russian drones killed at least three people and injured three others late on "
     "September 4 in the Kharkiv region in northeastern Ukraine's, regional Governor Oleh Synyehubov said.",
     dict(value=3, qualifier="at least", counted="people", phrase="at least three people")),
    # seed 001: money, and what it is the value of
    ("The value of EU imports of Russian fossil fuels totaled 21.9 billion euros ($23.6 billion) this year, according "
     "to the Helsinki-based Center for Research on Energy and Clean Air.",
     dict(value=21.9e9, unit="euros", text="21.9 billion", counted="EU imports of Russian fossil fuels",
          phrase="21.9 billion euros")),
    # seed 001: "around" and an adjective in the counted phrase
    ("Putin's comments during an economic forum in the Pacific port city of Vladivostok on September 5 came hours "
     "after leaders from a group of around 30 European countries -- along with Canada, Japan, and Australia -- met "
     "amid a continued struggle with the idea of deploying peacekeeping troops to Ukraine.",
     dict(value=30, qualifier="around", counted="European countries", counted_head="country")),
    # seed 000: a number inside an apposition
    ("French President Emmanuel Macron announced that 26 of Ukraine\u2019s allies, out of a coalition of 35 "
     "countries, had pledged to form a \u201creassurance force.\u201d",
     dict(value=35, counted="countries")),
    # seed 004: a vague amount in scare quotes, flagged, its phrase without a dangling mark
    ("Ukrainian President Zelenskyy confirmed Friday that an agreement is in place for \u201cthousands\u201d of such "
     "troops.",
     dict(vague=True, counted="such troops", phrase="thousands of such troops")),
    # seed 001: ages are not amounts, but the number of people is
    ("Synyehubov wrote on Telegram that two 40-year-old men and a 24-year-old woman were killed by a Russian drone "
     "attack.",
     dict(value=2, text="two", counted_head="man")),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_quantity_found(quantities, text, expected):
    found = quantities(text)
    matches = [q for q in found if all(getattr(q, k) == v for k, v in expected.items())]
    assert len(matches) == 1, [q.model_dump(exclude={"sources", "clause"}) for q in found]
    q = matches[0]
    assert q.sources[0].sentence == text.strip() or q.sources[0].sentence in text
    assert text[q.sources[0].start:q.sources[0].end] == q.sources[0].sentence


@pytest.mark.parametrize("text, values", [
    # seed 000: two amounts in one sentence
    ("French President Emmanuel Macron announced that 26 of Ukraine\u2019s allies, out of a coalition of 35 "
     "countries, had pledged to form a \u201creassurance force.\u201d", [26, 35]),
    # seed 001: "three others" counts nothing a reader can name
    ("As the politicians spoke, Russian drones killed at least three people and injured three others late on "
     "September 4 in the Kharkiv region in northeastern Ukraine's, regional Governor Oleh Synyehubov said.", [3]),
    # seed 001: the ages of the men and the woman are not quantities, nor is 2 + 40
    ("Synyehubov wrote on Telegram that two 40-year-old men and a 24-year-old woman were killed by a Russian drone "
     "attack.", [2]),
])
def test_only_these_amounts(quantities, text, values):
    assert sorted(q.value for q in quantities(text)) == values


NOT_QUANTITIES = [
    # dates (seed 001)
    "Putin speaks at an economic forum in the Far Eastern port city of Vladivostok, Russia, on September 5.",
    "The European Commission has proposed legislation to phase out all EU imports of Russian oil and gas by "
    "January 1, 2028.",
    "Putin has often labeled Zelenskyy as illegitimate, dismissing the declaration of martial law, which was imposed "
    "after Russia's invasion in February 2022, which precludes holding new elections under Ukrainian law.",
    # a date with the day first (seed 000)
    "Russian President Vladimir Putin has warned today, Friday 5 September, that any foreign troops deployed to "
    "Ukraine would be treated as \u201clegitimate targets\u201d by Moscow\u2019s forces.",
    # ordinals (seeds 000, 003)
    "Ukrainian President Volodymyr Zelenskyy welcomed the announcement, describing it as the first serious step "
    "toward securing Ukraine after the war.",
    "The Russian president voiced doubts about this possibility, saying it will be \u201cpractically impossible\u201d "
    "to reach an agreement with Ukraine to end the Kremlin\u2019s full-scale invasion, currently in its fourth year.",
    # "one" as a pronoun-like determiner (seed 003)
    "\u201cIf these agreements are reached, no one doubts that Russia will implement them in full.\u201d",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(quantities, text):
    assert [q.model_dump(exclude={"sources", "clause"}) for q in quantities(text)] == []


def test_numbers_in_junk_are_not_quantities(nlp):
    # seed 001's publisher notice, marked as junk the way ingestion marks it
    junk = ("RFE/RL journalists report the news in 27 languages in 23 countries where a free press is banned by the "
            "government or not fully established.")
    good = "Ukraine\u2019s air force reported intercepting 84 out of 112 drones launched overnight on Thursday."
    text = f"{good}\n\n{junk}\n"
    start = text.index(junk)
    document = Document(path="t.txt", format="text", text=text,
                        excluded=(Exclusion(start=start, end=start + len(junk), reason="publisher-notice"),))
    found = list(extract_quantities(nlp(document.masked_text), document))
    assert [(q.value, q.total) for q in found] == [(84, 112)]


def test_hyphenated_number_word(quantities):
    # seed 000's "26 of Ukraine's allies", written out in words
    found = quantities("This statement comes hours after twenty-six of Ukraine\u2019s allies pledged to send troops.")
    assert [(q.value, q.text, q.counted_head) for q in found] == [(26, "twenty-six", "ally")]


def test_money_pledged_counts_the_money_not_the_giver(quantities):
    # the subject of "pledged" is who gives, not what the euros measure
    found = quantities("Germany pledged 9 billion euros for air defence.")
    assert [(q.value, q.unit, q.counted_head) for q in found] == [(9e9, "euros", "euro")]


@pytest.mark.parametrize("text", [
    "Copy 3 of this article.",  # a verbless line: the clause search once climbed past its root forever
    "Figure 2: 14 regions.",
    "Chapter 12",
])
def test_verbless_lines_end(quantities, text):
    facts = quantities(text)
    assert all(f.clause is None for f in facts)


AMOUNTS = [
    # a currency sign and a scale suffix: the value in full, the sign as the unit, the thing the money is
    ("The club paid a \u00a346m fee for the young striker on Monday.",
     dict(value=46e6, unit="\u00a3", text="\u00a346m", counted_head="fee")),
    ("The government announced a $500bn deal with the three firms.",
     dict(value=5e11, unit="$", text="$500bn", counted_head="deal")),
    ("The museum has a budget of \u20ac3.5bn for the next decade.",
     dict(value=3.5e9, unit="\u20ac", text="\u20ac3.5bn", counted_head="budget")),
    ("The transfer fee was \u00a312m, the club confirmed.", dict(value=12e6, unit="\u00a3", counted_head="fee")),
    ("He signed a contract worth $20m with the studio.", dict(value=20e6, unit="$", counted="contract")),
    ("The album made $3m in digital sales in its first week.", dict(value=3e6, counted="digital sales")),
    ("The bid rose to \u00a34m after a second round of talks.", dict(value=4e6, counted_head="bid")),
    # no thing named: the money itself, never "m"
    ("The film made \u00a31.2 million at the box office.", dict(value=1.2e6, unit="\u00a3", counted="pounds")),
    ("The studio spent $86m on the remake.", dict(value=86e6, unit="$", counted="dollars")),
    ("The deal is worth $150m.", dict(value=150e6, text="$150m", counted_head="deal")),
    # a conversion in brackets is the same thing
    ("Box office takings reached $9.5m (\u00a35.1m) on the first weekend.",
     dict(value=5.1e6, unit="\u00a3", counted="Box office takings")),
    # thousands separated by a space, millions written "m" before a plural noun
    ("About 3 000 people attended the open-air concert.", dict(value=3000, text="3 000", counted="people")),
    ("Some 18m viewers watched the final episode.", dict(value=18e6, counted="viewers")),
    # ranges keep both ends as written, valued at the low end
    ("Police said between 30 and 40 protesters gathered outside the court.", dict(value=30, text="30 and 40", counted="protesters")),
    ("Some 30-40 volunteers cleaned the beach.", dict(value=30, text="30-40", counted="volunteers")),
    ("The council expects \u00a32m to \u00a33m in savings.", dict(value=2e6, text="\u00a32m to \u00a33m", unit="\u00a3")),
    # percentages: the unit as written, what they are a share of
    ("About 90% of households own a television.", dict(value=90, unit="%", counted="households")),
    ("Sales of the console rose 12 per cent last year.", dict(value=12, unit="per cent", counted_head="sale")),
    ("Nearly 40% said they would vote again.", dict(value=40, unit="%", counted="per cent", qualifier="nearly")),
]


@pytest.mark.parametrize("text, expected", AMOUNTS)
def test_amounts(quantities, text, expected):
    found = quantities(text)
    matches = [q for q in found if all(getattr(q, k) == pytest.approx(v) if isinstance(v, float) else getattr(q, k) == v
                                       for k, v in expected.items())]
    assert len(matches) == 1, [q.model_dump(exclude={"sources", "clause"}) for q in found]
    assert all(q.counted.lower() not in ("m", "bn", "%") for q in found)


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
