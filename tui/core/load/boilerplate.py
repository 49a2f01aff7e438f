"""Find the lines of a news page that are not the story.

Pages copied from the web keep cross-links ("READ: ..."), donation pleas, "follow us" and
login footers, breadcrumb labels and photo captions. Comparing them as facts would invent
agreements and unique claims, so they are recognised here by general rules (never by the
words of one story) and kept as spans the reader dims or hides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.load.dateline import parse_dateline
from tui.core.story import Boilerplate

_CROSS_LINK = re.compile(
    r"^\s*(?:READ|READ MORE|MORE|RELATED|RELATED STORY|RELATED STORIES|SEE ALSO|ALSO READ|"
    r"WATCH|LISTEN|RECOMMENDED|TRENDING|MUST READ|TOP STORIES|MORE FROM \w+)\s*[:：|>»-]",
    re.IGNORECASE,
)
_APPEAL = re.compile(
    r"\b(?:make a (?:small |one-time |monthly )?(?:donation|contribution)|donate (?:now|today|to)|"
    r"support (?:our|independent|local) (?:journalism|reporting|newsroom)|"
    r"become a (?:member|subscriber|patron|supporter)|your (?:contribution|donation|support) "
    r"(?:enables|helps|allows|keeps)|subscribe (?:now|today|to our)|sign up (?:for|to) our|"
    r"our (?:free )?newsletter|follow (?:us|the [\w .&'-]{1,40}) on|connect with us|"
    r"(?:log ?in|sign ?in) to (?:comment|\w+ to comment)|share (?:this|on) (?:article|story|"
    r"facebook|twitter|x)|click here to|all rights reserved|copyright ©|©\s*\d{4})\b",
    re.IGNORECASE,
)
_LABEL_PREFIX = re.compile(
    r"^\s*(?:Sign up|Connect with us|Follow us|Advertisement|Sponsored|"
    r"Photo|Image|Credit|Caption|Video|Getty Images|AP Photo)\s*[:|]",
    re.IGNORECASE,
)
_CREDIT_TAIL = re.compile(
    r"\((?:[^()]{1,60}/[^()]{1,60}|(?:photo|image|file|credit|courtesy)"
    r"[^()]{0,60})\)\s*$",
    re.IGNORECASE,
)
_ANY_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_CAMEL_RUN = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
_BREADCRUMB = re.compile(r"^\s*\w[\w ]{0,20}(?:\s*[>»/|]\s*\w[\w ]{0,20}){1,5}\s*$")
_TERMINAL = re.compile(r"[.!?…:;\"”’']\s*$")
_WORD = re.compile(r"\w+")


def find_boilerplate(
    text: str, paragraphs: Sequence[tuple[int, int]], *, repeats: bool = True
) -> tuple[Boilerplate, ...]:
    """Return the paragraphs of ``text`` that are not the story, each with the rule that caught it.

    A headline is not boilerplate: it is the outlet's main claim, compared like any statement;
    only a second copy of it (or of any line) is. ``repeats=False`` leaves repeated lines
    alone: a page pasted as text repeats its menus, but the article taken out of a web page has
    lost them, and what it repeats (a recipe's steps, a table's rows) is its own.
    """
    found: list[Boilerplate] = []
    seen: set[str] = set()
    lines = [text[start:end] for start, end in paragraphs]
    for index, ((start, end), line) in enumerate(zip(paragraphs, lines, strict=False)):
        previous = lines[index - 1] if index else ""
        following = lines[index + 1] if index + 1 < len(lines) else ""
        folded = fold_line(line)
        reason = _reason(line, folded, previous, following, seen)
        if repeats:
            seen.add(folded)
        if reason:
            found.append(Boilerplate(start, end, reason))
        elif parse_dateline(line) is not None:
            found.append(Boilerplate(start, end, "dateline"))
    return tuple(found)


def _reason(line: str, folded: str, previous: str, following: str, seen: set[str]) -> str | None:
    stripped = line.strip()
    words = folded.split()
    if not words:
        return None
    if folded in seen and len(words) >= 2:
        return "repeated line"
    if _CROSS_LINK.match(stripped):
        return "cross-link"
    if _LABEL_PREFIX.match(stripped):
        return "label"
    if len(words) <= 60 and _APPEAL.search(stripped):
        return "appeal or footer"
    if len(words) == 1 and _CAMEL_RUN.match(stripped):
        return "section label"
    if _BREADCRUMB.match(stripped) and not _TERMINAL.search(stripped):
        return "section label"
    if _CREDIT_TAIL.search(stripped):
        return "photo caption or credit"
    # A caption printed twice, once bare and once with its credit: "Name" then "Name (X)".
    if len(words) <= 15 and not _TERMINAL.search(stripped):
        if _is_credited_copy(following.strip(), stripped):
            return "photo caption or credit"
        if _is_credited_copy(stripped, previous.strip()):
            return "photo caption or credit"
    return None


def fold_line(text: str) -> str:
    """A line's words in lower case, for comparing lines (a headline with its title)."""
    return " ".join(_WORD.findall(text.casefold()))


def _is_credited_copy(line: str, bare: str) -> bool:
    """True when ``line`` is ``bare`` followed only by a short parenthesised credit."""
    if not bare or not line.startswith(bare):
        return False
    return bool(_ANY_PAREN_TAIL.fullmatch(line[len(bare) :]))
