"""Workbooks read as the rows of one sheet: typed date cells become dates
whatever the workbook's locale, numbers lose the ".0" a spreadsheet never
showed, and the sheet is the first one unless named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import pytest
from workbooks import Rows, ods, xlsx

from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.formats.spreadsheet.workbook import cell_text, is_workbook, read_workbook

Writer = Callable[[Mapping[str, Rows]], bytes]
ROWS: Rows = [
    ["Company", "Date Applied", "Phone", "Last contact"],
    [
        "Müller & Söhne <GmbH>",
        dt.date(2026, 11, 10),
        4930123456,
        dt.datetime(2026, 10, 2, 9, 17, 5),
    ],
    [None, "10/11/2026", 1.5, None],
]


@pytest.mark.parametrize("write", [xlsx, ods], ids=["xlsx", "ods"])
def test_the_first_sheet_is_read_with_typed_cells_as_text(write: Writer) -> None:
    data = write({"Applications": ROWS, "Archive": [["Company"], ["Old Co"]]})

    table = read_workbook(data)

    assert is_workbook(data)
    assert table.sheet == "Applications"
    assert table.sheets == ("Applications", "Archive")
    assert table.records == (
        (1, ["Company", "Date Applied", "Phone", "Last contact"]),
        (2, ["Müller & Söhne <GmbH>", "2026-11-10", "4930123456", "2026-10-02 09:17:05"]),
        (3, ["", "10/11/2026", "1.5", ""]),
    )


@pytest.mark.parametrize("write", [xlsx, ods], ids=["xlsx", "ods"])
def test_another_sheet_is_chosen_by_its_name_ignoring_case(write: Writer) -> None:
    data = write({"Applications": ROWS, "Archive": [["Company"], ["Old Co"]]})

    table = read_workbook(data, " archive ")

    assert table.sheet == "Archive"
    assert [cells for _, cells in table.records] == [["Company"], ["Old Co"]]


def test_a_sheet_the_workbook_lacks_is_refused_naming_those_it_has() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_workbook(xlsx({"2026": ROWS, "Notes": [["x"]]}), "Bewerbungen")

    assert caught.value.problems == (
        "the workbook has no sheet 'Bewerbungen'; its sheets are '2026', 'Notes'",
    )


def test_a_zip_that_is_no_workbook_is_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_workbook(b"PK\x03\x04 not really a workbook")

    assert caught.value.problems[0].startswith("cannot be read as a workbook (.xlsx, .xls or .ods)")


def test_cells_as_a_csv_export_would_hold_them() -> None:
    assert cell_text(True) == "TRUE"
    assert cell_text(dt.datetime(2026, 11, 10, 0, 0)) == "2026-11-10"
    assert cell_text(dt.time(9, 30)) == "09:30"
    assert cell_text(55000.0) == "55000"
    assert cell_text(0.25) == "0.25"
    assert cell_text(None) == ""
    assert not is_workbook(b"Company,Date Applied\n")
