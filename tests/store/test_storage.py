"""The TinyDB storage on its own: atomic saves, the parse cache, batches,
leftovers, and files it must refuse to touch."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from helpers_store import temp_files
from tinydb import TinyDB
from tinydb.table import Document

from jobcockpit.store import AtomicJSONStorage, DataFileCorrupt, DataFileMissing, files
from jobcockpit.store import storage as storage_module
from jobcockpit.store.errors import FileChangedMeanwhile


def database(path: Path, **options: Any) -> tuple[TinyDB, AtomicJSONStorage]:
    storage = AtomicJSONStorage(path, **options)
    return TinyDB(storage=lambda: storage), storage


def on_disk(path: Path) -> Any:
    return orjson.loads(path.read_bytes())


def test_tinydb_writes_reach_the_disk_as_json(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    db, _ = database(path)
    db.table("people").insert({"name": "Dana", "city": "Zürich"})
    db.table("people").insert({"name": "Sam"})
    db.table("places").insert({"name": "Acme"})

    assert on_disk(path) == {
        "people": {"1": {"name": "Dana", "city": "Zürich"}, "2": {"name": "Sam"}},
        "places": {"1": {"name": "Acme"}},
    }
    assert "Zürich".encode() in path.read_bytes()
    fresh, _ = database(path)
    assert fresh.table("people").get(doc_id=1) == {"name": "Dana", "city": "Zürich"}


def test_a_save_goes_through_a_temporary_file_in_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def replace(source: Any, target: Any) -> None:
        renames.append((os.fspath(source), os.fspath(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    db, _ = database(path)
    db.table("people").insert({"name": "Dana"})

    [(source, target)] = renames
    assert Path(target) == path
    assert Path(source).parent == tmp_path
    assert Path(source).name.startswith(".jobs.json.tmp-")
    assert temp_files(tmp_path) == []


def test_unchanged_file_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})
    parses: list[bytes] = []
    real_parse = files.parse_document

    def counting(blob: bytes) -> Any:
        parses.append(blob)
        return real_parse(blob)

    monkeypatch.setattr(storage_module, "parse_document", counting)

    for _ in range(5):
        assert db.table("people").get(doc_id=1) == {"name": "Dana"}
    assert storage.read() is storage.read()
    assert parses == []


def test_a_file_changed_by_another_program_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})

    other, _ = database(path)
    other.table("people").insert({"name": "Sam"})

    assert storage.changed_on_disk()
    assert [doc["name"] for doc in db.table("people").all()] == ["Dana", "Sam"]
    assert not storage.changed_on_disk()


def test_tables_a_save_did_not_change_are_written_unchanged(tmp_path: Path) -> None:
    # The storage re-uses the bytes of tables it saved before; stock TinyDB
    # operations (update changes documents in place) must still all land.
    path = tmp_path / "jobs.json"
    db, _ = database(path)
    people, places = db.table("people"), db.table("places")
    people.insert_multiple([{"name": "Dana", "n": 1}, {"name": "Sam", "n": 2}])
    places.insert({"name": "Acme"})
    people.update({"n": 10}, doc_ids=[1])
    places.update({"name": "Acme Tools"}, doc_ids=[1])
    people.remove(doc_ids=[2])
    db.table("empty").insert({"x": 1})
    db.drop_table("empty")

    assert on_disk(path) == {
        "people": {"1": {"name": "Dana", "n": 10}},
        "places": {"1": {"name": "Acme Tools"}},
    }


def test_a_batch_saves_once_at_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})
    before = path.read_bytes()
    saves: list[Path] = []
    real_write = files.write_replace

    def counting(target: Path, blob: Any, **options: Any) -> Any:
        saves.append(target)
        return real_write(target, blob, **options)

    monkeypatch.setattr(storage_module, "write_replace", counting)

    with storage.batch():
        db.table("people").insert({"name": "Sam"})
        db.table("places").insert({"name": "Acme"})
        assert path.read_bytes() == before
        assert len(db.table("people")) == 2

    assert saves == [path]
    assert on_disk(path) == {
        "people": {"1": {"name": "Dana"}, "2": {"name": "Sam"}},
        "places": {"1": {"name": "Acme"}},
    }


def test_a_failed_batch_keeps_the_previous_state_in_memory_and_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})
    before = path.read_bytes()

    with pytest.raises(KeyError), storage.batch():
        db.table("people").update({"name": "Changed in place"}, doc_ids=[1])
        db.table("people").insert({"name": "Sam"})
        raise KeyError("something went wrong")

    assert path.read_bytes() == before
    assert db.table("people").all() == [Document({"name": "Dana"}, 1)]


def test_batches_do_not_nest(tmp_path: Path) -> None:
    _, storage = database(tmp_path / "jobs.json")
    with pytest.raises(RuntimeError), storage.batch(), storage.batch():
        pass


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_a_failed_save_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "jobs.json"
    db, _ = database(path)
    db.table("people").insert({"name": "Dana"})
    before = path.read_bytes()

    def disk_full(*args: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, failing, disk_full)
        with pytest.raises(OSError, match="space"):
            db.table("people").insert({"name": "Sam"})

    assert path.read_bytes() == before
    assert temp_files(tmp_path) == []
    assert [doc["name"] for doc in db.table("people").all()] == ["Dana"]
    db.table("people").insert({"name": "Sam"})
    assert sorted(doc["name"] for doc in on_disk(path)["people"].values()) == ["Dana", "Sam"]


def test_a_file_that_does_not_parse_is_refused_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    path.write_bytes(b'{"people": {"1": {"name": "Da')
    db, _ = database(path)

    with pytest.raises(DataFileCorrupt, match=r"jobs\.json"):
        db.table("people").insert({"name": "Sam"})
    assert path.read_bytes() == b'{"people": {"1": {"name": "Da'


def test_a_file_gone_bad_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})
    storage.read()
    garbage = b"\x00" * 64
    path.write_bytes(garbage)

    with pytest.raises(DataFileCorrupt, match="NUL"):
        storage.write({"people": {}})
    assert path.read_bytes() == garbage


def test_a_file_that_vanished_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})
    path.unlink()

    with pytest.raises(DataFileMissing):
        db.table("people").insert({"name": "Sam"})
    with pytest.raises(DataFileMissing):
        storage.write({"people": {}})
    assert not path.exists()


def test_a_file_expected_to_exist_is_never_taken_for_an_empty_one(tmp_path: Path) -> None:
    _, storage = database(tmp_path / "jobs.json", expect_file=True)
    with pytest.raises(DataFileMissing, match=r"jobs\.json"):
        storage.read()


def test_leftover_temporary_files_of_our_own_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})
    dead = tmp_path / ".jobs.json.tmp-0123456789ab"
    dead.write_bytes(b'{"half": ')
    (tmp_path / "backups").mkdir()
    dead_backup = tmp_path / "backups" / ".jobs.json.20261117T150000.000000Z.json.tmp-00112233aabb"
    dead_backup.write_bytes(b"")
    live = tmp_path / ".jobs.json.tmp-ffffffffffff"
    live.write_bytes(b"")
    others = [
        tmp_path / ".jobs.json.tmp-notours",
        tmp_path / ".other.json.tmp-0123456789ab",
        tmp_path / "jobs.json.tmp-0123456789ab",
    ]
    for other in others:
        other.write_bytes(b"")

    with live.open("rb") as writer:
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)
        removed = storage.remove_leftovers()

    assert sorted(removed) == sorted([dead, dead_backup])
    assert not dead.exists()
    assert not dead_backup.exists()
    assert live.exists()
    assert all(other.exists() for other in others)
    assert on_disk(path) == {"people": {"1": {"name": "Dana"}}}


def test_permissions_are_private_for_a_new_file_and_kept_for_an_old_one(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    db, _ = database(path)
    db.table("people").insert({"name": "Dana"})
    assert path.stat().st_mode & 0o777 == 0o600

    path.chmod(0o640)
    db.table("people").insert({"name": "Sam"})
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_symlinked_data_file_is_saved_behind_the_link(tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "jobs.json"
    link = tmp_path / "jobs.json"
    link.symlink_to(real)
    db, _ = database(link)
    db.table("people").insert({"name": "Dana"})

    assert link.is_symlink()
    assert on_disk(real) == {"people": {"1": {"name": "Dana"}}}


def test_a_guarded_batch_refuses_a_file_saved_by_another_program_since_it_was_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})
    theirs = b'{"people": {"1": {"name": "Dana"}, "2": {"name": "Theirs"}}}'
    path.write_bytes(theirs)

    with pytest.raises(FileChangedMeanwhile), storage.batch(guard=True):
        db.table("people").insert({"name": "Ours"})
    assert path.read_bytes() == theirs
    assert temp_files(tmp_path) == []


def test_a_guarded_batch_calls_off_its_rename_when_the_file_changes_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    db, storage = database(path)
    db.table("people").insert({"name": "Dana"})
    theirs = b'{"people": {"1": {"name": "Saved while we wrote"}}}'
    real_fsync = os.fsync

    def fsync_then_another_save(fd: int) -> None:
        real_fsync(fd)
        path.write_bytes(theirs)

    with pytest.raises(FileChangedMeanwhile), storage.batch(guard=True):
        db.table("people").insert({"name": "Ours"})
        monkeypatch.setattr(os, "fsync", fsync_then_another_save)
    assert path.read_bytes() == theirs
    assert temp_files(tmp_path) == []


def test_a_folder_that_refuses_the_flush_after_the_rename_does_not_undo_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    db, _ = database(path)
    db.table("people").insert({"name": "Dana"})

    def folder_refuses(folder: Path) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(files, "fsync_folder", folder_refuses)
    db.table("people").insert({"name": "Sam"})
    assert sorted(doc["name"] for doc in on_disk(path)["people"].values()) == ["Dana", "Sam"]
    assert sorted(doc["name"] for doc in db.table("people").all()) == ["Dana", "Sam"]
