"""CSV: read back with the csv module, one row per question."""
from __future__ import annotations

import csv

import pytest

from studyaid.export import export
from studyaid.export.common import one_line
from studyaid.export.csv import COLUMNS, FORMULA_START, columns


def read_rows(path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def test_columns_are_the_documented_ones():
    assert COLUMNS == ["id", "kind", "fact_type", "question", "answer", "option_1", "option_2", "option_3",
                       "option_4", "correct_option", "explanation", "source_document", "source_sentence",
                       "difficulty", "status"]


def test_seeds_bank_round_trips(seeds_questions, tmp_path):
    export(seeds_questions, tmp_path / "news.csv")
    raw = (tmp_path / "news.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    header, rows = read_rows(tmp_path / "news.csv")
    assert header == COLUMNS
    assert len(rows) == len(seeds_questions)
    for row, question in zip(rows, seeds_questions):
        assert row["id"] == question.id and row["kind"] == question.kind and row["status"] == question.status
        assert row["question"] == one_line(question.prompt)
        assert row["answer"] == one_line(question.answer)
        assert row["explanation"] == one_line(question.explanation)
        assert row["source_document"] == question.sources[0].document
        assert row["source_sentence"] == one_line(question.sources[0].sentence)
        assert float(row["difficulty"]) == round(question.difficulty, 2)
        options = [row[f"option_{i}"] for i in range(1, 5)]
        if question.kind == "mcq":
            assert options[:len(question.options)] == question.options
            assert options[int(row["correct_option"]) - 1] == question.answer
        else:
            assert options == ["", "", "", ""] and row["correct_option"] == ""


def test_special_characters_round_trip(nasty_questions, make_question, tmp_path):
    six = make_question(id="six", options=["Alice", "B,ob", 'C"arol', "D\nave", "=cmd|' /C calc'!A0", "@SUM(1)"])
    export(nasty_questions + [six], tmp_path / "nasty.csv")
    header, rows = read_rows(tmp_path / "nasty.csv")
    assert header == columns(6)  # as many option columns as the longest question needs
    by_id = {row["id"]: row for row in rows}
    mcq = nasty_questions[0]
    row = by_id["nasty-mcq"]
    assert row["question"] == mcq.prompt
    assert [row[f"option_{i}"] for i in range(1, 5)] == mcq.options
    assert row[f"option_{row['correct_option']}"] == mcq.answer
    assert row["option_5"] == row["option_6"] == ""
    assert by_id["nasty-cloze"]["answer"] == nasty_questions[1].answer
    assert by_id["nasty-cloze"]["source_document"] == "news/a: b & c.txt"

    row = by_id["six"]
    options = [row[f"option_{i}"] for i in range(1, 7)]
    expected = ["'" + o if o.startswith(FORMULA_START) else one_line(o) for o in six.options]
    assert options == expected  # a formula-looking cell gets a leading apostrophe, nothing else changes
    assert "'=cmd|' /C calc'!A0" in options and "'@SUM(1)" in options
    assert options[int(row["correct_option"]) - 1] == "Alice"


def test_rejected_questions_are_left_out(seeds_questions, tmp_path):
    questions = [q.model_copy(update={"status": "rejected"}) if i % 2 else q for i, q in enumerate(seeds_questions)]
    result = export(questions, tmp_path / "half.csv")
    _, rows = read_rows(tmp_path / "half.csv")
    assert len(rows) == result.total == len(seeds_questions[::2])
    assert {row["status"] for row in rows} == {"new"}


@pytest.mark.parametrize("text, expected", [
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),  # issue 13 item 8: a leading minus runs too
    ("+1 (555) 0100", "'+1 (555) 0100"),
    ("=HYPERLINK(\"http://example.invalid\")", "'=HYPERLINK(\"http://example.invalid\")"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'=1+1"),  # whitespace first is dropped by one_line, then the formula guarded
    # negative: text that only contains the characters later is left alone
    ("Alice said 2-1 = a win", "Alice said 2-1 = a win"),
    ("e-mail @ work", "e-mail @ work"),
])
def test_a_cell_that_a_spreadsheet_would_run_is_text(text, expected):
    from studyaid.export.csv import cell

    assert cell(text) == expected
