"""Salary, location, the résumé and cover letter sent, the posting's deadline
and tags: typed in the application form, stored, shown in the detail (hidden
in privacy mode) and found by the filter, a tag also as "#tag"."""

from __future__ import annotations

import pendulum
from factories import cockpit, drive, shown
from textual.pilot import Pilot
from textual.widgets import Input

from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.forms import ApplicationForm
from jobcockpit.tui.widgets.detail import Detail


async def fill(pilot: Pilot[None], control_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{control_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = text
    await pilot.pause()


def test_the_form_stores_the_kept_fields_the_detail_shows_them_and_the_filter_finds_a_tag() -> None:
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        await fill(pilot, "salary", "55,000-65,000 EUR")
        await fill(pilot, "location", "Berlin")
        await fill(pilot, "resume", "cv-2026-data.pdf")
        await fill(pilot, "cover_letter", "acme-v2")
        await fill(pilot, "deadline", "2026-11-30")
        await fill(pilot, "tags", "remote, Python; remote")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        seen["detail"] = app.screen.query_one(Detail).plain
        await pilot.press("asterisk")
        await pilot.pause()
        seen["private"] = app.screen.query_one(Detail).plain
        await pilot.press("asterisk", "slash", *"#python")
        await pilot.pause()
        seen["filtered"] = shown(app)

    app = drive(cockpit(), steps)

    acme = app.store.board.applications["a-acme"]
    assert (acme.salary, acme.location) == ("55,000-65,000 EUR", "Berlin")
    assert (acme.resume, acme.cover_letter) == ("cv-2026-data.pdf", "acme-v2")
    assert acme.deadline == pendulum.date(2026, 11, 30)
    assert acme.tags == ("remote", "Python")
    detail = seen["detail"]
    assert "deadline    2026-11-30" in detail
    assert "salary      55,000-65,000 EUR" in detail
    assert "location    Berlin" in detail
    assert "sent        résumé cv-2026-data.pdf   cover letter acme-v2" in detail
    assert "tags        remote, Python" in detail
    assert "55,000" not in seen["private"] and "Berlin" not in seen["private"]
    assert "Applied 1 of 6" in seen["filtered"]
    assert "Interviewed 0 of 2" in seen["filtered"]
    assert "Acme Tools▕" in seen["filtered"]


def test_a_deadline_that_is_no_day_is_refused_in_its_field() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "deadline", "someday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert app.store.board.applications["a-acme"].deadline is None

    drive(cockpit(), steps)
