"""Throughput, growth and memory of studyaid's generate pipeline against spaCy's own parsing.

    .venv/bin/python bench/throughput.py --folder DIR [--sizes 100,400,0] [--processes-at 400]
    .venv/bin/python bench/throughput.py [--repeat 20]            # no folder: the seeds, repeated

With ``--folder`` (distinct real articles, e.g. ``../shared/tools/dev_corpus.sh SNAPSHOT DIR --all``:
about 1,300 BBC articles), each size (0 = every file) is measured in a process of its own, on that
many files spread evenly over the folder's sorted list, with a fresh cache:

1. raw ``nlp.pipe`` over the documents' texts with the same pipeline and components (tokens/s);
2. the full ``generate`` pipeline (read, mark junk, parse, extract, resolve, corroborate, questions
   with the stem checker) on a cold cache (tokens/s, and seconds per 100 documents);
3. the same again with the cache warm (speed-up over the cold run), as a new process would find it
   (every cache in the run's folder, ``STUDYAID_CACHE_DIR`` included; nothing kept in memory);
4. the peak RSS of that size's process (the model included);
5. the ratio in CPU time of this process too: on a shared machine the wall-clock ratio compares a parse
   and a generation run under different loads, the CPU-time ratio much less so.

``--processes-at N`` also measures raw parsing and cold generation with ``n_process=2`` at size N.
Without ``--folder`` the corpus is the seed articles repeated ``--repeat`` times, each copy made
unique (the parse cache cannot hit across copies): quick, but the same dozen names recur, so it
hides every cost that grows with the number of different articles.

The last line is ``generate/parse throughput ratio: X.XX`` for the largest corpus. Not a test:
figures vary by machine and load.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUPPORTED = {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}


def spread(files: list[Path], n: int) -> list[Path]:
    """``n`` files spread evenly over the sorted list (every category of an archive, not the first one)."""
    if n <= 0 or n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def seed_copies(folder: Path, repeat: int) -> list[Path]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(repeat):
        for seed in seeds:
            head, _, rest = seed.read_text(encoding="utf-8").partition("\n")
            (folder / f"{i:04d}_{seed.name}").write_text(f"{head}\nThis benchmark copy is number {i} of the article.\n{rest}",
                                                        encoding="utf-8")
    return sorted(folder.iterdir())


def measure(files: list[Path], work: Path, processes: int, batch_size: int, warm: bool = True) -> dict:
    """One size, in this process: raw parse, cold generate, warm generate."""
    from studyaid.gazetteer import lookup, same_kind_places
    from studyaid.ingest import iter_documents
    from studyaid.ingest.boilerplate import mark_junk
    from studyaid.nlp import DocCache, load_pipeline
    from studyaid.pipeline import extract_corpus
    from studyaid.questions import generate
    from studyaid.questions.stem_check import StemVerdicts

    nlp = load_pipeline()
    lookup("Paris")  # the gazetteer index, built once as in any long-running process
    paths = [str(f) for f in files]
    os.environ["STUDYAID_CACHE_DIR"] = str(work / "read")  # junk marked on disk: not the runs' cache
    texts = [d.masked_text for d in iter_documents(paths)]
    start, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes))
    parse_s, parse_cpu = time.perf_counter() - start, time.process_time() - cpu

    def run(cache_dir: Path) -> tuple[float, float, int, int]:
        os.environ["STUDYAID_CACHE_DIR"] = str(cache_dir)  # every cache of the run in one fresh folder
        mark_junk.cache_clear()  # a re-run as in a new process: what it reuses comes from the disk cache
        begin, cpu = time.perf_counter(), time.process_time()
        cache = DocCache(nlp, folder=cache_dir)
        facts = extract_corpus(paths, nlp=nlp, cache=cache, n_process=processes, batch_size=batch_size)
        verdicts = StemVerdicts(cache.folder / "stems.json", nlp)
        result = generate(facts, gazetteer=same_kind_places, parser=nlp, stem_verdicts=verdicts)  # as the CLI does
        verdicts.save()
        return time.perf_counter() - begin, time.process_time() - cpu, len(facts.facts), len(result.questions)

    cold_s, cold_cpu, n_facts, n_questions = run(work / "cache")
    warm_s = run(work / "cache")[0] if warm else None
    return {"documents": len(files), "words": sum(len(t.split()) for t in texts), "tokens": tokens,
            "parse_s": parse_s, "cold_s": cold_s, "warm_s": warm_s, "facts": n_facts, "questions": n_questions,
            "parse_cpu": parse_cpu, "cold_cpu": cold_cpu,
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "processes": processes}


def in_process(files: list[Path], processes: int, batch_size: int, warm: bool) -> dict:
    """:func:`measure` in a fresh Python process, so each size has its own peak memory and caches."""
    with tempfile.TemporaryDirectory(prefix="studyaid-bench-") as tmp:
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps([str(f) for f in files]), encoding="utf-8")
        out = subprocess.run([sys.executable, __file__, "--worker", str(listing), "--processes", str(processes),
                              "--batch-size", str(batch_size), *([] if warm else ["--cold-only"])],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            raise SystemExit(f"benchmark worker failed:\n{out.stderr[-3000:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])


def report(row: dict) -> None:
    parse_tps, cold_tps = row["tokens"] / row["parse_s"], row["tokens"] / row["cold_s"]
    warm = (f"{row['warm_s']:7.1f} s {row['cold_s'] / row['warm_s']:6.1f}x" if row.get("warm_s") else f"{'-':>17}")
    print(f"{row['documents']:6d} {row['words']:9,d} {row['tokens']:9,d} {parse_tps:8,.0f} {cold_tps:8,.0f} "
          f"{cold_tps / parse_tps:6.2f} {100 * row['cold_s'] / row['documents']:9.2f} {warm} "
          f"{row['peak_rss_mib']:8.0f} {row['facts']:7,d} {row['questions']:7,d} {cpu_ratio(row):>9}  "
          f"n_process={row['processes']}", flush=True)


def cpu_ratio(row: dict) -> str:
    """generate/parse in this process's CPU time: what another program on a shared machine barely moves
    (with n_process=2 the parse's CPU is in its workers, not counted here: no ratio)."""
    if row["processes"] != 1 or not row.get("cold_cpu"):
        return "-"
    return f"{row['parse_cpu'] / row['cold_cpu']:.2f}"


HEADER = (f"{'docs':>6} {'words':>9} {'tokens':>9} {'parse/s':>8} {'gen/s':>8} {'ratio':>6} {'s/100doc':>9} "
          f"{'warm':>9} {'speed-up':>7} {'RSS MiB':>8} {'facts':>7} {'qs':>7} {'CPU ratio':>9}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, help="a folder of distinct documents (measured at each of --sizes)")
    ap.add_argument("--sizes", default="100,400,0", help="documents per run, 0 = all (default 100,400,0)")
    ap.add_argument("--processes-at", type=int, default=0, metavar="N",
                    help="also measure n_process=2 against 1 at size N (default: off)")
    ap.add_argument("--repeat", type=int, default=20, help="without --folder: copies of the five seeds (default 20)")
    ap.add_argument("--processes", type=int, default=1, help="nlp.pipe processes (default 1)")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (default 16)")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--cold-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:  # one size, measured in this process; the result as one JSON line
        files = [Path(f) for f in json.loads(args.worker.read_text(encoding="utf-8"))]
        with tempfile.TemporaryDirectory(prefix="studyaid-bench-") as tmp:
            print(json.dumps(measure(files, Path(tmp), args.processes, args.batch_size, warm=not args.cold_only)))
        return 0

    from studyaid.nlp import model_name

    work = Path(tempfile.mkdtemp(prefix="studyaid-bench-"))
    try:
        if args.folder:
            every = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            if not every:
                raise SystemExit(f"{args.folder}: no supported documents")
            sizes = [int(s) for s in args.sizes.split(",")]
            runs = [spread(every, n) for n in sizes]
            print(f"model {model_name()}; {len(every)} documents in {args.folder}; one process per size, fresh cache")
        else:
            runs = [seed_copies(work / "corpus", args.repeat)]
            print(f"model {model_name()}; the five seeds x{args.repeat} (copies: hides growth with distinct articles)")
        print(HEADER)
        rows = []
        for files in runs:
            rows.append(in_process(files, args.processes, args.batch_size, warm=True))
            report(rows[-1])
        if args.processes_at and args.folder:
            files = spread(every, args.processes_at)
            for n in (1, 2):
                report(in_process(files, n, args.batch_size, warm=False))
        first, last = rows[0], rows[-1]
        if len(rows) > 1:
            per_doc = (last["cold_s"] / last["documents"]) / (first["cold_s"] / first["documents"])
            memory = last["peak_rss_mib"] / first["peak_rss_mib"]
            print(f"seconds per document, {last['documents']} vs {first['documents']} documents: {per_doc:.2f}x; "
                  f"peak RSS: {memory:.2f}x")
        ratio = (last["tokens"] / last["cold_s"]) / (last["tokens"] / last["parse_s"])
        print(f"generate/parse CPU-time ratio: {cpu_ratio(last)}")
        print(f"generate/parse throughput ratio: {ratio:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
