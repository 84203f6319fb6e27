"""The cockpit when the data file is not its alone: another program saves it
while the cockpit is open, another jobcockpit holds it, a sync tool leaves
conflict copies beside it, the file is damaged, or the terminal hangs up.

The clock is frozen at Tuesday 17 November 2026, 15:05 in Berlin (see
`factories`); each test works on a data file of its own."""

from __future__ import annotations

import io
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import factories
import orjson
import pytest
from factories import SETTINGS, cockpit, drive, shown
from msgspec import structs
from textual import events
from textual.pilot import Pilot

import jobcockpit.tui
from jobcockpit.cli import main
from jobcockpit.core.board import Changeset
from jobcockpit.core.records import Stage
from jobcockpit.store import (
    LOCKED_ELSEWHERE,
    ConflictError,
    Store,
    find_conflict_copies,
    list_backups,
)
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.conflicts import ConflictCopiesScreen
from jobcockpit.tui.screens.forms import ApplicationForm
from jobcockpit.tui.screens.main import MainScreen
from jobcockpit.tui.session import Session
from jobcockpit.tui.widgets.detail import Detail

RELOADED = "reloaded: another program changed the file"


def stage_of(app: CockpitApp, application: str) -> Stage:
    """The stage the cockpit's board holds now (read afresh at each call)."""
    return app.session.board.applications[application].stage


def data_file(folder: Path) -> Path:
    """The fixed board in a data file of its own, closed again."""
    path = folder / "hunt.json"
    with Store.open(path, create=True) as first:
        first.commit(factories.whole_board_change())
        first.save_settings(SETTINGS)
    return path


def another_program(path: Path, change: Callable[[Store], Changeset]) -> None:
    """A save by someone else (a command run alongside, a sync tool): it does
    not take the cockpit's lock."""
    with Store.open(path, lock=False) as other:
        other.commit(change(other))


def renamed(app_id: str, **fields: Any) -> Callable[[Store], Changeset]:
    def change(store: Store) -> Changeset:
        application = store.board.applications[app_id]
        return Changeset(put_applications=(structs.replace(application, **fields),))

    return change


def deleted(app_id: str) -> Callable[[Store], Changeset]:
    return lambda store: Changeset(delete_applications=(app_id,))


def on_disk(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(path.read_bytes())
    return data


def disk_full(data: object) -> None:
    raise OSError(28, "No space left on device")


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.pause()


# -- another program saves while the cockpit is open ---------------------------


def test_a_save_by_another_program_is_taken_in_on_focus(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    store = Store.open(path)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert "Globex (renamed elsewhere)" not in shown(app)
        another_program(path, renamed("a-globex", company="Globex (renamed elsewhere)"))
        app.post_message(events.AppFocus())
        await pilot.pause()
        await pilot.pause()
        text = shown(app)
        assert RELOADED in text
        assert "Globex (renamed elsewhere)" in text
        assert app.session.board.applications["a-globex"].company == "Globex (renamed elsewhere)"

    drive(cockpit(store=store), steps)
    assert on_disk(path)["applications"]["a-globex"]["company"] == "Globex (renamed elsewhere)"


def test_the_timer_takes_in_another_programs_save_by_itself(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    store = Store.open(path)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        another_program(path, deleted("a-stark"))
        for _ in range(40):
            await pilot.pause(0.1)
            if "a-stark" not in app.session.board.applications:
                break
        await pilot.pause()
        assert "Stark Industries" not in shown(app)
        assert RELOADED in shown(app)

    drive(cockpit(store=store), steps)


def test_a_change_waiting_to_be_saved_is_put_on_top_of_theirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk refused our move of Globex; meanwhile another program wrote
    notes on Globex and renamed Acme. Both sides survive, field by field."""
    path = data_file(tmp_path)
    store = Store.open(path)
    real_write = store._storage.write

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        monkeypatch.setattr(store._storage, "write", disk_full)
        await pilot.press("l", "H")
        await pilot.pause()
        assert "1 change not saved" in shown(app)
        another_program(path, renamed("a-globex", notes="Their note on Globex"))
        another_program(path, renamed("a-acme", company="Acme (theirs)"))
        app.check_disk()
        await pilot.pause()
        text = shown(app)
        assert RELOADED in text
        assert "1 change not saved" in text
        globex = app.session.board.applications["a-globex"]
        assert (globex.stage, globex.notes) == (Stage.APPLIED, "Their note on Globex")
        assert "Acme (theirs)" in text
        stored = on_disk(path)["applications"]
        assert stored["a-globex"]["stage"] == "interviewed"

        monkeypatch.setattr(store._storage, "write", real_write)
        app.main_screen.tick()  # type: ignore[union-attr]
        await pilot.pause()
        assert "not saved" not in shown(app)

    drive(cockpit(store=store), steps)
    stored = on_disk(path)["applications"]
    assert stored["a-globex"]["stage"] == "applied"
    assert stored["a-globex"]["notes"] == "Their note on Globex"
    assert stored["a-acme"]["company"] == "Acme (theirs)"


def test_a_form_saved_after_their_save_keeps_both_sides(tmp_path: Path) -> None:
    """No reload while a dialog is open: its change is made on the board it
    was opened on, and merged on top of theirs when it is saved."""
    path = data_file(tmp_path)
    store = Store.open(path)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j", "e")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        another_program(path, renamed("a-acme", notes="Their notes"))
        app.check_disk()
        assert app.session.board.applications["a-acme"].notes != "Their notes"
        field = app.screen.query_one("#position")
        field.value = "Lead analyst"  # type: ignore[attr-defined]
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        assert RELOADED in shown(app)
        assert "Lead analyst" in app.screen.query_one(Detail).plain

    drive(cockpit(store=store), steps)
    acme = on_disk(path)["applications"]["a-acme"]
    assert (acme["position"], acme["notes"]) == ("Lead analyst", "Their notes")


def test_a_change_that_no_longer_fits_names_the_record_and_shows_their_version(
    tmp_path: Path,
) -> None:
    path = data_file(tmp_path)
    store = Store.open(path)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j", "e")
        await pilot.pause()
        another_program(path, deleted("a-acme"))
        before = path.read_bytes()
        field = app.screen.query_one("#position")
        field.value = "Lead analyst"  # type: ignore[attr-defined]
        await save(pilot)
        text = shown(app)
        assert "Not saved: changed elsewhere" in text
        assert "application a-acme (Acme Tools)" in text
        assert "other program's version" in text
        assert "Acme Tools" not in text.split("Not saved")[0]
        assert "not saved" not in text.split("\n")[0]
        assert "a-acme" not in app.session.board.applications
        assert not app.session.unsaved
        assert path.read_bytes() == before
        assert app.is_running

    drive(cockpit(store=store), steps)
    assert "a-acme" not in on_disk(path)["applications"]


def test_undo_never_puts_back_a_record_another_program_changed(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    store = Store.open(path)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j", "e")
        await pilot.pause()
        field = app.screen.query_one("#position")
        field.value = "Lead analyst"  # type: ignore[attr-defined]
        await save(pilot)
        await pilot.press("l", "H")
        await pilot.pause()
        assert stage_of(app, "a-globex") is Stage.APPLIED
        another_program(path, renamed("a-acme", notes="Their notes"))
        app.check_disk()
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert stage_of(app, "a-globex") is Stage.INTERVIEWED
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in shown(app)

    drive(cockpit(store=store), steps)
    stored = on_disk(path)["applications"]
    assert stored["a-acme"]["notes"] == "Their notes"
    assert stored["a-acme"]["position"] == "Lead analyst"
    assert stored["a-globex"]["stage"] == "interviewed"


def test_a_waiting_change_that_no_longer_fits_is_dropped_with_its_record_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_file(tmp_path)
    with Store.open(path) as store:
        session = Session(store)
        assert session.catch_up() is None
        monkeypatch.setattr(store._storage, "write", disk_full)
        session.change(renamed("a-acme", notes="ours")(store))
        session.change(renamed("a-globex", notes="ours too")(store))
        assert len(session.unsaved) == 2
        monkeypatch.undo()
        another_program(path, deleted("a-acme"))

        caught = session.catch_up()

        assert caught is not None and caught.reloaded
        assert isinstance(caught.error, ConflictError)
        assert "application a-acme (Acme Tools)" in str(caught.error)
        assert "a-acme" not in session.board.applications
        assert session.board.applications["a-globex"].notes == "ours too"
        assert len(session.unsaved) == 1
        assert session.flush().saved
    assert on_disk(path)["applications"]["a-globex"]["notes"] == "ours too"
    assert "a-acme" not in on_disk(path)["applications"]


def test_a_file_damaged_under_the_cockpit_is_reported_once_and_never_saved_over(
    tmp_path: Path,
) -> None:
    path = data_file(tmp_path)
    store = Store.open(path)
    damaged = b'{"applications": {"a1": '

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        path.write_bytes(damaged)
        app.check_disk()
        await pilot.pause()
        text = shown(app)
        assert "Could not read the data file again" in text
        assert "damaged" in text
        assert "Acme Tools" in text
        app.check_disk()
        app.check_disk()
        await pilot.pause()
        assert len(app._notifications) == 1
        await pilot.press("l", "H")
        await pilot.pause()
        assert "1 change not saved" in shown(app)
        assert app.is_running

    drive(cockpit(store=store), steps)
    assert path.read_bytes() == damaged


# -- another jobcockpit holds the file --------------------------------------------


def test_ctrl_r_takes_the_file_once_the_other_jobcockpit_lets_go(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    first = Store.open(path)
    second = Store.open(path)
    assert second.read_only_reason == LOCKED_ELSEWHERE

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        text = shown(app)
        assert "read-only: open in another jobcockpit" in text
        assert "Retry lock" in text.splitlines()[-1]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Still open in another jobcockpit" in shown(app)
        assert app.store.read_only

        first.commit(renamed("a-acme", company="Acme (saved by the first)")(first))
        first.close()
        await pilot.press("ctrl+r")
        await pilot.pause()
        text = shown(app)
        assert "yours to change now" in text
        assert "read-only" not in text.splitlines()[0]
        assert "Retry lock" not in text.splitlines()[-1]
        assert "Acme (saved by the first)" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)

    drive(cockpit(store=second), steps)
    second.close()
    assert not (tmp_path / ".hunt.json.lock").exists()


def test_ctrl_r_is_not_offered_on_a_writable_file() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert "Retry lock" not in shown(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Still open" not in shown(app)

    drive(cockpit(), steps)


# -- conflict copies from sync tools ----------------------------------------------


SYNCTHING = "hunt.sync-conflict-20261120-101500-ABCDEFG.json"


def conflict_copy(path: Path, name: str = SYNCTHING) -> Path:
    """The other machine's side: one application ours lacks, Acme renamed."""
    document = on_disk(path)
    copy_only = dict(document["applications"]["a-stark"], id="a-copy", company="Copy Only Co")
    document["applications"]["a-copy"] = copy_only
    document["applications"]["a-acme"]["company"] = "Acme (other machine)"
    copy = path.with_name(name)
    copy.write_bytes(orjson.dumps(document))
    return copy


def test_conflict_copies_are_offered_and_merged_at_start(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    copy = conflict_copy(path)
    store = Store.open(path)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.pause()
        assert isinstance(app.screen, ConflictCopiesScreen)
        text = shown(app)
        assert "A sync tool left 1 conflict copy" in text
        assert SYNCTHING in text
        assert "adds 1 application (Copy Only Co)" in text
        assert "holds differently (yours is kept): application a-acme (Acme Tools)" in text
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "Conflict copy merged" in shown(app)
        assert "Copy Only Co" in shown(app)

    drive(cockpit(store=store), steps)
    stored = on_disk(path)["applications"]
    assert stored["a-copy"]["company"] == "Copy Only Co"
    assert stored["a-acme"]["company"] == "Acme Tools"
    assert not copy.exists()
    assert find_conflict_copies(path) == []
    assert [p.name for p in (tmp_path / "backups").iterdir() if SYNCTHING in p.name]


def test_later_leaves_the_copies_to_be_offered_again(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    copy = conflict_copy(path)
    unreadable = path.with_name("hunt (Dana's conflicted copy 2026-11-20).json")
    unreadable.write_bytes(b"{not json")
    before = path.read_bytes()

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.pause()
        assert isinstance(app.screen, ConflictCopiesScreen)
        assert "A sync tool left 2 conflict copies" in shown(app)
        assert "cannot be read, left alone" in shown(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "Copy Only Co" not in shown(app)

    with Store.open(path) as store:
        drive(cockpit(store=store), steps)
    assert path.read_bytes() == before
    assert copy.exists() and unreadable.exists()
    assert set(find_conflict_copies(path)) == {copy, unreadable}


def test_conflict_copies_on_a_read_only_file_are_only_mentioned(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    copy = conflict_copy(path)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "1 conflict copy of the data file" in shown(app)

    with Store.open(path), Store.open(path) as second:
        drive(cockpit(store=second), steps)
    assert copy.exists()


# -- a damaged data file, opening the cockpit -------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


DAMAGED = b'{"applications": {"a1": '


def damaged_with_backup(folder: Path) -> tuple[Path, Path]:
    path = data_file(folder)
    with Store.open(path) as store:  # a later session: its first save backs up
        store.commit(renamed("a-acme", notes="after the backup")(store))
    path.write_bytes(DAMAGED)
    (backup,) = list_backups(path)
    return path, backup


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Store]:
    """The stores the cockpit would have opened (it is not started)."""
    stores: list[Store] = []

    def run_cockpit(store: Store, **_: object) -> int:
        stores.append(store)
        return 0

    monkeypatch.setattr(jobcockpit.tui, "run_cockpit", run_cockpit)
    return stores


def test_the_cockpit_offers_the_newest_good_backup_of_a_damaged_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[Store],
) -> None:
    path, backup = damaged_with_backup(tmp_path)
    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))

    code = main(["--db", str(path)])

    captured = capsys.readouterr()
    assert code == 0
    assert f"Restore the newest good backup {backup}? [y/N]" in captured.out
    assert f"data file {path} is damaged" in captured.err
    assert "Restored" in captured.err
    (store,) = opened
    assert store.board.applications["a-acme"].company == "Acme Tools"
    assert path.read_bytes() == backup.read_bytes()
    kept = [p for p in (tmp_path / "backups").iterdir() if p.read_bytes() == DAMAGED]
    assert len(kept) == 1


def test_no_to_the_backup_leaves_the_damaged_file_alone(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[Store],
) -> None:
    path, _ = damaged_with_backup(tmp_path)
    monkeypatch.setattr(sys, "stdin", _Terminal("\n"))

    code = main(["--db", str(path)])

    assert code == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert path.read_bytes() == DAMAGED
    assert opened == []


def test_without_a_terminal_a_damaged_file_names_the_file_and_the_backup(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[Store],
) -> None:
    path, backup = damaged_with_backup(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))

    code = main(["--db", str(path)])

    captured = capsys.readouterr()
    assert code == 1
    assert f"data file {path} is damaged" in captured.err
    assert f"the newest good backup is {backup}" in captured.err
    assert "Restore" not in captured.out
    assert path.read_bytes() == DAMAGED
    assert opened == []


def test_a_damaged_file_without_a_backup_is_not_offered_anything(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[Store],
) -> None:
    path = data_file(tmp_path)
    path.write_bytes(DAMAGED)
    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))

    code = main(["--db", str(path)])

    captured = capsys.readouterr()
    assert code == 1
    assert "no good backup was found" in captured.err
    assert "Restore" not in captured.out
    assert path.read_bytes() == DAMAGED


# -- a hang-up: the pending save, then a clean exit -------------------------------


def test_a_hang_up_saves_a_change_that_had_failed_and_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_file(tmp_path)
    store = Store.open(path)
    real_write = store._storage.write

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        monkeypatch.setattr(store._storage, "write", disk_full)
        await pilot.press("l", "H")
        await pilot.pause()
        assert "1 change not saved" in shown(app)
        monkeypatch.setattr(store._storage, "write", real_write)
        app.hang_up(signal.SIGTERM)
        await pilot.pause()
        assert not app.is_running

    app = drive(cockpit(store=store), steps)
    assert app.return_code == 128 + signal.SIGTERM
    assert on_disk(path)["applications"]["a-globex"]["stage"] == "applied"


def test_a_hang_up_with_a_change_it_cannot_save_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_file(tmp_path)
    store = Store.open(path)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        monkeypatch.setattr(store._storage, "write", disk_full)
        await pilot.press("l", "H")
        await pilot.pause()
        app.hang_up(signal.SIGHUP)
        await pilot.pause()
        assert not app.is_running

    app = drive(cockpit(store=store), steps)
    assert app.return_code == 1
    assert "1 change could not be saved before closing" in capsys.readouterr().err
