"""Money and percentages, and what they measure; numbers with a unit of measure (extract/amounts.py)."""
from __future__ import annotations

import pytest


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
    ("Of those asked, 62% were unaware of the change.", dict(value=62, unit="%", counted="per cent")),
]


@pytest.mark.parametrize("text, expected", AMOUNTS)
def test_amounts(one_quantity, quantities, text, expected):
    one_quantity(text, expected)
    assert all(q.counted.lower() not in ("m", "bn", "%") for q in quantities(text))


def test_money_pledged_counts_the_money_not_the_giver(quantities):
    # the subject of "pledged" is who gives, not what the euros measure
    found = quantities("Germany pledged 9 billion euros for air defence.")
    assert [(q.value, q.unit, q.counted_head) for q in found] == [(9e9, "euros", "euro")]


MEASURED = [
    # what a percentage measures, through "by", "at", "from ... to", a comparative, a participle
    ("Visits from Asia were up by 12% on last year.", dict(value=12, counted="Visits")),
    ("The firm's share of the market fell from 14.5% to 11.8% in March.", dict(value=11.8, counted_head="share")),
    ("The firm's share of the market fell from 14.5% to 11.8% in March.", dict(value=14.5, counted_head="share")),
    ("The advert helped lift the station's share of viewers by 8% last month.", dict(value=8, counted_head="share")),
    ("The channel's share remained the same at a modest 4.2%.", dict(value=4.2, counted_head="share")),
    ("The ticket price was 25% more than in 2002.", dict(value=25, counted="ticket price")),
    ("Music piracy, estimated at 85% in some markets, worries the labels.", dict(value=85, counted_head="piracy")),
    ("Park visits recorded increases of more than 10% in the summer.", dict(value=10, counted_head="increase")),
    # money: what it is, a conversion in brackets is the same thing, a cost
    ("The film slumped to fifth place with takings of $3.2m (\u00a31.7m).", dict(value=1.7e6, counted="takings")),
    ("The sequel, which reportedly cost $90m (\u00a348m), flopped.", dict(value=4.8e7, counted="cost")),
    ("Arsenal's \u00a3100m deal with the airline was signed in the autumn.", dict(value=1e8, counted_head="deal")),
    ("The board denied that the coach had been given a \u00a32m pay-off.", dict(value=2e6, counted="pay off")),
    ("The show took \u00a33.1m in its first four days.", dict(value=3.1e6, counted="pounds")),
    # a verb that names its amount: a fine, a bid (the lemmatizer reads "fined" as "fin")
    ("The regulator fined the broadcaster $400,000 after the show.", dict(value=4e5, counted="fine")),
    ("The station was fined \u00a3150,000 by the regulator.", dict(value=1.5e5, counted="fine")),
    ("Watchdogs fined the network a record $300,000 ($160,000) over the stunt.", dict(value=1.6e5, counted="fine")),
    ("Rivals bid \u00a320m for the striker in January.", dict(value=2e7, counted="bid")),
    # other verbs name nothing: the money stays money
    ("The regulator paid the broadcaster $400,000 after the show.", dict(value=4e5, counted="dollars")),
]


@pytest.mark.parametrize("text, expected", MEASURED)
def test_what_an_amount_measures(one_quantity, text, expected):
    one_quantity(text, expected)


@pytest.mark.parametrize("text", [
    "Two thirds of the cash came from British donors compared to 21% from French donors.",  # a share of nothing named
    "After the break the striker said he would be 100% fit for the final.",  # a degree of a quality
    "The laptop came second (41%), while the phone was third.",  # a share glossing a rank names no share of it
])
def test_percentage_of_nothing_named_is_no_fact(quantities, text):
    assert [q.value for q in quantities(text) if q.unit == "%"] == []


UNITS_OF_MEASURE = [
    # a unit glued to the numeral or written apart: the unit is what is counted, with what it holds after "of"
    ("The new handset has a two megapixel camera and a bright screen.",
     dict(value=2, text="two", counted="megapixel camera", counted_head="camera")),
    ("The cheapest model comes with 4GB of memory.", dict(value=4, text="4", counted="GB of memory")),
    ("The device holds four gigabytes of songs on its hard drive.",
     dict(value=4, text="four", counted="gigabytes of songs", phrase="four gigabytes of songs")),
    ("Home connections of 10Mbps are now common in the city.", dict(value=10, text="10", counted="Mbps")),
    ("The cable firm will offer speeds of up to 8Mbps next year.",
     dict(value=8, counted="Mbps", qualifier="up to", phrase="up to 8Mbps")),
    ("The new processor runs at 3GHz without overheating.", dict(value=3, counted="GHz")),
    ("Nothing on the market can rival the firm's 80GB player.", dict(value=80, counted="GB")),
    # a number hyphened to a noun before another: the noun it is hyphened to, and what it makes
    ("The champion came through a dramatic five-set battle in the heat.",
     dict(value=5, counted="set", phrase="five-set battle")),
    ("The lorry was doing 60mph when the tyre burst.", dict(value=60, counted="mph")),
    ("The runners covered 1.5km before the first climb.", dict(value=1.5, counted="km")),
    ("She ran ten kilometres before breakfast every day.", dict(value=10, counted="kilometres")),
    ("The shop sells a 32-inch flat screen for under half the old price.",
     dict(value=32, counted="inch", phrase="32-inch flat screen")),
    # a range of time keeps its low end and the text as written (not a score)
    ("The rebuild will take two-three years to finish.", dict(value=2, text="two-three", counted="years")),
    ("Planning the new stadium needs 2-3 years of talks.", dict(value=2, text="2-3", counted="years")),
]


@pytest.mark.parametrize("text, expected", UNITS_OF_MEASURE)
def test_units_of_measure(one_quantity, text, expected):
    one_quantity(text, expected)


WORTH = [
    # money whose counted noun stands before "worth" / "valued at", however the verb is dressed
    ("The ringtone market, worth $1.8bn last year, keeps growing.", dict(value=1.8e9, counted_head="market")),
    ("Analysts see a market worth \u00a39.4m for the new gadgets.", dict(value=9.4e6, counted_head="market")),
    ("The online music business was worth $330m in 2004.", dict(value=3.3e8, counted_head="business")),
    ("The deal is said to be worth about \u20ac60m to the club.", dict(value=6e7, counted_head="deal", qualifier="about")),
    ("The sector was valued at $4.5bn by the bank's analysts.", dict(value=4.5e9, counted_head="sector")),
    ("The games market, valued at \u00a31.3bn, grew again.", dict(value=1.3e9, counted_head="market")),
]


@pytest.mark.parametrize("text, expected", WORTH)
def test_worth_counts_the_noun_before_it(one_quantity, quantities, text, expected):
    one_quantity(text, expected)
    assert all(q.counted not in ("dollars", "pounds", "euros") for q in quantities(text))


MONEY_NAMED_AFTER = [
    # after a determiner, the words that follow name what the money is, however they are tagged
    ("Students can enter a $2m competition thanks to a sponsor from Texas.", dict(value=2e6, counted_head="competition")),
    ("The studio made a $4m profit last year.", dict(value=4e6, counted_head="profit")),
    # or where the amount hangs on the noun that ends those words, after a name
    ("The pair will enter the World Gaming Series $2m Quake contest next spring.", dict(value=2e6, counted_head="contest")),
    ("Rivals are ready to make a \u00a320m-plus offer for the winger.",
     dict(value=2e7, counted_head="offer", qualifier="more than", phrase="\u00a320m-plus offer")),
    # what it is reckoned in, written just after it
    ("The film pulled in an estimated $12m in ticket revenues over the holiday.", dict(value=12e6, counted_head="revenue")),
    # past a word for a sum to what it sums
    ("A total of \u00a380,000 in grants is available to local clubs.", dict(value=8e4, counted_head="grant")),
    ("The station's share of viewers now stands at an average of 31.5%.", dict(value=31.5, counted_head="share")),
    ("Ticket prices are dropping an average of 15% every year.", dict(value=15, counted_head="price")),
    ("The blogger has sold $3,000 worth of books through his site.", dict(value=3000, counted="books")),
    # a currency word after the number, whatever the parse or its capital letter
    ("The singer earned 2.1m Euros (\u00a31.4m) in the past year.", dict(value=2.1e6, unit="euros")),
    ("The singer earned 2.1m Euros (\u00a31.4m) in the past year.", dict(value=1.4e6, unit="\u00a3", counted="pounds")),
    ("Seats, priced at between 20 and 35 euros each, went quickly.",
     dict(value=20, unit="euros", text="20 and 35", qualifier="between")),
    # pence glued to the number, even where the parser calls it a date
    ("Why queue at a shop when you can download the single for 79p?", dict(value=79, counted="p")),
]


@pytest.mark.parametrize("text, expected", MONEY_NAMED_AFTER)
def test_money_named_after(one_quantity, text, expected):
    one_quantity(text, expected)


@pytest.mark.parametrize("text, unit, wrong", [
    ("The studio made a $4m profit last year.", "$", "year"),  # a time after the noun is no part of it
    ("The firm took \u00a36m in its first five days.", "\u00a3", "days"),  # a time is not what money is reckoned in
    ("The singer earned 2.1m Euros (\u00a31.4m) in the past year.", "\u00a3", "Euros"),  # pounds are no "Euros"
    ("Police say the scam caused losses of more than $4m. Chief Inspector Ann Bell said arrests were made.", "$", "Ann Bell"),
    ("The sequel opened in second position with $12.5m at the box office.", "$", "position"),  # not after "with"
])
def test_money_not_named_after(quantities, text, unit, wrong):
    found = [q.counted for q in quantities(text) if q.unit == unit]
    assert found and not any(wrong in counted for counted in found), found


# --- round 3 (issue 10): signs, currency words, what money is, sentences written for these tests ----------

ROUND3_MONEY = [
    # "US$" is one sign; a conversion in brackets is the same prize; a common noun the tagger took for a name
    ("The winner takes the top prize of US$250,000 (\u00a3131,000) this year.",
     dict(value=2.5e5, unit="US$", counted_head="prize")),
    ("The winner takes the top prize of US$250,000 (\u00a3131,000) this year.",
     dict(value=1.31e5, unit="\u00a3", counted_head="prize")),
    # yen are money and no model number, the pounds in brackets are no yen
    ("The new handset will sell for about 9000 yen (\u00a345) in Tokyo.", dict(value=9000, unit="yen")),
    ("The new handset will sell for about 9000 yen (\u00a345) in Tokyo.", dict(value=45, unit="\u00a3", counted="pounds")),
    # a thousands comma typed with a space after it, in money
    ("The comedy took \u00a3812, 450 in its opening weekend.", dict(value=812450, text="\u00a3812, 450")),
    # a share of a word written with a hyphen
    ("Nearly 70% of e-mail traffic last month was spam.", dict(value=70, counted="e-mail traffic")),
    # an agent that spends is no value: the money itself
    ("The council is to invest \u00a34m in rebuilding the old library.", dict(value=4e6, counted="pounds")),
    ("The orchestra is set to spend $2m on new instruments.", dict(value=2e6, counted="dollars")),
    # a raising verb still reaches what a verb of value measures
    ("The contract is thought to be worth \u00a315m a year.", dict(value=1.5e7, counted_head="contract")),
]


@pytest.mark.parametrize("text, expected", ROUND3_MONEY)
def test_signs_currency_words_and_what_money_is(one_quantity, text, expected):
    one_quantity(text, expected)


@pytest.mark.parametrize("text, unit, wrong", [
    ("The firm took 30% of the \u00a32.5bn spent on toys last year.", "\u00a3", "%"),  # money is no share of its share
    ("The new handset will sell for about 9000 yen (\u00a345) in Tokyo.", "\u00a3", "yen"),
    ("The charity is to give $3m to local schools.", "$", "charity"),  # who gives is not what the money is
    ("The inquiry could cost the council up to \u00a36m next year.", "\u00a3", "council"),  # two arguments of a verb
])
def test_money_not_counting_its_neighbour(quantities, text, unit, wrong):
    found = [q.counted for q in quantities(text) if q.unit == unit]
    assert found and not any(wrong in counted for counted in found), found


@pytest.mark.parametrize("text", [
    "The stall sold prints at \u00a35, 10 and 20 each.",  # a list of prices, no thousands
    "Tickets were $15, 400 seats were left unsold.",  # three digits counting their own noun
])
def test_a_comma_and_space_between_amounts_joins_nothing(quantities, text):
    assert not any(q.value > 1000 for q in quantities(text)), [(q.value, q.text) for q in quantities(text)]


@pytest.mark.parametrize("text, expected", [
    # a noun the comparison before the amount bounds
    ("The board said it would accept any offer above \u00a340m for the striker.", dict(value=4e7, counted="offer")),
    ("The club turned down bids over \u00a312m in January.", dict(value=1.2e7, counted="bids")),
    # no noun before the comparison: the money itself
    ("He sold the flat for over \u00a31m last spring.", dict(value=1e6, counted="pounds")),
])
def test_a_noun_bounded_by_a_comparison(one_quantity, text, expected):
    one_quantity(text, expected)
