"""The words of a phrase around a place, rendered for a fact: "the Eastern Economic Forum", "European
leaders met". Shared by :mod:`.places` for events and bare mentions."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .common import QUOTE_CHARS, clean_text

_PHRASE_DROP = frozenset({"relcl", "appos", "advcl", "parataxis"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


def phrase(head: Token, drop: set[int], clauses: bool = True, conj: bool = False) -> list[Token]:
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


def noun_phrase(head: Token, drop: set[int], limit: int, conj: bool = False) -> list[Token]:
    """The whole noun phrase when short enough, else its head with what comes before it."""
    tokens = phrase(head, drop, conj=conj)
    if len(tokens) > limit:
        tokens = phrase(head, drop, clauses=False, conj=conj)
    if len(tokens) > limit:
        tokens = [t for t in tokens if t.i <= head.i][-limit:]
    return tokens


def render(tokens: Iterable[Token]) -> str:
    parts: list[str] = []
    prev: Token | None = None
    for token in sorted(tokens, key=lambda t: t.i):
        if prev is not None:
            parts.append(prev.whitespace_ if token.i == prev.i + 1 else " ")
        lower = prev is not None and token.is_sent_start and token.pos_ not in ("PROPN", "PRON")
        parts.append(token.lower_ if lower else token.text)  # "Rutte ... speaking"
        prev = token
    return clean_text("".join(parts)).strip(QUOTE_CHARS + "'\u2018\u2019 ,")
