"""The cockpit application: it wires the store, settings, theme, keymap and
clock, and shows the main screen. Everything else lives in the screens."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import pendulum
from textual.app import App
from textual.binding import BindingType
from textual.theme import Theme

from jobcockpit.app import keys
from jobcockpit.app.commands import CockpitCommands
from jobcockpit.app.screens.main import MainScreen
from jobcockpit.app.session import Session
from jobcockpit.domain.settings import Settings
from jobcockpit.store import Store, StoreError


class CockpitApp(App[None]):
    CSS_PATH = "cockpit.tcss"
    TITLE = "jobcockpit"
    BINDINGS: ClassVar[list[BindingType]] = list(keys.APP)
    COMMANDS = App.COMMANDS | {CockpitCommands}

    def __init__(
        self, store: Store, *, now: pendulum.DateTime | None = None, demo: bool = False
    ) -> None:
        super().__init__()
        self.store = store
        self.session = Session(store)
        self.settings: Settings = store.settings
        self.demo = demo
        self._frozen_now = now

    @property
    def clock_is_frozen(self) -> bool:
        """True with `--now` and in tests: the cockpit shows one moment."""
        return self._frozen_now is not None

    def now(self) -> pendulum.DateTime:
        if self._frozen_now is not None:
            return self._frozen_now
        return pendulum.now(self.settings.zone)

    @property
    def place_name(self) -> str:
        if self.demo:
            return "demo board (not your data)"
        path = getattr(self.store, "path", None)
        return str(path) if path is not None else "in memory"

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.set_keymap(self.settings.keymap)
        self.push_screen(MainScreen())

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self.settings.theme or self.store.read_only:
            return
        settings = dataclasses.replace(self.settings, theme=theme.name)
        try:
            self.store.save_settings(settings)
        except StoreError as error:
            self.notify(
                f"The theme applies now but was not saved: {error}",
                severity="warning",
                markup=False,
            )
            return
        self.settings = settings

    async def action_quit(self) -> None:
        """Quit, unless changes could not be saved: then retry, and ask."""
        from jobcockpit.app.screens.forms import ConfirmDialog

        if self.session.unsaved and not self.session.flush().saved:
            count = len(self.session.unsaved)

            def decided(quit_anyway: bool | None) -> None:
                if quit_anyway:
                    self.exit()

            self.push_screen(
                ConfirmDialog(
                    f"{count} change{'s' if count > 1 else ''} could not be saved. "
                    "Quit anyway and lose them?",
                    confirm_label="Quit",
                ),
                decided,
            )
            return
        self.exit()
