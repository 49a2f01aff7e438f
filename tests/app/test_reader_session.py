"""What survives the end of a session, and what the reader reports at its start: marked facts
kept per story (never in the story folder), and curated claims that no longer match."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from textual.widgets import OptionList

from tests.app.conftest import ReaderOpener
from tests.app.quake_story import build_comparison
from tui.app.reader.screen import ReaderScreen
from tui.core.model import Comparison, Orphan, TextQuote


def _marked_rows(screen: ReaderScreen) -> list[str]:
    facts = screen.query_one("#facts-list", OptionList)
    return [option.id or "" for option in facts.options if str(option.prompt).startswith("●")]


async def test_marked_facts_are_kept_for_the_story_when_the_user_quits(
    open_reader: ReaderOpener, comparison: Comparison, private_state: Path
) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("right_square_bracket", "space", "right_curly_bracket", "space")
        await pilot.pause()
        assert screen.marked == {"disc-deaths", "shared-magnitude"}
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    saved = json.loads((private_state / "storydiff" / "state.json").read_text(encoding="utf-8"))
    assert len(saved["stories"]) == 1  # kept in the user's state folder, keyed by the story
    async with open_reader() as (app, pilot, screen):
        assert screen.marked == {"disc-deaths", "shared-magnitude"}
        assert _marked_rows(screen) == ["disc-deaths", "shared-magnitude"]
        notices = [str(n.message) for n in app._notifications]
        assert any("2 fact(s) marked in your last session are marked again" in n for n in notices)
        await pilot.press("right_square_bracket", "space")  # unmark: forgotten next time too
        await pilot.pause()
    async with open_reader() as (app, pilot, screen):
        assert screen.marked == {"shared-magnitude"}


async def test_marks_of_another_story_or_of_a_fact_that_changed_are_not_restored(
    open_reader: ReaderOpener, comparison: Comparison
) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("right_square_bracket", "space", "right_curly_bracket", "space")
        await pilot.pause()
    relabelled = tuple(
        dataclasses.replace(c, label="Death toll: 12, 15 or 20") if c.id == "disc-deaths" else c
        for c in comparison.clusters
    )
    async with open_reader(dataclasses.replace(comparison, clusters=relabelled)) as (app, pilot, screen):
        assert screen.marked == {"shared-magnitude"}  # the same id, another fact: not marked
        notices = [str(n.message) for n in app._notifications]
        assert any("1 no longer found in the story" in n for n in notices)
    other = dataclasses.replace(comparison, story=dataclasses.replace(comparison.story, path="elsewhere"))
    async with open_reader(other) as (app, pilot, screen):
        assert screen.marked == set()


async def test_the_story_folder_is_never_written(tmp_path: Path, open_reader: ReaderOpener) -> None:
    story = dataclasses.replace(build_comparison().story, path=str(tmp_path))
    async with open_reader(dataclasses.replace(build_comparison(), story=story)) as (app, pilot, screen):
        await pilot.press("right_square_bracket", "space")
        await pilot.pause()
    assert list(tmp_path.iterdir()) == []


async def test_orphaned_claims_are_shown_in_the_reader_until_esc(open_reader: ReaderOpener) -> None:
    orphan = Orphan(
        "toll-verdict",
        TextQuote("At least 20 people were killed"),
        0,
        "claim 'toll-verdict': quote \"At least 20 people were killed\" is not found in any article; "
        "copy the text exactly from the article as storydiff shows it",
    )
    base = build_comparison()
    annotations = dataclasses.replace(base.annotations, path="quake/annotations.yaml")
    with_orphan = dataclasses.replace(base, orphans=(orphan,), annotations=annotations)
    async with open_reader(with_orphan) as (app, pilot, screen):
        banner = screen.status.banner_text
        assert "1 curated claim quote in quake/annotations.yaml no longer matches the text" in banner
        assert "claim 'toll-verdict'" in banner and "At least 20 people were killed" in banner
        await pilot.press("escape")  # the first run's legend goes first
        await pilot.press("escape")
        await pilot.pause()
        assert screen.status.banner_text == ""
