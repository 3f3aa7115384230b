"""Who holds which role: titles in front of names and appositions after them."""
from __future__ import annotations

import pytest

from studyaid.document import Document, Exclusion
from studyaid.extract.roles import extract_roles


FOUND = [
    # seed 000
    ("Meanwhile, NATO Secretary-General Mark Rutte warned that Russia could threaten other European countries and "
     "stressed the importance of deterrence.",
     ("Mark Rutte", "Secretary-General", "NATO", "NATO Secretary-General")),
    # seed 000: an abbreviation for a country
    ("Macron and the UK Prime Minister Keir Starmer stressed that US backing is essential to make the initiative "
     "credible.",
     ("Keir Starmer", "Prime Minister", "United Kingdom", "UK Prime Minister")),
    # seed 004: an organisation of two words
    ("Speaking during a joint press conference with European Council President Antonio Costa, Ukraine\u2019s "
     "President Zelenskyy said that while the deal was still in its early stages, it is expected to involve troops "
     "on the ground in Ukraine.",
     ("Antonio Costa", "President", "European Council", "European Council President")),
    # seed 002: a possessive country
    ("Putin\u2019s stance came after Ukraine\u2019s President Volodymyr Zelensky, accompanied by Macron, revealed "
     "that 26 European states were ready to offer security guarantees to Ukraine post-war through a Coalition of the "
     "Willing.",
     ("Volodymyr Zelensky", "President", "Ukraine", "Ukraine\u2019s President")),
    # seed 000: a demonym
    ("Russian President Vladimir Putin has warned today, Friday 5 September, that any foreign troops deployed to "
     "Ukraine would be treated as \u201clegitimate targets\u201d by Moscow\u2019s forces.",
     ("Vladimir Putin", "President", "Russia", "Russian President")),
    # seed 001: an apposition after the name
    ("Michael Carpenter, a former White House national-security adviser and ambassador to the Organization for "
     "Security and Cooperation in Europe, suggested the Europeans were being naive about Moscow's position.",
     ("Michael Carpenter", "adviser", "White House", "former White House national-security adviser")),
    # seed 001: a lower-case modifier stays in the role, not in the title; no organisation named
    ("As the politicians spoke, Russian drones killed at least three people and injured three others late on "
     "September 4 in the Kharkiv region in northeastern Ukraine's, regional Governor Oleh Synyehubov said.",
     ("Oleh Synyehubov", "Governor", None, "regional Governor")),
]


# Titles beyond offices of state: club and band jobs, sports roles, occupations, an organisation after a
# preposition, a title set off before the name, "as" a title. (person, title, organisation, role)
FOUND += [
    # "X boss Y"
    ("Hollow Pines boss Dan Mercer said the team had been unlucky.",
     ("Dan Mercer", "boss", "Hollow Pines", "Hollow Pines boss")),
    # an organisation after "at" / "for", its kind ("security firm") kept in the role only
    ("But Tom Hadley, senior consultant at security firm Norvex, told reporters it was good news.",
     ("Tom Hadley", "senior consultant", "Norvex", "senior consultant at security firm Norvex")),
    ("\"The risk is real,\" said Tom Hadley, senior technology consultant for Norvex.",
     ("Tom Hadley", "senior technology consultant", "Norvex", "senior technology consultant for Norvex")),
    ("Meg Dorran, director of the Kelvale Theatre, has died aged 70.",
     ("Meg Dorran", "director", "Kelvale Theatre", "director of the Kelvale Theatre")),
    # the employer after "of" beats a country in front; a country alone stays
    ("David Stanley, UK managing director of filtering firm Ciphertrust, said the technique was new.",
     ("David Stanley", "managing director", "Ciphertrust", "UK managing director of filtering firm Ciphertrust")),
    ("Tom Hadley, UK managing director, said the technique was new.",
     ("Tom Hadley", "managing director", "United Kingdom", "UK managing director")),
    ("Jim Barr, director of the law programme at the University of Dayton, said so.",
     ("Jim Barr", "director", "University of Dayton", "director of the law programme at the University of Dayton")),
    # the owner of the unit named after the preposition
    ("Ann Roe, head of Microsoft's new games unit, said sales were rising.",
     ("Ann Roe", "head", "Microsoft", "head of Microsoft's new games unit")),
    # an honorific in front and a title in apposition: both
    ("\"It is a start,\" said Professor Ann Keller, project leader at Dunmore.",
     ("Ann Keller", "project leader", "Dunmore", "project leader at Dunmore")),
    ("\"It is a start,\" said Professor Ann Keller, project leader at Dunmore.",
     ("Ann Keller", "Professor", None, "Professor")),
    # appositions with a possessive
    ("Rita Vance, the band's singer, left the stage early.", ("Rita Vance", "singer", None, "band's singer")),
    ("Paul Okafor, the club's chief executive, refused to comment.",
     ("Paul Okafor", "chief executive", None, "club's chief executive")),
    # "former": kept in the role, also in front of an organisation NER did not name
    ("Former Dunford Rovers captain Lee Barton now runs a bakery.",
     ("Lee Barton", "captain", "Dunford Rovers", "former Dunford Rovers captain")),
    # sports roles
    ("Kelton United striker Omar Haddad scored twice.", ("Omar Haddad", "striker", "Kelton United", "Kelton United striker")),
    ("Wexham Athletic coach Ivan Petrov praised his players.",
     ("Ivan Petrov", "coach", "Wexham Athletic", "Wexham Athletic coach")),
    ("Australian world champion Mia Torres won the race easily.",
     ("Mia Torres", "world champion", "Australia", "Australian world champion")),
    ("Former double world champion Kelli Whyte has been banned for two years.",
     ("Kelli Whyte", "double world champion", None, "former double world champion")),
    ("Britain's former European 100m champion Dale Chalmers is serving a ban.",
     ("Dale Chalmers", "100m champion", "Europe", "former European 100m champion")),
    # judges
    ("The ruling was made by the judge, Susan Ferrow, on Monday.", ("Susan Ferrow", "judge", None, "judge")),
    ("US District Judge Susan Ferrow rejected the request.",
     ("Susan Ferrow", "District Judge", "United States", "US District Judge")),
    # occupations
    ("Actor Tom Belling and writer Jane Corrie will judge the prize.", ("Tom Belling", "actor", None, "actor")),
    ("Actor Tom Belling and writer Jane Corrie will judge the prize.", ("Jane Corrie", "writer", None, "writer")),
    ("Last year, U2 frontman Bono sang at the concert.", ("Bono", "frontman", "U2", "U2 frontman")),
    ("Ferguson praised co-founder Ann Roe and vice-president Bill Tate.", ("Ann Roe", "co-founder", None, "co-founder")),
    # match officials: a lower-case job word before a full name, mid-sentence (issue 10)
    ("The match was abandoned after Uefa delegate Hans Berger inspected the pitch.",
     ("Hans Berger", "delegate", "Uefa", "Uefa delegate")),
    ("The players surrounded referee Mark Halsey after the goal.", ("Mark Halsey", "referee", None, "referee")),
    ("The decision by match referee Ian Fuller angered the home fans.",
     ("Ian Fuller", "match referee", None, "match referee")),
    ("Both captains argued with umpire Dev Raman about the light.", ("Dev Raman", "umpire", None, "umpire")),
    # a team's player named after "the", with or without commas
    ("The England midfielder Steven Garrard was injured in training.",
     ("Steven Garrard", "midfielder", "England", "England midfielder")),
    ("Coach Bill Tate praised the England midfielder, Steven Garrard, after the game.",
     ("Steven Garrard", "midfielder", "England", "England midfielder")),
    # a lower-case job word before a full name mid-sentence, not only opening a sentence
    ("The programme was presented by historian Paul Brandt last year.",
     ("Paul Brandt", "historian", None, "historian")),
    # an honorific between the title and the name is neither (issue 10)
    ("Tycoon Sir Alan Fairweather bought the club in 2003.", ("Alan Fairweather", "tycoon", None, "tycoon")),
    ("The club was bought by entrepreneur Sir Alan Fairweather in 2003.",
     ("Alan Fairweather", "entrepreneur", None, "entrepreneur")),
    # a noun ending that always names a profession, after the name or before it
    ("Mia Torres, the agency's chief psychologist, said the tests were fair.",
     ("Mia Torres", "chief psychologist", None, "agency's chief psychologist")),
    ("Veteran musician Paul Okafor played the opening set.", ("Paul Okafor", "musician", None, "musician")),
    ("Magistrate Lee Gilmore issued the order at the local court.", ("Lee Gilmore", "magistrate", None, "magistrate")),
    # a plural title shared by the names it lists
    ("The group, which also includes members Ann Roe and Bill Tate, toured in 2003.", ("Bill Tate", "member", None, "member")),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_role_found(roles, text, expected):
    found = [(r.person.name, r.title, r.organization, r.role) for r in roles(text)]
    assert expected in found, found
    role = next(r for r in roles(text) if r.person.name == expected[0])
    assert role.person.kind == "person"
    assert text[role.sources[0].start:role.sources[0].end] == role.sources[0].sentence


def test_two_people_with_titles_in_one_sentence(roles):
    text = FOUND[2][0]
    found = {(r.person.name, r.title, r.organization) for r in roles(text)}
    assert found == {("Antonio Costa", "President", "European Council"), ("Zelenskyy", "President", "Ukraine")}


def test_a_title_does_not_swallow_the_name_before_it(roles):
    # seed 004: "Ukrainian President Zelenskyy" after a dash-led bullet
    found = roles("-Ukrainian President Zelenskyy confirmed Friday that an agreement is in place for "
                  "\u201cthousands\u201d of such troops.")
    assert [(r.person.name, r.title, r.organization) for r in found] == [("Zelenskyy", "President", "Ukraine")]


NO_ROLES = [
    # a title with no name: the person is resolved elsewhere, not a role fact
    "Trump made the remark as he hosted US tech titans at the White House for dinner on Thursday, adding that he has "
    "a \u201cvery good dialogue\u201d with the Russian leader.",
    "Zelenskyy and Macron also lamented Putin's refusal to meet with the Ukrainian president.",
    "The Russian president insisted that his troops would consider NATO troops \u201clegitimate targets.\u201d",
    "The French president and the Russian leader did not meet.",
    # a name with no title
    "Putin has often labeled Zelenskyy as illegitimate.",
    # a place is not a person, whatever is in front of it
    "Putin speaks at an economic forum in the Far Eastern port city of Vladivostok, Russia, on September 5.",
    # a champion or holder of nothing named
    "The show is hosted by black music champion Ras Kwame on Wednesdays.",
    "Ticket holder Tom Reed queued for hours.",
    # a title with a comma before a name that is not its apposition
    "Asked about the coach, Tom Reed said he was happy.",
    "He spoke to a coach, Tom Reed, after the game.",
    # a list of labels and names is no apposition
    "Her picks: film - The Long Road; actor - Jamie Foxx; actress - Hilary Swank.",
    # a person noun before a name mid-sentence that names no job
    "He was replaced by his successor Tom Reed in March.",
    "The court heard from supporter Tom Reed and viewer Ann Roe.",
    "The film stars newcomer Ann Roe as a nurse.",
    "She thanked her brother Tom Reed at the ceremony.",
    "The game was settled by try scorer Tom Reed in the last minute.",
    # an award's category is no title
    "He turned down his best actor Oscar in 1973.",
    "The film won best director Ann Roe her first prize.",
    # half of a hyphenated word is no title
    "The film saw his female co-star Kathleen Turner win a Golden Globe.",
]


COORDINATED = [
    # two titles joined by "and" in front of one name: both are the person's (issue 10)
    ("Singer and songwriter Emma Clarke will open the festival.", {("Emma Clarke", "singer"), ("Emma Clarke", "songwriter")}),
    ("The festival opens with singer and songwriter Emma Clarke.", {("Emma Clarke", "singer"), ("Emma Clarke", "songwriter")}),
    ("The chairman and chief executive Tom Reed resigned on Monday.",
     {("Tom Reed", "chairman"), ("Tom Reed", "chief executive")}),
    # a plural before "and" is other people; a name before "and" is another person
    ("The players and coach Ann Roe were praised.", {("Ann Roe", "coach")}),
    ("Tom Reed visited Ann Roe and manager Bill Tate.", {("Bill Tate", "manager")}),
]


@pytest.mark.parametrize("text, expected", COORDINATED)
def test_coordinated_titles(roles, text, expected):
    assert {(r.person.name, r.title) for r in roles(text)} == expected


def test_a_titled_name_ner_cuts_keeps_its_role_after_resolving(parse, is_place):
    """A name NER reads differently ("Quincy" is also a town) is still the person the title names."""
    from studyaid.extract import extract_facts, name_mentions
    from studyaid.facts import Role
    from studyaid.resolve import resolve_facts

    document, doc = parse("The song was written by Tom Reed, with Quincy Jones as producer.")
    raw = list(extract_facts(doc, document, is_place))
    factset = resolve_facts(raw, list(name_mentions(doc, document, is_place)), [document.path], [])
    assert [(f.person.name, f.title) for f in factset.facts if isinstance(f, Role)] == [("Quincy Jones", "producer")]


def test_one_title_per_name_in_a_list(roles):
    found = {(r.person.name, r.title) for r in roles("Actor Tom Belling and writer Jane Corrie will judge the prize.")}
    assert found == {("Tom Belling", "actor"), ("Jane Corrie", "writer")}


@pytest.mark.parametrize("text", NO_ROLES)
def test_no_role(roles, text):
    assert [(r.person.name, r.role) for r in roles(text)] == []


def test_roles_in_junk_are_not_read(nlp, is_place):
    text = "With reporting by RFE/RL's Ukrainian Service and Senior International Correspondent Mike Eckel"
    document = Document(path="t.txt", format="text", text=text,
                        excluded=(Exclusion(start=0, end=len(text), reason="publisher-notice"),))
    assert list(extract_roles(nlp(document.masked_text), document, is_place)) == []


JOB_WORD_OPENS = [
    # a bare job word opening the sentence before a full name is the person's title, written in lower case
    ("Sprinter Jane Roe won the 200m title in Lisbon on Sunday.", ("Jane Roe", "sprinter", None, "sprinter")),
    ("Hurdler Tom Price finished third in the final.", ("Tom Price", "hurdler", None, "hurdler")),
    ("Broadcaster Mark Dalton said the programme would return in the spring.",
     ("Mark Dalton", "broadcaster", None, "broadcaster")),
    ("Photographer Lee Mason took the picture in the Alps.", ("Lee Mason", "photographer", None, "photographer")),
    ("Historian Paul Brandt presented the series.", ("Paul Brandt", "historian", None, "historian")),
    ("Skier Anna Berg crashed in the downhill.", ("Anna Berg", "skier", None, "skier")),
    ("Novelist Ann Lee said the book had taken her a decade.", ("Ann Lee", "novelist", None, "novelist")),
]


@pytest.mark.parametrize("text, expected", JOB_WORD_OPENS)
def test_job_word_opening_a_sentence(roles, text, expected):
    found = [(r.person.name, r.title, r.organization, r.role) for r in roles(text)]
    assert found == [expected]


@pytest.mark.parametrize("text", [
    "Fans cheered as Tom Baker arrived at the ground.",  # a plain plural noun, not before the name
    "Police said Tom Baker had been released.",  # a plain noun
    "Teenager Amy Little reached the semi-finals.",  # a person, no job
    "Winner Kate Reed collected the trophy.",
    "Mother Teresa was honoured in Rome.",  # kin, and no full name after it
    "Later Tom Fox said he would stay.",  # not a noun
])
def test_no_job_word_title(roles, text):
    assert [(r.person.name, r.title) for r in roles(text)] == []


ROUND_2 = [
    # offices joined by "and" in an apposition: both the person's (issue 10)
    ("Tom Clarke, guitarist and lyricist for the band, vanished ten years ago.",
     {("Tom Clarke", "guitarist"), ("Tom Clarke", "lyricist")}),
    # a second person after "and" in the apposition keeps their own title
    ("Tom Reed, the coach, and captain Ann Roe met the press.", {("Tom Reed", "coach"), ("Ann Roe", "captain")}),
    # a player's world ranking in front of the name
    ("Jane Smith then upset world number seven Maria Lopez 6-4 6-1.", {("Maria Lopez", "world number seven")}),
    ("She will face world number three Maria Lopez in the final.", {("Maria Lopez", "world number three")}),
    ("The number seven bus was late.", set()),  # no ranking without "world" and a name
    # names listed under a plural title take it up to the next plural title, past a name the NER mislabels
    ("The show features pictures by photographers David Bailey, Rankin and Nan Goldin, and artists Sir Peter Blake, "
     "Tracey Emin and Jack Vettriano.",
     {("David Bailey", "photographer"), ("Peter Blake", "artist"), ("Tracey Emin", "artist"),
      ("Jack Vettriano", "artist")}),
    ("The prize went to actor Hugh Grant and writer Joanne Harris.",
     {("Hugh Grant", "actor"), ("Joanne Harris", "writer")}),
    # a title and a name that modify a common noun name a character or a work, not a person with an office
    ("The song was written for the Judge Dredd film soundtrack.", set()),
    ("Fans queued for the new King Kong movie all night.", set()),
    # a first title with its own determiner or body is another person's ("The Kelvish president and ...")
    ("The Kelvish president and Rovan Prime Minister Tom Reed noted the plan would need support.",
     {("Tom Reed", "prime minister")}),
    ("Singer and songwriter Ann Roe will tour in May.", {("Ann Roe", "singer"), ("Ann Roe", "songwriter")}),
    # a second office in apposition with a body of its own does not take the first one's body
    ("Tom Reed, a former Kelvale council adviser and ambassador to the Rovan League, spoke on Monday.",
     {("Tom Reed", "adviser")}),
]


@pytest.mark.parametrize("text, expected", ROUND_2)
def test_round_2_titles(roles, text, expected):
    assert {(r.person.name, r.title.lower()) for r in roles(text)} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a surname the NER tags as a place or nothing, after a full name it tags as a person (issue 10)
        ("John Malkovich flew in on Monday. Hollywood star Malkovich will play the villain.",
         {("Malkovich", "star")}),
        # never the end of another name the parse split off ("Beenie Man" is not Mr Man)
        ("Tom Man opened the show. Critics attacked stars such as Beenie Man last year.", set()),
    ],
)
def test_a_surname_alone_is_the_person(roles, text, expected):
    assert {(r.person.name, r.title.lower()) for r in roles(text)} >= expected
    if not expected:
        assert [r for r in roles(text) if r.person.name == "Man"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a capitalised qualifier of a champion is part of the title (issue 10)
        ("The race was won by double Olympic champion Kelly Holmes.", {("Kelly Holmes", "double olympic champion")}),
        ("She watched the Olympic Games with coach Tom Reed.", {("Tom Reed", "coach")}),
        # a sentence opening with "The" and a title describes the one person the sentence before is about
        ("Kelly Holmes has been forced out of the championships after an injury.\n\nThe double Olympic champion said "
         "she was disappointed.", {("Kelly Holmes", "double olympic champion")}),
        ("Tom Reed scored twice on Saturday.\n\nThe former England defender had a year as player-boss with Forest.",
         {("Tom Reed", "defender")}),
        # ... never when the lead names two people, a bare noun, or no person as its subject
        ("Tom Reed and Ann Roe met on Monday.\n\nThe singer said he was happy.", set()),
        ("The crowd cheered Tom Reed on Monday.\n\nThe singer said he was happy.", set()),
        ("Tom Reed arrived late.\n\nThe band played on.", set()),
        ("Tom Reed arrived late.\n\nThe singer of the support act said nothing.", set()),
        # ... nor inside a paragraph, nor when the noun named someone else before
        ("The film is about a band. Tom Reed will produce it. The musician died in 1980.", set()),
        ("A club spokesman said little.\n\nTom Reed was dropped on Monday.\n\nThe spokesman refused to comment.", set()),
    ],
)
def test_a_title_describing_the_person_named_before(roles, text, expected):
    assert {(r.person.name, r.title.lower()) for r in roles(text)} == expected


ROUND_3 = [
    # positions written with a hyphen the tokenizer splits are read whole (issue 10, round 3)
    ("Kelvale fly-half Tom Harker kicked three penalties.", {("Tom Harker", "fly-half")}),
    ("Fly-half Tom Harker will captain the side.", {("Tom Harker", "fly-half")}),
    ("The coach picked open-side Tom Harker and lock Sam Ward.", {("Tom Harker", "open-side"), ("Sam Ward", "lock")}),
    ("Rovers three-quarter Sam Ward takes the place on the wing.", {("Sam Ward", "three-quarter")}),
    ("He must get past the left-back Sam Ward first.", {("Sam Ward", "left-back")}),
    ("Open Championship semi-finalist Sam Ward lost in two sets.", {("Sam Ward", "semi-finalist")}),
    ("The half-time score was level.", set()),  # a hyphenated word that names no office
    # a player's seeding in a tournament, in words or in digits, also opening the sentence
    ("He will now face top seed Tom Harker in the semi-final.", {("Tom Harker", "top seed")}),
    ("The veteran lost to fourth seed Paul Denby on Tuesday.", {("Paul Denby", "fourth seed")}),
    ("He lost to the 12th seed Paul Denby in four sets.", {("Paul Denby", "12th seed")}),
    ("Second seed Tom Harker beat the Dutchman in straight sets.", {("Tom Harker", "second seed")}),
    ("He then beat Kelvia's Tom Harker, the third seed, in two sets.", {("Tom Harker", "third seed")}),
    # a capitalised word saying what a champion is opening the sentence is the title's
    ("Defending champion and top seed Ann Roper rallied to win.",
     {("Ann Roper", "defending champion"), ("Ann Roper", "top seed")}),
    ("They sowed the seed Tom Harker had brought from home.", set()),  # a seed with no rank is no seeding
    ("He is the top scorer Sam Ward can rely on.", set()),  # "top" is a seeding's word only before "seed"
    # a country's player: "international" between a nationality and a name, or as a noun
    ("The winger was pushed by Welsh international Mary Cole in the final metres.", {("Mary Cole", "international")}),
    ("Mary Cole, a Scotland international, joined the club in May.", {("Mary Cole", "international")}),
    ("The international Tom Harker conference opened on Monday.", set()),
    ("Another Kelvale international, Mary Cole, finished third in the race.", {("Mary Cole", "international")}),
    ("Another coach, Mary Cole said the team was tired.", set()),  # no closing comma: the coach is someone else
    # two words naming one position, a hyphenated qualifier of a champion
    ("Saints midfield man Tom Harker was booked.", {("Tom Harker", "midfield man")}),
    ("Then second row Tom Harker scored.", {("Tom Harker", "second row")}),
    ("He sat in the front row with Tom Harker.", set()),
    ("The race was won by European cross-country champion Ann Roper.",
     {("Ann Roper", "european cross-country champion")}),
    ("He beat the cross-country runner Ann Roper.", {("Ann Roper", "cross-country runner")}),
    # a team's staff
    ("Later the club physio Sam Ward ran onto the pitch.", {("Sam Ward", "club physio")}),
    ("The pupils were taught by maths teacher Ann Lee for three years.", {("Ann Lee", "maths teacher")}),
    # an office with "a", then "called" or "named" and the name
    ("The band was first joined by a rhythm guitarist called Jonno Pike.", {("Jonno Pike", "rhythm guitarist")}),
    ("They hired a lawyer named Sam Ward to fight the case.", {("Sam Ward", "lawyer")}),
    ("She starred in a film called Sam Ward.", set()),  # a thing so called
    ("His son, named Sam Ward, is a lawyer.", set()),  # kin, not an office
    ("He met the lawyer called Sam Ward.", set()),  # only "a" lawyer so called introduces the person
    # a hyphenated position in apposition is written whole
    ("It could be that Tom Harker, usually a right-back, is moved to the left.", {("Tom Harker", "right-back")}),
    ("Sam Ward, a fly-half for Kelvale, said the team was strong.", {("Sam Ward", "fly-half")}),
    # offices set off by commas that the parser took for a list's next item after the name
    ("The meeting was attended by Tom Smith, manager and coach of the club, and his wife.",
     {("Tom Smith", "manager"), ("Tom Smith", "coach")}),
    ("They saw Tom Smith, coach Bill Jones and two fans.", {("Bill Jones", "coach")}),
    # one person is no plural office: a list's next item
    ("He thanked Tom Smith, lawyers and judges for their help.", set()),
    # a lower-case plural office the tagger took for a name is shared by the names it lists
    ("The set has the first season of Max (Tom Harker) and Lila's (Ann Roper) adventures. Sadly the extras were "
     "dropped, though stars Harker and Roper had agreed to do them.", {("Harker", "star"), ("Roper", "star")}),
    # a business named by what it does is a company, whatever the NER says of its name
    ("Bookmaker Jack Tilbury has stopped taking bets on the race.", set()),
    ("Retailer Marks Taylor has cut its prices again.", set()),
]


@pytest.mark.parametrize("text, expected", ROUND_3)
def test_round_3_titles(roles, text, expected):
    assert {(r.person.name, r.title.lower()) for r in roles(text)} == expected


@pytest.mark.parametrize("text, expected", [
    ("Fly-half Tom Harker will captain the side.", [("Tom Harker", "fly-half")]),
    ("Fourth seed Tom Harker lost in four sets.", [("Tom Harker", "fourth seed")]),
    ("Defending champion Ann Roper rallied to win.", [("Ann Roper", "defending champion")]),
    ("Double Olympic champion Ann Roper will run in May.", [("Ann Roper", "double Olympic champion")]),
    ("Olympic champion Ann Roper will run in May.", [("Ann Roper", "Olympic champion")]),  # a name's adjective
    ("European cross-country champion Ann Roper won again.", [("Ann Roper", "European cross-country champion")]),
    ("Second row Tom Harker scored twice.", [("Tom Harker", "second row")]),
])
def test_a_title_opening_the_sentence_is_written_in_lower_case(roles, text, expected):
    assert [(r.person.name, r.title) for r in roles(text)] == expected


@pytest.mark.parametrize("first", ["Huw", "Osian", "Gwilym"])
def test_a_full_name_the_ner_tags_elsewhere_is_the_person(nlp, first):
    # the lead after a blanked headline: the NER tags the name only in the later paragraph ("Huw"), the parser
    # joins the offices to the name as a list ("Osian")
    head = "Ten-year mystery of missing Owl\n\n"
    text = head + (f"{first} Vantreck, guitarist and lyricist for The Velvet Owls, vanished ten years ago, on 3 March "
                   f"1995. His fate is still unknown.\n\nFor his devoted fans, {first} Vantreck was an inspired poet.")
    document = Document(path="t.txt", format="text", text=text,
                        excluded=(Exclusion(start=0, end=len(head.rstrip()), reason="heading"),))
    found = {(r.person.name, r.title, r.organization) for r in extract_roles(nlp(document.masked_text), document)}
    assert found == {(f"{first} Vantreck", "guitarist", "Velvet Owls"), (f"{first} Vantreck", "lyricist", "Velvet Owls")}
