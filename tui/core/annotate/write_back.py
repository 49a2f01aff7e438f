"""Add entities and aliases to an annotation file without disturbing what the user wrote.

The file is the analyst's own work: comments, ordering, quoting and blank lines must all
survive an edit made from the app. So nothing is re-serialised: the YAML is composed only
to find where things are (node marks), the new lines are inserted into the original text
with the indentation found there, and every byte outside the insertion stays as it was.
The result is loaded again before it is written; if it would not load cleanly (or the edit
did not take), the file is left untouched and ``AnnotationEditError`` says why. Writes are
atomic (temporary file in the same folder, then a rename), go only to a regular file (never
through a link out of the story folder), and never drop what another program wrote to the
file after it was read: the edit is then made again on the file's new text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import yaml
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from tui.core.annotate.schema import MAX_BYTES, parse_annotations
from tui.core.load.atomic import TargetChanged, atomic_write_text
from tui.core.load.files import FileRefused, read_regular
from tui.core.load.safe_yaml import compose_checked, load_checked
from tui.core.model import Annotations, Diagnostic, Entity

NEW_FILE_HEADER = "# storydiff annotations: entities and curated claims (see the README).\n"
_BOM = "\ufeff"
_NULL = "tag:yaml.org,2002:null"
_PLAIN = re.compile(r"[A-Za-z0-9(][^:#\n\r\t'\"\[\]{},&*!|>%@`]*")


class AnnotationEditError(Exception):
    """The edit was refused; the file is unchanged. ``diagnostics`` holds the reasons, if any."""

    def __init__(self, message: str, diagnostics: tuple[Diagnostic, ...] = ()) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics


def add_entity(path: Path, entity: Entity) -> None:
    """Append ``entity`` to the ``entities:`` list of the file at ``path`` (created if missing)."""

    def edited(original: str | None) -> str:
        if original is None:
            return NEW_FILE_HEADER + "entities:\n" + _entity_block(entity, 2, "\n")
        return _with_entity(original, entity, path)

    _apply(
        path,
        edited,
        lambda result: any(e.id == entity.id and e.name == entity.name for e in result.entities),
    )


def add_alias(path: Path, entity_id: str, alias: str) -> None:
    """Add ``alias`` to the aliases of entity ``entity_id``; nothing is written if it already has it."""
    alias = " ".join(alias.split())
    if not alias:
        raise AnnotationEditError("the alias is empty")

    def edited(original: str | None) -> str | None:
        if original is None:
            raise AnnotationEditError(f"{path}: no such annotation file; add the entity first")
        root = _compose(original, path)
        item = _find_entity(root, entity_id)
        if item is None:
            raise AnnotationEditError(f"{path}: no entity with id '{entity_id}'")
        current = parse_annotations(original, str(path))
        for entity in current.entities:
            if entity.id == entity_id and alias.casefold() in {n.casefold() for n in entity.names}:
                return None
        return _with_alias(original, item, alias)

    _apply(
        path,
        edited,
        lambda result: any(e.id == entity_id and alias in e.aliases for e in result.entities),
    )


# -- reading, checking, writing ------------------------------------------------------------

ATTEMPTS = 3
"""Times an edit is made again on the file as it is now, when another program wrote it meanwhile."""


def _apply(
    path: Path, edited: Callable[[str | None], str | None], took: Callable[[Annotations], bool]
) -> None:
    """Read the file, make the edit on what it holds, and write it unless it changed meanwhile.

    The write stays in the folder the file is in: an ``annotations.yaml`` that is a link out
    of the story folder (to a device, to someone's dotfile, to a path that does not exist
    yet) is refused, never followed.

    A file another program changed between our read and our write (lines appended by a
    script, a save from an editor) is read again and the edit made again on its new text,
    so nothing it wrote is lost; if it keeps changing, the edit is refused.
    """
    for _attempt in range(ATTEMPTS):
        raw, original, bom = _read(path)
        text = edited(original)
        if text is None:
            return
        try:
            _check_and_write(path, text, bom, raw, took)
            return
        except (TargetChanged, FileExistsError):
            continue  # changed (or created) since we read it: edit what it holds now
    raise AnnotationEditError(
        f"{path}: not changed, because another program kept changing the file while it was saved; try again"
    )


def _read(path: Path) -> tuple[bytes | None, str | None, bool]:
    """The file's bytes and text (None when it does not exist) and whether it started with a BOM."""
    try:
        raw = read_regular(path, MAX_BYTES)  # a FIFO or a device is refused, never waited on
    except FileNotFoundError:
        return None, None, False
    except FileRefused as refused:
        raise AnnotationEditError(f"{path}: {refused}; the file was not changed") from refused
    except OSError as error:
        raise AnnotationEditError(f"{path}: cannot read the file: {error.strerror or error}") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise AnnotationEditError(
            f"{path}: not UTF-8 text (byte {error.start}); the file was not changed"
        ) from error
    if text.startswith(_BOM):
        return raw, text[1:], True
    return raw, text, False


def _compose(text: str, path: Path) -> Node | None:
    try:
        return compose_checked(text, merge=False)
    except yaml.YAMLError as error:
        raise AnnotationEditError(
            f"{path}: the file is not valid YAML ({_yaml_problem(error)}); fix it first"
        ) from error


def _yaml_problem(error: yaml.YAMLError) -> str:
    """PyYAML's complaint on one line, with the line it is on (its own text spans several lines)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "mark", None)
    problem = getattr(error, "problem", None) or getattr(error, "message", None) or str(error)
    where = f" at line {mark.line + 1}" if isinstance(mark, yaml.Mark) else ""
    return " ".join(f"{problem}{where}".split())


def _check_and_write(
    path: Path,
    text: str,
    bom: bool,
    original: bytes | None,
    took: Callable[[Annotations], bool],
) -> None:
    result = parse_annotations(text, str(path))
    errors = tuple(d for d in result.diagnostics if d.severity == "error")
    if errors:
        raise AnnotationEditError(
            f"{path}: not changed, because the result would not load cleanly: {errors[0]}", errors
        )
    if not took(result):
        raise AnnotationEditError(
            f"{path}: not changed, because the edit could not be placed in this file's layout"
        )
    try:
        atomic_write_text(
            path,
            (_BOM if bom else "") + text,
            overwrite=original is not None,
            within=path.parent,
            expect=original,
        )
    except (TargetChanged, FileExistsError):
        raise
    except FileRefused as refused:
        raise AnnotationEditError(f"{path}: {refused}; {refused.hint}") from refused
    except OSError as error:
        raise AnnotationEditError(f"{path}: could not write the file: {error.strerror or error}") from error


# -- locating ------------------------------------------------------------------------------


def _entry(mapping: Node | None, key: str) -> tuple[ScalarNode, Node] | None:
    if not isinstance(mapping, MappingNode):
        return None
    for key_node, value in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value
    return None


def _find_entity(root: Node | None, entity_id: str) -> MappingNode | None:
    entities = _entry(root, "entities")
    if entities is None or not isinstance(entities[1], SequenceNode):
        return None
    for item in entities[1].value:
        found = _entry(item, "id")
        if (
            isinstance(item, MappingNode)
            and found is not None
            and isinstance(found[1], ScalarNode)
            and found[1].value.strip() == entity_id
        ):
            return item
    return None


def _last_end(node: Node) -> int:
    """Where the last character of ``node``'s own text is (block collections' marks run on
    over trailing comments, so they are measured by their last leaf)."""
    if isinstance(node, ScalarNode) or (isinstance(node, CollectionNode) and node.flow_style):
        return node.end_mark.index
    children = node.value
    if not children:
        return node.end_mark.index
    last = children[-1]
    return _last_end(last[1] if isinstance(last, tuple) else last)


def _after_line(text: str, index: int) -> int:
    """The start of the line after the one holding the last non-blank text before ``index``."""
    while index > 0 and text[index - 1] in " \t\r\n":
        index -= 1
    newline = text.find("\n", index)
    return len(text) if newline == -1 else newline + 1


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


# -- rendering -----------------------------------------------------------------------------


def _scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back identically, else double-quoted."""
    if _PLAIN.fullmatch(value) and value == value.strip():
        try:
            if load_checked(value) == value:
                return value
        except (yaml.YAMLError, ValueError, OverflowError):
            pass
    return json.dumps(value, ensure_ascii=False)


def _entity_block(entity: Entity, indent: int, newline: str) -> str:
    pad = " " * indent
    inner = " " * (indent + 2)
    lines = [
        f"{pad}- id: {_scalar(entity.id)}",
        f"{inner}name: {_scalar(entity.name)}",
        f"{inner}type: {_scalar(entity.type)}",
    ]
    if entity.aliases:
        lines.append(f"{inner}aliases:")
        lines.extend(f"{inner}  - {_scalar(a)}" for a in entity.aliases)
    if entity.description:
        lines.append(f"{inner}description: {_scalar(entity.description)}")
    if entity.links:
        lines.append(f"{inner}links:")
        lines.extend(f"{inner}  - {_scalar(link)}" for link in entity.links)
    if entity.notes:
        lines.append(f"{inner}notes: {_scalar(entity.notes)}")
    return newline.join(lines) + newline


def _flow_entity(entity: Entity) -> str:
    parts = [f"id: {_scalar(entity.id)}", f"name: {_scalar(entity.name)}", f"type: {_scalar(entity.type)}"]
    if entity.aliases:
        parts.append("aliases: [" + ", ".join(_scalar(a) for a in entity.aliases) + "]")
    if entity.description:
        parts.append(f"description: {_scalar(entity.description)}")
    if entity.links:
        parts.append("links: [" + ", ".join(_scalar(link) for link in entity.links) + "]")
    if entity.notes:
        parts.append(f"notes: {_scalar(entity.notes)}")
    return "{" + ", ".join(parts) + "}"


# -- editing -------------------------------------------------------------------------------


def _insert(text: str, index: int, addition: str) -> str:
    return text[:index] + addition + text[index:]


def _with_entity(text: str, entity: Entity, path: Path) -> str:
    root = _compose(text, path)
    nl = _newline(text)
    if root is None:
        prefix = text if not text or text.endswith("\n") else text + nl
        return prefix + "entities:" + nl + _entity_block(entity, 2, nl)
    if not isinstance(root, MappingNode) or root.flow_style:
        raise AnnotationEditError(
            f"{path}: the file is not a block of 'key: value' lines; cannot add an entity"
        )
    found = _entry(root, "entities")
    if found is None:
        end = _after_line(text, _last_end(root))
        prefix = text[:end] if text[:end].endswith("\n") or not text[:end] else text[:end] + nl
        return prefix + "entities:" + nl + _entity_block(entity, 2, nl) + text[end:]
    key, value = found
    if isinstance(value, SequenceNode) and value.flow_style:
        return _insert_flow(text, value, _flow_entity(entity))
    if isinstance(value, SequenceNode) and value.value:
        return _insert(
            text, _after_line(text, _last_end(value)), _entity_block(entity, value.start_mark.column, nl)
        )
    if isinstance(value, ScalarNode) and value.tag == _NULL:
        start, end = value.start_mark.index, value.end_mark.index
        newline = text.find("\n", end)
        line_end = len(text) if newline == -1 else newline + 1
        rest_of_line = text[end:line_end] if newline != -1 else text[end:] + nl
        return (
            text[:start].rstrip(" ")
            + rest_of_line
            + _entity_block(entity, key.start_mark.column + 2, nl)
            + text[line_end:]
        )
    raise AnnotationEditError(f"{path}: 'entities' is not a list; cannot add an entity")


def _insert_flow(text: str, sequence: SequenceNode, item: str) -> str:
    """Add ``item`` at the end of a flow list ``[a, b]``."""
    if sequence.value:
        return _insert(text, _last_end(sequence.value[-1]), ", " + item)
    close = sequence.end_mark.index - 1
    return _insert(text, close, item)


def _with_alias(text: str, item: MappingNode, alias: str) -> str:
    nl = _newline(text)
    found = _entry(item, "aliases")
    if found is None:
        if item.flow_style:
            return _insert(text, item.end_mark.index - 1, f", aliases: [{_scalar(alias)}]")
        column = item.start_mark.column
        return _insert(
            text, _after_line(text, _last_end(item)), f"{' ' * column}aliases: [{_scalar(alias)}]{nl}"
        )
    key, value = found
    if isinstance(value, SequenceNode) and value.flow_style:
        return _insert_flow(text, value, _scalar(alias))
    if isinstance(value, SequenceNode):
        return _insert(
            text,
            _after_line(text, _last_end(value)),
            f"{' ' * value.start_mark.column}- {_scalar(alias)}{nl}",
        )
    if isinstance(value, ScalarNode):
        start, end = value.start_mark.index, value.end_mark.index
        if value.tag == _NULL:
            replacement = f"[{_scalar(alias)}]"
        else:
            replacement = f"[{_scalar(value.value.strip())}, {_scalar(alias)}]"
        space = "" if start > 0 and text[start - 1] == " " else " "
        return text[:start] + space + replacement + text[end:]
    raise AnnotationEditError("the entity's 'aliases' is not a list; fix it by hand first")
