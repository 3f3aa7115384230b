"""Helpers for the extractor tests: run one extractor on a string, with the real gazetteer."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def is_place():
    from studyaid.gazetteer import is_place_name

    return is_place_name


@pytest.fixture(scope="session")
def quotes(parse, is_place):
    from studyaid.extract.quotes import extract_quotes

    def _quotes(text: str):
        document, doc = parse(text)
        return list(extract_quotes(doc, document, is_place))

    return _quotes


@pytest.fixture(scope="session")
def roles(parse, is_place):
    from studyaid.extract.roles import extract_roles

    def _roles(text: str):
        document, doc = parse(text)
        return list(extract_roles(doc, document, is_place))

    return _roles


@pytest.fixture(scope="session")
def quantities(parse):
    from studyaid.extract.quantities import extract_quantities

    def _quantities(text: str):
        document, doc = parse(text)
        return list(extract_quantities(doc, document))

    return _quantities


@pytest.fixture(scope="session")
def one_quantity(quantities):
    """The one quantity of ``text`` whose fields equal ``expected`` (floats approximately); fails otherwise."""
    def _one(text: str, expected: dict):
        found = quantities(text)
        matches = [q for q in found if all(getattr(q, k) == pytest.approx(v) if isinstance(v, float) else getattr(q, k) == v
                                           for k, v in expected.items())]
        assert len(matches) == 1, [q.model_dump(exclude={"sources", "clause"}) for q in found]
        return matches[0]

    return _one
