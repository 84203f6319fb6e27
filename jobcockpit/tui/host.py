"""What the main screen may ask of the app that shows it.

The app makes the main screen and hands it the session and itself as this
`Host`; beyond what every Textual app offers (pushing a screen, the themes),
the screen asks nothing else of it. So the screen's module never imports the
app's, and the screen can be shown by any app that has these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    import pendulum

    from jobcockpit.core.settings import Settings
    from jobcockpit.store import StoreError


class Host(Protocol):
    @property
    def clock_is_frozen(self) -> bool:
        """True with `--now` and in tests: the cockpit shows one moment."""
        ...

    def now(self) -> pendulum.DateTime: ...

    @property
    def place_name(self) -> str:
        """Where the board comes from, as the header names it."""
        ...

    @property
    def demo(self) -> bool:
        """A demo board: nothing of it is the user's."""
        ...

    def apply_settings(self, settings: Settings) -> None:
        """Put the keys and the theme of `settings` in force."""
        ...

    def when_loaded(self, act: Callable[[], object]) -> None:
        """Do `act` once the whole data file is read (at once if it is);
        the keys typed after it wait too, so that they act in their order."""
        ...

    def loaded(self) -> None:
        """The whole data file is read: do what waited for it."""
        ...

    def could_not_open(self, error: StoreError) -> None:
        """The rest of the data file could not be read: leave, saving
        nothing, with the error the one-step open gives."""
        ...
