"""The entity sidebar: who the story is about, and how often each source names them.

Entities come from the annotation file (grouped by type, coloured by the type's colour when
the file gives one); names that several sources use but the file does not know are listed
under "Suggested" so the user can adopt them with ``a``. Every label is built as a Rich
``Text`` from plain strings: ``Tree`` parses ``str`` labels as markup, and entity names
are user data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rich.color import ColorParseError
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Static, Tree
from textual.widgets.tree import TreeNode

from tui.core.load.sanitize import visible_text
from tui.core.model import Article, Comparison, Entity, Mention, SuggestedEntity
from tui.core.views.names import source_names

ZERO_MARK = "—"
"""Shown where a source never names an entity: a glyph, so absence does not rest on colour."""


@dataclass(frozen=True)
class EntityItem:
    """Tree node data for an annotated entity."""

    entity_id: str


@dataclass(frozen=True)
class SuggestionItem:
    """Tree node data for a suggested (not yet annotated) entity."""

    suggestion: SuggestedEntity


SidebarItem = EntityItem | SuggestionItem | None


def mention_counts(comparison: Comparison) -> dict[str, Counter[str]]:
    """Mentions per entity per article id, in one pass over the mentions."""
    counts: dict[str, Counter[str]] = {entity.id: Counter() for entity in comparison.entities}
    for mention in comparison.mentions:
        counts.setdefault(mention.entity, Counter())[mention.article] += 1
    return counts


def ordered_mentions(comparison: Comparison, entity_id: str) -> tuple[Mention, ...]:
    """One entity's mentions in reading order: article display order, then text order."""
    rank = {article.id: index for index, article in enumerate(comparison.articles)}
    return tuple(
        sorted(
            comparison.mentions_of(entity_id), key=lambda m: (rank.get(m.article, len(rank)), m.start, m.end)
        )
    )


def step_mention(
    mentions: Sequence[Mention], articles: Sequence[Article], at: tuple[str, int] | None, step: int
) -> Mention | None:
    """The mention after (``step`` > 0) or before ``at`` = (article id, offset), wrapping.

    ``mentions`` must be in reading order (``ordered_mentions``). With no position yet,
    forward starts at the first mention and backward at the last.
    """
    if not mentions:
        return None
    if at is None:
        return mentions[0] if step > 0 else mentions[-1]
    rank = {article.id: index for index, article in enumerate(articles)}
    here = (rank.get(at[0], len(rank)), at[1])
    keys = [(rank.get(m.article, len(rank)), m.start) for m in mentions]
    if step > 0:
        return next((m for m, k in zip(mentions, keys, strict=False) if k > here), mentions[0])
    return next(
        (m for m, k in zip(reversed(mentions), reversed(keys), strict=False) if k < here), mentions[-1]
    )


MANY = "+"
"""Stands for 10 or more mentions in the per-source strip."""

STRIP_SOURCES = 6
"""Up to this many sources the strip has a cell per source; beyond, it counts them."""


def count_strip(counts: Counter[str], articles: Sequence[Article]) -> Text:
    """A cell per source, in article order and a space apart: 1-9, ``MANY`` for 10+, a dim
    ``ZERO_MARK`` for none; with more sources than fit, how many of them name the entity.

    The cells keep the strips of every entity in aligned columns, so a source that leaves
    someone out reads as a vertical run of gaps; exact counts are in the grid (E).
    """
    strip = Text()
    if len(articles) > STRIP_SOURCES:
        naming = sum(1 for article in articles if counts.get(article.id, 0))
        width = len(str(len(articles)))
        strip.append(f"{naming:>{width}}/{len(articles)}", style="bold" if naming else "dim")
        return strip
    for index, article in enumerate(articles):
        if index:
            strip.append(" ")
        n = counts.get(article.id, 0)
        if n:
            strip.append(str(n) if n < 10 else MANY, style="bold")
        else:
            strip.append(ZERO_MARK, style="dim")
    return strip


def type_style(colour: str | None) -> Style:
    """The style for a type's colour from the annotation file; unknown colours are ignored."""
    if not colour:
        return Style(bold=True)
    try:
        return Style(color=colour, bold=True)
    except ColorParseError:  # a colour Rich does not know: user data, not our bug
        return Style(bold=True)


def entity_label(
    entity: Entity,
    counts: Counter[str],
    articles: Sequence[Article],
    *,
    focused: bool = False,
    style: Style | None = None,
) -> Text:
    """``▶ 6 3 + 1 —  37 Pete Hegseth``: the per-source strip, the total, then the name."""
    label = Text()
    label.append("▶ " if focused else "  ", style="bold")
    label.append_text(count_strip(counts, articles))
    label.append(f" {sum(counts.values()):>4} ", style="dim")
    label.append(
        visible_text(entity.name),
        style=(style or Style()) + (Style(bold=True, underline=True) if focused else Style()),
    )
    return label


def suggestion_label(suggestion: SuggestedEntity, articles: Sequence[Article]) -> Text:
    """``  • • — • •    7 Name``: which sources use an unknown name, how often, and the name."""
    label = Text("  ")
    if len(articles) > STRIP_SOURCES:
        width = len(str(len(articles)))
        label.append(f"{len(set(suggestion.articles)):>{width}}/{len(articles)}", style="bold")
    else:
        for index, article in enumerate(articles):
            present = article.id in suggestion.articles
            label.append(
                (" " if index else "") + ("•" if present else ZERO_MARK), style="bold" if present else "dim"
            )
    label.append(f" {suggestion.count:>4} ", style="dim")
    label.append(suggestion.name, style="italic")
    return label


class EntitySidebar(Vertical):
    """Entities grouped by type with per-source mention counts, plus suggested names."""

    BINDINGS = [
        Binding("a", "add_suggestion", "Add entity", tooltip="Add the suggested name to annotations.yaml"),
    ]
    """``a`` only means something here, on a suggested name."""

    focused_entity: reactive[str | None] = reactive(None, init=False)
    """The entity whose mentions the panes highlight (drawn with a marker in the tree)."""

    class EntityChosen(Message):
        """The user pressed Enter on an entity: highlight its mentions everywhere."""

        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    class SuggestionChosen(Message):
        """The user asked to add a suggested name to the annotation file."""

        def __init__(self, suggestion: SuggestedEntity) -> None:
            super().__init__()
            self.suggestion = suggestion

    class GridRequested(Message):
        """The user asked for the source × entity grid."""

    def __init__(
        self,
        comparison: Comparison | None = None,
        *,
        id: str | None = "entity-sidebar",
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        yield Static(id="sidebar-header", markup=False)
        yield Static(id="sidebar-problems", markup=False)
        yield Static(id="sidebar-legend", markup=False)
        tree: Tree[SidebarItem] = Tree(Text("Entities"), id="entity-tree")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree
        yield Static(id="entity-details", markup=False)
        yield Button(Content("Source × entity grid (E)"), id="open-grid", compact=True)

    def on_mount(self) -> None:
        try:
            self._rebuild()
        except NoMatches:
            return  # the reader closed (q at once) while the sidebar was being mounted

    @property
    def entity_tree(self) -> Tree[SidebarItem]:
        """The tree listing entities and suggestions."""
        return self.query_one("#entity-tree", Tree)

    def show_comparison(self, comparison: Comparison | None) -> None:
        """Rebuild the sidebar for a (new or recomputed) comparison, keeping the cursor's entity."""
        self.comparison = comparison
        if self.is_mounted:
            self._rebuild()

    def _rebuild(self) -> None:
        comparison = self.comparison
        tree = self.entity_tree
        previous = tree.cursor_node.data if tree.cursor_node is not None else None
        tree.clear()
        self._show_header(comparison)
        if comparison is None:
            return
        counts = mention_counts(comparison)
        articles = comparison.articles
        colours = {t.name: t.colour for t in comparison.annotations.types}
        by_type: dict[str, list[Entity]] = {}
        for entity in comparison.entities:
            by_type.setdefault(entity.type, []).append(entity)
        restore: TreeNode[SidebarItem] | None = None
        for type_name, entities in by_type.items():
            style = type_style(colours.get(type_name))
            group = tree.root.add(
                Text.assemble((visible_text(type_name), style), (f"  {len(entities)}", "dim")), expand=True
            )
            for entity in sorted(entities, key=lambda e: (-sum(counts[e.id].values()), e.name.casefold())):
                item = EntityItem(entity.id)
                node = group.add_leaf(
                    entity_label(
                        entity,
                        counts[entity.id],
                        articles,
                        focused=entity.id == self.focused_entity,
                        style=style,
                    ),
                    data=item,
                )
                if item == previous:
                    restore = node
        if comparison.suggestions:
            group = tree.root.add(
                Text.assemble(("Suggested", "bold italic"), (f"  {len(comparison.suggestions)}", "dim")),
                expand=True,
            )
            for suggestion in comparison.suggestions:
                suggested = SuggestionItem(suggestion)
                node = group.add_leaf(suggestion_label(suggestion, articles), data=suggested)
                if suggested == previous:
                    restore = node
        if restore is not None:
            # A new node has no line number until the tree lays out its lines.
            self.call_after_refresh(tree.move_cursor, restore)

    def _show_header(self, comparison: Comparison | None) -> None:
        header = self.query_one("#sidebar-header", Static)
        problems = self.query_one("#sidebar-problems", Static)
        legend = self.query_one("#sidebar-legend", Static)
        if comparison is None:
            header.update(Content("Entities: waiting for the comparison…"))
            problems.display = legend.display = False
            return
        header.update(
            Content.assemble(
                ("Entities ", "bold"),
                (f"{len(comparison.entities)}", "bold"),
                (self._strip_help(len(comparison.articles)), "dim"),
            )
        )
        names = source_names(comparison.articles)
        legend.update(Content("\n".join(f"{i}. {names[a.id]}" for i, a in enumerate(comparison.articles, 1))))
        legend.display = True
        diagnostics = [d for d in comparison.annotations.diagnostics if d.severity == "error"]
        problems.display = bool(diagnostics)
        if diagnostics:
            lines = [f"⚠ {len(diagnostics)} annotation error(s):"]
            lines += [f"• {d}" for d in diagnostics[:3]]
            if len(diagnostics) > 3:
                lines.append(f"… and {len(diagnostics) - 3} more (storydiff check)")
            problems.update(Content("\n".join(lines)))

    @staticmethod
    def _strip_help(sources: int) -> str:
        if sources > STRIP_SOURCES:
            return f"\nsources naming it (of {sources}) · mentions · name"
        return f"\nmentions in sources 1-{sources} ({ZERO_MARK} none, {MANY} 10+) · total · name"

    def watch_focused_entity(self, old: str | None, new: str | None) -> None:
        if self.comparison is None or not self.entity_tree.root.children:
            return
        counts = mention_counts(self.comparison)
        colours = {t.name: t.colour for t in self.comparison.annotations.types}
        entities = {e.id: e for e in self.comparison.entities}
        for node in self._entity_nodes():
            data = node.data
            if isinstance(data, EntityItem) and data.entity_id in (old, new) and data.entity_id in entities:
                entity = entities[data.entity_id]
                node.set_label(
                    entity_label(
                        entity,
                        counts[entity.id],
                        self.comparison.articles,
                        focused=entity.id == new,
                        style=type_style(colours.get(entity.type)),
                    )
                )

    def _entity_nodes(self) -> list[TreeNode[SidebarItem]]:
        return [leaf for group in self.entity_tree.root.children for leaf in group.children]

    def select_entity(self, entity_id: str) -> bool:
        """Move the tree cursor to an entity (e.g. one picked in the grid)."""
        for node in self._entity_nodes():
            if node.data == EntityItem(entity_id):
                self.call_after_refresh(self.entity_tree.move_cursor, node)
                return True
        return False

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[SidebarItem]) -> None:
        event.stop()
        self.query_one("#entity-details", Static).update(self._details(event.node.data))

    def _details(self, item: SidebarItem) -> Content:
        """Aliases, description and per-source counts of the entity under the cursor."""
        if self.comparison is None or item is None:
            return Content("")
        articles = self.comparison.articles
        if isinstance(item, SuggestionItem):
            names = source_names(articles)
            where = ", ".join(names.get(a, a) for a in item.suggestion.articles)
            return Content.assemble(
                (item.suggestion.name, "bold"),
                ("  not annotated\n", "dim"),
                f"in {where}\n",
                ("a: add to annotations.yaml", "dim"),
            )
        entity = next((e for e in self.comparison.entities if e.id == item.entity_id), None)
        if entity is None:
            return Content("")
        counts = mention_counts(self.comparison)[entity.id]
        # Annotation values are cleaned when the file is loaded; spelled out here as well,
        # since a comparison can reach the reader without passing through the loader.
        parts: list[str | tuple[str, str]] = [
            (visible_text(entity.name), "bold"),
            (visible_text(f"  {entity.type} · {entity.id}"), "dim"),
        ]
        if entity.aliases:
            parts.append("\naka " + visible_text(", ".join(entity.aliases)))
        if entity.description:
            parts.append("\n" + visible_text(entity.description, keep_newlines=True))
        names = source_names(articles)
        silent = [names[a.id] for a in articles if not counts.get(a.id)]
        if silent:
            parts.append(("\nnot named by: " + ", ".join(silent), "italic"))
        parts.append(("\nEnter: highlight · m/M: step · A: add alias", "dim"))
        return Content.assemble(*parts)

    def on_tree_node_selected(self, event: Tree.NodeSelected[SidebarItem]) -> None:
        event.stop()
        if isinstance(event.node.data, EntityItem):
            self.post_message(self.EntityChosen(event.node.data.entity_id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open-grid":
            event.stop()
            self.post_message(self.GridRequested())

    def action_add_suggestion(self) -> None:
        node = self.entity_tree.cursor_node
        if node is not None and isinstance(node.data, SuggestionItem):
            self.post_message(self.SuggestionChosen(node.data.suggestion))
        else:
            self.notify(
                "Put the cursor on a name under “Suggested” to add it.", markup=False, severity="warning"
            )
