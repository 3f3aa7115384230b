"""Word lists the extractors share, each defined once: titles, reporting verbs, demonyms, numbers, months.

Titles come in three sets: ``OFFICES`` (the head word of a job title: "minister", "manager", "chief"),
``TITLE_MODIFIERS`` (words that build a longer title in front of an office: "prime", "deputy", "chief"
in "chief executive") and ``HONORIFICS`` ("Mr", "Dr", "Professor"). None of them is ever part of a
person's name; ``TITLE_WORDS`` is their union. Demonyms map an adjective of nationality to the
country's name ("Russian" -> "Russia"): the regular ones ("Kenyan", "Australian") are derived from
pycountry's country names, the irregular ones are listed.
"""
from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

# --- titles ------------------------------------------------------------------------------------------
# The word a title ends with: "Prime Minister", "Chelsea manager", "chief executive", "Texas attorney general".
OFFICES = frozenset({
    "president", "vice-president", "minister", "secretary", "secretary-general", "governor", "chancellor",
    "senator", "mayor", "ambassador", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
    "vice-chairman", "chair", "director", "king", "queen", "pope", "premier", "commissioner", "envoy",
    "adviser", "advisor", "correspondent", "general", "chief", "ceo", "leader", "head", "representative",
    "prosecutor", "judge", "speaker", "executive", "officer", "manager", "coach", "captain", "boss",
    "analyst", "lawyer", "attorney", "professor", "conductor", "editor", "founder", "co-founder", "owner",
    "producer", "presenter", "inspector", "superintendent", "constable", "detective", "sergeant", "colonel",
    "lieutenant", "commander", "admiral", "marshal", "chairperson", "mp", "mep", "economist", "researcher",
    "scientist", "curator", "architect", "striker", "midfielder", "defender", "goalkeeper", "winger",
    "forward", "full-back", "fly-half", "scrum-half", "centre", "lock", "prop", "hooker", "flanker",
    "consultant", "actor", "actress", "novelist", "writer", "author", "poet", "playwright", "composer",
    "singer", "frontman", "frontwoman", "guitarist", "drummer", "bassist", "dj", "host", "comedian", "star",
    "member", "trainer", "pundit", "shareholder", "student", "designer", "engineer", "vice-chairwoman",
    "referee", "umpire", "linesman", "delegate",
    # business, sport, the arts and the press
    "entrepreneur", "tycoon", "magnate", "businessman", "businesswoman", "billionaire", "skipper", "sprinter",
    "athlete", "runner", "hurdler", "cyclist", "swimmer", "golfer", "jockey", "rower", "medallist", "medalist",
    "journalist", "columnist", "historian", "musician", "pianist", "violinist", "cellist", "vocalist", "rapper",
    "photographer", "film-maker", "filmmaker", "choreographer", "dancer", "comic", "cartoonist", "artist",
    "activist", "astronaut", "surgeon", "physicist", "chemist", "strategist", "lobbyist", "publicist", "songwriter",
    "magistrate", "coroner", "lyricist", "keyboardist", "saxophonist", "trumpeter", "organist", "flautist",
    "harpist", "soloist", "sculptor", "painter", "illustrator", "novelist", "screenwriter", "lyric-writer",
    # a team's staff and the positions of rugby and football, written whole or hyphenated ("open-side",
    # "three-quarter": the tokenizer splits them; the titles read them whole)
    "physio", "physiotherapist", "teacher", "finalist", "semi-finalist", "quarter-finalist", "three-quarter",
    "open-side", "blind-side", "second-row", "loose-forward", "back-row", "right-back", "left-back",
    "centre-back", "centre-half", "wing-back", "half-back", "stand-off", "playmaker",
    # jobs a news story puts before a name at the start of a sentence ("Wing X said", "Agent X said")
    "wing", "agent", "organiser", "organizer", "promoter", "grocer", "shopkeeper", "coxswain", "chef", "farmer",
    "landlord", "landlady", "publican", "fisherman", "lifeboatman", "paramedic", "nurse", "doctor", "pilot",
})
# Offices that are a title only with a word that says of what: "world champion", "European champion",
# "record holder" (but not "black music champion", "ticket holder").
QUALIFIED_OFFICES = MappingProxyType({
    "champion": frozenset({"world", "olympic", "paralympic", "commonwealth", "national", "reigning", "defending",
                           "double", "triple", "heavyweight", "middleweight", "lightweight", "grand", "slam",
                           "league", "title", "junior", "indoor", "outdoor", "european", "cross-country"}),
    "holder": frozenset({"record", "title", "world-record"}),
    # a player's seeding in a tournament: "top seed", "fourth seed", "10th seed" (a digit ordinal counts too)
    "seed": frozenset({"top", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"}),
})
# Words in front of an office that make one title with it: "Prime Minister", "chief executive", "managing director".
TITLE_MODIFIERS = frozenset({
    "prime", "foreign", "defence", "defense", "deputy", "vice", "regional", "former", "acting", "interim",
    "senior", "international", "first", "national-security", "security", "national", "chief", "executive",
    "managing", "general", "assistant", "associate", "attorney", "police", "finance", "home", "health",
    "shadow", "lord", "creative", "artistic", "technical", "commercial", "marketing", "sales", "project",
    "programme", "program", "research", "news", "political", "business", "technology", "sports",
    "personal", "district", "circuit", "late", "part-time", "full-time",
})
# Words written before a name that are not part of it: "Mr King", "Dr Smith", "Professor Kerstin Dautenhahn".
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "reverend",
    "mr.", "mrs.", "ms.", "dr.", "prof.",
})
# Modifiers kept in the whole role ("former Governor") but not in the title ("Governor").
ROLE_ONLY_MODIFIERS = frozenset({"regional", "former", "acting", "interim", "late"})
TITLE_WORDS = OFFICES | TITLE_MODIFIERS | HONORIFICS

MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord"})
FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady"})
# Nouns that tell a person's gender when they describe the person ("the actress", "his wife").
MALE_NOUNS = frozenset({"king", "prince", "spokesman", "chairman", "actor", "father", "son", "brother",
                        "husband", "boyfriend", "uncle", "nephew", "man", "boy", "sir", "lord", "duke"})
FEMALE_NOUNS = frozenset({"queen", "princess", "spokeswoman", "chairwoman", "actress", "mother", "daughter",
                          "sister", "wife", "girlfriend", "aunt", "niece", "woman", "girl", "dame", "lady",
                          "duchess"})

# Lower-case particles inside a name: "Bill de Blasio", "Ludwig van Beethoven", "Osama bin Laden".
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al",
                            "el", "le", "la", "du", "dos", "das", "ter", "ten", "y"})

# --- pronouns ------------------------------------------------------------------------------------------
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})

# --- reporting verbs (lemmas) ----------------------------------------------------------------------------
# Verbs that introduce a direct quotation.
QUOTE_VERBS = frozenset({
    "say", "tell", "add", "emphasize", "emphasise", "stress", "insist", "warn", "ask", "write", "explain",
    "declare", "note", "claim", "continue", "reply", "respond", "tweet", "post", "suggest", "argue",
    "state", "remark", "reiterate", "repeat", "announce", "caution", "admit", "acknowledge",
    "conclude", "complain", "counter", "confess", "concede", "reveal", "joke", "recall", "urge",
})
# Verbs whose clausal complement is reported speech.
REPORT_VERBS = (QUOTE_VERBS - {"continue", "ask", "post", "tweet", "repeat", "joke", "recall", "urge"}) | {
    "confirm", "assert", "maintain", "deny", "predict", "promise", "vow", "indicate", "report", "allege",
    "speculate", "agree", "recognise", "recognize",
} | {"believe", "think", "feel"}
# Verbs of opinion: reported speech only in the present tense ("he believes", "thinks Mr X"); a past
# "she thought ..." narrates a thought rather than reporting a statement.
OPINION_VERBS = frozenset({"believe", "think", "feel"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Verbs reporting a finding: reported speech only when an organisation or its study speaks ("monitoring firm X
# found that ...", "the survey showed that ..."); a person who "found that the door was locked" narrates.
FINDING_VERBS = frozenset({"find", "show", "estimate", "calculate", "forecast"})
# Verbs that characterise someone or something in words the article quotes: "called it \"derisory\"",
# "described the bid as \"a joke\"", "accused X of \"cheating\"": the quoted words are the speaker's.
CHARACTERISING_VERBS = frozenset({"call", "describe", "brand", "dub", "label", "accuse", "praise", "hail"})
# Verbs reporting advice or a request with its addressee and a to-infinitive: "he advised consumers to wait".
DIRECTIVE_VERBS = frozenset({"advise", "urge", "warn", "tell", "ask", "encourage", "implore", "beg", "remind",
                             "instruct"})
SPEECH_VERBS = QUOTE_VERBS | REPORT_VERBS | DIRECTIVE_VERBS
# Nouns that speak for the organisation they name: "a Microsoft spokesman", "a statement from Universal",
# "security firm Saint Bernard Software", "Le Figaro newspaper".
ORG_VOICES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "statement", "newspaper",
    "paper", "magazine", "firm", "company", "lab", "laboratory", "agency", "broadcaster", "station", "website",
    "report", "survey", "study", "research", "group", "club", "union", "watchdog", "regulator", "body",
    "label", "retailer", "bank", "network", "maker", "developer", "publisher", "operator", "airline", "giant",
})
# Nouns describing what a person is, not a post one of several may hold: "said the Liverpool player", "the
# double Olympic champion said". A definite description with one of these re-names the one person the headline
# names (see speakers.PersonTracker.headline_person); "the manager" or "the coach" is a post, never this.
DESCRIPTION_NOUNS = frozenset({
    "player", "champion", "star", "winner", "international", "veteran", "youngster", "athlete", "runner",
    "sprinter", "actor", "actress", "singer", "rapper", "musician", "comedian", "golfer", "boxer", "cyclist",
    "swimmer", "striker", "defender", "midfielder", "winger", "forward", "goalkeeper", "keeper", "full-back",
    "frontman", "olympian", "blogger", "novelist", "entertainer", "performer",
})
# Institutions credited by their common noun alone: "police said".
ORG_NOUNS = frozenset({"police"})
# People nouns (lemmas) that speak as a group in the bare plural, with no article: "analysts said",
# "said critics", "most experts predict", "City analysts believe". The speaker is the group as written (an
# entity of kind "group", never a person). Never "people", "many", a pronoun: see speakers.VAGUE_WORDS.
GROUP_NOUNS = frozenset({"critic", "analyst", "expert", "pundit", "official", "fan", "researcher", "economist",
                         "observer", "scientist", "commentator", "campaigner"})

# --- numbers and months ----------------------------------------------------------------------------------
NUMBER_WORDS = MappingProxyType({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
})
SCALE_WORDS = MappingProxyType({
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
})
# verbs whose object amount of money is the thing the verb names: "the epic cost $150m" (a cost), "the station
# was fined \u00a3150,000" (a fine), "the club bid \u00a320m for him" (a bid)
# (by lemma or, where the lemmatizer errs, "fined" -> "fin", by the word as written)
VERBS_NAMING_AMOUNT = MappingProxyType({"cost": "cost", "costs": "cost", "costing": "cost", "fine": "fine",
                                        "fined": "fine", "fines": "fine", "bid": "bid", "bids": "bid"})
# things worn or used as one item made of two: "a pair of trainers" is a pair of shoes, not a count of two
PAIRED_THINGS = frozenset({"trainers", "shoes", "boots", "sandals", "slippers", "socks", "gloves", "trousers", "jeans",
                           "shorts", "tights", "pyjamas", "pajamas", "glasses", "sunglasses", "spectacles", "goggles",
                           "scissors", "binoculars", "headphones", "earphones", "skates", "pants", "knickers"})
# nouns that a number after "of" gives the size of: "a crowd of 40,000", "box ownership of five million"
SIZE_NOUNS = frozenset({
    "crowd", "audience", "attendance", "turnout", "gate", "population", "ownership", "readership", "viewership",
    "membership", "circulation", "following", "fanbase", "workforce", "staff", "army", "force", "fleet", "squad",
    "field", "capacity", "sale", "subscriber", "user", "listenership", "electorate", "congregation",
})
MONTHS = MappingProxyType({m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

# --- demonyms ------------------------------------------------------------------------------------------
# Adjectives of nationality not formed by adding "n" to the country's name, and abbreviations of countries.
_IRREGULAR_DEMONYMS = {
    "russian": "Russia", "ukrainian": "Ukraine", "french": "France", "american": "United States",
    "us": "United States", "u.s.": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "british": "United Kingdom", "english": "England", "scottish": "Scotland", "welsh": "Wales",
    "irish": "Ireland", "german": "Germany", "italian": "Italy", "spanish": "Spain", "polish": "Poland",
    "chinese": "China", "japanese": "Japan", "canadian": "Canada", "hungarian": "Hungary",
    "slovak": "Slovakia", "turkish": "Turkey", "european": "Europe", "dutch": "Netherlands",
    "swiss": "Switzerland", "greek": "Greece", "portuguese": "Portugal", "brazilian": "Brazil",
    "mexican": "Mexico", "czech": "Czech Republic", "swedish": "Sweden", "danish": "Denmark",
    "norwegian": "Norway", "finnish": "Finland", "belgian": "Belgium", "israeli": "Israel",
    "iranian": "Iran", "iraqi": "Iraq", "pakistani": "Pakistan", "afghan": "Afghanistan",
    "egyptian": "Egypt", "saudi": "Saudi Arabia", "lebanese": "Lebanon", "vietnamese": "Vietnam",
    "thai": "Thailand", "filipino": "Philippines", "argentine": "Argentina", "argentinian": "Argentina",
    "peruvian": "Peru", "chilean": "Chile", "ghanaian": "Ghana", "south korean": "South Korea",
    "north korean": "North Korea", "south african": "South Africa", "new zealand": "New Zealand",
    "icelandic": "Iceland", "kiwi": "New Zealand", "aussie": "Australia",
}
# Country names written as the organisation of a title ("UK Prime Minister", "Britain's ...").
_COUNTRY_ALIASES = {
    "united states": "United States", "united kingdom": "United Kingdom", "britain": "United Kingdom",
    "russia": "Russia", "ukraine": "Ukraine", "france": "France",
}


@lru_cache(maxsize=1)
def demonyms() -> MappingProxyType:
    """Lower-case demonym (or country abbreviation) -> country name: "kenyan" -> "Kenya"."""
    import pycountry

    table: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if " " not in name and "," not in name and name.endswith("a"):
            table[name.lower() + "n"] = name  # Kenya -> Kenyan, Australia -> Australian, India -> Indian
    table.update(_COUNTRY_ALIASES)
    table.update(_IRREGULAR_DEMONYMS)
    return MappingProxyType(table)


def country_of(word: str) -> str | None:
    """The country a demonym or country abbreviation names: "Russian" -> "Russia", "UK" -> "United Kingdom"."""
    return demonyms().get(" ".join(word.split()).lower())

# Last words of the names of places, buildings and clubs, never of people ("Trafalgar Square", "Aston Villa").
PLACE_HEADS = frozenset({
    "square", "street", "road", "avenue", "lane", "park", "stadium", "arena", "hall", "centre", "center", "bridge",
    "palace", "house", "gallery", "museum", "theatre", "theater", "church", "cathedral", "airport", "station",
    "university", "college", "school", "academy", "hospital", "club", "united", "city", "rovers", "wanderers",
    "athletic", "villa", "county", "albion", "fc", "afc", "hotspur", "rangers", "celtic", "court", "tower",
    "castle", "abbey", "valley", "island", "islands", "beach",
})
# ... of which these are also common surnames (Damon Hill's "Hill" is not here, but "Wayne Bridge", "Stuart Hall",
# "David Villa" are): only as a name's last word after other evidence do they mark a place.
SURNAME_LIKE_PLACE_HEADS = frozenset({
    "lane", "park", "hall", "bridge", "palace", "house", "church", "station", "court", "tower", "castle", "valley",
    "island", "islands", "beach", "villa", "city", "county", "hospital", "airport",
})
# Words naming a company, a body, a medium or an event, never a person ("Kelvale Records", "BBC Radio").
ORGANISATION_WORDS = frozenset({
    "inc", "ltd", "plc", "corp", "corporation", "company", "co", "group", "holdings", "records", "studios",
    "entertainment", "pictures", "films", "network", "networks", "media", "news", "bbc", "itv", "channel", "radio",
    "tv", "television", "magazine", "party", "council", "committee", "commission", "association", "federation",
    "union", "league", "society", "institute", "foundation", "agency", "authority", "ministry", "department",
    "board", "trust", "government", "parliament", "assembly", "awards", "award", "festival", "cup",
    "championship", "trophy", "tournament", "prize", "games", "series", "show", "band", "orchestra",
})

