"""Throughput and memory of studyaid's generate pipeline against spaCy's own parsing, in one process.

    .venv/bin/python bench/throughput.py [--repeat 20] [--folder DIR] [--processes N] [--batch-size 16]

Corpus: the seed articles repeated ``--repeat`` times (each copy made unique with one extra line, so
the parse cache cannot hit across copies), plus every supported file of ``--folder``. Measured:

1. raw ``nlp.pipe`` over the documents' texts with the same pipeline and components (tokens/s);
2. the full ``generate`` pipeline (read, mark junk, parse, extract, canonical names, corroborate,
   questions) over the same files with a cold parse cache (tokens/s);
3. the same again with the cache warm (speed-up over the cold run);
4. peak traced memory of the cold pipeline at 1x and 10x a corpus of at least one parse batch
   (streaming keeps it flat: documents are parsed a batch at a time and dropped after extraction).

The last line is ``generate/parse throughput ratio: X.XX``. Not a test: numbers vary by machine.
"""
from __future__ import annotations

import argparse
import gc
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyaid.gazetteer import lookup, same_kind_places  # noqa: E402
from studyaid.ingest import iter_documents  # noqa: E402
from studyaid.nlp import DocCache, load_pipeline, model_name  # noqa: E402
from studyaid.questions.stems import StemVerdicts  # noqa: E402
from studyaid.pipeline import extract_corpus  # noqa: E402
from studyaid.questions import generate  # noqa: E402


def make_corpus(folder: Path, repeat: int, extra: Path | None) -> list[Path]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(repeat):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            head, _, rest = text.partition("\n")  # a unique line in the body: no cache hit across copies
            unique = f"{head}\nThis benchmark copy is number {i} of the article.\n{rest}"
            (folder / f"{i:04d}_{seed.name}").write_text(unique, encoding="utf-8")
    if extra is not None:
        for path in sorted(extra.rglob("*")):
            if path.is_file():
                shutil.copy(path, folder / f"extra_{path.name}")
    return sorted(folder.iterdir())


def run_generate(folder: Path, nlp, cache: DocCache, processes: int, batch_size: int):
    facts = extract_corpus([str(folder)], nlp=nlp, cache=cache, n_process=processes, batch_size=batch_size)
    verdicts = StemVerdicts(cache.folder / "stems.json" if cache.enabled else None, nlp)
    result = generate(facts, gazetteer=same_kind_places, parser=nlp, stem_verdicts=verdicts)  # as the CLI does
    verdicts.save()
    return facts, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=20, help="copies of the five seeds (default 20)")
    ap.add_argument("--folder", type=Path, help="a larger folder of documents to add")
    ap.add_argument("--processes", type=int, default=1, help="nlp.pipe processes (default 1)")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (default 16)")
    ap.add_argument("--scale", type=int, default=10, help="memory check at 1x and this many x (default 10)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="studyaid-bench-"))
    try:
        nlp = load_pipeline()
        lookup("Paris")  # gazetteer index built once, as in any long-running process
        files = make_corpus(work / "corpus", args.repeat, args.folder)
        documents = list(iter_documents([str(work / "corpus")]))
        texts = [d.masked_text for d in documents]
        print(f"model {model_name()} components {nlp.pipe_names}")
        print(f"corpus: {len(files)} documents, {sum(len(t) for t in texts):,} characters")

        gc.collect()
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.processes))
        parse_s = time.perf_counter() - start
        parse_tps = tokens / parse_s
        print(f"raw nlp.pipe:        {tokens:,} tokens in {parse_s:6.2f} s = {parse_tps:9,.0f} tokens/s")

        cache = DocCache(nlp, folder=work / "cache")
        gc.collect()
        start = time.perf_counter()
        facts, result = run_generate(work / "corpus", nlp, cache, args.processes, args.batch_size)
        cold_s = time.perf_counter() - start
        cold_tps = tokens / cold_s
        print(f"generate (cold):     {tokens:,} tokens in {cold_s:6.2f} s = {cold_tps:9,.0f} tokens/s "
              f"({len(facts.facts)} facts, {len(result.questions)} questions, cache misses {cache.misses})")

        warm = DocCache(nlp, folder=work / "cache")
        start = time.perf_counter()
        run_generate(work / "corpus", nlp, warm, args.processes, args.batch_size)
        warm_s = time.perf_counter() - start
        print(f"generate (cached):   {tokens:,} tokens in {warm_s:6.2f} s = {tokens / warm_s:9,.0f} tokens/s "
              f"(facts cached for every document); speed-up over cold: {cold_s / warm_s:5.1f}x")

        # 1x holds at least one full nlp.pipe batch: below that, peak memory grows with the batch
        base = max(args.batch_size // 5 + 1, args.repeat // args.scale)
        for scale in (1, args.scale):
            folder = work / f"mem{scale}"
            n = len(make_corpus(folder, base * scale, None))
            gc.collect()
            tracemalloc.start()
            run_generate(folder, nlp, DocCache(nlp, enabled=False), 1, args.batch_size)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"peak traced memory at {scale:2d}x ({n:4d} documents): {peak / 2**20:7.1f} MiB")
        print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
        print(f"generate/parse throughput ratio: {cold_tps / parse_tps:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
