"""Small things a new user runs into: escape on the board clears a filter,
retrying the lock is offered only when it can help, times typed in a form
say whose clock they are on, and an empty board says how to start."""

from __future__ import annotations

import factories
from factories import cockpit, drive, shown
from textual.pilot import Pilot
from textual.widgets import Input

from jobcockpit.core.board import Board
from jobcockpit.core.records import Stage
from jobcockpit.store import LOCKED_ELSEWHERE, Store
from jobcockpit.tui import keys
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.commands import CockpitCommands
from jobcockpit.tui.screens.forms import CallForm, StageForm
from jobcockpit.tui.screens.help import HelpScreen
from jobcockpit.tui.widgets.board import EMPTY_BOARD, KanbanBoard
from jobcockpit.tui.widgets.card_column import CardColumn
from jobcockpit.tui.widgets.field import Field
from jobcockpit.tui.widgets.footer import CockpitFooter

WIDE = (160, 45)


def cards_shown(app: CockpitApp) -> int:
    board = app.screen.query_one(KanbanBoard)
    return sum(len(column.ids) for column in board.query(CardColumn))


def test_escape_on_the_board_clears_the_filter() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("slash", *"acme", "enter")
        bar = app.screen.query_one("#filter", Input)
        assert isinstance(app.screen.focused, CardColumn)
        assert bar.value == "acme" and bar.display
        assert cards_shown(app) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert bar.value == ""
        assert cards_shown(app) == 10
        assert isinstance(app.screen.focused, CardColumn)

    drive(cockpit(), steps, size=WIDE)


def test_a_filter_that_empties_a_column_says_so() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("slash", *"globex", "enter")
        column = app.screen.query_one(KanbanBoard).column(Stage.APPLIED)
        assert column.ids == []
        assert "escape clears it" in column.empty_message

    drive(cockpit(), steps, size=WIDE)


def _retry_offered(app: CockpitApp) -> tuple[bool, bool, bool]:
    """Whether retrying the lock is in the footer, the help, the palette."""
    screen = app.screen
    in_footer = any(b.binding.id == "retry_lock" for b in screen.active_bindings.values())
    rows = keys.key_rows()
    in_help = any(row.id == "retry_lock" and screen.check_action("retry_lock", ()) for row in rows)
    provider = CockpitCommands(screen)
    in_palette = any(title.startswith("Read-only") for title, _, _ in provider._commands())
    return in_footer, in_help, in_palette


def test_retrying_the_lock_is_offered_only_while_another_jobcockpit_holds_the_file() -> None:
    async def writable(pilot: Pilot[None], app: CockpitApp) -> None:
        assert _retry_offered(app) == (False, False, False)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert all(row.id != "retry_lock" for row in app.screen.rows)
        assert "^r" not in shown(app)

    drive(cockpit(), writable, size=WIDE)

    store = Store.in_memory(factories.board(), factories.SETTINGS)
    store.read_only, store.read_only_reason = True, LOCKED_ELSEWHERE

    async def locked(pilot: Pilot[None], app: CockpitApp) -> None:
        assert _retry_offered(app) == (True, True, True)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert any(row.id == "retry_lock" for row in app.screen.rows)

    drive(cockpit(store=store), locked, size=WIDE)


def test_time_fields_say_whose_clock_they_are_on() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j", "c")
        await pilot.pause()
        assert isinstance(app.screen, CallForm)
        assert app.screen.query_one("#at-field", Field).label == "When (your time, Europe/Berlin)"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, StageForm)
        label = app.screen.query_one("#interview_at-field", Field).label
        assert label.endswith("(their time, America/New_York)")

    drive(cockpit(), steps, size=WIDE)


def test_an_empty_board_says_how_to_start() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        column = app.screen.query_one(KanbanBoard).column(Stage.APPLIED)
        drawn = [column.render_line(y).text for y in range(column.size.height)]
        text = " ".join(" ".join(drawn).split())
        assert "Nothing here yet. Press n to add your first application" in text
        offered = [key.id for key in app.screen.query_one(CockpitFooter).shown]
        assert "new_application" in offered
        assert not {"edit_application", "log_call", "next_stage"} & set(offered)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Acme", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert cards_shown(app) == 1
        assert "Nothing here yet" not in shown(app)
        offered = [key.id for key in app.screen.query_one(CockpitFooter).shown]
        assert "edit_application" in offered

    for size in ((80, 24), (200, 60)):
        drive(cockpit(Board()), steps, size=size)
    assert EMPTY_BOARD.startswith("Nothing here yet. Press n")


def test_the_title_line_names_the_board_and_its_icon_opens_the_command_palette() -> None:
    from textual.command import CommandPalette

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        first = shown(app).splitlines()[0]
        assert first.startswith(" ⭘ ")
        assert "jobcockpit — " in first
        assert app.screen.sub_title and app.screen.sub_title in first
        await pilot.click("TitleBar", offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)

    drive(cockpit(), steps)
