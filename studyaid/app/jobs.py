"""App generation as a background job: the first start from ``seeds/``, documents added, "generate
all again". No Streamlit here.

A job runs in a process of its own (``python -m studyaid.app.jobs``), one at a time per bank:
:meth:`Jobs.acquire` takes the lock row in SQLite, so a second browser, a reload or a second server
process finds the job already running and only shows its progress. A process, not a thread of the
server: the server stays responsive (no parsing in its interpreter), its memory holds no model, and
Streamlit's reloading of changed modules cannot mix two versions of a class in the middle of a job.
The runner writes its progress to the bank (:mod:`studyaid.store.jobs`); the page reads it from
there. A job whose runner died (a killed server or job process, a crash) is taken over when a server
process starts (its first script run, whatever the view: :func:`resume_at_start`, once per process) or by
the next page load (:func:`ensure_generation`) and run again: importing the sample articles and merging
questions are idempotent, and the caches make the part already done cheap.

``RUNNER = "thread"`` runs jobs in a thread of this process instead (tests: a pipeline already
loaded, failures injected); the job's body (:func:`run`) is the same.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable, Literal

from ..errors import BankError
from ..store import Store
from ..store.jobs import Job, JobKind, JobLost, Jobs, new_owner, owner_alive

log = logging.getLogger("studyaid.app")
ROUNDS = 3  # generation runs again (at most this often) when documents were added or removed meanwhile
ROOT = Path(__file__).resolve().parent.parent.parent
RUNNER: Literal["process", "thread"] = "process"


class JobStartError(BankError):
    """The generation process could not be started."""


_registry = threading.Lock()
_running: dict[str, Callable[[], bool]] = {}  # token of a runner started here → whether it still runs
_started: dict[str, tuple[Callable[[], bool], Callable[[float | None], object]]] = {}  # still running?, join
_pipeline = None
_pipeline_lock = threading.Lock()


def shared_pipeline():
    """The spaCy pipeline, loaded once per process (by the first job that needs it)."""
    global _pipeline
    with _pipeline_lock:
        if _pipeline is None:
            from ..nlp import load_pipeline

            _pipeline = load_pipeline()
        return _pipeline


def _token(owner: str) -> str:
    return owner.rsplit(":", 1)[-1]


def _live_tokens() -> set[str]:
    with _registry:
        for token, running in list(_running.items()):
            if not running():
                del _running[token]
        return set(_running)


def _alive(job: Job) -> bool:
    return owner_alive(job, _live_tokens())


def start(path: Path, kind: JobKind, load_nlp: Callable[[], object] = shared_pipeline) -> tuple[Job, bool]:
    """Start a job of ``kind`` on the bank at ``path`` unless one is running: ``(job, started here)``.

    An abandoned job (its runner gone) is taken over and run again instead of starting a new one. In a
    process (the default) the job's process is started first and the lock taken in its name (its pid
    in the owner), so any server process can tell whether it still runs; it is then told the job, or
    to exit when someone else runs one."""
    store = Store(path)
    if RUNNER == "thread":
        owner = new_owner()
        starting = threading.Event()
        with _registry:  # alive before the lock is taken, so no one takes over a starting job
            _running[_token(owner)] = lambda: not starting.is_set()
        job, mine = Jobs(store).acquire(kind, owner, _alive)
        if not mine:
            starting.set()
            return job, False
        thread = threading.Thread(target=run, args=(path, job, owner, load_nlp), name=f"studyaid-job-{job.id}",
                                  daemon=True)
        with _registry:
            _running[_token(owner)] = thread.is_alive
            _started[_token(owner)] = (thread.is_alive, thread.join)
        thread.start()
        return job, True
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    try:
        child = subprocess.Popen([sys.executable, "-m", "studyaid.app.jobs", str(path)], cwd=ROOT, env=env,
                                 stdin=subprocess.PIPE, text=True)
    except OSError as exc:
        raise JobStartError(f"{path}: the generation process could not be started: {exc}") from exc
    owner = new_owner(child.pid)
    job, mine = None, False
    try:
        job, mine = Jobs(store).acquire(kind, owner, _alive)
    finally:  # whatever happened, the child is told what to do (an empty line: exit)
        try:
            child.stdin.write(f"{job.id} {owner}\n" if mine else "\n")
            child.stdin.close()
        except OSError:
            pass  # it died already: the next page load sees its job abandoned
    with _registry:
        for token, (running, _join) in list(_started.items()):
            if not running():  # ended (and reaped: no zombie left behind)
                del _started[token]
        _started[_token(owner)] = (lambda: child.poll() is None, child.wait)
    return job, mine


def main(argv: list[str]) -> int:
    """``python -m studyaid.app.jobs BANK``, started by :func:`start`: reads ``JOB_ID OWNER`` (the lock
    taken in this process's name) from standard input and runs that job; an empty line: exits."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s studyaid job %(levelname)s %(message)s")
    told = sys.stdin.readline().split()
    if len(told) != 2:
        return 0  # someone else runs the bank's job
    job_id, owner = int(told[0]), told[1]
    path = Path(argv[0])
    job = Jobs(Store(path)).get(job_id)
    if job is None or job.owner != owner:
        log.warning("job %s is not this process's to run", job_id)
        return 1
    run(path, job, owner, shared_pipeline)
    return 0


def _document_keys(store: Store) -> set[tuple[str, str]]:
    return {(d.path, d.text_hash) for d in store.documents()}


def run(path: Path, job: Job, owner: str, load_nlp: Callable[[], object]) -> None:
    """The job's body (in its process, or thread): import the sample articles for a first start, then generate
    from every stored document until the documents stop changing; the outcome is stored in the job."""
    from .builder import SEEDS, import_seeds, regenerate

    jobs = None
    try:
        store = Store(path)
        jobs = Jobs(store)

        def progress(fraction: float, message: str, done: int | None = None, total: int | None = None) -> None:
            jobs.report(job.id, owner, fraction, message, done, total)

        problems: list[str] = []
        if job.kind == "first_start":
            problems += import_seeds(store, SEEDS, lambda f, m, *_: progress(0.05 * f, m))
            if not store.documents():
                jobs.finish(job.id, owner, error=f"no sample articles could be read from {SEEDS}", problems=problems)
                return
        progress(0.05, "loading the language model")
        nlp = load_nlp()
        added = kept = 0
        for _ in range(ROUNDS):
            before = _document_keys(store)
            report, found = regenerate(store, nlp, progress)
            added, kept = added + report.added, report.kept
            if _document_keys(store) == before:
                break
        problems += found
        documents = len(store.documents())
        jobs.finish(job.id, owner, problems=problems,
                    message=f"{added} new question(s) from {documents} document(s); {kept} edited or reviewed "
                            "kept as they are")
    except JobLost:
        log.warning("job %s was taken over by another runner; this one stops", job.id)
    except Exception as exc:  # noqa: BLE001 - the job's outcome must be stored, whatever stopped it
        log.exception("generation job %s failed", job.id)
        if jobs is not None:
            try:
                jobs.finish(job.id, owner, error=f"{type(exc).__name__}: {exc}")
            except JobLost:
                pass


def needs_generation(store: Store, jobs: Jobs) -> JobKind | None:
    """Which job a page load should start when none is running, if any.

    - a bank never built (no job ever, no document, no question): the first start from ``seeds/``;
    - a job left unfinished by a runner that died: the same job again (taken over by :func:`start`);
    - documents added after the last job ended (stored just before a crash, or by an older version
      that left them without questions): a generation. Documents added while a job runs are taken in
      by that job (it runs again when the documents changed). A job that failed is not retried by itself:
      the page names its error and the teacher's "Generate all questions again" button."""
    current = jobs.unfinished()
    if current is not None:
        return None if _alive(current) else current.kind
    latest = jobs.latest()
    documents = store.documents()
    if latest is None:
        if not documents:
            return None if store.count() else "first_start"
        return None if store.count() else "generate"
    if latest.state == "failed":
        return None
    newest = max((d.added_at for d in documents), default="")
    return "generate" if newest > (latest.finished_at or latest.created_at) else None


def ensure_generation(store: Store, load_nlp: Callable[[], object] = shared_pipeline) -> Job | None:
    """Start, resume or leave alone the bank's generation job; returns the latest job (or None)."""
    jobs = Jobs(store)
    kind = needs_generation(store, jobs)
    if kind is not None:
        job, _ = start(store.path, kind, load_nlp)
        return job
    return jobs.latest()


def resume_at_start(path: Path, load_nlp: Callable[[], object] = shared_pipeline) -> Job | None:
    """What a server process does once, at its first script run, whatever page is asked for (a locked
    teacher view too): resume the bank's job a killed or crashed server left unfinished, or start what a
    page load would (:func:`ensure_generation`); still one job per bank (a job whose runner is alive, in
    this process or another, is left to it). Returns the bank's latest job (or None)."""
    return ensure_generation(Store(path), load_nlp)


def wait(timeout: float | None = None) -> bool:
    """Wait for the runners started by this process to end (tests, shutdown); True when none is left."""
    with _registry:
        started = list(_started.values())
    for _running_now, join in started:
        try:
            join(timeout)
        except subprocess.TimeoutExpired:
            pass
    return not any(running() for running, _join in started)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
