"""The main screen's body: the filter bar, the board, the detail of the
selected card and the sidebar, all shown from one `BoardModel` and one agenda
book.

The screen decides when the views must follow (a change, a judging, the
clock) and which applications changed; this widget brings every pane up to
date and keeps the selection. What only moves the view is handled here:
picking a card, the filter, a jump from the sidebar. Opening a card for
editing changes the job hunt, so `CardColumn.Opened` goes on to the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input

from jobcockpit.core.board import Board
from jobcockpit.tui.views.agenda_book import AgendaBook
from jobcockpit.tui.views.board_model import BoardModel
from jobcockpit.tui.views.privacy import Privacy
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.filter_bar import FilterBar
from jobcockpit.tui.widgets.sidebar import SECTION_LIMIT, Horizon, Sidebar

if TYPE_CHECKING:
    import datetime as dt

    import pendulum

    from jobcockpit.tui.session import Session


class BoardView(Horizontal):
    def __init__(
        self,
        session: Session,
        privacy: Privacy,
        clock: Callable[[], pendulum.DateTime],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.session = session
        self.privacy = privacy
        """Privacy mode (`*`), shared with the views that show names."""
        self._clock = clock
        self.book: AgendaBook | None = None
        """The verdicts shown; the screen judges them."""
        self.model: BoardModel | None = None
        self.selected: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="left"):
            yield FilterBar(id="filter")
            yield KanbanBoard(id="board")
            yield Detail(id="detail")
        yield Sidebar(id="sidebar", privacy=self.privacy)

    @property
    def board(self) -> Board:
        return self.session.board

    @property
    def user_zone(self) -> str:
        return self.session.settings.zone

    def shown_now(self) -> pendulum.DateTime:
        """The moment the views word their times at: the clock to the minute,
        as finely as a card, the sidebar or the detail ever speaks. Two key
        presses within a minute word everything alike, so only what a change
        touched is drawn again (the rules still judge at the exact moment)."""
        return self._clock().replace(second=0, microsecond=0)

    # -- bringing the panes up to date ------------------------------------------

    def show(self, keep: str | None, sidebar: bool = True, changed: set[str] | None = None) -> None:
        """Bring the board, the sidebar and the detail up to date; with
        `changed`, only those applications' cards moved or changed."""
        assert self.model is not None and self.book is not None
        now = self.shown_now()
        if changed is None:
            self.model.rebuild(self.board, self.book, now)
        else:
            self.model.update(self.board, self.book, now, changed)
        board_widget = self.query_one(KanbanBoard)
        board_widget.show(self.model, keep)
        self.selected = board_widget.selected
        if sidebar:
            self.show_sidebar(now)
        self.show_detail()

    def reword(self) -> None:
        """The clock moved but no verdict changed: only the words of time."""
        assert self.model is not None
        shown = self.shown_now()
        self.model.tick(shown)
        self.query_one(KanbanBoard).repaint()
        self.show_sidebar(shown)
        self.show_detail()

    def show_sidebar(self, now: dt.datetime) -> None:
        assert self.book is not None
        horizon = Horizon.of(now, self.user_zone, self.session.settings.user_country)
        today = self.book.today(horizon.until, SECTION_LIMIT) if self.book.ready else None
        self.query_one(Sidebar).show(today, self.board, horizon)

    def show_detail(self) -> None:
        assert self.book is not None
        application = self.board.applications.get(self.selected) if self.selected else None
        detail = self.query_one(Detail)
        if application is None:
            detail.show(None)
            return
        detail.show_application(
            application,
            self.board,
            self.book.verdicts_of(application.id),
            self.book.tasks_of(application.id),
            self.shown_now(),
            self.user_zone,
            self.privacy.names(self.board),
        )

    # -- moving the view -------------------------------------------------------------

    def go_to(self, application_id: str) -> None:
        """Select an application's card, clearing a filter that hides it."""
        application = self.board.applications.get(application_id)
        if application is None or self.model is None:
            return
        if self.model.locate(application_id) is None and self.model.filter_text:
            self.query_one(FilterBar).value = ""
            self.model.set_filter("")
            self.show(keep=application_id)
            self.query_one(FilterBar).remove_class("-active")
        self.query_one(KanbanBoard).select(application_id, application.stage)
        self.selected = application_id
        self.show_detail()

    def go_to_top(self) -> None:
        """The first card of the current column."""
        if self.model is not None:
            cards = self.model.columns[self.query_one(KanbanBoard).current]
            if cards:
                self.go_to(cards[0])

    def open_filter(self) -> None:
        bar = self.query_one(FilterBar)
        bar.add_class("-active")
        bar.focus()

    def on_kanban_board_selected(self, event: KanbanBoard.Selected) -> None:
        self.selected = event.application_id
        self.show_detail()

    def on_sidebar_chosen(self, event: Sidebar.Chosen) -> None:
        self.go_to(event.application_id)

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, FilterBar) and self.model is not None:
            self.model.set_filter(event.value)
            self.show(keep=self.selected, sidebar=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, FilterBar):
            self._leave_filter(keep_text=True)

    def on_filter_bar_cleared(self, event: FilterBar.Cleared) -> None:
        if self.model is not None:
            self.model.set_filter("")
            self.show(keep=self.selected)
        self._leave_filter(keep_text=False)

    def _leave_filter(self, keep_text: bool) -> None:
        """Back to the board, to a column that still has cards."""
        bar = self.query_one(FilterBar)
        bar.set_class(keep_text and bool(bar.value), "-active")
        self.query_one(KanbanBoard).focus_cards()
