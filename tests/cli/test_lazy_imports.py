"""A command loads only what it uses: `today`, run every few seconds by a
status bar, never pays for Textual, the spreadsheet reader, the proof
report, the calendar or the demo board; `--help` loads no command at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import NOW, Run

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import contextlib, io, json, sys
from jobcockpit.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as leaving:
        code = leaving.code
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("jobcockpit", "textual", "rich"))
print(json.dumps({"code": code, "loaded": loaded}))
"""

HEAVY = (
    "textual",
    "rich",
    "jobcockpit.tui",
    "jobcockpit.formats.spreadsheet",
    "jobcockpit.formats.proof",
    "jobcockpit.formats.demo",
    "jobcockpit.formats.ical",
)


def loaded_by(home: Path, *argv: str) -> list[str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "TZ": "UTC"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    answer = json.loads(result.stdout.splitlines()[-1])
    assert answer["code"] == 0, result.stderr
    loaded: list[str] = answer["loaded"]
    return loaded


def heavy(loaded: list[str]) -> list[str]:
    return [m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.mark.parametrize("chosen", [(), ("--json",), ("--format", "short")])
def test_today_loads_no_cockpit_and_no_other_commands_formats(
    cli: Callable[..., Run],
    home: Path,
    tmp_path: Path,
    document_file: Path,
    chosen: tuple[str, ...],
) -> None:
    db = tmp_path / "hunt.json"
    assert cli("--db", str(db), "import", str(document_file)).code == 0

    loaded = loaded_by(home, "--db", str(db), "today", "--now", NOW, *chosen)

    assert heavy(loaded) == []
    assert "jobcockpit.cli.commands.today" in loaded
    assert [m for m in loaded if m.startswith("jobcockpit.cli.commands.")] == [
        "jobcockpit.cli.commands.today"
    ]


def test_help_loads_no_command(home: Path) -> None:
    loaded = loaded_by(home, "--help")

    assert heavy(loaded) == []
    assert [m for m in loaded if m.startswith("jobcockpit.cli.commands.")] == []


@pytest.mark.parametrize(
    ("argv", "needed"),
    [
        (("report",), "jobcockpit.formats.proof"),
        (("export", "--format", "ics", "--now", NOW), "jobcockpit.formats.ical"),
        (("--demo", "today", "--now", NOW), "jobcockpit.formats.demo"),
    ],
)
def test_a_command_loads_the_format_it_uses_and_no_other(
    home: Path, argv: tuple[str, ...], needed: str
) -> None:
    loaded = loaded_by(home, *argv)

    assert heavy(loaded) == [m for m in heavy(loaded) if m.startswith(needed)]
    assert needed in loaded
