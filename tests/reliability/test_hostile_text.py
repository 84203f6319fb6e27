"""Hostile text on its way out: escape sequences and bidi controls never reach
the terminal (exports and reports on stdout, the import summary, messages,
paths, setting keys), a calendar holds only what iCalendar allows, a cell a
spreadsheet would run as a formula is neutralised (and read back exactly),
and a terminal that cannot show a name gets a replacement character, never
a traceback or a false exit code.

Through the real entry point, or a subprocess where the locale matters."""

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

Cli = Callable[..., Run]

ESCAPES = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\x00")
"""What must never reach a terminal: ESC, BEL, the 8-bit CSI, bidi controls, NUL."""
CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CLEAR = "\x1b[2J\x1b[H"
HOSTILE = f"Acme{CLEAR} Tools{CLIPBOARD} \u202eslooT\u202c"


def terminal_safe(text: str) -> bool:
    return not any(mark in text for mark in ESCAPES) and "\r" not in text.replace("\r\n", "")


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def hostile_document(document: dict[str, Any]) -> dict[str, Any]:
    application = document["applications"][0]
    application["company"] = HOSTILE
    application["notes"] = f"line one\n{CLEAR}line two\r{CLIPBOARD}"
    application["position"] = "\u2066lead\u2069 \x9b31m"
    document["contacts"][0]["name"] = f"Dana{CLEAR} Ruiz"
    document["contacts"][2]["name"] = f"Jonas{CLIPBOARD} \u202eWeber"
    return document


@pytest.fixture
def db(cli: Cli, tmp_path: Path, hostile_document: dict[str, Any]) -> Path:
    path = tmp_path / "hunt.json"
    result = cli("--db", str(path), "import", str(write(tmp_path / "in.json", hostile_document)))
    assert result.code == 0, result.err
    return path


# -- the terminal ------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["export", "--format", "ics", "--now", NOW],
        ["report", "--format", "csv"],
        ["report", "--format", "markdown"],
        ["today", "--now", NOW],
        ["today", "--now", NOW, "--json"],
    ],
)
def test_nothing_on_stdout_drives_the_terminal(cli: Cli, db: Path, argv: list[str]) -> None:
    result = cli("--db", str(db), *argv)

    assert result.code == 0, result.err
    assert terminal_safe(result.out), repr(result.out[:400])
    assert "Acme" in result.out or "Jonas" in result.out


def test_json_on_stdout_escapes_what_it_cannot_show_and_keeps_the_text(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "export")

    document = json.loads(result.out)
    assert document["applications"][0]["company"] == HOSTILE


def test_files_keep_the_users_text(cli: Cli, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert cli("--db", str(db), "export", "-o", str(target)).code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["applications"][0]["company"] == HOSTILE

    table = tmp_path / "out.csv"
    assert cli("--db", str(db), "export", "-o", str(table)).code == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"), newline="")))
    assert rows[0]["company"] == HOSTILE


def test_the_import_summary_shows_no_raw_ids_or_names(
    cli: Cli, tmp_path: Path, document: dict[str, Any]
) -> None:
    hostile_ids = ["a\x1b[2J1", "\u202ea2", "a3\r\nInjected: yes"]
    for application, ident in zip(document["applications"], hostile_ids, strict=True):
        application["id"] = ident
        application["company"] += CLEAR
    for entry in document["log"]:
        entry["application"] = hostile_ids[0 if entry["application"] == "a1" else 2]
    path = tmp_path / "hunt.json"

    result = cli("--db", str(path), "import", str(write(tmp_path / "in.json", document)))

    assert result.code == 0, result.err
    assert terminal_safe(result.out + result.err), repr(result.out)
    assert "\nInjected: yes" not in result.out
    assert "applications: 3 added" in result.out


def test_a_damaged_file_message_shows_no_raw_text(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "hunt.json"
    application = {
        "id": "a1",
        "company": HOSTILE,
        "position": "",
        "applied_on": "2026-11-02",
        "contacts": ["c-missing"],
    }
    path.write_text(json.dumps({"applications": {"a1": application}}), encoding="utf-8")

    result = cli("--db", str(path), "today", "--now", NOW)

    assert result.code == 1
    assert "is damaged" in result.err
    assert "c-missing" in result.err
    assert terminal_safe(result.err), repr(result.err)


def test_paths_and_setting_keys_are_shown_without_escapes(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / f"hunt{CLEAR}{CLIPBOARD}.json"

    missing = cli("--db", str(path), "today")
    unknown = cli("--db", str(tmp_path / "x.json"), "settings", f"wait{CLEAR}", "3")
    default = cli("settings", f"wait{CLIPBOARD}", "3")

    for result in (missing, unknown, default):
        assert result.code == 1
        assert terminal_safe(result.err), repr(result.err)
    assert "does not exist" in missing.err
    assert "is not a setting" in default.err


# -- files: iCalendar, CSV formulas ---------------------------------------------------


def test_the_calendar_holds_no_control_characters(cli: Cli, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "hunt.ics"

    result = cli("--db", str(db), "export", "--now", NOW, "-o", str(target))

    assert result.code == 0, result.err
    data = target.read_bytes()
    assert b"Acme" in data
    forbidden = {*range(0x00, 0x09), *range(0x0A, 0x20), 0x7F} - {0x0A, 0x0D}
    assert not forbidden & set(data)
    assert all(line.endswith(b"\r") for line in data.split(b"\n")[:-1])


FORMULAS = {
    "company": '=HYPERLINK("https://evil.example","Acme")',
    "position": "+SUM(1,2)",
    "notes": "-2+3",
}


@pytest.fixture
def formulas(cli: Cli, tmp_path: Path, document: dict[str, Any]) -> Path:
    application = document["applications"][0]
    application.update(FORMULAS)
    document["contacts"][0]["name"] = "@admin"
    document["log"][0]["note"] = "\tcmd|' /C calc'!A0"
    path = tmp_path / "formulas.json"
    assert cli("--db", str(path), "import", str(write(tmp_path / "in.json", document))).code == 0
    return path


def cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    cli: Cli, formulas: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "out.csv"
    assert cli("--db", str(formulas), "export", "-o", str(exported)).code == 0
    proof = tmp_path / "proof.csv"
    assert cli("--db", str(formulas), "report", "-o", str(proof)).code == 0
    stdout = cli("--db", str(formulas), "export", "--format", "csv").out

    for text in (exported.read_text(encoding="utf-8"), proof.read_text(encoding="utf-8"), stdout):
        for row in cells(text):
            for value in row.values():
                assert not value.startswith(FORMULA_START), value
    row = next(r for r in cells(exported.read_text(encoding="utf-8")) if r["id"] == "a1")
    assert row["company"] == "'" + FORMULAS["company"]
    assert row["position"] == "'" + FORMULAS["position"]
    assert row["contacts"] == "'@admin"
    report_rows = cells(proof.read_text(encoding="utf-8"))
    assert any(r["note"] == "'\tcmd|' /C calc'!A0" for r in report_rows)
    assert any(r["phone"] == "'+1 505 555 0100" for r in report_rows)


def test_raw_cells_writes_the_text_as_it_is(cli: Cli, formulas: Path, tmp_path: Path) -> None:
    exported = tmp_path / "raw.csv"
    proof = tmp_path / "raw-proof.csv"

    assert cli("--db", str(formulas), "export", "--raw-cells", "-o", str(exported)).code == 0
    assert cli("--db", str(formulas), "report", "--raw-cells", "-o", str(proof)).code == 0

    row = next(r for r in cells(exported.read_text(encoding="utf-8")) if r["id"] == "a1")
    assert row["company"] == FORMULAS["company"]
    assert any(r["contact"] == "@admin" for r in cells(proof.read_text(encoding="utf-8")))


def test_a_neutralised_export_imports_back_exactly(
    cli: Cli, formulas: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "sheet.csv"
    assert cli("--db", str(formulas), "export", "-o", str(exported)).code == 0
    fresh = tmp_path / "fresh.json"

    result = cli("--db", str(fresh), "import", str(exported))

    assert result.code == 0, result.err
    back = json.loads(cli("--db", str(fresh), "export").out)
    companies = {a["company"]: a for a in back["applications"]}
    assert FORMULAS["company"] in companies
    assert companies[FORMULAS["company"]]["position"] == FORMULAS["position"]
    assert companies[FORMULAS["company"]]["notes"].startswith(FORMULAS["notes"])


# -- a terminal that cannot show every name ---------------------------------------------


def _process(
    argv: list[str | bytes], home: Path, **env_overrides: str
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOBCOCKPIT", "LC_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), TZ="UTC", JOBCOCKPIT_CACHE="off")
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-m", "jobcockpit", *argv],
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def test_an_ascii_terminal_gets_replacement_characters_and_the_true_exit_code(
    home: Path, tmp_path: Path, document: dict[str, Any]
) -> None:
    document["applications"][0]["company"] = "Café Ünïcode GmbH"
    folder = tmp_path / "Bewerbungen-Übersicht"
    folder.mkdir()
    path = folder / "hunt.json"
    source = write(tmp_path / "in.json", document)

    result = _process(["--db", str(path), "import", str(source)], home, PYTHONIOENCODING="ascii")

    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"Imported" in result.stdout
    assert result.stdout.isascii()
    assert b"Caf? ?n?code GmbH" in result.stdout
    assert b"Bewerbungen-?bersicht" in result.stdout
    assert "Café Ünïcode GmbH" in path.read_text(encoding="utf-8")

    missing = _process(["--db", str(folder / "nope.json"), "today"], home, PYTHONIOENCODING="ascii")
    assert missing.returncode == 1
    assert b"does not exist" in missing.stderr
    assert b"Traceback" not in missing.stderr


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are always UTF-8")
def test_a_path_that_is_not_utf8_under_the_c_locale_saves_and_says_so(
    home: Path, tmp_path: Path, document: dict[str, Any]
) -> None:
    folder = os.fsencode(tmp_path) + b"/hunt-\xff\xfe"
    Path(os.fsdecode(folder)).mkdir()
    path = folder + b"/hunt.json"
    source = write(tmp_path / "in.json", document)

    result = _process([b"--db", path, b"import", os.fsencode(source)], home, LANG="C", LC_ALL="C")

    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"Imported" in result.stdout
    assert Path(os.fsdecode(path)).exists()
    listed = _process([b"--db", path, b"today", b"--now", NOW.encode()], home, LANG="C", LC_ALL="C")
    assert listed.returncode == 0, listed.stderr
