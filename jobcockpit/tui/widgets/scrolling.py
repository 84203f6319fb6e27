"""Resizing what a Line-API pane scrolls over, without laying out the screen.

Textual lays the whole screen out again whenever a widget's `virtual_size`
changes, in case a scrollbar must appear or go. A card column or the detail
pane changes its length on most key presses (a card moves in, a log grows),
and a layout pass of the whole cockpit is most of what such a key costs. When
only the length changes, the scrollbars are updated in place and the pane is
repainted; when a scrollbar must appear or go, Textual's own reactive asks
for the layout that this needs.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_virtual_size(pane: ScrollView, size: Size) -> None:
    """Make `pane` scroll over `size`; the caller repaints what changed."""
    if size == pane.virtual_size:
        return
    if not pane.is_mounted or not pane.container_size:
        pane.virtual_size = size
        return
    pane.set_reactive(Widget.virtual_size, size)
    pane._scroll_update(size)  # scrollbar shown or hidden (a layout), thumb, offsets
    pane.refresh()
