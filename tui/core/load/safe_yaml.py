"""YAML read safely: the safe loader's semantics only, composed to a node tree that keeps every
value's position, and refused before anything is expanded when it abuses anchors and aliases
("billion laughs"), refers to itself or nests too deeply.

Every YAML storydiff reads (annotation files, an article's front matter, the editor's own
checks) goes through here: a story folder is something a user is sent, and one unguarded
``yaml.safe_load`` is enough for nine lines of aliases to fill the memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_ALIASES = 64
"""YAML aliases (``*name``) allowed in one file; real files need none."""
MAX_EXPANSION = 100_000
"""Values that expanding the aliases may add to the document, beyond the ones written out."""
MAX_DEPTH = 64
"""Nesting levels allowed; an annotation file needs four, front matter two."""

_TOO_DEEP = "the document is nested too deeply to read"
_TOO_DEEP_HINT = "a storydiff YAML file needs only a few levels of indentation"


class UnsafeYamlError(yaml.YAMLError):
    """The document is unsafe to walk: too many aliases, too big once expanded, recursive or too deep."""

    def __init__(self, message: str, hint: str, node_or_mark: object) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        self.mark: Mark | None = mark if isinstance(mark, Mark) else None


class SafeComposer(yaml.SafeLoader):
    """The safe loader, counting aliases as it composes so a bomb stops at the first excess one."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0
        self.depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise UnsafeYamlError(
                    f"{_TOO_DEEP} (more than {MAX_DEPTH} levels)",
                    _TOO_DEEP_HINT,
                    self.peek_event().start_mark,  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
                )
            return self._compose_counted(parent, index)
        finally:
            self.depth -= 1

    def _compose_counted(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                raise UnsafeYamlError(
                    f"more than {MAX_ALIASES} YAML aliases (*name); refused as a possible alias bomb",
                    "write the values out instead of repeating them with &anchor/*alias",
                    self.peek_event().start_mark,  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
                )
        return super().compose_node(parent, index)


def compose_checked(text: str, *, merge: bool = True) -> Node | None:
    """The document's node tree (marks included), refused when it abuses aliases.

    Raises ``yaml.YAMLError`` for syntax errors and ``UnsafeYamlError`` for documents that
    would be too big once expanded, refer to themselves or nest too deeply. With ``merge`` the ``<<`` merge keys are applied, as
    loading does; the editor leaves them alone so that marks match the text.
    """
    loader = SafeComposer(text)
    try:
        return _composed(loader, merge)
    finally:
        loader.dispose()


def load_checked(text: str) -> Any:
    """What ``yaml.safe_load(text)`` gives, once the document has passed the same guards.

    Raises ``yaml.YAMLError`` (``UnsafeYamlError`` for a refused document) and, for a value
    YAML parses but cannot build (an impossible date), ``ValueError`` or ``OverflowError``.
    """
    loader = SafeComposer(text)
    try:
        root = _composed(loader, merge=True)
        return None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()


def _composed(loader: SafeComposer, merge: bool) -> Node | None:
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_size(root)
            if merge:
                _flatten_merges(loader, root, set())
        return root
    except RecursionError:  # a guard behind MAX_DEPTH, should a deep key slip past it
        raise UnsafeYamlError(_TOO_DEEP, _TOO_DEEP_HINT, None) from None


def _check_size(root: Node) -> None:
    """Refuse a graph that is recursive or that aliases would grow by more than ``MAX_EXPANSION`` values.

    Sizes are memoised per node, so this is linear in the composed graph however large the
    expansion would be.
    """
    written = _distinct_nodes(root)
    limit = written + MAX_EXPANSION
    sizes: dict[int, int] = {}
    on_path: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in on_path:
            raise UnsafeYamlError(
                "the document refers to itself through an alias (recursive structure)",
                "remove the alias that points back into its own anchor",
                node,
            )
        on_path.add(key)
        total = 1
        for child in _children(node):
            total += size(child)
            if total > limit:
                raise UnsafeYamlError(
                    f"aliases would expand the document by more than {MAX_EXPANSION} values; "
                    "refused as a possible alias bomb",
                    "write the values out instead of repeating them with &anchor/*alias",
                    node,
                )
        on_path.discard(key)
        sizes[key] = total
        return total

    size(root)


def _distinct_nodes(root: Node) -> int:
    """How many nodes the document writes out (each anchored node counted once)."""
    seen = {id(root)}
    stack = [root]
    while stack:
        for child in _children(stack.pop()):
            if id(child) not in seen:
                seen.add(id(child))
                stack.append(child)
    return len(seen)


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, SequenceNode):
        yield from node.value
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _flatten_merges(loader: SafeComposer, node: Node, seen: set[int]) -> None:
    """Apply YAML merge keys (``<<: *base``) in place, as the safe loader would."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, MappingNode) and any(k.tag == "tag:yaml.org,2002:merge" for k, _ in node.value):
        loader.flatten_mapping(node)
        # Merged keys come first; a key written in the mapping itself overrides them.
        last = {k.value: i for i, (k, _) in enumerate(node.value) if isinstance(k, ScalarNode)}
        node.value = [
            (k, v)
            for i, (k, v) in enumerate(node.value)
            if not isinstance(k, ScalarNode) or last[k.value] == i
        ]
    for child in _children(node):
        _flatten_merges(loader, child, seen)
