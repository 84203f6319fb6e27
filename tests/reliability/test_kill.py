"""Pull the plug: a child process saves changes in a loop and says which
state each save reached once `commit` returned; the test kills it with SIGKILL
at random moments. After every kill the file must parse and hold exactly the
last state the child acknowledged, or the one it was saving, and the next
start must clean up what the killed save left behind.

The loop mixes the cockpit's small changes with an import's big ones: every
tenth save also adds an import of 300 records (applications, their contacts
and log entries) and removes the previous one.

State n is defined here independently of the child's code: the counter
application's notes are n, application a(k % 200) carries "v<k>" from the
latest save k <= n that touched it, the log holds entries l(n-49)..l(n), and
the import of save m = n - n % 10 (if m > 0) is present whole, alone.

The children are forked from one prepared Python process, so a kill costs
milliseconds instead of an interpreter start: the suite runs 200 kills and
then 1,000 more; `pytest -m kill1000` runs the long loop alone (see
docs/reliability.md).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest
from helpers_store import report, temp_files

from jobcockpit.core.board import Changeset
from jobcockpit.core.records import Application
from jobcockpit.store import Store

APPLICATIONS = 200
LOG_KEPT = 50
IMPORT_EVERY = 10
IMPORT_SIZE = 100
"""Applications per import; each comes with a contact and a log entry."""
BASE = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)

ZYGOTE = f"""
import datetime as dt, os, sys
from msgspec import structs
from pathlib import Path
from jobcockpit.core.board import Changeset
from jobcockpit.core.records import Application, Contact, LogEntry, LogKind
from jobcockpit.store import Store

BASE = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def say(text):
    os.write(1, (text + "\\n").encode())


def imported(n):
    contacts = [Contact(id=f"ic{{n}}-{{j}}", name=f"Person {{j}}") for j in range({IMPORT_SIZE})]
    applications = [
        Application.from_dict({{
            "id": f"i{{n}}-{{j}}", "company": f"Import {{n}}", "applied_on": "2026-11-02",
            "contacts": [f"ic{{n}}-{{j}}"],
        }})
        for j in range({IMPORT_SIZE})
    ]
    log = [
        LogEntry(application=f"i{{n}}-{{j}}", contact=f"ic{{n}}-{{j}}", kind=LogKind.EMAIL,
                 at=BASE + dt.timedelta(minutes=j), id=f"il{{n}}-{{j}}")
        for j in range({IMPORT_SIZE})
    ]
    return applications, contacts, log


def change(n, board):
    app = board.applications[f"a{{n % {APPLICATIONS}}}"]
    counter = board.applications["counter"]
    applications = [structs.replace(app, notes=f"v{{n}}"),
                    structs.replace(counter, notes=str(n))]
    contacts, log, gone_applications, gone_contacts = [], [], [], []
    if n % {IMPORT_EVERY} == 0:
        new_applications, contacts, log = imported(n)
        applications += new_applications
        old = n - {IMPORT_EVERY}
        if old > 0:
            gone_applications = [f"i{{old}}-{{j}}" for j in range({IMPORT_SIZE})]
            gone_contacts = [f"ic{{old}}-{{j}}" for j in range({IMPORT_SIZE})]
    log.append(LogEntry(application=app.id, kind=LogKind.EMAIL,
                        at=BASE + dt.timedelta(minutes=n), id=f"l{{n}}"))
    return Changeset(
        put_applications=tuple(applications),
        delete_applications=tuple(gone_applications),
        put_contacts=tuple(contacts),
        delete_contacts=tuple(gone_contacts),
        add_log=tuple(log),
        delete_log=(f"l{{n - {LOG_KEPT}}}",) if n > {LOG_KEPT} else (),
    )


def child(path):
    store = Store.open(Path(path))
    n = int(store.board.applications["counter"].notes)
    say(f"ready {{n}}")
    while True:
        n += 1
        store.commit(change(n, store.board))
        say(str(n))


say("prepared")
while True:
    line = sys.stdin.readline()
    if not line:
        break
    pid = os.fork()
    if pid == 0:
        try:
            child(line.strip())
        except BaseException as error:
            say(f"error {{error!r}}")
        os._exit(1)
    say(f"pid {{pid}}")
    sys.stdin.readline()
    _, status = os.waitpid(pid, 0)
    say(f"dead {{pid}} {{status}}")
"""


def initial_board_change() -> Changeset:
    applications = [
        Application.from_dict(
            {"id": f"a{j}", "company": f"Company {j}", "applied_on": "2026-11-02"}
        )
        for j in range(APPLICATIONS)
    ]
    counter = Application.from_dict(
        {"id": "counter", "company": "Counter", "applied_on": "2026-11-02", "notes": "0"}
    )
    return Changeset(put_applications=(*applications, counter))


def check_state(path: Path, n: int) -> None:
    """The file holds exactly state n (see the module's docstring)."""
    data = orjson.loads(path.read_bytes())
    applications = data["applications"]
    assert applications["counter"]["notes"] == str(n)
    for j in range(APPLICATIONS):
        latest = n - (n - j) % APPLICATIONS
        assert applications[f"a{j}"]["notes"] == (f"v{latest}" if latest >= 1 else "")
    kept = range(max(1, n - LOG_KEPT + 1), n + 1)
    imported = n - n % IMPORT_EVERY
    expected_log = {f"l{k}" for k in kept}
    expected_applications = {f"a{j}" for j in range(APPLICATIONS)} | {"counter"}
    expected_contacts: set[str] = set()
    if imported > 0:
        expected_log |= {f"il{imported}-{j}" for j in range(IMPORT_SIZE)}
        expected_applications |= {f"i{imported}-{j}" for j in range(IMPORT_SIZE)}
        expected_contacts = {f"ic{imported}-{j}" for j in range(IMPORT_SIZE)}
    assert set(data["log"]) == expected_log
    assert set(applications) == expected_applications
    assert set(data["contacts"]) == expected_contacts
    for k in kept:
        logged = data["log"][f"l{k}"]
        assert logged["application"] == f"a{k % APPLICATIONS}"
        assert dt.datetime.fromisoformat(logged["at"]) == BASE + dt.timedelta(minutes=k)
    for j in range(IMPORT_SIZE if imported > 0 else 0):
        assert applications[f"i{imported}-{j}"]["contacts"] == [f"ic{imported}-{j}"]
        assert data["log"][f"il{imported}-{j}"]["application"] == f"i{imported}-{j}"
    assert data["meta"]["1"]["schema"] == 1


def state_on_disk(path: Path) -> int:
    """The state the file holds; opening it runs every check the app runs,
    and removes what a killed save left behind."""
    with Store.open(path) as store:
        assert not store.read_only, store.read_only_reason
        return int(store.board.applications["counter"].notes)


class Zygote:
    """A Python process with the store imported that forks a saving child on
    request and reports what it printed until it died."""

    def __init__(self, folder: Path) -> None:
        script = folder / "zygote.py"
        script.write_text(ZYGOTE)
        self.process = subprocess.Popen(
            [sys.executable, str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._in = self.process.stdin
        self._out = self.process.stdout.fileno()
        self._buffer = b""
        self._ready: list[str] = []
        """A child's "ready" that came before the zygote said its pid (both
        write to the same pipe, and a child may open the file first)."""
        assert self.line(timeout=30) == "prepared"

    def line(self, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._out], [], [], left)[0]:
                pytest.fail(f"the saving process went quiet; had {self._buffer!r}")
            chunk = os.read(self._out, 65536)
            if not chunk:
                pytest.fail(f"the zygote died: {self.process.stderr.read()!r}")  # type: ignore[union-attr]
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def start(self, path: Path) -> int:
        self._in.write(f"{path}\n".encode())
        self._in.flush()
        self._ready = []
        while not (line := self.line()).startswith("pid "):
            if not line.startswith("ready "):
                self._unexpected(line)
            self._ready.append(line)
        return int(line.split()[1])

    def wait_until_ready(self, state: int) -> None:
        line = self._ready.pop(0) if self._ready else self.line()
        if line != f"ready {state}":
            self._unexpected(line)

    def reap(self, pid: int) -> list[int]:
        """Let the zygote collect its dead child; the states it acknowledged."""
        self._in.write(b"reap\n")
        self._in.flush()
        acknowledged: list[int] = []
        while True:
            line = self.line()
            if line.startswith("dead "):
                _, dead, status = line.split()
                assert int(dead) == pid
                assert os.WIFSIGNALED(int(status)), line
                assert os.WTERMSIG(int(status)) == signal.SIGKILL, line
                return acknowledged
            if line.isdigit():
                acknowledged.append(int(line))
            elif not line.startswith("ready "):
                self._unexpected(line)

    def _unexpected(self, line: str) -> None:
        pytest.fail(f"the saving process said {line!r}")

    def close(self) -> None:
        self._in.close()
        self.process.wait(timeout=10)


@pytest.fixture
def zygote(tmp_path: Path) -> Iterator[Zygote]:
    process = Zygote(tmp_path)
    try:
        yield process
    finally:
        process.process.kill()
        process.process.wait()


@dataclass
class Tally:
    kills: int = 0
    saves_acknowledged: int = 0
    killed_inside_a_save: int = 0
    killed_inside_an_import: int = 0
    file_held_the_next_state: int = 0
    killed_while_starting: int = 0


def kill_repeatedly(folder: Path, zygote: Zygote, kills: int, seed: int) -> Tally:
    path = folder / "jobs.json"
    with Store.open(path, create=True) as store:
        store.commit(initial_board_change())
    rng = random.Random(seed)
    state = 0
    tally = Tally()

    for _ in range(kills):
        pid = zygote.start(path)
        if rng.random() < 0.1:
            # Sometimes while it opens the file, takes the lock, tidies up.
            time.sleep(rng.uniform(0.0, 0.01))
            tally.killed_while_starting += 1
        else:
            zygote.wait_until_ready(state)
            time.sleep(rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        acknowledged = zygote.reap(pid)
        last = acknowledged[-1] if acknowledged else state
        assert acknowledged == list(range(state + 1, last + 1))
        tally.kills += 1
        tally.saves_acknowledged += len(acknowledged)

        if temp_files(folder):
            tally.killed_inside_a_save += 1
            tally.killed_inside_an_import += (last + 1) % IMPORT_EVERY == 0
        on_disk = state_on_disk(path)
        assert on_disk in (last, last + 1), (on_disk, last)
        tally.file_held_the_next_state += on_disk == last + 1
        check_state(path, on_disk)
        assert temp_files(folder) == [], "the next start did not clean up"
        assert not (folder / ".jobs.json.lock").exists()
        state = on_disk

    assert tally.saves_acknowledged > kills, "the children hardly saved anything"
    assert tally.killed_inside_a_save > 0, "no kill landed in the middle of a save"
    assert tally.killed_inside_an_import > 0, "no kill landed in the middle of an import"
    return tally


def _report(config: pytest.Config, tally: Tally, started: float) -> None:
    report(
        config,
        f"kill test: {tally.kills} kills survived, nothing lost "
        f"({tally.saves_acknowledged} saves acknowledged; killed inside a save "
        f"{tally.killed_inside_a_save} times, {tally.killed_inside_an_import} of them inside "
        f"an import; the file held the unacknowledged next state "
        f"{tally.file_held_the_next_state} times; killed while starting "
        f"{tally.killed_while_starting} times) in {time.monotonic() - started:.1f} s",
    )


@pytest.mark.slow
def test_a_killed_writer_leaves_the_last_acknowledged_state_or_the_next(
    tmp_path: Path, zygote: Zygote, request: pytest.FixtureRequest
) -> None:
    started = time.monotonic()
    tally = kill_repeatedly(tmp_path, zygote, kills=200, seed=20261117)
    _report(request.config, tally, started)


@pytest.mark.slow
@pytest.mark.kill1000
def test_a_thousand_kills(tmp_path: Path, zygote: Zygote, request: pytest.FixtureRequest) -> None:
    started = time.monotonic()
    tally = kill_repeatedly(tmp_path, zygote, kills=1000, seed=20261120)
    _report(request.config, tally, started)


def test_a_full_interpreter_start_is_killed_safely_too(tmp_path: Path) -> None:
    """The forked children skip Python's start; one plain child proves the
    real entry path (import, open, first save) is as safe."""
    path = tmp_path / "jobs.json"
    with Store.open(path, create=True) as store:
        store.commit(initial_board_change())
    script = tmp_path / "child.py"
    script.write_text(ZYGOTE.replace('say("prepared")', "child(sys.argv[1])\nraise SystemExit"))
    for delay in (0.0, 0.05, 0.3):
        before = state_on_disk(path)
        child = subprocess.Popen(
            [sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        acknowledged = [int(line) for line in out.split() if line.isdigit()]
        last = acknowledged[-1] if acknowledged else before
        on_disk = state_on_disk(path)
        assert on_disk in (last, last + 1)
        check_state(path, on_disk)
        assert temp_files(tmp_path) == []
