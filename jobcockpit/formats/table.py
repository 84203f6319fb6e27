"""The board as a table: one row per application, for a spreadsheet or a job
centre (`jobcockpit export --format csv`). The data-format page,
docs/data-format.md, lists the columns.

Every CSV the product writes (this table and the proof report) goes through
`write_table`, which keeps a spreadsheet from running a cell as a formula:
a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets
an apostrophe in front (OWASP's rule for CSV injection), as does one that
already starts with an apostrophe before such a character, so that
`restore_cell`, which the spreadsheet import applies to every cell, gives
back exactly the text that was written. `raw=True` writes the text as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list)."""
NEUTRAL = "'"
"""What a spreadsheet takes as "text follows" at the start of a cell."""


def neutralise(cell: str) -> str:
    """`cell` as a spreadsheet will show it rather than run it."""
    if cell.startswith(FORMULA_STARTS) or (
        cell.startswith(NEUTRAL) and cell[1:].startswith((*FORMULA_STARTS, NEUTRAL))
    ):
        return NEUTRAL + cell
    return cell


def restore_cell(cell: str) -> str:
    """The text `neutralise` was given: the exact inverse, so an export read
    back is the text that was exported."""
    if cell.startswith(NEUTRAL) and cell[1:].startswith((*FORMULA_STARTS, NEUTRAL)):
        return cell[1:]
    return cell


def write_table(header: Sequence[str], rows: Iterable[Sequence[str]], *, raw: bool = False) -> str:
    """A CSV table, each cell neutralised unless `raw`."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row if raw else [neutralise(cell) for cell in row])
    return out.getvalue()


def to_csv(board: Board, *, raw: bool = False) -> str:
    """One row per application, sorted by id."""
    last_entry: dict[str, LogEntry] = {}
    for entry in log_in_order(board):
        last_entry[entry.application] = entry
    return write_table(CSV_COLUMNS, _rows(board, last_entry), raw=raw)


def _rows(board: Board, last_entry: dict[str, LogEntry]) -> Iterable[list[str]]:
    for application in sorted(board.applications.values(), key=lambda a: a.id):
        people = board.contacts_of(application)
        last = last_entry.get(application.id)
        yield (
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
