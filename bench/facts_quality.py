"""Fact quality: precision and recall of studyaid's extraction against hand-made gold labels (issue 10).

    .venv/bin/python bench/facts_quality.py [--labels bench/labels] [--corpus .dev-corpus]
                                            [--show-errors] [--json FILE]

Every ``<stem>.json`` in ``--labels`` (format: ``bench/labels/README.md``) names one article of
``--corpus``. All labelled articles are extracted together with ``studyaid.pipeline.extract_corpus``
(as a user would run it: canonical names and corroboration included), then compared article by
article. A fact listing several documents after corroboration is counted once for each of them.

Matching (within one article only):

- names: equal after folding case, accents and punctuation (and a leading "the" or honorific such as
  "Professor"), or one name's words all in the other's ("Corbett" / "Ronnie Corbett"). An extracted
  entity is tried under its canonical name, its mention and those of its aliases the article uses
  ("UK" for "United Kingdom");
- quote: the speaker matches, and the gold ``start`` (first 8 words) overlaps the extracted text: at
  least 5 of them contiguous in it, or the extracted text's first 5 words contiguous in the start.
  A text match whose speaker does not match is a false positive, listed as a "speaker error". The gold
  names a quote continuing over sentences with no new cue by its first sentence: a direct quote by
  that speaker later in the same paragraph, before the next gold quote, counts as right (not as found);
- quantity: value equal within 0.5%, and the counted words overlap, or the gold unit word is the
  extracted ``counted`` ("10km"), or the gold counted head is in the extracted ``counted``/``phrase``
  (a gold quantity with ``counted: null`` needs the value only). A right value counting the wrong
  thing (or "%") is a false positive, listed as a "counted error";
- place: name match (whether the kind is right too is a separate figure);
- role: person match and the title words overlap;
- date: iso equal, or the date text equal after normalising.

Extracted facts are first made distinct per article (one place per name, one date per iso, ...), so a
place with three events counts once. An extracted fact is right when it matches any gold entry, a gold
entry found when any extracted fact matches it. Precision = right extracted / extracted, recall = found
gold / gold, per fact type, micro-averaged over the articles. Gold quotes whose speaker is an
organisation (``"speaker_kind": "org"``) are reported with and without: the pipeline keeps only
person speakers. Not a test: it always exits 0 once it has run.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FACT_TYPES = ("quote", "quantity", "place", "role", "date")
_STOP = {"the", "a", "an", "of", "and", "s", "in", "for", "to", "on", "at", "its", "his", "her", "their"}


# --- gold labels ----------------------------------------------------------------------------------

class _Gold(BaseModel):
    model_config = ConfigDict(extra="allow")


class GoldQuote(_Gold):
    speaker: str
    start: str
    mode: Literal["direct", "reported"] = "direct"
    speaker_kind: Literal["person", "org"] = "person"


class GoldQuantity(_Gold):
    text: str
    value: float
    unit: str | None = None
    counted: str | None = None
    qualifier: str | None = None


class GoldPlace(_Gold):
    name: str
    kind: str | None = None


class GoldRole(_Gold):
    person: str
    title: str
    organization: str | None = None


class GoldDate(_Gold):
    text: str
    iso: str | None = None


class GoldArticle(_Gold):
    document: str
    labeller: str = ""
    quotes: list[GoldQuote] = []
    quantities: list[GoldQuantity] = []
    places: list[GoldPlace] = []
    roles: list[GoldRole] = []
    dates: list[GoldDate] = []


def load_labels(folder: Path) -> tuple[list[GoldArticle], list[str]]:
    """Every readable label file of ``folder``, and a message for each broken one."""
    articles, problems = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            articles.append(GoldArticle.model_validate_json(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValidationError) as error:
            problems.append(f"{path}: not a valid label file: {str(error).splitlines()[0]}")
    return articles, problems


# --- normalising and matching (pure) ---------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"\w+", text))


def words(text: str) -> list[str]:
    return fold(text).split()


def _stem(word: str) -> str:
    """A crude singular: enough to match "nominations" with "nomination", "years" with "year"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str | None) -> set[str]:
    return {_stem(w) for w in words(text or "") if w not in _STOP}


HONORIFICS = {"the", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "professor", "prof"}


def name_words(name: str) -> list[str]:
    """The words of a name without a leading "the" or honorific ("Professor Dautenhahn" -> dautenhahn)."""
    found = words(name)
    while len(found) > 1 and found[0] in HONORIFICS:
        found = found[1:]
    return found


from studyaid.questions.kinds import acronym_of  # noqa: E402  (one acronym rule for options and scoring)


def names_match(a: str, b: str | Iterable[str]) -> bool:
    """Equal after folding, or one name's words all in the other's (surname vs full name).

    ``b`` may be several spellings of one entity (canonical name, mention, aliases): any one will do.
    """
    for other in ([b] if isinstance(b, str) else b):
        wa, wb = name_words(a), name_words(other)
        if wa and wb and (wa == wb or set(wa) <= set(wb) or set(wb) <= set(wa)):
            return True
        if acronym_of(a.strip(), other) or acronym_of(other.strip(), a):  # "CPL" / "Cyberathlete Professional League"
            return True
    return False


def spellings(ref, aliases: dict[str, list[str]], article_text: str) -> tuple[str, ...]:
    """An entity's canonical name, its mention, and its other spellings that this article uses."""
    found = [ref.name, ref.mention]
    for alias in aliases.get(ref.id, []):
        if alias not in found and re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", article_text):
            found.append(alias)
    return tuple(found)


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def quote_text_matches(gold_start: str, text: str) -> bool:
    """At least 5 of the gold's first 8 words contiguous in the text, or the text's first 5 in the gold."""
    gold, got = words(gold_start)[:8], words(text)
    if not gold or not got:
        return False
    need = min(5, len(gold))
    if any(_contains_run(got, gold[i:i + need]) for i in range(len(gold) - need + 1)):
        return True
    head = got[:5]
    return len(head) >= min(3, len(gold)) and _contains_run(gold, head)


def locate(start: str, text: str, after: int = 0) -> int | None:
    """Character offset in ``text`` (from ``after`` on) where the words ``start`` begin (first 5, folded), or None."""
    tokens = [(w, m.start()) for m in re.finditer(r"\w+", text) if m.start() >= after for w in fold(m.group()).split()]
    gold = words(start)[:5]
    if not gold:
        return None
    folded = [w for w, _ in tokens]
    for i in range(len(folded) - len(gold) + 1):
        if folded[i:i + len(gold)] == gold:
            return tokens[i][1]
    return None


def continues(gold_at: int, others_at: Iterable[int], sentence_at: int, text: str) -> bool:
    """A sentence at ``sentence_at`` continues the quote starting at ``gold_at``: after it, in the same
    paragraph, with no other gold quote starting in between."""
    return (gold_at < sentence_at and "\n\n" not in text[gold_at:sentence_at]
            and not any(gold_at < other <= sentence_at for other in others_at))


def values_equal(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def quantity_matches(gold: GoldQuantity, value: float, counted: str, phrase: str) -> bool:
    """Value within 0.5%, and what is counted agrees (by counted words, the gold's unit or its head noun)."""
    if not values_equal(gold.value, value):
        return False
    if not gold.counted:
        return True
    if content_words(gold.counted) & content_words(counted):
        return True
    if content_words(gold.unit) & content_words(counted):  # a measure: "10km" counts km, the gold says a race
        return True
    head = _stem(words(gold.counted)[-1]) if words(gold.counted) else ""
    return bool(head) and head in content_words(counted) | content_words(phrase)


def role_matches(gold: GoldRole, person: str | Iterable[str], title: str) -> bool:
    return names_match(gold.person, person) and bool(content_words(gold.title) & content_words(title))


def date_matches(gold: GoldDate, iso: str | None, text: str) -> bool:
    return (bool(gold.iso) and gold.iso == iso) or (bool(fold(gold.text)) and fold(gold.text) == fold(text))


# --- extracted facts, per article -------------------------------------------------------------------

class Got(BaseModel):
    """One extracted fact, flattened to what the comparison needs."""

    model_config = ConfigDict(frozen=True)

    type: str
    key: tuple
    show: str  # short text for --show-errors
    name: str = ""  # speaker, place, person (canonical)
    names: tuple[str, ...] = ()  # every spelling of it this article uses
    text: str = ""  # quote text, quantity counted, role title, date text
    phrase: str = ""
    value: float = 0.0
    kind: str = ""  # place kind
    mode: str = ""  # quote mode
    at: int = -1  # where a quote's words start in the article
    iso: str | None = None


def flatten(fact, aliases: dict[str, list[str]] | None = None, article_text: str = "") -> Got | None:
    """The comparable view of one studyaid fact, as read in one article; None for a fact type the
    labels do not cover (events: measured by ../shared/tools/squad_coverage.py instead)."""
    aliases = aliases or {}
    if fact.type == "quote":
        return Got(type="quote", key=(fold(fact.speaker.name), tuple(words(fact.text)[:8])),
                   show=f"{fact.speaker.name}: {_short(fact.text)}", name=fact.speaker.name,
                   names=spellings(fact.speaker, aliases, article_text), text=fact.text, mode=fact.mode)
    if fact.type == "quantity":
        return Got(type="quantity", key=(round(fact.value, 6), fact.counted_head),
                   show=f"{fact.text} | {_short(fact.phrase)}", text=fact.counted, phrase=fact.phrase,
                   value=fact.value)
    if fact.type == "place":
        return Got(type="place", key=(fold(fact.place.name),), show=f"{fact.place.name} ({fact.place_kind})",
                   name=fact.place.name, names=spellings(fact.place, aliases, article_text),
                   kind=fact.place_kind)
    if fact.type == "role":
        return Got(type="role", key=(fold(fact.person.name), fold(fact.title)),
                   show=f"{fact.person.name}: {fact.title}" + (f" / {fact.organization}" if fact.organization else ""),
                   name=fact.person.name, names=spellings(fact.person, aliases, article_text), text=fact.title)
    if fact.type != "date":
        return None
    return Got(type="date", key=(fact.iso or fold(fact.date),), show=f"{fact.date} ({fact.iso})",
               text=fact.date, iso=fact.iso)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def by_article(facts: Iterable, aliases: dict[str, list[str]], texts: dict[str, str]) -> dict[str, dict[str, list[Got]]]:
    """Distinct flattened facts per article file name and type (a corroborated fact in each of its documents).

    ``aliases``: entity id -> every spelling seen; ``texts``: article file name -> its text.
    """
    found: dict[str, dict[str, dict[tuple, Got]]] = defaultdict(lambda: defaultdict(dict))
    for fact in facts:
        for document in {Path(s.document).name for s in fact.sources}:
            got = flatten(fact, aliases, texts.get(document, ""))
            if got is None:
                continue
            if got.type == "quote":
                first = min(s.start for s in fact.sources if Path(s.document).name == document)
                at = locate(got.text, texts.get(document, ""), first)
                got = got.model_copy(update={"at": -1 if at is None else at})
            found[document][got.type].setdefault(got.key, got)
    return {doc: {t: list(kinds[t].values()) for t in kinds} for doc, kinds in found.items()}


# --- comparison ----------------------------------------------------------------------------------

class Tally(BaseModel):
    extracted: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0

    def add(self, other: "Tally") -> None:
        self.extracted += other.extracted
        self.right += other.right
        self.gold += other.gold
        self.found += other.found


class ArticleResult(BaseModel):
    document: str
    tallies: dict[str, Tally]
    quote_person: Tally  # quotes with the organisation speakers left out of the gold
    place_kind_right: int = 0
    false_positives: list[tuple[str, str]] = []  # (type, short text)
    speaker_errors: list[str] = []  # the words of a gold quote, another speaker (counted as false positives)
    counted_errors: list[str] = []  # the value of a gold quantity, something else counted (false positives)
    continuations: list[str] = []  # direct quotes continuing a gold quote (counted as right)
    misses: list[tuple[str, str]] = []


def _gold_show(fact_type: str, gold) -> str:
    if fact_type == "quote":
        return f"{gold.speaker}{' [org]' if gold.speaker_kind == 'org' else ''}: {gold.start}"
    if fact_type == "quantity":
        return f"{gold.text} ({gold.counted})"
    if fact_type == "place":
        return f"{gold.name} ({gold.kind})"
    if fact_type == "role":
        return f"{gold.person}: {gold.title}" + (f" / {gold.organization}" if gold.organization else "")
    return f"{gold.text} ({gold.iso})"


def _matches(fact_type: str, gold, got: Got) -> bool:
    if fact_type == "quote":
        return names_match(gold.speaker, got.names or got.name) and quote_text_matches(gold.start, got.text)
    if fact_type == "quantity":
        return quantity_matches(gold, got.value, got.text, got.phrase)
    if fact_type == "place":
        return names_match(gold.name, got.names or got.name)
    if fact_type == "role":
        return role_matches(gold, got.names or got.name, got.text)
    return date_matches(gold, got.iso, got.text)


def compare(gold: GoldArticle, extracted: dict[str, list[Got]], text: str = "") -> ArticleResult:
    """Per type: which extracted facts are right, which gold entries were found, for one article.

    ``text`` (the article) lets a direct quote that continues a gold quote in later sentences, with no
    new cue, count as right: the gold names a quote by its first sentence only. It does not count as
    finding the gold quote.
    """
    golds = {"quote": gold.quotes, "quantity": gold.quantities, "place": gold.places,
             "role": gold.roles, "date": gold.dates}
    result = ArticleResult(document=gold.document, tallies={}, quote_person=Tally())
    quote_at = [locate(g.start, text) if text else None for g in gold.quotes]
    for fact_type in FACT_TYPES:
        items, gots = golds[fact_type], extracted.get(fact_type, [])
        tally = Tally(extracted=len(gots), gold=len(items))
        found = [False] * len(items)
        for got in gots:
            hits = [i for i, g in enumerate(items) if _matches(fact_type, g, got)]
            for i in hits:
                found[i] = True
            if hits:
                tally.right += 1
                if fact_type == "place" and any(items[i].kind == got.kind for i in hits):
                    result.place_kind_right += 1
            elif fact_type == "quote" and _continuation(got, items, quote_at, text):
                tally.right += 1
                result.continuations.append(got.show)
            elif fact_type == "quote" and any(quote_text_matches(g.start, got.text) for g in items):
                result.speaker_errors.append(
                    f"{got.show}  (gold speaker: "
                    f"{', '.join(g.speaker for g in items if quote_text_matches(g.start, got.text))})")
            elif fact_type == "quantity" and any(values_equal(g.value, got.value) for g in items):
                result.counted_errors.append(
                    f"{got.show} [counted: {got.text}]  (gold: "
                    f"{', '.join(_gold_show('quantity', g) for g in items if values_equal(g.value, got.value))})")
            else:
                result.false_positives.append((fact_type, got.show))
        tally.found = sum(found)
        result.misses += [(fact_type, _gold_show(fact_type, g)) for g, ok in zip(items, found) if not ok]
        result.tallies[fact_type] = tally
        if fact_type == "quote":
            person = [ok for g, ok in zip(items, found) if g.speaker_kind != "org"]
            result.quote_person = Tally(extracted=tally.extracted, right=tally.right,
                                        gold=len(person), found=sum(person))
    return result


def _continuation(got: Got, quotes: list[GoldQuote], quote_at: list[int | None], text: str) -> bool:
    """A direct quote by a gold quote's speaker, in a later sentence of the same paragraph, before the next gold quote."""
    if got.mode != "direct" or got.at < 0:
        return False
    located = [at for at in quote_at if at is not None]
    return any(g.mode == "direct" and at is not None and names_match(g.speaker, got.names or got.name)
               and continues(at, located, got.at, text)
               for g, at in zip(quotes, quote_at))


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def summarise(results: list[ArticleResult]) -> dict:
    """Micro-averaged figures over the articles, as plain data (what --json writes)."""
    totals = {t: Tally() for t in FACT_TYPES}
    person = Tally()
    kind_right = 0
    for result in results:
        for t in FACT_TYPES:
            totals[t].add(result.tallies[t])
        person.add(result.quote_person)
        kind_right += result.place_kind_right
    rows = {}
    for t, tally in totals.items():
        rows[t] = {**tally.model_dump(), "precision": ratio(tally.right, tally.extracted),
                   "recall": ratio(tally.found, tally.gold)}
    rows["quote (person speakers only)"] = {**person.model_dump(), "precision": ratio(person.right, person.extracted),
                                           "recall": ratio(person.found, person.gold)}
    return {
        "articles": [r.document for r in results],
        "types": rows,
        "place_kind_correct": {"right": kind_right, "of_matched": totals["place"].right,
                               "share": ratio(kind_right, totals["place"].right)},
        "speaker_errors": sum(len(r.speaker_errors) for r in results),
        "counted_errors": sum(len(r.counted_errors) for r in results),
        "quote_continuations": sum(len(r.continuations) for r in results),
    }


def _target(fact_type: str) -> tuple[float, float]:
    recall = 0.85 if fact_type.startswith("quote") else 0.75
    return 0.95, recall


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def format_table(summary: dict) -> str:
    lines = [f"{'type':<30} {'extracted':>9} {'right':>6} {'precision':>9}   {'gold':>5} {'found':>6} {'recall':>7}   target P/R"]
    for fact_type, row in summary["types"].items():
        p_target, r_target = _target(fact_type)
        flag = ""
        if row["precision"] is not None and row["precision"] < p_target:
            flag += " P<"
        if row["recall"] is not None and row["recall"] < r_target:
            flag += " R<"
        lines.append(f"{fact_type:<30} {row['extracted']:>9} {row['right']:>6} {_pct(row['precision']):>9}   "
                     f"{row['gold']:>5} {row['found']:>6} {_pct(row['recall']):>7}   "
                     f"{int(p_target * 100)}/{int(r_target * 100)}{flag}")
    kind = summary["place_kind_correct"]
    lines.append(f"place kind right on matched places: {kind['right']}/{kind['of_matched']} ({_pct(kind['share']).strip()})")
    lines.append(f"quote speaker errors (right words, wrong speaker; counted as false positives): {summary['speaker_errors']}")
    lines.append(f"quantity counted errors (right value, wrong or no counted noun; false positives): {summary['counted_errors']}")
    lines.append(f"direct quotes continuing a gold quote (counted as right, not as found): {summary['quote_continuations']}")
    return "\n".join(lines)


def format_errors(results: list[ArticleResult]) -> str:
    lines = []
    for result in results:
        if not (result.false_positives or result.speaker_errors or result.counted_errors or result.misses
                or result.continuations):
            continue
        lines.append(f"\n== {result.document}")
        lines += [f"  FP    {t:<8} {s}" for t, s in result.false_positives]
        lines += [f"  SPKR  quote    {s}" for s in result.speaker_errors]
        lines += [f"  CNTD  quantity {s}" for s in result.counted_errors]
        lines += [f"  cont  quote    {s}  (continues a gold quote: right)" for s in result.continuations]
        lines += [f"  MISS  {t:<8} {s}" for t, s in result.misses]
    return "\n".join(lines)


# --- command line ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Precision and recall of studyaid's facts against gold labels.")
    parser.add_argument("--labels", type=Path, default=ROOT / "bench" / "labels", help="folder of <stem>.json gold files")
    parser.add_argument("--corpus", type=Path, default=ROOT / ".dev-corpus", help="folder holding the articles")
    parser.add_argument("--show-errors", action="store_true", help="list false positives and misses per article")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    golds, problems = load_labels(args.labels)
    paths, labelled = [], []
    for gold in golds:
        path = args.corpus / gold.document
        if path.is_file():
            paths.append(str(path))
            labelled.append(gold)
        else:
            problems.append(f"{args.labels / (Path(gold.document).stem + '.json')}: article {path} not found")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not labelled:
        print(f"no labelled articles found (labels: {args.labels}, corpus: {args.corpus})", file=sys.stderr)
        return 0

    from studyaid.pipeline import extract_corpus

    factset = extract_corpus(paths)
    for problem in factset.problems:
        print(f"warning: {problem}", file=sys.stderr)
    aliases = {entity.id: [entity.name, *entity.aliases] for entity in factset.entities}
    texts = {Path(p).name: Path(p).read_text(encoding="utf-8", errors="replace") for p in paths}
    extracted = by_article(factset.facts, aliases, texts)
    results = [compare(gold, extracted.get(Path(gold.document).name, {}), texts[Path(gold.document).name])
               for gold in labelled]
    summary = summarise(results)

    print(f"{len(results)} labelled articles ({args.labels})\n")
    print(format_table(summary))
    if args.show_errors:
        print(format_errors(results))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
