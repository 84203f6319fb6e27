"""The command line: the cockpit, and the commands that scripts, backups and
job centres use (docs/cli.md fixes their contract).

An expected failure (a bad file, a missing data file, a bad value) is one
message on stderr and exit code 1, never a traceback; a command line that does
not parse is exit code 2. Only `import`, the cockpit (once the user agrees)
and a setting saved to the default file create a data file: a named file that
is missing is reported, so an unmounted synced folder never looks like an empty
job hunt. `--demo` never opens a data file at all.

Each command is a module of `commands`, imported only when it runs; this
module parses the command line, runs the command and turns what went wrong
into a message and an exit code.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from jobcockpit import __version__
from jobcockpit.cli.arguments import add_data_file, timestamp
from jobcockpit.cli.commands import ExampleFormatter, add_commands, runner
from jobcockpit.cli.errors import BAD_INPUT, OK, CommandError
from jobcockpit.cli.output import PROG, print_error, print_note, silence_stdout
from jobcockpit.core import heap
from jobcockpit.core.records import RecordError
from jobcockpit.core.text import plain
from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.store import StoreError
from jobcockpit.store.crash import write_report

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as leaving:
        return _exit_code(leaving)
    run = runner(args.command)
    one_shot = args.command is not None
    if one_shot:
        heap.off_for_a_one_shot_command()
    try:
        code = run(args)
        if one_shot:
            heap.skip_the_last_collection()
    except CommandError as error:
        return _fail(str(error), error.code)
    except ImportRefused as error:
        return _fail(str(error))
    except (StoreError, RecordError) as error:
        # One line by design; a path or an id in it keeps to that line.
        return _fail(plain(str(error)))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()
        return BAD_INPUT
    except Exception as error:
        return _unexpected(error, f"jobcockpit {args.command}" if one_shot else "the cockpit")
    return code


def build_parser() -> argparse.ArgumentParser:
    """The parser; `--db` is also accepted after a command, as people type it."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Your job hunt: a cockpit in the terminal, and who is safe to call today.",
        epilog="examples:\n"
        "  jobcockpit --demo                   # the cockpit on a demo board\n"
        "  jobcockpit import applications.xlsx\n"
        "  jobcockpit today --format short\n\n"
        "With no command, opens the cockpit. Exit codes: 0 success,\n"
        "1 bad input or data, 2 usage. Each command's --help has examples.",
        formatter_class=ExampleFormatter,
    )
    add_data_file(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use a fresh demo job hunt dated around today; your own data is never touched",
    )
    parser.add_argument(
        "--now",
        dest="global_now",
        metavar="ISO_TIMESTAMP",
        type=timestamp,
        default=None,
        help="judge at another moment, e.g. 2026-11-23T09:00:00+01:00 (an offset is required)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    add_commands(parser)
    return parser


def _exit_code(leaving: SystemExit) -> int:
    if leaving.code is None:
        return OK
    if isinstance(leaving.code, int):
        return leaving.code
    print_note(str(leaving.code))
    return BAD_INPUT


def _fail(message: str, code: int = BAD_INPUT) -> int:
    print_error(message)
    return code


def _unexpected(error: Exception, where: str) -> int:
    """An error nobody foresaw: no traceback on the terminal (its values may
    be a contact's name or number), a report without any value in the state
    folder, and where it is."""
    report = write_report(error, where)
    kept = (
        f"a report without your data is in {report}; please attach it to a bug report"
        if report is not None
        else "no report could be written"
    )
    return _fail(f"an unexpected error ({type(error).__name__}) stopped {where}; {kept}")
