"""The footer: the keys that work here, on one line that never overflows.

Help, quit and the command palette are what a newcomer needs to find
everything else, so they are always shown, at the right; the other keys fill
the room left, and when it runs out the least important go first (their
order is `keys.FOOTER_ORDER`), never half a key. The line is drawn as text,
not as a widget per key: nothing is mounted again when focus moves or the
terminal is resized, and a click on a key presses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from jobcockpit.tui import keys


@dataclass(frozen=True, slots=True)
class FooterKey:
    """One key as the footer shows it."""

    id: str
    """The binding's id."""
    key: str
    """The key pressed when it is clicked."""
    shown: str
    """The key as displayed: `?`, `^p`, `→`."""
    description: str
    enabled: bool
    essential: bool

    @property
    def width(self) -> int:
        return cell_len(self.shown) + 1 + cell_len(self.description)


GAP = 2
"""Cells between two keys."""


def footer_keys(screen: Screen[object]) -> list[FooterKey]:
    """The keys a footer on `screen` offers, in the order the bindings are
    declared, each binding once (by its first key)."""
    app = screen.app
    seen: set[str] = set()
    found: list[FooterKey] = []
    palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
    for key, active in screen.active_bindings.items():
        binding = active.binding
        essential = binding.id in keys.ESSENTIAL or key == palette
        if not (binding.show or essential):
            continue
        name = binding.id or binding.action
        if name in seen:
            continue
        seen.add(name)
        found.append(
            FooterKey(
                id=name,
                key=key,
                shown=app.get_key_display(binding),
                description=binding.description,
                enabled=active.enabled,
                essential=essential,
            )
        )
    return found


def fit(found: list[FooterKey], width: int) -> list[FooterKey]:
    """The keys that fit in `width` cells: the essential ones always (at the
    end), then the others in the order of `keys.FOOTER_ORDER` while they fit,
    shown in their own order."""
    essential = [key for key in found if key.essential]
    others = [key for key in found if not key.essential]
    room = width - sum(key.width + GAP for key in essential)
    rank = {binding_id: n for n, binding_id in enumerate(keys.FOOTER_ORDER)}

    def importance(item: tuple[int, FooterKey]) -> tuple[int, int]:
        position, key = item
        return (rank.get(key.id, len(rank)), position)

    chosen: set[int] = set()
    for position, key in sorted(enumerate(others), key=importance):
        if key.width + GAP <= room:
            chosen.add(position)
            room -= key.width + GAP
    return [key for n, key in enumerate(others) if n in chosen] + essential


class CockpitFooter(Widget, can_focus=False):
    DEFAULT_CSS = """
    CockpitFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    CockpitFooter > .footer--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    CockpitFooter > .footer--description {
        color: $footer-description-foreground;
    }
    CockpitFooter > .footer--disabled {
        text-style: dim;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer--key",
        "footer--description",
        "footer--disabled",
    }

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__()
        self._keys: list[FooterKey] = []
        self._places: list[tuple[int, int, FooterKey]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        found = footer_keys(screen)
        if found != self._keys:
            self._keys = found
            self.refresh()

    @property
    def shown(self) -> list[FooterKey]:
        """The keys on the line now."""
        return [key for _start, _end, key in self._places]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0:
            return Strip.blank(width, base)
        key_style = base + self.get_component_rich_style("footer--key", partial=True)
        text_style = base + self.get_component_rich_style("footer--description", partial=True)
        dim = self.get_component_rich_style("footer--disabled", partial=True)
        chosen = fit(self._keys, width - 2)
        segments: list[Segment] = [Segment(" ", base)]
        places: list[tuple[int, int, FooterKey]] = []
        x = 1
        essentials = [key for key in chosen if key.essential]
        others = [key for key in chosen if not key.essential]
        for key in others:
            x = self._put(segments, places, key, x, key_style, text_style, dim, base)
        used = sum(key.width + GAP for key in essentials) - GAP
        pad = max(0, width - 1 - used - x)
        if pad:
            segments.append(Segment(" " * pad, base))
            x += pad
        for key in essentials:
            x = self._put(segments, places, key, x, key_style, text_style, dim, base)
        self._places = places
        return Strip(segments).crop_extend(0, width, base)

    @staticmethod
    def _put(
        segments: list[Segment],
        places: list[tuple[int, int, FooterKey]],
        key: FooterKey,
        x: int,
        key_style: Style,
        text_style: Style,
        dim: Style,
        base: Style,
    ) -> int:
        extra = Style() if key.enabled else dim
        segments.append(Segment(key.shown, key_style + extra))
        segments.append(Segment(" " + key.description, text_style + extra))
        segments.append(Segment(" " * GAP, base))
        places.append((x, x + key.width, key))
        return x + key.width + GAP

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._places:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
