"""Rotating copies of the data file, the way back after a bad day.

A copy is taken before the first save of a session and at most once an hour
after, so a mistake (or a bug) noticed late can still be undone, while a busy
session does not fill the disk. Copies live in a `backups` folder beside the
data file, named after it with a UTC timestamp that sorts.

Which copies stay (`Keep`, from the settings) is decided by time, not by count
alone: the last few saves, and beside them the newest copy of each of the
last hours and of each of the last days that had one. A script saving in a
loop then replaces only its own recent copies, never yesterday's or last
week's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobcockpit.store.files import (
    TEMP_MARK,
    parse_document,
    read_regular,
    real_file,
    remove_leftovers,
    write_replace,
)

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


@dataclass(frozen=True, slots=True)
class Keep:
    """Which backups stay: the newest `last`, and the newest of each of the
    `hours` latest hours (and `days` latest days, in UTC) that have one."""

    last: int = 5
    hours: int = 24
    days: int = 30


class BackupsNotAFolder(OSError):  # noqa: N818 - reads as what happened
    """Something other than a folder is where the backups go: no backup can
    be made, which must not stop the data file from being saved."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            errno.ENOTDIR,
            f"{folder} is a file, not a folder; move it away so backups can be kept",
            str(folder),
        )


def folder_problem(path: Path) -> str | None:
    """Why no backup of the data file at `path` can be kept, or None."""
    folder = backup_folder(path)
    if folder.exists() and not folder.is_dir():
        return BackupsNotAFolder(folder).strerror
    return None


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(name)}\.({_STAMP_RE})\.json$")


def list_backups(path: Path) -> list[Path]:
    """The data file's rotating backups, newest first."""
    return [backup for backup, _ in dated_backups(path)]


def dated_backups(path: Path) -> list[tuple[Path, dt.datetime]]:
    """The data file's rotating backups with the moment each was taken (UTC),
    newest first."""
    folder = backup_folder(path)
    pattern = _pattern(real_file(path).name)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [(match.group(1), entry) for entry in entries if (match := pattern.match(entry.name))]
    return [
        (entry, dt.datetime.strptime(taken, _STAMP).replace(tzinfo=dt.UTC))
        for taken, entry in sorted(found, reverse=True)
    ]


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
    if folder.exists() and not folder.is_dir():
        raise BackupsNotAFolder(folder)
    folder.mkdir(mode=0o700, exist_ok=True)
    copy = folder / name
    _, blob = read_regular(source)
    write_replace(copy, blob, mode=0o600)
    return copy


def make_backup(path: Path, moment: dt.datetime) -> Path:
    """Copy the data file into the backups folder. Raises OSError when the
    copy cannot be made (`BackupsNotAFolder` when the folder is a file)."""
    name = real_file(path).name
    return _copy_into_backups(path, f"{name}.{stamp(moment)}.json")


def prune(path: Path, keep: Keep) -> list[Path]:
    """Remove the backups `keep` does not hold on to; what was removed."""
    dated = dated_backups(path)
    kept = {backup for backup, _ in dated[: keep.last]}
    for period_of, count in ((_hour, keep.hours), (_day, keep.days)):
        periods: set[object] = set()
        for backup, taken in dated:  # newest first: the first of a period is its newest
            period = period_of(taken)
            if period in periods:
                continue
            if len(periods) >= count:
                break
            periods.add(period)
            kept.add(backup)
    removed: list[Path] = []
    for backup, _ in dated:
        if backup not in kept:
            with contextlib.suppress(OSError):
                backup.unlink()
                removed.append(backup)
    return removed


def _hour(taken: dt.datetime) -> object:
    return taken.replace(minute=0, second=0, microsecond=0)


def _day(taken: dt.datetime) -> object:
    return taken.date()


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
