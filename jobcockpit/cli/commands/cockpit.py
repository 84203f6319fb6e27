"""The cockpit, what `jobcockpit` opens with no command.

It opens the data file board first (`Store.open(board_first=True)`): the
board is painted from the applications while the contacts and the log are
read, and a damaged record found then is treated as one found before.

It alone asks before it changes anything: a data file the person named that
does not exist is created only on yes (a typo, or a synced folder that is not
mounted, must not start an empty job hunt unnoticed), and a damaged one is
replaced by its newest good backup only on yes. `--demo` never opens a data
file at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pendulum

from jobcockpit.cli.errors import BAD_INPUT, CommandError
from jobcockpit.cli.output import PROG, ask, print_error, print_note
from jobcockpit.cli.stores import data_file, demo_store
from jobcockpit.store import DataFileCorrupt, DataFileMissing, Store, restore_backup


def run(args: argparse.Namespace) -> int:
    now: pendulum.DateTime | None = args.global_now
    if args.demo:
        store, _ = demo_store(now)
        with store:
            return _open_cockpit(store, now=now, demo=True)
    path, named = data_file(args)
    try:
        store = Store.open(path, board_first=True)
    except DataFileMissing:
        if named and not _agree_to_create(path):
            return BAD_INPUT
        store = Store.open(path, create=True, board_first=True)
    except DataFileCorrupt as damaged:
        if not _agree_to_restore(path, damaged):
            return BAD_INPUT
        store = Store.open(path, board_first=True)
    try:
        with store:
            return _open_cockpit(store, now=now, demo=False)
    except DataFileCorrupt as damaged:
        # Found once the board was on screen, reading the contacts and the
        # log: nothing was saved, and the person is asked as before it opened.
        if not _agree_to_restore(path, damaged):
            return BAD_INPUT
    with Store.open(path, board_first=True) as store:
        return _open_cockpit(store, now=now, demo=False)


def _agree_to_restore(path: Path, damaged: DataFileCorrupt) -> bool:
    """Offer the newest good backup of a damaged file, in a terminal only; else
    the error names the file and the backup, and nothing is touched. On yes the
    backup is restored (the damaged file is kept in the backups folder)."""
    backup = damaged.newest_backup
    if backup is None or not sys.stdin.isatty():
        raise damaged
    print_error(str(damaged))
    if not ask(f"Restore the newest good backup {backup}?"):
        print_note("Nothing was changed.")
        return False
    aside = restore_backup(path, backup)
    kept = f"; the damaged file is kept as {aside}" if aside is not None else ""
    print_note(f"Restored {backup}{kept}.")
    return True


def _agree_to_create(path: Path) -> bool:
    """Ask before making a data file the user named: a typo, or a synced folder
    that is not mounted, must not start an empty job hunt unnoticed."""
    if not sys.stdin.isatty():
        raise CommandError(
            f"data file {path} does not exist; run in a terminal to be asked whether "
            f"to create it, or start it with `{PROG} --db {path} import FILE`"
        )
    if ask(f"Data file {path} does not exist. Create it?"):
        return True
    print_note("Nothing was created.")
    return False


def _open_cockpit(store: Store, *, now: pendulum.DateTime | None, demo: bool) -> int:
    """The cockpit, imported only here: `today` and the other commands never pay
    for Textual."""
    from jobcockpit.tui import run_cockpit

    return run_cockpit(store, now=now, demo=demo)
