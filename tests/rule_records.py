"""Records for the follow-up rules' tests: one application "a1" at Acme Tools
applied on Monday 2 November 2026, its log entries, and moments, in New York
(UTC-5 in winter) unless a test says otherwise. Each rules test module keeps
its own `contact()`, whose defaults are what that module is about."""

from __future__ import annotations

from typing import Any

import pendulum

from jobcockpit.core.records import Application, LogEntry
from jobcockpit.core.settings import Settings

NY = "America/New_York"
SETTINGS = Settings(user_timezone=NY)


def application(**fields: Any) -> Application:
    values: dict[str, Any] = {
        "id": "a1",
        "company": "Acme Tools",
        "position": "Data analyst",
        "applied_on": "2026-11-02",
        "contacts": ["c1"],
    }
    values.update(fields)
    return Application.from_dict(values)


def entry(kind: str, at: str, who: str | None = "c1", **fields: Any) -> LogEntry:
    return LogEntry.from_dict(
        {"application": "a1", "contact": who, "kind": kind, "at": at, **fields}
    )


def at(text: str) -> pendulum.DateTime:
    moment = pendulum.parse(text)
    assert isinstance(moment, pendulum.DateTime)
    return moment
