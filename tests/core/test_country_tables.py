"""The public holidays and phone-number tables of a board's countries, loaded
without the others'.

Each check runs in a fresh interpreter: which modules a process has imported
is the point, and this test process has long imported whatever it liked.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

ONE_AT_A_TIME = "from jobcockpit.core.holiday_tables import holiday_table as lookup"
THE_PACKAGES_WAY = """
import holidays

def lookup(country, subdivision):
    return holidays.country_holidays(country, subdiv=subdivision)
"""

EVERY_TABLE = """
import datetime as dt, json
from holidays.registry import COUNTRIES
LOOKUP

def table_of(country, subdivision):
    try:
        table = lookup(country, subdivision)
    except NotImplementedError as error:
        return None, f"refused: {error}"
    table.get(dt.date(2026, 1, 1))
    return table, sorted([str(day), str(name)] for day, name in table.items())

answers = {}
for names in COUNTRIES.values():
    country = names[1]
    table, answers[country] = table_of(country, None)
    for subdivision in (*table.subdivisions[:2], "XX-NOWHERE", None):
        answers[f"{country}/{subdivision}"] = table_of(country, subdivision)[1]
print(json.dumps(answers))
"""

USED_COUNTRIES = """
import datetime as dt, json, sys
from jobcockpit.core.places import business_calendar

names = [
    business_calendar(country, subdivision).holiday(dt.date(2026, 1, 1))
    for country, subdivision in (("DE", "BY"), ("JP", None), ("US", "CA"), ("ZZ", None))
]
loaded = sorted(m for m in sys.modules if m.startswith("holidays.countries."))
stand_in_gone = "holidays.countries" not in sys.modules
from holidays.countries import France, Germany
print(json.dumps({"names": names, "loaded": loaded, "stand_in_gone": stand_in_gone,
                  "whole_after": Germany.__name__ + France.__name__}))
"""

PACKAGE_VERSION = """
import json, sys
from jobcockpit.core.holiday_tables import holiday_table

holiday_table("DE", None)
said = sys.modules["holidays"].__version__
version_left = "holidays.version" in sys.modules
metadata_loaded = "importlib.metadata" in sys.modules
import importlib.metadata
import holidays.version
print(json.dumps({"said": said, "installed": importlib.metadata.version("holidays"),
                  "version_left": version_left, "metadata_loaded": metadata_loaded,
                  "real_after": holidays.version.__version__}))
"""

PHONES_IN_USE = """
import json, sys
from jobcockpit.core.places import country_from_phone, zone_from_phone

numbers = ("+61 2 9876 1234", "+81 3 1234 5678")
facts = [(zone_from_phone(p), country_from_phone(p)) for p in numbers]
tables = sorted(
    m for m in sys.modules
    if m.startswith(("phonenumbers.data.region_", "phonenumbers.geo", "phonenumbers.carrier"))
)
print(json.dumps({"facts": facts, "tables": tables}))
"""


def _in_a_fresh_process(code: str) -> Any:
    """What `code` prints as JSON on its last line, run by a new interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_every_countrys_holidays_are_those_of_the_full_lookup() -> None:
    one_at_a_time = _in_a_fresh_process(EVERY_TABLE.replace("LOOKUP", ONE_AT_A_TIME))
    full = _in_a_fresh_process(EVERY_TABLE.replace("LOOKUP", THE_PACKAGES_WAY))
    assert len(full) > 600
    assert one_at_a_time == full


def test_only_the_countries_in_use_are_loaded() -> None:
    seen = _in_a_fresh_process(USED_COUNTRIES)
    # New Year's Day, in whatever language the package names it there.
    assert all(seen["names"][:3])
    assert seen["names"][3] is None
    assert seen["loaded"] == [
        "holidays.countries.germany",
        "holidays.countries.japan",
        "holidays.countries.united_states",
    ]
    # Nothing of the trick is left behind: the package imported later is whole.
    assert seen["stand_in_gone"]
    assert seen["whole_after"] == "GermanyFrance"


def test_the_holidays_package_knows_its_own_version_without_the_metadata_lookup() -> None:
    seen = _in_a_fresh_process(PACKAGE_VERSION)
    assert seen["said"] == seen["installed"]
    assert not seen["metadata_loaded"]
    # The stand-in is gone at once: a later import gets the package's own module.
    assert not seen["version_left"]
    assert seen["real_after"] == seen["installed"]


def test_only_the_phone_regions_in_use_are_loaded() -> None:
    seen = _in_a_fresh_process(PHONES_IN_USE)
    assert seen["facts"] == [["Australia/Sydney", "AU"], ["Asia/Tokyo", "JP"]]
    # No geocoder or carrier tables, and the metadata of these two regions only.
    assert seen["tables"] == ["phonenumbers.data.region_AU", "phonenumbers.data.region_JP"]
