"""One real-browser test: Debian's Chromium, driven by Playwright, answers a question in the running app."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from studyaid.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--headless"]
ARTIFACTS = ROOT / "test-artifacts"
START_TIMEOUT = 60  # seconds for the server to answer its health check



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit did not become healthy within {START_TIMEOUT} s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def quiz_question(bank_db):
    """The bank with one approved question and students seeing approved questions only (so they get exactly
    that one), corroborated if possible."""
    store = Store(bank_db)
    entries = store.entries(kinds=["mcq"])
    entry = max(entries, key=lambda e: (e.question.corroboration, e.question.fact_type == "quote"))
    store.set_status({entry.question.id: entry.version}, "approved")
    store.set_setting("students_see", "approved")  # the teacher's choice: approved questions only
    return entry.question


@pytest.fixture
def server(bank_db, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `bash scripts/install.sh --browser` to install Debian's Chromium "
                    "(the project's set-up and CI do)")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "streamlit.log"
    env = {**os.environ, "STUDYAID_DB": str(bank_db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    env.pop("STUDYAID_TEACHER_PASSWORD", None)
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def test_answer_a_question_in_chromium(server, quiz_question):
    from playwright.sync_api import expect, sync_playwright

    q = quiz_question
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1200})
            page.set_default_timeout(30_000)
            page.goto(server)
            expect(page.get_by_text("1 question approved by a teacher")).to_be_visible()
            page.get_by_role("button", name="Start the quiz").click()
            expect(page.get_by_text("Question 1 of 1")).to_be_visible()
            page.get_by_role("radiogroup").get_by_text(q.answer, exact=True).click()
            page.get_by_role("button", name="Check").click()
            expect(page.get_by_text("Right!")).to_be_visible()
            expect(page.get_by_text("Why:")).to_be_visible()
            sentence = q.sources[0].sentence.strip()
            expect(page.locator("strong", has_text=sentence[:40]).first).to_be_visible()  # highlighted in its paragraph
            expect(page.get_by_text("Corroborated by" if q.corroboration > 1 else "Stated in 1 article")).to_be_visible()
            page.wait_for_timeout(600)  # let the progress bar finish its animation
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "quiz.png"), full_page=True)
            page.get_by_role("button", name="See my results").click()
            expect(page.get_by_text("You scored 1 out of 1")).to_be_visible()
        finally:
            browser.close()
