"""Small helpers every extractor shares: sources, junk checks, provisional entity references."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document import Document, Source
from ..facts import EntityKind, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"


def doc_text(doc) -> str:
    """``doc.text``, built once: spaCy joins every token's text on each access."""
    text = doc.user_data.get("studyaid_text")
    if text is None:
        text = doc.user_data["studyaid_text"] = doc.text
    return text


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def provisional_ref(mention: str, kind: EntityKind) -> EntityRef:
    """An entity reference before canonical names are known (see :mod:`studyaid.canonical`)."""
    mention = " ".join(mention.split())
    return EntityRef(mention=mention, name=mention, id=f"{kind}:{slug(mention)}", kind=kind)


def sentence_source(document: Document, sent: "Span") -> Source:
    """The source of a fact read in ``sent``: stripped sentence text and its exact offsets."""
    return span_source(document, sent.start_char, sent.end_char)


def span_source(document: Document, start: int, end: int) -> Source:
    """A source for ``start:end``, trimmed of whitespace and of junk blanked at either end."""
    text, masked = document.text, document.masked_text
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    return Source(document=document.path, sentence=text[start:end], start=start, end=end)


def in_junk(document: Document, span: "Span | Token") -> bool:
    """True when any part of ``span`` lies in an excluded region of the document."""
    if hasattr(span, "start_char"):
        start, end = span.start_char, span.end_char
    else:
        start, end = span.idx, span.idx + len(span)
    return document.exclusion_at(start, end) is not None


def clean_text(text: str) -> str:
    """Collapse whitespace and strip surrounding punctuation that does not belong to a phrase."""
    text = " ".join(text.split())
    return text.strip(" ,;:-\u2013\u2014")


def tokens_text(toks: "list") -> str:
    """The text of some tokens of one doc, in order, with their own spacing (a gap becomes a space)."""
    toks = sorted(toks, key=lambda t: t.i)
    out = []
    for a, b in zip(toks, toks[1:] + [None]):
        out.append(a.text)
        if b is not None and (b.i != a.i + 1 or a.whitespace_):
            out.append(" ")
    text = clean_text(" ".join("".join(out).replace("( )", "").replace("()", "").split()))
    if text.count("\u201c") > text.count("\u201d"):
        text += "\u201d"
    elif text.count('"') % 2:
        text += '"'
    return text


def subject_of(verb: "Token", *, shared: bool = False) -> "Token | None":
    """The subject (``nsubj``/``nsubjpass``) of a verb; with ``shared``, a conjoined or adverbial verb
    without one of its own takes its head verb's ("Rutte warned ... and stressed ...")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if shared and verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
        return subject_of(verb.head, shared=True)
    return None
