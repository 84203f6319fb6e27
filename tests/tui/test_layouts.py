"""The cockpit at every size from 80x24: the layout the size picks, panes a
key away and back, a zoom, a layout chosen by key, and cards that never cut
the day or the time of what to do. The clock is frozen at Tuesday 17
November 2026, 15:05 in Berlin (see `factories`)."""

from __future__ import annotations

import factories
import pendulum
import pytest
from factories import cockpit, drive, shown
from msgspec import structs
from textual.pilot import Pilot
from textual.widget import Widget

from jobcockpit.core.board import Board
from jobcockpit.core.records import Stage
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.views import layout
from jobcockpit.tui.views.board_model import STAGES
from jobcockpit.tui.views.layout import Arrangement, Pane
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.board_view import BoardView
from jobcockpit.tui.widgets.card_column import CardColumn
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.sidebar import Sidebar
from jobcockpit.tui.widgets.stage_tabs import StageTabs

SIZES = [(80, 24), (100, 30), (120, 40), (200, 60)]


def view(app: CockpitApp) -> BoardView:
    return app.screen.query_one(BoardView)


def on_screen(app: CockpitApp, widget_type: type[Widget]) -> bool:
    """Whether the widget takes room on the screen now."""
    widget = app.screen.query_one(widget_type)
    return bool(widget.display and widget.size.width > 0 and widget.size.height > 0)


def shown_columns(app: CockpitApp) -> list[Stage]:
    board = app.screen.query_one(KanbanBoard)
    return [s for s in STAGES if board.column(s).size.width > 0]


def long_wait_board() -> Board:
    """The fixed board, with Globex's decision promised for 19 January 2027
    (R4): a wait until a day in another year, the longest badge."""
    board = factories.board()
    globex = structs.replace(
        board.applications["a-globex"], decision_expected_on=pendulum.date(2027, 1, 19)
    )
    applications = {**board.applications, globex.id: globex}
    return Board(applications, board.contacts, board.log.values())


# -- which layout for which size ------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "height", "arrangement", "stacked"),
    [
        (80, 24, Arrangement.NARROW, False),
        (100, 30, Arrangement.NARROW, False),
        (109, 60, Arrangement.NARROW, False),
        (110, 33, Arrangement.MEDIUM, False),
        (120, 40, Arrangement.MEDIUM, True),
        (149, 45, Arrangement.MEDIUM, True),
        (150, 30, Arrangement.WIDE, False),
        (200, 60, Arrangement.WIDE, True),
    ],
)
def test_the_size_picks_the_layout(
    width: int, height: int, arrangement: Arrangement, stacked: bool
) -> None:
    chosen = layout.choose(width, height)
    assert chosen.arrangement is arrangement
    assert chosen.stacked is stacked
    assert not chosen.chosen


def test_v_goes_through_every_layout_and_back_to_the_one_the_size_picks() -> None:
    seen = [layout.next_choice(None)]
    while seen[-1] is not None:
        seen.append(layout.next_choice(seen[-1]))
    assert seen == [Arrangement.WIDE, Arrangement.MEDIUM, Arrangement.NARROW, None]


def test_at_80x24_one_pane_one_column_and_the_stages_as_tabs_with_counts() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert view(app).shape.arrangement is Arrangement.NARROW
        assert on_screen(app, KanbanBoard)
        assert not on_screen(app, Detail)
        assert not on_screen(app, Sidebar)
        assert shown_columns(app) == [Stage.APPLIED]
        tabs = app.screen.query_one(StageTabs)
        assert tabs.text == "Applied 6 │ Interviewed 2 │ Decided 2"
        text = shown(app)
        assert "Applied 6  │  Interviewed 2  │  Decided 2" in text
        await pilot.press("l")
        assert shown_columns(app) == [Stage.INTERVIEWED]
        assert tabs.current is Stage.INTERVIEWED
        assert "Globex" in shown(app)
        await pilot.press("right")
        assert shown_columns(app) == [Stage.DECIDED]
        await pilot.press("h", "h")
        assert shown_columns(app) == [Stage.APPLIED]

    drive(cockpit(), steps, size=(80, 24))


def test_a_click_on_a_tab_shows_its_column() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        tabs = app.screen.query_one(StageTabs)
        await pilot.click(StageTabs, offset=(len(" Applied 6  │  Interviewed") + 2, 0))
        await pilot.pause()
        assert tabs.current is Stage.INTERVIEWED
        assert shown_columns(app) == [Stage.INTERVIEWED]
        assert isinstance(app.screen.focused, CardColumn)
        assert app.screen.focused.stage is Stage.INTERVIEWED

    drive(cockpit(), steps, size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_narrow_the_detail_and_the_sidebar_are_a_key_away_and_back(size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        await pilot.press("enter")
        assert on_screen(app, Detail) and not on_screen(app, KanbanBoard)
        assert app.screen.query_one(Detail).has_focus
        assert "Acme Tools · Data analyst" in shown(app)
        await pilot.press("escape")
        assert on_screen(app, KanbanBoard) and not on_screen(app, Detail)
        assert view(app).selected == "a-acme"
        await pilot.press("tab")
        assert on_screen(app, Detail)
        await pilot.press("tab")
        assert on_screen(app, Sidebar) and not on_screen(app, Detail)
        assert "Safe to call today" in shown(app)
        await pilot.press("tab")
        assert on_screen(app, KanbanBoard) and not on_screen(app, Sidebar)
        await pilot.press("shift+tab")
        assert on_screen(app, Sidebar)
        await pilot.press("escape")
        assert on_screen(app, KanbanBoard)

    drive(cockpit(), steps, size=size)


def test_choosing_an_entry_in_the_narrow_sidebar_shows_its_card_on_the_board() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("shift+tab")
        sidebar = app.screen.query_one(Sidebar)
        assert sidebar.has_focus
        target = sidebar.highlighted_target
        assert target is not None
        await pilot.press("enter")
        await pilot.pause()
        assert on_screen(app, KanbanBoard) and not on_screen(app, Sidebar)
        assert view(app).selected == target

    drive(cockpit(), steps, size=(80, 24))


def test_medium_keeps_every_pane_with_a_narrower_sidebar() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert view(app).shape.arrangement is Arrangement.MEDIUM
        assert on_screen(app, KanbanBoard) and on_screen(app, Detail) and on_screen(app, Sidebar)
        assert shown_columns(app) == list(STAGES)
        assert app.screen.query_one(Sidebar).outer_size.width < 48
        assert not on_screen(app, StageTabs)

    drive(cockpit(), steps, size=(120, 40))


def test_when_the_detail_does_not_fit_under_the_board_it_takes_its_place() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert not view(app).shape.stacked
        assert on_screen(app, KanbanBoard) and on_screen(app, Sidebar)
        assert not on_screen(app, Detail)
        await pilot.press("tab")
        assert on_screen(app, Detail) and on_screen(app, Sidebar)
        assert not on_screen(app, KanbanBoard)
        await pilot.press("escape")
        assert on_screen(app, KanbanBoard) and not on_screen(app, Detail)

    drive(cockpit(), steps, size=(160, 30))


def test_wide_shows_the_three_panes_as_they_were_made() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert view(app).shape.arrangement is Arrangement.WIDE
        assert app.screen.query_one(Sidebar).outer_size.width == 48
        assert on_screen(app, KanbanBoard) and on_screen(app, Detail) and on_screen(app, Sidebar)
        assert shown_columns(app) == list(STAGES)

    drive(cockpit(), steps, size=(200, 60))


def test_z_zooms_the_focused_pane_and_keeps_header_and_footer() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("tab")
        await pilot.press("z")
        assert on_screen(app, Detail)
        assert not on_screen(app, KanbanBoard) and not on_screen(app, Sidebar)
        text = shown(app)
        assert "jobcockpit" in text.splitlines()[0]
        assert "? Help" in text.splitlines()[-1]
        await pilot.press("tab")
        assert on_screen(app, Sidebar) and not on_screen(app, Detail)
        await pilot.press("escape")
        assert on_screen(app, KanbanBoard) and on_screen(app, Detail) and on_screen(app, Sidebar)
        await pilot.press("shift+tab", "shift+tab", "z")
        assert on_screen(app, KanbanBoard) and not on_screen(app, Sidebar)
        await pilot.press("z")
        assert on_screen(app, Sidebar)

    drive(cockpit(), steps, size=(200, 60))


def test_v_switches_the_layout_whatever_the_size() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert view(app).shape.arrangement is Arrangement.WIDE
        await pilot.press("v")
        assert view(app).shape.arrangement is Arrangement.WIDE and view(app).shape.chosen
        await pilot.press("v")
        assert view(app).shape.arrangement is Arrangement.MEDIUM
        await pilot.press("v")
        assert view(app).shape.arrangement is Arrangement.NARROW
        assert shown_columns(app) == [Stage.APPLIED]
        assert "narrow: one pane at a time" in shown(app)
        await pilot.press("v")
        assert view(app).shape.arrangement is Arrangement.WIDE
        assert not view(app).shape.chosen

    drive(cockpit(), steps, size=(200, 60))


def test_the_layout_follows_the_terminal_when_it_is_resized() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert view(app).shape.arrangement is Arrangement.WIDE
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view(app).shape.arrangement is Arrangement.NARROW
        assert shown_columns(app) == [Stage.APPLIED]
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert shown_columns(app) == list(STAGES)

    drive(cockpit(), steps, size=(200, 60))


def test_the_selected_card_stays_in_view_after_the_window_shrinks() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("end")
        column = app.screen.query_one(KanbanBoard).column(Stage.APPLIED)
        last = column.ids[-1]
        assert view(app).selected == last
        await pilot.resize_terminal(80, 14)
        await pilot.pause()
        await pilot.pause()
        top, height = int(column.scroll_y), column.scrollable_content_region.height
        seen = {column.card_at(line) for line in range(top, top + height)}
        assert column.ids.index(last) in seen
        company = app.screen.query_one(BoardView).board.applications[last].company
        assert company in shown(app)

    drive(cockpit(), steps, size=(200, 60))


# -- cards that never cut the day or the time ------------------------------------------


@pytest.mark.parametrize("size", [*SIZES, (110, 30), (150, 40)])
def test_every_card_shows_its_badge_and_note_without_cutting_the_day_or_time(
    size: tuple[int, int],
) -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        model = view(app).model
        assert model is not None
        board = app.screen.query_one(KanbanBoard)
        checked = 0
        for stage in STAGES:
            if size[0] < layout.NARROW_BELOW:
                await pilot.press(*(["h"] * 3))
                await pilot.press(*(["l"] * STAGES.index(stage)))
                await pilot.pause()
            column = board.column(stage)
            for app_id in column.ids:
                card = model.card(app_id)
                assert card is not None
                lines = column.card_text(app_id)
                badge = lines[3].strip()
                assert not badge.endswith("…"), (size, card.badge, badge)
                assert card.badge.endswith(badge.removesuffix("overdue").strip().rstrip("!")), (
                    size,
                    card.badge,
                    badge,
                )
                if card.note:
                    note = lines[4].strip()
                    assert not note.endswith("…") and card.note.endswith(note), (card.note, note)
                checked += 1
        assert checked == 10

    drive(cockpit(long_wait_board()), steps, size=size)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_narrow_every_card_shows_its_company_position_and_whole_badge(
    size: tuple[int, int],
) -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        model = view(app).model
        assert model is not None
        board = app.screen.query_one(KanbanBoard)
        for stage in STAGES:
            column = board.column(stage)
            for app_id in column.ids:
                card = model.card(app_id)
                assert card is not None
                lines = [line.strip() for line in column.card_text(app_id)]
                assert lines[0] == card.company
                assert lines[1] == (card.position or "-")
                assert lines[3].startswith(card.badge)
            await pilot.press("l")

    drive(cockpit(long_wait_board()), steps, size=size)


def test_the_longest_badge_reads_whole_at_80_columns_and_keeps_its_date_in_medium() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        model = view(app).model
        assert model is not None
        card = model.card("a-globex")
        assert card is not None
        assert card.badge == "wait until 20 Jan 2027"
        column = app.screen.query_one(KanbanBoard).column(Stage.INTERVIEWED)
        await pilot.press("l")
        assert column.card_text("a-globex")[3].strip() == card.badge
        assert "wait until 20 Jan 2027" in shown(app)
        await pilot.resize_terminal(110, 30)
        await pilot.pause()
        await pilot.pause()
        shown_badge = column.card_text("a-globex")[3].strip()
        date = card.badge.removeprefix("wait until ")
        assert shown_badge.endswith(date)
        assert len(shown_badge) < len(card.badge)

    drive(cockpit(long_wait_board()), steps, size=(80, 24))


def test_a_pane_in_use_comes_back_when_the_terminal_grows() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("tab")
        assert view(app).pane is Pane.DETAIL
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert on_screen(app, KanbanBoard) and on_screen(app, Detail) and on_screen(app, Sidebar)
        assert app.screen.query_one(Detail).has_focus

    drive(cockpit(), steps, size=(80, 24))
