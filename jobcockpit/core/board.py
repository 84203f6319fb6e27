"""The whole job hunt in memory, and the changes made to it.

Every change, from a key press in the cockpit to an import of thousands of
records, is one `Changeset`. A changeset is applied whole or not at all, its
inverse is what undo applies, and the store writes it to disk in one atomic
save.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from jobcockpit.core.links import check_links
from jobcockpit.core.records import Application, Contact, LogEntry, RecordError


@dataclass(frozen=True, slots=True)
class Changeset:
    """Records to put (add or replace) and to delete, applied as one."""

    put_applications: tuple[Application, ...] = ()
    delete_applications: tuple[str, ...] = ()
    put_contacts: tuple[Contact, ...] = ()
    delete_contacts: tuple[str, ...] = ()
    add_log: tuple[LogEntry, ...] = ()
    delete_log: tuple[str, ...] = field(default=())
    """Keys (`LogEntry.key`) of the log entries to delete."""
    description: str = ""

    def __bool__(self) -> bool:
        return bool(
            self.put_applications
            or self.delete_applications
            or self.put_contacts
            or self.delete_contacts
            or self.add_log
            or self.delete_log
        )

    @property
    def touched_applications(self) -> frozenset[str]:
        return frozenset(
            [a.id for a in self.put_applications]
            + list(self.delete_applications)
            + [e.application for e in self.add_log]
        )


class Board:
    """Applications, contacts and the log, indexed for the rules and the views.

    A board is never changed in place: `apply` returns a new one, so a screen
    holding the old board keeps a consistent picture and undo is cheap.
    """

    __slots__ = ("_by_application", "applications", "contacts", "log")

    def __init__(
        self,
        applications: Mapping[str, Application] | Iterable[Application] = (),
        contacts: Mapping[str, Contact] | Iterable[Contact] = (),
        log: Mapping[str, LogEntry] | Iterable[LogEntry] = (),
    ) -> None:
        """`log` is the entries, or the entries by their `LogEntry.key` (as a
        data file files them, so the keys need not be worked out again)."""
        self.applications: dict[str, Application] = (
            dict(applications)
            if isinstance(applications, Mapping)
            else {a.id: a for a in applications}
        )
        self.contacts: dict[str, Contact] = (
            dict(contacts) if isinstance(contacts, Mapping) else {c.id: c for c in contacts}
        )
        by_application: dict[str, list[LogEntry]] = defaultdict(list)
        if isinstance(log, Mapping):
            self.log: dict[str, LogEntry] = dict(log)
            for entry in self.log.values():
                by_application[entry.application].append(entry)
        else:
            self.log = {}
            for entry in log:
                self.log[entry.key] = entry
                by_application[entry.application].append(entry)
        order = _order_for(self.log.values())
        for entries in by_application.values():
            if len(entries) > 1:
                entries.sort(key=order)
        self._by_application: dict[str, list[LogEntry]] = dict(by_application)

    def __len__(self) -> int:
        return len(self.applications)

    def __iter__(self) -> Iterator[Application]:
        return iter(self.applications.values())

    def log_of(self, application_id: str) -> list[LogEntry]:
        """The application's log, oldest first."""
        return self._by_application.get(application_id, [])

    def contacts_of(self, application: Application) -> list[Contact]:
        return [self.contacts[c] for c in application.contacts if c in self.contacts]

    def applications_of(self, contact_id: str) -> list[Application]:
        return [a for a in self.applications.values() if contact_id in a.contacts]

    # -- changes ---------------------------------------------------------------

    def apply(self, change: Changeset) -> Board:
        """The board after the change; raises `RecordError` and changes nothing if it
        would leave a log entry or a contact link pointing at nothing."""
        applications = dict(self.applications)
        contacts = dict(self.contacts)
        by_application = dict(self._by_application)
        log = dict(self.log)
        touched: set[str] = set()

        for app_id in change.delete_applications:
            if app_id not in applications:
                raise RecordError(f"application {app_id}", "id", "does not exist")
            del applications[app_id]
            for entry in by_application.pop(app_id, []):
                log.pop(entry.key, None)
        for application in change.put_applications:
            applications[application.id] = application
        for contact_id in change.delete_contacts:
            if contact_id not in contacts:
                raise RecordError(f"contact {contact_id}", "id", "does not exist")
            del contacts[contact_id]
        for contact in change.put_contacts:
            contacts[contact.id] = contact
        for key in change.delete_log:
            if key not in log:
                raise RecordError(f"log entry {key}", "id", "does not exist")
            touched.add(log.pop(key).application)
        for entry in change.add_log:
            replaced = log.get(entry.key)
            if replaced is not None:
                touched.add(replaced.application)
            log[entry.key] = entry
            touched.add(entry.application)

        if len(touched) > 50:
            rebuilt: dict[str, list[LogEntry]] = defaultdict(list)
            for entry in log.values():
                rebuilt[entry.application].append(entry)
            for entries in rebuilt.values():
                entries.sort(key=_entry_order)
            by_application = dict(rebuilt)
        else:
            for app_id in touched:
                by_application[app_id] = sorted(
                    _merge(by_application.get(app_id, []), change, app_id, log),
                    key=_entry_order,
                )
        board = Board.__new__(Board)
        board.applications = applications
        board.contacts = contacts
        board.log = log
        board._by_application = by_application
        board._check_links(change)
        return board

    def _check_links(self, change: Changeset) -> None:
        check_links(
            change.put_applications,
            (),
            known_applications=self.applications,
            known_contacts=self.contacts,
        )
        if change.delete_contacts:
            gone = set(change.delete_contacts)
            for application in self.applications.values():
                if gone.intersection(application.contacts):
                    raise RecordError(
                        application.label,
                        "contacts",
                        f"still lists {', '.join(sorted(gone & set(application.contacts)))}",
                    )
            for entry in self.log.values():
                if entry.contact in gone:
                    raise RecordError(entry.label, "contact", f"refers to {entry.contact}")
        check_links(
            (), change.add_log, known_applications=self.applications, known_contacts=self.contacts
        )

    def inverse(self, change: Changeset) -> Changeset:
        """The changeset that undoes `change` when applied to `self.apply(change)`."""
        put_applications = [
            self.applications[a] for a in change.delete_applications if a in self.applications
        ]
        delete_applications = []
        for application in change.put_applications:
            if application.id in self.applications:
                put_applications.append(self.applications[application.id])
            else:
                delete_applications.append(application.id)
        put_contacts = [self.contacts[c] for c in change.delete_contacts if c in self.contacts]
        delete_contacts = []
        for contact in change.put_contacts:
            if contact.id in self.contacts:
                put_contacts.append(self.contacts[contact.id])
            else:
                delete_contacts.append(contact.id)
        restored_log = [self.log[k] for k in change.delete_log if k in self.log]
        for app_id in change.delete_applications:
            restored_log.extend(self.log_of(app_id))
        deleted = set(delete_applications)
        # Deleting an application takes its log with it; listing those entries
        # again would ask to delete what is already gone.
        removed_log = [
            e.key for e in change.add_log if e.key not in self.log and e.application not in deleted
        ]
        replaced_log = [self.log[e.key] for e in change.add_log if e.key in self.log]
        return Changeset(
            put_applications=tuple(put_applications),
            delete_applications=tuple(delete_applications),
            put_contacts=tuple(put_contacts),
            delete_contacts=tuple(delete_contacts),
            add_log=tuple(restored_log + replaced_log),
            delete_log=tuple(removed_log),
            description=change.description,
        )


def _order_for(entries: Iterable[LogEntry]) -> Callable[[LogEntry], Any]:
    """How to sort `entries` as `_entry_order` does, quickly when it can.

    When every time carries a fixed offset (as every one read from a data
    file does), times compare exactly as their instants, so the entries can
    be sorted by the times themselves, which Python does without calling a
    function per entry (half the cost of indexing a large log). A time in a
    zone of its own compares by its wall clock against another in the same
    zone, which an hour that repeats would get wrong: then the timestamps."""
    if {type(entry.at.tzinfo) for entry in entries} <= {dt.timezone}:
        return attrgetter("at", "kind")
    return _entry_order


def _entry_order(entry: LogEntry) -> tuple[float, str]:
    # The kind is a StrEnum: it orders as its value, without looking it up.
    return (entry.at.timestamp(), entry.kind)


def _merge(
    current: list[LogEntry], change: Changeset, app_id: str, log: Mapping[str, LogEntry]
) -> list[LogEntry]:
    kept = [e for e in current if log.get(e.key) is e]
    kept.extend(e for e in change.add_log if e.application == app_id and log.get(e.key) is e)
    return kept
