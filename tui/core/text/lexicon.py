"""Derivational families from WordNet 3.0: words made from one another share a root key.

The stemmer already gives ``announce``/``announcement`` one key; it cannot know that
``invasion`` is made from ``invade``, ``death`` from ``die`` or ``destruction`` from
``destroy``. WordNet records those links ("derivationally related form"), and
``docs/build_lexicon.py`` turns them into small families of keys, each with a root (the
shortest key); this module looks a key up. The table ships as text inside the package
(``data/derivations.txt``, about 80 KB; WordNet's licence is ``data/WORDNET-LICENSE``) and is
read on first use, not at import, so the reader's first frame never waits for it.

>>> derivation_root("invas"), derivation_root("death"), derivation_root("ship")
('invad', 'die', 'ship')
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["DATA_FILE", "derivation_root", "families"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "derivations.txt"


@cache
def families() -> dict[str, str]:
    """Every key of the table with its root (read once; roots map to themselves)."""
    roots: dict[str, str] = {}
    with DATA_FILE.open(encoding="ascii") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            keys = line.split()
            for key in keys:
                roots[key] = keys[0]
    return roots


ADJECTIVE_ROOTS: dict[str, str] = {"addit": "add"}
"""Families WordNet links only through an adjective ("additional" is related to "addition",
"addition" to "add", but the table keeps two-step chains apart): "additional personnel" is
"added personnel" in another source's words."""


def derivation_root(key: str) -> str:
    """The root key of ``key``'s family (a Porter2 stem of an American spelling), or ``key``."""
    key = ADJECTIVE_ROOTS.get(key, key)
    return families().get(key, key)
