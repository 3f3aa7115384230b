"""Who holds which role: a title in front of a name, in apposition after or before it, or "as" a title.

"NATO Secretary-General Mark Rutte" -> Rutte, title "Secretary-General", organisation "NATO";
"UK Prime Minister Keir Starmer" -> "Prime Minister" of "United Kingdom"; "Ukraine's President
Volodymyr Zelensky" -> "President" of "Ukraine"; "Michael Carpenter, a former White House
national-security adviser and ambassador to ..." -> "former White House national-security adviser";
"Tom Hadley, senior consultant at security firm Norvex" -> "senior consultant" of "Norvex";
"members Ann Roe and Bill Tate" -> both are members; "the judge, Susan Ferrow," -> judge;
"Rhys joined Dunford Rovers as chief executive" -> chief executive of "Dunford Rovers".
A title needs a head word that names an office (president, minister, governor, actor, ...); "champion"
and "holder" need a word that says of what ("world champion", "record holder").
"""
from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Callable, Iterator

from ..document import Document
from ..facts import Role
from ..lexicon import FEMALE_NOUNS, MALE_NOUNS, OFFICES, QUALIFIED_OFFICES, ROLE_ONLY_MODIFIERS, TITLE_MODIFIERS, \
    country_of
from .common import clean_text, in_junk, provisional_ref, sentence_source
from .speakers import name_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# (title, organisation or None, the whole role as a reader would say it)
Found = tuple[str, "str | None", str]

ORG_LABELS = ("ORG", "GPE", "NORP")
# Organisations named after a title's preposition: "consultant at Sophos", "director of La Fenice Theatre".
PREP_ORG_LABELS = ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT")
ORG_PREPOSITIONS = ("of", "at", "for", "with")
# Verbs whose subject takes up or holds the title after "as": "joined Liverpool as chief executive",
# "succeeded Radcliffe as European champion", "was appointed as coach".
AS_VERBS = frozenset({"join", "serve", "succeed", "replace", "appoint", "name", "elect", "install", "hire",
                      "remain", "continue", "work", "start", "return", "sign", "confirm", "take"})
_QUALIFIERS = frozenset().union(*QUALIFIED_OFFICES.values())
# What sets off an apposition after a name: "Ann Roe, director of ...", "Ann Roe - star of ...", "Ann Roe (coach)".
APPOSITION_MARKS = frozenset({",", "-", "\u2013", "\u2014", "("})
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
})
# "X, who heads Y": a verb of running something in the present that reads as a job, and the job it names.
# A verb with no job noun of its own ("runs", "oversees") gives no title. "co-" carries over: "co-manages"
# -> "co-manager". "founded" names a title held for good, so its past counts.
JOB_VERBS = MappingProxyType({
    "heads": "head", "leads": "leader", "manages": "manager", "chairs": "chair", "directs": "director",
    "coaches": "coach", "captains": "captain", "edits": "editor", "owns": "owner", "hosts": "host",
    "presents": "presenter", "produces": "producer", "founded": "founder",
})
# Adverbs allowed between "who" and the verb: "who also heads", "who now leads".
STILL_ADVERBS = frozenset({"also", "now", "currently", "still", "jointly"})
MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll", "wo", "ca"})


def extract_roles(doc: "Doc", document: Document, is_place: Callable[[str], bool] = lambda name: False) -> Iterator[Role]:
    """Yield a :class:`Role` for every person named with a title in ``doc`` outside junk."""
    seen: set[tuple[int, int]] = set()
    for tok in doc:
        if tok.ent_type_ not in ("PERSON", "GPE", "ORG", "") or tok.is_space:
            continue
        if tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.i - tok.i <= 2 \
                and tok.head.text[:1].isupper() and not _office_word(tok.head):
            continue  # "Vladimir" of "Vladimir Putin": the name is taken at its last word
        if tok.ent_type_ == "PERSON" and tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I" \
                and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].is_title:
            continue  # "Kelli" of "Kelli White" parsed apart: the name is taken at its last word
        span = _person_name(tok, is_place)
        if span is None or (span.start, span.end) in seen or tok.i != span.end - 1:
            continue
        if in_junk(document, span) or not (span.root.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in span)):
            continue
        seen.add((span.start, span.end))
        found: dict[tuple[str, str | None], Found] = {}
        for role in (_title_before(span), _shared_title(span, is_place), _apposition(span),
                     _title_in_apposition_before(span), _as_title(span), _is_title_of(span), _who_runs(span)):
            if role is not None:
                found.setdefault((role[0].lower(), role[1]), role)
        for title, organization, text in found.values():
            yield Role(
                person=provisional_ref(span.text, "person"),
                title=title,
                organization=organization,
                role=text,
                sources=[sentence_source(document, span.sent)],
                confidence=0.9 if organization else 0.75,
            )


def _person_name(tok: "Token", is_place: Callable[[str], bool]) -> "Span | None":
    """The name ``tok`` ends, with the first names NER put in the same name though the parser split it off
    ("Kelli White"); a name right after a title is a person's even if a town has it ("frontman Bono")."""
    span = name_span(tok, is_place)
    if span is None and tok.ent_type_ == "PERSON":
        span = name_span(tok)
        if span is None or span.start == 0 or not _office_word(tok.doc[span.start - 1]):
            return None
    if span is None:
        return None
    doc, start = tok.doc, span.start
    while start > span.sent.start and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "PERSON" \
            and doc[start - 1].pos_ == "PROPN" and _office_word(doc[start - 1]) is None:
        start -= 1
    if span.end - start >= 3 and _job_word(doc[start]):
        start += 1  # "Sprinter Jane Roe": NER took the job word into the name
    return doc[start: span.end]


# --- office words ---------------------------------------------------------------------------------------

def _office_word(tok: "Token") -> str | None:
    """The office a noun names, singular ("members" -> "member"), or None."""
    if tok.lower_ in OFFICES or tok.lower_ in QUALIFIED_OFFICES:
        return tok.lower_
    if tok.tag_ in ("NNS", "NNPS") and (tok.lemma_.lower() in OFFICES or tok.lemma_.lower() in QUALIFIED_OFFICES):
        return tok.lemma_.lower()
    return tok.lower_ if _job_word(tok) else None


def _job_word(tok: "Token") -> bool:
    """A bare job word before a full name: opening its sentence ("Sprinter Jane Roe won ...", "Sculptor Ann
    Lee said") or in lower case mid-sentence ("beaten by skier Anna Berg"). One singular noun ending like an
    agent noun, then a name of two words or more; never a plural or a plain noun ("Fans", "Police"), a word
    of kin ("Mother"), nor a person who holds no job ("Teenager", "Winner", "his successor")."""
    doc, low = tok.doc, tok.lower_
    if not tok.is_alpha or tok.is_stop:
        return False
    opening = tok.text[:1].isupper() and tok.text[1:].islower() and _opens_sentence(tok)
    if not opening and not (tok.is_lower and tok.tag_ == "NN" and not _opens_sentence(tok)):
        return False
    if tok.tag_ not in ("NN", "NNP") or tok.ent_type_ not in ("", "PERSON", "NORP"):
        return False
    if len(low) < 5 or not low.endswith(JOB_ENDINGS) or low in NOT_JOBS | MALE_NOUNS | FEMALE_NOUNS \
            or low in ROLE_ONLY_MODIFIERS or low in TITLE_MODIFIERS:
        return False
    name = doc[tok.i + 1: tok.i + 3]
    return len(name) == 2 and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.ent_type_ == "PERSON"
                                  for t in name)


def _opens_sentence(tok: "Token") -> bool:
    """The first word of its sentence (after an opening quotation mark or a line break at most)."""
    k = tok.i - 1
    while k >= tok.sent.start and (tok.doc[k].is_space or tok.doc[k].is_quote):
        k -= 1
    return k < tok.sent.start or tok.doc[k].text in (".", "!", "?")


def _qualified(office: "Token", before: list["Token"]) -> bool:
    """An office that needs a word saying of what has one in ``before`` (the words in front of it)."""
    word = _office_word(office)
    needs = QUALIFIED_OFFICES.get(word or "")
    if needs is None:
        return True
    if word == "champion":  # "European champion", "100m champion", "world champion"
        return any(t.lower_ in needs or country_of(t.text) or any(c.isdigit() for c in t.text) for t in before)
    return bool(before) and before[-1].lower_ in needs


def _is_title_word(tok: "Token") -> bool:
    """A word of a title in front of a name: an office, a modifier, a word saying what a champion or holder
    is one of ("double world champion"), or a lower-case noun joined to the office ("dance DJ", "comedy
    star", "race director")."""
    if _office_word(tok) or tok.lower_ in TITLE_MODIFIERS or tok.lower_ in _QUALIFIERS and tok.is_lower:
        return True
    return tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.text.islower() and tok.is_alpha


def _title_text(toks: list["Token"]) -> str:
    """The title from its words, the office singular, without modifiers kept only in the role."""
    words = [t for t in toks if t.lower_ not in ROLE_ONLY_MODIFIERS]
    out = [t.text + (t.whitespace_ or (" " if k + 1 < len(words) and words[k + 1].i != t.i + 1 else ""))
           for k, t in enumerate(words)]
    if words and words[-1].tag_ in ("NNS", "NNPS") and _office_word(words[-1]) != words[-1].lower_:
        out[-1] = words[-1].lemma_
    return clean_text("".join(out).replace(" - ", "-"))


def _organisation(text: str) -> str | None:
    text = clean_text(text)
    if not text:
        return None
    bare = text.removesuffix("'s").removesuffix("\u2019s")
    bare = bare[4:] if bare.lower().startswith("the ") else bare
    return country_of(bare) or bare


# --- a title in front of the name ------------------------------------------------------------------------

def _title_before(name: "Span") -> Found | None:
    """"NATO Secretary-General" in front of "Mark Rutte": (title, organisation, whole role)."""
    doc = name.doc
    i = name.start - 1
    while i >= name.sent.start:
        if _is_title_word(doc[i]) or doc[i].text == "-" and i - 1 >= 0 and _is_title_word(doc[i - 1]):
            i -= 1
        elif i + 1 < name.start and doc[i].like_num and not doc[i].whitespace_ and _is_title_word(doc[i + 1]):
            i -= 1  # "100m champion": a number glued to its unit
        else:
            break
    title_start = i + 1
    # the run ends with its office ("comedy star"), never with a noun modifier ("transfer Smith")
    last = name.start - 1
    if title_start > last or not _office_word(doc[last]) and doc[last].lower_ not in TITLE_MODIFIERS:
        return None
    if not any(_office_word(t) for t in doc[title_start: name.start]):
        return None
    while title_start < name.start and not _office_word(doc[title_start]) and doc[title_start].pos_ == "NOUN" \
            and doc[title_start].dep_ == "compound" and doc[title_start].head.i >= name.start:
        title_start += 1  # a noun modifying the name, not the office
    while title_start < name.start and doc[title_start].text == "-":
        title_start += 1
    if title_start >= name.start:
        return None
    if title_start > 1 and doc[title_start - 1].text == "-" and not doc[title_start - 1].whitespace_ \
            and not doc[title_start - 2].whitespace_:
        if f"{doc[title_start - 2].lower_}-{doc[title_start].lower_}" not in OFFICES:
            return None  # never half of a hyphenated word ("co-star Ann Roe" is no star)
        title_start -= 2  # "co-founder"
    office = next(t for t in reversed(doc[title_start: name.start]) if _office_word(t))
    if not _qualified(office, list(doc[max(name.sent.start, title_start - 2): office.i])):
        return None
    j = title_start - 1
    if j >= name.sent.start and doc[j].text in ("'s", "\u2019s"):
        j -= 1
    work = _entity_ending_at(doc, j, ("WORK_OF_ART", "ORG"))
    if work is not None and work.start >= name.sent.start:
        j = work.start - 1  # "Only Fools and Horses star David Jason"
    while j >= name.sent.start and (doc[j].ent_type_ in ORG_LABELS and doc[j].pos_ in ("PROPN", "ADJ", "NOUN")
                                     or _names_the_office(doc[j], title_start, name.start)):
        j -= 1
    if j + 1 < title_start and doc[j + 1].text in ("'s", "\u2019s"):
        j += 1  # "the firm's spokesman": a possessive with no organisation named before it
    organization = _organisation(doc[j + 1: title_start].text)
    while j >= name.sent.start and doc[j].lower_ in ROLE_ONLY_MODIFIERS:
        j -= 1  # "Former Hammers star": the role is a former one
    title = _title_text(list(doc[title_start: name.start]))
    if not title:
        return None
    role = clean_text(doc[j + 1: name.start].text)
    former = [t for t in doc[max(name.sent.start, j - 3): j + 1] if t.lower_ == "former" and t.head.i >= j + 1]
    if former and not role.lower().startswith("former"):
        role = f"former {role}"  # "former Dunford Rovers captain": a role someone no longer holds
    if doc[name.start - 1].tag_ in ("NNS", "NNPS"):  # "fellow comedy stars Ann Roe and ..." -> "comedy star"
        role = clean_text(" ".join(t.text for t in doc[j + 1: name.start - 1]) + " " + title.split()[-1])
    return _in_lower_case(title, doc[title_start]), organization, _in_lower_case(role, doc[j + 1])


def _in_lower_case(text: str, first: "Token") -> str:
    """A title that opens a sentence written as mid-sentence: "Conductor Ann Roe" -> "conductor";
    "Prime Minister" and organisations stay as they are."""
    opens = first.i == first.sent.start or first.nbor(-1).is_space or first.nbor(-1).text in (".", "!", "?", "\n")
    rest_lower = all(not w[:1].isupper() for w in text.split()[1:])
    if text and opens and (not first.ent_type_ or _job_word(first)) and first.text[:1].isupper() \
            and (rest_lower and _is_title_word(first) or first.lower_ in ROLE_ONLY_MODIFIERS):
        return text[:1].lower() + text[1:]
    return text


def _names_the_office(tok: "Token", title_start: int, name_start: int) -> bool:
    """A proper noun joined to the title that NER did not call an organisation: "Dunford Rovers captain"."""
    if tok.pos_ != "PROPN" or tok.dep_ != "compound" or not tok.text[:1].isupper():
        return False
    head = tok.head
    while head.dep_ == "compound" and head.pos_ == "PROPN" and head.i < title_start:
        head = head.head
    return title_start <= head.i < name_start


def _entity_ending_at(doc: "Doc", i: int, labels: tuple[str, ...]) -> "Span | None":
    """The named entity of one of ``labels`` whose last word is ``doc[i]``."""
    return next((ent for ent in doc.ents if ent.end - 1 == i and ent.label_ in labels), None)


def _shared_title(name: "Span", is_place: Callable[[str], bool]) -> Found | None:
    """"members Ann Roe and Bill Tate": a plural title in front of the first name is the second's too."""
    head = name.root
    if head.dep_ != "conj":
        return None
    first = head.head
    while first.dep_ == "conj":
        first = first.head
    if first.ent_type_ != "PERSON":
        return None
    first_name = _person_name(first, is_place)
    if first_name is None or first_name.start == 0 or name.doc[first_name.start - 1].tag_ not in ("NNS", "NNPS"):
        return None
    between = name.doc[first_name.end: name.start]
    if not all(t.lower_ in ("and", ",") or t.ent_type_ == "PERSON" for t in between):
        return None  # "actor Hugh Grant and writer Joanne Harris": each has a title of their own
    return _title_before(first_name)


# --- a title in apposition ---------------------------------------------------------------------------------

def _apposition(name: "Span") -> Found | None:
    """"Michael Carpenter, a former White House national-security adviser and ..." after a name;
    "Tom Hadley, senior consultant at security firm Norvex" (the organisation after a preposition)."""
    head = name.root
    appos = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
    if appos is None or not _office_word(appos) or appos.pos_ == "PROPN" and appos.i > name.end + 1:
        return None
    if name.end >= len(name.doc) or name.doc[name.end].text not in APPOSITION_MARKS:
        return None  # "actor - Jamie Foxx; actress - ...": a list of labels, not a title set off by a comma
    toks = [t for t in appos.subtree if t.i <= appos.i and t.dep_ != "det"]
    if not toks or not _qualified(appos, toks[:-1]):
        return None
    doc = name.doc
    org_toks = [t for t in toks if t.ent_type_ in ORG_LABELS]
    organization = _organisation(" ".join(t.text for t in org_toks))
    end = appos.i + 1
    if organization is None or country_of(" ".join(t.text for t in org_toks)):
        # the employer after "of" beats a country in front: "UK managing director of filtering firm Ciphertrust"
        found = _prep_organisation(appos)
        if found is not None:
            organization, end = found
    text = clean_text(doc[toks[0].i: end].text)
    # the title is the run of words joined to the office word ("chief revenue officer", "attorney general"),
    # without the organisation, a possessive or a modifier kept only in the role ("former")
    title = [appos]
    for tok in reversed(toks[:-1]):
        if tok.i != title[0].i - 1 or tok.dep_ not in ("compound", "amod", "nmod") or tok.ent_type_ \
                or tok.lower_ in ROLE_ONLY_MODIFIERS or not tok.is_alpha and "-" not in tok.text:
            break
        title.insert(0, tok)
    while len(title) > 1 and title[0].i > 0 and title[0].nbor(-1).text == "-" and not title[0].nbor(-1).whitespace_:
        title.pop(0)  # never half of a hyphenated word ("national-security adviser" -> "adviser")
    return _title_text(title), organization, text


def _prep_organisation(office: "Token", depth: int = 0) -> tuple[str, int] | None:
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
        found = _proper_name(pobj, ("GPE",), propn_run=False) if place_only else _proper_name(pobj, PREP_ORG_LABELS)
        if found is None and not place_only and pobj.pos_ == "NOUN":  # "at Symantec security response"
            # the owner first: "chief of BT's new Entertainment unit" -> BT
            mods = sorted((c for c in pobj.children if c.dep_ in ("poss", "compound") and c.i < pobj.i),
                          key=lambda c: (c.dep_ != "poss", c.i))
            found = next((name for c in mods
                          for name in [_proper_name(c, ("ORG",), propn_run=False)] if name is not None), None)
            if found is not None:
                return _organisation(found.text), pobj.i + 1
        if found is not None:
            return _organisation(found.text), found.end
        if depth == 0 and pobj.pos_ == "NOUN":
            return _prep_organisation(pobj, depth + 1)
    return None


def _proper_name(tok: "Token", labels: tuple[str, ...], propn_run: bool = True) -> "Span | None":
    """The named entity ``tok`` belongs to, or else the run of proper nouns it ends ("Norvex", "La Fenice
    Theatre"); a person's name is never an organisation unless ``propn_run`` says any proper noun will do."""
    doc = tok.doc
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in labels:
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            return doc[start: ent.end] if start < ent.end else None
    if tok.pos_ != "PROPN" or not propn_run or tok.ent_type_ == "PERSON" and "PERSON" not in labels:
        return None
    start = tok.i
    while start - 1 >= 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start: tok.i + 1]


def _title_in_apposition_before(name: "Span") -> Found | None:
    """"the judge, Susan Ferrow," / "the band's singer, Tom Smith,": the title, a comma, the name set off
    by a comma (or ending the sentence). Never "Asked about the coach, Smith said": no closing comma."""
    doc = name.doc
    comma = name.start - 1
    if comma <= name.sent.start or doc[comma].text != ",":
        return None
    after = doc[name.end] if name.end < name.sent.end else None
    if after is not None and after.text not in (",", ".") and not (name.root.dep_ == "appos" and name.root.head.i == comma - 1):
        return None
    office = doc[comma - 1]
    if not _office_word(office) or office.pos_ != "NOUN" or not office.text.islower():
        return None
    toks = [t for t in office.subtree if t.i <= office.i]
    if not toks or toks[0].lower_ not in ("the", "its", "their", "his", "her") and not any(
            t.text in ("'s", "\u2019s") for t in toks):
        return None  # "a coach, Smith" is one of a list; "the coach" or "the club's coach" is the one
    if not _qualified(office, toks[:-1]):
        return None
    words = [t for t in toks if t.dep_ != "det" and t.text not in ("'s", "\u2019s") and t.dep_ != "poss"]
    org_toks = [t for t in toks if t.ent_type_ in ORG_LABELS]
    title = _title_text([t for t in words if t not in org_toks])
    text = clean_text(doc[toks[0].i + (1 if toks[0].dep_ == "det" else 0): office.i + 1].text)
    return (title, _organisation(" ".join(t.text for t in org_toks)), text) if title else None


# --- "as" a title ------------------------------------------------------------------------------------------

def _as_title(name: "Span") -> Found | None:
    """"with Ann Roe as producer", "Rhys joined Dunford Rovers as chief executive", "Yelling, who succeeded
    Radcliffe as European champion". Never a title someone may, will or did not take ("could replace him as
    coach", "wants to join as coach"): no modal, no negation, not an infinitive."""
    head = name.root
    verb = None
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    for child in head.children:  # "Yelling, who ... succeeded Radcliffe as ..."
        if child.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")
                                         for c in child.children):
            verb = child
    candidates = list(head.children)
    if verb is not None and verb.lemma_.lower() in AS_VERBS and _asserted(verb):
        candidates += list(verb.children)
    for prep in candidates:
        if prep.dep_ != "prep" or prep.lower_ != "as" or prep.i < name.end:
            continue
        office = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if office is None or not _office_word(office) or not office.text.islower() and office.i != prep.i + 1:
            continue
        if office.pos_ == "PROPN" or any(c.dep_ == "poss" for c in office.children):
            continue  # "as Hamlet"; "as his coach" is someone else's title
        toks = [t for t in office.subtree if t.i <= office.i and t.dep_ != "det"]
        if not _qualified(office, toks[:-1]):
            continue
        organization, end = None, office.i + 1
        org_toks = [t for t in toks if t.ent_type_ in ORG_LABELS]
        if org_toks:
            organization = _organisation(" ".join(t.text for t in org_toks))
        else:
            found = _prep_organisation(office)
            if found is not None:
                organization, end = found
            elif verb is not None and prep.head.i == verb.i and verb.lemma_.lower() == "join":
                dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                club = _proper_name(dobj, PREP_ORG_LABELS + ("PERSON",)) if dobj is not None else None
                organization = _organisation(club.text) if club is not None else None
        title = [t for t in toks if t.ent_type_ not in ORG_LABELS]
        text = clean_text(name.doc[toks[0].i: end].text)
        if organization and not org_toks and end == office.i + 1:
            text = f"{organization} {text}"  # "joined Dunford Rovers as chief executive" -> "Dunford Rovers chief executive"
        return _title_text(title), organization, text
    return None


def _asserted(verb: "Token") -> bool:
    """A verb stated as fact: no modal, no negation, not an infinitive or a wish ("wants to join")."""
    if verb.dep_ in ("xcomp", "advcl", "csubj") or verb.tag_ == "VBG" and verb.dep_ != "ROOT":
        return False
    return not any(c.dep_ == "neg" or c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to")
                   for c in verb.children)


def _is_title_of(name: "Span") -> Found | None:
    """"Ras Kwame is host of Homegrown Hour": a present "is" with a title and the body it is held in.
    Not a past one ("was captain of Wales": maybe no longer), nor a title without its body ("is a member"),
    nor an opinion ("is a great captain of Wales")."""
    head = name.root
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP") or not _asserted(verb):
        return None
    office = next((c for c in verb.children if c.dep_ == "attr" and c.i > head.i), None)
    if office is None or office.pos_ != "NOUN" or not _office_word(office) or not office.text.islower():
        return None
    before = [t for t in office.subtree if t.i < office.i]
    if any(t.dep_ != "det" and t.lower_ not in TITLE_MODIFIERS and not (t.dep_ == "compound" and t.is_lower)
           for t in before) or not _qualified(office, before):
        return None
    found = _prep_organisation(office)
    if found is None:
        return None
    organization, end = found
    words = [t for t in before if t.dep_ != "det"] + [office]
    return _title_text(words), organization, clean_text(name.doc[words[0].i: end].text)


def _who_runs(name: "Span") -> Found | None:
    """"Ann Roe, who heads the Kelton Trust," / "Tom Reed, who co-manages the Kelvale Arms,": a relative
    clause right after the name whose verb reads as a job (``JOB_VERBS``), with a named body as its object.
    Read from the words, not the parse ("co-manages" parses apart). Never a verb with no job noun ("who runs
    the club"), a past one ("who headed"), a modal or negation ("who will lead", "who no longer heads"), nor
    an object that names no body ("who leads the line")."""
    doc, k = name.doc, name.end
    if k + 2 >= name.sent.end or doc[k].text != "," or doc[k + 1].lower_ != "who":
        return None
    k += 2
    while k < name.sent.end and doc[k].lower_ in STILL_ADVERBS:
        k += 1
    prefix = ""
    if k + 2 < name.sent.end and doc[k].lower_ == "co" and doc[k + 1].text == "-":
        prefix, k = "co-", k + 2
    word = doc[k].lower_ if k < name.sent.end else ""
    if word.startswith("co-"):
        prefix, word = "co-", word[3:]
    job = JOB_VERBS.get(word)
    if job is None:
        return None
    start = k + 1
    while start < name.sent.end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    if start >= name.sent.end:
        return None
    body = _proper_name(doc[start], PREP_ORG_LABELS, propn_run=False)
    if body is None and doc[start].pos_ == "PROPN" and doc[start].text[:1].isupper():
        end = start
        while end + 1 < name.sent.end and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper():
            end += 1
        body = doc[start: end + 1]
    if body is None or body.start != start or body.root.ent_type_ == "PERSON":
        return None
    title = prefix + job
    return title, _organisation(body.text), clean_text(f"{title} of {doc[k + 1: body.end].text}")
