"""The board: three columns, applied, interviewed and decided, each headed with
its count; on a narrow terminal one column at a time, under the stages as tabs.

It knows which column the user is in and which card is selected there, and
tells the view above it when that changes; it never changes the job hunt itself.
Moving between columns moves focus at once (not after the next refresh), so a
key typed right after `l` lands in the column it went to.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from jobcockpit.core.records import Stage
from jobcockpit.tui import keys
from jobcockpit.tui.views.board_model import STAGES, BoardModel
from jobcockpit.tui.widgets.card_column import CardColumn, CardLooks
from jobcockpit.tui.widgets.stage_tabs import StageTabs

EMPTY_BOARD = "Nothing here yet. Press n to add your first application (? lists every key)."
NOTHING_MATCHES = "No card here matches the filter; escape clears it."


class KanbanBoard(Horizontal):
    BINDINGS: ClassVar[list[BindingType]] = list(keys.COLUMNS)

    class Selected(Message):
        """The selected application changed; None when the column is empty."""

        def __init__(self, application_id: str | None) -> None:
            super().__init__()
            self.application_id = application_id

    def __init__(self, *, narrow: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.narrow = narrow
        """One column at a time: only the current lane is shown (`set_narrow`)."""
        self.current: Stage = Stage.APPLIED
        self._announced: str | None = None
        self._headers: dict[Stage, str] = {}
        self._versions: dict[Stage, int] = {}
        """The model's version of each column on screen: an unchanged column
        is not set again."""

    def compose(self) -> ComposeResult:
        yield StageTabs(id="stage-tabs")
        looks = CardLooks()
        yield looks
        for stage in STAGES:
            with Vertical(classes="lane", id=f"lane-{stage.value}"):
                yield Static(
                    stage.value.capitalize(), classes="lane-header", id=f"head-{stage.value}"
                )
                yield CardColumn(stage, looks, id=f"column-{stage.value}")

    def column(self, stage: Stage) -> CardColumn:
        return self.query_one(f"#column-{stage.value}", CardColumn)

    @property
    def selected(self) -> str | None:
        return self.column(self.current).selected

    def show(self, model: BoardModel, keep: str | None = None) -> None:
        """Show the model's columns; the cursor stays on `keep` when given."""
        empty = not any(model.totals.values())
        for stage in STAGES:
            header = model.header(stage)
            if self._headers.get(stage) != header:
                self._headers[stage] = header
                # One line whatever it says: no need to lay the screen out again.
                head = self.query_one(f"#head-{stage.value}", Static)
                head.update(Content(header), layout=False)
            column = self.column(stage)
            if empty:
                column.empty_message = EMPTY_BOARD if stage is Stage.APPLIED else "no cards"
            elif model.filter_text.strip() and model.totals[stage]:
                column.empty_message = NOTHING_MATCHES
            else:
                column.empty_message = "no cards"
            version = model.versions[stage]
            if self._versions.get(stage) != version:
                self._versions[stage] = version
                column.set_cards(model.columns[stage], model.heights[stage], model.card, keep)
            elif keep is not None:
                column.select(keep)
        self.query_one(StageTabs).show(self._headers, self.current)
        if keep is not None:
            located = model.locate(keep)
            if located is not None:
                self.focus_stage(located[0])
        self._announce()

    def keep_in_view(self) -> None:
        """The selected card back in sight once the layout has changed."""
        self.call_after_refresh(self.column(self.current).keep_cursor_in_view)

    def repaint(self) -> None:
        for stage in STAGES:
            self.column(stage).repaint()

    def focus_stage(self, stage: Stage) -> None:
        self.current = stage
        column = self.column(stage)
        self._mark_current()
        if self.screen.focused is not column and (
            self.screen.focused is None or isinstance(self.screen.focused, CardColumn)
        ):
            self.screen.set_focus(column)
        self._announce()

    def focus_cards(self) -> None:
        """Focus the current column, or the first column with cards when the
        current one has none (a filter may have emptied it)."""
        stage = self.current
        if not self.column(stage).ids:
            stage = next((s for s in STAGES if self.column(s).ids), stage)
        self.focus_stage(stage)
        # focus_stage leaves focus where it is if outside the board
        self.screen.set_focus(self.column(stage))

    def select(self, application_id: str, stage: Stage) -> None:
        if self.column(stage).select(application_id):
            self.current = stage
            self._mark_current()
            self.screen.set_focus(self.column(stage))
            self._announce()

    def set_narrow(self, narrow: bool) -> None:
        if narrow is not self.narrow:
            self.narrow = narrow
            self._mark_current()

    def _mark_current(self) -> None:
        # The lane's class shows it alone on a narrow board, and is set only
        # there: restyling a lane restyles its header, its column and their
        # scroll bars, which a card moved to another column paid for twice.
        for stage in STAGES:
            head = self.query_one(f"#head-{stage.value}")
            head.set_class(stage is self.current, "-current")
            lane = self.query_one(f"#lane-{stage.value}")
            shown_alone = self.narrow and stage is self.current
            if lane.has_class("-current") is not shown_alone:
                lane.set_class(shown_alone, "-current")
        self.query_one(StageTabs).show(self._headers, self.current)

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

    def _step(self, step: int) -> None:
        index = STAGES.index(self.current) + step
        if 0 <= index < len(STAGES):
            self.current = STAGES[index]
            self._mark_current()
            self.screen.set_focus(self.column(self.current))
            self._announce()

    def action_column_left(self) -> None:
        self._step(-1)

    def action_column_right(self) -> None:
        self._step(1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("column_left", "column_right"):
            # Only from a column: the filter's text field keeps its arrows.
            return isinstance(self.screen.focused, CardColumn)
        return True

    def on_stage_tabs_chosen(self, event: StageTabs.Chosen) -> None:
        event.stop()
        self.current = event.stage
        self._mark_current()
        self.screen.set_focus(self.column(event.stage))
        self._announce()
