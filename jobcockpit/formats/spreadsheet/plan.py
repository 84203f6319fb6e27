"""A read sheet turned into one checked import.

Each row becomes a `jobcockpit/1` application (and a contact when it names
one) and goes through `plan_import`, so a spreadsheet import obeys the same
merge, link and refusal rules as a JSON one. Ids are derived from what the row
says (company, position, date applied), so importing the same sheet again
updates what the first import made instead of adding it twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jobcockpit.core.board import Board
from jobcockpit.core.friendly import parse_email, parse_phone, parse_url, parse_zone
from jobcockpit.core.records import Application, Contact, Stage
from jobcockpit.formats.document import FORMAT, ImportPlan, ImportRefused, plan_import
from jobcockpit.formats.spreadsheet.dates import (
    DATE_EXAMPLES,
    DateOrder,
    order_shown,
    parse_sheet_date,
)
from jobcockpit.formats.spreadsheet.reading import Row, Sheet
from jobcockpit.formats.spreadsheet.vocabulary import NOT_APPLIED, Status, read_status

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all) while a long sheet is read."""

PREVIEW_ROWS = 5
PROGRESS_EVERY = 250


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that cannot be imported, and why: `line N: column: problem`."""

    line: int
    column: str
    problem: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.problem}"


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A row that is no application yet (a wishlist entry): not an error."""

    line: int
    reason: str


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


@dataclass(frozen=True, slots=True)
class SpreadsheetPlan:
    """A checked spreadsheet import, ready for `Store.commit`."""

    plan: ImportPlan
    sheet: Sheet
    date_order: DateOrder | None
    rows: int
    """How many rows are imported."""
    preview: tuple[PreviewRow, ...]
    skipped: tuple[BadRow, ...] = ()
    left_out: tuple[LeftOut, ...] = ()


@dataclass(slots=True)
class _Draft:
    """The records the sheet gives so far, before `plan_import` checks them."""

    applications: dict[str, dict[str, Any]] = field(default_factory=dict)
    first_line: dict[str, int] = field(default_factory=dict)
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    rows: list[tuple[int, str, str | None]] = field(default_factory=list)


def plan_spreadsheet(
    sheet: Sheet,
    board: Board,
    *,
    skip_bad: bool = False,
    date_order: DateOrder | None = None,
    description: str = "import",
    progress: Progress | None = None,
) -> SpreadsheetPlan:
    """The import of `sheet` into `board`.

    Raises `ImportRefused` when the file's dates leave the day/month order open,
    and `SheetRefused` naming every bad row unless `skip_bad`, in which case
    those rows are left out and listed in the plan.
    """
    order = _date_order(sheet, date_order)
    draft = _Draft()
    bad: list[BadRow] = []
    left_out: list[LeftOut] = []
    total = len(sheet.rows)
    for done, row in enumerate(sheet.rows, start=1):
        try:
            _take_row(sheet, row, order, board, draft, left_out)
        except _RowError as error:
            bad.append(BadRow(row.line, error.column, error.problem))
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    readable = len(draft.rows)
    if bad and not skip_bad:
        raise SheetRefused(bad, readable)
    document = {
        "format": FORMAT,
        "applications": list(draft.applications.values()),
        "contacts": list(draft.contacts.values()),
    }
    plan = plan_import(document, board, description=description)
    return SpreadsheetPlan(
        plan=plan,
        sheet=sheet,
        date_order=order,
        rows=readable,
        preview=_preview(plan, board, draft.rows),
        skipped=tuple(bad),
        left_out=tuple(left_out),
    )


def _date_order(sheet: Sheet, given: DateOrder | None) -> DateOrder | None:
    """The day/month order of the file's dates like 03/04/2026: as told, as the
    header says, else as the file's own dates show."""
    if given is not None:
        return given
    if sheet.date_order_hint is not None:
        return sheet.date_order_hint
    return order_shown(
        (row.line, sheet.column(field_name), row.cells.get(field_name, ""))
        for row in sheet.rows
        for field_name in ("applied_on", "decision")
    )


class _RowError(Exception):
    def __init__(self, column: str, problem: str) -> None:
        super().__init__(f"{column}: {problem}")
        self.column = column
        self.problem = problem


_PLACEHOLDERS = frozenset({"-", "--", "–", "—", "n/a", "na", "none", "null", "?", "tbd", "tba"})


def _cell(row: Row, field_name: str) -> str:
    """The cell's text; a placeholder such as "n/a" or "-" is an empty cell."""
    text = row.cells.get(field_name, "")
    return "" if text.casefold() in _PLACEHOLDERS else text


def _parsed(sheet: Sheet, field_name: str, parse: Callable[[], Any]) -> Any:
    try:
        return parse()
    except ValueError as error:
        raise _RowError(sheet.column(field_name), str(error)) from None


def _take_row(
    sheet: Sheet,
    row: Row,
    order: DateOrder | None,
    board: Board,
    draft: _Draft,
    left_out: list[LeftOut],
) -> None:
    """Add one row's application and contact to the draft; raise `_RowError`
    for the first thing in it that cannot be read."""
    if row.overflow is not None:
        raise _RowError("row", f"{row.overflow} (a {sheet.delimiter_name} in an unquoted cell?)")
    status_text = _cell(row, "status")
    status = _parsed(sheet, "status", lambda: read_status(status_text))
    if status is None:
        left_out.append(LeftOut(row.line, f"status {status_text!r}: {NOT_APPLIED}"))
        return
    company = _cell(row, "company")
    if not company:
        raise _RowError(sheet.column("company"), "is empty")
    position = _cell(row, "position")
    applied_text = _cell(row, "applied_on")
    if not applied_text:
        raise _RowError(
            sheet.column("applied_on"), f"is empty; write the day you applied, e.g. {DATE_EXAMPLES}"
        )
    applied_on = _parsed(sheet, "applied_on", lambda: parse_sheet_date(applied_text, order))
    decision_text = _cell(row, "decision")
    decision = (
        _parsed(sheet, "decision", lambda: parse_sheet_date(decision_text, order))
        if decision_text
        else None
    )
    contact = _contact_fields(sheet, row)
    notes, link = _notes_and_link(sheet, row)

    app_id = "a-" + _digest(company, position, applied_on.isoformat())
    stored = board.applications.get(app_id)
    raw: dict[str, Any] = {"id": app_id, "company": company, "position": position}
    raw["applied_on"] = applied_on.isoformat()
    if status_text or stored is None:
        raw.update(_stage_fields(status, stored))
    if notes:
        raw["notes"] = notes
    if link:
        raw["posting_url"] = link
    if decision is not None:
        raw["decision_expected_on"] = decision.isoformat()

    contact_id: str | None = None
    if contact is not None:
        contact_id = _contact_id(company, contact, stored, board)
        contact["id"] = contact_id
    _add(draft, row.line, raw, contact, stored)
    draft.rows.append((row.line, app_id, contact_id))


def _stage_fields(status: Status, stored: Application | None) -> dict[str, Any]:
    """Stage and outcome as the sheet says, except that a sheet never moves an
    application back: the cockpit may know it got further since the sheet was
    written."""
    order = list(Stage)
    if stored is not None and order.index(stored.stage) > order.index(status.stage):
        return {}
    fields: dict[str, Any] = {"stage": status.stage.value}
    if status.stage is Stage.DECIDED:
        if status.outcome is not None or stored is None or stored.stage is not Stage.DECIDED:
            fields["outcome"] = status.outcome.value if status.outcome else None
    else:
        fields["outcome"] = None
    if stored is not None and stored.stage is not status.stage:
        # Entering a stage now: when is not known, so the rules take it from the log.
        fields["stage_since"] = None
    return fields


def _contact_fields(sheet: Sheet, row: Row) -> dict[str, Any] | None:
    name = _cell(row, "contact")
    phone_text = _cell(row, "phone")
    email_text = _cell(row, "email")
    phone = _parsed(sheet, "phone", lambda: parse_phone(phone_text))
    email = _parsed(sheet, "email", lambda: parse_email(email_text))
    if not (name or phone or email):
        return None
    fields: dict[str, Any] = {"name": name or email or phone}
    if phone:
        fields["phone"] = phone
    if email:
        fields["email"] = email
    role = _cell(row, "contact_role")
    if role:
        fields["role"] = role
    zone_text = _cell(row, "timezone")
    if zone_text:
        fields["timezone"] = _parsed(sheet, "timezone", lambda: parse_zone(zone_text))
    country = _cell(row, "country")
    if _is_code(country):
        fields["country"] = country.upper()
    return fields


def _is_code(country: str) -> bool:
    return len(country) == 2 and country.isalpha() and country.isascii()


def _notes_and_link(sheet: Sheet, row: Row) -> tuple[str, str | None]:
    """The notes, with every cell no field claims added as "Header: value". A
    link that is no web address ("LinkedIn"), a country that is no 2-letter
    code, and a contact's details on a row that names no contact go there too,
    rather than failing the row or being dropped."""
    lines = [_cell(row, "notes")] if _cell(row, "notes") else []
    link_text = _cell(row, "posting_url")
    link: str | None = None
    if link_text:
        try:
            link = parse_url(link_text)
        except ValueError:
            lines.append(f"{sheet.column('posting_url')}: {link_text}")
    has_contact = any(_cell(row, f) for f in ("contact", "phone", "email"))
    for field_name in ("contact_role", "timezone", "country"):
        value = _cell(row, field_name)
        if value and (not has_contact or (field_name == "country" and not _is_code(value))):
            lines.append(f"{sheet.column(field_name)}: {value}")
    lines.extend(f"{header}: {value}" for header, value in row.others if value.strip())
    return "\n".join(lines), link


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _digest(*parts: str) -> str:
    """Ten hex digits that depend only on the folded parts: the same row gives
    the same id on every import."""
    joined = "\x1f".join(_fold(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:10]


def _contact_id(
    company: str, contact: Mapping[str, Any], stored: Application | None, board: Board
) -> str:
    """The stored contact of the application with the same name or e-mail, else
    an id derived from the company and the person, so one recruiter on several
    rows for one company is one contact."""
    if stored is not None:
        for known in board.contacts_of(stored):
            if _fold(known.name) == _fold(contact["name"]) or (
                known.email
                and contact.get("email")
                and _fold(known.email) == _fold(contact["email"])
            ):
                return known.id
    return "c-" + _digest(company, contact["name"])


def _add(
    draft: _Draft,
    line: int,
    raw: dict[str, Any],
    contact: dict[str, Any] | None,
    stored: Application | None,
) -> None:
    """Put the row's records in the draft. The same application on two rows is
    one application with both rows' contacts, as long as the rows agree on it."""
    app_id: str = raw["id"]
    earlier = draft.applications.get(app_id)
    if earlier is not None:
        mine = {k: v for k, v in raw.items() if k != "contacts"}
        theirs = {k: v for k, v in earlier.items() if k != "contacts"}
        if mine != theirs:
            raise _RowError(
                "row",
                f"repeats line {draft.first_line[app_id]} (same company, position and date "
                "applied) with other details",
            )
    if contact is not None:
        # A person on several rows: later rows fill in and update what earlier gave.
        draft.contacts[contact["id"]] = {**draft.contacts.get(contact["id"], {}), **contact}
    if earlier is not None:
        if contact is not None and contact["id"] not in earlier["contacts"]:
            earlier["contacts"].append(contact["id"])
        return
    links = list(stored.contacts) if stored is not None else []
    if contact is not None and contact["id"] not in links:
        links.append(contact["id"])
    raw["contacts"] = links
    draft.applications[app_id] = raw
    draft.first_line[app_id] = line


def _preview(
    plan: ImportPlan, board: Board, rows: Sequence[tuple[int, str, str | None]]
) -> tuple[PreviewRow, ...]:
    applications = {a.id: a for a in plan.change.put_applications}
    contacts = {c.id: c for c in plan.change.put_contacts}
    shown: list[PreviewRow] = []
    for line, app_id, contact_id in rows[:PREVIEW_ROWS]:
        application = applications.get(app_id) or board.applications.get(app_id)
        if application is None:
            continue
        contact = None
        if contact_id is not None:
            contact = contacts.get(contact_id) or board.contacts.get(contact_id)
        shown.append(PreviewRow(line, application, contact))
    return tuple(shown)
