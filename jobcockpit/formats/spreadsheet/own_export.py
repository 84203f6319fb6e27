"""jobcockpit's own CSV export read back (`export --format csv`, whose columns
are formats/table.py's `CSV_COLUMNS`).

A common spreadsheet keeps what no field claims in the notes; the product's
own table says more than that, and all of it has a home: the outcome, how to
follow up and since when the application is in its stage are fields, and the
contacts, phones and e-mails joined by `LIST_SEPARATOR` are the application's
contacts, one for each name, when the phones and e-mails line up with the
names (every contact has one, or none does). When they do not, the names are
still the contacts and the phones and e-mails go to the notes, unless they
are exactly what the stored contacts already hold.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jobcockpit.core.board import Board
from jobcockpit.core.friendly import parse_email, parse_phone
from jobcockpit.core.records import Application, FollowUp, Outcome, Stage
from jobcockpit.formats.spreadsheet.dates import DateOrder
from jobcockpit.formats.spreadsheet.fields import cell, date_of, parsed
from jobcockpit.formats.spreadsheet.reading import Row, Sheet
from jobcockpit.formats.spreadsheet.vocabulary import Status
from jobcockpit.formats.table import LIST_SEPARATOR


def _choice(kind: type[Outcome] | type[FollowUp], text: str) -> Any:
    try:
        return kind(text.strip().casefold())
    except ValueError:
        choices = " | ".join(member.value for member in kind)
        raise ValueError(f"{text!r} is not one of {choices}") from None


def own_status(sheet: Sheet, row: Row, status: Status) -> Status:
    """The stage the row says, with the outcome its outcome column gives."""
    text = cell(row, "outcome")
    if not text or status.stage is not Stage.DECIDED:
        return status
    outcome: Outcome = parsed(sheet, "outcome", lambda: _choice(Outcome, text))
    return Status(status.stage, outcome)


def own_fields(sheet: Sheet, row: Row, order: DateOrder | None, *, staged: bool) -> dict[str, Any]:
    """How to follow up, and (when the row sets the stage) since when."""
    fields: dict[str, Any] = {}
    follow_up = cell(row, "follow_up")
    if follow_up:
        fields["follow_up"] = parsed(sheet, "follow_up", lambda: _choice(FollowUp, follow_up)).value
    if staged:
        since: dt.date | None = date_of(sheet, row, "stage_since", order)
        fields["stage_since"] = since.isoformat() if since else None
    return fields


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(LIST_SEPARATOR.strip()) if part.strip()]


def own_contacts(
    sheet: Sheet, row: Row, stored: Application | None, board: Board
) -> tuple[list[dict[str, Any]], list[str]]:
    """The row's contacts, and the notes lines for the phones and e-mails
    that cannot be told apart between them."""
    names = _split(cell(row, "contacts"))
    phones = _split(cell(row, "phones"))
    emails = _split(cell(row, "emails"))
    notes: list[str] = []
    if not names:
        for field_name in ("phones", "emails"):
            if cell(row, field_name):
                notes.append(f"{sheet.column(field_name)}: {cell(row, field_name)}")
        return [], notes
    people: list[dict[str, Any]] = [{"name": name} for name in names]
    for field_name, values, key in (("phones", phones, "phone"), ("emails", emails, "email")):
        if len(values) == len(names):
            for person, value in zip(people, values, strict=True):
                person[key] = _detail(sheet, field_name, value)
        elif values and values != _stored_values(stored, board, key):
            notes.append(f"{sheet.column(field_name)}: {cell(row, field_name)}")
    return people, notes


def _detail(sheet: Sheet, field_name: str, value: str) -> str | None:
    parse = parse_phone if field_name == "phones" else parse_email
    detail: str | None = parsed(sheet, field_name, lambda: parse(value))
    return detail


def _stored_values(stored: Application | None, board: Board, key: str) -> list[str]:
    if stored is None:
        return []
    return [value for c in board.contacts_of(stored) if (value := getattr(c, key))]
