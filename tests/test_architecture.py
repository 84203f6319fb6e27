"""The domain and the store stay free of Textual, so scripts and the CLI's
`today` never pay for a UI they do not show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_importing_the_core_formats_and_store_loads_no_textual() -> None:
    code = (
        "import sys, jobcockpit.core.rules, jobcockpit.core.board, jobcockpit.store\n"
        "import jobcockpit.formats.document, jobcockpit.formats.today\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == ""


def test_the_import_contract_holds() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_no_module_of_the_package_is_over_600_lines() -> None:
    """A module that grows past a screenful of screens is doing two things;
    docs/architecture.md says where each kind of code goes instead."""
    package = ROOT / "jobcockpit"
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in sorted(package.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert too_long == {}
