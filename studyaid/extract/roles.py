"""Who holds which role: a title in front of a name, or in apposition after it.

"NATO Secretary-General Mark Rutte" -> Rutte, title "Secretary-General", organisation "NATO";
"UK Prime Minister Keir Starmer" -> "Prime Minister" of "United Kingdom"; "Ukraine's President
Volodymyr Zelensky" -> "President" of "Ukraine"; "Michael Carpenter, a former White House
national-security adviser and ambassador to ..." -> "former White House national-security adviser".
A title needs a head word that names an office (president, minister, governor, ...).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from ..document import Document
from ..facts import Role
from ..lexicon import OFFICES, ROLE_ONLY_MODIFIERS, TITLE_MODIFIERS, country_of
from .common import clean_text, in_junk, provisional_ref, sentence_source
from .speakers import name_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

def extract_roles(doc: "Doc", document: Document, is_place: Callable[[str], bool] = lambda name: False) -> Iterator[Role]:
    """Yield a :class:`Role` for every person named with a title in ``doc`` outside junk."""
    seen: set[tuple[int, int]] = set()
    for tok in doc:
        if tok.ent_type_ not in ("PERSON", "GPE", "ORG", "") or tok.is_space:
            continue
        if tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.i - tok.i <= 2:
            continue  # "Vladimir" of "Vladimir Putin": the name is taken at its last word
        span = name_span(tok, is_place)
        if span is None or (span.start, span.end) in seen or tok.i != span.end - 1:
            continue
        if in_junk(document, span) or not (span.root.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in span)):
            continue
        seen.add((span.start, span.end))
        role = _title_before(span) or _apposition(span)
        if role is None:
            continue
        title, organization, text = role
        yield Role(
            person=provisional_ref(span.text, "person"),
            title=title,
            organization=organization,
            role=text,
            sources=[sentence_source(document, span.sent)],
            confidence=0.9 if organization else 0.75,
        )


def _is_office(tok: "Token") -> bool:
    return tok.lower_ in OFFICES or tok.lower_ in TITLE_MODIFIERS


def _title_before(name: "Span") -> tuple[str, str | None, str] | None:
    """"NATO Secretary-General" in front of "Mark Rutte": (title, organisation, whole role)."""
    doc = name.doc
    i = name.start - 1
    while i >= name.sent.start and (_is_office(doc[i]) or doc[i].text == "-" and i - 1 >= 0 and _is_office(doc[i - 1])):
        i -= 1
    title_start = i + 1
    if title_start == name.start or not any(t.lower_ in OFFICES for t in doc[title_start: name.start]):
        return None
    j = i
    if j >= name.sent.start and doc[j].text in ("'s", "\u2019s"):
        j -= 1
    while j >= name.sent.start and doc[j].ent_type_ in ("ORG", "GPE", "NORP") and doc[j].pos_ in ("PROPN", "ADJ", "NOUN"):
        j -= 1
    if j + 1 < title_start and doc[j + 1].text in ("'s", "\u2019s"):
        j += 1  # "the firm's spokesman": a possessive with no organisation named before it
    org_span = doc[j + 1: title_start]
    organization = None
    org_text = clean_text(org_span.text)
    if org_text:
        bare = org_text.removesuffix("'s").removesuffix("\u2019s")
        organization = country_of(bare) or bare
    title_span = doc[title_start: name.start]
    # lower-case modifiers like "regional" stay in the role but not in the title
    title = clean_text(" ".join(t.text for t in title_span if t.lower_ not in ROLE_ONLY_MODIFIERS)
                       .replace(" - ", "-"))
    if not title:
        return None
    role = clean_text(doc[j + 1: name.start].text)
    return title, organization, role


def _apposition(name: "Span") -> tuple[str, str | None, str] | None:
    """"Michael Carpenter, a former White House national-security adviser and ..." after a name."""
    head = name.root
    appos = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
    if appos is None or appos.lower_ not in OFFICES:
        return None
    toks = [t for t in appos.subtree if t.i <= appos.i and t.dep_ != "det"]
    if not toks:
        return None
    text = clean_text(name.doc[toks[0].i: appos.i + 1].text)
    org_toks = [t for t in toks if t.ent_type_ in ("ORG", "GPE", "NORP")]
    organization = clean_text(" ".join(t.text for t in org_toks)) or None
    if organization:
        organization = country_of(organization) or organization
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
    return " ".join(t.text for t in title), organization, text
