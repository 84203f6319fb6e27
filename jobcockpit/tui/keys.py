"""Every key of the cockpit, in one place.

Each key is a `Binding` with an id, so the footer, the help screen, the command
palette and a user's keymap (`Settings.keymap`, applied with `App.set_keymap`)
all see the same list; `docs/keys.md` documents it and a test holds the two
together. The screens and widgets take their `BINDINGS` from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding

from jobcockpit.core.setting_checks import KeyPlace

APP: list[Binding] = [
    Binding("q", "quit", "Quit", id="quit", tooltip="Quit the cockpit; every change is saved"),
    Binding(
        "ctrl+p",
        "command_palette",
        "Commands",
        id="command_palette",
        show=False,
        priority=True,
        tooltip="Search every command and jump to an application",
    ),
]

BOARD: list[Binding] = [
    Binding("up,k", "cursor_up", "Up", id="card_up", show=False, tooltip="Previous card"),
    Binding("down,j", "cursor_down", "Down", id="card_down", show=False, tooltip="Next card"),
    Binding("pageup", "page_up", "Page up", id="page_up", show=False, tooltip="A page of cards up"),
    Binding(
        "pagedown",
        "page_down",
        "Page down",
        id="page_down",
        show=False,
        tooltip="A page of cards down",
    ),
    Binding("home", "first", "First", id="first_card", show=False, tooltip="First card"),
    Binding("end", "last", "Last", id="last_card", show=False, tooltip="Last card"),
]

COLUMNS: list[Binding] = [
    Binding(
        "left,h",
        "column_left",
        "Left",
        id="column_left",
        show=False,
        priority=True,
        tooltip="Column to the left",
    ),
    Binding(
        "right,l",
        "column_right",
        "Right",
        id="column_right",
        show=False,
        priority=True,
        tooltip="Column to the right",
    ),
]
"""The board's own keys, moving from column to column at once (a binding
with priority): a key typed right after lands in the column it went to."""

MAIN: list[Binding] = [
    Binding("n", "new_application", "New", id="new_application", tooltip="Add a new application"),
    Binding("e", "edit_application", "Edit", id="edit_application", tooltip="Edit the application"),
    Binding(
        "a",
        "add_contact",
        "Contact",
        id="add_contact",
        tooltip="Add a contact to the application, or link an existing one",
    ),
    Binding(
        "c",
        "log_call",
        "Call",
        id="log_call",
        tooltip="Log a call (connected, voicemail or no answer) with its talking points",
    ),
    Binding("m", "log_email", "E-mail", id="log_email", tooltip="Log an e-mail you sent"),
    Binding("t", "log_thank_you", "Thanks", id="log_thank_you", tooltip="Log a thank-you note"),
    Binding("r", "log_reply", "Reply", id="log_reply", tooltip="Log a reply from the employer"),
    Binding(
        "d",
        "draft('open')",
        "Draft",
        id="open_draft",
        show=False,
        tooltip="Open the follow-up this card asks for as a draft in your mail program",
    ),
    Binding(
        "y",
        "draft('copy')",
        "Copy draft",
        id="copy_draft",
        show=False,
        tooltip="Copy the draft of this card's follow-up to the clipboard",
    ),
    Binding(
        "L,shift+right",
        "next_stage",
        "Stage →",
        id="next_stage",
        tooltip="Move the card to the next stage",
    ),
    Binding(
        "H,shift+left",
        "previous_stage",
        "← Stage",
        id="previous_stage",
        tooltip="Move the card back to the previous stage",
    ),
    Binding("x", "delete_application", "Delete", id="delete_application", tooltip="Delete it"),
    Binding(
        "u",
        "take_back('undo')",
        "Undo",
        id="undo",
        tooltip="Undo the last change (several levels)",
    ),
    Binding(
        "U,ctrl+y",
        "take_back('redo')",
        "Redo",
        id="redo",
        tooltip="Do again what undo undid (until a new change is made)",
    ),
    Binding(
        "p",
        "open_posting",
        "Posting",
        id="open_posting",
        tooltip="Open the job posting's link in the browser",
    ),
    Binding(
        "Y",
        "copy_contact",
        "Copy number",
        id="copy_contact",
        tooltip="Copy a phone (or else e-mail) to the clipboard: of the contact under "
        "the detail's cursor, else of the one to call",
    ),
    Binding("slash", "filter", "Filter", id="filter", tooltip="Show only cards matching a text"),
    Binding("s", "stats", "Stats", id="stats", tooltip="The funnel, response rate and pace"),
    Binding("question_mark", "help", "Help", id="help", tooltip="Every key and what it does"),
    Binding(
        "asterisk",
        "privacy",
        "Private",
        id="privacy",
        show=False,
        tooltip="Hide names, addresses and notes for screen sharing; again shows them",
    ),
    Binding(
        "o,comma",
        "settings",
        "Settings",
        id="settings",
        show=False,
        tooltip="Settings: follow-up numbers, call windows, your zone, theme, keys",
    ),
    Binding(
        "ctrl+r",
        "retry_lock",
        "Retry lock",
        id="retry_lock",
        tooltip="Read-only because another jobcockpit has the file: try again to take it",
    ),
]

PANES: list[Binding] = [
    Binding(
        "tab",
        "next_pane",
        "Next pane",
        id="focus_next",
        show=False,
        priority=True,
        tooltip="The next pane: board, detail, sidebar (h and l move between columns)",
    ),
    Binding(
        "shift+tab",
        "previous_pane",
        "Previous pane",
        id="focus_previous",
        show=False,
        priority=True,
        tooltip="The previous pane",
    ),
    Binding(
        "enter",
        "open_detail",
        "Detail",
        id="open_detail",
        priority=True,
        tooltip="The selected card's detail: its contacts and log, to edit or remove",
    ),
    Binding(
        "escape",
        "back",
        "Back",
        id="back",
        priority=True,
        tooltip="Back to the board; on the board, clear the filter",
    ),
    Binding(
        "z",
        "zoom",
        "Zoom",
        id="zoom",
        tooltip="The focused pane alone on the screen; z or escape brings the others back",
    ),
    Binding(
        "v",
        "switch_layout",
        "Layout",
        id="switch_layout",
        tooltip="Switch the layout: wide, medium, narrow (one pane at a time), "
        "or by the terminal's size",
    ),
    Binding(
        "ctrl+c",
        "screen.copy_text",
        "Copy",
        id="copy_text",
        show=False,
        tooltip="Copy the text selected with the mouse",
    ),
]

DETAIL: list[Binding] = [
    Binding(
        "up,k",
        "cursor_up",
        "Up",
        id="detail_up",
        show=False,
        tooltip="The record above: the application, a contact, a log entry",
    ),
    Binding(
        "down,j", "cursor_down", "Down", id="detail_down", show=False, tooltip="The record below"
    ),
    Binding("pageup", "page_up", "Page up", id="detail_page_up", show=False, tooltip="A page up"),
    Binding(
        "pagedown",
        "page_down",
        "Page down",
        id="detail_page_down",
        show=False,
        tooltip="A page down",
    ),
    Binding("home", "first", "Top", id="detail_top", show=False, tooltip="To the application"),
    Binding("end", "last", "Bottom", id="detail_bottom", show=False, tooltip="To the oldest entry"),
    Binding(
        "e",
        "edit",
        "Edit",
        id="detail_edit",
        tooltip="Edit the record under the cursor (the application, a contact, a log entry)",
    ),
    Binding(
        "x",
        "remove",
        "Remove",
        id="detail_remove",
        tooltip="Remove it: a log entry, a contact (or only its link to this application), "
        "or the application",
    ),
]

SIDEBAR: list[Binding] = [
    Binding("up,k", "cursor_up", "Up", id="sidebar_up", show=False, tooltip="Previous entry"),
    Binding("down,j", "cursor_down", "Down", id="sidebar_down", show=False, tooltip="Next entry"),
    Binding("home", "first", "First", id="sidebar_first", show=False, tooltip="First entry"),
    Binding("end", "last", "Last", id="sidebar_last", show=False, tooltip="Last entry"),
    Binding("pageup", "page_up", "Page up", id="sidebar_page_up", show=False, tooltip="A page up"),
    Binding(
        "pagedown",
        "page_down",
        "Page down",
        id="sidebar_page_down",
        show=False,
        tooltip="A page down",
    ),
    Binding("enter", "select", "Open", id="sidebar_open", tooltip="Select this entry's card"),
]

FILTER: list[Binding] = [
    Binding(
        "escape",
        "clear_filter",
        "Clear filter",
        id="clear_filter",
        tooltip="Clear the filter and go back to the board",
    ),
]

DIALOG: list[Binding] = [
    Binding("escape,q", "close", "Close", id="close", tooltip="Close this screen"),
]

CONFLICTS: list[Binding] = [
    Binding(
        "m",
        "merge",
        "Merge",
        id="conflicts_merge",
        tooltip="Merge the sync tool's conflict copies into the data file",
    ),
    Binding(
        "l,escape",
        "later",
        "Later",
        id="conflicts_later",
        tooltip="Leave the conflict copies for now; they are offered again next time",
    ),
]


ESSENTIAL: frozenset[str] = frozenset({"help", "quit", "command_palette"})
"""Keys the footer shows at every width: with them a newcomer finds the rest."""

FOOTER_ORDER: tuple[str, ...] = (
    "retry_lock",
    "form_submit",
    "form_cancel",
    "call_connected",
    "call_voicemail",
    "call_no_answer",
    "confirm_yes",
    "confirm_no",
    "close",
    "conflicts_merge",
    "conflicts_later",
    "clear_filter",
    "detail_edit",
    "detail_remove",
    "sidebar_open",
    "back",
    "new_application",
    "edit_application",
    "log_call",
    "next_stage",
    "undo",
    "open_detail",
    "filter",
    "add_contact",
    "log_email",
    "previous_stage",
    "delete_application",
    "redo",
    "log_thank_you",
    "log_reply",
    "zoom",
    "switch_layout",
    "copy_contact",
    "open_posting",
    "stats",
)
"""The keys the footer keeps longest when the terminal is narrow, most
important first; a key not listed goes before any listed."""


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One binding as the help screen and `docs/keys.md` list it."""

    id: str
    keys: tuple[str, ...]
    description: str
    tooltip: str
    where: str


GROUPS: dict[str, list[Binding]] = {
    "board": [*BOARD[:2], *COLUMNS, *BOARD[2:]],
    "cockpit": MAIN,
    "panes": PANES,
    "detail": DETAIL,
    "sidebar": SIDEBAR,
    "filter": FILTER,
    "everywhere": APP,
    "help and stats": DIALOG,
    "conflict copies": CONFLICTS,
}


def all_groups() -> dict[str, list[Binding]]:
    """The cockpit's keys and the dialogs' keys, grouped by where they work.

    The dialogs' keys load with the dialogs, which the cockpit opens only when
    asked, so they are fetched here rather than at import."""
    from jobcockpit.tui.screens.forms import keys as form_keys

    return {
        **GROUPS,
        "forms": form_keys.FORM,
        "call form": form_keys.CALL,
        "confirmation": form_keys.CONFIRM,
        "removing a contact": form_keys.REMOVE_CONTACT,
    }


def key_rows(keymap: Mapping[str, str] | None = None, locked: bool = True) -> list[KeyRow]:
    """Every binding with the keys it answers to once `keymap` is applied;
    without retrying the lock unless another jobcockpit holds the file
    (`locked`)."""
    keymap = keymap or {}
    rows: list[KeyRow] = []
    for where, bindings in all_groups().items():
        for binding in bindings:
            assert binding.id is not None
            if binding.id == "retry_lock" and not locked:
                continue
            keys = keymap.get(binding.id, binding.key)
            rows.append(
                KeyRow(
                    id=binding.id,
                    keys=tuple(k.strip() for k in keys.split(",") if k.strip()),
                    description=binding.description,
                    tooltip=binding.tooltip,
                    where=where,
                )
            )
    return rows


PLACES: dict[str, tuple[str, ...]] = {
    "on the board": ("board", "cockpit", "panes", "everywhere"),
    "in the detail": ("detail", "cockpit", "panes", "everywhere"),
    "in the sidebar": ("sidebar", "cockpit", "panes", "everywhere"),
    "in the filter": ("filter", "cockpit", "panes", "everywhere"),
    "in help and stats": ("help and stats", "everywhere"),
    "in the conflict copies dialog": ("conflict copies", "everywhere"),
    "in a form": ("forms", "everywhere"),
    "in the call form": ("forms", "call form", "everywhere"),
    "in a confirmation": ("confirmation", "everywhere"),
    "when removing a contact": ("removing a contact", "everywhere"),
}
"""Which groups of keys work at the same time, and where: two bindings of one
place must not share a key (`Settings` refuses a keymap that makes them)."""


def key_places() -> list[KeyPlace]:
    """Every place of the cockpit with the bindings that work there."""
    groups = all_groups()
    return [
        KeyPlace(name, {b.id or "": b.key for group in names for b in groups[group]})
        for name, names in PLACES.items()
    ]
