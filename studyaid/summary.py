"""The end-of-run summary: questions by kind and type, and what was dropped and why."""
from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def print_summary(facts, result, output: str, console: Console | None = None) -> None:
    console = console or Console(stderr=True)
    by = Counter((q.fact_type, q.kind) for q in result.questions)
    types = sorted({t for t, _ in by} | {f.type for f in facts.facts})
    table = Table(title=f"{len(result.questions)} questions from {len(facts.facts)} facts in {len(facts.documents)} documents")
    table.add_column("fact type")
    table.add_column("facts", justify="right")
    table.add_column("multiple choice", justify="right")
    table.add_column("cloze", justify="right")
    fact_counts = Counter(f.type for f in facts.facts)
    for t in types:
        table.add_row(t, str(fact_counts[t]), str(by[(t, "mcq")]), str(by[(t, "cloze")]))
    console.print(table)
    reasons = Counter(d.reason for d in result.dropped)
    if reasons:
        console.print("dropped: " + "; ".join(f"{n} {r}" for r, n in reasons.most_common()))
    for note in facts.notes:  # paths are not markup
        console.print("note: " + escape(note))
    for problem in facts.problems:
        console.print(f"[yellow]skipped:[/] {problem}")
    console.print(f"wrote {output}")
