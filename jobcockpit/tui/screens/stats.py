"""Stats: the funnel from applied to offers, the response rate, and the pace of
applications per week as a sparkline."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Sparkline, Static

from jobcockpit.core.board import Board
from jobcockpit.tui import keys
from jobcockpit.tui.views.figures import Funnel, applications_per_week, funnel
from jobcockpit.tui.widgets.footer import CockpitFooter

WEEKS = 26
BAR_WIDTH = 40


def funnel_lines(figures: Funnel) -> Content:
    steps = [
        ("Applied", figures.applied),
        ("Interviewed", figures.interviewed),
        ("Decided", figures.decided),
        ("Offers", figures.offers),
    ]
    widest = max(figures.applied, 1)
    lines = []
    for name, count in steps:
        filled = round(BAR_WIDTH * count / widest)
        share = f"{count / figures.applied:>6.0%}" if figures.applied else ""
        lines.append(
            Content.assemble(
                (f"{name:<13}", "bold"),
                ("█" * filled, "$text-accent"),
                ("░" * (BAR_WIDTH - filled), "dim"),
                f" {count:>6,}",
                (share, "dim"),
            )
        )
    lines.append(Content(""))
    lines.append(
        Content.assemble(
            ("Response rate ", "bold"),
            f"{figures.response_rate:.0%}",
            (
                f"  ({figures.responded:,} of {figures.applied:,} applications had a reply, "
                "an interview or a decision)",
                "dim",
            ),
        )
    )
    return Content("\n").join(lines)


class StatsScreen(ModalScreen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = list(keys.DIALOG)

    def __init__(self, board: Board, today: dt.date) -> None:
        super().__init__()
        self.figures = funnel(board)
        self.weekly = applications_per_week(board, today, WEEKS)

    def compose(self) -> ComposeResult:
        with Vertical(id="stats-dialog", classes="dialog"):
            yield Static(Content.styled("Stats", "bold"), classes="dialog-title")
            yield Static(funnel_lines(self.figures), id="funnel")
            yield Static(
                Content.assemble(
                    ("Applications per week", "bold"),
                    (f"  last {WEEKS} weeks, {sum(self.weekly):,} in all, ", "dim"),
                    (f"{max(self.weekly):,} at most, {self.weekly[-1]:,} this week", "dim"),
                ),
                id="pace-title",
            )
            yield Sparkline([float(n) for n in self.weekly], id="pace")
            yield Static(
                Content.styled(f"{WEEKS} weeks ago{'this week':>{BAR_WIDTH + 6}}", "dim"),
                id="pace-axis",
            )
        yield CockpitFooter(compact=True)

    def action_close(self) -> None:
        self.dismiss(None)
