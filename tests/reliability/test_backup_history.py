"""Backups that survive a loop: a script saving again and again keeps the
last few saves and, beside them, one backup per hour and one per day from
before, so the history a person may need is never rotated away in seconds.
A save that fails takes no place in the history.

Through the real entry point: each `settings` change is one run of the
command, the way a looping script makes them; older backups are planted with
the names earlier runs would have given them."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

Cli = Callable[..., Run]

STAMP = re.compile(r"\.(\d{8}T\d{6}\.\d{6}Z)\.json$")


@pytest.fixture
def db(cli: Cli, tmp_path: Path, document_file: Path) -> Path:
    path = tmp_path / "hunt.json"
    assert cli("--db", str(path), "import", str(document_file)).code == 0
    return path


def backups(db: Path) -> list[Path]:
    """The rotating backups, newest first."""
    found = [p for p in (db.parent / "backups").iterdir() if STAMP.search(p.name)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def moment(backup: Path) -> dt.datetime:
    match = STAMP.search(backup.name)
    assert match is not None
    return dt.datetime.strptime(match[1], "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=dt.UTC)


def plant(db: Path, at: dt.datetime) -> Path:
    """A backup as a run at `at` would have left it."""
    folder = db.parent / "backups"
    folder.mkdir(exist_ok=True)
    path = folder / f"{db.name}.{at.strftime('%Y%m%dT%H%M%S.%fZ')}.json"
    path.write_bytes(db.read_bytes())
    return path


def test_a_loop_of_saves_keeps_the_last_saves_and_one_backup_per_hour_and_day(
    cli: Cli, db: Path
) -> None:
    for key, number in (("backup_last_saves", "3"), ("backup_hours", "4"), ("backup_days", "5")):
        assert cli("--db", str(db), "settings", key, number).code == 0
    for old in backups(db):
        old.unlink()
    now = dt.datetime.now(dt.UTC)
    if now.minute == 59 and now.second > 30:
        time.sleep(61 - now.second)  # the loop below stays within one hour
        now = dt.datetime.now(dt.UTC)
    hour = now.replace(minute=0, second=0, microsecond=0)
    day = hour.replace(hour=0)
    # Two backups in each of the ten hours before this one, and two in each of
    # the ten days before today: more than the settings keep.
    planted = [
        plant(db, hour - dt.timedelta(hours=h) + dt.timedelta(minutes=m))
        for h in range(1, 11)
        for m in (10, 40)
    ]
    planted += [
        plant(db, day - dt.timedelta(days=d) + dt.timedelta(hours=h))
        for d in range(1, 11)
        for h in (10, 11)
    ]

    for value in range(12):
        assert cli("--db", str(db), "settings", "applied_wait_days", str(value)).code == 0

    loop = [b for b in backups(db) if b not in planted]
    assert len(loop) == 3  # the last three saves; the loop's others are gone
    newest_of_hours = [hour - dt.timedelta(hours=h) + dt.timedelta(minutes=40) for h in (1, 2, 3)]
    newest_of_days = [
        max(moment(b) for b in planted if moment(b).date() == (day - dt.timedelta(days=d)).date())
        for d in (1, 2, 3, 4)
    ]
    expected = {*newest_of_hours, *newest_of_days}
    assert {moment(b) for b in backups(db) if b in planted} == expected
    assert all(not b.exists() for b in planted if moment(b) not in expected)


def test_six_quick_saves_keep_yesterdays_backup(cli: Cli, db: Path) -> None:
    yesterday = plant(db, dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    last_week = plant(db, dt.datetime.now(dt.UTC) - dt.timedelta(days=7))

    for value in range(6):
        assert cli("--db", str(db), "settings", "applied_wait_days", str(value)).code == 0

    assert yesterday.exists()
    assert last_week.exists()


def test_a_failed_save_takes_no_slot(cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for value in range(6):
        assert cli("--db", str(db), "settings", "applied_wait_days", str(value)).code == 0
    before = [p.name for p in backups(db)]
    data = db.read_bytes()
    real_replace = os.replace

    def refuse_the_data_file(source: object, target: object, **kwargs: object) -> None:
        if Path(str(target)) == db:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", refuse_the_data_file)
    for value in range(10, 20):
        failed = cli("--db", str(db), "settings", "applied_wait_days", str(value))
        assert failed.code == 1
        assert "disk full" in failed.err

    assert [p.name for p in backups(db)] == before
    assert db.read_bytes() == data


def test_the_backup_numbers_are_settings_with_a_floor(cli: Cli, db: Path) -> None:
    listed = cli("--db", str(db), "settings")
    for key in ("backup_last_saves", "backup_hours", "backup_days"):
        assert f"{key} = " in listed.out
    refused = cli("--db", str(db), "settings", "backup_last_saves", "0")
    assert refused.code == 1
    assert "backup_last_saves" in refused.err
