"""Question banks to study and teaching formats, chosen by the output file's extension.

``export(questions, "decks/news.apkg")`` writes an Anki package; ``.gift`` and ``.xml`` are Moodle
GIFT and Moodle XML, ``.csv`` a spreadsheet, ``.json`` the bank itself. Rejected questions and
questions that cannot be shown (a multiple choice whose answer is not an option, a cloze without a
gap) are left out of every format but the bank, and listed in the result with the reason.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import StudyaidError
from ..questions.model import Question
from .common import documents_of, exportable

FORMATS = {
    ".apkg": "Anki package",
    ".gift": "Moodle GIFT",
    ".xml": "Moodle XML",
    ".csv": "CSV spreadsheet",
    ".json": "studyaid question bank",
}

__all__ = ["FORMATS", "ExportError", "Exported", "export", "format_of"]


class ExportError(StudyaidError):
    """The output cannot be written in the format asked for."""

    code = "E400"


@dataclass
class Exported:
    path: Path
    format: str  # the extension, e.g. ".apkg"
    deck_name: str
    written: Counter = field(default_factory=Counter)  # questions written, by kind
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (question id, reason)

    @property
    def total(self) -> int:
        return sum(self.written.values())


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        supported = ", ".join(f"{ext} ({name})" for ext, name in FORMATS.items())
        what = f"'{suffix}' is not an export format" if suffix else "no file extension to tell the format"
        raise ExportError(f"{path}: {what}; use one of {supported}")
    return suffix


def export(questions: Iterable[Question], path: str | Path, deck_name: str | None = None,
           timestamp: float | None = None, documents: list[str] | None = None,
           titles: Mapping[str, str] | None = None) -> Exported:
    """Write ``questions`` to ``path`` in the format its extension names.

    ``deck_name`` (default: the file's stem) names the Anki deck and the Moodle category.
    ``timestamp`` (seconds since the epoch) stamps Anki notes, for hermetic builds; default now.
    ``documents`` is the bank's document list for ``.json`` (default: the questions' sources).
    ``titles`` names sources by their articles' titles (``{document: title}``); without one, by file name.
    """
    path = Path(path)
    fmt = format_of(path)
    questions = list(questions)
    name = deck_name or path.stem
    if fmt == ".json":
        from ..bank import Bank, write_bank

        write_bank(Bank(documents=documents if documents is not None else documents_of(questions),
                        questions=questions), path)
        return Exported(path, fmt, name, Counter(q.kind for q in questions))
    kept, skipped = exportable(questions)
    try:
        _write(fmt, kept, path, name, timestamp, titles)
    except OSError as exc:  # a file where a folder should be, no permission, a full disk
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return Exported(path, fmt, name, Counter(q.kind for q in kept), [(q.id, reason) for q, reason in skipped])


def _write(fmt: str, questions: list[Question], path: Path, name: str, timestamp: float | None,
           titles: Mapping[str, str] | None) -> None:
    if fmt == ".apkg":
        from .anki import write_apkg

        write_apkg(questions, path, name, timestamp=timestamp, titles=titles)
    elif fmt == ".gift":
        from .gift import write_gift

        write_gift(questions, path, category=name, titles=titles)
    elif fmt == ".xml":
        from .moodle import write_moodle_xml

        write_moodle_xml(questions, path, category=name, titles=titles)
    else:
        from .csv import write_csv

        write_csv(questions, path, titles=titles)
