"""The measured side of `bench/run.py`: each figure is taken in a fresh process
started from here, so one measurement never warms another.

    python bench/child.py paint bare|cockpit [--db PATH] [--until paint|settled]
    python bench/child.py stage-move --db PATH --moves N
    python bench/child.py rules --db PATH --runs N
    python bench/child.py save --db PATH --runs N
    python bench/child.py open --db PATH [--board-first]

Every mode prints one JSON object on stdout. Times are `time.monotonic()`
(one clock for every process on Linux) or `time.perf_counter()` differences.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

from msgspec import structs

NOW_ISO = "2026-11-17T15:00:00+00:00"
"""The synthetic hunt's `now` (bench/synthetic.py): every run judges that moment."""
SIZE = (120, 40)
"""The headless terminal, the same for the bare app and the cockpit."""
POLL = 0.005


def _say(result: dict[str, Any]) -> None:
    """The one line `bench/run.py` reads; it also says whether this process
    could write compiled bytecode, as an installed jobcockpit does."""
    result = {**result, "writes_bytecode": not sys.dont_write_bytecode}
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


def peak_memory() -> int:
    """This process's peak resident memory in bytes (VmHWM). Not `ru_maxrss`
    of the parent's `wait4`: a child started by fork/vfork inherits the
    parent's high-water mark, which would measure the benchmark itself."""
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


# -- first paint ---------------------------------------------------------------


def paint_bare(until: str) -> None:
    """A bare Textual app, one Static, started and stopped like the cockpit."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("jobcockpit")

        def on_ready(self) -> None:
            painted = time.monotonic()
            result.update(painted=painted, settled=painted, peak_at_paint=peak_memory())
            self.exit()

    result: dict[str, Any] = {}
    Bare().run(headless=True, size=SIZE)
    _say({**result, "peak": peak_memory()})


def paint_cockpit(db: str, until: str) -> None:
    """The cockpit as `jobcockpit --db DB --now NOW` starts it (argument parsing,
    opening the store, importing Textual), run headless; it exits at its first
    frame, or once the whole board is judged (`--until settled`)."""
    import jobcockpit.tui

    def run_headless(store: Any, *, now: Any = None, demo: bool = False) -> int:
        from jobcockpit.tui import app as app_module
        from jobcockpit.tui.screens.main import MainScreen

        class Probe(app_module.CockpitApp):
            # Relative CSS paths resolve against the defining class's file.
            CSS_PATH = str(Path(app_module.__file__).with_name("cockpit.tcss"))

            def on_ready(self) -> None:
                painted = time.monotonic()
                screen = self.screen
                if not isinstance(screen, MainScreen) or screen.model is None:
                    raise RuntimeError(f"first frame showed {screen!r}, not the board")
                cards = sum(len(column) for column in screen.model.columns.values())
                if cards != len(store.board):
                    raise RuntimeError(f"first frame showed {cards} of {len(store.board)} cards")
                result.update(
                    painted=painted, settled=None, cards=cards, peak_at_paint=peak_memory()
                )
                if until == "paint":
                    self.exit()
                    return

                def settled() -> None:
                    book = screen.book
                    if book is None or not book.ready:
                        self.set_timer(POLL, settled)
                        return

                    def done() -> None:
                        result["settled"] = time.monotonic()
                        self.exit()

                    self.call_after_refresh(done)

                settled()

        Probe(store, now=now, demo=demo).run(headless=True, size=SIZE)
        return 0

    result: dict[str, Any] = {}
    # In place before the command line is imported, whichever way it imports it.
    jobcockpit.tui.run_cockpit = run_headless
    import jobcockpit.cli

    if hasattr(jobcockpit.cli, "run_cockpit"):
        jobcockpit.cli.run_cockpit = run_headless
    code = jobcockpit.cli.main(["--db", db, "--now", NOW_ISO])
    if code or "painted" not in result:
        raise SystemExit(code or 1)
    _say({**result, "peak": peak_memory()})


# -- a stage move, key to disk and screen ------------------------------------


async def stage_moves(db: str, moves: int) -> None:
    """Press H (back one stage: it asks nothing) on `moves` cards in turn, in the
    cockpit on a file-backed store; time each from the key reaching the app to
    the change being fsynced in the file and the card painted in its new column.
    """
    import orjson
    import pendulum
    from textual import events

    from jobcockpit.core.records import Stage
    from jobcockpit.store import Store
    from jobcockpit.tui.app import CockpitApp
    from jobcockpit.tui.screens.main import MainScreen
    from jobcockpit.tui.widgets.board import KanbanBoard

    now = pendulum.parse(NOW_ISO)
    store = Store.open(Path(db))
    movable = [a.id for a in store.board if a.stage is not Stage.APPLIED]
    app = CockpitApp(store, now=now)  # type: ignore[arg-type]
    samples: list[float] = []
    first: float | None = None
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        while screen.book is None or not screen.book.ready:
            await asyncio.sleep(POLL)
        await pilot.pause()
        board = screen.query_one(KanbanBoard)
        driver = app._driver
        assert driver is not None
        for index, app_id in enumerate(movable[: moves + 1]):
            before = store.board.applications[app_id]
            target = before.stage.previous
            assert target is not None
            screen.go_to(app_id)
            await pilot.pause()
            assert board.selected == app_id

            started = time.perf_counter()
            key = events.Key("H", "H")
            key.set_sender(app)
            driver.send_message(key)
            while store.board.applications[app_id].stage is not target:
                await asyncio.sleep(0)
            await screen.wait_for_refresh()
            elapsed = time.perf_counter() - started

            model = screen.model
            assert model is not None
            located = model.locate(app_id)
            if located is None or located[0] is not target or board.selected != app_id:
                raise RuntimeError(f"{app_id} is not shown selected in {target.value}")
            # The check's own 60 MiB of parsed JSON must not wake the cyclic
            # collector in the next move's timing: it is freed at once anyway.
            gc.disable()
            on_disk = orjson.loads(Path(db).read_bytes())["applications"][app_id]
            gc.enable()
            if on_disk["stage"] != target.value:
                raise RuntimeError(f"{app_id} is not {target.value} in the file")
            if index == 0:
                first = elapsed
            else:
                samples.append(elapsed)
        await pilot.exit(None)
    store.close()
    _say({"first": first, "samples": samples})


# -- the rules engine, loading, saving -----------------------------------------


def rules(db: str, runs: int) -> None:
    """Opening the data file as the cockpit does (the cyclic collector on),
    then the rules for every pair as `jobcockpit today` runs them (the
    collector off): once in this fresh process (phone and holiday tables still
    to load), then afresh with the tables loaded, then with an `AgendaMemo`:
    a first call fills it, and a call a minute later judges only what the
    clock changed."""
    import pendulum

    from jobcockpit.core.rules import AgendaMemo, agenda
    from jobcockpit.store import Store

    now = pendulum.parse(NOW_ISO)
    assert isinstance(now, pendulum.DateTime)
    started = time.perf_counter()
    store = Store.open(Path(db), lock=False)
    loaded = time.perf_counter() - started
    board, settings = store.board, store.settings
    store.close()
    gc.collect()
    gc.disable()

    def timed(moment: pendulum.DateTime, memo: AgendaMemo | None) -> tuple[float, int]:
        started = time.perf_counter()
        result = agenda(board, settings, moment, memo=memo)
        return time.perf_counter() - started, len(result.verdicts)

    cold, pairs = timed(now, None)
    fresh: list[float] = []
    later: list[float] = []
    for run in range(runs):
        fresh.append(timed(now, None)[0])
        memo = AgendaMemo()
        timed(now, memo)
        later.append(timed(now.add(minutes=run + 1), memo)[0])
    _say({"load": loaded, "cold": cold, "fresh": fresh, "later": later, "pairs": pairs})


def opening(db: str, board_first: bool) -> None:
    """`Store.open` alone, with the cyclic collector on as in the cockpit, and
    the resident memory it adds; with `board_first`, its two steps apart (the
    applications, then `finish_opening`)."""
    from jobcockpit.store import Store

    before = resident_memory()
    started = time.perf_counter()
    store = Store.open(Path(db), lock=False, board_first=board_first)
    opened = time.perf_counter() - started
    result = {"open": opened, "added_first": resident_memory() - before}
    if board_first:
        started = time.perf_counter()
        store.finish_opening()
        result["finish"] = time.perf_counter() - started
    result["added"] = resident_memory() - before
    store.close()
    _say(result)


def resident_memory() -> int:
    """This process's resident memory now, in bytes (VmRSS)."""
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def saves(db: str, runs: int) -> None:
    """One change (an application's notes) saved again and again: the store's
    whole save, atomic and fsynced, after the session's first (which backs up)."""
    from jobcockpit.core.board import Changeset
    from jobcockpit.store import Store

    path = Path(db)
    store = Store.open(path)
    samples: list[float] = []
    applications = list(store.board.applications.values())
    if not applications:
        store.close()
        _say({"samples": [], "size": path.stat().st_size})
        return
    for n in range(runs + 1):
        application = applications[n % len(applications)]
        change = Changeset(put_applications=(structs.replace(application, notes=f"bench {n}"),))
        started = time.perf_counter()
        store.commit(change)
        elapsed = time.perf_counter() - started
        if n:
            samples.append(elapsed)
    size = path.stat().st_size
    store.close()
    _say({"samples": samples, "size": size})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("paint", "stage-move", "rules", "save", "open"))
    parser.add_argument("what", nargs="?", choices=("bare", "cockpit"))
    parser.add_argument("--db")
    parser.add_argument("--until", choices=("paint", "settled"), default="paint")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--board-first", action="store_true")
    args = parser.parse_args()
    if args.mode == "paint":
        if args.what == "bare":
            paint_bare(args.until)
        else:
            paint_cockpit(args.db, args.until)
    elif args.mode == "stage-move":
        asyncio.run(stage_moves(args.db, args.moves))
    elif args.mode == "rules":
        rules(args.db, args.runs)
    elif args.mode == "open":
        opening(args.db, args.board_first)
    else:
        saves(args.db, args.runs)


if __name__ == "__main__":
    main()
