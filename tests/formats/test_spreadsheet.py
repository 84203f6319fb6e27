"""Spreadsheets as people keep them: any header spelling, delimiter, encoding,
date style and status word, read into one import, with every row that cannot
be read named by its line."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from jobcockpit.core.board import Board
from jobcockpit.core.records import Outcome, Stage
from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.formats.spreadsheet import (
    Sheet,
    SheetRefused,
    SpreadsheetPlan,
    parse_sheet_date,
    plan_spreadsheet,
    read_sheet,
    read_status,
)

DATA = Path(__file__).parent / "data"
HEADER = "Company,Position,Date Applied,Status,Contact,Phone,Email,Notes,Link"


def sheet_of(*lines: str, encoding: str = "utf-8") -> Sheet:
    return read_sheet(("\n".join(lines) + "\n").encode(encoding))


def plan_of(*lines: str, board: Board | None = None, **options: Any) -> SpreadsheetPlan:
    return plan_spreadsheet(sheet_of(*lines), board or Board(), **options)


def imported(*lines: str, board: Board | None = None) -> Board:
    board = board or Board()
    return board.apply(plan_of(*lines, board=board).plan.change)


def bad_rows(*lines: str, **options: Any) -> list[str]:
    with pytest.raises(SheetRefused) as caught:
        plan_of(*lines, **options)
    return list(caught.value.problems)


def refusal(*lines: str, **options: Any) -> str:
    with pytest.raises(ImportRefused) as caught:
        plan_of(*lines, **options)
    assert not isinstance(caught.value, SheetRefused)
    return "\n".join(caught.value.problems)


def only(board: Board) -> tuple[object, ...]:
    (application,) = board.applications.values()
    return (
        application.company,
        application.position,
        application.applied_on.isoformat(),
        application.stage,
        application.outcome,
    )


# -- the columns ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "position", "date"),
    [
        ("Company", "Position", "Date Applied"),
        ("COMPANY", " Job Title ", "date applied"),
        ("Employer", "Role", "Applied On"),
        ("Organisation", "job_title", "Application Date"),
        ("Organization", "TITLE", "date-applied"),
        ("company name", "Job Position", "Applied"),
    ],
)
def test_headers_are_matched_in_any_case_spacing_or_punctuation(
    company: str, position: str, date: str
) -> None:
    board = imported(f"{position},{date},{company}", "Analyst,2026-11-10,Acme Tools")

    assert only(board) == ("Acme Tools", "Analyst", "2026-11-10", Stage.APPLIED, None)


def test_the_better_named_of_two_date_columns_wins_and_the_other_goes_to_the_notes() -> None:
    board = imported("Date,Company,Date Applied", "2026-12-01,Acme Tools,2026-11-10")

    (application,) = board.applications.values()
    assert application.applied_on.isoformat() == "2026-11-10"
    assert application.notes == "Date: 2026-12-01"


def test_a_title_row_above_the_header_is_skipped_and_lines_keep_their_numbers() -> None:
    problems = bad_rows(
        "My job hunt,,",
        "",
        "Company,Position,Date Applied",
        "Acme Tools,Analyst,2026-11-10",
        "Beta Care,Nurse,someday",
    )

    assert problems == [
        "line 5: Date Applied: 'someday' is not a date; "
        "write e.g. 2026-11-10, 10.11.2026, 10 Nov 2026 or Nov 10, 2026"
    ]


def test_a_file_without_a_company_or_date_column_is_refused_naming_what_it_has() -> None:
    with pytest.raises(ImportRefused) as no_date:
        sheet_of("Company,Position", "Acme,Analyst")
    with pytest.raises(ImportRefused) as no_header:
        sheet_of("Name,Age", "Ana,30")

    assert "no column for date applied" in no_date.value.problems[0]
    assert "'Company', 'Position'" in no_date.value.problems[0]
    assert "no header row found" in no_header.value.problems[0]
    assert "'Name,Age'" in no_header.value.problems[0]


def test_a_broken_workbook_is_refused_with_how_to_save_csv() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_sheet(b"PK\x03\x04\x14\x00\x06\x00rest of an xlsx")

    assert "Save As > CSV UTF-8" in caught.value.problems[0]


# -- delimiters and encodings ------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_sniffed(delimiter: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerows(
        [
            ("Company", "Position", "Date Applied", "Notes"),
            ("Acme, Inc.", "Analyst", "10.11.2026", "a; b|c"),
        ]
    )

    sheet = read_sheet(out.getvalue().encode("utf-8"))
    change = plan_spreadsheet(sheet, Board()).plan.change

    assert sheet.delimiter == delimiter
    assert [(a.company, a.notes) for a in change.put_applications] == [("Acme, Inc.", "a; b|c")]


def test_excels_sep_line_chooses_the_delimiter() -> None:
    sheet = sheet_of("sep=;", "Company;Position;Date Applied", "Acme, Inc.;Analyst;10.11.2026")

    assert sheet.delimiter == ";"
    assert sheet.header_line == 2
    assert sheet.rows[0].line == 3


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("\ufeffCompany,Position,Date Applied\r\nMüller GmbH,Lagerist,10.11.2026\r\n", "utf-8"),
        ("Company,Position,Date Applied\r\nMüller GmbH,Lagerist,10.11.2026\r\n", "cp1252"),
        (
            "\ufeffCompany\tPosition\tDate Applied\r\nMüller GmbH\tLagerist\t10.11.2026\r\n",
            "utf-16",
        ),
    ],
)
def test_bom_windows_code_page_and_utf16_are_read(data: str, encoding: str) -> None:
    sheet = read_sheet(data.encode(encoding))

    plan = plan_spreadsheet(sheet, Board())

    assert [a.company for a in plan.plan.change.put_applications] == ["Müller GmbH"]
    assert sheet.columns["company"] == "Company"


def test_a_quoted_note_may_hold_line_breaks_and_the_next_row_keeps_its_line() -> None:
    problems = bad_rows(
        "Company,Position,Date Applied,Notes",
        'Acme Tools,Analyst,2026-11-10,"first line',
        'second line, with a comma"',
        "Beta Care,Nurse,2026-13-40,",
    )

    assert problems == ["line 4: Date Applied: '2026-13-40' is not a day on the calendar"]


# -- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-10",
        "2026/11/10",
        "2026-11-10 14:32:05",
        "2026-11-10T14:32:00+01:00",
        "10.11.2026",
        "10.11.26",
        "10. 11. 2026",
        "10 Nov 2026",
        "10-Nov-26",
        "Nov 10, 2026",
        "November 10th, 2026",
        "Tuesday, 10 November 2026",
        "10. November 2026",
        "10 novembre 2026",
        "10 de noviembre de 2026",
        "2026 Nov 10",
        "10 Nov 2026 2:30 PM",
    ],
)
def test_common_date_styles_are_read(text: str) -> None:
    assert parse_sheet_date(text, None) == dt.date(2026, 11, 10)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("11/10/2026", "mdy", dt.date(2026, 11, 10)),
        ("10/11/2026", "dmy", dt.date(2026, 11, 10)),
        ("10-11-2026", "dmy", dt.date(2026, 11, 10)),
        ("11/10/26", "mdy", dt.date(2026, 11, 10)),
        ("13/04/2026", None, dt.date(2026, 4, 13)),
        ("04/13/2026", None, dt.date(2026, 4, 13)),
        ("05/05/2026", None, dt.date(2026, 5, 5)),
    ],
)
def test_slashed_dates_follow_the_order(text: str, order: str | None, expected: dt.date) -> None:
    assert parse_sheet_date(text, order) == expected  # type: ignore[arg-type]


def test_the_files_unambiguous_dates_decide_the_order_of_the_others() -> None:
    day_first = plan_of(
        "Company,Position,Date Applied",
        "Acme Tools,Analyst,03/04/2026",
        "Beta Care,Nurse,25/04/2026",
    )
    month_first = plan_of(
        "Company,Position,Date Applied",
        "Acme Tools,Analyst,03/04/2026",
        "Beta Care,Nurse,04/25/2026",
    )

    assert day_first.date_order == "dmy"
    assert day_first.preview[0].application.applied_on == dt.date(2026, 4, 3)
    assert month_first.date_order == "mdy"
    assert month_first.preview[0].application.applied_on == dt.date(2026, 3, 4)


def test_dates_that_never_tell_their_order_are_refused_naming_the_row() -> None:
    message = refusal("Company,Position,Date Applied", "Acme Tools,Analyst,03/04/2026")

    assert message.startswith("line 2: Date Applied: '03/04/2026' could be day/month or month/day")
    assert "--dates dmy" in message and "--dates mdy" in message


def test_dates_told_both_ways_are_refused_naming_both_rows() -> None:
    message = refusal(
        "Company,Position,Date Applied",
        "Acme Tools,Analyst,25/04/2026",
        "Beta Care,Nurse,04/25/2026",
    )

    assert "line 2 has '25/04/2026' (day first)" in message
    assert "line 3 has '04/25/2026' (month first)" in message


def test_the_order_given_or_named_in_the_header_settles_it() -> None:
    told = plan_of("Company,Position,Date Applied", "Acme,Analyst,03/04/2026", date_order="mdy")
    headed = plan_of("Company,Position,Date Applied (DD/MM/YYYY)", "Acme,Analyst,03/04/2026")

    assert told.preview[0].application.applied_on == dt.date(2026, 3, 4)
    assert headed.preview[0].application.applied_on == dt.date(2026, 4, 3)


def test_a_date_that_does_not_fit_the_given_order_is_a_bad_row_that_says_the_order() -> None:
    problems = bad_rows(
        "Company,Position,Date Applied",
        "Acme Tools,Analyst,04/25/2026",
        date_order="dmy",
    )

    assert problems == [
        "line 2: Date Applied: '04/25/2026' is not a day on the calendar "
        "(this file writes dates day/month/year)"
    ]


# -- statuses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "stage", "outcome"),
    [
        ("", Stage.APPLIED, None),
        ("Applied", Stage.APPLIED, None),
        ("submitted", Stage.APPLIED, None),
        ("Pending", Stage.APPLIED, None),
        ("Interview scheduled", Stage.APPLIED, None),
        ("Interviewing", Stage.INTERVIEWED, None),
        ("Phone Screen", Stage.INTERVIEWED, None),
        ("2nd interview", Stage.INTERVIEWED, None),
        ("OFFER", Stage.DECIDED, Outcome.OFFER),
        ("Negotiating", Stage.DECIDED, Outcome.OFFER),
        ("Accepted", Stage.DECIDED, Outcome.ACCEPTED),
        ("Hired!", Stage.DECIDED, Outcome.ACCEPTED),
        ("Rejected", Stage.DECIDED, Outcome.REJECTED),
        ("Rejected after 2nd round", Stage.DECIDED, Outcome.REJECTED),
        ("Declined", Stage.DECIDED, Outcome.REJECTED),
        ("Not selected", Stage.DECIDED, Outcome.REJECTED),
        ("No Response 🔕", Stage.DECIDED, Outcome.REJECTED),
        ("ghosted", Stage.DECIDED, Outcome.REJECTED),
        ("Position filled", Stage.DECIDED, Outcome.FILLED),
        ("Closed", Stage.DECIDED, Outcome.FILLED),
        ("Withdrawn", Stage.DECIDED, Outcome.WITHDRAWN),
        ("I withdrew", Stage.DECIDED, Outcome.WITHDRAWN),
        ("Offer declined", Stage.DECIDED, Outcome.WITHDRAWN),
        ("Declined their offer", Stage.DECIDED, Outcome.WITHDRAWN),
        ("Not interested", Stage.DECIDED, Outcome.WITHDRAWN),
    ],
)
def test_statuses_map_onto_the_three_stages(
    word: str, stage: Stage, outcome: Outcome | None
) -> None:
    status = read_status(word)

    assert status is not None
    assert (status.stage, status.outcome) == (stage, outcome)


@pytest.mark.parametrize("word", ["Wishlist", "Bookmarked", "to apply", "Applying", "Saved"])
def test_rows_not_applied_to_yet_are_left_out_not_refused(word: str) -> None:
    plan = plan_of(
        "Company,Position,Date Applied,Status",
        f"Acme Tools,Analyst,,{word}",
        "Beta Care,Nurse,2026-11-10,Applied",
    )

    assert read_status(word) is None
    assert [a.company for a in plan.plan.change.put_applications] == ["Beta Care"]
    assert [(x.line, x.reason) for x in plan.left_out] == [(2, f"status {word!r}: not applied yet")]


def test_an_unknown_status_is_a_bad_row_that_says_what_to_write() -> None:
    (problem,) = bad_rows("Company,Position,Date Applied,Stage", "Acme,Analyst,2026-11-10,On hold")

    assert problem.startswith("line 2: Stage: 'On hold' is not a status jobcockpit knows")
    assert "docs/import.md" in problem


# -- rows to records -------------------------------------------------------------------


def test_a_row_becomes_an_application_and_a_contact() -> None:
    board = imported(
        HEADER,
        "Acme Tools,Data analyst,2026-11-10,Interview,Dana Ruiz,+1 505 555 0100,"
        "dana@acme.example,Referred by Sam,jobs.example/acme/1",
    )

    (application,) = board.applications.values()
    (contact,) = board.contacts.values()
    assert application.stage is Stage.INTERVIEWED
    assert application.notes == "Referred by Sam"
    assert application.posting_url == "https://jobs.example/acme/1"
    assert application.contacts == (contact.id,)
    assert (contact.name, contact.phone, contact.email) == (
        "Dana Ruiz",
        "+1 505 555 0100",
        "dana@acme.example",
    )


def test_a_contact_with_only_an_email_is_named_by_it() -> None:
    board = imported(HEADER, "Acme Tools,Analyst,2026-11-10,,,,jobs@acme.example,,")

    assert [c.name for c in board.contacts.values()] == ["jobs@acme.example"]


def test_unknown_columns_and_a_link_that_is_no_address_are_kept_in_the_notes() -> None:
    board = imported(
        "Company,Position,Date Applied,Notes,Source,Link,Referred by",
        "Acme Tools,Analyst,2026-11-10,Call back,Indeed,LinkedIn,Sam",
    )

    (application,) = board.applications.values()
    assert application.notes == "Call back\nLink: LinkedIn\nSource: Indeed\nReferred by: Sam"
    assert application.posting_url is None


def test_the_fields_people_keep_have_columns_of_their_own() -> None:
    board = imported(
        "Company,Position,Date Applied,Salary,Location,CV Version,Cover Letter,Closing Date,Tags",
        "Acme Tools,Analyst,2026-11-10,55k,Berlin,cv-2026-data.pdf,acme-v2,2026-11-30,"
        '"remote, SQL"',
    )

    (application,) = board.applications.values()
    assert (application.salary, application.location) == ("55k", "Berlin")
    assert (application.resume, application.cover_letter) == ("cv-2026-data.pdf", "acme-v2")
    assert application.deadline == dt.date(2026, 11, 30)
    assert application.tags == ("remote", "SQL")
    assert application.notes == ""


def test_a_salary_range_in_two_columns_is_one_salary() -> None:
    board = imported(
        "Company,Date Applied,Min Salary,Max Salary",
        'Acme Tools,2026-11-10,"85,000","95,000"',
        'Beta Care,2026-11-11,"48,000",',
    )

    salaries = sorted(a.salary or "" for a in board.applications.values())
    assert salaries == ["85,000–95,000", "from 48,000"]


def test_placeholders_count_as_empty_cells() -> None:
    board = imported(HEADER, "Acme Tools,n/a,2026-11-10,-,N/A,-,none,?,")

    (application,) = board.applications.values()
    assert application.position == ""
    assert application.stage is Stage.APPLIED
    assert board.contacts == {}


def test_one_recruiter_on_two_rows_of_one_company_is_one_contact() -> None:
    board = imported(
        HEADER,
        "Acme Tools,Analyst,2026-11-10,,Dana Ruiz,,dana@acme.example,,",
        "Acme Tools,Engineer,2026-11-12,,Dana Ruiz,+1 505 555 0100,,,",
    )

    (contact,) = board.contacts.values()
    assert (contact.phone, contact.email) == ("+1 505 555 0100", "dana@acme.example")
    assert all(a.contacts == (contact.id,) for a in board.applications.values())


def test_one_application_on_two_rows_gets_both_contacts() -> None:
    board = imported(
        HEADER,
        "Acme Tools,Analyst,2026-11-10,Applied,Dana Ruiz,,,,",
        "Acme Tools,Analyst,2026-11-10,Applied,Sam Lee,,,,",
    )

    (application,) = board.applications.values()
    assert sorted(board.contacts[c].name for c in application.contacts) == ["Dana Ruiz", "Sam Lee"]


def test_one_application_on_two_rows_that_disagree_is_a_bad_row() -> None:
    problems = bad_rows(
        HEADER,
        "Acme Tools,Analyst,2026-11-10,Applied,,,,,",
        "acme tools,analyst,10.11.2026,Rejected,,,,,",
    )

    assert problems == [
        "line 3: row: repeats line 2 (same company, position and date applied) with other details"
    ]


# -- bad rows --------------------------------------------------------------------------


BAD_SHEET = (
    HEADER,
    "Acme Tools,Analyst,2026-11-10,Applied,Dana Ruiz,call her,,,",
    ",Nurse,2026-11-10,Applied,,,,,",
    "Gamma Games,Producer,2026-11-10,Applied,Jonas,,jonas(at)gamma,,",
    "Delta Freight,Dispatcher,,Applied,,,,,",
    "Orchid Media,Editor,2026-11-10,Applied,,,,,,extra",
    "Lumen Energy,Planner,2026-11-10,Applied,,,,,",
)


def test_every_bad_row_is_named_with_its_line_and_column_and_nothing_is_planned() -> None:
    with pytest.raises(SheetRefused) as caught:
        plan_of(*BAD_SHEET)

    assert list(caught.value.problems) == [
        "line 2: Phone: “call her” has no digits; write e.g. +1 505 555 0100",
        "line 3: Company: is empty",
        "line 4: Email: “jonas(at)gamma” is not an e-mail address such as dana@example.com",
        "line 5: Date Applied: is empty; write the day you applied, e.g. 2026-11-10, "
        "10.11.2026, 10 Nov 2026 or Nov 10, 2026",
        "line 6: row: 10 cells but the header has 9 (a comma in an unquoted cell?)",
    ]
    assert caught.value.readable == 1


def test_skip_bad_imports_the_readable_rows_and_lists_the_others() -> None:
    plan = plan_of(*BAD_SHEET, skip_bad=True)

    assert [a.company for a in plan.plan.change.put_applications] == ["Lumen Energy"]
    assert [row.line for row in plan.skipped] == [2, 3, 4, 5, 6]
    assert plan.rows == 1


# -- importing again ---------------------------------------------------------------------


SHEET = (
    HEADER,
    "Acme Tools,Analyst,2026-11-10,Applied,Dana Ruiz,,dana@acme.example,,",
    "Beta Care,Nurse,2026-11-12,Interview,,,,,",
)


def test_importing_the_same_sheet_again_changes_nothing() -> None:
    board = imported(*SHEET)

    again = plan_of(*SHEET, board=board)

    assert not again.plan.change
    assert (again.plan.applications.unchanged, again.plan.contacts.unchanged) == (2, 1)


def test_a_changed_status_updates_the_same_application() -> None:
    board = imported(*SHEET)
    acme_id = next(a.id for a in board if a.company == "Acme Tools")

    later = plan_of(
        HEADER,
        "ACME TOOLS, Analyst ,10.11.2026,Offer,Dana Ruiz,+1 505 555 0100,,,",
        board=board,
    )

    assert later.plan.applications.updated == (acme_id,)
    assert later.plan.applications.added == ()
    after = board.apply(later.plan.change)
    assert after.applications[acme_id].outcome is Outcome.OFFER
    (contact,) = after.contacts.values()
    assert (contact.phone, contact.email) == ("+1 505 555 0100", "dana@acme.example")


def test_a_sheet_never_moves_an_application_back_a_stage() -> None:
    board = imported(*SHEET)
    beta = next(a for a in board if a.company == "Beta Care")
    board = board.apply(
        plan_of(HEADER, "Beta Care,Nurse,2026-11-12,Rejected,,,,,", board=board).plan.change
    )

    again = plan_of(*SHEET, board=board)

    assert again.plan.applications.updated == ()
    assert board.applications[beta.id].stage is Stage.DECIDED


def test_a_contact_already_on_the_application_is_updated_not_added() -> None:
    board = imported(*SHEET)
    acme = next(a for a in board if a.company == "Acme Tools")

    later = plan_of(
        HEADER, "Acme Tools,Analyst,2026-11-10,,dana ruiz,+1 505 555 0100,,,", board=board
    )

    assert later.plan.contacts.updated == acme.contacts
    assert later.plan.contacts.added == ()


# -- progress and preview ------------------------------------------------------------------


def test_progress_is_reported_and_the_preview_shows_the_first_rows() -> None:
    rows = [f"Company {n},Role,2026-11-10" for n in range(600)]
    calls: list[tuple[int, int]] = []

    plan = plan_of(
        "Company,Position,Date Applied", *rows, progress=lambda d, t: calls.append((d, t))
    )

    assert calls == [(250, 600), (500, 600), (600, 600)]
    assert [p.line for p in plan.preview] == [2, 3, 4, 5, 6]
    assert plan.preview[0].application.company == "Company 0"


@pytest.mark.parametrize(
    "name", ["excel-utf8-bom.csv", "libreoffice-semicolon.csv", "messy-headers.csv"]
)
def test_the_sample_files_are_read(name: str) -> None:
    sheet = read_sheet((DATA / name).read_bytes())

    plan = plan_spreadsheet(sheet, Board(), skip_bad=True)

    assert plan.rows >= 3
