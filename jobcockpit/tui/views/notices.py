"""What the cockpit tells the person about their data file and their changes:
the notifications, and the status line under the title.

The words live here, as plain data the screens pass to `notify` (`**notice`),
so the app and the main screen say the same thing the same way and a test
reads them without a screen. Error texts and file names come from outside
(the disk, another program, a sync tool): they are made safe with `plain`
and never read as markup.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NotRequired, TypedDict

from jobcockpit.core.text import plain
from jobcockpit.store import ConflictError
from jobcockpit.tui.session import MergedCopy, Saved
from jobcockpit.tui.views.wording import changes_count, local

RELOADED = "reloaded: another program changed the file"


class Notice(TypedDict):
    """The arguments of one `notify`."""

    message: str
    title: NotRequired[str]
    severity: NotRequired[Literal["information", "warning", "error"]]
    timeout: NotRequired[float]
    markup: NotRequired[bool]


def problem(
    error: Exception | None, title: str = "", *, then: str = "", timeout: float | None = None
) -> Notice:
    """An error, shown as one; `then` says on a line of its own what it means."""
    notice = Notice(message=plain(str(error)) + then, severity="error", markup=False)
    if title:
        notice["title"] = title
    if timeout is not None:
        notice["timeout"] = timeout
    return notice


def warning(error: Exception) -> Notice:
    """An error that only asks for attention: nothing was lost."""
    return Notice(message=plain(str(error)), severity="warning", markup=False)


def of_saving(saved: Saved) -> list[Notice]:
    """What became of a change on disk, when it is news: the file was read
    again, the change was refused because another program changed the same
    record, or the disk failed."""
    notices: list[Notice] = []
    if saved.reloaded:
        notices.append(Notice(message=RELOADED, title="Reloaded"))
    if isinstance(saved.error, ConflictError):
        notices.append(
            problem(
                saved.error,
                "Not saved: changed elsewhere",
                then="\nThe screen shows the other program's version.",
                timeout=10,
            )
        )
    elif saved.error is not None:
        notices.append(
            problem(
                saved.error,
                "Could not save",
                then="\nThe change stays on screen and is saved with the next one.",
                timeout=10,
            )
        )
    return notices


def unreadable_again(error: Exception | None) -> Notice:
    """Another program changed the file, and it cannot be read now."""
    return problem(
        error,
        "Could not read the data file again",
        then="\nThe screen keeps what was read before, and nothing is saved over the file.",
        timeout=10,
    )


def copies_left_read_only(count: int) -> Notice:
    return Notice(
        message=f"{count} conflict cop{'y' if count == 1 else 'ies'} of the data file lie "
        "beside it; open it where it is not read-only to merge them.",
        title="Conflict copies",
        severity="warning",
        timeout=10,
    )


def merged_copy(merged: MergedCopy) -> Notice:
    """What became of one conflict copy the person chose to merge."""
    name = plain(merged.copy.name)
    if merged.unreadable is not None:
        return problem(merged.unreadable, "Not merged")
    if merged.unsaved:
        return Notice(
            message=f"{name} stays beside the data file until its merge is saved.",
            title="Not merged yet",
            severity="warning",
            markup=False,
        )
    if merged.unmoved is not None:
        return warning(merged.unmoved)
    return Notice(
        message=f"Merged {name}; the copy is kept as {plain(str(merged.kept))}",
        title="Conflict copy merged",
        markup=False,
    )


def status_line(
    *,
    private: bool,
    unsaved: int,
    read_only_reason: str | None,
    as_of: dt.datetime | None,
    zone: str,
    place: str,
) -> str:
    """What the person must know about the file and the clock, most urgent
    first (a long path is the first thing the header cuts)."""
    parts: list[str] = []
    if private:
        parts.append("PRIVATE: names hidden (* shows them)")
    if unsaved:
        parts.append(f"{changes_count(unsaved)} not saved")
    if read_only_reason is not None:
        parts.append(f"read-only: {plain(read_only_reason)}")
    if as_of is not None:
        parts.append("as of " + local(as_of, zone).strftime("%a %d %b %H:%M"))
    parts.append(plain(place))
    return " · ".join(part for part in parts if part)
