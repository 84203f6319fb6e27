"""The stages as tabs, for a board too narrow for three columns side by side.

Below about 110 columns the board shows one column at a time; these tabs
name all three with their counts ("Applied 6 │ Interviewed 2 │ Decided 2"),
mark the one shown, and take a click. `h` and `l` (or the arrows) move
between them as they move between columns.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from jobcockpit.core.records import Stage
from jobcockpit.tui.views.board_model import STAGES
from jobcockpit.tui.views.fitting import cut

SEPARATOR = " │ "
HINT = "  h ← → l"


class StageTabs(Widget, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "stage-tabs--current",
        "stage-tabs--other",
        "stage-tabs--hint",
    }

    class Chosen(Message):
        """A tab was clicked: show that stage's column."""

        def __init__(self, stage: Stage) -> None:
            super().__init__()
            self.stage = stage

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current: Stage = Stage.APPLIED
        self.headers: dict[Stage, str] = {stage: stage.value.capitalize() for stage in STAGES}
        self._places: list[tuple[int, int, Stage]] = []

    def show(self, headers: dict[Stage, str], current: Stage) -> None:
        merged = {**self.headers, **headers}
        if merged != self.headers or current is not self.current:
            self.headers = merged
            self.current = current
            self.refresh()

    @property
    def text(self) -> str:
        """The tabs as they read."""
        return SEPARATOR.join(self.headers[stage] for stage in STAGES)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0:
            return Strip.blank(width, base)
        current = base + self.get_component_rich_style("stage-tabs--current", partial=True)
        other = base + self.get_component_rich_style("stage-tabs--other", partial=True)
        hint = base + self.get_component_rich_style("stage-tabs--hint", partial=True)
        segments: list[Segment] = []
        places: list[tuple[int, int, Stage]] = []
        x = 0
        for number, stage in enumerate(STAGES):
            if number:
                segments.append(Segment(SEPARATOR, other))
                x += cell_len(SEPARATOR)
            label = f" {self.headers[stage]} "
            segments.append(Segment(label, current if stage is self.current else other))
            places.append((x, x + cell_len(label), stage))
            x += cell_len(label)
        if x + cell_len(HINT) <= width:
            segments.append(Segment(HINT, hint))
        self._places = places
        strip = Strip(segments)
        if strip.cell_length > width:
            strip = Strip([Segment(cut(strip.text, width), other)])
        return strip.adjust_cell_length(width, base)

    def on_click(self, event: events.Click) -> None:
        for start, end, stage in self._places:
            if start <= event.x < end:
                self.post_message(self.Chosen(stage))
                return
