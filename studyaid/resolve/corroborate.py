"""One fact per claim: the same claim in several sentences or articles becomes one fact with every source.

Quotes match on speaker and wording (news sites reword translations: "especially now while fighting
is ongoing" / "especially now, during the fighting"); quantities on value and what is counted; places
on place and event; roles on person and title (a bare "President" joins "US President"); dates on
date and event. The primary fact of a group is the most confident, then the longest-sourced, then
the first in document order, so the same corpus always gives the same facts and ids.
"""
from __future__ import annotations

import difflib
from collections import Counter
from functools import lru_cache
from typing import Iterable, Sequence

from ..facts import FACT_TYPES, DateFact, Place, Quantity, Quote, Role
from ..text import words

QUOTE_SIMILARITY = 0.6


@lru_cache(maxsize=65536)
def _bag(text: str) -> Counter:
    return Counter(words(text))


def quote_similarity(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 1.0
    common = sum((_bag(a) & _bag(b)).values())
    sa, sb = set(wa), set(wb)
    contain = len(sa & sb) / min(len(sa), len(sb))  # a quote cut short in one source
    contain = contain if min(len(sa), len(sb)) >= 6 else 0.0
    upper = 2 * common / (len(wa) + len(wb))  # SequenceMatcher.ratio() can never exceed this
    if upper < QUOTE_SIMILARITY:
        return max(upper, contain) if contain >= QUOTE_SIMILARITY else min(upper, contain or upper)
    seq = max(difflib.SequenceMatcher(None, wa, wb).ratio(), difflib.SequenceMatcher(None, wb, wa).ratio())
    return max(seq, contain)


def _same_claim(a, b) -> bool:
    """Two facts of one block (see ``_block``) state one claim: quotes when worded alike, roles when
    their organisations agree (a bare "President" joins "US President"); any other pair of a block does."""
    if isinstance(a, Quote):
        return quote_similarity(a.text, b.text) >= QUOTE_SIMILARITY
    if isinstance(a, Role):
        return a.organization is None or b.organization is None or a.organization.casefold() == b.organization.casefold()
    return True


def _rank(fact) -> tuple:
    src = fact.sources[0]
    richer = (fact.organization is not None) if isinstance(fact, Role) else (fact.mode == "direct") if isinstance(fact, Quote) else True
    return (-int(richer), -fact.confidence, src.document, src.start, src.end, fact.canonical_key())


def _position(fact) -> tuple:
    """Where a fact is first read: the corpus order, whatever order the facts come in."""
    src = fact.sources[0]
    kind = FACT_TYPES.index(fact.type) if fact.type in FACT_TYPES else len(FACT_TYPES)
    return (kind, src.document, src.start, src.end, fact.canonical_key(), fact.model_dump_json())


def _block(fact) -> tuple:
    """Facts that can state one claim share a block; only facts of one block are compared."""
    if isinstance(fact, Quote):
        return ("quote", fact.speaker.id)
    if isinstance(fact, Quantity):
        return ("quantity", fact.value, fact.total, fact.counted_head)
    if isinstance(fact, Place):
        return ("place", fact.canonical_key()) if fact.relation == "mention" else ("place", fact.place.id, fact.event_head)
    if isinstance(fact, Role):
        return ("role", fact.person.id, fact.title.casefold())
    if isinstance(fact, DateFact):
        return ("date", fact.iso, fact.event_head)
    return (fact.type, fact.canonical_key())


def _wording(fact) -> tuple:
    """Facts of one block with equal wordings state one claim without comparing them."""
    if isinstance(fact, Quote):
        return (words(fact.text),)
    if isinstance(fact, Role):
        return ((fact.organization or "").casefold(),)
    return ()


def _merge(group: Sequence):
    primary = min(group, key=_rank)
    sources, seen = [], set()
    for fact in sorted(group, key=_position):
        for s in fact.sources:
            if (s.document, s.start, s.end) not in seen:
                seen.add((s.document, s.start, s.end))
                sources.append(s)
    update: dict = {"sources": sources, "confidence": min(1.0, max(f.confidence for f in group)
                                                          + 0.05 * (len({s.document for s in sources}) - 1))}
    if isinstance(primary, Quote):
        update["variants"] = sorted({f.text for f in group if f.text != primary.text})
        update["partial_quotes"] = sorted({p for f in group for p in f.partial_quotes})
    update["warnings"] = sorted({w for f in group for w in f.warnings}) if all(f.warnings for f in group) else []
    return primary.model_copy(update=update)


def corroborate(facts: Iterable) -> list:
    """Merge facts stating one claim (transitively); the result does not depend on the input order.

    Facts come out by type (quote, quantity, place, role, date), then where they are first read.
    """
    facts = sorted(facts, key=_position)
    parent = list(range(len(facts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple, list[int]] = {}
    for i, fact in enumerate(facts):
        blocks.setdefault(_block(fact), []).append(i)
    for members in blocks.values():
        # identical wordings (syndicated copies) join at once; only distinct ones are compared pairwise
        firsts: dict[tuple, int] = {}
        for i in members:
            key = _wording(facts[i])
            if key in firsts:
                parent[find(i)] = find(firsts[key])
            else:
                firsts[key] = i
        distinct = list(firsts.values())
        for n, a in enumerate(distinct):
            for b in distinct[n + 1:]:
                if find(a) != find(b) and _same_claim(facts[a], facts[b]):
                    parent[max(find(a), find(b))] = min(find(a), find(b))
    groups: dict[int, list] = {}
    for i, fact in enumerate(facts):
        groups.setdefault(find(i), []).append(fact)
    return sorted((_merge(g) for g in groups.values()), key=_position)


def block_key(fact) -> tuple:
    """The block a fact is compared in: facts of different blocks never state one claim (an incremental
    run re-corroborates only the blocks a new document's facts fall in)."""
    return _block(fact)


def position(fact) -> tuple:
    """Where a fact is first read: :func:`corroborate` returns facts in this order."""
    return _position(fact)
