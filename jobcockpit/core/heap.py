"""Every setting of Python's cyclic garbage collector, in one place.

A job hunt of 10,000 applications is a few hundred thousand objects, nearly
none of them garbage. The cyclic collector walks every object it tracks on a
full round, and starts one on its own whenever enough objects have survived
its younger rounds: while a file is read (most of the time it takes to open
10,000 applications), on the way out of a one-shot command (70 ms), and in the
cockpit in the middle of a key press (50 to 500 ms). Reference counting frees
almost everything anyway; these knobs decide when the collector may walk.

It lives in the core, the layer every other one may import, because the
collector is one per process: the store pauses it while reading, the command
line turns it off for a one-shot command, and the cockpit freezes what it
holds and runs full rounds when the user pauses.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_NEVER = 1_000_000_000
"""A third threshold no count reaches: full rounds only when asked for."""

_settled = False


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block (a file being read makes hundreds of
    thousands of objects at once, none of them garbage); reference counting
    still frees as usual. Leaves a collector that was already off alone."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def off_for_a_one_shot_command() -> None:
    """A one-shot command builds tens of thousands of records and drops them
    on exit; the collector would only slow it down (a quarter of `today`'s
    time at 10,000 applications)."""
    gc.disable()


def skip_the_last_collection() -> None:
    """The interpreter's last full collection at exit would walk every record
    still alive (70 ms at 10,000 applications) to free memory the process is
    about to give back anyway; frozen objects are not walked."""
    gc.freeze()


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
    """Stop full rounds from starting on their own (the young generations are
    still collected as usual); the thresholds before, for `restore`."""
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], _NEVER)
    return before


def restore(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(*thresholds)


def full_round() -> None:
    gc.collect()
