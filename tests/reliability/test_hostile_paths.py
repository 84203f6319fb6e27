"""The data file in odd places: a FIFO, a device, a read-only file, a
`backups` that is a file, a folder that cannot be made, another writer
holding the lock. Nothing hangs, nothing widens a file's permissions, every
refusal says what is wrong in words, and no lock file is left behind.

Through the real entry point (`main`), or a subprocess where a hang must be
caught by a time limit rather than hang the test run."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import NOW, Run

from jobcockpit.store import Store
from jobcockpit.store import lock as store_lock

Cli = Callable[..., Run]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files only")


@pytest.fixture
def db(cli: Cli, tmp_path: Path, document_file: Path) -> Path:
    path = tmp_path / "hunt.json"
    assert cli("--db", str(path), "import", str(document_file)).code == 0
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def lock_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".lock"))


def applications(path: Path) -> set[str]:
    return set(json.loads(path.read_bytes())["applications"])


def second_document(tmp_path: Path) -> Path:
    """A document adding one application, a9."""
    path = tmp_path / "second.json"
    added = {"id": "a9", "company": "Late Arrival Ltd", "position": "", "applied_on": "2026-11-12"}
    path.write_text(json.dumps({"format": "jobcockpit/1", "applications": [added]}), "utf-8")
    return path


def _cli_process(
    argv: list[str], home: Path, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBCOCKPIT")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), TZ="UTC", JOBCOCKPIT_CACHE="off")
    return subprocess.run(
        [sys.executable, "-m", "jobcockpit", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


# -- permissions -------------------------------------------------------------------


def test_a_new_data_file_and_its_backups_are_private(cli: Cli, db: Path) -> None:
    assert mode(db) == 0o600
    assert cli("--db", str(db), "settings", "applied_wait_days", "9").code == 0
    backups = list((db.parent / "backups").iterdir())
    assert backups
    assert all(mode(b) == 0o600 for b in backups)


def test_an_existing_data_file_keeps_its_mode_through_saves_and_restore(
    cli: Cli, db: Path, tmp_path: Path, document_file: Path
) -> None:
    db.chmod(0o640)
    assert cli("--db", str(db), "settings", "applied_wait_days", "9").code == 0
    assert mode(db) == 0o640
    assert cli("--db", str(db), "import", str(second_document(tmp_path))).code == 0
    assert mode(db) == 0o640

    restored = cli("--db", str(db), "restore", "--yes")

    assert restored.code == 0, restored.err
    assert mode(db) == 0o640


def test_a_data_file_made_read_only_is_refused_not_rewritten(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    cli("--db", str(db), "settings", "applied_wait_days", "9")
    db.chmod(0o444)
    before = db.read_bytes()

    changed = cli("--db", str(db), "settings", "applied_wait_days", "3")
    imported = cli("--db", str(db), "import", str(second_document(tmp_path)))
    restored = cli("--db", str(db), "restore", "--yes")

    for refused in (changed, imported, restored):
        assert refused.code == 1
        assert "read-only" in refused.err
        assert "chmod" in refused.err
        assert "Traceback" not in refused.err
    assert db.read_bytes() == before
    assert mode(db) == 0o444
    assert cli("--db", str(db), "today", "--now", NOW, "--json").code == 0


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """As root, a twin of /dev/null made for the test, so that a regression
    harms no other program; otherwise /dev/null, which a user cannot replace."""
    if os.geteuid() != 0:
        return Path(os.devnull)
    twin = tmp_path / "devices" / "null"
    twin.parent.mkdir()
    os.mknod(twin, stat.S_IFCHR | 0o666, Path(os.devnull).stat().st_rdev)
    twin.chmod(0o666)  # mknod's mode passes through the umask
    return twin


def test_restore_onto_a_device_is_refused_and_the_device_stays(
    cli: Cli, db: Path, null_device: Path
) -> None:
    cli("--db", str(db), "settings", "applied_wait_days", "9")
    (backup, *_) = sorted((db.parent / "backups").iterdir())

    result = cli("--db", str(null_device), "restore", str(backup), "--yes")

    assert result.code == 1
    assert "not a regular file" in result.err
    assert stat.S_ISCHR(null_device.stat().st_mode)
    assert mode(null_device) == 0o666


def test_a_device_as_the_data_file_is_not_a_regular_file_rather_than_damaged(
    cli: Cli, null_device: Path, document_file: Path
) -> None:
    for argv in (("today", "--now", NOW), ("export",), ("import", str(document_file))):
        result = cli("--db", str(null_device), *argv)
        assert result.code == 1, argv
        assert f"data file {null_device} is not a regular file" in result.err
        assert "damaged" not in result.err
    assert stat.S_ISCHR(null_device.stat().st_mode)
    if null_device.parent != Path("/dev"):
        assert lock_files(null_device.parent) == []


def test_a_fifo_as_the_data_file_is_refused_at_once_and_leaves_no_lock(
    home: Path, tmp_path: Path, document_file: Path
) -> None:
    fifo = tmp_path / "hunt.json"
    os.mkfifo(fifo)

    for argv in (["today", "--json"], ["import", str(document_file)], ["restore", "--list"]):
        started = time.monotonic()
        result = _cli_process(["--db", str(fifo), *argv], home)
        assert result.returncode == 1, (argv, result.stderr)
        assert time.monotonic() - started < 20
        assert "not a regular file" in result.stderr
        assert "Traceback" not in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert lock_files(tmp_path) == []


# -- the backups folder, a file that never existed ---------------------------------


def test_backups_being_a_file_is_said_clearly_and_does_not_block_the_save(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    blocker = db.parent / "backups"
    blocker.write_text("not a folder")

    result = cli("--db", str(db), "import", str(second_document(tmp_path)))

    assert result.code == 0, result.err
    assert "a9" in applications(db)
    assert "File exists" not in result.err
    assert f"{blocker} is a file, not a folder" in result.err
    assert blocker.read_text() == "not a folder"
    listed = cli("--db", str(db), "restore", "--list")
    assert f"{blocker} is a file, not a folder" in listed.out + listed.err


def test_a_data_file_that_never_existed_is_not_said_to_hold_anything(
    cli: Cli, tmp_path: Path, document_file: Path
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file where a folder should be")
    path = not_a_folder / "hunt.json"

    result = cli("--db", str(path), "import", str(document_file))

    assert result.code == 1
    assert str(path) in result.err
    assert "still holds" not in result.err
    assert "saved before" not in result.err
    assert "Traceback" not in result.err


# -- the lock --------------------------------------------------------------------------


def test_a_second_writer_waits_for_the_lock_then_saves(cli: Cli, db: Path, tmp_path: Path) -> None:
    holder = Store.open(db)
    threading.Timer(1.0, holder.close).start()
    started = time.monotonic()

    result = cli("--db", str(db), "import", str(second_document(tmp_path)))

    assert result.code == 0, result.err
    assert time.monotonic() - started >= 0.9
    assert "a9" in applications(db)
    assert lock_files(db.parent) == []


def test_a_writer_that_waited_long_enough_refuses(
    cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_lock, "WAIT_SECONDS", 0.3)
    before = db.read_bytes()
    with Store.open(db):
        result = cli("--db", str(db), "import", str(second_document(tmp_path)))

    assert result.code == 1
    assert "open in another jobcockpit" in result.err
    assert db.read_bytes() == before


def test_restore_refuses_while_a_cockpit_holds_the_file(
    cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_lock, "WAIT_SECONDS", 0.3)
    cli("--db", str(db), "settings", "applied_wait_days", "9")
    before = db.read_bytes()
    backups_before = sorted(p.name for p in (db.parent / "backups").iterdir())

    with Store.open(db) as cockpit:
        result = cli("--db", str(db), "restore", "--yes")
        assert not cockpit.read_only

    assert result.code == 1
    assert "open in another jobcockpit" in result.err
    assert db.read_bytes() == before
    assert sorted(p.name for p in (db.parent / "backups").iterdir()) == backups_before


# -- today's kept answers --------------------------------------------------------------


def test_kept_answers_of_data_files_long_unused_are_forgotten(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"  # JOBCOCKPIT_CACHE, set for every test
    cache.mkdir(exist_ok=True)
    deleted_long_ago = cache / ("0" * 32 + ".json")
    deleted_long_ago.write_text('{"short": "3 to call"}\nDana Ruiz, +1 505 555 0100')
    month_ago = time.time() - 30 * 24 * 3600
    os.utime(deleted_long_ago, (month_ago, month_ago))
    not_ours = cache / "notes.txt"
    not_ours.write_text("kept")
    os.utime(not_ours, (month_ago, month_ago))

    assert cli("--db", str(db), "today", "--now", NOW, "--json").code == 0

    assert not deleted_long_ago.exists()
    assert not_ours.exists()
    assert [p for p in cache.iterdir() if p.suffix == ".json"]
