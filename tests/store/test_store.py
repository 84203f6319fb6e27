"""The store as the app uses it: every field survives a save, a refused or
failed save changes nothing, bad and newer files are never written, backups
rotate and can be restored."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from helpers_store import (
    Clock,
    application,
    contact,
    entry,
    file_document,
    full_application,
    full_board,
    full_contact,
    full_log,
    temp_files,
)
from msgspec import structs

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import RecordError
from jobcockpit.core.settings import Settings
from jobcockpit.store import (
    NEWER_FILE,
    SCHEMA_VERSION,
    DataFileCorrupt,
    DataFileMissing,
    DataFileTooNew,
    ReadOnlyError,
    SaveError,
    Store,
    StoreError,
    list_backups,
    newest_good_backup,
    restore_backup,
)
from jobcockpit.store.paths import default_data_file, resolve_data_file


def filled(path: Path, board: Board | None = None, clock: Clock | None = None) -> Store:
    """A store on a new file holding `board` (the full board by default)."""
    board = full_board() if board is None else board
    store = Store.open(path, create=True, clock=clock or Clock())
    store.commit(
        Changeset(
            put_applications=tuple(board.applications.values()),
            put_contacts=tuple(board.contacts.values()),
            add_log=tuple(board.log.values()),
        )
    )
    return store


def on_disk(path: Path) -> Any:
    return orjson.loads(path.read_bytes())


def write_json(path: Path, data: Any) -> bytes:
    blob = orjson.dumps(data)
    path.write_bytes(blob)
    return blob


def good_document() -> dict[str, Any]:
    return file_document()


def note(store: Store, text: str, app_id: str = "a1") -> Changeset:
    app = store.board.applications[app_id]
    return Changeset(put_applications=(structs.replace(app, notes=text),))


# -- the file and its records --------------------------------------------------


def test_every_field_of_every_record_survives_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path).close()

    with Store.open(path) as store:
        board = store.board
        expected = full_board()
        assert board.applications.keys() == expected.applications.keys()
        assert board.contacts.keys() == expected.contacts.keys()
        assert board.log.keys() == expected.log.keys()
        for app_id, app in expected.applications.items():
            assert board.applications[app_id] == app
            assert board.applications[app_id].to_dict() == app.to_dict()
        for contact_id, person in expected.contacts.items():
            assert board.contacts[contact_id] == person
            assert board.contacts[contact_id].to_dict() == person.to_dict()
        for key, logged in expected.log.items():
            assert board.log[key] == logged
            assert board.log[key].to_dict() == logged.to_dict()
    assert board.applications["a1"].extra["salary_band"] == {
        "min": 50000,
        "max": 60000,
        "currency": "USD",
    }
    assert board.contacts["c1"].extra == {
        "pronouns": "she/her",
        "x_future": {"nested": [1, 2.5, None, True, "ü"]},
    }


def test_the_file_holds_four_tables_of_the_records_own_dicts(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path).close()

    data = on_disk(path)
    assert set(data) == {"applications", "contacts", "log", "meta"}
    assert data["applications"]["a1"] == full_application().to_dict()
    assert data["contacts"]["c1"] == full_contact().to_dict()
    assert data["log"] == {e.key: e.to_dict() for e in full_log()}
    assert "l1" in data["log"]
    assert "a1|c1|voicemail|2026-11-18T17:15:00+00:00" in data["log"]
    assert data["meta"] == {"1": {"schema": 1, "settings": Settings().to_dict()}}


def test_settings_round_trip_and_unknown_settings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    document = good_document()
    document["meta"]["1"]["settings"] = {"from_the_future": [1, 2], "theme": "nord"}
    document["meta"]["1"]["written_by"] = "jobcockpit 9"
    write_json(path, document)
    settings = Settings(applied_wait_days=3, user_timezone="Europe/Berlin", keymap={"a": "b"})

    with Store.open(path, clock=Clock()) as store:
        assert store.settings.theme == "nord"
        store.save_settings(settings)
        assert store.settings == settings

    with Store.open(path) as store:
        assert store.settings == settings
    meta = on_disk(path)["meta"]["1"]
    assert meta["settings"]["from_the_future"] == [1, 2]
    assert meta["written_by"] == "jobcockpit 9"


def test_deleting_an_application_deletes_its_log_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as store:
        store.commit(Changeset(delete_applications=("a1",)))

    data = on_disk(path)
    assert set(data["applications"]) == {"a2"}
    assert data["log"] == {}


def test_a_change_and_its_inverse_leave_the_records_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as store:
        before = on_disk(path)
        change = Changeset(
            put_applications=(structs.replace(store.board.applications["a2"], notes="x"),),
            delete_applications=("a1",),
            put_contacts=(contact(id="c3", name="New Person"),),
            delete_log=(),
        )
        board = store.board
        store.commit(change)
        store.commit(board.inverse(change))

    assert on_disk(path) == before


def test_commit_returns_and_keeps_the_new_board(tmp_path: Path) -> None:
    with filled(tmp_path / "jobs.json") as store:
        board = store.commit(note(store, "called back"))
        assert store.board is board
        assert board.applications["a1"].notes == "called back"


def test_a_change_already_applied_to_the_stored_board_is_taken_as_applied(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as store:
        change = note(store, "called back")
        base = store.board
        result = base.apply(change)
        assert store.commit(change, applied=(base, result)) is result
        assert store.board is result
        # Applied to a board the store no longer has: the store applies it itself.
        again = note(store, "called twice")
        stale = (base, base.apply(again))
        saved = store.commit(again, applied=stale)
        assert saved is not stale[1]
        assert saved.applications["a1"].notes == "called twice"
    with Store.open(path) as reopened:
        assert reopened.board.applications["a1"].notes == "called twice"


def test_an_empty_change_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as store:
        before = path.stat()
        board = store.commit(Changeset(description="nothing"))
        assert board is store.board
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert path.stat().st_ino == before.st_ino


# -- changes the board refuses ---------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        Changeset(add_log=(entry(application="nowhere"),)),
        Changeset(add_log=(entry(contact="nobody"),)),
        Changeset(put_applications=(application(id="a3", contacts=["nobody"]),)),
        Changeset(delete_contacts=("c1",)),
        Changeset(delete_applications=("nowhere",)),
        Changeset(delete_log=("no such key",)),
    ],
    ids=[
        "log-to-missing-application",
        "log-to-missing-contact",
        "missing-contact",
        "contact-still-used",
        "delete-missing",
        "delete-missing-log",
    ],
)
def test_a_refused_change_leaves_file_and_board_untouched(
    tmp_path: Path, change: Changeset
) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as store:
        before = path.read_bytes()
        board = store.board

        with pytest.raises(RecordError):
            store.commit(change)

        assert path.read_bytes() == before
        assert store.board is board
        store.commit(note(store, "still works"))
    assert on_disk(path)["applications"]["a1"]["notes"] == "still works"


def test_a_refused_change_is_not_even_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path).close()
    with Store.open(path, clock=Clock()) as store, pytest.raises(RecordError):
        store.commit(Changeset(add_log=(entry(application="nowhere"),)))
    assert list_backups(path) == []


# -- saves the disk refuses ------------------------------------------------------


def _disk_full(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("failing", ["fsync", "replace", "open", "write"])
def test_a_failed_save_keeps_the_old_file_and_board_and_can_be_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as store:
        store.commit(note(store, "saved"))
        before = path.read_bytes()
        board = store.board
        change = note(store, "the change")

        with monkeypatch.context() as patch:
            patch.setattr(os, failing, _disk_full)
            with pytest.raises(SaveError) as raised:
                store.commit(change)

        assert "jobs.json" in str(raised.value)
        assert "No space left" in str(raised.value)
        assert "\n" not in str(raised.value)
        assert isinstance(raised.value.cause, OSError)
        assert path.read_bytes() == before
        assert store.board is board
        assert temp_files(tmp_path) == []

        store.commit(change)
        assert store.board.applications["a1"].notes == "the change"
    with Store.open(path) as store:
        assert store.board.applications["a1"].notes == "the change"


def test_a_failed_backup_stops_the_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "jobs.json"
    filled(path).close()
    before = path.read_bytes()
    with Store.open(path, clock=Clock()) as store:
        change = note(store, "the change")
        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", _disk_full)
            with pytest.raises(SaveError, match="back it up"):
                store.commit(change)
        assert path.read_bytes() == before
        store.commit(change)
    assert len(list_backups(path)) == 1


def test_failed_settings_save_keeps_the_old_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as store:
        before = path.read_bytes()
        with monkeypatch.context() as patch:
            patch.setattr(os, "replace", _disk_full)
            with pytest.raises(SaveError):
                store.save_settings(Settings(theme="nord"))
        assert store.settings == Settings()
        assert path.read_bytes() == before


def test_a_data_file_that_vanished_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as store:
        path.unlink()
        with pytest.raises(SaveError, match="does not exist"):
            store.commit(note(store, "lost?"))
        assert not path.exists()


def test_changes_saved_by_another_program_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    with filled(path) as first, Store.open(path, lock=False) as second:
        second.commit(Changeset(put_contacts=(contact(id="c9", name="From the CLI"),)))
        board = first.commit(note(first, "from the cockpit"))

        assert "c9" in board.contacts
    with Store.open(path) as store:
        assert "c9" in store.board.contacts
        assert store.board.applications["a1"].notes == "from the cockpit"


# -- files the store must not write ----------------------------------------------


def test_a_missing_file_is_an_error_unless_asked_to_create_it(tmp_path: Path) -> None:
    path = tmp_path / "mnt" / "synced" / "jobs.json"
    with pytest.raises(DataFileMissing) as raised:
        Store.open(path)
    assert str(path) in str(raised.value)
    assert not path.parent.exists()

    with Store.open(path, create=True) as store:
        assert len(store.board) == 0
        assert store.settings == Settings()
    assert path.stat().st_mode & 0o777 == 0o600
    with Store.open(path) as store:
        assert len(store.board) == 0


def test_a_newer_file_opens_read_only_and_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    document = good_document()
    document["meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    document["applications"]["a1"]["from_the_future"] = True
    before = write_json(path, document)
    leftover = tmp_path / ".jobs.json.tmp-0123456789ab"
    leftover.write_bytes(b"")

    with Store.open(path, clock=Clock()) as store:
        assert store.read_only
        assert store.read_only_reason == NEWER_FILE
        assert store.board.applications["a1"].company == "Acme Tools"
        with pytest.raises(ReadOnlyError) as raised:
            store.commit(note(store, "try"))
        assert "jobs.json" in str(raised.value)
        assert NEWER_FILE in str(raised.value)
        with pytest.raises(ReadOnlyError):
            store.save_settings(Settings(theme="nord"))

    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()
    assert leftover.exists()


def test_a_newer_file_this_version_cannot_read_is_too_new(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    document = good_document()
    document["meta"]["1"]["schema"] = 7
    document["applications"]["a1"]["stage"] = "shortlisted"
    before = write_json(path, document)

    with pytest.raises(DataFileTooNew) as raised:
        Store.open(path)
    assert raised.value.version == 7
    assert "jobs.json" in str(raised.value)
    assert "newer jobcockpit" in str(raised.value)
    assert path.read_bytes() == before


def _truncated() -> bytes:
    return orjson.dumps(good_document())[:-40]


CORRUPT_FILES: dict[str, bytes] = {
    "truncated": _truncated(),
    "garbage": b"\x8f\xfe garbage that is not JSON at all",
    "nul-bytes": b"\x00" * 4096,
    "empty": b"",
    "a-list": b'[{"id": "a1"}]',
    "table-as-list": b'{"applications": [{"id": "a1"}], "meta": {}}',
    "document-as-text": b'{"applications": {"a1": "Acme"}}',
    "interchange-document": orjson.dumps(
        {"format": "jobcockpit/1", "applications": [], "contacts": [], "log": []}
    ),
    "bad-schema": orjson.dumps({"meta": {"1": {"schema": "one"}}}),
    "two-meta-documents": orjson.dumps({"meta": {"1": {"schema": 1}, "2": {"schema": 1}}}),
}


@pytest.mark.parametrize("blob", CORRUPT_FILES.values(), ids=CORRUPT_FILES.keys())
def test_a_file_that_does_not_parse_is_named_and_never_modified(
    tmp_path: Path, blob: bytes
) -> None:
    path = tmp_path / "jobs.json"
    path.write_bytes(blob)
    leftover = tmp_path / ".jobs.json.tmp-0123456789ab"
    leftover.write_bytes(b"{")

    with pytest.raises(DataFileCorrupt) as raised:
        Store.open(path)

    message = str(raised.value)
    assert str(path) in message
    assert "no good backup" in message
    assert "\n" not in message
    assert raised.value.newest_backup is None
    assert path.read_bytes() == blob
    assert leftover.exists()


BAD_RECORDS = {
    "bad-date": (("applications", "a1", "applied_on"), "soon", "application a1", "applied_on"),
    "no-offset": (("log", "l1", "at"), "2026-11-20T16:00:00", "log entry l1", "at"),
    "bad-zone": (("contacts", "c1", "timezone"), "Mars/Base", "contact c1", "timezone"),
    "bad-link": (("log", "l1", "application"), "a404", "log entry l1", "application"),
    "bad-contact": (("applications", "a1", "contacts"), ["c404"], "application a1", "contacts"),
    "wrong-key": (("applications", "a1", "id"), "a7", "application a7", "id"),
    "bad-setting": (("meta", "1", "settings"), {"max_voicemails": "lots"}, "settings", "max_"),
}


@pytest.mark.parametrize("where,value,record,field", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_a_bad_record_is_named_with_its_field_and_the_file_is_untouched(
    tmp_path: Path, where: tuple[str, str, str], value: Any, record: str, field: str
) -> None:
    path = tmp_path / "jobs.json"
    document = good_document()
    table, key, name = where
    document[table][key][name] = value
    before = write_json(path, document)

    with pytest.raises(DataFileCorrupt) as raised:
        Store.open(path)

    assert record in str(raised.value)
    assert field in str(raised.value)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before


def test_a_corrupt_file_names_the_newest_backup_that_parses(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    clock = Clock()
    filled(path, clock=clock).close()
    for text in ("one", "two", "three"):
        clock.advance(days=1)
        with Store.open(path, clock=clock) as store:
            store.commit(note(store, text))
    newest, good = list_backups(path)[:2]
    newest.write_bytes(b'{"applications": {"a1": ')
    path.write_bytes(b"\x00" * 100)
    backups_before = {p: p.read_bytes() for p in list_backups(path)}

    with pytest.raises(DataFileCorrupt) as raised:
        Store.open(path)

    assert raised.value.newest_backup == good
    assert str(good) in str(raised.value)
    assert newest_good_backup(path) == good
    assert path.read_bytes() == b"\x00" * 100
    assert {p: p.read_bytes() for p in list_backups(path)} == backups_before


def test_error_messages_are_one_line_and_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    errors: list[StoreError] = [
        DataFileMissing(path),
        DataFileCorrupt(path, tmp_path / "backups" / "b.json", "line one\nline two"),
        DataFileTooNew(path, 3),
        ReadOnlyError(path, NEWER_FILE),
        SaveError(path, OSError(errno.EIO, "Input/output error")),
    ]
    for error in errors:
        assert "\n" not in str(error)
        assert str(path) in str(error)
    assert "b.json" in str(errors[1])


# -- backups ---------------------------------------------------------------------


def test_the_first_save_of_a_session_backs_the_file_up(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path).close()
    saved = path.read_bytes()
    clock = Clock()

    with Store.open(path, clock=clock) as store:
        store.commit(note(store, "first"))
        [backup] = list_backups(path)
        assert backup.read_bytes() == saved
        assert backup.parent == tmp_path / "backups"
        assert backup.name == "jobs.json.20261117T150000.000000Z.json"

        clock.advance(minutes=59)
        store.commit(note(store, "second"))
        assert len(list_backups(path)) == 1

        clock.advance(minutes=2)
        before_third = path.read_bytes()
        store.commit(note(store, "third"))
        assert len(list_backups(path)) == 2
        assert list_backups(path)[0].read_bytes() == before_third


def test_a_new_file_is_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path).close()
    assert list_backups(path) == []


def _daily_saves(path: Path, clock: Clock) -> list[bytes]:
    """Nine sessions a day apart, each saving once; the file before each."""
    states: list[bytes] = []
    for day in range(8):
        clock.advance(days=1)
        states.append(path.read_bytes())
        with Store.open(path, clock=clock) as store:
            store.commit(note(store, f"day {day}"))
    unrelated = path.parent / "backups" / "other.json.20200101T000000.000000Z.json"
    unrelated.write_bytes(b"{}")
    clock.advance(days=1)
    states.append(path.read_bytes())
    with Store.open(path, clock=clock) as store:
        store.commit(note(store, "last"))
    assert unrelated.exists()
    return states


def test_backups_rotate_keeping_the_newest_five_when_only_the_last_saves_count(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jobs.json"
    clock = Clock()
    with filled(path, clock=clock) as store:
        store.save_settings(structs.replace(store.settings, backup_hours=0, backup_days=0))

    states = _daily_saves(path, clock)

    kept = list_backups(path)
    assert len(kept) == 5
    assert [p.read_bytes() for p in kept] == states[::-1][:5]


def test_backups_keep_one_a_day_beyond_the_last_saves(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    clock = Clock()
    with filled(path, clock=clock) as store:
        store.save_settings(structs.replace(store.settings, backup_hours=0, backup_days=7))

    states = _daily_saves(path, clock)

    kept = list_backups(path)
    assert len(kept) == 7
    assert [p.read_bytes() for p in kept] == states[::-1][:7]


def test_restoring_a_backup_puts_it_back_and_keeps_the_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    clock = Clock()
    filled(path, clock=clock).close()
    good = path.read_bytes()
    with Store.open(path, clock=clock) as store:
        store.commit(note(store, "later"))
    path.write_bytes(b"\x00" * 10)
    backup = newest_good_backup(path)
    assert backup is not None

    aside = restore_backup(path, backup, clock=Clock())

    assert path.read_bytes() == good
    assert aside is not None
    assert aside.read_bytes() == b"\x00" * 10
    assert aside not in list_backups(path)
    assert temp_files(tmp_path) == []
    with Store.open(path) as store:
        assert store.board.applications["a1"].notes == full_application().notes


def test_a_damaged_backup_is_not_restored(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path).close()
    before = path.read_bytes()
    backup = tmp_path / "bad.json"
    document = good_document()
    document["applications"]["a1"]["applied_on"] = "soon"
    write_json(backup, document)

    with pytest.raises(DataFileCorrupt, match="applied_on"):
        restore_backup(path, backup)
    (tmp_path / "half.json").write_bytes(b'{"log": ')
    with pytest.raises(DataFileCorrupt, match=r"half\.json"):
        restore_backup(path, tmp_path / "half.json")
    assert path.read_bytes() == before


# -- leftovers -------------------------------------------------------------------


def test_leftover_temporary_files_are_removed_at_open(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path).close()
    (tmp_path / ".jobs.json.tmp-0123456789ab").write_bytes(b'{"applications": {')
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / ".jobs.json.20261117T150000.000000Z.json.tmp-0123456789ab").touch()
    mine = tmp_path / "jobs.json.tmp-keep"
    mine.touch()

    Store.open(path).close()

    assert temp_files(tmp_path) == [mine]


# -- in memory -------------------------------------------------------------------


def test_an_in_memory_store_works_like_a_file_without_touching_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = Store.in_memory(full_board(), Settings(theme="nord"))
    assert store.path is None
    assert not store.read_only
    assert store.settings.theme == "nord"

    board = store.commit(note(store, "in memory"))
    assert board.applications["a1"].notes == "in memory"
    with pytest.raises(RecordError):
        store.commit(Changeset(add_log=(entry(application="nowhere"),)))
    assert store.board is board
    store.save_settings(Settings(theme="gruvbox"))
    assert store.settings.theme == "gruvbox"
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_an_empty_in_memory_store(tmp_path: Path) -> None:
    store = Store.in_memory()
    assert len(store.board) == 0
    board = store.commit(Changeset(put_applications=(application(contacts=[]),)))
    assert list(board.applications) == ["a1"]


def test_a_closed_store_refuses_changes(tmp_path: Path) -> None:
    store = filled(tmp_path / "jobs.json")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.commit(note(store, "late"))


# -- where the file is -----------------------------------------------------------


def test_db_option_wins_over_the_environment_which_wins_over_the_default(
    tmp_path: Path,
) -> None:
    environ = {"JOBCOCKPIT_DB": str(tmp_path / "env.json")}
    assert resolve_data_file(str(tmp_path / "opt.json"), environ) == (tmp_path / "opt.json", True)
    assert resolve_data_file(None, environ) == (tmp_path / "env.json", True)
    assert resolve_data_file(None, {}) == (default_data_file(), False)
    assert resolve_data_file(None, {"JOBCOCKPIT_DB": ""}) == (default_data_file(), False)
    assert resolve_data_file("~/jobs.json", {}) == (Path.home() / "jobs.json", True)


def test_the_default_file_is_made_on_first_use_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = default_data_file()
    assert path.name == "jobcockpit.json"
    assert path.parent.name == "jobcockpit"
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "home").exists()

    Store.open(path, create=True).close()
    assert path.is_file()
    assert path.is_relative_to(tmp_path)
