"""Question quality the way the field judges it: blind rating packs against a classic baseline.

    .venv/bin/python bench/question_quality.py prepare [--corpus .dev-corpus] [--out test-artifacts/rating]
        [--items 120] [--seed-items 24] [--baseline-items 40] [--packs 3] [--seed 1]
        [--unseen DIR --unseen-items 76]
    .venv/bin/python bench/question_quality.py score [--out test-artifacts/rating]

``prepare`` generates a studyaid bank on the development corpus (``../shared/tools/dev_corpus.sh``:
news nobody tuned for) and one on the seeds, the classic gap-fill baseline
(``../shared/tools/rating/baseline_gadfly.py``) on the same texts, writes every text as UTF-8 to
``OUT/texts`` and mixes the banks into blind packs (``make_packs.py``; the key is written beside the
packs, outside them). It prints what needs no rater: questions per 1,000 words, questions by kind and
fact type, and where the right option stands in multiple-choice questions (A/B/C/D shares).
``--unseen DIR`` adds a slice from articles nobody working on the rules has read (e.g. archive articles
outside the development corpus and every labelled set): the development corpus flatters the rules
grown on it, so this slice is the honest figure.

Give each rater (a helper session) ``../shared/tools/rating/RUBRIC.md``, one ``OUT/packs/pack_K.md`` and
``OUT/texts``, and nothing else; each writes ``OUT/ratings_K.jsonl``. ``score`` then unblinds them
(``score.py``) and prints acceptability and every criterion by system, kind and fact type. Not a test.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT.parent / "shared" / "tools"
RATING = TOOLS / "rating"


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _words(folder: Path) -> int:
    return sum(len(_text(p).split()) for p in folder.glob("*.txt"))


def _generate(folder: Path, bank: Path) -> None:
    bank.unlink(missing_ok=True)  # a fresh bank, not merged into the last run's
    subprocess.run([sys.executable, "-m", "studyaid", "generate", str(folder), "-o", str(bank), "--quiet"],
                   check=True, cwd=ROOT)


def describe(name: str, bank: Path, words: int) -> None:
    questions = json.loads(bank.read_text(encoding="utf-8"))["questions"]
    mcq = [q for q in questions if q["kind"] == "mcq"]
    kinds = collections.Counter(q["kind"] for q in questions)
    types = collections.Counter(q.get("fact_type", "?") for q in questions)
    print(f"{name}: {len(questions)} questions over {words:,} words = "
          f"{1000 * len(questions) / max(words, 1):.1f} per 1,000 words; {dict(kinds)}; {dict(types)}")
    if mcq:
        positions = collections.Counter(q["options"].index(q["answer"]) for q in mcq if q["answer"] in q["options"])
        shares = ", ".join(f"{'ABCDEF'[i]} {positions[i] / len(mcq):.0%}" for i in sorted(positions))
        longest = sum(max(q["options"], key=len) == q["answer"] for q in mcq) / len(mcq)
        print(f"  right option position: {shares}; right option is the longest in {longest:.0%}")


def _by_kind(out: Path, name: str, bank: Path, items: int) -> list[str]:
    """``make_packs`` specs for a bank's multiple choice and cloze, sampled apart (half the items each), so
    multiple choice is not swamped by the many clozes."""
    specs = []
    for kind, n in (("mcq", items // 2), ("cloze", items - items // 2)):
        questions = [q for q in json.loads(bank.read_text(encoding="utf-8"))["questions"] if q["kind"] == kind]
        path = out / f"studyaid_{name}_{kind}.json"
        path.write_text(json.dumps({"questions": questions}), encoding="utf-8")
        specs.append(f"studyaid_{name}_{kind}={path}:{n}")
    return specs


def prepare(args: argparse.Namespace) -> None:
    out = Path(args.out)
    texts = out / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    corpus, seeds = Path(args.corpus), ROOT / "seeds"
    unseen = Path(args.unseen) if args.unseen else None
    if not any(corpus.glob("*.txt")):
        sys.exit(f"no .txt articles in {corpus}: build it with ../shared/tools/dev_corpus.sh (see its header)")
    if unseen is not None and not any(unseen.glob("*.txt")):
        sys.exit(f"no .txt articles in {unseen} (--unseen)")
    for folder in (corpus, seeds, *([unseen] if unseen else [])):
        for p in folder.glob("*.txt"):
            (texts / p.name).write_text(_text(p), encoding="utf-8")
    dev_bank, seed_bank, baseline = out / "studyaid_dev.json", out / "studyaid_seeds.json", out / "gadfly.json"
    _generate(corpus.resolve(), dev_bank)
    _generate(seeds, seed_bank)
    files = sorted(str(p) for p in texts.glob("*.txt"))
    subprocess.run([sys.executable, str(RATING / "baseline_gadfly.py"), str(baseline), *files], check=True)
    describe("studyaid, development corpus", dev_bank, _words(corpus))
    describe("studyaid, seeds", seed_bank, _words(seeds))
    describe("baseline (gadfly), both", baseline, _words(texts))
    specs = _by_kind(out, "dev", dev_bank, args.items)
    if unseen is not None:
        unseen_bank = out / "studyaid_unseen.json"
        _generate(unseen.resolve(), unseen_bank)
        describe("studyaid, unseen articles", unseen_bank, _words(unseen))
        specs += _by_kind(out, "unseen", unseen_bank, args.unseen_items)
    subprocess.run([sys.executable, str(RATING / "make_packs.py"), str(out / "packs"), str(args.packs), str(args.seed),
                    *specs,
                    f"studyaid_seeds={seed_bank}:{args.seed_items}",
                    f"gadfly={baseline}:{args.baseline_items}", "--texts", str(texts.resolve())], check=True)


def score(args: argparse.Namespace) -> None:
    out = Path(args.out)
    ratings = sorted(out.glob("ratings_*.jsonl"))
    if not ratings:
        sys.exit(f"no ratings_*.jsonl in {out}")
    subprocess.run([sys.executable, str(RATING / "score.py"), str(out / "packs.key.json"), *map(str, ratings)],
                   check=True)
    key = json.loads((out / "packs.key.json").read_text())
    problems = collections.Counter()
    accepted = collections.defaultdict(list)
    for path in ratings:
        for line in path.read_text().splitlines():
            row = json.loads(line) if line.strip() else None
            if not row:
                continue
            accepted[key[row["item"]]["system"]].append(row.get("acceptable") or 0)
            if not row.get("acceptable") and key[row["item"]]["system"].startswith("studyaid"):
                problems[re.sub(r"\s+", " ", row.get("problem", "")).strip()[:70]] += 1
    for name, label in (("dev", "development corpus"), ("unseen", "unseen articles")):
        bank = out / f"studyaid_{name}.json"
        if bank.exists() and accepted.get(f"studyaid_{name}_mcq") and accepted.get(f"studyaid_{name}_cloze"):
            kinds = collections.Counter(q["kind"] for q in json.loads(bank.read_text(encoding="utf-8"))["questions"])
            rate = {k: sum(accepted[f"studyaid_{name}_{k}"]) / len(accepted[f"studyaid_{name}_{k}"])
                    for k in ("mcq", "cloze")}
            overall = sum(rate[k] * kinds[k] for k in rate) / sum(kinds[k] for k in rate)
            print(f"\n{label}, acceptable as the bank mixes them ({kinds['mcq']} multiple choice, "
                  f"{kinds['cloze']} cloze): {overall:.1%} (multiple choice {rate['mcq']:.1%}, cloze {rate['cloze']:.1%})")
    print("\nstudyaid items not acceptable, by the rater's stated problem:")
    for problem, n in problems.most_common(40):
        print(f"  {n:3}  {problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="generate the banks and the blind packs")
    p.add_argument("--corpus", default=".dev-corpus", help="folder of development articles (.txt)")
    p.add_argument("--out", default="test-artifacts/rating", help="output folder (git-ignored)")
    p.add_argument("--items", type=int, default=120,
                   help="studyaid items from the development corpus, half multiple choice, half cloze")
    p.add_argument("--seed-items", type=int, default=24, help="studyaid items from the seeds")
    p.add_argument("--baseline-items", type=int, default=40, help="baseline items")
    p.add_argument("--packs", type=int, default=3, help="number of packs (one per rater)")
    p.add_argument("--seed", type=int, default=1, help="sampling seed")
    p.add_argument("--unseen", help="folder of articles nobody working on the rules has read (.txt)")
    p.add_argument("--unseen-items", type=int, default=76, help="studyaid items from --unseen")
    s = sub.add_parser("score", help="unblind the ratings_*.jsonl next to the packs")
    s.add_argument("--out", default="test-artifacts/rating")
    args = parser.parse_args()
    prepare(args) if args.command == "prepare" else score(args)


if __name__ == "__main__":
    main()
