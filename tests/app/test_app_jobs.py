"""Generation as a background job (issue 13, issue 12 item 2): stored state, one job per bank, resumed
after a crash, a failing document reported while the others are processed."""
from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studyaid.app import jobs as app_jobs
from studyaid.app.builder import SEEDS, import_seeds
from studyaid.store import Store
from studyaid.store.jobs import MAX_ATTEMPTS, STALE_AFTER, Job, Jobs, owner_alive

APP = Path(__file__).resolve().parents[2] / "app.py"
HOST = socket.gethostname()
WAIT = 600  # an upper bound for a job on the sample articles, not a measure of speed


@pytest.fixture
def threads(nlp, monkeypatch):
    """Jobs run in threads of the test process with its pipeline (so that a failure can be injected)."""
    monkeypatch.setattr(app_jobs, "RUNNER", "thread")
    monkeypatch.setattr(app_jobs, "_pipeline", nlp)
    yield nlp
    assert app_jobs.wait(WAIT), "a generation job did not end"


@pytest.fixture
def processes():
    """Jobs run as they do in the app: each in a process of its own, which loads the pipeline."""
    assert app_jobs.RUNNER == "process"
    yield
    assert app_jobs.wait(WAIT), "a generation job did not end"


@pytest.fixture
def fresh_db(tmp_path, monkeypatch, local_browser) -> Path:
    path = tmp_path / "fresh" / "studyaid.sqlite3"
    monkeypatch.setenv("STUDYAID_DB", str(path))
    monkeypatch.delenv("STUDYAID_TEACHER_PASSWORD", raising=False)
    return path


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.fixture
def zombie():
    """A process that has exited and was not reaped yet (a killed job process whose parent is gone)."""
    child = subprocess.Popen(["true"])
    os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # ended, still in the process table
    yield child.pid
    child.wait()


def start_app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def finish_and_rerun(at: AppTest) -> AppTest:
    assert app_jobs.wait(WAIT), "the generation job did not end"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def ago(seconds: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(seconds=seconds)).isoformat()


@pytest.mark.parametrize("owner, state, age, live, expected", [
    ("{host}:{me}:tok1", "running", 5, {"tok1"}, True),  # a runner thread of this process, alive
    ("{host}:{me}:tok1", "running", 5, set(), False),  # this process, but its thread has ended
    ("{host}:{dead}:tok1", "running", 5, set(), False),  # a server process that was killed
    ("{host}:{zombie}:tok1", "running", 5, set(), False),  # killed, not reaped yet
    ("{host}:1:tok1", "running", 5, set(), True),  # another process on this host, alive (pid 1)
    ("{host}:1:tok1", "running", STALE_AFTER + 60, set(), False),  # alive but silent for too long
    ("elsewhere:1234:tok1", "running", 5, set(), True),  # another host, recent heartbeat
    ("elsewhere:1234:tok1", "running", STALE_AFTER + 60, set(), False),  # another host, silent
    ("garbled", "running", 5, set(), False),
])
def test_whether_a_jobs_runner_is_alive(owner, state, age, live, expected, zombie):
    job = Job(id=1, kind="generate", state=state, created_at=ago(age), heartbeat_at=ago(age),
              owner=owner.format(host=HOST, me=os.getpid(), dead=dead_pid(), zombie=zombie))
    assert owner_alive(job, live) is expected


def test_one_unfinished_job_per_bank_and_takeover_of_an_abandoned_one(tmp_path):
    jobs = Jobs(Store(tmp_path / "bank.sqlite3"))
    first, mine = jobs.acquire("first_start", "a", alive=lambda job: True)
    assert mine and first.state == "running" and first.attempts == 1
    same, mine = jobs.acquire("generate", "b", alive=lambda job: True)  # a second browser: the same job
    assert not mine and same.id == first.id and same.owner == "a"
    for attempt in range(2, MAX_ATTEMPTS + 1):  # its runner died: taken over, same job, same kind
        taken, mine = jobs.acquire("generate", f"r{attempt}", alive=lambda job: False)
        assert mine and taken.id == first.id and taken.kind == "first_start" and taken.attempts == attempt
    with pytest.raises(Exception, match="no longer run by a"):
        jobs.report(first.id, "a", 0.5, "the old runner wakes up")  # it must stop, not write
    failed, mine = jobs.acquire("generate", "c", alive=lambda job: False)  # interrupted too often: failed
    assert not mine and failed.id == first.id and failed.state == "failed"
    assert f"stopped after {MAX_ATTEMPTS} attempts" in failed.error
    fresh, mine = jobs.acquire("generate", "c", alive=lambda job: False)  # asked for again: a new job
    assert mine and fresh.id != first.id and fresh.kind == "generate"
    done = jobs.finish(fresh.id, "c", problems=["uploads/x.pdf: is not a PDF"], message="3 new question(s)")
    assert (done.state, done.progress, done.problems) == ("done", 1.0, ["uploads/x.pdf: is not a PDF"])
    assert jobs.unfinished() is None


def test_two_starts_at_once_run_one_job(tmp_path, monkeypatch):
    monkeypatch.setattr(app_jobs, "RUNNER", "thread")
    path = tmp_path / "bank.sqlite3"
    Store(path)
    release = threading.Event()

    def slow_model():
        release.wait(60)
        raise RuntimeError("no model in this test")

    results = []
    barrier = threading.Barrier(4)

    def open_page():
        barrier.wait()
        results.append(app_jobs.start(path, "first_start", slow_model))

    threads = [threading.Thread(target=open_page) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(started for _, started in results) == 1
    assert len({job.id for job, _ in results}) == 1
    release.set()
    assert app_jobs.wait(WAIT)
    job = Jobs(Store(path)).latest()
    assert job.state == "failed" and job.error == "RuntimeError: no model in this test"  # the error is kept


def test_starts_at_once_in_processes_run_one_job_in_a_process_of_its_own(tmp_path, processes):
    path = tmp_path / "bank.sqlite3"
    Store(path)
    results = []
    barrier = threading.Barrier(3)

    def open_page():
        barrier.wait()
        results.append(app_jobs.start(path, "first_start"))

    threads = [threading.Thread(target=open_page) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(started for _, started in results) == 1 and len({job.id for job, _ in results}) == 1
    assert app_jobs.wait(WAIT)  # the two processes not chosen exit at once, the third runs the job
    job = Jobs(Store(path)).latest()
    assert job.state == "done" and job.attempts == 1, job.error
    assert int(job.owner.split(":")[1]) != os.getpid()  # run by its own process, which the lock names
    assert Store(path).count() > 50


def test_first_start_runs_in_the_background_and_two_browsers_share_it(fresh_db, processes):
    first = start_app()
    start_app()  # a second browser at once
    jobs = Jobs(Store(fresh_db))
    with sqlite3.connect(fresh_db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM jobs").fetchone()[0] == 1  # one job for both browsers
    first = finish_and_rerun(first)
    store = Store(fresh_db)
    assert len(store.documents()) == 5 and store.count() > 50
    assert any("Questions ready" in s.value for s in first.success)
    assert first.session_state["quiz_count"] == 10  # the quiz set-up is shown
    job = jobs.latest()
    assert (job.kind, job.state, job.documents_done, job.documents_total) == ("first_start", "done", 5, 5)
    again = start_app()  # a later visit starts nothing and shows no progress
    assert jobs.latest().id == job.id and not again.get("progress")


@pytest.mark.parametrize("owner", ["{host}:{dead}:gone", "{host}:{me}:thread-that-ended"])
def test_a_first_start_left_running_by_a_dead_process_is_resumed(fresh_db, processes, owner):
    store = Store(fresh_db)
    assert import_seeds(store, SEEDS) == []  # the reload came after the articles were stored
    jobs = Jobs(store)
    stale, _ = jobs.acquire("first_start", owner.format(host=HOST, dead=dead_pid(), me=os.getpid()),
                            alive=lambda job: True)
    assert store.count() == 0
    at = start_app()
    resumed = jobs.get(stale.id)
    assert resumed.attempts == 2 and resumed.owner != stale.owner  # taken over, not a second job
    at = finish_and_rerun(at)
    assert jobs.get(stale.id).state == "done" and jobs.latest().id == stale.id
    assert store.count() > 50 and len(store.documents()) == 5
    assert at.session_state["quiz_count"] == 10


def test_documents_without_questions_are_generated_from_by_themselves(fresh_db, threads):
    """An older version left the articles stored and no questions: the next visit generates."""
    store = Store(fresh_db)
    assert import_seeds(store, SEEDS) == []
    at = start_app()
    assert at.get("progress"), "no progress bar while the bank is built"
    at = finish_and_rerun(at)
    assert store.count() > 50 and at.session_state["quiz_count"] == 10


def test_a_failing_document_is_named_and_the_others_are_processed(fresh_db, threads, monkeypatch):
    import studyaid.pipeline

    real = studyaid.pipeline.extract_corpus
    broken = "pasted/broken.txt"

    def fails_on_one(sources, **kwargs):
        if any(getattr(d, "path", None) == broken for d in sources):
            raise ValueError("the parser gave up on this text")
        return real(sources, **kwargs)

    monkeypatch.setattr(studyaid.pipeline, "extract_corpus", fails_on_one)
    store = Store(fresh_db)
    store.add_document(broken, "The harbour master said 12 ferries would sail from Oban on Sunday.\n", title="Broken")
    store.add_document("pasted/fine.txt", "Finnish Prime Minister Petteri Orpo opened a bridge in Tampere on Monday. "
                       "\"It links two halves of the city,\" Orpo told reporters in Tampere.\n", title="Fine")
    at = finish_and_rerun(start_app())
    job = Jobs(store).latest()
    assert job.state == "done" and len(job.problems) == 1
    assert job.problems[0].startswith(f"{broken}: could not be processed (ValueError: the parser gave up")
    documents = {s.document for q in store.questions() for s in q.sources}
    assert documents == {"pasted/fine.txt"}
    assert any("1 document(s) could not be used" in w.value for w in at.warning)
    at.sidebar.radio(key="view").set_value("Teacher").run()  # the teacher sees it later too, in "Add documents"
    (expander,) = [e for e in at.expander if "could not be used in the last generation" in e.label]
    assert [t.value for t in expander.text] == job.problems


def test_students_take_a_quiz_while_a_generation_runs(bank_db, monkeypatch):
    monkeypatch.setattr(app_jobs, "RUNNER", "thread")
    release = threading.Event()

    def held_model():  # the job stays at "loading the language model" until the quiz is done
        release.wait(WAIT)
        raise RuntimeError("released by the test")

    job, started = app_jobs.start(bank_db, "generate", held_model)
    try:
        assert started
        at = start_app()
        (bar,) = at.get("progress")
        assert "Generating questions" in bar.proto.text
        at.number_input(key="quiz_count").set_value(2)
        at.button(key="quiz_start").click().run()
        assert not at.exception and at.session_state["quiz"].total == 2  # the quiz runs beside the job
        assert Jobs(Store(bank_db)).get(job.id).state == "running"
    finally:
        release.set()
        assert app_jobs.wait(WAIT)
    at.run()
    assert any("Generating questions failed" in e.value and "released by the test" in e.value for e in at.error)
