"""A web page loads as an article whose text is sanitised once and whose boilerplate slices it."""

from __future__ import annotations

from pathlib import Path

from tests.core.load.reading import STORY, STORY_LINES, boilerplate, load, page, story
from tests.fuzzing import FORBIDDEN
from tui.core.load.corpus import load_story, parse_article
from tui.core.load.sanitize import clean_text


def test_a_page_with_no_article_text_is_skipped_with_a_reason_and_a_remedy(tmp_path: Path) -> None:
    (tmp_path / "video.html").write_text(
        page(
            "<nav><a href='/'>Home</a></nav><div class='player'><video src='v.mp4'></video></div>"
            "<script>render()</script>"
        ),
        encoding="utf-8",
    )
    (tmp_path / "good.html").write_text(page(f"<article>{STORY}</article>"), encoding="utf-8")
    loaded = load_story([tmp_path])
    assert [a.id for a in loaded.articles] == ["good"]
    [warning] = loaded.diagnostics
    message = str(warning)
    assert "video.html" in message and "no article text" in message
    assert "front matter" not in message, "HTML has no front matter to add text below"
    assert "save" in message and ".txt" in message
    assert (tmp_path / "video.html").exists()


def test_the_text_is_sanitised_once_and_every_boilerplate_span_slices_it() -> None:
    html = page(
        "<article><h1>Dam holds as river peaks</h1><p class='byline'>By Jo Lee</p>"
        f"{STORY}<figure><figcaption>The dam at dawn.</figcaption></figure>"
        "<p>READ MORE: Flood defences approved</p></article>"
    )
    article = load(html)
    assert clean_text(article.text) == article.text
    assert story(article) == STORY_LINES
    assert boilerplate(article) == {
        "By Jo Lee": "byline or date",
        "The dam at dawn.": "photo caption or credit",
        "READ MORE: Flood defences approved": "cross-link",
    }
    assert all(0 <= b.start < b.end <= len(article.text) for b in article.boilerplate)


def test_entities_that_spell_escapes_or_bidi_controls_do_not_survive() -> None:
    evil = "&#27;]0;PWNED&#7; &#x1b;[2J &#x9b;31m &#155;7m &#x202E;gnirts &#8238; &#x2066; &#0; &#x85;"
    html = page(
        f"<article><h1>Dam {evil} holds</h1><p>The river rose {evil} overnight, flooding the "
        "lower town for the first time since records began in the valley.</p></article>",
        head=f"<title>Dam {evil} holds</title><meta property='og:site_name' content='Valley {evil}'>"
        f"<meta name='author' content='Jo {evil} Lee'>",
    )
    article = load(html)
    for value in (article.text.replace("\n", ""), article.title, article.outlet or "", article.author or ""):
        assert FORBIDDEN.search(value) is None, value
    assert "PWNED" in article.text, "the printable rest of the sequence is kept as text"


def test_an_html_body_after_front_matter_keeps_the_front_matter_fields() -> None:
    raw = "---\ntitle: Dam holds\noutlet: Valley Times\n---\n" + page(
        f"<article>{STORY}</article>", head="<meta property='og:site_name' content='Other'>"
    )
    article, _ = parse_article(raw, "story/a.html", "a")
    assert article is not None
    assert (article.title, article.outlet) == ("Dam holds", "Valley Times")
    assert story(article) == STORY_LINES


def test_a_page_built_by_scripts_is_told_apart_from_a_page_of_menus() -> None:
    shell = "<html><head><script>load()</script></head><body><div id='app'></div><script>run()</script></body></html>"
    menus = page("<nav><a href='/'>Home</a></nav><button>Menu</button><p hidden>Loading</p>")
    [built] = parse_article(shell, "story/app.html", "app")[1]
    [menu] = parse_article(menus, "story/menu.html", "menu")[1]
    assert "no text of its own" in str(built) and "scripts" in str(built)
    assert "only menus" in str(menu)
