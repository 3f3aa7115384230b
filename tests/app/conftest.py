"""App test fixtures: a bank built once per session from the sample articles, copied for each test."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def copy_bank(source: Path, target: Path) -> Path:
    """A consistent copy of a (WAL-mode) SQLite bank."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture(scope="session")
def seeded_bank(tmp_path_factory, nlp) -> Path:
    """The sample articles' bank, generated once (≈5 s once the model is loaded)."""
    from studyaid.app.builder import import_seeds, regenerate
    from studyaid.store import Store

    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"
    store = Store(path)
    assert import_seeds(store) == []
    report, problems = regenerate(store, nlp)
    assert report.added > 50 and problems == []
    return path


@pytest.fixture
def bank_db(seeded_bank, tmp_path, monkeypatch) -> Path:
    """``$STUDYAID_DB`` pointing at a fresh copy of the seeded bank; no teacher password."""
    target = copy_bank(seeded_bank, tmp_path / "studyaid.sqlite3")
    monkeypatch.setenv("STUDYAID_DB", str(target))
    monkeypatch.delenv("STUDYAID_TEACHER_PASSWORD", raising=False)
    return target
