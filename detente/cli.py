"""The command line: a thin layer over the library.

Exit status: 0 success; 1 an error stopped the command; 2 bad usage;
3 the command finished but skipped some documents (each reported on stderr).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from detente import __version__
from detente.cliargs import add_db, count, day
from detente.commands import register_all
from detente.config import OUTPUT_FORMATS
from detente.errors import DetenteError, InputError
from detente.model import Document

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except DetenteError as error:
        print(f"detente: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("detente: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="detente",
        description="Turn international-relations news into coded political events (PLOVER 2.0 and CAMEO).",
        epilog="Exit status: 0 ok, 1 error, 2 bad usage, 3 finished but skipped some documents.",
    )
    parser.add_argument("--version", action="version", version=f"detente {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    code = commands.add_parser("code", help="code documents and print their events", description="Code .txt, .html and .jsonl documents (or - for JSON Lines on stdin) and print their events.")
    _add_inputs(code)
    _add_format(code)
    code.add_argument("--keep-unresolved", action="store_true", help="also print events whose source is not resolved to a state or organisation")
    _add_dict(code, "code with the TABARI/PETRARCH dictionaries in DIR instead of detente's; +DIR adds their events to detente's")
    code.set_defaults(run=run_code)

    ingest = commands.add_parser("ingest", help="code documents and store them in the database", description="Code documents and store documents and events; the same document twice is stored once.")
    _add_inputs(ingest)
    _add_db(ingest)
    ingest.add_argument("--progress", choices=("auto", "always", "never"), default="auto", help="show a progress bar (auto: when stderr is a terminal)")
    ingest.set_defaults(run=run_ingest)

    events = commands.add_parser("events", help="list stored events", description="List stored events, filtered.")
    _add_db(events)
    events.add_argument("--actor", help="a state (ISO3) or organisation code on either side")
    events.add_argument("--source", help="source state or organisation code")
    events.add_argument("--target", help="target state or organisation code")
    events.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="events between A and B, either direction")
    events.add_argument("--type", dest="plover", type=str.upper, help="PLOVER type, e.g. SANCTION")
    events.add_argument("--status", choices=("asserted", "negated", "hypothetical", "future"))
    events.add_argument("--since", type=_day, metavar="YYYY-MM-DD")
    events.add_argument("--until", type=_day, metavar="YYYY-MM-DD")
    events.add_argument("--limit", type=_count, metavar="N", help="at most N events")
    _add_format(events)
    events.set_defaults(run=run_events)

    evaluate = commands.add_parser("eval", help="score the coder against a gold file", description="Score the coder against a gold file: JSON Lines (CONTRACT section 3) or PETRARCH validation records (.xml).")
    evaluate.add_argument("gold", type=Path, metavar="GOLD", help="GOLD.jsonl, or a PETRARCH records file GOLD.xml")
    evaluate.add_argument("--show", action="store_true", help="list missed events, false positives and attribute errors (for .xml: each failed record)")
    evaluate.add_argument("--json", action="store_true", help="print the summary as JSON")
    _add_dict(evaluate, "code with the TABARI/PETRARCH dictionaries in DIR (+DIR: with detente's too); for .xml records the default is the records' folder")
    evaluate.set_defaults(run=run_eval)

    validate = commands.add_parser("validate", help="check dictionary and pattern files", description="Check data files against their schemas; problems are printed as file:line.")
    validate.add_argument("files", nargs="*", type=Path, help="files to check (default: every bundled file)")
    validate.set_defaults(run=run_validate)

    dictionary = commands.add_parser("dict", help="work with TABARI/PETRARCH dictionaries", description="Work with TABARI/PETRARCH dictionaries (docs/tabari-format.md).")
    actions = dictionary.add_subparsers(dest="action", metavar="ACTION")
    convert = actions.add_parser("convert", help="write them in detente's YAML format", description="Write the TABARI/PETRARCH dictionaries in DIR as detente YAML under OUT (verbs/*.yaml, actors/*.yaml); what cannot be expressed is listed on stderr.")
    convert.add_argument("source", type=Path, metavar="DIR")
    convert.add_argument("out", type=Path, metavar="OUT")
    convert.set_defaults(run=run_dict_convert)
    dictionary.set_defaults(run=lambda args: _usage(dictionary))
    register_all(commands)  # analysis, import and export commands: detente/commands/*.py
    return parser


def _add_dict(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--dict", type=_dict_spec, metavar="DIR", help=help_text)


def _dict_spec(value: str) -> str:
    if not value.lstrip("+"):
        raise argparse.ArgumentTypeError("give a folder of TABARI/PETRARCH dictionaries: DIR, or +DIR to add them to detente's")
    return value


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html or .jsonl files, folders, or - for JSON Lines on stdin")
    parser.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="publication date of .txt files (and of pages without one)")


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--pairs", action="store_true", help="one row per source-target pair (CAMEO-style dyads) instead of one per event")


def _rows(records, pairs: bool):
    from detente.output import dyadic_pairs

    for record in records:
        yield from dyadic_pairs(record) if pairs else [record]


_add_db, _count, _day = add_db, count, day  # the names the command modules import


def _documents(args: argparse.Namespace, skipped: list[InputError]) -> Iterator[Document]:
    from detente.readers import read_paths

    for item in read_paths(args.paths, args.date):
        if isinstance(item, InputError):
            print(f"detente: skipped {item}", file=sys.stderr)
            skipped.append(item)
        else:
            yield item


def _pipeline(spec: str | None, keep_unresolved: bool = False):
    """detente's pipeline, or with --dict the TABARI dictionaries' (see detente.compat.events)."""
    if spec:
        from detente.compat.events import tabari_pipeline

        return tabari_pipeline(spec, keep_unresolved)
    from detente.pipeline import Pipeline

    return Pipeline.default(keep_unresolved_source=keep_unresolved)


def run_code(args: argparse.Namespace) -> int:
    from detente.output import EventWriter

    pipeline = _pipeline(args.dict, args.keep_unresolved)
    skipped: list[InputError] = []
    writer = EventWriter(sys.stdout, args.format)
    for document in _documents(args, skipped):
        writer.write_all(_rows((e.to_dict() for e in pipeline(document).events), args.pairs))
    writer.close()
    return _finish(skipped)


def run_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from detente.pipeline import Pipeline
    from detente.store import open_store

    pipeline = Pipeline.default()
    store = open_store(args.db)
    skipped: list[InputError] = []
    tally = {"added": 0, "updated": 0, "unchanged": 0, "events": 0}
    show = args.progress == "always" or args.progress == "auto" and sys.stderr.isatty()
    try:
        for document in tqdm(_documents(args, skipped), unit="doc", disable=not show, file=sys.stderr):
            if store.has(document):
                tally["unchanged"] += 1
                continue
            result = store.ingest(pipeline(document))
            tally[result.outcome] += 1
            tally["events"] += result.events
    finally:
        counts = store.counts()
        store.close()
    print(
        f"{tally['added']} added, {tally['updated']} updated, {tally['unchanged']} unchanged, "
        f"{len(skipped)} skipped; {tally['events']} events stored. "
        f"{args.db} now holds {counts['documents']} documents and {counts['events']} events.",
        file=sys.stderr,
    )
    return _finish(skipped)


def run_events(args: argparse.Namespace) -> int:
    from detente.output import EventWriter
    from detente.store import EventFilter, open_store

    if not Path(args.db).exists():
        raise DetenteError(f"{args.db}: no such database; create it with 'detente ingest PATH... --db {args.db}'")
    where = EventFilter(
        actor=args.actor, source=args.source, target=args.target,
        dyad=tuple(args.dyad) if args.dyad else None, plover=args.plover, status=args.status,
        since=args.since, until=args.until, limit=args.limit,
    )
    store = open_store(args.db)
    try:
        records = store.events(where)
    finally:
        store.close()
    writer = EventWriter(sys.stdout, args.format)
    writer.write_all(_rows(records, args.pairs))
    writer.close()
    return EXIT_OK


def run_eval(args: argparse.Namespace) -> int:
    from detente.evaluation import evaluate, load_gold, report

    if args.gold.suffix.lower() == ".xml":
        return _eval_records(args)
    gold = load_gold(args.gold)  # a bad gold file fails before the dictionaries load
    pipeline = _pipeline(args.dict)
    score = evaluate(gold, lambda doc: [e.to_dict() for e in pipeline(doc).events])
    if args.json:
        print(json.dumps(score.summary(), indent=2))
    else:
        print(report(score, show=args.show))
    return EXIT_OK


def _eval_records(args: argparse.Namespace) -> int:
    """PETRARCH's validation records: the share of records coded exactly right."""
    from detente.compat.events import record_coder
    from detente.compat.records import load_records
    from detente.compat.suite import score_records, suite_report

    records = load_records(args.gold)
    score = score_records(records, record_coder(args.dict or str(args.gold.parent)))
    if args.json:
        print(json.dumps(score.summary(failures=args.show), indent=2))
    else:
        print(suite_report(score, show=args.show))
    return EXIT_OK


def run_dict_convert(args: argparse.Namespace) -> int:
    from detente.coding.ontology import Ontology
    from detente.compat.convert import convert
    from detente.compat.tabari import load_tabari_dictionaries

    if args.out.exists() and not args.out.is_dir():
        raise DetenteError(f"{args.out}: not a folder")
    conversion = convert(load_tabari_dictionaries(args.source), set(Ontology.bundled().cameo_names))
    written = conversion.write(args.out)
    for problem in conversion.problems:
        print(problem, file=sys.stderr)
    entries = sum(len(entries) for entries in conversion.files.values())
    print(f"{entries} entries in {len(written)} files written under {args.out}; "
          f"{len(conversion.problems)} items not converted (listed above)", file=sys.stderr)
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    from detente.datafiles import bundled_files, check_file

    files = args.files or bundled_files()
    problems = 0
    for path in files:
        for problem in check_file(path):
            print(problem)
            problems += 1
    print(f"{len(files)} files checked, {problems} problems", file=sys.stderr)
    return EXIT_ERROR if problems else EXIT_OK


def _finish(skipped: Iterable[InputError]) -> int:
    skipped = list(skipped)
    if skipped:
        print(f"detente: {len(skipped)} document(s) skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK
