"""Two copies of jobcockpit, and other programs writing the same file.

A second jobcockpit on a file opens it read-only and says so, until the first
lets go (on close, or by dying). A file another program saved after it was
read (another machine through a sync tool, a command run with `lock=False`)
is never overwritten blindly: the change is put on top of what it saved,
record by record, or refused with the record named when it no longer fits.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from helpers_store import Clock, application, contact, entry, full_board, temp_files
from msgspec import structs

from jobcockpit.core.board import Changeset
from jobcockpit.core.records import Stage
from jobcockpit.core.settings import Settings
from jobcockpit.store import (
    LOCKED_ELSEWHERE,
    ConflictError,
    ReadOnlyError,
    SaveError,
    Store,
)
from jobcockpit.tui.session import Session


def filled(path: Path) -> None:
    board = full_board()
    with Store.open(path, create=True, clock=Clock()) as store:
        store.commit(
            Changeset(
                put_applications=tuple(board.applications.values()),
                put_contacts=tuple(board.contacts.values()),
                add_log=tuple(board.log.values()),
            )
        )


def on_disk(path: Path) -> Any:
    return orjson.loads(path.read_bytes())


# -- a second jobcockpit -------------------------------------------------------

HOLDER = """
import sys
from pathlib import Path
from jobcockpit.store import Store

store = Store.open(Path(sys.argv[1]))
print("writable" if not store.read_only else "read-only", flush=True)
for line in sys.stdin:
    if line.strip() == "close":
        store.close()
        print("closed", flush=True)
"""


class Holder:
    """Another jobcockpit, in its own process, holding the file open."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None and self.process.stdin is not None
        self.stdin = self.process.stdin
        self.stdout = self.process.stdout
        assert self.stdout.readline().strip() == "writable"

    def close_store(self) -> None:
        self.stdin.write("close\n")
        self.stdin.flush()
        assert self.stdout.readline().strip() == "closed"


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[Holder]:
    path = tmp_path / "jobs.json"
    filled(path)
    held = Holder(path)
    try:
        yield held
    finally:
        held.process.kill()
        held.process.wait()


def test_a_second_copy_opens_read_only_and_says_so(tmp_path: Path, holder: Holder) -> None:
    path = tmp_path / "jobs.json"
    before = path.read_bytes()
    leftover = tmp_path / ".jobs.json.tmp-0123456789ab"
    leftover.write_bytes(b"")

    with Store.open(path, clock=Clock()) as store:
        assert store.read_only
        assert (
            store.read_only_reason == LOCKED_ELSEWHERE == "open in another jobcockpit (read-only)"
        )
        assert store.board.applications.keys() == full_board().applications.keys()
        app = store.board.applications["a1"]
        with pytest.raises(ReadOnlyError, match=r"jobs\.json.*open in another jobcockpit"):
            store.commit(Changeset(put_applications=(structs.replace(app, notes="x"),)))
        with pytest.raises(ReadOnlyError):
            store.save_settings(Settings(theme="nord"))
        assert not store.retry_lock()
        assert store.read_only

    assert path.read_bytes() == before
    assert leftover.exists(), "a read-only copy must not tidy up the writer's files"
    assert not (tmp_path / "backups").exists()


def test_the_lock_is_let_go_on_close(tmp_path: Path, holder: Holder) -> None:
    path = tmp_path / "jobs.json"
    with Store.open(path) as store:
        assert store.read_only
        holder.close_store()
        assert store.retry_lock()
        assert not store.read_only
        app = store.board.applications["a1"]
        store.commit(Changeset(put_applications=(structs.replace(app, notes="mine now"),)))
    assert on_disk(path)["applications"]["a1"]["notes"] == "mine now"
    assert not (tmp_path / ".jobs.json.lock").exists()


def test_the_lock_is_let_go_when_its_holder_dies(tmp_path: Path, holder: Holder) -> None:
    path = tmp_path / "jobs.json"
    holder.process.send_signal(signal.SIGKILL)
    holder.process.wait()
    assert (tmp_path / ".jobs.json.lock").exists(), "a killed holder cannot tidy up"

    with Store.open(path) as store:
        assert not store.read_only
    assert not (tmp_path / ".jobs.json.lock").exists()


def test_two_stores_in_one_process_share_the_rule(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path)
    first = Store.open(path)
    second = Store.open(path)
    assert not first.read_only
    assert second.read_only
    assert second.read_only_reason == LOCKED_ELSEWHERE
    first.close()
    assert second.retry_lock()
    with Store.open(path) as third:
        assert third.read_only
    second.close()


def test_a_symlink_and_its_target_are_one_file(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "jobs.json"
    real.parent.mkdir()
    filled(real)
    link = tmp_path / "jobs.json"
    link.symlink_to(real)
    with Store.open(link) as first, Store.open(real) as second:
        assert not first.read_only
        assert second.read_only


def test_a_store_opened_without_the_lock_neither_takes_nor_heeds_it(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    filled(path)
    with Store.open(path) as first, Store.open(path, lock=False) as second:
        assert not first.read_only
        assert not second.read_only


def test_a_file_whose_folder_cannot_be_written_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    filled(path)
    real_open = os.open

    def read_only_folder(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(file).endswith(".lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only_folder)
    with Store.open(path) as store:
        assert store.read_only
        assert store.read_only_reason is not None
        assert "cannot be written" in store.read_only_reason
        assert "read-only" in store.read_only_reason


def test_a_file_system_without_locks_still_opens_for_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    path = tmp_path / "jobs.json"
    filled(path)

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with Store.open(path) as store:
        assert not store.read_only
    assert not (tmp_path / ".jobs.json.lock").exists()


# -- another program saved the file ----------------------------------------------


def write_theirs(path: Path, edit: Any) -> bytes:
    """Save the file as another machine would: a valid document, changed."""
    document = on_disk(path)
    edit(document)
    blob = orjson.dumps(document)
    path.write_bytes(blob)
    return blob


def set_notes(store: Store, app_id: str, text: str) -> Changeset:
    app = store.board.applications[app_id]
    return Changeset(put_applications=(structs.replace(app, notes=text),))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "jobs.json"
    filled(path)
    with Store.open(path, clock=Clock()) as opened:
        yield opened


def test_changed_on_disk_tells_when_to_reload(store: Store) -> None:
    assert store.path is not None
    assert not store.changed_on_disk()
    write_theirs(store.path, lambda d: d["applications"]["a2"].update(notes="theirs"))
    assert store.changed_on_disk()
    board = store.reload()
    assert board.applications["a2"].notes == "theirs"
    assert not store.changed_on_disk()
    store.commit(set_notes(store, "a1", "ours"))
    assert not store.changed_on_disk()
    assert not Store.in_memory().changed_on_disk()


def test_their_new_record_and_our_edit_both_survive(store: Store) -> None:
    assert store.path is not None
    with Store.open(store.path, lock=False) as other:
        other.commit(Changeset(put_contacts=(contact(id="c9", name="From the CLI"),)))
    board = store.commit(set_notes(store, "a1", "from the cockpit"))
    assert "c9" in board.contacts
    data = on_disk(store.path)
    assert data["contacts"]["c9"]["name"] == "From the CLI"
    assert data["applications"]["a1"]["notes"] == "from the cockpit"


def test_a_record_only_they_changed_keeps_their_version(store: Store) -> None:
    assert store.path is not None
    write_theirs(store.path, lambda d: d["applications"]["a2"].update(notes="theirs"))
    store.commit(set_notes(store, "a1", "ours"))
    data = on_disk(store.path)
    assert data["applications"]["a2"]["notes"] == "theirs"
    assert data["applications"]["a1"]["notes"] == "ours"
    assert store.board.applications["a2"].notes == "theirs"


def test_one_record_changed_on_both_sides_keeps_each_sides_fields(store: Store) -> None:
    assert store.path is not None
    write_theirs(
        store.path,
        lambda d: d["applications"]["a2"].update(stage="interviewed", x_their_key=[1]),
    )
    store.commit(set_notes(store, "a2", "ours"))
    merged = on_disk(store.path)["applications"]["a2"]
    assert merged["stage"] == "interviewed"
    assert merged["x_their_key"] == [1]
    assert merged["notes"] == "ours"
    assert store.board.applications["a2"].stage is Stage.INTERVIEWED


def test_the_same_field_changed_on_both_sides_takes_ours(store: Store) -> None:
    assert store.path is not None
    write_theirs(store.path, lambda d: d["applications"]["a1"].update(notes="theirs"))
    store.commit(set_notes(store, "a1", "ours"))
    assert on_disk(store.path)["applications"]["a1"]["notes"] == "ours"


def test_an_edit_of_a_record_they_deleted_is_a_conflict(store: Store) -> None:
    assert store.path is not None
    change = set_notes(store, "a2", "ours")

    def delete_a2(document: dict[str, Any]) -> None:
        del document["applications"]["a2"]

    theirs = write_theirs(store.path, delete_a2)
    with pytest.raises(ConflictError) as raised:
        store.commit(change)
    assert "application a2 (Beta Corp)" in str(raised.value)
    assert "deleted" in str(raised.value)
    assert str(store.path) in str(raised.value)
    assert store.path.read_bytes() == theirs
    assert "a2" not in store.board.applications


def test_logging_on_an_application_they_deleted_is_a_conflict(store: Store) -> None:
    assert store.path is not None
    change = Changeset(add_log=(entry(application="a2", contact=None, kind="email"),))

    def delete_a2(document: dict[str, Any]) -> None:
        del document["applications"]["a2"]

    theirs = write_theirs(store.path, delete_a2)
    with pytest.raises(ConflictError, match="a2"):
        store.commit(change)
    assert store.path.read_bytes() == theirs


def test_deleting_what_they_changed_or_logged_on_is_a_conflict(store: Store) -> None:
    assert store.path is not None
    write_theirs(store.path, lambda d: d["applications"]["a2"].update(notes="theirs"))
    theirs = store.path.read_bytes()
    with pytest.raises(ConflictError, match="changed it since"):
        store.commit(Changeset(delete_applications=("a2",)))
    assert store.path.read_bytes() == theirs

    logged = entry(id="l9", application="a2", contact=None, kind="reply")
    write_theirs(store.path, lambda d: d["log"].update(l9=logged.to_dict()))
    with pytest.raises(ConflictError, match="logged on it"):
        store.commit(Changeset(delete_applications=("a2",)))
    assert "l9" in on_disk(store.path)["log"]


def test_deleting_what_they_deleted_too_is_simply_done(store: Store) -> None:
    assert store.path is not None

    def delete_a2(document: dict[str, Any]) -> None:
        del document["applications"]["a2"]

    write_theirs(store.path, delete_a2)
    board = store.commit(
        Changeset(delete_applications=("a2",), put_contacts=(contact(id="c3", name="New"),))
    )
    assert "a2" not in board.applications
    assert "c3" in on_disk(store.path)["contacts"]


def test_a_save_landing_in_the_middle_of_ours_is_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program saves while ours is being written: ours is called off
    before its rename and made again on top of theirs."""
    assert store.path is not None
    path = store.path
    real_fsync = os.fsync
    interruptions = {"left": 1}

    def fsync(fd: int) -> None:
        real_fsync(fd)
        writing = Path(f"/proc/self/fd/{fd}").readlink()
        if interruptions["left"] and writing.name.startswith(".jobs.json.tmp-"):
            interruptions["left"] -= 1
            new = contact(id="c9", name="Saved meanwhile").to_dict()
            write_theirs(path, lambda d: d["contacts"].update(c9=new))

    monkeypatch.setattr(os, "fsync", fsync)
    store.commit(set_notes(store, "a1", "ours"))
    assert not interruptions["left"]
    data = on_disk(path)
    assert data["applications"]["a1"]["notes"] == "ours"
    assert "c9" in data["contacts"]
    assert "c9" in store.board.contacts
    assert temp_files(path.parent) == []


def test_a_program_that_never_stops_saving_gets_a_clear_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.path is not None
    path = store.path
    real_fsync = os.fsync
    saves = {"count": 0}

    def fsync(fd: int) -> None:
        real_fsync(fd)
        saves["count"] += 1
        write_theirs(path, lambda d: d["applications"]["a2"].update(notes=str(saves["count"])))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(SaveError, match="kept saving"):
        store.commit(set_notes(store, "a1", "ours"))
    monkeypatch.undo()
    assert on_disk(path)["applications"]["a1"]["notes"] != "ours"
    store.commit(set_notes(store, "a1", "ours"))
    assert on_disk(path)["applications"]["a1"]["notes"] == "ours"


def test_a_file_gone_bad_under_us_is_not_saved_over(store: Store) -> None:
    assert store.path is not None
    store.path.write_bytes(b'{"applications": {"a1": ')
    with pytest.raises(SaveError, match="damaged") as raised:
        store.commit(set_notes(store, "a1", "ours"))
    assert "nothing was written" in str(raised.value)
    assert "still holds" not in str(raised.value)
    assert store.path.read_bytes() == b'{"applications": {"a1": '


def test_the_cockpit_shows_the_other_version_after_a_conflict(store: Store) -> None:
    assert store.path is not None
    session = Session(store)
    change = Changeset(
        put_applications=(structs.replace(store.board.applications["a2"], notes="ours"),)
    )

    def delete_a2(document: dict[str, Any]) -> None:
        del document["applications"]["a2"]

    write_theirs(store.path, delete_a2)
    saved = session.change(change)
    assert isinstance(saved.error, ConflictError)
    assert "a2" not in session.board.applications
    assert not session.unsaved
    session.change(Changeset(put_applications=(application(id="a5", contacts=[]),)))
    assert {"a1", "a5"} <= set(on_disk(store.path)["applications"])
