"""The draft keys: the follow-up the selected card asks for leaves the
cockpit as a draft, copied to the clipboard (`y`) or opened in the mail
program as a mailto: link (`d`), without changing anything."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from factories import cockpit, drive, shown
from textual.pilot import Pilot

from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.widgets.board import KanbanBoard


def test_y_copies_and_d_opens_the_draft_of_the_selected_card() -> None:
    opened: list[str] = []
    seen: dict[str, str] = {}
    app = cockpit()
    before = app.store.board

    def open_url(url: str, *, new_tab: bool = True) -> None:
        opened.append(url)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        app.open_url = open_url  # type: ignore[method-assign]
        seen["selected"] = app.screen.query_one(KanbanBoard).selected or ""
        await pilot.press("y")
        await pilot.pause()
        seen["copied"] = shown(app)
        await pilot.press("d")
        await pilot.pause()
        seen["opened"] = shown(app)

    drive(app, steps)

    application = before.applications[seen["selected"]]
    assert app.clipboard.startswith(("To: ", "Subject: "))
    assert application.company in app.clipboard
    assert "Copied “" in seen["copied"] and "to the clipboard" in seen["copied"]
    assert "in your mail program" in seen["opened"]
    (link,) = opened
    parts = urlsplit(link)
    fields = parse_qs(parts.query)
    assert parts.scheme == "mailto"
    subject = app.clipboard.split("Subject: ", 1)[1].split("\n", 1)[0]
    assert fields["subject"] == [subject]
    assert application.company in fields["body"][0]
    emails = {c.email for c in before.contacts_of(application) if c.email}
    assert unquote(parts.path) in (emails or {""})
    assert app.store.board.applications == before.applications
    assert app.store.board.log == before.log
