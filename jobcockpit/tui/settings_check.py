"""The settings only the cockpit can check: its keys and its themes.

`jobcockpit settings` and the settings screen both ask here before a keymap
or a theme is saved, so both refuse the same entries with the same words
(the words and the rules are the core's, `core.setting_checks`)."""

from __future__ import annotations

from collections.abc import Collection

from jobcockpit.core.setting_checks import check_keymap, check_theme
from jobcockpit.core.settings import Settings
from jobcockpit.tui import keys


def themes() -> list[str]:
    """The themes the cockpit has: Textual's own."""
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)


def check(
    settings: Settings, *, only: str | None = None, known_themes: Collection[str] | None = None
) -> None:
    """Raise `RecordError` naming what is wrong with the keymap or the theme
    (only the setting `only`, when given)."""
    if only in (None, "keymap"):
        check_keymap(settings.keymap, keys.key_places())
    if only in (None, "theme"):
        check_theme(settings.theme, known_themes if known_themes is not None else themes())
