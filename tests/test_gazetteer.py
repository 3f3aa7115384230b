"""The gazetteer: names to places, ambiguity settled by kind then size, wrong options drawn alike."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from studyaid import gazetteer
from studyaid.gazetteer import GazetteerEntry, is_place_name, lookup, same_kind_places

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kyiv", ("Kyiv", "city", "UA")),
        ("Kiev", ("Kyiv", "city", "UA")),  # transliteration from geonames' alternate names
        ("Kharkiv", ("Kharkiv", "city", "UA")),
        ("Vladivostok", ("Vladivostok", "city", "RU")),
        ("Paris", ("Paris", "city", "FR")),  # not Paris, Texas: the largest wins
        ("Prague", ("Prague", "city", "CZ")),
        ("Helsinki", ("Helsinki", "city", "FI")),
        ("Brussels", ("Brussels", "city", "BE")),
        ("Moscow", ("Moscow", "city", "RU")),
        ("Washington", ("Washington", "city", "US")),  # the capital, not the state
        ("New York", ("New York City", "city", "US")),
        ("Russia", ("Russia", "country", "RU")),
        ("Ukraine", ("Ukraine", "country", "UA")),
        ("the United States", ("United States", "country", "US")),
        ("The United States", ("United States", "country", "US")),
        ("the United States of America", ("United States", "country", "US")),
        ("US", ("United States", "country", "US")),
        ("U.S.", ("United States", "country", "US")),
        ("UK", ("United Kingdom", "country", "GB")),
        ("U.K.", ("United Kingdom", "country", "GB")),
        ("the United Kingdom", ("United Kingdom", "country", "GB")),
        ("Britain", ("United Kingdom", "country", "GB")),
        ("South Korea", ("South Korea", "country", "KR")),
        ("Mexico", ("Mexico", "country", "MX")),  # a country before its namesake cities
        ("Georgia", ("Georgia", "country", "GE")),  # a country before the US state
        ("Hungary", ("Hungary", "country", "HU")),
        ("Europe", ("Europe", "continent", None)),
        ("Asia", ("Asia", "continent", None)),
        ("California", ("California", "region", "US")),
        ("Crimea", ("Crimea", "region", "UA")),
        ("England", ("England", "country", "GB")),  # the countries of the United Kingdom are countries
        ("Wales", ("Wales", "country", "GB")),
        ("Northern Ireland", ("Northern Ireland", "country", "GB")),
        ("GB", ("United Kingdom", "country", "GB")),
        ("Czech Republic", ("Czechia", "country", "CZ")),
        # countries of the recent past that older news names
        ("Serbia & Montenegro", ("Serbia and Montenegro", "country", "CS")),
        ("Serbia and Montenegro", ("Serbia and Montenegro", "country", "CS")),
        ("USSR", ("Soviet Union", "country", "SUHH")),
        ("Serbia", ("Serbia", "country", "RS")),  # the country of today keeps its name
    ],
)
def test_lookup(name: str, expected: tuple[str, str, str | None]) -> None:
    entry = lookup(name)
    assert entry is not None
    assert (entry.name, entry.kind, entry.country) == expected


@pytest.mark.parametrize(
    "name",
    [
        "paris",  # lowercase words are never places
        "kyiv",
        "us",
        "Us",  # a short code only in capitals
        "Putin",
        "Trump",
        "Zelenskyy",
        "Mark",  # common words that are also small towns
        "Reading",
        "Nice",
        "White House",  # a translation of Casablanca, not a spelling of it
        "Kremlin",
        "Telegram",
        "Monster",  # an English word among a city's alternate names (Münster)
        "Westminster",  # a name news uses for an institution, whose namesake in the data is a town abroad
        "Whitehall",
        "",
        "the",
    ],
)
def test_not_a_place(name: str) -> None:
    assert lookup(name) is None
    assert not is_place_name(name)


def test_population_and_entry_shape() -> None:
    kyiv = lookup("Kyiv")
    assert isinstance(kyiv, GazetteerEntry)
    assert kyiv.population and kyiv.population > 1_000_000
    with pytest.raises(AttributeError):
        kyiv.name = "Kiev"  # type: ignore[misc]  # frozen


def test_candidates_reports_ambiguity() -> None:
    names = [(e.name, e.country) for e in gazetteer.candidates("Paris")]
    assert names[0] == ("Paris", "FR")
    assert ("Paris", "US") in names


def test_same_city_size_and_country() -> None:
    options = same_kind_places("city", country="UA", near_population=1_421_125, k=5, exclude=["Kharkiv"])
    assert len(options) == 5
    assert all(o.kind == "city" and o.country == "UA" for o in options)
    assert "Kharkiv" not in {o.name for o in options}
    assert options == same_kind_places("city", country="UA", near_population=1_421_125, k=5, exclude=["Kharkiv"])


def test_same_city_similar_size() -> None:
    options = same_kind_places("city", country="RU", near_population=604_901, k=4, exclude=["Vladivostok"])
    assert all(o.country == "RU" for o in options)
    assert all(o.population and 300_000 < o.population < 1_200_000 for o in options)


def test_same_kind_countries() -> None:
    options = same_kind_places("country", country="FR", near_population=67_000_000, k=5)
    names = {o.name for o in options}
    assert "France" not in names
    assert all(o.kind == "country" for o in options)
    assert {"Germany", "Italy", "United Kingdom"} <= names  # same continent, similar size


def test_same_kind_regions_and_continents() -> None:
    regions = same_kind_places("region", country="UA", k=5, exclude=["Kharkiv region"])
    assert len(regions) == 5
    assert all(r.name.endswith(" region") and r.country == "UA" for r in regions)
    assert "Kharkiv region" not in {r.name for r in regions}
    states = same_kind_places("region", country="US", k=3)
    assert [s.name for s in states] == ["Alabama", "Alaska", "Arizona"]
    continents = same_kind_places("continent", k=10, exclude=["Europe"])
    assert "Europe" not in {c.name for c in continents}
    assert {"Asia", "Africa"} <= {c.name for c in continents}
    assert same_kind_places("place") == []


def test_villages_draw_small_towns() -> None:
    options = same_kind_places("village", country="UA", k=3)
    assert len(options) == 3
    assert all(o.country == "UA" and (o.population or 0) < 50_000 for o in options)


def test_no_loading_at_import() -> None:
    code = "import studyaid.gazetteer as g; assert g._index.cache_info().currsize == 0; assert g._cities.cache_info().currsize == 0"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize(
    ("name", "within"),
    [
        ("Highbury", "London"),  # small places inside a much larger city: neighbourhoods, often grounds
        ("Chelsea", "London"),
        ("Old Trafford", "Manchester"),
        ("Manchester", None),  # cities in their own right
        ("Salford", None),
        ("Bolton", None),
        ("London", None),
        ("Amorebieta", None),  # a small town far from any big city
        ("Hollywood", "Los Angeles"),  # a district news uses for the film industry: a place only after "in"
    ],
)
def test_neighbourhoods(name: str, within: str | None) -> None:
    entry = lookup(name)
    assert entry is not None and entry.kind == "city"
    assert entry.within == within


def test_neighbourhoods_are_never_wrong_options() -> None:
    options = same_kind_places("city", country="GB", near_population=25_000, k=40)
    assert len(options) == 40
    assert all(o.within is None for o in options)
    assert not {"Highbury", "Old Trafford", "Chelsea"} & {o.name for o in options}


def test_former_countries_are_never_wrong_options() -> None:
    names = {o.name for o in same_kind_places("country", country="RS", near_population=7_000_000, k=40)}
    assert not names & {"Serbia and Montenegro", "Yugoslavia", "Soviet Union", "Czechoslovakia"}


# (kind, country, population near, name an English text writes, the gazetteer's own spelling): a wrong
# option is written as an English reader sees it, without diacritics, so that a surname ("Bush") or a
# word of the corpus can be recognised in it (issue 10).
@pytest.mark.parametrize("country, near, english, native", [
    ("EG", 136441, "Bush", "B\u016bsh"),
    ("PL", 700000, "Krakow", "Krak\u00f3w"),
    ("PL", 700000, "Lodz", "\u0141\u00f3d\u017a"),
])
def test_wrong_city_options_are_written_in_english_letters(country, near, english, native):
    names = [e.name for e in same_kind_places("city", country, near_population=near, k=20)]
    assert english in names and native not in names
    assert all(name.isascii() for name in names)


@pytest.mark.parametrize("excluded", ["Krak\u00f3w", "Krakow"])
def test_an_excluded_city_stays_out_whatever_its_spelling(excluded):
    names = [e.name for e in same_kind_places("city", "PL", near_population=700000, k=20, exclude=[excluded])]
    assert "Krakow" not in names and "Krak\u00f3w" not in names


def test_a_metonym_is_never_a_wrong_city_option():
    names = {e.name for e in same_kind_places("city", "US", near_population=150000, k=400)}
    assert "Hollywood" not in names and len(names) == 400


@pytest.mark.parametrize(("name", "expected"), [
    ("Eastern Europe", ("Eastern Europe", "region", None)),  # parts of continents by a compass word
    ("West Africa", ("West Africa", "region", None)),
    ("South-East Asia", ("Southeast Asia", "region", None)),
    ("Europe", ("Europe", "continent", None)),  # the continent itself is still the continent
])
def test_parts_of_continents(name, expected):
    entry = lookup(name)
    assert entry is not None and (entry.name, entry.kind, entry.country) == expected
