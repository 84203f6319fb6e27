"""The spreadsheet a job seeker kept before the cockpit, read into one import.

People arrive with a CSV saved from Excel, LibreOffice, Google Sheets or a
tracker site: headers in any case and order, a byte-order mark or a Windows
code page, `;` where the decimal comma is taken, dates as their country writes
them, statuses in their own words. Asking them to edit the file first loses
them, so this module takes the file as it comes and says precisely, by line
number, what it cannot read.

Each row becomes a `jobcockpit/1` application (and a contact when it names
one) and goes through `plan_import`, so a spreadsheet import obeys the same
merge, link and refusal rules as a JSON one. Ids are derived from what the row
says (company, position, date applied), so importing the same sheet again
updates what the first import made instead of adding it twice.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from jobcockpit.core.board import Board
from jobcockpit.core.friendly import parse_email, parse_phone, parse_url, parse_zone
from jobcockpit.core.records import Application, Contact, Outcome, Stage
from jobcockpit.formats.document import FORMAT, ImportPlan, ImportRefused, plan_import

DateOrder = Literal["dmy", "mdy"]
Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all) while a long sheet is read."""

PREVIEW_ROWS = 5
HEADER_SEARCH_ROWS = 10
"""A title or a blank line may sit above the header; it is looked for this far down."""
PROGRESS_EVERY = 250
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}

# -- the columns ---------------------------------------------------------------

COLUMNS: dict[str, tuple[str, ...]] = {
    "company": (
        "Company",
        "Company Name",
        "Employer",
        "Employer Name",
        "Organisation",
        "Organization",
        "Organisation Name",
        "Organization Name",
        "Firm",
    ),
    "position": (
        "Position",
        "Job Title",
        "Role",
        "Title",
        "Job",
        "Job Position",
        "Position Title",
        "Job Role",
        "Vacancy",
        "Job Name",
        "Opening",
    ),
    "applied_on": (
        "Date Applied",
        "Applied",
        "Applied On",
        "Application Date",
        "Date of Application",
        "Applied Date",
        "Date Submitted",
        "Submitted On",
        "Date Sent",
        "Date",
    ),
    "status": ("Status", "Stage", "Application Status", "State", "Progress"),
    "contact": (
        "Contact",
        "Contact Name",
        "Contact Person",
        "Recruiter",
        "Recruiter Name",
        "Hiring Manager",
    ),
    "contact_role": ("Contact Role", "Contact Title", "Contact Position", "Recruiter Title"),
    "phone": (
        "Phone",
        "Phone Number",
        "Telephone",
        "Tel",
        "Mobile",
        "Contact Phone",
        "Recruiter Phone",
    ),
    "email": (
        "Email",
        "E-mail",
        "Email Address",
        "E-mail Address",
        "Mail",
        "Contact Email",
        "Recruiter Email",
    ),
    "notes": ("Notes", "Note", "Comments", "Comment", "Remarks"),
    "posting_url": (
        "Link",
        "URL",
        "Posting",
        "Job Link",
        "Posting URL",
        "Job URL",
        "Job Posting",
        "Posting Link",
        "Application Link",
        "Listing",
    ),
    "decision": (
        "Decision Date",
        "Decision Expected",
        "Expected Decision",
        "Decision Expected On",
        "Decision By",
        "Response Expected",
    ),
    "timezone": ("Time Zone", "Timezone", "TZ", "Contact Time Zone"),
    "country": ("Country", "Contact Country"),
}
"""What each column may be called, in the user's words; matched ignoring case,
spaces and punctuation ("date_applied", " Date applied " and "DATE-APPLIED" are
one). A header that matches none is kept: its cells go into the notes."""

FIELD_NAMES = {
    "company": "company",
    "position": "position",
    "applied_on": "date applied",
    "status": "status",
    "contact": "contact",
    "contact_role": "contact's role",
    "phone": "phone",
    "email": "e-mail",
    "notes": "notes",
    "posting_url": "posting link",
    "decision": "decision date",
    "timezone": "contact's time zone",
    "country": "contact's country",
}
"""How a preview names the field a column was read as."""


def _key(header: str) -> str:
    """A header as compared: no parenthesised hint, no accents, case, spaces or
    punctuation."""
    bare = re.sub(r"\(.*?\)|\[.*?\]", "", header)
    decomposed = unicodedata.normalize("NFKD", bare)
    return "".join(c for c in decomposed.casefold() if c.isalnum())


_HEADER_KEYS: dict[str, tuple[str, int]] = {
    _key(name): (field_name, rank)
    for field_name, names in COLUMNS.items()
    for rank, name in enumerate(names)
}
"""Header key to (field, rank): where two columns could be one field ("Date"
and "Date Applied"), the one named earlier in `COLUMNS` takes it."""


def _field_of(header: str) -> str | None:
    found = _HEADER_KEYS.get(_key(header))
    return found[0] if found else None


# -- the statuses --------------------------------------------------------------

NOT_APPLIED = "not applied yet"


@dataclass(frozen=True, slots=True)
class Status:
    """Where a spreadsheet's status puts an application."""

    stage: Stage
    outcome: Outcome | None = None


_APPLIED = Status(Stage.APPLIED)
_INTERVIEWED = Status(Stage.INTERVIEWED)
_OFFER = Status(Stage.DECIDED, Outcome.OFFER)
_ACCEPTED = Status(Stage.DECIDED, Outcome.ACCEPTED)
_REJECTED = Status(Stage.DECIDED, Outcome.REJECTED)
_FILLED = Status(Stage.DECIDED, Outcome.FILLED)
_WITHDRAWN = Status(Stage.DECIDED, Outcome.WITHDRAWN)

STATUS_WORDS: dict[Status | None, tuple[str, ...]] = {
    _APPLIED: (
        "applied",
        "application sent",
        "application submitted",
        "submitted",
        "sent",
        "cv sent",
        "resume sent",
        "pending",
        "waiting",
        "awaiting response",
        "awaiting reply",
        "in review",
        "under review",
        "reviewing",
        "screening",
        "in progress",
        "open",
        "active",
        "followed up",
        "follow up",
        "no response yet",
        "interview scheduled",
        "interview invitation",
        "invited to interview",
        "invited",
    ),
    _INTERVIEWED: (
        "interviewed",
        "interview",
        "interviewing",
        "phone screen",
        "phone screened",
        "phone interview",
        "video interview",
        "screening call",
        "first interview",
        "second interview",
        "third interview",
        "final interview",
        "final round",
        "onsite",
        "on site",
        "technical interview",
        "assessment",
    ),
    Status(Stage.DECIDED): ("decided",),
    _OFFER: (
        "offer",
        "offered",
        "offer received",
        "offer extended",
        "got offer",
        "got an offer",
        "negotiating",
        "negotiation",
    ),
    _ACCEPTED: ("accepted", "offer accepted", "accepted offer", "hired", "signed", "started"),
    _REJECTED: (
        "rejected",
        "rejection",
        "declined",
        "not selected",
        "unsuccessful",
        "not successful",
        "turned down",
        "refused",
        "denied",
        "no",
        "not moving forward",
        "no response",
        "no reply",
        "no answer",
        "ghosted",
        "failed",
        "dead",
    ),
    _FILLED: (
        "filled",
        "position filled",
        "closed",
        "position closed",
        "job closed",
        "expired",
        "cancelled",
        "canceled",
        "posting removed",
        "archived",
    ),
    _WITHDRAWN: (
        "withdrawn",
        "withdrew",
        "i withdrew",
        "withdraw",
        "withdrew application",
        "offer declined",
        "declined offer",
        "i declined",
        "not interested",
        "no longer interested",
        "dropped",
    ),
    None: (
        "wishlist",
        "wish list",
        "bookmarked",
        "bookmark",
        "saved",
        "interested",
        "to apply",
        "applying",
        "not applied",
        "not applied yet",
        "not yet applied",
        "draft",
        "planned",
        "planning",
        "prospect",
        "idea",
        "researching",
        "lead",
        "target",
    ),
}
"""Every status word and where it puts the application; None: not applied yet,
so the row is left out. The choices for ambiguous words are in docs/import.md."""


def _status_key(text: str) -> str:
    """A status as compared: lower case, words only (emoji and punctuation gone)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    words = re.sub(r"[^a-z0-9]+", " ", decomposed)
    return " ".join(words.split())


_STATUS_KEYS: dict[str, Status | None] = {
    _status_key(word): status for status, words in STATUS_WORDS.items() for word in words
}

_STATUS_HINTS: tuple[tuple[tuple[str, ...], Status], ...] = (
    (("withdr",), _WITHDRAWN),
    (("reject", "unsuccessful", "not selected"), _REJECTED),
    (("accept", "hired"), _ACCEPTED),
    (("offer",), _OFFER),
    (("interview", "screen"), _INTERVIEWED),
    (("appl", "submit", "sent"), _APPLIED),
)
"""For a status not listed word for word ("Rejected after 2nd round"): the first
hint it contains decides, strongest first."""


def read_status(text: str) -> Status | None:
    """The stage (and outcome) a status says; None when the row is not an
    application yet. Raises `ValueError` for a status it cannot place."""
    key = _status_key(text)
    if not key:
        return _APPLIED
    if key in _STATUS_KEYS:
        return _STATUS_KEYS[key]
    if "offer" in key and any(word in key for word in ("declin", "reject", "turned down")):
        # "Declined their offer": the user said no, which is a withdrawal.
        return _WITHDRAWN
    for hints, status in _STATUS_HINTS:
        if any(hint in key for hint in hints):
            return status
    raise ValueError(
        f"{text.strip()!r} is not a status jobcockpit knows; write e.g. applied, interview, "
        "offer, accepted, rejected, withdrawn (docs/import.md lists every word)"
    )


# -- dates ---------------------------------------------------------------------

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?"
_TIME_TAIL = rf"(?:(?:T|\s+){_CLOCK})?"
"""A time after the date (Google Forms and some trackers write one): ignored."""
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME_TAIL)
_DOTTED = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\.?" + _TIME_TAIL)
_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})" + _TIME_TAIL)

_MONTH_NAMES = (
    ("jan", "janv", "jän", "jaen", "ene"),
    ("feb", "fév", "fev", "févr", "fevr"),
    ("mar", "mär", "mrz", "maerz"),
    ("apr", "avr", "abr"),
    ("may", "mai"),
    ("jun", "juin"),
    ("jul", "juil"),
    ("aug", "aoû", "aou", "ago"),
    ("sep", "sept"),
    ("oct", "okt"),
    ("nov",),
    ("dec", "déc", "dez", "dic"),
)
"""The first letters of each month's name in English, then in German, French and
Spanish where they differ: a LibreOffice in those languages writes them."""
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_IGNORED_DATE_WORDS = frozenset(
    {"st", "nd", "rd", "th", "of", "de", "del", "the", "am", "pm", "er", "le"}
)
_WEEKDAY_PREFIXES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DATE_EXAMPLES = "2026-11-10, 10.11.2026, 10 Nov 2026 or Nov 10, 2026"


def _month(word: str) -> int | None:
    """The month a word names: its first three or four letters, in English,
    German, French or Spanish ("Nov", "November", "März", "févr.", "dic")."""
    for length in (4, 3):
        number = _MONTHS.get(word[:length])
        if number is not None:
            return number
    return None


def _year(text: str) -> int:
    """A two-digit year is this century's: a job hunt is recent."""
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _calendar(year: int, month: int, day: int, text: str) -> dt.date:
    if not 1970 <= year <= 2100:
        raise ValueError(f"{text!r}: the year {year} is not a plausible year to have applied in")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a day on the calendar") from None


@dataclass(frozen=True, slots=True)
class _Slashed:
    """A date like 03/04/2026 whose order (day or month first) the file decides."""

    first: int
    second: int
    year: int

    @property
    def says(self) -> DateOrder | None:
        """The order this date alone proves, if any."""
        if self.first > 12 >= self.second:
            return "dmy"
        if self.second > 12 >= self.first:
            return "mdy"
        return None

    @property
    def ambiguous(self) -> bool:
        return self.first <= 12 and self.second <= 12 and self.first != self.second


def _slashed(text: str) -> _Slashed | None:
    match = _SLASHED.fullmatch(text.strip())
    if match is None:
        return None
    return _Slashed(int(match[1]), int(match[2]), _year(match[3]))


def parse_sheet_date(text: str, order: DateOrder | None) -> dt.date:
    """A date as spreadsheets write it. `order` says whether 03/04/2026 is the
    3rd of April (dmy) or March 4 (mdy); without it, such a date is refused
    unless day and month are the same."""
    stripped = text.strip()
    match = _ISO.fullmatch(stripped)
    if match:
        return _calendar(int(match[1]), int(match[2]), int(match[3]), stripped)
    match = _DOTTED.fullmatch(stripped)
    if match:
        return _calendar(_year(match[3]), int(match[2]), int(match[1]), stripped)
    slashed = _slashed(stripped)
    if slashed is not None:
        chosen = order or slashed.says
        if chosen is None and slashed.ambiguous:
            raise ValueError(f"{stripped!r} could be day/month or month/day")
        day, month = (
            (slashed.second, slashed.first) if chosen == "mdy" else (slashed.first, slashed.second)
        )
        try:
            return _calendar(slashed.year, month, day, stripped)
        except ValueError as error:
            if order is None:
                raise
            written = "month/day/year" if order == "mdy" else "day/month/year"
            raise ValueError(f"{error} (this file writes dates {written})") from None
    named = _named_date(stripped)
    if named is not None:
        return named
    raise ValueError(f"{stripped!r} is not a date; write e.g. {DATE_EXAMPLES}")


def _named_date(text: str) -> dt.date | None:
    """ "10 Nov 2026", "Nov 10, 2026", "10-Nov-26", "Tuesday, 10. November 2026"."""
    day_part = re.sub(rf"(?:T|\s+){_CLOCK}$", "", text)
    tokens = re.findall(r"\d+|[^\W\d_]+", day_part.casefold())
    month: int | None = None
    numbers: list[str] = []
    for token in tokens:
        if token.isdigit():
            numbers.append(token)
            continue
        if token in _IGNORED_DATE_WORDS:
            continue
        found = _month(token) if month is None else None
        if found is not None:
            month = found
            continue
        if token.startswith(_WEEKDAY_PREFIXES) and len(token) >= 3:
            continue
        return None
    if month is None or len(numbers) != 2:
        return None
    first, second = numbers
    if len(first) == 4:
        year, day = first, second
    elif len(second) in (2, 4) and len(first) <= 2:
        day, year = first, second
    else:
        return None
    if len(day) > 2:
        return None
    return _calendar(_year(year), month, int(day), text)


def _order_hint(header: str) -> DateOrder | None:
    """A header such as "Date applied (DD/MM/YYYY)" says how its dates are written."""
    folded = header.casefold().replace(".", "/").replace("-", "/")
    if "dd/mm" in folded:
        return "dmy"
    if "mm/dd" in folded:
        return "mdy"
    return None


# -- reading the file ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its first line in the file and its cells by field."""

    line: int
    cells: Mapping[str, str]
    others: tuple[tuple[str, str], ...] = ()
    """(header, value) of the columns no field claims, for the notes."""
    overflow: str | None = None
    """Why the row has more cells than the header, if it does."""


@dataclass(frozen=True, slots=True)
class Sheet:
    """A CSV file read: how it was written, what its columns are, and its rows."""

    encoding: str
    delimiter: str
    header_line: int
    columns: Mapping[str, str]
    """Field name to the header as written."""
    others: tuple[str, ...]
    """Headers no field claims; their cells are kept in the notes."""
    rows: tuple[Row, ...]
    date_order_hint: DateOrder | None = None

    @property
    def delimiter_name(self) -> str:
        return _DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))

    def column(self, field_name: str) -> str:
        """The header as the user wrote it, for messages."""
        return self.columns.get(field_name, FIELD_NAMES.get(field_name, field_name))


_ZIP_MAGIC = b"PK\x03\x04"


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding. Excel's plain "CSV" on Windows
    is in the Windows code page, not UTF-8; its "Unicode text" is UTF-16."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def read_sheet(data: bytes) -> Sheet:
    """The file's layout and rows; raises `ImportRefused` for a file that is no
    CSV table of applications at all (the rows themselves are judged later)."""
    if data.startswith(_ZIP_MAGIC):
        raise ImportRefused(
            [
                "this is a spreadsheet workbook (.xlsx or .ods), not CSV text; save it as CSV "
                "(in Excel: File > Save As > CSV UTF-8; in LibreOffice or Google Sheets: "
                "File > Save a copy / Download > CSV) and import that"
            ]
        )
    text, encoding = _decode(data)
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise ImportRefused(["this is not a text file (it holds NUL bytes); save it as CSV"])
    if not text.strip():
        raise ImportRefused(["the file is empty"])
    first_line, _, rest = text.partition("\n")
    forced = re.fullmatch(r'"?sep=(.)"?', first_line.strip("\r"))
    if forced:
        # Excel's own hint for the delimiter, written as the first line; blanked
        # so that line numbers stay those of the file.
        text = "\n" + rest
    candidates = (forced[1],) if forced else DELIMITERS
    best: tuple[int, int, str, int, list[str]] | None = None
    for delimiter in candidates:
        found = _find_header(text, delimiter)
        if found is None:
            continue
        line, header = found
        known = len({_field_of(h) for h in header} - {None})
        score = (known, len(header))
        if best is None or score > best[:2]:
            best = (known, len(header), delimiter, line, header)
    if best is None:
        raise ImportRefused([_no_header(text)])
    _, _, delimiter, header_line, header = best
    columns, others, positions = _map_columns(header)
    missing = [f for f in ("company", "applied_on") if f not in columns]
    if missing:
        raise ImportRefused([_missing_columns(missing, header)])
    rows = _read_rows(text, delimiter, header_line, header, positions, others)
    if not rows:
        raise ImportRefused(["no rows below the header row; nothing to import"])
    hint = _order_hint(header[positions["applied_on"]])
    return Sheet(
        encoding=encoding,
        delimiter=delimiter,
        header_line=header_line,
        columns=columns,
        others=tuple(header[i].strip() for i in others),
        rows=tuple(rows),
        date_order_hint=hint,
    )


def _records(text: str, delimiter: str) -> Iterable[tuple[int, list[str]]]:
    """(first line, cells) of every record; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last = 0
    try:
        for cells in reader:
            yield last + 1, cells
            last = reader.line_num
    except csv.Error as error:
        raise ImportRefused([f"line {last + 1}: cannot be read as CSV: {error}"]) from None


def _find_header(text: str, delimiter: str) -> tuple[int, list[str]] | None:
    """The first row among the first few that names a company and a second
    known field: the header, below any title line."""
    seen = 0
    try:
        for line, cells in _records(text, delimiter):
            if not any(c.strip() for c in cells):
                continue
            fields = {_field_of(c) for c in cells}
            if "company" in fields and len(fields - {None}) >= 2:
                return line, cells
            seen += 1
            if seen >= HEADER_SEARCH_ROWS:
                break
    except ImportRefused:
        return None
    return None


def _map_columns(header: Sequence[str]) -> tuple[dict[str, str], list[int], dict[str, int]]:
    """Field to header; the positions of the headers no field claims; field to
    position. Of two columns for one field the better-named one takes it (then
    the first), and the other's cells go to the notes."""
    best: dict[str, tuple[int, int]] = {}
    for index, name in enumerate(header):
        found = _HEADER_KEYS.get(_key(name))
        if found is not None:
            field_name, rank = found
            best[field_name] = min(best.get(field_name, (rank, index)), (rank, index))
    positions = {field_name: index for field_name, (_, index) in best.items()}
    columns = {field_name: header[index].strip() for field_name, index in positions.items()}
    taken = set(positions.values())
    others = [i for i, name in enumerate(header) if i not in taken and name.strip()]
    return columns, others, positions


def _read_rows(
    text: str,
    delimiter: str,
    header_line: int,
    header: Sequence[str],
    positions: Mapping[str, int],
    others: Sequence[int],
) -> list[Row]:
    rows: list[Row] = []
    width = len(header)
    for line, cells in _records(text, delimiter):
        if line <= header_line or not any(c.strip() for c in cells):
            continue
        values = {f: cells[i].strip() if i < len(cells) else "" for f, i in positions.items()}
        kept = tuple(
            (header[i].strip(), cells[i].strip()) for i in others if i < len(cells) and cells[i]
        )
        extra = [c for c in cells[width:] if c.strip()]
        overflow = f"{len(cells)} cells but the header has {width}" if extra else None
        rows.append(Row(line, values, kept, overflow))
    return rows


def _no_header(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return (
        f"no header row found in the first {HEADER_SEARCH_ROWS} rows: jobcockpit looks for a "
        "Company column (or Employer, Organisation) and a Date Applied column; the first row "
        f"reads {first.strip()[:120]!r}"
    )


def _missing_columns(missing: Sequence[str], header: Sequence[str]) -> str:
    wanted = "; ".join(f"{FIELD_NAMES[f]} ({', '.join(COLUMNS[f][:4])})" for f in missing)
    found = ", ".join(repr(h.strip()) for h in header if h.strip())
    return f"no column for {wanted}; the header row has {found}"


# -- from rows to records --------------------------------------------------------


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
    header says, else as the unambiguous dates of the file show (13/04/2026 can
    only be day first). A file that shows both orders, or neither while it holds
    a date that needs one, is refused naming a row."""
    if given is not None:
        return given
    if sheet.date_order_hint is not None:
        return sheet.date_order_hint
    proof: dict[DateOrder, tuple[int, str]] = {}
    open_question: tuple[int, str, str] | None = None
    for row in sheet.rows:
        for field_name in ("applied_on", "decision"):
            text = row.cells.get(field_name, "")
            slashed = _slashed(text)
            if slashed is None:
                continue
            says = slashed.says
            if says is not None:
                proof.setdefault(says, (row.line, text))
            elif slashed.ambiguous and open_question is None:
                open_question = (row.line, sheet.column(field_name), text)
    if "dmy" in proof and "mdy" in proof:
        (day_line, day_text), (month_line, month_text) = proof["dmy"], proof["mdy"]
        raise ImportRefused(
            [
                f"dates: line {day_line} has {day_text!r} (day first) but line {month_line} "
                f"has {month_text!r} (month first); correct the one that is wrong, or say "
                "which order the file uses with --dates dmy or --dates mdy"
            ]
        )
    if proof:
        return next(iter(proof))
    if open_question is not None:
        line, column, text = open_question
        raise ImportRefused(
            [
                f"line {line}: {column}: {text!r} could be day/month or month/day, and no "
                "date in the file tells which; import again with --dates dmy (day first, "
                "31/12/2026) or --dates mdy (month first, 12/31/2026)"
            ]
        )
    return None


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
