"""A form control with its label above it and, under it, a hint or its error.

Every dialog of the cockpit says what is wrong right where it is wrong, and
reads a typed value back ("tue" becomes "Tue 10 Nov 2026, yesterday") under
the same control, so the person sees what the cockpit understood before it is
saved. Messages may quote what the user typed, so they are shown literally.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Static

from jobcockpit.tui.views.text import literal


class Field(Vertical):
    """One labelled control; its id is the control's id plus `-field`."""

    DEFAULT_CSS = """
    Field {
        height: auto;
        margin: 0 0 1 0;
    }
    Field > .field--label {
        color: $text-muted;
        text-style: bold;
    }
    Field > .field--hint {
        color: $text-muted;
        display: none;
    }
    Field > .field--error {
        color: $text-error;
        display: none;
    }
    Field.-has-hint > .field--hint {
        display: block;
    }
    Field.-invalid > .field--error {
        display: block;
    }
    Field.-invalid > .field--hint {
        display: none;
    }
    Field.-invalid > Select > SelectCurrent,
    Field.-invalid > RadioSet,
    Field.-invalid > TextArea {
        border: tall $error 60%;
    }
    """

    def __init__(self, label: str, control: Widget, *, hint: str = "") -> None:
        if control.id is None:
            raise ValueError("a field's control needs an id")
        super().__init__(id=f"{control.id}-field")
        self.label = label
        self.control = control
        self._advice = hint
        self._hint = hint
        self._error: str | None = None

    def compose(self) -> ComposeResult:
        yield Label(Content(self.label), classes="field--label")
        yield self.control
        yield Static(classes="field--hint")
        yield Static(classes="field--error")

    def on_mount(self) -> None:
        self._show()

    @property
    def error(self) -> str | None:
        """The error now shown under the control, if any."""
        return self._error

    @property
    def hint(self) -> str:
        return self._hint

    def show_error(self, message: str | None) -> None:
        """Show `message` under the control, or clear the error with None."""
        message = message or None
        if message != self._error:
            self._error = message
            self._show()

    def show_hint(self, hint: str | None) -> None:
        """A read-back of the value; None shows the field's advice again. Hidden
        while an error shows."""
        hint = hint or self._advice
        if hint != self._hint:
            self._hint = hint
            self._show()

    def _show(self) -> None:
        self.set_class(self._error is not None, "-invalid")
        self.control.set_class(self._error is not None, "-invalid")
        self.set_class(bool(self._hint), "-has-hint")
        for error in self.query(".field--error").results(Static):
            error.update(literal(self._error))
        for hint in self.query(".field--hint").results(Static):
            hint.update(literal(self._hint))
