"""Edges a tester found through the command line: a setting too large for
the calendar, a data file that is not there for `restore --list`, and the
report's summary beside its table. Through the real entry point."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

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
