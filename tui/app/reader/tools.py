"""The reader's entity, export and clipboard tools, and its edits of the annotation file.

A plain object the reader screen holds (``ReaderScreen.tools``) and binds its keys to; it acts
on the screen only through ``ReaderHost``, so it does not import the screen. The sidebar, the
grid, the dialogs and the annotation editor are imported where they are used: the reader's
first frame does without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.widget import Widget
    from textual.widgets import OptionList

    from tui.app.state import ReaderState
    from tui.app.widgets.article_pane import ArticlePane
    from tui.app.widgets.entity_sidebar import EntitySidebar
    from tui.app.widgets.facts_panel import FactsPanel
    from tui.core.model import Comparison, Mention, SuggestedEntity


class ReaderHost(Protocol):
    """What the tools use of the reader screen."""

    comparison: Comparison | None
    panes: list[ArticlePane]
    focused_pane: int
    entity_focus: str | None
    marked: set[str]
    names: dict[str, str]
    state: ReaderState

    @property
    def app(self) -> App[object]: ...

    @property
    def focused(self) -> Widget | None: ...

    @property
    def current_cluster(self) -> str | None: ...

    @property
    def search_text(self) -> str: ...

    @property
    def facts(self) -> FactsPanel: ...

    @property
    def sidebar(self) -> EntitySidebar: ...

    @property
    def sidebar_slot(self) -> Widget: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def call_after_refresh(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...

    def layout_panes(self) -> None: ...

    def remember_place(self) -> None: ...

    def keep_current_fact_in_view(self) -> None: ...

    def focus_pane(self, index: int) -> None: ...

    def set_entity_focus(self, entity_id: str | None) -> None: ...

    def recompare(self, annotations: Path) -> object: ...


def entity_slug(name: str, taken: set[str]) -> str:
    """A new entity id from its name, unique among ``taken`` ("Mara Voss" -> "mara-voss")."""
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "entity"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def annotations_target(comparison: Comparison) -> Path | None:
    """The annotation file edits go to: the one loaded, else ``annotations.yaml`` in the story folder."""
    for known in (comparison.annotations.path, comparison.story.annotations_path):
        if known:
            return Path(known)
    folder = Path(comparison.story.path)
    return folder / "annotations.yaml" if folder.is_dir() else None


class ReaderTools:
    """Sidebar, grid, mention stepping, marking, export, copy and annotation edits.

    The reader screen holds one and binds the keys to it; the tools act on the screen only
    through ``ReaderHost``.
    """

    def __init__(self, reader: ReaderHost) -> None:
        self.reader = reader
        self.mention_at: Mention | None = None
        """The mention last jumped to with m/M (None: start from the focused pane's top)."""

    def _ready(self) -> Comparison | None:
        if self.reader.comparison is None:
            self.reader.notify("The comparison is still running.", markup=False)
        return self.reader.comparison

    # ------------------------------------------------------------------ sidebar

    def toggle_sidebar(self) -> None:
        """Show the entity sidebar (focused) or hide it and go back to the text; the panes,
        narrower or wider, keep their place and the current fact in view."""
        self.reader.remember_place()
        slot = self.reader.sidebar_slot
        slot.display = not slot.display
        if slot.display:
            if self.reader.sidebar.comparison is not self.reader.comparison:
                self.reader.sidebar.show_comparison(self.reader.comparison)
            self.reader.sidebar.entity_tree.focus()
        elif self.reader.panes:
            self.reader.panes[self.reader.focused_pane].scroller.focus()
        self.reader.call_after_refresh(self.reader.keep_current_fact_in_view)

    def comparison_finished(self, comparison: Comparison) -> None:
        """Show a new comparison in the sidebar, and drop an entity focus it no longer knows."""
        if self.reader.sidebar_slot.display:
            self.reader.sidebar.show_comparison(comparison)
        if self.reader.entity_focus is not None and all(
            e.id != self.reader.entity_focus for e in comparison.entities
        ):
            self.focus_entity(None)

    def focus_entity(self, entity_id: str | None) -> None:
        """Highlight one entity's mentions in every pane (None clears), and say how many."""
        self.reader.set_entity_focus(entity_id)
        self.mention_at = None
        for pane in self.reader.panes:
            pane.set_overlays("current", [])
        self.reader.sidebar.focused_entity = entity_id
        if entity_id is None or self.reader.comparison is None:
            return
        mentions = self.reader.comparison.mentions_of(entity_id)
        sources = len({m.article for m in mentions})
        name = next((e.name for e in self.reader.comparison.entities if e.id == entity_id), entity_id)
        self.reader.notify(
            f"{name}: {len(mentions)} mention(s) in {sources} of "
            f"{len(self.reader.comparison.articles)} sources. m / M step through them.",
            markup=False,
            timeout=4,
        )

    def entity_chosen(self, entity_id: str) -> None:
        """Enter on an entity in the sidebar: focus it, or clear the focus when it has it."""
        self.focus_entity(None if entity_id == self.reader.entity_focus else entity_id)

    def open_entity_grid(self) -> None:
        """Open the source × entity grid; Enter there focuses the entity here."""
        comparison = self._ready()
        if comparison is None:
            return

        def picked(entity_id: str | None) -> None:
            if entity_id is not None:
                self.focus_entity(entity_id)
                self.reader.sidebar.select_entity(entity_id)

        from tui.app.screens.entity_grid import EntityGridScreen

        self.reader.app.push_screen(EntityGridScreen(comparison), picked)

    # -------------------------------------------------------------- mentions

    def step_mention(self, step: int) -> None:
        """Scroll to the next/previous mention of the focused entity, across sources in order."""
        comparison = self._ready()
        if comparison is None or not self.reader.panes:
            return
        if self.reader.entity_focus is None:
            self.reader.notify("Choose an entity first: e, then Enter on a name.", markup=False)
            return
        from tui.app.widgets.entity_sidebar import ordered_mentions, step_mention

        mentions = ordered_mentions(comparison, self.reader.entity_focus)
        pane = self.reader.panes[self.reader.focused_pane]
        at: tuple[str, int] | None
        if self.mention_at is not None and self.mention_at.article == pane.article.id:
            at = (self.mention_at.article, self.mention_at.start)
        else:
            at = (pane.article.id, pane.offset_at_top() - 1 if step > 0 else pane.offset_at_top())
        target = step_mention(mentions, comparison.articles, at, step)
        if target is None:
            self.reader.notify("No source names this entity.", markup=False)
            return
        self.mention_at = target
        by_article = {p.article.id: p for p in self.reader.panes}
        destination = by_article[target.article]
        for other in self.reader.panes:
            other.set_overlays("current", [(target.start, target.end)] if other is destination else [])
        destination.cursor = target.start
        self.reader.focus_pane(destination.pane_index)
        self.reader.call_after_refresh(destination.scroll_to_offset, target.start, margin=2)
        index = mentions.index(target) + 1
        self.reader.notify(
            f"Mention {index} of {len(mentions)}: {self.reader.names.get(destination.article.id, '')}",
            markup=False,
            timeout=2,
        )

    # ------------------------------------------------------------ marking, export

    def toggle_mark(self) -> None:
        """Mark or unmark a fact for export: the one under the facts-list cursor, else the current one."""
        cluster_id = self.reader.current_cluster
        focused = self.reader.focused
        if focused is not None and focused.id == "facts-list":
            option = cast("OptionList", focused).highlighted_option
            cluster_id = option.id if option is not None else None
        if cluster_id is None:
            self.reader.notify("No fact to mark: go to one first (] } or the facts list).", markup=False)
            return
        if cluster_id in self.reader.marked:
            self.reader.marked.discard(cluster_id)
            verb = "Unmarked"
        else:
            self.reader.marked.add(cluster_id)
            verb = "Marked"
        self.reader.facts.set_marked(frozenset(self.reader.marked))
        self.save_marks()
        self.reader.notify(
            f"{verb}; {len(self.reader.marked)} marked for export (x), kept for this story's next session.",
            markup=False,
            timeout=3,
        )

    def _story_key(self, comparison: Comparison) -> str:
        from tui.app.state import story_key

        return story_key(comparison.story.path, (a.id for a in comparison.articles))

    def save_marks(self) -> None:
        """Remember the marked facts for this story (by id and label, in the state folder)."""
        comparison = self.reader.comparison
        if comparison is None:
            return
        labels = {c.id: c.label for c in comparison.clusters if c.id in self.reader.marked}
        self.reader.state.set_marks(self._story_key(comparison), labels)

    def restore_marks(self, comparison: Comparison) -> None:
        """Mark again the facts marked in this story's last session, when they are still the
        same facts (same id and label: a changed story or engine never marks another fact)."""
        remembered = self.reader.state.marks(self._story_key(comparison))
        if not remembered:
            return
        found = {c.id for c in comparison.clusters if remembered.get(c.id) == c.label}
        if not found - self.reader.marked:
            return
        self.reader.marked |= found
        self.reader.facts.set_marked(frozenset(self.reader.marked))
        lost = len(remembered) - len(found)
        self.reader.notify(
            f"{len(found)} fact(s) marked in your last session are marked again (Space unmarks, x exports)"
            + (f"; {lost} no longer found in the story." if lost else "."),
            markup=False,
            timeout=5,
        )

    def open_export(self) -> None:
        """Open the export dialog with what the reader is looking at."""
        from tui.app.screens.export_dialog import ExportContext, ExportDialog

        comparison = self._ready()
        if comparison is None:
            return
        self.reader.app.push_screen(
            ExportDialog(
                ExportContext(
                    comparison,
                    self.reader.current_cluster,
                    frozenset(self.reader.marked),
                    self.reader.entity_focus,
                ),
                state=self.reader.state,
            )
        )

    def copy_excerpt(self) -> None:
        """Copy the current fact's excerpt (in the focused source) with its citation."""
        from tui.app.clipboard import citation_text, current_excerpt

        comparison = self._ready()
        if comparison is None:
            return
        article = self.reader.panes[self.reader.focused_pane].article.id if self.reader.panes else None
        excerpt = current_excerpt(comparison, self.reader.current_cluster, article)
        if excerpt is None:
            self.reader.notify("Nothing to copy: go to a fact first (] } n or the facts list).", markup=False)
            return
        text = citation_text(excerpt)
        self.reader.app.copy_to_clipboard(text)
        self.reader.notify(text if len(text) <= 200 else text[:199] + "…", title="Copied", markup=False)

    # -------------------------------------------------------- annotation edits

    def add_suggested_entity(self, suggestion: SuggestedEntity) -> None:
        """Add a suggested name to the annotation file as an entity of unknown type."""
        comparison = self._ready()
        if comparison is None:
            return
        target = self._editable_annotations(comparison)
        if target is None:
            return
        from tui.core.model import Entity

        entity = Entity(
            entity_slug(suggestion.name, {e.id for e in comparison.entities}),
            suggestion.name,
            "unknown",
        )
        self._edit_annotations(
            target,
            lambda edits: edits.add_entity(target, entity),
            f"Added {entity.name} ({entity.id}, type unknown) to {target}",
        )

    def _editable_annotations(self, comparison: Comparison) -> Path | None:
        """The annotation file edits go to, or None after telling the user why there is none."""
        target = annotations_target(comparison)
        if target is None:
            self.reader.notify(
                "No annotation file: open a story folder, or pass --annotations FILE.",
                markup=False,
                severity="error",
            )
        return target

    def add_alias(self) -> None:
        """Ask which entity the search text (or current mention) names, then add it as an alias."""
        from tui.app.screens.alias_dialog import AliasDialog

        comparison = self._ready()
        if comparison is None:
            return
        if not comparison.entities:
            self.reader.notify("No entities yet: add one first (a on a suggested name).", markup=False)
            return
        target = self._editable_annotations(comparison)
        if target is None:
            return
        alias = self.reader.search_text or (self.mention_at.text if self.mention_at else "")

        def answered(result: tuple[str, str] | None) -> None:
            if result is not None:
                entity_id, text = result
                self._edit_annotations(
                    target,
                    lambda edits: edits.add_alias(target, entity_id, text),
                    f"Added alias “{text}” to {entity_id} in {target}",
                )

        self.reader.app.push_screen(
            AliasDialog(comparison.entities, alias=alias, entity_id=self.reader.entity_focus), answered
        )

    def _edit_annotations(self, target: Path, edit: Callable[[ModuleType], object], done: str) -> None:
        """Run one edit from :mod:`tui.core.annotate.write_back`, report it, then reload and recompare.

        The editor module is imported on first use: most sessions never edit, and the reader
        should not pay for it before the text is on screen.
        """
        from tui.core.annotate import write_back

        try:
            edit(write_back)
        except (write_back.AnnotationEditError, OSError) as error:
            self.reader.notify(f"Could not edit {target}: {error}", markup=False, severity="error")
            return
        self.reader.notify(done + ". Recomparing...", markup=False)
        self.reader.recompare(target)
