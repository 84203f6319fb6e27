"""Every key is a binding with an id, and docs/keys.md lists each one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from jobcockpit.tui import keys
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.forms import RemoveContactDialog
from jobcockpit.tui.screens.help import HelpScreen
from jobcockpit.tui.screens.main import MainScreen
from jobcockpit.tui.screens.stats import StatsScreen
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.board_view import BoardView
from jobcockpit.tui.widgets.card_column import CardColumn
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.filter_bar import FilterBar
from jobcockpit.tui.widgets.sidebar import Sidebar

DOCS = Path(__file__).resolve().parents[2] / "docs" / "keys.md"


def test_binding_ids_are_unique() -> None:
    ids = [row.id for row in keys.key_rows()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "node",
    [
        MainScreen,
        BoardView,
        KanbanBoard,
        CardColumn,
        Detail,
        Sidebar,
        HelpScreen,
        StatsScreen,
        RemoveContactDialog,
        CockpitApp,
    ],
)
def test_every_key_of_the_cockpit_has_an_id(node: type[DOMNode]) -> None:
    known = {row.id for row in keys.key_rows()}
    own = [b for b in node._merged_bindings.key_to_bindings.values() for b in b]  # type: ignore[union-attr]
    textual_own = {"quit", "help_quit"} if node is CockpitApp else set()
    for binding in own:
        if binding.action in textual_own and binding.id is None:
            continue
        assert isinstance(binding, Binding)
        assert binding.id in known, f"{node.__name__}: {binding.key} -> {binding.action}"


def test_the_filter_clears_with_a_binding_too() -> None:
    ids = {b.id for bs in FilterBar._merged_bindings.key_to_bindings.values() for b in bs}  # type: ignore[union-attr]
    assert "clear_filter" in ids


def test_docs_keys_lists_every_binding_id_and_its_default_keys() -> None:
    text = DOCS.read_text(encoding="utf-8")
    rows = {
        match[0]: match[1]
        for match in re.findall(r"^\| `([\w-]+)` \| (.+?) \|", text, flags=re.MULTILINE)
    }
    for row in keys.key_rows():
        assert row.id in rows, f"docs/keys.md lacks {row.id}"
        documented = re.findall(r"`([^`]+)`", rows[row.id])
        assert documented == list(row.keys), row.id


INTENDED = {
    ("in the detail", "e"): {"detail_edit", "edit_application"},
    ("in the detail", "x"): {"detail_remove", "delete_application"},
    ("in the sidebar", "enter"): {"sidebar_open", "open_detail"},
    ("in the filter", "escape"): {"clear_filter", "back"},
    ("in help and stats", "q"): {"close", "quit"},
}
"""Keys that do something else in one place on purpose: in the detail, e and
x act on the record under the cursor (the application is one of them);
enter in the sidebar opens its entry (the board's enter steps aside there);
escape in the filter clears it; q closes the help rather than the cockpit."""


def test_no_two_bindings_share_a_key_where_they_work_but_on_purpose() -> None:
    from jobcockpit.core.setting_checks import key_name

    shared: dict[tuple[str, str], set[str]] = {}
    for place in keys.key_places():
        bound: dict[str, set[str]] = {}
        for binding_id, defaults in place.bindings.items():
            for key in defaults.split(","):
                bound.setdefault(key_name(key), set()).add(binding_id)
        shared.update({(place.name, k): ids for k, ids in bound.items() if len(ids) > 1})
    assert shared == INTENDED


def test_the_key_grammar_the_settings_check_is_textuals() -> None:
    """The core checks a keymap's keys without Textual; its names must be the
    ones Textual gives the keys a terminal sends."""
    import string

    from textual.keys import Keys, _character_to_key

    from jobcockpit.core.setting_checks import NAMED_KEYS, key_problem, sign_name

    for sign in string.punctuation:
        assert sign_name(sign) == _character_to_key(sign)
    textual_names = {key.value for key in Keys} | {"enter", "space", "tab"}
    assert textual_names >= NAMED_KEYS
    for row in keys.key_rows():
        for key in row.keys:
            assert key_problem(key) is None, (row.id, key)
