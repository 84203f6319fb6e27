"""A job hunt to try the cockpit on, made fresh for the moment it is opened.

`jobcockpit --demo` must show every answer the rules can give (someone to call,
an e-mail, waits, done, a do-not-contact) and every task, whatever the day, the
hour or the user's zone. So every date is counted back from `now`, and the one
contact who must be callable right now is placed, among a few offices around
the world, in one where it is daytime and no public holiday (failing that, one
where the day still has a few hours left); her best time names all seven
days, so a weekend does not stop her either (R11).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pendulum

from jobcockpit.core.board import Board
from jobcockpit.core.places import business_calendar
from jobcockpit.core.records import Application, Contact, LogEntry, format_clock

BEST_FROM = dt.time(8, 0)
BEST_TO = dt.time(20, 0)
MIN_LEFT = dt.timedelta(minutes=30)
"""The callable contact is placed only where this much of her best time is left
today, well above any sensible `min_window_minutes`."""
LAST_MINUTE = dt.time(23, 59)


@dataclass(frozen=True, slots=True)
class Office:
    zone: str
    country: str
    subdivision: str | None
    name: str
    phone: str


OFFICES = (
    Office("Asia/Tokyo", "JP", None, "Yuki Mori", "+81 3 5555 0199"),
    Office("Europe/Berlin", "DE", "BE", "Anna Keller", "+49 30 5555 0199"),
    Office("America/New_York", "US", "NY", "Grace Miller", "+1 212 555 0199"),
    Office("America/Los_Angeles", "US", "CA", "Rosa Alvarez", "+1 415 555 0199"),
    Office("Australia/Sydney", "AU", "NSW", "Chloe Evans", "+61 2 5555 0199"),
    Office("Asia/Kolkata", "IN", None, "Meera Iyer", "+91 22 5555 0199"),
    Office("America/Sao_Paulo", "BR", "SP", "Beatriz Costa", "+55 11 5555 0199"),
    Office("Asia/Dubai", "AE", None, "Layla Haddad", "+971 4 555 0199"),
    Office("Asia/Jerusalem", "IL", None, "Noa Levi", "+972 3 555 0199"),
    Office("America/Mexico_City", "MX", "CMX", "Lucía Ramírez", "+52 55 5555 0199"),
)
"""Offices to place the callable contact in, the likeliest first. Their countries
differ in their holidays, so on any day at least one of them is at work."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the callable contact sits today, and the best time she gave."""

    office: Office
    start: dt.time
    end: dt.time


def place_callable_contact(now: dt.datetime) -> Placement:
    """The first office where it is daytime on a working day; failing that (the
    evening of New Year's Day, when the whole daylit world is on holiday), the
    first where the day is no holiday and has some hours left, with a best time
    over those hours: a recruiter who takes calls late."""
    for office in OFFICES:
        local = _local(now, office)
        if (
            _left(local, BEST_TO) >= MIN_LEFT
            and local.time() >= BEST_FROM
            and _at_work(office, local)
        ):
            return Placement(office, BEST_FROM, BEST_TO)
    for office in OFFICES:
        local = _local(now, office)
        if _left(local, LAST_MINUTE) >= MIN_LEFT and _at_work(office, local):
            start = dt.time(local.hour)
            end = dt.time(local.hour + 4) if local.hour < 20 else LAST_MINUTE
            return Placement(office, start, end)
    raise LookupError(f"no demo office is at work at {now.isoformat()}")  # pragma: no cover


def _local(now: dt.datetime, office: Office) -> dt.datetime:
    return now.astimezone(ZoneInfo(office.zone)).replace(tzinfo=None)


def _left(local: dt.datetime, until: dt.time) -> dt.timedelta:
    return dt.datetime.combine(local.date(), until) - local


def _at_work(office: Office, local: dt.datetime) -> bool:
    return business_calendar(office.country, office.subdivision).holiday(local.date()) is None


class _Clock:
    """Moments counted back from now, each in the wall-clock time of a zone."""

    def __init__(self, now: dt.datetime, user_zone: str) -> None:
        self.now = now
        self.user_today = now.astimezone(ZoneInfo(user_zone)).date()

    def days_ago(self, days: int) -> str:
        """A date in the user's calendar, as an application records it."""
        return (self.user_today - dt.timedelta(days=days)).isoformat()

    def weekday_ahead(self, days: int) -> str:
        """A date some days ahead, moved on to a Monday when it falls on a weekend."""
        day = self.user_today + dt.timedelta(days=days)
        while day.isoweekday() > 5:
            day += dt.timedelta(days=1)
        return day.isoformat()

    def at(self, zone: str, days: int, clock: str) -> str:
        """`clock` on the day `days` before today in `zone`: always in the past for
        `days` >= 1."""
        local_today = self.now.astimezone(ZoneInfo(zone)).date()
        day = local_today - dt.timedelta(days=days)
        hour, minute = (int(part) for part in clock.split(":"))
        moment = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)
        return moment.isoformat()

    def recent(self, zone: str, clock: str) -> str:
        """`clock` today in `zone` when that is over an hour ago, else yesterday."""
        today = self.at(zone, 0, clock)
        if dt.datetime.fromisoformat(today) <= self.now - dt.timedelta(hours=1):
            return today
        return self.at(zone, 1, clock)


def demo_board(now: pendulum.DateTime, user_zone: str) -> Board:
    """A board of sixteen applications over every stage and outcome."""
    clock = _Clock(now, user_zone)
    placement = place_callable_contact(now)
    office = placement.office
    all_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    contacts = [
        _contact(
            "c01",
            office.name,
            "Recruiter",
            phone=office.phone,
            email="talent@globetrotter.example",
            timezone=office.zone,
            country=office.country,
            subdivision=office.subdivision,
            best_time={
                "days": all_days,
                "from": format_clock(placement.start),
                "to": format_clock(placement.end),
            },
            verified=True,
        ),
        _contact(
            "c02",
            "Dana Ruiz",
            "Hiring manager",
            phone="+1 303 555 0100",
            email="dana@acme.example",
            timezone="America/Denver",
            country="US",
            subdivision="CO",
            verified=True,
        ),
        _contact(
            "c03",
            "Jonas Weber",
            "Head of operations",
            phone="+49 30 5555 0101",
            email="j.weber@brightline.example",
            timezone="Europe/Berlin",
            country="DE",
            subdivision="BE",
            best_time={"days": ["tue", "wed", "thu"], "from": "10:00", "to": "12:00"},
            verified=True,
        ),
        _contact(
            "c04",
            "Aiko Tanaka",
            "Engineering lead",
            phone="+81 3 5555 0102",
            email="aiko@kumo.example",
            timezone="Asia/Tokyo",
            country="JP",
            verified=True,
        ),
        _contact("c05", "Priya Nair", "Talent partner", email="careers@harborhealth.example"),
        _contact("c06", "Tom Becker", "Branch manager", phone="+1 212 555 0142"),
        _contact(
            "c07",
            "Oliver Grant",
            "Studio director",
            phone="+44 20 7946 0018",
            email="oliver@solace.example",
            timezone="Europe/London",
            country="GB",
            best_time={"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00"},
            verified=True,
        ),
        _contact(
            "c08",
            "Marcus Lee",
            "Managing editor",
            phone="+1 212 555 0108",
            email="marcus@quill.example",
            timezone="America/New_York",
            country="US",
            subdivision="NY",
            best_time={"days": ["mon", "wed", "fri"], "from": "14:00", "to": "16:00"},
            verified=True,
        ),
        _contact(
            "c09",
            "Sam Okafor",
            "HR",
            email="jobs@vertex.example",
            timezone="America/Chicago",
            country="US",
            verified=True,
        ),
        _contact(
            "c10",
            "Chris Park",
            "Team lead",
            phone="+1 415 555 0110",
            email="chris@lumen.example",
            timezone="America/Los_Angeles",
            country="US",
            subdivision="CA",
            verified=True,
        ),
        _contact(
            "c11",
            "Mia Wong",
            "Producer",
            phone="+61 2 5555 0111",
            email="mia@orchid.example",
            timezone="Australia/Sydney",
            country="AU",
            subdivision="NSW",
            verified=True,
        ),
        _contact(
            "c12",
            "Lea Schmidt",
            "Partner",
            phone="+49 89 5555 0112",
            email="lea@cobalt.example",
            timezone="Europe/Berlin",
            country="DE",
            subdivision="BY",
            verified=True,
        ),
        _contact(
            "c13",
            "Haruto Sato",
            "Recruiter",
            phone="+81 6 5555 0113",
            email="sato@meridian.example",
            timezone="Asia/Tokyo",
            country="JP",
            best_time={"days": ["mon", "tue", "wed", "thu", "fri"], "from": "10:00", "to": "12:00"},
            verified=True,
        ),
        _contact(
            "c14",
            "Ingrid Olsen",
            "Lab manager",
            email="ingrid@tidewater.example",
            timezone="Europe/Oslo",
            country="NO",
            verified=True,
        ),
        _contact(
            "c15",
            "Ben Carter",
            "Store manager",
            phone="+1 720 555 0115",
            timezone="America/Denver",
            country="US",
            subdivision="CO",
            verified=True,
        ),
        _contact(
            "c16",
            "Sophie Tremblay",
            "HR business partner",
            phone="+1 416 555 0116",
            email="sophie@keystone.example",
            timezone="America/Toronto",
            country="CA",
            subdivision="ON",
            best_time={"days": ["tue", "thu"], "from": "13:00", "to": "15:00"},
            verified=True,
        ),
    ]
    zone = {c.id: c.timezone or user_zone for c in contacts}

    applications = [
        # R3, R10, R11: waited a week; her best time is open every day of the week.
        _application(
            "a01",
            "Globetrotter Staffing",
            "Operations analyst",
            clock.days_ago(10),
            ["c01"],
            notes="She said to call any day of the week, on her mobile.",
            posting_url="https://jobs.example/globetrotter/ops-analyst",
        ),
        # R3 overdue; R1: no best time known yet.
        _application(
            "a02",
            "Acme Tools",
            "Data analyst",
            clock.days_ago(17),
            ["c02"],
            follow_up="phone",
            posting_url="https://jobs.example/acme/data-analyst",
        ),
        # R8: a voicemail a week ago; call again, but leave no second message.
        _application(
            "a03", "Brightline Logistics", "Supply chain planner", clock.days_ago(13), ["c03"]
        ),
        # R14: their reply started a new cycle; a dial yesterday went unanswered (R9).
        _application("a04", "Kumo Systems", "Backend developer", clock.days_ago(30), ["c04"]),
        # R2 e-mail only; R13: no zone, no phone, so the zone is guessed.
        _application(
            "a05",
            "Harbor Health",
            "Patient data coordinator",
            clock.days_ago(11),
            ["c05"],
            follow_up="email",
            notes="Posting: applications and questions by e-mail only.",
        ),
        # R3 wait; R1: a number from the posting, unverified; zone from the number.
        _application("a06", "Pinecrest Bank", "Risk analyst", clock.days_ago(2), ["c06"]),
        # R5, R6: interviewed today or yesterday; the thank-you note is due.
        _application(
            "a07",
            "Solace Games",
            "Game data analyst",
            clock.days_ago(24),
            ["c07"],
            stage="interviewed",
        ),
        # R4, R7: they named a decision date on a call two days ago.
        _application(
            "a08",
            "Quill & Ink Publishing",
            "Editorial assistant",
            clock.days_ago(28),
            ["c08"],
            stage="interviewed",
        ),
        # R2: the posting asked for no contact at all.
        _application(
            "a09",
            "Vertex Robotics",
            "Technical writer",
            clock.days_ago(12),
            ["c09"],
            follow_up="none",
            notes="Posting: no calls or e-mails, please.",
        ),
        # R7: two follow-ups; the ball is in their court.
        _application("a10", "Lumen Energy", "Energy analyst", clock.days_ago(25), ["c10"]),
        # R17: an offer.
        _application(
            "a11",
            "Orchid Media",
            "Audience analyst",
            clock.days_ago(40),
            ["c11"],
            stage="decided",
            outcome="offer",
        ),
        # R17: accepted.
        _application(
            "a12",
            "Cobalt Consulting",
            "Junior consultant",
            clock.days_ago(60),
            ["c12"],
            stage="decided",
            outcome="accepted",
            stage_since=clock.at(zone["c12"], 20, "17:00"),
        ),
        # R15: rejected yesterday; one courtesy thank-you is due.
        _application(
            "a13",
            "Meridian Foods",
            "Category analyst",
            clock.days_ago(35),
            ["c13"],
            stage="decided",
            outcome="rejected",
        ),
        # R15: filled; the courtesy thank-you was sent.
        _application(
            "a14",
            "Tidewater Labs",
            "Lab data steward",
            clock.days_ago(70),
            ["c14"],
            stage="decided",
            outcome="filled",
        ),
        # R17: withdrawn yesterday; a courtesy note is still owed.
        _application(
            "a15",
            "Aurora Retail",
            "Merchandise planner",
            clock.days_ago(30),
            ["c15"],
            stage="decided",
            outcome="withdrawn",
            stage_since=clock.at(zone["c15"], 1, "11:00"),
        ),
        # R16: rejected, but invited to keep in touch.
        _application(
            "a16",
            "Keystone Insurance",
            "Actuarial assistant",
            clock.days_ago(50),
            ["c16"],
            stage="decided",
            outcome="rejected",
            keep_in_touch=True,
        ),
    ]

    log_rows: list[dict[str, Any]] = [
        {
            "application": "a03",
            "contact": "c03",
            "kind": "voicemail",
            "at": clock.at(zone["c03"], 8, "10:40"),
            "note": "Left name, number and the position; under 30 seconds",
        },
        {
            "application": "a04",
            "contact": "c04",
            "kind": "email",
            "at": clock.at(zone["c04"], 20, "09:15"),
            "note": "Asked whether my materials arrived",
        },
        {
            "application": "a04",
            "contact": "c04",
            "kind": "reply",
            "at": clock.at(zone["c04"], 12, "16:05"),
            "note": "Still reviewing; they will be in touch",
        },
        {
            "application": "a04",
            "contact": "c04",
            "kind": "no_answer",
            "at": clock.at(zone["c04"], 1, "10:30"),
        },
        {
            "application": "a07",
            "contact": "c07",
            "kind": "email",
            "at": clock.at(zone["c07"], 15, "11:00"),
            "note": "Follow-up on my application",
        },
        {
            "application": "a07",
            "contact": "c07",
            "kind": "reply",
            "at": clock.at(zone["c07"], 9, "14:30"),
            "note": "Invited to an interview",
        },
        {
            "application": "a07",
            "contact": "c07",
            "kind": "interview",
            "at": clock.recent(zone["c07"], "11:00"),
            "note": "Panel of three; went well",
        },
        {
            "application": "a08",
            "contact": "c08",
            "kind": "interview",
            "at": clock.at(zone["c08"], 9, "11:00"),
        },
        {
            "application": "a08",
            "contact": "c08",
            "kind": "thank_you",
            "at": clock.at(zone["c08"], 9, "17:30"),
            "note": "Thank-you e-mail",
        },
        {
            "application": "a08",
            "contact": "c08",
            "kind": "connected",
            "at": clock.at(zone["c08"], 2, "14:20"),
            "note": "Decision expected next week",
            "decision_expected_on": clock.weekday_ahead(4),
        },
        {
            "application": "a10",
            "contact": "c10",
            "kind": "email",
            "at": clock.at(zone["c10"], 16, "09:00"),
        },
        {
            "application": "a10",
            "contact": "c10",
            "kind": "connected",
            "at": clock.at(zone["c10"], 8, "10:10"),
            "note": "Chris will pass my CV on",
        },
        {
            "application": "a11",
            "contact": "c11",
            "kind": "interview",
            "at": clock.at(zone["c11"], 12, "15:00"),
        },
        {
            "application": "a11",
            "contact": "c11",
            "kind": "thank_you",
            "at": clock.at(zone["c11"], 12, "19:00"),
        },
        {
            "application": "a11",
            "contact": "c11",
            "kind": "reply",
            "at": clock.at(zone["c11"], 3, "10:00"),
            "note": "Offer by e-mail",
        },
        {
            "application": "a13",
            "contact": "c13",
            "kind": "interview",
            "at": clock.at(zone["c13"], 10, "14:00"),
        },
        {
            "application": "a13",
            "contact": "c13",
            "kind": "thank_you",
            "at": clock.at(zone["c13"], 10, "18:00"),
        },
        {
            "application": "a13",
            "contact": "c13",
            "kind": "reply",
            "at": clock.at(zone["c13"], 1, "16:30"),
            "note": "They chose another candidate",
        },
        {
            "application": "a14",
            "contact": "c14",
            "kind": "reply",
            "at": clock.at(zone["c14"], 40, "09:30"),
            "note": "Position filled internally",
        },
        {
            "application": "a14",
            "contact": "c14",
            "kind": "thank_you",
            "at": clock.at(zone["c14"], 39, "10:00"),
            "note": "Asked to hear of future openings",
        },
        {
            "application": "a15",
            "contact": "c15",
            "kind": "interview",
            "at": clock.at(zone["c15"], 10, "13:00"),
        },
        {
            "application": "a15",
            "contact": "c15",
            "kind": "thank_you",
            "at": clock.at(zone["c15"], 10, "18:00"),
        },
        {
            "application": "a15",
            "contact": "c15",
            "kind": "connected",
            "at": clock.at(zone["c15"], 1, "10:45"),
            "note": "Withdrew: accepted another offer",
        },
        {
            "application": "a16",
            "contact": "c16",
            "kind": "reply",
            "at": clock.at(zone["c16"], 30, "15:00"),
            "note": "Not this time; keep in touch for next year's openings",
        },
        {
            "application": "a16",
            "contact": "c16",
            "kind": "thank_you",
            "at": clock.at(zone["c16"], 29, "09:30"),
        },
    ]
    log = [
        LogEntry.from_dict({"id": f"l{number:02d}", **row}, number - 1)
        for number, row in enumerate(log_rows, start=1)
    ]
    return Board(applications, contacts, log)


def _contact(ident: str, name: str, role: str, **fields: Any) -> Contact:
    return Contact.from_dict({"id": ident, "name": name, "role": role, **fields})


def _application(
    ident: str,
    company: str,
    position: str,
    applied_on: str,
    contacts: list[str],
    **fields: Any,
) -> Application:
    return Application.from_dict(
        {
            "id": ident,
            "company": company,
            "position": position,
            "applied_on": applied_on,
            "contacts": contacts,
            **fields,
        }
    )
