"""The plain front-matter reader gives exactly what PyYAML gives, or defers to it."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import yaml

from tui.core.load.frontmatter import read_plain
from tui.core.load.resources import bundled_story

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

VALUES = [
    "Hegseth announces phase one",
    "U.S. Forces Japan",
    "État de siège",
    "Trump's plan",
    "a - b",
    "C#",
    "x #comment",
    "Japan: the upgrade",
    "Note:",
    "ratio 3:2",
    "[bracketed]",
    "Title [with] {braces}, commas",
    "2025-03-10",
    "2025-03",
    "2025",
    "2025-3-1",
    "2025-02-30",
    "2025-13-01",
    "2025-03-10 12:00:00",
    "1:20",
    "007",
    "0x1F",
    "1e3",
    ".5",
    ".inf",
    "-1",
    "true",
    "True",
    "TRUE",
    "yes",
    "Yes",
    "on",
    "Off",
    "no",
    "NO",
    "false",
    "y",
    "n",
    "Y",
    "null",
    "Null",
    "~",
    "",
    "'quoted'",
    '"double"',
    "*alias",
    "&anchor x",
    "!tag x",
    "| block",
    "> folded",
    "%directive",
    "@at",
    "`tick",
    "- item",
    "? key",
    "émoji 🎉",
    "zero\u200bwidth",
    "bidi\u202eover",
    "tab\tinside",
    "trailing   ",
    "unknown",
    "n/a",
]
KEYS = [
    "title",
    "outlet",
    "date",
    "title_editorial",
    "author_name",
    "_private",
    "on",
    "yes",
    "Null",
    "2025",
    "key-dash",
    "key with space",
    "é",
]


def yaml_fields(block: str, loader: type) -> object:
    return yaml.load(block, Loader=loader)


def agrees_with_yaml(block: str) -> bool:
    """True when read_plain deferred, or gave what every safe loader gives."""
    plain = read_plain(block)
    if plain is None:
        return True
    return all(yaml_fields(block, loader) == plain for loader in LOADERS)


def test_every_key_and_value_reads_as_yaml_reads_it_or_defers() -> None:
    lines = [f"{key}: {value}" for key in KEYS for value in VALUES]
    assert [line for line in lines if not agrees_with_yaml(line)] == []
    assert sum(read_plain(line) is not None for line in lines) > 100  # the fast path is taken


def test_the_bundled_front_matter_is_read_without_yaml_as_yaml_reads_it() -> None:
    for path in sorted(bundled_story().glob("*.txt")):
        block = path.read_text(encoding="utf-8").split("---\n")[1]
        plain = read_plain(block)
        assert plain is not None and plain == yaml_fields(block, yaml.SafeLoader), path.name


@pytest.mark.parametrize(
    "block",
    [
        'note: No headline; the title\n  is ours (see\n  "late March")',
        "title: 'Hegseth: ready for phase two'\nnote: 'Japan''s defence minister\n  is now Koizumi.'",
        'title: "Dam: holds"\nseed: 000_21162eb6556e42b6.txt',
        "note: 'a  \n   b   \n  c  '",
    ],
)
def test_folded_and_quoted_values_read_as_yaml_reads_them(block: str) -> None:
    plain = read_plain(block)
    assert plain is not None and plain == yaml_fields(block, yaml.SafeLoader)


def test_the_usual_front_matter_is_read_without_yaml() -> None:
    block = (
        "title: Hegseth announces phase one of the upgrade\ntitle_editorial: true\n"
        "outlet: unknown\ndate: 2025-03\npublished: 2025-03-10\nnote:\n"
    )
    assert read_plain(block) == {
        "title": "Hegseth announces phase one of the upgrade",
        "title_editorial": True,
        "outlet": "unknown",
        "date": "2025-03",
        "published": dt.date(2025, 3, 10),
        "note": None,
    }
    assert read_plain(block.replace("\n", "\r\n")) == read_plain(block)


@pytest.mark.parametrize(
    "block",
    [
        "title: Japan: the upgrade",  # a colon and space: YAML sees a nested mapping
        "title: one\ntitle: two",  # a repeated key (YAML keeps the last)
        "tags:\n  - a\n  - b",  # a list
        "title: >\n  folded\n  text",  # a block scalar
        "# a comment\ntitle: x",  # a comment line
        'title: "esc\\"aped"',  # escapes in double quotes
        "title: 'closed' early'",  # text after the closing quote
        "note: first line\n\n  after a blank",  # a blank line inside a value keeps a line break
        "count: 12",  # a number
        "date: 2025-02-30",  # an impossible date: PyYAML reports it
        "title: bidi\u202eover",  # an invisible control character
        "on: 1",  # a key YAML makes a boolean
        "title:x",  # not a key: YAML reads one string
    ],
)
def test_anything_beyond_plain_lines_is_left_to_yaml(block: str) -> None:
    assert read_plain(block) is None


def test_random_blocks_never_disagree_with_yaml() -> None:
    rng = random.Random(20261123)
    read = 0
    pieces = [
        *VALUES,
        ":",
        " ",
        "#",
        "-",
        "'",
        '"',
        "''",
        "\n",
        "\n  ",
        "\n ",
        "\n\n  ",
        "  ",
        "a",
        "Z",
        "3",
        "é",
        "\r\n",
        "key:",
        "000_a1.txt",
        "12_b",
        "3.txt",
    ]
    for _ in range(4000):
        lines = []
        for _ in range(rng.randint(1, 4)):
            key = rng.choice(KEYS + ["", " title", "x"])
            value = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
            lines.append(f"{key}:{rng.choice([' ', '', '  '])}{value}")
        block = "\n".join(lines)
        try:
            expected = [yaml_fields(block, loader) for loader in LOADERS]
        except (yaml.YAMLError, ValueError):
            assert read_plain(block) is None, block
            continue
        plain = read_plain(block)
        assert plain is None or all(e == plain for e in expected), block
        read += plain is not None
    assert read > 100
