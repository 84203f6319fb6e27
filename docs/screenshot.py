"""Draw the README's screenshot: the demo board at a fixed moment.

    .venv/bin/python docs/screenshot.py

Writes docs/board.svg, at 120x40, a size most terminals can open (the
cockpit's medium layout: three columns, the detail under them, a narrower
sidebar). The clock and the zones are fixed, so the picture only changes when
the cockpit does.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pendulum

from jobcockpit.core.settings import Settings
from jobcockpit.formats.demo import demo_board
from jobcockpit.store import Store
from jobcockpit.tui.app import CockpitApp

NOW = pendulum.datetime(2026, 11, 17, 15, 5, tz="Europe/Berlin")
OUT = Path(__file__).with_name("board.svg")
SIZE = (120, 40)


async def main() -> None:
    settings = Settings(user_timezone="Europe/Berlin")
    store = Store.in_memory(demo_board(NOW, settings.zone), settings)
    app = CockpitApp(store, now=NOW, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause(0.5)
        OUT.write_text(app.export_screenshot(title="jobcockpit"), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())
