"""Teacher access fails closed (issue 13, item 3): with no password only a browser on the same machine
(or one with the access token) gets in; wrong attempts are slowed down, per session and for the
server, and logged without what was typed."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app import auth
from studyaid.app.auth import Peer

APP = Path(__file__).resolve().parents[2] / "app.py"
REMOTE = Peer(ip="192.168.1.20", host="quiz.school.example:8501")


@pytest.mark.parametrize("peer, local", [
    (Peer(ip="127.0.0.1", host="localhost:8501"), True),
    (Peer(ip="::1", host="[::1]:8501"), True),
    (Peer(ip="127.0.0.1", host="127.0.0.1:8501"), True),
    (Peer(ip="127.0.0.2", host="localhost"), True),
    (Peer(ip="192.168.1.20", host="localhost:8501"), False),  # another machine
    (Peer(ip="10.0.0.7", host="quiz.school.example"), False),
    (Peer(ip="127.0.0.1", host="localhost:8501", forwarded=True), False),  # a proxy on this machine: anyone
    (Peer(ip="127.0.0.1", host="evil.example:8501"), False),  # a page that re-pointed its name at 127.0.0.1
    (Peer(ip=None, host="localhost:8501"), False),  # Streamlit did not say: fail closed
    (Peer(ip="not an address", host="localhost"), False),
    (Peer(ip="127.0.0.1", host=None), False),
])
def test_which_browsers_count_as_this_machine(peer, local):
    assert auth.is_local(peer) is local


@pytest.mark.parametrize("failures, delay", [(0, 0), (1, 1), (2, 2), (3, 4), (6, 32), (7, 60), (30, 60)])
def test_the_delay_doubles_with_each_failure_of_a_session(failures, delay):
    assert auth.session_delay(failures) == delay


@pytest.mark.parametrize("recent, delay", [(0, 0), (auth.GLOBAL_FREE, 0), (auth.GLOBAL_FREE + 1, 1),
                                           (auth.GLOBAL_FREE + 3, 4), (auth.GLOBAL_FREE + 40, 60)])
def test_the_server_slows_everyone_after_many_failures(recent, delay):
    assert auth.global_delay(recent) == delay


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(auth, "clock", fake)
    return fake


def teacher(at: AppTest | None = None) -> AppTest:
    at = at or AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    at.sidebar.radio(key="view").set_value("Teacher").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def enter(at: AppTest, typed: str) -> AppTest:
    at.text_input(key="teacher_password").input(typed)
    at.button(key="teacher_enter").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_no_password_opens_the_view_on_this_machine(bank_db):
    at = teacher()
    assert at.data_editor and len(at.tabs) == 6
    assert any("only in a browser on this computer" in c.value for c in at.caption)


def test_no_password_locks_the_view_for_another_machine_until_the_token_is_typed(bank_db, monkeypatch, clock):
    monkeypatch.setattr(auth, "current_peer", lambda: REMOTE)
    at = teacher()
    assert not at.data_editor and not at.tabs
    (info,) = at.info
    assert "localhost" in info.value and auth.PASSWORD_ENV in info.value and "access token" in info.value
    enter(at, "a guess")
    assert [e.value for e in at.error] == ["Wrong access token."] and not at.data_editor
    clock.now += auth.session_delay(1) + 0.5
    enter(at, auth.access_token())
    assert not at.error and at.data_editor and len(at.tabs) == 6
    at.run()  # once per browser session: still in
    assert at.data_editor


def test_a_password_is_asked_even_on_this_machine(bank_db, monkeypatch):
    monkeypatch.setenv(auth.PASSWORD_ENV, "correct horse")
    at = teacher()
    assert not at.data_editor and at.text_input(key="teacher_password")


def test_wrong_passwords_are_slowed_down_per_session(bank_db, monkeypatch, clock):
    monkeypatch.setenv(auth.PASSWORD_ENV, "correct horse")
    at = teacher()
    enter(at, "wrong one")
    assert [e.value for e in at.error] == ["Wrong password."]
    enter(at, "correct horse")  # at once: refused without being checked
    assert not at.data_editor and "Too many wrong attempts: wait 1 second(s)" in at.error[0].value
    clock.now += 1.5
    enter(at, "wrong two")
    clock.now += 1.5  # the second failure asks for 2 seconds
    enter(at, "correct horse")
    assert not at.data_editor and "wait 0 second(s)" not in at.error[0].value and "Too many" in at.error[0].value
    clock.now += 1.0
    enter(at, "correct horse")
    assert at.data_editor and not at.error


def test_new_sessions_do_not_escape_the_delay_of_the_server(bank_db, monkeypatch, clock):
    monkeypatch.setenv(auth.PASSWORD_ENV, "correct horse")
    for attempt in range(auth.GLOBAL_FREE + 2):  # each a fresh browser session
        enter(teacher(), f"guess {attempt}")
    fresh = enter(teacher(), "correct horse")
    assert not fresh.data_editor and "Too many wrong attempts" in fresh.error[0].value
    clock.now += auth.global_delay(auth.GLOBAL_FREE + 2) + 0.5
    assert enter(teacher(), "correct horse").data_editor


def test_failed_sign_ins_are_logged_without_what_was_typed(bank_db, monkeypatch, clock, caplog):
    monkeypatch.setenv(auth.PASSWORD_ENV, "correct horse")
    with caplog.at_level(logging.WARNING, logger="studyaid.app.auth"):
        enter(teacher(), "hunter2-secret-guess")
    logged = [r.getMessage() for r in caplog.records if r.name == "studyaid.app.auth"]
    assert len(logged) == 1 and "teacher sign-in failed" in logged[0] and "1 in this browser session" in logged[0]
    assert "hunter2" not in caplog.text and "correct horse" not in caplog.text


def test_a_broken_secrets_file_keeps_the_view_locked_even_on_this_machine(bank_db, monkeypatch):
    def broken() -> str:
        raise auth.SecretsError("secrets.toml: bad toml")

    monkeypatch.setattr(auth, "configured_password", broken)
    at = teacher()
    assert not at.data_editor and "locked" in at.error[0].value


def test_the_config_listens_on_localhost_and_hides_error_details():
    import tomllib

    config = tomllib.loads((APP.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "localhost"
    assert config["client"]["showErrorDetails"] == "none"
