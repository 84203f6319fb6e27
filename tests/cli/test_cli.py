"""The command line as users and scripts meet it (docs/cli.md):
always through the real entry point, with a data file under tmp_path and a
fixed `--now`, so nothing depends on the day or the machine."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, Run

from jobcockpit.core.settings import SETTINGS
from jobcockpit.formats.table import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[2]

Cli = Callable[..., Run]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "synced" / "hunt.json"


@pytest.fixture
def filled(cli: Cli, db: Path, document_file: Path) -> Path:
    """A data file holding the sample document."""
    db.parent.mkdir()
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    return db


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# -- import and today ----------------------------------------------------------


def test_import_then_today_json_lists_calls_first(cli: Cli, db: Path, document_file: Path) -> None:
    imported = cli("--db", str(db), "import", str(document_file))
    assert imported.code == 0, imported.err
    assert "applications: 3 added (a1 Acme Tools; a2 Beta Care; a3 Gamma Games)" in imported.out

    result = cli("--db", str(db), "today", "--now", NOW, "--json")

    assert result.code == 0, result.err
    today = json.loads(result.out)
    assert set(today) == {"now", "pairs", "tasks"}
    assert today["now"] == NOW
    assert [(p["application"], p["verdict"]) for p in today["pairs"]] == [
        ("a1", "call"),
        ("a2", "email"),
        ("a3", "wait"),
    ]
    call, email, wait = today["pairs"]
    assert set(call) == {
        "application",
        "contact",
        "company",
        "position",
        "name",
        "verdict",
        "rules",
        "reason",
        "windows",
        "next",
    }
    assert call["contact"] == "c1"
    assert (call["company"], call["position"], call["name"]) == (
        "Acme Tools",
        "Data analyst",
        "Dana Ruiz",
    )
    assert "R8" in call["rules"]
    assert call["windows"] == [
        {"from": "2026-11-18T10:00:00-07:00", "to": "2026-11-18T11:30:00-07:00"}
    ]
    assert call["next"] is None
    assert email["windows"] == [] and "e-mail only" in email["reason"]
    assert wait["next"] == "2026-11-19"
    # A due time is written in the user's zone (UTC here): 15:00 in Berlin.
    assert [(t["kind"], t["application"], t["contact"], t["due"]) for t in today["tasks"]] == [
        ("thank_you", "a3", "c3", "2026-11-17T14:00:00+00:00"),
        ("verify", "a3", "c3", None),
    ]
    thanks, verify = today["tasks"]
    assert set(thanks) == {
        "kind",
        "application",
        "contact",
        "company",
        "name",
        "due",
        "late",
        "text",
    }
    # Due at 15:00 in Berlin on the 17th, judged at 10:00 in Denver on the 18th.
    assert (thanks["company"], thanks["name"], thanks["late"]) == (
        "Gamma Games",
        "Jonas Weber",
        True,
    )
    assert (verify["company"], verify["name"], verify["late"]) == (
        "Gamma Games",
        "Jonas Weber",
        False,
    )


def test_today_text_reads_for_a_person(cli: Cli, filled: Path) -> None:
    assert cli("--db", str(filled), "settings", "user_timezone", "Europe/Berlin").code == 0

    result = cli("--db", str(filled), "today", "--now", NOW)

    assert result.code == 0, result.err
    text = result.out
    assert text.index("Call today (1)") < text.index("E-mail today (1)") < text.index("Tasks (2)")
    assert text.index("Tasks (2)") < text.index("Waiting (1)") < text.index("Done: 0   Blocked: 0")
    assert "Acme Tools: Dana Ruiz (Hiring manager), +1 505 555 0100" in text
    assert "10:00-11:30 their time (18:00-19:30 yours), open now" in text
    assert "Gamma Games: Jonas Weber (Studio lead)  [unverified]" in text
    assert "wait until Thu 2026-11-19" in text


def test_importing_twice_adds_nothing(cli: Cli, filled: Path, document_file: Path) -> None:
    before = filled.read_bytes()

    result = cli("--db", str(filled), "import", str(document_file))

    assert result.code == 0
    assert "Nothing new" in result.out
    assert filled.read_bytes() == before


def test_dry_run_saves_nothing(cli: Cli, db: Path, document_file: Path) -> None:
    result = cli("--db", str(db), "import", "--dry-run", str(document_file))

    assert result.code == 0
    assert "would change" in result.out and "Nothing was saved." in result.out
    assert not db.exists()


def test_a_bad_document_is_refused_whole(
    cli: Cli, filled: Path, tmp_path: Path, document: dict[str, Any]
) -> None:
    document["applications"][0]["company"] = "Acme Tools (renamed)"
    document["applications"][1]["stage"] = "hired"
    document["contacts"][0]["best_time"] = {"from": "11:00", "to": "10:00"}
    document["log"].append({"application": "a9", "kind": "email", "at": "2026-11-11T09:00:00Z"})
    bad = write(tmp_path / "bad.json", document)
    before = filled.read_bytes()

    result = cli("--db", str(filled), "import", str(bad))

    assert result.code == 1
    assert result.out == ""
    lines = result.err.splitlines()
    assert lines[0] == f"jobcockpit: {bad} was not imported and nothing was changed (3 problems):"
    assert lines[1:] == [
        f"  {bad}: application a2: stage: 'hired' is not one of applied | interviewed | decided",
        f"  {bad}: contact c1: best_time.to: must be later than best_time.from",
        f"  {bad}: log entry #3: application: no application a9",
    ]
    assert filled.read_bytes() == before


def test_a_refused_import_creates_no_data_file(
    cli: Cli, db: Path, tmp_path: Path, document: dict[str, Any]
) -> None:
    document["contacts"][2]["verified"] = "yes"

    result = cli("--db", str(db), "import", str(write(tmp_path / "bad.json", document)))

    assert result.code == 1
    assert "contact c3: verified: must be true or false" in result.err
    assert not db.exists()


def test_a_timestamp_without_offset_is_refused_naming_record_and_field(
    cli: Cli, filled: Path, tmp_path: Path, document: dict[str, Any]
) -> None:
    document["log"][0]["at"] = "2026-11-10T10:15:00"
    before = filled.read_bytes()

    result = cli("--db", str(filled), "import", str(write(tmp_path / "naive.json", document)))

    assert result.code == 1
    assert "log entry #1: at: '2026-11-10T10:15:00' has no UTC offset" in result.err
    assert filled.read_bytes() == before


def test_an_unreadable_file_is_reported(cli: Cli, db: Path, tmp_path: Path) -> None:
    missing = cli("--db", str(db), "import", str(tmp_path / "nope.json"))
    broken = cli("--db", str(db), "import", str(write_text(tmp_path / "b.json", "{oops")))

    assert missing.code == 1 and "cannot read" in missing.err and "nope.json" in missing.err
    assert broken.code == 1 and "not valid JSON" in broken.err and "b.json" in broken.err
    assert not db.exists()


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_spreadsheet_without_a_date_column_is_refused(cli: Cli, db: Path, tmp_path: Path) -> None:
    sheet = write_text(tmp_path / "jobs.csv", "company,position\nAcme,Analyst\n")

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 1
    assert "no column for date applied" in result.err
    assert not db.exists()


# -- a data file that is not there -----------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["today", "--now", NOW],
        ["export"],
        ["export", "--format", "csv"],
        ["settings"],
        ["settings", "max_follow_ups"],
        ["settings", "max_follow_ups", "3"],
        ["restore", "--list"],
        ["restore", "--yes"],
        [],
    ],
)
def test_a_named_data_file_that_is_missing_is_reported_not_created(
    cli: Cli, db: Path, command: list[str]
) -> None:
    result = cli("--db", str(db), *command)

    assert result.code == 1
    assert f"data file {db} does not exist" in result.err
    assert not db.exists()
    assert not db.parent.exists()


def test_the_environment_variable_names_the_data_file(
    cli: Cli, db: Path, document_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBCOCKPIT_DB", str(db))

    assert cli("today", "--now", NOW).code == 1
    assert cli("import", str(document_file)).code == 0
    assert db.exists()
    assert json.loads(cli("today", "--now", NOW, "--json").out)["pairs"][0]["verdict"] == "call"


def test_db_may_follow_the_command(cli: Cli, filled: Path) -> None:
    result = cli("today", "--db", str(filled), "--now", NOW, "--json")

    assert result.code == 0
    assert len(json.loads(result.out)["pairs"]) == 3


def test_today_on_a_missing_default_file_creates_nothing(cli: Cli, home: Path) -> None:
    result = cli("today", "--now", NOW)

    assert result.code == 0
    assert "No applications yet" in result.out
    assert list(home.rglob("*")) == []


def test_demo_never_touches_the_data_file(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "--demo", "today", "--now", NOW, "--json")

    assert result.code == 0
    verdicts = {pair["verdict"] for pair in json.loads(result.out)["pairs"]}
    assert verdicts == {"call", "email", "wait", "done", "blocked"}
    assert not db.exists()
    assert cli("--db", str(db), "--demo", "import", "x.json").code == 2
    assert not db.exists()


# -- export --------------------------------------------------------------------


def test_export_json_round_trips_the_imported_document(
    cli: Cli, filled: Path, document: dict[str, Any], tmp_path: Path
) -> None:
    to_stdout = cli("--db", str(filled), "export")
    target = tmp_path / "backup.json"
    to_file = cli("--db", str(filled), "export", "-o", str(target))

    assert to_stdout.code == 0 and to_file.code == 0
    assert json.loads(to_stdout.out) == document
    assert target.read_text(encoding="utf-8") == to_stdout.out
    assert cli("--db", str(filled), "export").out == to_stdout.out


def test_export_csv(cli: Cli, filled: Path, tmp_path: Path) -> None:
    result = cli("--db", str(filled), "export", "--format", "csv")
    target = tmp_path / "for-the-job-centre.csv"
    by_suffix = cli("--db", str(filled), "export", "-o", str(target))

    assert result.code == 0 and by_suffix.code == 0
    rows = list(csv.reader(io.StringIO(result.out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row[:4] for row in rows[1:]] == [
        ["a1", "Acme Tools", "Data analyst", "applied"],
        ["a2", "Beta Care", "Coordinator", "applied"],
        ["a3", "Gamma Games", "Producer", "interviewed"],
    ]
    assert target.read_bytes().decode("utf-8") == result.out


def test_export_ics_writes_a_calendar(cli: Cli, filled: Path) -> None:
    result = cli("--db", str(filled), "export", "--format", "ics", "--now", NOW)

    assert result.code == 0, result.err
    assert result.out.startswith("BEGIN:VCALENDAR")
    assert "UID:call-a1-c1-20261118T1000@jobcockpit" in result.out


def test_export_never_overwrites_the_data_file(cli: Cli, filled: Path) -> None:
    before = filled.read_bytes()

    result = cli("--db", str(filled), "export", "-o", str(filled))

    assert result.code == 1
    assert "is the data file itself" in result.err
    assert filled.read_bytes() == before


# -- settings ------------------------------------------------------------------


def test_settings_lists_every_key_with_its_value_and_help(cli: Cli, filled: Path) -> None:
    result = cli("--db", str(filled), "settings")

    assert result.code == 0
    for key, spec in SETTINGS.items():
        assert f"\n{key} = " in f"\n{result.out}"
        assert spec.help in result.out
    assert "applied_wait_days = 7\n" in result.out


def test_settings_shows_and_sets_one_key(cli: Cli, filled: Path) -> None:
    assert cli("--db", str(filled), "settings", "call_windows").out == "09:30-11:30,14:00-16:00\n"

    changed = cli("--db", str(filled), "settings", "call_windows", "10:00-12:00")

    assert changed.code == 0
    assert changed.out == "call_windows = 10:00-12:00\n"
    assert cli("--db", str(filled), "settings", "call_windows").out == "10:00-12:00\n"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("applied_wait_days", "soon", "settings: applied_wait_days: 'soon' is not a whole number"),
        ("user_timezone", "Mars/Olympus", "'Mars/Olympus' is not an IANA time zone"),
        ("colour", "blue", "settings: colour: is not a setting"),
    ],
)
def test_a_bad_setting_is_refused(
    cli: Cli, filled: Path, key: str, value: str, message: str
) -> None:
    before = filled.read_bytes()

    result = cli("--db", str(filled), "settings", key, value)

    assert result.code == 1
    assert message in result.err
    assert filled.read_bytes() == before


# -- usage -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["dance"],
        ["today", "--now", "2026-11-18T10:00:00"],
        ["today", "--now", "next tuesday"],
        ["--now", "2026-11-18", "today"],
        ["export", "--format", "xml"],
        ["settings", "a", "b", "c"],
        ["import"],
        ["--demo", "settings", "max_follow_ups", "3"],
    ],
)
def test_usage_errors_exit_2(cli: Cli, db: Path, argv: list[str]) -> None:
    result = cli("--db", str(db), *argv)

    assert result.code == 2
    assert result.err
    assert not db.exists()


def test_a_now_without_offset_says_what_to_write(cli: Cli) -> None:
    result = cli("today", "--now", "2026-11-18T10:00:00")

    assert "'2026-11-18T10:00:00' has no UTC offset" in result.err
    assert "+01:00" in result.err


def test_version(cli: Cli) -> None:
    result = cli("--version")

    assert result.code == 0
    assert result.out.startswith("jobcockpit ")


# -- a real process --------------------------------------------------------------


def test_python_m_jobcockpit_runs_today(db: Path, document_file: Path, home: Path) -> None:
    env = {
        **os.environ,
        "TZ": "Asia/Tokyo",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "JOBCOCKPIT_DB": str(db),
    }

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "jobcockpit", *argv],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )

    assert run("import", str(document_file)).returncode == 0
    result = run("today", "--now", NOW, "--json")
    text = run("today", "--now", NOW)
    missing = run("--db", str(db.with_name("other.json")), "today", "--now", NOW)

    assert result.returncode == 0, result.stderr
    assert [p["verdict"] for p in json.loads(result.stdout)["pairs"]] == ["call", "email", "wait"]
    assert "10:00-11:30 their time (02:00-03:30 yours)" in text.stdout
    assert missing.returncode == 1
    assert "does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr


# -- restore -------------------------------------------------------------------


def test_restore_puts_the_newest_good_backup_back_and_keeps_the_damaged_file(
    cli: Cli, filled: Path
) -> None:
    assert cli("--db", str(filled), "settings", "applied_wait_days", "9").code == 0
    listed = cli("--db", str(filled), "restore", "--list")
    assert listed.code == 0
    assert "backups" in listed.out
    filled.write_bytes(b'{"applications": {"a1": {"id": "a1", "comp')
    damaged = filled.read_bytes()

    refused = cli("--db", str(filled), "today", "--now", NOW)
    assert refused.code == 1
    assert str(filled) in refused.err

    restored = cli("--db", str(filled), "restore", "--yes")
    assert restored.code == 0, restored.err
    assert "restored" in restored.out
    kept = Path(restored.out.strip().splitlines()[-1].split(" as ", 1)[1])
    assert kept.read_bytes() == damaged
    assert cli("--db", str(filled), "today", "--now", NOW, "--json").code == 0


def test_restore_without_any_backup_changes_nothing(cli: Cli, filled: Path) -> None:
    before = filled.read_bytes()
    result = cli("--db", str(filled), "restore")
    assert result.code == 1
    assert "no backup" in result.err
    assert filled.read_bytes() == before
