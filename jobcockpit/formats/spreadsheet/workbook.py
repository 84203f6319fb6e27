"""A workbook (.xlsx, .xls, .ods) read as the rows of one sheet.

People keep their job hunt in Excel or LibreOffice and should not have to save
it as CSV first. python-calamine reads all three formats without an office
suite; its cells come typed, so a date cell is a date whatever the workbook's
locale, and no day/month question arises for it. Each cell becomes the text a
CSV export would have held, and the rows go through the same reading as a
CSV file's, numbered as the workbook numbers them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from jobcockpit.formats.refusal import ImportRefused

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The start of an old Excel (.xls) file, a Compound File."""


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet of a workbook, as rows of text."""

    sheet: str
    sheets: tuple[str, ...]
    """Every sheet of the workbook, in order."""
    records: tuple[tuple[int, list[str]], ...]
    """(row number as the workbook shows it, cells)."""


def is_workbook(data: bytes) -> bool:
    return data.startswith((_ZIP_MAGIC, _OLE_MAGIC))


def read_workbook(data: bytes, sheet: str | None = None) -> Table:
    """The rows of `sheet` (by default the first); raises `ImportRefused` for a
    file calamine cannot read and for a sheet the workbook does not have."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = tuple(workbook.sheet_names)
        if not names:
            raise ImportRefused(["the workbook has no sheet"])
        chosen = names[0] if sheet is None else _sheet_named(sheet, names)
        rows = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except ImportRefused:
        raise
    except PasswordError:
        raise ImportRefused(
            ["the workbook is protected by a password; save a copy without one and import that"]
        ) from None
    except (CalamineError, ValueError, OSError) as error:
        raise ImportRefused(
            [
                f"cannot be read as a workbook (.xlsx, .xls or .ods): {error}; if Excel or "
                "LibreOffice opens it, save it as CSV there (File > Save As > CSV UTF-8) and "
                "import that"
            ]
        ) from None
    records = tuple(
        (number, [cell_text(value) for value in row]) for number, row in enumerate(rows, start=1)
    )
    return Table(chosen, names, records)


def _sheet_named(wanted: str, names: Sequence[str]) -> str:
    """The sheet of that name, ignoring case and spaces around it."""
    folded = wanted.strip().casefold()
    for name in names:
        if name.strip().casefold() == folded:
            return name
    listed = ", ".join(repr(name) for name in names)
    raise ImportRefused([f"the workbook has no sheet {wanted!r}; its sheets are {listed}"])


def cell_text(value: object) -> str:
    """A cell as a CSV export writes it: dates in ISO form (a time of day only
    when there is one), whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value).strip() if isinstance(value, str) else str(value)
