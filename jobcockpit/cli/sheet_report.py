"""What `jobcockpit import` says about spreadsheets: how each file was read
(which tracker wrote it, its layout and encoding, which column is which
field), the first rows as they will be stored, and the rows left out, skipped
or refused, each named by its file and line (a workbook's by its row)."""

from __future__ import annotations

from collections.abc import Sequence

from jobcockpit.core.text import plain
from jobcockpit.formats.spreadsheet import (
    FIELD_NAMES,
    PreviewRow,
    SheetRefused,
    SheetSummary,
    SpreadsheetPlan,
)

ORDERS = {"dmy": "dates day/month/year", "mdy": "dates month/day/year"}


def rows(count: int) -> str:
    return "row" if count == 1 else "rows"


def names(given: Sequence[str]) -> str:
    """The files of one import, for a message: "a.csv" or "a.csv and b.csv"."""
    if len(given) <= 1:
        return "".join(given)
    return ", ".join(given[:-1]) + " and " + given[-1]


def report(planned: SpreadsheetPlan, given: Sequence[str]) -> str:
    """How each file was read, then the first rows as they will be stored."""
    lines: list[str] = []
    for summary, name in zip(planned.sheets, given, strict=True):
        lines.extend(_read(summary, name))
    if planned.preview:
        lines.append(f"Preview of the first {len(planned.preview)}, as they will be stored:")
        lines.extend(_preview_line(row) for row in planned.preview)
        more = planned.rows - len(planned.preview)
        if more > 0:
            lines.append(f"  ... and {more} more")
    return "\n".join(lines) + "\n"


def _read(summary: SheetSummary, name: str) -> list[str]:
    sheet = summary.sheet
    source = "" if sheet.source.name == "a spreadsheet" else f" as {sheet.source.name}"
    order = ORDERS.get(summary.date_order or "")
    detail = sheet.layout + (f", {order}" if order else "")
    lines = [
        f"Read {plain(name)}{source}: {summary.rows} {rows(summary.rows)} to import ({detail}).",
        "  columns: "
        + ", ".join(
            f"{plain(header)} = {FIELD_NAMES.get(field, field)}"
            for field, header in sheet.columns.items()
        ),
    ]
    if sheet.confidence is not None:
        lines.append(
            f"  encoding: guessed {sheet.encoding}, {sheet.confidence}% sure; if a name looks "
            "wrong, import again with --encoding NAME (e.g. cp1250, cp1251, cp1252)"
        )
    if sheet.others:
        lines.append("  kept in the notes: " + ", ".join(plain(h) for h in sheet.others))
    for reason in dict.fromkeys(why for _, why in sheet.ignored):
        headers = ", ".join(plain(h) for h, why in sheet.ignored if why == reason)
        lines.append(f"  left out: {headers} ({reason})")
    if summary.dated_by_created:
        count = summary.dated_by_created
        lines.append(
            f"  {count} {rows(count)} {'has' if count == 1 else 'have'} no date applied: the "
            f"day each was added ({plain(sheet.column('created'))}) stands in"
        )
    return lines


def _place(row: PreviewRow) -> str:
    where = f"{row.unit} {row.line}"
    return f"{plain(row.file)} {where}" if row.file else where


def _preview_line(row: PreviewRow) -> str:
    application = row.application
    stage = application.stage.value
    if application.outcome is not None:
        stage += f" ({application.outcome.value})"
    parts = [
        plain(application.company),
        plain(application.position) or "(no position)",
        f"applied {application.applied_on.isoformat()}",
        stage,
    ]
    if row.contact is not None:
        contact = row.contact
        parts.append(", ".join(plain(x) for x in (contact.name, contact.phone, contact.email) if x))
    return f"  {_place(row)}: " + " | ".join(parts)


def left_out(planned: SpreadsheetPlan) -> str:
    count = len(planned.left_out)
    lines = [f"Left out {count} {rows(count)} not applied to yet:"]
    for row in planned.left_out:
        where = f"{row.unit} {row.line}"
        where = f"{plain(row.file)} {where}" if row.file else where
        lines.append(f"  {where}: {plain(row.reason)}")
    return "\n".join(lines) + "\n"


def refusal(name: str, refused: SheetRefused) -> str:
    count = len(refused.bad)
    lines = [f"{name} was not imported and nothing was changed ({count} bad {rows(count)}):"]
    lines.extend(f"  {plain(bad.file or name)}: {plain(str(bad))}" for bad in refused.bad)
    if refused.readable:
        lines.append(
            f"Correct {'it' if count == 1 else 'them'} in the spreadsheet, or add --skip-bad "
            f"to import the other {refused.readable} {rows(refused.readable)}."
        )
    return "\n".join(lines)


def skipped(name: str, planned: SpreadsheetPlan) -> str:
    count = len(planned.skipped)
    lines = [f"skipped {count} bad {rows(count)} of {name} (--skip-bad):"]
    lines.extend(f"  {plain(bad.file or name)}: {plain(str(bad))}" for bad in planned.skipped)
    return "\n".join(lines)
