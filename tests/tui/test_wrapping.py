"""Words are wrapped, never cut: a badge keeps its day or time, a detail line
breaks between its pieces (never inside a phone number), the help's lines
wrap to the terminal, and messages and errors under fields show whole."""

from __future__ import annotations

import pytest
from factories import NOW, cockpit, drive
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Static

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.help import HelpScreen
from jobcockpit.tui.views.fitting import cut, fit_when
from jobcockpit.tui.views.wrapping import wrap_pieces
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.field import Field

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "width", "fitted"),
    [
        ("wait until Wed 9 Dec", 30, "wait until Wed 9 Dec"),
        ("wait until Wed 9 Dec", 19, "until Wed 9 Dec"),
        ("wait until Wed 9 Dec", 12, "Wed 9 Dec"),
        ("wait until Wed 9 Dec", 6, "Wed 9…"),
        ("call 14:30", 6, "14:30"),
        ("thank-you in 45 min", 12, "in 45 min"),
        ("courtesy note by tomorrow", 20, "note by tomorrow"),
        ("no contact yet", 8, "no cont…"),
        ("e-mail", 3, "e-…"),
    ],
)
def test_a_badge_drops_the_words_before_its_day_or_time_first(
    text: str, width: int, fitted: str
) -> None:
    assert fit_when(text, width) == fitted


def test_cut_marks_what_it_cut() -> None:
    assert cut("Brightwave GmbH", 8) == "Brightw…"
    assert cut("Acme", 8) == "Acme"
    assert cut("Acme", 0) == ""


def _line() -> Content:
    label = "phone".ljust(12, NBSP)
    return Content.assemble(
        "    ", (label, "dim"), "+1 720-555-0115", ("   e-mail ", "dim"), "dana@acme.example"
    )


@pytest.mark.parametrize("width", [60, 40, 30, 24])
def test_a_detail_line_breaks_between_its_pieces_never_inside_the_number(width: int) -> None:
    lines = [line.plain.replace(NBSP, " ") for line in wrap_pieces(_line(), width)]
    assert all(len(line) <= width for line in lines)
    assert any("+1 720-555-0115" in line for line in lines)
    assert any("dana@acme.example" in line for line in lines)
    assert all(line.startswith("    ") for line in lines)


def test_a_line_that_fits_is_left_as_it_is() -> None:
    line = _line()
    assert wrap_pieces(line, 80) == [line]


def test_the_detail_at_80_columns_keeps_each_number_and_address_whole() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j", "enter")
        detail = app.screen.query_one(Detail)
        drawn = [detail.render_line(y).text for y in range(detail.size.height)]
        assert any("+1 212-555-0100" in line for line in drawn)
        assert any("dana@acme.example" in line for line in drawn)
        assert all(len(line.rstrip()) <= 80 for line in drawn)

    drive(cockpit(), steps, size=(80, 24))


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """Whether `wanted` appear whole among `words`, in their order (other
    words, such as the id column, may come between)."""
    found = iter(words)
    return all(any(word == candidate for candidate in found) for word in wanted)


@pytest.mark.parametrize("width", [80, 100, 160])
def test_the_help_wraps_to_the_terminal_and_shows_every_id_whole(width: int) -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        table = screen.query_one("#help-table", Static)
        text = str(table.content)
        lines = text.splitlines()
        assert max(len(line) for line in lines) <= int(width * 0.96) - 8
        words = text.split()
        for row in screen.rows:
            assert row.id in words, row.id
            said = (row.tooltip or row.description).split()
            assert _in_order(said, words), said

    drive(cockpit(), steps, size=(width, 40))


def test_an_error_under_a_field_wraps_and_shows_whole_at_80_columns() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("o")
        await pilot.pause()
        field = app.screen.query_one("#user_timezone", Input)
        field.focus()
        await pilot.pause()
        field.value = ""
        await pilot.press(*"Europe/Berln", "tab")
        await pilot.pause()
        holder = app.screen.query_one("#user_timezone-field", Field)
        error = holder.error
        assert error is not None and "did you mean Europe/Berlin" in error
        shown_error = holder.query_one(".field--error", Static)
        width = shown_error.size.width
        assert len(error) > width, "the message is longer than the field is wide"
        assert shown_error.size.height == len(Content(error).wrap(width))

    drive(cockpit(), steps, size=(80, 24))


def test_a_long_message_wraps_in_its_notice() -> None:
    message = "The data file could not be saved: " + "a very long reason " * 8 + "END"

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        from textual.widgets._toast import Toast

        app.notify(message, severity="error", markup=False)
        await pilot.pause()
        await pilot.pause()
        (toast,) = app.screen.query(Toast)
        assert toast.size.height > 2
        lines = [toast.render_line(y).text.strip() for y in range(toast.size.height)]
        assert " ".join(" ".join(lines).split()).endswith("END")

    drive(cockpit(), steps, size=(80, 24))


def test_an_error_shown_on_saving_is_brought_into_sight_whole() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Lee Park", "tab", *"Recruiter", "tab", *"+1 720 555 011")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        holder = app.screen.query_one("#phone-field", Field)
        assert holder.error == "“+1 720 555 011” is too short for a number in US"
        error = holder.query_one(".field--error", Static)
        fields = app.screen.query_one("#fields")
        assert error.size.height == 2
        assert fields.region.contains_region(error.region), "the error is cut off"

    alone = Application(
        id="a1", company="Acme Widgets", position="Data analyst", applied_on=NOW.date()
    )
    drive(cockpit(Board([alone])), steps, size=(80, 24))
