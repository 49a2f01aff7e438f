"""Untrusted text loses every escape, control and bidi character, and nothing else."""

from __future__ import annotations

import random

import pytest

from tui.core.load.sanitize import clean_line, clean_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a \x1b[7mINVERTED\x1b[27m b", "a INVERTED b"),
        ("title\x1b]0;pwned\x07 text", "title text"),
        ("clip\x1b]52;c;ZXZpbA==\x1b\\ board", "clip board"),
        ("link \x1b]8;;http://evil\x07here\x1b]8;;\x07", "link here"),
        ("8-bit \x9b31mred", "8-bit red"),
        ("clear\x1b[2J\x1b[H screen", "clear screen"),
        ("bell\x07 back\x08space", "bell backspace"),
        ("abc\u202edcba\u202c", "abcdcba"),
        ("iso\u2066late\u2069", "isolate"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("line\r\nbreak\rmac", "line\nbreak\nmac"),
        ("para\u2029graph", "para\ngraph"),
        ("tab\tstop", "tab stop"),
        ("cafe\u0301", "café"),
    ],
)
def test_clean_text_removes_what_could_reach_the_terminal(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_keeps_ordinary_unicode_and_markup_like_text() -> None:
    text = "“Quotes” — dashes, [bold]brackets[/], Japan’s 60,000 personnel, 日本"
    assert clean_text(text) == text


def test_clean_line_folds_newlines_for_one_line_fields() -> None:
    assert clean_line("Outlet\nwith \x1b[1mnewline\x1b[0m") == "Outlet with newline"


def test_random_input_never_leaves_controls_behind() -> None:
    rng = random.Random(7)
    alphabet = "ab \n\t\x1b[]0;\x07\x9b\x90\\\u202e\u2066\r\x00\x7f\x85m"
    for _ in range(2000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        cleaned = clean_text(raw)
        assert "\x1b" not in cleaned and "\r" not in cleaned
        assert not any(0x80 <= ord(c) <= 0x9F or (ord(c) < 0x20 and c != "\n") for c in cleaned)
        assert clean_text(cleaned) == cleaned


def test_visible_text_spells_out_everything_clean_text_would_remove() -> None:
    from tui.core.load.sanitize import visible_text

    hostile = "\x1b]0;PWNED\x07.txt\t\u202e\u200b\x9b\u2028"
    shown = visible_text(hostile)
    assert shown == "\\x1b]0;PWNED\\x07.txt\\x09\\u202e\\u200b\\x9b\\u2028"
    assert all(ch.isprintable() for ch in shown)
    assert visible_text("Plain name, Ünïcode.txt") == "Plain name, Ünïcode.txt"
