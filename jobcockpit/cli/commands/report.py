"""`jobcockpit report`: proof of applications for a job centre (docs/report.md).

The proof report is imported only when this command runs."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from jobcockpit.cli.arguments import date
from jobcockpit.cli.errors import OK, USAGE, CommandError
from jobcockpit.cli.output import emit, format_of, refuse_overwriting
from jobcockpit.cli.stores import clock, demo_store, store_to_read

FORMATS = ("markdown", "csv")

DESCRIPTION = (
    "Every application sent and every step after it (calls, e-mails, "
    "interviews, replies) within a date range, with dates and contacts: the form a "
    "job centre asks for (docs/report.md). Creates nothing."
)
EXAMPLE = """\
examples:
  jobcockpit report --from 2026-11-01 --to 2026-11-30 -o november.md
  jobcockpit report --format csv -o proof.csv"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=date,
        default=None,
        help="first day, e.g. 2026-11-01 (default: from the start)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        type=date,
        default=None,
        help="last day, included (default: up to the latest)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="markdown (default) or csv: one row per step; the default follows the -o "
        "file's extension",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", default=None, help="write here instead of stdout"
    )
    parser.add_argument(
        "--raw-cells",
        action="store_true",
        help="csv: write cells exactly as stored; by default a cell a spreadsheet would run "
        "as a formula (starting with = + - @) gets an apostrophe in front",
    )


def run(args: argparse.Namespace) -> int:
    from jobcockpit.formats.proof import build_proof, proof_csv, proof_markdown

    start: dt.date | None = args.start
    end: dt.date | None = args.end
    if start is not None and end is not None and end < start:
        raise CommandError(f"--to {end.isoformat()} is before --from {start.isoformat()}", USAGE)
    output: str | None = args.output
    chosen: str = args.format or format_of(output, FORMATS, "markdown")
    if args.demo:
        store, now = demo_store(args.global_now)
    else:
        store, now = store_to_read(args), args.global_now or clock("UTC")
    with store:
        if output is not None and store.path is not None:
            refuse_overwriting(Path(output), store.path)
        proof = build_proof(store.board, store.settings.zone, start, end, now=now)
    emit(output, proof_csv(proof, raw=args.raw_cells) if chosen == "csv" else proof_markdown(proof))
    return OK
