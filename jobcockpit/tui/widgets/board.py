"""The board: three columns, applied, interviewed and decided, each headed with
its count.

It knows which column the user is in and which card is selected there, and
tells the view above it when that changes; it never changes the job hunt itself.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from jobcockpit.core.records import Stage
from jobcockpit.tui.views.board_model import STAGES, BoardModel
from jobcockpit.tui.widgets.card_column import CardColumn


class KanbanBoard(Horizontal):
    class Selected(Message):
        """The selected application changed; None when the column is empty."""

        def __init__(self, application_id: str | None) -> None:
            super().__init__()
            self.application_id = application_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current: Stage = Stage.APPLIED
        self._announced: str | None = None
        self._headers: dict[Stage, str] = {}
        self._versions: dict[Stage, int] = {}
        """The model's version of each column on screen: an unchanged column
        is not set again."""

    def compose(self) -> ComposeResult:
        for stage in STAGES:
            with Vertical(classes="lane", id=f"lane-{stage.value}"):
                yield Static(
                    stage.value.capitalize(), classes="lane-header", id=f"head-{stage.value}"
                )
                yield CardColumn(stage, id=f"column-{stage.value}")

    def column(self, stage: Stage) -> CardColumn:
        return self.query_one(f"#column-{stage.value}", CardColumn)

    @property
    def selected(self) -> str | None:
        return self.column(self.current).selected

    def show(self, model: BoardModel, keep: str | None = None) -> None:
        """Show the model's columns; the cursor stays on `keep` when given."""
        for stage in STAGES:
            header = model.header(stage)
            if self._headers.get(stage) != header:
                self._headers[stage] = header
                # One line whatever it says: no need to lay the screen out again.
                head = self.query_one(f"#head-{stage.value}", Static)
                head.update(Content(header), layout=False)
            column = self.column(stage)
            version = model.versions[stage]
            if self._versions.get(stage) != version:
                self._versions[stage] = version
                column.set_cards(model.columns[stage], model.heights[stage], model.card, keep)
            elif keep is not None:
                column.select(keep)
        if keep is not None:
            located = model.locate(keep)
            if located is not None:
                self.focus_stage(located[0])
        self._announce()

    def repaint(self) -> None:
        for stage in STAGES:
            self.column(stage).repaint()

    def focus_stage(self, stage: Stage) -> None:
        self.current = stage
        column = self.column(stage)
        if self.screen.focused is not column and (
            self.screen.focused is None or isinstance(self.screen.focused, CardColumn)
        ):
            column.focus()
        self._mark_current()
        self._announce()

    def focus_cards(self) -> None:
        """Focus the current column, or the first column with cards when the
        current one has none (a filter may have emptied it)."""
        stage = self.current
        if not self.column(stage).ids:
            stage = next((s for s in STAGES if self.column(s).ids), stage)
        self.focus_stage(stage)
        self.column(stage).focus()  # focus_stage leaves focus where it is if outside the board

    def select(self, application_id: str, stage: Stage) -> None:
        if self.column(stage).select(application_id):
            self.current = stage
            self.column(stage).focus()
            self._mark_current()
            self._announce()

    def _mark_current(self) -> None:
        # On the header, not the lane: restyling a lane restyles its column
        # and every one of its component classes, a tenth of a stage move.
        for stage in STAGES:
            head = self.query_one(f"#head-{stage.value}")
            head.set_class(stage is self.current, "-current")

    def _announce(self) -> None:
        selected = self.selected
        if selected != self._announced:
            self._announced = selected
            self.post_message(self.Selected(selected))

    def on_card_column_highlighted(self, event: CardColumn.Highlighted) -> None:
        event.stop()
        if event.column.has_focus:
            self.current = event.column.stage
            self._mark_current()
        if event.column.stage is self.current:
            self._announce()

    def on_card_column_leave(self, event: CardColumn.Leave) -> None:
        event.stop()
        index = STAGES.index(event.column.stage) + event.step
        if 0 <= index < len(STAGES):
            self.current = STAGES[index]
            self.column(self.current).focus()
            self._mark_current()
            self._announce()
