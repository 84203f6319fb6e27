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
import datetime as dt
import gc
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pendulum

from jobcockpit import __version__
from jobcockpit.domain.board import Board
from jobcockpit.domain.demo import demo_board
from jobcockpit.domain.interchange import (
    ImportPlan,
    ImportRefused,
    Tally,
    dump_json,
    parse_document,
    plan_import,
    to_csv,
    to_document,
)
from jobcockpit.domain.models import RecordError
from jobcockpit.domain.rules import agenda
from jobcockpit.domain.settings import SETTINGS, Settings
from jobcockpit.paths import ENV_VAR, resolve_data_file
from jobcockpit.report import plain, render_today, today_document
from jobcockpit.store import DataFileMissing, Store, StoreError

PROG = "jobcockpit"
OK = 0
BAD_INPUT = 1
USAGE = 2

EXPORT_FORMATS = ("json", "csv", "ics")
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
        # A one-shot command builds tens of thousands of records and drops them
        # on exit; the cyclic collector would only slow it down (a quarter of
        # `today`'s time at 10,000 applications).
        gc.disable()
    try:
        code: int = args.run(args)
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
        help="merge a jobcockpit/1 JSON document into the data file",
        description="Merge a jobcockpit/1 JSON document: records with a known id are "
        "updated, new ones added, log entries already there skipped. A document with "
        "any bad record is refused whole and the data file is left untouched. Creates "
        "a named data file that does not exist yet.",
    )
    importing.add_argument("file", metavar="FILE", help="the document to import (- for stdin)")
    importing.add_argument(
        "--dry-run", action="store_true", help="check the file and show what would change"
    )
    importing.set_defaults(run=_import)

    exporting = commands.add_parser(
        "export",
        parents=[data_file],
        help="write the job hunt as a jobcockpit/1 JSON document or a CSV table",
        description="Write the whole job hunt, sorted so that the same data gives the same file.",
    )
    exporting.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default=None,
        help="json (default), or csv: one row per application; "
        "the default follows the -o file's extension",
    )
    exporting.add_argument(
        "-o", "--output", metavar="FILE", default=None, help="write here instead of stdout"
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
    today.add_argument("--json", action="store_true", help="print JSON for scripts")
    today.set_defaults(run=_today)

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
    return parser


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
    with store:
        return _open_cockpit(store, now=now, demo=False)


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
    from jobcockpit.app import run_cockpit

    run_cockpit(store, now=now, demo=demo)
    return OK


# -- today ---------------------------------------------------------------------


def _today(args: argparse.Namespace) -> int:
    given: pendulum.DateTime | None = args.now or args.global_now
    if args.demo:
        store, now = _demo_store(given)
    else:
        store = _store_to_read(args)
        now = given or _clock(store.settings.zone)
    with store:
        day = agenda(store.board, store.settings, now)
        if args.json:
            _write(dump_json(today_document(day)))
        else:
            _write(render_today(day, store.board, store.settings.zone))
    return OK


# -- import --------------------------------------------------------------------


def _import(args: argparse.Namespace) -> int:
    _refuse_demo(args, "import into")
    source: str = args.file
    if source.lower().endswith(".csv"):
        raise CommandError(
            f"{source}: importing a spreadsheet (CSV) is not supported yet; "
            "import a jobcockpit/1 JSON document instead"
        )
    name = "stdin" if source == "-" else source
    try:
        document = parse_document(_read_input(source))
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


def _summary(plan: ImportPlan, name: str, path: Path, *, dry_run: bool) -> str:
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
        _tally_line("log entries", plan.log, None),
    ]
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
    chosen: str = args.format or _format_of(output)
    if chosen == "ics":
        raise CommandError(
            "exporting a calendar (ics) is not supported yet; use --format json or csv"
        )
    if args.demo:
        store, _ = _demo_store(args.global_now)
    else:
        store = _store_to_read(args)
    with store:
        if output is not None and store.path is not None:
            _refuse_overwriting(Path(output), store.path)
        text = dump_json(to_document(store.board)) if chosen == "json" else to_csv(store.board)
    if output is None or output == "-":
        _write(text)
    else:
        _write_file(Path(output), text)
    return OK


def _format_of(output: str | None) -> str:
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in EXPORT_FORMATS else "json"


def _refuse_overwriting(output: Path, data_file: Path) -> None:
    """An export in place of the data file would replace the job hunt with a file
    the store cannot read."""
    if output.resolve() == data_file.resolve():
        raise CommandError(f"{output} is the data file itself; export to another file")


def _write_file(path: Path, text: str) -> None:
    """The whole file or none of it: an export interrupted half-way must not
    leave a backup that looks complete."""
    folder = path.parent if str(path.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(text.encode("utf-8"))
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None


def _write(text: str) -> None:
    """UTF-8 bytes to stdout whatever the locale: exports and lists hold names
    from every language."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
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
