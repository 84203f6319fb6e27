"""The keys of the dialogs, each a `Binding` with an id.

They live apart from the dialogs so the help screen and a user's keymap can
list them with the rest of the cockpit's keys (`jobcockpit.tui.keys`).
"""

from __future__ import annotations

from textual.binding import Binding

FORM: list[Binding] = [
    Binding("escape", "cancel", "Cancel", id="form_cancel", tooltip="Close without saving"),
    Binding("ctrl+s", "submit", "Save", id="form_submit", tooltip="Check every field and save"),
    Binding(
        "enter",
        "submit",
        "Save",
        id="form_submit_enter",
        show=False,
        tooltip="Save (from a text field; a list or a choice takes Enter itself)",
    ),
]

CALL: list[Binding] = [
    Binding(
        "1",
        "outcome('connected')",
        "Connected",
        id="call_connected",
        tooltip="They picked up (outside a text field)",
    ),
    Binding(
        "2",
        "outcome('voicemail')",
        "Voicemail",
        id="call_voicemail",
        tooltip="You left a message (outside a text field)",
    ),
    Binding(
        "3",
        "outcome('no_answer')",
        "No answer",
        id="call_no_answer",
        tooltip="Nobody answered and you left no message (outside a text field)",
    ),
]

CONFIRM: list[Binding] = [
    Binding("y", "confirm", "Yes", id="confirm_yes", tooltip="Yes, go ahead"),
    Binding("n,escape", "refuse", "No", id="confirm_no", tooltip="No, leave things as they are"),
]
