"""Issue 12: a generation job a killed server left unfinished is resumed when a server process starts
(its first script run, whatever page is asked for first), not only by a later page load; still one job
per bank."""
from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app import jobs as app_jobs
from studyaid.store import Store
from studyaid.store.jobs import Jobs

APP = Path(__file__).resolve().parents[2] / "app.py"
WAIT = 600  # an upper bound for a job on the sample articles, not a measure of speed


@pytest.fixture
def threads(nlp, monkeypatch):
    """Jobs run in threads of the test process with its pipeline."""
    monkeypatch.setattr(app_jobs, "RUNNER", "thread")
    monkeypatch.setattr(app_jobs, "_pipeline", nlp)
    yield nlp
    assert app_jobs.wait(WAIT), "a generation job did not end"


def dead_owner() -> str:
    child = subprocess.Popen(["true"])
    child.wait()
    return f"{socket.gethostname()}:{child.pid}:gone"


def first_page(view: str) -> AppTest:
    """A server process's first script run, for a browser asking for ``view``."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state["view"] = view
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("view, password, shown", [
    ("Teacher", "a long passphrase", "Teacher sign-in"),  # a locked teacher view shows no job, yet resumes it
    ("Student", None, None),
])
def test_an_interrupted_job_is_resumed_at_the_first_script_run_whatever_the_view(
        bank_db, threads, monkeypatch, view, password, shown):
    if password:
        monkeypatch.setenv("STUDYAID_TEACHER_PASSWORD", password)
    jobs = Jobs(Store(bank_db))
    stale, mine = jobs.acquire("generate", dead_owner(), alive=lambda job: True)  # its server was killed
    assert mine
    at = first_page(view)
    if shown:
        assert any(shown in s for s in [str(e.value) for e in at.subheader])
    resumed = jobs.get(stale.id)
    assert resumed.attempts == 2 and resumed.owner != stale.owner  # taken over, not a second job
    assert app_jobs.wait(WAIT)
    assert jobs.get(stale.id).state == "done" and jobs.latest().id == stale.id


def test_a_job_whose_runner_lives_is_left_to_it(bank_db, threads):
    jobs = Jobs(Store(bank_db))
    running, _ = jobs.acquire("generate", app_jobs.new_owner(), alive=lambda job: True)
    with app_jobs._registry:  # its runner is alive in this process
        app_jobs._running[running.owner.rsplit(":", 1)[-1]] = lambda: True
    try:
        first_page("Student")
        assert jobs.get(running.id).attempts == 1 and jobs.get(running.id).owner == running.owner
        assert jobs.latest().id == running.id  # no second job
    finally:
        with app_jobs._registry:
            app_jobs._running.pop(running.owner.rsplit(":", 1)[-1], None)
        jobs.finish(running.id, running.owner, message="done by its own runner")
