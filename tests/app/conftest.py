"""App test fixtures: a bank built once per session from the sample articles, copied for each test."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studyaid.app import auth
from studyaid.app.auth import Peer


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


LOCAL_BROWSER = Peer(ip="127.0.0.1", host="localhost:8501")


@pytest.fixture(autouse=True)
def fresh_login_counts(monkeypatch):
    """Every test starts with no failed sign-ins on the server (they are shared by all sessions)."""
    monkeypatch.setattr(auth, "SERVER_FAILURES", auth.Failures())


@pytest.fixture
def local_browser(monkeypatch) -> Peer:
    """The app as opened in a browser on the machine running it."""
    monkeypatch.setattr(auth, "current_peer", lambda: LOCAL_BROWSER)
    return LOCAL_BROWSER


@pytest.fixture
def bank_db(seeded_bank, tmp_path, monkeypatch, local_browser) -> Path:
    """``$STUDYAID_DB`` pointing at a fresh copy of the seeded bank; no teacher password, and the app
    opened in a browser on the same machine (AppTest has no connection: it would count as remote)."""
    target = copy_bank(seeded_bank, tmp_path / "studyaid.sqlite3")
    monkeypatch.setenv("STUDYAID_DB", str(target))
    monkeypatch.delenv("STUDYAID_TEACHER_PASSWORD", raising=False)
    return target
