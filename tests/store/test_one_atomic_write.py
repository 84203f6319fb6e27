"""Every file jobcockpit writes goes through `files.write_replace` (temporary
file, flush, rename, flush the folder): the data file, backups, a restore, an
export or report written with -o, `today`'s kept answer. A second way of
writing files would be a second promise to keep, so no other module of the
package renames, makes temporary files or writes a file in place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "jobcockpit"
THE_ONE_PLACE = PACKAGE / "store" / "files.py"

FORBIDDEN_CALLS = {
    ("os", "replace"),
    ("os", "rename"),
    ("os", "renames"),
    ("os", "fdopen"),
    ("shutil", "move"),
    ("shutil", "copy"),
    ("shutil", "copy2"),
    ("shutil", "copyfile"),
}
FORBIDDEN_MODULES = {"tempfile"}
WRITING_METHODS = {"write_bytes", "write_text"}
PATH_MOVES = {"replace", "rename"}
"""Path.replace and Path.rename take one argument, the target; str.replace
takes two and datetime.replace or dataclasses.replace take keywords."""


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != THE_ONE_PLACE)


def _writes_files(call: ast.Call) -> str | None:
    """What the call does that only files.py may, or None."""
    function = call.func
    if isinstance(function, ast.Attribute):
        owner = function.value
        if isinstance(owner, ast.Name) and (owner.id, function.attr) in FORBIDDEN_CALLS:
            return f"{owner.id}.{function.attr}"
        if isinstance(owner, ast.Name) and owner.id in FORBIDDEN_MODULES:
            return f"{owner.id}.{function.attr}"
        if function.attr in WRITING_METHODS:
            return f".{function.attr}()"
        if function.attr in PATH_MOVES and len(call.args) == 1 and not call.keywords:
            return f".{function.attr}(target)"
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    if name == "open":
        given = [*call.args, *(k.value for k in call.keywords if k.arg == "mode")]
        for mode in given:
            writing = isinstance(mode, ast.Constant) and set(str(mode.value)) & set("wax+")
            if writing and isinstance(mode, ast.Constant):
                return f"open(..., {mode.value!r})"
    return None


def _offences(module: Path) -> list[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names]
            if FORBIDDEN_MODULES.intersection(n.split(".")[0] for n in names):
                found.append(f"line {node.lineno}: imports tempfile")
        elif isinstance(node, ast.Call) and (what := _writes_files(node)) is not None:
            found.append(f"line {node.lineno}: {what}")
    return found


@pytest.mark.parametrize("module", _modules(), ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_module_but_files_py_renames_or_writes_files(module: Path) -> None:
    assert _offences(module) == []


def test_the_check_finds_the_ways_files_get_written() -> None:
    """The check above cannot pass by seeing nothing."""
    assert {line.split(": ", 1)[1] for line in _offences(THE_ONE_PLACE)} >= {".replace(target)"}
    sample = (
        "import os, tempfile\n"
        "os.replace(a, b)\n"
        "path.write_text('x')\n"
        "open(path, 'wb')\n"
        "kept.rename(other)\n"
        "'text'.replace('a', 'b')\n"
        "moment.replace(tzinfo=None)\n"
    )
    calls = [n for n in ast.walk(ast.parse(sample)) if isinstance(n, ast.Call)]
    assert [_writes_files(call) for call in calls] == [
        "os.replace",
        ".write_text()",
        "open(..., 'wb')",
        ".rename(target)",
        None,
        None,
    ]
