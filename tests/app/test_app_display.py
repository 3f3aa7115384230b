"""What the app shows (issue 13, items 6 and 8): text from an article or an upload never renders as
Markdown (no link, no remote image, no HTML), and a bank that breaks while the app runs gives
students a plain message, the teacher one naming the file, and nobody a traceback."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from studyaid.app.safe import md_escape
from studyaid.document import Source
from studyaid.questions.model import Question
from studyaid.store import Store

APP = Path(__file__).resolve().parents[2] / "app.py"
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
AUTOLINK = re.compile(r"(?i)(?:https?:/|www\.|[\w.+-]@[\w-]+\.)")  # what GFM links without any brackets

TITLE = "Harbour vote ![](http://tracker.example/title.png) [read more](http://tracker.example/r)"
PATH = "uploads/[notes](http://tracker.example/f).txt"
SENTENCE = ("Mayor Lena Okafor said the [harbour wall](http://tracker.example/w) would be finished by March, "
            "<img src='http://tracker.example/i.png'> mail press@tracker.example.")
TEXT = f"{TITLE}\nThe council met on Monday.\n{SENTENCE}\nWork starts in Rotterdam next week.\n"
START = TEXT.index(SENTENCE)
SOURCE = Source(document=PATH, sentence=SENTENCE, start=START, end=START + len(SENTENCE))


def crafted_questions() -> list[Question]:
    mcq = Question(
        id="crafted-mcq", kind="mcq", fact_type="quote", fact_id="crafted-1", status="approved",
        prompt="Who said the [harbour wall](http://tracker.example/q) would be *finished* by March?",
        answer="Lena Okafor ![](http://tracker.example/answer.png)",
        options=["Lena Okafor ![](http://tracker.example/answer.png)", "[Mark Vos](http://tracker.example/v)",
                 "<b>Ada Smit</b> www.tracker.example", "1. Piet Bakker"],
        explanation="[Okafor](http://tracker.example/e) is the mayor.", sources=[SOURCE])
    cloze = Question(
        id="crafted-cloze", kind="cloze", fact_type="place", fact_id="crafted-2", status="approved",
        prompt="Work starts in _____ (city) next week ![](http://tracker.example/cloze.png).",
        cloze="Work starts in {{c1::Rotterdam::city}} next week ![](http://tracker.example/cloze.png).",
        answer="Rotterdam", hint="city", explanation="See <http://tracker.example/auto>.", sources=[SOURCE])
    return [mcq, cloze]


def renders_markup(text: str) -> list[str]:
    """What in ``text`` Streamlit's Markdown would turn into a link, an image or HTML."""
    found = []
    for token in MARKDOWN.parse(text):
        if token.type == "html_block":
            found.append(token.content)
        for child in token.children or []:
            if child.type in ("link_open", "image", "html_inline"):
                found.append(f"{child.type}: {child.attrs or child.content}")
    found += [m.group(0) for m in AUTOLINK.finditer(text)]
    return found


def shown(at: AppTest) -> list[str]:
    """Every string the page renders as Markdown."""
    strings = []
    for kind in ("markdown", "caption", "success", "info", "warning", "error", "title", "subheader", "header"):
        strings += [str(e.value) for e in at.get(kind)]
    strings += [str(e.label) for e in at.get("expander")]
    for radio in at.get("radio"):
        strings += [str(radio.label), *map(str, radio.options)]
    strings += [str(b.label) for b in at.get("button")]
    return strings


def assert_nothing_renders(at: AppTest, step: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    bad = {s: renders_markup(s) for s in shown(at) if renders_markup(s)}
    assert not bad, (step, bad)


@pytest.mark.parametrize("text", [
    "[x](http://tracker.example)", "![](http://tracker.example/p.png)", "<img src=x>", "<http://tracker.example>",
    "http://tracker.example/p", "see www.tracker.example", "mail me@tracker.example.org",
    "[x][ref]\n\n[ref]: http://tracker.example",
])
def test_the_checker_sees_markup(text):
    assert renders_markup(text)  # so the app tests below can fail


@pytest.mark.parametrize("text, shown_as", [
    ("[x](http://tracker.example)", "[x](http://tracker.example)"),
    ("![](http://tracker.example/p.png)", "![](http://tracker.example/p.png)"),
    ("<img src=x>", "<img src=x>"),
    ("*not bold* _nor this_", "*not bold* _nor this_"),
    ("1. not a list", "1. not a list"),
    ("# not a heading", "# not a heading"),
    (":red[not red] $x^2$", ":red[not red] $x^2$"),
    ("www.tracker.example", "www.tracker.example"),
    ("AT&T &amp; co", "AT&T &amp; co"),
    ("two\nlines", "two lines"),
])
def test_md_escape_shows_the_text_itself(text, shown_as):
    escaped = md_escape(text)
    assert not renders_markup(escaped)
    # what the reader sees: markdown-it's plain rendering of the escaped text, tags stripped
    html = MARKDOWN.renderInline(escaped)
    import html as html_lib

    assert html_lib.unescape(re.sub(r"<[^>]+>", "", html)) == shown_as


def test_crafted_article_text_never_renders_as_markdown(bank_db):
    store = Store(bank_db)
    store.add_document(PATH, TEXT, title=TITLE)
    for e in store.entries():  # students see only approved questions: the crafted ones
        if e.question.status == "approved":
            store.set_status({e.question.id: e.version}, "new")
    for q in crafted_questions():
        store.add_question(q)
    store.set_setting("students_see", "approved")
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    assert_nothing_renders(at, "quiz set-up")
    at.number_input(key="quiz_count").set_value(2)
    at.button(key="quiz_start").click().run()
    quiz = at.session_state["quiz"]
    for step in range(2):
        assert_nothing_renders(at, f"question {step + 1}")
        q = store.get(quiz.current).question
        key = f"answer_{quiz.number}_{quiz.index}"
        if q.kind == "mcq":
            at.radio(key=key).set_value(q.options[1])
        else:
            at.text_input(key=key).input("[typed](http://tracker.example/typed)")
        at.button(key=f"check_{key}").click().run()
        assert_nothing_renders(at, f"feedback {step + 1}")
        assert any("harbour wall" in m for m in map(str, (e.value for e in at.markdown)))  # the source was shown
        at.button(key=f"next_{key}").click().run()
    assert len(at.expander) == 2  # both missed, under their own prompts
    assert_nothing_renders(at, "results")

    at.sidebar.radio(key="view").set_value("Teacher").run()
    assert_nothing_renders(at, "teacher view")
    at.multiselect(key="filter_status").set_value(["approved"]).run()  # the crafted ones, on the review's first page
    assert_nothing_renders(at, "teacher view, approved questions")
    frame = at.data_editor[0].value
    rows = [int(i) for i in frame.index[frame["id"].str.startswith("crafted-")]]
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {rows[0]: {"options": "only one [x](http://tracker.example/o)"}, rows[1]: {"select": True}},
        "added_rows": [], "deleted_rows": []}
    at.button(key="review_delete").click().run()  # one edit refused (names the prompt), one delete
    assert at.error and any("in the trash" in s.value for s in at.success)
    assert_nothing_renders(at, "teacher messages")


@pytest.fixture
def corrupt_after_start(bank_db):
    """Breaks the bank file's pages after the first page (its header and schema stay readable)."""
    def corrupt() -> None:
        data = bytearray(bank_db.read_bytes())
        page = int.from_bytes(data[16:18], "big") or 65536
        data[page:] = (b"\xde\xad\xbe\xef" * (len(data) // 4 + 1))[:len(data) - page]
        bank_db.write_bytes(bytes(data))
    return corrupt


def test_a_bank_broken_after_start_shows_students_a_plain_message(bank_db, corrupt_after_start):
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    at.button(key="quiz_start").click().run()
    assert at.session_state["quiz"].total
    corrupt_after_start()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (error,) = at.error
    assert "tell your teacher" in error.value
    for detail in ("sqlite", "malformed", "Traceback", str(bank_db.name), "Error"):
        assert detail not in error.value

    at.sidebar.radio(key="view").set_value("Teacher").run()  # a browser on this machine, no password
    assert not at.exception, [e.value for e in at.exception]
    (error,) = at.error
    assert md_escape(str(bank_db)) in error.value and "malformed" in error.value
