"""When: absolute dates a sentence ties to something that happened.

"The leaders ... met with Volodymyr Zelenskyy in Paris on September 4" -> September 4 (``--09-04``),
event "The leaders of the so-called Coalition of the Willing met with ... in Paris";
"legislation to phase out all EU imports of Russian oil and gas by January 1, 2028" -> 2028-01-01;
"Russia's invasion in February 2022" -> 2022-02. Relative dates ("Thursday", "this week", "last
month") are not facts: a student cannot check them without the publication date.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..document import Document
from ..facts import DateFact
from .clauses import clause_around
from ..lexicon import MONTHS
from .common import in_junk, sentence_source, subject_of, tokens_text


if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

DROP_DEPS = {"ccomp", "advcl", "relcl", "punct", "cc", "conj", "parataxis", "mark", "dep", "appos", "npadvmod"}
MAX_EVENT_TOKENS = 22
RELATIVE = re.compile(r"\b(today|yesterday|tomorrow|tonight|this|last|next|ago|recent)\b", re.I)


def to_iso(text: str, default_year: int | None = None) -> str | None:
    """"January 1, 2028" -> "2028-01-01"; "September 4" -> "--09-04"; "February 2022" -> "2022-02"."""
    low = text.lower()
    month = next((n for name, n in MONTHS.items() if re.search(rf"\b{name}\b", low)), None)
    year_m = re.search(r"\b(1[89]\d\d|20\d\d)\b", low)
    day_m = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b(1[89]\d\d|20\d\d)\b", "", low))
    year = int(year_m.group(1)) if year_m else default_year
    if month is None:
        return f"{year:04d}" if year_m else None
    day = int(day_m.group(1)) if day_m and 1 <= int(day_m.group(1)) <= 31 else None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else None
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def extract_dates(doc: "Doc", document: Document) -> Iterator[DateFact]:
    """Yield a :class:`DateFact` for each absolute date tied to an event in ``doc`` outside junk."""
    default_year = int(document.date[:4]) if document.date else None
    for ent in doc.ents:
        if ent.label_ != "DATE" or in_junk(document, ent):
            continue
        if RELATIVE.search(ent.text):
            continue  # "today, Friday 5 September": only the publication date could tell which year
        iso = to_iso(ent.text, default_year)
        if iso is None:
            continue
        anchor = _anchor(ent)
        if anchor is None:
            continue
        event_tokens = _event_tokens(anchor, ent)
        if len([t for t in event_tokens if t.is_alpha]) < 2:
            continue
        yield DateFact(
            date=ent.text,
            iso=iso,
            event=tokens_text(event_tokens),
            event_head=anchor.lemma_.lower(),
            clause=clause_around(_date_phrase(ent)) if anchor.pos_ in ("VERB", "AUX") else None,
            sources=[sentence_source(document, ent.sent)],
            confidence=0.8 if iso[:2] != "--" else 0.7,
        )


def _anchor(ent: "Span") -> "Token | None":
    """The verb or noun a date is attached to: "met ... on September 4", "invasion in February 2022"."""
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in ("npadvmod", "tmod", "obl"):
        return None  # "the September 4 talks": a date inside a name, not an event's time
    while head.pos_ == "VERB" and head.dep_ in ("xcomp",) and head.head.pos_ == "VERB" and head.head.lemma_ in ("try", "plan"):
        head = head.head
    if head.pos_ in ("VERB", "NOUN", "PROPN", "AUX"):
        return head
    return None


def _event_tokens(anchor: "Token", ent: "Span") -> list["Token"]:
    """The clause an event is told in, without the date, side clauses and relative clauses."""
    date_ids = {t.i for t in ent}
    for tok in ent:
        if tok.head.dep_ == "prep" and tok.head.head == anchor:
            date_ids.update(t.i for t in tok.head.subtree)
    main = anchor
    while main.dep_ in ("xcomp", "acl") and main.head.pos_ in ("VERB", "NOUN"):
        main = main.head  # "proposed legislation to phase out ..." keeps who proposed it
    skip = set(date_ids)
    for tok in main.subtree:
        if tok.i in skip or tok == main:
            continue
        if tok.dep_ in ("relcl", "appos", "parataxis") or tok.head == main and (
                tok.dep_ in DROP_DEPS and tok.i > main.i or tok.dep_ in ("advcl", "mark", "punct", "advmod")):
            skip.update(t.i for t in tok.subtree)
    toks = [t for t in main.subtree if t.i not in skip and not t.is_space and t.ent_type_ != "DATE"]
    if main.dep_ == "relcl":  # "martial law, which was imposed ..." -> "martial law was imposed ..."
        antecedent = [t for t in main.head.subtree if t.i < main.i and t.i <= main.head.i and t.dep_ != "punct"]
        toks = antecedent + [t for t in toks if t.tag_ not in ("WDT", "WP")]
    elif main.pos_ == "VERB" and subject_of(main) is None:
        if main.dep_ == "conj" and main.head.pos_ == "VERB":  # "drones killed ... and injured three others"
            subj = subject_of(main.head)
            if subj is not None:
                toks = [t for t in subj.subtree if not t.is_space] + toks
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    return toks[:MAX_EVENT_TOKENS]


def _date_phrase(ent: "Span") -> "Span":
    """The date with its preposition: "on September 4", "by January 1, 2028"."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep" and head.i == ent.start - 1:
        return ent.doc[head.i: ent.end]
    return ent
