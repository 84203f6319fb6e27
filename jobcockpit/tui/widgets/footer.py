"""The footer, rebuilt only when the keys it shows change.

Textual's `Footer` composes its keys afresh whenever the screen says its
bindings may have changed, which it says on every change of focus. On the
board, focus moves between three columns that offer the same keys, so most of
those rebuilds would mount the same dozen and a half widgets again (some 20 ms
each time, and the moment a moved card lands in another column). This footer
remembers what it shows and rebuilds only when that differs.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    """What a footer on `screen` would show: each shown binding's key, action,
    description, whether it is enabled, and its tooltip, in order."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        if binding.show
    )


class CockpitFooter(Footer):
    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        will_compose = screen.app.app_focus and self.is_attached and screen is self.screen
        if will_compose:
            keys = shown_keys(screen)
            if self._bindings_ready and keys == self._shown:
                return
            self._shown = keys
        super().bindings_changed(screen)
