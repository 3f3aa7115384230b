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
