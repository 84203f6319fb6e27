"""The benchmark table: how jobcockpit holds up at 0, 1,000 and 10,000 applications.

    .venv/bin/python bench/run.py [--sizes 0,1000,10000] [--runs 7]

For each size it builds a synthetic job hunt (bench/synthetic.py: two contacts
per application and a realistic log), imports it through the real command line
into a fresh data file, and measures, each figure a median over `--runs` runs
taken in fresh processes, every subject interleaved with its baseline so that
a ratio holds on a noisy machine. bench/README.md says what each row means.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import NOW, synthetic_board  # noqa: E402

from jobcockpit.core.board import Board  # noqa: E402

CHILD = str(HERE / "child.py")
USER_ZONE = "Europe/Berlin"
MIB = 2**20
CHILD_TIMEOUT = 300
"""Seconds a measured process may take before the benchmark gives up on it."""


# -- the data files ------------------------------------------------------------


def document(board: Board) -> dict[str, object]:
    return {
        "format": "jobcockpit/1",
        "applications": [a.to_dict() for a in board.applications.values()],
        "contacts": [c.to_dict() for c in board.contacts.values()],
        "log": [e.to_dict() for e in board.log.values()],
    }


def jobcockpit_command() -> list[str]:
    """The console script the install made, as a person runs it; else -m."""
    script = Path(sys.executable).with_name("jobcockpit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jobcockpit"]


def build_data_file(folder: Path, applications: int) -> tuple[Path, Board]:
    """A data file holding the synthetic hunt, made by `jobcockpit import`."""
    board = synthetic_board(applications)
    source = folder / f"hunt-{applications}.json"
    source.write_text(json.dumps(document(board)), encoding="utf-8")
    data = folder / f"data-{applications}" / "jobcockpit.json"
    data.parent.mkdir()
    command = jobcockpit_command()
    subprocess.run(
        [*command, "--db", str(data), "import", str(source)], check=True, capture_output=True
    )
    subprocess.run(
        [*command, "--db", str(data), "settings", "user_timezone", USER_ZONE],
        check=True,
        capture_output=True,
    )
    source.unlink()
    return data, board


def fresh_copy(data: Path, name: str) -> Path:
    """A copy of the data file in its own folder (saves leave backups there)."""
    folder = data.parent.parent / f"{data.parent.name}-{name}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    copy = folder / data.name
    shutil.copyfile(data, copy)
    return copy


# -- running and timing processes ----------------------------------------------


@dataclass
class Run:
    """One child process: the JSON it printed last, and when it started and ended."""

    result: dict[str, Any]
    started: float
    wall: float


def run_child(command: Sequence[str]) -> Run:
    """Run `command` to its end; `started` is taken just before the process is
    made, on the clock the children report (`time.monotonic`)."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = process.communicate(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise RuntimeError(f"{' '.join(command)} took over {CHILD_TIMEOUT} s") from None
    ended = time.monotonic()
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({process.returncode}):\n{err.decode(errors='replace')}"
        )
    lines = out.decode().strip().splitlines()
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    if result.get("writes_bytecode") is False:
        raise RuntimeError(f"{' '.join(command)} ran without writing bytecode")
    return Run(result, started, ended - started)


def children_write_bytecode() -> bool:
    """Whether a process started from here compiles its modules once and keeps
    them, as an installed jobcockpit does. With PYTHONDONTWRITEBYTECODE set,
    every start would compile every module again (a bare Textual app takes
    0.8 s instead of 0.18 s), which no user pays."""
    check = [sys.executable, "-c", "import sys; print(sys.dont_write_bytecode)"]
    answer = subprocess.run(check, check=True, capture_output=True, text=True).stdout
    return answer.strip() == "False"


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples) if samples else float("nan")


def percentile(samples: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: a value that was measured."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


# -- the figures -----------------------------------------------------------------


@dataclass
class Figures:
    size: int
    values: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def measure_paint(data: Path, runs: int, figures: Figures, say: Callable[[str], None]) -> None:
    """Start to first frame, and peak memory once the board is judged, for the
    bare app and the cockpit in alternation."""
    python = sys.executable
    bare = [python, CHILD, "paint", "bare"]
    cockpit = [python, CHILD, "paint", "cockpit", "--db", str(data), "--until", "settled"]
    # One unmeasured start of each: bytecode and the page cache as a person has them.
    run_child(bare)
    run_child(cockpit)
    bare_paint: list[float] = []
    bare_rss: list[float] = []
    paint: list[float] = []
    settled: list[float] = []
    rss_paint: list[float] = []
    rss: list[float] = []
    for _ in range(runs):
        one = run_child(bare)
        bare_paint.append(one.result["painted"] - one.started)
        bare_rss.append(one.result["peak"])
        one = run_child(cockpit)
        paint.append(one.result["painted"] - one.started)
        settled.append(one.result["settled"] - one.started)
        rss_paint.append(one.result["peak_at_paint"])
        rss.append(one.result["peak"])
    v = figures.values
    v["paint_bare"] = median(bare_paint)
    v["paint"] = median(paint)
    v["paint_ratio"] = median([p / b for p, b in zip(paint, bare_paint, strict=True)])
    v["settled"] = median(settled)
    v["rss_bare"] = median(bare_rss)
    v["rss_paint"] = median(rss_paint)
    v["rss_paint_ratio"] = median([r / b for r, b in zip(rss_paint, bare_rss, strict=True)])
    v["rss"] = median(rss)
    v["rss_ratio"] = median([r / b for r, b in zip(rss, bare_rss, strict=True)])
    say(
        f"first paint {v['paint'] * 1000:.0f} ms vs bare {v['paint_bare'] * 1000:.0f} ms "
        f"({v['paint_ratio']:.2f}x), memory {v['rss_paint_ratio']:.2f}x"
    )


def measure_today(
    data: Path, runs: int, figures: Figures, say: Callable[[str], None], folder: Path
) -> None:
    """`jobcockpit today --json` as a script runs it, against `python -c pass`:
    worked out afresh (the answer cache off), and given again from the cache
    that a first run filled (the same moment, the same file)."""
    command = [
        *jobcockpit_command(),
        "--db",
        str(data),
        "today",
        "--now",
        NOW.isoformat(),
        "--json",
    ]
    floor = [sys.executable, "-c", "pass"]
    kept_in = folder / f"today-cache-{figures.size}"
    cache = {"off": "off", "kept": str(kept_in)}

    def with_cache(which: str) -> None:
        os.environ["JOBCOCKPIT_CACHE"] = cache[which]

    try:
        with_cache("off")
        afresh_out = subprocess.run(command, check=True, capture_output=True).stdout
        with_cache("kept")
        subprocess.run(command, check=True, capture_output=True)  # fills the cache
        kept_out = subprocess.run(command, check=True, capture_output=True).stdout
        if kept_out != afresh_out:
            raise RuntimeError("the kept answer differs from the one worked out afresh")
        afresh: list[float] = []
        kept: list[float] = []
        python: list[float] = []
        for _ in range(runs):
            python.append(run_child(floor).wall)
            with_cache("off")
            afresh.append(run_child(command).wall)
            with_cache("kept")
            kept.append(run_child(command).wall)
    finally:
        os.environ.pop("JOBCOCKPIT_CACHE", None)
    figures.values["python"] = median(python)
    figures.values["today"] = median(afresh)
    figures.values["today_kept"] = median(kept)
    say(
        f"today {figures.values['today'] * 1000:.0f} ms afresh, "
        f"{figures.values['today_kept'] * 1000:.0f} ms kept"
    )


def measure_rules(data: Path, runs: int, figures: Figures, say: Callable[[str], None]) -> None:
    cold: list[float] = []
    fresh: list[float] = []
    later: list[float] = []
    load: list[float] = []
    pairs = 0
    for _ in range(max(1, runs)):
        one = run_child([sys.executable, CHILD, "rules", "--db", str(data), "--runs", "3"])
        cold.append(one.result["cold"])
        fresh.extend(one.result["fresh"])
        later.extend(one.result["later"])
        load.append(one.result["load"])
        pairs = one.result["pairs"]
    v = figures.values
    v["rules_cold"] = median(cold)
    v["rules"] = median(fresh)
    v["rules_later"] = median(later)
    v["load"] = median(load)
    v["pairs"] = pairs
    say(f"rules {v['rules'] * 1000:.0f} ms afresh, {v['rules_later'] * 1000:.0f} ms a minute later")


def measure_open(data: Path, runs: int, figures: Figures, say: Callable[[str], None]) -> None:
    """`Store.open` in a process of its own, in one step and in two (the
    applications first, as the cockpit paints them), in alternation."""
    whole: list[float] = []
    added: list[float] = []
    first: list[float] = []
    finish: list[float] = []
    added_first: list[float] = []
    for _ in range(max(1, runs)):
        one = run_child([sys.executable, CHILD, "open", "--db", str(data)])
        whole.append(one.result["open"])
        added.append(one.result["added"])
        two = run_child([sys.executable, CHILD, "open", "--db", str(data), "--board-first"])
        first.append(two.result["open"])
        finish.append(two.result["finish"])
        added_first.append(two.result["added_first"])
    v = figures.values
    v["open"] = median(whole)
    v["open_added"] = median(added)
    v["open_first"] = median(first)
    v["open_finish"] = median(finish)
    v["open_first_added"] = median(added_first)
    say(f"Store.open {v['open'] * 1000:.0f} ms, applications first {v['open_first'] * 1000:.0f} ms")


def measure_save(data: Path, runs: int, figures: Figures, say: Callable[[str], None]) -> None:
    copy = fresh_copy(data, "save")
    one = run_child([sys.executable, CHILD, "save", "--db", str(copy), "--runs", str(runs * 4)])
    figures.values["save"] = median(one.result["samples"])
    figures.values["size"] = one.result["size"]
    say(f"save {figures.values['save'] * 1000:.1f} ms")


def measure_stage_move(
    data: Path, moves: int, figures: Figures, say: Callable[[str], None]
) -> None:
    copy = fresh_copy(data, "stage-move")
    one = run_child([sys.executable, CHILD, "stage-move", "--db", str(copy), "--moves", str(moves)])
    samples = one.result["samples"]
    if not samples:
        return
    figures.values["move"] = median(samples)
    figures.values["move_p95"] = percentile(samples, 0.95)
    figures.values["move_first"] = one.result["first"]
    say(f"stage move {figures.values['move'] * 1000:.1f} ms median of {len(samples)}")


# -- the tables ----------------------------------------------------------------


def _s(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def _ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def _x(value: float) -> str:
    return f"{value:.2f}x"


def _mib(value: float) -> str:
    return f"{value / MIB:.0f} MiB" if value >= 10 * MIB else f"{value / MIB:.1f} MiB"


Show = Callable[[float], str]


@dataclass(frozen=True)
class Goal:
    """A figure the cockpit should reach, at or under `limits[size]`."""

    label: str
    key: str
    show: Show
    limits: dict[int, float]


GOALS: list[Goal] = [
    Goal("first painted board / bare app", "paint_ratio", _x, {0: 1.3, 1000: 1.5, 10_000: 2}),
    Goal("memory at first paint / bare app", "rss_paint_ratio", _x, {10_000: 2}),
    Goal("jobcockpit today --json, worked out afresh", "today", _s, {1000: 0.25, 10_000: 0.6}),
    Goal("stage move, key to fsynced + painted, median", "move", _ms, {10_000: 0.035}),
]
"""The goals, by number of applications; a ratio is to the bare Textual app
measured in the same run."""

ROWS: list[tuple[str, str, Show]] = [
    ("start to first frame, bare Textual app", "paint_bare", _s),
    ("start to first painted board", "paint", _s),
    ("  board / bare app", "paint_ratio", _x),
    ("start to every verdict shown", "settled", _s),
    ("stage move, key to fsynced + painted, median", "move", _ms),
    ("  95th percentile", "move_p95", _ms),
    ("  first move of a session (backs the file up)", "move_first", _ms),
    ("python -c pass", "python", _s),
    ("jobcockpit today --json, worked out afresh", "today", _s),
    ("  the same, answer kept from a run before", "today_kept", _s),
    ("rules, all pairs, first time in a process", "rules_cold", _s),
    ("rules, all pairs, judged afresh", "rules", _s),
    ("rules, all pairs, a minute later", "rules_later", _s),
    ("loading the data file (Store.open)", "load", _s),
    ("Store.open alone", "open", _ms),
    ("  resident memory it adds", "open_added", _mib),
    ("  applications first (board_first)", "open_first", _ms),
    ("    resident memory they add", "open_first_added", _mib),
    ("  then finish_opening", "open_finish", _ms),
    ("one save (atomic, fsynced)", "save", _ms),
    ("  data file size", "size", _mib),
    ("peak memory, bare Textual app", "rss_bare", _mib),
    ("peak memory, cockpit at first paint", "rss_paint", _mib),
    ("  cockpit at first paint / bare app", "rss_paint_ratio", _x),
    ("peak memory, cockpit with every verdict", "rss", _mib),
    ("  cockpit with every verdict / bare app", "rss_ratio", _x),
]
"""Every figure measured, for finding where the time goes."""


def _value(figures: Figures, key: str) -> float | None:
    value = figures.values.get(key)
    return value if value is not None and value == value else None


def goal_cell(figures: Figures, goal: Goal) -> tuple[str, bool | None]:
    """The figure and, where there is a goal at this size, the goal and whether
    it is met (None: no goal here, or nothing measured)."""
    value = _value(figures, goal.key)
    shown = "-" if value is None else goal.show(value)
    limit = goal.limits.get(figures.size)
    if limit is None:
        return shown, None
    if value is None:
        return f"{shown} (<= {goal.show(limit)})", None
    met = value <= limit
    return f"{shown} (<= {goal.show(limit)} {'met' if met else 'NOT met'})", met


def _markdown(head: list[str], body: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]

    def line(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [c.rjust(widths[i]) for i, c in enumerate(row) if i]
        return "| " + " | ".join(cells) + " |"

    rule = "|" + "|".join("-" * (w + 1) + (":" if i else "-") for i, w in enumerate(widths)) + "|"
    return [line(head), rule, *(line(row) for row in body)]


def _size_heads(all_figures: Sequence[Figures]) -> list[str]:
    return ["empty file" if f.size == 0 else f"{f.size:,} applications" for f in all_figures]


def goals_table(all_figures: Sequence[Figures]) -> str:
    """The goals, each figure with its goal at that size beside it, and a count."""
    body: list[list[str]] = []
    met = total = 0
    for goal in GOALS:
        row = [goal.label]
        for figures in all_figures:
            cell, verdict = goal_cell(figures, goal)
            row.append(cell)
            if goal.limits.get(figures.size) is not None:
                total += 1
                met += verdict is True
        body.append(row)
    lines = _markdown(["goal", *_size_heads(all_figures)], body)
    return "\n".join([*lines, "", f"goals met: {met} of {total}"])


def details_table(all_figures: Sequence[Figures], runs: int) -> str:
    body: list[list[str]] = []
    for label, key, show in ROWS:
        cells = []
        for figures in all_figures:
            value = _value(figures, key)
            cells.append("-" if value is None else show(value))
        body.append([label, *cells])
    counts = ", ".join(f"{f.size:,}: {int(f.values.get('pairs', 0)):,} pairs" for f in all_figures)
    lines = _markdown(["figure", *_size_heads(all_figures)], body)
    return "\n".join([*lines, "", f"medians of {runs} runs; {counts}"])


def table(all_figures: Sequence[Figures], runs: int) -> str:
    return goals_table(all_figures) + "\n\n" + details_table(all_figures, runs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="0,1000,10000",
        help="applications per data file, comma-separated (default 0,1000,10000)",
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument(
        "--moves", type=int, default=30, help="stage moves timed per size (default 30)"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started = time.monotonic()

    def say(text: str) -> None:
        print(f"  [{time.monotonic() - started:5.0f} s] {text}", file=sys.stderr, flush=True)

    results: list[Figures] = []
    with tempfile.TemporaryDirectory(prefix="jobcockpit-bench-") as tmp:
        folder = Path(tmp)
        # Every process started from here finds compiled bytecode as an
        # installed jobcockpit has it, kept in the temporary folder rather
        # than in the source tree (and whatever PYTHONDONTWRITEBYTECODE says).
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        if not children_write_bytecode():
            raise SystemExit("the measured processes would not write bytecode: not measuring")
        for size in sizes:
            say(f"{size:,} applications: building and importing the data file")
            data, _ = build_data_file(folder, size)
            figures = Figures(size)
            measure_paint(data, args.runs, figures, say)
            measure_today(data, args.runs, figures, say, folder)
            measure_rules(data, args.runs, figures, say)
            measure_open(data, args.runs, figures, say)
            measure_save(data, args.runs, figures, say)
            if size:
                measure_stage_move(data, args.moves, figures, say)
            results.append(figures)
    print(table(results, args.runs))
    say("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
