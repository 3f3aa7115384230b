"""Command line: ``python -m studyaid COMMAND`` (or ``studyaid COMMAND``)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from .errors import StudyaidError

EPILOG = """examples:
  studyaid facts seeds/                       facts found in the sample articles, as tables
  studyaid facts seeds/ --json facts.json     ... and written as JSON
  studyaid generate seeds/ -o bank.json       questions from them, as a question bank

environment:
  STUDYAID_MODEL      spaCy pipeline to use (default: the largest English one installed)
  STUDYAID_CACHE_DIR  where parsed documents are cached (default: .studyaid-cache)
  STUDYAID_MAX_BYTES  largest document accepted (default: 5MB)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studyaid",
        description="Turn articles into grounded facts, quiz questions and Anki decks.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    facts = sub.add_parser(
        "facts",
        help="extract facts (quotes, quantities, places, roles, dates) and show them",
        description="Read documents (.txt, .md, .html, .pdf, or folders of them), extract facts and print "
                    "them as tables, one per fact type.",
    )
    facts.add_argument("paths", nargs="+", metavar="PATH", help="a document or a folder of documents")
    facts.add_argument("--json", metavar="FILE", help="also write the facts as JSON to FILE ('-' for stdout)")
    facts.add_argument("--no-cache", action="store_true", help="parse again even when a cached parse exists")
    facts.add_argument("--quiet", action="store_true", help="no tables and no progress, only errors")

    gen = sub.add_parser(
        "generate",
        help="generate multiple-choice and cloze questions and write the question bank (JSON)",
        description="Extract facts from documents, turn them into multiple-choice and cloze questions, drop "
                    "what a teacher would reject, and write the bank as JSON. Prints a summary.",
    )
    gen.add_argument("paths", nargs="+", metavar="PATH", help="a document or a folder of documents")
    gen.add_argument("-o", "--output", default="bank.json", metavar="FILE", help="bank file to write (default: bank.json)")
    gen.add_argument("--seed", type=int, default=0, help="seed for option order and wrong-option choice (default: 0)")
    gen.add_argument("--kinds", default="mcq,cloze", help="question kinds, comma-separated (default: mcq,cloze)")
    gen.add_argument("--facts-json", metavar="FILE", help="also write the extracted facts as JSON")
    gen.add_argument("--no-cache", action="store_true", help="parse again even when a cached parse exists")
    gen.add_argument("--quiet", action="store_true", help="no progress and no summary, only errors")
    return parser


def _progress(quiet: bool):
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if quiet:
        return None
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True,
                    console=_stderr_console())


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _extract(paths: Sequence[str], no_cache: bool, quiet: bool):
    from .nlp import DocCache, load_pipeline
    from .pipeline import extract_corpus

    progress = _progress(quiet)
    if progress is None:
        nlp = load_pipeline()
        return extract_corpus(paths, nlp=nlp, cache=DocCache(nlp, enabled=not no_cache))
    with progress:
        task = progress.add_task("loading the spaCy pipeline", total=None)
        nlp = load_pipeline()
        done = 0

        def tick(path: str) -> None:
            nonlocal done
            done += 1
            progress.update(task, description=f"read {done} document(s): {path}")

        progress.update(task, description="reading documents")
        return extract_corpus(paths, nlp=nlp, cache=DocCache(nlp, enabled=not no_cache), on_document=tick)


def cmd_facts(args: argparse.Namespace) -> int:
    from .report import print_facts

    facts = _extract(args.paths, args.no_cache, args.quiet)
    if not facts.documents:
        _stderr_console().print("[red]no readable documents[/] in " + ", ".join(args.paths))
        for problem in facts.problems:
            _stderr_console().print(f"  {problem}")
        return 2
    if not args.quiet:
        print_facts(facts)
    if args.json:
        data = facts.model_dump_json(indent=2)
        if args.json == "-":
            sys.stdout.write(data + "\n")
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
            if not args.quiet:
                _stderr_console().print(f"wrote {len(facts.facts)} facts to {args.json}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from .bank import Bank, write_bank
    from .gazetteer import same_kind_places
    from .questions import generate
    from .summary import print_summary

    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    unknown = set(kinds) - {"mcq", "cloze"}
    if unknown or not kinds:
        raise StudyaidError(f"--kinds: unknown question kind(s) {sorted(unknown)}; use mcq and/or cloze")
    facts = _extract(args.paths, args.no_cache, args.quiet)
    if not facts.documents:
        _stderr_console().print("[red]no readable documents[/] in " + ", ".join(args.paths))
        for problem in facts.problems:
            _stderr_console().print(f"  {problem}")
        return 2
    if args.facts_json:
        Path(args.facts_json).write_text(facts.model_dump_json(indent=2) + "\n", encoding="utf-8")
    result = generate(facts, seed=args.seed, gazetteer=same_kind_places, kinds=kinds)
    write_bank(Bank(documents=facts.documents, questions=result.questions), args.output)
    if not args.quiet:
        print_summary(facts, result, args.output, _stderr_console())
    return 0


COMMANDS = {"facts": cmd_facts, "generate": cmd_generate}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 1
    try:
        return COMMANDS[args.command](args)
    except StudyaidError as exc:
        print(f"studyaid: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
