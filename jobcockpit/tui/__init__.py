"""The cockpit: a full-screen Textual app over the job hunt.

Importing this package loads no Textual, so the command line pays for the UI
only when it opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pendulum

    from jobcockpit.store import Store


def run_cockpit(store: Store, *, now: pendulum.DateTime | None = None, demo: bool = False) -> int:
    """Open the cockpit on `store`; `now` freezes its clock at that moment.
    Returns the exit code: 0 once closed, 128 + the signal's number after a
    hang-up or SIGTERM (every change saved), 1 if a change could not be saved
    on the way out. Raises what the one-step open would have raised (a
    damaged contact, say) when a store opened board first turns out damaged
    once the cockpit reads the rest of it."""
    from jobcockpit.tui.app import CockpitApp

    app = CockpitApp(store, now=now, demo=demo)
    app.run()
    if app.opening_error is not None:
        raise app.opening_error
    return app.return_code or 0
