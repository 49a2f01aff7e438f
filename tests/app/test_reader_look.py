"""What the reader looks like, so nothing needs guessing: themes on every pane, a legend in the
real colours, marks that say what the current fact is, columns that stay columns, names
that are names, and a status line and facts area that fit small and crowded screens."""

from __future__ import annotations

import dataclasses

from textual.content import Content

from tests.app.conftest import ReaderOpener
from tests.app.quake_story import DEATHS_A, QUAKE, build_article, build_comparison, member
from tui.app.app import ReaderApp
from tui.app.reader.screen import ReaderScreen
from tui.app.screens.help import HelpScreen
from tui.core.model import Cluster, Comparison, Story


def _text(widget: object) -> str:
    return str(widget.content)  # type: ignore[attr-defined]


def _styles_of(content: Content) -> set[object]:
    return {span.style for span in content.spans}


async def test_a_theme_chosen_in_the_palette_restyles_every_pane_and_is_remembered(
    open_reader: ReaderOpener, comparison: Comparison
) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("right_square_bracket")
        await pilot.pause()
        dark_shared = screen.get_visual_style("mark--shared")
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"textual-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.theme == "textual-light" and app.screen is screen
        await pilot.pause()
        light_shared = screen.get_visual_style("mark--shared")
        assert light_shared != dark_shared
        for pane in screen.panes:  # every pane, not just the focused one
            quake = pane.block_at(pane.article.text.index(QUAKE))
            assert light_shared in _styles_of(quake.content)
            assert dark_shared not in _styles_of(quake.content)
        value = screen.query(".variant-value").first()
        assert screen.variants.get_visual_style("variant--value") in _styles_of(value.content)
    again = ReaderApp(comparison=comparison)  # a new run: the theme is remembered
    assert again.theme == "textual-light"


async def test_the_first_run_shows_a_legend_in_the_real_colours_and_help_shows_it_again(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        legend = screen.legend_bar
        assert legend is not None
        text = _text(legend)
        for words in ("current", "shared", "differs", "value", "only here", "boilerplate", "copied text"):
            assert words in text
        styles = _styles_of(legend.content)
        for name in ("mark--current", "mark--discrepancy", "mark--phrase", "gutter--current"):
            assert screen.get_visual_style(name) in styles  # drawn as the panes draw them
        assert screen.get_visual_style("mark--current") != screen.get_visual_style("mark--discrepancy")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.legend_bar is None
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        help_text = help_screen.query_one("#help-text").content
        assert "copied text" in str(help_text) and "words another source has verbatim" in str(help_text)
        assert screen.get_visual_style("mark--phrase") in _styles_of(help_text)
    async with open_reader() as (app, pilot, screen):  # the same user's second run
        assert screen.legend_bar is None
        assert "copied text" in _text(screen.query_one("#variants-body"))  # no fact yet: the legend


def _overlapping() -> Comparison:
    """The toll sentence of the quake story is also a shared fact of two sources (the new
    engine puts one sentence in several clusters)."""
    base = build_comparison()
    a, b, c = base.story.articles
    shared_toll = Cluster(
        "shared-toll", "shared", "Officials gave a toll", (member(a, DEATHS_A), member(c, DEATHS_A))
    )
    return dataclasses.replace(base, clusters=(*base.clusters, shared_toll))


async def test_the_gutter_of_a_row_says_what_the_current_fact_is(open_reader: ReaderOpener) -> None:
    async with open_reader(_overlapping()) as (app, pilot, screen):
        a = screen.panes[0]
        toll = a.article.text.index(DEATHS_A)
        assert a.gutter_at(toll) == " ≠"  # a discrepancy outranks a shared fact when neither is current
        screen.jump_to("shared-toll")
        await pilot.pause()
        assert a.gutter_at(toll) == "▶2"  # the current fact is the shared one: say so
        screen.jump_to("disc-deaths")
        await pilot.pause()
        assert a.gutter_at(toll) == "▶≠"


async def test_right_bracket_visits_each_fact_of_a_sentence_in_several_clusters(
    open_reader: ReaderOpener,
) -> None:
    base = build_comparison()
    a, b, c = base.story.articles
    sentence = "The 4 aftershocks came at 9 a.m., officials said."
    other = "The 5 aftershocks came at 10 a.m., officials said."
    a2 = build_article("a", "Wire One", "Quake", {1: sentence}, count=5)
    b2 = build_article("b", "Daily Two", "Quake", {3: other}, count=5)
    count = Cluster(
        "disc-count",
        "discrepancy",
        "Aftershocks: 4 or 5",
        (member(a2, sentence, "4"), member(b2, other, "5")),
        discrepancy_type="number",
        values={"a": "4", "b": "5"},
    )
    time = Cluster(
        "disc-time",
        "discrepancy",
        "Time: 9 a.m. or 10 a.m.",
        (member(a2, sentence, "9 a.m."), member(b2, other, "10 a.m.")),
        discrepancy_type="date",
        values={"a": "9 a.m.", "b": "10 a.m."},
    )
    story = Story(title="Aftershocks", path="aftershocks", articles=(a2, b2))
    comparison = dataclasses.replace(base, story=story, clusters=(count, time), mentions=())
    async with open_reader(comparison) as (app, pilot, screen):
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "disc-count"
        assert [str(v.content).split("\n")[0] for v in screen.query(".variant-value")] == ["4", "5"]
        await pilot.press("right_square_bracket")  # the same sentences, the next fact in them
        await pilot.pause()
        assert screen.current_cluster == "disc-time"
        assert [str(v.content).split("\n")[0] for v in screen.query(".variant-value")] == [
            "9 a.m.",
            "10 a.m.",
        ]
        assert screen.panes[0].gutter_at(a2.text.index(sentence)) == "▶≠"


def _many_sources(count: int) -> Comparison:
    """``count`` sources; all but two say the same thing (a fact of ``count`` - 2 sources)."""
    line = "Officials said the bridge reopened on Friday."
    articles = [
        build_article(f"s{i:03d}", f"Outlet {i}", f"Report {i}", {1: line}, count=4) for i in range(count)
    ]
    articles[5] = dataclasses.replace(articles[5], outlet=None, url="https://www.example.org/news/1")
    articles[6] = dataclasses.replace(articles[6], outlet="unknown", url=None)
    everyone = Cluster(
        "shared-bridge", "shared", "The bridge reopened", tuple(member(a, line) for a in articles)
    )
    few = Cluster("shared-few", "shared", "Few", tuple(member(a, line) for a in articles[:3]))
    story = Story(title="Bridge", path="bridge", articles=tuple(articles))
    return dataclasses.replace(build_comparison(), story=story, clusters=(everyone, few), mentions=())


async def test_facts_list_columns_hold_with_hundreds_of_sources_and_sources_have_names(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(_many_sources(200), size=(120, 40)) as (app, pilot, screen):
        rows = [str(screen.facts.query_one("#facts-list").get_option_at_index(i).prompt) for i in range(2)]
        assert rows[0].startswith("  = 200 shared") and rows[1].startswith("  =   3 shared")
        assert rows[0].index("shared") == rows[1].index("shared")  # the kind column does not move
        names = screen.names
        assert names["s000"] == "Outlet 0" and names["s005"] == "example.org" and names["s006"] == "Source 7"
        await pilot.press("p")
        await pilot.pause()
        listed = [str(o.prompt) for o in app.screen.query_one("#picker-list")._options[5:7]]
        assert listed[0].startswith("example.org") and listed[1].startswith("Source 7")


async def test_the_status_line_fits_80_columns_and_never_lists_hundreds_of_outlets(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(_many_sources(200), size=(80, 24)) as (app, pilot, screen):
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        hint = screen.status.hint_text
        assert "2 of its 200 sources shown" in hint and "Outlet" not in hint
        status = screen.query_one("#status-line")
        text = screen.query_one("#status-text")
        assert text.region.width >= 20  # the summary keeps room beside the hint
        assert _text(text).startswith("200 sources · 2 = · 0 ≠ · 0 ◆")
        assert status.region.width == 80


async def test_pane_titles_are_short_names_and_headers_stay_short(open_reader: ReaderOpener) -> None:
    base = build_comparison()
    a, b, c = base.story.articles
    long_title = "A very long headline about the quake that would take four lines in a narrow pane"
    b2 = dataclasses.replace(b, outlet=None, title=long_title, path="stories/b-file.txt")
    story = dataclasses.replace(base.story, articles=(a, b2, c))
    async with open_reader(dataclasses.replace(base, story=story), size=(120, 24)) as (app, pilot, screen):
        titles = [str(p.border_title) for p in screen.panes]
        assert titles == ["Wire One", "Source 2", "Radio Three"]  # never a file name beside outlets
        assert str(screen.panes[1].border_subtitle) == "2026-03-02 · editorial title · b-file.txt"
        assert all(p.query_one(".pane-header").region.height <= 2 for p in screen.panes)  # title + rule


async def test_at_50x15_the_facts_list_is_usable_and_the_text_keeps_room(open_reader: ReaderOpener) -> None:
    async with open_reader(size=(50, 15)) as (app, pilot, screen):
        assert isinstance(screen, ReaderScreen)
        await pilot.press("escape")  # the first run's legend
        await pilot.press("f")
        await pilot.pause()
        facts_list = screen.query_one("#facts-list")
        assert app.focused is facts_list
        assert facts_list.region.height >= 3 and facts_list.region.width >= 45  # the full width
        assert not screen.variants.display or screen.variants.region.width == 0
        pane = screen.panes[0]
        assert pane.scroller.region.height >= 4  # lines of text, not two
        await pilot.press("down", "enter")  # a fact: the variants take the area
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths" and screen.variants.region.width >= 45
        assert app.focused is not facts_list
