"""Asking yes or no before something that cannot be taken back lightly."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from jobcockpit.tui.screens.forms import keys
from jobcockpit.tui.views.text import literal
from jobcockpit.tui.widgets.footer import CockpitFooter


class ConfirmDialog(ModalScreen[bool]):
    """True when the person confirms. The question is shown literally, so a
    company name in it cannot turn into markup. Focus starts on "Cancel": an
    Enter pressed out of habit changes nothing."""

    CSS_PATH = "forms.tcss"
    BINDINGS: ClassVar[list[BindingType]] = list(keys.CONFIRM)

    def __init__(self, question: str | Content, confirm_label: str = "Delete") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        question = self.question if isinstance(self.question, Content) else literal(self.question)
        with Vertical(id="dialog"):
            yield Static(question, id="question")
            with Horizontal(id="buttons"):
                yield Button(
                    Content(f"{self.confirm_label} (y)"),
                    id="confirm",
                    variant="error",
                    compact=True,
                )
                yield Button("Cancel (n)", id="refuse", compact=True)
        yield CockpitFooter()

    def on_mount(self) -> None:
        self.query_one("#refuse", Button).focus()

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_refuse(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#confirm")
    def _confirm_pressed(self) -> None:
        self.action_confirm()

    @on(Button.Pressed, "#refuse")
    def _refuse_pressed(self) -> None:
        self.action_refuse()
