"""Rotating copies of the data file, the way back after a bad day.

A copy is taken before the first save of a session and at most once an hour
after, so a mistake (or a bug) noticed late can still be undone, while a busy
session does not fill the disk. The newest five are kept in a `backups` folder
beside the data file, named after it with a UTC timestamp that sorts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jobcockpit.store.files import (
    TEMP_MARK,
    parse_document,
    real_file,
    remove_leftovers,
    write_replace,
)

KEEP = 5
EVERY = dt.timedelta(hours=1)
FOLDER = "backups"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_STAMP_RE = r"\d{8}T\d{6}\.\d{6}Z"


def backup_folder(path: Path) -> Path:
    return real_file(path).parent / FOLDER


def stamp(moment: dt.datetime) -> str:
    """A UTC timestamp for file names, sorting as time does; a naive moment is
    taken as UTC so the name never depends on the machine's zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime(_STAMP)


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(name)}\.({_STAMP_RE})\.json$")


def list_backups(path: Path) -> list[Path]:
    """The data file's rotating backups, newest first."""
    folder = backup_folder(path)
    pattern = _pattern(real_file(path).name)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [(match.group(1), entry) for entry in entries if (match := pattern.match(entry.name))]
    return [entry for _, entry in sorted(found, reverse=True)]


def newest_good_backup(
    path: Path, readable: Callable[[dict[str, dict[str, Any]]], bool] | None = None
) -> Path | None:
    """The newest backup that still reads as a data file, or None; with
    `readable`, also one whose contents it accepts (the store passes a check
    of every record, so the backup it offers is one a restore will take)."""
    for backup in list_backups(path):
        try:
            data = parse_document(backup.read_bytes())
        except (OSError, ValueError):
            continue
        if readable is None or readable(data):
            return backup
    return None


def _copy_into_backups(path: Path, name: str) -> Path:
    source = real_file(path)
    folder = backup_folder(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    copy = folder / name
    write_replace(copy, source.read_bytes(), mode=0o600)
    return copy


def make_backup(path: Path, moment: dt.datetime, *, keep: int = KEEP) -> Path:
    """Copy the data file into the backups folder, then drop all but the
    newest `keep` copies. Raises OSError when the copy cannot be made."""
    name = real_file(path).name
    copy = _copy_into_backups(path, f"{name}.{stamp(moment)}.json")
    for old in list_backups(path)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return copy


def set_aside(path: Path, moment: dt.datetime) -> Path:
    """Keep the file a restore is about to replace, outside the rotation, so
    whatever it held can still be salvaged."""
    name = real_file(path).name
    return _copy_into_backups(path, f"{name}.replaced.{stamp(moment)}.json")


def keep_before_upgrade(path: Path, version: int, moment: dt.datetime) -> Path:
    """Keep the file as it was before it is upgraded from format `version`,
    outside the rotation: it is the one copy an older jobcockpit can still
    open, and five busy hours must not rotate it away."""
    name = real_file(path).name
    return _copy_into_backups(path, f"{name}.format-{version}.{stamp(moment)}.json")


def remove_backup_leftovers(path: Path) -> list[Path]:
    """Temporary files of backups a killed jobcockpit did not finish."""
    name = re.escape(real_file(path).name)
    pattern = re.compile(rf"^\.{name}\..+{re.escape(TEMP_MARK)}[0-9a-f]{{12}}$")
    return remove_leftovers(backup_folder(path), pattern)
