"""An application's contacts judged together get the very verdicts each gets
judged alone, log entries dated later than now included."""

from __future__ import annotations

import msgspec
from factories import NOW, SETTINGS, applications, contacts, log

from jobcockpit.core.board import Board
from jobcockpit.core.rules import judge_pair
from jobcockpit.core.rules.judge import Judge

MOMENTS = [NOW.add(hours=h) for h in range(-24 * 20, 24 * 10, 29)]


def test_contacts_judged_together_get_what_each_gets_alone() -> None:
    # Every application with every contact: people in several zones and
    # countries, some with no number, share one log.
    people = contacts()
    everyone = tuple(p.id for p in people)
    hunt = Board(
        [msgspec.structs.replace(a, contacts=everyone) for a in applications()], people, log()
    )
    with_later_entries = 0
    for now in MOMENTS:
        judge = Judge(SETTINGS, now)
        for application in hunt:
            found = hunt.contacts_of(application)
            entries = hunt.log_of(application.id)
            together = judge.pairs(application, found, entries)
            alone = tuple(judge_pair(application, c, entries, SETTINGS, now) for c in found)
            assert together == alone, (application.id, now)
            if any(e.at > now for e in entries):
                with_later_entries += 1
    assert with_later_entries > 10
