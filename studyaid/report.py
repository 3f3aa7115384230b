"""Readable tables of facts for the terminal (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .facts import FactSet
from .extract.numbers import format_number


def _sources(fact) -> str:
    docs = sorted({s.document.rsplit("/", 1)[-1] for s in fact.sources})
    return f"{len(docs)}: " + ", ".join(docs)


def _row(fact) -> tuple[str, ...]:
    t = fact.type
    if t == "quote":
        who = fact.speaker.name + (f" ({fact.resolved_from})" if fact.resolved_from else "")
        return who, f"{fact.mode} · {fact.cue}", fact.text
    if t == "quantity":
        value = (f"{fact.qualifier} " if fact.qualifier else "") + format_number(fact.value)
        if fact.total:
            value += f" of {format_number(fact.total)}"
        return value + (f" {fact.unit}" if fact.unit else ""), fact.counted, fact.phrase + (" (vague)" if fact.vague else "")
    if t == "place":
        kind = fact.place_kind + (f", {fact.country}" if fact.country else "")
        return fact.place.name, kind, f"{fact.relation}: {fact.event}"
    if t == "role":
        return fact.person.name, fact.role, fact.title + (f" · {fact.organization}" if fact.organization else "")
    if t == "date":
        return fact.date, fact.iso or "", fact.event
    return ("", "", "")


HEADERS = {
    "quote": ("Speaker", "How", "Said"),
    "quantity": ("How many", "Of what", "As written"),
    "place": ("Place", "Kind", "What happened there"),
    "role": ("Person", "Role", "Title · organisation"),
    "date": ("Date", "ISO", "Event"),
}
TITLES = {"quote": "Who said what", "quantity": "How many", "place": "Which places", "role": "Who holds which role",
          "date": "When"}


def print_facts(facts: FactSet, console: Console | None = None) -> None:
    console = console or Console()
    for fact_type, title in TITLES.items():
        rows = facts.of_type(fact_type)
        table = Table(title=f"{title} ({len(rows)})", show_lines=False, expand=True)
        for header in HEADERS[fact_type]:
            table.add_column(header, overflow="fold")
        table.add_column("Sources", overflow="fold", max_width=28)
        table.add_column("Conf.", justify="right", width=5)
        for fact in rows:
            # fact text is not markup: "the Coalition of [the] Willing" keeps its brackets
            table.add_row(*(escape(cell) for cell in _row(fact)), escape(_sources(fact)), f"{fact.confidence:.2f}")
        console.print(table)
    people = [e for e in facts.entities if e.kind == "person"]
    if people:
        table = Table(title=f"People ({len(people)}): one name each", expand=True)
        table.add_column("Canonical name")
        table.add_column("Also written", overflow="fold")
        table.add_column("Documents", justify="right")
        for e in people:
            table.add_row(escape(e.name), escape(", ".join(a for a in e.aliases if a != e.name)), str(len(e.documents)))
        console.print(table)
    for note in facts.notes:
        console.print(f"note: {escape(note)}")
    for problem in facts.problems:
        console.print(f"[yellow]skipped:[/] {escape(problem)}")
