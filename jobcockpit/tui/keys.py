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
    Binding(
        "left,h", "column_left", "Left", id="column_left", show=False, tooltip="Column to the left"
    ),
    Binding(
        "right,l",
        "column_right",
        "Right",
        id="column_right",
        show=False,
        tooltip="Column to the right",
    ),
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

MAIN: list[Binding] = [
    Binding(
        "ctrl+r",
        "retry_lock",
        "Retry lock",
        id="retry_lock",
        tooltip="Read-only because another jobcockpit has the file: try again to take it",
    ),
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
    Binding("u", "undo", "Undo", id="undo", tooltip="Undo the last change (several levels)"),
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
]

PANES: list[Binding] = [
    Binding(
        "tab",
        "app.focus_next",
        "Next pane",
        id="focus_next",
        show=False,
        tooltip="Focus the next pane: columns, detail, sidebar",
    ),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous pane",
        id="focus_previous",
        show=False,
        tooltip="Focus the previous pane",
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
    Binding("up,k", "scroll_up", "Up", id="detail_up", show=False, tooltip="Scroll the detail up"),
    Binding(
        "down,j", "scroll_down", "Down", id="detail_down", show=False, tooltip="Scroll it down"
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
    Binding("home", "scroll_home", "Top", id="detail_top", show=False, tooltip="To the top"),
    Binding("end", "scroll_end", "Bottom", id="detail_bottom", show=False, tooltip="To the log"),
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


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One binding as the help screen and `docs/keys.md` list it."""

    id: str
    keys: tuple[str, ...]
    description: str
    tooltip: str
    where: str


GROUPS: dict[str, list[Binding]] = {
    "board": BOARD,
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
    }


def key_rows(keymap: Mapping[str, str] | None = None) -> list[KeyRow]:
    """Every binding with the keys it answers to once `keymap` is applied."""
    keymap = keymap or {}
    rows: list[KeyRow] = []
    for where, bindings in all_groups().items():
        for binding in bindings:
            assert binding.id is not None
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
