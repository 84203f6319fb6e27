"""`jobcockpit today`: who is safe to call today, and why.

A status bar or a shell prompt may run it every few seconds, so the
machine-readable answers are kept between runs while they hold
(`store.today_cache`), and the file is never created or changed.
"""

from __future__ import annotations

import argparse
import os

import orjson
import pendulum

from jobcockpit.cli.arguments import timestamp
from jobcockpit.cli.errors import OK
from jobcockpit.cli.output import write, write_bytes
from jobcockpit.cli.stores import clock, data_file, demo_store, store_to_read
from jobcockpit.core.rules import AgendaMemo, agenda
from jobcockpit.core.verdicts import Agenda, TaskKind, VerdictKind
from jobcockpit.formats.today import render_today, today_json
from jobcockpit.store import Store, today_cache

FORMATS = ("text", "short", "json", "waybar", "i3blocks")
KEPT = ("json", "short")
"""The answers kept between runs (`store.today_cache`); the status bars' are
worked out each time, as they name the people behind the ids."""

DESCRIPTION = (
    "Who is safe to call today and why: calls, e-mails, tasks and "
    "waits, as text, JSON or a status bar's line. Creates nothing."
)
EXAMPLE = """\
examples:
  jobcockpit today
  jobcockpit today --now 2026-11-23T09:00:00+01:00 --json
  jobcockpit today --format waybar     # in a Waybar custom module (docs/cli.md)"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        metavar="ISO_TIMESTAMP",
        type=timestamp,
        default=None,
        help="judge at another moment, e.g. 2026-11-23T09:00:00+01:00 (an offset is required)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default) for a person; short: one line such as '3 to call, 1 thank-you "
        "due' for a shell prompt; json for scripts; waybar: Waybar's JSON (text, tooltip, "
        "class); i3blocks: i3blocks' text, short text and colour",
    )
    parser.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="print JSON for scripts (the same as --format json)",
    )


def run(args: argparse.Namespace) -> int:
    given: pendulum.DateTime | None = args.now or args.global_now
    if args.demo:
        store, now = demo_store(given)
        with store:
            _write_today(args.format, agenda(store.board, store.settings, now), store)
        return OK
    keeps = args.format in KEPT
    path, _ = data_file(args)
    instant = given or clock("UTC")
    if keeps:
        kept = today_cache.read(path, instant, os.environ)
        if kept is not None:
            now = given or instant.in_timezone(kept.zone)
            if args.format == "json":
                write_bytes(kept.head + orjson.dumps(now.isoformat()) + kept.tail)
            else:
                write(kept.short + "\n")
            return OK
    # Without a cache to keep it in, the answer is not worth remembering.
    keeps = keeps and today_cache.folder(os.environ) is not None
    before = today_cache.identity(path) if keeps else None
    store = store_to_read(args)
    now = given or instant.in_timezone(store.settings.zone)
    with store:
        memo = AgendaMemo() if keeps else None
        day = agenda(store.board, store.settings, now, memo=memo)
        document, short = _write_today(args.format, day, store)
        if memo is not None and store.path is not None:
            today_cache.write(
                path,
                before,
                since=now,
                until=memo.holds_until(),
                zone=store.settings.zone,
                document=document or _json(day, store),
                now_text=orjson.dumps(now.isoformat()),
                short=short or _short_line(day),
                environ=os.environ,
            )
    return OK


def _write_today(chosen: str, day: Agenda, store: Store) -> tuple[bytes | None, str | None]:
    """Write the answer in the chosen format; what was written, as the JSON
    document or the short line (None for what was not made)."""
    if chosen == "json":
        document = _json(day, store)
        write_bytes(document)
        return document, None
    if chosen == "short":
        short = _short_line(day)
        write(short + "\n")
        return None, short
    if chosen in ("waybar", "i3blocks"):
        from jobcockpit.formats import status_bar

        if chosen == "waybar":
            write(status_bar.waybar(day, store.board, _short_line(day)))
        else:
            write(status_bar.i3blocks(day, _short_line(day)))
        return None, None
    write(render_today(day, store.board, store.settings.zone))
    return None, None


def _json(day: Agenda, store: Store) -> bytes:
    """The answer for scripts, as printed and as kept: names escaped where a
    terminal would act on them (`core.text.terminal_json`)."""
    return today_json(day, store.board, store.settings.zone)


def _short_line(day: Agenda) -> str:
    """One line for a shell prompt or a status bar: what wants doing today,
    with calls always counted so the line never goes blank."""
    calls = day.of_kind(VerdictKind.CALL)
    overdue = sum(1 for v in calls if v.overdue)
    parts = [f"{len(calls)} to call" + (f" ({overdue} overdue)" if overdue else "")]
    emails = len(day.of_kind(VerdictKind.EMAIL))
    if emails:
        parts.append(f"{emails} to e-mail")
    for kind, noun in (
        (TaskKind.THANK_YOU, "thank-you"),
        (TaskKind.COURTESY, "courtesy"),
        (TaskKind.PREPARE, "interview"),
    ):
        due = [t for t in day.tasks if t.kind is kind]
        late = sum(1 for t in due if t.late or (t.due is not None and t.due < day.now))
        if len(due) - late:
            parts.append(f"{len(due) - late} {noun} due")
        if late:
            parts.append(f"{late} {noun} late")
    return ", ".join(parts)
