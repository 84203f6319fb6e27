"""Legible in every theme Textual ships.

The measure is WCAG 2's contrast ratio: at least 4.5:1 for text (AA for
body text; a terminal's text is never "large"), and 3:1 for what must be
seen without being text: a field's box, the mark of focus. Each card of the
fixed board is drawn in every theme, selected and not, in a focused column
and not, and every piece of its text is measured against the background it
is drawn on. The ANSI themes are left out: their colours are the terminal's
own palette, which the cockpit does not know.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import factories
import pytest
from rich.segment import Segment
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from jobcockpit.core.records import Stage
from jobcockpit.tui.contrast import MINIMUM, NON_TEXT_MINIMUM, contrast, field_variables, legible
from jobcockpit.tui.views.board_model import STAGES
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.card_column import CardColumn

THEMES = sorted(name for name in BUILTIN_THEMES if not name.startswith("ansi"))


def _colours(segment: Segment) -> tuple[Color, Color] | None:
    style = segment.style
    if style is None or style.color is None or style.bgcolor is None:
        return None
    fg, bg = style.color.triplet, style.bgcolor.triplet
    if fg is None or bg is None:
        return None
    return Color(*fg), Color(*bg)


def _card_segments(column: CardColumn) -> Iterator[tuple[str, Segment]]:
    """Every piece of text of every card, as drawn, selected or not."""
    width = column.scrollable_content_region.width
    for index, app_id in enumerate(column.ids):
        card = column._source(app_id)
        assert card is not None
        rows = column._tops[index + 1] - column._tops[index] - 1
        for selected in (False, True):
            for row in range(rows):
                for segment in column._render_card_line(card, row, width, selected):
                    if segment.text.strip():
                        yield app_id, segment


def _measure_every_theme() -> dict[str, list[str]]:
    """For each theme, the card texts that read below the minimum."""
    found: dict[str, list[str]] = {}

    async def run() -> None:
        app = factories.cockpit()
        async with app.run_test(size=factories.SIZE) as pilot:
            await pilot.pause()
            board = app.screen.query_one(KanbanBoard)
            for theme in THEMES:
                app.theme = theme
                await pilot.pause()
                failures: list[str] = []
                for stage in STAGES:
                    column = board.column(stage)
                    for focus in (True, False):
                        if focus:
                            board.focus_stage(stage)
                            app.screen.set_focus(column)
                        else:
                            app.screen.set_focus(board.column(Stage.APPLIED))
                            if stage is Stage.APPLIED:
                                continue
                        await pilot.pause()
                        column._lines.clear()
                        measured = 0
                        for app_id, segment in _card_segments(column):
                            colours = _colours(segment)
                            assert colours is not None, (theme, app_id, segment)
                            minimum = NON_TEXT_MINIMUM if segment.text == "▌" else MINIMUM
                            ratio = contrast(*colours)
                            measured += 1
                            if ratio < minimum:
                                failures.append(
                                    f"{stage.value} {app_id} {segment.text!r} {ratio:.2f}"
                                )
                        assert measured > 0
                found[theme] = failures

    asyncio.run(run())
    return found


@pytest.fixture(scope="module")
def measured() -> dict[str, list[str]]:
    return _measure_every_theme()


@pytest.mark.parametrize("theme", THEMES)
def test_card_text_reads_on_its_background_in_every_theme(
    theme: str, measured: dict[str, list[str]]
) -> None:
    assert measured[theme] == []


@pytest.mark.parametrize("theme", THEMES)
def test_form_fields_show_their_box_and_the_focused_one_shows_it_apart(theme: str) -> None:
    variables: dict[str, str] = {}

    async def run() -> None:
        app = factories.cockpit()
        async with app.run_test(size=factories.SIZE) as pilot:
            app.theme = theme
            await pilot.pause()
            variables.update(app.theme_variables)

    asyncio.run(run())
    surface = Color.parse(variables["surface"])
    box = Color.parse(variables["field-box"])
    focus = Color.parse(variables["field-box-focus"])
    assert variables["field-box"] == field_variables(variables)["field-box"]
    assert contrast(box, surface) >= NON_TEXT_MINIMUM
    assert contrast(focus, surface) >= NON_TEXT_MINIMUM
    assert box != focus


def test_a_colour_too_faint_is_darkened_or_lightened_until_it_reads() -> None:
    white = Color.parse("#ffffff")
    pale = Color.parse("#dddddd")
    fixed = legible(pale, white)
    assert contrast(fixed, white) >= MINIMUM
    assert fixed.brightness < pale.brightness
    dark = Color.parse("#1e1e1e")
    grey = Color.parse("#333333")
    assert contrast(legible(grey, dark), dark) >= MINIMUM
    assert legible(white, dark) == white
