"""R19 in the cockpit: an interview scheduled by keyboard shows on the card,
in the sidebar and the detail, and in the calendar the command line exports.

The clock is frozen at Tuesday 17 November 2026, 15:05 in Berlin (09:05 in
New York, where Dana Ruiz of Acme Tools works; see `factories`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import factories
import icalendar
from conftest import Run
from factories import NOW, SETTINGS, cockpit, drive, shown
from textual.pilot import Pilot
from textual.widgets import Input

from jobcockpit.core.records import LogKind, Stage
from jobcockpit.store import Store
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.forms import StageForm
from jobcockpit.tui.screens.main import MainScreen
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.sidebar import Sidebar


async def fill(pilot: Pilot[None], control_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{control_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


def test_r19_an_interview_scheduled_by_keyboard_shows_on_the_card_sidebar_and_calendar(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    path = tmp_path / "hunt.json"
    with Store.open(path, create=True) as first:
        first.commit(factories.whole_board_change())
        first.save_settings(SETTINGS)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        await pilot.press("L")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StageForm)
        # Typed in Dana's own time: Thursday 10:00 in New York, 16:00 in Berlin.
        assert "their time, America/New_York" in shown(app)
        await fill(pilot, "interview_at", "thu 10:00")
        await fill(pilot, "interview_length", "90 min")
        assert "scheduled" in shown(app) and "16:00 yours" in shown(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

        acme = app.store.board.applications["a-acme"]
        assert acme.stage is Stage.INTERVIEWED
        [interview] = [e for e in app.store.board.log_of("a-acme") if e.kind is LogKind.INTERVIEW]
        assert interview.starts_at is not None
        assert interview.starts_at.isoformat() == "2026-11-19T10:00:00-05:00"
        assert interview.at.isoformat() == "2026-11-19T11:30:00-05:00"

        screen = shown(app)
        assert "interview Thu 16:00" in screen  # the card's badge
        assert "get ready, in 2 d" in screen  # and its countdown
        notes = app.screen.query_one(Sidebar).text.split("Notes and interviews")[1]
        assert "Dana Ruiz · Acme Tools\n  interview Thu 16:00, in 2 d" in notes
        detail = app.screen.query_one(Detail).plain
        assert "Thu 19 Nov 2026 16:00-17:30  interview   scheduled" in detail
        assert "R19 prepare for the interview at Acme Tools with Dana Ruiz" in detail
        assert "due Thu 19 Nov 2026 16:00, in 2 d" in detail
        assert "interview on Thu 19 Nov 2026 16:00" in detail

    drive(cockpit(store=Store.open(path)), steps)

    exported = cli("--db", str(path), "--now", NOW.isoformat(), "export", "--format", "ics")
    assert exported.code == 0, exported.err
    calendar = icalendar.Calendar.from_ical(exported.out)
    [event] = [e for e in calendar.walk("VEVENT") if "interview" in e.decoded("CATEGORIES")]
    start: Any = event["DTSTART"]
    assert start.params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART").isoformat() == "2026-11-19T10:00:00-05:00"
    assert event.decoded("DTEND").isoformat() == "2026-11-19T11:30:00-05:00"
    assert str(event["SUMMARY"]) == "Interview: Acme Tools"
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER").total_seconds() == -3600
    assert "America/New_York" in {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}

    today = cli("--db", str(path), "--now", NOW.isoformat(), "today", "--json")
    tasks = [t for t in json.loads(today.out)["tasks"] if t["kind"] == "prepare"]
    assert [(t["application"], t["due"], t["late"]) for t in tasks] == [
        ("a-acme", "2026-11-19T16:00:00+01:00", False)
    ]
