"""The `/` filter: cards matching the text stay, the rest step aside."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from jobcockpit.tui import keys


class FilterBar(Input):
    BINDINGS: ClassVar[list[BindingType]] = list(keys.FILTER)

    class Cleared(Message):
        """The user gave up filtering."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="filter: company, position, contact, notes, location, #tag", id=id
        )

    def on_blur(self) -> None:
        # A filter still in force stays in sight, whichever way focus left.
        self.set_class(bool(self.value), "-active")

    def action_clear_filter(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
