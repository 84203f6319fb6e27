"""A report of an unexpected error, for a bug report, without personal data.

A traceback's values (the local variables Textual's crash screen lists, an
exception's message) hold names, phone numbers and notes, and a person asked
to attach a report must be able to do so without a second look. So the report
holds where the error happened and what kind it was: each frame's file, line,
function and line of code, the exception's type, the version of jobcockpit,
Python and the system. It is written to the state folder (`paths.state_folder`)
through the one atomic write, and only the newest few are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import platform
import traceback
from pathlib import Path

from jobcockpit import __version__
from jobcockpit.store.files import write_replace
from jobcockpit.store.paths import state_folder

KEEP = 10
"""Reports kept; older ones are removed when a new one is written."""
PREFIX = "crash-"


def write_report(error: BaseException, where: str, folder: Path | None = None) -> Path | None:
    """Write a report of `error` (raised in `where`, such as "the cockpit" or
    "jobcockpit import") and return its path; None when it cannot be written,
    which must never hide the error itself."""
    folder = folder if folder is not None else state_folder()
    moment = dt.datetime.now(dt.UTC)
    path = folder / f"{PREFIX}{moment.strftime('%Y%m%dT%H%M%S.%fZ')}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_replace(path, report_text(error, where, moment).encode("utf-8"), durable=False)
    except OSError:
        return None
    _forget_old(folder)
    return path


def report_text(error: BaseException, where: str, moment: dt.datetime) -> str:
    """The report: versions, then each exception of the chain (the first
    cause first) with its frames, and no value of any of them."""
    lines = [
        f"jobcockpit {__version__} stopped on an unexpected error in {where}",
        f"at {moment.isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform(terse=True)}",
        "",
        "Only where the error happened is here: no variable, no message, no data.",
        "",
    ]
    for index, link in enumerate(_chain(error)):
        if index:
            lines.append("")
            lines.append("which led to")
            lines.append("")
        lines.append(f"{type(link).__module__}.{type(link).__qualname__}")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(
                f'  File "{_shown_path(frame.filename)}", line {frame.lineno}, in {frame.name}'
            )
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
    return "\n".join(lines) + "\n"


def _chain(error: BaseException) -> list[BaseException]:
    """The error and what it arose from, the first cause first."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return chain[::-1]


def _shown_path(filename: str) -> str:
    """A frame's file with the home folder as `~`: the folder's name is often
    the person's own."""
    home = str(Path.home())
    if home not in ("", "/") and filename.startswith(home + "/"):
        return "~" + filename[len(home) :]
    return filename


def _forget_old(folder: Path) -> None:
    with contextlib.suppress(OSError):
        reports = sorted(p for p in folder.iterdir() if p.name.startswith(PREFIX))
        for old in reports[:-KEEP]:
            old.unlink()
