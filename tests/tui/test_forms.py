"""Each dialog driven by keys as a person would, in a tiny host app, on a fixed clock."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any

import pendulum
import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, Input, RadioSet, Select, Static, TextArea

from jobcockpit.core.records import (
    WEEKDAYS,
    Application,
    BestTime,
    Contact,
    FollowUp,
    LogEntry,
    LogKind,
    Outcome,
    Stage,
    Weekday,
)
from jobcockpit.core.verdicts import TalkingPoints
from jobcockpit.tui.contrast import field_variables
from jobcockpit.tui.screens.forms import (
    ApplicationForm,
    CallForm,
    ConfirmDialog,
    ContactForm,
    LogForm,
    StageChange,
    StageForm,
)
from jobcockpit.tui.widgets.field import Field

BERLIN = "Europe/Berlin"
TODAY = pendulum.date(2026, 11, 11)
NOW = pendulum.datetime(2026, 11, 11, 15, 0, tz=BERLIN)
SIZE = (120, 40)

DANA = Contact(
    id="c1", name="Dana [b]Ruiz", role="Hiring manager", phone="+1 505 555 0100", verified=True
)
LEE = Contact(id="c2", name="Lee Park", email="lee@example.com")
ACME = Application(
    id="a1",
    company="[red]x Acme",
    position="Analyst",
    applied_on=pendulum.date(2026, 11, 2),
    contacts=("c1", "c2"),
    notes="line one\nline two",
    extra={"colour": "green"},
)


class Host(App[None]):
    """Opens one dialog and keeps what it returns; the dialogs' colours are
    the cockpit's (`CockpitApp.get_css_variables`)."""

    def __init__(self, dialog: Screen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Any] = []

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        variables.update(field_variables(variables))
        return variables

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


Steps = Callable[[Pilot[None], Host], Any]


def run(dialog: Screen[Any], steps: Steps) -> Host:
    """Open `dialog`, take `steps` in it, and hand back the host with its results."""
    host = Host(dialog)

    async def drive() -> None:
        async with host.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await steps(pilot, host)
            await pilot.pause()

    asyncio.run(drive())
    return host


async def fill(pilot: Pilot[None], control_id: str, text: str) -> None:
    """Go to a text field (as Tab would, scrolling it into view), clear it and
    paste `text` into it: one event, where typing costs the pilot one per key."""
    field = pilot.app.screen.query_one(f"#{control_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    if text:
        field.post_message(events.Paste(text))
    await pilot.pause()


async def choose(pilot: Pilot[None], control_id: str, steps_down: int) -> None:
    """Open a list with Enter, go down `steps_down` options, pick with Enter."""
    pilot.app.screen.query_one(f"#{control_id}", Select).focus()
    await pilot.pause()
    await pilot.press("enter", *["down"] * steps_down, "enter")


async def tick(pilot: Pilot[None], control_id: str) -> None:
    """Go to a checkbox and toggle it with the space bar."""
    pilot.app.screen.query_one(f"#{control_id}", Checkbox).focus()
    await pilot.pause()
    await pilot.press("space")


def error_of(pilot: Pilot[None], control_id: str) -> str | None:
    return pilot.app.screen.query_one(f"#{control_id}-field", Field).error


def hint_of(pilot: Pilot[None], control_id: str) -> str:
    return pilot.app.screen.query_one(f"#{control_id}-field", Field).hint


TEXT_SPAN = re.compile(r'<text [^>]*clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>')


def shown(pilot: Pilot[None]) -> str:
    """The screen's text as the terminal shows it, one line per row."""
    rows: dict[int, list[str]] = {}
    for row, text in TEXT_SPAN.findall(pilot.app.export_screenshot()):
        rows.setdefault(int(row), []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join("".join(rows[row]) for row in sorted(rows))


def reads(pilot: Pilot[None], phrase: str) -> bool:
    """Whether `phrase` is on screen, maybe wrapped over lines of one column."""
    words = re.sub(r"[█▀▄▌▐▊▎▏│]", " ", shown(pilot)).split()
    return " ".join(phrase.split()) in " ".join(words)


async def assert_error_under(pilot: Pilot[None], control_id: str, text: str) -> None:
    """The error is on screen, on the rows just under its control."""
    screen = pilot.app.screen
    field = screen.query_one(f"#{control_id}-field", Field)
    field.scroll_visible(animate=False)
    await pilot.pause()
    assert field.error is not None and text in field.error
    message = field.query_one(".field--error", Static)
    control = field.control
    assert message.display and message.region.height > 0
    assert message.region.y >= control.region.bottom
    assert message.region.y <= control.region.bottom + 1
    assert text in shown(pilot)


# -- the application -----------------------------------------------------------


def test_a_new_application_is_filled_in_with_tab_and_saved_with_enter() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await pilot.press(*"[red]x")
        assert "[red]x" in shown(pilot)
        await pilot.press("tab", *"Analyst", "tab")
        await pilot.press(*"mon", "tab")
        assert hint_of(pilot, "applied_on") == "Mon 9 Nov 2026, 2 days ago"
        await pilot.press("enter", "down", "down", "enter")
        await pilot.press("tab", *"fri", "tab", *"acme.io/1")
        await pilot.press("enter")

    host = run(ApplicationForm(application=None, today=TODAY), steps)
    [application] = host.results
    assert isinstance(application, Application)
    assert application.id.startswith("a")
    assert application.company == "[red]x"
    assert application.position == "Analyst"
    assert application.applied_on == pendulum.date(2026, 11, 9)
    assert application.follow_up is FollowUp.EMAIL
    assert application.decision_expected_on == pendulum.date(2026, 11, 13)
    assert application.posting_url == "https://acme.io/1"
    assert application.stage is Stage.APPLIED


def test_an_application_without_a_company_or_with_a_bad_date_is_not_returned() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await fill(pilot, "applied_on", "someday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "company", "write the company's name")
        await assert_error_under(pilot, "applied_on", "“someday” is not a day I understand")
        assert pilot.app.screen.focused is pilot.app.screen.query_one("#company")
        await pilot.press(*"Acme")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert host.results == []
        assert error_of(pilot, "company") is None
        await fill(pilot, "applied_on", "tomorrow")
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "applied_on", "that is after today")
        await fill(pilot, "applied_on", "2026-11-10")
        await pilot.press("enter")

    host = run(ApplicationForm(application=None, today=TODAY), steps)
    [application] = host.results
    assert application.company == "Acme"
    assert application.applied_on == pendulum.date(2026, 11, 10)


def test_an_edit_keeps_what_the_form_does_not_show_and_shows_text_literally() -> None:
    decided = Application(
        id="a1",
        company="[red]x Acme",
        position="Analyst",
        applied_on=pendulum.date(2026, 11, 2),
        stage=Stage.DECIDED,
        stage_since=pendulum.datetime(2026, 11, 9, 10, 0, tz=BERLIN),
        outcome=Outcome.REJECTED,
        contacts=("c1", "c2"),
        notes="line one\nline two",
        extra={"colour": "green"},
    )

    async def steps(pilot: Pilot[None], host: Host) -> None:
        screen = pilot.app.screen
        assert screen.query_one("#company", Input).value == "[red]x Acme"
        text = shown(pilot)
        assert "Edit the application at [red]x Acme" in text
        assert screen.query_one("#keep_in_touch", Checkbox).value is False
        await tick(pilot, "keep_in_touch")
        await fill(pilot, "position", "Senior analyst")
        await pilot.press("enter")

    host = run(ApplicationForm(application=decided, today=TODAY), steps)
    [edited] = host.results
    assert edited.id == "a1"
    assert edited.company == "[red]x Acme"
    assert edited.position == "Senior analyst"
    assert edited.stage is Stage.DECIDED
    assert edited.outcome is Outcome.REJECTED
    assert edited.stage_since == decided.stage_since
    assert edited.contacts == ("c1", "c2")
    assert edited.notes == "line one\nline two"
    assert edited.extra == {"colour": "green"}
    assert edited.keep_in_touch is True


def test_enter_in_the_notes_starts_a_new_line_and_ctrl_s_saves() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await pilot.press(*"Acme")
        pilot.app.screen.query_one("#notes", TextArea).focus()
        await pilot.press("a", "enter", "[", "b")
        await pilot.pause()
        assert host.results == []
        await pilot.press("ctrl+s")

    host = run(ApplicationForm(application=None, today=TODAY), steps)
    [application] = host.results
    assert application.notes == "a\n[b"


def test_keep_in_touch_is_only_asked_of_a_decided_application() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert not pilot.app.screen.query("#keep_in_touch")
        await pilot.press("escape")

    host = run(ApplicationForm(application=ACME, today=TODAY), steps)
    assert host.results == [None]


# -- escape cancels every dialog -----------------------------------------------

DIALOGS: dict[str, Callable[[], Screen[Any]]] = {
    "application": lambda: ApplicationForm(application=ACME, today=TODAY),
    "contact": lambda: ContactForm(contact=None, existing=[DANA, LEE], user_zone=BERLIN),
    "call": lambda: CallForm(
        application=ACME,
        contacts=[DANA, LEE],
        talking_points=TalkingPoints.STATUS,
        now=NOW,
        zone=BERLIN,
        default_contact="c1",
    ),
    "log": lambda: LogForm(
        kind=LogKind.EMAIL,
        application=ACME,
        contacts=[DANA],
        now=NOW,
        zone=BERLIN,
        default_contact=None,
    ),
    "stage": lambda: StageForm(application=ACME, target=Stage.INTERVIEWED, now=NOW, zone=BERLIN),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_escape_cancels_with_none_even_from_a_text_field(name: str) -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        text_fields = pilot.app.screen.query(Input)
        if text_fields:
            text_fields.last().focus()
            await pilot.press("x")
        await pilot.press("escape")

    host = run(DIALOGS[name](), steps)
    assert host.results == [None]


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_key_is_a_binding_with_an_id(name: str) -> None:
    dialog = DIALOGS[name]()
    bindings = [b for b in dialog.BINDINGS if not isinstance(b, tuple)]
    assert bindings
    for binding in bindings:
        assert not isinstance(binding, str)
        assert binding.id and binding.description
    keys = {binding.key for binding in bindings if not isinstance(binding, str)}
    assert {"escape", "ctrl+s", "enter"} <= keys


# -- contacts ------------------------------------------------------------------


def test_a_new_contact_with_everything_filled_in() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await fill(pilot, "name", "[red]Dana")
        await fill(pilot, "role", "Recruiter")
        await fill(pilot, "phone", "+1 505 555 0100")
        assert hint_of(pilot, "timezone") == "empty: America/Denver, from the phone number"
        assert hint_of(pilot, "country") == "empty: US, from the phone number"
        await fill(pilot, "email", "dana@example.com")
        await fill(pilot, "timezone", "america/denver")
        await fill(pilot, "country", "us")
        await fill(pilot, "subdivision", "nm")
        await fill(pilot, "best_days", "tue-thu")
        await fill(pilot, "best_from", "10")
        await fill(pilot, "best_to", "11:30")
        assert hint_of(pilot, "best_days") == "Tue, Wed, Thu 10:00-11:30, their time"
        await tick(pilot, "verified")
        await pilot.press("ctrl+s")

    host = run(ContactForm(contact=None, existing=[], user_zone=BERLIN), steps)
    [contact] = host.results
    assert isinstance(contact, Contact)
    assert contact.id.startswith("c")
    assert contact.name == "[red]Dana"
    assert contact.role == "Recruiter"
    assert contact.phone == "+1 505 555 0100"
    assert contact.email == "dana@example.com"
    assert contact.timezone == "America/Denver"
    assert contact.country == "US"
    assert contact.subdivision == "NM"
    assert contact.best_time == BestTime(
        days=frozenset({Weekday.TUE, Weekday.WED, Weekday.THU}),
        start=pendulum.time(10, 0),
        end=pendulum.time(11, 30),
    )
    assert contact.verified is True


def test_a_contact_with_an_empty_zone_leaves_it_to_the_phone_or_the_user() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert hint_of(pilot, "timezone") == "empty: your own zone, Europe/Berlin (a guess)"
        await fill(pilot, "name", "Sam")
        await pilot.press("enter")

    host = run(ContactForm(contact=None, existing=[], user_zone=BERLIN), steps)
    [contact] = host.results
    assert contact.name == "Sam"
    assert contact.timezone is None
    assert contact.best_time is None
    assert contact.verified is False


def test_an_unknown_zone_is_refused_naming_the_closest() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await fill(pilot, "name", "Sam")
        await fill(pilot, "timezone", "Europe/Berln")
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "timezone", "did you mean Europe/Berlin")
        await fill(pilot, "timezone", "berlin")
        assert error_of(pilot, "timezone") is None
        assert hint_of(pilot, "timezone") == "saved as Europe/Berlin"
        await pilot.press("enter")

    host = run(ContactForm(contact=None, existing=[], user_zone="UTC"), steps)
    [contact] = host.results
    assert contact.timezone == "Europe/Berlin"


def test_bad_contact_details_each_show_their_error() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await fill(pilot, "email", "dana@")
        await fill(pilot, "country", "U1")
        await fill(pilot, "best_days", "tue")
        await fill(pilot, "best_from", "11:30")
        await fill(pilot, "best_to", "10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "name", "write their name")
        await assert_error_under(pilot, "email", "“dana@” is not an e-mail address")
        await assert_error_under(pilot, "country", "“U1” is not a 2-letter country code")
        await assert_error_under(pilot, "best_to", "must be later than from")
        await fill(pilot, "best_to", "")
        assert error_of(pilot, "best_to") == "until when?"
        await pilot.press("escape")

    host = run(ContactForm(contact=None, existing=[], user_zone=BERLIN), steps)
    assert host.results == [None]


def test_an_existing_contact_can_be_linked_instead() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        text = shown(pilot)
        assert "Add a contact, or link one you already know" in text
        select = pilot.app.screen.query_one("#existing", Select)
        select.focus()
        await pilot.press("enter")
        assert "Dana [b]Ruiz – Hiring manager" in shown(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert pilot.app.screen.query_one("#new-contact").disabled
        await pilot.press("ctrl+s")

    host = run(ContactForm(contact=None, existing=[DANA, LEE], user_zone=BERLIN), steps)
    assert host.results == ["c1"]


def test_editing_a_contact_keeps_its_id_and_shows_its_best_time() -> None:
    known = Contact(
        id="c9",
        name="Dana",
        timezone="America/Denver",
        best_time=BestTime(days=WEEKDAYS, start=pendulum.time(9, 0), end=pendulum.time(10, 0)),
        extra={"pronouns": "she"},
    )

    async def steps(pilot: Pilot[None], host: Host) -> None:
        screen = pilot.app.screen
        assert not screen.query("#existing")
        assert screen.query_one("#best_days", Input).value == "mon-fri"
        assert screen.query_one("#best_from", Input).value == "09:00"
        await fill(pilot, "role", "CTO")
        await pilot.press("enter")

    host = run(ContactForm(contact=known, existing=[DANA], user_zone=BERLIN), steps)
    [contact] = host.results
    assert contact.id == "c9"
    assert contact.role == "CTO"
    assert contact.best_time == known.best_time
    assert contact.extra == {"pronouns": "she"}


# -- calls ---------------------------------------------------------------------


def call_form(now: pendulum.DateTime = NOW, zone: str = BERLIN) -> CallForm:
    return CallForm(
        application=ACME,
        contacts=[DANA, LEE],
        talking_points=TalkingPoints.STATUS,
        now=now,
        zone=zone,
        default_contact="c1",
    )


def test_a_voicemail_is_logged_and_its_script_shown_while_choosing() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        text = shown(pilot)
        assert "Application status" in text
        assert "Tell them how they can reach you." in text
        await pilot.press("2")
        await pilot.pause()
        text = shown(pilot)
        assert "Application status: voicemail" in text
        assert "Keep it under 30 seconds." in text
        assert not pilot.app.screen.query_one("#decision_expected_on-field").display
        await fill(pilot, "at", "tue 10:30")
        assert hint_of(pilot, "at") == "Tue 10 Nov 2026, yesterday, 10:30 (Europe/Berlin)"
        await fill(pilot, "note", "asked for [b]Lee")
        await pilot.press("enter")

    host = run(call_form(), steps)
    [entry] = host.results
    assert isinstance(entry, LogEntry)
    assert entry.kind is LogKind.VOICEMAIL
    assert entry.application == "a1"
    assert entry.contact == "c1"
    assert entry.at == pendulum.datetime(2026, 11, 10, 10, 30, tz=BERLIN)
    assert entry.note == "asked for [b]Lee"
    assert entry.decision_expected_on is None


def test_a_connected_call_can_carry_the_decision_date_they_gave() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await pilot.press("3", "1")
        await pilot.pause()
        assert pilot.app.screen.query_one("#decision_expected_on-field").display
        await fill(pilot, "decision_expected_on", "fri")
        assert hint_of(pilot, "decision_expected_on") == "Fri 13 Nov 2026, 2 days from today"
        await choose(pilot, "contact", 1)
        await pilot.press("ctrl+s")

    host = run(call_form(), steps)
    [entry] = host.results
    assert entry.kind is LogKind.CONNECTED
    assert entry.contact == "c2"
    assert entry.at == NOW
    assert entry.decision_expected_on == pendulum.date(2026, 11, 13)


def test_a_call_needs_its_outcome_and_cannot_be_in_the_future() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await fill(pilot, "at", "16:00")
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "outcome", "pick what happened")
        await assert_error_under(pilot, "at", "that is still ahead (it is 15:00 now)")
        assert pilot.app.screen.focused is pilot.app.screen.query_one("#outcome", RadioSet)
        await pilot.press("1")
        await fill(pilot, "at", "14:45")
        await pilot.press("enter")

    host = run(call_form(), steps)
    [entry] = host.results
    assert entry.at == pendulum.datetime(2026, 11, 11, 14, 45, tz=BERLIN)


def test_a_call_at_a_time_the_clocks_skipped_is_refused() -> None:
    monday = pendulum.datetime(2026, 3, 30, 12, 0, tz=BERLIN)

    async def steps(pilot: Pilot[None], host: Host) -> None:
        await pilot.press("1")
        await fill(pilot, "at", "yesterday 2:30")
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "at", "does not exist in Europe/Berlin")
        await fill(pilot, "at", "yesterday 3:30")
        await pilot.press("enter")

    host = run(call_form(now=monday), steps)
    [entry] = host.results
    assert entry.at.isoformat() == "2026-03-29T03:30:00+02:00"


def test_the_talking_points_follow_the_kind_of_call() -> None:
    form = CallForm(
        application=ACME,
        contacts=[DANA],
        talking_points=TalkingPoints.AFTER_DECISION,
        now=NOW,
        zone=BERLIN,
        default_contact=None,
    )

    async def steps(pilot: Pilot[None], host: Host) -> None:
        text = shown(pilot)
        assert "After a decision" in text
        assert "Thank Dana [b]Ruiz for the chance" in text
        assert "[red]x Acme" in text
        await pilot.press("escape")

    run(form, steps)


# -- e-mails, thank-you notes and replies --------------------------------------


def test_a_reply_needs_no_contact_and_may_give_a_decision_date() -> None:
    form = LogForm(
        kind=LogKind.REPLY,
        application=ACME,
        contacts=[DANA, LEE],
        now=NOW,
        zone=BERLIN,
        default_contact=None,
    )

    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert pilot.app.screen.query_one("#contact", Select).value is Select.NULL
        assert reads(pilot, "R4: the cockpit waits until a business day after it.")
        await fill(pilot, "at", "yesterday 9am")
        await fill(pilot, "decision_expected_on", "2026-11-01")
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "decision_expected_on", "that is before the reply itself")
        await fill(pilot, "decision_expected_on", "next week")
        await fill(pilot, "note", "second round soon")
        await pilot.press("enter")

    host = run(form, steps)
    [entry] = host.results
    assert entry.kind is LogKind.REPLY
    assert entry.contact is None
    assert entry.at == pendulum.datetime(2026, 11, 10, 9, 0, tz=BERLIN)
    assert entry.decision_expected_on == pendulum.date(2026, 11, 18)
    assert entry.note == "second round soon"


@pytest.mark.parametrize("kind", [LogKind.EMAIL, LogKind.THANK_YOU])
def test_an_email_or_thank_you_goes_to_the_default_contact(kind: LogKind) -> None:
    form = LogForm(
        kind=kind,
        application=ACME,
        contacts=[DANA, LEE],
        now=NOW,
        zone=BERLIN,
        default_contact="c2",
    )

    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert not pilot.app.screen.query("#decision_expected_on")
        await pilot.click("#at")
        await pilot.press("enter")

    host = run(form, steps)
    [entry] = host.results
    assert entry.kind is kind
    assert entry.contact == "c2"
    assert entry.at == NOW


def test_the_log_form_refuses_kinds_it_does_not_log() -> None:
    with pytest.raises(ValueError, match="not voicemail"):
        LogForm(
            kind=LogKind.VOICEMAIL,
            application=ACME,
            contacts=[],
            now=NOW,
            zone=BERLIN,
            default_contact=None,
        )


# -- stages --------------------------------------------------------------------


def test_entering_interviewed_asks_when_the_interview_was_and_how_long_it_lasted() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert pilot.app.screen.focused is pilot.app.screen.query_one("#interview_at")
        assert reads(pilot, "The interview starts or started at (your time, Europe/Berlin)")
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "interview_at", "when does it start, or when did it?")
        await fill(pilot, "interview_at", "yesterday 2:30pm")
        await pilot.press("enter")

    form = StageForm(application=ACME, target=Stage.INTERVIEWED, now=NOW, zone=BERLIN)
    host = run(form, steps)
    [change] = host.results
    assert isinstance(change, StageChange)
    started = pendulum.datetime(2026, 11, 10, 14, 30, tz=BERLIN)
    ended = pendulum.datetime(2026, 11, 10, 15, 30, tz=BERLIN)
    assert change.application.stage is Stage.INTERVIEWED
    assert change.application.stage_since == ended
    assert change.application.extra == {"colour": "green"}
    assert change.entry is not None
    assert change.entry.kind is LogKind.INTERVIEW
    assert (change.entry.starts_at, change.entry.at) == (started, ended)


def test_r19_an_interview_still_to_come_is_scheduled_in_the_contacts_zone() -> None:
    # Wednesday 11 November, 15:00 in Berlin: "fri 10:00" is the coming Friday,
    # in Denver (UTC-7), which is 18:00 in Berlin.
    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert reads(pilot, "The interview starts or started at (their time, America/Denver)")
        await fill(pilot, "interview_at", "fri 10:00")
        await fill(pilot, "interview_length", "90 min")
        await pilot.press("enter")

    form = StageForm(
        application=ACME,
        target=Stage.INTERVIEWED,
        now=NOW,
        zone=BERLIN,
        their_zone="America/Denver",
    )
    host = run(form, steps)
    [change] = host.results
    assert change.entry is not None
    started = pendulum.datetime(2026, 11, 13, 10, 0, tz="America/Denver")
    assert change.entry.starts_at == started
    assert change.entry.at == started.add(minutes=90)
    assert change.application.stage_since == started.add(minutes=90)


def test_a_weekday_alone_is_the_nearest_one_past_or_ahead() -> None:
    # On Wednesday, "mon" is two days ago and "thu" is tomorrow.
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await fill(pilot, "interview_at", "mon 10:00")
        await pilot.pause()
        await pilot.press("ctrl+s")

    form = StageForm(application=ACME, target=Stage.INTERVIEWED, now=NOW, zone=BERLIN)
    [past] = run(form, steps).results
    assert past.entry.starts_at == pendulum.datetime(2026, 11, 9, 10, 0, tz=BERLIN)

    async def ahead(pilot: Pilot[None], host: Host) -> None:
        await fill(pilot, "interview_at", "thu 10:00")
        await pilot.press("ctrl+s")

    form = StageForm(application=ACME, target=Stage.INTERVIEWED, now=NOW, zone=BERLIN)
    [scheduled] = run(form, ahead).results
    assert scheduled.entry.starts_at == pendulum.datetime(2026, 11, 12, 10, 0, tz=BERLIN)


def test_a_length_that_is_not_one_is_refused() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        await fill(pilot, "interview_at", "thu 10:00")
        await fill(pilot, "interview_length", "forever")
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "interview_length", "is not a length I understand")
        await pilot.press("escape")

    form = StageForm(application=ACME, target=Stage.INTERVIEWED, now=NOW, zone=BERLIN)
    host = run(form, steps)
    assert host.results == [None]


def test_entering_decided_asks_the_outcome_and_keep_in_touch_for_a_rejection() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        screen = pilot.app.screen
        assert not screen.query_one("#keep_in_touch-field").display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert host.results == []
        await assert_error_under(pilot, "outcome", "pick what they decided")
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen.query_one("#keep_in_touch-field").display
        await tick(pilot, "keep_in_touch")
        await fill(pilot, "at", "today 9:00")
        await pilot.press("enter")

    interviewed = Application(
        id="a1", company="Acme", position="", applied_on=TODAY, stage=Stage.INTERVIEWED
    )
    form = StageForm(application=interviewed, target=Stage.DECIDED, now=NOW, zone=BERLIN)
    host = run(form, steps)
    [change] = host.results
    assert change.application.stage is Stage.DECIDED
    assert change.application.outcome is Outcome.REJECTED
    assert change.application.keep_in_touch is True
    assert change.application.stage_since == pendulum.datetime(2026, 11, 11, 9, 0, tz=BERLIN)
    assert change.entry is None


def test_moving_back_only_confirms_and_clears_the_decision() -> None:
    decided = Application(
        id="a1",
        company="[red]x Acme",
        position="",
        applied_on=TODAY,
        stage=Stage.DECIDED,
        stage_since=dt.date(2026, 11, 11),
        outcome=Outcome.FILLED,
    )

    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert reads(pilot, "Move [red]x Acme back to interviewed")
        assert reads(pilot, "The outcome (filled) is cleared.")
        await pilot.press("enter")

    form = StageForm(application=decided, target=Stage.INTERVIEWED, now=NOW, zone=BERLIN)
    host = run(form, steps)
    [change] = host.results
    assert change.application.stage is Stage.INTERVIEWED
    assert change.application.outcome is None
    assert change.application.stage_since is None
    assert change.entry is None


# -- confirming ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "expected"),
    [(("y",), True), (("n",), False), (("escape",), False), (("enter",), False)],
)
def test_confirm_answers_to_y_and_n(keys: tuple[str, ...], expected: bool) -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert "Delete [red]x Acme and its log?" in shown(pilot)
        await pilot.press(*keys)

    host = run(ConfirmDialog("Delete [red]x Acme and its log?"), steps)
    assert host.results == [expected]


def test_confirm_by_clicking_the_button_named_for_the_action() -> None:
    async def steps(pilot: Pilot[None], host: Host) -> None:
        assert "Quit (y)" in shown(pilot)
        await pilot.click("#confirm")

    host = run(ConfirmDialog("Quit anyway?", confirm_label="Quit"), steps)
    assert host.results == [True]
