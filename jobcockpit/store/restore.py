"""Putting a backup back in place of the data file, which a person asks for
(`jobcockpit restore`, or the cockpit when a file is damaged)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from jobcockpit.store import backups
from jobcockpit.store.contents import loaded_or_error
from jobcockpit.store.errors import DataFileCorrupt, SaveError, StoreError, describe
from jobcockpit.store.files import FolderNotFlushed, parse_document, real_file, write_replace


def restore_backup(
    path: Path, backup: Path, *, clock: Callable[[], dt.datetime] | None = None
) -> Path | None:
    """Put `backup` in place of the data file at `path`, atomically.

    The backup must be a data file this version can read (else
    `DataFileCorrupt` or `DataFileTooNew` naming it, and nothing changes). The
    file it replaces is kept in the backups folder, outside the rotation, and
    that copy's path is returned (None when there was no file).
    """
    path = Path(path)
    backup = Path(backup)
    moment = clock() if clock is not None else dt.datetime.now(dt.UTC)
    try:
        blob = backup.read_bytes()
    except OSError as error:
        raise StoreError(f"cannot read backup {backup}: {describe(error)}") from error
    try:
        data = parse_document(blob)
    except ValueError as error:
        raise DataFileCorrupt(backup, None, str(error)) from None
    loaded_or_error(backup, data, offer_backup=False)
    target = real_file(path)
    try:
        aside = backups.set_aside(path, moment) if target.exists() else None
        mode = target.stat().st_mode & 0o7777 if aside is not None else 0o600
        target.parent.mkdir(parents=True, exist_ok=True)
        # Restored once renamed; a folder that refuses the flush only risks
        # the rename on a power cut (see `AtomicJSONStorage._save`).
        with contextlib.suppress(FolderNotFlushed):
            write_replace(target, blob, mode=mode)
    except OSError as error:
        raise SaveError(path, error, f"could not restore {backup}: {describe(error)}") from error
    return aside
