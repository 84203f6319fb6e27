"""The main screen's body: the filter bar, the board, the detail of the
selected card and the sidebar, all shown from one `BoardModel` and one agenda
book.

The screen decides when the views must follow (a change, a judging, the
clock) and which applications changed; this widget brings every pane up to
date and keeps the selection. What only moves the view is handled here:
picking a card, the filter, a jump from the sidebar, and which panes are
on screen for the terminal's size (`views.layout`): `tab` goes from pane to
pane, `enter` opens the detail, `escape` comes back, `z` zooms the focused
pane, `v` switches the layout. Opening a card for editing changes the job
hunt, so `CardColumn.Opened` goes on to the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application
from jobcockpit.tui import keys
from jobcockpit.tui.views import layout
from jobcockpit.tui.views.agenda_book import AgendaBook
from jobcockpit.tui.views.board_model import BoardModel
from jobcockpit.tui.views.layout import Arrangement, Layout, Pane
from jobcockpit.tui.views.privacy import Privacy
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.card_column import CardColumn
from jobcockpit.tui.widgets.detail import Detail, DetailItem
from jobcockpit.tui.widgets.filter_bar import FilterBar
from jobcockpit.tui.widgets.sidebar import SECTION_LIMIT, Horizon, Sidebar

if TYPE_CHECKING:
    import datetime as dt

    import pendulum

    from jobcockpit.tui.session import Session


class BoardView(Horizontal):
    BINDINGS: ClassVar[list[BindingType]] = list(keys.PANES)

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
        self.chosen: Arrangement | None = None
        """The arrangement the user switched to (`v`); None follows the size."""
        self.shape: Layout = layout.choose(layout.WIDE_FROM, layout.STACK_FROM)
        self.pane: Pane = Pane.BOARD
        """The pane in use: the one shown when not all of them fit."""
        self.zoomed = False
        """The pane in use alone on the screen (`z`)."""
        self._detail_shows: tuple[object, ...] | None = None
        """What the detail was last given to show: the very records, verdicts
        and names, and the moment and zone it words them in."""

    def compose(self) -> ComposeResult:
        # The layout for the terminal's size is known before the panes are
        # mounted: styled once with it, not again once they are on screen.
        size = self.app.size
        self.shape = layout.choose(size.width, size.height, self.chosen)
        self.update_classes(self._pane_classes(), update=False)
        with Vertical(id="left"):
            yield FilterBar(id="filter")
            yield KanbanBoard(id="board", narrow=self._narrow)
            yield Detail(id="detail")
        yield Sidebar(id="sidebar", privacy=self.privacy)

    def on_mount(self) -> None:
        self._lay_out()

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
        """The selected application in the detail, unless the detail shows
        just that already: a change both brings the panes up to date and
        selects its card, and laying the detail out twice cost a quarter of
        the views' part of a stage move."""
        assert self.book is not None
        application = self.board.applications.get(self.selected) if self.selected else None
        detail = self.query_one(Detail)
        if application is None:
            self._detail_shows = None
            detail.show(None)
            return
        verdicts = self.book.verdicts_of(application.id)
        tasks = self.book.tasks_of(application.id)
        now = self.shown_now()
        names = self.privacy.names(self.board)
        shows = (application, self.board, verdicts, tasks, names, now, self.user_zone)
        last = self._detail_shows
        if (
            last is not None
            and all(a is b for a, b in zip(shows[:5], last[:5], strict=True))
            and shows[5:] == last[5:]
        ):
            return
        self._detail_shows = shows
        detail.show_application(
            application, self.board, verdicts, tasks, now, self.user_zone, names
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

    def selected_application(self) -> Application | None:
        return self.board.applications.get(self.selected) if self.selected else None

    def detail_item(self) -> DetailItem | None:
        """The record under the detail's cursor, while the detail has focus."""
        detail = self.query_one(Detail)
        return detail.current if detail.has_focus else None

    def open_filter(self) -> None:
        bar = self.query_one(FilterBar)
        self._use(Pane.BOARD)
        bar.add_class("-active")
        self.screen.set_focus(bar)

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

    # -- the panes on screen -----------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        """Choose the layout for the terminal's size, unless the user chose one."""
        size = self.app.size
        chosen = layout.choose(size.width, size.height, self.chosen)
        if chosen != self.shape or not self.has_class(*chosen.classes):
            self.shape = chosen
            self._show_panes()

    @property
    def _narrow(self) -> bool:
        return "-narrow" in self.shape.classes

    def _show_panes(self) -> None:
        self.update_classes(self._pane_classes())
        board = self.query_one(KanbanBoard)
        board.set_narrow(self._narrow)
        board.keep_in_view()

    def _pane_classes(self) -> dict[str, bool]:
        """The classes that show the panes of the layout in use, set in one
        batch: each class set alone would restyle the whole body once more."""
        arrangement = self.shape
        classes = {
            name: name in arrangement.classes
            for name in ("-wide", "-medium", "-narrow", "-stacked", "-single", "-tall")
        }
        for pane in layout.PANES:
            classes[f"-pane-{pane.value}"] = pane is self.pane
        classes["-zoomed"] = self.zoomed
        return classes

    def pane_of(self, widget: Widget | None) -> Pane:
        """The pane `widget` belongs to (the filter is the board's)."""
        node = widget
        while node is not None and node is not self:
            if isinstance(node, Detail):
                return Pane.DETAIL
            if isinstance(node, Sidebar):
                return Pane.SIDEBAR
            node = node.parent  # type: ignore[assignment]
        return Pane.BOARD

    def _use(self, pane: Pane) -> None:
        """Make `pane` the one in use, showing it if it was hidden."""
        if pane is not self.pane:
            self.pane = pane
            self._show_panes()

    def focus_pane(self, pane: Pane) -> None:
        """Show `pane` and focus it at once, so that a key typed right after
        the one that moved lands there."""
        self._use(pane)
        if pane is Pane.BOARD:
            self.query_one(KanbanBoard).focus_cards()
        elif pane is Pane.DETAIL:
            self.screen.set_focus(self.query_one(Detail))
        else:
            self.screen.set_focus(self.query_one(Sidebar))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._use(self.pane_of(event.widget))

    def _step(self, step: int) -> None:
        here = self.pane_of(self.screen.focused)
        index = layout.PANES.index(here)
        self.focus_pane(layout.PANES[(index + step) % len(layout.PANES)])

    def action_next_pane(self) -> None:
        self._step(1)

    def action_previous_pane(self) -> None:
        self._step(-1)

    def action_open_detail(self) -> None:
        self.focus_pane(Pane.DETAIL)

    def action_back(self) -> None:
        if self.zoomed:
            self.action_zoom()
        elif self.pane_of(self.screen.focused) is not Pane.BOARD:
            self.focus_pane(Pane.BOARD)
        else:
            self.query_one(FilterBar).action_clear_filter()

    def action_zoom(self) -> None:
        """The pane in use alone on the screen (the header and the footer
        stay), or all of them again."""
        self.zoomed = not self.zoomed
        self._show_panes()

    def action_switch_layout(self) -> None:
        self.chosen = layout.next_choice(self.chosen)
        self._lay_out()
        said = {
            Arrangement.WIDE: "wide: every pane at once",
            Arrangement.MEDIUM: "medium: a narrower sidebar",
            Arrangement.NARROW: "narrow: one pane at a time (tab goes from one to the next)",
        }
        if self.chosen is None:
            self.notify(f"Layout by the terminal's size: {said[self.shape.arrangement]}")
        else:
            self.notify(f"Layout {said[self.chosen]}; v again switches it")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.screen.focused
        if action == "open_detail":
            return isinstance(focused, CardColumn) and self.selected is not None
        if action == "back":
            if self.zoomed or self.pane_of(focused) is not Pane.BOARD:
                return True
            return bool(self.model is not None and self.model.filter_text)
        return True
