"""Document titles: the heading, the HTML <title>, else the first sentence shortened cleanly at a word or
clause boundary (never a sentence cut mid-phrase on "of the"). Sentences written for these tests."""
from __future__ import annotations

import pytest

from studyaid.app.builder import add_file, add_text, fallback_title
from studyaid.store import Store

CASES = [
    # a first short unpunctuated line is the heading
    ("Harbour towns vote on ferry fares\nThe ferry board said on Monday that fares would rise.",
     "Harbour towns vote on ferry fares"),
    ("\n\n  Oulu   library opens  \nIt opened on Monday.", "Oulu library opens"),
    # no heading: the first sentence, whole when short
    ("Ferry fares rose by 5% in May. The board met on Monday.", "Ferry fares rose by 5% in May"),
    ("Dr. Okafor opened the library in St. Ives on Monday. More later.",
     "Dr. Okafor opened the library in St. Ives on Monday"),  # abbreviations end no sentence
    ("The U.S. board said fares rise. Next.", "The U.S. board said fares rise"),
    # long: cut at the last clause boundary that keeps four words
    ("Ferry fares on the northern island routes will rise by 5% in May, the harbour board said on Monday.",
     "Ferry fares on the northern island routes will rise by 5%…"),
    ("Mayor Ruth Okafor, who won the council election in Oulu last spring, said the new library would open.",
     "Mayor Ruth Okafor, who won the council election in Oulu last spring…"),
    # long, no clause boundary: a word boundary, never on a loose word
    ("The ferry board said on Monday that fares for all of the island routes would rise by five percent.",
     "The ferry board said on Monday that fares for all…"),
    ("One two three four five six seven eight nine ten eleven twelve thirteen",
     "One two three four five six seven eight nine ten eleven twelve…"),
    # a long line without a full stop is no heading
    ("Ferry fares on the northern island routes will rise again in May as the harbour board meets",
     "Ferry fares on the northern island routes will rise again in May…"),
    ("", "x.txt"),
    ("   \n\t\n", "x.txt"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_fallback_titles_are_headings_or_clean_shortenings(text, expected):
    title = fallback_title(text, "uploads/x.txt")
    assert title == expected
    assert len(title.split()) <= 13


@pytest.mark.parametrize("filename, data, expected", [
    ("001_4f2a9c.html", b"<html><head><title>Oulu opens a new library</title></head><body><p>The city of Oulu "
                        b"opened its new library on Monday, the mayor said in a statement to reporters.</p>"
                        b"<p>It holds 90,000 books.</p></body></html>", "Oulu opens a new library"),
    ("002_b71e03.txt", "Ferry fares rise in May\n\nThe harbour board said on Monday that ferry fares on every "
                       "island route would rise by 5% in May.\n".encode(), "Ferry fares rise in May"),
    ("003_c9d8e7.txt", "The harbour board said on Monday that ferry fares on every island route would rise by 5% "
                       "in May, angering residents.\nResidents said they would protest.\n".encode(),
     "The harbour board said on Monday that ferry fares on every island…"),
])
def test_stored_documents_are_named_by_title_not_file_name(tmp_path, filename, data, expected):
    document, new = add_file(Store(tmp_path / "bank.sqlite3"), filename, data)
    assert new and document.label == expected


def test_a_pasted_text_without_a_title_gets_a_clean_one(tmp_path):
    document, _ = add_text(Store(tmp_path / "bank.sqlite3"), "", "The harbour board said on Monday that ferry "
                           "fares on every island route would rise by 5% in May, angering residents.")
    assert document.label == "The harbour board said on Monday that ferry fares on every island…"
