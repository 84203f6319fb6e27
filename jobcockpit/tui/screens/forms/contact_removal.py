"""Taking a contact off an application, or removing them altogether.

A contact may be linked to several applications (a recruiter for two
posts), so removing one from the detail asks which is meant: unlink them
from this application only, or remove them everywhere, with the log entries
that name them (the question says how many). Undo brings either back.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from jobcockpit.tui.screens.forms import keys
from jobcockpit.tui.widgets.footer import CockpitFooter

Removal = Literal["unlink", "remove"]


class RemoveContactDialog(ModalScreen[Removal | None], inherit_bindings=False):
    """ "unlink", "remove", or None to keep the contact. Focus starts on
    "Cancel": an Enter pressed out of habit changes nothing."""

    CSS_PATH = "forms.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*keys.MOVES, *keys.REMOVE_CONTACT]

    def __init__(self, name: str, company: str, others: int, entries: int) -> None:
        """`name` and `company` as shown (already made safe); `others`: the
        other applications the contact is linked to; `entries`: the log
        entries that name them."""
        super().__init__()
        self.contact_name = name
        self.company = company
        self.others = others
        self.entries = entries

    def question(self) -> Content:
        everywhere = "every application" if self.others else "the job hunt"
        also = f" and {self.others} other application{'s' if self.others != 1 else ''}"
        lines = [
            Content.assemble(
                "Remove ",
                (self.contact_name, "bold"),
                " from ",
                (self.company, "bold"),
                f"{also if self.others else ''}?",
            ),
            Content(""),
            Content.assemble(("u", "bold"), f"  unlinks them from {self.company} only"),
            Content.assemble(
                ("r", "bold"),
                f"  removes them from {everywhere}{self._with_entries()}",
            ),
            Content.styled("u (undo) brings either back.", "dim"),
        ]
        return Content("\n").join(lines)

    def _with_entries(self) -> str:
        if not self.entries:
            return ""
        if self.entries == 1:
            return ", with the log entry that names them"
        return f", with the {self.entries} log entries that name them"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question(), id="question")
            with Horizontal(id="buttons"):
                yield Button(Content("Unlink (u)"), id="unlink", variant="warning", compact=True)
                yield Button(Content("Remove (r)"), id="remove", variant="error", compact=True)
                yield Button("Cancel (n)", id="refuse", compact=True)
        yield CockpitFooter()

    def on_mount(self) -> None:
        self.query_one("#refuse", Button).focus()

    def action_unlink(self) -> None:
        self.dismiss("unlink")

    def action_remove(self) -> None:
        self.dismiss("remove")

    def action_refuse(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#unlink")
    def _unlink_pressed(self) -> None:
        self.action_unlink()

    @on(Button.Pressed, "#remove")
    def _remove_pressed(self) -> None:
        self.action_remove()

    @on(Button.Pressed, "#refuse")
    def _refuse_pressed(self) -> None:
        self.action_refuse()
