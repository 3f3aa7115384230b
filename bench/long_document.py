"""How the cost of ONE document grows with its length: 10 KB, 100 KB, 1 MB, 2 MB, a sentence-less line, a PDF.

    .venv/bin/python bench/long_document.py [--folder DIR] [--sizes 10,100,1000,2000] [--line 50] [--pdf-pages 2000]
    .venv/bin/python bench/long_document.py --case article:100 --profile   # one case under cProfile

The inputs are built here, never stored: an article of N KB is distinct real articles of ``--folder``
(default: the development corpus in /tmp/devall when it is there, else ``seeds/``) joined with blank
lines into one ``.txt`` until it is N KB long (cycled with a numbered part heading if the folder is too
small); the sentence-less line is the same words with every punctuation mark and line break removed;
the PDF has ``--pdf-pages`` pages that all share one content stream (a cheap file, an expensive read).

Each case runs in a fresh process (so its peak memory is its own) through the whole pipeline: read
(limits, junk marking), parse and extract (``extract_corpus``, no cache), then questions with the stem
checker (``generate``). Printed: wall seconds per stage, seconds per MB, the growth exponent of the
total time against the previous size (1.0 is linear, 2.0 quadratic), CPU seconds (less disturbed than
wall time on a shared machine) and peak RSS. Not a test: figures depend on the machine.
"""
from __future__ import annotations

import argparse
import io
import json
import math
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEV_CORPUS = Path("/tmp/devall")
KB = 1024


def default_folder() -> Path:
    return DEV_CORPUS if DEV_CORPUS.is_dir() and any(DEV_CORPUS.glob("*.txt")) else ROOT / "seeds"


def long_article(size_bytes: int, folder: Path) -> str:
    """Distinct articles of ``folder`` joined into one text of about ``size_bytes`` UTF-8 bytes."""
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt articles in {folder}")
    parts: list[str] = []
    total = 0
    round_ = 0
    while total < size_bytes:
        for file in files:
            text = file.read_text(encoding="utf-8", errors="replace").strip()
            if round_:
                text = f"Part {round_ + 1}\n\n{text}"  # the folder ran out: the same articles again, marked
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size_bytes:
                break
        round_ += 1
    return "\n\n".join(parts)[:size_bytes]


def sentence_less_line(size_bytes: int, folder: Path) -> str:
    """Words of real articles on one line, without any punctuation mark or line break."""
    words = re.sub(r"[^\w ]+", " ", long_article(size_bytes * 2, folder).replace("\n", " ")).split()
    line: list[str] = []
    total = 0
    for word in words:
        if total >= size_bytes:
            break
        line.append(word)
        total += len(word) + 1
    return " ".join(line)


def many_page_pdf(pages: int, text: str = "A line of text that every page shows again.") -> bytes:
    """A PDF of ``pages`` pages that all draw one shared content stream: small file, long text."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    stream = DecodedStreamObject()
    stream.set_data(("BT /F1 12 Tf 72 720 Td (" + text.replace("(", "").replace(")", "") + ") Tj ET").encode("latin-1"))
    content = writer._add_object(stream)
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        page[NameObject("/Contents")] = content
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build(case: str, folder: Path) -> tuple[str, bytes]:
    """``(file name, bytes)`` of a case: ``article:KB``, ``line:KB`` or ``pdf:PAGES``."""
    kind, _, amount = case.partition(":")
    n = int(amount)
    if kind == "article":
        return f"long_{n}kb.txt", long_article(n * KB, folder).encode("utf-8")
    if kind == "line":
        return f"line_{n}kb.txt", sentence_less_line(n * KB, folder).encode("utf-8")
    if kind == "pdf":
        return f"pages_{n}.pdf", many_page_pdf(n)
    raise SystemExit(f"unknown case {case!r}: use article:KB, line:KB or pdf:PAGES")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_case(case: str, folder: Path) -> dict:
    """One case through the pipeline in this process; the figures as a dict."""
    from studyaid.errors import StudyaidError
    from studyaid.gazetteer import same_kind_places
    from studyaid.ingest import document_from_bytes
    from studyaid.nlp import DocCache, load_pipeline
    from studyaid.pipeline import extract_corpus
    from studyaid.questions import generate

    name, data = build(case, folder)
    nlp = load_pipeline()
    result: dict = {"case": case, "bytes": len(data)}
    cpu_start = _cpu()
    start = time.perf_counter()
    try:
        document = document_from_bytes(name, data)
    except StudyaidError as exc:
        result.update(read_s=time.perf_counter() - start, refused=exc.message)
        result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return result
    result["read_s"] = time.perf_counter() - start
    result["chars"] = len(document.text)
    with tempfile.TemporaryDirectory(prefix="studyaid-long-") as tmp:
        cache = DocCache(nlp, folder=Path(tmp), enabled=False)
        start = time.perf_counter()
        facts = extract_corpus([document], nlp=nlp, cache=cache)
        result["extract_s"] = time.perf_counter() - start
        start = time.perf_counter()
        questions = generate(facts, gazetteer=same_kind_places, parser=nlp).questions
        result["questions_s"] = time.perf_counter() - start
    result.update(facts=len(facts.facts), questions=len(questions), problems=facts.problems, cpu_s=_cpu() - cpu_start)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folder", type=Path, default=None, help="folder of .txt articles to join (default /tmp/devall or seeds/)")
    ap.add_argument("--sizes", default="10,100,1000,2000", help="article sizes in KB (default 10,100,1000,2000)")
    ap.add_argument("--line", type=int, default=50, help="size of the sentence-less line in KB, 0 = none (default 50)")
    ap.add_argument("--pdf-pages", type=int, default=2000, help="pages of the shared-stream PDF, 0 = none (default 2000)")
    ap.add_argument("--case", help="run one case in this process (article:KB, line:KB, pdf:PAGES) and print JSON")
    ap.add_argument("--profile", action="store_true", help="with --case: print the top of a cProfile")
    args = ap.parse_args()
    folder = args.folder or default_folder()
    if args.case:
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            result = profiler.runcall(run_case, args.case, folder)
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(30)
        else:
            result = run_case(args.case, folder)
        print(json.dumps(result))
        return 0
    cases = [f"article:{s}" for s in args.sizes.split(",") if s.strip()]
    cases += [f"line:{args.line}"] if args.line else []
    cases += [f"pdf:{args.pdf_pages}"] if args.pdf_pages else []
    print(f"articles from {folder}")
    print(f"{'case':>14} {'bytes':>9} {'read s':>7} {'extract s':>9} {'questions s':>11} {'total s':>8} "
          f"{'s per MB':>8} {'growth':>6} {'CPU s':>7} {'peak MiB':>8} {'facts':>6} {'questions':>9}")
    previous: tuple[int, float] | None = None
    for case in cases:
        done = subprocess.run([sys.executable, __file__, "--folder", str(folder), "--case", case],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{case:>14} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        if "refused" in r:
            print(f"{case:>14} {r['bytes']:>9,} {r['read_s']:>7.2f} refused in {r['read_s']:.2f} s: {r['refused']}"
                  f" (peak {r['peak_mib']:.0f} MiB)")
            continue
        total = r["read_s"] + r["extract_s"] + r["questions_s"]
        growth = ""
        if previous and case.startswith("article:") and r["bytes"] > previous[0]:
            growth = f"{math.log(total / previous[1]) / math.log(r['bytes'] / previous[0]):.2f}"
        if case.startswith("article:"):
            previous = (r["bytes"], total)
        per_mb = total / (r["bytes"] / (KB * KB))
        print(f"{case:>14} {r['bytes']:>9,} {r['read_s']:>7.2f} {r['extract_s']:>9.2f} {r['questions_s']:>11.2f} "
              f"{total:>8.2f} {per_mb:>8.1f} {growth:>6} {r['cpu_s']:>7.1f} {r['peak_mib']:>8.0f} {r['facts']:>6} "
              f"{r['questions']:>9}")
        for problem in r.get("problems", []):
            print(f"{'':>14} problem: {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
