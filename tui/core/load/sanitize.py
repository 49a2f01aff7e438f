"""Make untrusted article text safe to show and stable to index into.

Neither Rich nor Textual removes ESC: an article carrying ``\\x1b[7m`` or an OSC 52 clipboard
write would reach the user's terminal. Textual's ``Content`` also silently drops ``\\r`` without
shifting highlight spans. So text is cleaned exactly once, when it is loaded, and every offset
the core computes refers to the cleaned text.
"""

from __future__ import annotations

import re
import unicodedata

_ANSI_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC/DCS/SOS/PM/APC: titles, links, clipboard
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # their 8-bit forms
    r"|\x1b[ -/]*[0-~]"  # other escapes (charset switches, keypad modes...)
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(
    "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, overrides and isolates
    "\u200b\u2060\ufeff\ufff9-\ufffb]"  # zero-width space, word joiner, BOM, interlinear marks
)
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")
_SURROGATE = re.compile("[\ud800-\udfff]")
"""Lone surrogates: a file name's undecodable bytes (``os.fsdecode``) or a JSON-LD escape; no
terminal or UTF-8 file can take them."""


def clean_text(raw: str, *, tab_size: int = 4) -> str:
    """Return ``raw`` without escape sequences, control characters or bidi overrides.

    Newlines are normalised to ``\\n`` and tabs expanded, so that what the reader shows and
    what the core indexes are the same string. NFC keeps composed and decomposed accents from
    looking alike but comparing apart.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _ANSI_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text.expandtabs(tab_size))


def clean_line(raw: str) -> str:
    """Clean a one-line field (a title, an outlet, a file name) and fold any newlines to spaces."""
    return " ".join(clean_text(raw).split())


_UNSAFE = re.compile(
    "|".join((_CONTROL.pattern, _INVISIBLE.pattern, _LINE_SEPARATORS.pattern, _SURROGATE.pattern))
)
"""Every character :func:`clean_text` removes or replaces, except plain newlines and tabs."""
_UNSHOWABLE = re.compile("|".join(("[\t\n]", _UNSAFE.pattern)))
"""Every character :func:`clean_text` removes or rewrites, tabs and newlines included."""
_UNSHOWABLE_IN_LINES = re.compile("|".join(("\t", _UNSAFE.pattern)))


def has_unsafe(raw: str) -> bool:
    """Whether ``raw`` holds anything :func:`clean_text` would remove or replace (besides
    rewriting newlines and tabs): an escape, a control, a bidi or invisible character."""
    return _UNSAFE.search(raw) is not None


def visible_text(raw: str, *, keep_newlines: bool = False) -> str:
    """Spell out control, bidi and invisible characters as ``\\xNN`` / ``\\uNNNN``.

    For text that names something the user must find again, such as a file called
    ``ESC]0;title BEL.txt``: stripping its escapes (as :func:`clean_text` does for article text)
    would show a name that matches no file, so each one is made visible instead, as ``ls -b``
    does. The result cannot move the cursor, retitle the window or reorder the line. A byte
    of a file name that is not UTF-8 (decoded by Python as a lone surrogate) is shown as the
    byte, ``\\xff``. This is the one sanitiser for everything storydiff prints or shows
    that is not article text; ``keep_newlines`` keeps line breaks for multi-line values.
    """
    return (_UNSHOWABLE_IN_LINES if keep_newlines else _UNSHOWABLE).sub(_spell_out, raw)


def _spell_out(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
