"""The keys of the dialogs, each a `Binding` with an id.

They live apart from the dialogs so the help screen and a user's keymap can
list them with the rest of the cockpit's keys (`jobcockpit.tui.keys`).
"""

from __future__ import annotations

from textual.binding import Binding

MOVES: list[Binding] = [
    Binding(
        "tab",
        "app.focus_next",
        "Next field",
        id="form_next_field",
        show=False,
        priority=True,
        tooltip="The next field; what is typed right after it lands there",
    ),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous field",
        id="form_previous_field",
        show=False,
        priority=True,
        tooltip="The previous field",
    ),
]
"""From field to field (or button to button) at once, before the keys typed
after: a binding with priority."""

FORM: list[Binding] = [
    *MOVES,
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

REMOVE_CONTACT: list[Binding] = [
    Binding(
        "u",
        "unlink",
        "Unlink",
        id="contact_unlink",
        tooltip="Take the contact off this application only; they stay on the others",
    ),
    Binding(
        "r",
        "remove",
        "Remove",
        id="contact_remove",
        tooltip="Remove the contact from every application, with their log entries",
    ),
    Binding(
        "n,escape",
        "refuse",
        "Cancel",
        id="contact_keep",
        tooltip="Keep the contact as it is",
    ),
]
