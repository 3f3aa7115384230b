"""Organisations as speakers: the names NER gives them, the kind nouns they are written with ("security firm
X", "Leeds daily Y"), the nouns that re-name them ("the paper", "the agency"), abbreviations spelled out in
brackets, and the sources their findings are credited through ("figures compiled by X"). Pure functions over
tokens; :mod:`.speakers` decides, with the people a document names, who speaks.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import GROUP_NOUNS, country_of
from .doc_index import positions_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# What NER labels an organisation: NORP and PRODUCT too for a company's name ("Symbian", "F-Secure").
ORG_LABELS = {"ORG", "NORP", "PRODUCT"}
# Nouns naming a kind of organisation: "security firm Saint Bernard Software", "the station said". Never a
# person's noun (unlike "spokesman"): a name right after one is the organisation's, whatever NER says.
ORG_KINDS = frozenset({"firm", "company", "lab", "laboratory", "agency", "broadcaster", "station", "website",
                       "newspaper", "paper", "magazine", "group", "label", "retailer", "bank", "network", "maker",
                       "developer", "publisher", "operator", "airline", "giant", "watchdog", "regulator", "body",
                       "union", "channel", "studio", "charity", "organisation", "organization", "association",
                       "federation", "council", "ministry", "department", "body", "service", "site", "daily",
                       "tabloid", "broadsheet", "weekly"})
# Kind nouns that name the same kind of organisation: "the paper says" after "the Leeds daily Morning Herald".
KIND_SYNONYMS = (frozenset({"paper", "newspaper", "daily", "tabloid", "broadsheet", "weekly"}),
                 frozenset({"firm", "company", "maker", "developer", "publisher", "retailer", "operator"}),
                 frozenset({"website", "site"}), frozenset({"lab", "laboratory"}),
                 frozenset({"organisation", "organization", "body", "group"}))
# Sources an organisation's findings are credited through: "a table drawn up by Le Figaro newspaper",
# "figures collected by the Interactive Media in Retail Group".
SOURCE_NOUNS = frozenset({"table", "figures", "estimates", "data", "analysis", "poll", "ranking", "list", "chart",
                          "research", "report", "survey", "study", "statement", "findings", "statistics",
                          "round-up", "guide", "index", "review"})
# Punctuation no organisation's name runs across: "The Clarion, Reid" as NER spans it is two names.
NAME_BREAKS = frozenset({",", ";", ":", "(", ")"})


def org_entity(tok: "Token") -> "Span | None":
    """The organisation NER names with ``tok`` in it ("Saint Bernard Software"), without a leading "the"."""
    if tok.ent_type_ not in ORG_LABELS or tok.ent_type_ != "ORG" and (tok.pos_ != "PROPN" or country_of(tok.text)):
        return None  # "Symbian" tagged NORP or PRODUCT is a company; "French" is no organisation
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and doc[lo].ent_iob_ == "I" and doc[lo - 1].text not in NAME_BREAKS:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].ent_iob_ == "I" and doc[hi + 1].text not in NAME_BREAKS:
        hi += 1  # "The Clarion, Reid" as NER spans it: the name ends at the comma
    while lo <= hi and (doc[lo].lower_ == "the" or doc[lo].is_punct):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].tag_ == "POS"):
        hi -= 1
    return doc[lo: hi + 1] if lo <= hi else None


def kinds_of(org: "Span") -> frozenset:
    """The kind nouns an organisation's name is written with: "security firm Netcraft" -> {"firm"},
    "Le Figaro newspaper" -> {"newspaper"}, "Universal, the record company" -> {"company"}."""
    doc = org.doc
    kinds = set()
    if org.start > 0 and doc[org.start - 1].lower_ in ORG_KINDS:
        kinds.add(doc[org.start - 1].lower_)
    if org.end < len(doc) and doc[org.end].lower_ in ORG_KINDS and org.root.dep_ == "compound":
        kinds.add(doc[org.end].lower_)
    kinds.update(c.lower_ for c in org.root.children if c.dep_ == "appos" and c.lower_ in ORG_KINDS)
    if org.root.dep_ == "appos" and org.root.head.lower_ in ORG_KINDS:
        kinds.add(org.root.head.lower_)
    return frozenset(kinds)


def same_kind(noun: str) -> frozenset:
    """``noun`` and the kind nouns that name the same kind of organisation."""
    return frozenset({noun}).union(*(group for group in KIND_SYNONYMS if noun in group))


def noun_word(tok: "Token") -> str:
    """A noun with the word hyphened to it in front, lower case: "round-up" tokenised "round", "-", "up"."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return tok.lower_


def branch_of(tok: "Token") -> "Span | None":
    """A company's national branch: "eBay UK" (the country NER labels a place, the company its compound)."""
    if tok.ent_type_ not in ("GPE", "LOC") or not tok.text[:1].isupper():
        return None
    company = next((c for c in tok.children if c.dep_ == "compound" and c.ent_type_ == "ORG" and c.i < tok.i), None)
    return tok.doc[company.left_edge.i: tok.i + 1] if company is not None else None


def is_kind_word(tok: "Token") -> bool:
    """A noun naming a kind of organisation ("firm", "daily"), or the plural of a people noun a firm is named
    after ("market analysts Datapoint": no one person is "analysts")."""
    return tok.lower_ in ORG_KINDS or tok.tag_ == "NNS" and tok.lemma_.lower() in GROUP_NOUNS


def named_after_kind(tok: "Token") -> "Span | None":
    """A name written right after a noun of an organisation's kind, whatever NER calls it: "security firm
    Saint Bernard Software", "monitoring firm Netcraft"."""
    if tok.pos_ != "PROPN":
        return None
    kind = next((c for c in tok.children if c.dep_ == "compound" and is_kind_word(c) and c.i < tok.i), None)
    if kind is None and tok.dep_ == "appos" and is_kind_word(tok.head) and tok.head.pos_ == "NOUN":
        kind = tok.head  # "the band's record company Universal": the name in apposition right after the noun
        if tok.left_edge.i != kind.i + 1:
            return None
    if kind is None:
        return None
    span = tok.doc[kind.i + 1: tok.i + 1]
    if kind.lower_ not in ORG_KINDS and (tok.conjuncts or any(t.ent_type_ == "PERSON" for t in span)):
        return None  # "analysts Tom Reed and Ann Lee said": people, not a firm
    return span if all(t.pos_ == "PROPN" or t.text == "-" for t in span) else None


def main_clause(verb: "Token") -> bool:
    """``verb`` (or the verb it is conjoined to) is its sentence's main verb, or a parenthetical cue."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("ROOT", "parataxis")


def compiled_by(verb: "Token") -> "tuple[Span, str] | None":
    """The organisation a passive verb credits with a source's findings, and the source noun: "The figures
    were prepared by the Food Research Unit", "the survey was carried out by pollsters Datapoint"."""
    source = next((c for c in verb.children if c.dep_ == "nsubjpass" and noun_word(c) in SOURCE_NOUNS), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if source is None or agent is None:
        return None
    for pobj in (c for c in agent.children if c.dep_ == "pobj"):
        org = org_entity(pobj) or kind_then_name(pobj)
        if org is not None and not any(t.ent_type_ == "PERSON" for t in org):
            return spelled_out(org) if len(org) == 1 else org, noun_word(source)
    return None


def kind_then_name(subject: "Token") -> "Span | None":
    """An organisation named in apposition right after a noun of its kind that is the subject: "said market
    analysts Datapoint", "the research group Datalab said" (never "analysts, including X")."""
    if subject.pos_ != "NOUN" or not is_kind_word(subject):
        return None
    name = next((c for c in subject.children if c.dep_ == "appos" and c.left_edge.i == subject.i + 1), None)
    if name is None or name.conjuncts:
        return None  # "analysts Tom Reed and Ann Lee": people
    return org_entity(name)


def spelled_out(org: "Span") -> "Span":
    """An abbreviation's full name where the article spells it out in front of it in brackets: "the Food
    Standards Agency (FSA)", "the Council for Rural Housing Authorities (Crha)", whether NER ends the
    name at the bracket or runs it on. The abbreviation's letters are initials of the name, in order."""
    abbr = org.text.removeprefix("the ").removeprefix("The ")
    if len(org) != 1 or len(abbr) < 2 or not abbr[:1].isupper() or not abbr.isalpha():
        return org
    doc = org.doc
    for tok in (doc[i] for i in positions_of(doc, abbr)):  # an index, not a scan of the document (issue 13)
        if tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "(" \
                or doc[tok.i + 1].text != ")":
            continue
        full = org_entity(doc[tok.i - 2])
        if full is None:
            continue
        while not initials_of(abbr, full) and full.start > full.sent.start and doc[full.start - 1].pos_ == "PROPN" \
                and doc[full.start - 1].text[:1].isupper():
            full = doc[full.start - 1: full.end]  # "the United States Rail Safety Board (USRSB)", "United States" a GPE
        if len(full) > 1 and initials_of(abbr, full):
            return full
    return org


def initials_of(abbr: str, name: "Span") -> bool:
    """``abbr``'s letters are, in order, initials of capitalised words of ``name``: "CRH" of "Northern
    Council for Rural Housing", "Crha" of "Council for Rural Housing Authorities"."""
    initials = "".join(t.text[0].lower() for t in name if t.text[:1].isupper())
    i = 0
    for letter in abbr.lower():
        i = initials.find(letter, i) + 1
        if i == 0:
            return False
    return True


def definite_noun(tok: "Token") -> bool:
    """A common noun with "the" and nothing but common nouns and adjectives in front: "the company", "the
    industry group", "the research" (not "the company's lawyer", "the Arsenal boss", "the company that ...")."""
    children = list(tok.children)
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    return all(c.i < tok.i and (c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "punct" and c.text == "-"
                                or c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ") and not c.ent_type_)
               for c in children)


def plural_agreement(subject: "Token") -> bool:
    """A singular proper noun with a plural verb: "Leeds have confirmed", "the Dunmores are" (British usage for
    a club, a band, a firm; never one person)."""
    if subject.tag_ != "NNP" or subject.dep_ != "nsubj" or subject.conjuncts \
            or any(c.dep_ in ("cc", "conj", "poss", "appos") for c in subject.children):
        return False
    verb = subject.head
    finite = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i] or [verb]
    first = finite[0]
    return first.tag_ == "VBP" and first.lower_ not in ("am",) or first.lower_ == "were"
