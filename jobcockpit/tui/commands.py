"""The command palette: every cockpit key as a command, and a jump to any
application by company or position.

Company names are user text, so hits are built as `Content` (never markup) and
the help line carries only the cockpit's own words. In privacy mode the jump
offers, and finds, companies by their stand-ins ("Company 3").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from jobcockpit.core.text import plain
from jobcockpit.tui import keys

if TYPE_CHECKING:
    from jobcockpit.tui.session import Session
    from jobcockpit.tui.views.privacy import Privacy

JUMP_LIMIT = 20
"""Applications offered for one query; a longer query narrows them."""


@runtime_checkable
class Cockpit(Protocol):
    """The screen the palette serves (the main screen): the cockpit's keys
    run there, and it shows the board the jump searches."""

    session: Session
    privacy: Privacy

    def go_to(self, application_id: str) -> None: ...

    def run_action(self, action: str) -> object: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None: ...


class CockpitCommands(Provider):
    def _main(self) -> Cockpit | None:
        return self.screen if isinstance(self.screen, Cockpit) else None

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self._main()
        if screen is None:
            return []
        keymap = screen.session.settings.keymap
        rows = {row.id: row for row in keys.key_rows(keymap)}
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for binding in keys.MAIN:
            assert binding.id is not None
            _namespace, action, parameters = parse(binding.action)
            if screen.check_action(action, parameters) is False:
                continue  # retrying the lock, say, only while another copy holds it
            row = rows[binding.id]
            shown = ", ".join(self.app.get_key_display(Binding(k, "")) for k in row.keys)
            title = binding.tooltip or binding.description
            commands.append((title, f"key: {shown}", partial(screen.run_action, binding.action)))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
        screen = self._main()
        needle = query.casefold().strip()
        if screen is None or not needle:
            return
        shown = 0
        board = screen.session.board
        names = screen.privacy.names(board)
        for application in board:
            company = names.company(application.company)
            position = plain(application.position)
            label = f"{company} · {position}" if position else company
            at = label.casefold().find(needle)
            if at < 0:
                continue
            prompt = Content.assemble(
                "Go to ", Content(label).stylize("bold", at, at + len(needle))
            )
            yield Hit(
                0.9 if at == 0 else 0.6,
                prompt,
                partial(screen.go_to, application.id),
                text=f"Go to {label}",
                help=f"{application.stage.value} application",
            )
            shown += 1
            if shown >= JUMP_LIMIT:
                return
