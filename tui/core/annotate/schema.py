"""Load and check an annotation file (annotations.yaml): entity types, entities and curated claims.

The file is hand-written by analysts, so every problem is reported as a ``Diagnostic`` that
names the file, line, column and field path (``entities[3].aliases[1]``) and says how to fix
it; a broken file still yields whatever parts of it can be used. Content problems never
raise. The YAML is read with safe-loader semantics only (no Python objects), from the
composed node tree so that every value keeps its position. Documents that abuse anchors and
aliases ("billion laughs") are refused on the composed graph, before anything is expanded.

Schema (every section optional; unknown keys are warnings)::

    types:                      # entity type name -> display settings; any name is allowed
      person:
        colour: "#4e79a7"       # "#rrggbb", "#rgb", a colour name ("dark_orange") or rgb(r,g,b)
        description: People     # free text
    entities:
      - id: hegseth             # required, unique; letters, digits, ".", "_", "-"
        name: Pete Hegseth      # required; also matched in the text
        type: person            # required; any string (declare it under types for a colour)
        aliases: [Hegseth, Defense Secretary Pete Hegseth]
                                # other names; an alias may belong to one entity only
                                # (compared case-insensitively)
        description: U.S. defense secretary
        links: [https://en.wikipedia.org/wiki/Pete_Hegseth]
        notes: free text
    claims:
      - id: minister-changed     # required, unique among claims
        kind: verdict            # fact | discrepancy | verdict
        quote:                   # or quotes: [ {exact, prefix, suffix, article}, ... ]
          exact: new Japanese Defense Minister   # required: text copied from the article
          prefix: "meeting "     # optional text right before, to pick one of several matches
          suffix: " Shinjiro"    # optional text right after
          article: 003-stars-and-stripes-phase-two   # optional article id
        verdict: change-over-time   # true-conflict | paraphrase | rounding |
                                    # change-over-time | not-a-discrepancy (needed for kind verdict)
        type: name               # number | date | name | quote-wording | contradiction | other
                                 # (the discrepancy type, for kind discrepancy)
        note: free text

Name matching rules (see ``tui.core.text.mentions``): an all-capitals name (``USFJ``) matches
with exactly that case; any other name matches regardless of case after its first letter,
and a name written with a capital first letter only matches text with a capital there.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.core.annotate.nodes import NULL_TAG, NodeReader, did_you_mean, field_path
from tui.core.load.files import FileRefused, read_regular
from tui.core.load.safe_yaml import UnsafeYamlError, compose_checked
from tui.core.model import (
    DISCREPANCY_TYPES,
    VERDICT_KINDS,
    Annotations,
    Claim,
    ClaimKind,
    Diagnostic,
    Entity,
    EntityType,
    TextQuote,
)

MAX_BYTES = 2 * 1024 * 1024
"""Larger files are refused: a hand-written annotation file is a few kilobytes."""
TOP_KEYS = ("types", "entities", "claims")
TYPE_KEYS = ("colour", "color", "description")
ENTITY_KEYS = ("id", "name", "type", "aliases", "description", "links", "notes")
CLAIM_KEYS = ("id", "kind", "quote", "quotes", "verdict", "type", "note")
QUOTE_KEYS = ("exact", "prefix", "suffix", "article")
CLAIM_KINDS: tuple[ClaimKind, ...] = ("fact", "discrepancy", "verdict")

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
_COLOUR = re.compile(
    r"#[0-9A-Fa-f]{6}\Z|#[0-9A-Fa-f]{3}\Z|[A-Za-z][A-Za-z0-9_]*\Z"
    r"|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)\Z"
)


def load_annotations(path: Path | None) -> Annotations:
    """The annotations in ``path``; ``Annotations(path=None)`` when there is no file.

    Problems in the file come back as diagnostics on the result, never as exceptions.
    """
    if path is None:
        return Annotations(path=None)
    name = str(path)
    try:
        if path.is_dir():
            return _failed(name, "is a folder, not an annotation file", "name a YAML file")
        raw = read_regular(path, MAX_BYTES)  # never a FIFO or a device, never past the limit
    except FileNotFoundError:
        return Annotations(path=None)
    except FileRefused as refused:
        if refused.size is not None:
            return _failed(
                name,
                f"file is {refused.size} bytes; annotation files over {MAX_BYTES} bytes are refused",
                "split the file or remove unused entries",
            )
        return _failed(name, str(refused), refused.hint)
    except OSError as error:
        return _failed(
            name, f"cannot read the file: {error.strerror or error}", "check the path and its permissions"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Annotations(
            path=name,
            diagnostics=(
                Diagnostic(
                    "error",
                    name,
                    f"not UTF-8 text: {error.reason}",
                    byte_offset=error.start,
                    hint="save the file as UTF-8",
                ),
            ),
        )
    return parse_annotations(text, name)


def parse_annotations(text: str, file: str) -> Annotations:
    """Check and convert the annotation document ``text``; ``file`` names it in diagnostics."""
    reader = _SchemaReader(file)
    try:
        root = compose_checked(text)
    except UnsafeYamlError as refused:
        return Annotations(
            path=file, diagnostics=(reader.at_mark(refused.mark, refused.message, refused.hint),)
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or str(error)
        if error.context:
            problem = f"{error.context}, {problem}"
        hint = (
            "indent with spaces: YAML does not allow tabs"
            if "'\\t'" in problem
            else "check the indentation and quoting around this line (quote values containing ': ' or ' #')"
        )
        return Annotations(
            path=file, diagnostics=(reader.at_mark(mark, f"YAML syntax error: {problem}", hint),)
        )
    except yaml.YAMLError as error:
        return _failed(file, f"YAML error: {error}", "check the file is valid YAML")
    if root is None:
        return Annotations(path=file)
    return reader.document(root)


def _failed(file: str, message: str, hint: str) -> Annotations:
    return Annotations(path=file, diagnostics=(Diagnostic("error", file, message, hint=hint),))


class _SchemaReader(NodeReader):
    """Walks the composed annotation document, converting each section."""

    def document(self, root: Node) -> Annotations:
        top = self.mapping(root, "", TOP_KEYS, "the annotation file")
        types = self.types(top["types"][1]) if "types" in top else []
        entities = self.entities(top["entities"][1]) if "entities" in top else []
        claims = self.claims(top["claims"][1]) if "claims" in top else []
        declared = {t.name for t in types}
        if "types" in top:
            for entity, node, path in entities:
                if entity.type not in declared:
                    type_node = next(
                        (v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "type"), node
                    )
                    self.warning(
                        type_node,
                        field_path(path, "type"),
                        f"type '{entity.type}' is not listed under types; it has no colour",
                        f"{did_you_mean(entity.type, tuple(sorted(declared)))}"
                        f"add '{entity.type}:' under types, or use one of: {', '.join(sorted(declared))}",
                    )
        used = tuple(dict.fromkeys(e.type for e, _, _ in entities if e.type not in declared))
        all_types = (*types, *(EntityType(name) for name in used))
        return Annotations(
            path=self.file,
            entities=tuple(e for e, _, _ in entities),
            types=all_types,
            claims=tuple(claims),
            diagnostics=tuple(self.diagnostics),
        )

    def types(self, node: Node) -> list[EntityType]:
        result = []
        for name, (_key_node, value) in self.mapping(node, "types", (), "the types section").items():
            path = field_path("types", name)
            if isinstance(value, ScalarNode) and value.tag != NULL_TAG:
                self.error(
                    value,
                    path,
                    f"expected the type's settings, found the value '{value.value}'",
                    f"write it as {name}: {{colour: {value.value}}}",
                )
                result.append(EntityType(name))
                continue
            entries = self.mapping(value, path, TYPE_KEYS, f"type '{name}'")
            colour = None
            if "colour" in entries and "color" in entries:
                self.warning(
                    entries["color"][0],
                    field_path(path, "color"),
                    "both 'colour' and 'color' are given; 'colour' is used",
                    "keep one of them",
                )
            for key in ("color", "colour"):
                if key in entries:
                    value_node = entries[key][1]
                    given = self.text(value_node, field_path(path, key))
                    if given is not None and not _COLOUR.match(given.strip()):
                        self.error(
                            value_node,
                            field_path(path, key),
                            f"'{given}' is not a colour",
                            'use "#rrggbb" (quoted: # starts a comment), "#rgb", a colour name like red, or rgb(r,g,b)',
                        )
                    elif given is not None:
                        colour = given.strip()
            if "description" in entries:
                self.text(entries["description"][1], field_path(path, "description"))
            result.append(EntityType(name, colour))
        return result

    def entities(self, node: Node) -> list[tuple[Entity, Node, str]]:
        result: list[tuple[Entity, Node, str]] = []
        ids: dict[str, Node] = {}
        owners: dict[str, tuple[str, str, Node]] = {}
        for index, item in enumerate(self.sequence(node, "entities", "entities")):
            path = field_path("entities", index)
            entity = self.entity(item, path, ids)
            if entity is None:
                continue
            ids[entity.id] = item
            self.claim_names(entity, item, path, owners)
            result.append((entity, item, path))
        return result

    def unique_id(
        self,
        entries: dict[str, tuple[Node, Node]],
        item: Node,
        path: str,
        ids: dict[str, Node],
        *,
        what: str,
        example: str,
        fix_charset: str,
        fix_duplicate: str,
    ) -> str | None:
        """The item's id when it is given, typeable and not taken by an earlier ``what``;
        otherwise None after a located error (the item is then ignored)."""
        id_node = self.require(
            entries, item, path, "id", f"give the {what} a short unique id, e.g. id: {example}"
        )
        if id_node is None:
            return None
        given = self.text(id_node, field_path(path, "id"), required=True)
        if given is None:
            return None
        given = given.strip()
        if not _ID.match(given):
            self.error(
                id_node,
                field_path(path, "id"),
                f"id '{given}' has characters other than letters, digits, '.', '_' and '-'",
                fix_charset,
            )
            return None
        if given in ids:
            first = ids[given].start_mark.line + 1
            self.error(
                id_node,
                field_path(path, "id"),
                f"duplicate {what} id '{given}' (first used on line {first}); this {what} is ignored",
                fix_duplicate,
            )
            return None
        return given

    def entity(self, item: Node, path: str, ids: dict[str, Node]) -> Entity | None:
        entries = self.mapping(item, path, ENTITY_KEYS, "an entity")
        if not isinstance(item, MappingNode):
            return None
        entity_id = self.unique_id(
            entries,
            item,
            path,
            ids,
            what="entity",
            example="pete-hegseth",
            fix_charset="ids are typed on the command line (--only entity:ID): use e.g. pete-hegseth",
            fix_duplicate="give each entity its own id, or merge the two entries",
        )
        if entity_id is None:
            return None
        name_node = self.require(entries, item, path, "name", "add the display name, e.g. name: Pete Hegseth")
        name = (
            self.text(name_node, field_path(path, "name"), required=True) if name_node is not None else None
        )
        type_node = self.require(entries, item, path, "type", "add the entity type, e.g. type: person")
        kind = (
            self.text(type_node, field_path(path, "type"), required=True) if type_node is not None else None
        )
        aliases = (
            self.texts(entries["aliases"][1], field_path(path, "aliases"), "aliases")
            if "aliases" in entries
            else []
        )
        links = (
            self.texts(entries["links"][1], field_path(path, "links"), "links") if "links" in entries else []
        )
        description = (
            self.text(entries["description"][1], field_path(path, "description"))
            if "description" in entries
            else None
        )
        notes = self.text(entries["notes"][1], field_path(path, "notes")) if "notes" in entries else None
        return Entity(
            id=entity_id,
            name=(name or entity_id).strip(),
            type=(kind or "other").strip(),
            aliases=tuple(dict.fromkeys(a for a, _, _ in aliases)),
            description=description,
            links=tuple(link for link, _, _ in links),
            notes=notes,
        )

    def claim_names(
        self, entity: Entity, item: Node, path: str, owners: dict[str, tuple[str, str, Node]]
    ) -> None:
        """Report a name or alias that another entity already claims (compared case-insensitively)."""
        nodes: list[tuple[str, Node, str]] = []
        entries = (
            {k.value: v for k, v in item.value if isinstance(k, ScalarNode)}
            if isinstance(item, MappingNode)
            else {}
        )
        if "name" in entries:
            nodes.append((entity.name, entries["name"], field_path(path, "name")))
        if isinstance(entries.get("aliases"), SequenceNode):
            for index, alias_node in enumerate(entries["aliases"].value):
                if isinstance(alias_node, ScalarNode) and alias_node.value.strip():
                    nodes.append(
                        (alias_node.value.strip(), alias_node, field_path(field_path(path, "aliases"), index))
                    )
        for text, node, where in nodes:
            key = text.casefold()
            owner = owners.get(key)
            if owner is None:
                owners[key] = (entity.id, text, node)
            elif owner[0] != entity.id:
                self.error(
                    node,
                    where,
                    f"'{text}' is already a name of entity '{owner[0]}' (line {owner[2].start_mark.line + 1}); "
                    "a name may belong to one entity only",
                    "remove it from one of the two entities",
                )

    def claims(self, node: Node) -> list[Claim]:
        result: list[Claim] = []
        ids: dict[str, Node] = {}
        for index, item in enumerate(self.sequence(node, "claims", "claims")):
            path = field_path("claims", index)
            claim = self.claim(item, path, ids)
            if claim is not None:
                result.append(claim)
        return result

    def claim(self, item: Node, path: str, ids: dict[str, Node]) -> Claim | None:
        entries = self.mapping(item, path, CLAIM_KEYS, "a claim")
        if not isinstance(item, MappingNode):
            return None
        claim_id = self.unique_id(
            entries,
            item,
            path,
            ids,
            what="claim",
            example="troop-count",
            fix_charset="use e.g. troop-count",
            fix_duplicate="give each claim its own id",
        )
        if claim_id is None:
            return None
        ids[claim_id] = item
        kind_node = self.require(entries, item, path, "kind", f"add kind: one of {', '.join(CLAIM_KINDS)}")
        kind = (
            self.choice(kind_node, field_path(path, "kind"), CLAIM_KINDS, "claim kind")
            if kind_node is not None
            else None
        )
        quotes = self.claim_quotes(entries, item, path)
        verdict = (
            self.choice(entries["verdict"][1], field_path(path, "verdict"), VERDICT_KINDS, "verdict")
            if "verdict" in entries
            else None
        )
        dtype = (
            self.choice(entries["type"][1], field_path(path, "type"), DISCREPANCY_TYPES, "discrepancy type")
            if "type" in entries
            else None
        )
        note = self.text(entries["note"][1], field_path(path, "note")) if "note" in entries else None
        if kind is None or not quotes:
            return None
        if kind == "verdict" and verdict is None:
            if "verdict" not in entries:
                self.error(
                    item,
                    path,
                    "a claim of kind verdict needs a 'verdict'",
                    f"add verdict: one of {', '.join(VERDICT_KINDS)}",
                )
            return None
        if kind == "discrepancy" and dtype is None and "type" not in entries:
            self.warning(
                item,
                path,
                "a discrepancy claim without 'type' is shown as type 'other'",
                f"add type: one of {', '.join(DISCREPANCY_TYPES)}",
            )
        return Claim(
            id=claim_id,
            kind=kind,
            quotes=tuple(quotes),
            verdict=verdict,
            discrepancy_type=(dtype or "other") if kind == "discrepancy" else dtype,
            note=note,
            line=item.start_mark.line + 1,
        )

    def claim_quotes(self, entries: dict[str, tuple[Node, Node]], item: Node, path: str) -> list[TextQuote]:
        if "quote" in entries and "quotes" in entries:
            self.error(
                entries["quotes"][0],
                field_path(path, "quotes"),
                "both 'quote' and 'quotes' are given",
                "put every quote under 'quotes:' as a list",
            )
            return []
        if "quote" in entries:
            quote = self.quote(entries["quote"][1], field_path(path, "quote"))
            return [quote] if quote is not None else []
        if "quotes" in entries:
            nodes = self.sequence(entries["quotes"][1], field_path(path, "quotes"), "quotes")
            quotes = [
                self.quote(node, field_path(field_path(path, "quotes"), index))
                for index, node in enumerate(nodes)
            ]
            if not nodes:
                self.error(
                    entries["quotes"][1],
                    field_path(path, "quotes"),
                    "the list of quotes is empty",
                    "add at least one quote with 'exact:' text copied from an article",
                )
            if any(q is None for q in quotes):
                return []
            return [q for q in quotes if q is not None]
        self.error(
            item,
            path,
            "missing 'quote' (or 'quotes')",
            "add quote: {exact: text copied from the article, article: ARTICLE-ID}",
        )
        return []

    def quote(self, node: Node, path: str) -> TextQuote | None:
        if isinstance(node, ScalarNode) and node.tag != NULL_TAG:
            exact = self.text(node, path, required=True)
            return TextQuote(exact) if exact is not None else None
        entries = self.mapping(node, path, QUOTE_KEYS, "a quote")
        if not isinstance(node, MappingNode):
            return None
        exact_node = self.require(
            entries, node, path, "exact", "add exact: the quoted text, copied from the article"
        )
        exact = (
            self.text(exact_node, field_path(path, "exact"), required=True)
            if exact_node is not None
            else None
        )
        parts = {
            key: self.text(entries[key][1], field_path(path, key)) if key in entries else None
            for key in ("prefix", "suffix", "article")
        }
        if exact is None:
            return None
        article = parts["article"].strip() if parts["article"] else None
        return TextQuote(exact, parts["prefix"], parts["suffix"], article)
