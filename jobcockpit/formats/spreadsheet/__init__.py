"""The spreadsheet a job seeker kept before the cockpit, read into one import.

People arrive with a CSV saved from Excel, LibreOffice, Google Sheets or a
tracker site: headers in any case and order, a byte-order mark or a Windows
code page, `;` where the decimal comma is taken, dates as their country writes
them, statuses in their own words. Asking them to edit the file first loses
them, so this package takes the file as it comes and says precisely, by line
number, what it cannot read.

`reading` finds the table in the bytes, `vocabulary` knows what its columns and
statuses are called, `dates` reads its dates, and `plan` turns its rows into a
`jobcockpit/1` import.
"""

from jobcockpit.formats.spreadsheet.dates import DATE_EXAMPLES, DateOrder, parse_sheet_date
from jobcockpit.formats.spreadsheet.plan import (
    BadRow,
    LeftOut,
    PreviewRow,
    Progress,
    SheetRefused,
    SpreadsheetPlan,
    plan_spreadsheet,
)
from jobcockpit.formats.spreadsheet.reading import Row, Sheet, read_sheet
from jobcockpit.formats.spreadsheet.vocabulary import (
    COLUMNS,
    FIELD_NAMES,
    NOT_APPLIED,
    STATUS_WORDS,
    Status,
    read_status,
)

__all__ = [
    "COLUMNS",
    "DATE_EXAMPLES",
    "FIELD_NAMES",
    "NOT_APPLIED",
    "STATUS_WORDS",
    "BadRow",
    "DateOrder",
    "LeftOut",
    "PreviewRow",
    "Progress",
    "Row",
    "Sheet",
    "SheetRefused",
    "SpreadsheetPlan",
    "Status",
    "parse_sheet_date",
    "plan_spreadsheet",
    "read_sheet",
    "read_status",
]
