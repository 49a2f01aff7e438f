"""The shipped WordNet derivation table: small families, loaded on first use, licence beside it."""

from __future__ import annotations

import subprocess
import sys

from tui.core.text.lexicon import DATA_FILE, derivation_root, families


def test_family_members_map_to_their_root_and_others_to_themselves() -> None:
    assert derivation_root("death") == derivation_root("die")
    assert derivation_root("zzyzx") == "zzyzx"


def test_every_family_is_small_and_rooted_in_itself() -> None:
    table = families()
    sizes: dict[str, int] = {}
    for root in table.values():
        sizes[root] = sizes.get(root, 0) + 1
        assert table[root] == root
    assert max(sizes.values()) <= 4


def test_the_table_ships_with_wordnet_licence_and_notice() -> None:
    licence = DATA_FILE.parent / "WORDNET-LICENSE"
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licence.read_text()
    assert "Princeton University" in DATA_FILE.read_text(encoding="ascii").splitlines()[1]


def test_importing_the_keys_does_not_read_the_table() -> None:
    code = "import tui.core.text.match, tui.core.text.lexicon as l; print(l.families.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
