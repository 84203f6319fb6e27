"""Leaving cleanly when the terminal hangs up or the system asks us to stop.

Closing the terminal window sends SIGHUP; a logout, `kill` or a service
manager sends SIGTERM. Left to Python's defaults either kills the cockpit on
the spot: the terminal stays in raw mode with the mouse reported, and the
lock file stays behind. Every change is saved before the screen shows it as
done (`Session.change` writes it before the views follow), so the only work
still in memory is a change whose save failed; on either signal the cockpit
tries that save once more and then exits through Textual's own shutdown,
which restores the terminal, and the caller closes the store, which removes
the lock file.

A closed window also takes the terminal away under Textual's output thread:
its next write fails (EIO), the thread dies, and the app then blocks for ever
on the thread's full queue, before the SIGHUP handler can even run. The
driver from `hang_up_proof` drops output once the terminal is gone instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.driver import Driver

HANG_UPS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


def install(on_signal: Callable[[signal.Signals], None]) -> list[signal.Signals]:
    """Call `on_signal` in the running event loop on SIGHUP and SIGTERM;
    returns the signals it now answers (none where the loop cannot: Windows,
    or a loop outside the main thread)."""
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for signum in HANG_UPS:
        try:
            loop.add_signal_handler(signum, on_signal, signum)
        except (NotImplementedError, RuntimeError, ValueError):
            continue
        installed.append(signum)
    return installed


def uninstall(signals: list[signal.Signals]) -> None:
    """Give the signals back to their defaults."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    for signum in signals:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.remove_signal_handler(signum)
    signals.clear()


class TerminalOutput:
    """The terminal as Textual's output thread writes to it: once a write or
    a flush fails (the terminal hung up), later output is dropped."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                return self._file.write(text)
            except OSError:
                self.gone = True
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._file.flush()
            except OSError:
                self.gone = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def hang_up_proof(driver_class: type[Driver]) -> type[Driver]:
    """Textual's terminal driver, with output that survives a hang-up; any
    other driver (headless, Windows, one named in TEXTUAL_DRIVER) as it is."""
    if sys.platform == "win32":  # pragma: no cover - no SIGHUP there
        return driver_class
    from textual.drivers.linux_driver import LinuxDriver

    if driver_class is not LinuxDriver:
        return driver_class

    class HangUpProofDriver(LinuxDriver):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self._file is not None:
                # Textual 8.2 writes through `_file` from its output thread.
                self._file = TerminalOutput(self._file)  # type: ignore[assignment]

        def _run_input_thread(self) -> None:
            """A read that fails because the terminal went away (EIO) is the
            hang-up itself, which may beat SIGHUP here: leave the same way,
            rather than through Textual's crash report."""
            try:
                self.run_input_thread()
            except OSError:
                hang_up = getattr(self._app, "hang_up", None)
                if callable(hang_up):
                    self._app.call_later(hang_up, signal.SIGHUP)
                else:
                    self._app.call_later(self._app.exit)
            except BaseException:
                import rich.traceback

                self._app.call_later(self._app.panic, rich.traceback.Traceback())

    return HangUpProofDriver
