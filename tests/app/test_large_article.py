"""A multi-megabyte article opens, shows its first words and follows the reading keys.

The huge pane sizes its blocks itself (estimates, exact once seen); these tests check what a
reader would notice: the text on screen is whole, G/g reach the ends, ] lands on the
discrepancy deep inside the article, and synced panes still follow.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip

from tests.app.conftest import ReaderOpener
from tui.app.widgets.article_pane import LARGE_ARTICLE, ArticlePane, Block
from tui.core.model import Annotations, Article, Cluster, Comparison, Member, Story

OPENING = "Opening words of the long inquiry report."
TOLL_BIG = "The inquiry counted 41 damaged homes along the river."
TOLL_SMALL = "The council counted 38 damaged homes along the river."
CLOSING = "Closing words of the long inquiry report."


def _paragraph(i: int) -> str:
    sentence = f"Witness {i} told the committee about the harbour project and its cost. "
    return (sentence * (1 + i % 23)).strip()


def _article(article_id: str, paragraphs: list[str]) -> Article:
    text = "\n".join(paragraphs)
    spans, position = [], 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 1
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        title=f"Report {article_id}",
        text=text,
        outlet=article_id,
        paragraphs=tuple(spans),
    )


def _member(article: Article, sentence: str) -> Member:
    start = article.text.index(sentence)
    value_start = article.text.index("counted", start) + len("counted ")
    return Member(
        article.id,
        start,
        start + len(sentence),
        sentence,
        value=sentence[20:22],
        value_start=value_start,
        value_end=value_start + 2,
    )


def _comparison() -> Comparison:
    body = [_paragraph(i) for i in range(4000)]
    giant = " ".join(_paragraph(i) for i in range(2000))  # about 1 MB with no newline
    paragraphs = [OPENING, *body[:2000], giant, *body[2000:3000], TOLL_BIG, *body[3000:], CLOSING]
    big = _article("big", paragraphs)
    small = _article("small", [f"Short report paragraph {i}." for i in range(30)] + [TOLL_SMALL])
    assert len(big.text) > 3 * LARGE_ARTICLE and len(big.text) > 2_000_000
    cluster = Cluster(
        "disc-homes",
        "discrepancy",
        "Damaged homes: 41 or 38",
        (_member(big, TOLL_BIG), _member(small, TOLL_SMALL)),
        discrepancy_type="number",
        values={"big": "41", "small": "38"},
    )
    story = Story(title="A long inquiry", path="inquiry", articles=(big, small))
    return Comparison(story=story, units={}, clusters=(cluster,), annotations=Annotations(path=None))


def _drawn_rows(block: Block, pane: ArticlePane) -> list[Strip]:
    """A block's rows that are inside the pane's viewport, as drawn."""
    top = int(max(pane.scroller.scroll_y - block.virtual_region.y, 0))
    bottom = min(top + pane.scroller.scrollable_content_region.height, block.size.height)
    return block.render_lines(Region(0, top, block.size.width, max(bottom - top, 0)))


def _screen_text(block: Block, pane: ArticlePane) -> str:
    """The text of a block's rows that are inside the pane's viewport, as drawn."""
    return " ".join(text for strip in _drawn_rows(block, pane) if (text := strip.text.strip()))


def _is_exact(block: Block) -> bool:
    """The block is as tall as its text wrapped beside the gutter, blank rows between paragraphs."""
    width = block.content_size.width - block.GUTTER
    text = str(block.content)
    wrapped = Content(text).get_height(block.styles, width)
    paragraphs_after = sum(1 for gap in block.gaps if gap < len(text))
    return block.size.height == wrapped + paragraphs_after


async def test_a_multi_megabyte_article_opens_and_follows_reading_keys(open_reader: ReaderOpener) -> None:
    async with open_reader(_comparison()) as (app, pilot, screen):
        big, small = screen.panes
        first = big.blocks[0]
        assert big.sized and not small.sized
        assert _screen_text(first, big).startswith(OPENING)
        assert _is_exact(first)

        big.scroller.focus()
        await pilot.press("G")
        await pilot.pause()
        assert big.scroller.scroll_y == big.scroller.max_scroll_y > 1000
        last = big.blocks[-1]
        assert _is_exact(last)
        assert _screen_text(last, big).endswith(CLOSING)
        assert small.scroller.scroll_y == small.scroller.max_scroll_y  # synced

        await pilot.press("g")
        await pilot.pause()
        assert big.scroller.scroll_y == 0 and small.scroller.scroll_y == 0

        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "disc-homes"
        offset = big.article.text.index(TOLL_BIG)
        assert big.is_offset_visible(offset) and small.is_offset_visible(small.article.text.index(TOLL_SMALL))
        holder = big.block_at(offset)
        assert _is_exact(holder)
        assert TOLL_BIG in _screen_text(holder, big)


async def test_zooming_a_huge_pane_keeps_the_statement_in_view_and_rewraps_it(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(_comparison()) as (app, pilot, screen):
        big = screen.panes[0]
        offset = big.article.text.index(TOLL_BIG)
        narrow = big.blocks[0].content_size.width
        big.scroller.focus()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        await pilot.pause()
        holder = big.block_at(offset)
        assert holder.content_size.width > narrow
        assert big.is_offset_visible(offset)
        assert _is_exact(holder)
        assert TOLL_BIG in _screen_text(holder, big)


async def test_page_down_continues_the_huge_article_and_its_highlights_are_drawn(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(_comparison()) as (app, pilot, screen):
        big = screen.panes[0]
        first = big.blocks[0]
        shown = [strip.text.rstrip() for strip in _drawn_rows(first, big)]
        big.scroller.focus()
        await pilot.press("pagedown")
        await pilot.pause()
        after = [strip.text.rstrip() for strip in _drawn_rows(first, big)]
        assert big.scroller.scroll_y == len(shown) - 1  # one line of context kept
        assert after[0] == shown[-1] and len(after) == len(shown)
        assert OPENING not in _screen_text(first, big)

        await pilot.press("right_square_bracket")
        await pilot.pause()
        offset = big.article.text.index(TOLL_BIG)
        holder = big.block_at(offset)
        assert big.gutter_at(offset) == "▶≠"
        segments = [segment for strip in _drawn_rows(holder, big) for segment in strip]
        value = next(segment for segment in segments if segment.text == "41")
        plain = next(segment for segment in segments if segment.text.startswith("Witness"))
        assert value.style != plain.style  # the differing value stands out in the huge pane
