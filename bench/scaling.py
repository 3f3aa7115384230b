"""How cost grows with corpus size, on distinct real articles (not copies of the seeds).

    .venv/bin/python bench/scaling.py FOLDER [--sizes 100,200,400,800,0] [--warm]

For each size N (0 = every article), the first N ``.txt`` files of FOLDER (sorted by name, so the runs
nest) go through the whole pipeline in one process: read, mark junk, parse, extract, canonical names
and corroboration (``extract_corpus``), then questions with the stem checker (``generate``). Parses
and facts are cached in a fresh folder per size; ``--warm`` also times a second run on that cache,
where only resolving and question generation are left. Printed per size: seconds for extraction and
for questions, milliseconds per document, and the growth exponent against the previous size (1.0 is
linear, 2.0 quadratic). Use the development corpus (``../shared/tools/dev_corpus.sh SNAP DIR --all``,
about 1,300 articles). Not a test: figures depend on the machine.
"""
from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyaid.gazetteer import same_kind_places  # noqa: E402
from studyaid.nlp import DocCache, load_pipeline  # noqa: E402
from studyaid.pipeline import extract_corpus  # noqa: E402
from studyaid.questions import generate  # noqa: E402
from studyaid.questions.stems import StemVerdicts  # noqa: E402


def run(files: list[str], nlp, cache: DocCache) -> tuple[float, float, int, int]:
    start = time.perf_counter()
    facts = extract_corpus(files, nlp=nlp, cache=cache)
    middle = time.perf_counter()
    verdicts = StemVerdicts(cache.folder / "stems.json", nlp)
    questions = generate(facts, gazetteer=same_kind_places, parser=nlp, stem_verdicts=verdicts).questions
    verdicts.save()
    return middle - start, time.perf_counter() - middle, len(facts.facts), len(questions)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="folder of .txt articles")
    ap.add_argument("--sizes", default="100,200,400,800,0", help="corpus sizes, 0 = all (default 100,200,400,800,0)")
    ap.add_argument("--warm", action="store_true", help="also time a re-run on the warm cache")
    args = ap.parse_args()
    files = sorted(str(p) for p in args.folder.glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    previous: tuple[int, float] | None = None
    print(f"{'docs':>5} {'extract s':>10} {'questions s':>12} {'ms/doc':>8} {'growth':>7} {'facts':>6} {'questions':>9}"
          + ("   warm s" if args.warm else ""))
    for size in (int(s) for s in args.sizes.split(",")):
        chosen = files if size <= 0 else files[:size]
        with tempfile.TemporaryDirectory(prefix="studyaid-scaling-") as tmp:
            cache = DocCache(nlp, folder=Path(tmp))
            extract_s, questions_s, n_facts, n_questions = run(chosen, nlp, cache)
            warm = ""
            if args.warm:
                w_extract, w_questions, _, _ = run(chosen, nlp, DocCache(nlp, folder=Path(tmp)))
                warm = f" {w_extract + w_questions:8.2f}"
        total = extract_s + questions_s
        growth = (f"{math.log(total / previous[1]) / math.log(len(chosen) / previous[0]):7.2f}"
                  if previous and len(chosen) > previous[0] else "      -")
        print(f"{len(chosen):5d} {extract_s:10.2f} {questions_s:12.2f} {1000 * total / len(chosen):8.1f} {growth} "
              f"{n_facts:6d} {n_questions:9d}{warm}", flush=True)
        previous = (len(chosen), total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
