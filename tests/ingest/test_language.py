"""Non-English documents (issue 13 item 8: German and Spanish pages gave English-template nonsense with
no warning) are skipped with a message naming the file and the language; English ones are read."""
from __future__ import annotations

import pytest

from studyaid.cli import main
from studyaid.errors import InputError
from studyaid.ingest import iter_documents, read_document
from studyaid.ingest.language import check_english

GERMAN = ("Der Stadtrat von Kelvale hat am Montag eine neue Hafenmauer genehmigt. Bürgermeisterin Ruth Okafor "
          "sagte, die Arbeiten würden vier Millionen Pfund kosten und zwei Jahre dauern. Die Fischer im Hafen "
          "begrüßten den Plan, aber einige Anwohner befürchten Lärm während der Bauzeit.")
SPANISH = ("El ayuntamiento de Kelvale aprobó el lunes un nuevo muro para el puerto. La alcaldesa Ruth Okafor dijo "
           "que las obras costarán cuatro millones de libras y durarán dos años. Los pescadores del puerto "
           "celebraron el plan, pero algunos vecinos temen el ruido durante las obras.")
FRENCH = ("Le conseil municipal de Kelvale a approuvé lundi un nouveau mur pour le port. La maire Ruth Okafor a "
          "déclaré que les travaux coûteraient quatre millions de livres et dureraient deux ans, et les pêcheurs "
          "du port ont salué le projet.")
ENGLISH = ("The Kelvale council approved a new harbour wall on Monday. Mayor Ruth Okafor said the work would cost "
           "four million pounds and take two years. Fishermen in the port welcomed the plan, but some residents "
           "fear noise during the building work.")
RESULTS = ("Kelvale Rovers 3-1 Port Daren Athletic. Lisdar United 0-0 Brandt Town. Okafor 12, 55, Silva 78; "
           "Rees 40. Attendance: 12,408. Referee: Tom Brandt. Kelvale Rovers: Okafor, Silva, Rees, Lee, Amara, "
           "Cole, Dunn, Hart, Ibe, Moss, Nash. Subs not used: Park, Quinn. Booked: Silva, Rees. Next: Lisdar "
           "United v Kelvale Rovers on Saturday at the ground in Lisdar.")


@pytest.mark.parametrize("text, language", [
    (GERMAN, "German"),
    (SPANISH, "Spanish"),
    (FRENCH, "French"),
])
def test_a_document_in_another_language_is_named_and_skipped(tmp_path, text, language):
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="not in English") as info:
        read_document(path)
    assert str(path) in str(info.value) and f"reads as {language}" in str(info.value)


@pytest.mark.parametrize("text", [
    ENGLISH,
    RESULTS,  # a results list: few function words, still English
    ENGLISH + " " + "Ein Sprecher sagte: „Wir sind sehr froh.“",  # English quoting a little German
    "Kelvale Rovers 3-1 Port Daren.",  # too short to judge
])
def test_english_documents_are_read(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).text == text
    check_english(str(path), text)


def test_a_folder_reads_the_english_and_names_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GERMAN, encoding="utf-8")
    errors: list[InputError] = []
    assert [d.path for d in iter_documents(tmp_path, on_error=errors.append)] == [str(tmp_path / "a.txt")]
    assert [e.path for e in errors] == [str(tmp_path / "b.txt")] and "German" in errors[0].problem


def test_generate_says_which_file_was_skipped(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("STUDYAID_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "300")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    assert main(["generate", str(tmp_path / "docs"), "-o", str(tmp_path / "bank.json")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "spanish.txt" in err and "not in English" in err and "Spanish" in err
