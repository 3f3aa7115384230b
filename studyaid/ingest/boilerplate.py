"""Page junk in pasted news articles, marked as excluded spans; the text itself is never changed.

:func:`mark_junk` reads a text as paragraphs ("units": a line, or a hard-wrapped block of lines),
cuts prefixes and sign-offs (bullets, "Key Points –" labels, datelines, "— Agencies"), classifies
each unit (navigation, media player, caption, author bio, publisher notice, teaser list, repeated
paragraph, heading) and returns sorted, non-overlapping exclusions. Paragraphs, sentences and
headings are found by :mod:`.structure`; datelines and dates by :mod:`.dates`.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from ..document import Exclusion, ExclusionReason
from ..text import normal_words
from .dates import BARE_DATE, DATED_NAV, DATELINE, SIGNOFF, find_date, parse_date
from .structure import (
    BULLET,
    CLOSERS,
    DOUBLE_QUOTES,
    Span,
    Unit,
    blank,
    ends_terminal,
    is_heading,
    sentences,
    split_units,
    title_ratio,
)

# --- whole-line vocabularies -------------------------------------------------------------------
_NAV = re.compile(
    r"(?i)^(?:accessibility links|skip to (?:main )?content|skip navigation|breaking(?: news)?|updated|"
    r"summary|(?:main )?menu|search|share(?: this| on \w+)?(?: article| story| page)?|print|comments?|"
    r"advertisement|advert|sponsored(?: content)?|home|back to top|toggle navigation|sign in|log ?in|"
    r"log ?out|subscribe|save|close|next|previous|prev|live|live updates|more|show more|load more|see all|"
    r"view all|copy link|email|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|xs|sm|md|lg|xl|"
    r"xxl|\d+x\d+(?: image)?|image|photo|gallery|\d+\s*min(?:ute)?s?\s+read)$"
)
_MEDIA = re.compile(
    r"(?i)^(?:please wait|loading(?: video| player)?\W*|no media source currently available|"
    r"(?:play|pause|mute|unmute|replay|full ?screen|exit full ?screen)(?: video)?|"
    r"your browser does(?: not|n[\u2019']t) support.*|video (?:unavailable|duration.*)|embed|download|"
    r"share video|watch(?: video| live| now)?|listen(?: to this article| now)?(?:\W+\d.*)?)$"
)
_TIMECODE = re.compile(r"^(?:\d{1,2}:\d{2}(?::\d{2})?\s*/?\s*)+$")
_PHOTO_CREDIT = re.compile(
    r"(?i)^(?:(?:image|photo|picture|file photo|photograph|illustration)(?: credit)?\s*[:|]|"
    r"\(?(?:photo|image|picture)s? (?:by|courtesy)\b)|\bvia getty images\b|"
    r"\((?:photo|image|picture)s? (?:by|credit|courtesy)[^)]*\)\s*$|"
    r"^(?:[\w .-]+/)?(?:getty images|shutterstock|epa-efe|afp|ap photo|reuters|anadolu)(?:/[\w .-]+)?$"
)
_ABOUT_AUTHOR = re.compile(r"(?i)^(?:about the authors?|about (?:him|her)|author bio(?:graphy)?|the authors?)\s*:?$")
_TEASER_HEAD = re.compile(
    r"^(?:(?i:more)(?:\s+[A-Z][\w&'\u2019-]*){1,3}|"
    r"(?i:more (?:stories|news|from .{1,30}|on this (?:story|topic))|related(?: (?:articles|stories|"
    r"content|coverage|news|topics|reading))?|read (?:more|next|also)|see also|also read|"
    r"you (?:may|might) also like|recommended(?: for you| stories)?|most (?:read|popular|viewed)|"
    r"popular(?: now| stories)?|trending(?: now)?|latest (?:news|stories)|top stories|editor'?s picks))"
    r"\s*:?$"
)
_BYLINE = re.compile(
    r"^(?i:by)\s+[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3})*$"
)

# --- author bios ------------------------------------------------------------------------------
_BIO = re.compile(
    r"^(?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]*\s+is\s+(?:a|an|the)\s+[^.!?]{0,160}?\b"
    r"(?:journalist|author|reporter|correspondent|editor|producer|podcaster|writer|researcher|"
    r"contributor|columnist|freelancer|photojournalist|broadcaster|commentator)s?\b"
)
_BIO_CUE = re.compile(
    r"(?i)(?:-based\b|\b(?:based in|writes|has written|covers|has covered|experience|author of|books?|"
    r"contribut\w+|speciali[sz]\w+|focus(?:es|ing)? on|holds an?|graduated?|his work|her work|"
    r"their work|previously worked|formerly)\b)"
)

# --- publisher notices (searched per sentence) ------------------------------------------------
_NOTICE = [
    re.compile(p, re.I)
    for p in (
        r"\b(?:click|tap|press) (?:here|the link|below)\b",
        r"^(?:read|see|watch|listen)(?: the)? (?:more|also|full story|next)\b",
        r"\b(?:subscribe|sign up|signup)\b.{0,60}\b(?:newsletters?|updates|podcast|channel|inbox|alerts|"
        r"free|today|now|here)\b",
        r"\b(?:our|daily|weekly|free) newsletters?\b",
        r"\btranscript\b.{0,40}\b(?:here|below|available|prefer reading)\b",
        r"\b(?:read|find|see|download) the (?:full )?transcript\b",
        r"\bpodcast (?:series|episodes?)\b",
        r"\bavailable on all (?:major )?(?:podcast |streaming )?platforms\b",
        r"\b(?:the|our|this) podcast is available\b",
        r"\bco-(?:production|produced|publish\w*)\b",
        r"^production\s*:",
        r"\beditorial partnership\b",
        r"\b(?:is|are) proud to (?:have|partner|present|bring|announce)\b",
        r"\u00a9|\(c\)\s*\d{4}|\bcopyright\s+(?:\u00a9\s*)?\d{4}|\ball rights reserved\b",
        r"\bfollow us\b|\bfollow (?:him|her|them|the author)\b.{0,30}\bon\b",
        r"\b(?:sharing|liking|commenting|reposting)\b.{0,40}\b(?:liking|commenting|saving|reposting)\b",
        r"\b(?:contact|email|write to|reach) us\b",
        r"\b(?:support|donate to|fund) (?:our|independent) (?:journalism|reporting|work)\b",
        r"^to (?:find out|learn|read) more\b",
        # a broadcast notice: "Listen to the full interview on Radio Five from 1900 GMT."
        r"^(?:listen|watch|tune in|catch)\b.{0,80}\b(?:on|at|from)\b.{0,60}(?:\b(?:bbc|radio|iplayer|website|"
        r"channel|podcast|tv)\b|\b[0-2]\d[0-5]\d\s*(?:gmt|bst|utc)\b)",
        r"\b(?:is|are|will be) (?:on|broadcast on|shown on) (?:bbc|itv|channel \d|sky)\b.{0,40}\b[0-2]\d[0-5]\d\s*"
        r"(?:gmt|bst)\b",
        r"\b(?:journalists|reporters|correspondents) (?:report|cover|provide|bring)\b.{0,60}"
        r"\b(?:languages|countries|audiences)\b",
    )
]
_NOTICE_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in _NOTICE), re.I)  # one search, not 20
_CREDIT = re.compile(r"(?i)^(?:with )?(?:additional )?(?:reporting|editing|edited|writing|compiled) by\s+(.*)$")
_RIGHTS = re.compile(r"(?i)\u00a9|\bcopyright\s+\d{4}|\ball rights reserved\b")
# A publisher speaking of itself: of its own work or readers ("saving our content", "our journalism", "support
# us") or, opening the sentence, of what it does ("We provide uncensored news"). Any other "we" is a writer's or a
# fan's ("one of our favourite pastimes", "we should be concerned") or a title's ("Shall We Dance?"): body prose.
_OWN_WORK = (r"(?:news|journalism|journalists|content|reporting|readers|audiences?|listeners|web ?site|site|app|"
             r"podcasts?|newsletters?|coverage|subscribers|subscriptions?|editorial|services?)")
_PUBLISHER_WE = re.compile(
    rf"(?i)(?<![\w\u2019'])our\s+(?:[\w-]+\s+)?{_OWN_WORK}\b"
    r"|^(?:at\s+[\w/ -]{1,30},\s+)?we\s+(?:also\s+|now\s+)?(?:provide|publish|report|broadcast|bring|offer|produce)\b"
)

# --- prefixes and suffixes --------------------------------------------------------------------
_LABEL = re.compile(
    r"(?i)(?:key (?:points|takeaways)(?: and summary)?|summary|in brief|in short|tl;?dr|highlights|"
    r"at a glance|editor'?s note|fast facts|the gist|what to know|quick take)\s*(?:[:\u2013\u2014]|-\s)\s*"
)


def _cut_affixes(text: str, unit: Unit, spans: list[Span], dateline_ok: bool) -> None:
    for pattern, reason in ((BULLET, "markup"), (_LABEL, "markup"), (DATELINE, "dateline")):
        if reason == "dateline" and not dateline_ok:
            continue
        match = pattern.match(unit.text)
        if not match or match.end() >= len(unit.text):
            continue
        if reason == "dateline" and not (match.group("iso") or match.group("place")):
            continue
        spans.append((unit.start, unit.start + match.end(), reason))  # type: ignore[arg-type]
        unit.cut(text, unit.start + match.end(), unit.end)
    signoff = SIGNOFF.search(unit.text)
    if signoff and signoff.start() > 0:
        spans.append((unit.start + signoff.start(), unit.end, "dateline"))
        unit.cut(text, unit.start, unit.start + signoff.start())




def _doubled(line: str) -> bool:
    words = line.split()
    half = len(words) // 2
    return half >= 3 and len(words) % 2 == 0 and words[:half] == words[half:]


def _is_bio(text: str) -> bool:
    return bool(_BIO.match(text) and _BIO_CUE.search(text))


def _classify(unit: Unit) -> ExclusionReason | None:
    t = unit.text
    if unit.single_line and len(t) <= 300:
        if _TEASER_HEAD.match(t):
            return "teaser-list"
        if _ABOUT_AUTHOR.match(t):
            unit.marker = True
            return "author-bio"
        if _NAV.match(t) or DATED_NAV.match(t) or BARE_DATE.match(t):
            return "navigation"
        if _MEDIA.match(t) or _TIMECODE.match(t) or _doubled(t):
            return "media-player"
        if _BYLINE.match(t):
            return "publisher-notice"
    if BULLET.fullmatch(t):
        return "markup"
    if _PHOTO_CREDIT.search(t) and len(t) <= 400:
        return "caption"
    if _is_bio(t):
        unit.marker = True
        return "author-bio"
    return None


def _is_credit(sentence: str) -> bool:
    """ "With reporting by RFE/RL's Ukrainian Service", not "Reporting by the BBC showed that ..." """
    match = _CREDIT.match(sentence)
    return bool(match and title_ratio(match.group(1)) >= 0.6) or bool(_RIGHTS.search(sentence))


def _publisher_speaks(sentence: str) -> bool:
    """"We provide uncensored news ...", "... saving our content": the publisher on its own work or readers."""
    return bool(_PUBLISHER_WE.search(sentence.strip()))


def _mark_notices(text: str, unit: Unit) -> None:
    spans = sentences(text, unit.start, unit.end)
    # outside quotation marks, "we" and "our" are the publisher speaking of itself
    unquoted = not any(c in unit.text for c in DOUBLE_QUOTES)
    flagged = [
        (s, e)
        for s, e in spans
        if _NOTICE_ANY.search(text[s:e]) or (unquoted and _publisher_speaks(text[s:e])) or _is_credit(text[s:e])
    ]
    if not flagged:
        return
    unit.marker = any(_is_credit(text[s:e]) for s, e in flagged)
    if sum(e - s for s, e in flagged) * 2 >= unit.end - unit.start:
        unit.reason = "publisher-notice"
    else:
        unit.parts = [(s, e, "publisher-notice") for s, e in flagged]


def _mark_captions(units: Sequence[Unit]) -> None:
    """A paragraph given twice in a row is a caption (both copies); a long one is a repeat."""
    for a, b in zip(units, units[1:]):
        if len(a.text) < 12 or normal_words(a.text) != normal_words(b.text):
            continue
        if len(a.text) > 400:
            b.reason = b.reason or "repeated"
            continue
        reason = a.reason or b.reason or "caption"
        a.reason, b.reason = a.reason or reason, b.reason or reason
        a.parts, b.parts = [], []


def _mark_context(text: str, units: Sequence[Unit]) -> None:
    """Bios after "About the author", headlines after "More ...", everything after a late credit."""
    for i, unit in enumerate(units):
        if unit.reason == "author-bio" and _ABOUT_AUTHOR.match(unit.text):
            for nxt in units[i + 1 : i + 3]:
                if nxt.reason not in (None, "author-bio") or is_heading(nxt.text):
                    break
                nxt.reason, nxt.parts = "author-bio", []
        if unit.reason == "teaser-list" and _TEASER_HEAD.match(unit.text):
            for nxt in units[i + 1 :]:
                last = nxt.text.rstrip(CLOSERS)[-1:]
                headline = nxt.single_line and len(nxt.text.split()) <= 25 and last not in ".!"
                if nxt.reason not in (None, "heading", "publisher-notice") or not headline:
                    break
                nxt.reason, nxt.parts, unit.marker = "teaser-list", [], True
    tail = next((i for i, u in enumerate(units) if u.marker and u.start * 2 >= len(text)), None)
    if tail is not None:
        for unit in units[tail + 1 :]:
            if unit.reason is None:
                unit.reason, unit.parts = "publisher-notice", []


def _mark_headings(units: Sequence[Unit]) -> None:
    """Headings; before the first paragraph of prose, any unpunctuated line is a title."""
    body = next((i for i, u in enumerate(units) if u.reason is None and len(u.text.split()) >= 6
                 and ends_terminal(u.text)), len(units))
    for i, unit in enumerate(units):
        lead = i < body and len(units) > 1
        if unit.reason is None and not unit.parts and unit.single_line and is_heading(unit.text, lead):
            unit.reason = "heading"


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _mark_repeats(text: str, units: Sequence[Unit]) -> None:
    """A paragraph most of whose sentences (by length) were already given earlier."""
    exact: set[str] = set()
    index: dict[tuple[str, ...], set[int]] = {}
    seen: list[set[tuple[str, ...]]] = []
    for unit in units:
        sents = [(s, e, normal_words(text[s:e]).split()) for s, e in sentences(text, unit.start, unit.end)]
        if unit.reason is None and len(unit.text.split()) >= 8:
            repeated = 0
            for s, e, words in sents:
                key = " ".join(words)
                if key in exact:
                    repeated += e - s
                    continue
                grams = _shingles(words)
                if len(words) < 5 or not grams:
                    continue
                candidates: dict[int, int] = {}
                for gram in grams:
                    for j in index.get(gram, ()):
                        candidates[j] = candidates.get(j, 0) + 1
                if candidates and max(candidates.values()) >= 0.8 * len(grams):
                    repeated += e - s
            if repeated >= 0.6 * (unit.end - unit.start):
                unit.reason, unit.parts = "repeated", []
        for _, _, words in sents:
            exact.add(" ".join(words))
            grams = _shingles(words)
            for gram in grams:
                index.setdefault(gram, set()).add(len(seen))
            seen.append(grams)


@lru_cache(maxsize=512)  # regenerating in one process (the app, a benchmark) marks each text once
def mark_junk(text: str) -> tuple[Exclusion, ...]:
    """Exclusions for every piece of page junk in ``text``: sorted, non-overlapping. Kept on disk by the
    text's hash (see :func:`_junk_file`), so a re-run in a new process marks no text again."""
    path = _junk_file(text)
    if path is not None and path.is_file():
        try:
            return tuple(Exclusion(start=a, end=b, reason=r) for a, b, r in json.loads(path.read_bytes()))
        except (OSError, ValueError, TypeError):
            pass  # a broken entry is marked again and overwritten
    found = _mark_junk(text)
    if path is not None:
        from ..nlp import write_cache

        try:
            write_cache(path, json.dumps([[e.start, e.end, e.reason] for e in found]).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written (a read-only folder) only costs the next run this work
    return found


def _junk_file(text: str) -> Path | None:
    """Where the junk marked in ``text`` is kept: the parse cache's folder (``STUDYAID_CACHE_DIR``),
    keyed by a hash of the text and of the code that marks it (:func:`~studyaid.fact_cache.code_version`);
    None when ``STUDYAID_CACHE_DIR`` is set empty."""
    from ..fact_cache import code_version
    from ..nlp import cache_dir

    if os.environ.get("STUDYAID_CACHE_DIR") == "":
        return None
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir() / f"junk-{code_version()}" / f"{digest}.json"


def _mark_junk(text: str) -> tuple[Exclusion, ...]:
    units = split_units(text)
    spans: list[Span] = []
    in_lead = True  # a dateline opens the first paragraph of prose
    for unit in units:
        _cut_affixes(text, unit, spans, dateline_ok=in_lead)
        in_lead = in_lead and not (len(unit.text.split()) >= 12 and ends_terminal(unit.text))
    for unit in units:
        unit.reason = _classify(unit)
        if unit.reason is None:
            _mark_notices(text, unit)
    _mark_captions(units)
    _mark_context(text, units)
    _mark_headings(units)
    _mark_repeats(text, units)
    for unit in units:
        if unit.reason:
            spans.append((unit.start, unit.end, unit.reason))
        else:
            spans.extend(unit.parts)
    return merge_exclusions(text, spans)


def merge_exclusions(text: str, *groups: Iterable[Span | Exclusion]) -> tuple[Exclusion, ...]:
    """Sorted, non-overlapping exclusions; where spans overlap, earlier groups (and spans) win.

    Pieces are trimmed of surrounding whitespace; neighbours with the same reason (other than
    headings, each its own) separated only by whitespace are joined.
    """
    taken: list[tuple[int, int, str]] = []  # sorted, disjoint
    for group in groups:
        for item in group:
            start, end, reason = (item.start, item.end, item.reason) if isinstance(item, Exclusion) else item
            for s, e in _subtract(taken, max(0, start), min(end, len(text))):
                while s < e and blank(text[s]):
                    s += 1
                while e > s and blank(text[e - 1]):
                    e -= 1
                if s < e:
                    bisect.insort(taken, (s, e, reason))
    merged: list[list] = []
    for s, e, reason in taken:
        if merged and merged[-1][2] == reason != "heading" and not text[merged[-1][1] : s].strip():
            merged[-1][1] = e
        else:
            merged.append([s, e, reason])
    return tuple(Exclusion(start=s, end=e, reason=r) for s, e, r in merged)


def _subtract(taken: list[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    i = max(0, bisect.bisect_left(taken, (start,)) - 1)
    for s, e, _ in taken[i:]:
        if s >= end:
            break
        if e <= start:
            continue
        if s > start:
            pieces.append((start, s))
        start = max(start, e)
    if start < end:
        pieces.append((start, end))
    return pieces


def guess_title(text: str, excluded: Sequence[Exclusion]) -> str | None:
    """The longest heading before any kept text (navigation and section labels may precede it)."""
    pos = 0
    titles: list[str] = []
    for ex in excluded:
        if text[pos : ex.start].strip(" \t\r\n\ufeff"):
            break
        if ex.reason == "heading":
            titles.append(" ".join(text[ex.start : ex.end].split()))
        pos = ex.end
    return max(titles, key=lambda t: len(t.split()), default=None)


__all__ = ["mark_junk", "merge_exclusions", "find_date", "parse_date", "guess_title", "is_heading", "sentences"]
