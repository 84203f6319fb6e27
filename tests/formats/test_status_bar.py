"""`today` for Waybar and i3blocks: the short line as the text, who to call
and what is due in the tooltip, and a class that says when something is late."""

from __future__ import annotations

from typing import Any

import orjson

from jobcockpit.formats.status_bar import i3blocks, waybar

NOW = "2026-11-18T10:00:00+01:00"


def document(**parts: Any) -> dict[str, Any]:
    return {"now": NOW, "pairs": parts.get("pairs", []), "tasks": parts.get("tasks", [])}


CALL = {
    "application": "a1",
    "contact": "c1",
    "verdict": "call",
    "company": "Acme <Tools> & Sons",
    "name": "Dana Ruiz",
    "overdue": False,
    "windows": [{"from": "2026-11-18T09:30:00-07:00", "to": "2026-11-18T11:30:00-07:00"}],
}


def test_waybar_gets_one_line_of_json_with_markup_escaped() -> None:
    line = waybar(document(pairs=[CALL]), "1 to call")

    assert line.endswith("\n") and line.count("\n") == 1
    shown = orjson.loads(line)
    assert shown == {
        "text": "1 to call",
        "alt": "due",
        "tooltip": "Call Dana Ruiz (Acme &lt;Tools&gt; &amp; Sons), 09:30-11:30 their time",
        "class": "due",
    }


def test_a_late_task_or_an_overdue_call_makes_the_class_overdue() -> None:
    late = {
        "kind": "thank_you",
        "application": "a2",
        "contact": None,
        "due": "2026-11-18T09:00:00+01:00",
        "text": "thank-you note to Beta Care",
    }
    shown = orjson.loads(waybar(document(tasks=[late]), "0 to call, 1 thank-you late"))
    assert shown["class"] == "overdue"
    assert shown["tooltip"] == "thank-you note to Beta Care (late)"
    overdue = orjson.loads(
        waybar(document(pairs=[{**CALL, "overdue": True}]), "1 to call (1 overdue)")
    )
    assert overdue["class"] == "overdue"


def test_nothing_to_do_is_idle() -> None:
    waits = {**CALL, "verdict": "wait", "windows": []}
    shown = orjson.loads(waybar(document(pairs=[waits]), "0 to call"))

    assert (shown["class"], shown["tooltip"]) == ("idle", "Nothing to do today")
    assert i3blocks(document(pairs=[waits]), "0 to call") == "0 to call\n0 to call\n"


def test_i3blocks_gets_full_text_short_text_and_a_colour_when_something_is_due() -> None:
    email = {**CALL, "verdict": "email", "windows": []}

    assert i3blocks(document(pairs=[CALL, email]), "1 to call, 1 to e-mail") == (
        "1 to call, 1 to e-mail\n1 to call\n#F1C40F\n"
    )
