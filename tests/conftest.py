"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyaid.document import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from studyaid.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a plain string as a one-document corpus: returns ``(document, doc)``."""

    def _parse(text: str, path: str = "test.txt") -> tuple[Document, object]:
        document = Document(path=path, format="text", text=text)
        return document, nlp(document.masked_text)

    return _parse
