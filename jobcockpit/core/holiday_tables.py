"""Public holiday tables from the `holidays` package, one country at a time.

Asking the package for any one country imports its `holidays.countries`
package, whose `__init__` imports all of its ~250 country modules (some
40 ms, more than judging a thousand pairs). A board names a handful of
countries, so the country's own module is imported alone first, with a stand-in
for the package that runs none of the others; the package's own
`country_holidays` then finds that module loaded and answers exactly as it
would have. The stand-in is removed at once, so a later plain
`import holidays.countries` (listing every country in the settings, say) still
gets the real package.

The package's `__init__` also asks `importlib.metadata` for its own version
(some 13 ms, importing that machinery, for a string nothing here reads): the
first import gets a stand-in `holidays.version` that names the version of the
one installed distribution folder beside the package, and the stand-in is
removed at once too (a later `import holidays.version` runs the real one).
With no such single folder, the package's own lookup runs.

This leans on the layout of holidays 0.109 (`holidays.registry.COUNTRIES`
mapping module names to codes, one module per country under
`holidays.countries`), which pyproject.toml pins; a code the registry does not
list, or a package laid out otherwise, takes the package's ordinary path.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from functools import cache
from pathlib import Path
from typing import Any

COUNTRIES_PACKAGE = "holidays.countries"
_LOCK = threading.RLock()
"""Used only if the package has no import lock of its own."""


def holiday_table(country: str, subdivision: str | None) -> Any:
    """`holidays.country_holidays(country, subdiv=subdivision)`, with only that
    country's modules imported. Raises as it does for a country or a
    subdivision the package does not know."""
    holidays = _the_package()
    module = _country_modules().get(country)
    if module is not None:
        _import_alone(f"{COUNTRIES_PACKAGE}.{module}")
    return holidays.country_holidays(country, subdiv=subdivision)


VERSION_MODULE = "holidays.version"


def _the_package() -> Any:
    """The `holidays` package, imported without its metadata lookup."""
    if "holidays" in sys.modules:
        return sys.modules["holidays"]
    version = _installed_version()
    if version is None or VERSION_MODULE in sys.modules:
        return importlib.import_module("holidays")
    stand_in = types.ModuleType(VERSION_MODULE)
    stand_in.__version__ = version  # type: ignore[attr-defined]
    sys.modules[VERSION_MODULE] = stand_in
    try:
        return importlib.import_module("holidays")
    finally:
        if sys.modules.get(VERSION_MODULE) is stand_in:
            del sys.modules[VERSION_MODULE]


def _installed_version() -> str | None:
    """The `Version` that `importlib.metadata.version` would read, from the
    metadata of the one `holidays-*.dist-info` folder beside the package;
    None when there is not exactly one, or it does not say."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent.parent
    try:
        found = [p for p in folder.iterdir() if p.name.startswith("holidays-")]
        if len(found) != 1 or found[0].suffix != ".dist-info":
            return None
        with (found[0] / "METADATA").open(encoding="utf-8") as metadata:
            for line in metadata:
                if not line.strip():
                    break
                if line.startswith("Version: "):
                    return line[len("Version: ") :].strip()
    except OSError:
        return None
    return None


@cache
def _country_modules() -> dict[str, str]:
    """Each country code (aliases too) and the module that defines it."""
    try:
        from holidays.registry import COUNTRIES
    except ImportError:
        return {}
    return {code: module for module, names in COUNTRIES.items() for code in names[1:]}


def _import_alone(name: str) -> None:
    """Import one module of `holidays.countries` without the package's `__init__`.

    Under the package's own import lock, which its lazy loaders also take, so
    no other thread meets the stand-in through them."""
    if name in sys.modules:
        return
    from holidays import registry

    with getattr(registry, "IMPORT_LOCK", _LOCK):
        if name in sys.modules or COUNTRIES_PACKAGE in sys.modules:
            importlib.import_module(name)
            return
        spec = importlib.util.find_spec(COUNTRIES_PACKAGE)
        if spec is None or spec.submodule_search_locations is None:
            return
        stand_in = importlib.util.module_from_spec(spec)
        sys.modules[COUNTRIES_PACKAGE] = stand_in
        try:
            importlib.import_module(name)
        except ImportError:
            pass
        finally:
            if sys.modules.get(COUNTRIES_PACKAGE) is stand_in:
                del sys.modules[COUNTRIES_PACKAGE]
