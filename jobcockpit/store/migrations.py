"""Upgrading a data file written in an older format, forward only.

`MIGRATIONS[n]` turns a document of format n into one of format n + 1, as raw
JSON tables, before any record is read: the record classes only ever know the
current format, so old layouts never leak into the domain. There is no way
back: a format is never downgraded, and a file newer than this jobcockpit is
opened read-only instead (see `Store`).

The store runs the chain when it opens an older file: it keeps a copy of the
file as it was (`backups/<name>.format-<n>.<time>.json`, never rotated away),
checks every record of the result, and only then replaces the file in one
atomic save. A crash or a failed write at any point leaves the old file whole.

Format 1 is the first jobcockpit ever wrote, so the registry is empty; the
tests prove the machinery with a registry of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import orjson

Document = dict[str, dict[str, Any]]
Migration = Callable[[Document], Document]

MIGRATIONS: dict[int, Migration] = {}
"""From format n to n + 1, for every older format a jobcockpit ever wrote."""


class MigrationError(Exception):
    """An older file this jobcockpit cannot bring up to date; the message says
    why in a few words, for the store to put after the file's name."""


def upgrade(
    data: Mapping[str, Mapping[str, Any]],
    version: int,
    target: int,
    registry: Mapping[int, Migration] | None = None,
) -> Document:
    """`data` (of format `version`) brought to format `target`, as a new
    document: `data` itself is never changed, since it is what the file on
    disk still holds if the upgrade cannot be saved."""
    steps = MIGRATIONS if registry is None else registry
    document: Document = orjson.loads(orjson.dumps(data))
    while version < target:
        step = steps.get(version)
        if step is None:
            raise MigrationError(
                f"it is in file format {version}, older than any this jobcockpit can upgrade"
            )
        try:
            document = step(document)
        except (KeyError, TypeError, ValueError) as error:
            raise MigrationError(
                f"it could not be upgraded from file format {version} ({error})"
            ) from None
        reached = _format_of(document)
        if reached != version + 1:
            raise MigrationError(
                f"upgrading it from file format {version} gave format {reached}, not {version + 1}"
            )
        version += 1
    return document


def _format_of(document: Mapping[str, Mapping[str, Any]]) -> object:
    meta = document.get("meta")
    if not isinstance(meta, Mapping) or len(meta) != 1:
        return None
    (only,) = meta.values()
    return only.get("schema") if isinstance(only, Mapping) else None
