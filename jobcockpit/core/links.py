"""The one check that records point at records that exist.

An application names its contacts, and a log entry names its application and
(maybe) a contact. A link to nothing would show a call with nobody to call, so
the board refuses a change that makes one, the store refuses a file that holds
one, and an import refuses a document that does. All three ask this module,
each naming the bad record in its own words (a board by the record's label,
an import by its place in the document).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass

from jobcockpit.core.records import Application, LogEntry, RecordError


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """`record`'s `field` names `target`, which does not exist."""

    record: Application | LogEntry
    field: str
    """"contacts" of an application; "application" or "contact" of a log entry."""
    target: str

    @property
    def noun(self) -> str:
        """What `target` should have been."""
        return "application" if self.field == "application" else "contact"

    @property
    def problem(self) -> str:
        return f"no {self.noun} {self.target}"

    def error(self) -> RecordError:
        return RecordError(self.record.label, self.field, self.problem)


def broken_links(
    applications: Iterable[Application],
    log: Iterable[LogEntry],
    *,
    known_applications: Container[str],
    known_contacts: Container[str],
) -> Iterator[BrokenLink]:
    """Every link of `applications` and `log` to an id that is not known, in
    order: the applications' contacts first (one for each missing contact),
    then each log entry's application and contact."""
    for application in applications:
        for contact_id in application.contacts:
            if contact_id not in known_contacts:
                yield BrokenLink(application, "contacts", contact_id)
    for entry in log:
        if entry.application not in known_applications:
            yield BrokenLink(entry, "application", entry.application)
        if entry.contact is not None and entry.contact not in known_contacts:
            yield BrokenLink(entry, "contact", entry.contact)


def check_links(
    applications: Iterable[Application],
    log: Iterable[LogEntry],
    *,
    known_applications: Container[str],
    known_contacts: Container[str],
) -> None:
    """Raise `RecordError` for the first broken link (see `broken_links`)."""
    for broken in broken_links(
        applications,
        log,
        known_applications=known_applications,
        known_contacts=known_contacts,
    ):
        raise broken.error()
