"""How long `jobcockpit today` takes on a large job hunt.

Builds a synthetic data file (10,000 applications, 20,000 contacts, a realistic
log by default), imports it through the real command line, then times:

- `jobcockpit today --json` end to end, as a process (what a script or a
  status bar pays);
- the rules engine alone for every pair, in this process;
- loading the data file into a board.

Each figure is the median of several runs. Run from the project folder:

    .venv/bin/python bench/today.py [--applications 10000] [--runs 5]

`bench/run.py` measures all of this and more, for several sizes; this script
stays for a quick look at one size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import NOW, synthetic_board

from jobcockpit.domain.board import Board
from jobcockpit.domain.rules import agenda
from jobcockpit.domain.settings import Settings


def document(board: Board) -> dict[str, object]:
    return {
        "format": "jobcockpit/1",
        "applications": [a.to_dict() for a in board.applications.values()],
        "contacts": [c.to_dict() for c in board.contacts.values()],
        "log": [e.to_dict() for e in board.log.values()],
    }


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    board = synthetic_board(args.applications)
    settings = Settings(user_timezone="Europe/Berlin")
    jobcockpit = [sys.executable, "-m", "jobcockpit"]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "hunt.json"
        source.write_text(json.dumps(document(board)), encoding="utf-8")
        data = Path(folder) / "data.json"
        subprocess.run(
            [*jobcockpit, "--db", str(data), "import", str(source)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [*jobcockpit, "--db", str(data), "settings", "user_timezone", "Europe/Berlin"],
            check=True,
            capture_output=True,
        )
        size = data.stat().st_size

        today: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(
                [*jobcockpit, "--db", str(data), "today", "--now", NOW.isoformat(), "--json"],
                check=True,
                capture_output=True,
            )
            today.append(time.perf_counter() - started)

        from jobcockpit.store import Store

        loading: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            store = Store.open(data)
            loading.append(time.perf_counter() - started)
            store.close()

    rules: list[float] = []
    for _ in range(args.runs):
        started = time.perf_counter()
        result = agenda(board, settings, NOW)
        rules.append(time.perf_counter() - started)

    print(
        f"{args.applications} applications, {len(board.contacts)} contacts, "
        f"{len(board.log)} log entries, data file {size / 2**20:.1f} MiB, "
        f"median of {args.runs}"
    )
    print(f"jobcockpit today --json, whole process  {median_ms(today)}   goal < 500 ms")
    print(f"rules engine, all {len(result.verdicts)} pairs        {median_ms(rules)}")
    print(f"loading the data file                   {median_ms(loading)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
