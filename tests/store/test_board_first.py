"""Opening in two steps: the applications first, so the board can be painted,
then the contacts, the log and the links, with the same errors and the same
board as opening in one step."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest
from helpers_store import Clock, file_document, full_board, zero_to_one
from msgspec import structs

from jobcockpit.core.board import Changeset
from jobcockpit.core.settings import Settings
from jobcockpit.store import (
    SCHEMA_VERSION,
    DataFileCorrupt,
    DataFileTooNew,
    StillOpening,
    Store,
    StoreError,
    migrations,
)
from jobcockpit.store import files as store_files


def document() -> dict[str, Any]:
    return file_document({"max_voicemails": 3})


def write(path: Path, data: Any) -> bytes:
    blob = orjson.dumps(data)
    path.write_bytes(blob)
    return blob


def test_the_first_step_holds_the_applications_and_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    write(path, document())

    with Store.open(path, board_first=True) as store:
        assert not store.complete
        assert store.board.applications == full_board().applications
        assert store.board.contacts == {}
        assert store.board.log == {}
        assert store.settings == Settings.from_dict({"max_voicemails": 3})


def test_the_finished_board_equals_the_one_step_board(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    write(path, document())
    with Store.open(path) as whole:
        expected = whole.board

    with Store.open(path, board_first=True) as store:
        board = store.finish_opening()

        assert store.complete
        assert store.board is board
        assert board.applications == expected.applications
        assert board.contacts == expected.contacts
        assert board.log == expected.log
        assert board.log_of("a1") == expected.log_of("a1")
        assert store.finish_opening() is board


def test_the_second_step_does_not_read_the_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    write(path, document())
    store = Store.open(path, board_first=True)
    reads: list[Path] = []
    real = store_files.read_regular

    def counting(target: Path, limit: int | None = None) -> Any:
        reads.append(target)
        return real(target, limit)

    monkeypatch.setattr(store_files, "read_regular", counting)
    monkeypatch.setattr("jobcockpit.store.storage.read_regular", counting)
    with store:
        store.finish_opening()
        assert reads == []
        assert len(store.board.contacts) == len(full_board().contacts)


def test_the_rest_can_be_read_on_another_thread(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    write(path, document())
    with Store.open(path, board_first=True) as store:
        applications = store.board.applications
        finished: list[Any] = []
        worker = threading.Thread(target=lambda: finished.append(store.finish_opening()))
        worker.start()
        worker.join()

        assert finished == [store.board]
        assert store.complete
        assert store.board.applications == applications
        assert store.board.contacts == full_board().contacts


BAD_LATER = {
    "bad-zone": (("contacts", "c1", "timezone"), "Mars/Base", "contact c1", "timezone"),
    "no-offset": (("log", "l1", "at"), "2026-11-20T16:00:00", "log entry l1", "at"),
    "bad-link": (("log", "l1", "application"), "a404", "log entry l1", "application"),
    "dangling": (("applications", "a1", "contacts"), ["c404"], "application a1", "contacts"),
}


@pytest.mark.parametrize("where,value,record,field", BAD_LATER.values(), ids=BAD_LATER.keys())
def test_a_bad_record_found_later_gives_the_one_step_message(
    tmp_path: Path, where: tuple[str, str, str], value: Any, record: str, field: str
) -> None:
    path = tmp_path / "jobs.json"
    data = document()
    table, key, name = where
    data[table][key][name] = value
    before = write(path, data)
    with pytest.raises(DataFileCorrupt) as one_step:
        Store.open(path)

    store = Store.open(path, board_first=True)
    with pytest.raises(DataFileCorrupt) as later:
        store.finish_opening()

    assert str(later.value) == str(one_step.value)
    assert (later.value.record, later.value.field) == (one_step.value.record, one_step.value.field)
    assert record in str(later.value) and field in str(later.value)
    assert not store.complete
    with pytest.raises(DataFileCorrupt):
        store.finish_opening()
    change = Changeset(put_applications=(structs.replace(store.board.applications["a1"]),))
    with pytest.raises(DataFileCorrupt):
        store.commit(change)
    store.close()
    assert path.read_bytes() == before


def test_a_bad_application_is_found_by_the_first_step(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    data = document()
    data["applications"]["a1"]["applied_on"] = "soon"
    write(path, data)
    with pytest.raises(DataFileCorrupt) as one_step:
        Store.open(path)

    with pytest.raises(DataFileCorrupt) as first:
        Store.open(path, board_first=True)

    assert str(first.value) == str(one_step.value)
    # The lock was let go: the file opens again as its writer.
    data["applications"]["a1"]["applied_on"] = "2026-11-02"
    write(path, data)
    with Store.open(path, board_first=True) as store:
        store.finish_opening()
        assert not store.read_only


def test_a_newer_file_whose_contacts_do_not_read_is_too_new(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    data = document()
    data["meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    data["contacts"]["c1"]["name"] = {"given": "Dana"}
    write(path, data)
    with pytest.raises(DataFileTooNew) as one_step:
        Store.open(path)

    with Store.open(path, board_first=True) as store, pytest.raises(DataFileTooNew) as later:
        store.finish_opening()

    assert str(later.value) == str(one_step.value)


def test_nothing_is_saved_before_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    before = write(path, document())
    with Store.open(path, board_first=True, clock=Clock()) as store:
        change = Changeset(
            put_applications=(structs.replace(store.board.applications["a1"], notes="early"),)
        )
        with pytest.raises(StillOpening) as refused:
            store.commit(change)
        with pytest.raises(StillOpening):
            store.save_settings(Settings())

        assert isinstance(refused.value, StoreError)
        assert str(path) in str(refused.value)
        assert "still being opened" in str(refused.value)
        assert "nothing was saved" in str(refused.value)
        assert path.read_bytes() == before

        store.finish_opening()
        store.commit(change)

    with Store.open(path) as again:
        assert again.board.applications["a1"].notes == "early"
        assert again.board.contacts == full_board().contacts
        assert again.board.log == full_board().log


def test_without_board_first_the_store_is_complete_at_once(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    write(path, document())
    with Store.open(path) as store:
        assert store.complete
        assert store.finish_opening() is store.board
        assert store.board.contacts == full_board().contacts


def test_an_older_file_is_read_and_upgraded_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, zero_to_one)
    path = tmp_path / "jobs.json"
    shutil.copyfile(Path(__file__).parent / "golden" / "schema-0.json", path)

    with Store.open(path, board_first=True, clock=Clock()) as store:
        assert store.complete
        assert store.board.contacts == full_board().contacts
        assert store.board.log == full_board().log

    assert orjson.loads(path.read_bytes())["meta"]["1"]["schema"] == SCHEMA_VERSION


def test_reload_while_opening_reads_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    write(path, document())
    with Store.open(path, board_first=True) as store:
        store.reload()
        assert store.complete
        assert store.board.contacts == full_board().contacts
        assert store.finish_opening() is store.board
