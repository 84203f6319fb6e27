"""The cockpit application: it wires the store and its session, the settings
(theme and keymap), the clock and the hang-up signals, and shows the main
screen, handing it the session. Everything else lives in the screens and the
session.

Every few seconds, and when the terminal regains focus, it asks the main
screen to take in what another program saved; on a hang-up or a SIGTERM it
saves what is still waiting and leaves cleanly (`signals`)."""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import ClassVar

import pendulum
from msgspec import structs
from textual import events
from textual.app import App
from textual.binding import BindingType
from textual.driver import Driver
from textual.screen import Screen
from textual.theme import Theme

from jobcockpit.core.setting_checks import keymap_problems
from jobcockpit.core.settings import Settings
from jobcockpit.core.text import plain
from jobcockpit.store import Store, StoreError
from jobcockpit.tui import keys
from jobcockpit.tui.commands import CockpitCommands
from jobcockpit.tui.contrast import field_variables
from jobcockpit.tui.runtime import signals as hang_ups
from jobcockpit.tui.screens.main import MainScreen
from jobcockpit.tui.session import Session
from jobcockpit.tui.views.wording import changes_count
from jobcockpit.tui.waiting import Waiting

DISK_CHECK_SECONDS = 2.0
"""How often the cockpit asks whether another program saved the file: one
`stat`, so it can be often."""


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
        self.demo = demo
        self._frozen_now = now
        self.main_screen: MainScreen | None = None
        self._signals: list[signal.Signals] = []
        self._crash: Exception | None = None
        self._leaving = False
        self.waiting = Waiting(self, lambda: self.session.loaded)
        """What waits for the whole data file to be read (`tui.waiting`)."""
        self.opening_error: StoreError | None = None
        """Why the rest of a file opened board first could not be read."""

    def get_driver_class(self) -> type[Driver]:
        return hang_ups.hang_up_proof(super().get_driver_class())

    @property
    def settings(self) -> Settings:
        return self.session.settings

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

    def get_default_screen(self) -> Screen[None]:
        """The main screen is the first one, not pushed over a blank one that
        would be composed and styled first. The settings take effect before
        it is styled, so a theme of the person's does not restyle it again."""
        self.apply_settings(self.settings)
        self.main_screen = MainScreen(self.session, self)
        return self.main_screen

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._signals = hang_ups.install(self.hang_up)
        self.set_interval(DISK_CHECK_SECONDS, self.check_disk)
        if self.main_screen is not None:
            self.call_after_refresh(self.main_screen.offer_conflict_copies)

    def on_unmount(self) -> None:
        hang_ups.uninstall(self._signals)

    def on_app_focus(self, event: events.AppFocus) -> None:
        self.check_disk()

    # -- the data file read in two steps (`tui.waiting`) -------------------------------

    def when_loaded(self, act: Callable[[], object]) -> None:
        self.waiting.when_loaded(act)

    def loaded(self) -> None:
        self.waiting.release()

    def could_not_open(self, error: StoreError) -> None:
        """Leave at once, as a damaged file is refused before the cockpit
        opens: nothing was saved (the store saves nothing before the whole
        file is read), and `run_cockpit` raises the error for the command line."""
        self.opening_error = error
        self.waiting.drop()
        self.exit(return_code=1)

    async def on_event(self, event: events.Event) -> None:
        """A key typed after one that waits for the whole data file waits
        too (`tui.waiting`). A paste holding tabs, in a dialog, fills one
        field per cell (`FormScreen.take_paste`) rather than one field with
        tabs in it."""
        if isinstance(event, events.Key) and self.waiting.hold(event):
            return
        if isinstance(event, events.Paste) and "\t" in event.text:
            from jobcockpit.tui.screens.forms.base import FormScreen

            if isinstance(self.screen, FormScreen) and self.screen.take_paste(event.text):
                return
        await super().on_event(event)

    def get_css_variables(self) -> dict[str, str]:
        """Textual's variables for the theme, and the colours of the form
        fields' boxes worked out to be seen in it (`contrast`)."""
        variables = super().get_css_variables()
        variables.update(field_variables(variables))
        self.theme_variables = variables
        return variables

    def apply_settings(self, settings: Settings) -> None:
        """Settings now in force, saved here or read from the file, take
        effect in the app: the keys, and the theme when it is one it knows.
        A keymap the cockpit would refuse (written by hand, or by an older
        version) is left out, and the person is told why.
        (The main screen judges the board by their numbers.)"""
        # Only a keymap needs the dialogs' keys (`keys.key_places` loads the
        # forms): the default keys are sound, and the first frame waits on this.
        problems = keymap_problems(settings.keymap, keys.key_places()) if settings.keymap else []
        self.set_keymap({} if problems else settings.keymap)
        if problems:
            self.notify(
                "; ".join(problems) + "\nThe default keys apply; fix it on the settings screen.",
                title="Keymap not applied",
                severity="warning",
                timeout=12,
                markup=False,
            )
        if settings.theme != self.theme and settings.theme in self.available_themes:
            self.theme = settings.theme

    def _remember_theme(self, theme: Theme) -> None:
        if not self.session.loaded:
            # Saved once the whole file is read: a save before would be refused.
            self.when_loaded(lambda: self._remember_theme(theme))
            return
        if theme.name == self.settings.theme or self.store.read_only:
            return
        try:
            self.session.save_settings(structs.replace(self.settings, theme=theme.name))
        except StoreError as error:
            self.notify(
                f"The theme applies now but was not saved: {error}",
                severity="warning",
                markup=False,
            )

    # -- the file seen from outside ------------------------------------------------

    def check_disk(self) -> None:
        """Take in what another program saved. Not while a dialog is open: its
        change is made on the board it was opened on, and is put on top of the
        other program's work when it is saved."""
        if self.main_screen is not None and self.screen is self.main_screen and self.session.loaded:
            self.main_screen.catch_up()

    # -- leaving ---------------------------------------------------------------------

    def hang_up(self, signum: signal.Signals) -> None:
        """SIGHUP or SIGTERM: save what is still waiting, then leave cleanly.

        Every change was saved before the screen showed it as done, so only a
        change whose save failed is still in memory; it is tried once more."""
        if self._leaving:
            return
        self._leaving = True
        code = 128 + int(signum)
        if self.session.unsaved:
            saved = self.session.flush()
            if saved.error is not None:
                self.exit(
                    return_code=1,
                    message=f"jobcockpit: {changes_count(len(self.session.unsaved))} could "
                    f"not be saved before closing: {plain(str(saved.error))}",
                )
                return
        self.exit(return_code=code)

    def _handle_exception(self, error: Exception) -> None:
        """Once a hang-up or SIGTERM is being handled, everything is saved and
        the app is on its way out; a dialog torn down while still mounting
        (opened that very instant) may fail then. That must not turn a clean
        exit into a crash report, on a terminal that may be gone."""
        if self._leaving:
            return
        self._crash = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Textual's crash output lists the local variables of every frame:
        contacts' names, numbers and notes, thousands of lines of them. This
        one shows the traceback without them, writes a report without any
        value to the state folder (`store.crash`) and says where it is."""
        import rich
        from rich.console import Group
        from rich.segment import Segments
        from rich.text import Text
        from rich.traceback import Traceback

        from jobcockpit.store.crash import write_report

        self.bell()
        report = write_report(self._crash, "the cockpit") if self._crash is not None else None
        where = (
            f"A report without your data is in {report}; please attach it to a bug report."
            if report is not None
            else "No report could be written."
        )
        shown = Group(
            Traceback(show_locals=False, width=None, suppress=[rich]),
            Text(f"jobcockpit stopped on an unexpected error. {where}", overflow="fold"),
        )
        self._exit_renderables.append(Segments(self.console.render(shown, self.console.options)))
        self._close_messages_no_wait()

    async def action_quit(self) -> None:
        """Quit, unless changes could not be saved: then retry, and ask."""
        from jobcockpit.tui.screens.forms import ConfirmDialog

        if self.session.unsaved and not self.session.flush().saved:

            def decided(quit_anyway: bool | None) -> None:
                if quit_anyway:
                    self.exit()

            question = (
                f"{changes_count(len(self.session.unsaved))} could not be saved. "
                "Quit anyway and lose them?"
            )
            self.push_screen(ConfirmDialog(question, confirm_label="Quit"), decided)
            return
        self.exit()
