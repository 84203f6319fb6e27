"""Spreadsheets in, calendars and proof out, and one line for a status bar:
through the real entry point, with data files under tmp_path and a fixed
`--now`, as a new user would try them."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import NOW, Run

DATA = Path(__file__).parents[1] / "formats" / "data"
Cli = Callable[..., Run]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "hunt.json"


@pytest.fixture
def filled(cli: Cli, db: Path, document_file: Path) -> Path:
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    return db


def companies(cli: Cli, db: Path) -> list[str]:
    exported = cli("--db", str(db), "export", "--format", "csv")
    assert exported.code == 0, exported.err
    return sorted(row["company"] for row in csv.DictReader(io.StringIO(exported.out)))


# -- spreadsheet import ------------------------------------------------------------


def test_a_messy_sheet_with_a_bad_row_is_refused_whole_naming_the_line(cli: Cli, db: Path) -> None:
    sheet = DATA / "messy-headers.csv"

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        f"jobcockpit: {sheet} was not imported and nothing was changed (1 bad row):",
        f"  {sheet}: line 6: Date applied: 'yesterday' is not a date; "
        "write e.g. 2026-11-10, 10.11.2026, 10 Nov 2026 or Nov 10, 2026",
        "Correct it in the spreadsheet, or add --skip-bad to import the other 4 rows.",
    ]
    assert not db.exists()


def test_skip_bad_imports_the_other_rows_and_lists_what_it_skipped(cli: Cli, db: Path) -> None:
    sheet = DATA / "messy-headers.csv"

    result = cli("--db", str(db), "import", "--skip-bad", str(sheet))

    assert result.code == 0, result.err
    assert "columns: Job Title = position, COMPANY = company, Date applied = date applied" in (
        result.out
    )
    assert "kept in the notes: Source" in result.out
    assert "line 3: Acme Tools | Data analyst | applied 2026-11-10 | applied | Dana Ruiz" in (
        result.out
    )
    assert "line 5: Beta Care | Coordinator | applied 2026-11-12 | decided (rejected)" in result.out
    assert "applications: 4 added" in result.out
    assert "Left out 1 row not applied to yet:\n  line 7: status 'Wishlist'" in result.out
    assert f"skipped 1 bad row of {sheet} (--skip-bad)" in result.err
    assert "line 6: Date applied" in result.err
    assert companies(cli, db) == ["Acme Tools", "Beta Care", "Gamma Games", "Lumen Energy"]
    today = json.loads(cli("--db", str(db), "today", "--now", NOW, "--json").out)
    assert len(today["pairs"]) == 2


def test_a_dry_run_shows_the_preview_and_saves_nothing(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "import", "--dry-run", str(DATA / "excel-utf8-bom.csv"))

    assert result.code == 0, result.err
    assert "comma-separated, UTF-8, dates month/day/year" in result.out
    assert "line 2: Acme Tools | Data analyst | applied 2026-11-02 | applied" in result.out
    assert "would change:\n  applications: 4 added" in result.out
    assert "Nothing was saved." in result.out
    assert not db.exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("excel-utf8-bom.csv", ["Acme Tools", "Beta Care", "Delta Freight", "Gamma Games"]),
        (
            "libreoffice-semicolon.csv",
            ["Café Olé", "Müller & Söhne GmbH", "Société Générale Test"],
        ),
    ],
)
def test_sheets_from_office_suites_import_with_no_hand_editing(
    cli: Cli, db: Path, name: str, expected: list[str]
) -> None:
    result = cli("--db", str(db), "import", str(DATA / name))

    assert result.code == 0, result.err
    assert result.err == ""
    assert companies(cli, db) == expected


def test_importing_a_sheet_twice_adds_nothing(cli: Cli, db: Path) -> None:
    sheet = str(DATA / "excel-utf8-bom.csv")
    assert cli("--db", str(db), "import", sheet).code == 0
    before = db.read_bytes()

    again = cli("--db", str(db), "import", sheet)

    assert again.code == 0
    assert "Nothing new" in again.out
    assert db.read_bytes() == before


def test_dates_that_never_tell_their_order_need_dates_option(cli: Cli, db: Path) -> None:
    sheet = str(DATA / "ambiguous-dates.csv")

    refused = cli("--db", str(db), "import", sheet)
    told = cli("--db", str(db), "import", "--dates", "dmy", sheet)

    assert refused.code == 1
    assert "line 2: Date Applied: '03/04/2026' could be day/month or month/day" in refused.err
    assert told.code == 0, told.err
    assert "line 2: Acme Tools | Analyst | applied 2026-04-03" in told.out


def test_a_sheet_can_come_from_stdin(cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DATA / "libreoffice-semicolon.csv").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    result = cli("--db", str(db), "import", "-")

    assert result.code == 0, result.err
    assert "Read stdin: 3 rows" in result.out


def test_a_sheet_of_wishes_only_imports_nothing_and_creates_no_file(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "wishes.csv"
    sheet.write_text("Company,Position,Date Applied,Status\nAcme,Dev,,Wishlist\n", encoding="utf-8")

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 0, result.err
    assert "Nothing to import" in result.out
    assert "line 2: status 'Wishlist': not applied yet" in result.out
    assert not db.exists()


def test_sheet_options_are_refused_for_a_json_document(
    cli: Cli, db: Path, document_file: Path
) -> None:
    result = cli("--db", str(db), "import", "--skip-bad", str(document_file))

    assert result.code == 2
    assert "--skip-bad and --dates are for a spreadsheet" in result.err
    assert not db.exists()


def test_the_demo_never_imports_a_sheet(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "--demo", "import", str(DATA / "excel-utf8-bom.csv"))

    assert result.code == 2
    assert not db.exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _long_sheet(tmp_path: Path, rows: int) -> Path:
    lines = ["Company,Position,Date Applied"]
    lines += [f"Company {n},Role,2026-11-10" for n in range(rows)]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_long_import_shows_a_progress_bar_on_a_terminal(
    cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)

    result = cli("--db", str(db), "import", str(_long_sheet(tmp_path, 1200)))

    assert result.code == 0
    drawn = terminal.getvalue()
    assert "\rReading " in drawn
    assert "[##############################] 1200/1200 rows\n" in drawn
    assert f"Saving to {db}...\n" in drawn


def test_no_progress_bar_when_stderr_is_no_terminal(cli: Cli, db: Path, tmp_path: Path) -> None:
    result = cli("--db", str(db), "import", str(_long_sheet(tmp_path, 1200)))

    assert result.code == 0
    assert result.err == ""


# -- calendar export ---------------------------------------------------------------


def test_export_ics_parses_back_with_zones_and_stable_uids(
    cli: Cli, filled: Path, tmp_path: Path
) -> None:
    target = tmp_path / "calls.ics"

    written = cli("--db", str(filled), "export", "--now", NOW, "-o", str(target))
    later = cli(
        "--db", str(filled), "export", "--format", "ics", "--now", "2026-11-18T11:00:00-07:00"
    )

    assert written.code == 0 and later.code == 0, written.err + later.err
    calendar = icalendar.Calendar.from_ical(target.read_text(encoding="utf-8"))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "call-a1-c1-20261118T1000@jobcockpit",
        "call-a3-c3-20261119T0930@jobcockpit",
        "call-a3-c3-20261119T1400@jobcockpit",
    ]
    dana = events["call-a1-c1-20261118T1000@jobcockpit"].decoded("DTSTART")
    assert dana.tzinfo == ZoneInfo("America/Denver") and (dana.hour, dana.minute) == (10, 0)
    jonas: Any = events["call-a3-c3-20261119T0930@jobcockpit"]["DTSTART"]
    assert jonas.params["TZID"] == "Europe/Berlin"
    assert {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")} == {
        "America/Denver",
        "Europe/Berlin",
    }
    again = icalendar.Calendar.from_ical(later.out)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(events)


def test_export_ics_of_the_demo_has_every_kind_of_event(cli: Cli) -> None:
    result = cli("--demo", "--now", NOW, "export", "--format", "ics")

    assert result.code == 0, result.err
    calendar = icalendar.Calendar.from_ical(result.out)
    kinds = {kind for e in calendar.walk("VEVENT") for kind in e.decoded("CATEGORIES")}
    assert kinds == {"call", "thank-you", "courtesy", "decision", "interview"}


# -- proof of applications -----------------------------------------------------------


def test_report_on_the_demo_board_as_markdown_and_csv(cli: Cli, tmp_path: Path) -> None:
    markdown = cli("--demo", "--now", NOW, "report")
    target = tmp_path / "proof.csv"
    as_csv = cli("--demo", "--now", NOW, "report", "--from", "2026-11-01", "-o", str(target))

    assert markdown.code == 0 and as_csv.code == 0, markdown.err + as_csv.err
    assert markdown.out.startswith("# Applications and follow-ups: all dates\n")
    for company in ("Acme Tools", "Brightline Logistics", "Kumo Systems", "Orchid Media"):
        assert f"{company}: " in markdown.out
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and all(row["date"] >= "2026-11-01" for row in rows)
    assert {"application sent", "interview", "thank-you note", "reply from the employer"} <= {
        row["activity"] for row in rows
    }


def test_report_covers_a_date_range(cli: Cli, filled: Path) -> None:
    result = cli(
        "--db",
        str(filled),
        "report",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-09",
        "--format",
        "csv",
    )

    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [(r["date"], r["activity"], r["company"]) for r in rows] == [
        ("2026-11-02", "application sent", "Acme Tools"),
        ("2026-11-05", "application sent", "Beta Care"),
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--from", "2026-11-30", "--to", "2026-11-01"],
        ["report", "--from", "last monday"],
        ["report", "--format", "pdf"],
    ],
)
def test_report_usage_errors_exit_2(cli: Cli, filled: Path, argv: list[str]) -> None:
    result = cli("--db", str(filled), *argv)

    assert result.code == 2
    assert result.err


def test_report_on_a_missing_named_file_is_reported(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "report")

    assert result.code == 1
    assert "does not exist" in result.err
    assert not db.exists()


# -- today in one line -----------------------------------------------------------------


def test_today_short_is_one_line_for_a_status_bar(cli: Cli, filled: Path) -> None:
    result = cli("--db", str(filled), "today", "--now", NOW, "--format", "short")

    assert result.code == 0
    assert result.out == "1 to call, 1 to e-mail, 1 thank-you late\n"


def test_today_short_before_the_thank_you_is_late(cli: Cli, filled: Path) -> None:
    result = cli(
        "--db", str(filled), "today", "--now", "2026-11-17T09:00:00+01:00", "--format", "short"
    )

    assert result.code == 0
    assert result.out == "1 to call, 1 to e-mail, 1 thank-you due\n"


def test_today_short_with_nothing_to_do_still_exits_0(cli: Cli) -> None:
    result = cli("today", "--now", NOW, "--format", "short")

    assert result.code == 0
    assert result.out == "0 to call\n"


def test_json_is_still_an_alias_of_format_json(cli: Cli, filled: Path) -> None:
    alias = cli("--db", str(filled), "today", "--now", NOW, "--json")
    spelled = cli("--db", str(filled), "today", "--now", NOW, "--format", "json")

    assert alias.code == spelled.code == 0
    assert alias.out == spelled.out
    assert json.loads(alias.out)["pairs"][0]["verdict"] == "call"
