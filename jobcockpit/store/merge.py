"""Putting a change made on one version of the file onto a newer one.

When another program (an import in another terminal, a sync tool bringing a
save from another machine) changed the file after the cockpit loaded it, the
store reads it again and re-applies the cockpit's change on top: record by
record, so both sides' work survives.

- A record only they changed keeps their version: the change never touches it.
- A record only we changed gets ours.
- A record both changed is merged field by field: each field we changed takes
  our value, every other field keeps theirs. When the fields contradict each
  other once merged (an outcome on a stage that is no longer decided), our
  whole record wins, because it is what the person just saw and confirmed.
- Deleting a record they already deleted is simply done.
- A change that no longer fits raises `RecordConflict` and nothing is written:
  editing or logging on a record they deleted, or deleting a record they
  changed or logged on since (deleting would throw their work away unseen).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import Application, Contact, LogEntry, RecordError


class RecordConflict(Exception):  # noqa: N818 - reads as what happened
    def __init__(self, record: str, problem: str) -> None:
        super().__init__(f"{record}: {problem}")
        self.record = record
        self.problem = problem


class _Record(Protocol):
    @property
    def label(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


R = TypeVar("R", Application, Contact, LogEntry)

_MISSING = object()


def rebase(change: Changeset, base: Board, theirs: Board) -> Changeset:
    """`change`, made on `base`, as it applies to `theirs` (see the module's
    rules); raises `RecordConflict` naming the first record that no longer
    fits."""
    put_applications = tuple(
        _put(a, base.applications.get(a.id), theirs.applications.get(a.id), Application.from_dict)
        for a in change.put_applications
    )
    put_contacts = tuple(
        _put(c, base.contacts.get(c.id), theirs.contacts.get(c.id), Contact.from_dict)
        for c in change.put_contacts
    )
    add_log = tuple(
        _put(e, base.log.get(e.key), theirs.log.get(e.key), LogEntry.from_dict)
        for e in change.add_log
    )
    delete_applications = tuple(
        key
        for key in change.delete_applications
        if _still_to_delete(base.applications.get(key), theirs.applications.get(key))
    )
    for key in delete_applications:
        if any(e.key not in base.log or not _same(base.log[e.key], e) for e in theirs.log_of(key)):
            raise RecordConflict(
                theirs.applications[key].label,
                "another program logged on it since; look at its log before deleting it",
            )
    delete_contacts = tuple(
        key
        for key in change.delete_contacts
        if _still_to_delete(base.contacts.get(key), theirs.contacts.get(key))
    )
    delete_log = tuple(
        key for key in change.delete_log if _still_to_delete(base.log.get(key), theirs.log.get(key))
    )
    return Changeset(
        put_applications=put_applications,
        delete_applications=delete_applications,
        put_contacts=put_contacts,
        delete_contacts=delete_contacts,
        add_log=add_log,
        delete_log=delete_log,
        description=change.description,
    )


def _put(ours: R, before: R | None, now: R | None, build: Callable[[dict[str, Any]], R]) -> R:
    if before is None or (now is not None and _same(before, now)):
        return ours
    if now is None:
        raise RecordConflict(before.label, "another program deleted it since it was loaded")
    return _three_way(before, ours, now, build)


def _still_to_delete(before: _Record | None, now: _Record | None) -> bool:
    if now is None:
        return False
    if before is not None and not _same(before, now):
        raise RecordConflict(
            now.label, "another program changed it since; look at it again before deleting it"
        )
    return True


def _same(one: _Record, other: _Record) -> bool:
    """Equal in every key, including those this version does not know (which
    the records' own equality leaves out)."""
    return one is other or one.to_dict() == other.to_dict()


def _three_way(before: R, ours: R, theirs: R, build: Callable[[dict[str, Any]], R]) -> R:
    old, mine, their = before.to_dict(), ours.to_dict(), theirs.to_dict()
    if mine == old:
        return theirs
    merged = dict(their)
    for key in old.keys() | mine.keys():
        value = mine.get(key, _MISSING)
        if value == old.get(key, _MISSING):
            continue
        if value is _MISSING:
            merged.pop(key, None)
        else:
            merged[key] = value
    try:
        result = build(merged)
    except RecordError:
        return ours
    if isinstance(result, LogEntry) and isinstance(ours, LogEntry) and result.key != ours.key:
        return ours
    return result


def union(ours: Board, copy: Board) -> tuple[Changeset, dict[str, tuple[str, ...]]]:
    """What a conflict copy adds to `ours`: every record it has that we do not
    (by id; log entries by key), and, per table, the ids it holds differently,
    where ours is kept. Applying the changeset to `ours` never loses a record
    of either side, and always fits: a record it adds links only to records
    of the copy, which are all in the union."""
    differing: dict[str, tuple[str, ...]] = {
        "applications": _differing(ours.applications, copy.applications),
        "contacts": _differing(ours.contacts, copy.contacts),
        "log": _differing(ours.log, copy.log),
    }
    change = Changeset(
        put_applications=tuple(
            a for k, a in copy.applications.items() if k not in ours.applications
        ),
        put_contacts=tuple(c for k, c in copy.contacts.items() if k not in ours.contacts),
        add_log=tuple(e for k, e in copy.log.items() if k not in ours.log),
    )
    return change, differing


def _differing(ours: Mapping[str, _Record], copy: Mapping[str, _Record]) -> tuple[str, ...]:
    return tuple(k for k, record in copy.items() if k in ours and not _same(ours[k], record))
