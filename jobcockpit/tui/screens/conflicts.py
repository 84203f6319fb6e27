"""Offering to merge the conflict copies a sync tool left beside the data file.

Syncthing, Dropbox and Nextcloud keep both sides when two machines saved the
file at once; each side may hold work the other lacks. At start the cockpit
lists each copy with what merging it would add and which records it holds
differently (ours is kept for those, so the person knows what to look at),
and asks: merge now, or later (the copies are offered again next time).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from jobcockpit.core.board import Board
from jobcockpit.core.text import plain
from jobcockpit.tui import keys
from jobcockpit.tui.session import CopyReport
from jobcockpit.tui.widgets.footer import CockpitFooter

LISTED = 6
"""Records named per list before the rest are only counted."""


def _names(labels: Sequence[str]) -> str:
    shown = ", ".join(plain(label) for label in labels[:LISTED])
    more = len(labels) - LISTED
    return f"{shown} and {more} more" if more > 0 else shown


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def describe_copy(report: CopyReport, board: Board) -> list[str]:
    """The lines that tell one copy apart: what it adds, what it holds
    differently. Plain text, cleaned of control characters."""
    lines = [plain(report.copy.name)]
    merge = report.merge
    if merge is None:
        lines.append(f"  cannot be read, left alone: {plain(report.problem)}")
        return lines
    change = merge.change
    added: list[str] = []
    if change.put_applications:
        companies = [a.company for a in change.put_applications]
        added.append(f"{_count(len(companies), 'application')} ({_names(companies)})")
    if change.put_contacts:
        names = [c.name for c in change.put_contacts]
        added.append(f"{_count(len(names), 'contact')} ({_names(names)})")
    if change.add_log:
        added.append(_count(len(change.add_log), "log entry", "log entries"))
    lines.append("  adds " + ", ".join(added) if added else "  adds nothing you lack")
    differing: list[str] = [
        board.applications[key].label if key in board.applications else f"application {key}"
        for key in merge.differing_applications
    ]
    differing += [
        board.contacts[key].label if key in board.contacts else f"contact {key}"
        for key in merge.differing_contacts
    ]
    differing += [
        board.log[key].label if key in board.log else f"log entry {key}"
        for key in merge.differing_log
    ]
    if differing:
        lines.append(f"  holds differently (yours is kept): {_names(differing)}")
    return lines


class ConflictCopiesScreen(ModalScreen[bool]):
    """True when the person chooses to merge the readable copies now."""

    CSS_PATH = "conflicts.tcss"
    BINDINGS: ClassVar[list[BindingType]] = list(keys.CONFLICTS)

    def __init__(self, reports: Sequence[CopyReport], board: Board) -> None:
        super().__init__()
        self.reports = list(reports)
        self.board = board

    @property
    def mergeable(self) -> list[CopyReport]:
        return [report for report in self.reports if report.merge is not None]

    def compose(self) -> ComposeResult:
        count = len(self.reports)
        heading = (
            f"A sync tool left {_count(count, 'conflict copy', 'conflict copies')} "
            "of your data file"
        )
        text = "\n".join(
            line for report in self.reports for line in describe_copy(report, self.board)
        )
        with Vertical(id="dialog"):
            yield Static(Content.styled(heading, "bold"), id="heading")
            with VerticalScroll(id="copies"):
                yield Static(Content(text), id="copies-text")
            yield Static(
                Content(
                    "Merging adds what only a copy holds and loses nothing of either side; "
                    "the copy then moves to the backups folder."
                ),
                classes="note",
            )
            with Horizontal(id="buttons"):
                if self.mergeable:
                    yield Button(Content("Merge (m)"), id="merge", variant="primary", compact=True)
                yield Button(Content("Later (l)"), id="later", compact=True)
        yield CockpitFooter()

    def on_mount(self) -> None:
        self.query_one("#later", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "merge":
            return bool(self.mergeable)
        return True

    def action_merge(self) -> None:
        self.dismiss(True)

    def action_later(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#merge")
    def _merge_pressed(self) -> None:
        self.action_merge()

    @on(Button.Pressed, "#later")
    def _later_pressed(self) -> None:
        self.action_later()
