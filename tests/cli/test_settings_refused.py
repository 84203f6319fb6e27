"""`jobcockpit settings` refuses a keymap or a theme the cockpit would not
know what to do with: exit 1, the entry named, and the data file untouched
(not even made, when it did not exist)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

Cli = Callable[..., Run]


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("keymap", "undo=n;foo=x", "foo=x: 'foo' is not a binding id"),
        ("keymap", "undo=ctrl+zz", "undo=ctrl+zz: 'ctrl+zz' is not a key"),
        ("keymap", "undo=n", "undo=n: n is already new_application on the board"),
        ("theme", "textual-lite", "'textual-lite' is not a theme; did you mean textual-light"),
    ],
)
def test_a_wrong_keymap_or_theme_is_refused_and_the_file_untouched(
    cli: Cli, tmp_path: Path, document_file: Path, key: str, value: str, said: str
) -> None:
    db = tmp_path / "hunt.json"
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    assert cli("--db", str(db), "settings", "max_follow_ups", "3").code == 0
    before = db.read_bytes()

    result = cli("--db", str(db), "settings", key, value)

    assert result.code == 1
    assert said in result.err
    assert db.read_bytes() == before


def test_a_refused_value_makes_no_data_file(cli: Cli, home: Path) -> None:
    result = cli("settings", "keymap", "undo=n")
    assert result.code == 1
    assert [path for path in home.rglob("*") if path.is_file()] == []
    assert cli("settings", "keymap", "undo=ctrl+z").code == 0
    assert [path.name for path in home.rglob("*.json")] == ["jobcockpit.json"]


def test_a_good_keymap_and_theme_are_kept(cli: Cli, tmp_path: Path, document_file: Path) -> None:
    db = tmp_path / "hunt.json"
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    assert cli("--db", str(db), "settings", "keymap", "new_application=N;undo=ctrl+z,u").code == 0
    assert cli("--db", str(db), "settings", "theme", "nord").code == 0
    assert cli("--db", str(db), "settings", "keymap").out == "new_application=N;undo=ctrl+z,u\n"
    assert cli("--db", str(db), "settings", "theme").out == "nord\n"
