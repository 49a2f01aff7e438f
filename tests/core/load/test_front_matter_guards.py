"""Front matter from a hostile file: read through the one guarded YAML loader, whatever its line endings."""

from __future__ import annotations

from tui.core.load.corpus import parse_article

BODY = "Officials said 40 people were hurt in the blast on Monday.\n"
ALIAS_BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
    + "title: *i\n"
)


def _read(front_matter: str, body: str = BODY) -> tuple[str, list[str]]:
    article, problems = parse_article(f"---\n{front_matter}---\n{body}", "s/a.md", "a")
    assert article is not None
    return article.title, [str(p) for p in problems]


def test_an_alias_bomb_in_front_matter_is_refused_before_it_is_expanded() -> None:
    """Nine levels of nine aliases would be 387 million strings once built."""
    title, problems = _read(ALIAS_BOMB)
    assert title == "A"  # the fields were ignored: the title comes from the file name
    (problem,) = problems
    assert problem.startswith("s/a.md:")
    assert "front matter refused" in problem and "alias" in problem


def test_a_front_matter_value_that_contains_itself_is_refused_not_a_traceback() -> None:
    title, problems = _read("title: &a [x, *a]\noutlet: Daily News\n")
    (problem,) = problems
    assert "refers to itself" in problem and "its fields were ignored" in problem
    assert title == "A"


def test_front_matter_nested_beyond_any_use_is_refused() -> None:
    _title, problems = _read("title: " + "[" * 200 + "]" * 200 + "\n")
    (problem,) = problems
    assert "nested too deeply" in problem


def test_a_few_aliases_in_front_matter_still_read_as_yaml_reads_them() -> None:
    article, problems = parse_article(
        "---\nname: &n Daily News\noutlet: *n\ntitle: 'Blast: 40 hurt'\n---\n" + BODY, "s/a.md", "a"
    )
    assert problems == [] and article is not None
    assert (article.outlet, article.title) == ("Daily News", "Blast: 40 hurt")


def test_front_matter_with_old_mac_line_endings_is_read_not_shown_as_text() -> None:
    raw = "---\rtitle: Blast at the harbour\routlet: Daily News\r---\r" + BODY.replace("\n", "\r")
    article, problems = parse_article(raw, "s/a.md", "a")
    assert problems == [] and article is not None
    assert (article.title, article.outlet) == ("Blast at the harbour", "Daily News")
    assert article.text == BODY.rstrip("\n") or article.text == BODY
    assert "---" not in article.text and "title:" not in article.text
