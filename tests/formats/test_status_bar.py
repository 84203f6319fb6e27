"""`today` for Waybar and i3blocks: the short line as the text, who to call
and what is due in the tooltip, and a class that says when something is late."""

from __future__ import annotations

import datetime as dt

import orjson
import pendulum

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application, Contact
from jobcockpit.core.verdicts import Agenda, CallWindow, Task, TaskKind, Verdict, VerdictKind
from jobcockpit.formats.status_bar import i3blocks, waybar

NOW = pendulum.datetime(2026, 11, 18, 10, 0, tz="Europe/Berlin")
DENVER = dt.timezone(dt.timedelta(hours=-7))
BOARD = Board(
    [
        Application("a1", "Acme <Tools> & Sons", "Analyst", pendulum.date(2026, 11, 2)),
        Application("a2", "Beta Care", "Nurse", pendulum.date(2026, 11, 3)),
    ],
    [Contact("c1", "Dana Ruiz"), Contact("c2", "Ken Sato")],
)
CALL = Verdict(
    "a1",
    "c1",
    VerdictKind.CALL,
    ("R10",),
    "follow up",
    windows=(
        CallWindow(
            dt.datetime(2026, 11, 18, 9, 30, tzinfo=DENVER),
            dt.datetime(2026, 11, 18, 11, 30, tzinfo=DENVER),
        ),
    ),
    zone="America/Denver",
)


def agenda(*verdicts: Verdict, tasks: tuple[Task, ...] = ()) -> Agenda:
    return Agenda(NOW, verdicts, tasks)


def test_waybar_gets_one_line_of_json_with_markup_escaped() -> None:
    line = waybar(agenda(CALL), BOARD, "1 to call")

    assert line.endswith("\n") and line.count("\n") == 1
    assert orjson.loads(line) == {
        "text": "1 to call",
        "alt": "due",
        "tooltip": "Call Dana Ruiz (Acme &lt;Tools&gt; &amp; Sons), 09:30-11:30 their time",
        "class": "due",
    }


def test_a_late_task_or_an_overdue_call_makes_the_class_overdue() -> None:
    late = Task(TaskKind.THANK_YOU, "a2", "c2", NOW - dt.timedelta(hours=1), "thank-you to Beta")
    shown = orjson.loads(waybar(agenda(tasks=(late,)), BOARD, "0 to call, 1 thank-you late"))
    overdue = Verdict("a1", "c1", VerdictKind.CALL, (), "late", overdue=True)
    called = orjson.loads(waybar(agenda(overdue), BOARD, "1 to call (1 overdue)"))

    assert (shown["class"], shown["tooltip"]) == ("overdue", "thank-you to Beta (late)")
    assert (called["class"], called["tooltip"]) == (
        "overdue",
        "Call Dana Ruiz (Acme &lt;Tools&gt; &amp; Sons) (overdue)",
    )


def test_nothing_to_do_is_idle() -> None:
    waiting = Verdict("a1", "c1", VerdictKind.WAIT, (), "wait")
    shown = orjson.loads(waybar(agenda(waiting), BOARD, "0 to call"))

    assert (shown["class"], shown["tooltip"]) == ("idle", "Nothing to do today")
    assert i3blocks(agenda(waiting), "0 to call") == "0 to call\n0 to call\n"


def test_i3blocks_gets_full_text_short_text_and_a_colour_when_something_is_due() -> None:
    email = Verdict("a2", "c2", VerdictKind.EMAIL, (), "e-mail only")

    assert i3blocks(agenda(CALL, email), "1 to call, 1 to e-mail") == (
        "1 to call, 1 to e-mail\n1 to call\n#F1C40F\n"
    )
    assert orjson.loads(waybar(agenda(CALL, email), BOARD, "x"))["tooltip"].splitlines()[1] == (
        "E-mail Ken Sato (Beta Care)"
    )
