"""Title words: which noun names an office, how a title is written, which organisation it is held in.

Shared by the role patterns (:mod:`.roles` for titles next to a name, :mod:`.role_clauses` for titles a
clause gives). An office is a word of ``lexicon.OFFICES`` ("minister", "coach", "actor"), a noun whose
ending always names a profession ("futurologist", "musician", "photographer"), or a bare agent noun
opening a sentence before a full name ("Sprinter Jane Roe"). "champion" and "holder" need a word that
says of what ("world champion", "record holder").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import FEMALE_NOUNS, MALE_NOUNS, OFFICES, QUALIFIED_OFFICES, ROLE_ONLY_MODIFIERS, TITLE_MODIFIERS, \
    country_of
from .common import clean_text
from .doc_index import entity_at

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# (title, organisation or None, the whole role as a reader would say it)
Found = tuple[str, "str | None", str]

ORG_LABELS = ("ORG", "GPE", "NORP")

# Organisations named after a title's preposition: "consultant at Sophos", "director of La Fenice Theatre".
PREP_ORG_LABELS = ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT")

ORG_PREPOSITIONS = ("of", "at", "for", "with")

# Words saying what a champion or holder is one of ("world", "record"): title words before any office.
_QUALIFIERS = frozenset().union(*(words for office, words in QUALIFIED_OFFICES.items() if office != "seed"))
# A seeding's words ("top", "fourth") are title words only right before "seed": "top scorer" is no title.
_SEEDINGS = QUALIFIED_OFFICES["seed"]
_DIGIT_ORDINAL = re.compile(r"^\d{1,2}(st|nd|rd|th)$")
# Qualifiers written with a capital that still say what a champion is one of: "double Olympic champion".
CAPITALISED_QUALIFIERS = frozenset({"olympic", "paralympic", "commonwealth", "european"})
# Two words naming one position, whose last word names no office alone: "midfield man", "second row".
POSITION_PHRASES = frozenset({("midfield", "man"), ("second", "row"), ("front", "row"), ("back", "row")})

# A job word opening a sentence before a full name ("Sprinter Jane Roe won", "Historian Ann Lee said") is a
# title when it ends like an agent noun; these person nouns end so and name no job.
JOB_ENDINGS = ("er", "or", "ist", "ian", "eer")

NOT_JOBS = frozenset({
    "teenager", "youngster", "newcomer", "winner", "loser", "runner-up", "partner", "neighbour", "neighbor",
    "supporter", "viewer", "listener", "reader", "customer", "user", "consumer", "fellow", "citizen", "civilian",
    "passenger", "prisoner", "survivor", "pensioner", "visitor", "spectator", "voter", "stranger", "foreigner",
    "outsider", "insider", "lover", "follower", "admirer", "sponsor", "donor", "sufferer", "founder-member",
    "predecessor", "successor", "ancestor", "mentor", "character", "murderer", "killer", "attacker", "robber",
    "offender", "hunter", "defaulter", "scorer", "goalscorer", "other", "number", "order", "letter", "cover",
    # businesses named by what they do: "Bookmaker Ladbroke Hills", "Retailer Marks Taylor" are companies
    "bookmaker", "retailer", "carrier", "manufacturer", "supplier", "provider", "distributor", "insurer", "lender",
    "operator", "maker", "carmaker", "chipmaker", "brewer", "exporter", "importer", "builder", "housebuilder",
    "wholesaler", "grocer", "distiller",
})

# Endings of nouns that always name a profession: "futurologist", "musician", "photographer".
PROFESSION_ENDINGS = ("ologist", "ician", "ographer")


def office_word(tok: "Token") -> str | None:
    """The office a noun names, singular ("members" -> "member"), or None. The last part of a hyphenated office
    the tokenizer split names it whole ("fly - half" -> "fly-half"); "international" is a player's title as a
    noun ("a Welsh international") or between a nationality and a name ("Welsh international Ann Roe")."""
    whole = hyphenated(tok)
    if whole is not None and whole in OFFICES:
        return whole
    if tok.i > 0 and (tok.doc[tok.i - 1].lower_, tok.lower_) in POSITION_PHRASES \
            and (tok.doc[tok.i - 1].is_lower or opens_sentence(tok.doc[tok.i - 1])):
        return f"{tok.doc[tok.i - 1].lower_} {tok.lower_}"  # "Saints midfield man Ann Roe", "second row Ann Roe"
    if tok.lower_ in OFFICES or tok.lower_ in QUALIFIED_OFFICES:
        return tok.lower_
    if tok.lower_ == "international" and tok.is_lower and (tok.tag_ == "NN" and tok.pos_ == "NOUN" or any(
            c.dep_ == "det" for c in tok.children) or _capped_international(tok)):
        return tok.lower_
    if tok.tag_ in ("NNS", "NNPS") and (tok.lemma_.lower() in OFFICES or tok.lemma_.lower() in QUALIFIED_OFFICES):
        return tok.lemma_.lower()
    if _mistagged_plural(tok):
        return tok.lower_[:-1]  # "stars Ann Roe and Tom Reed": a lower-case plural the tagger took for a name
    if tok.pos_ == "NOUN" and tok.is_alpha and tok.lemma_.lower().endswith(PROFESSION_ENDINGS):
        return tok.lemma_.lower()  # "the firm's futurologist", "musicians"
    return tok.lower_ if job_word(tok) else None


def _mistagged_plural(tok: "Token") -> bool:
    return tok.is_lower and tok.tag_ == "NNP" and tok.lower_.endswith("s") and tok.lower_[:-1] in OFFICES


def plural_office(tok: "Token") -> bool:
    """A plural office word: "members", "photographers", and a lower-case plural tagged as a name ("stars")."""
    return (tok.tag_ in ("NNS", "NNPS") or _mistagged_plural(tok)) and office_word(tok) is not None


def hyphenated(tok: "Token") -> str | None:
    """The hyphenated word ``tok`` ends, in lower case, when the tokenizer split it ("open - side" ->
    "open-side"); None for a word standing alone or a dash set off by spaces."""
    doc, i = tok.doc, tok.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_ or not doc[i - 2].is_alpha:
        return None
    return f"{doc[i - 2].lower_}-{tok.lower_}"


def _capped_international(tok: "Token") -> bool:
    """"Welsh international Ann Roe", "Ireland international Ann Roe": a nationality or country, then the word,
    then a person's name (the parser tags the word an adjective there)."""
    doc = tok.doc
    if tok.i < 1 or tok.i + 1 >= len(doc):
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    return (before.ent_type_ in ("NORP", "GPE") or country_of(before.text) is not None) \
        and after.pos_ == "PROPN" and after.ent_type_ == "PERSON"


def job_word(tok: "Token") -> bool:
    """A bare job word before a full name: opening its sentence ("Sprinter Jane Roe won ...", "Sculptor Ann
    Lee said") or in lower case mid-sentence ("beaten by skier Anna Berg"). One singular noun ending like an
    agent noun, then a name of two words or more; never a plural or a plain noun ("Fans", "Police"), a word
    of kin ("Mother"), nor a person who holds no job ("Teenager", "Winner", "his successor")."""
    doc, low = tok.doc, tok.lower_
    if not tok.is_alpha or tok.is_stop:
        return False
    opening = tok.text[:1].isupper() and tok.text[1:].islower() and opens_sentence(tok)
    if not opening and not (tok.is_lower and tok.tag_ == "NN" and not opens_sentence(tok)):
        return False
    if tok.tag_ not in ("NN", "NNP") or tok.ent_type_ not in ("", "PERSON", "NORP"):
        return False
    if len(low) < 5 or not low.endswith(JOB_ENDINGS) or low in NOT_JOBS | MALE_NOUNS | FEMALE_NOUNS \
            or low in ROLE_ONLY_MODIFIERS or low in TITLE_MODIFIERS:
        return False
    name = doc[tok.i + 1: tok.i + 3]
    return len(name) == 2 and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.ent_type_ == "PERSON"
                                  for t in name)


def opens_sentence(tok: "Token") -> bool:
    """The first word of its sentence (after an opening quotation mark or a line break at most)."""
    k = tok.i - 1
    while k >= tok.sent.start and (tok.doc[k].is_space or tok.doc[k].is_quote):
        k -= 1
    return k < tok.sent.start or tok.doc[k].text in (".", "!", "?")


def qualified(office: "Token", before: list["Token"]) -> bool:
    """An office that needs a word saying of what has one in ``before`` (the words in front of it)."""
    word = office_word(office)
    needs = QUALIFIED_OFFICES.get(word or "")
    if needs is None:
        return True
    if word == "seed":  # "top seed", "fourth seed", "10th seed"
        return bool(before) and (before[-1].lower_ in needs or _DIGIT_ORDINAL.match(before[-1].lower_) is not None)
    if word == "champion":  # "European champion", "100m champion", "world champion"
        return any(t.lower_ in needs or country_of(t.text) or any(c.isdigit() for c in t.text) for t in before)
    return bool(before) and before[-1].lower_ in needs


def is_title_word(tok: "Token") -> bool:
    """A word of a title in front of a name: an office, a modifier, a word saying what a champion or holder
    is one of ("double world champion"), or a lower-case noun joined to the office ("dance DJ", "comedy
    star", "race director")."""
    if office_word(tok) or tok.lower_ in TITLE_MODIFIERS or tok.lower_ in _QUALIFIERS and tok.is_lower:
        return True
    if tok.i + 1 < len(tok.doc) and (tok.lower_, tok.doc[tok.i + 1].lower_) in POSITION_PHRASES \
            and (tok.is_lower or opens_sentence(tok)):
        return True  # "second" of "second row"
    if tok.lower_ in _QUALIFIERS and tok.text.istitle() and opens_sentence(tok) and _champion_follows(tok):
        return True  # "Defending champion Ann Roe" opening the sentence
    if (tok.lower_ in _SEEDINGS or _DIGIT_ORDINAL.match(tok.lower_)) and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i + 1].lower_ == "seed" and (tok.is_lower or opens_sentence(tok)):
        return True  # "top seed Ann Roe", "Fourth seed Ann Roe"
    if tok.lower_ in CAPITALISED_QUALIFIERS and tok.text.istitle() and _champion_follows(tok):
        return True  # "double Olympic champion Kelly Holmes"
    return tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.text.islower() and tok.is_alpha


def _champion_follows(tok: "Token") -> bool:
    """A capitalised qualifier in a run of title words that ends with an office needing it ("Olympic ...
    champion"), never an event's name ("the Olympic Games")."""
    doc = tok.doc
    for nxt in doc[tok.i + 1: tok.i + 6]:
        if office_word(nxt):
            return QUALIFIED_OFFICES.get(office_word(nxt) or "") is not None
        whole_ahead = hyphenated(doc[nxt.i + 2]) if nxt.i + 2 < len(doc) else None
        if not (nxt.lower_ in _QUALIFIERS or nxt.lower_ in CAPITALISED_QUALIFIERS or nxt.like_num
                or hyphenated_title(nxt) or nxt.text == "-" or whole_ahead in _QUALIFIERS):
            return False  # (the parts of a hyphenated qualifier: "European cross-country champion")
    return False


def hyphenated_title(tok: "Token") -> str | None:
    """The hyphenated office, title modifier or champion's qualifier ``tok`` ends, split by the tokenizer:
    "fly - half", "part - time", "cross - country"; None for any other word."""
    whole = hyphenated(tok)
    return whole if whole is not None and (whole in OFFICES or whole in _QUALIFIERS or whole in TITLE_MODIFIERS) else None


def title_text(toks: list["Token"]) -> str:
    """The title from its words, the office singular, without modifiers kept only in the role."""
    words = [t for t in toks if t.lower_ not in ROLE_ONLY_MODIFIERS]
    out = [t.text + (t.whitespace_ or (" " if k + 1 < len(words) and words[k + 1].i != t.i + 1 else ""))
           for k, t in enumerate(words)]
    if words and words[-1].tag_ in ("NNS", "NNPS") and office_word(words[-1]) != words[-1].lower_:
        out[-1] = words[-1].lemma_
    elif words and _mistagged_plural(words[-1]):
        out[-1] = words[-1].lower_[:-1]
    return clean_text("".join(out).replace(" - ", "-"))


def organisation(text: str) -> str | None:
    text = clean_text(text)
    if not text:
        return None
    bare = text.removesuffix("'s").removesuffix("\u2019s").rstrip()
    bare = bare[4:] if bare.lower().startswith("the ") else bare
    return country_of(bare) or bare


def in_lower_case(text: str, first: "Token") -> str:
    """A title that opens a sentence written as mid-sentence: "Conductor Ann Roe" -> "conductor";
    "Prime Minister" and organisations stay as they are."""
    opens = first.i == first.sent.start or first.nbor(-1).is_space or first.nbor(-1).text in (".", "!", "?", "\n")
    rest_lower = all(not w[:1].isupper() for w in text.split()[1:])
    if first.lower_ in CAPITALISED_QUALIFIERS:
        return text  # "Olympic champion", "European champion": a name's adjective keeps its capital
    if text and opens and (first.ent_type_ in ("", "ORDINAL") or job_word(first) or first.lower_ in OFFICES) \
            and first.text[:1].isupper() \
            and (rest_lower and (is_title_word(first) or text.lower() in OFFICES) or first.lower_ in ROLE_ONLY_MODIFIERS
                 or first.lower_ in _QUALIFIERS - CAPITALISED_QUALIFIERS):  # "Double Olympic champion" -> "double ..."
        return text[:1].lower() + text[1:]
    return text


def prep_organisation(office: "Token", depth: int = 0) -> tuple[str, int] | None:
    """The organisation after an office's preposition and where its phrase ends: "at security firm Norvex"
    -> ("Norvex", end); "chief of counterterrorism at the Dunmore Police Department" looks one step further."""
    for prep in office.children:
        if prep.dep_ != "prep" or prep.i < office.i:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        place_only = prep.lower_ == "in"
        if prep.lower_ not in ORG_PREPOSITIONS and not place_only:
            continue
        found = proper_name(pobj, ("GPE",), propn_run=False) if place_only else proper_name(pobj, PREP_ORG_LABELS)
        if found is None and not place_only and pobj.pos_ == "NOUN":  # "at Symantec security response"
            # the owner first: "chief of BT's new Entertainment unit" -> BT
            mods = sorted((c for c in pobj.children if c.dep_ in ("poss", "compound") and c.i < pobj.i),
                          key=lambda c: (c.dep_ != "poss", c.i))
            found = next((name for c in mods
                          for name in [proper_name(c, ("ORG",), propn_run=False)] if name is not None), None)
            if found is not None:
                return organisation(found.text), pobj.i + 1
        if found is not None:
            return organisation(found.text), found.end
        if depth == 0 and pobj.pos_ == "NOUN":
            return prep_organisation(pobj, depth + 1)
    return None


def proper_name(tok: "Token", labels: tuple[str, ...], propn_run: bool = True) -> "Span | None":
    """The named entity ``tok`` belongs to, or else the run of proper nouns it ends ("Norvex", "La Fenice
    Theatre"); a person's name is never an organisation unless ``propn_run`` says any proper noun will do."""
    doc = tok.doc
    ent = entity_at(doc, tok.i)  # an index, not a scan of every entity per token (issue 13)
    if ent is not None and ent.label_ in labels:
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        return doc[start: ent.end] if start < ent.end else None
    if tok.pos_ != "PROPN" or not propn_run or tok.ent_type_ == "PERSON" and "PERSON" not in labels:
        return None
    start = tok.i
    while start - 1 >= 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start: tok.i + 1]
