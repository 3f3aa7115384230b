"""Adding one article to a large bank: seconds until its questions are in the bank (issue 11).

    .venv/bin/python bench/add_one.py --folder DIR [--bank-size 1000] [--words 1000] [--repeat 3]

Builds, once, an app bank (SQLite, as the app keeps it) of ``--bank-size`` articles spread evenly over
the folder's sorted files, generated in full (the snapshot for incremental runs is kept beside it);
bank and caches are kept under ``/tmp/studyaid-add-one-*`` and reused while the code is unchanged (a
changed extractor or question rule regenerates the base bank from its cached parses). Then, ``--repeat``
times, on a copy of that bank, it adds the unseen article whose length is nearest ``--words`` words and
times :func:`studyaid.app.builder.regenerate`, the function the app's background job runs: parse included
(the article's parse, facts and stem verdicts are removed from the caches before each run), the model
already loaded (its load is reported apart). The first run is the app's case (a job runs in a process of
its own: the gazetteer and other lazy indexes are loaded during it); the median is also reported. It reports the seconds of each run and what they were
spent on. Not a test: figures vary by machine and load.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUPPORTED = {".txt", ".md", ".html", ".htm"}


def spread(files: list[Path], n: int) -> list[Path]:
    if n <= 0 or n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def copy_db(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


class Timings(logging.Handler):
    """The step timings the incremental run logs."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.found: dict[str, float] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if hasattr(record, "timings"):
            self.found = dict(record.timings)


def forget(document, cache) -> None:
    """The article's parse, facts and sentence parses out of the caches: the run parses it as new."""
    from studyaid.fact_cache import FactCache

    facts = FactCache(cache)
    for path in (cache.folder / f"{document.content_hash}.spacy", facts._path(document), facts.sentences_path(document)):
        path.unlink(missing_ok=True)


def _shown(q) -> tuple:
    return (q.kind, q.prompt, q.cloze, q.answer, tuple(q.options), tuple(q.accepted),
            tuple((s.document, s.start, s.end) for s in q.sources))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, required=True, help="a folder of distinct articles")
    ap.add_argument("--bank-size", type=int, default=1000, help="articles in the bank (default 1000)")
    ap.add_argument("--words", type=int, default=1000, help="length of the article added (nearest; default 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed additions (default 3)")
    ap.add_argument("--article", help="the file (in --folder, not in the bank) to add instead of the one nearest --words")
    args = ap.parse_args()

    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in SUPPORTED)
    bank_files = spread(files, args.bank_size)
    chosen = set(bank_files)
    unseen = [p for p in files if p not in chosen]
    if not unseen:
        raise SystemExit(f"{args.folder}: every article is in the bank; give a smaller --bank-size")
    article = min(unseen, key=lambda p: (abs(len(p.read_text(encoding="utf-8", errors="replace").split()) - args.words), p.name))
    if args.article:
        article = next((p for p in unseen if p.name == args.article), None)
        if article is None:
            raise SystemExit(f"{args.article}: not a file of {args.folder} outside the bank")
    key = hashlib.sha1("\n".join(str(p) for p in bank_files).encode()).hexdigest()[:10]
    work = Path(f"/tmp/studyaid-add-one-{key}")
    work.mkdir(parents=True, exist_ok=True)
    os.environ["STUDYAID_CACHE_DIR"] = str(work / "cache")

    from studyaid.app.builder import add_file, read_stored, regenerate
    from studyaid.incremental import snapshot_path, version
    from studyaid.incremental.snapshot import Snapshot
    from studyaid.nlp import DocCache, load_pipeline
    from studyaid.store import Store

    begin = time.perf_counter()
    nlp = load_pipeline()
    print(f"model loaded in {time.perf_counter() - begin:.1f} s (not counted below)", flush=True)
    base = work / "base.sqlite3"
    store = Store(base)
    meta = Snapshot(snapshot_path(base)).meta()
    if meta is None or meta.version != version(nlp, 0) or not store.documents() or len(meta.documents) < len(store.documents()):
        if not store.documents():
            for path in bank_files:
                add_file(store, path.name, path.read_bytes())
        begin = time.perf_counter()
        report, problems = regenerate(store, nlp)
        print(f"base bank of {len(store.documents())} articles generated in full in {time.perf_counter() - begin:.1f} s "
              f"({store.count()} questions; {len(problems)} problem(s))", flush=True)
    else:
        print(f"base bank of {len(store.documents())} articles reused from {base}", flush=True)

    data = article.read_bytes()
    words = len(data.decode("utf-8", errors="replace").split())
    timings = Timings()
    logging.getLogger("studyaid.app").addHandler(timings)
    logging.getLogger("studyaid.app").setLevel(logging.INFO)
    cache = DocCache(nlp)
    stems = cache.folder / "stems.json"
    saved_stems = stems.read_bytes() if stems.exists() else None
    print(f"adding {article.name} ({words:,} words) to a bank of {len(bank_files):,} articles", flush=True)
    results = []
    for n in range(args.repeat):
        trial = work / "trial.sqlite3"
        copy_db(base, trial)
        shutil.copyfile(snapshot_path(base), snapshot_path(trial))
        store = Store(trial)
        document, _ = add_file(store, article.name, data)
        forget(read_stored([(document.path, data)])[0][0], cache)
        if saved_stems is not None:
            stems.write_bytes(saved_stems)  # the stem checker has not seen the article's questions either
        timings.found = None
        begin = time.perf_counter()
        report, problems = regenerate(store, nlp)
        seconds = time.perf_counter() - begin
        mine = sum(1 for q in store.questions() if any(s.document == document.path for s in q.sources))
        if timings.found is None:
            raise SystemExit("the addition did not take the incremental path (see the log above)")
        shown = seconds - timings.found.get("update the snapshot", 0.0)
        steps = ", ".join(f"{step} {s:.2f}" for step, s in timings.found.items())
        print(f"run {n + 1}: questions in the bank after {shown:.2f} s, job done after {seconds:.2f} s; "
              f"{mine} question(s) of the article ({report.added} added, {report.refreshed} refreshed); {steps}",
              flush=True)
        results.append({"seconds": seconds, "shown": shown, "steps": timings.found, "questions": mine})
    check = work / "check.sqlite3"  # the same addition generated in full: are the article's questions the same?
    copy_db(base, check)
    snapshot_path(check).unlink(missing_ok=True)
    store = Store(check)
    document, _ = add_file(store, article.name, data)
    begin = time.perf_counter()
    regenerate(store, nlp)  # no snapshot beside this copy: a full generation
    full_s = time.perf_counter() - begin
    full = {q.id: q for q in store.questions() if any(s.document == document.path for s in q.sources)}
    store = Store(work / "trial.sqlite3")
    mine = {q.id: q for q in store.questions() if any(s.document == document.path for s in q.sources)}
    same = [qid for qid in full if qid in mine and _shown(mine[qid]) == _shown(full[qid])]
    print(f"full regeneration of the same bank: {full_s:.1f} s; the article's questions: {len(full)} from it, "
          f"{len(mine)} from the incremental run, {len(same)} the same (prompt, answer, options, sources)", flush=True)
    median = sorted(r["shown"] for r in results)[len(results) // 2]
    done = sorted(r["seconds"] for r in results)[len(results) // 2]
    print(json.dumps({"article_words": words, "bank_size": len(bank_files), "median_shown_s": round(median, 2),
                      "median_done_s": round(done, 2)}))
    first = results[0]
    print(f"added one {words:,}-word article to a {len(bank_files):,}-article bank: its questions in the bank after "
          f"{median:.2f} s, the job done after {done:.2f} s (medians of {len(results)}); the first run, as in the "
          f"app's fresh job process (lazy indexes loaded): {first['shown']:.2f} s and {first['seconds']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
