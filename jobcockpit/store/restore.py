"""Putting a backup back in place of the data file, which a person asks for
(`jobcockpit restore`, or the cockpit when a file is damaged).

A restore is a write like any save: it takes the file's lock (so it never
lands under an open cockpit, which would save its own board over it), keeps
the file's mode and owner (a private job hunt stays private), refuses a file
its owner made read-only, and never puts a file where a FIFO or a device is.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jobcockpit.store import backups
from jobcockpit.store.contents import loaded_or_error
from jobcockpit.store.errors import (
    DataFileCorrupt,
    DataFileNotRegular,
    ReadOnlyError,
    SaveError,
    StoreError,
    describe,
)
from jobcockpit.store.files import (
    FolderNotFlushed,
    NotRegularFile,
    parse_document,
    read_only_reason,
    read_regular,
    real_file,
    regular_status,
    write_replace,
)
from jobcockpit.store.lock import take_or_why_not


def restore_backup(
    path: Path, backup: Path, *, clock: Callable[[], dt.datetime] | None = None
) -> Path | None:
    """Put `backup` in place of the data file at `path`, atomically.

    The backup must be a data file this version can read (else
    `DataFileCorrupt` or `DataFileTooNew` naming it, and nothing changes). The
    file it replaces is kept in the backups folder, outside the rotation, and
    that copy's path is returned (None when there was no file). Refused with
    `ReadOnlyError` while another jobcockpit holds the file (after waiting a
    few seconds for it) or when its owner made it read-only, and with
    `DataFileNotRegular` for a FIFO or a device.
    """
    path = Path(path)
    backup = Path(backup)
    moment = clock() if clock is not None else dt.datetime.now(dt.UTC)
    blob = _checked_backup(backup)
    target = real_file(path)
    status = data_file_status(path)
    refusal = read_only_reason(path, status) if status is not None else None
    if refusal is not None:
        raise ReadOnlyError(path, refusal)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(path, error, f"could not restore {backup}: {describe(error)}") from error
    held, reason = take_or_why_not(target, wait=True)
    if held is None and reason is not None:
        raise ReadOnlyError(path, f"{reason}; close it there, then restore")
    try:
        aside = backups.set_aside(path, moment) if status is not None else None
        mode = stat.S_IMODE(status.st_mode) if status is not None else 0o600
        owner = (status.st_uid, status.st_gid) if status is not None else None
        # Restored once renamed; a folder that refuses the flush only risks
        # the rename on a power cut (see `AtomicJSONStorage._save`).
        with contextlib.suppress(FolderNotFlushed):
            write_replace(target, blob, mode=mode, owner=owner)
    except OSError as error:
        raise SaveError(path, error, f"could not restore {backup}: {describe(error)}") from error
    finally:
        if held is not None:
            held.release()
    return aside


def data_file_status(path: Path) -> os.stat_result | None:
    """The data file's status (None when there is none); a FIFO, a device or a
    folder is refused with `DataFileNotRegular`."""
    try:
        return regular_status(real_file(path))
    except NotRegularFile as special:
        raise DataFileNotRegular(path, special.kind) from None


def _checked_backup(backup: Path) -> bytes:
    """The backup's bytes, once they read as a data file this version takes."""
    try:
        _, blob = read_regular(backup)
    except OSError as error:
        raise StoreError(f"cannot read backup {backup}: {describe(error)}") from error
    try:
        data = parse_document(blob)
    except ValueError as error:
        raise DataFileCorrupt(backup, None, str(error)) from None
    loaded_or_error(backup, data, offer_backup=False)
    return blob


@dataclass(frozen=True, slots=True)
class Summary:
    """What a data file or a backup holds, for a person choosing one."""

    path: Path
    taken: dt.datetime | None
    """When a backup was taken (UTC); None for the data file itself."""
    applications: int = 0
    contacts: int = 0
    log: int = 0
    problem: str | None = None
    """Why it would not be restored (damaged, too new), or None."""

    def holds(self) -> str:
        """ "3 applications, 2 contacts, 14 log entries" """
        return (
            f"{_count(self.applications, 'application')}, {_count(self.contacts, 'contact')}, "
            f"{_count(self.log, 'log entry', 'log entries')}"
        )


def summarise(path: Path, taken: dt.datetime | None = None) -> Summary:
    """What the file at `path` holds, read without locking or changing it."""
    try:
        _, blob = read_regular(path)
        data = parse_document(blob)
    except OSError as error:
        return Summary(path, taken, problem=f"cannot be read: {describe(error)}")
    except ValueError as error:
        return Summary(path, taken, problem=f"damaged: {error}")
    held = Summary(
        path,
        taken,
        len(data.get("applications", {})),
        len(data.get("contacts", {})),
        len(data.get("log", {})),
    )
    try:
        loaded_or_error(path, data, offer_backup=False)
    except StoreError as error:
        detail = getattr(error, "detail", str(error))
        return dataclasses.replace(held, problem=f"damaged: {detail}")
    return held


def summarise_backups(path: Path) -> list[Summary]:
    """Every rotating backup of the data file at `path`, newest first."""
    return [summarise(backup, taken) for backup, taken in backups.dated_backups(path)]


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
