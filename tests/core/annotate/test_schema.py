"""The annotation loader: what an analyst sees when their YAML is right, wrong or hostile."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.core.load.safe_yaml as annotations_module
from tui.core.annotate.schema import MAX_BYTES, load_annotations, parse_annotations
from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story
from tui.core.load.safe_yaml import MAX_ALIASES
from tui.core.model import EntityType, TextQuote
from tui.core.text.mentions import find_mentions


def messages(text: str) -> list[str]:
    return [str(d) for d in parse_annotations(text, "f.yaml").diagnostics]


GOOD = """\
# hand-written
types:
  person: {colour: "#4e79a7", description: People}
  place: {colour: dark_green}
  military-unit:
entities:
  - id: pete-hegseth
    name: Pete Hegseth
    type: person
    aliases: [Hegseth, Secretary Hegseth]
    description: Defense secretary
    links: [https://example.org/hegseth]
    notes: a note
  - id: tokyo
    name: Tokyo
    type: place
  - id: usfj
    name: U.S. Forces Japan
    type: military-unit
    aliases:
      - USFJ
claims:
  - id: minister
    kind: verdict
    verdict: change-over-time
    quotes:
      - {exact: Gen Nakatani, article: a1}
      - exact: Shinjiro Koizumi
        prefix: "minister "
        suffix: " said"
    note: the minister changed
  - id: count
    kind: discrepancy
    type: number
    quote: 60,000
"""


def test_a_good_file_loads_every_section(tmp_path: Path) -> None:
    path = tmp_path / "annotations.yaml"
    path.write_text(GOOD, encoding="utf-8")
    result = load_annotations(path)
    assert result.diagnostics == ()
    assert result.path == str(path)
    assert [e.id for e in result.entities] == ["pete-hegseth", "tokyo", "usfj"]
    hegseth = result.entities[0]
    assert hegseth.names == ("Pete Hegseth", "Hegseth", "Secretary Hegseth")
    assert hegseth.links == ("https://example.org/hegseth",)
    assert hegseth.description == "Defense secretary" and hegseth.notes == "a note"
    # Declared types keep their colour (or have none).
    assert result.types == (
        EntityType("person", "#4e79a7"),
        EntityType("place", "dark_green"),
        EntityType("military-unit", None),
    )
    minister, count = result.claims
    assert minister.kind == "verdict" and minister.verdict == "change-over-time"
    assert minister.quotes == (
        TextQuote("Gen Nakatani", None, None, "a1"),
        TextQuote("Shinjiro Koizumi", "minister ", " said", None),
    )
    assert minister.line == 23
    assert count.quotes == (TextQuote("60,000"),) and count.discrepancy_type == "number"


def test_no_file_means_no_annotations(tmp_path: Path) -> None:
    assert load_annotations(None).path is None
    missing = load_annotations(tmp_path / "nope.yaml")
    assert missing.path is None and missing.entities == () and missing.diagnostics == ()


def test_an_empty_file_is_valid_and_empty() -> None:
    result = parse_annotations("# nothing yet\n", "f.yaml")
    assert result.entities == () and result.diagnostics == ()


def test_syntax_errors_name_file_line_and_column() -> None:
    assert messages("entities:\n  - id: a\n   name: b\n") == [
        "f.yaml:3:4: error: YAML syntax error: while parsing a block collection, expected <block end>, "
        "but found '<block mapping start>'; check the indentation and quoting around this line "
        "(quote values containing ': ' or ' #')"
    ]
    assert messages("entities:\n\t- id: a\n") == [
        "f.yaml:2:1: error: YAML syntax error: while scanning for the next token, found character '\\t' "
        "that cannot start any token; indent with spaces: YAML does not allow tabs"
    ]


def test_wrong_shapes_are_reported_with_the_field_path() -> None:
    assert messages("- a\n- b\n") == [
        "f.yaml:1:1: error: expected the annotation file (a mapping of key: value), found a list; "
        "write the annotation file as indented 'key: value' lines"
    ]
    assert messages("entities:\n  hegseth: {name: x}\n") == [
        "f.yaml:2:3: error: entities: expected a list of entities, found a mapping; "
        "write each of the entities on its own line starting with '- '"
    ]
    assert messages("entities:\n  - id: a\n    name: A\n    type: person\n    aliases: {x: 1}\n") == [
        "f.yaml:5:14: error: entities[0].aliases: expected a list of aliases, found a mapping; "
        "write each of the aliases on its own line starting with '- '"
    ]
    assert messages("entities:\n  - id: a\n    name: [A, B]\n    type: person\n") == [
        "f.yaml:3:11: error: entities[0].name: expected text, found a list; "
        "write a single value; quote it if it contains ': ' or starts with a bracket"
    ]
    assert messages("entities:\n  - id: a\n    name: A\n    type: person\n    aliases: [x, '', ~]\n") == [
        "f.yaml:5:18: error: entities[0].aliases[1]: is empty; give it a value",
        "f.yaml:5:22: error: entities[0].aliases[2]: is empty; give it a value",
    ]


def test_missing_required_keys_point_at_the_entry() -> None:
    result = parse_annotations("entities:\n  - name: A\n    type: person\n  - id: b\n", "f.yaml")
    assert [str(d) for d in result.diagnostics] == [
        "f.yaml:2:5: error: entities[0]: missing required key 'id'; give the entity a short unique id, e.g. id: pete-hegseth",
        "f.yaml:4:5: error: entities[1]: missing required key 'name'; add the display name, e.g. name: Pete Hegseth",
        "f.yaml:4:5: error: entities[1]: missing required key 'type'; add the entity type, e.g. type: person",
    ]
    # What can be used still is: the entity with an id, named after it.
    assert [(e.id, e.name) for e in result.entities] == [("b", "b")]
    assert result.has_errors


def test_unknown_keys_are_warnings_with_a_suggestion() -> None:
    result = parse_annotations(
        "entities:\n  - id: a\n    name: A\n    type: person\n    alias: [x]\nextra: 1\n", "f.yaml"
    )
    assert [str(d) for d in result.diagnostics] == [
        "f.yaml:6:1: warning: extra: unknown key 'extra' is ignored; known keys: types, entities, claims",
        "f.yaml:5:5: warning: entities[0].alias: unknown key 'alias' is ignored; did you mean 'aliases'? "
        "known keys: id, name, type, aliases, description, links, notes",
    ]
    assert not result.has_errors
    assert result.entities[0].aliases == ()


def test_duplicates_are_errors() -> None:
    text = (
        "entities:\n"
        "  - id: a\n    name: Alpha\n    type: person\n    aliases: [Al]\n"
        "  - id: a\n    name: Other\n    type: person\n"
        "  - id: b\n    name: Beta\n    type: person\n    aliases: [AL, alpha]\n"
    )
    result = parse_annotations(text, "f.yaml")
    assert [str(d) for d in result.diagnostics] == [
        "f.yaml:6:9: error: entities[1].id: duplicate entity id 'a' (first used on line 2); this entity is ignored; "
        "give each entity its own id, or merge the two entries",
        "f.yaml:12:15: error: entities[2].aliases[0]: 'AL' is already a name of entity 'a' (line 5); "
        "a name may belong to one entity only; remove it from one of the two entities",
        "f.yaml:12:19: error: entities[2].aliases[1]: 'alpha' is already a name of entity 'a' (line 3); "
        "a name may belong to one entity only; remove it from one of the two entities",
    ]
    assert [e.name for e in result.entities] == ["Alpha", "Beta"]
    assert messages("entities:\n  - id: a\n    name: A\n    name: B\n    type: person\n") == [
        "f.yaml:4:5: error: entities[0].name: key 'name' appears twice; the later one is used; merge the two entries into one"
    ]


def test_ids_must_be_typeable() -> None:
    assert messages("entities:\n  - id: Pete Hegseth\n    name: A\n    type: person\n") == [
        "f.yaml:2:9: error: entities[0].id: id 'Pete Hegseth' has characters other than letters, digits, '.', '_' "
        "and '-'; ids are typed on the command line (--only entity:ID): use e.g. pete-hegseth"
    ]


def test_a_single_alias_is_accepted_with_a_warning() -> None:
    result = parse_annotations(
        "entities:\n  - id: a\n    name: A\n    type: person\n    aliases: Al\n", "f.yaml"
    )
    assert result.entities[0].aliases == ("Al",)
    assert [str(d) for d in result.diagnostics] == [
        "f.yaml:5:14: warning: entities[0].aliases: expected a list of aliases, found a single value; "
        "it is used as a list of one; write it as [Al] or as a '- ' line"
    ]


def test_type_problems() -> None:
    assert messages(
        "types:\n  person: red\n  place:\n    colour: '#12'\n"
        "entities:\n  - id: a\n    name: A\n    type: persn\n"
    ) == [
        "f.yaml:2:11: error: types.person: expected the type's settings, found the value 'red'; "
        "write it as person: {colour: red}",
        "f.yaml:4:13: error: types.place.colour: '#12' is not a colour; "
        'use "#rrggbb" (quoted: # starts a comment), "#rgb", a colour name like red, or rgb(r,g,b)',
        "f.yaml:8:11: warning: entities[0].type: type 'persn' is not listed under types; it has no colour; "
        "did you mean 'person'? add 'persn:' under types, or use one of: person, place",
    ]


def test_without_a_types_section_any_type_is_fine() -> None:
    result = parse_annotations("entities:\n  - id: a\n    name: A\n    type: spacecraft\n", "f.yaml")
    assert result.diagnostics == ()
    # A type that is used but not declared still appears, uncoloured, so the sidebar can group by it.
    assert result.types == (EntityType("spacecraft"),)


def test_claim_problems() -> None:
    text = (
        "claims:\n"
        "  - id: c\n    kind: verdict\n    quote: {exact: x}\n"
        "  - id: d\n    kind: discrepancy\n    quote: x\n    quotes: [y]\n"
        "  - id: e\n    kind: discrepancy\n    quotes: [x, {prefix: a}]\n"
        "  - id: f\n    kind: discrepancy\n    quote: x\n    verdict: rounded\n    type: numbers\n"
        "  - id: g\n    kind: fakt\n    quote: x\n"
        "  - id: h\n    kind: discrepancy\n    quote: x\n"
        "  - id: h\n    kind: fact\n    quote: x\n"
    )
    result = parse_annotations(text, "f.yaml")
    assert [str(d) for d in result.diagnostics] == [
        "f.yaml:2:5: error: claims[0]: a claim of kind verdict needs a 'verdict'; add verdict: one of "
        "true-conflict, paraphrase, rounding, change-over-time, not-a-discrepancy",
        "f.yaml:8:5: error: claims[1].quotes: both 'quote' and 'quotes' are given; put every quote under 'quotes:' as a list",
        "f.yaml:11:17: error: claims[2].quotes[1]: missing required key 'exact'; add exact: the quoted text, copied from the article",
        "f.yaml:15:14: error: claims[3].verdict: 'rounded' is not a verdict; did you mean 'rounding'? use one of: "
        "true-conflict, paraphrase, rounding, change-over-time, not-a-discrepancy",
        "f.yaml:16:11: error: claims[3].type: 'numbers' is not a discrepancy type; did you mean 'number'? use one of: "
        "number, date, name, spelling, quote-wording, contradiction, other",
        "f.yaml:18:11: error: claims[4].kind: 'fakt' is not a claim kind; did you mean 'fact'? use one of: fact, discrepancy, verdict",
        "f.yaml:20:5: warning: claims[5]: a discrepancy claim without 'type' is shown as type 'other'; add type: one of "
        "number, date, name, spelling, quote-wording, contradiction, other",
        "f.yaml:23:9: error: claims[6].id: duplicate claim id 'h' (first used on line 20); this claim is ignored; "
        "give each claim its own id",
    ]
    assert [(c.id, c.discrepancy_type) for c in result.claims] == [("f", "other"), ("h", "other")]


def test_alias_bombs_are_refused_without_expanding() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]")
    result = parse_annotations("\n".join(lines) + "\n", "bomb.yaml")
    assert result.entities == ()
    (diagnostic,) = result.diagnostics
    assert diagnostic.severity == "error"
    assert "refused as a possible alias bomb" in diagnostic.message


def test_too_many_aliases_are_refused_at_the_first_excess_one() -> None:
    text = "x: &x 1\nl: [" + ", ".join(["*x"] * (MAX_ALIASES + 1)) + "]\n"
    (diagnostic,) = parse_annotations(text, "f.yaml").diagnostics
    assert (
        diagnostic.message
        == f"more than {MAX_ALIASES} YAML aliases (*name); refused as a possible alias bomb"
    )
    assert diagnostic.line == 2


def test_a_recursive_document_is_refused() -> None:
    (diagnostic,) = parse_annotations("entities: &e [*e]\n", "f.yaml").diagnostics
    assert diagnostic.message == "the document refers to itself through an alias (recursive structure)"


def test_a_few_aliases_and_merge_keys_work_like_safe_load() -> None:
    text = (
        "base: &person {type: person, description: someone}\n"
        "entities:\n  - <<: *person\n    id: a\n    name: A\n"
        "  - <<: *person\n    id: b\n    name: B\n    type: place\n"
    )
    result = parse_annotations(text, "f.yaml")
    assert [(e.id, e.type, e.description) for e in result.entities] == [
        ("a", "person", "someone"),
        ("b", "place", "someone"),
    ]
    assert [d.message for d in result.diagnostics] == ["unknown key 'base' is ignored"]


def test_python_tags_are_not_executed() -> None:
    result = parse_annotations("entities: !!python/object/apply:os.system ['echo hi']\n", "f.yaml")
    assert result.has_errors and result.entities == ()


def test_huge_and_binary_files_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    (diagnostic,) = load_annotations(big).diagnostics
    assert (
        diagnostic.message
        == f"file is {MAX_BYTES + 1} bytes; annotation files over {MAX_BYTES} bytes are refused"
    )
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"entities: []\n\xff\xfe")
    (diagnostic,) = load_annotations(binary).diagnostics
    assert (
        str(diagnostic)
        == f"{binary}: error: not UTF-8 text: invalid start byte (byte 13); save the file as UTF-8"
    )


def test_a_folder_is_not_an_annotation_file(tmp_path: Path) -> None:
    (diagnostic,) = load_annotations(tmp_path).diagnostics
    assert diagnostic.message == "is a folder, not an annotation file"


@pytest.fixture(scope="module")
def bundled() -> tuple:
    story = load_story([bundled_story()])
    assert story.annotations_path is not None
    return story, load_annotations(Path(story.annotations_path))


def test_the_bundled_annotations_load_cleanly(bundled: tuple) -> None:
    _, annotations = bundled
    assert [str(d) for d in annotations.diagnostics] == []
    assert len(annotations.entities) >= 60
    assert {t.name for t in annotations.types} >= {
        "person",
        "organization",
        "place",
        "weapon",
        "agreement",
        "event",
        "military-unit",
        "outlet",
    }
    assert all(t.colour for t in annotations.types)


def test_every_bundled_entity_is_mentioned_in_the_bundled_story(bundled: tuple) -> None:
    story, annotations = bundled
    mentioned = {m.entity for m in find_mentions(story.articles, annotations.entities)}
    assert [e.id for e in annotations.entities if e.id not in mentioned] == []


def test_the_bundled_amraam_entity_leaves_the_mraam_spelling_to_the_engine(bundled: tuple) -> None:
    _, annotations = bundled
    (amraam,) = [e for e in annotations.entities if e.id == "amraam"]
    assert "AMRAAM" in amraam.names and "Advanced Medium-Range Air to Air Missiles" in amraam.names
    assert "MRAAM" not in amraam.names


def test_deep_nesting_is_refused_not_raised() -> None:
    (diagnostic,) = parse_annotations("a: " + "[" * 2000 + "]" * 2000 + "\n", "f.yaml").diagnostics
    assert str(diagnostic) == (
        "f.yaml:1:67: error: the document is nested too deeply to read (more than 64 levels); "
        "a storydiff YAML file needs only a few levels of indentation"
    )


def test_the_expansion_limit_counts_only_what_aliases_add(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(annotations_module, "MAX_EXPANSION", 100)
    long_list = "notes: [" + "x, " * 500 + "x]\n"
    assert [d.message for d in parse_annotations(long_list, "f.yaml").diagnostics] == [
        "unknown key 'notes' is ignored"
    ]
    repeated = "a: &a [" + "x, " * 30 + "x]\nb: [*a, *a, *a, *a]\n"
    (diagnostic,) = parse_annotations(repeated, "f.yaml").diagnostics
    assert diagnostic.message == (
        "aliases would expand the document by more than 100 values; refused as a possible alias bomb"
    )
