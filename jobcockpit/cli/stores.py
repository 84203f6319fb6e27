"""Which job hunt a command works on: the data file (`--db`, else
$JOBCOCKPIT_DB, else the default file), or with `--demo` a fresh demo board
that never touches it; and the one place the command line reads the clock."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pendulum

from jobcockpit.cli.errors import USAGE, CommandError
from jobcockpit.cli.output import print_error
from jobcockpit.core.settings import Settings
from jobcockpit.store import DataFileMissing, Store
from jobcockpit.store.paths import resolve_data_file


def data_file(args: argparse.Namespace) -> tuple[Path, bool]:
    """The data file's path, and whether the person named it."""
    return resolve_data_file(args.db, os.environ)


def clock(zone: str) -> pendulum.DateTime:
    """The one place the command line reads the clock."""
    return pendulum.now(zone).replace(microsecond=0)


def demo_store(now: pendulum.DateTime | None) -> tuple[Store, pendulum.DateTime]:
    """The demo board dated around `now` (else the clock), in memory only;
    imported here alone, so the other commands never load it."""
    settings = Settings()
    moment = now or clock(settings.zone)
    from jobcockpit.formats.demo import demo_board

    return Store.in_memory(demo_board(moment, settings.zone), settings), moment


def store_to_read(args: argparse.Namespace) -> Store:
    """The data file as it is, for a command that only reads. A missing default
    file reads as an empty job hunt and is not created."""
    path, named = data_file(args)
    try:
        return Store.open(path)
    except DataFileMissing:
        if named:
            raise
        return Store.in_memory()


def tell_warnings(store: Store | None) -> None:
    """What went wrong beside a save that still succeeded (no backup could be
    made), on stderr: the command did what it was asked, but the person must
    know their way back is missing."""
    for warning in store.warnings if store is not None else ():
        print_error(f"warning: {warning}")


def refuse_demo(args: argparse.Namespace, what: str) -> None:
    if args.demo:
        raise CommandError(
            f"--demo never saves anything; leave it out to {what} your own data file", USAGE
        )
