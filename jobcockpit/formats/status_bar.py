"""`jobcockpit today` for a status bar: Waybar's JSON and i3blocks' lines.

The bar's text is the `--format short` line, so a status bar says exactly
what `today` says; the tooltip lists who to call or e-mail and the tasks, in
`today`'s order; the class (Waybar) or colour (i3blocks) says whether
anything is overdue or late, so a bar can turn red.

Waybar reads Pango markup in its text and tooltip, so `&`, `<` and `>` in a
company's name are escaped; control characters are taken out everywhere.
"""

from __future__ import annotations

import orjson

from jobcockpit.core import places
from jobcockpit.core.board import Board
from jobcockpit.core.text import plain
from jobcockpit.core.verdicts import Agenda, Task, Verdict, VerdictKind

IDLE = "idle"
DUE = "due"
OVERDUE = "overdue"
COLOURS = {OVERDUE: "#FF5555", DUE: "#F1C40F"}
"""i3blocks' colour for each state; idle keeps the bar's own colour."""
NOTHING = "Nothing to do today"
_TO_DO = (VerdictKind.CALL, VerdictKind.EMAIL)


def state(agenda: Agenda) -> str:
    """`overdue` when a call or e-mail is overdue or a task late, `due` when
    anything wants doing today, else `idle`."""
    pairs = [v for v in agenda.verdicts if v.kind in _TO_DO]
    if any(v.overdue for v in pairs) or any(_late(t, agenda) for t in agenda.tasks):
        return OVERDUE
    return DUE if pairs or agenda.tasks else IDLE


def tooltip_lines(agenda: Agenda, board: Board) -> list[str]:
    """One line per call, e-mail and task, in `today`'s order."""
    lines = [_pair_line(v, board) for v in agenda.verdicts if v.kind in _TO_DO]
    lines.extend(_task_line(t, agenda) for t in agenda.tasks)
    return lines or [NOTHING]


def waybar(agenda: Agenda, board: Board, short: str) -> str:
    """One line of JSON for a Waybar `custom` module with `return-type: json`."""
    kind = state(agenda)
    shown = {
        "text": _markup(plain(short)),
        "alt": kind,
        "tooltip": "\n".join(_markup(line) for line in tooltip_lines(agenda, board)),
        "class": kind,
    }
    return orjson.dumps(shown).decode("utf-8") + "\n"


def i3blocks(agenda: Agenda, short: str) -> str:
    """i3blocks' lines: the full text, the short text and (when something is
    due) the colour."""
    full = plain(short)
    lines = [full, full.split(",", 1)[0]]
    colour = COLOURS.get(state(agenda))
    if colour is not None:
        lines.append(colour)
    return "\n".join(lines) + "\n"


def _late(task: Task, agenda: Agenda) -> bool:
    return task.late or (task.due is not None and task.due < agenda.now)


def _pair_line(verdict: Verdict, board: Board) -> str:
    application = board.applications.get(verdict.application)
    contact = board.contacts.get(verdict.contact)
    person = plain(contact.name) if contact else verdict.contact
    company = plain(application.company) if application else verdict.application
    who = f"{person} ({company})"
    if verdict.kind is VerdictKind.EMAIL:
        return f"E-mail {who}" + (" (overdue)" if verdict.overdue else "")
    line = f"Call {who}"
    if verdict.windows:
        zone = places.zone(verdict.zone)
        first = verdict.windows[0]
        line += (
            f", {first.start.astimezone(zone):%H:%M}-{first.end.astimezone(zone):%H:%M} their time"
        )
    return line + (" (overdue)" if verdict.overdue else "")


def _task_line(task: Task, agenda: Agenda) -> str:
    return plain(task.text) + (" (late)" if _late(task, agenda) else "")


def _markup(text: str) -> str:
    """Text as Pango shows it literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
