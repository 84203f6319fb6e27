"""Which IANA time zone names this machine knows.

A contact's zone is checked when its record is built and when a person types
one, so the records, the settings and the typed input ask the same question;
this is its one answer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pendulum

_ZONES: frozenset[str] | None = None


def all_zone_names() -> frozenset[str]:
    """Every zone name the machine knows, listed once per process."""
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(pendulum.timezones()) | {"UTC"}
    return _ZONES


def is_zone_name(name: str) -> bool:
    """Whether `name` is one of the IANA zones this machine knows.

    Listing them all opens every file under the zone folder (some 40 ms, in
    every process that reads a data file), so a name whose own zone file is
    there is answered by looking at that one file; anything else is looked up
    in the full list."""
    if _ZONES is not None:
        return name in _ZONES
    if name in _ZONES_SEEN or name == "UTC":
        return True
    if type(name) is str and _has_zone_file(name):
        _ZONES_SEEN.add(name)
        return True
    return name in all_zone_names()


_ZONES_SEEN: set[str] = set()
"""Names `_has_zone_file` vouched for, before any full listing was needed."""


def _has_zone_file(name: str) -> bool:
    """True only for a name the full listing (`zoneinfo.available_timezones`)
    holds: a file at that relative path, spelt exactly so, under a zone
    folder, reached without following a linked folder, that starts like a
    zone file, outside the `posix` and `right` variants, and not
    `posixrules`."""
    import zoneinfo

    parts = name.split("/")
    if (
        name == "posixrules"
        or parts[0] in ("posix", "right")
        or any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts)
    ):
        return False
    for root in zoneinfo.TZPATH:
        try:
            if _zone_file_under(Path(root), parts):
                return True
        except (OSError, ValueError):
            continue
    return False


def _zone_file_under(root: Path, parts: list[str]) -> bool:
    folder = root
    for index, part in enumerate(parts):
        with os.scandir(folder) as entries:
            entry = next((e for e in entries if e.name == part), None)
        if entry is None:
            return False
        if index < len(parts) - 1:
            if entry.is_symlink() or not entry.is_dir():
                return False
            folder = folder / part
        elif not entry.is_file():
            return False
    with (folder / parts[-1]).open("rb") as zone_file:
        return zone_file.read(4) == b"TZif"
