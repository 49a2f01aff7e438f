"""What the reader shows: a pane per source, headers, gutter marks, paging, zoom, picker."""

from __future__ import annotations

import dataclasses

from textual.widgets import OptionList, SelectionList

from tests.app.conftest import ReaderOpener
from tests.app.quake_story import BAKERY, DEATHS_A, QUAKE
from tui.app.reader.screen import ReaderScreen
from tui.app.screens.pane_picker import PanePicker
from tui.app.widgets.article_pane import ArticlePane, block_ranges
from tui.core.model import Article, Boilerplate, Comparison


def _text(widget: object) -> str:
    return str(widget.content)  # type: ignore[attr-defined]


async def test_every_source_gets_a_pane_headed_by_outlet_title_and_date(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        assert isinstance(screen, ReaderScreen)
        assert [p.article.id for p in screen.visible_panes] == ["a", "b", "c"]
        headers = [_text(p.query_one(".pane-header")) for p in screen.panes]
        assert headers == ["Quake hits coast", "Dozens feared dead", "Coast shaken"]  # one line each
        assert [str(p.border_title) for p in screen.panes] == ["Wire One", "Daily Two", "Radio Three"]
        # The date and whether the title is the editor's go in the bottom border.
        assert [str(p.border_subtitle) for p in screen.panes] == [
            "2026-03-02",
            "2026-03-02 · editorial title",
            "2026-03-02",
        ]
        assert _text(screen.panes[0].blocks[0]).split("\n")[0] == QUAKE
        assert (
            _text(screen.query_one("#status-text"))
            == "3 sources · 2 shared · 2 discrepancies · 1 unique · Quake on the coast"
        )


async def test_the_gutter_repeats_what_the_colours_say(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        a, _, c = app.screen.panes
        quake, deaths = a.article.text.index(QUAKE), a.article.text.index(DEATHS_A)
        assert a.block_at(quake) is a.block_at(deaths)  # one block, a mark on every row
        assert a.gutter_at(quake) == " 3"
        assert a.gutter_at(deaths) == " ≠"
        assert c.gutter_at(c.article.text.index(BAKERY)) == " ◆"
        assert a.gutter_at(a.article.boilerplate[0].start) == " ·"
        assert a.gutter_at(a.article.text.index("Background paragraph 3 ")) == "  "
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert a.gutter_at(deaths) == "▶≠" and a.gutter_at(quake) == " 3"


async def test_at_80_columns_two_panes_fit_and_the_others_are_paged(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(size=(80, 24)) as (app, pilot, screen):
        assert [p.article.id for p in screen.visible_panes] == ["a", "b"]
        assert all(p.size.width >= 38 for p in screen.visible_panes)
        assert "2 of 3 sources shown" in screen.status.hint_text
        assert [p.article.id for p in screen.query(ArticlePane)] == ["a", "b"]  # c is built when shown
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert [p.article.id for p in screen.visible_panes] == ["b", "c"]
        assert [p.article.id for p in screen.query(ArticlePane)] == ["a", "b", "c"]
        assert screen.panes[2].region.x > screen.panes[1].region.x >= 0
        assert screen.panes[2].region.width >= 38 and screen.panes[2].scroller.virtual_size.height > 0
        await pilot.press("greater_than_sign")
        assert [p.article.id for p in screen.visible_panes] == ["b", "c"]
        await pilot.press("less_than_sign")
        assert [p.article.id for p in screen.visible_panes] == ["a", "b"]
        assert screen.focused_pane == 1  # paging right moved focus onto a visible pane
        await pilot.press("tab")
        await pilot.pause()
        assert screen.focused_pane == 2
        assert [p.article.id for p in screen.visible_panes] == ["b", "c"]
        assert app.focused is screen.panes[2].scroller


async def test_z_zooms_the_focused_pane_to_full_width_and_back(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("tab", "z")
        await pilot.pause()
        assert [p.article.id for p in screen.visible_panes] == ["b"]
        assert screen.panes[1].size.width >= 150
        await pilot.press("tab")
        await pilot.pause()
        assert [p.article.id for p in screen.visible_panes] == ["c"]
        await pilot.press("z")
        await pilot.pause()
        assert len(screen.visible_panes) == 3


async def test_p_picks_which_sources_are_shown(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("p")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PanePicker)
        assert picker.query_one(SelectionList).selected == [0, 1, 2]
        assert app.focused is picker.query_one("#picker-filter")  # type to filter at once
        await pilot.press("down", "space", "enter")  # to the list, untick the first, show
        await pilot.pause()
        assert app.screen is screen
        assert screen.window.shown == [1, 2]
        assert [p.article.id for p in screen.visible_panes] == ["b", "c"]
        await pilot.press("p", "escape")
        await pilot.pause()
        assert screen.window.shown == [1, 2]


async def test_the_picker_filters_two_hundred_sources_and_unticks_them_all_at_once(
    open_reader: ReaderOpener,
) -> None:
    from tests.app.quake_story import build_article
    from tui.core.model import Annotations, Story

    articles = tuple(
        build_article(f"s{i:03d}", f"Outlet {i}", f"Report number {i}", {}, count=2) for i in range(200)
    )
    story = Story(title="Many", path="many", articles=articles)
    comparison = Comparison(story=story, units={}, clusters=(), annotations=Annotations(path=None))
    async with open_reader(comparison, size=(120, 40)) as (app, pilot, screen):
        await pilot.press("p")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PanePicker)
        title = picker.query_one("#picker-title")
        assert "200 of 200 ticked" in _text(title)
        await pilot.press("down", "n")  # none
        assert "0 of 200 ticked" in _text(title)
        await pilot.press("shift+tab", *"outlet 42")  # back to the filter: only what matches
        await pilot.pause()
        listed = picker.query_one(SelectionList)
        assert listed.option_count == 2 and "2 of 200 listed" in _text(title)  # 42 and 142
        await pilot.press("down", "space")
        await pilot.press("shift+tab", "ctrl+u", *"report number 19")  # 19, 119 and 190-199
        await pilot.pause()
        assert listed.option_count == 12
        await pilot.press("down", "a", "enter")  # tick all of those, show
        await pilot.pause()
        assert app.screen is screen
        assert screen.window.shown == [19, 42, 119, *range(190, 200)]
        assert [p.pane_index for p in screen.visible_panes] == [19, 42, 119]


async def test_f_toggles_the_facts_list_and_b_hides_boilerplate(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(size=(80, 24)) as (app, pilot, screen):
        area = screen.query_one("#facts-area")
        assert not area.display  # too little room at 24 rows until asked for
        await pilot.press("f")
        assert area.display and isinstance(app.focused, OptionList)
        await pilot.press("f")
        assert not area.display and app.focused is screen.panes[0].scroller
        pane = screen.panes[0]
        boilerplate = pane.block_at(pane.article.boilerplate[0].start)
        assert boilerplate.display
        await pilot.press("b")
        assert not boilerplate.display
        await pilot.press("b")
        assert boilerplate.display


def test_long_paragraphs_are_cut_at_spaces_and_huge_articles_grouped() -> None:
    words = " ".join(["word"] * 2000)
    article = Article(id="x", path="x", title="x", text=words, paragraphs=((0, len(words)),))
    ranges = block_ranges(article)
    assert len(ranges) > 1
    assert "".join(words[s:e] for s, e, _ in ranges) == words
    assert all(words[e - 1] == " " and not gaps for _, e, gaps in ranges[:-1])
    many = "\n".join(f"line {i}" for i in range(5000))
    huge = Article(id="y", path="y", title="y", text=many)
    grouped = block_ranges(huge)
    assert 1 < len(grouped) <= 10
    assert grouped[0].start == 0 and grouped[-1].end == len(many)
    first = many[grouped[0].start : grouped[0].end]
    assert [first[gap] for gap in grouped[0].gaps] == ["\n"] * first.count("\n")
    assert len(block_ranges(huge, max_blocks=3)) <= 4  # greedy packing: about the cap


def test_boilerplate_never_shares_a_block_with_the_story() -> None:
    paragraphs = ["Storm closes the harbour.", "Subscribe to our newsletter.", "Ferries resume."]
    text = "\n".join(paragraphs)
    spans = ((0, 25), (26, 54), (55, len(text)))
    article = Article(
        id="x", path="x", title="x", text=text, paragraphs=spans, boilerplate=(Boilerplate(26, 54, "promo"),)
    )
    assert [(r.start, r.end) for r in block_ranges(article)] == list(spans)


async def test_panes_are_article_panes(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        assert all(isinstance(p, ArticlePane) for p in app.screen.query(ArticlePane))


async def test_clicking_a_statement_makes_its_fact_current(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        c = screen.panes[2]
        quake = c.article.text.index(QUAKE)
        block = c.block_at(quake)
        row = block.row_of(quake - block.start + 5, block.size.width)
        await pilot.click(block, offset=(block.GUTTER + 5, row))
        await pilot.pause()
        assert screen.current_cluster == "shared-quake"
        assert screen.focused_pane == 2
        assert "A strong earthquake" in str(screen.query_one("#variants-title").content)


async def test_highlight_colours_follow_the_theme(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        body = app.screen.panes[0].blocks[0]
        dark = [span.style for span in body.content.spans]
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light = [span.style for span in body.content.spans]
        assert dark and light and dark != light


async def test_variants_show_the_users_verdict(open_reader: ReaderOpener) -> None:
    import dataclasses

    from tests.app.quake_story import build_comparison
    from tui.core.model import Verdict

    base = build_comparison()
    clusters = tuple(
        dataclasses.replace(c, verdict=Verdict("rounding", "12 is an early count"))
        if c.id == "disc-deaths"
        else c
        for c in base.clusters
    )
    async with open_reader(dataclasses.replace(base, clusters=clusters)) as (app, pilot, screen):
        await pilot.press("right_square_bracket")
        await pilot.pause()
        title = str(app.screen.query_one("#variants-title").content)
        assert "your verdict: rounding (12 is an early count)" in title


async def test_a_jump_lands_on_the_statement_line_inside_a_long_paragraph(
    open_reader: ReaderOpener,
) -> None:
    import dataclasses

    from tests.app.quake_story import build_comparison
    from tui.core.model import Cluster, Member

    base = build_comparison()
    a = base.story.articles[0]
    # Paragraph 10 of a: filler repeated into one long paragraph with a statement at its end.
    start, end = a.paragraphs[10]
    statement = "The harbour wall gave way at noon."
    long_paragraph = " ".join([a.text[start:end]] * 12) + " " + statement
    text = a.text[:start] + long_paragraph + a.text[end:]
    shift = len(long_paragraph) - (end - start)
    paragraphs = (
        *a.paragraphs[:10],
        (start, start + len(long_paragraph)),
        *((s + shift, e + shift) for s, e in a.paragraphs[11:]),
    )
    a2 = dataclasses.replace(a, text=text, paragraphs=paragraphs, boilerplate=())
    offset = text.index(statement)
    cluster = Cluster(
        "unique-wall",
        "unique",
        "The wall gave way",
        (Member("a", offset, offset + len(statement), statement),),
    )
    story = dataclasses.replace(base.story, articles=(a2, *base.story.articles[1:]))
    comparison = dataclasses.replace(base, story=story, clusters=(cluster,), mentions=())
    async with open_reader(comparison) as (app, pilot, screen):
        screen.jump_to("unique-wall")
        await pilot.pause()
        pane = screen.panes[0]
        assert pane.is_offset_visible(offset)
        # margin 1: the statement's line is the second visible line, not somewhere below
        assert pane.offset_y(offset, exact=True) - pane.scroller.scroll_y == 1


async def test_a_fact_held_by_a_source_off_screen_says_where_else_it_is(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(size=(80, 24)) as (app, pilot, screen):
        screen.jump_to("disc-deaths")  # members in a, b and c; two panes fit
        await pilot.pause()
        hidden = [p for p in screen.panes if not p.display]
        assert len(hidden) == 1
        assert "2 of its 3 sources shown" in screen.status.hint_text


async def test_dragging_the_mouse_selects_the_article_text_without_the_gutter(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        block = app.screen.panes[0].blocks[0]
        assert str(block.content).startswith(QUAKE)
        row = block.row_of(0, block.size.width)  # below the filler that levels it with c
        await pilot.mouse_down(block, offset=(block.GUTTER + 2, row))
        await pilot.hover(block, offset=(block.GUTTER + 12, row))
        await pilot.mouse_up(block, offset=(block.GUTTER + 12, row))
        await pilot.pause()
        assert app.screen.get_selected_text() == QUAKE[2:13]


async def test_boilerplate_hidden_with_b_stays_hidden_in_a_pane_built_later(
    open_reader: ReaderOpener,
    comparison: Comparison,
) -> None:
    a, b, c = comparison.story.articles
    story = dataclasses.replace(comparison.story, articles=(b, c, a))
    async with open_reader(dataclasses.replace(comparison, story=story), size=(80, 24)) as (
        app,
        pilot,
        screen,
    ):
        late = screen.panes[2]
        assert late.article.id == "a" and not late.is_mounted
        await pilot.press("b", "greater_than_sign")
        await pilot.pause()
        assert late.display and late.is_mounted
        assert not late.block_at(late.article.boilerplate[0].start).display
        assert late.block_at(late.article.text.index(QUAKE)).display
