"""Read sheets turned into one checked import.

Each row becomes a `jobcockpit/1` application (and a contact when it names
one) and goes through `plan_import`, so a spreadsheet import obeys the same
merge, link and refusal rules as a JSON one. Several files (LinkedIn splits a
large export into `Job Applications_1.csv`, `_2`...) make one import.

Ids are derived from what the row says (company, position, date applied; or
the tracker's own id for the row), so importing the same sheet again updates
what the first import made instead of adding it twice. They are 64 bits of a
hash, so two different rows of even a huge sheet do not share one; should it
ever happen, the row is refused saying so. Ids of earlier imports (40 bits)
are still found and updated, when they hold the same application.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jobcockpit.core.board import Board
from jobcockpit.core.friendly import IMPORT_ALLOWANCE_DAYS, applied_too_late
from jobcockpit.core.records import Application, Stage
from jobcockpit.formats.document import FORMAT, plan_import
from jobcockpit.formats.spreadsheet import fields
from jobcockpit.formats.spreadsheet.dates import DateOrder, order_shown
from jobcockpit.formats.spreadsheet.own_export import own_contacts, own_fields, own_status
from jobcockpit.formats.spreadsheet.preview import (
    BadRow,
    LeftOut,
    SheetRefused,
    SheetSummary,
    SpreadsheetPlan,
    preview_of,
)
from jobcockpit.formats.spreadsheet.reading import SOURCE_ID, Row, Sheet
from jobcockpit.formats.spreadsheet.vocabulary import DATE_FIELDS, NOT_APPLIED, Status, read_status

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all) while a long sheet is read."""

PROGRESS_EVERY = 250
ID_HEX = 16
"""64 bits of the hash: two rows of a sheet share an id about once in 10^19
pairs, where 10 hex digits (40 bits, before) met once in 10^12."""
LEGACY_ID_HEX = 10


@dataclass(slots=True)
class _Draft:
    """The records the sheets give so far, before `plan_import` checks them."""

    applications: dict[str, dict[str, Any]] = field(default_factory=dict)
    first_row: dict[str, tuple[Sheet, Row, tuple[str, ...]]] = field(default_factory=dict)
    """Each application's first row, and the key its id was made from."""
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    rows: list[tuple[Sheet, int, str, str | None]] = field(default_factory=list)


def plan_spreadsheet(
    sheet: Sheet,
    board: Board,
    *,
    skip_bad: bool = False,
    date_order: DateOrder | None = None,
    description: str = "import",
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> SpreadsheetPlan:
    """The import of one sheet into `board` (see `plan_sheets`)."""
    return plan_sheets(
        [sheet],
        board,
        skip_bad=skip_bad,
        date_order=date_order,
        description=description,
        progress=progress,
        today=today,
    )


def plan_sheets(
    sheets: Sequence[Sheet],
    board: Board,
    *,
    skip_bad: bool = False,
    date_order: DateOrder | None = None,
    description: str = "import",
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> SpreadsheetPlan:
    """The import of `sheets` into `board`, as one change; with `today`, a
    row applied on a day that has not come yet is a bad row.

    Raises `ImportRefused` when a file's dates leave the day/month order open,
    and `SheetRefused` naming every bad row unless `skip_bad`, in which case
    those rows are left out and listed in the plan.
    """
    orders = [_date_order(sheet, date_order) for sheet in sheets]
    draft = _Draft()
    bad: list[BadRow] = []
    left_out: list[LeftOut] = []
    counts: dict[int, list[int]] = {index: [0, 0] for index in range(len(sheets))}
    total = sum(len(sheet.rows) for sheet in sheets)
    done = 0
    for index, (sheet, order) in enumerate(zip(sheets, orders, strict=True)):
        for row in sheet.rows:
            try:
                taken = _take_row(sheet, row, order, board, draft, today)
            except fields.RowError as error:
                bad.append(BadRow(row.line, error.column, error.problem, sheet.name, sheet.unit))
            else:
                if taken is None:
                    status = fields.cell(row, "status")
                    reason = f"status {status!r}: {NOT_APPLIED}"
                    left_out.append(LeftOut(row.line, reason, sheet.name, sheet.unit))
                else:
                    counts[index][0] += 1
                    counts[index][1] += taken
            done += 1
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
    plan = plan_import(document, board, description=description, today=today)
    summaries = tuple(
        SheetSummary(sheet, order, counts[index][0], counts[index][1])
        for index, (sheet, order) in enumerate(zip(sheets, orders, strict=True))
    )
    return SpreadsheetPlan(
        plan=plan,
        sheets=summaries,
        rows=readable,
        preview=preview_of(plan, board, draft.rows),
        skipped=tuple(bad),
        left_out=tuple(left_out),
    )


def _date_order(sheet: Sheet, given: DateOrder | None) -> DateOrder | None:
    """The day/month order of the file's dates like 03/04/2026: as told, as the
    header or the tracker says, else as the file's own dates show, in every
    column of dates together (a Follow Up column's 10/20/2026 settles the Date
    Applied column's 11/03/2026)."""
    if given is not None:
        return given
    if sheet.date_order_hint is not None:
        return sheet.date_order_hint
    return order_shown(_date_cells(sheet))


def _date_cells(sheet: Sheet) -> list[tuple[int, str, str]]:
    cells: list[tuple[int, str, str]] = []
    for row in sheet.rows:
        for field_name in DATE_FIELDS:
            text = row.cells.get(field_name, "")
            if text:
                cells.append((row.line, sheet.column(field_name), text))
        cells.extend((row.line, header, text) for header, text in row.others)
    return cells


def _take_row(
    sheet: Sheet,
    row: Row,
    order: DateOrder | None,
    board: Board,
    draft: _Draft,
    today: dt.date | None = None,
) -> bool | None:
    """Add one row's application and contact to the draft; raise `RowError`
    for the first thing in it that cannot be read. None: the row is no
    application yet; else whether its day applied is the day it was added."""
    if row.overflow is not None:
        raise fields.RowError(
            "row", f"{row.overflow} (a {sheet.delimiter_name} in an unquoted cell?)"
        )
    status_text = fields.cell(row, "status")
    status = fields.parsed(sheet, "status", lambda: read_status(status_text))
    if status is None:
        return None
    own = sheet.source.own_ids
    if own:
        status = own_status(sheet, row, status)
    company = fields.cell(row, "company")
    if not company:
        raise fields.RowError(sheet.column("company"), "is empty")
    position = fields.cell(row, "position")
    applied_on, by_created = fields.applied_on(sheet, row, order)
    too_late = applied_too_late(applied_on, today, IMPORT_ALLOWANCE_DAYS) if today else None
    if too_late is not None:
        raise fields.RowError(sheet.column("created" if by_created else "applied_on"), too_late)
    decision = fields.date_of(sheet, row, "decision", order)
    kept = fields.kept_fields(sheet, row, order)
    contact = fields.contact_fields(sheet, row)
    notes, link = fields.notes_and_link(sheet, row)

    key = _key_of(sheet, row, company, position, applied_on.isoformat())
    own_id = fields.cell(row, SOURCE_ID) if own else ""
    if own_id:
        # The product's own export: its id is the application's own.
        stored, app_id = board.applications.get(own_id), own_id
    else:
        stored, app_id = _stored(board, "a-", key, _same_application)
    raw: dict[str, Any] = {"id": app_id, "company": company, "position": position}
    raw["applied_on"] = applied_on.isoformat()
    staged: dict[str, Any] = {}
    if status_text or stored is None:
        staged = _stage_fields(status, stored)
        raw.update(staged)
    people = [contact] if contact is not None else []
    if own:
        raw.update(own_fields(sheet, row, order, staged="stage" in staged))
        people, more_notes = own_contacts(sheet, row, stored, board)
        notes = "\n".join(part for part in (notes, *more_notes) if part)
    if notes:
        raw["notes"] = notes
    if link:
        raw["posting_url"] = link
    if decision is not None:
        raw["decision_expected_on"] = decision.isoformat()
    if "tags" in kept and stored is not None:
        # Tags are added, never taken away: the cockpit may have added some.
        kept["tags"] = list(dict.fromkeys([*stored.tags, *kept["tags"]]))
    raw.update(kept)

    for person in people:
        person["id"] = _contact_id(company, person, stored, board)
    _add(draft, sheet, row, key, raw, people, stored)
    draft.rows.append((sheet, row.line, app_id, people[0]["id"] if people else None))
    return by_created


def _key_of(sheet: Sheet, row: Row, company: str, position: str, applied: str) -> tuple[str, ...]:
    """What names the row's application: the tracker's own id for it when the
    file has one (so an edited title is the same job), else its company,
    position and day applied."""
    source_id = fields.cell(row, SOURCE_ID)
    if source_id:
        return (sheet.source.name, source_id)
    return (company, position, applied)


def _same_application(stored: Application, key: tuple[str, ...]) -> bool:
    if len(key) != 3:
        return False
    company, position, applied = key
    return (_fold(stored.company), _fold(stored.position), stored.applied_on.isoformat()) == (
        _fold(company),
        _fold(position),
        applied,
    )


def _stored(
    board: Board,
    prefix: str,
    key: tuple[str, ...],
    same: Callable[[Application, tuple[str, ...]], bool],
) -> tuple[Application | None, str]:
    """The stored application the key names and its id: under the id made
    from the key, else under the shorter id earlier imports made, when that
    one holds the same application (and not one that only shares its id)."""
    digest = _digest(*key)
    ident = prefix + digest[:ID_HEX]
    stored = board.applications.get(ident)
    if stored is not None:
        return stored, ident
    legacy = board.applications.get(prefix + digest[:LEGACY_ID_HEX])
    if legacy is not None and same(legacy, key):
        return legacy, legacy.id
    return None, ident


def _stage_fields(status: Status, stored: Application | None) -> dict[str, Any]:
    """Stage and outcome as the sheet says, except that a sheet never moves an
    application back: the cockpit may know it got further since the sheet was
    written."""
    order = list(Stage)
    if stored is not None and order.index(stored.stage) > order.index(status.stage):
        return {}
    result: dict[str, Any] = {"stage": status.stage.value}
    if status.stage is Stage.DECIDED:
        if status.outcome is not None or stored is None or stored.stage is not Stage.DECIDED:
            result["outcome"] = status.outcome.value if status.outcome else None
    else:
        result["outcome"] = None
    if stored is not None and stored.stage is not status.stage:
        # Entering a stage now: when is not known, so the rules take it from the log.
        result["stage_since"] = None
    return result


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _digest(*parts: str) -> str:
    """Hex digits that depend only on the folded parts: the same row gives the
    same id on every import."""
    joined = "\x1f".join(_fold(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def _contact_id(
    company: str, contact: Mapping[str, Any], stored: Application | None, board: Board
) -> str:
    """The stored contact of the application with the same name or e-mail, else
    an id derived from the company and the person, so one recruiter on several
    rows for one company is one contact (an earlier import's shorter id is
    kept when it names the same person)."""
    if stored is not None:
        for known in board.contacts_of(stored):
            if _fold(known.name) == _fold(contact["name"]) or (
                known.email
                and contact.get("email")
                and _fold(known.email) == _fold(contact["email"])
            ):
                return known.id
    digest = _digest(company, contact["name"])
    legacy = board.contacts.get("c-" + digest[:LEGACY_ID_HEX])
    if legacy is not None and _fold(legacy.name) == _fold(contact["name"]):
        return legacy.id
    return "c-" + digest[:ID_HEX]


def _add(
    draft: _Draft,
    sheet: Sheet,
    row: Row,
    key: tuple[str, ...],
    raw: dict[str, Any],
    people: Sequence[dict[str, Any]],
    stored: Application | None,
) -> None:
    """Put the row's records in the draft. The same application on two rows is
    one application with both rows' contacts, as long as the rows agree on it."""
    app_id: str = raw["id"]
    earlier = draft.applications.get(app_id)
    if earlier is not None:
        first_sheet, first_row, first_key = draft.first_row[app_id]
        where = _where(first_sheet, first_row, sheet)
        if [_fold(part) for part in first_key] != [_fold(part) for part in key]:
            raise fields.RowError(
                "row",
                f"its id {app_id} is the one {where} got, though the two are different "
                "applications; this should never happen: import the two rows one at a time "
                "and report it",
            )
        mine = {k: v for k, v in raw.items() if k != "contacts"}
        theirs = {k: v for k, v in earlier.items() if k != "contacts"}
        if mine != theirs:
            raise fields.RowError("row", f"repeats {where} ({_what(key)}) with other details")
    for contact in people:
        # A person on several rows: later rows fill in and update what earlier gave.
        draft.contacts[contact["id"]] = {**draft.contacts.get(contact["id"], {}), **contact}
    if earlier is not None:
        for contact in people:
            if contact["id"] not in earlier["contacts"]:
                earlier["contacts"].append(contact["id"])
        return
    links = list(stored.contacts) if stored is not None else []
    for contact in people:
        if contact["id"] not in links:
            links.append(contact["id"])
    raw["contacts"] = links
    draft.applications[app_id] = raw
    draft.first_row[app_id] = (sheet, row, key)


def _where(first_sheet: Sheet, first_row: Row, sheet: Sheet) -> str:
    place = f"{first_sheet.unit} {first_row.line}"
    if first_sheet is not sheet and first_sheet.name:
        place += f" of {first_sheet.name}"
    return place


def _what(key: tuple[str, ...]) -> str:
    if len(key) == 2:
        return f"the same {key[0].removeprefix('a ').removeprefix('an ')} id"
    return "same company, position and date applied"
