"""`jobcockpit notify`: reminders that reach the user when the cockpit is not
on screen.

Run by a timer (docs/cli.md gives a systemd user timer and a cron line), it
sends one desktop notification for each call window that is open, each
e-mail due today and each task to do, that no earlier run sent: what was
sent is remembered in the state folder (`store.reminded`), written down
before it is sent, so a reminder never comes twice. It shows them through
`notify-send` when that is on the PATH, else through the desktop-notifier
package when it is installed (`pip install 'jobcockpit[notify]'`), else it
prints them. Reads the data file only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from collections.abc import Sequence

import pendulum

from jobcockpit.cli.arguments import timestamp
from jobcockpit.cli.errors import OK, USAGE, CommandError
from jobcockpit.cli.output import write
from jobcockpit.cli.stores import clock, data_file, store_to_read
from jobcockpit.core.rules import agenda
from jobcockpit.core.text import plain
from jobcockpit.formats.reminders import Reminder, reminders

APP_NAME = "jobcockpit"
VIA = ("auto", "notify-send", "desktop", "print")
SEND_SECONDS = 10
"""How long one notify-send may take before the reminder is printed instead."""

DESCRIPTION = (
    "Send a desktop notification for each call window that opened, e-mail due today and "
    "task to do since the last run, each once: run it from a timer. Uses notify-send, else "
    "the desktop-notifier package, else prints the reminders. Remembers what it sent in "
    "your state folder ($JOBCOCKPIT_STATE to choose another)."
)
EXAMPLE = """\
examples:
  jobcockpit notify
  jobcockpit notify --via print --now 2026-11-23T09:00:00+01:00
  */10 * * * * jobcockpit notify     # a crontab line (docs/cli.md: a systemd timer)"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        metavar="ISO_TIMESTAMP",
        type=timestamp,
        default=None,
        help="judge at another moment, e.g. 2026-11-23T09:00:00+01:00 (an offset is required)",
    )
    parser.add_argument(
        "--via",
        choices=VIA,
        default="auto",
        help="auto (default): notify-send, else desktop-notifier, else print; or one of them",
    )


def run(args: argparse.Namespace) -> int:
    from jobcockpit.store.reminded import reminded

    if args.demo:
        raise CommandError("--demo has nothing to remind you of; leave it out", USAGE)
    given: pendulum.DateTime | None = args.now or args.global_now
    path, _ = data_file(args)
    store = store_to_read(args)
    with store:
        if store.path is None:
            return OK
        now = given or clock(store.settings.zone)
        due = reminders(agenda(store.board, store.settings, now), store.board, store.settings.zone)
    with reminded(path, os.environ) as memory:
        new = [reminder for reminder in due if memory.is_new(reminder.key)]
        memory.record(now, [(reminder.key, reminder.until) for reminder in due])
    send(new, args.via)
    return OK


def send(new: Sequence[Reminder], via: str) -> None:
    """Show each reminder the way asked for; one that cannot be shown so is
    printed, never lost."""
    if not new:
        return
    left: list[Reminder] = list(new)
    if via in ("auto", "notify-send"):
        program = shutil.which("notify-send")
        if program is not None:
            left = [r for r in left if not _notify_send(program, r)]
        elif via == "notify-send":
            raise CommandError(
                "notify-send is not on the PATH (on Debian and Ubuntu: apt install libnotify-bin)"
            )
        else:
            left = _desktop(left, required=False)
    elif via == "desktop":
        left = _desktop(left, required=True)
    _print(left)


def _notify_send(program: str, reminder: Reminder) -> bool:
    try:
        done = subprocess.run(
            [program, f"--app-name={APP_NAME}", plain(reminder.title), plain(reminder.body)],
            check=False,
            capture_output=True,
            timeout=SEND_SECONDS,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _desktop(new: list[Reminder], *, required: bool) -> list[Reminder]:
    """Send through desktop-notifier; what it could not send (all of it when
    the package is missing or finds no notification service)."""
    try:
        from desktop_notifier.sync import DesktopNotifierSync
    except ImportError:
        if required:
            raise CommandError(
                "the desktop-notifier package is not installed: pip install 'jobcockpit[notify]'"
            ) from None
        return new
    try:
        notifier = DesktopNotifierSync(app_name=APP_NAME)
    except Exception:  # any failure of the desktop's service means "print"
        return new
    for index, reminder in enumerate(new):
        try:
            notifier.send(title=plain(reminder.title), message=plain(reminder.body))
        except Exception:
            return new[index:]
    return []


def _print(left: Sequence[Reminder]) -> None:
    if left:
        write("\n".join(f"{plain(r.title)}: {plain(r.body)}" for r in left) + "\n")
