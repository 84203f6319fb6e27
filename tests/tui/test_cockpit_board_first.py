"""The cockpit on a data file opened board first: the board is painted from
the applications while the contacts and the log are read; keys that need
them wait and then act, in order, on the whole board; a damaged record found
in that second step ends the cockpit with the one-step open's error, and
nothing is saved."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import ClassVar

import orjson
import pytest
from factories import NOW, SIZE, board, whole_board_change
from textual.pilot import Pilot

from jobcockpit.core.board import Board
from jobcockpit.core.records import Stage
from jobcockpit.store import DataFileCorrupt, Store
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.card_column import CardColumn
from jobcockpit.tui.widgets.sidebar import Sidebar


class Gated(Store):
    """A store whose second step waits until the test lets it go on."""

    gate: ClassVar[threading.Event]

    def finish_opening(self) -> Board:
        assert self.gate.wait(10)
        return super().finish_opening()


def data_file(folder: Path) -> Path:
    path = folder / "jobs.json"
    with Store.open(path, create=True) as store:
        store.commit(whole_board_change())
    return path


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


async def until(pilot: Pilot[None], done: object) -> None:
    for _ in range(200):
        if callable(done) and done():
            return
        await pilot.pause(0.02)
    raise AssertionError("it never happened")


def first_card_lines(app: CockpitApp, stage: Stage) -> list[str]:
    column = app.screen.query_one(f"#column-{stage.value}", CardColumn)
    return [column.render_line(y).text.strip(" ▌") for y in range(4)]


def test_keys_typed_before_the_rest_is_read_act_after_it_on_the_whole_board(
    tmp_path: Path,
) -> None:
    path = data_file(tmp_path)
    whole = board()
    Gated.gate = threading.Event()
    store = Gated.open(path, board_first=True)
    app = CockpitApp(store, now=NOW)
    interviewed = sorted(a.id for a in whole if a.stage is Stage.INTERVIEWED)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not app.session.loaded
            # The board is there at once; the badges and the sidebar say
            # they are being worked out, in the place they will take.
            assert first_card_lines(app, Stage.APPLIED)[3] == "judging..."
            assert "Judging who to call" in app.screen.query_one(Sidebar).text
            await pilot.press("l", "H", "l", "H")
            await pilot.pause()
            # Moving to a column works at once; moving a card back waits,
            # and so do the keys after it.
            assert app.screen.query_one(KanbanBoard).current is Stage.INTERVIEWED
            assert all(store.board.applications[i].stage is Stage.INTERVIEWED for i in interviewed)
            Gated.gate.set()
            await until(pilot, lambda: app.session.loaded and not app.waiting.holding)
            await pilot.pause()
            assert first_card_lines(app, Stage.APPLIED)[3] != "judging..."

    asyncio.run(run())
    store.close()
    with Store.open(path) as saved:
        assert all(saved.board.applications[i].stage is Stage.APPLIED for i in interviewed)
        assert saved.board.contacts == whole.contacts
        assert saved.board.log == whole.log


def test_a_bad_contact_found_after_the_first_paint_ends_the_cockpit_and_nothing_is_saved(
    tmp_path: Path,
) -> None:
    path = data_file(tmp_path)
    data = orjson.loads(path.read_bytes())
    contact = next(iter(data["contacts"]))
    data["contacts"][contact]["name"] = {"given": "Dana"}
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(DataFileCorrupt) as one_step:
        Store.open(path)
    before = files_in(tmp_path)
    Gated.gate = threading.Event()
    store = Gated.open(path, board_first=True)
    app = CockpitApp(store, now=NOW)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("l", "H")
            Gated.gate.set()
            await until(pilot, lambda: app.opening_error is not None)
            await pilot.pause()

    asyncio.run(run())
    store.close()
    assert app.return_code == 1
    assert isinstance(app.opening_error, DataFileCorrupt)
    assert str(app.opening_error) == str(one_step.value)
    assert files_in(tmp_path) == before


def test_the_command_line_treats_a_bad_contact_found_later_as_a_damaged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through `jobcockpit --db FILE`: the cockpit gets a store opened board
    first; the damage it finds reading the rest is reported as the one-step
    open reports it (no terminal: the message, exit code 1, nothing written)."""
    import jobcockpit.tui
    from jobcockpit.cli import main

    path = data_file(tmp_path)
    data = orjson.loads(path.read_bytes())
    data["contacts"][next(iter(data["contacts"]))]["name"] = {"given": "Dana"}
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(DataFileCorrupt) as one_step:
        Store.open(path)
    before = files_in(tmp_path)
    handed: list[bool] = []

    def run_cockpit(store: Store, **_: object) -> int:
        # What the cockpit does once its board is painted: read the rest.
        handed.append(store.complete)
        store.finish_opening()
        return 0

    monkeypatch.setattr(jobcockpit.tui, "run_cockpit", run_cockpit)

    code = main(["--db", str(path)])

    assert code == 1
    assert handed == [False]
    assert str(one_step.value) in capsys.readouterr().err
    assert files_in(tmp_path) == before
