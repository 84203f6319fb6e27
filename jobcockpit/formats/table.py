"""The board as a table: one row per application, for a spreadsheet or a job
centre (`jobcockpit export --format csv`). The data-format page,
docs/data-format.md, lists the columns."""

from __future__ import annotations

import csv
import io

from jobcockpit.core.board import Board
from jobcockpit.core.records import LogEntry
from jobcockpit.formats.document import log_in_order

LIST_SEPARATOR = "; "
"""Between the names, phones and e-mails of an application's contacts."""

CSV_COLUMNS = (
    "id",
    "company",
    "position",
    "stage",
    "applied_on",
    "stage_since",
    "outcome",
    "follow_up",
    "contacts",
    "phones",
    "emails",
    "last_log_at",
    "last_log",
    "notes",
    "posting_url",
    "salary",
    "location",
    "resume",
    "cover_letter",
    "deadline",
    "tags",
)


def to_csv(board: Board) -> str:
    """One row per application, sorted by id."""
    last_entry: dict[str, LogEntry] = {}
    for entry in log_in_order(board):
        last_entry[entry.application] = entry
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for application in sorted(board.applications.values(), key=lambda a: a.id):
        people = board.contacts_of(application)
        last = last_entry.get(application.id)
        writer.writerow(
            [
                application.id,
                application.company,
                application.position,
                application.stage.value,
                application.applied_on.isoformat(),
                _text(application.stage_since.isoformat() if application.stage_since else None),
                _text(application.outcome.value if application.outcome else None),
                application.follow_up.value,
                LIST_SEPARATOR.join(c.name for c in people),
                LIST_SEPARATOR.join(c.phone for c in people if c.phone),
                LIST_SEPARATOR.join(c.email for c in people if c.email),
                last.at.isoformat() if last else "",
                _describe_entry(last, board) if last else "",
                application.notes,
                _text(application.posting_url),
                _text(application.salary),
                _text(application.location),
                _text(application.resume),
                _text(application.cover_letter),
                application.deadline.isoformat() if application.deadline else "",
                LIST_SEPARATOR.join(application.tags),
            ]
        )
    return out.getvalue()


def _text(value: str | None) -> str:
    return value or ""


def _describe_entry(entry: LogEntry, board: Board) -> str:
    """ "voicemail with Dana Ruiz: asked about the timeline" """
    text = entry.kind.value
    contact = board.contacts.get(entry.contact) if entry.contact else None
    if contact is not None:
        text += f" with {contact.name}"
    elif entry.contact:
        text += f" with {entry.contact}"
    if entry.note:
        text += f": {entry.note}"
    return text
