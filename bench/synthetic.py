"""Synthetic job hunts of any size, for the benchmarks.

Deterministic (seeded) so runs compare; dates are relative to a fixed `now` so
every stage, verdict and zone shows up in realistic proportions.
"""

from __future__ import annotations

import random

import pendulum

from jobcockpit.core.board import Board
from jobcockpit.core.records import (
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

NOW = pendulum.datetime(2026, 11, 17, 15, 0, tz="UTC")
ZONES = [
    ("America/New_York", "US", "+1 212 555 {:04d}"),
    ("America/Denver", "US", "+1 505 555 {:04d}"),
    ("America/Los_Angeles", "US", "+1 415 555 {:04d}"),
    ("Europe/London", "GB", "+44 20 7946 {:04d}"),
    ("Europe/Berlin", "DE", "+49 30 1234{:04d}"),
    ("Asia/Tokyo", "JP", "+81 3 1234 {:04d}"),
    (None, None, "+61 2 9876 {:04d}"),
    (None, None, None),
]


def synthetic_board(applications: int, *, contacts_each: int = 2, seed: int = 7) -> Board:
    rng = random.Random(seed)
    apps: list[Application] = []
    people: list[Contact] = []
    log: list[LogEntry] = []
    for n in range(applications):
        app_id = f"a{n}"
        ids = []
        for k in range(contacts_each):
            zone, country, phone = rng.choice(ZONES)
            contact_id = f"c{n}-{k}"
            ids.append(contact_id)
            best = None
            if rng.random() < 0.3:
                best = BestTime(
                    frozenset(rng.sample(list(Weekday)[:5], 3)),
                    pendulum.time(10, 0),
                    pendulum.time(11, 30),
                )
            people.append(
                Contact(
                    id=contact_id,
                    name=f"Person {n}-{k}",
                    role="Recruiter" if k == 0 else "Hiring manager",
                    phone=phone.format(n % 10000) if phone else None,
                    email=f"p{n}.{k}@example.com",
                    timezone=zone,
                    country=country,
                    best_time=best,
                    verified=rng.random() < 0.7,
                )
            )
        applied = NOW.date().subtract(days=rng.randint(0, 120))
        stage = rng.choices(list(Stage), weights=[6, 2, 3])[0]
        outcome = rng.choice(list(Outcome)) if stage is Stage.DECIDED else None
        apps.append(
            Application(
                id=app_id,
                company=f"Company {n % 3000}",
                position=rng.choice(["Data analyst", "Engineer", "Designer", "Manager"]),
                applied_on=applied,
                stage=stage,
                follow_up=rng.choices(list(FollowUp), weights=[10, 3, 2, 1])[0],
                outcome=outcome,
                keep_in_touch=outcome is Outcome.REJECTED and rng.random() < 0.3,
                contacts=tuple(ids),
                notes="",
            )
        )
        moment = pendulum.datetime(applied.year, applied.month, applied.day, 12, tz="UTC")
        kinds = [LogKind.NO_ANSWER, LogKind.VOICEMAIL, LogKind.EMAIL, LogKind.CONNECTED]
        if stage is not Stage.APPLIED:
            kinds += [LogKind.INTERVIEW, LogKind.THANK_YOU]
        if stage is Stage.DECIDED:
            kinds.append(LogKind.REPLY)
        for _ in range(rng.randint(2, 7)):
            moment = moment.add(days=rng.randint(1, 6), hours=rng.randint(0, 5))
            if moment > NOW:
                break
            log.append(
                LogEntry(
                    application=app_id,
                    contact=rng.choice(ids),
                    kind=rng.choice(kinds),
                    at=moment,
                    id=f"l{n}-{len(log)}",
                )
            )
    return Board(apps, people, log)
