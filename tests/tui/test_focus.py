"""Focus that follows the user: tab goes from pane to pane, the detail is
always the selected card's, and every key typed after a move of focus lands
where focus went, however fast it is typed (a terminal hands the cockpit a
burst of keys at once, which is what these tests post), pastes included."""

from __future__ import annotations

from factories import cockpit, drive
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from jobcockpit.core.records import Stage
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.forms import ApplicationForm
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.card_column import CardColumn
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.sidebar import Sidebar

WIDE = (160, 45)


async def burst(pilot: Pilot[None], typed: list[str]) -> None:
    """Keys as a terminal delivers them when typed fast: all queued before
    the first is handled."""
    for key in typed:
        character = {"tab": "\t", "space": " "}.get(key, key if len(key) == 1 else None)
        pilot.app.post_message(events.Key(key, character))
    await pilot.pause()
    await pilot.pause()


def focused(app: CockpitApp) -> object:
    return app.screen.focused


def test_tab_goes_board_detail_sidebar_and_back_not_column_by_column() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        board = app.screen.query_one(KanbanBoard)
        assert focused(app) is board.column(Stage.APPLIED)
        await pilot.press("tab")
        assert isinstance(focused(app), Detail)
        await pilot.press("tab")
        assert isinstance(focused(app), Sidebar)
        await pilot.press("tab")
        assert focused(app) is board.column(Stage.APPLIED)
        await pilot.press("l", "tab", "tab", "tab")
        assert focused(app) is board.column(Stage.INTERVIEWED)
        await pilot.press("shift+tab")
        assert isinstance(focused(app), Sidebar)

    drive(cockpit(), steps, size=WIDE)


def test_the_detail_reached_by_tab_is_the_selected_cards_in_any_column() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        detail = app.screen.query_one(Detail)
        await pilot.press("j", "tab")
        assert detail.plain.startswith("Acme Tools · Data analyst")
        await pilot.press("shift+tab", "l", "tab")
        assert detail.plain.startswith("Globex · Product manager") or detail.plain.startswith(
            "Northwind Traders"
        )
        selected = app.screen.query_one(KanbanBoard).selected
        assert selected is not None
        company = app.store.board.applications[selected].company
        assert detail.plain.startswith(company)
        await pilot.press("shift+tab", "l", "tab")
        assert app.screen.query_one(KanbanBoard).current is Stage.DECIDED
        selected = app.screen.query_one(KanbanBoard).selected
        assert selected is not None
        assert detail.plain.startswith(app.store.board.applications[selected].company)

    drive(cockpit(), steps, size=WIDE)


def test_keys_typed_fast_after_tab_land_in_the_pane_tab_went_to() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        detail = app.screen.query_one(Detail)
        column = app.screen.query_one(KanbanBoard).column(Stage.APPLIED)
        await pilot.press("j")
        assert detail.plain.startswith("Acme Tools")
        await burst(pilot, ["tab", "j", "j"])
        assert isinstance(focused(app), Detail)
        assert column.cursor == 1, "the j's went to the board"
        assert detail.cursor == 2

    drive(cockpit(), steps, size=WIDE)


def test_keys_typed_fast_after_l_land_in_the_column_l_went_to() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        board = app.screen.query_one(KanbanBoard)
        await burst(pilot, ["l", "j"])
        assert focused(app) is board.column(Stage.INTERVIEWED)
        assert board.column(Stage.APPLIED).cursor == 0
        assert board.column(Stage.INTERVIEWED).cursor == 1

    drive(cockpit(), steps, size=(80, 24))


def test_in_a_form_keys_typed_fast_after_tab_go_to_the_next_field() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        await burst(pilot, [*"Acme Widgets", "tab", *"Data analyst"])
        assert app.screen.query_one("#company", Input).value == "Acme Widgets"
        assert app.screen.query_one("#position", Input).value == "Data analyst"

    drive(cockpit(), steps, size=WIDE)


def test_a_paste_with_tabs_fills_one_field_per_cell() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("n")
        await pilot.pause()
        app.post_message(events.Paste("Acme Widgets\tData analyst"))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#company", Input).value == "Acme Widgets"
        assert app.screen.query_one("#position", Input).value == "Data analyst"
        assert app.screen.focused is app.screen.query_one("#position", Input)
        await burst(pilot, [*" II"])
        assert app.screen.query_one("#position", Input).value == "Data analyst II"

    drive(cockpit(), steps, size=WIDE)


def test_a_paste_without_tabs_goes_to_the_focused_field_as_before() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("n")
        await pilot.pause()
        app.post_message(events.Paste("Acme Widgets"))
        await pilot.pause()
        assert app.screen.query_one("#company", Input).value == "Acme Widgets"
        assert app.screen.query_one("#position", Input).value == ""

    drive(cockpit(), steps, size=WIDE)


def test_a_filter_left_with_tab_stays_in_sight_and_tab_goes_on_to_the_detail() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("slash", "a", "c", "m", "e", "tab")
        assert isinstance(focused(app), CardColumn | Detail)
        bar = app.screen.query_one("#filter", Input)
        assert bar.value == "acme" and bar.display

    drive(cockpit(), steps, size=WIDE)


def test_keys_typed_fast_after_enter_and_escape_land_where_they_went() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        detail = app.screen.query_one(Detail)
        column = app.screen.query_one(KanbanBoard).column(Stage.APPLIED)
        await pilot.press("j")
        await burst(pilot, ["enter", "j"])
        assert isinstance(focused(app), Detail)
        assert detail.cursor == 1 and column.cursor == 1
        await burst(pilot, ["escape", "j"])
        assert focused(app) is column
        assert column.cursor == 2
        assert app.screen.query_one(KanbanBoard).selected == column.ids[2]

    drive(cockpit(), steps, size=(80, 24))


def test_enter_still_opens_a_sidebar_entry_and_escape_still_clears_the_filter_field() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("slash", "h", "o", "o")
        bar = app.screen.query_one("#filter", Input)
        assert bar.value == "hoo"
        await pilot.press("escape")
        assert bar.value == ""
        assert isinstance(focused(app), CardColumn)
        await pilot.press("shift+tab")
        sidebar = app.screen.query_one(Sidebar)
        target = sidebar.highlighted_target
        await pilot.press("enter")
        assert app.screen.query_one(KanbanBoard).selected == target

    drive(cockpit(), steps, size=WIDE)
