"""Edges a tester found through the command line: a setting too large for
the calendar, a data file that is not there for `restore --list`, and the
report's summary beside its table. Through the real entry point."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, Run

Cli = Callable[..., Run]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "hunt.json"


@pytest.fixture
def filled(cli: Cli, db: Path, document_file: Path) -> Path:
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    return db


# -- numeric settings have an upper bound ----------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "bounds"),
    [
        ("applied_wait_days", "3000000", "from 0 to 3650"),
        ("thank_you_hours", "99999999999999999999", "from 1 to 8760"),
        ("interviewed_wait_business_days", "261", "from 0 to 260"),
        ("max_follow_ups", "101", "from 1 to 100"),
        ("min_window_minutes", "1441", "from 1 to 1440"),
        ("backup_days", "3651", "from 0 to 3650"),
    ],
)
def test_a_number_too_large_is_refused_and_the_file_untouched(
    cli: Cli, filled: Path, key: str, value: str, bounds: str
) -> None:
    before = filled.read_bytes()

    result = cli("--db", str(filled), "settings", key, value)

    assert result.code == 1
    assert key in result.err and bounds in result.err
    assert "unexpected error" not in result.err
    assert filled.read_bytes() == before
    assert cli("--db", str(filled), "today", "--now", NOW).code == 0


def test_the_largest_value_is_taken_and_the_day_still_judged(cli: Cli, filled: Path) -> None:
    assert cli("--db", str(filled), "settings", "applied_wait_days", "3650").code == 0
    assert cli("--db", str(filled), "settings", "thank_you_hours", "8760").code == 0

    today = cli("--db", str(filled), "today", "--now", NOW)
    calendar = cli("--db", str(filled), "export", "--format", "ics", "--now", NOW)

    assert today.code == 0, today.err
    assert calendar.code == 0, calendar.err
    assert "BEGIN:VCALENDAR" in calendar.out


def test_a_data_file_holding_a_huge_value_is_refused_not_crashed_on(cli: Cli, filled: Path) -> None:
    assert cli("--db", str(filled), "settings", "applied_wait_days", "8").code == 0
    data = json.loads(filled.read_text(encoding="utf-8"))
    (meta,) = data["meta"].values()
    meta["settings"]["applied_wait_days"] = 3000000
    filled.write_text(json.dumps(data), encoding="utf-8")
    before = filled.read_bytes()

    today = cli("--db", str(filled), "today", "--now", NOW)
    calendar = cli("--db", str(filled), "export", "--format", "ics", "--now", NOW)

    for result in (today, calendar):
        assert result.code == 1
        assert "unexpected error" not in result.err
        assert "applied_wait_days" in result.err and "from 0 to 3650" in result.err
    assert filled.read_bytes() == before


# -- restore --list on a data file that is not there ------------------------------


def test_restore_list_still_lists_the_backups_of_a_deleted_data_file(
    cli: Cli, filled: Path
) -> None:
    assert cli("--db", str(filled), "settings", "max_follow_ups", "3").code == 0
    filled.unlink()

    result = cli("--db", str(filled), "restore", "--list")

    assert result.code == 0, result.err
    assert f"Backups of {filled}" in result.out


# -- the report's summary counts what its table shows -----------------------------


def test_the_report_summary_adds_up_to_the_tables_steps(cli: Cli, filled: Path) -> None:
    result = cli(
        "--db", str(filled), "--now", NOW, "report", "--from", "2026-11-01", "--to", "2026-11-09"
    )

    assert result.code == 0, result.err
    rows = re.findall(r"^\| \d+ \|.*\| (\d+) \|$", result.out, flags=re.MULTILINE)
    assert [int(n) for n in rows] == [1, 1]
    assert (
        "2 steps in this period: 2 applications sent and 0 further steps "
        "(calls, e-mails, interviews, replies), for 2 applications in all." in result.out
    )


# -- an import may not apply on a day that has not come yet ------------------------


def test_a_document_applied_in_the_future_is_refused_naming_the_record(
    cli: Cli, db: Path, tmp_path: Path, document: dict[str, Any]
) -> None:
    document["applications"][0]["applied_on"] = "2200-12-31"
    source = tmp_path / "future.json"
    source.write_text(json.dumps(document), encoding="utf-8")

    result = cli("--db", str(db), "--now", NOW, "import", str(source))

    assert result.code == 1
    assert "application a1: applied_on: 2200-12-31 is after 2026-11-19" in result.err
    assert not db.exists()


def test_a_row_applied_in_the_future_is_a_bad_row_but_tomorrow_is_allowed(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(
        "company,position,date applied\n"
        "Acme,Analyst,2027-06-01\n"
        "Beta,Dev,2026-11-19\n"
        "Gamma,Producer,2026-11-02\n",
        encoding="utf-8",
    )

    refused = cli("--db", str(db), "--now", NOW, "import", str(sheet))
    skipped = cli("--db", str(db), "--now", NOW, "import", "--skip-bad", str(sheet))

    assert refused.code == 1
    assert "line 2: date applied: 2027-06-01 is after 2026-11-19" in refused.err
    assert skipped.code == 0, skipped.err
    assert "2 added" in skipped.out
    today = cli("--db", str(db), "--now", NOW, "today")
    assert "Acme" not in today.out and "2027" not in today.out


# -- the draft after an offer -------------------------------------------------------


def decide(cli: Cli, db: Path, tmp_path: Path, outcome: str) -> None:
    change = {
        "format": "jobcockpit/1",
        "applications": [
            {"id": "a1", "stage": "decided", "outcome": outcome, "stage_since": "2026-11-12"}
        ],
    }
    source = tmp_path / f"{outcome}.json"
    source.write_text(json.dumps(change), encoding="utf-8")
    assert cli("--db", str(db), "--now", NOW, "import", str(source)).code == 0


@pytest.mark.parametrize("outcome", ["offer", "accepted"])
def test_the_draft_after_an_offer_thanks_them_and_pitches_nothing(
    cli: Cli, filled: Path, tmp_path: Path, outcome: str
) -> None:
    decide(cli, filled, tmp_path, outcome)

    result = cli("--db", str(filled), "draft", "a1", "--now", NOW)

    assert result.code == 0, result.err
    assert "Subject: Thank you for the offer: Data analyst" in result.out
    assert "Thank you very much for the offer for the Data analyst position at Acme Tools" in (
        result.out
    )
    for pitch in ("make sure that my application arrived", "keep in touch", "opening"):
        assert pitch not in result.out


def test_a_rejection_still_gets_its_courtesy_wording(
    cli: Cli, filled: Path, tmp_path: Path
) -> None:
    decide(cli, filled, tmp_path, "rejected")

    result = cli("--db", str(filled), "draft", "a1", "--kind", "email", "--now", NOW)

    assert result.code == 0, result.err
    assert "Subject: Keeping in touch: Acme Tools" in result.out
    assert "make sure that my application arrived" not in result.out


# -- jobcockpit's own CSV export read back --------------------------------------------


def test_the_own_csv_export_imports_into_a_fresh_file_without_losing_fields(
    cli: Cli, filled: Path, tmp_path: Path
) -> None:
    decide(cli, filled, tmp_path, "offer")
    exported = tmp_path / "e.csv"
    assert cli("--db", str(filled), "export", "--format", "csv", "-o", str(exported)).code == 0
    fresh = tmp_path / "fresh.json"

    result = cli("--db", str(fresh), "--now", NOW, "import", str(exported))

    assert result.code == 0, result.err
    assert "as jobcockpit's own CSV export" in result.out
    assert "left out: last_log_at, last_log" in result.out
    assert "not re-created as a log entry" in result.out
    original = json.loads(cli("--db", str(filled), "export").out)
    copy = json.loads(cli("--db", str(fresh), "export").out)
    kept: tuple[str, ...] = ("company", "position", "stage", "outcome", "follow_up")
    kept += ("applied_on", "stage_since")
    kept += ("notes", "posting_url")
    by_id = {a["id"]: a for a in copy["applications"]}
    assert set(by_id) == {"a1", "a2", "a3"}
    for application in original["applications"]:
        assert {k: by_id[application["id"]][k] for k in kept} == {k: application[k] for k in kept}
    assert by_id["a1"]["outcome"] == "offer" and by_id["a1"]["stage_since"] == "2026-11-12"
    assert "follow_up" not in by_id["a1"]["notes"] and "id:" not in by_id["a1"]["notes"]

    def people(document: dict[str, Any], app: str) -> list[tuple[str, str | None, str | None]]:
        (application,) = [a for a in document["applications"] if a["id"] == app]
        contacts = {c["id"]: c for c in document["contacts"]}
        return [
            (contacts[c]["name"], contacts[c]["phone"], contacts[c]["email"])
            for c in application["contacts"]
        ]

    for app in ("a1", "a2", "a3"):
        assert people(copy, app) == people(original, app)


def test_the_own_csv_export_imported_over_the_original_changes_nothing(
    cli: Cli, filled: Path, tmp_path: Path
) -> None:
    decide(cli, filled, tmp_path, "rejected")
    exported = tmp_path / "e.csv"
    assert cli("--db", str(filled), "export", "--format", "csv", "-o", str(exported)).code == 0
    before = cli("--db", str(filled), "export").out

    result = cli("--db", str(filled), "--now", NOW, "import", str(exported))

    assert result.code == 0, result.err
    assert "nothing changed" in result.out
    assert cli("--db", str(filled), "export").out == before


def test_own_export_contacts_line_up_or_their_details_go_to_the_notes(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    header = (
        "id,company,position,stage,applied_on,stage_since,outcome,follow_up,contacts,phones,"
        "emails,last_log_at,last_log,notes,posting_url,salary,location,resume,cover_letter,"
        "deadline,tags\n"
    )
    sheet = tmp_path / "own.csv"
    sheet.write_text(
        header
        + "a7,Delta,Dev,applied,2026-11-02,,,email,Ann Lee; Bo Chen,,a@d.example; b@d.example,"
        ",,,,,,,,,\n"
        + "a8,Echo,QA,interviewed,2026-11-03,,,any,Cy Diaz; Di Eto,+1 505 555 0101,,,,,,,,,,,\n",
        encoding="utf-8",
    )

    result = cli("--db", str(db), "--now", NOW, "import", str(sheet))

    assert result.code == 0, result.err
    document = json.loads(cli("--db", str(db), "export").out)
    apps = {a["id"]: a for a in document["applications"]}
    contacts = {c["id"]: c for c in document["contacts"]}
    assert [(contacts[c]["name"], contacts[c]["email"]) for c in apps["a7"]["contacts"]] == [
        ("Ann Lee", "a@d.example"),
        ("Bo Chen", "b@d.example"),
    ]
    assert [contacts[c]["name"] for c in apps["a8"]["contacts"]] == ["Cy Diaz", "Di Eto"]
    assert apps["a8"]["notes"] == "phones: +1 505 555 0101"
