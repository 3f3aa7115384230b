"""The question bank file: written atomically, read back identical, broken files named in a BankError."""
from __future__ import annotations

import json

import pytest

from studyaid.bank import BANK_VERSION, Bank, read_bank, write_bank
from studyaid.document import Source
from studyaid.errors import BankError, StudyaidError
from studyaid.questions.model import Question

SENTENCE = "Meanwhile, NATO Secretary-General Mark Rutte warned that Russia could threaten other European countries."


def sample_bank() -> Bank:
    source = Source(document="seeds/000_news.txt", sentence=SENTENCE, start=10, end=10 + len(SENTENCE))
    mcq = Question(id="a1b2c3d4e5f6", kind="mcq", fact_type="role", fact_id="f00000000001",
                   prompt="Who is the NATO Secretary-General?", answer="Mark Rutte", accepted=["Rutte"],
                   explanation="The source calls Mark Rutte the NATO Secretary-General.",
                   options=["Keir Starmer", "Mark Rutte", "Vladimir Putin", "Emmanuel Macron"], hint="person",
                   sources=[source], difficulty=0.3, score=0.77, corroboration=2)
    cloze = Question(id="0123456789ab", kind="cloze", fact_type="role", fact_id="f00000000001",
                     prompt="Meanwhile, NATO Secretary-General _____ (person) warned \u2026", answer="Mark Rutte",
                     explanation="Mark Rutte is the NATO Secretary-General.",
                     cloze=SENTENCE.replace("Mark Rutte", "{{c1::Mark Rutte::person}}"), hint="person",
                     sources=[source], status="approved", edited=True)
    return Bank(documents=["seeds/000_news.txt"], questions=[mcq, cloze])


def test_round_trip(tmp_path):
    bank = sample_bank()
    path = write_bank(bank, tmp_path / "sub" / "bank.json")
    assert path == tmp_path / "sub" / "bank.json"
    assert read_bank(path) == bank
    assert read_bank(str(path)) == bank
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == BANK_VERSION and len(data["questions"]) == 2
    assert "\u2026" in path.read_text(encoding="utf-8") or "\\u2026" in path.read_text(encoding="utf-8")


def test_write_replaces_an_old_bank_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "bank.json"
    path.write_text("old", encoding="utf-8")
    write_bank(sample_bank(), path)
    write_bank(Bank(), path)
    assert read_bank(path) == Bank()
    assert [p.name for p in tmp_path.iterdir()] == ["bank.json"]


def test_an_empty_bank_round_trips(tmp_path):
    assert read_bank(write_bank(Bank(), tmp_path / "empty.json")) == Bank()


@pytest.mark.parametrize("name, content, problem", [
    ("not-json.json", b"{questions: oops", "not valid JSON"),
    ("truncated.json", b'{"questions": [{"id": "x"', "not valid JSON"),
    ("empty.json", b"", "not valid JSON"),
    ("list.json", b"[1, 2, 3]", "not a studyaid bank"),
    ("no-questions.json", b'{"facts": []}', "not a studyaid bank"),
    ("questions-not-list.json", b'{"questions": {"a": 1}}', "not a studyaid bank"),
    ("string.json", b'"questions"', "not a studyaid bank"),
    ("bad-question.json", b'{"questions": [{"id": "x", "kind": "essay"}]}', "question data is broken at questions.0"),
    ("bad-item.json", b'{"questions": [42]}', "question data is broken at questions.0"),
    ("binary.json", bytes(range(256)) * 4, "not a text file"),
    ("latin1.json", '{"questions": [], "note": "caf\u00e9"}'.encode("latin-1"), "not a text file"),
    ("deep.json", b'{"questions": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    ("deep-question.json", b'{"questions": [{"id": "x", "sources": ' + b"[" * 100_000 + b"]" * 100_000 + b"}]}",
     "nested too deeply"),
])
def test_a_broken_file_raises_bank_error_naming_the_file(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BankError) as info:
        read_bank(path)
    message = str(info.value)
    assert str(path) in message and problem in message
    assert isinstance(info.value, StudyaidError) and info.value.code == "E300"


def test_a_missing_file_raises_bank_error_naming_it(tmp_path):
    path = tmp_path / "nowhere" / "bank.json"
    with pytest.raises(BankError, match="no such bank file") as info:
        read_bank(path)
    assert str(path) in str(info.value)


def test_a_folder_is_not_a_bank(tmp_path):
    with pytest.raises(BankError) as info:
        read_bank(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_extra_keys_are_ignored_and_defaults_filled(tmp_path):
    data = json.loads(sample_bank().model_dump_json())
    data["generator"] = "another tool"
    del data["questions"][0]["status"]
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    bank = read_bank(path)
    assert bank.questions[0].status == "new" and bank.questions[1].status == "approved"


def test_an_unreadable_file_raises_bank_error(tmp_path, monkeypatch):
    path = write_bank(sample_bank(), tmp_path / "bank.json")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_text", denied)
    with pytest.raises(BankError, match="Permission denied") as info:
        read_bank(path)
    assert str(path) in str(info.value)


def test_an_unwritable_place_raises_bank_error_and_leaves_nothing_behind(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(BankError) as info:
        write_bank(sample_bank(), blocker / "bank.json")
    assert str(blocker / "bank.json") in str(info.value)


def test_a_failed_rename_removes_the_temp_file(tmp_path, monkeypatch):
    import os

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(BankError, match="No space left"):
        write_bank(sample_bank(), tmp_path / "bank.json")
    assert list(tmp_path.iterdir()) == []


# -- merging a regenerated bank into bank.json (issue 13, items 4 and 7) ------------------------------

A_DOC, B_DOC = "news/harbour.txt", "news/festival.txt"
A_TEXT = ("The Kelvale council approved a new harbour wall on Monday. "
          "Mayor Ruth Okafor said the work would cost 4 million pounds. "
          "Fishermen in Port Daren welcomed the plan.")
B_TEXT = "The Lisdar film festival opened on Friday with 120 films from 31 countries."


def generated_question(qid: str, document: str, text: str, sentence_no: int = 0, **update) -> Question:
    """A question as generation writes it, grounded in sentence ``sentence_no`` of ``text``."""
    sentences = [s if s.endswith(".") else s + "." for s in text.split(". ")]
    sentence = sentences[sentence_no]
    start = text.index(sentence)
    base = dict(id=qid, kind="mcq", fact_type="quote", fact_id=f"f-{qid}", prompt=f"Question {qid}?",
                answer="Ruth Okafor", options=["Ruth Okafor", "Tom Brandt", "Ana Silva"],
                explanation="The article says so.",
                sources=[Source(document=document, sentence=sentence, start=start, end=start + len(sentence))])
    base.update(update)
    return Question(**base)


def first_run() -> Bank:
    from studyaid.bank import merge_bank

    generated = [generated_question("a1", A_DOC, A_TEXT, 0), generated_question("a2", A_DOC, A_TEXT, 1),
                 generated_question("a3", A_DOC, A_TEXT, 2)]
    bank, report = merge_bank(Bank(generated={}), generated, {A_DOC: A_TEXT})
    assert report.added == 3
    return bank


def through_file(bank: Bank, tmp_path, change) -> Bank:
    """Write the bank, let a teacher change the JSON by hand, read it back."""
    path = write_bank(bank, tmp_path / "bank.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return read_bank(path)


def by_id(bank: Bank) -> dict[str, Question]:
    return {q.id: q for q in bank.questions}


def edit_prompt(data):  # an edit made in the file, "edited" left false
    data["questions"][0]["prompt"] = "Which council approved the harbour wall?"


def edit_answer_and_options(data):
    q = data["questions"][1]
    q["answer"], q["options"] = "Ruth Okafor-Lee", ["Ruth Okafor-Lee", "Tom Brandt", "Ana Silva"]


def add_by_hand(data):
    q = dict(data["questions"][0], id="mine-1", prompt="Where do the fishermen work?")
    data["questions"].append(q)


def delete_second(data):
    del data["questions"][1]


def nothing(data):
    pass


@pytest.mark.parametrize("change, regenerated_ids, expected", [
    # an edit without "edited": true is the teacher's: kept as written
    (edit_prompt, ["a1", "a2", "a3"], {"a1": "Which council approved the harbour wall?", "a2": "Regenerated a2?",
                                       "a3": "Regenerated a3?"}),
    (edit_answer_and_options, ["a1", "a2", "a3"], {"a1": "Regenerated a1?", "a2": "Question a2?",
                                                   "a3": "Regenerated a3?"}),
    # a question added by hand (an id generation never made) stays
    (add_by_hand, ["a1", "a2", "a3"], {"a1": "Regenerated a1?", "a2": "Regenerated a2?", "a3": "Regenerated a3?",
                                       "mine-1": "Where do the fishermen work?"}),
    # a question deleted from the file is not brought back
    (delete_second, ["a1", "a2", "a3"], {"a1": "Regenerated a1?", "a3": "Regenerated a3?"}),
    # negative: nothing touched, so every question is the regenerated one; one no longer made is dropped
    (nothing, ["a1", "a2", "a3"], {"a1": "Regenerated a1?", "a2": "Regenerated a2?", "a3": "Regenerated a3?"}),
    (nothing, ["a1", "a3"], {"a1": "Regenerated a1?", "a3": "Regenerated a3?"}),
])
def test_merge_keeps_teacher_work_found_by_content(tmp_path, change, regenerated_ids, expected):
    from studyaid.bank import merge_bank

    previous = through_file(first_run(), tmp_path, change)
    regenerated = [generated_question(qid, A_DOC, A_TEXT, int(qid[1]) - 1, prompt=f"Regenerated {qid}?")
                   for qid in regenerated_ids]
    merged, _ = merge_bank(previous, regenerated, {A_DOC: A_TEXT})
    assert {q.id: q.prompt for q in merged.questions} == expected


def test_a_written_bank_read_back_is_not_mistaken_for_an_edit(tmp_path):
    bank = through_file(first_run(), tmp_path, nothing)
    assert all(bank.generated[q.id] == q.content_hash for q in bank.questions)
    assert all(q.content_hash != generated_question(q.id, A_DOC, A_TEXT, 0, prompt="other").content_hash
               for q in bank.questions)


def test_a_deletion_stays_deleted_over_later_runs(tmp_path):
    from studyaid.bank import merge_bank

    previous = through_file(first_run(), tmp_path, delete_second)
    again = [generated_question(f"a{n}", A_DOC, A_TEXT, n - 1) for n in (1, 2, 3)]
    second, report = merge_bank(previous, again, {A_DOC: A_TEXT})
    assert report.deleted == 1 and second.deleted == ["a2"] and "a2" not in second.generated
    third, report = merge_bank(through_file(second, tmp_path, nothing), again, {A_DOC: A_TEXT})
    assert "a2" not in by_id(third) and third.deleted == ["a2"] and report.deleted == 1


def test_generating_another_document_keeps_the_first_documents_questions(tmp_path):
    from studyaid.bank import merge_bank

    previous = through_file(first_run(), tmp_path, nothing)
    b_questions = [generated_question("b1", B_DOC, B_TEXT, 0, answer="Lisdar", options=["Lisdar", "Kelvale", "Daren"])]
    merged, report = merge_bank(previous, b_questions, {B_DOC: B_TEXT})
    assert sorted(by_id(merged)) == ["a1", "a2", "a3", "b1"]
    assert report.other_documents == 3 and report.added == 1 and report.dropped == 0
    assert merged.documents == sorted([A_DOC, B_DOC])


def test_a_bank_from_before_hashes_uses_the_edited_flag(tmp_path):
    from studyaid.bank import merge_bank

    def legacy(data):
        del data["generated"]
        data["questions"][0]["edited"] = True
        data["questions"][0]["prompt"] = "Kept by its flag?"

    previous = through_file(first_run(), tmp_path, legacy)
    assert previous.generated is None
    merged, _ = merge_bank(previous, [generated_question("a1", A_DOC, A_TEXT, 0, prompt="New a1?"),
                                      generated_question("a2", A_DOC, A_TEXT, 1, prompt="New a2?")], {A_DOC: A_TEXT})
    # no hashes: a3 cannot be told from a generated question, and is dropped as before (and counted)
    assert {q.id: q.prompt for q in merged.questions} == {"a1": "Kept by its flag?", "a2": "New a2?"}


CHANGED_TEXTS = [
    # the approved question's sentence (sentence 2) rewritten: flagged
    (A_TEXT.replace("4 million pounds", "6 million pounds"), True),
    # the sentence removed altogether: flagged
    (A_TEXT.replace("Mayor Ruth Okafor said the work would cost 4 million pounds. ", ""), True),
    # negative: another sentence changed and the approved one moved along: still grounded
    ("Late on Monday, the Kelvale council approved a new harbour wall. "
     "Mayor Ruth Okafor said the work would cost 4 million pounds. Fishermen in Port Daren welcomed the plan.", False),
    # negative: the text did not change at all
    (A_TEXT, False),
]


@pytest.mark.parametrize("new_text, flagged", CHANGED_TEXTS)
def test_an_approved_question_whose_sentence_changed_is_flagged_and_withheld(tmp_path, new_text, flagged):
    from studyaid.bank import merge_bank
    from studyaid.export.common import exportable

    def approve(data):
        data["questions"][1]["status"] = "approved"

    previous = through_file(first_run(), tmp_path, approve)
    regenerated = [generated_question("a1", A_DOC, new_text, 0)]
    merged, report = merge_bank(previous, regenerated, {A_DOC: new_text})
    approved = by_id(merged)["a2"]
    assert approved.status == "approved"
    assert (approved.needs_review is not None) == flagged and approved.withheld == flagged
    assert report.flagged == (["a2"] if flagged else [])
    kept, skipped = exportable(merged.questions)
    assert ("a2" in {q.id for q, _ in skipped}) == flagged
    if flagged:
        assert A_DOC in approved.needs_review
        # a teacher approves it again (removes the flag): the same text does not flag it a second time
        reapproved = through_file(merged, tmp_path, lambda d: [q.update(needs_review=None) for q in d["questions"]])
        again, report = merge_bank(reapproved, regenerated, {A_DOC: new_text})
        assert by_id(again)["a2"].needs_review is None and report.flagged == []


def test_an_untouched_question_of_a_changed_article_is_regenerated_not_flagged(tmp_path):
    from studyaid.bank import merge_bank

    previous = through_file(first_run(), tmp_path, nothing)
    new_text = A_TEXT.replace("4 million pounds", "6 million pounds")
    merged, report = merge_bank(previous, [generated_question("a2", A_DOC, new_text, 1, prompt="New a2?")],
                                {A_DOC: new_text})
    assert by_id(merged)["a2"].prompt == "New a2?" and by_id(merged)["a2"].needs_review is None
    assert report.flagged == [] and sorted(by_id(merged)) == ["a2"]
