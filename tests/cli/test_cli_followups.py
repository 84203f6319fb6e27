"""Carrying each follow-up out of the cockpit: a draft of the message the
rules ask for, printed or as a mailto: link; a desktop notification for each
call window that opens and task that falls due, sent once; the day's list for
a status bar; and completion for the shell. Through the real entry point,
with a fixed `--now`."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import NOW, Run

Cli = Callable[..., Run]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "hunt.json"


@pytest.fixture
def filled(cli: Cli, db: Path, document_file: Path) -> Path:
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    return db


def mailto_of(text: str) -> tuple[str, dict[str, list[str]]]:
    (link,) = [line for line in text.splitlines() if line.startswith("mailto:")]
    parts = urlsplit(link)
    return unquote(parts.path), parse_qs(parts.query)


# -- drafts ------------------------------------------------------------------------


def test_a_thank_you_draft_is_printed_with_a_mailto_link_holding_subject_and_body(
    cli: Cli, filled: Path
) -> None:
    cli("--db", str(filled), "settings", "user_name", "Sam Lee")

    result = cli("--db", str(filled), "draft", "a3", "--now", NOW)

    assert result.code == 0, result.err
    assert result.out.startswith("Subject: Thank you for the interview: Producer\n\nDear Jonas,\n")
    assert "the Producer position at Gamma Games" in result.out
    address, fields = mailto_of(result.out)
    assert address == ""
    assert fields["subject"] == ["Thank you for the interview: Producer"]
    (body,) = fields["body"]
    assert body.startswith("Dear Jonas,\r\n\r\nThank you for taking the time")
    assert body.endswith("Best regards,\r\nSam Lee")


def test_a_follow_up_email_goes_to_the_contacts_address(cli: Cli, filled: Path) -> None:
    result = cli("--db", str(filled), "draft", "beta", "--now", NOW, "--mailto")

    assert result.code == 0, result.err
    address, fields = mailto_of(result.out)
    assert result.out.count("\n") == 1
    assert address == "ken@beta.example"
    assert fields["subject"] == ["My application for Coordinator"]
    assert "on 5 November 2026" in fields["body"][0]


def test_the_kind_can_be_chosen_and_the_users_template_is_used(cli: Cli, filled: Path) -> None:
    assert (
        cli(
            "--db",
            str(filled),
            "settings",
            "draft_courtesy",
            r"Danke, {first_name}\n\nVielen Dank für die Absage von {company}.",
        ).code
        == 0
    )

    result = cli("--db", str(filled), "draft", "a1", "--kind", "courtesy", "--now", NOW)

    assert result.code == 0, result.err
    assert result.out.startswith(
        "To: Dana Ruiz <dana@example.com>\nSubject: Danke, Dana\n\n"
        "Vielen Dank für die Absage von Acme Tools.\n"
    )


def test_the_draft_opens_in_the_mail_program(
    cli: Cli, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    import webbrowser

    def open_link(url: str, *_args: object, **_options: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", open_link)

    result = cli("--db", str(filled), "draft", "a1", "--open", "--now", NOW)

    assert result.code == 0, result.err
    (link,) = opened
    assert link.startswith("mailto:dana@example.com?subject=")
    assert "Opened the draft in your mail program" in result.out


@pytest.mark.parametrize(
    ("application", "message"),
    [("nobody", "no application matches 'nobody'"), ("a", "'a' matches 3 applications")],
)
def test_an_application_that_is_not_there_or_not_one_is_named(
    cli: Cli, filled: Path, application: str, message: str
) -> None:
    result = cli("--db", str(filled), "draft", application, "--now", NOW)

    assert result.code == 1
    assert message in result.err


# -- notifications -----------------------------------------------------------------


@pytest.fixture
def notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A notify-send on PATH that writes down what it was asked to show."""
    folder = tmp_path / "bin"
    folder.mkdir()
    shown = tmp_path / "shown.txt"
    script = folder / "notify-send"
    script.write_text(
        f'#!/bin/sh\nfor a in "$@"; do printf "%s|" "$a" >> "{shown}"; done\necho >> "{shown}"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("JOBCOCKPIT_STATE", str(tmp_path / "state"))
    return shown


def test_notify_sends_each_reminder_once_however_often_it_runs(
    cli: Cli, filled: Path, notify_send: Path
) -> None:
    first = cli("--db", str(filled), "notify", "--now", NOW)
    second = cli("--db", str(filled), "notify", "--now", NOW)

    assert first.code == 0, first.err
    assert second.code == 0, second.err
    shown = notify_send.read_text(encoding="utf-8").splitlines()
    titles = sorted(line.split("|")[-3] for line in shown)
    assert titles == [
        "Call Dana Ruiz now",
        "Check a contact's details",
        "E-mail Ken Sato today",
        "Send a thank-you note",
    ]
    call = next(line for line in shown if "Call Dana Ruiz now" in line)
    assert "--app-name=jobcockpit" in call
    assert "Acme Tools, Data analyst: until 11:30 their time" in call


def test_notify_sends_what_came_due_since_the_last_run(
    cli: Cli, filled: Path, notify_send: Path
) -> None:
    assert cli("--db", str(filled), "notify", "--now", NOW).code == 0
    before = len(notify_send.read_text(encoding="utf-8").splitlines())

    next_day = cli("--db", str(filled), "notify", "--now", "2026-11-19T10:00:00-07:00")

    assert next_day.code == 0, next_day.err
    new = notify_send.read_text(encoding="utf-8").splitlines()[before:]
    assert sorted(line.split("|")[-3] for line in new) == [
        "Call Dana Ruiz now",
        "E-mail Ken Sato today",
    ]


def test_notify_prints_when_nothing_can_show_a_notification(
    cli: Cli, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("JOBCOCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setitem(sys.modules, "desktop_notifier", None)

    first = cli("--db", str(filled), "notify", "--now", NOW)
    second = cli("--db", str(filled), "notify", "--now", NOW)

    assert first.code == 0, first.err
    assert "Call Dana Ruiz now: Acme Tools, Data analyst: until 11:30 their time" in first.out
    assert "Send a thank-you note: " in first.out
    assert second.out == ""
    state = list((tmp_path / "state").glob("reminded-*.json"))
    assert len(state) == 1 and not list((tmp_path / "state").glob(".*tmp*"))


def test_notify_on_a_hunt_with_nothing_due_sends_nothing(
    cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBCOCKPIT_STATE", str(tmp_path / "state"))
    empty = tmp_path / "empty.json"
    empty.write_text('{"format": "jobcockpit/1"}', encoding="utf-8")
    assert cli("--db", str(db), "import", str(empty)).code == 0

    result = cli("--db", str(db), "notify", "--now", NOW, "--via", "print")

    assert (result.code, result.out) == (0, "")


# -- status bars -------------------------------------------------------------------


def test_today_for_waybar_is_one_line_of_json(cli: Cli, filled: Path) -> None:
    result = cli("--db", str(filled), "today", "--now", NOW, "--format", "waybar")

    assert result.code == 0, result.err
    assert result.out.count("\n") == 1
    shown = json.loads(result.out)
    assert shown["text"] == "1 to call, 1 to e-mail, 1 thank-you late"
    assert shown["class"] == "overdue"
    lines = shown["tooltip"].splitlines()
    assert lines[:2] == [
        "Call Dana Ruiz (Acme Tools), 10:00-11:30 their time",
        "E-mail Ken Sato (Beta Care)",
    ]
    assert lines[2].endswith("(late)")
    again = cli("--db", str(filled), "today", "--now", NOW, "--format", "waybar")
    assert again.out == result.out


def test_today_for_i3blocks_gives_text_short_text_and_colour(cli: Cli, filled: Path) -> None:
    late = cli("--db", str(filled), "today", "--now", NOW, "--format", "i3blocks")
    due = cli(
        "--db", str(filled), "today", "--now", "2026-11-17T09:00:00+01:00", "--format", "i3blocks"
    )

    assert late.code == due.code == 0
    assert late.out == "1 to call, 1 to e-mail, 1 thank-you late\n1 to call\n#FF5555\n"
    assert due.out == "1 to call, 1 to e-mail, 1 thank-you due\n1 to call\n#F1C40F\n"


# -- shell completion and help -----------------------------------------------------


@pytest.mark.parametrize(("shell", "mark"), [("bash", "complete"), ("zsh", "#compdef jobcockpit")])
def test_completion_scripts_know_every_command(cli: Cli, shell: str, mark: str) -> None:
    result = cli("completion", shell)

    assert result.code == 0, result.err
    assert mark in result.out
    for command in ("import", "export", "today", "draft", "notify", "completion"):
        assert command in result.out
    assert "--encoding" in result.out and "waybar" in result.out


def test_every_command_shows_an_example_in_its_help(cli: Cli) -> None:
    from jobcockpit.cli.commands import COMMANDS

    assert set(COMMANDS) >= {"import", "export", "today", "draft", "notify", "completion"}
    for name in COMMANDS:
        result = cli(name, "--help")
        assert result.code == 0
        assert "examples:" in result.out, name
        assert f"jobcockpit {name}" in result.out.split("examples:", 1)[1], name
