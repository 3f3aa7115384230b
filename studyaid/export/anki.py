"""Questions to an Anki package (``.apkg``) with genanki.

Stable identities make a re-imported deck update in place: the note types have fixed ids
(:mod:`.anki_models`), the deck id is a hash of the deck name, and each note's GUID comes from the
question's stable id in the ``studyaid`` namespace. Anki updates a known note only when the package's
copy is newer, so ``timestamp`` (seconds since the epoch, as genanki's ``write_to_file``) makes a
build hermetic and lets tests order two exports made in the same second.
"""
from __future__ import annotations

import hashlib
import html
import itertools
import json
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Sequence

import genanki

from ..questions.model import Question
from .anki_models import cloze_model, mcq_model
from .common import (MAX_SOURCES_SHOWN, Gap, cloze_parts, correct_index, display_options, document_name,
                     Titles, one_line, tags_for)
from .files import atomic_target

GUID_NAMESPACE = "studyaid"

# Inside a cloze gap Anki reads "::" (hint) and "}}" (end): written as character references they
# show the same and parse as text. Outside gaps "{{" could start a gap or a field: same treatment.
_CLOZE_SAFE = {ord("{"): "&#123;", ord("}"): "&#125;", ord(":"): "&#58;"}


def deck_id(name: str) -> int:
    """A stable id in genanki's recommended range [2**30, 2**31) from the deck name."""
    digest = hashlib.sha1(f"studyaid deck|{name}".encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(question: Question) -> str:
    return genanki.guid_for(GUID_NAMESPACE, question.id)


def text_html(text: str) -> str:
    """Plain text as HTML: escaped, whitespace runs as one space."""
    return html.escape(one_line(text))


def choices_html(options: Sequence[str], correct: int | None = None) -> str:
    """An ``<ol type="A">`` of the options; with ``correct``, the right one is marked in text too."""
    css = "sa-choices sa-marked" if correct is not None else "sa-choices"
    items = []
    for i, option in enumerate(options):
        body = text_html(option)
        if i == correct:
            items.append(f'<li class="sa-correct"><span class="sa-mark">&#10004;</span> <b>{body}</b> '
                         f'<span class="sa-label">(right answer)</span></li>')
        else:
            items.append(f"<li>{body}</li>")
    return f'<ol class="{css}" type="A">' + "".join(items) + "</ol>"


def source_html(question: Question, titles: Titles | None = None) -> str:
    """Each source sentence with its document's title (the first few, then how many more)."""
    shown = question.sources[:MAX_SOURCES_SHOWN]
    parts = [f'<div class="sa-sentence">{text_html(s.sentence)}</div>'
             f'<div class="sa-doc">Source: {html.escape(document_name(s.document, titles))}</div>' for s in shown]
    more = len(question.sources) - len(shown)
    if more > 0:
        parts.append(f'<div class="sa-doc">and {more} more source{"s" if more > 1 else ""}</div>')
    return "".join(parts)


def cloze_html(question: Question) -> str:
    """``question.cloze`` as an Anki cloze field: text escaped, gaps kept as ``{{cN::...}}``."""
    out = []
    for part in cloze_parts(question):
        if isinstance(part, Gap):
            gap = f"{{{{c{part.number}::{text_html(part.answer).translate(_CLOZE_SAFE)}"
            if part.hint:
                gap += "::" + text_html(part.hint).translate(_CLOZE_SAFE)
            out.append(gap + "}}")
        else:
            out.append(html.escape(part).translate(_CLOZE_SAFE))
    return one_line("".join(out))


def mcq_fields(question: Question, titles: Titles | None = None) -> list[str]:
    options = display_options(question)
    right = correct_index(question, options)
    return [text_html(question.prompt), choices_html(options), choices_html(options, right),
            text_html(question.explanation), source_html(question, titles), html.escape(question.id)]


def cloze_fields(question: Question, titles: Titles | None = None) -> list[str]:
    return [cloze_html(question), text_html(question.explanation), source_html(question, titles),
            html.escape(question.id)]


def note_for(question: Question, models: dict[str, genanki.Model], titles: Titles | None = None) -> genanki.Note:
    fields = mcq_fields(question, titles) if question.kind == "mcq" else cloze_fields(question, titles)
    return genanki.Note(model=models[question.kind], fields=fields, tags=tags_for(question, titles),
                        guid=note_guid(question))


def build_deck(questions: Sequence[Question], deck_name: str, titles: Titles | None = None) -> genanki.Deck:
    """A deck of already-filtered questions (see :func:`.common.exportable`); sources named by ``titles``."""
    models = {"mcq": mcq_model(), "cloze": cloze_model()}
    deck = genanki.Deck(deck_id(deck_name), deck_name, description="Made by studyaid from news articles.")
    for model in models.values():
        deck.add_model(model)
    for question in questions:
        deck.add_note(note_for(question, models, titles))
    return deck


def write_apkg(questions: Sequence[Question], path: str | Path, deck_name: str,
               timestamp: float | None = None, titles: Titles | None = None) -> Path:
    """Write the package atomically (temp file + rename)."""
    package = genanki.Package(build_deck(questions, deck_name, titles))
    with atomic_target(path) as tmp:
        write_package(package, tmp, timestamp)
    return Path(path)


def write_package(package: genanki.Package, path: Path, timestamp: float | None = None) -> None:
    """``genanki.Package.write_to_file`` without its leak: it leaves its SQLite file in the temp folder.

    Same content: the collection written by ``write_to_db`` (ids counted from ``timestamp`` in ms),
    zipped as ``collection.anki2`` with an empty ``media`` map.
    """
    timestamp = time.time() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="studyaid-apkg-") as folder:
        db = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(db)
        try:
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(db, "collection.anki2")
            archive.writestr("media", json.dumps({}))
