"""The settings only whoever knows the cockpit can check: its keys and themes.

A keymap names the cockpit's binding ids and a theme names one of its
themes; the core knows neither, so whoever does (the cockpit, or the command
line asking it) hands them in, and the settings screen and `jobcockpit
settings` refuse the same entries with these words. The grammar of a key
(modifiers, names, signs by their name) is the terminal's, as Textual reads
it; a test holds the two together.
"""

from __future__ import annotations

import difflib
import string
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from jobcockpit.core.records import RecordError

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
NAMED_KEYS = frozenset(
    {
        "escape",
        "enter",
        "tab",
        "space",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        *(f"f{number}" for number in range(1, 25)),
    }
)
"""Keys with a name of their own. With them, a letter or digit, and a sign
by its name (`SIGN_NAMES`), every key a keymap may give."""

_RENAMED_SIGNS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def sign_name(character: str) -> str:
    """The name a terminal gives the key of a printable sign: `?` is
    `question_mark`, `/` is `slash`, `+` is `plus`."""
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return _RENAMED_SIGNS.get(name, name)


SIGN_NAMES: dict[str, str] = {sign_name(sign): sign for sign in string.punctuation}
"""Each printable sign's key name, and the sign."""


def key_name(key: str) -> str:
    """`key` as a binding spells it: a sign typed as itself becomes its name."""
    key = key.strip()
    if len(key) == 1 and not key.isalnum():
        return sign_name(key)
    return key


def key_problem(key: str) -> str | None:
    """Why `key` is not a key a binding can use, or None when it is."""
    key = key_name(key)
    if not key:
        return "an empty key"
    *modifiers, base = key.split("+")
    unknown = [m for m in modifiers if m not in MODIFIERS]
    if unknown:
        return f"{unknown[0]!r} is not a modifier (use {', '.join(MODIFIERS)})"
    if len(base) == 1 and base.isprintable() and not base.isspace():
        return None
    if base in NAMED_KEYS or base in SIGN_NAMES:
        return None
    return (
        f"{key!r} is not a key: write keys like n, N, ctrl+z, shift+right, f5, question_mark for ?"
    )


@dataclass(frozen=True, slots=True)
class KeyPlace:
    """Where a set of bindings works at once (on the board, in a form), each
    binding id with its default keys ("up,k")."""

    name: str
    bindings: Mapping[str, str]


def keymap_problems(keymap: Mapping[str, str], places: Sequence[KeyPlace]) -> list[str]:
    """What is wrong with `keymap`, one message per entry, naming it: a
    binding id no place knows, a key that is not one, a key that something
    else already does where the remapped binding works."""
    known = {binding for place in places for binding in place.bindings}
    problems: list[str] = []
    for binding, keys in keymap.items():
        entry = f"{binding}={keys}"
        if binding not in known:
            close = difflib.get_close_matches(binding, sorted(known), n=3)
            hint = (
                f"; did you mean {', '.join(close)}?"
                if close
                else " (the cockpit's ? lists every binding id)"
            )
            problems.append(f"{entry}: {binding!r} is not a binding id{hint}")
            continue
        for key in keys.split(","):
            problem = key_problem(key)
            if problem is not None:
                problems.append(f"{entry}: {problem}")
    if problems:
        return problems
    clashes: dict[tuple[str, str, tuple[str, ...]], list[str]] = {}
    for place in places:
        bound: dict[str, list[str]] = {}
        for binding, defaults in place.bindings.items():
            for key in keymap.get(binding, defaults).split(","):
                bound.setdefault(key_name(key), []).append(binding)
        for binding, keys in keymap.items():
            if binding not in place.bindings:
                continue
            for key in dict.fromkeys(key_name(k) for k in keys.split(",")):
                others = tuple(other for other in bound.get(key, []) if other != binding)
                if others:
                    clashes.setdefault((binding, key, others), []).append(place.name)
    reported: set[frozenset[str]] = set()
    for (binding, key, others), where in clashes.items():
        pair = frozenset((binding, *others))
        if pair in reported:
            continue
        reported.add(pair)
        places_said = where[0] if len(where) == 1 else ", ".join(where[:-1]) + " and " + where[-1]
        problems.append(
            f"{binding}={keymap[binding]}: {key} is already {' and '.join(others)} {places_said}"
        )
    return problems


def check_keymap(keymap: Mapping[str, str], places: Sequence[KeyPlace]) -> None:
    """Raise `RecordError` naming each wrong entry of `keymap`."""
    problems = keymap_problems(keymap, places)
    if problems:
        raise RecordError("settings", "keymap", "; ".join(problems))


def check_theme(theme: str, themes: Collection[str]) -> None:
    """Raise `RecordError` when `theme` is not one of `themes`."""
    if theme in themes:
        return
    close = difflib.get_close_matches(theme, sorted(themes), n=3)
    hint = f"did you mean {', '.join(close)}?" if close else f"one of {', '.join(sorted(themes))}"
    raise RecordError("settings", "theme", f"{theme!r} is not a theme; {hint}")
