"""Formats of the data file: a golden file of each, and the upgrade from an
older one (forward only, a copy kept first, never half done).

jobcockpit has only ever written format 1, so the upgrade machinery is proven
with a registry of the tests' own: `golden/schema-0.json` is a plausible older
layout (TinyDB's numbered documents, settings in a table of their own) and
`helpers_store.zero_to_one` upgrades it.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pendulum
import pytest
from helpers_store import (
    FAULTY_OPERATIONS,
    Clock,
    Faults,
    full_board,
    report,
    temp_files,
    zero_to_one,
)

from jobcockpit.core.board import Changeset
from jobcockpit.core.settings import Settings
from jobcockpit.store import (
    LOCKED_ELSEWHERE,
    SCHEMA_VERSION,
    DataFileCorrupt,
    Store,
    StoreError,
    list_backups,
    migrations,
    restore_backup,
)
from jobcockpit.store.files import real_file
from jobcockpit.store.lock import DataFileLock

GOLDEN = Path(__file__).parent / "golden"
TESTS = Path(__file__).parents[1]

GOLDEN_SETTINGS = Settings(
    applied_wait_days=5,
    applied_overdue_days=12,
    decision_grace_business_days=2,
    thank_you_hours=12,
    interviewed_wait_business_days=2,
    interviewed_overdue_business_days=4,
    follow_up_wait_days=6,
    max_follow_ups=3,
    voicemail_wait_days=5,
    max_voicemails=2,
    max_dials_per_day=2,
    call_windows=(
        (pendulum.time(10, 0), pendulum.time(12, 0)),
        (pendulum.time(15, 0), pendulum.time(17, 30)),
    ),
    monday_starts_at=pendulum.time(11, 0),
    friday_ends_at=pendulum.time(13, 0),
    courtesy_business_days=1,
    keep_in_touch_days=60,
    min_window_minutes=15,
    user_timezone="Europe/Berlin",
    user_country="DE",
    theme="nord",
    keymap={"add_application": "ctrl+n"},
    backup_last_saves=7,
    backup_hours=12,
    backup_days=14,
)
ZERO_SETTINGS = Settings(applied_wait_days=5, theme="nord", user_timezone="Europe/Berlin")
BACKUP_OF_ZERO = "jobs.json.format-0.20261117T150000.000000Z.json"


def golden(tmp_path: Path, version: int) -> Path:
    path = tmp_path / "jobs.json"
    shutil.copyfile(GOLDEN / f"schema-{version}.json", path)
    return path


def assert_full_board(store: Store) -> None:
    """Record by record, every field and every unknown key, as the helpers
    build them: what the golden files were written to hold."""
    expected = full_board()
    board = store.board
    assert board.applications.keys() == expected.applications.keys()
    assert board.contacts.keys() == expected.contacts.keys()
    assert board.log.keys() == expected.log.keys()
    for table in ("applications", "contacts", "log"):
        for key, record in getattr(expected, table).items():
            found = getattr(board, table)[key]
            assert found == record, (table, key)
            assert found.to_dict() == record.to_dict(), (table, key)


# -- format 1, the current one ---------------------------------------------------


def test_there_is_a_golden_file_for_every_format() -> None:
    assert SCHEMA_VERSION == 1
    for version in [*migrations.MIGRATIONS, SCHEMA_VERSION]:
        assert (GOLDEN / f"schema-{version}.json").is_file()
    assert all(version < SCHEMA_VERSION for version in migrations.MIGRATIONS)


def test_the_golden_file_of_format_1_opens_record_by_record(tmp_path: Path) -> None:
    path = golden(tmp_path, 1)
    before = path.read_bytes()
    with Store.open(path, clock=Clock()) as store:
        assert not store.read_only
        assert_full_board(store)
        assert store.settings == GOLDEN_SETTINGS
        assert store.board.applications["a1"].extra["salary_band"]["currency"] == "USD"
        assert store.board.contacts["c1"].extra["pronouns"] == "she/her"
        assert store.board.log["l1"].extra == {"x_duration_minutes": 45}
    assert path.read_bytes() == before


def test_this_version_writes_format_1_as_the_golden_file_says(tmp_path: Path) -> None:
    """Rewriting every record and the settings gives the golden document back:
    a change to how records are written must come with a new format number,
    a migration and a golden file."""
    path = golden(tmp_path, 1)
    with Store.open(path, clock=Clock()) as store:
        board = store.board
        store.commit(
            Changeset(
                put_applications=tuple(board.applications.values()),
                put_contacts=tuple(board.contacts.values()),
                add_log=tuple(board.log.values()),
            )
        )
        store.save_settings(store.settings)
    assert orjson.loads(path.read_bytes()) == orjson.loads((GOLDEN / "schema-1.json").read_bytes())


def test_a_save_keeps_what_a_newer_jobcockpit_added(tmp_path: Path) -> None:
    path = golden(tmp_path, 1)
    with Store.open(path, clock=Clock()) as store:
        store.commit(Changeset(delete_log=("l1",)))
        store.save_settings(Settings(theme="gruvbox"))
    data = orjson.loads(path.read_bytes())
    assert data["x_future_table"] == {"1": {"kept": "by every save"}}
    assert data["meta"]["1"]["x_written_by"] == "jobcockpit 9.0"
    assert data["meta"]["1"]["settings"]["x_future_setting"] == {"on": True}
    assert data["applications"]["a1"]["salary_band"]["max"] == 60000
    assert data["contacts"]["c1"]["x_future"] == {"nested": [1, 2.5, None, True, "ü"]}


# -- upgrading an older format -----------------------------------------------------


@pytest.fixture
def with_format_0(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, zero_to_one)


def assert_upgraded(path: Path) -> None:
    data = orjson.loads(path.read_bytes())
    assert data["meta"] == {
        "1": {
            "schema": 1,
            "settings": orjson.loads((GOLDEN / "schema-0.json").read_bytes())["settings"]["1"],
        }
    }
    assert set(data["applications"]) == {"a1", "a2"}
    assert "settings" not in data


@pytest.mark.usefixtures("with_format_0")
def test_an_older_file_is_upgraded_after_a_copy_is_kept(tmp_path: Path) -> None:
    path = golden(tmp_path, 0)
    original = path.read_bytes()

    with Store.open(path, clock=Clock()) as store:
        assert not store.read_only
        assert_full_board(store)
        assert store.settings == ZERO_SETTINGS

    assert_upgraded(path)
    kept = tmp_path / "backups" / BACKUP_OF_ZERO
    assert kept.read_bytes() == original
    assert list_backups(path) == [], "the copy of the old format is outside the rotation"
    with Store.open(path, clock=Clock()) as store:
        assert_full_board(store)
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_a_format_no_migration_reaches_is_refused_untouched(tmp_path: Path) -> None:
    path = golden(tmp_path, 0)
    before = path.read_bytes()
    with pytest.raises(DataFileCorrupt, match="older than any this jobcockpit can upgrade"):
        Store.open(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def _broken(document: dict[str, Any]) -> dict[str, Any]:
    raise KeyError("applications")


def _stuck(document: dict[str, Any]) -> dict[str, Any]:
    return document


def _bad_record(document: dict[str, Any]) -> dict[str, Any]:
    upgraded = zero_to_one(document)
    upgraded["applications"]["a1"]["applied_on"] = "soon"
    return upgraded


@pytest.mark.parametrize(
    "step,message",
    [
        (_broken, "could not be upgraded from file format 0"),
        (_stuck, "gave format 0, not 1"),
        (_bad_record, "applied_on"),
    ],
    ids=["raises", "wrong-format", "bad-record"],
)
def test_a_failed_upgrade_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: Any, message: str
) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, step)
    path = golden(tmp_path, 0)
    before = path.read_bytes()
    with pytest.raises(DataFileCorrupt, match=message) as raised:
        Store.open(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


UPGRADE_FAULTS = {"injected": 0, "refused": 0}


@pytest.fixture(scope="module", autouse=True)
def count_the_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report(
        request.config,
        f"upgrade faults: {UPGRADE_FAULTS['injected']} injected, {UPGRADE_FAULTS['refused']} "
        f"left the old version in place (the next open upgraded it)",
    )


@pytest.mark.usefixtures("with_format_0")
@pytest.mark.parametrize("operation", FAULTY_OPERATIONS)
def test_a_fault_during_the_upgrade_keeps_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, operation: str
) -> None:
    faults = Faults(monkeypatch)
    nth = 0
    refused = 0
    while True:
        nth += 1
        folder = tmp_path / str(nth)
        folder.mkdir()
        path = golden(folder, 0)
        original = path.read_bytes()
        try:
            with faults.failing(operation, errno.ENOSPC, nth):
                store = Store.open(path, clock=Clock())
        except StoreError as error:
            # Reading the file itself failed: nothing else was tried.
            assert str(path) in str(error)
            assert path.read_bytes() == original
            refused += 1
            continue
        with store:
            assert_full_board(store)
            if store.read_only:
                assert store.read_only_reason is not None
                assert "could not upgrade it from file format 0 to 1" in store.read_only_reason
                assert "disk full" in store.read_only_reason
                assert path.read_bytes() == original
                assert temp_files(folder) == []
                refused += 1
        if not faults.hit:
            break
        if store.read_only:
            with Store.open(path, clock=Clock()) as again:
                assert not again.read_only
        assert_upgraded(path)
    assert refused > 0
    UPGRADE_FAULTS["injected"] += nth - 1
    UPGRADE_FAULTS["refused"] += refused


KILLER = """
import os, signal, sys
sys.path.insert(0, sys.argv[3])
from pathlib import Path
from helpers_store import Clock, zero_to_one
from jobcockpit.store import Store, migrations

migrations.MIGRATIONS[0] = zero_to_one
operation, nth = sys.argv[2].split(":")
real = getattr(os, operation)
calls = 0


def die_at_the_nth(*args, **kwargs):
    global calls
    calls += 1
    if calls == int(nth):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)


setattr(os, operation, die_at_the_nth)
Store.open(Path(sys.argv[1]), clock=Clock())
print("not killed", flush=True)
"""


@pytest.mark.usefixtures("with_format_0")
@pytest.mark.parametrize(
    "where", ["replace:1", "replace:2", "fsync:1", "fsync:2", "fsync:3", "write:1", "write:5"]
)
def test_a_upgrade_killed_half_way_leaves_the_old_version(tmp_path: Path, where: str) -> None:
    path = golden(tmp_path, 0)
    original = path.read_bytes()
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(path), where, str(TESTS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert killed.returncode == -9, killed.stderr
    # replace:1 is the copy of the old file; the data file is replaced second.
    assert path.read_bytes() == original

    with Store.open(path, clock=Clock()) as store:
        assert not store.read_only
        assert_full_board(store)
    assert_upgraded(path)
    assert temp_files(tmp_path) == []
    assert (tmp_path / "backups" / BACKUP_OF_ZERO).read_bytes() == original


@pytest.mark.usefixtures("with_format_0")
def test_an_older_file_held_by_another_copy_is_upgraded_in_memory_only(tmp_path: Path) -> None:
    path = golden(tmp_path, 0)
    before = path.read_bytes()
    held = DataFileLock.take(real_file(path))
    assert held is not None
    try:
        with Store.open(path) as store:
            assert store.read_only_reason == LOCKED_ELSEWHERE
            assert_full_board(store)
    finally:
        held.release()
    assert path.read_bytes() == before


@pytest.mark.usefixtures("with_format_0")
def test_a_backup_in_an_older_format_can_be_restored_and_is_upgraded_on_open(
    tmp_path: Path,
) -> None:
    path = golden(tmp_path, 1)
    old = tmp_path / "old.json"
    shutil.copyfile(GOLDEN / "schema-0.json", old)
    restore_backup(path, old, clock=Clock())
    assert path.read_bytes() == old.read_bytes()
    with Store.open(path, clock=Clock()) as store:
        assert store.settings == ZERO_SETTINGS
    assert_upgraded(path)


@pytest.mark.usefixtures("with_format_0")
def test_an_older_file_saved_by_another_program_is_upgraded_before_our_change(
    tmp_path: Path,
) -> None:
    path = golden(tmp_path, 1)
    with Store.open(path, clock=Clock()) as store:
        shutil.copyfile(GOLDEN / "schema-0.json", path)
        app = store.board.applications["a2"]
        store.commit(
            Changeset(put_applications=(app.__class__.from_dict({**app.to_dict(), "notes": "x"}),))
        )
        assert store.settings == ZERO_SETTINGS
    data = orjson.loads(path.read_bytes())
    assert data["meta"]["1"]["schema"] == 1
    assert data["applications"]["a2"]["notes"] == "x"
    assert set(data["applications"]) == {"a1", "a2"}
    assert any(p.name.startswith("jobs.json.format-0.") for p in (tmp_path / "backups").iterdir())
