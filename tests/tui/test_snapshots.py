"""What the cockpit looks like, frozen at Tuesday 17 November 2026, 15:05 in
Berlin, on the fixed board of `factories`. Update with `--snapshot-update`,
and look at the new SVG before accepting it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factories import SIZE, cockpit

Compare = Callable[..., bool]


def test_the_board(snap_compare: Compare) -> None:
    """Three columns with counts, the sidebar, the detail of the first card."""
    assert snap_compare(cockpit(), terminal_size=SIZE)


def test_the_detail_of_an_application(snap_compare: Compare) -> None:
    """Acme, its detail focused and scrolled down: the contact in New York,
    their time, the why (rule ids and reason), the windows, and the log."""

    async def scroll_detail(pilot: Any) -> None:
        await pilot.press("j")
        await pilot.click("#detail")
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(cockpit(), run_before=scroll_detail, terminal_size=SIZE)


def test_a_form_showing_an_error(snap_compare: Compare) -> None:
    """A new application saved without a company: the error under the field."""
    assert snap_compare(cockpit(), press=["n", "ctrl+s"], terminal_size=SIZE)


def test_the_help_screen(snap_compare: Compare) -> None:
    """Every key, what it does, and its binding id."""
    assert snap_compare(cockpit(), press=["question_mark"], terminal_size=SIZE)


def test_the_stats_screen(snap_compare: Compare) -> None:
    """The funnel, the response rate and the applications per week."""

    async def settle(pilot: Any) -> None:
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(cockpit(), run_before=settle, terminal_size=SIZE)
