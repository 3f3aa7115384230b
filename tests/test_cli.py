"""The command line: help, JSON output, bad files reported by name, missing paths."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyaid.cli import main
from studyaid.facts import FactSet

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RUTTE = ('"Why are we interested in what Russia thinks about troops in Ukraine?" Rutte said. '
         '"It\'s a sovereign country."\n')


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    """One parse cache for the module, so the seeds are parsed once whatever the test order."""
    return tmp_path_factory.mktemp("cli-cache")


@pytest.fixture(autouse=True)
def environment(monkeypatch, cache_dir, nlp):
    monkeypatch.setenv("STUDYAID_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("COLUMNS", "300")  # rich tables wide enough not to wrap the text asserted on
    monkeypatch.delenv("STUDYAID_MAX_BYTES", raising=False)


def test_help():
    result = subprocess.run([sys.executable, "-m", "studyaid", "--help"], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "facts" in result.stdout and "STUDYAID_MODEL" in result.stdout


def test_no_command_prints_help(capsys):
    assert main([]) == 1
    assert "facts" in capsys.readouterr().out


def test_facts_json_file(tmp_path, capsys):
    out = tmp_path / "facts.json"
    assert main(["facts", str(SEEDS), "--json", str(out), "--quiet"]) == 0
    facts = FactSet.model_validate_json(out.read_text(encoding="utf-8"))
    assert len(facts.documents) == 5 and facts.problems == []
    assert {"quote", "quantity", "place", "role", "date"} <= {f.type for f in facts.facts}
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""  # quiet: nothing but errors


def test_facts_json_to_stdout(capsys):
    assert main(["facts", str(SEEDS / "001_19d649231e99c853.txt"), "--json", "-", "--quiet"]) == 0
    facts = FactSet.model_validate_json(capsys.readouterr().out)
    assert [Path(d).name for d in facts.documents] == ["001_19d649231e99c853.txt"]


def test_tables_keep_brackets_of_the_text(capsys):
    # seed 001 quotes Carpenter saying "the Coalition of [the] Willing": not terminal markup
    assert main(["facts", str(SEEDS / "001_19d649231e99c853.txt")]) == 0
    out = capsys.readouterr().out
    assert "Who said what" in out and "Michael Carpenter" in out
    assert "Coalition of [the] Willing" in out


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "good.txt").write_text(RUTTE, encoding="utf-8")
    return folder


def test_bad_files_are_reported_by_name_and_the_good_one_read(mixed_folder, tmp_path, capsys):
    out = tmp_path / "facts.json"
    assert main(["facts", str(mixed_folder), "--json", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "empty.txt" in err and "binary.txt" in err
    facts = FactSet.model_validate_json(out.read_text(encoding="utf-8"))
    assert [Path(d).name for d in facts.documents] == ["good.txt"]
    assert sorted(Path(p.split(":")[0].split("] ")[-1]).name for p in facts.problems) == ["binary.txt", "empty.txt"]
    assert [(f.speaker.name, f.text) for f in facts.of_type("quote")][0] == (
        "Rutte", "Why are we interested in what Russia thinks about troops in Ukraine?")


def test_bad_files_are_listed_under_the_tables(mixed_folder, capsys):
    assert main(["facts", str(mixed_folder)]) == 0
    out = capsys.readouterr().out
    assert "skipped" in out and "empty.txt" in out and "binary.txt" in out


def test_missing_path(tmp_path, capsys):
    missing = tmp_path / "no-such-article.txt"
    assert main(["facts", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err.replace("\n", "")


def test_missing_path_next_to_a_good_one(tmp_path, capsys):
    good = tmp_path / "good.txt"
    shutil.copy(SEEDS / "000_b1d492de8d97f4be.txt", good)
    missing = tmp_path / "[draft] missing.txt"
    out = tmp_path / "facts.json"
    assert main(["facts", str(good), str(missing), "--json", str(out), "--quiet"]) == 0
    assert str(missing) in capsys.readouterr().err.replace("\n", "")
    facts = FactSet.model_validate_json(out.read_text(encoding="utf-8"))
    assert [Path(d).name for d in facts.documents] == ["good.txt"]
    assert len(facts.problems) == 1 and str(missing) in facts.problems[0]


@pytest.mark.parametrize("where", ["under-a-file", "a-folder"])
def test_json_file_that_cannot_be_written(tmp_path, capsys, where):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    target = blocker / "facts.json" if where == "under-a-file" else tmp_path
    assert main(["facts", str(SEEDS / "001_19d649231e99c853.txt"), "--json", str(target), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err and "cannot write" in err
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]  # no temporary file left


def test_json_file_in_a_new_folder_is_written(tmp_path):
    target = tmp_path / "new-folder" / "facts.json"
    assert main(["facts", str(SEEDS / "001_19d649231e99c853.txt"), "--json", str(target), "--quiet"]) == 0
    assert FactSet.model_validate_json(target.read_text(encoding="utf-8")).documents
