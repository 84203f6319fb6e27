"""A fixed moment and a fixed job hunt for the cockpit's tests and snapshots.

NOW is Tuesday 17 November 2026, 15:05 in Berlin (09:05 in New York, 07:05 in
Denver). The user lives in Berlin. The board holds one application for each
thing the cockpit must show: a call open now, a call later today, an overdue
call, an e-mail, a wait, a thank-you note due within the hour, a decision with
a courtesy call, an offer, a do-not-contact posting, a card without contacts,
and a company whose name looks like markup.
"""

from __future__ import annotations

import asyncio
import html
import random
import re
from collections.abc import Awaitable, Callable
from typing import Any

import pendulum
from textual.pilot import Pilot

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import (
    Application,
    Contact,
    LogEntry,
    LogKind,
    Outcome,
    Stage,
)
from jobcockpit.core.settings import Settings
from jobcockpit.store import Store
from jobcockpit.tui.app import CockpitApp

USER_ZONE = "Europe/Berlin"
NOW = pendulum.datetime(2026, 11, 17, 15, 5, tz=USER_ZONE)
SETTINGS = Settings(user_timezone=USER_ZONE, user_country="DE")
MARKUP_COMPANY = "[red]Evil[/red] Corp [@click=app.quit]"


def _contact(**fields: Any) -> Contact:
    values: dict[str, Any] = {"verified": True, "role": "Recruiter"}
    values.update(fields)
    return Contact.from_dict(values)


def _application(**fields: Any) -> Application:
    return Application.from_dict(fields)


def _entry(application: str, kind: str, at: str, contact: str | None, **fields: Any) -> LogEntry:
    return LogEntry.from_dict(
        {"application": application, "kind": kind, "at": at, "contact": contact, **fields}
    )


def contacts() -> list[Contact]:
    return [
        _contact(
            id="c-dana",
            name="Dana Ruiz",
            role="Hiring manager",
            phone="+1 212 555 0100",
            email="dana@acme.example",
            timezone="America/New_York",
            country="US",
        ),
        _contact(
            id="c-jonas",
            name="Jonas Weber",
            phone="+49 30 1234567",
            email="jonas@brightwave.example",
            timezone="Europe/Berlin",
            country="DE",
            verified=False,
        ),
        _contact(
            id="c-mia",
            name="Mia Chen",
            phone="+49 89 1234567",
            email="mia@evil.example",
            timezone="Europe/Berlin",
            country="DE",
        ),
        _contact(
            id="c-lena",
            name="Lena Hoff",
            role="Team lead",
            phone="+44 20 7946 0000",
            email="lena@northwind.example",
            timezone="Europe/London",
            country="GB",
        ),
        _contact(
            id="c-sam",
            name="Sam Okafor",
            phone="+1 303 555 0199",
            email="sam@globex.example",
            timezone="America/Denver",
            country="US",
        ),
        _contact(
            id="c-ines",
            name="Ines Duarte",
            phone="+49 40 1234567",
            email="ines@initech.example",
            timezone="Europe/Berlin",
            country="DE",
        ),
        _contact(
            id="c-omar",
            name="Omar Haddad",
            email="omar@umbrella.example",
            timezone="Europe/Berlin",
            country="DE",
        ),
        _contact(
            id="c-kim",
            name="Kim Park",
            email="kim@hooli.example",
            timezone="Europe/Berlin",
            country="DE",
        ),
        _contact(
            id="c-wes",
            name="Wes Grant",
            phone="+1 212 555 0111",
            timezone="America/New_York",
            country="US",
        ),
    ]


def applications() -> list[Application]:
    return [
        _application(
            id="a-acme",
            company="Acme Tools",
            position="Data analyst",
            applied_on="2026-11-02",
            contacts=["c-dana"],
            notes="Referred by a former colleague.\nAsk about the SQL test.",
            posting_url="https://acme.example/jobs/42",
        ),
        _application(
            id="a-bright",
            company="Brightwave GmbH",
            position="Backend developer",
            applied_on="2026-11-09",
            contacts=["c-jonas"],
        ),
        _application(
            id="a-evil",
            company=MARKUP_COMPANY,
            position="[b]Chief[/b] \x1b[31mtester\x07",
            applied_on="2026-11-13",
            contacts=["c-mia"],
        ),
        _application(
            id="a-north",
            company="Northwind Traders",
            position="Product analyst",
            applied_on="2026-10-20",
            stage="interviewed",
            contacts=["c-lena"],
        ),
        _application(
            id="a-globex",
            company="Globex",
            position="Product manager",
            applied_on="2026-10-12",
            stage="interviewed",
            contacts=["c-sam"],
        ),
        _application(
            id="a-initech",
            company="Initech",
            position="QA engineer",
            applied_on="2026-10-01",
            stage="decided",
            outcome="rejected",
            stage_since="2026-11-16T11:00:00+01:00",
            contacts=["c-ines"],
        ),
        _application(
            id="a-umbrella",
            company="Umbrella",
            position="Data engineer",
            applied_on="2026-09-20",
            stage="decided",
            outcome="offer",
            stage_since="2026-11-12T10:00:00+01:00",
            contacts=["c-omar"],
        ),
        _application(
            id="a-hooli",
            company="Hooli",
            position="Analyst",
            applied_on="2026-11-05",
            follow_up="email",
            contacts=["c-kim"],
        ),
        _application(
            id="a-stark",
            company="Stark Industries",
            position="Engineer",
            applied_on="2026-11-16",
        ),
        _application(
            id="a-wayne",
            company="Wayne Enterprises",
            position="Analyst",
            applied_on="2026-11-03",
            follow_up="none",
            contacts=["c-wes"],
        ),
    ]


def log() -> list[LogEntry]:
    return [
        _entry("a-north", "interview", "2026-11-16T16:00:00+00:00", "c-lena"),
        _entry("a-globex", "interview", "2026-11-06T10:00:00-07:00", "c-sam"),
        _entry("a-initech", "interview", "2026-11-03T14:00:00+01:00", "c-ines"),
        _entry(
            "a-initech",
            "reply",
            "2026-11-16T11:00:00+01:00",
            "c-ines",
            note="Went with another candidate.",
        ),
        _entry("a-umbrella", "interview", "2026-11-05T10:00:00+01:00", "c-omar"),
        _entry("a-umbrella", "reply", "2026-11-12T10:00:00+01:00", "c-omar"),
        _entry("a-acme", "no_answer", "2026-11-10T10:00:00-05:00", "c-dana"),
    ]


def board() -> Board:
    return Board(applications(), contacts(), log())


def big_board(count: int, seed: int = 3) -> Board:
    """`count` applications, one contact each, spread over stages and zones."""
    rng = random.Random(seed)
    zones = [
        ("America/New_York", "US"),
        ("Europe/Berlin", "DE"),
        ("Europe/London", "GB"),
        ("America/Denver", "US"),
        ("Asia/Tokyo", "JP"),
    ]
    apps: list[Application] = []
    people: list[Contact] = []
    entries: list[LogEntry] = []
    today = NOW.date()
    for n in range(count):
        zone, country = zones[n % len(zones)]
        contact = Contact(
            id=f"c{n}",
            name=f"Person {n}",
            phone=f"+1 555 {n:07d}",
            timezone=zone,
            country=country,
            verified=n % 3 != 0,
        )
        stage = rng.choices(list(Stage), weights=[7, 2, 1])[0]
        application = Application(
            id=f"a{n}",
            company=f"Company {n:05d}",
            position=rng.choice(["Data analyst", "Engineer", "Designer", "Manager"]),
            applied_on=today.subtract(days=rng.randint(0, 180)),
            stage=stage,
            outcome=rng.choice(list(Outcome)) if stage is Stage.DECIDED else None,
            contacts=(contact.id,),
        )
        people.append(contact)
        apps.append(application)
        if stage is not Stage.APPLIED:
            entries.append(
                LogEntry(
                    application=application.id,
                    kind=LogKind.INTERVIEW,
                    at=NOW.subtract(days=rng.randint(1, 30)),
                    contact=contact.id,
                )
            )
    return Board(apps, people, entries)


# -- driving the cockpit -------------------------------------------------------

SIZE = (160, 45)
"""Wide enough for the wide layout: the board, the detail under it and the
full sidebar (the other layouts have tests of their own)."""
TEXT_SPAN = re.compile(r'<text [^>]*clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>')


def cockpit(
    board_: Board | None = None,
    *,
    store: Store | None = None,
    settings: Settings = SETTINGS,
    now: pendulum.DateTime = NOW,
) -> CockpitApp:
    """The cockpit on an in-memory store holding `board_` (the fixed board by
    default), its clock frozen at `now`."""
    if store is None:
        store = Store.in_memory(board() if board_ is None else board_, settings)
    return CockpitApp(store, now=now)


Steps = Callable[[Pilot[None], CockpitApp], Awaitable[None]]


def drive(app: CockpitApp, steps: Steps, size: tuple[int, int] = SIZE) -> CockpitApp:
    """Run the cockpit headless, take `steps`, and hand the app back."""

    async def run() -> None:
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await steps(pilot, app)
            await pilot.pause()

    asyncio.run(run())
    return app


def shown(app: CockpitApp) -> str:
    """The screen's text as the terminal shows it, one line per row."""
    rows: dict[int, list[str]] = {}
    for row, text in TEXT_SPAN.findall(app.export_screenshot()):
        rows.setdefault(int(row), []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join("".join(rows[row]) for row in sorted(rows))


def whole_board_change() -> Changeset:
    """The fixed board as one change, to fill an empty data file."""
    return Changeset(
        put_applications=tuple(applications()),
        put_contacts=tuple(contacts()),
        add_log=tuple(log()),
    )


async def assert_nothing_stale(pilot: Pilot[None], app: CockpitApp, after: str) -> None:
    """The screen as the cockpit left it is the screen it draws when every
    widget is made to draw itself again: no view kept old words or marks."""
    await pilot.pause()
    await pilot.pause()
    before = app.export_screenshot()
    for widget in app.screen.walk_children():
        widget.refresh()
    app.screen.refresh()
    await pilot.pause()
    await pilot.pause()
    redrawn = app.export_screenshot()

    def text(svg: str) -> str:
        rows: dict[int, list[str]] = {}
        for row, part in TEXT_SPAN.findall(svg):
            rows.setdefault(int(row), []).append(html.unescape(part).replace("\xa0", " "))
        return "\n".join("".join(rows[r]) for r in sorted(rows))

    def same_ids(svg: str) -> str:
        return re.sub(r"terminal-\d+", "terminal", svg)

    assert text(before) == text(redrawn), f"stale words after {after}"
    assert same_ids(before) == same_ids(redrawn), f"stale marks or colours after {after}"
