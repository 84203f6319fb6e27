"""A CSV file as it comes, read into a header and rows.

Excel, LibreOffice, Google Sheets and tracker sites each save a "CSV" their own
way: a byte-order mark or a Windows code page, `;` where the decimal comma is
taken, a title line above the header, Excel's `sep=` hint. This module finds
the encoding, the delimiter and the header row, and hands on the cells by field;
what the cells say is judged later, row by row.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from jobcockpit.formats.document import ImportRefused
from jobcockpit.formats.spreadsheet.dates import DateOrder, order_hint
from jobcockpit.formats.spreadsheet.vocabulary import COLUMNS, FIELD_NAMES, field_of, header_field

HEADER_SEARCH_ROWS = 10
"""A title or a blank line may sit above the header; it is looked for this far down."""
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}


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
        known = len({field_of(h) for h in header} - {None})
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
    hint = order_hint(header[positions["applied_on"]])
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
            fields = {field_of(c) for c in cells}
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
        found = header_field(name)
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
