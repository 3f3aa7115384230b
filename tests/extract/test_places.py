"""Place facts on real sentences from the seed articles and sentences written for the tests: which place, of
what kind, what happened there, and the places named with no event."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyaid.document import Document, Exclusion
from studyaid.extract.places import extract_places
from studyaid.facts import Place

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def places_in(parse, text: str) -> list[Place]:
    document, doc = parse(text)
    facts = list(extract_places(doc, document))
    for fact in facts:
        for source in fact.sources:
            assert document.text[source.start:source.end] == source.sentence
    return facts


def events_in(parse, text: str) -> list[Place]:
    """The place facts with something that happened there (not bare mentions)."""
    return [f for f in places_in(parse, text) if f.relation != "mention"]


# (sentence, [(mention, place_kind, country, relation, words the event contains, event_head), ...])
POSITIVE = [
    (
        "While speaking at the Eastern Economic Forum in Vladivostok Putin also dismissed the idea of international "
        "peacekeeping forces even after a final settlement, though he said Russia would respect any treaty to end the war.",
        [("Vladivostok", "city", "RU", "in", "the Eastern Economic Forum", "forum")],
    ),
    (
        "The warning or threat came shortly after European leaders met in Paris to discuss long-term security "
        "guarantees for Ukraine.",
        [("Paris", "city", "FR", "in", "European leaders met", "meet")],
    ),
    (
        "Speaking on September 4 at a Prague conference hosted by the International Institute for Strategic Studies, "
        "NATO Secretary-General Mark Rutte, who attended the Paris meeting via video link, insisted Russia would not "
        "have a veto over the deployment of foreign peacekeeping troops.",
        [
            ("Prague", "city", "CZ", "compound", "a conference hosted by the International Institute for Strategic Studies", "conference"),
            ("Paris", "city", "FR", "compound", "meeting", "meeting"),
        ],
    ),
    (
        "For now, the Paris summit shows that Europe and its allies are preparing for a post-war Ukraine, although "
        "there is no peace in sight yet.",
        [("Paris", "city", "FR", "compound", "summit", "summit")],
    ),
    (
        "Putin speaks at an economic forum in the Far Eastern port city of Vladivostok, Russia, on September 5.",
        [("Vladivostok", "city", "RU", "in", "an economic forum", "forum")],
    ),
    (
        "Putin's comments during an economic forum in the Pacific port city of Vladivostok on September 5 came hours "
        "after leaders from a group of around 30 European countries -- along with Canada, Japan, and Australia -- met "
        "amid a continued struggle with the idea of deploying peacekeeping troops to Ukraine.",
        [("Vladivostok", "city", "RU", "in", "economic forum", "forum")],
    ),
    (
        "As the politicians spoke, Russian drones killed at least three people and injured three others late on "
        "September 4 in the Kharkiv region in northeastern Ukraine's, regional Governor Oleh Synyehubov said.",
        [("Kharkiv region", "region", "UA", "in", "Russian drones killed at least three people", "kill")],
    ),
    (
        "The value of EU imports of Russian fossil fuels totaled 21.9 billion euros ($23.6 billion) this year, "
        "according to the Helsinki-based Center for Research on Energy and Clean Air.",
        [("Helsinki", "city", "FI", "based", "the Center for Research on Energy and Clean Air", "center")],
    ),
    (
        '"Putin wants to meet with me in Moscow. That means Russia does not want to have a meeting," Zelenskyy said '
        "during the September news conference.",
        [("Moscow", "city", "RU", "in", "Putin wants to meet", "meet")],
    ),
    (
        "“If any troops appear there, especially now, during the fighting, we assume that they will be legitimate "
        "targets for destruction,” Putin emphasized during his keynote speech at the Eastern Economic Forum in Vladivostok.",
        [("Vladivostok", "city", "RU", "in", "Eastern Economic Forum", "speech")],
    ),
    (
        "In Washington, US President Donald Trump has said he's frustrated by the continued fighting despite "
        "high-level talks -- and a face-to-face summit with Putin last month.",
        [("Washington", "city", "US", "in", "Donald Trump has said", "say")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_place_facts(parse, text: str, expected: list[tuple[str, str, str, str, str, str]]) -> None:
    facts = events_in(parse, text)
    got = [(f.place.mention, f.place_kind, f.country, f.relation, f.event_head) for f in facts]
    assert got == [(m, k, c, r, h) for m, k, c, r, _words, h in expected]
    for fact, (_m, _k, _c, _r, words, _h) in zip(facts, expected):
        assert words in fact.event
        assert fact.place.kind == "place"
        assert fact.confidence >= 0.7
        assert fact.warnings == []


def test_village_named_by_the_text(parse) -> None:
    text = (
        "He said the men were killed while working as part of a road construction crew in the village of Khotimlya."
    )
    [fact] = events_in(parse, text)
    assert (fact.place.mention, fact.place_kind, fact.country) == ("Khotimlya", "village", None)
    assert fact.event == "the men were killed"
    assert fact.confidence < 0.7 and fact.warnings  # unknown to the gazetteer, attachment guessed


@pytest.mark.parametrize(
    "text",
    [
        # countries as possessives, adjectives, subjects or destinations: no event happened there
        "This statement comes hours after 26 of Ukraine’s allies pledged to send troops as part of a so-called "
        "“reassurance force”.",
        "Macron and the UK Prime Minister Keir Starmer stressed that US backing is essential to make the initiative credible.",
        "Meanwhile, NATO Secretary-General Mark Rutte warned that Russia could threaten other European countries and "
        "stressed the importance of deterrence.",
        "The coalition also highlights divisions within Europe.",
        'Russian President Vladimir Putin has warned against the deployment of any foreign troops into Ukraine, declaring '
        'they would be "legitimate targets," in a blunt warning to Kyiv\'s Western allies as they look to agree on a '
        '"reassurance force."',
        "Some European countries, including Germany, Spain and Italy, have not pledged troops, focusing instead on "
        "financing, arming and training Ukraine’s forces.",
        "Hungary and Slovakia, both led by nationalist leaders sympathetic to the Kremlin, however, have continued to "
        "import Russian energy products.",
        "Putin’s threat came in response to a Thursday pledge by two dozen countries, led by the United Kingdom and "
        "France, to contribute to a new “reassurance” force in Ukraine.",
        # lowercase words are not places
        "we met in paris and then flew to kyiv.",
        # a title-case heading is not a sentence
        "Putin Warns Against Foreign Troops In Ukraine As Europe Tries To Finalize 'Reassurance Force'",
    ],
)
def test_no_place_event(parse, text: str) -> None:
    assert events_in(parse, text) == []


# A place named with no event there is still a fact, once per document: every country, continent or
# region the sentence names, a city only where the text places something in it.
# (sentence, [(mention, place_kind, words of the phrase that names it), ...]) -- mention facts only
MENTIONS = [
    ("A US judge has refused to delay the trial of the two cyclists.", [("United States", "country", "A US judge")]),
    ("Germany's top striker missed the final with a knee injury.", [("Germany", "country", "Germany's top striker")]),
    ("The Scotland captain was named man of the match.", [("Scotland", "country", "Scotland captain")]),
    ("The Wales winger signed a two-year deal on Friday.", [("Wales", "country", "Wales winger")]),  # NER: ORG
    ("The film will open across Africa, Australia and South America next spring.",
     [("Africa", "continent", "Africa"), ("Australia", "country", "Africa"), ("South America", "continent", "Africa")]),
    ("US state Nevada has passed a new gambling law.", [("United States", "country", "US state"), ("Nevada", "region", "Nevada")]),
    ("Investors from the Middle East are said to be interested in the club.", [("Middle East", "region", "Investors")]),
    ("Demand for the console has been strongest in the UK.", [("United Kingdom", "country", "UK")]),
    ("Record shops in Glasgow and Cardiff reported long queues for the album.",
     [("Glasgow", "city", "Record shops"), ("Cardiff", "city", "Record shops")]),
    ("The painting now hangs in Vienna's Belvedere Museum.", [("Vienna", "city", "Vienna's Belvedere Museum")]),
    # a town's possessive before a title is no place: only a building's or an institution's name (issue 10)
    ("Critics loved the new version of Charlotte's Web.", []),
    ("The film is a remake of Philadelphia's Story.", []),
    # a number before a country's code is no unit unless the code is one ("40 GB" below) (issue 10)
    ("The band will play 30 US cities before the tour moves on.", [("United States", "country", "30 US cities")]),
    # a town followed by the country it lies in
    ("The first stop on the tour will be Lisbon, Portugal, in March.",
     [("Lisbon", "city", "Lisbon"), ("Portugal", "country", "Lisbon")]),
    # a town tagged as a place modifying a common noun, in a story not about football
    ("Five million visitors made the Madrid gallery the most visited museum in Spain.",
     [("Madrid", "city", "the Madrid gallery"), ("Spain", "country", "museum")]),
    # a city as a possessive or a subject is mostly a club; a name run into a longer one is not a place
    ("Chelsea beat Newcastle 2-0 on Saturday, with Newcastle's defence at fault for both goals.", []),
    ("Liverpool's new stadium will hold 60,000 fans.", []),
    # ... and in a football story a town's name before a common noun is its club's
    ("The Newcastle crowd booed as the league leaders won the match with a late goal from their striker.", []),
    # a district news uses for an industry is no place before a noun ("Hollywood studios")
    ("The new technology will be welcomed by Hollywood studios and their lawyers.", []),
    ("The striker joined Leeds from Bolton for a fee of three million pounds in January.", []),
    ("Scotland Yard said 11 people had been arrested after the match.", []),
    ("The laptop comes with a 40 GB hard drive and a faster chip.", []),  # a unit after a number
    ("Jordan said he would retire at the end of the season.", []),  # a person
    ("The French and Italian delegations left the talks early.", []),  # nationalities
    ("The award is one of the biggest prizes in European music.", []),
    ("Sales in north America and western Europe slowed this year.", [("Europe", "continent", "Sales")]),  # not the US
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_place_mentions(parse, text: str, expected: list[tuple[str, str, str]]) -> None:
    facts = places_in(parse, text)
    assert all(f.relation == "mention" for f in facts)
    assert [(f.place.mention, f.place_kind) for f in facts] == [(m, k) for m, k, _w in expected]
    for fact, (_m, _k, words) in zip(facts, expected):
        assert words in fact.event and fact.event_head
        assert fact.event_kind == "noun" and fact.clause is None  # no "In which city did ..." question
        assert fact.confidence < 0.7


def test_a_town_before_an_event_noun_is_where_it_happened(parse) -> None:
    [fact] = places_in(parse, "The band sold out their Madrid concerts within an hour.")
    assert (fact.place.mention, fact.place_kind, fact.relation, fact.event_head) == ("Madrid", "city", "compound", "concert")


def test_one_mention_per_place_and_none_beside_an_event(parse) -> None:
    text = ("European leaders met in Paris on Monday. Paris officials said the talks went well. "
            "A US judge ruled on Tuesday. The US embassy said nothing.")
    facts = places_in(parse, text)
    assert [(f.place.mention, f.relation) for f in facts] == [("Paris", "in"), ("United States", "mention")]
    assert facts[1].sources[0].sentence == "A US judge ruled on Tuesday."


@pytest.mark.parametrize(
    "text",
    [
        # grounds and neighbourhoods named for their club are not towns, whatever the preposition
        "Arsenal were held to a draw at Highbury by Bolton.",
        "United fans were queuing outside Old Trafford before dawn.",
        "The two sides meet again at Old Trafford next month.",
    ],
)
def test_grounds_are_not_towns(parse, text: str) -> None:
    assert places_in(parse, text) == []


def test_a_neighbourhood_after_in_is_a_place(parse) -> None:
    [fact] = places_in(parse, "Police were called to a flat in Chelsea on Tuesday night.")
    assert (fact.place.mention, fact.place_kind, fact.country) == ("Chelsea", "city", "GB")


def test_person_is_not_a_place(parse) -> None:
    text = "Russian President Vladimir Putin met Alexander Lukashenko in Minsk."
    facts = places_in(parse, text)
    assert [f.place.mention for f in facts] == ["Minsk"]  # not "Vladimir", a Russian city too


def test_junk_is_skipped(nlp) -> None:
    caption = "Putin speaks at an economic forum in the Far Eastern port city of Vladivostok, Russia, on September 5.\n"
    body = "European leaders met in Paris to discuss post-war security guarantees."
    document = Document(
        path="junk.txt", format="text", text=caption + body,
        excluded=(Exclusion(start=0, end=len(caption), reason="caption"),),
    )
    facts = list(extract_places(nlp(document.masked_text), document))  # parsed as the pipeline parses: junk blanked
    assert [f.place.mention for f in facts] == ["Paris"]


@pytest.fixture(scope="module")
def seed_facts(nlp) -> list[tuple[Document, list[Place]]]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        document = Document(path=str(path), format="text", text=path.read_text(encoding="utf-8"))
        out.append((document, list(extract_places(nlp(document.masked_text), document))))
    return out


def test_seeds(seed_facts: list[tuple[Document, list[Place]]]) -> None:
    assert len(seed_facts) == 5
    facts = [f for _d, fs in seed_facts for f in fs]
    assert any(
        f.place.mention == "Vladivostok" and f.place_kind == "city" and f.country == "RU" and "Eastern Economic Forum" in f.event
        for f in facts
    )
    assert any(
        f.place.mention == "Paris" and f.place_kind == "city" and f.event_head in {"meet", "meeting", "summit"}
        for f in facts
    )
    assert any(f.place.mention == "Kharkiv region" and f.place_kind == "region" for f in facts)
    mentions = {f.place.mention for f in facts}
    assert not mentions & {"Putin", "Vladimir", "Zelenskyy", "Trump", "Kremlin", "Pacific"}
    assert all(m[:1].isupper() for m in mentions)
    for document, fs in seed_facts:
        assert len({f.place.mention for f in fs if f.relation == "mention"}) == len([f for f in fs if f.relation == "mention"])
        for fact in fs:
            assert 0.0 <= fact.confidence <= 1.0
            assert fact.event and fact.event_head
            for source in fact.sources:
                assert source.document == document.path
                assert document.text[source.start:source.end] == source.sentence


def test_a_mention_explains_itself_without_an_event(parse) -> None:
    from studyaid.questions.explain import place_explanation

    fact = places_in(parse, "India has ordered the deportation of the actress to Norway.")[0]
    assert (fact.place.mention, fact.relation) == ("India", "mention")
    assert place_explanation(fact) == "India is a country, named in the article."


# A football article: three of its words name the game ("manager", "striker", "season"), so a city that
# plays, is beaten, signs or has a coach is a club there (issue 10).
FOOTBALL = "Kelvale Rovers manager Tom Hollis wants a new striker this season. "


@pytest.mark.parametrize(
    "text, places",
    [
        # a city as a club: after a career word, the subject or object of a match verb, owning a coach
        (FOOTBALL + "Ferreira, who was managed by Mourinho at Porto, has signed a new deal.", []),
        (FOOTBALL + "Carvalho played under Mourinho at Porto and followed him to England.", ["England"]),
        (FOOTBALL + "Chelsea beat Porto in the Champions League on Tuesday.", []),
        (FOOTBALL + "Porto's coach said his team had played well.", []),
        (FOOTBALL + "He spent three years at Lyon before his move.", []),
        # a club's name elsewhere in the article does not hide the city where something happens
        (FOOTBALL + "Chelsea beat Porto last month. The return match will be played in Porto.", ["Porto"]),
        (FOOTBALL + "Rovers were knocked out of the cup by Newcastle. We lost a big game at Newcastle.", ["Newcastle"]),
        # the same words outside football: a real place
        ("The European Central Bank held its annual meeting at Porto on Monday.", ["Porto"]),
        ("Ministers from ten countries signed the treaty at Porto on Monday.", ["Porto"]),
    ],
)
def test_a_city_used_as_a_football_club_is_no_place(parse, text: str, places: list[str]) -> None:
    assert sorted({f.place.mention for f in places_in(parse, text)}) == places


@pytest.mark.parametrize(
    "text, place, kind",
    [
        # a place opening the proper name of an event held there: the article names it
        ("The film will be shown at the Berlin Film Festival next month.", "Berlin", "city"),
        ("She won the top prize at the Venice Film Festival last year.", "Venice", "city"),
        ("He finished third in the London Marathon in April.", "London", "city"),
        ("The Paris Motor Show opens on Thursday.", "Paris", "city"),
    ],
)
def test_a_place_inside_an_event_name_is_named(parse, text: str, place: str, kind: str) -> None:
    facts = places_in(parse, text)
    assert [(f.place.mention, f.place_kind) for f in facts] == [(place, kind)]
    assert facts[0].event_head in {"festival", "marathon", "show"}


@pytest.mark.parametrize(
    "text",
    [
        "She won a Golden Globe Award for the role.",  # a small namesake ("Golden", Colorado), no event word
        "He lifted the Davis Cup with his team-mates.",  # "cup" closes no event held in a place
        "The Kennedy Center Honors were handed out on Sunday.",
        "The band headlined the Festival Stage at midnight.",  # no place at all
    ],
)
def test_no_place_from_an_event_name_without_one(parse, text: str) -> None:
    assert places_in(parse, text) == []


# (sentence, places): "port" after a name is a harbour only for a name the gazetteer knows; before it, a
# computer's socket ("an Ethernet port") is no town; "the port of X" names a place whatever X is (issue 10).
@pytest.mark.parametrize("text, expected", [
    ("The laptop has two USB ports and an Ethernet port for a broadband connection.", []),
    ("The new console has a Firewire port at the back.", []),
    ("Ships were turned away from the Dover port after the storm.", [("Dover", "city")]),
    ("The ferry sailed from the port of Dover at dawn.", [("Dover", "city")]),
])
def test_a_port_before_a_name(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.place.mention, f.place_kind) for f in places_in(parse, text)] == expected


# A name followed by a year in brackets is a work's title, not a place (issue 10).
@pytest.mark.parametrize("text, expected", [
    ("Bogart never won for his role in Casablanca (1942), the critic noted.", []),
    ("She starred in Paris (1998) and later lived in Rome.", [("Rome", "city")]),
    ("The band played in Berlin in 1998 and in Paris in 2001.", [("Berlin", "city"), ("Paris", "city")]),
])
def test_a_title_with_its_year_is_no_place(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.place.mention, f.place_kind) for f in places_in(parse, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a river, a lake or a mountain is a place by its own words, though the gazetteer lacks it (issue 10)
        ("Walkers found the boat drifting by the River Wye on Sunday.", [("River Wye", "place")]),
        ("The old ferry still crosses Lake Orrin twice a day.", [("Lake Orrin", "place")]),
        # an island or a resort named by the text; a name the NER tags a place followed by its country
        ("They flew to the Greek island of Kos for a week.", [("Kos", "region")]),
        ("She was last seen in the beach resort of Palmora, India.", [("Palmora", "place"), ("India", "country")]),
        # a town set beside the noun that says what it is; a town a journey goes to, outside football
        ("Thousands cheered in the square of the Portuguese capital, Lisbon, on Friday.", [("Lisbon", "city")]),
        ("After the race the whole team flew to Madrid for a week of training.", [("Madrid", "city")]),
        # the punctuation or the score NER runs into a name is not part of it
        ("Police found the car in a lay-by near Bristol - a spot known to walkers.", [("Bristol", "city")]),
        ("Slovakia won the title by beating Argentina 3-0 on Saturday.", [("Argentina", "country")]),
        ("Markets across Asia Pacific rose sharply on Monday.", [("Asia Pacific", "region")]),
        # negatives: a river's word alone or in lower case names nothing, nor a hospital named after a mountain;
        # a letter given "to" a person
        ("The river rose sharply after the storm.", []),
        ("The patient was moved to Mount Sinai Hospital on Friday.", []),
        # outside football a county keeps its name
        ("The lawsuit was filed in Washington County on Monday.", [("Washington County", "region")]),
        ("He gave the letter to Tom Reed before he left.", []),
    ],
)
def test_places_the_text_names_by_their_own_words(parse, text: str, expected: list[tuple[str, str]]) -> None:
    facts = places_in(parse, text)
    assert sorted((f.place.mention, f.place_kind) for f in facts) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # a town's club: "X City" or "X Town" after its town, "the manager's job at X" in a football story
        (FOOTBALL + "He would like to succeed Ann Roe as manager at Manchester City next season."),
        (FOOTBALL + "He was linked with the manager's job at Oldham last month."),
        (FOOTBALL + "The striker has joined Ipswich Town on loan."),
        # a journey "to" a town in a football story is a transfer
        (FOOTBALL + "The striker moved to Madrid for a fee of ten million pounds."),
    ],
)
def test_a_towns_club_is_no_place(parse, text: str) -> None:
    assert [f.place.mention for f in places_in(parse, text) if f.place_kind == "city"] == []


@pytest.mark.parametrize(
    "text, name",
    [
        # a name before a comma and a country is a place only where a place stands ("the resort of X, India"),
        # never in a list of surnames that ends with a country's name
        ("Substitutes not used: Mackay, Weller, Onuora, Jordan.", "Onuora"),
        ("The squad: Ashby, Tembo, Kaluba, Chad and Mensah.", "Kaluba"),
    ],
)
def test_a_surname_before_a_country_in_a_list_is_no_place(parse, text: str, name: str) -> None:
    assert name not in {f.place.mention for f in places_in(parse, text)}


# --- round 3 (issue 10): sentences written for these tests --------------------------------------------------

@pytest.mark.parametrize("text, place, kind", [
    # a part of a continent named by a compass word
    ("Police said the stolen cars were shipped to Western Europe within days.", "Western Europe", "region"),
    ("The charity is raising money for flood victims in South-East Asia.", "Southeast Asia", "region"),
    # a town set beside "capital" after a comma, whatever the parse makes of the dash after it
    ("The singer will give a free show in the Kenyan capital, Nairobi - her first gig in Africa.", "Nairobi", "city"),
    # a place the NER tags as a name of its own, before another entity's name
    ("A UK Microsoft spokesman said the game would ship in March.", "United Kingdom", "country"),
    # a place a storm or a flood sweeps
    ("Heavy snow which has battered Chicago for a week closed the airport.", "Chicago", "city"),
])
def test_round3_places_named(parse, text: str, place: str, kind: str) -> None:
    found = [(f.place.name, f.place_kind) for f in places_in(parse, text)]
    assert (place, kind) in found, found


@pytest.mark.parametrize("text, name", [
    # a town's name before a word of a tournament's results is the tournament
    ("Smith, a Wimbledon quarter-finalist last summer, lost in three sets.", "Wimbledon"),
    ("She beat the former Wimbledon champion in straight sets on Monday.", "Wimbledon"),
    # a name run on into a longer one of the same entity
    ("Officers from Scotland Yard arrested two men on Friday.", "Scotland"),
    ("The firm has 20 staff at its offices in Kentish Town, London.", "Kentish"),
    # an object that is no swept place
    ("A late goal condemned Mansfield to a fifth defeat in a row.", "Mansfield"),
])
def test_round3_no_place(parse, text: str, name: str) -> None:
    assert not any(name in f.place.name for f in places_in(parse, text)), [f.place.name for f in places_in(parse, text)]
