"""Pull the plug 200 times: a child process saves changes in a loop and says
which state each save reached once `commit` returned; the test kills it with
SIGKILL at random moments. After every kill the file must parse and hold
exactly the last state the child acknowledged, or the one it was saving.

State n is defined here independently of the child's code: the counter
application's notes are n, application a(k % 200) carries "v<k>" from the
latest save k <= n that touched it, and the log holds entries l(n-49)..l(n).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from helpers_store import temp_files

from jobcockpit.domain.board import Changeset
from jobcockpit.domain.models import Application
from jobcockpit.store import Store

APPLICATIONS = 200
LOG_KEPT = 50
KILLS = 200
BASE = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)

CHILD = f"""
import dataclasses, datetime as dt, sys
from pathlib import Path
from jobcockpit.domain.board import Changeset
from jobcockpit.domain.models import LogEntry, LogKind
from jobcockpit.store import Store

BASE = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
store = Store.open(Path(sys.argv[1]))
n = int(store.board.applications["counter"].notes)
print("ready", n, flush=True)
while True:
    n += 1
    app = store.board.applications[f"a{{n % {APPLICATIONS}}}"]
    counter = store.board.applications["counter"]
    store.commit(
        Changeset(
            put_applications=(
                dataclasses.replace(app, notes=f"v{{n}}"),
                dataclasses.replace(counter, notes=str(n)),
            ),
            add_log=(
                LogEntry(
                    application=app.id,
                    kind=LogKind.EMAIL,
                    at=BASE + dt.timedelta(minutes=n),
                    id=f"l{{n}}",
                ),
            ),
            delete_log=(f"l{{n - {LOG_KEPT}}}",) if n > {LOG_KEPT} else (),
        )
    )
    print(n, flush=True)
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
    assert set(data["log"]) == {f"l{k}" for k in kept}
    for k in kept:
        logged = data["log"][f"l{k}"]
        assert logged["application"] == f"a{k % APPLICATIONS}"
        assert dt.datetime.fromisoformat(logged["at"]) == BASE + dt.timedelta(minutes=k)
    assert data["meta"]["1"]["schema"] == 1


def state_on_disk(path: Path) -> int:
    """The state the file holds; opening it runs every check the app runs."""
    with Store.open(path) as store:
        return int(store.board.applications["counter"].notes)


@pytest.mark.slow
def test_a_killed_writer_leaves_the_last_acknowledged_state_or_the_next(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    with Store.open(path, create=True) as store:
        store.commit(initial_board_change())
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    rng = random.Random(20261117)
    state = 0
    commits_seen = 0
    kills_inside_a_save = 0

    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        if rng.random() < 0.1:
            # Sometimes while it starts up, opens the file or tidies leftovers.
            time.sleep(rng.uniform(0.0, 0.2))
        else:
            ready = child.stdout.readline().split()
            if ready != ["ready", str(state)]:
                child.kill()
                pytest.fail(f"the child did not start as expected: {child.communicate()[1]}")
            time.sleep(rng.uniform(0.0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err
        acknowledged = [int(line) for line in out.split() if line.isdigit()]
        last = acknowledged[-1] if acknowledged else state
        commits_seen += len(acknowledged)

        kills_inside_a_save += bool(temp_files(tmp_path))
        on_disk = state_on_disk(path)
        assert on_disk in (last, last + 1), (on_disk, last)
        check_state(path, on_disk)
        state = on_disk

    assert temp_files(tmp_path) == []
    assert commits_seen > KILLS, "the children hardly saved anything before being killed"
    assert kills_inside_a_save > 0, "no kill landed in the middle of a save"
