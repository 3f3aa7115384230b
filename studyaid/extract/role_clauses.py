"""Titles a clause gives: "joined Y as chief executive", "is host of Y", "X, who heads Y", "directors
including X", "a guitarist called X", "a loose-forward trio of X, Y and Z", "X plays at hooker".

"Rhys joined Dunford Rovers as chief executive" -> chief executive of "Dunford Rovers"; "Ras Kwame is host
of Homegrown Hour" and "is one of the hosts of Homegrown Hour" -> host; "Tom Reed, who co-manages the
Kelvale Arms," -> co-manager; "Japanese directors including Ann Roe" -> director (Japan). Only a title
stated as held now: no modal, negation, wish or past "was".
"""
from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from ..lexicon import QUALIFIED_OFFICES, TITLE_MODIFIERS
from .common import clean_text
from .titles import ORG_LABELS, PREP_ORG_LABELS, Found, hyphenated_title, office_word, organisation, prep_organisation, \
    proper_name, qualified, title_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs whose subject takes up or holds the title after "as": "joined Liverpool as chief executive",
# "succeeded Radcliffe as European champion", "was appointed as coach".
AS_VERBS = frozenset({"join", "serve", "succeed", "replace", "appoint", "name", "elect", "install", "hire",
                      "remain", "continue", "work", "start", "return", "sign", "confirm", "take"})

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

# Nouns of a group of players listed after "of": "an England loose-forward trio of ...".
GROUP_NOUNS = frozenset({"trio", "duo", "pair", "quartet", "partnership", "pairing", "combination", "triumvirate"})

MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll", "wo", "ca"})


def as_title(name: "Span") -> Found | None:
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
        if office is None or not office_word(office) or not office.text.islower() and office.i != prep.i + 1:
            continue
        if office.pos_ == "PROPN" or any(c.dep_ == "poss" for c in office.children):
            continue  # "as Hamlet"; "as his coach" is someone else's title
        toks = [t for t in office.subtree if t.i <= office.i and t.dep_ != "det"]
        if not qualified(office, toks[:-1]):
            continue
        organization, end = None, office.i + 1
        org_toks = [t for t in toks if t.ent_type_ in ORG_LABELS]
        if org_toks:
            organization = organisation(" ".join(t.text for t in org_toks))
        else:
            found = prep_organisation(office)
            if found is not None:
                organization, end = found
            elif verb is not None and prep.head.i == verb.i and verb.lemma_.lower() == "join":
                dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                club = proper_name(dobj, PREP_ORG_LABELS + ("PERSON",)) if dobj is not None else None
                organization = organisation(club.text) if club is not None else None
        title = [t for t in toks if t.ent_type_ not in ORG_LABELS]
        text = clean_text(name.doc[toks[0].i: end].text)
        if organization and not org_toks and end == office.i + 1:
            text = f"{organization} {text}"  # "joined Dunford Rovers as chief executive" -> "Dunford Rovers chief executive"
        return title_text(title), organization, text
    return None


def _asserted(verb: "Token") -> bool:
    """A verb stated as fact: no modal, no negation, not an infinitive or a wish ("wants to join")."""
    if verb.dep_ in ("xcomp", "advcl", "csubj") or verb.tag_ == "VBG" and verb.dep_ != "ROOT":
        return False
    return not any(c.dep_ == "neg" or c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to")
                   for c in verb.children)


def is_title_of(name: "Span") -> Found | None:
    """"Ras Kwame is host of Homegrown Hour": a present "is" with a title and the body it is held in.
    Not a past one ("was captain of Wales": maybe no longer), nor a title without its body ("is a member"),
    nor an opinion ("is a great captain of Wales")."""
    head = name.root
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP") or not _asserted(verb):
        return None
    office = next((c for c in verb.children if c.dep_ == "attr" and c.i > head.i), None)
    if office is not None and office.lower_ == "one":  # "is one of the hosts of Y": one of several holders
        of = next((c for c in office.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        office = next((c for c in of.children if c.dep_ == "pobj" and c.tag_ == "NNS"), None) if of else None
    if office is None or office.pos_ != "NOUN" or not office_word(office) or not office.text.islower():
        return None
    before = [t for t in office.subtree if t.i < office.i]
    if any(t.dep_ != "det" and t.lower_ not in TITLE_MODIFIERS and not (t.dep_ == "compound" and t.is_lower)
           for t in before) or not qualified(office, before):
        return None
    found = prep_organisation(office)
    if found is None:
        return None
    organization, end = found
    words = [t for t in before if t.dep_ != "det"] + [office]
    title = title_text(words)
    return title, organization, clean_text(f"{title} {name.doc[office.i + 1: end].text}")


def listed_under_title(name: "Span") -> Found | None:
    """"Japanese directors including Ann Roe", "judges such as Ann Roe and Tom Reed", "British actors on the
    list include Ann Roe, Tom Reed and ...": a name listed under a plural office holds it. Not a plural that
    names no office ("players including ...", "the guests include ..."), nor a list someone may include; a
    name with a title of its own in the list ("and director Tom Reed") keeps only that."""
    head = name.root
    while head.dep_ in ("conj", "appos") and head.head.ent_type_ == "PERSON":
        head = head.head  # "including Ann Roe and Tom Reed", "include Emma Clarke, Tom Reed and Ann Roe"
    if head.dep_ not in ("pobj", "dobj"):
        return None
    prep = head.head
    such_as = prep.lower_ == "as" and prep.i > 0 and name.doc[prep.i - 1].lower_ == "such"
    if prep.i > name.start:
        return None
    if prep.lower_ == "including" or such_as:
        group = prep.head
    elif head.dep_ == "dobj" and prep.lemma_ == "include" and prep.pos_ == "VERB" and _asserted(prep):
        group = next((c for c in prep.children if c.dep_ == "nsubj"), None)  # "British actors ... include X"
        if group is None:
            return None
    else:
        return None
    if group.pos_ != "NOUN" or group.tag_ != "NNS" or not office_word(group) or not qualified(group, []):
        return None
    before = name.doc[name.start - 1] if name.start > 0 else None
    if before is not None and before.i != group.i and before.tag_ in ("NN", "NNP") and office_word(before):
        return None  # "... include Ann Roe and director Tom Reed": a title of his own
    words = [group]
    for tok in reversed([t for t in group.children if t.i < group.i]):
        if tok.i != words[0].i - 1 or tok.dep_ != "compound" or not tok.is_lower or not tok.is_alpha:
            break
        words.insert(0, tok)  # "film directors"
    org_toks = [t for t in group.children if t.i < group.i and t.ent_type_ in ORG_LABELS]
    organization = organisation(" ".join(t.text for t in org_toks))
    title = title_text(words)
    return title, organization, clean_text(" ".join([*(t.text for t in org_toks), title]))


def group_title(name: "Span") -> Found | None:
    """"an England loose-forward trio of Ann Roe, Tom Reed and Sam Ward", "the Kelvale striker pair of Ann Roe and
    Tom Reed": an office right before a group noun is each listed name's. Never a group with no office ("a trio
    of Ann Roe, ..." ), nor one of plural offices ("a coaches' trio")."""
    head, doc = name.root, name.doc
    while head.dep_ == "conj" and head.head.ent_type_ == "PERSON":
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.i > name.start:
        return None
    group = prep.head
    if group.lemma_.lower() not in GROUP_NOUNS or group.i != prep.i - 1 or group.i < 1:
        return None
    office = doc[group.i - 1]
    word = office_word(office)
    if word is None or not office.is_lower or office.tag_ in ("NNS", "NNPS") or not qualified(office, []):
        return None
    start = office.i - 2 if hyphenated_title(office) else office.i
    org = start
    while org - 1 >= name.sent.start and doc[org - 1].ent_type_ in ORG_LABELS and doc[org - 1].text[:1].isupper():
        org -= 1
    organization = organisation(doc[org: start].text) if org < start else None
    title = word
    return title, organization, clean_text(f"{doc[org: start].text} {title}")


def plays_at(name: "Span") -> Found | None:
    """"Ann Roe plays at hooker": a present "plays at" a position (a bare office word) is the player's title.
    Never a place ("plays at home", "plays at Wembley"), a past, modal or negated play."""
    head = name.root
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ != "play" or verb.tag_ not in ("VBZ", "VBP") or not _asserted(verb):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > head.i):
        position = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if position is None or position.i != prep.i + 1 or not position.is_lower or position.tag_ != "NN":
            continue
        word = office_word(position)
        if word is not None and QUALIFIED_OFFICES.get(word) is None:
            return word, None, word
    return None


def called_title(name: "Span") -> Found | None:
    """"a rhythm guitarist called Ann Roe", "a lawyer named Tom Reed": an office with "a" or "an", then "called" or
    "named" and the name. Never a thing so called ("a film called ..."), nor someone's relative ("his son, named ...")."""
    verb = name.root.head
    if name.root.dep_ != "oprd" or verb.lemma_.lower() not in ("call", "name") or verb.dep_ != "acl" \
            or verb.i != name.start - 1:
        return None
    office = verb.head
    if office.i != verb.i - 1 or office.pos_ != "NOUN" or office.tag_ != "NN" or not office.text.islower() \
            or not office_word(office):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in office.children):
        return None
    words = [office]
    for tok in reversed([t for t in office.children if t.i < office.i]):
        if tok.i != words[0].i - 1 or tok.dep_ not in ("compound", "amod") or not tok.is_lower or not tok.is_alpha \
                or tok.dep_ == "amod" and tok.lower_ not in TITLE_MODIFIERS:
            break
        words.insert(0, tok)  # "a rhythm guitarist", "a senior lawyer"
    if not qualified(office, words[:-1]):
        return None
    title = title_text(words)
    return (title, None, title) if title else None


def _capitalised_run(doc: "Doc", start: int, stop: int) -> "Span | None":
    """The capitalised words from ``start`` on, hyphenated ones whole ("Four-Oaks"): a name no NER tagged."""
    end = start
    while end + 1 < stop and (doc[end + 1].text[:1].isupper() and doc[end + 1].pos_ in ("PROPN", "NOUN", "NUM")
                              or doc[end + 1].text == "-" and not doc[end].whitespace_ and end + 2 < stop
                              and not doc[end + 1].whitespace_ and doc[end + 2].text[:1].isupper()):
        end += 1
    return doc[start: end + 1] if not doc[end].text == "-" else None


def who_runs(name: "Span") -> Found | None:
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
    body = proper_name(doc[start], PREP_ORG_LABELS, propn_run=False)
    if body is None and doc[start].text[:1].isupper() and doc[start].pos_ in ("PROPN", "NUM", "NOUN"):
        body = _capitalised_run(doc, start, name.sent.end)  # "the Kelvale Arms", "the Four-Oaks team"
    if body is None or body.start != start or body.root.ent_type_ == "PERSON":
        return None
    title = prefix + job
    return title, organisation(body.text), clean_text(f"{title} of {doc[k + 1: body.end].text}")
