"""The cockpit's draft keys: the follow-up the selected card asks for,
opened in the mail program as a `mailto:` link or copied to the clipboard.

The draft is the one `jobcockpit draft` prints (`core.drafting`); the
notification says what was handed over and to whom, and with privacy mode on
names no one.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App

from jobcockpit.core.board import Board
from jobcockpit.core.drafting import draft_for
from jobcockpit.core.records import Application
from jobcockpit.core.text import plain
from jobcockpit.formats.mailto import mailto_link
from jobcockpit.tui.host import Host
from jobcockpit.tui.session import Session
from jobcockpit.tui.views.privacy import Privacy

COPY = "copy"


class Cockpit(Protocol):
    """What of the main screen the draft keys use."""

    session: Session
    host: Host
    privacy: Privacy

    @property
    def board(self) -> Board: ...

    @property
    def app(self) -> App[Any]: ...

    def notify(self, message: str, *, markup: bool = True) -> None: ...


def hand_over(screen: Cockpit, application: Application | None, how: str) -> None:
    """Open (or, `how` being "copy", copy) the draft for `application`."""
    if application is None:
        screen.notify("Select an application first.")
        return
    draft = draft_for(screen.board, screen.session.settings, screen.host.now(), application)
    private = screen.privacy.on
    to = "" if private or not draft.to_name else f" to {plain(draft.to_name)}"
    what = "the draft" if private else f"“{plain(draft.subject)}”"
    if how == COPY:
        screen.app.copy_to_clipboard(draft.text())
        screen.notify(f"Copied {what}{to} to the clipboard.", markup=False)
        return
    screen.app.open_url(mailto_link(draft))
    missing = "" if draft.to else " (no e-mail address: fill one in there)"
    screen.notify(f"Opened {what}{to} in your mail program{missing}.", markup=False)
