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
