"""Class mode in a real browser: Debian's Chromium, driven by Playwright, with a teacher and two students
in separate browser contexts (separate sessions) at once: the teacher publishes, both students join with
the code and answer (one right throughout, one wrong on the first question; a cloze with two gaps in one
box per gap), and the teacher's results show both students and the share right per question."""
from __future__ import annotations

import re

import pytest

from studyaid.app.answers import gaps
from studyaid.document import Source
from studyaid.questions.model import Question
from studyaid.store import Store
from studyaid.store import classes
from test_app_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, server  # noqa: F401 - server: the app on 127.0.0.1


GAP_SENTENCE = "The night train from Orlen to Vassby takes 14 hours, the operator said."
TWO_GAPS = Question(
    id="browser-two-gaps", kind="cloze", fact_type="quantity", fact_id="browser-two-gaps", answer="14",
    hint="number", explanation="The operator gave the route and the time.", status="approved", score=1.0,
    prompt="The night train from Orlen to _____ (city) takes _____ (number) hours, the operator said.",
    cloze="The night train from Orlen to {{c1::Vassby::city}} takes {{c2::14::number}} hours, the operator said.",
    sources=[Source(document="teacher/trains.txt", sentence=GAP_SENTENCE, start=0, end=len(GAP_SENTENCE))])


@pytest.fixture
def approved(bank_db):
    """Two multiple-choice questions, one cloze and one cloze with two gaps approved: the quiz a teacher
    can publish."""
    store = Store(bank_db)
    chosen = store.entries(kinds=["mcq"])[:2] + store.entries(kinds=["cloze"])[:1]
    store.set_status({e.question.id: e.version for e in chosen}, "approved")
    store.add_question(TWO_GAPS)
    store.set_status({TWO_GAPS.id: None}, "approved")
    return store


def join(page, url: str, code: str, name: str, title: str) -> None:
    from playwright.sync_api import expect

    page.goto(url)
    page.get_by_role("button", name="Join a class quiz").click()
    page.get_by_role("textbox", name="Quiz code").fill(code.lower())
    page.get_by_role("textbox", name="Your name").fill(name)
    page.get_by_role("button", name="Join", exact=True).click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()


def answer(page, question, right: bool, last: bool) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_text(question.prompt[:40]).first).to_be_visible()
    if question.kind == "mcq":
        choice = question.answer if right else next(o for o in question.options if o != question.answer)
        page.get_by_role("radiogroup").get_by_text(choice, exact=True).click()
    elif len(gaps(question)) > 1:  # one box per gap; a wrong answer misses the last gap only
        boxes = gaps(question)
        for n, (gap_answer, hint) in enumerate(boxes, 1):
            typed = gap_answer if right or n < len(boxes) else "certainly not this"
            page.get_by_role("textbox", name=f"Gap {n} of {len(boxes)} ({hint})").fill(typed)
    else:
        page.get_by_role("textbox", name="Your answer").fill(question.answer if right else "certainly not this")
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_text("Right!" if right else "Not quite.").first).to_be_visible()
    page.get_by_role("button", name="See my results" if last else "Next question").click()


def test_a_class_quiz_with_a_teacher_and_two_students(server, approved):
    from playwright.sync_api import expect, sync_playwright

    store = approved
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            teacher, ann, tom = (browser.new_context(viewport={"width": 1200, "height": 1400}).new_page()
                                 for _ in range(3))
            for page in (teacher, ann, tom):
                page.set_default_timeout(30_000)
            teacher.goto(server)
            teacher.get_by_text("Teacher", exact=True).click()
            teacher.get_by_role("tab", name="Class quiz").click()  # open: the browser is on this machine
            teacher.get_by_role("textbox", name="Quiz title").fill("Friday news check")
            teacher.get_by_role("button", name=re.compile(r"^Publish 4 question")).click()
            heading = teacher.get_by_role("heading", name=re.compile(r"^Code: "))
            expect(heading).to_be_visible()
            code = heading.inner_text().split(":", 1)[1].strip()
            quiz = classes.quiz(store, code)
            assert quiz is not None and quiz.title == "Friday news check"

            join(ann, server, code, "Ann Roe", "Friday news check")
            join(tom, server, code, "Tom Reed", "Friday news check")
            for i, question in enumerate(quiz.questions):  # the two students answer in turn, at the same time
                last = i == len(quiz.questions) - 1
                answer(ann, question, right=True, last=last)
                answer(tom, question, right=i > 0, last=last)
                if i == 0:  # a reload continues where the student was (the attempt is in the address)
                    tom.reload()
                    expect(tom.get_by_text("Question 2 of 4")).to_be_visible()
            expect(ann.get_by_text("You scored 4 out of 4")).to_be_visible()
            expect(tom.get_by_text("You scored 3 out of 4")).to_be_visible()
            expect(ann.get_by_text("Tom Reed")).to_have_count(0)  # a student sees only their own results

            # the teacher's results refresh by themselves while students answer
            expect(teacher.get_by_text("2 student(s)")).to_be_visible(timeout=20_000)
            expect(teacher.get_by_text("2 finished")).to_be_visible()
            tables = teacher.get_by_role("tabpanel", name="Class quiz").get_by_test_id("stTable")
            students, questions = tables.nth(0), tables.nth(1)
            expect(students.get_by_role("row").filter(has_text="Ann Roe")).to_contain_text("4/4")
            expect(students.get_by_role("row").filter(has_text="Tom Reed")).to_contain_text("3/4")
            rows = questions.locator("tbody tr")  # one row per question, in the quiz's order
            expect(rows).to_have_count(len(quiz.questions))
            for row, question in zip((rows.nth(i) for i in range(len(quiz.questions))), quiz.questions):
                expect(row).to_contain_text(question.prompt[:40])
                # the first question: one of the two students got it right
                expect(row).to_contain_text("50%" if question is quiz.questions[0] else "100%")
            gapped = questions.get_by_role("row").filter(has_text="Vassby / 14")  # the answer gap by gap
            expect(gapped).to_have_count(1)
            ARTIFACTS.mkdir(exist_ok=True)
            teacher.screenshot(path=str(ARTIFACTS / "class_results.png"), full_page=True)
            stored = classes.answers(store, code=code)
            assert len(stored) == 8
            assert sorted(len(a.gaps) for a in stored if a.question_id == TWO_GAPS.id) == [2, 2]  # stored per gap
        finally:
            browser.close()
