"""The help screen: every key, what it does, and its binding id for a keymap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from jobcockpit.tui import keys
from jobcockpit.tui.keys import KeyRow
from jobcockpit.tui.widgets.footer import CockpitFooter

INTRO = (
    "Every change is saved at once; u undoes, several levels deep.\n"
    "Remap keys by binding id: jobcockpit settings keymap 'new_application=N;undo=ctrl+z'"
)


class HelpScreen(ModalScreen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = list(keys.DIALOG)

    def __init__(self, rows: Sequence[KeyRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(Content.styled("Keys", "bold"), classes="dialog-title")
            with VerticalScroll():
                yield Static(self._table(), id="help-table")
            yield Static(Content.styled(INTRO, "dim"), classes="dialog-footnote")
        yield CockpitFooter(compact=True)

    def _key_text(self, row: KeyRow) -> str:
        return ", ".join(self.app.get_key_display(Binding(key, "")) for key in row.keys)

    def _table(self) -> Content:
        keys_width = max(len(self._key_text(row)) for row in self.rows) + 3
        what_width = max(len(row.tooltip or row.description) for row in self.rows) + 3
        lines: list[Content] = []
        where = None
        for row in self.rows:
            if row.where != where:
                where = row.where
                if lines:
                    lines.append(Content(""))
                lines.append(Content.styled(where.capitalize(), "bold $text-primary"))
            lines.append(
                Content.assemble(
                    (f"  {self._key_text(row):<{keys_width}}", "bold $text-accent"),
                    f"{row.tooltip or row.description:<{what_width}}",
                    (row.id, "dim"),
                )
            )
        return Content("\n").join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
