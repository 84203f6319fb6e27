"""`jobcockpit restore`: put a backup in place of the data file; the damaged
or unwanted file is kept in the backups folder, never deleted.

Without a named backup it takes the newest one that reads, and first shows
what that backup holds beside what the data file holds now, then asks: a
restore undone by mistake costs a day's work. Without a terminal to ask on,
`--yes` says yes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import pendulum

from jobcockpit.cli.errors import BAD_INPUT, OK, USAGE, CommandError
from jobcockpit.cli.output import after_saving, ask, write
from jobcockpit.cli.stores import data_file
from jobcockpit.core.settings import system_zone
from jobcockpit.store import (
    DataFileMissing,
    Summary,
    data_file_status,
    folder_problem,
    newest_good_backup,
    restore_backup,
    summarise,
    summarise_backups,
)
from jobcockpit.store.backups import dated_backups

DESCRIPTION = (
    "Without BACKUP: show the newest backup that reads, what it holds and what the "
    "data file holds now, and ask before putting it back (--yes in a script). "
    "--list: every backup with its date and what it holds. The file it replaces is "
    "kept in the backups folder."
)
EXAMPLE = """\
examples:
  jobcockpit restore --list
  jobcockpit restore"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "backup", metavar="BACKUP", nargs="?", help="the backup to restore (default: newest good)"
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="list the backups, newest first, with their dates and what each holds",
    )
    parser.add_argument(
        "--yes", action="store_true", help="restore without asking (for scripts; no terminal)"
    )


def run(args: argparse.Namespace) -> int:
    if args.demo:
        raise CommandError("the demo board has no backups", USAGE)
    path, named = data_file(args)
    data_file_status(path)
    if named and not path.exists() and not dated_backups(path):
        # A file named but missing, with no backup to bring it back from, is
        # most likely a typo or an unmounted folder: say so as every command does.
        raise DataFileMissing(path)
    zone = system_zone()
    if args.list:
        write(_listing(path, zone))
        return OK
    if args.backup:
        chosen = Path(args.backup)
        if not chosen.exists():
            raise CommandError(f"{chosen} does not exist; nothing changed")
    else:
        newest = newest_good_backup(path)
        if newest is None:
            problem = folder_problem(path)
            raise CommandError(
                f"no backup of {path} that reads; nothing changed"
                + (f" ({problem})" if problem else "")
            )
        chosen = newest
        write(_offer(summarise(chosen, _taken(chosen, path)), path, zone))
        if not (args.yes or _agreed()):
            return BAD_INPUT
    kept = restore_backup(path, chosen)
    lines = [f"restored {path} from {chosen}"]
    if kept is not None:
        lines.append(f"the file it replaced is kept as {kept}")
    after_saving("\n".join(lines) + "\n")
    return OK


def _agreed() -> bool:
    if not sys.stdin.isatty():
        raise CommandError(
            "restore asks before it replaces the data file; run it in a terminal, "
            "or add --yes to restore without asking"
        )
    if ask("Put this backup in place of the data file?"):
        return True
    write("Nothing was changed.\n")
    return False


def _offer(backup: Summary, path: Path, zone: str) -> str:
    """What the restore would put back, and what it would replace."""
    lines = [
        f"The newest backup that reads was taken {_when(backup.taken, zone)} and holds "
        f"{backup.holds()}:",
        f"  {backup.path}",
    ]
    current = summarise(path)
    if not path.exists():
        lines.append(f"It would become the data file {path}, which does not exist now.")
    elif current.problem is not None:
        lines.append(f"It would replace {path}, which is {current.problem}.")
    else:
        lines.append(f"It would replace {path}, which holds {current.holds()} now.")
    lines.append("The file it replaces is kept in the backups folder.")
    return "\n".join(lines) + "\n"


def _listing(path: Path, zone: str) -> str:
    found = summarise_backups(path)
    problem = folder_problem(path)
    if not found:
        return f"No backups of {path}" + (f": {problem}" if problem else "") + "\n"
    lines = [f"Backups of {path}, newest first (times in {zone}):"]
    for backup in found:
        holds = backup.problem if backup.problem is not None else backup.holds()
        lines.append(f"  {_when(backup.taken, zone)}  {holds}  {backup.path}")
    if problem:
        lines.append(f"No new backups can be made: {problem}")
    return "\n".join(lines) + "\n"


def _taken(backup: Path, path: Path) -> dt.datetime | None:
    return dict(dated_backups(path)).get(backup)


def _when(taken: dt.datetime | None, zone: str) -> str:
    if taken is None:
        return "at an unknown time"
    return pendulum.instance(taken).in_timezone(zone).format("YYYY-MM-DD HH:mm:ss")
