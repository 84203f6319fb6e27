"""A date typed into a form is refused, under its own field, when it lies
outside the years 1900 to 2200: the rules, the calendar and the data file
could not hold it."""

from __future__ import annotations

import asyncio
from typing import Any

import pendulum
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from jobcockpit.tui.contrast import field_variables
from jobcockpit.tui.screens.forms import ApplicationForm
from jobcockpit.tui.widgets.field import Field

TODAY = pendulum.date(2026, 11, 11)


class Host(App[None]):
    def __init__(self, dialog: Screen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Any] = []

    def get_css_variables(self) -> dict[str, str]:
        """The cockpit's colours for the boxes of form fields, as the
        cockpit's app gives them (`CockpitApp.get_css_variables`)."""
        variables = super().get_css_variables()
        variables.update(field_variables(variables))
        return variables

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def fill(pilot: Pilot[None], control_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{control_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    field.post_message(events.Paste(text))
    await pilot.pause()


def test_a_decision_date_past_2200_or_an_application_before_1900_is_refused() -> None:
    errors: dict[str, str | None] = {}

    async def steps(pilot: Pilot[None]) -> None:
        await fill(pilot, "company", "Acme")
        await fill(pilot, "applied_on", "1850-03-01")
        await fill(pilot, "decision_expected_on", "2999-01-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        for control in ("company", "applied_on", "decision_expected_on"):
            errors[control] = pilot.app.screen.query_one(f"#{control}-field", Field).error

    host = Host(ApplicationForm(application=None, today=TODAY))

    async def drive() -> None:
        async with host.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(drive())
    assert host.results == []
    assert errors["company"] is None
    for control in ("applied_on", "decision_expected_on"):
        error = errors[control]
        assert error is not None and "1900" in error and "2200" in error, errors
