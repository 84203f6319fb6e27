"""`jobcockpit import`: merge a jobcockpit/1 document or spreadsheets into the
data file.

A file with any bad record or row is refused whole, naming every one, and
the data file is left untouched; a spreadsheet (CSV or a workbook, or several
files at once, such as LinkedIn's split export) is previewed as it will be
stored. The spreadsheet reader is imported only for a spreadsheet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from jobcockpit.cli.errors import OK, USAGE, CommandError
from jobcockpit.cli.output import Progress, after_saving, print_error, write
from jobcockpit.cli.stores import clock, data_file, refuse_demo, tell_warnings
from jobcockpit.core.board import Board
from jobcockpit.core.settings import Settings
from jobcockpit.core.text import plain
from jobcockpit.formats.document import (
    MAX_DOCUMENT_BYTES,
    ImportPlan,
    Tally,
    parse_document,
    plan_import,
    too_large,
)
from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.store import DataFileMissing, Store
from jobcockpit.store.errors import describe
from jobcockpit.store.files import FileTooLarge, read_regular

if TYPE_CHECKING:
    from jobcockpit.formats.spreadsheet import Sheet

DATE_ORDERS = ("dmy", "mdy")
SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
LISTED_RECORDS = 8
"""How many added or updated records an import names before it only counts."""
FILE_COMPLETION = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}
"""shtab's file completion (shtab.FILE), written out so the parser never
imports shtab except to print a completion script."""

DESCRIPTION = (
    "Merge a jobcockpit/1 JSON document, or spreadsheets: CSV, Excel or LibreOffice "
    "workbooks, and the exports of Huntr, Teal, LinkedIn and Notion (docs/import.md). "
    "Records with a known id are updated, new ones added, log entries already there "
    "skipped. A file with any bad record or row is refused whole and the data file is "
    "left untouched. Creates a named data file that does not exist yet."
)
EXAMPLE = """\
examples:
  jobcockpit import --dry-run applications.xlsx
  jobcockpit import "Job Applications.csv" "Job Applications_1.csv"
  jobcockpit import --encoding cp1250 --map "Firma=company" bewerbungen.csv"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="the .json document, or the spreadsheets (.csv, .xlsx, .xls, .ods) to import "
        "as one (- for stdin)",
    ).complete = FILE_COMPLETION  # type: ignore[attr-defined]
    parser.add_argument(
        "--dry-run", action="store_true", help="check the file and show what would change"
    )
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="spreadsheet: import the rows that can be read and list the others",
    )
    parser.add_argument(
        "--dates",
        choices=DATE_ORDERS,
        default=None,
        help="spreadsheet: dates like 03/04/2026 are day first (dmy) or month first (mdy); "
        "by default the file's date columns tell",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        type=_encoding,
        default=None,
        help="CSV: the file's encoding, e.g. cp1250, cp1252, utf-8 (by default it is "
        "recognised, or guessed and shown)",
    )
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        default=None,
        help="workbook: the sheet to read (default: the first)",
    )
    parser.add_argument(
        "--map",
        metavar="HEADER=FIELD",
        type=_mapping,
        action="append",
        default=[],
        help='spreadsheet: read the column HEADER as FIELD, e.g. "Firma=company"; '
        "repeat for each column",
    )


def _encoding(text: str) -> str:
    from jobcockpit.formats.spreadsheet.encodings import encoding_name

    try:
        return encoding_name(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _mapping(text: str) -> tuple[str, str]:
    from jobcockpit.formats.spreadsheet import field_named

    header, sep, target = text.partition("=")
    if not sep or not header.strip() or not target.strip():
        raise argparse.ArgumentTypeError(
            f'{text!r}: write --map as HEADER=FIELD, e.g. --map "Firma=company"'
        )
    try:
        return header.strip(), field_named(target)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    refuse_demo(args, "import into")
    sources: list[str] = args.files
    if sources.count("-") > 1:
        raise CommandError("stdin (-) can be read once", USAGE)
    inputs = [("stdin" if source == "-" else source, _read_input(source)) for source in sources]
    sheets = [
        _is_spreadsheet(source, data) for source, (_, data) in zip(sources, inputs, strict=True)
    ]
    if any(sheets):
        _check_sheet_options(args, sources, inputs, sheets)
        return _import_spreadsheets(args, inputs)
    if len(inputs) > 1:
        raise CommandError(
            "several files are imported together only as spreadsheets; import a jobcockpit/1 "
            "document on its own",
            USAGE,
        )
    ((name, data),) = inputs
    if args.skip_bad or args.dates or args.encoding or args.sheet or args.map:
        raise CommandError(
            f"--skip-bad and --dates are for a spreadsheet, and so are --encoding, --sheet and "
            f"--map; {name} is read as a jobcockpit/1 document, which is imported whole or not "
            "at all",
            USAGE,
        )
    try:
        document = parse_document(data)
    except ImportRefused as refused:
        raise CommandError(_refusal(name, refused)) from None

    path, _ = data_file(args)
    wait = not args.dry_run
    try:
        store: Store | None = Store.open(path, wait=wait)
    except DataFileMissing:
        store = None
    description = f"import {name}"
    try:
        today = _today(args, store)
        board = store.board if store else Board()
        plan = plan_import(document, board, description=description, today=today)
        if args.dry_run:
            write(_summary(plan, name, path, dry_run=True))
            return OK
        if store is None:
            store = Store.open(path, create=True, wait=wait)
            plan = plan_import(document, store.board, description=description, today=today)
        store.commit(plan.change)
    except ImportRefused as refused:
        raise CommandError(_refusal(name, refused)) from None
    finally:
        if store is not None:
            store.close()
    tell_warnings(store)
    after_saving(_summary(plan, name, path, dry_run=False))
    return OK


def _today(args: argparse.Namespace, store: Store | None) -> dt.date:
    """The importing day in the user's zone, which a day applied may not pass."""
    zone = (store.settings if store is not None else Settings()).zone
    given: pendulum.DateTime | None = args.global_now
    moment = given.in_timezone(zone) if given is not None else clock(zone)
    return dt.date(moment.year, moment.month, moment.day)


def _is_spreadsheet(source: str, data: bytes) -> bool:
    """A .csv file or a workbook, or from stdin anything that is not a JSON
    object; a workbook under another name is known by its first bytes."""
    from jobcockpit.formats.spreadsheet import is_workbook

    if source == "-" or is_workbook(data):
        return not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    return Path(source).suffix.lower() in SPREADSHEET_SUFFIXES


def _check_sheet_options(
    args: argparse.Namespace,
    sources: Sequence[str],
    inputs: Sequence[tuple[str, bytes]],
    sheets: Sequence[bool],
) -> None:
    """Options that mean nothing for the files given are a usage error, not
    silently ignored."""
    from jobcockpit.formats.spreadsheet import is_workbook

    if not all(sheets):
        raise CommandError(
            "several files are imported together only as spreadsheets; import a jobcockpit/1 "
            "document on its own",
            USAGE,
        )
    workbooks = [is_workbook(data) for _, data in inputs]
    if args.sheet is not None and not any(workbooks):
        raise CommandError(
            f"--sheet is for a workbook (.xlsx, .xls, .ods); {', '.join(sources)} is CSV text",
            USAGE,
        )
    if args.encoding is not None and all(workbooks):
        raise CommandError("--encoding is for CSV text; a workbook says its own encoding", USAGE)


def _import_spreadsheets(args: argparse.Namespace, inputs: Sequence[tuple[str, bytes]]) -> int:
    """Spreadsheets: how each was read and a preview of the rows as they will
    be stored, then the import or (with --dry-run) what it would change."""
    from jobcockpit.cli import sheet_report
    from jobcockpit.formats.spreadsheet import SheetRefused, is_workbook, plan_sheets, read_sheet

    name = sheet_report.names([n for n, _ in inputs])
    several = len(inputs) > 1
    path, _ = data_file(args)
    wait = not args.dry_run
    try:
        store: Store | None = Store.open(path, wait=wait)
    except DataFileMissing:
        store = None
    description = f"import {name}"
    progress = Progress(f"Reading {name}")
    try:
        sheets: list[Sheet] = []
        for given, data in inputs:
            try:
                sheets.append(
                    read_sheet(
                        data,
                        # Each option for the files it means something for,
                        # when CSV files and workbooks are imported together.
                        encoding=None if is_workbook(data) else args.encoding,
                        sheet=args.sheet if is_workbook(data) else None,
                        mapping=args.map,
                        name=given if several else "",
                    )
                )
            except ImportRefused as refused:
                raise CommandError(_refusal(given, refused)) from None
        options = {
            "skip_bad": args.skip_bad,
            "date_order": args.dates,
            "today": _today(args, store),
        }
        board = store.board if store else Board()
        planned = plan_sheets(sheets, board, description=description, progress=progress, **options)
        progress.done()
        if not args.dry_run and planned.plan.change:
            if store is None:
                store = Store.open(path, create=True, wait=wait)
                planned = plan_sheets(sheets, store.board, description=description, **options)
            progress.say(f"Saving to {path}...")
            store.commit(planned.plan.change)
    except SheetRefused as refused:
        progress.done()
        raise CommandError(sheet_report.refusal(name, refused)) from None
    except ImportRefused as refused:
        progress.done()
        raise CommandError(_refusal(name, refused)) from None
    finally:
        if store is not None:
            store.close()
    tell_warnings(store)
    report = [sheet_report.report(planned, [n for n, _ in inputs])]
    if planned.rows:
        report.append(_summary(planned.plan, name, path, dry_run=args.dry_run, log=False))
    else:
        report.append(f"Nothing to import: no row of {name} is an application that can be read.\n")
    if planned.left_out:
        report.append(sheet_report.left_out(planned))
    after_saving("".join(report))
    if planned.skipped:
        print_error(sheet_report.skipped(name, planned))
    return OK


def _read_input(source: str) -> bytes:
    """A file to import, read whole: only a regular file (a FIFO or a device
    such as /dev/zero could make it wait or read forever) or stdin, and never
    more than a document may hold."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise CommandError(f"cannot import stdin: {too_large(len(data))} (or more)")
        return data
    try:
        _, data = read_regular(Path(source), limit=MAX_DOCUMENT_BYTES)
    except FileTooLarge as error:
        raise CommandError(f"cannot import {source}: {too_large(error.size)}") from None
    except OSError as error:
        raise CommandError(f"cannot read {source}: {describe(error)}") from None
    return data


def _refusal(name: str, refused: ImportRefused) -> str:
    count = len(refused.problems)
    noun = "problem" if count == 1 else "problems"
    lines = [f"{name} was not imported and nothing was changed ({count} {noun}):"]
    lines.extend(f"  {name}: {plain(problem)}" for problem in refused.problems)
    return "\n".join(lines)


def _summary(plan: ImportPlan, name: str, path: Path, *, dry_run: bool, log: bool = True) -> str:
    name, where = plain(name), plain(str(path))
    companies = {a.id: a.company for a in plan.change.put_applications}
    people = {c.id: c.name for c in plan.change.put_contacts}
    if dry_run:
        head = f"Dry run: importing {name} into {where} would change:"
    else:
        head = f"Imported {name} into {where}:"
    if not plan.change:
        verb = "would change" if dry_run else "changed"
        return f"Nothing new in {name}: {where} already holds all of it; nothing {verb}.\n"
    lines = [
        head,
        _tally_line("applications", plan.applications, companies),
        _tally_line("contacts", plan.contacts, people),
    ]
    if log:
        lines.append(_tally_line("log entries", plan.log, None))
    if dry_run:
        lines.append("Nothing was saved.")
    return "\n".join(lines) + "\n"


def _tally_line(noun: str, tally: Tally, names: dict[str, str] | None) -> str:
    parts = [
        _listed(f"{len(tally.added)} added", tally.added, names),
        _listed(f"{len(tally.updated)} updated", tally.updated, names),
        f"{tally.unchanged} unchanged",
    ]
    return f"  {noun}: " + ", ".join(parts)


def _listed(count: str, ids: Sequence[str], names: dict[str, str] | None) -> str:
    if not ids or names is None:
        return count
    shown = [
        f"{plain(ident)} {plain(names.get(ident, ''))}".strip() for ident in ids[:LISTED_RECORDS]
    ]
    if len(ids) > LISTED_RECORDS:
        shown.append(f"and {len(ids) - LISTED_RECORDS} more")
    return f"{count} ({'; '.join(shown)})"
