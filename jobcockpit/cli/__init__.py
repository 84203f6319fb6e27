"""The command line: the cockpit, and the commands that scripts, backups and
job centres use (`shared/spec/interchange.md` fixes their contract).

An expected failure (a bad file, a missing data file, a bad value) is one
message on stderr and exit code 1, never a traceback; a command line that does
not parse is exit code 2. Only `import`, the cockpit (once the user agrees)
and a setting saved to the default file create a data file: a named file that
is missing is reported, so an unmounted synced folder never looks like an empty
job hunt. `--demo` never opens a data file at all.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import pendulum

from jobcockpit import __version__
from jobcockpit.core import heap
from jobcockpit.core.board import Board
from jobcockpit.core.records import RecordError
from jobcockpit.core.rules import AgendaMemo, agenda
from jobcockpit.core.settings import SETTINGS, Settings
from jobcockpit.core.text import plain
from jobcockpit.core.verdicts import Agenda, TaskKind, VerdictKind
from jobcockpit.formats.document import (
    ImportPlan,
    ImportRefused,
    Tally,
    dump_json,
    parse_document,
    plan_import,
    to_csv,
    to_document,
)
from jobcockpit.formats.ical import HORIZON_DAYS, calendar_events, to_ics
from jobcockpit.formats.today import render_today, today_document
from jobcockpit.store import (
    DataFileCorrupt,
    DataFileMissing,
    Store,
    StoreError,
    list_backups,
    newest_good_backup,
    restore_backup,
    today_cache,
)
from jobcockpit.store.files import FolderNotFlushed, write_replace
from jobcockpit.store.paths import ENV_VAR, resolve_data_file

if TYPE_CHECKING:
    from jobcockpit.formats.spreadsheet import PreviewRow, SheetRefused, SpreadsheetPlan

# The spreadsheet reader, the proof report and the demo board are imported by
# the commands that use them: the cockpit and `today` start without them.

PROG = "jobcockpit"
OK = 0
BAD_INPUT = 1
USAGE = 2

EXPORT_FORMATS = ("json", "csv", "ics")
TODAY_FORMATS = ("text", "short", "json")
REPORT_FORMATS = ("markdown", "csv")
DATE_ORDERS = ("dmy", "mdy")
SPREADSHEET_SUFFIXES = (".csv", ".tsv")
PROGRESS_FROM_ROWS = 1000
"""An import this long shows a progress bar on a terminal."""
LISTED_RECORDS = 8
"""How many added or updated records an import names before it only counts."""


class CommandError(Exception):
    """An expected failure: the message for stderr and the exit code."""

    def __init__(self, message: str, code: int = BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as leaving:
        return _exit_code(leaving)
    if args.run is not _cockpit:
        heap.off_for_a_one_shot_command()
    try:
        code: int = args.run(args)
        if args.run is not _cockpit:
            heap.skip_the_last_collection()
    except CommandError as error:
        return _fail(str(error), error.code)
    except ImportRefused as error:
        return _fail(str(error))
    except (StoreError, RecordError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return BAD_INPUT
    return code


def _exit_code(leaving: SystemExit) -> int:
    if leaving.code is None:
        return OK
    if isinstance(leaving.code, int):
        return leaving.code
    print(leaving.code, file=sys.stderr)
    return BAD_INPUT


def _fail(message: str, code: int = BAD_INPUT) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def _silence_stdout() -> None:
    """A reader that went away (`today | head`) is not an error worth a
    traceback when Python flushes stdout on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# -- the command line ----------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The parser; `--db` is also accepted after a command, as people type it."""
    data_file = argparse.ArgumentParser(add_help=False)
    data_file.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the data file to use (default: ${ENV_VAR}, else your default data file)",
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Your job hunt: a cockpit in the terminal, and who is safe to call today.",
        epilog="With no command, opens the cockpit. Exit codes: 0 success, "
        "1 bad input or data, 2 usage.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=f"the data file to use (default: ${ENV_VAR}, else your default data file)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use a fresh demo job hunt dated around today; your own data is never touched",
    )
    parser.add_argument(
        "--now",
        dest="global_now",
        metavar="ISO_TIMESTAMP",
        type=_timestamp,
        default=None,
        help="judge at another moment, e.g. 2026-11-23T09:00:00+01:00 (an offset is required)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.set_defaults(run=_cockpit)

    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    importing = commands.add_parser(
        "import",
        parents=[data_file],
        help="merge a jobcockpit/1 JSON document or a spreadsheet (CSV) into the data file",
        description="Merge a jobcockpit/1 JSON document, or a spreadsheet saved as CSV "
        "(docs/import.md): records with a known id are updated, new ones added, log "
        "entries already there skipped. A file with any bad record or row is refused "
        "whole and the data file is left untouched. Creates a named data file that does "
        "not exist yet.",
    )
    importing.add_argument(
        "file",
        metavar="FILE",
        help="the .json document or .csv spreadsheet to import (- for stdin)",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="check the file and show what would change"
    )
    importing.add_argument(
        "--skip-bad",
        action="store_true",
        help="spreadsheet: import the rows that can be read and list the others",
    )
    importing.add_argument(
        "--dates",
        choices=DATE_ORDERS,
        default=None,
        help="spreadsheet: dates like 03/04/2026 are day first (dmy) or month first (mdy); "
        "by default the file's other dates tell",
    )
    importing.set_defaults(run=_import)

    exporting = commands.add_parser(
        "export",
        parents=[data_file],
        help="write the job hunt as a jobcockpit/1 JSON document, a CSV table or a calendar",
        description="Write the whole job hunt, sorted so that the same data gives the same "
        "file; or, as an iCalendar file, the coming call windows and deadlines.",
    )
    exporting.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default=None,
        help="json (default); csv: one row per application; ics: a calendar of the next "
        f"{HORIZON_DAYS} days' call windows and the coming deadlines; "
        "the default follows the -o file's extension",
    )
    exporting.add_argument(
        "-o", "--output", metavar="FILE", default=None, help="write here instead of stdout"
    )
    exporting.add_argument(
        "--now",
        metavar="ISO_TIMESTAMP",
        type=_timestamp,
        default=None,
        help="ics: the calendar as seen at another moment (an offset is required)",
    )
    exporting.set_defaults(run=_export)

    today = commands.add_parser(
        "today",
        parents=[data_file],
        help="who is safe to call today, and why",
        description="Who is safe to call today and why: calls, e-mails, tasks and "
        "waits, as text or JSON. Creates nothing.",
    )
    today.add_argument(
        "--now",
        metavar="ISO_TIMESTAMP",
        type=_timestamp,
        default=None,
        help="judge at another moment, e.g. 2026-11-23T09:00:00+01:00 (an offset is required)",
    )
    today.add_argument(
        "--format",
        choices=TODAY_FORMATS,
        default="text",
        help="text (default) for a person; short: one line such as '3 to call, 1 thank-you "
        "due' for a shell prompt or status bar; json for scripts",
    )
    today.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="print JSON for scripts (the same as --format json)",
    )
    today.set_defaults(run=_today)

    report = commands.add_parser(
        "report",
        parents=[data_file],
        help="proof of applications for a job centre, as Markdown or CSV",
        description="Every application sent and every step after it (calls, e-mails, "
        "interviews, replies) within a date range, with dates and contacts: the form a "
        "job centre asks for (docs/report.md). Creates nothing.",
    )
    report.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=_date,
        default=None,
        help="first day, e.g. 2026-11-01 (default: from the start)",
    )
    report.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        type=_date,
        default=None,
        help="last day, included (default: up to the latest)",
    )
    report.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default=None,
        help="markdown (default) or csv: one row per step; the default follows the -o "
        "file's extension",
    )
    report.add_argument(
        "-o", "--output", metavar="FILE", default=None, help="write here instead of stdout"
    )
    report.set_defaults(run=_report)

    settings = commands.add_parser(
        "settings",
        parents=[data_file],
        help="list, show or change a setting",
        description="No KEY: list every setting with its value and what it does. KEY: "
        "print its value. KEY VALUE: check the value and save it.",
    )
    settings.add_argument("key", metavar="KEY", nargs="?", help="a setting's name")
    settings.add_argument("value", metavar="VALUE", nargs="?", help="its new value")
    settings.set_defaults(run=_settings)

    restoring = commands.add_parser(
        "restore",
        parents=[data_file],
        help="put a backup in place of the data file",
        description="Without BACKUP: list the backups, newest first, and restore the "
        "newest one that reads. The file it replaces is kept in the backups folder.",
    )
    restoring.add_argument(
        "backup", metavar="BACKUP", nargs="?", help="the backup to restore (default: newest good)"
    )
    restoring.add_argument(
        "--list", action="store_true", help="only list the backups, newest first"
    )
    restoring.set_defaults(run=_restore)
    return parser


def _restore(args: argparse.Namespace) -> int:
    """Restore a backup; the damaged or unwanted file is kept, never deleted."""
    if args.demo:
        raise CommandError("the demo board has no backups", USAGE)
    path, _named = _data_file(args)
    if args.list:
        backups = list_backups(path)
        if not backups:
            print(f"no backups of {path}")
        for listed in backups:
            print(listed)
        return OK
    chosen = Path(args.backup) if args.backup else newest_good_backup(path)
    if chosen is None:
        raise CommandError(f"no backup of {path} that reads; nothing changed")
    if not chosen.exists():
        raise CommandError(f"{chosen} does not exist; nothing changed")
    kept = restore_backup(path, chosen)
    print(f"restored {path} from {chosen}")
    if kept is not None:
        print(f"the file it replaced is kept as {kept}")
    return OK


def _date(text: str) -> dt.date:
    """An ISO 8601 calendar date."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-11-01") from None


def _timestamp(text: str) -> pendulum.DateTime:
    """An ISO 8601 timestamp with its offset: without one, the moment is ambiguous."""
    try:
        parsed = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO timestamp such as 2026-11-23T09:00:00+01:00"
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no UTC offset; write it like 2026-11-23T09:00:00+01:00 "
            "or 2026-11-23T08:00:00Z"
        )
    return pendulum.instance(parsed)


# -- opening the data ----------------------------------------------------------


def _data_file(args: argparse.Namespace) -> tuple[Path, bool]:
    return resolve_data_file(args.db, os.environ)


def _clock(zone: str) -> pendulum.DateTime:
    """The one place the command line reads the clock."""
    return pendulum.now(zone).replace(microsecond=0)


def _demo_store(now: pendulum.DateTime | None) -> tuple[Store, pendulum.DateTime]:
    settings = Settings()
    moment = now or _clock(settings.zone)
    from jobcockpit.formats.demo import demo_board

    return Store.in_memory(demo_board(moment, settings.zone), settings), moment


def _store_to_read(args: argparse.Namespace) -> Store:
    """The data file as it is, for a command that only reads. A missing default
    file reads as an empty job hunt and is not created."""
    path, named = _data_file(args)
    try:
        return Store.open(path)
    except DataFileMissing:
        if named:
            raise
        return Store.in_memory()


def _refuse_demo(args: argparse.Namespace, what: str) -> None:
    if args.demo:
        raise CommandError(
            f"--demo never saves anything; leave it out to {what} your own data file", USAGE
        )


# -- the cockpit ---------------------------------------------------------------


def _cockpit(args: argparse.Namespace) -> int:
    now: pendulum.DateTime | None = args.global_now
    if args.demo:
        store, _ = _demo_store(now)
        with store:
            return _open_cockpit(store, now=now, demo=True)
    path, named = _data_file(args)
    try:
        store = Store.open(path)
    except DataFileMissing:
        if named and not _agree_to_create(path):
            return BAD_INPUT
        store = Store.open(path, create=True)
    except DataFileCorrupt as damaged:
        if not _agree_to_restore(path, damaged):
            return BAD_INPUT
        store = Store.open(path)
    with store:
        return _open_cockpit(store, now=now, demo=False)


def _agree_to_restore(path: Path, damaged: DataFileCorrupt) -> bool:
    """Offer the newest good backup of a damaged file, in a terminal only; else
    the error names the file and the backup, and nothing is touched. On yes the
    backup is restored (the damaged file is kept in the backups folder)."""
    backup = damaged.newest_backup
    if backup is None or not sys.stdin.isatty():
        raise damaged
    print(f"{PROG}: {damaged}", file=sys.stderr)
    try:
        answer = input(f"Restore the newest good backup {backup}? [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        print("Nothing was changed.", file=sys.stderr)
        return False
    aside = restore_backup(path, backup)
    kept = f"; the damaged file is kept as {aside}" if aside is not None else ""
    print(f"Restored {backup}{kept}.", file=sys.stderr)
    return True


def _agree_to_create(path: Path) -> bool:
    """Ask before making a data file the user named: a typo, or a synced folder
    that is not mounted, must not start an empty job hunt unnoticed."""
    if not sys.stdin.isatty():
        raise CommandError(
            f"data file {path} does not exist; run in a terminal to be asked whether "
            f"to create it, or start it with `{PROG} --db {path} import FILE`"
        )
    try:
        answer = input(f"Data file {path} does not exist. Create it? [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("Nothing was created.", file=sys.stderr)
    return False


def _open_cockpit(store: Store, *, now: pendulum.DateTime | None, demo: bool) -> int:
    """The cockpit, imported only here: `today` and the other commands never pay
    for Textual."""
    from jobcockpit.tui import run_cockpit

    return run_cockpit(store, now=now, demo=demo)


# -- today ---------------------------------------------------------------------


def _today(args: argparse.Namespace) -> int:
    given: pendulum.DateTime | None = args.now or args.global_now
    if args.demo:
        store, now = _demo_store(given)
        with store:
            _write_today(args.format, agenda(store.board, store.settings, now), store)
        return OK
    keeps = args.format in ("json", "short")
    path, _ = _data_file(args)
    instant = given or _clock("UTC")
    if keeps:
        kept = today_cache.read(path, instant, os.environ)
        if kept is not None:
            now = given or instant.in_timezone(kept.zone)
            if args.format == "json":
                _write_bytes(kept.head + orjson.dumps(now.isoformat()) + kept.tail)
            else:
                _write(kept.short + "\n")
            return OK
    before = today_cache.identity(path) if keeps else None
    store = _store_to_read(args)
    now = given or instant.in_timezone(store.settings.zone)
    with store:
        memo = AgendaMemo() if keeps else None
        day = agenda(store.board, store.settings, now, memo=memo)
        document, short = _write_today(args.format, day, store)
        if memo is not None and store.path is not None:
            today_cache.write(
                path,
                before,
                since=now,
                until=memo.holds_until(),
                zone=store.settings.zone,
                document=(document or dump_json(today_document(day))).encode("utf-8"),
                now_text=orjson.dumps(now.isoformat()),
                short=short or _short_line(day),
                environ=os.environ,
            )
    return OK


def _write_today(chosen: str, day: Agenda, store: Store) -> tuple[str | None, str | None]:
    """Write the answer in the chosen format; what was written, as the JSON
    document or the short line (None for what was not made)."""
    if chosen == "json":
        document = dump_json(today_document(day))
        _write(document)
        return document, None
    if chosen == "short":
        short = _short_line(day)
        _write(short + "\n")
        return None, short
    _write(render_today(day, store.board, store.settings.zone))
    return None, None


def _short_line(day: Agenda) -> str:
    """One line for a shell prompt or a status bar: what wants doing today,
    with calls always counted so the line never goes blank."""
    calls = day.of_kind(VerdictKind.CALL)
    overdue = sum(1 for v in calls if v.overdue)
    parts = [f"{len(calls)} to call" + (f" ({overdue} overdue)" if overdue else "")]
    emails = len(day.of_kind(VerdictKind.EMAIL))
    if emails:
        parts.append(f"{emails} to e-mail")
    for kind, noun in ((TaskKind.THANK_YOU, "thank-you"), (TaskKind.COURTESY, "courtesy")):
        due = [t for t in day.tasks if t.kind is kind]
        late = sum(1 for t in due if t.late or (t.due is not None and t.due < day.now))
        if len(due) - late:
            parts.append(f"{len(due) - late} {noun} due")
        if late:
            parts.append(f"{late} {noun} late")
    return ", ".join(parts)


# -- import --------------------------------------------------------------------


def _import(args: argparse.Namespace) -> int:
    _refuse_demo(args, "import into")
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

    path, _ = _data_file(args)
    try:
        store: Store | None = Store.open(path)
    except DataFileMissing:
        store = None
    description = f"import {name}"
    try:
        plan = plan_import(document, store.board if store else Board(), description=description)
        if args.dry_run:
            _write(_summary(plan, name, path, dry_run=True))
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
    _write(_summary(plan, name, path, dry_run=False))
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

    path, _ = _data_file(args)
    try:
        store: Store | None = Store.open(path)
    except DataFileMissing:
        store = None
    description = f"import {name}"
    progress = _Progress(f"Reading {name}")
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
    _write(_sheet_report(planned, name))
    if planned.rows:
        _write(_summary(planned.plan, name, path, dry_run=args.dry_run, log=False))
    else:
        _write(f"Nothing to import: no row of {name} is an application that can be read.\n")
    if planned.left_out:
        _write(_left_out(planned))
    if planned.skipped:
        count = len(planned.skipped)
        lines = [f"{PROG}: skipped {count} bad {_rows(count)} of {name} (--skip-bad):"]
        lines.extend(f"  {name}: {plain(str(bad))}" for bad in planned.skipped)
        print("\n".join(lines), file=sys.stderr)
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


class _Progress:
    """A plain progress bar on stderr for a long import, drawn only on a
    terminal: a log file or a pipe gets no carriage returns."""

    WIDTH = 30

    def __init__(self, label: str) -> None:
        self.label = label
        self.stream = sys.stderr
        self.drawn = False
        self.used = False
        """Whether the bar was shown: then the later steps are told too."""

    def _live(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM_ROWS or not self._live():
            return
        filled = self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r{plain(self.label)} [{bar}] {done}/{total} rows")
        self.stream.flush()
        self.drawn = self.used = True

    def say(self, text: str) -> None:
        if self.used:
            self.done()
            self.stream.write(f"{plain(text)}\n")
            self.stream.flush()

    def done(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


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


# -- export --------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    output: str | None = args.output
    chosen: str = args.format or _format_of(output, EXPORT_FORMATS, "json")
    given: pendulum.DateTime | None = args.now or args.global_now
    if args.demo:
        store, now = _demo_store(given)
    else:
        store = _store_to_read(args)
        now = given or _clock(store.settings.zone)
    with store:
        if output is not None and store.path is not None:
            _refuse_overwriting(Path(output), store.path)
        if chosen == "ics":
            text = to_ics(calendar_events(store.board, store.settings, now), now)
        elif chosen == "csv":
            text = to_csv(store.board)
        else:
            text = dump_json(to_document(store.board))
    _emit(output, text)
    return OK


def _emit(output: str | None, text: str) -> None:
    if output is None or output == "-":
        _write(text)
    else:
        _write_file(Path(output), text)


def _format_of(output: str | None, formats: Sequence[str], default: str) -> str:
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    suffix = {"md": "markdown"}.get(suffix, suffix)
    return suffix if suffix in formats else default


# -- report --------------------------------------------------------------------


def _report(args: argparse.Namespace) -> int:
    from jobcockpit.formats.proof import build_proof, proof_csv, proof_markdown

    start: dt.date | None = args.start
    end: dt.date | None = args.end
    if start is not None and end is not None and end < start:
        raise CommandError(f"--to {end.isoformat()} is before --from {start.isoformat()}", USAGE)
    output: str | None = args.output
    chosen: str = args.format or _format_of(output, REPORT_FORMATS, "markdown")
    store = _demo_store(args.global_now)[0] if args.demo else _store_to_read(args)
    with store:
        if output is not None and store.path is not None:
            _refuse_overwriting(Path(output), store.path)
        proof = build_proof(store.board, store.settings.zone, start, end)
    _emit(output, proof_csv(proof) if chosen == "csv" else proof_markdown(proof))
    return OK


def _refuse_overwriting(output: Path, data_file: Path) -> None:
    """An export in place of the data file would replace the job hunt with a file
    the store cannot read."""
    if output.resolve() == data_file.resolve():
        raise CommandError(f"{output} is the data file itself; export to another file")


def _write_file(path: Path, text: str) -> None:
    """The whole file or none of it: an export interrupted half-way must not
    leave a backup that looks complete."""
    try:
        # Written once renamed: a folder that refuses the flush after it only
        # risks the rename on a power cut.
        with contextlib.suppress(FolderNotFlushed):
            write_replace(path, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None


def _write(text: str) -> None:
    """UTF-8 bytes to stdout whatever the locale: exports and lists hold names
    from every language."""
    _write_bytes(text.encode("utf-8"))


def _write_bytes(data: bytes) -> None:
    """UTF-8 `data` to stdout as it is (as text where stdout has no bytes)."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8"))
        stream.flush()
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()


# -- settings ------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> int:
    key: str | None = args.key
    value: str | None = args.value
    if value is None:
        store = _demo_store(args.global_now)[0] if args.demo else _store_to_read(args)
        with store:
            settings = store.settings
        if key is None:
            _write(_list_settings(settings))
        else:
            _write(settings.show(key) + "\n")
        return OK
    assert key is not None
    _refuse_demo(args, "change a setting in")
    path, named = _data_file(args)
    with Store.open(path, create=not named) as store:
        changed = store.settings.with_value(key, value)
        store.save_settings(changed)
    _write(f"{key} = {changed.show(key)}\n")
    return OK


def _list_settings(settings: Settings) -> str:
    lines: list[str] = []
    for key, spec in SETTINGS.items():
        lines.append(f"{key} = {settings.show(key)}")
        lines.append(f"    {spec.help}")
    return "\n".join(lines) + "\n"
