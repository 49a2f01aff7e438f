"""Edits from the app: the user's file keeps every byte it had, plus exactly the new lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.annotate.schema import load_annotations
from tui.core.annotate.write_back import AnnotationEditError, add_alias, add_entity
from tui.core.model import Entity

HAND_WRITTEN = """\
# Written by hand: keep me.
types:
  person: {colour: "#4e79a7"}   # blue-ish

entities:
  - id: alpha        # the first one
    name: Alpha Person
    type: person
    aliases:
      - Alpha   # short form
      - 'A. Person'
    notes: >-
      folded notes
      over two lines

  # a comment between entities
  - id: beta
    name: Beta
    type: person
    aliases: [Bee, "B B"]
  - {id: gamma, name: Gamma, type: person}
  - id: delta
    name: Delta
    type: person
    aliases:
# trailing comment
claims: []
"""


@pytest.fixture
def annotations(tmp_path: Path) -> Path:
    path = tmp_path / "annotations.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


def inserted(path: Path, after: str, addition: str) -> None:
    """The file is the original with ``addition`` inserted right after the last ``after`` and nothing else changed."""
    index = HAND_WRITTEN.rindex(after) + len(after)
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN[:index] + addition + HAND_WRITTEN[index:]


def test_an_alias_joins_a_block_list_with_its_indentation(annotations: Path) -> None:
    add_alias(annotations, "alpha", "Al")
    inserted(annotations, "      - 'A. Person'\n", "      - Al\n")
    assert load_annotations(annotations).entities[0].aliases == ("Alpha", "A. Person", "Al")


def test_an_alias_joins_a_flow_list(annotations: Path) -> None:
    add_alias(annotations, "beta", "Beta: the second")
    inserted(annotations, '[Bee, "B B"', ', "Beta: the second"')
    assert load_annotations(annotations).entities[1].aliases == ("Bee", "B B", "Beta: the second")


def test_an_alias_is_added_to_a_flow_entity_without_aliases(annotations: Path) -> None:
    add_alias(annotations, "gamma", "Gam")
    inserted(annotations, "{id: gamma, name: Gamma, type: person", ", aliases: [Gam]")


def test_an_alias_fills_an_empty_aliases_key(annotations: Path) -> None:
    add_alias(annotations, "delta", "Del")
    inserted(annotations, "    aliases:", " [Del]")
    assert load_annotations(annotations).entities[3].aliases == ("Del",)


def test_a_block_entity_without_aliases_gets_an_aliases_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    original = "entities:\n  - id: x\n    name: X\n    type: place   # where\n\n# end\n"
    path.write_text(original)
    add_alias(path, "x", "Ex")
    assert (
        path.read_text()
        == "entities:\n  - id: x\n    name: X\n    type: place   # where\n    aliases: [Ex]\n\n# end\n"
    )


def test_an_alias_the_entity_already_has_changes_nothing(annotations: Path) -> None:
    before = annotations.stat().st_mtime_ns
    add_alias(annotations, "alpha", "alpha person")
    assert annotations.read_text() == HAND_WRITTEN and annotations.stat().st_mtime_ns == before


def test_an_alias_another_entity_owns_is_refused_and_the_file_is_untouched(annotations: Path) -> None:
    with pytest.raises(AnnotationEditError) as caught:
        add_alias(annotations, "beta", "ALPHA")
    assert "'ALPHA' is already a name of entity 'alpha'" in str(caught.value)
    assert caught.value.diagnostics[0].field == "entities[1].aliases[2]"
    assert annotations.read_text() == HAND_WRITTEN


def test_an_unknown_entity_is_refused(annotations: Path) -> None:
    with pytest.raises(AnnotationEditError, match="no entity with id 'omega'"):
        add_alias(annotations, "omega", "O")
    assert annotations.read_text() == HAND_WRITTEN


def test_a_new_entity_goes_after_the_last_one(annotations: Path) -> None:
    add_entity(
        annotations,
        Entity(
            "epsilon",
            "Epsilon: Fifth",
            "person",
            ("Eps", "yes"),
            description="a # not a comment",
            links=("https://example.org/e",),
        ),
    )
    inserted(
        annotations,
        "    aliases:\n",
        (
            "  - id: epsilon\n"
            '    name: "Epsilon: Fifth"\n'
            "    type: person\n"
            "    aliases:\n"
            "      - Eps\n"
            '      - "yes"\n'
            '    description: "a # not a comment"\n'
            "    links:\n"
            '      - "https://example.org/e"\n'
        ),
    )
    result = load_annotations(annotations)
    assert result.diagnostics == ()
    epsilon = result.entities[-1]
    assert (epsilon.name, epsilon.aliases, epsilon.description) == (
        "Epsilon: Fifth",
        ("Eps", "yes"),
        "a # not a comment",
    )


def test_a_duplicate_entity_is_refused(annotations: Path) -> None:
    with pytest.raises(AnnotationEditError, match="duplicate entity id 'beta'"):
        add_entity(annotations, Entity("beta", "Another Beta", "person"))
    assert annotations.read_text() == HAND_WRITTEN


def test_a_missing_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "annotations.yaml"
    add_entity(path, Entity("zed", "Zed", "place"))
    add_alias(path, "zed", "Z")
    result = load_annotations(path)
    assert result.diagnostics == ()
    assert [(e.id, e.aliases) for e in result.entities] == [("zed", ("Z",))]
    assert path.read_text().startswith("# storydiff annotations")


def test_a_file_without_entities_gets_a_section(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("# mine\ntypes: {}   # none\n")
    add_entity(path, Entity("zed", "Zed", "place"))
    assert (
        path.read_text()
        == "# mine\ntypes: {}   # none\nentities:\n  - id: zed\n    name: Zed\n    type: place\n"
    )


def test_an_empty_entities_key_keeps_its_comment(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("entities:   # none yet\ntypes: {}\n")
    add_entity(path, Entity("zed", "Zed", "place"))
    assert (
        path.read_text() == "entities:   # none yet\n  - id: zed\n    name: Zed\n    type: place\ntypes: {}\n"
    )


def test_windows_line_endings_and_a_byte_order_mark_survive(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    original = "\ufeff# win\r\nentities:\r\n  - id: x\r\n    name: X\r\n    type: place\r\n    aliases:\r\n      - Ex\r\n"
    path.write_bytes(original.encode("utf-8"))
    add_alias(path, "x", "Ecks")
    assert path.read_bytes().decode("utf-8") == original + "      - Ecks\r\n"
    assert load_annotations(path).entities[0].aliases == ("Ex", "Ecks")


def test_a_broken_file_is_not_edited(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("entities:\n  - id: x\n   name: X\n")
    with pytest.raises(AnnotationEditError, match="not valid YAML"):
        add_entity(path, Entity("y", "Y", "place"))
    assert path.read_text() == "entities:\n  - id: x\n   name: X\n"


def test_no_temporary_files_are_left_behind(annotations: Path) -> None:
    add_alias(annotations, "alpha", "Al")
    with pytest.raises(AnnotationEditError):
        add_alias(annotations, "beta", "Alpha")
    assert sorted(p.name for p in annotations.parent.iterdir()) == ["annotations.yaml"]
