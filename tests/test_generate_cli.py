"""``studyaid generate``: the bank it writes, kinds, errors; the seeds are parsed once for the module."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.bank import read_bank
from studyaid.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = sorted(p.name for p in (ROOT / "seeds").iterdir() if p.suffix == ".txt")
ONE = "seeds/000_b1d492de8d97f4be.txt"  # one article: quicker where the whole corpus is not needed


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    """This session's parse cache (shared with tests/questions/test_seed_questions.py): seeds parsed once."""
    folder = tmp_path_factory.getbasetemp() / "studyaid-parse-cache"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def environment(monkeypatch, cache_dir):
    monkeypatch.setenv("STUDYAID_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(ROOT)  # "seeds" as given, relative to the working folder


@pytest.fixture(scope="module")
def bank_file(tmp_path_factory, cache_dir):
    out = tmp_path_factory.mktemp("bank") / "bank.json"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("STUDYAID_CACHE_DIR", str(cache_dir))
        mp.chdir(ROOT)
        assert main(["generate", "seeds", "-o", str(out), "--quiet"]) == 0
    return out


def test_generate_writes_a_bank(bank_file):
    bank = read_bank(bank_file)
    assert bank.documents == [f"seeds/{name}" for name in SEED_FILES]
    assert len(bank.questions) >= 60
    assert {q.kind for q in bank.questions} == {"mcq", "cloze"}
    assert {q.fact_type for q in bank.questions} == {"quote", "quantity", "place", "role", "date"}


def test_sources_are_paths_relative_to_the_working_folder_as_given(bank_file):
    bank = read_bank(bank_file)
    documents = {s.document for q in bank.questions for s in q.sources}
    assert documents <= {f"seeds/{name}" for name in SEED_FILES}
    assert len(documents) >= 3
    for q in bank.questions:
        for s in q.sources:
            assert (ROOT / s.document).read_text(encoding="utf-8")[s.start:s.end] == s.sentence


def test_quiet_prints_nothing(tmp_path, capsys):
    out = tmp_path / "bank.json"
    assert main(["generate", ONE, "-o", str(out), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert {s.document for q in read_bank(out).questions for s in q.sources} == {ONE}


def test_summary_without_quiet(tmp_path, capsys):
    out = tmp_path / "bank.json"
    assert main(["generate", ONE, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "questions from" in err and "dropped:" in err and f"wrote {out}" in err.replace("\n", "")


def test_same_input_same_bank_and_a_seed_changes_options_not_ids(tmp_path):
    first, again, seeded = tmp_path / "first.json", tmp_path / "again.json", tmp_path / "seeded.json"
    for out, seed in ((first, "0"), (again, "0"), (seeded, "7")):
        assert main(["generate", ONE, "-o", str(out), "--seed", seed, "--quiet"]) == 0
    assert again.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    a, b = read_bank(first).questions, read_bank(seeded).questions
    assert sorted(q.id for q in a) == sorted(q.id for q in b)
    by_id = {q.id: q for q in b}
    assert any(q.options != by_id[q.id].options for q in a if q.kind == "mcq")


def test_kinds_mcq_gives_only_mcq(tmp_path):
    out = tmp_path / "bank.json"
    assert main(["generate", "seeds", "-o", str(out), "--kinds", "mcq", "--quiet"]) == 0
    questions = read_bank(out).questions
    assert len(questions) >= 30 and {q.kind for q in questions} == {"mcq"}


@pytest.mark.parametrize("kinds, expected", [("cloze", {"cloze"}), (" mcq , cloze ", {"mcq", "cloze"})])
def test_kinds(tmp_path, kinds, expected):
    out = tmp_path / "bank.json"
    assert main(["generate", ONE, "-o", str(out), "--kinds", kinds, "--quiet"]) == 0
    assert {q.kind for q in read_bank(out).questions} == expected


@pytest.mark.parametrize("kinds", ["essay", "mcq,essay", "", ","])
def test_bad_kinds_error_clearly(tmp_path, capsys, kinds):
    out = tmp_path / "bank.json"
    assert main(["generate", "seeds", "-o", str(out), "--kinds", kinds, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("studyaid: error:") and "--kinds" in err and "mcq" in err and "cloze" in err
    if kinds.strip(", "):
        assert "essay" in err
    assert not out.exists()


def test_no_readable_documents(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "bank.json"
    assert main(["generate", str(empty), "-o", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "no readable documents" in err and "empty.txt" in err
    assert not out.exists()


def test_an_unwritable_output_is_an_error_not_a_traceback(tmp_path, capsys):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    out = blocker / "bank.json"
    assert main(["generate", ONE, "-o", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("studyaid: error:") and str(out) in err


@pytest.mark.parametrize("where", ["under-a-file", "a-folder"])
def test_an_unwritable_facts_json_is_an_error_naming_it(tmp_path, capsys, where):
    """Issue 13 item 8: was a PermissionError/NotADirectoryError traceback."""
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "facts.json" if where == "under-a-file" else tmp_path
    assert main(["generate", ONE, "-o", str(tmp_path / "bank.json"), "--facts-json", str(target), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("studyaid: error:") and str(target) in err and "Traceback" not in err


def test_facts_json_next_to_the_bank(tmp_path):
    out, facts = tmp_path / "bank.json", tmp_path / "facts.json"
    assert main(["generate", ONE, "-o", str(out), "--facts-json", str(facts),
                 "--quiet"]) == 0
    data = json.loads(facts.read_text(encoding="utf-8"))
    assert data["documents"] == [ONE] and data["facts"]


def test_regenerating_keeps_what_a_teacher_did(tmp_path, capsys):
    """An edited, an approved and a rejected question survive regeneration into the same bank file."""
    out = tmp_path / "bank.json"
    assert main(["generate", ONE, "-o", str(out), "--quiet"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    edited, approved, rejected = data["questions"][:3]
    edited.update(prompt="Who said it? (edited by the teacher)", edited=True)
    approved["status"] = "approved"
    rejected["status"] = "rejected"
    out.write_text(json.dumps(data), encoding="utf-8")
    assert main(["generate", ONE, "-o", str(out)]) == 0
    assert "kept 3 question(s) a teacher edited, approved or rejected" in capsys.readouterr().err
    again = {q.id: q for q in read_bank(out).questions}
    assert again[edited["id"]].prompt == "Who said it? (edited by the teacher)" and again[edited["id"]].edited
    assert again[approved["id"]].status == "approved"
    assert again[rejected["id"]].status == "rejected"
    assert len(again) == len(data["questions"])  # nothing added twice, nothing lost


def test_a_broken_bank_file_is_never_overwritten(tmp_path, capsys):
    out = tmp_path / "bank.json"
    out.write_text("{ not json", encoding="utf-8")
    assert main(["generate", ONE, "-o", str(out), "--quiet"]) == 2
    assert "bank.json" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "{ not json"


def test_merging_into_a_bank_keeps_hand_edits_hand_added_other_documents_and_deletions(tmp_path, capsys):
    """Issue 13 item 4 through the real command: nothing a teacher did in the file is lost."""
    out, other = tmp_path / "bank.json", "seeds/001_19d649231e99c853.txt"
    assert main(["generate", ONE, "-o", str(out), "--quiet"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    first = {q["id"] for q in data["questions"]}
    hand_edit, deleted = data["questions"][0], data["questions"][1]
    hand_edit["prompt"] = "Who gave the warning? (changed in the file, no edited flag)"
    data["questions"].remove(deleted)
    data["questions"].append(dict(hand_edit, id="teacher-own-1", prompt="A question I wrote myself?"))
    out.write_text(json.dumps(data), encoding="utf-8")

    assert main(["generate", other, "-o", str(out)]) == 0  # another document into the same bank
    err = capsys.readouterr().err
    assert "kept 1 question(s) added by hand" in err and "of documents not read in this run" in err
    after_b = {q.id: q for q in read_bank(out).questions}
    assert first - {deleted["id"]} <= set(after_b) and "teacher-own-1" in after_b
    assert any(s.document == other for q in after_b.values() for s in q.sources)

    assert main(["generate", ONE, "-o", str(out), "--quiet"]) == 0  # the first document again
    again = read_bank(out)
    questions = {q.id: q for q in again.questions}
    assert questions[hand_edit["id"]].prompt == hand_edit["prompt"]
    assert deleted["id"] not in questions and deleted["id"] in again.deleted
    assert questions["teacher-own-1"].prompt == "A question I wrote myself?"


def test_an_approved_question_is_flagged_when_its_article_changes(tmp_path, capsys):
    """Issue 13 item 7: the article's sentence rewritten, the approved question withheld until approved again."""
    article = tmp_path / "article.txt"
    article.write_text((ROOT / ONE).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "bank.json"
    assert main(["generate", str(article), "-o", str(out), "--quiet"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    approved, untouched_sentences = data["questions"][0], {s["sentence"] for s in data["questions"][0]["sources"]}
    approved["status"] = "approved"
    out.write_text(json.dumps(data), encoding="utf-8")
    text = article.read_text(encoding="utf-8")
    for sentence in untouched_sentences:
        text = text.replace(sentence, "The committee will meet again next spring.")
    article.write_text(text, encoding="utf-8")

    assert main(["generate", str(article), "-o", str(out)]) == 0
    assert "flagged 1 question(s) for review" in capsys.readouterr().err
    flagged = {q.id: q for q in read_bank(out).questions}[approved["id"]]
    assert flagged.status == "approved" and flagged.needs_review and flagged.withheld
    assert main(["export", str(out), "-o", str(tmp_path / "deck.csv"), "--quiet"]) == 0
    assert approved["id"] not in (tmp_path / "deck.csv").read_text(encoding="utf-8-sig")
