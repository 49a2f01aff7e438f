"""The variants view: one box per differing value, naming the sources that give it."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tests.app.quake_story import build_article, member
from tui.app.widgets.variants import SHOWN_SOURCES, VariantsView
from tui.core.model import Cluster, Story
from tui.core.views.names import source_names


class VariantsApp(App[None]):
    def compose(self) -> ComposeResult:
        yield VariantsView(id="variants")


def _story_of_many(count: int) -> tuple[Story, Cluster]:
    """``count`` sources; the first three say 120 people were evacuated, the rest say 90."""
    articles, members, values = [], [], {}
    for i in range(count):
        value = "120" if i < 3 else "90"
        sentence = f"Officials said {value} people were evacuated."
        article = build_article(f"s{i:03d}", f"Outlet {i}", f"Report {i}", {1: sentence}, count=3)
        articles.append(article)
        members.append(member(article, sentence, value))
        values[article.id] = value
    cluster = Cluster(
        "disc-evacuated",
        "discrepancy",
        "Evacuated: 120 or 90",
        tuple(members),
        discrepancy_type="number",
        values=values,
    )
    return Story(title="Evacuation", path="evacuation", articles=tuple(articles)), cluster


async def test_a_value_given_by_many_sources_is_one_box_that_counts_the_rest() -> None:
    story, cluster = _story_of_many(40)
    app = VariantsApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(VariantsView)
        view.show(cluster, source_names(story.articles))
        await pilot.pause()
        boxes = [str(box.content) for box in app.query(".variant-value")]
        assert boxes == [
            "120\nOutlet 0, Outlet 1, Outlet 2",
            "90\n"
            + ", ".join(f"Outlet {i}" for i in range(3, 3 + SHOWN_SOURCES))
            + f" and {37 - SHOWN_SOURCES} more",
        ]
        body = str(app.query_one("#variants-body").content)
        assert body.count("people were evacuated") == 40  # every source's wording is listed
