"""Text that can be read on its background, in every theme.

The board's colours come from the theme (`$text-success` for an offer,
`$warning 20%` behind a wait), and not every theme's pairs are legible: a
green on a pale selection, a red on a dark one. The cards therefore work out
each colour against the background it is actually painted on, and darken or
lighten a colour that would fall below `MINIMUM` until it reads, keeping its
hue. `MINIMUM` is WCAG's ratio for body text (AA, 4.5:1); a test holds every
card of every Textual theme to it. The boxes of form fields get the same
treatment for what must be seen but is not text (3:1).
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import BLACK, WHITE, Color

MINIMUM = 4.5
"""WCAG 2 AA for text under 18 points: what a terminal's text always is."""

NON_TEXT_MINIMUM = 3.0
"""WCAG 2 AA for the parts of a control that must be seen (a box, a focus mark)."""


def luminance(color: Color) -> float:
    """WCAG's relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG's contrast ratio of two opaque colours, 1 to 21."""
    a, b = luminance(first), luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def legible(foreground: Color, background: Color, minimum: float = MINIMUM) -> Color:
    """`foreground`, or the least change of it towards black or white that
    reads on `background` with at least `minimum` contrast."""
    if foreground.ansi is not None or background.ansi is not None:
        return foreground  # the terminal's own colours: its palette decides
    if contrast(foreground, background) >= minimum:
        return foreground
    towards = BLACK if luminance(background) > 0.18 else WHITE
    low, high = 0.0, 1.0
    for _ in range(12):
        middle = (low + high) / 2
        if contrast(foreground.blend(towards, middle), background) >= minimum:
            high = middle
        else:
            low = middle
    return foreground.blend(towards, high)


def field_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """The colours of a form field's box, for the theme whose CSS
    `variables` are given: `field-box` (a field without focus) and
    `field-box-focus` (the focused one), each seen against the dialog's
    background with at least `NON_TEXT_MINIMUM` contrast (Textual's own
    `$border-blurred` is barely a shade off it in most themes)."""
    try:
        surface = Color.parse(variables["surface"])
        muted = surface + Color.parse(variables["foreground"]).with_alpha(0.4)
        primary = surface + Color.parse(variables["primary"])
    except (KeyError, ValueError):
        return {"field-box": "$border-blurred", "field-box-focus": "$border"}
    return {
        "field-box": legible(muted, surface, NON_TEXT_MINIMUM).hex,
        "field-box-focus": legible(primary, surface, NON_TEXT_MINIMUM).hex,
    }
