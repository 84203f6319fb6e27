"""The title line at the top: the app's name and the screen's status line.

It looks like Textual's `Header` (the icon at the left, the title centred
between it and the clock's room at the right, the status dimmed), drawn as
one line of one widget: the `Header` is four widgets with watchers of their
own, which the first frame paid for. A click on the icon opens the command
palette, as the `Header`'s does.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8
"""Cells the icon's place takes at the left (the `Header`'s)."""
CLOCK_WIDTH = 10
"""Cells kept free at the right, where the `Header` keeps room for a clock."""


class TitleBar(Widget, can_focus=False):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._retitle, init=False)
        self.watch(self.screen, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        middle = max(0, self.size.width - ICON_WIDTH - CLOCK_WIDTH)
        shown = app.format_title(title, sub_title).center(middle, ellipsis=True)
        icon = Content(f" {ICON}").pad_right(ICON_WIDTH - 2)
        return Content.assemble(icon, shown, " " * CLOCK_WIDTH)

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
