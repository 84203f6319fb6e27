"""`jobcockpit import`: merge a jobcockpit/1 document or a spreadsheet into the
data file.

A file with any bad record or row is refused whole, naming every one, and
the data file is left untouched; a spreadsheet is previewed as it will be
stored. The spreadsheet reader is imported only for a spreadsheet.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jobcockpit.cli.errors import OK, USAGE, CommandError
from jobcockpit.cli.output import Progress, print_error, write
from jobcockpit.cli.stores import data_file, refuse_demo
from jobcockpit.core.board import Board
from jobcockpit.core.text import plain
from jobcockpit.formats.document import (
    ImportPlan,
    ImportRefused,
    Tally,
    parse_document,
    plan_import,
)
from jobcockpit.store import DataFileMissing, Store

if TYPE_CHECKING:
    from jobcockpit.formats.spreadsheet import PreviewRow, SheetRefused, SpreadsheetPlan

DATE_ORDERS = ("dmy", "mdy")
SPREADSHEET_SUFFIXES = (".csv", ".tsv")
LISTED_RECORDS = 8
"""How many added or updated records an import names before it only counts."""

DESCRIPTION = (
    "Merge a jobcockpit/1 JSON document, or a spreadsheet saved as CSV "
    "(docs/import.md): records with a known id are updated, new ones added, log "
    "entries already there skipped. A file with any bad record or row is refused "
    "whole and the data file is left untouched. Creates a named data file that does "
    "not exist yet."
)


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help="the .json document or .csv spreadsheet to import (- for stdin)",
    )
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
        "by default the file's other dates tell",
    )


def run(args: argparse.Namespace) -> int:
    refuse_demo(args, "import into")
    source: str = args.file
    name = "stdin" if source == "-" else source
    data = _read_input(source)
    if _is_spreadsheet(source, data):
        return _import_spreadsheet(args, name, data)
    if args.skip_bad or args.dates:
        raise CommandError(
            f"--skip-bad and --dates are for a spreadsheet (.csv); {name} is read as a "
            "jobcockpit/1 document, which is imported whole or not at all",
            USAGE,
        )
    try:
        document = parse_document(data)
    except ImportRefused as refused:
        raise CommandError(_refusal(name, refused)) from None

    path, _ = data_file(args)
    try:
        store: Store | None = Store.open(path)
    except DataFileMissing:
        store = None
    description = f"import {name}"
    try:
        plan = plan_import(document, store.board if store else Board(), description=description)
        if args.dry_run:
            write(_summary(plan, name, path, dry_run=True))
            return OK
        if store is None:
            store = Store.open(path, create=True)
            plan = plan_import(document, store.board, description=description)
        store.commit(plan.change)
    except ImportRefused as refused:
        raise CommandError(_refusal(name, refused)) from None
    finally:
        if store is not None:
            store.close()
    write(_summary(plan, name, path, dry_run=False))
    return OK


def _is_spreadsheet(source: str, data: bytes) -> bool:
    """A .csv file, or from stdin anything that is not a JSON object."""
    if source == "-":
        return not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    return Path(source).suffix.lower() in SPREADSHEET_SUFFIXES


def _import_spreadsheet(args: argparse.Namespace, name: str, data: bytes) -> int:
    """A spreadsheet: a preview of its rows as they will be stored, then the
    import or (with --dry-run) what it would change."""
    from jobcockpit.formats.spreadsheet import SheetRefused, plan_spreadsheet, read_sheet

    path, _ = data_file(args)
    try:
        store: Store | None = Store.open(path)
    except DataFileMissing:
        store = None
    description = f"import {name}"
    progress = Progress(f"Reading {name}")
    try:
        sheet = read_sheet(data)
        board = store.board if store else Board()
        planned = plan_spreadsheet(
            sheet,
            board,
            skip_bad=args.skip_bad,
            date_order=args.dates,
            description=description,
            progress=progress,
        )
        progress.done()
        if not args.dry_run and planned.plan.change:
            if store is None:
                store = Store.open(path, create=True)
                planned = plan_spreadsheet(
                    sheet,
                    store.board,
                    skip_bad=args.skip_bad,
                    date_order=args.dates,
                    description=description,
                )
            progress.say(f"Saving to {path}...")
            store.commit(planned.plan.change)
    except SheetRefused as refused:
        progress.done()
        raise CommandError(_sheet_refusal(name, refused)) from None
    except ImportRefused as refused:
        progress.done()
        raise CommandError(_refusal(name, refused)) from None
    finally:
        if store is not None:
            store.close()
    write(_sheet_report(planned, name))
    if planned.rows:
        write(_summary(planned.plan, name, path, dry_run=args.dry_run, log=False))
    else:
        write(f"Nothing to import: no row of {name} is an application that can be read.\n")
    if planned.left_out:
        write(_left_out(planned))
    if planned.skipped:
        count = len(planned.skipped)
        lines = [f"skipped {count} bad {_rows(count)} of {name} (--skip-bad):"]
        lines.extend(f"  {name}: {plain(str(bad))}" for bad in planned.skipped)
        print_error("\n".join(lines))
    return OK


def _rows(count: int) -> str:
    return "row" if count == 1 else "rows"


def _sheet_refusal(name: str, refused: SheetRefused) -> str:
    count = len(refused.bad)
    lines = [f"{name} was not imported and nothing was changed ({count} bad {_rows(count)}):"]
    lines.extend(f"  {name}: {plain(str(bad))}" for bad in refused.bad)
    if refused.readable:
        lines.append(
            f"Correct {'it' if count == 1 else 'them'} in the spreadsheet, or add --skip-bad "
            f"to import the other {refused.readable} {_rows(refused.readable)}."
        )
    return "\n".join(lines)


def _sheet_report(planned: SpreadsheetPlan, name: str) -> str:
    """How the file was read, then the first rows as they will be stored."""
    from jobcockpit.formats.spreadsheet import FIELD_NAMES

    sheet = planned.sheet
    order = {"dmy": ", dates day/month/year", "mdy": ", dates month/day/year", None: ""}
    lines = [
        f"Read {name}: {planned.rows} {_rows(planned.rows)} to import "
        f"({sheet.delimiter_name}-separated, {sheet.encoding}{order[planned.date_order]}).",
        "  columns: "
        + ", ".join(f"{plain(header)} = {FIELD_NAMES[f]}" for f, header in sheet.columns.items()),
    ]
    if sheet.others:
        lines.append("  kept in the notes: " + ", ".join(plain(h) for h in sheet.others))
    if planned.preview:
        lines.append(f"Preview of the first {len(planned.preview)}, as they will be stored:")
        lines.extend(_preview_line(row) for row in planned.preview)
        more = planned.rows - len(planned.preview)
        if more > 0:
            lines.append(f"  ... and {more} more")
    return "\n".join(lines) + "\n"


def _preview_line(row: PreviewRow) -> str:
    application = row.application
    stage = application.stage.value
    if application.outcome is not None:
        stage += f" ({application.outcome.value})"
    parts = [
        plain(application.company),
        plain(application.position) or "(no position)",
        f"applied {application.applied_on.isoformat()}",
        stage,
    ]
    if row.contact is not None:
        contact = row.contact
        parts.append(", ".join(plain(x) for x in (contact.name, contact.phone, contact.email) if x))
    return f"  line {row.line}: " + " | ".join(parts)


def _left_out(planned: SpreadsheetPlan) -> str:
    count = len(planned.left_out)
    lines = [f"Left out {count} {_rows(count)} not applied to yet:"]
    lines.extend(f"  line {row.line}: {plain(row.reason)}" for row in planned.left_out)
    return "\n".join(lines) + "\n"


def _read_input(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {source}: {error.strerror or error}") from None


def _refusal(name: str, refused: ImportRefused) -> str:
    count = len(refused.problems)
    noun = "problem" if count == 1 else "problems"
    lines = [f"{name} was not imported and nothing was changed ({count} {noun}):"]
    lines.extend(f"  {name}: {plain(problem)}" for problem in refused.problems)
    return "\n".join(lines)


def _summary(plan: ImportPlan, name: str, path: Path, *, dry_run: bool, log: bool = True) -> str:
    companies = {a.id: a.company for a in plan.change.put_applications}
    people = {c.id: c.name for c in plan.change.put_contacts}
    if dry_run:
        head = f"Dry run: importing {name} into {path} would change:"
    else:
        head = f"Imported {name} into {path}:"
    if not plan.change:
        verb = "would change" if dry_run else "changed"
        return f"Nothing new in {name}: {path} already holds all of it; nothing {verb}.\n"
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
    shown = [f"{ident} {plain(names.get(ident, ''))}".strip() for ident in ids[:LISTED_RECORDS]]
    if len(ids) > LISTED_RECORDS:
        shown.append(f"and {len(ids) - LISTED_RECORDS} more")
    return f"{count} ({'; '.join(shown)})"
