"""Keys that wait for the whole data file.

The cockpit paints the board from the applications while the contacts and
the log are still being read (`screens.judging`). Moving around the board
works from the first frame; an action that changes the hunt or reads its
contacts and log (`after_loading`) waits until everything is read, then acts
on the whole board. Every key typed after such an action waits too and is
played back in its order once the action is done, one key at a time after
each has been drawn (a key may open a dialog that the next one types into):
no key is lost, and none acts on half the data.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial, wraps
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from textual import events
from textual.app import App

from jobcockpit.tui.host import Host


class _OnAHost(Protocol):
    @property
    def host(self) -> Host: ...


S = TypeVar("S", bound=_OnAHost)
P = ParamSpec("P")


def after_loading(action: Callable[Concatenate[S, P], None]) -> Callable[Concatenate[S, P], None]:
    """An action that acts on the whole board: before the whole data file
    is read it waits for it (`Host.when_loaded`)."""

    @wraps(action)
    def act_when_loaded(screen: S, /, *args: P.args, **kwargs: P.kwargs) -> None:
        screen.host.when_loaded(partial(action, screen, *args, **kwargs))

    return act_when_loaded


class Waiting:
    """The actions and keys waiting for the whole data file, in order."""

    def __init__(self, app: App[None], loaded: Callable[[], bool]) -> None:
        self._app = app
        self._loaded = loaded
        self._acts: list[Callable[[], object]] = []
        self._keys: list[events.Key] | None = None
        """The keys held back, in order; None while keys go straight through."""
        self._replaying: events.Key | None = None

    @property
    def holding(self) -> bool:
        return self._keys is not None

    def when_loaded(self, act: Callable[[], object]) -> None:
        if self._loaded():
            act()
            return
        self._acts.append(act)
        if self._keys is None:
            self._keys = []

    def hold(self, key: events.Key) -> bool:
        """Whether `key` is held back (to be played back later)."""
        if self._keys is None or key is self._replaying:
            return False
        self._keys.append(key)
        return True

    def release(self) -> None:
        """Everything is read: the waiting actions act, then the keys typed
        after them are played back."""
        acts, self._acts = self._acts, []
        for act in acts:
            act()
        if self._keys is not None:
            self._app.call_after_refresh(self._play_back)

    def drop(self) -> None:
        """Nothing will be read: forget what waited."""
        self._acts = []
        self._keys = None

    def _play_back(self) -> None:
        if not self._keys:
            self._keys = None
            self._replaying = None
            return
        held = self._keys.pop(0)
        key = events.Key(held.key, held.character)
        key.set_sender(self._app)
        self._replaying = key
        self._app.post_message(key)
        self._app.call_after_refresh(self._play_back)
