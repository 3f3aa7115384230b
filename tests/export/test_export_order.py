"""One option order everywhere: every format shows ``Question.options`` exactly as stored, and over a
bank the right answer's position is near uniform (generation placed it, nobody reshuffles it)."""
from __future__ import annotations

import csv
import html
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from studyaid.export.anki import mcq_fields
from studyaid.export.csv import to_csv
from studyaid.export.gift import mcq_gift
from studyaid.export.moodle import mcq_element
from studyaid.questions.order import arrange

_LI = re.compile(r"<li[^>]*>(.*?)</li>")
_TAG = re.compile(r"<[^>]+>")
_MARK = "\u2714 "


def anki_order(question) -> tuple[list[str], int]:
    """The options on the Anki card's front, and the position marked right on its back."""
    front = [html.unescape(item) for item in _LI.findall(mcq_fields(question)[1])]
    back = [html.unescape(_TAG.sub("", item)) for item in _LI.findall(mcq_fields(question)[2])]
    right = next(i for i, item in enumerate(back) if item.startswith(_MARK))
    return front, right


def gift_order(question) -> tuple[list[str], int]:
    lines = [line for line in mcq_gift(question).split("\n") if line.startswith(("\t=", "\t~"))]
    texts = [html.unescape(line[2:].replace("<p>", "").replace("</p>", "")) for line in lines]
    return texts, next(i for i, line in enumerate(lines) if line.startswith("\t="))


def xml_order(question) -> tuple[list[str], int]:
    element = ET.fromstring(ET.tostring(mcq_element(question)))
    assert element.findtext("shuffleanswers") == "false"  # Moodle keeps the order too
    answers = element.findall("answer")
    texts = [html.unescape(_TAG.sub("", a.findtext("text"))) for a in answers]
    return texts, next(i for i, a in enumerate(answers) if a.get("fraction") == "100")


def csv_rows(questions) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(to_csv(questions))))


def csv_order(question) -> tuple[list[str], int]:
    [row] = csv_rows([question])
    texts = [row[f"option_{i}"] for i in range(1, len(question.options) + 1)]
    return texts, int(row["correct_option"]) - 1


FORMATS = {"anki": anki_order, "gift": gift_order, "xml": xml_order, "csv": csv_order}


@pytest.mark.parametrize("options, answer", [
    (["Tallinn", "Riga", "Vilnius", "Oslo"], "Tallinn"),  # the answer first
    (["Riga", "Vilnius", "Oslo", "Tallinn"], "Tallinn"),  # the answer last
    (["3 million", "300", "30,000"], "300"),  # three options
    (["Alice Brown", "Bob Green", "Carol White", "Dan Black", "Eve Gray"], "Dan Black"),
])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_shows_the_stored_order(make_question, fmt, options, answer):
    question = make_question(id=f"order-{len(options)}-{options[0]}", answer=answer, options=options)
    shown, right = FORMATS[fmt](question)
    assert shown == options
    assert right == options.index(answer)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_teachers_edited_order_is_kept(make_question, fmt):
    generated = make_question(id="edited", answer="Alice", options=["Bob", "Alice", "Carol", "Dave"])
    edited = generated.model_copy(update={"options": ["Dave", "Carol", "Bob", "Alice"], "edited": True})
    assert FORMATS[fmt](edited) == (["Dave", "Carol", "Bob", "Alice"], 3)
    assert FORMATS[fmt](generated) == (["Bob", "Alice", "Carol", "Dave"], 1)


def test_the_answer_position_is_near_uniform_over_a_bank(make_question):
    """400 questions whose options generation arranged: in the CSV, each position holds 18-32% of answers."""
    bank = [make_question(id=f"bank-{i:04d}", answer=f"right {i}",
                          options=arrange(f"bank-{i:04d}", f"right {i}", [f"wrong {i}.{k}" for k in range(3)]))
            for i in range(400)]
    positions = Counter(row["correct_option"] for row in csv_rows(bank))
    assert set(positions) == {"1", "2", "3", "4"}
    for position, count in positions.items():
        assert 0.18 <= count / len(bank) <= 0.32, positions
    # and the same position in every format
    for question in bank[:40]:
        assert len({FORMATS[fmt](question)[1] for fmt in FORMATS}) == 1


def test_a_bank_with_the_answer_always_first_stays_so():
    """Negative case: exports never move an answer, even when a bank puts it first every time."""
    from studyaid.questions.model import Question

    bank = [Question(id=f"first-{i}", kind="mcq", fact_type="quote", fact_id="f", prompt="Who said it?",
                     answer="Alice", explanation="Alice said it.", options=["Alice", "Bob", "Carol", "Dave"],
                     sources=[]) for i in range(50)]
    assert Counter(row["correct_option"] for row in csv_rows(bank)) == Counter({"1": 50})
