"""Keeping the cyclic garbage collector's pauses off the keys.

The collector's knobs are in `jobcockpit.core.heap`; this is when the cockpit
turns them:

- once the board is first loaded and judged, what is alive then is frozen out
  of the collector's rounds (`settle`); it is still freed by reference
  counting when the views let go of it;
- full rounds no longer start on their own while the cockpit runs
  (`defer_full_rounds`, undone by `restore` when it ends);
- the cockpit runs a full round itself once the user has paused (`IDLE_SECONDS`
  after the last change, and on the clock's tick), where nobody waits for it.
"""

from __future__ import annotations

from jobcockpit.core.heap import defer_full_rounds, full_round, restore, settle

IDLE_SECONDS = 2.0
"""How long after a change the cockpit counts as idle."""

__all__ = ["IDLE_SECONDS", "defer_full_rounds", "full_round", "restore", "settle"]
