"""The values the command line takes, checked while it is parsed: a mistake
is a usage error (exit code 2) that says what to write instead."""

from __future__ import annotations

import argparse
import datetime as dt

import pendulum

from jobcockpit.core.records import RecordError
from jobcockpit.core.values import check_year
from jobcockpit.store.paths import ENV_VAR


def add_data_file(parser: argparse.ArgumentParser, *, after_command: bool = False) -> None:
    """`--db`, before the command and, as people also type it, after it; given
    after, it is left out of the answer when missing, so one given before the
    command counts."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS if after_command else None,
        help=f"the data file to use (default: ${ENV_VAR}, else your default data file)",
    )


def date(text: str) -> dt.date:
    """An ISO 8601 calendar date."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-11-01") from None
    _within_years(day)
    return day


def timestamp(text: str) -> pendulum.DateTime:
    """An ISO 8601 timestamp with its offset: without one, the moment is ambiguous."""
    try:
        parsed = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO timestamp such as 2026-11-23T09:00:00+01:00"
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no UTC offset; write it like 2026-11-23T09:00:00+01:00 "
            "or 2026-11-23T08:00:00Z"
        )
    _within_years(parsed)
    return pendulum.instance(parsed)


def _within_years(moment: dt.date) -> None:
    """The years a record may hold bound the moments a command judges at too:
    the rules and the calendar could not work out a day past them."""
    try:
        check_year(moment, "", "")
    except RecordError as error:
        raise argparse.ArgumentTypeError(error.problem) from None
