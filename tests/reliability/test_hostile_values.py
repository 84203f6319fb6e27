"""Hostile values and endless input: dates far in the past or future, deep
nesting, lone surrogates, duplicate keys, numbers JSON cannot hold, ids that
are not text, devices and FIFOs given as input, a long CSV cell. Each is
refused before any work with a message naming the record and the field (or
read whole, for the long cell), never a traceback, and the data file stays
as it was.

Through the real entry point; a subprocess where a hang is the failure."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, Run

Cli = Callable[..., Run]


def write(path: Path, document: dict[str, Any] | str) -> Path:
    text = document if isinstance(document, str) else json.dumps(document)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "hunt.json"


def refused(result: Run, *phrases: str) -> None:
    assert result.code == 1, result.out
    assert "was not imported and nothing was changed" in result.err
    for phrase in phrases:
        assert phrase in result.err, result.err
    assert "Traceback" not in result.err


def import_of(cli: Cli, db: Path, source: Path, *options: str) -> Run:
    return cli("--db", str(db), "import", *options, str(source))


# -- dates within 1900 to 2200 ----------------------------------------------------


@pytest.mark.parametrize(
    ("section", "index", "field", "value", "named"),
    [
        ("applications", 0, "applied_on", "9999-12-31", "application a1: applied_on"),
        ("applications", 0, "applied_on", "1899-12-31", "application a1: applied_on"),
        ("applications", 1, "decision_expected_on", "2201-01-01", "application a2: decision"),
        ("applications", 2, "stage_since", "0001-01-01T00:00+14:00", "application a3: stage_since"),
        ("log", 0, "at", "0001-01-01T00:00+14:00", "log entry #1: at"),
        ("log", 1, "at", "9999-12-31T23:59:59-12:00", "log entry l-interview: at"),
    ],
)
def test_a_date_outside_1900_to_2200_is_refused_naming_record_and_field(
    cli: Cli,
    db: Path,
    tmp_path: Path,
    document: dict[str, Any],
    section: str,
    index: int,
    field: str,
    value: str,
    named: str,
) -> None:
    document[section][index][field] = value
    source = write(tmp_path / "in.json", document)

    for options in ((), ("--dry-run",)):
        refused(import_of(cli, db, source, *options), named, "1900", "2200")
    assert not db.exists()


@pytest.mark.parametrize("moment", ["9999-12-31T00:00:00Z", "0001-01-01T00:00:00+14:00"])
def test_now_outside_1900_to_2200_is_a_usage_error(cli: Cli, moment: str) -> None:
    for argv in (("today", "--now", moment), ("export", "--format", "ics", "--now", moment)):
        result = cli(*argv)
        assert result.code == 2
        assert "1900" in result.err and "2200" in result.err
        assert "Traceback" not in result.err


def test_a_data_file_holding_a_far_date_is_damaged_not_a_crash(
    cli: Cli, db: Path, document_file: Path
) -> None:
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    data = json.loads(db.read_bytes())
    data["applications"]["a1"]["applied_on"] = "9999-12-31"
    db.write_text(json.dumps(data), encoding="utf-8")

    for argv in (("today", "--now", NOW), ("export", "--format", "ics", "--now", NOW)):
        result = cli("--db", str(db), *argv)
        assert result.code == 1
        assert "is damaged" in result.err
        assert "applied_on" in result.err
        assert "Traceback" not in result.err


# -- the document's shape ------------------------------------------------------------


def test_a_document_nested_a_thousand_deep_is_refused_before_any_work(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    deep = '{"format": "jobcockpit/1", "extra": ' + "[" * 1000 + "]" * 1000 + "}"

    refused(import_of(cli, db, write(tmp_path / "deep.json", deep)), "nested")


def test_an_unknown_key_nested_too_deep_fails_the_dry_run_not_the_save(
    cli: Cli, db: Path, tmp_path: Path, document: dict[str, Any], document_file: Path
) -> None:
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    before = db.read_bytes()
    value: Any = "bottom"
    for _ in range(300):
        value = {"down": value}
    document["applications"][0]["souvenir"] = value
    source = write(tmp_path / "deep.json", document)

    refused(import_of(cli, db, source, "--dry-run"), "nested")
    refused(import_of(cli, db, source), "nested")
    assert db.read_bytes() == before


def test_a_data_file_holding_deep_nesting_is_damaged_at_open_not_at_save(
    cli: Cli, db: Path, document_file: Path
) -> None:
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    data = json.loads(db.read_bytes())
    value: Any = 1
    for _ in range(300):
        value = [value]
    data["applications"]["a1"]["souvenir"] = value
    db.write_text(json.dumps(data), encoding="utf-8")
    before = db.read_bytes()

    result = cli("--db", str(db), "settings", "applied_wait_days", "3")

    assert result.code == 1
    assert "is damaged" in result.err and "nested" in result.err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("where", "named"),
    [
        (("applications", 0, "company"), "application a1: company"),
        (("contacts", 1, "name"), "contact c2: name"),
        (("log", 1, "note"), "note"),
        (("applications", 0, "salary_band"), "application a1: salary_band"),
    ],
)
def test_a_lone_surrogate_is_refused_naming_the_field(
    cli: Cli,
    db: Path,
    tmp_path: Path,
    document: dict[str, Any],
    where: tuple[str, int, str],
    named: str,
) -> None:
    section, index, field = where
    document[section][index][field] = "MARK"
    text = json.dumps(document).replace('"MARK"', '"Acme \\ud800 Tools"')
    source = write(tmp_path / "in.json", text)

    for options in ((), ("--dry-run",)):
        refused(import_of(cli, db, source, *options), named, "surrogate")
    assert not db.exists()


def test_a_key_given_twice_is_refused(cli: Cli, db: Path, tmp_path: Path) -> None:
    text = (
        '{"format": "jobcockpit/1", "applications": [{"id": "a1", "company": "Acme",'
        ' "applied_on": "2026-11-02", "company": "Other"}]}'
    )

    refused(import_of(cli, db, write(tmp_path / "twice.json", text)), "company", "twice")


@pytest.mark.parametrize("number", ["1e999", "-1e999", "NaN", "Infinity"])
def test_numbers_json_cannot_hold_are_refused(
    cli: Cli, db: Path, tmp_path: Path, document: dict[str, Any], number: str
) -> None:
    document["applications"][0]["salary"] = "NUMBER"
    text = json.dumps(document).replace('"NUMBER"', number)

    refused(import_of(cli, db, write(tmp_path / "n.json", text)), number)
    assert not db.exists()


def test_an_id_that_is_not_text_says_so(
    cli: Cli, db: Path, tmp_path: Path, document: dict[str, Any]
) -> None:
    document["applications"][0]["id"] = 5
    document["contacts"][0]["id"] = ["c1"]

    result = import_of(cli, db, write(tmp_path / "in.json", document))

    refused(result, "application #1: id: must be text", "contact #1: id: must be text")
    assert "is required" not in result.err


# -- where the input comes from -----------------------------------------------------------


def _process(
    argv: list[str], home: Path, stdin: Any = subprocess.DEVNULL
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBCOCKPIT")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), TZ="UTC", JOBCOCKPIT_CACHE="off")
    return subprocess.run(
        [sys.executable, "-m", "jobcockpit", *argv],
        env=env,
        capture_output=True,
        text=True,
        stdin=stdin,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_or_a_fifo_to_import_is_refused_at_once(
    home: Path, db: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)

    for source in ("/dev/zero", str(fifo)):
        started = time.monotonic()
        result = _process(["--db", str(db), "import", source], home)
        assert result.returncode == 1, result.stderr
        assert "not a regular file" in result.stderr
        assert time.monotonic() - started < 20
    assert not db.exists()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_stdin_is_read_only_up_to_the_limit(home: Path, db: Path) -> None:
    with Path("/dev/zero").open("rb") as endless:
        result = _process(["--db", str(db), "import", "-"], home, stdin=endless)

    assert result.returncode == 1
    assert "MiB" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()


def test_a_file_too_large_to_be_a_document_is_refused_before_it_is_read(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as sparse:
        sparse.truncate(2**40)

    result = import_of(cli, db, huge)

    assert result.code == 1
    assert "MiB" in result.err
    assert "Traceback" not in result.err


# -- a long note through the product's own CSV ------------------------------------------------


def test_the_csv_export_of_a_long_note_imports_back(
    cli: Cli, db: Path, tmp_path: Path, document: dict[str, Any]
) -> None:
    long_note = "Notes from the first call. " * 8000
    assert len(long_note) > 131_072
    document["applications"][0]["notes"] = long_note
    assert cli("--db", str(db), "import", str(write(tmp_path / "in.json", document))).code == 0
    sheet = tmp_path / "sheet.csv"
    assert cli("--db", str(db), "export", "-o", str(sheet)).code == 0
    fresh = tmp_path / "fresh.json"

    result = cli("--db", str(fresh), "import", str(sheet))

    assert result.code == 0, result.err
    back = json.loads(cli("--db", str(fresh), "export").out)
    [acme] = [a for a in back["applications"] if a["company"] == "Acme Tools"]
    assert acme["notes"].startswith(long_note.strip())
