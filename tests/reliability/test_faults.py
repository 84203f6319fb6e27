"""A disk that fails: every `open`, `write`, `fsync` and `replace` of a save
made to fail in turn, with "no space left" and with an I/O error, from the
first call of the save to the last.

After each fault the person is told why and which file, the file holds
exactly what it held, the store still shows the last saved board (and the
cockpit's session still shows the change, waiting), and the next save that
can succeed does. The one fault that cannot keep the old file is the flush
of the folder after the rename: by then the new file is in place, so the save
counts as done (docs/reliability.md says why).
"""

from __future__ import annotations

import dataclasses
import errno
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest
from helpers_store import (
    FAULTY_OPERATIONS,
    Clock,
    Faults,
    full_board,
    report,
    temp_files,
)
from msgspec import structs

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.settings import Settings
from jobcockpit.store import SaveError, Store, list_backups
from jobcockpit.tui.session import Session

ERRNOS = {errno.ENOSPC: "disk full", errno.EIO: "disk error"}


@dataclasses.dataclass
class Count:
    faults: int = 0
    refused: int = 0
    done_anyway: int = 0


COUNT = Count()


@pytest.fixture(scope="module", autouse=True)
def count_the_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report(
        request.config,
        f"fault injection: {COUNT.faults} faults injected; {COUNT.refused} saves refused with "
        f"the file unchanged, each saved on the next try; {COUNT.done_anyway} saves done all "
        f"the same (the fault hit the folder flush after the rename, or the lock file)",
    )


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> Faults:
    return Faults(monkeypatch)


def whole(board: Board) -> Changeset:
    return Changeset(
        put_applications=tuple(board.applications.values()),
        put_contacts=tuple(board.contacts.values()),
        add_log=tuple(board.log.values()),
    )


def note(store: Store, text: str) -> Changeset:
    app = store.board.applications["a1"]
    return Changeset(put_applications=(structs.replace(app, notes=text),))


def notes_on_disk(path: Path) -> str:
    notes: str = orjson.loads(path.read_bytes())["applications"]["a1"]["notes"]
    return notes


Scenario = Callable[[Path], Store]


def first_save_of_a_session(folder: Path) -> Store:
    """The save that first backs the file up: more calls that can fail."""
    path = folder / "jobs.json"
    with Store.open(path, create=True, clock=Clock()) as store:
        store.commit(whole(full_board()))
    return Store.open(path, clock=Clock())


def later_save(folder: Path) -> Store:
    store = first_save_of_a_session(folder)
    store.commit(note(store, "saved before"))
    return store


SCENARIOS: dict[str, Scenario] = {"first-save": first_save_of_a_session, "later-save": later_save}


@pytest.mark.parametrize("code", ERRNOS, ids=[errno.errorcode[c] for c in ERRNOS])
@pytest.mark.parametrize("operation", FAULTY_OPERATIONS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_fault_at_every_call_of_a_save_keeps_the_old_file_and_the_next_save_works(
    tmp_path: Path, faults: Faults, scenario: str, operation: str, code: int
) -> None:
    nth = 0
    while True:
        nth += 1
        folder = tmp_path / str(nth)
        folder.mkdir()
        path = folder / "jobs.json"
        store = SCENARIOS[scenario](folder)
        before = path.read_bytes()
        backups_before = len(list_backups(path))
        board = store.board
        change = note(store, f"change {nth}")

        try:
            with faults.failing(operation, code, nth):
                store.commit(change)
        except SaveError as error:
            assert faults.hit
            message = str(error)
            assert ERRNOS[code] in message
            assert str(path) in message
            assert "\n" not in message
            assert path.read_bytes() == before
            assert store.board is board
            assert temp_files(folder) == []
            assert len(list_backups(path)) in (backups_before, backups_before + 1)
            COUNT.faults += 1
            COUNT.refused += 1
        else:
            if not faults.hit:
                store.close()
                break
            # Only the flush of the folder after the rename is left to fail.
            assert operation in ("open", "fsync")
            assert notes_on_disk(path) == f"change {nth}"
            assert store.board.applications["a1"].notes == f"change {nth}"
            COUNT.faults += 1
            COUNT.done_anyway += 1

        store.commit(change)
        assert notes_on_disk(path) == f"change {nth}"
        store.close()
        with Store.open(path) as reopened:
            assert reopened.board.applications["a1"].notes == f"change {nth}"
            assert reopened.board.applications.keys() == full_board().applications.keys()
    assert nth > 1, "no call was ever made to fail"


@pytest.mark.parametrize("code", ERRNOS, ids=[errno.errorcode[c] for c in ERRNOS])
@pytest.mark.parametrize("operation", FAULTY_OPERATIONS)
def test_a_fault_saving_settings_keeps_the_old_settings(
    tmp_path: Path, faults: Faults, operation: str, code: int
) -> None:
    nth = 0
    while True:
        nth += 1
        folder = tmp_path / str(nth)
        folder.mkdir()
        path = folder / "jobs.json"
        store = first_save_of_a_session(folder)
        before = path.read_bytes()
        try:
            with faults.failing(operation, code, nth):
                store.save_settings(Settings(theme="nord"))
        except SaveError as error:
            assert ERRNOS[code] in str(error)
            assert path.read_bytes() == before
            assert store.settings == Settings()
            COUNT.faults += 1
            COUNT.refused += 1
            store.save_settings(Settings(theme="nord"))
        else:
            if faults.hit:
                COUNT.faults += 1
                COUNT.done_anyway += 1
        assert orjson.loads(path.read_bytes())["meta"]["1"]["settings"]["theme"] == "nord"
        store.close()
        if not faults.hit:
            break


@pytest.mark.parametrize("code", ERRNOS, ids=[errno.errorcode[c] for c in ERRNOS])
@pytest.mark.parametrize("operation", FAULTY_OPERATIONS)
def test_a_fault_creating_a_file_leaves_no_file_behind(
    tmp_path: Path, faults: Faults, operation: str, code: int
) -> None:
    nth = 0
    while True:
        nth += 1
        path = tmp_path / str(nth) / "jobs.json"
        try:
            with faults.failing(operation, code, nth):
                Store.open(path, create=True).close()
        except SaveError as error:
            assert ERRNOS[code] in str(error)
            assert not path.exists()
            assert [p.name for p in path.parent.iterdir()] == []
            COUNT.faults += 1
            COUNT.refused += 1
            continue
        if not faults.hit:
            break
        assert path.exists()
        COUNT.faults += 1
        COUNT.done_anyway += 1
        with Store.open(path) as store:
            assert len(store.board) == 0


def test_the_cockpit_keeps_showing_a_change_the_disk_refused_and_saves_it_later(
    tmp_path: Path, faults: Faults
) -> None:
    store = first_save_of_a_session(tmp_path)
    path = tmp_path / "jobs.json"
    before = path.read_bytes()
    session = Session(store)
    change = note(store, "typed during the outage")

    with faults.failing("write", errno.ENOSPC, 1):
        saved = session.change(change)
    COUNT.faults += 1
    COUNT.refused += 1

    assert not saved.saved
    assert isinstance(saved.error, SaveError)
    assert "disk full" in str(saved.error)
    assert session.board.applications["a1"].notes == "typed during the outage"
    assert list(session.unsaved) == [change]
    assert path.read_bytes() == before

    assert session.flush().saved
    assert not session.unsaved
    assert notes_on_disk(path) == "typed during the outage"
    store.close()
