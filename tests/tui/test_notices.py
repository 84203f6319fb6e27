"""What the cockpit tells the person about their file and their changes, read
without a screen."""

from __future__ import annotations

from pathlib import Path

import factories
import pendulum
from factories import NOW, USER_ZONE

from jobcockpit.store import ConflictError, SaveError
from jobcockpit.tui.session import MergedCopy, Saved
from jobcockpit.tui.views import notices

BOARD = factories.board()


def test_a_saved_change_is_no_news() -> None:
    assert notices.of_saving(Saved(BOARD)) == []


def test_a_reload_and_a_refused_change_are_both_told() -> None:
    error = ConflictError(Path("hunt.json"), "application a-acme", "deleted elsewhere")
    said = notices.of_saving(Saved(BOARD, error, replaced=True, reloaded=True))
    assert [n.get("title") for n in said] == ["Reloaded", "Not saved: changed elsewhere"]
    assert said[1]["message"].endswith("\nThe screen shows the other program's version.")
    assert said[1]["severity"] == "error"


def test_a_failed_save_keeps_its_line_break_and_loses_the_control_characters() -> None:
    error = SaveError(Path("hunt\x1b[31m.json"), OSError(28, "No space left on device"))
    (said,) = notices.of_saving(Saved(BOARD, error))
    first, second = said["message"].split("\n")
    assert "\x1b" not in first and "No space left on device" in first
    assert second == "The change stays on screen and is saved with the next one."
    assert said["markup"] is False


def test_a_merged_copy_says_where_it_went() -> None:
    copy = Path("hunt.sync-conflict-1.json")
    merged = notices.merged_copy(MergedCopy(copy, kept=Path("backups/x.merged")))
    assert (
        merged["message"]
        == "Merged hunt.sync-conflict-1.json; the copy is kept as backups/x.merged"
    )
    waiting = notices.merged_copy(MergedCopy(copy, unsaved=True))
    assert waiting["title"] == "Not merged yet" and waiting["severity"] == "warning"


def test_the_status_line_puts_the_most_urgent_first() -> None:
    line = notices.status_line(
        private=True,
        unsaved=2,
        read_only_reason="open in\nanother jobcockpit",
        as_of=pendulum.instance(NOW),
        zone=USER_ZONE,
        place="/home/me/hunt.json",
    )
    assert line == (
        "PRIVATE: names hidden (* shows them) · 2 changes not saved · "
        "read-only: open in another jobcockpit · as of Tue 17 Nov 15:05 · /home/me/hunt.json"
    )
    assert notices.status_line(
        private=False, unsaved=1, read_only_reason=None, as_of=None, zone=USER_ZONE, place="x"
    ) == ("1 change not saved · x")
