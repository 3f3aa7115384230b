"""``export()``: the format from the extension, the bank JSON, what is left out and why."""
from __future__ import annotations

import pytest

from studyaid.bank import read_bank
from studyaid.export import FORMATS, ExportError, export, format_of
from studyaid.export.common import cloze_parts, problem


@pytest.mark.parametrize("name", ["deck.txt", "deck", "deck.apkg.bak", "deck.html"])
def test_unknown_extension_names_the_supported_ones(name, make_question, tmp_path):
    with pytest.raises(ExportError) as error:
        export([make_question()], tmp_path / name)
    message = str(error.value)
    assert name in message
    assert all(ext in message for ext in FORMATS)
    assert not (tmp_path / name).exists()


def test_extension_case_does_not_matter():
    assert format_of("Deck.APKG") == ".apkg" and format_of("x.Gift") == ".gift"


def test_json_is_the_bank_itself(seeds_bank, tmp_path):
    questions = [q.model_copy(update={"status": "rejected"}) if i == 0 else q
                 for i, q in enumerate(seeds_bank.questions)]
    result = export(questions, tmp_path / "out" / "bank.json", documents=seeds_bank.documents)
    bank = read_bank(tmp_path / "out" / "bank.json")
    assert bank.questions == questions  # everything, rejected included: it is the bank
    assert bank.documents == seeds_bank.documents
    assert result.total == len(questions) and not result.skipped


def test_json_documents_default_to_the_sources(make_question, tmp_path):
    export([make_question()], tmp_path / "bank.json")
    assert read_bank(tmp_path / "bank.json").documents == ["articles/my story.txt"]


@pytest.mark.parametrize("ext", [".apkg", ".gift", ".xml", ".csv"])
def test_unshowable_questions_are_left_out_with_a_reason(ext, make_question, tmp_path):
    questions = [
        make_question(id="ok"),
        make_question(id="rejected", status="rejected"),
        make_question(id="no-answer", answer="Zed"),
        make_question(id="one-option", options=["Alice"]),
        make_question(id="no-gap", kind="cloze", options=[], cloze="Alice said it."),
        make_question(id="ok", prompt="Who said it again?"),
    ]
    result = export(questions, tmp_path / f"deck{ext}", timestamp=1_700_000_000)
    assert result.total == 1 and result.written == {"mcq": 1}
    assert result.skipped[-1] == ("ok", "same id as an earlier question")
    assert dict(result.skipped[:-1]) == {
        "rejected": "rejected",
        "no-answer": "answer is not among the options",
        "one-option": "fewer than two options",
        "no-gap": "no {{c1::...}} gap in the cloze text",
    }
    assert (tmp_path / f"deck{ext}").is_file()


def test_deck_name_defaults_to_the_file_stem(make_question, tmp_path):
    assert export([make_question()], tmp_path / "World news.apkg", timestamp=1).deck_name == "World news"
    assert export([make_question()], tmp_path / "x.apkg", deck_name="Mine", timestamp=1).deck_name == "Mine"


def test_every_seed_question_is_exportable(seeds_questions):
    assert [problem(q) for q in seeds_questions] == [None] * len(seeds_questions)


def test_cloze_parts_read_gaps_with_awkward_answers(make_question):
    question = make_question(kind="cloze", options=[], answer="a}}b::c",
                             cloze="x {{c1::a}}b::c::hint}} y {{c2::z}} end")
    parts = cloze_parts(question)
    assert [p for p in parts if isinstance(p, str)] == ["x ", " y ", " end"]
    gaps = [p for p in parts if not isinstance(p, str)]
    assert [(g.number, g.answer, g.hint) for g in gaps] == [(1, "a}}b::c", "hint"), (2, "z", None)]
