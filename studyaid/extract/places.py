"""Places and what happened there, read off the dependency parse.

A mention is a place when the gazetteer knows it or the text says what it is ("the village of
Khotimlya", "the Kharkiv region"); NER labels only propose candidates, and their slips are repaired
("Vladivostok Putin" and "Kyiv" tagged PERSON). A place with something that happened
there is a fact: a clause ("European leaders met in Paris"), an event noun ("the Eastern Economic
Forum in Vladivostok", "the Paris summit": relation "compound") or something based there ("the
Helsinki-based Center ...": "based"). Doubtful facts carry warnings.

A place the article names but ties to no event is still a fact, once per document (relation
"mention", the phrase that names it as the event, lower confidence), so every place the article
names is known; it gives a cloze but no "In which city did ..." question. A country, continent or
region counts wherever it stands ("a US judge", "Britain's champion", "across Europe, Asia and South
America", "the Wales star"); a city only where the text places something in it ("piracy in Boston",
"Venice's La Fenice Theatre", "Clare College, Cambridge"), since a bare "Chelsea" or "Newcastle" is
mostly a club. A ground or club the NER calls an organisation is not a town of that name ("at Old
Trafford"), a neighbourhood of a larger city counts only after "in", and a name run into a longer
one ("Scotland Yard") or after a number as a unit ("40 GB") is not a place. Places in excluded junk never
count. Which names are places is read in :mod:`.place_mentions`, football clubs named after towns in
:mod:`.place_clubs`, what happened there in :mod:`.place_events`, the words of a fact's phrases in
:mod:`.place_phrases`.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .. import gazetteer
from ..document import Document
from ..lexicon import PLACE_HEADS, TITLE_WORDS
from ..facts import Place
from .common import provisional_ref, sentence_source
from .place_clubs import CLUB_NOUNS, about_football, club_names, club_use
from .place_events import event_at, place_clause
from .place_mentions import MODIFIER_DEPS, NER_PLACE_LABELS, PLACE_PREPS, PlaceMention, compass_name, feature_name, \
    heading, kind_cue, place_mentions
from .place_phrases import phrase, render

# Prepositions that put a bare mention somewhere: any of them for a country ("countries such as
# Ethiopia", "from the Middle East"), only the locative ones for a city ("from Bolton" is a club).
WIDE_MENTION_PREPS = PLACE_PREPS | {"across", "around", "from", "to", "of", "as", "throughout", "like", "into", "over"}
CITY_MENTION_PREPS = frozenset({"in", "near", "outside", "inside", "within", "throughout", "across", "around"})
# Last words of a building's or an institution's name that a town's possessive puts there ("Venice's La Fenice
# Theatre", "Leeds's Grand Opera"); any other name after a possessive may be a title ("Charlotte's Web").
OWNED_PLACE_HEADS = PLACE_HEADS | {"opera", "zoo", "library", "festival", "orchestra", "market", "cinema",
                                   "exchange", "parliament", "observatory", "harbour", "docks", "gardens"}
# Units written like a country's code: "a 40 GB drive" names no Britain ("13 US cities" names the US).
UNIT_NAMES = frozenset({"GB", "MB", "KB", "TB"})
MENTION_CONFIDENCE = 0.6
# Verbs of a journey: a town after "to" or "from" one of them is where someone goes or comes from ("she flew to
# Madrid", "he returned from Lagos"); in a football story "moved to Madrid" is a transfer, so not there.
JOURNEY_VERBS = frozenset({"go", "travel", "fly", "move", "head", "return", "come", "sail", "drive", "emigrate",
                           "flee", "relocate", "journey", "commute", "arrive"})
JOURNEY_PREPS = frozenset({"to", "from"})
# Nouns a town's name is set beside to say what it is: "the Cuban capital, Havana", "the resort town, Lagos".
APPOSED_PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "port", "resort", "island"})
MAX_MENTION_TOKENS = 8
# Verbs whose object is a place a storm, a flood or a crowd sweeps ("rain has lashed Los Angeles"); no club,
# product or firm is lashed or flooded (unlike "condemned Mansfield to a defeat", "put Apple's Newton there").
SWEPT_PLACE_VERBS = frozenset({"lash", "lashed", "flood", "swamp", "batter", "grip", "engulf", "overrun", "paralyse",
                               "paralyze", "blanket", "evacuate", "besiege", "shake", "rock", "sweep"})


def extract_places(doc: Doc, document: Document) -> Iterator[Place]:
    """Yield one Place per place mention with something that happened there, then one for each other
    place the document names (its first mention), in document order."""
    mentions = [m for m in sorted(place_mentions(doc), key=lambda m: m.name.start)
                if not heading(m.name.sent) and not compass_name(m.name) and not _names_a_tournament(m)]
    clubs = club_names(doc, mentions)
    mentions = [m for m in mentions if not (m.name.text in clubs and (club_use(m.root) or not _locative_prep(m.root)))]
    found: list[tuple[int, Place]] = []
    seen: set[tuple[str, str, int]] = set()
    for mention in mentions:
        place = _place_fact(mention, document)
        if place is None:
            continue
        key = (place.place.id, place.event_head, place.sources[0].start)
        if key not in seen:
            seen.add(key)
            found.append((mention.name.start, place))
    named = {place.place.id for _i, place in found}
    football = about_football(doc)
    for mention in mentions:
        place = _mention_fact(mention, document, football)
        if place is not None and place.place.id not in named:
            named.add(place.place.id)
            found.append((mention.name.start, place))
    for _i, place in sorted(found, key=lambda item: item[0]):
        yield place


def _locative_prep(root: Token) -> bool:
    """"in X", "at X and Y": the name stands where a place stands."""
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def _place_fact(mention: PlaceMention, document: Document) -> Place | None:
    kind, noun = kind_cue(mention.root)
    entry = mention.entry
    anchor = mention.root
    warnings: list[str] = []
    confidence = 0.85
    mention_text = entry.name if entry is not None else mention.name.text
    if noun is not None:
        if mention.root.dep_ == "compound" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return None  # "the Pacific port city of Vladivostok": a descriptor of another place
        anchor = noun
        if kind == "region" and (entry is None or entry.kind == "city") and noun.lower_ != "island":
            mention_text = f"{mention_text} {noun.text}"
        if entry is not None and entry.kind in ("country", "continent"):
            kind = entry.kind  # "the state of Israel" is still a country
    elif entry is not None:
        kind = entry.kind
    else:
        return None  # neither known nor called a place by the text
    if entry is not None and entry.within is not None and not _after_in(mention.root):
        return None  # "at Highbury", "outside Old Trafford": a neighbourhood named for its ground
    if entry is None:
        confidence = 0.65
        warnings.append(f"'{mention.name.text}' is not in the gazetteer; the text calls it a {noun.text if noun else kind}")
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("PROPN", "NOUN"):
        anchor = anchor.head  # "in Paris and Berlin"
    # "Vladivostok, Russia" (appos): the country of a place already told
    event = None if anchor.dep_ == "appos" else event_at(anchor, mention, kind or "place")
    if event is None:
        return None
    return Place(
        place=provisional_ref(mention_text, "place"),
        place_kind=kind or "place",
        country=entry.country if entry is not None else None,
        event=event.text,
        event_head=event.head,
        relation=event.relation,
        event_kind="clause" if event.verbal else "noun",
        clause=place_clause(mention) if event.verbal else None,
        sources=[sentence_source(document, mention.name.sent)],
        confidence=round(min(confidence, event.confidence, 0.8 if mention.repaired else 1.0), 2),
        warnings=[*warnings, *event.warnings],
    )


def _mention_fact(mention: PlaceMention, document: Document, football: bool = True) -> Place | None:
    """A place the sentence names without an event there: a fact when the name is surely a place here
    (see the module docstring), with the phrase that names it standing for the event."""
    entry = mention.entry
    kind, noun = kind_cue(mention.root)
    if entry is None and noun is None:
        if not _unknown_but_placed(mention):
            return None
        kind = "place"
    if noun is not None and mention.root.dep_ == "compound" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # "the port city of Vladivostok": a descriptor of another place
    if entry is not None and (noun is None or entry.kind in ("country", "continent")):
        kind = entry.kind
    called = noun is not None or (entry is None and kind == "place")
    if kind is None or not _named_as_place(mention, kind, called, football):
        return None
    mention_text = entry.name if entry is not None else mention.name.text
    if noun is not None and kind == "region" and (entry is None or entry.kind == "city") and noun.lower_ != "island":
        mention_text = f"{mention_text} {noun.text}"  # "the Kharkiv region", never "the island of X"
    phrase, head = _naming_phrase(mention, noun)
    warnings = [] if entry is not None else [f"'{mention.name.text}' is not in the gazetteer; the text calls it a {noun.text if noun else kind}"]
    if entry is None and noun is None:
        warnings = [f"'{mention.name.text}' is not in the gazetteer; its own words or the country after it make it a place"]
    return Place(
        place=provisional_ref(mention_text, "place"),
        place_kind=kind,
        country=entry.country if entry is not None else None,
        event=phrase,
        event_head=head,
        relation="mention",
        event_kind="noun",
        clause=None,
        sources=[sentence_source(document, mention.name.sent)],
        confidence=MENTION_CONFIDENCE,
        warnings=warnings,
    )


def _named_as_place(mention: PlaceMention, kind: str, called: bool, football: bool = True) -> bool:
    """Whether a name standing with no event is surely a place here (``called``: the text says what it is;
    ``football``: the story is about the game, where a town's name is mostly its club)."""
    doc, name = mention.name.doc, mention.name
    if name.start > 0 and doc[name.start - 1].like_num and name.text.upper() in UNIT_NAMES:
        return False  # "a 40 GB drive": a unit
    after = doc[name.end] if name.end < len(doc) else None
    if (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and not after.ent_type_ == "PERSON"
            and after.lower_ not in TITLE_WORDS and not after.is_sent_start
            and gazetteer.lookup(after.text) is None and not _own_entity_before_another(mention, after)):
        return False  # "Scotland Yard", "Manchester United": part of a longer name
    if called:
        return True  # "the village of Khotimlya", "the Kharkiv region"
    anchor = mention.root
    while anchor.dep_ == "conj" and anchor.head.pos_ == "PROPN":
        anchor = anchor.head  # "Europe, Asia and South America", "Los Angeles and New York"
    prep = anchor.head.lower_ if anchor.dep_ == "pobj" else None
    tagged = mention.label in NER_PLACE_LABELS
    if mention.label == "NORP":
        return prep in PLACE_PREPS  # a nationality word, unless the syntax places it
    if kind in ("country", "continent"):
        if tagged or mention.label == "":
            return True
        if mention.label == "PERSON" and name.end < len(doc) and doc[name.end].like_num:
            return True  # "beating Argentina 3-0": a country the NER ran into its score is its side
        if mention.label == "ORG" and mention.root.dep_ in MODIFIER_DEPS:
            return True  # "the Wales star": a national side is its country
        return prep in WIDE_MENTION_PREPS
    if kind == "region":
        return tagged or prep in WIDE_MENTION_PREPS
    entry = mention.entry
    if entry is not None and entry.within is not None:
        return tagged and _after_in(mention.root)  # "in Chelsea", never "Chelsea's defence"
    if prep in CITY_MENTION_PREPS:
        return True  # "piracy in Boston", "selling well in Los Angeles and New York"
    head = anchor.head
    if prep in JOURNEY_PREPS and tagged and not football and head.head.lemma_.lower() in JOURNEY_VERBS:
        return True  # "she flew to Madrid", "he came back from Lagos": in a story not about football clubs
    if anchor.dep_ == "appos" and head.lower_ in APPOSED_PLACE_NOUNS and tagged:
        return True  # "the Cuban capital, Havana"
    if tagged and name.start >= 2 and doc[name.start - 1].text == "," and doc[name.start - 2].lower_ in APPOSED_PLACE_NOUNS:
        return True  # "a concert in the Cuban capital, Havana - the first ...": set beside it, whatever the parse
    if anchor.dep_ == "dobj" and mention.label == "GPE" and head.pos_ == "VERB" \
            and (head.lemma_.lower() in SWEPT_PLACE_VERBS or head.lower_ in SWEPT_PLACE_VERBS):
        return True  # "the rain which has lashed Los Angeles", "floods swamped Dhaka": only a place is swept
    if anchor.dep_ == "poss" and head.pos_ == "PROPN" and head.ent_type_ != "PERSON" and tagged \
            and head.lower_ in OWNED_PLACE_HEADS:
        return True  # "Venice's La Fenice Theatre", "London's Science Museum"; never a title ("Charlotte's Web")
    if anchor.dep_ == "appos" and head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "FAC", "GPE") and tagged:
        return True  # "Clare College, Cambridge"
    if tagged and _followed_by_its_country(mention):
        return True  # "the first stop will be Istanbul, Turkey"
    if anchor.dep_ == "compound" and head.pos_ == "NOUN" and tagged and not football \
            and head.lower_ not in TITLE_WORDS and head.lemma_.lower() not in CLUB_NOUNS:
        return True  # "the London gallery", "their Dublin concerts": in a story not about football clubs
    nxt = doc[name.end:name.end + 2]
    return len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "based"  # "a Leeds-based firm"


def _own_entity_before_another(mention: PlaceMention, after: Token) -> bool:
    """A place the NER tags as a whole name of its own, followed by a name that starts another entity ("the UK
    Nintendo DS launch": the UK, then Nintendo), not one name run on ("Scotland Yard", "the US Congress": one
    entity; "Kentish Town", "the US Open": an untagged word after it may end the name)."""
    name = mention.name
    return mention.label in ("GPE", "LOC") and all(t.ent_type_ == mention.label for t in name) \
        and after.ent_iob_ == "B" and after.ent_type_ not in ("", mention.label)


# what a town's name before it makes a tournament held there: "the Wimbledon champion", "a Wimbledon semi-finalist"
TOURNAMENT_WORDS = frozenset({"champion", "champions", "finalist", "semi", "quarter", "final", "finals", "title",
                              "crown", "runner", "seed", "wildcard", "singles", "doubles"})


def _names_a_tournament(mention: PlaceMention) -> bool:
    """A town whose name is a tournament's whole name, before a word of the competition's results ("Ancic,
    Wimbledon semi-finalist in 2004", "the Wimbledon title"). A place opening a longer event name ("the Dubai
    Open", "the London Marathon") stays named: the event is held there."""
    doc, name = mention.name.doc, mention.name
    after = doc[name.end] if name.end < len(doc) else None
    city = mention.entry is not None and mention.entry.kind == "city"
    return after is not None and city and after.lower_ in TOURNAMENT_WORDS and not after.ent_type_


def _unknown_but_placed(mention: PlaceMention) -> bool:
    """A name the gazetteer lacks that is still surely a place: a river, lake or mountain by its own words
    ("the River Severn", "Lake Bala"), or a name the NER tags a place followed by a country ("Goa, India")."""
    if feature_name(mention.name):
        return True  # a river's or a lake's name, whatever the NER called it (place_mentions keeps only such)
    if mention.label not in NER_PLACE_LABELS:
        return False
    doc, name = mention.name.doc, mention.name
    if mention.label != "GPE" or name.root.dep_ != "pobj" or name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return False  # "Subs: Macken, Weaver, Onuoha, Jordan": a list of names, not a place and its country
    for k in (3, 2, 1):
        after = doc[name.end + 1: name.end + 1 + k]
        if len(after) == k and all(t.text[:1].isupper() for t in after):
            found = gazetteer.lookup(after.text)
            if found is not None and found.kind == "country":
                return True
    return False


def _followed_by_its_country(mention: PlaceMention) -> bool:
    """"Istanbul, Turkey", "Portland, Oregon": a town followed by the country or region it lies in."""
    doc, name, entry = mention.name.doc, mention.name, mention.entry
    if entry is None or entry.country is None or name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return False
    for k in (3, 2, 1):
        after = doc[name.end + 1: name.end + 1 + k]
        if len(after) == k and all(t.text[:1].isupper() for t in after):
            found = gazetteer.lookup(after.text)
            if found is not None and found.kind in ("country", "region") and found.country == entry.country:
                return True
    return False


def _after_in(root: Token) -> bool:
    """"in X", "in X and Y": the one preposition that puts a neighbourhood's name for itself."""
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ == "in"


def _naming_phrase(mention: PlaceMention, noun: Token | None) -> tuple[str, str]:
    """The phrase that names the place ("a US judge", "software piracy", "Venice's La Fenice Theatre")
    and its head lemma; the name itself when it stands alone."""
    root = noun if noun is not None else mention.root
    while root.dep_ == "conj" and root.head.pos_ == "PROPN" and gazetteer.lookup(root.head.text) is not None:
        root = root.head  # "in China, Norway and the Czech Republic": the list's attachment
    head = root.head
    if root.dep_ in MODIFIER_DEPS | {"appos"} and head.pos_ in ("NOUN", "PROPN"):
        tokens = [t for t in phrase(head, set(), clauses=False) if t.i <= head.i or t.dep_ == "compound"]
        return render(tokens[-MAX_MENTION_TOKENS:]), head.lemma_.lower()
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
        noun_head = head.head
        tokens = [t for t in phrase(noun_head, {head.i}, clauses=False)]
        return render(tokens[-MAX_MENTION_TOKENS:]), noun_head.lemma_.lower()
    if root.dep_ == "pobj" and head.dep_ == "prep":
        return render([head, *phrase(root, set(), clauses=False)][:MAX_MENTION_TOKENS]), "mention"  # "across Europe"
    return render(phrase(root, set(), clauses=False)[:MAX_MENTION_TOKENS]), "mention"


