"""A spreadsheet as it comes, read into a header and rows.

Excel, LibreOffice, Google Sheets and tracker sites each save a "CSV" their own
way: a byte-order mark or a Windows code page, `;` where the decimal comma is
taken, a title line above the header, Excel's `sep=` hint. A workbook (.xlsx,
.xls, .ods) is read as the rows of one sheet. This module finds the encoding,
the delimiter and the header row, tells which tracker wrote the file, and hands
on the cells by field; what the cells say is judged later, row by row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from jobcockpit.formats.document import MAX_DOCUMENT_BYTES
from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.formats.spreadsheet.dates import DateOrder, order_hint
from jobcockpit.formats.spreadsheet.encodings import decode
from jobcockpit.formats.spreadsheet.sources import SPREADSHEET, Source, source_of
from jobcockpit.formats.spreadsheet.vocabulary import (
    COLUMNS,
    DATE_FIELDS,
    FIELD_NAMES,
    header_field,
    header_key,
)
from jobcockpit.formats.spreadsheet.workbook import is_workbook, read_workbook
from jobcockpit.formats.table import restore_cell

HEADER_SEARCH_ROWS = 10
"""A title or a blank line may sit above the header; it is looked for this far down."""
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
SOURCE_ID = "source_id"
"""The field of a tracker's own id for each row (Huntr's `id`)."""

Records = Iterable[tuple[int, list[str]]]
Lookup = Callable[[str], tuple[str, int] | None]


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
    """A file read: how it was written, what its columns are, and its rows."""

    encoding: str
    """How the text was decoded, for the preview ("UTF-8"); empty for a workbook."""
    delimiter: str
    header_line: int
    columns: Mapping[str, str]
    """Field name to the header as written."""
    others: tuple[str, ...]
    """Headers no field claims; their cells are kept in the notes."""
    rows: tuple[Row, ...]
    date_order_hint: DateOrder | None = None
    source: Source = SPREADSHEET
    ignored: tuple[tuple[str, str], ...] = ()
    """(header, why) of the columns left out altogether."""
    sheet_name: str | None = None
    """For a workbook: the sheet read."""
    sheet_names: tuple[str, ...] = ()
    name: str = ""
    """The file's name as the user gave it; empty when only one file is read."""
    unit: str = "line"
    """What the numbers in messages count: lines of a CSV file, rows of a sheet."""
    confidence: int | None = None
    """When the encoding was guessed: how sure the guess is, in percent."""

    @property
    def delimiter_name(self) -> str:
        return _DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))

    @property
    def layout(self) -> str:
        """ "comma-separated, UTF-8" or "sheet 'Applications' of 2"."""
        if self.sheet_name is not None:
            count = len(self.sheet_names)
            return f"sheet {self.sheet_name!r}" + (f" of {count}" if count > 1 else "")
        guessed = " guessed" if self.confidence is not None else ""
        return f"{self.delimiter_name}-separated, {self.encoding}{guessed}"

    def column(self, field_name: str) -> str:
        """The header as the user wrote it, for messages."""
        return self.columns.get(field_name, FIELD_NAMES.get(field_name, field_name))


def read_sheet(
    data: bytes,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    mapping: Sequence[tuple[str, str]] = (),
    name: str = "",
) -> Sheet:
    """The file's layout and rows; raises `ImportRefused` for a file that is no
    table of applications at all (the rows themselves are judged later).

    `encoding` is the CSV file's encoding when the user knows it, `sheet` the
    workbook's sheet to read, and `mapping` (header, field) pairs for headers
    the vocabulary does not know."""
    lookup = _lookup(mapping)
    if is_workbook(data):
        if encoding is not None:
            raise ImportRefused(["--encoding is for CSV text; a workbook says its own"])
        table = read_workbook(data, sheet)
        return _sheet(
            table.records,
            lookup,
            mapping,
            encoding="",
            delimiter="",
            name=name,
            sheet_name=table.sheet,
            sheet_names=table.sheets,
            unit="row",
        )
    if sheet is not None:
        raise ImportRefused([f"--sheet {sheet!r} names a sheet of a workbook; this is CSV text"])
    decoded = decode(data, encoding)
    text = decoded.text.removeprefix("\ufeff")
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
    best: tuple[int, int, str] | None = None
    for delimiter in candidates:
        found = _find_header(_records(text, delimiter), lookup)
        if found is None:
            continue
        _line, header = found
        known = len({_field(lookup, h) for h in header} - {None})
        score = (known, len(header))
        if best is None or score > best[:2]:
            best = (known, len(header), delimiter)
    chosen = best[2] if best is not None else max(candidates, key=lambda d: _width(text, d))
    return _sheet(
        list(_records(text, chosen)),
        lookup,
        mapping,
        encoding=decoded.encoding,
        delimiter=chosen,
        name=name,
        confidence=decoded.confidence if decoded.guessed else None,
    )


def _width(text: str, delimiter: str) -> int:
    """How many cells the first row has when split by `delimiter`: with no
    header found, the delimiter that splits it most is the likely one, so the
    message can list the headers one by one."""
    try:
        for _, cells in _records(text, delimiter):
            if any(c.strip() for c in cells):
                return len(cells)
    except ImportRefused:
        return 0
    return 0


def _lookup(mapping: Sequence[tuple[str, str]]) -> Lookup:
    """The field a header names: as `--map` says, else as the vocabulary does
    (a mapped header ranks before every other name of its field)."""
    mapped = {header_key(header): field_name for header, field_name in mapping}

    def lookup(header: str) -> tuple[str, int] | None:
        field_name = mapped.get(header_key(header))
        if field_name is not None:
            return field_name, -1
        return header_field(header)

    return lookup


def _field(lookup: Lookup, header: str) -> str | None:
    found = lookup(header)
    return found[0] if found else None


def _sheet(
    records: Sequence[tuple[int, list[str]]],
    lookup: Lookup,
    mapping: Sequence[tuple[str, str]],
    *,
    encoding: str,
    delimiter: str,
    name: str,
    sheet_name: str | None = None,
    sheet_names: tuple[str, ...] = (),
    unit: str = "line",
    confidence: int | None = None,
) -> Sheet:
    found = _find_header(records, lookup)
    if found is None:
        raise ImportRefused([_no_header(records, lookup, delimiter or ",")])
    header_line, header = found
    _check_mapping(mapping, header)
    source = source_of({header_key(h) for h in header})
    columns, others, positions, ignored = _map_columns(header, lookup, source)
    missing = [f for f in ("company", "applied_on") if f not in columns]
    if missing == ["applied_on"] and "created" in columns:
        missing = []
    if missing:
        raise ImportRefused([_missing_columns(missing, header, lookup)])
    rows = _read_rows(records, header_line, header, positions, others, source)
    if not rows:
        raise ImportRefused(["no rows below the header row; nothing to import"])
    hints = [order_hint(header[positions[f]]) for f in DATE_FIELDS if f in positions]
    hint = next((h for h in hints if h is not None), source.date_order)
    return Sheet(
        encoding=encoding,
        delimiter=delimiter,
        header_line=header_line,
        columns=columns,
        others=tuple(header[i].strip() for i in others),
        rows=tuple(rows),
        date_order_hint=hint,
        source=source,
        ignored=ignored,
        sheet_name=sheet_name,
        sheet_names=sheet_names,
        name=name,
        unit=unit,
        confidence=confidence,
    )


def _records(text: str, delimiter: str) -> Records:
    """(first line, cells) of every record; a quoted cell may span lines, and
    be as long as a whole file may (a long note the product itself exported).
    A cell an export neutralised against formulas reads as it was written."""
    csv.field_size_limit(MAX_DOCUMENT_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last = 0
    try:
        for cells in reader:
            yield last + 1, [restore_cell(cell) for cell in cells]
            last = reader.line_num
    except csv.Error as error:
        raise ImportRefused([f"line {last + 1}: cannot be read as CSV: {error}"]) from None


def _find_header(records: Records, lookup: Lookup) -> tuple[int, list[str]] | None:
    """The first row among the first few that names a company and a second
    known field: the header, below any title line."""
    seen = 0
    try:
        for line, cells in records:
            if not any(c.strip() for c in cells):
                continue
            fields = {_field(lookup, c) for c in cells}
            if "company" in fields and len(fields - {None}) >= 2:
                return line, cells
            seen += 1
            if seen >= HEADER_SEARCH_ROWS:
                break
    except ImportRefused:
        return None
    return None


def _map_columns(
    header: Sequence[str], lookup: Lookup, source: Source
) -> tuple[dict[str, str], list[int], dict[str, int], tuple[tuple[str, str], ...]]:
    """Field to header; the positions of the headers no field claims; field to
    position; the columns the source leaves out, and why. Of two columns for
    one field the better-named one takes it (then the first), and the other's
    cells go to the notes."""
    best: dict[str, tuple[int, int]] = {}
    ignored: list[tuple[str, str]] = []
    skipped: set[int] = set()
    for index, name in enumerate(header):
        key = header_key(name)
        if key in source.ignored:
            ignored.append((name.strip(), source.ignored[key]))
            skipped.add(index)
            continue
        if key == source.id_column:
            found: tuple[str, int] | None = (SOURCE_ID, -1)
        elif key in source.columns:
            found = (source.columns[key], -1)
        else:
            found = lookup(name)
        if found is not None:
            field_name, rank = found
            best[field_name] = min(best.get(field_name, (rank, index)), (rank, index))
    positions = {field_name: index for field_name, (_, index) in best.items()}
    columns = {field_name: header[index].strip() for field_name, index in positions.items()}
    taken = set(positions.values()) | skipped
    others = [i for i, name in enumerate(header) if i not in taken and name.strip()]
    return columns, others, positions, tuple(ignored)


def _read_rows(
    records: Records,
    header_line: int,
    header: Sequence[str],
    positions: Mapping[str, int],
    others: Sequence[int],
    source: Source,
) -> list[Row]:
    rows: list[Row] = []
    width = len(header)
    clean = source.clean
    for line, cells in records:
        if line <= header_line or not any(c.strip() for c in cells):
            continue
        values = {
            f: clean(f, cells[i].strip()) if i < len(cells) else "" for f, i in positions.items()
        }
        kept = tuple(
            (header[i].strip(), clean("", cells[i].strip()))
            for i in others
            if i < len(cells) and cells[i]
        )
        extra = [c for c in cells[width:] if c.strip()]
        overflow = f"{len(cells)} cells but the header has {width}" if extra else None
        rows.append(Row(line, values, kept, overflow))
    return rows


def _check_mapping(mapping: Sequence[tuple[str, str]], header: Sequence[str]) -> None:
    keys = {header_key(h) for h in header}
    missing = [given for given, _ in mapping if header_key(given) not in keys]
    if missing:
        found = ", ".join(repr(h.strip()) for h in header if h.strip())
        raise ImportRefused(
            [
                f"--map names {', '.join(repr(m) for m in missing)}, but the header row has "
                f"no such column; it has {found}"
            ]
        )


def _unknown(header: Sequence[str], lookup: Lookup) -> list[str]:
    return [h.strip() for h in header if h.strip() and lookup(h) is None]


def _map_hint(unknown: Sequence[str]) -> str:
    if not unknown:
        return ""
    listed = ", ".join(repr(h) for h in unknown)
    example = unknown[0].replace('"', "")
    return (
        f"; jobcockpit does not know the headers {listed}: say what they are with "
        f'--map "{example}=company" (one --map for each; fields: {", ".join(COLUMNS)})'
    )


def _no_header(records: Sequence[tuple[int, list[str]]], lookup: Lookup, delimiter: str) -> str:
    first = next((cells for _, cells in records if any(c.strip() for c in cells)), [])
    shown = delimiter.join(first).strip()[:120]
    return (
        f"no header row found in the first {HEADER_SEARCH_ROWS} rows: jobcockpit looks for a "
        "Company column (or Employer, Organisation) and a Date Applied column; the first row "
        f"reads {shown!r}" + _map_hint(_unknown(first, lookup))
    )


def _missing_columns(missing: Sequence[str], header: Sequence[str], lookup: Lookup) -> str:
    wanted = "; ".join(f"{FIELD_NAMES[f]} ({', '.join(COLUMNS[f][:4])})" for f in missing)
    found = ", ".join(repr(h.strip()) for h in header if h.strip())
    return f"no column for {wanted}; the header row has {found}" + _map_hint(
        _unknown(header, lookup)
    )
