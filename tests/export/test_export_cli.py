"""The ``export`` and ``build`` commands."""
from __future__ import annotations

import csv
import io
import shutil
from collections import Counter
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from studyaid.bank import Bank, read_bank, write_bank
from studyaid.document import Source
from studyaid.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def bank_file(seeds_bank, tmp_path):
    return write_bank(seeds_bank, tmp_path / "bank.json")


def note_count(apkg) -> int:
    col = Collection(str(apkg.parent / "check.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
        col.import_anki_package(request)
        return col.note_count()
    finally:
        col.close()


def test_export_writes_the_format_of_the_extension(bank_file, seeds_bank, tmp_path, capsys):
    kinds = Counter(q.kind for q in seeds_bank.questions)
    out = tmp_path / "decks" / "world.apkg"
    assert main(["export", str(bank_file), "-o", str(out), "--deck-name", "World news"]) == 0
    err = capsys.readouterr().err
    assert (f'wrote {len(seeds_bank.questions)} notes to {out} (deck "World news"): '
            f'{kinds["mcq"]} multiple choice, {kinds["cloze"]} cloze') in err
    assert note_count(out) == len(seeds_bank.questions)

    for ext in (".gift", ".xml", ".csv", ".json"):
        assert main(["export", str(bank_file), "-o", str(tmp_path / f"world{ext}")]) == 0
        assert (tmp_path / f"world{ext}").stat().st_size > 0
    assert f"wrote {len(seeds_bank.questions)} questions to" in capsys.readouterr().err
    assert read_bank(tmp_path / "world.json") == seeds_bank


def test_export_defaults_to_an_anki_deck_in_decks(bank_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "bank.json", "--quiet"]) == 0
    assert (tmp_path / "decks" / "bank.apkg").is_file()


def test_export_reports_left_out_questions(seeds_bank, tmp_path, capsys):
    bank = seeds_bank.model_copy(update={"questions": [q.model_copy(update={"status": "rejected"}) if i < 2 else q
                                                       for i, q in enumerate(seeds_bank.questions)]})
    write_bank(bank, tmp_path / "bank.json")
    assert main(["export", str(tmp_path / "bank.json"), "-o", str(tmp_path / "x.gift")]) == 0
    assert "left out 2: 2 rejected" in capsys.readouterr().err


def test_unknown_extension_is_a_clear_error(bank_file, tmp_path, capsys):
    assert main(["export", str(bank_file), "-o", str(tmp_path / "deck.docx")]) == 2
    err = capsys.readouterr().err
    assert "'.docx' is not an export format" in err
    for ext in (".apkg", ".gift", ".xml", ".csv", ".json"):
        assert ext in err
    assert main(["export", str(tmp_path / "missing.json"), "-o", str(tmp_path / "d.txt")]) == 2  # checked first
    assert "'.txt' is not an export format" in capsys.readouterr().err


def test_missing_bank_is_a_clear_error(tmp_path, capsys):
    assert main(["export", str(tmp_path / "missing.json"), "-o", str(tmp_path / "d.apkg")]) == 2
    assert "missing.json: no such bank file" in capsys.readouterr().err


def test_build_generates_and_exports_in_one_step(nlp, tmp_path, monkeypatch, capsys):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEEDS / "002_05a3f4babbf037db.txt", articles)
    monkeypatch.setenv("STUDYAID_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)

    assert main(["build", "articles"]) == 0
    deck, bank_path = tmp_path / "decks" / "articles.apkg", tmp_path / "decks" / "articles.json"
    assert deck.is_file() and bank_path.is_file()
    bank = read_bank(bank_path)
    assert bank.questions and bank.documents == ["articles/002_05a3f4babbf037db.txt"]
    err = capsys.readouterr().err
    assert f'wrote {len(bank.questions)} notes to decks/articles.apkg (deck "articles")' in err
    assert note_count(deck) == len(bank.questions)

    assert main(["build", "articles", "-o", "out/quiz.xml", "--kinds", "cloze", "--quiet"]) == 0
    assert (tmp_path / "out" / "quiz.xml").is_file()
    assert {q.kind for q in read_bank(tmp_path / "out" / "quiz.json").questions} == {"cloze"}
    assert capsys.readouterr().err == ""


def test_build_with_unknown_extension_fails_before_generating(tmp_path, capsys):
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "deck.pdf")]) == 2
    assert "'.pdf' is not an export format" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


COUNCIL = ("The Kelvale council voted on Monday to cut the fares of every ferry to Tarn Island by five per cent "
           "from next spring, the mayor said. Islanders welcomed it.\n")
ARTICLES = [  # (file, content, the title the app gives it)
    ("ferry.txt", "Harbour towns vote on ferry fares\n\nThe Kelvale council voted on Monday to cut ferry fares by "
                  "5%, the mayor said.\n", "Harbour towns vote on ferry fares"),  # a heading line
    ("council.txt", COUNCIL, "The Kelvale council voted on Monday to cut the fares of every…"),  # first sentence
    ("page.html", "<html><head><title>Tarn Island ferry fares cut</title></head><body><p>The Kelvale council voted "
                  "on Monday to cut ferry fares by 5%, the mayor said. Islanders on Tarn Island welcomed the cut, "
                  "which starts in April.</p></body></html>", "Tarn Island ferry fares cut"),  # an HTML title
]


def _sourced(make_question, documents: list[str]) -> list:
    sentence = "The Kelvale council voted on Monday to cut ferry fares by 5%, the mayor said."
    return [make_question(id=f"q{i}", sources=[Source(document=d, sentence=sentence, start=0, end=len(sentence))])
            for i, d in enumerate(documents)]


def test_export_names_sources_by_the_titles_the_app_gives_them(make_question, tmp_path, monkeypatch, capsys):
    from studyaid.app.builder import add_file
    from studyaid.store import Store

    (tmp_path / "articles").mkdir()
    for name, content, _ in ARTICLES:
        (tmp_path / "articles" / name).write_text(content, encoding="utf-8")
    documents = [f"articles/{name}" for name, _, _ in ARTICLES] + ["articles/gone.txt"]
    bank = write_bank(Bank(documents=documents, questions=_sourced(make_question, documents)),
                      tmp_path / "decks" / "news.json")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the documents are named from the folder above the bank's, as build writes them
    assert main(["export", str(bank), "-o", str(tmp_path / "news.csv")]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "news.csv").read_text(encoding="utf-8-sig"))))
    named = [r["source_document"] for r in rows]
    assert named == [title for _, _, title in ARTICLES] + ["articles/gone.txt"]  # not found: named as the bank does
    assert "1 source document(s) named by file name, their titles unread: articles/gone.txt: not found" in \
        capsys.readouterr().err
    app = Store(tmp_path / "app.sqlite3")  # the app's own titles for the same files
    for name, content, _ in ARTICLES:
        add_file(app, name, content.encode("utf-8"))
    assert sorted(d.label for d in app.documents()) == sorted(named[:-1])
    assert main(["export", str(bank), "-o", str(tmp_path / "quiet.gift"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert "Tarn Island ferry fares cut" in (tmp_path / "quiet.gift").read_text(encoding="utf-8")
