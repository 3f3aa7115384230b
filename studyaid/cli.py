"""Command line: ``python -m studyaid COMMAND`` (or ``studyaid COMMAND``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from .errors import StudyaidError

EPILOG = """examples:
  studyaid facts seeds/                       facts found in the sample articles, as tables
  studyaid facts seeds/ --json facts.json     ... and written as JSON
  studyaid generate seeds/ -o bank.json       questions from them, as a question bank
  studyaid export bank.json -o decks/news.apkg   the bank as an Anki deck (.gift, .xml, .csv, .json too)
  studyaid build seeds/                       generate + export: decks/seeds.apkg and decks/seeds.json

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
        description="Read documents (.txt, .md, .html, .pdf, .docx, or folders of them), extract facts and print "
                    "them as tables, one per fact type.",
    )
    facts.add_argument("paths", nargs="+", metavar="PATH", help="a document or a folder of documents")
    facts.add_argument("--json", metavar="FILE", help="also write the facts as JSON to FILE ('-' for stdout)")
    _add_reading_options(facts)
    facts.add_argument("--quiet", action="store_true", help="no tables and no progress, only errors")

    gen = sub.add_parser(
        "generate",
        help="generate multiple-choice and cloze questions and write the question bank (JSON)",
        description="Extract facts from documents, turn them into multiple-choice and cloze questions, drop "
                    "what a teacher would reject, and write the bank as JSON. Prints a summary.",
    )
    gen.add_argument("paths", nargs="+", metavar="PATH", help="a document or a folder of documents")
    gen.add_argument("-o", "--output", default="bank.json", metavar="FILE", help="bank file to write (default: bank.json)")
    gen.add_argument("--facts-json", metavar="FILE", help="also write the extracted facts as JSON")
    _add_generation_options(gen)
    _add_reading_options(gen)
    gen.add_argument("--quiet", action="store_true", help="no progress and no summary, only errors")
    _add_export_parsers(sub)
    return parser


EXPORT_FORMATS = ".apkg (Anki), .gift (Moodle GIFT), .xml (Moodle XML), .csv (spreadsheet), .json (bank)"


def _add_export_parsers(sub) -> None:
    """The ``export`` and ``build`` subcommands."""
    exp = sub.add_parser(
        "export",
        help="write a question bank as an Anki deck, Moodle GIFT/XML, CSV or JSON",
        description=f"Write the questions of a bank file in the format named by the output's extension: "
                    f"{EXPORT_FORMATS}. Rejected questions are left out (except in .json).",
    )
    exp.add_argument("bank", metavar="BANK", help="question bank JSON (from 'studyaid generate')")
    exp.add_argument("-o", "--output", metavar="FILE",
                     help="file to write; its extension picks the format (default: decks/<bank name>.apkg)")
    exp.add_argument("--deck-name", metavar="NAME", help="Anki deck / Moodle category name (default: the output's stem)")
    exp.add_argument("--quiet", action="store_true", help="no summary, only errors")

    build = sub.add_parser(
        "build",
        help="generate questions from documents and export them in one step (default: an Anki deck)",
        description="Run 'generate' and 'export' in one step: writes the deck (default decks/<first PATH's "
                    "name>.apkg) and the question bank next to it (same name, .json).",
    )
    build.add_argument("paths", nargs="+", metavar="PATH", help="a document or a folder of documents")
    build.add_argument("-o", "--output", metavar="FILE",
                       help=f"file to write, format from the extension: {EXPORT_FORMATS} "
                            "(default: decks/<first PATH's name>.apkg)")
    build.add_argument("--deck-name", metavar="NAME", help="Anki deck / Moodle category name (default: the output's stem)")
    _add_generation_options(build)
    _add_reading_options(build)
    build.add_argument("--quiet", action="store_true", help="no progress and no summary, only errors")


def _add_reading_options(command) -> None:
    command.add_argument("--no-cache", action="store_true",
                         help="parse and extract again even when cached results exist")
    command.add_argument("--processes", type=_positive, default=1, metavar="N",
                         help="parse with N processes (default 1; spaCy nlp.pipe n_process)")


def _add_generation_options(command) -> None:
    command.add_argument("--seed", type=int, default=0,
                         help="seed for which wrong options are chosen (default: 0); the answer's position comes from the question id")
    command.add_argument("--kinds", default="mcq,cloze", help="question kinds, comma-separated (default: mcq,cloze)")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _progress(quiet: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if quiet:
        return None
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), transient=True, console=_stderr_console())


def _count_documents(paths: Sequence[str]) -> int | None:
    """How many files a run will read (for the progress bar); None when unknown."""
    from .ingest.readers import folder_files

    total = 0
    for path in map(Path, paths):
        if path.is_dir():
            total += len(folder_files(path))
        elif path.is_file():
            total += 1
    return total or None


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _read(paths: Sequence[str], texts: dict[str, str], problems: list[str]):
    """The documents of ``paths``, each text kept in ``texts`` (the merge checks sources against them)."""
    from .ingest import iter_documents

    for document in iter_documents(paths, on_error=lambda error: problems.append(str(error))):
        texts[document.path] = document.text
        yield document


def _extract(paths: Sequence[str], no_cache: bool, quiet: bool, processes: int = 1,
             texts: dict[str, str] | None = None):
    """The facts of ``paths``; ``texts`` (when given) receives every document's text by name."""
    problems: list[str] = []
    facts = _extract_facts(_read(paths, {} if texts is None else texts, problems), paths, no_cache, quiet, processes)
    return facts.model_copy(update={"problems": problems + facts.problems})


def _extract_facts(sources, paths: Sequence[str], no_cache: bool, quiet: bool, processes: int):
    from .nlp import DocCache, load_pipeline
    from .pipeline import extract_corpus

    progress = _progress(quiet)
    if progress is None:
        nlp = load_pipeline()
        return extract_corpus(sources, nlp=nlp, cache=DocCache(nlp, enabled=not no_cache), n_process=processes)
    with progress:
        task = progress.add_task("loading the spaCy pipeline", total=None)
        nlp = load_pipeline()
        progress.update(task, description="reading documents", total=_count_documents(paths))

        def tick(path: str) -> None:
            progress.update(task, advance=1, description=f"read {Path(path).name}")

        return extract_corpus(sources, nlp=nlp, cache=DocCache(nlp, enabled=not no_cache), on_document=tick,
                              n_process=processes)


def cmd_facts(args: argparse.Namespace) -> int:
    from .report import print_facts

    facts = _extract(args.paths, args.no_cache, args.quiet, args.processes)
    if not facts.documents:
        return _no_documents(args.paths, facts)
    if not args.quiet:
        print_facts(facts)  # the tables end with the files skipped
    else:
        for problem in facts.problems:  # quiet means no tables, not silence about files left out
            _stderr_console().print(f"skipped: {problem}", markup=False, highlight=False)
    if args.json:
        data = facts.model_dump_json(indent=2)
        if args.json == "-":
            sys.stdout.write(data + "\n")
        else:
            _write_json(args.json, data)
            if not args.quiet:
                _stderr_console().print(f"wrote {len(facts.facts)} facts to {args.json}")
    return 0


def _write_json(path: str, data: str) -> None:
    """``data`` written atomically to ``path``; a place that cannot be written is an error naming it."""
    from .atomic import write_text

    try:
        write_text(path, data + "\n")
    except OSError as exc:  # a read-only folder, a file where a folder should be, a full disk
        raise StudyaidError(f"{path}: cannot write the facts JSON ({exc.strerror or exc})") from exc


def _no_documents(paths: Sequence[str], facts) -> int:
    from rich.markup import escape

    _stderr_console().print("[red]no readable documents[/] in " + escape(", ".join(paths)))
    for problem in facts.problems:  # paths are not markup: "[draft] notes.txt"
        _stderr_console().print(f"  {problem}", markup=False, highlight=False)
    return 2


def _kinds(text: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in text.split(",") if k.strip())
    unknown = set(kinds) - {"mcq", "cloze"}
    if unknown or not kinds:
        raise StudyaidError(f"--kinds: unknown question kind(s) {sorted(unknown)}; use mcq and/or cloze")
    return kinds


def _generate_bank(args: argparse.Namespace, output: Path):
    """Extract, generate and write the bank to ``output`` (merged into an existing one); None: nothing read."""
    from .bank import Bank, merge_bank, read_bank, write_bank
    from .gazetteer import same_kind_places
    from .nlp import DocCache, load_pipeline
    from .questions import generate
    from .questions.stem_check import StemVerdicts
    from .summary import print_summary

    kinds = _kinds(args.kinds)
    texts: dict[str, str] = {}
    facts = _extract(args.paths, args.no_cache, args.quiet, args.processes, texts)
    if not facts.documents:
        _no_documents(args.paths, facts)
        return None
    if getattr(args, "facts_json", None):
        _write_json(args.facts_json, facts.model_dump_json(indent=2))
    nlp = load_pipeline()
    verdicts = StemVerdicts(None if args.no_cache else DocCache(nlp).folder / "stems.json", nlp)
    result = generate(facts, seed=args.seed, gazetteer=same_kind_places, kinds=kinds, parser=nlp, stem_verdicts=verdicts)
    verdicts.save()
    texts = {name: text for name, text in texts.items() if name in set(facts.documents)}
    # never overwrite a teacher's work: merge by stable id (a broken bank file stops here, untouched)
    previous = read_bank(output) if output.exists() else Bank(generated={})
    bank, report = merge_bank(previous, result.questions, texts)
    write_bank(bank, output)
    if not args.quiet:
        print_summary(facts, result, str(output), _stderr_console())
        _print_merge(report, output)
    return bank


def _print_merge(report, output: Path) -> None:
    """What the merge kept, dropped and flagged: nothing leaves or stays in a bank without a line."""
    lines = [(report.kept, "kept {} question(s) a teacher edited, approved or rejected"),
             (report.hand_added, "kept {} question(s) added by hand"),
             (report.other_documents, "kept {} question(s) of documents not read in this run"),
             (report.deleted, "left out {} question(s) a teacher deleted"),
             (report.dropped, "dropped {} untouched question(s) generation no longer makes")]
    console = _stderr_console()
    for count, line in lines:
        if count:
            console.print(line.format(count) + f" in {output}", markup=False, highlight=False)
    if report.flagged:
        shown = ", ".join(report.flagged[:5]) + (" ..." if len(report.flagged) > 5 else "")
        console.print(f"flagged {len(report.flagged)} question(s) for review in {output} ({shown}): their source "
                      "sentence changed or vanished; withheld from students and exports until a teacher approves "
                      "them again (remove \"needs_review\")", markup=False, highlight=False)


def cmd_generate(args: argparse.Namespace) -> int:
    return 0 if _generate_bank(args, Path(args.output)) is not None else 2


def _export_bank(bank, output: Path, deck_name: str | None, quiet: bool, folders: Sequence[Path] = ()) -> None:
    """Write ``bank`` to ``output`` and print what went out, by kind, and what was left out. Sources are
    named by their articles' titles, as the app names them, read from the documents (where the bank
    names them, else in ``folders``); a document not found is named by its file name, and said so."""
    from collections import Counter

    from .export import export
    from .export.common import documents_of, titles_from_files

    titles, unread = ({}, []) if output.suffix.lower() == ".json" else \
        titles_from_files(documents_of(bank.questions), folders)
    try:
        result = export(bank.questions, output, deck_name=deck_name, documents=bank.documents, titles=titles)
    except OSError as exc:
        raise StudyaidError(f"cannot write {output}: {exc.strerror or exc}") from exc
    if quiet:
        return
    if unread:
        _stderr_console().print(f"note: {len(unread)} source document(s) named by file name, their titles unread: "
                                + "; ".join(unread[:5]) + ("; …" if len(unread) > 5 else ""),
                                markup=False, highlight=False, soft_wrap=True)
    unit = "notes" if result.format == ".apkg" else "questions"
    kinds = ", ".join(f"{result.written[k]} {label}" for k, label in (("mcq", "multiple choice"), ("cloze", "cloze"))
                      if result.written[k])
    deck = f' (deck "{result.deck_name}")' if result.format == ".apkg" else ""
    lines = [f"wrote {result.total} {unit} to {output}{deck}" + (f": {kinds}" if kinds else "")]
    if result.skipped:
        reasons = Counter(reason for _, reason in result.skipped)
        lines.append(f"left out {len(result.skipped)}: " + "; ".join(f"{n} {r}" for r, n in reasons.most_common()))
    for line in lines:
        _stderr_console().print(line, markup=False, highlight=False, soft_wrap=True)


def cmd_export(args: argparse.Namespace) -> int:
    from .bank import read_bank
    from .export import format_of

    output = Path(args.output) if args.output else Path("decks") / f"{Path(args.bank).stem}.apkg"
    format_of(output)  # an unknown extension fails before any reading
    near = Path(args.bank).resolve().parent  # a bank in decks/ names its documents from the folder above
    _export_bank(read_bank(args.bank), output, args.deck_name, args.quiet, [near, near.parent])
    return 0


def _default_deck_stem(path: str) -> str:
    """``seeds/`` -> ``seeds``, ``notes/article.txt`` -> ``article``, ``.`` -> the folder's name."""
    p = Path(path)
    name = p.stem if p.is_file() else p.name
    return name or p.resolve().name or "deck"


def cmd_build(args: argparse.Namespace) -> int:
    from .export import format_of

    output = Path(args.output) if args.output else Path("decks") / f"{_default_deck_stem(args.paths[0])}.apkg"
    format_of(output)  # an unknown extension fails before any work
    bank = _generate_bank(args, output.with_suffix(".json"))
    if bank is None:
        return 2
    if output.suffix.lower() != ".json":  # a .json output is the bank just written
        _export_bank(bank, output, args.deck_name, args.quiet)
    return 0


COMMANDS = {"facts": cmd_facts, "generate": cmd_generate, "export": cmd_export, "build": cmd_build}


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
