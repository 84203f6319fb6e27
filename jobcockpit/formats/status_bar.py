"""`jobcockpit today` for a status bar: Waybar's JSON and i3blocks' lines.

Both are made from the `today --json` document and the `--format short` line,
so a status bar says exactly what `today` says, and a kept answer (see the
store's today cache) serves them as fast as it serves those two. The short
line is the bar's text; the tooltip lists who to call or e-mail and the tasks;
the class (Waybar) or colour (i3blocks) says whether anything is overdue.

Waybar reads Pango markup in its text and tooltip, so `&`, `<` and `>` in a
company's name are escaped; control characters are taken out everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from jobcockpit.core.text import plain

IDLE = "idle"
DUE = "due"
OVERDUE = "overdue"
COLOURS = {OVERDUE: "#FF5555", DUE: "#F1C40F"}
"""i3blocks' colour for each state; idle keeps the bar's own colour."""
NOTHING = "Nothing to do today"


def state(document: Mapping[str, Any]) -> str:
    """`overdue` when a call is overdue or a task late, `due` when anything
    wants doing today, else `idle`."""
    pairs = [p for p in _list(document, "pairs") if p.get("verdict") in ("call", "email")]
    tasks = _list(document, "tasks")
    now = _moment(document.get("now"))
    if any(p.get("overdue") for p in pairs) or any(_late(t, now) for t in tasks):
        return OVERDUE
    return DUE if pairs or tasks else IDLE


def tooltip_lines(document: Mapping[str, Any]) -> list[str]:
    """One line per call, e-mail and task, in `today`'s order."""
    lines: list[str] = []
    now = _moment(document.get("now"))
    for pair in _list(document, "pairs"):
        verdict = pair.get("verdict")
        if verdict not in ("call", "email"):
            continue
        who = _who(pair.get("name") or pair.get("contact"), pair.get("company"))
        if verdict == "call":
            lines.append(f"Call {who}{_windows(pair.get('windows'))}")
        else:
            lines.append(f"E-mail {who}")
    for task in _list(document, "tasks"):
        text = plain(str(task.get("text") or task.get("kind") or ""))
        lines.append(text + (" (late)" if _late(task, now) else ""))
    return lines or [NOTHING]


def waybar(document: Mapping[str, Any], short: str) -> str:
    """One line of JSON for a Waybar `custom` module with `return-type: json`."""
    kind = state(document)
    shown = {
        "text": _markup(plain(short)),
        "alt": kind,
        "tooltip": "\n".join(_markup(line) for line in tooltip_lines(document)),
        "class": kind,
    }
    return orjson.dumps(shown).decode("utf-8") + "\n"


def i3blocks(document: Mapping[str, Any], short: str) -> str:
    """i3blocks' lines: the full text, the short text and (when something is
    due) the colour."""
    full = plain(short)
    brief = full.split(",", 1)[0]
    lines = [full, brief]
    colour = COLOURS.get(state(document))
    if colour is not None:
        lines.append(colour)
    return "\n".join(lines) + "\n"


def _list(document: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = document.get(key)
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _moment(text: object) -> dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _late(task: Mapping[str, Any], now: dt.datetime | None) -> bool:
    if task.get("late"):
        return True
    due = _moment(task.get("due"))
    return due is not None and now is not None and due < now


def _who(name: object, company: object) -> str:
    person = plain(str(name or "")) or "someone"
    where = plain(str(company or ""))
    return f"{person} ({where})" if where else person


def _windows(windows: object) -> str:
    """ ", 09:30-11:30 their time" for the first window left today."""
    if not isinstance(windows, Sequence) or not windows:
        return ""
    first = windows[0]
    if not isinstance(first, Mapping):
        return ""
    start, end = _moment(first.get("from")), _moment(first.get("to"))
    if start is None or end is None:
        return ""
    return f", {start:%H:%M}-{end:%H:%M} their time"


def _markup(text: str) -> str:
    """Text as Pango shows it literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
