"""Conflict copies that sync tools leave beside the data file.

When two machines save the file before a sync tool has carried one save to
the other, the tool keeps both: the data file holds one side, and a sibling
file holds the other. Each side may hold work the other lacks, so jobcockpit
finds these copies and offers to merge them in.

The merge is a union, so that nothing in either file is lost: every record of
the copy that the data file lacks is added (by id; log entries by their key,
and a log only ever grows by entries, so no entry is ever lost); for a record
both hold differently, ours is kept and its id is reported, for the person to
look at. A record deleted on one side and kept on the other comes back.

The names looked for:

- Syncthing: `jobcockpit.sync-conflict-20261120-101500-ABCDEFG.json`
- Dropbox: `jobcockpit (Dana's conflicted copy 2026-11-20).json`, and the
  same with ` (1)` and so on after it
- Nextcloud and ownCloud: `jobcockpit (conflicted copy 2026-11-20 101500).json`
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from jobcockpit.core.board import Changeset
from jobcockpit.store.backups import backup_folder, stamp
from jobcockpit.store.contents import read_board
from jobcockpit.store.errors import StoreError, describe
from jobcockpit.store.files import move, real_file
from jobcockpit.store.merge import union
from jobcockpit.store.store import Store


def _patterns(name: str) -> list[re.Pattern[str]]:
    dot = name.rfind(".")
    stem, suffix = (name[:dot], name[dot:]) if dot > 0 else (name, "")
    stem, suffix = re.escape(stem), re.escape(suffix)
    return [
        re.compile(rf"^{stem}\.sync-conflict-\d{{8}}-\d{{6}}(-[A-Za-z0-9]+)?{suffix}$"),
        re.compile(rf"^{stem} \([^()]*conflicted copy[^()]*\)( \(\d+\))?{suffix}$", re.IGNORECASE),
    ]


def find_conflict_copies(path: Path) -> list[Path]:
    """The sync tools' conflict copies of the data file at `path`, newest
    first; an empty list when its folder cannot be read."""
    target = real_file(Path(path))
    patterns = _patterns(target.name)
    found: list[tuple[int, Path]] = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        if not any(pattern.match(entry.name) for pattern in patterns):
            continue
        try:
            if entry.is_file():
                found.append((entry.stat().st_mtime_ns, entry))
        except OSError:
            continue
    return [entry for _, entry in sorted(found, key=lambda pair: (-pair[0], pair[1].name))]


@dataclass(frozen=True, slots=True)
class CopyMerge:
    """What merging a conflict copy would do: the records it adds, and the ids
    it holds differently from ours (ours is kept for those)."""

    copy: Path
    change: Changeset
    differing_applications: tuple[str, ...] = ()
    differing_contacts: tuple[str, ...] = ()
    differing_log: tuple[str, ...] = field(default=())
    """Keys (`LogEntry.key`) of the log entries the copy holds differently."""

    @property
    def differing(self) -> tuple[str, ...]:
        return self.differing_applications + self.differing_contacts + self.differing_log


def compare_conflict_copy(store: Store, copy: Path) -> CopyMerge:
    """What `copy` holds that the store's board does not. Raises
    `DataFileCorrupt` or `DataFileTooNew` naming the copy when it cannot be
    read; the copy is never changed."""
    copy = Path(copy)
    theirs = read_board(copy)
    change, differing = union(store.board, theirs)
    added = len(change.put_applications) + len(change.put_contacts) + len(change.add_log)
    return CopyMerge(
        copy=copy,
        change=dataclasses.replace(change, description=f"merge {added} records from {copy.name}"),
        differing_applications=differing["applications"],
        differing_contacts=differing["contacts"],
        differing_log=differing["log"],
    )


def merge_conflict_copy(store: Store, copy: Path) -> Changeset:
    """The changeset that brings into the store what only `copy` holds (see
    the module's rules); commit it like any other change. The ids held
    differently are in `compare_conflict_copy`."""
    return compare_conflict_copy(store, copy).change


def retire_conflict_copy(path: Path, copy: Path, *, now: dt.datetime | None = None) -> Path:
    """Move a merged (or dismissed) conflict copy into the backups folder, so
    it is offered no more but can still be looked at; returns its new path.
    Raises `StoreError` when it cannot be moved (it then stays where it is)."""
    copy = Path(copy)
    folder = backup_folder(Path(path))
    moment = now or dt.datetime.now(dt.UTC)
    kept = folder / f"{copy.name}.merged.{stamp(moment)}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        move(copy, kept)
    except OSError as error:
        if not kept.exists():
            raise StoreError(f"cannot move conflict copy {copy}: {describe(error)}") from error
    return kept
