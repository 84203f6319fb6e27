"""A keymap and a theme are checked before they are kept: an unknown
binding id, a key that is not one, two actions on one key, a theme that is
not there, each refused with a message naming the entry. The core knows
the rules; whoever knows the cockpit's keys and themes hands them in."""

from __future__ import annotations

import string

import pytest

from jobcockpit.core.records import RecordError
from jobcockpit.core.setting_checks import (
    KeyPlace,
    check_keymap,
    check_theme,
    key_name,
    key_problem,
    keymap_problems,
    sign_name,
)

PLACES = [
    KeyPlace("on the board", {"new_application": "n", "undo": "u", "help": "question_mark"}),
    KeyPlace("in help", {"close": "escape,q", "quit": "q"}),
]


@pytest.mark.parametrize(
    "key", ["n", "N", "ctrl+z", "shift+right", "f5", "question_mark", "?", "ctrl+shift+up", "1"]
)
def test_keys_a_binding_can_use(key: str) -> None:
    assert key_problem(key) is None


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("ctrl+zz", "'ctrl+zz' is not a key"),
        ("control+z", "'control' is not a modifier"),
        ("enterr", "'enterr' is not a key"),
        ("", "an empty key"),
    ],
)
def test_keys_that_are_not_keys(key: str, said: str) -> None:
    problem = key_problem(key)
    assert problem is not None and said in problem


def test_a_sign_is_named_as_a_terminal_names_its_key() -> None:
    assert sign_name("?") == "question_mark"
    assert sign_name("/") == "slash"
    assert sign_name("+") == "plus"
    assert key_name(" ? ") == "question_mark"
    assert all(key_problem(sign) is None for sign in string.punctuation)


def test_a_good_keymap_passes() -> None:
    assert keymap_problems({"new_application": "N", "undo": "ctrl+z,u"}, PLACES) == []


def test_an_unknown_binding_id_is_named_with_the_closest_ids() -> None:
    (problem,) = keymap_problems({"undo": "z", "new_aplication": "N"}, PLACES)
    assert problem.startswith("new_aplication=N: 'new_aplication' is not a binding id")
    assert "did you mean new_application" in problem


def test_a_key_that_is_not_one_is_named_with_its_entry() -> None:
    (problem,) = keymap_problems({"undo": "ctrl+zz"}, PLACES)
    assert problem.startswith("undo=ctrl+zz: 'ctrl+zz' is not a key")


def test_two_actions_on_one_key_are_refused_where_they_meet() -> None:
    (problem,) = keymap_problems({"undo": "n"}, PLACES)
    assert problem == "undo=n: n is already new_application on the board"
    (both,) = keymap_problems({"undo": "x", "new_application": "x"}, PLACES)
    assert "x is already" in both and "on the board" in both


def test_a_key_may_serve_two_actions_that_never_meet() -> None:
    assert keymap_problems({"close": "u"}, PLACES) == []


def test_a_shadowing_the_cockpit_ships_is_not_held_against_the_user() -> None:
    assert keymap_problems({"undo": "ctrl+z"}, PLACES) == []


def test_check_keymap_raises_naming_every_wrong_entry() -> None:
    with pytest.raises(RecordError) as raised:
        check_keymap({"undo": "n", "foo": "x"}, PLACES)
    assert raised.value.record == "settings" and raised.value.field == "keymap"
    assert "foo=x" in raised.value.problem


def test_an_unknown_theme_is_refused_naming_the_closest() -> None:
    check_theme("textual-dark", ["textual-dark", "textual-light"])
    with pytest.raises(RecordError) as raised:
        check_theme("textual-lite", ["textual-dark", "textual-light"])
    assert raised.value.problem.startswith("'textual-lite' is not a theme; did you mean")
    assert "textual-light" in raised.value.problem
