"""`jobcockpit settings`: list, show or change a setting. A setting saved to
the default data file creates it; a named file that is missing is reported.
A value refused (a key the cockpit has not, a theme it does not know) leaves
the file untouched: it is checked before the file is opened."""

from __future__ import annotations

import argparse

from jobcockpit.cli.errors import OK
from jobcockpit.cli.output import after_saving, write
from jobcockpit.cli.stores import data_file, demo_store, refuse_demo, store_to_read, tell_warnings
from jobcockpit.core.settings import SETTINGS, Settings
from jobcockpit.store import Store

DESCRIPTION = (
    "No KEY: list every setting with its value and what it does. KEY: "
    "print its value. KEY VALUE: check the value and save it."
)
EXAMPLE = """\
examples:
  jobcockpit settings
  jobcockpit settings user_timezone Europe/Berlin
  jobcockpit settings user_name 'Sam Lee'"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", metavar="KEY", nargs="?", help="a setting's name")
    parser.add_argument("value", metavar="VALUE", nargs="?", help="its new value")


def run(args: argparse.Namespace) -> int:
    key: str | None = args.key
    value: str | None = args.value
    if value is None:
        store = demo_store(args.global_now)[0] if args.demo else store_to_read(args)
        with store:
            settings = store.settings
        if key is None:
            write(_list_settings(settings))
        else:
            write(settings.show(key) + "\n")
        return OK
    assert key is not None
    refuse_demo(args, "change a setting in")
    _check(Settings().with_value(key, value), key)
    path, named = data_file(args)
    with Store.open(path, create=not named, wait=True) as store:
        changed = store.settings.with_value(key, value)
        _check(changed, key)
        store.save_settings(changed)
    tell_warnings(store)
    after_saving(f"{key} = {changed.show(key)}\n")
    return OK


def _check(settings: Settings, key: str) -> None:
    """The cockpit's own checks of its keys and themes (`RecordError`)."""
    if key in ("keymap", "theme"):
        from jobcockpit.tui.settings_check import check

        check(settings, only=key)


def _list_settings(settings: Settings) -> str:
    lines: list[str] = []
    for key, spec in SETTINGS.items():
        lines.append(f"{key} = {settings.show(key)}")
        lines.append(f"    {spec.help}")
    return "\n".join(lines) + "\n"
