"""One deadline, one day: every view of one task names the same day.

The user lives in Berlin. Sam Okafor works in Denver, eight hours behind; the
position at Globex was refused on Friday 4 December 2026 at 18:00 in Denver
(already Saturday in Berlin). The courtesy note is due by the end of the
second business day in Denver, Tuesday 8 December 23:59 there, which is
Wednesday 9 December 07:59 in Berlin: every view must say Wednesday. Yuki
Mori in Tokyo, eight hours ahead, has an interview with the user on Thursday
10 December at 07:00 her time, which is Wednesday 9 December 23:00 in Berlin:
getting ready (R19) is due on the Wednesday in every view too.

The card, the sidebar and the detail are read off the cockpit; `today` (text
and JSON), the calendar and the report through the command line; the
calendar is parsed back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pendulum
from conftest import Run
from factories import cockpit, drive, shown
from textual.pilot import Pilot

from jobcockpit.core.board import Changeset
from jobcockpit.core.records import Application, Contact, LogEntry, LogKind, Outcome, Stage
from jobcockpit.core.settings import Settings
from jobcockpit.store import Store
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.sidebar import Sidebar

BERLIN = ZoneInfo("Europe/Berlin")
NOW = pendulum.datetime(2026, 12, 7, 10, 0, tz="Europe/Berlin")
"""Monday 7 December 2026, 10:00 in Berlin."""
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

SAM = Contact(
    id="c-sam",
    name="Sam Okafor",
    phone="+1 303 555 0199",
    email="sam@globex.example",
    timezone="America/Denver",
    country="US",
    verified=True,
)
YUKI = Contact(
    id="c-yuki",
    name="Yuki Mori",
    phone="+81 3 5555 0199",
    email="yuki@kaito.example",
    timezone="Asia/Tokyo",
    country="JP",
    verified=True,
)
GLOBEX = Application(
    id="a-globex",
    company="Globex",
    position="Product manager",
    applied_on=pendulum.date(2026, 10, 12),
    stage=Stage.DECIDED,
    outcome=Outcome.REJECTED,
    stage_since=dt.datetime(2026, 12, 4, 18, 0, tzinfo=ZoneInfo("America/Denver")),
    contacts=("c-sam",),
)
KAITO = Application(
    id="a-kaito",
    company="Kaito Systems",
    position="Data engineer",
    applied_on=pendulum.date(2026, 11, 20),
    stage=Stage.INTERVIEWED,
    stage_since=dt.datetime(2026, 12, 10, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
    contacts=("c-yuki",),
)
INTERVIEW = LogEntry(
    application="a-kaito",
    contact="c-yuki",
    kind=LogKind.INTERVIEW,
    starts_at=dt.datetime(2026, 12, 10, 7, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
    at=dt.datetime(2026, 12, 10, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
    id="l-interview",
)


def hunt(path: Path) -> Path:
    with Store.open(path, create=True) as store:
        store.commit(
            Changeset(
                put_applications=(GLOBEX, KAITO),
                put_contacts=(SAM, YUKI),
                add_log=(INTERVIEW,),
            )
        )
        store.save_settings(Settings(user_timezone="Europe/Berlin", user_country="DE"))
    return path


def days_named(text: str) -> set[str]:
    """Every weekday a text names."""
    return {day for day in WEEKDAYS if re.search(rf"\b{day}\b", text)}


def test_every_view_of_one_task_names_the_same_day(tmp_path: Path, cli: Callable[..., Run]) -> None:
    path = hunt(tmp_path / "hunt.json")
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        board = app.screen.query_one(KanbanBoard)
        for app_id, stage in (("a-globex", Stage.DECIDED), ("a-kaito", Stage.INTERVIEWED)):
            board.select(app_id, stage)
            await pilot.pause()
            seen[f"detail {app_id}"] = app.screen.query_one(Detail).plain
        seen["board"] = shown(app)
        seen["sidebar"] = app.screen.query_one(Sidebar).text

    drive(cockpit(store=Store.open(path), now=NOW), steps)

    # The courtesy note: Wednesday 07:59 in Berlin, in every view.
    card_and_sidebar = "courtesy by Wed 07:59"
    assert card_and_sidebar in seen["board"]  # the card's note line
    sidebar = seen["sidebar"].split("Notes and interviews")[1]
    assert f"Sam Okafor · Globex\n  {card_and_sidebar}" in sidebar
    detail = seen["detail a-globex"]
    assert "(due Wed 9 Dec 2026 07:59, in 45 h)" in detail
    assert "by Wed 9 Dec 2026 07:59" in detail  # the verdict's reason
    assert days_named(detail.split("To do")[1].split("Log")[0]) == {"Wed"}

    # Getting ready for the interview: Wednesday 23:00 in Berlin, Thursday in Tokyo.
    assert "interview Wed 23:00" in seen["board"]  # the card's badge
    assert "Yuki Mori · Kaito Systems\n  interview Wed 23:00, in 2 d" in sidebar
    detail = seen["detail a-kaito"]
    assert "(due Wed 9 Dec 2026 23:00, in 2 d)" in detail
    assert "interview on Wed 9 Dec 2026 23:00" in detail
    assert "Wed 09 Dec 2026 23:00-00:00  interview   scheduled" in detail

    text = cli("--db", str(path), "--now", NOW.isoformat(), "today")
    assert text.code == 0, text.err
    [courtesy_line] = [line for line in text.out.splitlines() if "courtesy " in line]
    assert courtesy_line.endswith("(due Wed 9 Dec 2026 07:59)")
    [prepare_line] = [line for line in text.out.splitlines() if "prepare " in line]
    assert prepare_line.endswith("(due Wed 9 Dec 2026 23:00)")

    document = json.loads(cli("--db", str(path), "--now", NOW.isoformat(), "today", "--json").out)
    due = {t["kind"]: (t["due"], t["company"], t["name"], t["late"]) for t in document["tasks"]}
    assert due["courtesy"] == ("2026-12-09T07:59:59+01:00", "Globex", "Sam Okafor", False)
    assert due["prepare"] == ("2026-12-09T23:00:00+01:00", "Kaito Systems", "Yuki Mori", False)
    for kind in ("courtesy", "prepare"):
        moment = dt.datetime.fromisoformat(due[kind][0])
        assert WEEKDAYS[moment.astimezone(BERLIN).weekday()] == "Wed"

    exported = cli("--db", str(path), "--now", NOW.isoformat(), "export", "--format", "ics")
    calendar = icalendar.Calendar.from_ical(exported.out)
    events = {e.decoded("CATEGORIES")[0]: e for e in calendar.walk("VEVENT")}
    courtesy_end = events["courtesy"].decoded("DTEND").astimezone(BERLIN)
    assert courtesy_end.replace(second=0) == dt.datetime(2026, 12, 9, 7, 59, tzinfo=BERLIN)
    interview = events["interview"]
    start_field: Any = interview["DTSTART"]
    assert start_field.params["TZID"] == "Asia/Tokyo"
    start = interview.decoded("DTSTART").astimezone(BERLIN)
    assert start == dt.datetime(2026, 12, 9, 23, 0, tzinfo=BERLIN)

    report = cli("--db", str(path), "--now", NOW.isoformat(), "report", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(report.out)))
    [step] = [row for row in rows if row["activity"].startswith("interview")]
    assert (step["date"], step["time"], step["activity"]) == (
        "2026-12-09",
        "23:00",
        "interview (scheduled)",
    )
