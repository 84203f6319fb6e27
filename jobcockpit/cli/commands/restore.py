"""`jobcockpit restore`: put a backup in place of the data file; the damaged
or unwanted file is kept in the backups folder, never deleted."""

from __future__ import annotations

import argparse
from pathlib import Path

from jobcockpit.cli.errors import OK, USAGE, CommandError
from jobcockpit.cli.stores import data_file
from jobcockpit.store import list_backups, newest_good_backup, restore_backup

DESCRIPTION = (
    "Without BACKUP: list the backups, newest first, and restore the "
    "newest one that reads. The file it replaces is kept in the backups folder."
)
EXAMPLE = """\
examples:
  jobcockpit restore --list
  jobcockpit restore"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "backup", metavar="BACKUP", nargs="?", help="the backup to restore (default: newest good)"
    )
    parser.add_argument("--list", action="store_true", help="only list the backups, newest first")


def run(args: argparse.Namespace) -> int:
    if args.demo:
        raise CommandError("the demo board has no backups", USAGE)
    path, _named = data_file(args)
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
