"""The footer at every width: help, quit and the command palette always, the
other keys while they fit, the least important going first, and never a
stray character or half a key."""

from __future__ import annotations

import pytest
from factories import cockpit, drive, shown
from textual.pilot import Pilot

from jobcockpit.tui import keys
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.widgets.footer import CockpitFooter, FooterKey, fit

WIDTHS = [60, 80, 100, 110, 120, 140, 160, 200, 250]


def footer(app: CockpitApp) -> CockpitFooter:
    return app.screen.query_one(CockpitFooter)


def footer_line(app: CockpitApp) -> str:
    """The footer's line as drawn, spaces and all."""
    return footer(app).render_line(0).text


@pytest.mark.parametrize("width", WIDTHS)
def test_help_quit_and_the_palette_are_always_in_the_footer(width: int) -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        line = footer_line(app)
        for label in ("? Help", "q Quit", "^p Commands"):
            assert label in line, (width, line)
        assert len(line) == width
        assert line.rstrip().endswith("^p Commands")
        assert shown(app).splitlines()[-1].endswith("^p Commands")

    drive(cockpit(), steps, size=(width, 30))


@pytest.mark.parametrize("width", WIDTHS)
def test_every_key_shown_is_shown_whole_and_nothing_else(width: int) -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        bar = footer(app)
        line = footer_line(app)
        labels = [f"{key.shown} {key.description}" for key in bar.shown]
        rest = line
        for label in labels:
            assert label in rest, (label, line)
            rest = rest.replace(label, "", 1)
        assert rest.strip() == "", f"stray text {rest.strip()!r} in {line!r}"

    drive(cockpit(), steps, size=(width, 30))


def test_the_least_important_keys_go_first() -> None:
    ids = ["stats", "new_application", "filter", "undo", "log_reply"]
    by_importance = sorted(ids, key=keys.FOOTER_ORDER.index)
    found = [FooterKey(binding_id, "k", "k", "Word", True, False) for binding_id in ids]
    found.append(FooterKey("help", "question_mark", "?", "Help", True, True))
    for room in range(0, 8):
        width = found[-1].width + 2 + room * (found[0].width + 2)
        chosen = fit(found, width)
        kept = [key.id for key in chosen if not key.essential]
        assert sorted(kept, key=keys.FOOTER_ORDER.index) == by_importance[: min(room, 5)]
        assert kept == [i for i in ids if i in kept], "kept keys keep their own order"
        assert chosen[-1].id == "help"


def test_at_80_columns_the_board_footer_offers_the_main_keys() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        shown_ids = [key.id for key in footer(app).shown]
        assert shown_ids[-3:] == ["help", "quit", "command_palette"]
        for binding_id in ("new_application", "edit_application", "log_call"):
            assert binding_id in shown_ids
        assert "stats" not in shown_ids

    drive(cockpit(), steps, size=(80, 24))


def test_the_detail_keys_come_first_while_the_detail_has_focus() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("tab")
        await pilot.pause()
        shown_ids = [key.id for key in footer(app).shown]
        assert "detail_edit" in shown_ids and "detail_remove" in shown_ids
        assert "e Edit  x Remove" in footer_line(app)

    drive(cockpit(), steps, size=(80, 24))


def test_a_click_on_a_key_in_the_footer_presses_it() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        from jobcockpit.tui.screens.help import HelpScreen

        line = footer_line(app)
        await pilot.click(CockpitFooter, offset=(line.index("? Help"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

    drive(cockpit(), steps, size=(100, 30))
