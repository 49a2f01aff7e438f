"""Typed reading of a composed YAML node tree with located diagnostics: each problem names
the file, line, column and field path (``entities[3].aliases[1]``) and says how to fix it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.core.load.sanitize import clean_text, has_unsafe
from tui.core.story import Diagnostic, Severity

Choice = TypeVar("Choice", bound=str)

NULL_TAG = "tag:yaml.org,2002:null"
"""The tag of an empty value (``key:`` with nothing after it)."""


def field_path(parent: str, key: str | int) -> str:
    """The path a diagnostic names: ``entities[3].aliases[1]``."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "empty"
    return f"the value {node.value!r}"


def did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    """ "did you mean 'x'? " for a near miss among ``choices``, else nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'? "
    return ""


@dataclass
class NodeReader:
    """Reads the shapes a YAML document is made of (mappings, lists, text, choices), collecting a
    located diagnostic for every value that is not the shape asked for."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def at_mark(
        self,
        mark: object,
        message: str,
        hint: str | None,
        *,
        field: str | None = None,
        severity: Severity = "error",
    ) -> Diagnostic:
        line = getattr(mark, "line", None)
        column = getattr(mark, "column", None)
        return Diagnostic(
            severity,
            self.file,
            message,
            line=None if line is None else line + 1,
            column=None if column is None else column + 1,
            field=field,
            hint=hint,
        )

    def error(self, node: Node, path: str, message: str, hint: str) -> None:
        self.diagnostics.append(self.at_mark(node.start_mark, message, hint, field=path or None))

    def warning(self, node: Node, path: str, message: str, hint: str) -> None:
        self.diagnostics.append(
            self.at_mark(node.start_mark, message, hint, field=path or None, severity="warning")
        )

    def mapping(
        self, node: Node, path: str, known: tuple[str, ...], what: str
    ) -> dict[str, tuple[Node, Node]]:
        """The mapping's entries by key (key node, value node); warns on unknown keys."""
        if not isinstance(node, MappingNode):
            if not (isinstance(node, ScalarNode) and node.tag == NULL_TAG):
                self.error(
                    node,
                    path,
                    f"expected {what} (a mapping of key: value), found {_kind(node)}",
                    f"write {what} as indented 'key: value' lines",
                )
            return {}
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.error(
                    key_node,
                    path,
                    f"a key must be plain text, found {_kind(key_node)}",
                    "use a word as the key",
                )
                continue
            key = key_node.value
            child = field_path(path, key)
            if key in entries:
                self.error(
                    key_node,
                    child,
                    f"key '{key}' appears twice; the later one is used",
                    "merge the two entries into one",
                )
            elif known and key not in known:
                self.warning(
                    key_node,
                    child,
                    f"unknown key '{key}' is ignored",
                    f"{did_you_mean(key, known)}known keys: {', '.join(known)}",
                )
                continue
            entries[key] = (key_node, value_node)
        return entries

    def sequence(self, node: Node, path: str, what: str) -> list[Node]:
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode) and node.tag == NULL_TAG:
            return []
        self.error(
            node,
            path,
            f"expected a list of {what}, found {_kind(node)}",
            f"write each of the {what} on its own line starting with '- '",
        )
        return []

    def text(self, node: Node, path: str, *, required: bool = False) -> str | None:
        """A scalar as the user wrote it (numbers and dates stay text); None when empty.

        Values are cleaned as article text is (YAML escapes can spell ``\\e]0;...\\a`` or a
        bidi override): what the sidebar, the exports and the matcher see has no escape,
        control or bidi character, and a warning says what was removed.
        """
        if isinstance(node, ScalarNode):
            value = str(node.value)
            if has_unsafe(value):
                self.warning(
                    node,
                    path,
                    "escape sequences or control, bidi or invisible characters were removed from this value",
                    "write the value as plain text",
                )
                value = clean_text(value)
            if node.tag == NULL_TAG or not value.strip():
                if required:
                    self.error(node, path, "is empty", "give it a value")
                return None
            return value
        self.error(
            node,
            path,
            f"expected text, found {_kind(node)}",
            "write a single value; quote it if it contains ': ' or starts with a bracket",
        )
        return None

    def texts(self, node: Node, path: str, what: str) -> list[tuple[str, Node, str]]:
        """A list of text values (a single value is accepted as a one-item list, with a warning)."""
        if isinstance(node, ScalarNode) and node.tag != NULL_TAG:
            self.warning(
                node,
                path,
                f"expected a list of {what}, found a single value; it is used as a list of one",
                f"write it as [{node.value}] or as a '- ' line",
            )
            value = self.text(node, path)
            return [(value, node, path)] if value is not None else []
        items = []
        for index, item in enumerate(self.sequence(node, path, what)):
            item_path = field_path(path, index)
            value = self.text(item, item_path, required=True)
            if value is not None:
                items.append((value.strip(), item, item_path))
        return items

    def choice(self, node: Node, path: str, choices: tuple[Choice, ...], what: str) -> Choice | None:
        """One of ``choices`` (typed as they are), or None after a located error."""
        value = self.text(node, path, required=True)
        if value is None:
            return None
        if value not in choices:
            self.error(
                node,
                path,
                f"'{value}' is not a {what}",
                f"{did_you_mean(value, choices)}use one of: {', '.join(choices)}",
            )
            return None
        return next(c for c in choices if c == value)

    def require(
        self, entries: dict[str, tuple[Node, Node]], node: Node, path: str, key: str, hint: str
    ) -> Node | None:
        if key not in entries:
            self.error(node, path, f"missing required key '{key}'", hint)
            return None
        return entries[key][1]
