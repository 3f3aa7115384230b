"""How balanced a bank and the quizzes drawn from it are (issue 14; a benchmark, not a test).

    .venv/bin/python bench/quiz_balance.py BANK.json [--sizes 10,20,40] [--seeds 20]

Prints the share of "who said" questions (a quote's multiple choice, and its cloze, which blanks the
speaker), the bank's most frequent answers, and over quizzes drawn by the app's ``pick_questions`` (whole
bank and per document, several seeds) the largest share one answer takes of a quiz.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from studyaid.app.quiz import MAX_ANSWER_SHARE, answer_key, pick_questions
from studyaid.bank import read_bank


def _largest_share(quiz) -> float:
    return max(Counter(answer_key(q) for q in quiz).values()) / len(quiz) if quiz else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bank")
    parser.add_argument("--sizes", default="10,20,40")
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args()
    questions = list(read_bank(Path(args.bank)).questions)
    if not questions:
        print(f"{args.bank}: no questions", file=sys.stderr)
        return 1
    who = sum(q.fact_type == "quote" for q in questions)
    print(f"questions: {len(questions)}; who said: {who} = {who / len(questions):.1%} "
          f"(multiple choice {sum(q.fact_type == 'quote' and q.kind == 'mcq' for q in questions)})")
    answers = Counter(answer_key(q) for q in questions)
    top, n = answers.most_common(1)[0]
    print(f"bank's most frequent answer: {top!r} in {n} = {n / len(questions):.1%}")
    documents = sorted({s.document for q in questions for s in q.sources})
    for size in (int(x) for x in args.sizes.split(",")):
        whole = max(_largest_share(pick_questions(questions, count=size, seed=seed)) for seed in range(args.seeds))
        own = [(_largest_share(quiz), d) for d in documents for seed in range(2)
               if len(quiz := pick_questions(questions, document=d, count=size, seed=seed)) == size]
        worst, where = max(own) if own else (0.0, "none")
        over = sum(share > max(MAX_ANSWER_SHARE, 1 / size) for share, _ in own)
        print(f"quizzes of {size}: whole bank, largest share of one answer {whole:.1%}; one document "
              f"({len(own) // 2} with {size}+ questions) {worst:.1%} at worst ({where}), "
              f"{over} of {len(own)} over max(5%, one question)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
