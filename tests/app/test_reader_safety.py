"""Hostile text, broken annotation files and failed loads: the reader shows them and survives."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

from textual.message import Message
from textual.widgets import ProgressBar

from tests.app.conftest import ReaderOpener
from tests.app.helpers import reader_session, wait_for_workers
from tests.app.quake_story import build_comparison
from tui.app.app import ReaderApp
from tui.app.messages import CompareFinished, CompareProgress, StoryLoaded
from tui.app.screens.help import HelpScreen
from tui.core.model import Annotations, Comparison, Diagnostic


def _screen_text(app: ReaderApp) -> str:
    """The characters on screen, from the app's own SVG screenshot (tags and entities removed)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


HOSTILE = "Officials [bold]denied[/] it [link=https://evil.example]here[/link] [/ and [0] \\[x]"


def _hostile() -> Comparison:
    comparison = build_comparison({"a_outlet": "[b]Wire[/] [/", "a_title": "Title [red]x[/red] [/]"})
    story = comparison.story
    a = story.articles[0]
    # Replace filler paragraph 1 of source a with markup-looking text of the same shape.
    start, end = a.paragraphs[1]
    text = a.text[:start] + HOSTILE + a.text[end:]
    shift = len(HOSTILE) - (end - start)
    paragraphs = tuple(
        (s, e) if e <= start else ((s, e + shift) if s >= end else (s, start + len(HOSTILE)))
        for s, e in a.paragraphs
    )
    a2 = dataclasses.replace(
        a,
        text=text,
        paragraphs=paragraphs,
        boilerplate=tuple(
            dataclasses.replace(b, start=b.start + shift, end=b.end + shift) for b in a.boilerplate
        ),
    )
    moved = []
    for cluster in comparison.clusters:
        members = tuple(
            dataclasses.replace(
                m,
                start=m.start + shift,
                end=m.end + shift,
                value_start=None if m.value_start is None else m.value_start + shift,
                value_end=None if m.value_end is None else m.value_end + shift,
            )
            if m.article == "a" and m.start > start
            else m
            for m in cluster.members
        )
        moved.append(dataclasses.replace(cluster, members=members))
    mentions = tuple(
        dataclasses.replace(m, start=m.start + shift, end=m.end + shift) if m.article == "a" else m
        for m in comparison.mentions
    )
    new_story = dataclasses.replace(story, articles=(a2, *story.articles[1:]), title="[/] story")
    result = dataclasses.replace(comparison, story=new_story, clusters=tuple(moved), mentions=mentions)
    for cluster in result.clusters:
        for m in cluster.members:
            article = new_story.article(m.article)
            assert article.text[m.start : m.end] == m.text
    return result


async def test_markup_in_articles_titles_and_outlets_shows_literally(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(_hostile()) as (app, pilot, screen):
        a = screen.panes[0]
        assert "[b]Wire[/] [/" in _screen_text(app)
        assert "Title [red]x[/red] [/]" in str(a.query_one(".pane-header").content)
        held = a.block_at(a.article.text.index(HOSTILE))
        assert HOSTILE in str(held.content).split("\n")
        await pilot.press("right_square_bracket", "right_curly_bracket", "n", "N", "tab", "z", "z")
        await pilot.press("slash", *"[/]", "enter", "escape")
        await pilot.pause()
        assert screen.search_state.current is not None and screen.search_state.current[0] == 0
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert HOSTILE in str(held.content).split("\n")


async def test_a_broken_annotation_file_shows_a_banner_and_the_reader_still_works(
    open_reader: ReaderOpener,
) -> None:
    broken = Annotations(
        path="notes.yaml",
        diagnostics=(
            Diagnostic(
                "error", "notes.yaml", "mapping values are not allowed here [/]", line=7, field="entities"
            ),
        ),
    )
    async with open_reader(build_comparison(annotations=broken), size=(80, 24)) as (app, pilot, screen):
        banner = screen.status.banner_text
        assert "annotation file has errors" in banner and "notes.yaml:7" in banner
        assert "[/]" in banner
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths"


async def test_a_story_that_cannot_load_shows_why(tmp_path: Path) -> None:
    app = ReaderApp([tmp_path / "missing"])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        screen = app.screen
        assert screen.story is None
        assert "missing" in screen.status.banner_text
        await pilot.press("right_square_bracket", "n", "tab", "z", "f", "b", "p", "greater_than_sign")
        await pilot.pause()
        assert app.screen is screen


async def test_the_bundled_story_is_compared_in_a_worker_and_navigable() -> None:
    messages: list[Message] = []
    async with reader_session(ReaderApp(), message_hook=messages.append) as (app, pilot, screen):
        kinds = [
            type(m)
            for m in messages
            if isinstance(m, (StoryLoaded, CompareFinished))
            or (isinstance(m, CompareProgress) and not m.text.startswith("Reading "))
        ]
        # The files are read (with their own progress), the text is shown, the comparison's
        # progress is reported, then the highlights arrive.
        assert kinds[0] is StoryLoaded and kinds[-1] is CompareFinished and CompareProgress in kinds
        assert any(
            isinstance(m, CompareProgress) and m.text.startswith("Reading 5 sources") for m in messages
        )
        assert not screen.query_one(ProgressBar).display
        assert screen.comparison is not None and len(screen.panes) == 5
        assert len(screen.visible_panes) == 4
        assert "5 sources" in str(screen.query_one("#status-text").content)
        first = screen.comparison.clusters_of("discrepancy")[0]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == first.id
        for member in first.members:
            pane = next(p for p in screen.panes if p.article.id == member.article)
            if pane.display:
                assert pane.is_offset_visible(member.start)
