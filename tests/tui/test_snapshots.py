"""What the cockpit looks like, frozen at Tuesday 17 November 2026, 15:05 in
Berlin, on the fixed board of `factories`, at the sizes terminals open at:
80x24 and 100x30 (one pane at a time), 120x40 (a narrower sidebar) and
200x60 (three panes). Update with `--snapshot-update`, and look at each new
SVG before accepting it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from factories import SIZE, cockpit

Compare = Callable[..., bool]

SIZES = [(80, 24), (100, 30), (120, 40), (200, 60)]
IDS = [f"{width}x{height}" for width, height in SIZES]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_board(snap_compare: Compare, size: tuple[int, int]) -> None:
    """The board as the size lays it out: one column under the stages as
    tabs with their counts when narrow, three columns and the sidebar (and
    the detail when it fits under them) when not; the footer with help, quit
    and the command palette."""
    assert snap_compare(cockpit(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_detail_of_an_application(snap_compare: Compare, size: tuple[int, int]) -> None:
    """Acme's detail, opened with enter, its cursor on Dana Ruiz: her number,
    zone and time, the why (rule ids and reason), the windows, the log; the
    footer offers e to edit and x to remove."""

    async def open_detail(pilot: Any) -> None:
        await pilot.press("j", "enter", "j")
        await pilot.pause()

    assert snap_compare(cockpit(), run_before=open_detail, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_form_showing_an_error(snap_compare: Compare, size: tuple[int, int]) -> None:
    """A new application saved without a company: the error under the field,
    each field in its box, the focused one in its own colour."""
    assert snap_compare(cockpit(), press=["n", "ctrl+s"], terminal_size=size)


def test_the_help_screen(snap_compare: Compare) -> None:
    """Every key, what it does, and its binding id."""
    assert snap_compare(cockpit(), press=["question_mark"], terminal_size=SIZE)


def test_the_stats_screen(snap_compare: Compare) -> None:
    """The funnel, the response rate and the applications per week."""

    async def settle(pilot: Any) -> None:
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(cockpit(), run_before=settle, terminal_size=SIZE)
