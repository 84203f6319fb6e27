"""The help screen: every key, what it does, and its binding id for a keymap."""

from __future__ import annotations

import textwrap
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
    "Every change is saved at once; u undoes, several levels deep, and U redoes.\n"
    "Remap keys by binding id: jobcockpit settings keymap 'new_application=N;undo=ctrl+z'"
)


WHAT_WIDTH = 64
"""The widest a description runs before it wraps: a line the eye can follow
to its id."""


class HelpScreen(ModalScreen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = list(keys.DIALOG)

    def __init__(self, rows: Sequence[KeyRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(Content.styled("Keys", "bold"), classes="dialog-title")
            with VerticalScroll():
                yield Static(self._table(self._room()), id="help-table")
            yield Static(Content.styled(INTRO, "dim"), classes="dialog-footnote")
        yield CockpitFooter(compact=True)

    def _room(self) -> int:
        """The table's width: the dialog's widest (96% of the terminal) less
        its frame, its padding and a scrollbar."""
        return max(40, int(self.app.size.width * 0.96) - 8)

    def on_resize(self) -> None:
        self.query_one("#help-table", Static).update(self._table(self._room()))

    def _key_text(self, row: KeyRow) -> str:
        return ", ".join(self.app.get_key_display(Binding(key, "")) for key in row.keys)

    def _table(self, room: int) -> Content:
        """Keys, what they do and their ids in three columns; what they do
        wraps to fit, and on a narrow terminal the id goes under it."""
        keys_width = max(len(self._key_text(row)) for row in self.rows) + 3
        id_width = max(len(row.id) for row in self.rows)
        said_width = max(len(row.tooltip or row.description) for row in self.rows) + 3
        what_width = min(said_width, WHAT_WIDTH, room - 2 - keys_width - id_width)
        id_below = what_width < 28
        if id_below:
            what_width = room - 2 - keys_width
        indent = " " * (2 + keys_width)
        lines: list[Content] = []
        where = None
        for row in self.rows:
            if row.where != where:
                where = row.where
                if lines:
                    lines.append(Content(""))
                lines.append(Content.styled(where.capitalize(), "bold $text-primary"))
            said = textwrap.wrap(row.tooltip or row.description, what_width - 1) or [""]
            for number, part in enumerate(said):
                lead = f"  {self._key_text(row):<{keys_width}}" if number == 0 else indent
                shown_id = row.id if number == 0 and not id_below else ""
                lines.append(
                    Content.assemble(
                        (lead, "bold $text-accent"),
                        f"{part:<{what_width}}" if shown_id else part,
                        (shown_id, "dim"),
                    )
                )
            if id_below:
                lines.append(Content.assemble(indent, (row.id, "dim")))
        return Content("\n").join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
