"""Loading stories: metadata, bodies, paragraphs, and every kind of broken file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.load import corpus
from tui.core.load.corpus import StoryError, load_story, parse_article, split_paragraphs
from tui.core.load.resources import bundled_story

BUNDLED_TITLES = {
    "000-tokyo-press-conference": (
        "Hegseth announces phase one of the U.S. Forces Japan joint force headquarters upgrade",
        None,
    ),
    "001-historic-upgrade": ("U.S. Defense Department starts historic upgrade of U.S. Forces Japan", None),
    "002-tampa-free-press": (
        "Hegseth Announces U.S.-Japan Military Command Upgrade Amid Rising Indo-Pacific Tensions",
        "Tampa Free Press",
    ),
    "003-stars-and-stripes-phase-two": (
        "Hegseth: U.S. Forces Japan ready for phase two of joint headquarters upgrade",
        "Stars and Stripes",
    ),
    "004-war-fighting-headquarters": (
        "Hegseth plans to upgrade U.S. command in Japan to a war-fighting headquarters",
        None,
    ),
}
SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def test_bundled_story_has_five_articles_titled_as_the_front_matter_says() -> None:
    story = load_story([bundled_story()])
    assert {a.id: (a.title, a.outlet) for a in story.articles} == BUNDLED_TITLES
    assert story.diagnostics == ()
    editorial = {a.id for a in story.articles if a.title_is_editorial}
    assert editorial == set(BUNDLED_TITLES) - {"002-tampa-free-press"}
    dates = {a.id: a.date for a in story.articles}
    assert dates["003-stars-and-stripes-phase-two"] == "2025-10-29"
    assert dates["004-war-fighting-headquarters"] is None


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not beside this checkout")
def test_bundled_bodies_are_the_seed_texts_exactly() -> None:
    story = load_story([bundled_story()])
    for article in story.articles:
        seed = SEEDS / str(article.metadata["seed"])
        assert article.text == seed.read_text(encoding="utf-8")


def test_front_matter_fields_unknown_keys_and_body(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Dam holds\noutlet: unknown\ndate: 2024-05-03\nsection: World\n---\nThe dam held.\n",
        encoding="utf-8",
    )
    [article] = load_story([tmp_path]).articles
    assert (article.title, article.outlet, article.date) == ("Dam holds", None, "2024-05-03")
    assert article.metadata["section"] == "World"
    assert article.text == "The dam held.\n"


def test_without_front_matter_the_first_line_or_the_file_name_gives_the_title() -> None:
    headline, _ = parse_article("Dam holds as river peaks\nThe dam held.", "x/a.txt", "a")
    assert headline is not None and headline.title == "Dam holds as river peaks"
    assert not headline.title_is_editorial
    sentence, _ = parse_article("The dam held.", "x/river_report.txt", "river_report")
    assert sentence is not None and sentence.title == "River report"
    assert sentence.title_is_editorial


def test_html_articles_are_reduced_to_text(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<html><head><meta property='og:site_name' content='Valley Times'></head><body>"
        "<nav>Home</nav><h1>Dam holds</h1><p>The dam held.</p><script>evil()</script>"
        "</body></html>",
        encoding="utf-8",
    )
    [article] = load_story([tmp_path]).articles
    assert article.text == "Dam holds\n\nThe dam held."
    assert (article.title, article.outlet) == ("Dam holds", "Valley Times")


def test_escapes_in_body_and_metadata_are_removed_before_offsets(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        '---\ntitle: "Evil \\e]0;pwned\\a title"\n---\nA\x1b[31m red\r\nB \u202eline', encoding="utf-8"
    )
    [article] = load_story([tmp_path]).articles
    assert article.title == "Evil title"
    assert article.text == "A red\nB line"
    assert [article.text[s:e] for s, e in article.paragraphs] == ["A red", "B line"]


def test_invalid_utf8_is_replaced_with_a_warning_naming_the_byte(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"caf\xe9 au lait")
    story = load_story([tmp_path])
    assert story.articles[0].text == "caf\ufffd au lait"
    [warning] = story.diagnostics
    assert warning.severity == "warning" and warning.byte_offset == 3
    assert "a.txt" in str(warning) and "byte 3" in str(warning)


def test_empty_and_binary_files_are_skipped_with_messages(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00data")
    (tmp_path / "good.txt").write_text("The dam held.", encoding="utf-8")
    story = load_story([tmp_path])
    assert [a.id for a in story.articles] == ["good"]
    messages = sorted(str(d) for d in story.diagnostics)
    assert "empty article" in messages[0]
    assert "binary file" in messages[1] and "byte 4" in messages[1]


def test_broken_front_matter_is_reported_with_its_line_and_the_story_still_loads(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("---\ntitle: ok\noutlet: [unclosed\n---\nBody text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Other body.", encoding="utf-8")
    story = load_story([tmp_path])
    assert [a.id for a in story.articles] == ["a", "b"]
    assert story.articles[0].text == "Body text."
    [problem] = story.diagnostics
    assert problem.line is not None and problem.line >= 3
    assert "front matter" in problem.message


def test_an_impossible_date_in_front_matter_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "---\ntitle: Dam holds\ndate: 2025-02-30\n---\nBody text.", encoding="utf-8"
    )
    story = load_story([tmp_path])
    [article] = story.articles
    assert article.text == "Body text." and article.date is None
    [problem] = story.diagnostics
    assert "day is out of range for month" in problem.message


def test_quoted_and_listed_front_matter_is_read_as_yaml(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: 'Dam: holds'\nauthor:\n  - Ann Lee\n  - Bo Kim\ndate: 2024-05-03\n---\nThe dam held.\n",
        encoding="utf-8",
    )
    [article] = load_story([tmp_path]).articles
    assert (article.title, article.author, article.date) == ("Dam: holds", "Ann Lee, Bo Kim", "2024-05-03")


@pytest.mark.parametrize("kind", ["missing", "no-articles", "not-an-article"])
def test_unusable_paths_raise_one_line_errors(tmp_path: Path, kind: str) -> None:
    if kind == "missing":
        path = tmp_path / "nope"
    elif kind == "no-articles":
        path = tmp_path
        (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    else:
        path = tmp_path / "data.csv"
        path.write_text("a,b", encoding="utf-8")
    with pytest.raises(StoryError) as raised:
        load_story([path])
    assert "\n" not in str(raised.value) and str(path) in str(raised.value)


def test_unreadable_file_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")

    def refuse(path: Path, limit: int) -> bytes:  # chmod 0 does not stop root, who runs CI
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(corpus, "read_regular", refuse)
    with pytest.raises(StoryError, match="cannot read") as raised:
        load_story([path])
    assert "\n" not in str(raised.value) and "secret.txt" in str(raised.value)


def test_article_order_and_ids_do_not_depend_on_the_order_files_are_named(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "a.txt"):
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    files = [tmp_path / "b.txt", tmp_path / "a.txt", tmp_path / "a.md"]
    forward = load_story(files)
    backward = load_story(list(reversed(files)))
    assert [a.id for a in forward.articles] == ["a", "a-2", "b"]
    assert forward.articles == backward.articles


def test_paragraphs_follow_lines_but_rejoin_hard_wrapped_text() -> None:
    text = (
        "A first paragraph that is long enough to have been wrapped by an editor\n"
        "continues here in lower case.\nA short line\nAnother line.\n\nLast one."
    )
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == [
        "A first paragraph that is long enough to have been wrapped by an editor\n"
        "continues here in lower case.",
        "A short line",
        "Another line.",
        "Last one.",
    ]
