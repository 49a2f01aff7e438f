"""Front matter: the ``key: value`` lines between ``---`` at the top of an article file.

Most front matter is a handful of ``key: value`` lines, and importing PyYAML just to read
them cost 7 ms of the reader's start, a tenth of its first frame. ``read_plain`` reads that
common form itself and gives exactly what PyYAML's safe loader gives: plain and quoted
strings (also folded over indented lines), the YAML 1.1 booleans and nulls, and ISO dates.
Anything else (numbers, lists, nested fields, comments, escapes, blank lines inside a value,
invisible characters) returns None and is left to PyYAML, so no YAML rule is re-implemented
beyond that form. ``tests/core/test_frontmatter.py`` holds it to PyYAML's answers.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?")
_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMBER_LIKE = re.compile(
    r"[0-9][0-9_]*(?:[.:][0-9_.:]*)?(?:[eE][-+]?[0-9]+)?"
    r"|0[bx][0-9a-fA-F_]+|[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt ].*)?"
)
"""More than every value starting with a digit that YAML 1.1 reads as a number or a time."""

_TRUE = frozenset("yes Yes YES true True TRUE on On ON".split())
_FALSE = frozenset("no No NO false False FALSE off Off OFF".split())
_NULL = frozenset("~ null Null NULL".split())
_UNPLAIN = (": ", " #")
"""A mapping indicator or a comment inside a value: YAML would not read one string."""
_CONTINUATION_STARTS = ("(", '"', "'")
"""Besides letters and digits, what a folded plain value's next line may start with."""


class _NotPlain(Exception):
    """The block needs a real YAML parser."""


def read_plain(block: str) -> dict[str, Any] | None:
    """The fields of front matter written as ``key: value`` lines, or None if it is not.

    None means "ask PyYAML": the block has something this reader does not handle, which
    includes every block PyYAML would reject.
    """
    lines = [line.removesuffix("\r").rstrip(" ") for line in block.split("\n")]
    fields: dict[str, Any] = {}
    index = 0
    try:
        while index < len(lines):
            line = lines[index]
            index += 1
            if not line:
                continue
            match = _LINE.fullmatch(line)
            if match is None or not line.isprintable():
                return None
            key = match.group(1)
            if key in fields or key in _TRUE or key in _FALSE or key in _NULL:
                return None  # YAML would keep the last of a repeated key, or make it a boolean
            more: list[str] = []
            while index < len(lines) and lines[index].startswith(" "):
                more.append(lines[index].lstrip(" "))
                index += 1
            fields[key] = _value(match.group(2) or "", more)
    except _NotPlain:
        return None
    return fields


def _value(first: str, more: list[str]) -> Any:
    """What YAML's safe loader makes of a value and the indented lines after it."""
    if not all(line and line.isprintable() for line in more):
        raise _NotPlain  # a blank line inside a value keeps a line break: rare, left to YAML
    if first[:1] in ("'", '"'):
        return _quoted("\n".join([first, *more]))
    if more:
        if not first or not all(line[0].isalnum() or line.startswith(_CONTINUATION_STARTS) for line in more):
            raise _NotPlain
        _check_plain_text([first, *more])
        return " ".join([first, *more])
    return _single_line(first)


def _single_line(text: str) -> Any:
    if not text or text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if date := _YEAR_MONTH_DAY.fullmatch(text):
        try:
            return _dt.date(*(int(part) for part in date.groups()))
        except ValueError:
            raise _NotPlain from None  # PyYAML reports the impossible date
    if _YEAR_MONTH.fullmatch(text):
        return text
    # A digit may start a string too (a file name, an id: "000_a1.txt") when it is no number.
    _check_plain_text([text], digit_first=text[0].isdigit() and not _NUMBER_LIKE.fullmatch(text))
    return text


def _check_plain_text(lines: list[str], *, digit_first: bool = False) -> None:
    """Raise unless these lines are one plain string to YAML (a letter first, no indicators)."""
    if not (lines[0][0].isalpha() or digit_first):
        raise _NotPlain  # a digit, sign, quote or indicator: numbers, dates, anchors, lists...
    for line in lines:
        if line.endswith(":") or any(mark in line for mark in _UNPLAIN):
            raise _NotPlain


def _quoted(text: str) -> str:
    """A quoted string without escapes, folded over its lines as YAML folds them."""
    quote = text[0]
    if quote == '"' and "\\" in text:
        raise _NotPlain  # escapes
    if len(text) < 2 or not text.endswith(quote):
        raise _NotPlain  # no closing quote, or text after it
    inner = text[1:-1]
    if quote in (inner.replace("''", "") if quote == "'" else inner):
        raise _NotPlain  # the string closes earlier and text follows it
    pieces = inner.split("\n")
    if len(pieces) > 1:
        pieces = [pieces[0].rstrip(" "), *(p.strip(" ") for p in pieces[1:-1]), pieces[-1].lstrip(" ")]
        if not all(pieces):
            raise _NotPlain
    folded = " ".join(pieces)
    return folded.replace("''", "'") if quote == "'" else folded
