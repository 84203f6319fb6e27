"""The cockpit: a full-screen Textual app over the job hunt.

Importing this package loads no Textual, so the command line pays for the UI
only when it opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pendulum

    from jobcockpit.store import Store


def run_cockpit(store: Store, *, now: pendulum.DateTime | None = None, demo: bool = False) -> None:
    """Open the cockpit on `store`; `now` freezes its clock at that moment."""
    from jobcockpit.app.app import CockpitApp

    CockpitApp(store, now=now, demo=demo).run()
