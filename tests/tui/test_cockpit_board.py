"""The cockpit as it opens: the board, the sidebar and the detail, moving
around with keys and the mouse, and a board of 10,000 applications."""

from __future__ import annotations

import factories
import pendulum
import pytest
from factories import NOW, cockpit, drive, shown
from textual.pilot import Pilot
from textual.widget import Widget

from jobcockpit.core.records import Stage
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.forms import ApplicationForm
from jobcockpit.tui.views.board_model import CARD_LINES
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.card_column import CardColumn
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.sidebar import Sidebar


def column(app: CockpitApp, stage: Stage) -> CardColumn:
    return app.screen.query_one(f"#column-{stage.value}", CardColumn)


def column_text(app: CockpitApp, stage: Stage) -> list[str]:
    """The lines the column paints, as text."""
    widget = column(app, stage)
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def sidebar_text(app: CockpitApp) -> str:
    return app.screen.query_one(Sidebar).text


def selected(app: CockpitApp) -> str | None:
    return app.screen.query_one(KanbanBoard).selected


def test_the_board_shows_three_columns_headed_with_their_counts() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        text = shown(app)
        assert "Applied 6" in text
        assert "Interviewed 2" in text
        assert "Decided 2" in text
        lines = column_text(app, Stage.APPLIED)
        assert lines[:4] == [
            "▌ Brightwave GmbH",
            "▌ Backend developer",
            "▌ applied 8 d ago",
            "▌  call now",
        ]
        assert [line.strip() for line in lines[CARD_LINES : 2 * CARD_LINES]] == [
            "Acme Tools",
            "Data analyst",
            "applied 15 d ago",
            "call 15:30  overdue",
            "",
        ]
        interviewed = [line.strip() for line in column_text(app, Stage.INTERVIEWED)]
        assert interviewed[2:5] == [
            "interviewed 11 d ago",
            "call 17:30  overdue",
            "thank-you 9 d late",
        ]
        assert interviewed[6:11] == [
            "Northwind Traders",
            "Product analyst",
            "interviewed 1 d ago",
            "wait until Thu",
            "thank-you in 1 h 55 min",
        ]
        decided = [line.strip() for line in column_text(app, Stage.DECIDED)]
        assert decided[2:5] == ["rejected 1 d ago", "call now", "courtesy by tomorrow 23:59"]
        assert decided[8:10] == ["offer 5 d ago", "done"]

    drive(cockpit(), steps)


def test_user_text_shows_exactly_as_typed() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        text = shown(app)
        assert "[red]Evil[/red] Corp" in text
        assert "[b]Chief[/b] [31mtester" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "[@click=app.quit]" in sidebar_text(app)
        await pilot.click("#column-applied", offset=(5, 3 * CARD_LINES + 1))
        await pilot.pause()
        assert selected(app) == "a-evil"
        detail = app.screen.query_one(Detail).plain
        assert factories.MARKUP_COMPANY in detail
        assert app.is_running

    drive(cockpit(), steps)


def test_arrows_and_hjkl_move_the_selection_and_the_detail_follows() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        detail = app.screen.query_one(Detail)
        assert selected(app) == "a-bright"
        assert "Jonas Weber" in detail.plain
        await pilot.press("j")
        assert selected(app) == "a-acme"
        assert "Dana Ruiz" in detail.plain
        await pilot.press("down", "down")
        assert selected(app) == "a-evil"
        await pilot.press("k")
        assert selected(app) == "a-hooli"
        await pilot.press("l")
        assert app.focused is column(app, Stage.INTERVIEWED)
        assert selected(app) == "a-globex"
        await pilot.press("right", "down")
        assert selected(app) == "a-umbrella"
        await pilot.press("h", "left")
        assert selected(app) == "a-hooli"
        await pilot.press("end")
        assert selected(app) == "a-stark"
        await pilot.press("home")
        assert selected(app) == "a-bright"

    drive(cockpit(), steps)


def test_a_click_selects_the_card_under_the_mouse() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.click("#column-decided", offset=(4, CARD_LINES + 1 + 2))
        await pilot.pause()
        assert app.focused is column(app, Stage.DECIDED)
        assert selected(app) == "a-umbrella"
        assert "Umbrella · Data engineer" in app.screen.query_one(Detail).plain

    drive(cockpit(), steps)


def test_the_sidebar_lists_calls_e_mails_thank_yous_and_what_comes_up() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        text = sidebar_text(app)
        calls = text.index("Safe to call today  4")
        emails = text.index("E-mail today  1")
        notes = text.index("Notes and interviews  3")
        coming = text.index("Coming up, next 5 business days")
        assert calls < emails < notes < coming
        call_part = text[calls:emails]
        # open now first, then overdue, then the longest since last contact
        order = [call_part.index(name) for name in ("Jonas", "Ines", "Dana", "Sam")]
        assert order == sorted(order)
        assert "Jonas Weber · Brightwave GmbH  unverified\n  now until 16:00" in call_part
        assert (
            "Dana Ruiz · Acme Tools  overdue\n  09:30-11:30 their time, 15:30-17:30 yours"
            in call_part
        )
        assert "Kim Park · Hooli\n  kim@hooli.example" in text[emails:notes]
        assert "Lena Hoff · Northwind Traders\n  thank-you in 1 h 55 min" in text[notes:coming]
        assert "Sam Okafor · Globex\n  thank-you 9 d late" in text[notes:coming]
        assert "Fri      Mia Chen" in text[coming:]

    drive(cockpit(), steps)


def test_choosing_a_sidebar_entry_selects_its_card() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        sidebar = app.screen.query_one(Sidebar)
        sidebar.focus()
        await pilot.pause()
        assert sidebar.highlighted_target == "a-bright"  # marked on arrival
        await pilot.press("down", "enter")
        await pilot.pause()
        assert selected(app) == "a-initech"
        assert app.focused is column(app, Stage.DECIDED)

    drive(cockpit(), steps)


def test_the_sidebar_marks_the_entry_under_the_cursor_and_a_click_opens_one() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        sidebar = app.screen.query_one(Sidebar)
        sidebar.focus()
        await pilot.press("down")
        await pilot.pause()
        assert sidebar.highlighted_target == "a-initech"

        def background(y: int) -> object:
            return next(iter(sidebar.render_line(y))).style.bgcolor  # type: ignore[union-attr]

        # Line 0 is the heading; each entry takes two lines or more.
        lines = sidebar.text.splitlines()
        marked = next(y for y, line in enumerate(lines) if "Ines" in line)
        assert background(marked) != background(1)
        assert background(marked + 1) == background(marked)

        # The mouse over an entry marks it (both of its lines), as a list does.
        hovered = next(y for y, line in enumerate(lines) if "Dana Ruiz" in line)
        plain = background(hovered)
        await pilot.hover(Sidebar, offset=(3, hovered + 1))  # on its second line
        await pilot.pause()
        assert background(hovered) not in (plain, background(marked))
        assert background(hovered + 1) == background(hovered)

        await pilot.click(Sidebar, offset=(3, 1))
        await pilot.pause()
        assert sidebar.highlighted_target == selected(app)

    drive(cockpit(), steps)


def test_sidebar_entries_show_their_marks_within_the_width() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        width = app.screen.query_one(Sidebar).scrollable_content_region.width
        # The one-line "coming up" entries are cut to the width; the others
        # wrap their marks instead.
        entries = sidebar_text(app).split("Coming up")[0]
        assert "overdue" in entries
        assert "unverified" in entries
        assert all(len(line) <= width for line in entries.splitlines())

    drive(cockpit(), steps)


def test_the_detail_shows_contacts_their_time_the_why_and_the_log() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        text = app.screen.query_one(Detail).plain
        assert "Dana Ruiz, Hiring manager  verified" in text
        assert "+1 212-555-0100" in text
        assert "America/New_York" in text
        assert "their time now Tue 09:05" in text
        assert "best time   not recorded" in text
        assert "call 15:30  overdue" in text
        assert "R3 R10" in text
        assert "window      09:30-11:30 their time, 15:30-17:30 yours" in text
        assert "Referred by a former colleague." in text
        assert "Ask about the SQL test." in text
        assert "Tue 10 Nov 2026 16:00  no answer" in text

    drive(cockpit(), steps)


def test_the_board_never_mounts_a_widget_per_card() -> None:
    board = factories.big_board(10_000)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        screen = app.screen
        while not screen.book.ready:  # type: ignore[attr-defined]
            await pilot.pause(0.05)
        await pilot.pause()
        widgets = list(screen.query(Widget))
        assert len(widgets) < 100
        counts = sum(len(column(app, stage).ids) for stage in Stage)
        assert counts == 10_000
        await pilot.press("end")
        last = column(app, Stage.APPLIED).ids[-1]
        assert selected(app) == last
        assert column(app, Stage.APPLIED).scroll_y > 10_000
        assert "Safe to call today" in sidebar_text(app)
        assert "more" in sidebar_text(app)

    drive(cockpit(board), steps)


def test_a_frozen_clock_shows_the_moment_in_the_header() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert "as of Tue 17 Nov 15:05" in shown(app)

    drive(cockpit(now=pendulum.instance(NOW)), steps)


def test_a_double_click_opens_the_card_for_editing() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.double_click("#column-applied", offset=(4, CARD_LINES + 1))
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert app.screen.application is not None
        assert app.screen.application.id == "a-acme"

    drive(cockpit(), steps)


def test_a_board_judged_after_its_first_paint_starts_at_its_most_urgent_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jobcockpit.tui.screens import judging, main

    monkeypatch.setattr(judging, "SYNC_JUDGE_LIMIT", 0)  # judged in a thread, as at 10,000

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        screen = app.screen
        assert isinstance(screen, main.MainScreen)
        for _ in range(100):
            if screen.book is not None and screen.book.ready:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert selected(app) == "a-bright"  # call now: first, as the column sorts it
        assert column(app, Stage.APPLIED).scroll_y == 0

    drive(cockpit(), steps)


def test_home_in_a_scrolled_sidebar_shows_its_first_heading_again() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        sidebar = app.screen.query_one(Sidebar)
        sidebar.focus()
        await pilot.press("end")
        await pilot.pause()
        assert sidebar.scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert sidebar.scroll_y == 0
        assert sidebar.highlighted_target == "a-bright"

    drive(cockpit(), steps, size=(140, 14))
