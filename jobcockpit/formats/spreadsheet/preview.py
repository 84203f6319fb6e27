"""What an import of sheets says before and after it is saved: the rows as
they will be stored, the rows left out or refused, and how each file was read.

Every row is named as the user finds it in the file: `line 6` of a CSV file,
`row 6` of a workbook's sheet, with the file's name when several are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application, Contact
from jobcockpit.formats.document import ImportPlan
from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.formats.spreadsheet.dates import DateOrder
from jobcockpit.formats.spreadsheet.reading import Sheet

PREVIEW_ROWS = 5


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that cannot be imported, and why: `line N: column: problem`."""

    line: int
    column: str
    problem: str
    file: str = ""
    """The file's name when several are imported at once."""
    unit: str = "line"

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.column}: {self.problem}"


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A row that is no application yet (a wishlist entry): not an error."""

    line: int
    reason: str
    file: str = ""
    unit: str = "line"


class SheetRefused(ImportRefused):
    """Rows that cannot be read; nothing is imported unless they are skipped."""

    def __init__(self, bad: Sequence[BadRow], readable: int) -> None:
        self.bad = tuple(bad)
        self.readable = readable
        """How many rows would be imported if the bad ones were skipped."""
        super().__init__([str(b) for b in self.bad])


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """A row as it will be stored."""

    line: int
    application: Application
    contact: Contact | None
    file: str = ""
    unit: str = "line"


@dataclass(frozen=True, slots=True)
class SheetSummary:
    """How one file was read, and what of it is imported."""

    sheet: Sheet
    date_order: DateOrder | None
    rows: int
    """Rows imported from this file."""
    dated_by_created: int = 0
    """Of those, rows whose day applied is the day they were added (no better
    date in the row)."""


@dataclass(frozen=True, slots=True)
class SpreadsheetPlan:
    """A checked spreadsheet import, ready for `Store.commit`."""

    plan: ImportPlan
    sheets: tuple[SheetSummary, ...]
    rows: int
    """How many rows are imported."""
    preview: tuple[PreviewRow, ...]
    skipped: tuple[BadRow, ...] = ()
    left_out: tuple[LeftOut, ...] = ()

    @property
    def sheet(self) -> Sheet:
        """The (first) file read."""
        return self.sheets[0].sheet

    @property
    def date_order(self) -> DateOrder | None:
        return self.sheets[0].date_order


def preview_of(
    plan: ImportPlan, board: Board, rows: Sequence[tuple[Sheet, int, str, str | None]]
) -> tuple[PreviewRow, ...]:
    applications = {a.id: a for a in plan.change.put_applications}
    contacts = {c.id: c for c in plan.change.put_contacts}
    shown: list[PreviewRow] = []
    for sheet, line, app_id, contact_id in rows[:PREVIEW_ROWS]:
        application = applications.get(app_id) or board.applications.get(app_id)
        if application is None:
            continue
        contact = None
        if contact_id is not None:
            contact = contacts.get(contact_id) or board.contacts.get(contact_id)
        shown.append(PreviewRow(line, application, contact, sheet.name, sheet.unit))
    return tuple(shown)
