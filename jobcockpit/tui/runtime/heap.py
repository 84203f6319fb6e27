"""Keeping the cyclic garbage collector's pauses off the keys.

At 10,000 applications the cockpit holds a few hundred thousand objects. A
full round of the cyclic collector walks every one it tracks, and Python
starts one whenever enough objects have survived the younger rounds, which
after some key presses means in the middle of one: a pause of 50 to 500 ms
on that key. So:

- once the board is first loaded and judged, what is alive then is frozen out
  of the collector's rounds (`settle`); it is still freed by reference
  counting when the views let go of it;
- full rounds no longer start on their own while the cockpit runs
  (`defer_full_rounds`); the young generations are collected as usual;
- the cockpit runs a full round itself once the user has paused (`IDLE_SECONDS`
  after the last change, and on the clock's tick), where nobody waits for it.
"""

from __future__ import annotations

import gc

IDLE_SECONDS = 2.0
"""How long after a change the cockpit counts as idle."""

_NEVER = 1_000_000_000
"""A third threshold no count reaches: full rounds only when asked for."""


_settled = False


def settle() -> None:
    """Freeze what lives now, once per process: the first judged board is most
    of what the cockpit will hold. Freezing again later would also freeze
    whatever cyclic garbage had piled up since (closed dialogs, an old board
    held by one), which the collector could then never free."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect(1)
    gc.freeze()


def defer_full_rounds() -> tuple[int, int, int]:
    """Stop full rounds from starting on their own; the thresholds before."""
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], _NEVER)
    return before


def restore(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(*thresholds)


def full_round() -> None:
    gc.collect()
