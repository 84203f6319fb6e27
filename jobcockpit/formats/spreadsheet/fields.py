"""One row's cells read as the fields of an application and its contact.

Each function reads what one part of a row says and raises `RowError`
naming the column, as the user's header names it, for the first thing it
cannot read. What no field takes goes to the notes as "Header: value", so
nothing a sheet holds is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from jobcockpit.core.friendly import parse_email, parse_phone, parse_url, parse_zone
from jobcockpit.core.records import split_tags
from jobcockpit.formats.spreadsheet.dates import DATE_EXAMPLES, DateOrder, parse_sheet_date
from jobcockpit.formats.spreadsheet.reading import Row, Sheet

PLACEHOLDERS = frozenset({"-", "--", "–", "—", "n/a", "na", "none", "null", "?", "tbd", "tba"})
TEXT_FIELDS = ("location", "resume", "cover_letter")


class RowError(Exception):
    def __init__(self, column: str, problem: str) -> None:
        super().__init__(f"{column}: {problem}")
        self.column = column
        self.problem = problem


def cell(row: Row, field_name: str) -> str:
    """The cell's text; a placeholder such as "n/a" or "-" is an empty cell."""
    text = row.cells.get(field_name, "")
    return "" if text.casefold() in PLACEHOLDERS else text


def parsed(sheet: Sheet, field_name: str, parse: Callable[[], Any]) -> Any:
    try:
        return parse()
    except ValueError as error:
        raise RowError(sheet.column(field_name), str(error)) from None


def date_of(sheet: Sheet, row: Row, field_name: str, order: DateOrder | None) -> dt.date | None:
    text = cell(row, field_name)
    if not text:
        return None
    return parsed(sheet, field_name, lambda: parse_sheet_date(text, order))  # type: ignore[no-any-return]


def applied_on(sheet: Sheet, row: Row, order: DateOrder | None) -> tuple[dt.date, bool]:
    """The day applied, and whether it was taken from the day the row was
    added (Huntr's `createdAt`, Teal's `Date Saved`) for want of a better one."""
    applied = date_of(sheet, row, "applied_on", order)
    if applied is not None:
        return applied, False
    created = date_of(sheet, row, "created", order)
    if created is not None:
        return created, True
    column = sheet.column("applied_on" if "applied_on" in sheet.columns else "created")
    raise RowError(column, f"is empty; write the day you applied, e.g. {DATE_EXAMPLES}")


def kept_fields(sheet: Sheet, row: Row, order: DateOrder | None) -> dict[str, Any]:
    """The fields people keep beside the essentials: salary, location, the
    résumé and cover letter sent, the posting's deadline, tags. An empty cell
    gives nothing, so a stored value stays."""
    fields: dict[str, Any] = {}
    salary = _salary(row)
    if salary:
        fields["salary"] = salary
    for field_name in TEXT_FIELDS:
        value = cell(row, field_name)
        if value:
            fields[field_name] = " ".join(value.split())
    deadline = date_of(sheet, row, "deadline", order)
    if deadline is not None:
        fields["deadline"] = deadline.isoformat()
    tags = split_tags(cell(row, "tags"))
    if tags:
        fields["tags"] = list(tags)
    return fields


def _salary(row: Row) -> str:
    """The salary as written, else the range its two columns give."""
    written = cell(row, "salary")
    if written:
        return " ".join(written.split())
    low, high = cell(row, "salary_min"), cell(row, "salary_max")
    if low and high:
        return f"{low}–{high}"
    if low:
        return f"from {low}"
    if high:
        return f"up to {high}"
    return ""


def contact_fields(sheet: Sheet, row: Row) -> dict[str, Any] | None:
    name = cell(row, "contact")
    phone_text = cell(row, "phone")
    email_text = cell(row, "email")
    phone = parsed(sheet, "phone", lambda: parse_phone(phone_text))
    email = parsed(sheet, "email", lambda: parse_email(email_text))
    if not (name or phone or email):
        return None
    fields: dict[str, Any] = {"name": name or email or phone}
    if phone:
        fields["phone"] = phone
    if email:
        fields["email"] = email
    role = cell(row, "contact_role")
    if role:
        fields["role"] = role
    zone_text = cell(row, "timezone")
    if zone_text:
        fields["timezone"] = parsed(sheet, "timezone", lambda: parse_zone(zone_text))
    country = cell(row, "country")
    if _is_code(country):
        fields["country"] = country.upper()
    return fields


def _is_code(country: str) -> bool:
    return len(country) == 2 and country.isalpha() and country.isascii()


def notes_and_link(sheet: Sheet, row: Row) -> tuple[str, str | None]:
    """The notes, with every cell no field claims added as "Header: value". A
    link that is no web address ("LinkedIn"), a country that is no 2-letter
    code, and a contact's details on a row that names no contact go there too,
    rather than failing the row or being dropped."""
    lines = [cell(row, "notes")] if cell(row, "notes") else []
    link_text = cell(row, "posting_url")
    link: str | None = None
    if link_text:
        try:
            link = parse_url(link_text)
        except ValueError:
            lines.append(f"{sheet.column('posting_url')}: {link_text}")
    has_contact = any(cell(row, f) for f in ("contact", "phone", "email"))
    for field_name in ("contact_role", "timezone", "country"):
        value = cell(row, field_name)
        if value and (not has_contact or (field_name == "country" and not _is_code(value))):
            lines.append(f"{sheet.column(field_name)}: {value}")
    lines.extend(
        f"{header}: {value}"
        for header, value in row.others
        if value.strip() and value.casefold() not in PLACEHOLDERS
    )
    return "\n".join(lines), link
