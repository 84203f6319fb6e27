"""The terminal hangs up, or the system asks the cockpit to stop: a change the
screen showed as done is on disk, the file parses, no temporary or lock file
is left behind, and the terminal is given back as it was.

The cockpit runs for real in its own process, on a pseudo-terminal, driven by
keys; the test then sends SIGHUP or SIGTERM, or closes the terminal's side
of the pseudo-terminal the way a closed window does."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest

from jobcockpit.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only")

NOW = "2026-11-17T15:05:00+01:00"
COMPANY = "Hang-up [b]Co"
STARTUP_SECONDS = 30.0
STEP_SECONDS = 15.0
EXIT_SECONDS = 10.0

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
SHOW_CURSOR = b"\x1b[?25h"


class Terminal:
    """The cockpit on a pseudo-terminal of 120 by 40, its output collected."""

    def __init__(self, path: Path, home: Path) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TEXTUAL", "JOBCOCKPIT"))
        }
        env.update(
            TERM="xterm-256color",
            TZ="UTC",
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            COLUMNS="120",
            LINES="40",
        )
        self.output = bytearray()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jobcockpit", "--db", str(path), "--now", NOW],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
            # The pseudo-terminal becomes the cockpit's controlling terminal,
            # so that closing it sends the hang-up a closed window sends.
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # A read blocked on the terminal's side would keep it open after
        # `hang_up_window` closed it, so the reader looks and stops in turn.
        while not self._stopping.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.output.extend(chunk)

    def seen(self) -> bytes:
        with self._lock:
            return bytes(self.output)

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def wait_for(self, what: str, condition: Callable[[], bool], seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        tail = self.seen()[-2000:]
        raise AssertionError(
            f"timed out waiting for {what} (exit code {self.process.poll()}); output ends {tail!r}"
        )

    def wait_for_output(self, text: bytes, seconds: float = STEP_SECONDS) -> None:
        self.wait_for(repr(text), lambda: text in self.seen(), seconds)

    def hang_up_window(self) -> None:
        """What closing the terminal window does: its side goes away."""
        self._stopping.set()
        self._reader.join(EXIT_SECONDS)
        os.close(self.master)
        self.master = -1

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(EXIT_SECONDS)
        self._stopping.set()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
        self._reader.join(EXIT_SECONDS)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    with Store.open(data / "hunt.json", create=True):
        pass
    return data


@pytest.fixture
def terminal(folder: Path, tmp_path: Path) -> Iterator[Terminal]:
    running = Terminal(folder / "hunt.json", tmp_path)
    try:
        yield running
    finally:
        running.stop()


def add_an_application(terminal: Terminal, path: Path) -> None:
    """n, the company, ctrl+s; done once the file holds it."""
    terminal.wait_for_output(b"Applied 0", STARTUP_SECONDS)
    terminal.type("n")
    terminal.wait_for_output(b"New application")
    terminal.type(COMPANY)
    terminal.wait_for_output(b"[b]Co")
    terminal.type("\x13")
    terminal.wait_for(
        "the change on disk", lambda: COMPANY.encode() in path.read_bytes(), STEP_SECONDS
    )
    terminal.wait_for_output(b"Applied 1")


def exit_code(terminal: Terminal) -> int:
    try:
        return terminal.process.wait(EXIT_SECONDS)
    except subprocess.TimeoutExpired:
        raise AssertionError(
            f"the cockpit was still running {EXIT_SECONDS:.0f} s later; output ends "
            f"{terminal.seen()[-2000:]!r}"
        ) from None


def assert_saved_and_clean(folder: Path) -> None:
    path = folder / "hunt.json"
    document = orjson.loads(path.read_bytes())
    companies = [a["company"] for a in document["applications"].values()]
    assert companies == [COMPANY]
    with Store.open(path) as reopened:
        assert [a.company for a in reopened.board] == [COMPANY]
    assert sorted(p.name for p in folder.iterdir()) == ["backups", "hunt.json"]
    for kept in (folder / "backups").iterdir():
        assert kept.name.startswith("hunt.json.") and kept.name.endswith(".json"), kept.name


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_saves_exits_and_gives_the_terminal_back(
    signum: signal.Signals, terminal: Terminal, folder: Path
) -> None:
    add_an_application(terminal, folder / "hunt.json")
    shown_before = len(terminal.seen())

    terminal.process.send_signal(signum)

    assert exit_code(terminal) == 128 + signum
    terminal.wait_for_output(SHOW_CURSOR, EXIT_SECONDS)
    after = terminal.seen()[shown_before:]
    assert LEAVE_ALTERNATE_SCREEN in after
    assert SHOW_CURSOR in after
    assert b"Traceback" not in after
    assert_saved_and_clean(folder)


@pytest.mark.parametrize("attempt", range(3))
def test_closing_the_terminal_window_mid_edit_loses_nothing(
    attempt: int, terminal: Terminal, folder: Path
) -> None:
    """The window closes while the cockpit is drawing a form that was just
    opened: what the form held was never shown as saved, the rest is kept.
    The moment falls differently each time, so the test runs a few times."""
    add_an_application(terminal, folder / "hunt.json")
    terminal.type("e")

    terminal.hang_up_window()

    assert exit_code(terminal) == 128 + signal.SIGHUP
    assert_saved_and_clean(folder)
