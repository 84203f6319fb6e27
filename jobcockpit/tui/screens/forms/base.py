"""What every dialog shares: reading its fields, showing errors, saving, cancelling.

A dialog reads all its fields in one `read` method that never raises: each
field's value is parsed, and what fails goes into a `Reading` as an error for
that field. The same read runs on every change, to refresh the read-backs
under the fields and to clear an error once it is fixed, and on saving, when a
record is returned only if no field has an error. An error shows under a field
once the person has left it, or after a first attempt to save, not while they
are still typing.

`tab` moves between fields as soon as it is read, before the keys typed
after it (a binding with priority): typing fast after `tab` never puts the
next field's text into the previous one. A paste holding tabs (a row copied
from a spreadsheet) fills one field per cell, from the focused one on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioSet, Select, Static, TextArea

from jobcockpit.core.records import RecordError
from jobcockpit.tui.screens.forms import keys
from jobcockpit.tui.widgets.field import Field
from jobcockpit.tui.widgets.footer import CockpitFooter

ResultT = TypeVar("ResultT")
V = TypeVar("V")


def _paste_into(field: Input, text: str) -> None:
    """`text` pasted into `field`: over its selection, else at the cursor."""
    selection = field.selection
    if selection.is_empty:
        field.insert_text_at_cursor(text)
    else:
        field.replace(text, *selection)


class Reading:
    """The fields' errors and read-backs, keyed by control id, from one read."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}
        self.hints: dict[str, str] = {}

    def take(self, key: str, parse: Callable[[], V], fallback: V) -> V:
        """`parse()`, or `fallback` with its error noted against `key`."""
        try:
            return parse()
        except ValueError as error:
            self.fail(key, error)
            return fallback

    def fail(self, key: str, error: ValueError | str) -> None:
        """Note a problem with `key`; the first one found is the one shown."""
        message = error.problem if isinstance(error, RecordError) else str(error)
        self.errors.setdefault(key, message)

    def hint(self, key: str, text: str) -> None:
        self.hints[key] = text

    @property
    def ok(self) -> bool:
        return not self.errors


class FormScreen(ModalScreen[ResultT | None]):
    """A dialog that returns a checked record, or None when cancelled.

    Its fields' boxes take the colours `$field-box` and `$field-box-focus`,
    which the app showing it works out for its theme
    (`contrast.field_variables`, as `CockpitApp.get_css_variables` does)."""

    CSS_PATH = "forms.tcss"
    BINDINGS: ClassVar[list[BindingType]] = list(keys.FORM)

    submit_label: ClassVar[str] = "Save"

    def __init__(self) -> None:
        super().__init__()
        self._touched: set[str] = set()

    # -- what each dialog provides -------------------------------------------

    def heading(self) -> Content:
        raise NotImplementedError

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def compose_aside(self) -> ComposeResult:
        """What shows beside the fields while they are filled in; nothing by default."""
        yield from ()

    def read(self, reading: Reading) -> ResultT | None:
        """The record the fields describe; errors go into `reading`."""
        raise NotImplementedError

    # -- the frame -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.heading(), id="heading")
            with Horizontal(id="body"):
                with VerticalScroll(id="fields", can_focus=False):
                    yield from self.compose_fields()
                yield from self.compose_aside()
            with Horizontal(id="buttons"):
                yield Button(self.submit_label, id="submit", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield CockpitFooter()

    def on_mount(self) -> None:
        self.recheck()

    # -- reading the fields --------------------------------------------------

    def text(self, control_id: str) -> str:
        return self.query_one(f"#{control_id}", Input).value

    def fields(self) -> Iterable[Field]:
        return self.query(Field)

    def recheck(self, *, all_fields: bool = False) -> tuple[Reading, ResultT | None]:
        """Read every field; refresh the read-backs and the errors of the fields
        the person has been through."""
        reading = Reading()
        result = self.read(reading)
        if all_fields:
            self._touched |= {field.control.id or "" for field in self.fields()}
        for field in self.fields():
            key = field.control.id or ""
            field.show_hint(reading.hints.get(key))
            field.show_error(reading.errors.get(key) if key in self._touched else None)
        return reading, result

    def action_submit(self) -> None:
        reading, result = self.recheck(all_fields=True)
        if not reading.ok or result is None:
            invalid = [f for f in self.fields() if f.error is not None and f.display]
            if invalid:
                invalid[0].control.focus()
                # The whole field in sight, its error under it included.
                self.call_after_refresh(invalid[0].scroll_visible, animate=False)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def take_paste(self, text: str) -> bool:
        """Spread a pasted text holding tabs over the fields, one cell each,
        from the focused field on; False (the focused field takes it all, as
        usual) when it holds no tab. Each field takes its cell as it would a
        paste, once it has taken focus."""
        if "\t" not in text:
            return False
        cells = text.splitlines()[0].split("\t") if text.strip() else []
        for number, cell in enumerate(cells):
            if number:
                self.focus_next()
            focused = self.focused
            if isinstance(focused, Input):
                focused.call_later(_paste_into, focused, cell)
        return True

    @on(Button.Pressed, "#submit")
    def _submit_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    @on(Input.Blurred)
    def _input_left(self, event: Input.Blurred) -> None:
        if event.input.id is not None:
            self._touched.add(event.input.id)
        self.recheck()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(RadioSet.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            self.recheck()
