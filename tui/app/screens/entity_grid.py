"""The source × entity grid: who names whom, and who leaves whom out.

Rows are entities, columns are sources, cells are mention counts. A source that never
names an entity shows ``ZERO_MARK`` in a dim italic style, so an omission reads as a gap
even without colour. Cells and headers are Rich ``Text`` (literal, never markup): in
Textual 8.2.8 a ``Content`` cell has no ``__rich_measure__``, so auto-sized columns
collapse to one character. Enter on a row returns that entity to the reader (which then
highlights its mentions); Escape closes the grid.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from tui.app.screens.dialog import Dialog
from tui.app.widgets.entity_sidebar import ZERO_MARK, mention_counts
from tui.core.model import Comparison
from tui.core.views.names import source_names


def grid_rows(comparison: Comparison) -> list[tuple[str, str, list[int]]]:
    """(entity id, name, counts in article order) for every entity, most mentioned first."""
    counts = mention_counts(comparison)
    rows = [
        (e.id, e.name, [counts[e.id].get(a.id, 0) for a in comparison.articles]) for e in comparison.entities
    ]
    rows.sort(key=lambda row: (-sum(row[2]), row[1].casefold()))
    return rows


HEADER_WIDTH = 18
"""Longest source name in a column header; the full names are listed above the table."""


def short(label: str, width: int = HEADER_WIDTH) -> str:
    """``label`` cut to ``width`` cells with an ellipsis, so many sources fit across."""
    return label if len(label) <= width else label[: width - 1] + "…"


def count_cell(n: int) -> Text:
    """A count, or the zero marker styled apart (dim italic) so gaps stand out."""
    return (
        Text(str(n), style="bold", justify="right")
        if n
        else Text(ZERO_MARK, style="dim italic", justify="right")
    )


class EntityGridScreen(Dialog[str | None]):
    """A table of mention counts: rows = entities, columns = sources."""

    BINDINGS = [
        Binding("escape,q,E", "close", "Close"),
    ]
    """Enter (the table's own select) picks an entity; these close the grid."""

    def __init__(self, comparison: Comparison) -> None:
        super().__init__(id="entity-grid-screen")
        self.comparison = comparison
        self.names = source_names(comparison.articles)

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-grid-box"):
            yield Static(
                Content.assemble(
                    ("Mentions per source", "bold"),
                    (
                        f"  {ZERO_MARK} = this source never names the entity · Enter: highlight it · Esc: close\n",
                        "dim",
                    ),
                    "   ".join(f"{i}. {self.names[a.id]}" for i, a in enumerate(self.comparison.articles, 1)),
                ),
                id="entity-grid-title",
            )
            yield DataTable(id="entity-grid", cursor_type="row", zebra_stripes=True)
            yield Footer()

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#entity-grid", DataTable)
        articles = self.comparison.articles
        table.add_column(Text("Entity"), key="entity")
        for index, article in enumerate(articles, 1):
            table.add_column(Text(f"{index}. {short(self.names[article.id])}"), key=article.id)
        table.add_column(Text("Sources"), key="sources")
        for entity_id, name, counts in grid_rows(self.comparison):
            present = sum(1 for n in counts if n)
            table.add_row(
                Text(name),
                *(count_cell(n) for n in counts),
                Text(f"{present}/{len(counts)}", style="dim" if present == len(counts) else "bold"),
                key=entity_id,
            )
        if not self.comparison.entities:
            self.query_one("#entity-grid-title", Static).update(
                Content("No annotated entities: add some to annotations.yaml (a on a suggested name).")
            )
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(event.row_key.value)

    def action_close(self) -> None:
        self.dismiss(None)
