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
one ("Scotland Yard") or after a number ("40 GB") is not a place. Places in excluded junk never count.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import gazetteer
from ..document import Document
from ..lexicon import TITLE_WORDS
from ..facts import Place, PlaceKind
from .clauses import clause_around
from .common import QUOTE_CHARS, doc_text, clean_text, provisional_ref, sentence_source, subject_of

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "within", "throughout"})
WIDE_PLACE_PREPS = frozenset({"in", "at", "inside"})  # the only ones for countries and continents
# Nouns that say what kind of place a name is: "the Kharkiv region", "the village of Khotimlya".
KIND_NOUNS: dict[str, PlaceKind] = {
    **dict.fromkeys(("region", "oblast", "province", "district", "state", "county"), "region"),
    **dict.fromkeys(("city", "town", "port"), "city"),
    **dict.fromkeys(("village", "hamlet", "settlement"), "village"),
    "country": "country",
}
# Nouns that name something that happens somewhere.
EVENT_NOUNS = frozenset(
    """
    summit meeting conference forum talk negotiation session visit trip ceremony rally protest
    demonstration election vote referendum attack strike bombing explosion blast raid offensive
    battle fighting war invasion shelling assault parade festival exhibition congress convention
    assembly gathering dinner speech address interview briefing signing accord treaty trial
    hearing funeral launch drill exercise celebration commemoration meet round consultation
    concert gig premiere performance screening auction
    """.split()
)
# Verbs whose object is where something happened: "Russian drones hit Kharkiv".
PLACE_OBJECT_VERBS = frozenset({"visit", "tour", "attack", "hit", "strike", "shell", "bomb", "target"})
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "will"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
NER_PLACE_LABELS = frozenset({"GPE", "LOC"})
NER_SLIP_LABELS = frozenset({"PERSON", "ORG", "NORP"})
MAX_EVENT_TOKENS = 16
# Smallest town the NER may call an organisation: below it, "at Old Trafford" is a ground or a club.
MIN_ORG_TAGGED_CITY = 100_000
# Prepositions that put a bare mention somewhere: any of them for a country ("countries such as
# Ethiopia", "from the Middle East"), only the locative ones for a city ("from Bolton" is a club).
WIDE_MENTION_PREPS = PLACE_PREPS | {"across", "around", "from", "to", "of", "as", "throughout", "like", "into", "over"}
CITY_MENTION_PREPS = frozenset({"in", "near", "outside", "inside", "within", "throughout", "across", "around"})
MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
# Units written like a country's code: "a 40 GB drive" names no Britain ("13 US cities" names the US).
UNIT_NAMES = frozenset({"GB", "MB", "KB", "TB"})
MENTION_CONFIDENCE = 0.6
MAX_MENTION_TOKENS = 8
# Football: an article using at least this many of these words is about the game, and there a city name
# that plays, is beaten, signs or has a coach is a club ("Chelsea beat Porto", "Porto's coach").
FOOTBALL_WORDS = frozenset(
    """
    match goal league cup striker midfielder defender goalkeeper keeper winger manager coach club season
    premiership fixture stadium transfer squad penalty referee derby boss signing champions football
    """.split()
)
MIN_FOOTBALL_WORDS = 3
# Verbs whose subject or object is a club in a football article: "Porto beat Benfica", "he joined Porto".
CLUB_VERBS = frozenset(
    """
    beat defeat draw lose face host play meet thrash edge overcome knock eliminate sign join leave manage
    coach trail lead score concede win visit hammer rout stun outplay
    """.split()
)
# Nouns a club has: "Porto's coach", "the Porto striker", "a win over Porto", "his spell at Porto".
CLUB_NOUNS = frozenset(
    """
    coach manager boss striker midfielder defender goalkeeper keeper winger player fan supporter chairman
    side team squad captain president forward win victory defeat draw tie clash spell stint move career
    """.split()
)
# Prepositions linking a club to a match or a move: "drew with Porto", "lost to Porto", "a win over Porto".
CLUB_PREPS = frozenset({"against", "with", "to", "by", "over", "from", "for"})
# "at X" is a club after a career word ("managed by Mourinho at Porto", "his spell at Porto"), a venue after a
# match verb ("we lost at Newcastle").
CAREER_WORDS = frozenset({"manage", "coach", "spend", "sign", "stay", "train", "work", "spell", "stint", "career",
                          "contract", "loan", "time", "day"})
# Words that close the proper name of an event held in the place it opens ("the Berlin Film Festival",
# "the London Marathon", "the Paris Motor Show"): the article names that place.
EVENT_NAME_HEADS = frozenset({"festival", "marathon", "show", "fair", "games", "open", "summit", "conference",
                              "forum", "expo", "biennale", "carnival", "regatta", "triennale"})
EVENT_NAME_LABELS = frozenset({"EVENT", "FAC", "ORG"})
MIN_EVENT_NAME_CITY = 50_000  # "the Golden Globe ...": a small namesake is not a host city


@dataclass
class _Mention:
    name: Span  # the place name as written ("Kharkiv", "Vladivostok")
    root: Token  # the token whose attachment tells what happened there
    entry: gazetteer.GazetteerEntry | None
    repaired: bool = False  # the NER gave it another label, or missed it
    label: str = ""  # the NER label of the name ("" when the NER missed it)


@dataclass
class _Event:
    text: str  # "the Eastern Economic Forum", "European leaders met"
    head: str  # lemma of its head word
    relation: str
    confidence: float = 0.85
    warnings: tuple[str, ...] = ()
    verbal: bool = False  # told by a clause ("European leaders met"), not a noun ("the summit")


def extract_places(doc: Doc, document: Document) -> Iterator[Place]:
    """Yield one Place per place mention with something that happened there, then one for each other
    place the document names (its first mention), in document order."""
    mentions = [m for m in sorted(_mentions(doc), key=lambda m: m.name.start)
                if not _heading(m.name.sent) and not _compass_name(m.name)]
    clubs = _club_names(doc, mentions)
    mentions = [m for m in mentions if not (m.name.text in clubs and (_club_use(m.root) or not _locative_prep(m.root)))]
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
    football = _football(doc)
    for mention in mentions:
        place = _mention_fact(mention, document, football)
        if place is not None and place.place.id not in named:
            named.add(place.place.id)
            found.append((mention.name.start, place))
    for _i, place in sorted(found, key=lambda item: item[0]):
        yield place


COMPASS_WORDS = frozenset({"north", "south", "east", "west"})


def _compass_name(name: Span) -> bool:
    """"north America" written in lower case: the end of another place's name (North America), not America."""
    before = name.doc[name.start - 1] if name.start > 0 else None
    if before is None or before.lower_ not in COMPASS_WORDS or before.text[:1].isupper():
        return False
    whole = gazetteer.lookup(f"{before.text.title()} {name.text}")
    return whole is not None and whole != gazetteer.lookup(name.text)


def _football(doc: Doc) -> bool:
    """Whether the article is about football: several of its words name the game's things."""
    return len({t.lemma_.lower() for t in doc if t.lemma_.lower() in FOOTBALL_WORDS}) >= MIN_FOOTBALL_WORDS


def _club_names(doc: Doc, mentions: list[_Mention]) -> set[str]:
    """City names a football article uses as clubs anywhere ("Chelsea beat Porto", "Porto's coach",
    "managed by Mourinho at Porto"): in that article such a name is a place only after a locative preposition
    that is no club use itself ("the match in Porto", "we lost at Newcastle")."""
    if not any(m.entry is not None and m.entry.kind == "city" for m in mentions) or not _football(doc):
        return set()
    return {m.name.text for m in mentions if m.entry is not None and m.entry.kind == "city" and _club_use(m.root)}


def _club_use(root: Token) -> bool:
    """A city name standing as a club: subject or object of a match verb, owner of a player or result, or
    after a preposition of a match or a move ("lost to X", "his spell at X", "played under Y at X")."""
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head  # "Chelsea beat Porto and Benfica"
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_.lower() in CLUB_VERBS:
        return True
    if root.dep_ in ("poss", "compound") and head.lemma_.lower() in CLUB_NOUNS:
        return True
    if root.dep_ != "pobj":
        return False
    governor = head.head
    if head.lower_ == "at":  # "his spell at Porto", "played under Mourinho at Porto"
        return governor.lemma_.lower() in CAREER_WORDS or any(
            c.dep_ == "prep" and c.lower_ == "under" for c in governor.children)
    return head.lower_ in CLUB_PREPS and governor.lemma_.lower() in CLUB_VERBS | CLUB_NOUNS


def _locative_prep(root: Token) -> bool:
    """"in X", "at X and Y": the name stands where a place stands."""
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def _heading(sent: Span) -> bool:
    """A title-case line ("Putin Warns Against Foreign Troops In Ukraine"): no sentence to read."""
    plain = [t for t in sent[1:] if t.is_alpha and not t.ent_type_]
    if len(plain) >= 3 and sum(t.text[:1].isupper() for t in plain) >= 0.8 * len(plain):
        return True
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3]  # a line without a full stop, most words capitalised
    if sent.text.rstrip()[-1:] in (".", "!", "?", *QUOTE_CHARS, "'", "\u2019") or len(words) < 2:
        return False
    return sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)


def _strip(span: Span) -> Span:
    """The name without a leading "the" and a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ == "the":
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def _mentions(doc: Doc) -> Iterator[_Mention]:
    other_labels = {e.text for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP")}
    place_texts = {e.text for e in doc.ents if e.label_ in NER_PLACE_LABELS}
    for ent in doc.ents:
        name = _strip(ent)
        if not len(name) or not all(t.text[:1].isupper() or not t.is_alpha for t in name) or not name[0].is_alpha:
            continue  # lowercase words are never places
        if ent.label_ in NER_PLACE_LABELS:
            entry = gazetteer.lookup(name.text)
            if entry is None and len(name) > 1 and name[-1].lower_ in KIND_NOUNS:
                name = name[:-1]  # "Kharkiv Oblast" tagged as one place: the name and what it is
                entry = gazetteer.lookup(name.text)
            if entry is not None or (name.text not in other_labels and len(name) <= 4):
                yield _Mention(name, name.root, entry, label=ent.label_)  # not "Zelenskyy", tagged PERSON elsewhere
        elif ent.label_ in NER_SLIP_LABELS:
            mention = _repair(ent, name, place_texts)
            if mention is not None:
                yield mention
            elif ent.label_ == "ORG":
                yield from _event_name_place(name)
        elif ent.label_ in EVENT_NAME_LABELS:
            yield from _event_name_place(name)
    yield from _untagged(doc)


def _repair(ent: Span, name: Span, place_texts: set[str]) -> _Mention | None:
    """A place the NER called a person, group or organisation: "Kyiv" (PERSON), "Vladivostok Putin"."""
    doc = ent.doc
    entry = gazetteer.lookup(name.text)
    if entry is not None:
        if ent.label_ == "ORG" and entry.kind == "city" and (
                entry.within is not None or (entry.population or 0) < MIN_ORG_TAGGED_CITY):
            return None  # "at Old Trafford", "at Highbury": a ground or a club, not the town of that name
        # "Kyiv" as PERSON: a big place, a name tagged as a place elsewhere, or one the syntax places.
        big = entry.kind != "city" or (entry.population or 0) >= 1_000_000
        side = ent.label_ == "ORG" and entry.kind == "country" and name.root.dep_ in MODIFIER_DEPS  # "the Wales star"
        if (ent.label_ == "PERSON" and big) or side or name.text in place_texts or _locative(name.root):
            return _Mention(name, name.root, entry, repaired=True, label=ent.label_)
        return None
    # "in Vladivostok Putin": a place run into a person's name, right after a locative preposition.
    prep = doc[name.start - 1] if name.start > 0 else None
    if ent.label_ != "PERSON" or prep is None or prep.lower_ not in PLACE_PREPS or ent.root.head != prep:
        return None
    if ent.root.dep_ != "pobj" or doc_text(doc).count(ent.text) > 1:
        return None  # "Vladimir Putin", said again and again, is a person
    for k in range(len(name) - 1, 0, -1):
        head, rest = doc[name.start:name.start + k], doc[name.start + k:name.end]
        entry = gazetteer.lookup(head.text)
        if entry is None or entry.kind == "continent" or not all(t.pos_ == "PROPN" for t in rest):
            continue
        if entry.kind == "city" and (entry.population or 0) < 100_000:
            continue
        return _Mention(head, ent.root, entry, repaired=True, label=ent.label_)
    return None


def _event_name_place(name: Span) -> Iterator[_Mention]:
    """The place opening the proper name of an event held there: "Berlin" in "the Berlin Film Festival",
    "New York" in "the New York Marathon". Only names ending in an event word ("festival", "marathon", "show"),
    whose words between are capitalised, and whose place is a country, a continent or a town of some size
    that is no neighbourhood ("Golden Globe Awards", "Davis Cup" are no places)."""
    if len(name) < 2 or name[-1].lower_ not in EVENT_NAME_HEADS or not all(t.text[:1].isupper() for t in name):
        return
    for k in range(min(3, len(name) - 1), 0, -1):
        entry = gazetteer.lookup(name[:k].text)
        if entry is None or entry.within is not None or entry.kind == "region":
            continue
        if entry.kind == "city" and (entry.population or 0) < MIN_EVENT_NAME_CITY:
            return
        yield _Mention(name[:k], name[k - 1], entry, repaired=True, label=name[0].ent_type_)
        return


def _locative(root: Token) -> bool:
    """Where only a place can stand: "in X", "the X region", "Odesa and X"."""
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS or _kind_cue(root)[0] is not None:
        return True
    return root.dep_ == "conj" and root.head.pos_ == "PROPN" and gazetteer.lookup(root.head.text) is not None


def _untagged(doc: Doc) -> Iterator[_Mention]:
    """Capitalised proper nouns the NER missed: known to the gazetteer, or named a place by the text."""
    next_free = 0
    for i, token in enumerate(doc):
        if i < next_free or token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        for span in (doc[i:i + n] for n in (3, 2, 1)):
            if any(t.pos_ != "PROPN" or t.ent_type_ for t in span):
                continue
            entry = gazetteer.lookup(span.text)
            if entry is not None and entry.kind == "city" and (entry.population or 0) < 100_000:
                entry = None  # a small namesake of a common name: trust only the text
            if entry is not None or _kind_cue(span.root)[0] is not None:
                yield _Mention(span, span.root, entry, repaired=True)
                next_free = span.end
                break


def _kind_cue(root: Token) -> tuple[PlaceKind | None, Token | None]:
    """What the text calls the place, and the noun that says so ("region", "village")."""
    head = root.head
    if root.dep_ == "compound" and head.lower_ in KIND_NOUNS and head.pos_ in ("NOUN", "PROPN"):
        return KIND_NOUNS[head.lower_], head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in KIND_NOUNS and head.head.pos_ == "NOUN":
        return KIND_NOUNS[head.head.lower_], head.head
    return None, None


def _place_fact(mention: _Mention, document: Document) -> Place | None:
    kind, noun = _kind_cue(mention.root)
    entry = mention.entry
    anchor = mention.root
    warnings: list[str] = []
    confidence = 0.85
    mention_text = entry.name if entry is not None else mention.name.text
    if noun is not None:
        if mention.root.dep_ == "compound" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return None  # "the Pacific port city of Vladivostok": a descriptor of another place
        anchor = noun
        if kind == "region" and (entry is None or entry.kind == "city"):
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
    event = None if anchor.dep_ == "appos" else _event(anchor, mention, kind or "place")
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
        clause=_clause(mention) if event.verbal else None,
        sources=[sentence_source(document, mention.name.sent)],
        confidence=round(min(confidence, event.confidence, 0.8 if mention.repaired else 1.0), 2),
        warnings=[*warnings, *event.warnings],
    )


def _mention_fact(mention: _Mention, document: Document, football: bool = True) -> Place | None:
    """A place the sentence names without an event there: a fact when the name is surely a place here
    (see the module docstring), with the phrase that names it standing for the event."""
    entry = mention.entry
    kind, noun = _kind_cue(mention.root)
    if entry is None and noun is None:
        return None
    if noun is not None and mention.root.dep_ == "compound" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # "the port city of Vladivostok": a descriptor of another place
    if entry is not None and (noun is None or entry.kind in ("country", "continent")):
        kind = entry.kind
    if kind is None or not _named_as_place(mention, kind, noun is not None, football):
        return None
    mention_text = entry.name if entry is not None else mention.name.text
    if noun is not None and kind == "region" and (entry is None or entry.kind == "city"):
        mention_text = f"{mention_text} {noun.text}"
    phrase, head = _naming_phrase(mention, noun)
    warnings = [] if entry is not None else [f"'{mention.name.text}' is not in the gazetteer; the text calls it a {noun.text if noun else kind}"]
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


def _named_as_place(mention: _Mention, kind: str, called: bool, football: bool = True) -> bool:
    """Whether a name standing with no event is surely a place here (``called``: the text says what it is;
    ``football``: the story is about the game, where a town's name is mostly its club)."""
    doc, name = mention.name.doc, mention.name
    if name.start > 0 and doc[name.start - 1].like_num and name.text.upper() in UNIT_NAMES:
        return False  # "a 40 GB drive": a unit
    after = doc[name.end] if name.end < len(doc) else None
    if (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and not after.ent_type_ == "PERSON"
            and after.lower_ not in TITLE_WORDS and not after.is_sent_start
            and gazetteer.lookup(after.text) is None):
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
    if anchor.dep_ == "poss" and head.pos_ == "PROPN" and head.ent_type_ != "PERSON" and tagged:
        return True  # "Venice's La Fenice Theatre", "London's Science Museum"
    if anchor.dep_ == "appos" and head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "FAC", "GPE") and tagged:
        return True  # "Clare College, Cambridge"
    if tagged and _followed_by_its_country(mention):
        return True  # "the first stop will be Istanbul, Turkey"
    if anchor.dep_ == "compound" and head.pos_ == "NOUN" and tagged and not football \
            and head.lower_ not in TITLE_WORDS and head.lemma_.lower() not in CLUB_NOUNS:
        return True  # "the London gallery", "their Dublin concerts": in a story not about football clubs
    nxt = doc[name.end:name.end + 2]
    return len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "based"  # "a Leeds-based firm"


def _followed_by_its_country(mention: _Mention) -> bool:
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


def _naming_phrase(mention: _Mention, noun: Token | None) -> tuple[str, str]:
    """The phrase that names the place ("a US judge", "software piracy", "Venice's La Fenice Theatre")
    and its head lemma; the name itself when it stands alone."""
    root = noun if noun is not None else mention.root
    while root.dep_ == "conj" and root.head.pos_ == "PROPN" and gazetteer.lookup(root.head.text) is not None:
        root = root.head  # "in China, Norway and the Czech Republic": the list's attachment
    head = root.head
    if root.dep_ in MODIFIER_DEPS | {"appos"} and head.pos_ in ("NOUN", "PROPN"):
        tokens = [t for t in _phrase(head, set(), clauses=False) if t.i <= head.i or t.dep_ == "compound"]
        return _render(tokens[-MAX_MENTION_TOKENS:]), head.lemma_.lower()
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
        noun_head = head.head
        tokens = [t for t in _phrase(noun_head, {head.i}, clauses=False)]
        return _render(tokens[-MAX_MENTION_TOKENS:]), noun_head.lemma_.lower()
    if root.dep_ == "pobj" and head.dep_ == "prep":
        return _render([head, *_phrase(root, set(), clauses=False)][:MAX_MENTION_TOKENS]), "mention"  # "across Europe"
    return _render(_phrase(root, set(), clauses=False)[:MAX_MENTION_TOKENS]), "mention"


def _event(anchor: Token, mention: _Mention, kind: str) -> _Event | None:
    place_tokens = {t.i for t in mention.name} | {anchor.i}
    specific = kind in ("city", "region", "village", "place")
    head = anchor.head
    nxt = anchor.doc[anchor.i + 1:anchor.i + 3]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "based":  # "the Helsinki-based Center"
        noun = nxt[1].head if nxt[1].dep_ in ("amod", "acl") else anchor.head
        if noun.pos_ in ("NOUN", "PROPN"):
            return _noun_event(noun, {*place_tokens, nxt[0].i, nxt[1].i}, "based")
        return None
    while head.dep_ == "conj" and head.head.dep_ == "prep":
        head = head.head  # "in Saudi Arabia and in the United Arab Emirates"
    if anchor.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in (PLACE_PREPS if specific else WIDE_PLACE_PREPS):
        target = head.head
        if target.lower_ == "based":
            return _noun_event(target.head, {*place_tokens, target.i}, "based")
        if target.pos_ == "VERB":
            if target.dep_ == "acl" and not specific:
                return None  # "troops deployed in Ukraine": a description, not an event
            return _clause_event(target, head.lower_)
        if target.pos_ in ("NOUN", "PROPN"):
            if _is_event_noun(target):
                return _noun_event(target, {head.i}, head.lower_)
            return _climb(target, head.lower_, head) if specific else None
        return None
    if anchor.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
        noun = head
        while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        if _is_event_noun(noun) and mention.entry is not None and mention.entry.kind != "continent":
            return _noun_event(noun, place_tokens, "compound")
        return None
    if anchor.dep_ == "dobj" and head.lemma_.lower() in PLACE_OBJECT_VERBS and specific:
        return _clause_event(head, "object", skip_object=True)
    return None


def _is_event_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS or noun.ent_type_ == "EVENT"


def _climb(noun: Token, relation: str, place_prep: Token) -> _Event | None:
    """A locative phrase the parser hung on a noun ("a crew in the village of X"): read it as where
    the nearest clause or event happened, with a warning unless the noun is a person ("met with X
    in Paris")."""
    token, person = noun, noun.ent_type_ == "PERSON"
    for step in range(6):
        if token.pos_ == "VERB" or (step and token.pos_ == "NOUN" and _is_event_noun(token)):
            break
        if token.dep_ not in ("pobj", "prep") and not (step == 0 and token.dep_ == "dobj") or token.head == token:
            return None
        token = token.head
    else:
        return None
    if token.pos_ == "NOUN":  # "talks between the two leaders in Alaska"
        event: _Event | None = _noun_event(token, {place_prep.i}, relation)
    else:
        if token.dep_ == "advcl" and subject_of(token) is None and token.head.pos_ == "VERB":
            token = token.head  # "the men were killed while working as part of a crew in X"
        event = _clause_event(token, relation)
    if event is None:
        return None
    if person:  # "met with Zelenskyy in Paris": the meeting was in Paris, most likely
        return _Event(event.text, event.head, relation, min(event.confidence, 0.75), event.warnings, event.verbal)
    note = f"the place phrase modifies '{noun.text}'; read as where '{token.text}' happened"
    return _Event(event.text, event.head, relation, min(event.confidence, 0.6), (*event.warnings, note), event.verbal)


def _noun_event(noun: Token, drop: set[int], relation: str) -> _Event:
    return _Event(_render(_np(noun, drop, MAX_EVENT_TOKENS)), noun.lemma_.lower(), relation)


def _clause_event(verb: Token, relation: str, skip_object: bool = False) -> _Event | None:
    """Subject and verb ("European leaders met"), with the object of a transitive verb."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB" and not subject_of(first):
        first = first.head  # "drones killed ... and injured ... in X"
    if first.lemma_ == "be":
        return None
    tokens: list[Token] = []
    governor = first
    subject = subject_of(first)
    if subject is None and first.dep_ in ("xcomp", "advcl", "acl"):
        governor = first.head
        if first.dep_ == "acl" and governor.pos_ in ("NOUN", "PROPN"):
            tokens += _phrase(governor, {first.i}, clauses=False)
        else:
            subject = subject_of(governor)
            if first.dep_ == "xcomp":
                tokens += [governor, *(c for c in governor.children if c.dep_ in ("aux", "neg"))]
    if subject is not None:
        tokens += _np(subject, set(), 12, conj=True)
    elif first.dep_ != "acl":
        return None  # no one to say it of
    tokens += [c for c in first.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    tokens.append(first)
    if not skip_object:
        tokens += _objects(first)
    if first != verb:
        for conj in (c for c in first.children if c.dep_ in ("cc", "conj")):
            tokens += [conj, *(_objects(conj) if conj.dep_ == "conj" else [])]
    warnings: list[str] = []
    confidence = 0.85
    if _hypothetical(first):
        warnings.append(f"'{first.text}' is hypothetical or conditional here")
        confidence = 0.55
    if any(t.dep_ == "neg" for t in tokens):
        warnings.append(f"'{first.text}' is negated")
        confidence = min(confidence, 0.5)
    if first.dep_ == "acl":
        confidence = min(confidence, 0.7)
    return _Event(_render(tokens), first.lemma_.lower(), relation, confidence, tuple(warnings), verbal=True)


def _objects(verb: Token) -> list[Token]:
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            tokens += _np(child, set(), 6)
    return tokens


def _hypothetical(verb: Token) -> bool:
    for token in (verb, *verb.ancestors):
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in token.children):
            return True
        if token.dep_ in ("ccomp", "ROOT") or token.lemma_ in ("say", "tell"):
            break
    return False


_PHRASE_DROP = frozenset({"relcl", "appos", "advcl", "parataxis"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


def _phrase(head: Token, drop: set[int], clauses: bool = True, conj: bool = False) -> list[Token]:
    """The phrase of ``head`` without the tokens in ``drop`` (and the phrases holding them), clauses
    hung on it, appositions, dates ("a forum on September 5") and, unless ``conj``, its conjuncts."""
    out: list[Token] = []

    def collect(token: Token, depth: int) -> None:
        out.append(token)
        for child in token.children:
            if child.i in drop or any(t.i in drop for t in child.subtree):
                continue
            same_name = bool(token.ent_type_) and child.ent_type_ == token.ent_type_  # "Center for Research on ..."
            if not same_name:
                if child.dep_ in _PHRASE_DROP or (child.dep_ == "punct" and child.tag_ != "HYPH"):
                    continue
                if depth == 0 and child.dep_ in ("cc", "conj") and not conj:
                    continue
                if depth == 0 and not clauses and child.i > token.i and child.dep_ in ("acl", "prep"):
                    continue
                if child.dep_ == "prep" and any(g.ent_type_ in _TIME_LABELS for g in child.children):
                    continue
            collect(child, depth + 1)

    collect(head, 0)
    return sorted(set(out), key=lambda t: t.i)


def _np(head: Token, drop: set[int], limit: int, conj: bool = False) -> list[Token]:
    """The whole noun phrase when short enough, else its head with what comes before it."""
    tokens = _phrase(head, drop, conj=conj)
    if len(tokens) > limit:
        tokens = _phrase(head, drop, clauses=False, conj=conj)
    if len(tokens) > limit:
        tokens = [t for t in tokens if t.i <= head.i][-limit:]
    return tokens


def _render(tokens: Iterable[Token]) -> str:
    parts: list[str] = []
    prev: Token | None = None
    for token in sorted(tokens, key=lambda t: t.i):
        if prev is not None:
            parts.append(prev.whitespace_ if token.i == prev.i + 1 else " ")
        lower = prev is not None and token.is_sent_start and token.pos_ not in ("PROPN", "PRON")
        parts.append(token.lower_ if lower else token.text)  # "Rutte ... speaking"
        prev = token
    return clean_text("".join(parts)).strip(QUOTE_CHARS + "'\u2018\u2019 ,")


def _clause(mention: _Mention):
    """The clause around "in Paris" for asking "In which city did European leaders meet?"."""
    root = mention.name.root
    while root.dep_ == "compound" and root.head.i > root.i:  # "the Kharkiv region": the phrase is headed by "region"
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.i >= mention.name.start:
        return None
    return clause_around(root.doc[prep.i: root.i + 1], anchor=prep)
