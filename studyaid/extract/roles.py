"""Who holds which role: a title in front of a name, in apposition after or before it, or "as" a title.

"NATO Secretary-General Mark Rutte" -> Rutte, title "Secretary-General", organisation "NATO";
"UK Prime Minister Keir Starmer" -> "Prime Minister" of "United Kingdom"; "Ukraine's President
Volodymyr Zelensky" -> "President" of "Ukraine"; "Michael Carpenter, a former White House
national-security adviser and ambassador to ..." -> "former White House national-security adviser";
"Tom Hadley, senior consultant at security firm Norvex" -> "senior consultant" of "Norvex";
"members Ann Roe and Bill Tate" -> both are members; "the judge, Susan Ferrow," -> judge;
"Actor and comedian Ann Roe" -> both titles; "Entrepreneur Sir Tom Reed" -> entrepreneur (an honorific is
no title). Titles a clause gives ("joined Y as chief executive", "X, who heads Y", "directors including X")
are read in :mod:`.role_clauses`; which words name an office, in :mod:`.titles`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from ..document import Document
from ..facts import Role
from ..lexicon import HONORIFICS, OFFICES, ROLE_ONLY_MODIFIERS, TITLE_MODIFIERS, country_of
from .common import clean_text, in_junk, provisional_ref, sentence_source
from .doc_index import entity_ending_at
from .role_descriptions import described_after_naming, described_by_age
from .role_clauses import as_title, called_title, group_title, is_title_of, listed_under_title, plays_at, who_runs
from .speakers import name_span
from .titles import ORG_LABELS, Found, hyphenated, hyphenated_title, in_lower_case, is_title_word, job_word, office_word, organisation, \
    plural_office, prep_organisation, qualified, title_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What sets off an apposition after a name: "Ann Roe, director of ...", "Ann Roe - star of ...", "Ann Roe (coach)".
APPOSITION_MARKS = frozenset({",", "-", "\u2013", "\u2014", "("})

# Words before an office that make it an award's category: "the best actor Oscar", "best director Ann Roe".
AWARD_WORDS = frozenset({"best", "worst"})
# Words joining two titles before one name: "Actor and comedian Ann Roe".
TITLE_JOINERS = frozenset({"and", "&"})
# A player's world ranking before the name: "world number seven Ann Roe", "world No 3 Ann Roe".
RANKING_WORDS = frozenset({"number", "no", "no."})


def extract_roles(doc: "Doc", document: Document, is_place: Callable[[str], bool] = lambda name: False) -> Iterator[Role]:
    """Yield a :class:`Role` for every person named with a title in ``doc`` outside junk."""
    seen: set[tuple[int, int]] = set()
    # surnames of the full names NER tags as people: the same word alone is the person, whatever label the NER
    # gives it there ("Hollywood star Malkovich" tagged GPE after "John Malkovich")
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].pos_ == "PROPN"}
    # full names NER tags as people somewhere: the same words elsewhere are the person, tagged or not
    full_names = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].pos_ == "PROPN"}
    for tok in doc:
        if tok.ent_type_ not in ("PERSON", "GPE", "ORG", "") or tok.is_space:
            continue
        if tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.i - tok.i <= 2 \
                and tok.head.text[:1].isupper() and not office_word(tok.head):
            continue  # "Vladimir" of "Vladimir Putin": the name is taken at its last word
        if tok.ent_type_ == "PERSON" and tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I" \
                and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].is_title:
            continue  # "Kelli" of "Kelli White" parsed apart: the name is taken at its last word
        span = _person_name(tok, is_place)
        if span is None or (span.start, span.end) in seen or tok.i != span.end - 1:
            continue
        if in_junk(document, span) or not (span.root.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in span)
                                            or _lone_surname(span, surnames, is_place) or span.text in full_names):
            continue
        seen.add((span.start, span.end))
        found: dict[tuple[str, str | None], Found] = {}
        for role in (_title_before(span), _coordinated_title(span), _shared_title(span, is_place), _apposition(span),
                     *_coordinated_apposition(span), _ranking_before(span), _title_in_apposition_before(span),
                     as_title(span), is_title_of(span), who_runs(span), listed_under_title(span),
                     called_title(span), group_title(span), plays_at(span)):
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
    yield from described_after_naming(doc, document, is_place, _title_ending_at)
    yield from described_by_age(doc, document, is_place)


def _lone_surname(span: "Span", surnames: set[str], is_place: Callable[[str], bool]) -> bool:
    """A one-word name that is the surname of a person the NER tags elsewhere ("John Malkovich"), standing alone:
    never the end of a longer name the parse split ("Beenie Man": "Man" after a capitalised word)."""
    if len(span) != 1 or span.text not in surnames or is_place(span.text):
        return False
    prev = span.doc[span.start - 1] if span.start > span.sent.start else None
    return prev is None or not (prev.pos_ == "PROPN" and prev.text[:1].isupper() and not office_word(prev))


def _person_name(tok: "Token", is_place: Callable[[str], bool]) -> "Span | None":
    """The name ``tok`` ends, with the first names NER put in the same name though the parser split it off
    ("Kelli White"); a name right after a title is a person's even if a town has it ("frontman Bono")."""
    span = name_span(tok, is_place)
    if span is None and tok.ent_type_ == "PERSON":
        span = name_span(tok)
        if span is None or span.start == 0 or not office_word(tok.doc[span.start - 1]):
            return None
    if span is None:
        return None
    doc, start = tok.doc, span.start
    while start > span.sent.start and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "PERSON" \
            and doc[start - 1].pos_ == "PROPN" and office_word(doc[start - 1]) is None:
        start -= 1
    if span.end - start >= 3 and job_word(doc[start]):
        start += 1  # "Sprinter Jane Roe": NER took the job word into the name
    return doc[start: span.end]


# --- a title in front of the name ------------------------------------------------------------------------

def _title_before(name: "Span") -> Found | None:
    """"NATO Secretary-General" in front of "Mark Rutte": (title, organisation, whole role); an honorific
    between them is neither ("Entrepreneur Sir Ann Roe")."""
    found = _title_ending_at(name)
    return found[0] if found is not None else None


def _coordinated_title(name: "Span") -> Found | None:
    """"Actor and comedian Ann Roe": a second title joined by "and" before the title in front of the name
    is the person's too. Only a singular office ("the players and coach Ann Roe" gives the players nothing)."""
    found = _title_ending_at(name)
    if found is None:
        return None
    doc, joiner = name.doc, found[1] - 1
    if joiner - 1 < name.sent.start or doc[joiner].lower_ not in TITLE_JOINERS:
        return None
    office = doc[joiner - 1]
    if not office_word(office) or office.tag_ not in ("NN", "NNP"):
        return None
    before = _title_ending_at(doc[joiner: joiner + 1])
    if before is None:
        return None
    if before[0][1] and found[0][1] and before[0][1] != found[0][1]:
        return None  # "French president and UK Prime Minister": two bodies, two people
    return before[0]


def _title_ending_at(name: "Span") -> tuple[Found, int] | None:
    """The title in front of ``name`` and the index where its whole role begins; none when title and name
    together modify a common noun ("the Judge Dredd film", "a King Kong remake"): a character's or a work's
    name, not a person holding an office."""
    doc = name.doc
    if name.root.dep_ == "compound" and name.root.head.pos_ == "NOUN" and name.root.head.is_lower \
            and name.root.head.i > name.root.i:
        return None
    end = name.start
    while end - 1 > name.sent.start and doc[end - 1].lower_ in HONORIFICS and doc[end - 1].lower_ not in OFFICES \
            and doc[end - 1].text[:1].isupper():
        end -= 1  # "Entrepreneur Sir Ann Roe"
    if end < name.start:
        name = doc[end: name.end]
    i = name.start - 1
    while i >= name.sent.start:
        if i - 2 >= name.sent.start and hyphenated_title(doc[i]):
            i -= 3  # "fly-half", "cross-country" whole, whatever the parser tagged its parts
        elif is_title_word(doc[i]) or doc[i].text == "-" and i - 1 >= 0 and is_title_word(doc[i - 1]):
            i -= 1
        elif i + 1 < name.start and doc[i].like_num and not doc[i].whitespace_ and is_title_word(doc[i + 1]):
            i -= 1  # "100m champion": a number glued to its unit
        else:
            break
    title_start = i + 1
    if title_start > name.sent.start and doc[title_start - 1].lower_ in AWARD_WORDS:
        return None  # "his best actor Oscar": an award's category, not a title
    # the run ends with its office ("comedy star"), never with a noun modifier ("transfer Smith")
    last = name.start - 1
    if title_start > last or not office_word(doc[last]) and doc[last].lower_ not in TITLE_MODIFIERS:
        return None
    if not any(office_word(t) for t in doc[title_start: name.start]):
        return None
    while title_start < name.start and not office_word(doc[title_start]) and doc[title_start].pos_ == "NOUN" \
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
    office = next(t for t in reversed(doc[title_start: name.start]) if office_word(t))
    if not qualified(office, list(doc[max(name.sent.start, title_start - 2): office.i])):
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
    organization = organisation(doc[j + 1: title_start].text)
    while j >= name.sent.start and doc[j].lower_ in ROLE_ONLY_MODIFIERS:
        j -= 1  # "Former Hammers star": the role is a former one
    title = title_text(list(doc[title_start: name.start]))
    if not title:
        return None
    role = clean_text(doc[j + 1: name.start].text)
    former = [t for t in doc[max(name.sent.start, j - 3): j + 1] if t.lower_ == "former" and t.head.i >= j + 1]
    if former and not role.lower().startswith("former"):
        role = f"former {role}"  # "former Dunford Rovers captain": a role someone no longer holds
    if plural_office(doc[name.start - 1]):  # "fellow comedy stars Ann Roe and ..." -> "comedy star"
        role = clean_text(" ".join(t.text for t in doc[j + 1: name.start - 1]) + " " + title.split()[-1])
    return (in_lower_case(title, doc[title_start]), organization, in_lower_case(role, doc[j + 1])), j + 1


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
    ent = entity_ending_at(doc, i)  # an index, not a scan of every entity per title (issue 13)
    return ent if ent is not None and ent.label_ in labels else None


def _shared_title(name: "Span", is_place: Callable[[str], bool]) -> Found | None:
    """"members Ann Roe and Bill Tate": a plural title in front of the first name of a list is the others' too.
    The list is walked back to the nearest name with a plural title of its own ("photographers Ann Roe, Ben Tate
    and Cy Low, and artists Sir Dan Fry and Eve Hall": Eve Hall is an artist); the names between may be ones the
    NER mislabelled ("Rankin", GPE), never another title."""
    head, doc = name.root, name.doc
    if head.dep_ != "conj":
        return None
    first = head.head
    while True:
        if first.ent_type_ == "PERSON":
            first_name = _person_name(first, is_place)
            if first_name is not None and _plural_title_before(first_name):
                break
        if first.dep_ != "conj" or first.pos_ != "PROPN":
            return None
        first = first.head
    between = doc[first_name.end: name.start]
    if not all(t.lower_ in ("and", ",") or t.pos_ == "PROPN" and t.text[:1].isupper() and not office_word(t)
               for t in between):
        return None  # "actor Hugh Grant and writer Joanne Harris": each has a title of their own
    return _title_before(first_name)


def _plural_title_before(name: "Span") -> bool:
    """A plural title right before ``name``, past an honorific: "photographers Ann Roe", "artists Sir Dan Fry"."""
    doc, i = name.doc, name.start - 1
    while i > name.sent.start and doc[i].lower_ in HONORIFICS and doc[i].text[:1].isupper():
        i -= 1
    return i >= name.sent.start and plural_office(doc[i])


def _ranking_before(name: "Span") -> Found | None:
    """"world number seven Ann Roe", "world No 3 Ann Roe": a player's world ranking is a title."""
    doc, i = name.doc, name.start - 1
    if i - 2 < name.sent.start or not doc[i].like_num or doc[i - 1].lower_ not in RANKING_WORDS \
            or doc[i - 2].lower_ != "world":
        return None
    text = clean_text(doc[i - 2: name.start].text)
    return text.lower(), None, text.lower()


# --- a title in apposition ---------------------------------------------------------------------------------

def _apposition(name: "Span") -> Found | None:
    """"Michael Carpenter, a former White House national-security adviser and ..." after a name;
    "Tom Hadley, senior consultant at security firm Norvex" (the organisation after a preposition)."""
    head = name.root
    appos = _appositive(name)
    if appos is None or not office_word(appos) or appos.pos_ == "PROPN" and not appos.is_lower and appos.i > name.end + 1:
        return None
    if name.end >= len(name.doc) or name.doc[name.end].text not in APPOSITION_MARKS:
        return None  # "actor - Jamie Foxx; actress - ...": a list of labels, not a title set off by a comma
    if appos.tag_ in ("NNS", "NNPS") and head.dep_ != "conj" and not any(c.dep_ == "conj" for c in head.children):
        return None  # "thanked Ann Roe, lawyers and judges": one person is no plural office, but a list's next item
    toks = [t for t in appos.subtree if t.i <= appos.i and t.dep_ != "det"]
    if not toks or not qualified(appos, toks[:-1]):
        return None
    doc = name.doc
    org_toks = [t for t in toks if t.ent_type_ in ORG_LABELS]
    organization = organisation(" ".join(t.text for t in org_toks))
    end = appos.i + 1
    if organization is None or country_of(" ".join(t.text for t in org_toks)):
        # the employer after "of" beats a country in front: "UK managing director of filtering firm Ciphertrust"
        found = prep_organisation(appos)
        if found is None and _prep_inside(name, appos):  # the parser hung "for The Falls" on the name
            found = prep_organisation(head)
        if found is not None:
            organization, end = found
    text = clean_text(doc[toks[0].i: end].text)
    # the title is the run of words joined to the office word ("chief revenue officer", "attorney general"),
    # without the organisation, a possessive or a modifier kept only in the role ("former")
    title = [appos]
    for tok in reversed(toks[:-1]):
        if tok.i != title[0].i - 1 or tok.dep_ not in ("compound", "amod", "nmod") or tok.ent_type_ not in ("", "ORDINAL") \
                or tok.lower_ in ROLE_ONLY_MODIFIERS or not tok.is_alpha and "-" not in tok.text:
            break
        title.insert(0, tok)
    while len(title) > 1 and title[0].i > 0 and title[0].nbor(-1).text == "-" and not title[0].nbor(-1).whitespace_:
        title.pop(0)  # never half of a hyphenated word ("national-security adviser" -> "adviser")
    if len(title) == 1 and office_word(appos) == hyphenated(appos):
        return office_word(appos), organization, text  # "Ann Roe, usually a right-back," (split by the tokenizer)
    return title_text(title), organization, text


def _appositive(name: "Span") -> "Token | None":
    """The noun in apposition after a name; also a bare office the parser joined to the name as a list's next item
    when commas set it off ("Ann Roe, guitarist and lyricist for The Falls, vanished"): never one with a
    determiner or a person in it ("Ann Roe, the coach and the players", "Ann Roe, coach Tom Reed and ...")."""
    head, doc = name.root, name.doc
    appos = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
    if appos is not None or name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return appos
    conj = next((c for c in head.children if c.dep_ == "conj" and c.i == name.end + 1), None)
    if conj is None or conj.tag_ != "NN" or not conj.is_lower or not office_word(conj):
        return None
    if any(c.dep_ == "det" for c in conj.children) or any(t.ent_type_ == "PERSON" for t in conj.subtree):
        return None
    k = max(t.i for t in conj.subtree) + 1
    while k < name.sent.end and doc[k].text != ",":  # "..., guitarist and lyricist for The Falls," to its comma
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].ent_type_ == "PERSON":
            return None
        k += 1
    return conj if k < name.sent.end else None


def _prep_inside(name: "Span", appos: "Token") -> bool:
    """A preposition hanging on the name inside the apposition, before its closing comma ("Ann Roe, guitarist and
    lyricist for The Falls,")."""
    doc = name.doc
    last = max(t.i for t in appos.subtree)
    prep = next((c for c in name.root.children if c.dep_ == "prep" and c.i > last), None)
    return prep is not None and not any(t.text in (",", ";", "(", ")") for t in doc[last + 1: prep.i])


def _coordinated_apposition(name: "Span") -> list[Found]:
    """"Ann Roe, guitarist and lyricist for The Falls,": an office joined by "and" to the office in apposition is
    the person's too, with the same organisation. Only a singular office word with no name of its own after it."""
    found = _apposition(name)
    if found is None:
        return []
    appos = _appositive(name)
    more: list[Found] = []
    for conj in (c for c in appos.children if c.dep_ == "conj" and c.i > appos.i):
        if not office_word(conj) or conj.tag_ != "NN" or not any(c.lower_ in TITLE_JOINERS for c in appos.children):
            continue
        if any(c.ent_type_ == "PERSON" for c in conj.subtree):
            continue  # "X, coach and captain Ann Roe": another person's title
        after = conj.doc[conj.i + 1] if conj.i + 1 < len(conj.doc) else None
        own_body = any(c.dep_ == "prep" for c in conj.children) or after is not None and after.lower_ in ("to", "of", "for", "at")
        if own_body and found[1] and found[1] not in conj.doc[conj.i + 1: conj.sent.end].text:
            continue  # "a White House adviser and ambassador to the League": a body of its own, not the first's
        title = title_text([conj])
        if title:
            more.append((title, found[1], clean_text(f"{conj.text}{' for ' + found[1] if found[1] else ''}")))
    return more


def _title_in_apposition_before(name: "Span") -> Found | None:
    """"the judge, Susan Ferrow," / "the band's singer, Tom Smith," / "Another Kelvale international, Ann Roe,": the
    title, a comma, the name set off by a comma (or ending the sentence). Never "Asked about the coach, Smith
    said": no closing comma."""
    doc = name.doc
    comma = name.start - 1
    if comma <= name.sent.start or doc[comma].text != ",":
        return None
    after = doc[name.end] if name.end < name.sent.end else None
    if after is not None and after.text not in (",", ".") and not (name.root.dep_ == "appos" and name.root.head.i == comma - 1):
        return None
    office = doc[comma - 1]
    if not office_word(office) or office.pos_ != "NOUN" or not office.text.islower():
        return None
    toks = [t for t in office.subtree if t.i <= office.i]
    if not toks or toks[0].lower_ not in ("the", "its", "their", "his", "her", "another") and not any(
            t.text in ("'s", "\u2019s") for t in toks):
        return None  # "a coach, Smith" is one of a list; "the coach" or "the club's coach" is the one
    if not qualified(office, toks[:-1]):
        return None
    words = [t for t in toks if t.dep_ != "det" and t.text not in ("'s", "\u2019s") and t.dep_ != "poss"]
    org_toks = [t for t in toks if t.ent_type_ in ORG_LABELS]
    title = title_text([t for t in words if t not in org_toks])
    text = clean_text(doc[toks[0].i + (1 if toks[0].dep_ == "det" else 0): office.i + 1].text)
    return (title, organisation(" ".join(t.text for t in org_toks)), text) if title else None
