"""The spreadsheet a job seeker kept before the cockpit, read into one import.

People arrive with a CSV saved from Excel, LibreOffice, Google Sheets or a
tracker site: headers in any case and order, a byte-order mark or a Windows
code page, `;` where the decimal comma is taken, dates as their country writes
them, statuses in their own words. Asking them to edit the file first loses
them, so this package takes the file as it comes and says precisely, by line
number, what it cannot read.

`reading` finds the table in the bytes (`encodings` tells the text of a CSV
file, `workbook` reads a sheet of a workbook), `vocabulary` knows what its
columns and statuses are called, `sources` what each tracker's export does
differently, `dates` reads its dates, `fields` reads a row, `plan` turns the
rows into a `jobcockpit/1` import and `preview` says what it will do.
"""

from jobcockpit.formats.spreadsheet.dates import DATE_EXAMPLES, DateOrder, parse_sheet_date
from jobcockpit.formats.spreadsheet.plan import Progress, plan_sheets, plan_spreadsheet
from jobcockpit.formats.spreadsheet.preview import (
    BadRow,
    LeftOut,
    PreviewRow,
    SheetRefused,
    SheetSummary,
    SpreadsheetPlan,
)
from jobcockpit.formats.spreadsheet.reading import Row, Sheet, read_sheet
from jobcockpit.formats.spreadsheet.vocabulary import (
    COLUMNS,
    FIELD_NAMES,
    NOT_APPLIED,
    STATUS_WORDS,
    Status,
    field_named,
    read_status,
)
from jobcockpit.formats.spreadsheet.workbook import WORKBOOK_SUFFIXES, is_workbook

__all__ = [
    "COLUMNS",
    "DATE_EXAMPLES",
    "FIELD_NAMES",
    "NOT_APPLIED",
    "STATUS_WORDS",
    "WORKBOOK_SUFFIXES",
    "BadRow",
    "DateOrder",
    "LeftOut",
    "PreviewRow",
    "Progress",
    "Row",
    "Sheet",
    "SheetRefused",
    "SheetSummary",
    "SpreadsheetPlan",
    "Status",
    "field_named",
    "is_workbook",
    "parse_sheet_date",
    "plan_sheets",
    "plan_spreadsheet",
    "read_sheet",
    "read_status",
]
