"""The README tells the truth: its key table is the reader's, its commands are the ones CI runs."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _between(start: str, end: str) -> str:
    return README.split(start, 1)[1].split(end, 1)[0]


async def test_the_readme_key_table_is_the_one_the_reader_shows() -> None:
    spec = importlib.util.spec_from_file_location("docs_keys", ROOT / "docs" / "keys.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = await module.reader_keys_markdown()
    shown = _between("<!-- KEYS:START -->\n", "<!-- KEYS:END -->")
    assert shown.strip() == expected.strip(), "README keys drifted from the bindings: run python docs/keys.py"
    for key in ("]", "[", "}", "{", "/", "z", "s", "?", "x", "y", "e", "m", "M"):
        assert re.search(rf"^\| {re.escape(key)}( / [^|]+)? \|", shown, re.MULTILINE), f"key {key} missing"


def test_the_readme_gives_exactly_the_two_setup_commands_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```\n(.*?)\n```", README, re.DOTALL)
    assert "pip install . && storydiff" in blocks
    assert "pip install '.[test]' && pytest" in blocks
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install" in ci and "'.[test]'" in ci and "pytest" in ci
