"""`jobcockpit restore`: the backups listed with their dates and what each
holds; without a named backup it shows what it would put back and asks, and
without a terminal it needs `--yes`. Through the real entry point."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

Cli = Callable[..., Run]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def db(cli: Cli, tmp_path: Path, document_file: Path) -> Path:
    """A data file with one backup: the sample (3 applications, 3 contacts, 2
    log entries), then one application more."""
    path = tmp_path / "hunt.json"
    assert cli("--db", str(path), "import", str(document_file)).code == 0
    more = tmp_path / "more.json"
    more.write_text(
        '{"format": "jobcockpit/1", "applications": [{"id": "a9", "company": "Nine",'
        ' "applied_on": "2026-11-12"}]}',
        encoding="utf-8",
    )
    assert cli("--db", str(path), "import", str(more)).code == 0
    return path


def test_the_list_shows_each_backup_with_its_date_and_what_it_holds(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "restore", "--list")

    assert result.code == 0, result.err
    [line] = [line for line in result.out.splitlines() if "backups" in line and ".json" in line]
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", line)
    assert "3 applications, 3 contacts, 2 log entries" in line


def test_the_list_names_a_damaged_backup(cli: Cli, db: Path) -> None:
    (backup,) = (db.parent / "backups").iterdir()
    backup.write_bytes(b'{"applications": ')

    result = cli("--db", str(db), "restore", "--list")

    assert result.code == 0
    [line] = [line for line in result.out.splitlines() if backup.name in line]
    assert "damaged" in line.replace(str(backup), "")
    assert "applications" not in line


def test_without_a_terminal_restore_needs_yes(cli: Cli, db: Path) -> None:
    before = db.read_bytes()

    refused = cli("--db", str(db), "restore")

    assert refused.code == 1
    assert "--yes" in refused.err
    assert db.read_bytes() == before

    done = cli("--db", str(db), "restore", "--yes")
    assert done.code == 0, done.err
    assert b"a9" not in db.read_bytes()


def test_restore_shows_what_it_would_put_back_and_asks(
    cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db.read_bytes()
    monkeypatch.setattr(sys, "stdin", _Terminal("n\n"))

    declined = cli("--db", str(db), "restore")

    assert declined.code == 1
    shown = declined.out + declined.err
    assert "3 applications, 3 contacts, 2 log entries" in shown
    assert "4 applications, 3 contacts, 2 log entries" in shown
    assert "[y/N]" in shown
    assert db.read_bytes() == before

    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))
    agreed = cli("--db", str(db), "restore")

    assert agreed.code == 0, agreed.err
    assert b"a9" not in db.read_bytes()
    kept = [p for p in (db.parent / "backups").iterdir() if p.read_bytes() == before]
    assert kept
