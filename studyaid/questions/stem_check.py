"""Running the stem checker over a bank: each distinct question text parsed once, and the verdicts kept on
disk between runs so an unchanged question is never parsed again. The rules themselves are in
:mod:`.stems`."""
from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

from . import stems
from .stems import cloze_problem, stem_problem


class StemVerdicts:
    """What the stem checker said of each question text, kept on disk between runs (next to the parse
    cache), so a re-run with nothing new parses no question again. Keyed by the pipeline, this module's
    code and the text; a missing or unreadable file is an empty memory, never an error."""

    def __init__(self, path: Path | None, parser=None) -> None:
        self.path = path
        self.salt = _salt(parser)
        self.verdicts: dict[str, str] = {}
        self.changed = False
        if path is not None and path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                warnings.warn(f"{path}: stem-check cache unreadable ({exc}); starting a new one")
            else:
                self.verdicts = {k: v for k, v in loaded.items() if isinstance(v, str)} if isinstance(loaded, dict) else {}

    def key(self, kind: str, text: str) -> str:
        return hashlib.sha1(f"{self.salt}|{kind}|{text}".encode("utf-8")).hexdigest()

    def get(self, kind: str, text: str) -> str | None:
        return self.verdicts.get(self.key(kind, text))

    def put(self, kind: str, text: str, problem: str | None) -> None:
        self.verdicts[self.key(kind, text)] = problem or ""
        self.changed = True

    def save(self) -> None:
        if self.path is not None and self.changed:
            from ..atomic import write_text

            write_text(self.path, json.dumps(self.verdicts))
            self.changed = False


def _salt(parser) -> str:
    meta = getattr(parser, "meta", {}) or {}
    code = hashlib.sha1(Path(stems.__file__).read_bytes() + Path(__file__).read_bytes()).hexdigest()[:12]
    return f"{meta.get('name', '?')}-{meta.get('version', '?')}|{code}"


def _judge(doc, q) -> str | None:
    """The stem checker's verdict on one question, ``doc`` the parse of its stem or of its cloze sentence."""
    if q.kind == "mcq":
        return stem_problem(doc)
    at = doc.text.find(q.answer)
    return cloze_problem(doc, (at, at + len(q.answer)) if at >= 0 else None)


def _sentence_parses(parser):
    """The sentences ``parser`` parsed in their articles in the last corpus extracted with it, if any."""
    from spacy.language import Language

    from ..nlp import sentence_parses

    return sentence_parses(parser) if isinstance(parser, Language) else None


def stem_check_setting(parser, verdicts: StemVerdicts | None) -> str:
    """What the verdicts of :func:`check_stems` depend on besides the questions: the pipeline, the rules'
    code and which documents' sentence parses it has (a saved result is keyed by it)."""
    if parser is None:
        return "no stem check"
    in_articles = _sentence_parses(parser)
    documents = in_articles.documents() if in_articles is not None else []
    salt = verdicts.salt if verdicts is not None else _salt(parser)
    return json.dumps([salt, hashlib.sha1("\x00".join(documents).encode("utf-8", "surrogatepass")).hexdigest()])


def check_stems(questions: list, parser, batch_size: int = 64,
                verdicts: StemVerdicts | None = None) -> tuple[list, list]:
    """Split the questions into well-formed and dropped (texts ``verdicts`` already judged are not judged
    again). A multiple choice is judged on its stem, parsed (``parser.pipe``, each distinct text once);
    a cloze on its sentence with the answer in place (the answer is part of the key), as the article's
    own parse read it (:func:`~studyaid.nlp.sentence_parses`: the last corpus extracted with ``parser``),
    and parsed alone only when that parse was not kept."""
    from .model import Dropped

    verdicts = verdicts if verdicts is not None else StemVerdicts(None, parser)
    in_articles = _sentence_parses(parser)

    def key(q) -> tuple[str, str]:
        return (q.kind, q.prompt) if q.kind == "mcq" else (q.kind, f"{q.sources[0].sentence}\x00{q.answer}")

    waiting: dict[tuple[str, str], object] = {}  # a verdict to find -> the first question judged on it
    for q in questions:
        k = key(q)
        if k not in waiting and verdicts.get(*k) is None:
            waiting[k] = q
    if in_articles:  # clozes in document order (stable), so each document's sentence parses are decoded once
        for k, q in sorted(((k, q) for k, q in waiting.items() if q.kind != "mcq"),
                           key=lambda item: item[1].sources[0].document):
            source = q.sources[0]
            doc = in_articles.get(source.document, source.start, source.end, source.sentence)
            if doc is not None:
                verdicts.put(*k, _judge(doc, q))
                del waiting[k]
    by_text: dict[str, dict[tuple[str, str], object]] = {}  # a text to parse -> the questions judged on it
    for k, q in waiting.items():
        by_text.setdefault(q.prompt if q.kind == "mcq" else q.sources[0].sentence, {})[k] = q
    # each distinct text parsed once: a sentence with three facts is one parse for its three clozes
    for doc, judged in zip(parser.pipe(list(by_text), batch_size=batch_size), by_text.values()):
        for (kind, k), q in judged.items():
            verdicts.put(kind, k, _judge(doc, q))
    kept, dropped = [], []
    for q in questions:
        problem = verdicts.get(*key(q))
        if not problem:
            kept.append(q)
        else:
            dropped.append(Dropped(fact_id=q.fact_id, fact_type=q.fact_type, kind=q.kind, reason=problem,
                                   detail=q.prompt[:80]))
    return kept, dropped
