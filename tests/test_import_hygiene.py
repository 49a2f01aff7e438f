"""The core never loads Textual or Rich, and the headless commands never load Textual.

Static import graphs cannot see deferred imports, so each check runs a fresh interpreter
and looks at ``sys.modules`` afterwards (the harlequin way).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE_MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for p in (ROOT / "tui" / "core").rglob("*.py")
)


def loaded_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(','.join(sorted({m.split('.')[0] for m in sys.modules})))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(result.stdout.strip().splitlines()[-1].split(","))


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_loads_neither_textual_nor_rich(module: str) -> None:
    assert not loaded_after(f"import {module}") & {"textual", "rich"}


def test_the_package_root_imports_nothing() -> None:
    assert not loaded_after("import tui") & {"textual", "rich", "yaml"}


def test_loading_the_bundled_story_needs_no_yaml() -> None:
    """Its front matter is plain key: value lines; importing PyYAML cost 7 ms of the start."""
    code = (
        "from tui.core.load.corpus import load_story\nfrom tui.core.load.resources import bundled_story\n"
        "assert load_story([bundled_story()]).diagnostics == ()"
    )
    assert "yaml" not in loaded_after(code)


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["--version"], ["export", "--format", "json"], ["export", "--format", "html"], ["check"]],
)
def test_headless_commands_never_load_textual(argv: list[str]) -> None:
    code = (
        "import contextlib, io\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    assert "textual" not in loaded_after(code)
