"""`jobcockpit export`: the whole job hunt as a jobcockpit/1 document or a
CSV table, sorted so that the same data gives the same file; or, as an
iCalendar file, the coming call windows and deadlines."""

from __future__ import annotations

import argparse
from pathlib import Path

import pendulum

from jobcockpit.cli.arguments import timestamp
from jobcockpit.cli.errors import OK
from jobcockpit.cli.output import emit, format_of, refuse_overwriting
from jobcockpit.cli.stores import clock, demo_store, store_to_read
from jobcockpit.formats.document import dump_json, to_document
from jobcockpit.formats.ical import HORIZON_DAYS, calendar_events, to_ics
from jobcockpit.formats.table import to_csv

FORMATS = ("json", "csv", "ics")

DESCRIPTION = (
    "Write the whole job hunt, sorted so that the same data gives the same "
    "file; or, as an iCalendar file, the coming call windows and deadlines."
)
EXAMPLE = """\
examples:
  jobcockpit export -o hunt-backup.json
  jobcockpit export --format csv -o hunt.csv
  jobcockpit export --format ics -o calls.ics"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="json (default); csv: one row per application; ics: a calendar of the next "
        f"{HORIZON_DAYS} days' call windows and the coming deadlines; "
        "the default follows the -o file's extension",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", default=None, help="write here instead of stdout"
    )
    parser.add_argument(
        "--now",
        metavar="ISO_TIMESTAMP",
        type=timestamp,
        default=None,
        help="ics: the calendar as seen at another moment (an offset is required)",
    )
    parser.add_argument(
        "--raw-cells",
        action="store_true",
        help="csv: write cells exactly as stored; by default a cell a spreadsheet would run "
        "as a formula (starting with = + - @) gets an apostrophe in front",
    )


def run(args: argparse.Namespace) -> int:
    output: str | None = args.output
    chosen: str = args.format or format_of(output, FORMATS, "json")
    given: pendulum.DateTime | None = args.now or args.global_now
    if args.demo:
        store, now = demo_store(given)
    else:
        store = store_to_read(args)
        now = given or clock(store.settings.zone)
    with store:
        if output is not None and store.path is not None:
            refuse_overwriting(Path(output), store.path)
        if chosen == "ics":
            text = to_ics(calendar_events(store.board, store.settings, now), now)
        elif chosen == "csv":
            text = to_csv(store.board, raw=args.raw_cells)
        else:
            text = dump_json(to_document(store.board))
    emit(output, text, json=chosen == "json")
    return OK
