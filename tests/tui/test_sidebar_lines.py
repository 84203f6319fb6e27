"""The sidebar repaints only the lines a change made say something else. When
a list above gets shorter and one below as much longer, the sidebar keeps its
length (so nothing repaints it whole) while every entry in between moves to
other lines: each of its lines must then be painted afresh (the name, then
when or where, then the marks), not left as the line of the same entry that
was there before."""

from __future__ import annotations

import pendulum
from factories import assert_nothing_stale, cockpit, drive
from textual.pilot import Pilot

from jobcockpit.core.board import Board
from jobcockpit.core.settings import Settings
from jobcockpit.formats.demo import demo_board
from jobcockpit.store import Store
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.widgets.sidebar import Sidebar

SIZE = (200, 60)
USER = Settings(user_timezone="Etc/UTC")
NOW = pendulum.datetime(2026, 12, 5, 0, 9, tz="Etc/UTC")
"""Saturday just after midnight: on the demo board one call is safe, and
logging it moves that application to the list of what comes up."""


async def sidebar_lines(pilot: Pilot[None], app: CockpitApp) -> list[str]:
    """The sidebar's lines as the terminal shows them (the screen's own
    strips, made from what each widget last painted), toasts put away."""
    app.clear_notifications()
    await pilot.pause()
    await pilot.pause()
    region = app.screen.query_one(Sidebar).content_region
    rows = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [row.crop(region.x, region.right).text.rstrip() for row in rows]


def fresh_sidebar_lines(board: Board) -> list[str]:
    """What a cockpit opened on `board` shows in its sidebar."""
    lines: list[str] = []

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        lines.extend(await sidebar_lines(pilot, app))

    drive(cockpit(store=Store.in_memory(board, USER), settings=USER, now=NOW), steps, size=SIZE)
    return lines


def test_every_sidebar_line_is_what_a_fresh_sidebar_draws_after_a_call_and_its_undo() -> None:
    """Logging a call empties the list of calls (a line shorter) and adds to
    what comes up (a line longer): the e-mails and the notes in between move
    up a line, and each of their lines says what it says in a cockpit opened
    afresh; undo moves them back down."""
    seen: dict[str, tuple[list[str], Board]] = {}

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        before = await sidebar_lines(pilot, app)
        await pilot.press("c", "3", "ctrl+s")  # a call, nobody answered
        await assert_nothing_stale(pilot, app, "a call logged")
        seen["the call"] = (await sidebar_lines(pilot, app), app.session.board)
        assert len(seen["the call"][1].log) == len(board.log) + 1
        await pilot.press("u")
        await assert_nothing_stale(pilot, app, "the call undone")
        seen["undo"] = (await sidebar_lines(pilot, app), app.session.board)
        assert seen["undo"][0] == before

    board = demo_board(NOW, USER.zone)
    drive(cockpit(store=Store.in_memory(board, USER), settings=USER, now=NOW), steps, size=SIZE)
    for after, (lines, changed) in seen.items():
        assert lines == fresh_sidebar_lines(changed), f"sidebar after {after}"
