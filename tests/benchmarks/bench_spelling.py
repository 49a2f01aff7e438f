"""British -> American spelling rules measured on SCOWL's word lists (prints numbers, asserts nothing).

Run: python tests/benchmarks/bench_spelling.py [SCOWL_DIR] [--show N]
Needs Debian's ``scowl`` package (``apt-get install scowl``; lists in /usr/share/dict/scowl).

SCOWL splits English into words spelled alike in both (``english-words.N``), words spelled
so only in American (``american-words.N``) and only in British (``british-words.N``), N
being a frequency level (10 common ... 95 rare). Up to level 70:

- coverage: British-only words that :func:`americanize` turns into a word American spells
  that way (a correct merge), into a non-word (unknown), or leaves alone (missed);
- wrong merges: two different words that American spells as they are, which the rules give
  one key (these hide a real difference, the costly error).

It also builds the alternative the issue suggests, a table of British -> American pairs
derived from the lists (broad rules, kept only where the result is an American-only word),
from the common levels (<= 50), and compares both on the rarer levels 55-70 that the table
never saw: what a shipped table would miss on words outside its vocabulary.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from tui.core.text.spelling import americanize

LEVELS = (10, 20, 35, 40, 50, 55, 60, 70)
WORD = re.compile(r"[a-z]+")


def _read(folder: Path, kind: str, levels: tuple[int, ...]) -> set[str]:
    words: set[str] = set()
    for level in levels:
        path = folder / f"{kind}-words.{level}"
        if path.is_file():
            for line in path.read_text(encoding="latin-1").splitlines():
                if WORD.fullmatch(line):
                    words.add(line)
    return words


def _broad(word: str) -> set[str]:
    """Every American candidate a careless rule set would try (for the derived table)."""
    out = set()
    for old, new in (
        ("ise", "ize"),
        ("isa", "iza"),
        ("our", "or"),
        ("tre", "ter"),
        ("bre", "ber"),
        ("ll", "l"),
        ("ae", "e"),
        ("oe", "e"),
        ("ogue", "og"),
        ("ence", "ense"),
        ("yse", "yze"),
        ("yse", "yze"),
        ("ph", "f"),
    ):
        start = word.find(old)
        while start >= 0:
            out.add(word[:start] + new + word[start + len(old) :])
            start = word.find(old, start + 1)
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 15
    if "--show" in sys.argv:
        args = [a for a in args if a != str(show)]
    folder = Path(args[0]) if args else Path("/usr/share/dict/scowl")
    common = _read(folder, "english", LEVELS)
    american = _read(folder, "american", LEVELS) - common
    british = _read(folder, "british", LEVELS) - common
    valid_us = common | american

    hits, unknown, missed = [], [], []
    for word in sorted(british):
        key = americanize(word)
        if key == word:
            missed.append(word)
        elif key in valid_us:
            hits.append(word)
        else:
            unknown.append(f"{word}->{key}")
    print(
        f"SCOWL <= 70: {len(common):,} common, {len(american):,} American-only, "
        f"{len(british):,} British-only words"
    )
    print(
        f"British-only words made American: {len(hits):,} ({len(hits) / len(british):.1%}); "
        f"changed to a non-word: {len(unknown):,}; left alone: {len(missed):,}"
    )
    print("  non-word examples:", " ".join(unknown[:show]))
    print("  left-alone examples:", " ".join(missed[:show]))

    keys: dict[str, set[str]] = defaultdict(set)
    for word in valid_us:
        keys[americanize(word)].add(word)
    wrong = sorted(tuple(sorted(group)) for group in keys.values() if len(group) > 1)
    print(f"wrong merges (two words American spells as written, one key): {len(wrong)}")
    for group in wrong[: show * 4]:
        print("  ", " = ".join(group))

    low = _read(folder, "english", LEVELS[:5])
    low_br = _read(folder, "british", LEVELS[:5]) - low
    low_us = _read(folder, "american", LEVELS[:5]) - low
    table = {}
    for word in low_br:
        found = sorted(c for c in _broad(word) if c in low_us)
        if len(found) == 1:
            table[word] = found[0]
    size = sum(len(b) + len(a) + 2 for b, a in table.items())
    held_out = sorted(british - low_br)
    table_hits = sum(1 for w in held_out if w in table)
    rule_hits = sum(1 for w in held_out if americanize(w) != w and americanize(w) in valid_us)
    print(f"derived table from levels <= 50: {len(table):,} pairs, ~{size / 1024:.0f} KB as text")
    print(
        f"  on its own levels: rules make {sum(1 for w in table if americanize(w) == table[w]):,} "
        f"of its {len(table):,} pairs"
    )
    print(
        "  its pairs the rules do not make:",
        " ".join(f"{b}->{a}" for b, a in sorted(table.items()) if americanize(b) != a),
    )
    print(
        f"  on {len(held_out):,} rarer British-only words (levels 55-70): table {table_hits:,} "
        f"({table_hits / len(held_out):.1%}), rules {rule_hits:,} ({rule_hits / len(held_out):.1%})"
    )


if __name__ == "__main__":
    main()
