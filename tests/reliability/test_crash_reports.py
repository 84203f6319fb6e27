"""An unexpected error shows no personal data: the cockpit's crash output
lists no local variables (Textual's default would print contacts' names and
numbers), and both the cockpit and the command line write a report of the
traceback, without any value, to the state folder and say where it is."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import NOW, Run
from factories import cockpit
from textual import events

from jobcockpit.core.settings import Settings
from jobcockpit.store import Store
from jobcockpit.tui.screens.main import MainScreen

Cli = Callable[..., Run]

PERSONAL = ("Dana Ruiz", "505 555 0100", "dana@example.com", "Jonas Weber")


class ExplodedError(RuntimeError):
    pass


@pytest.fixture
def state(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = home / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture
def db(cli: Cli, tmp_path: Path, document_file: Path) -> Path:
    path = tmp_path / "hunt.json"
    assert cli("--db", str(path), "import", str(document_file)).code == 0
    return path


def reports(state: Path) -> list[Path]:
    return sorted(state.rglob("*crash*"))


def test_a_command_that_fails_unexpectedly_writes_a_report_without_values(
    cli: Cli, db: Path, state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def show(self: Settings, key: str) -> str:
        contact_name = "Dana Ruiz"
        phone = "+1 505 555 0100"
        raise ExplodedError(f"{contact_name} {phone}")

    monkeypatch.setattr(Settings, "show", show)

    result = cli("--db", str(db), "settings", "applied_wait_days")

    assert result.code == 1
    assert "Traceback" not in result.err
    [report] = reports(state)
    assert str(report) in result.err
    assert "ExplodedError" in result.err
    text = report.read_text(encoding="utf-8")
    assert "ExplodedError" in text
    assert "def show" in text or "in show" in text
    for personal in PERSONAL:
        assert personal not in result.err
        assert personal not in text
    assert db.exists()


def test_the_cockpits_crash_output_holds_no_local_variables(
    db: Path,
    state: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def catch_up(self: MainScreen) -> None:
        board = self.app.session.board  # type: ignore[attr-defined]
        names = [contact.name for contact in board.contacts.values()]
        phones = [contact.phone for contact in board.contacts.values()]
        raise ExplodedError(f"{len(names)} names, {len(phones)} phones")

    monkeypatch.setattr(MainScreen, "catch_up", catch_up)
    import pendulum

    app = cockpit(store=Store.open(db), now=pendulum.parse(NOW))  # type: ignore[arg-type]

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.post_message(events.AppFocus())
            await pilot.pause()
            await pilot.pause()

    with pytest.raises(ExplodedError):
        asyncio.run(run())
    app.store.close()

    shown = capsys.readouterr().err
    assert "ExplodedError" in shown
    for personal in PERSONAL:
        assert personal not in shown
    [report] = reports(state)
    assert str(report) in shown.replace("\n", "") or report.name in shown
    text = report.read_text(encoding="utf-8")
    assert "ExplodedError" in text and "catch_up" in text
    for personal in PERSONAL:
        assert personal not in text
