"""Which panes the cockpit shows, and how, for the size of the terminal.

Three arrangements, chosen by the width unless the user picked one (`v`):

- **wide** (from 150 columns): the board, the detail under it and the
  sidebar beside them, as it was made to be seen;
- **medium** (110 to 149): the same with a narrower sidebar;
- **narrow** (below 110, where most terminals open: 80x24): one pane at a
  time, the board one column at a time under the stages as tabs, the detail
  and the sidebar a key away (`tab`, `enter`) and back (`escape`).

The detail goes under the board only when the terminal is tall enough for
both (`STACK_FROM` rows); otherwise it takes the board's place while it is
looked at, as in the narrow arrangement.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Arrangement(StrEnum):
    WIDE = "wide"
    MEDIUM = "medium"
    NARROW = "narrow"


class Pane(StrEnum):
    BOARD = "board"
    DETAIL = "detail"
    SIDEBAR = "sidebar"


PANES: tuple[Pane, ...] = (Pane.BOARD, Pane.DETAIL, Pane.SIDEBAR)
"""The order `tab` goes through them."""

WIDE_FROM = 150
NARROW_BELOW = 110
STACK_FROM = 34
"""Rows from which the detail fits under the board: the board keeps three
cards above a detail of 16 lines."""
TALL_FROM = 50
"""Rows from which the detail gets more lines."""


@dataclass(frozen=True, slots=True)
class Layout:
    arrangement: Arrangement
    stacked: bool
    """The detail under the board (else a pane of its own, in the board's place)."""
    tall: bool
    chosen: bool
    """The user chose the arrangement; else it follows the terminal's size."""

    @property
    def classes(self) -> list[str]:
        """The screen classes that give the layout its look (cockpit.tcss)."""
        return [
            f"-{self.arrangement.value}",
            "-stacked" if self.stacked else "-single",
            *(["-tall"] if self.tall else []),
        ]

    def shows(self, pane: Pane, current: Pane) -> bool:
        """Whether `pane` is on screen while `current` is the one in use."""
        if self.arrangement is Arrangement.NARROW:
            return pane is current
        if pane is Pane.SIDEBAR or self.stacked:
            return True
        if pane is Pane.DETAIL:
            return current is Pane.DETAIL
        return current is not Pane.DETAIL


def arrangement_for(width: int) -> Arrangement:
    if width >= WIDE_FROM:
        return Arrangement.WIDE
    if width >= NARROW_BELOW:
        return Arrangement.MEDIUM
    return Arrangement.NARROW


def choose(width: int, height: int, chosen: Arrangement | None = None) -> Layout:
    """The layout for a terminal of `width` by `height`, or with the
    arrangement the user `chosen`."""
    arrangement = chosen or arrangement_for(width)
    stacked = arrangement is not Arrangement.NARROW and height >= STACK_FROM
    return Layout(arrangement, stacked, height >= TALL_FROM, chosen is not None)


def next_choice(current: Arrangement | None) -> Arrangement | None:
    """What `v` switches to: each arrangement in turn, then back to the one
    the size picks (None)."""
    order: list[Arrangement | None] = [None, *Arrangement]
    return order[(order.index(current) + 1) % len(order)]
