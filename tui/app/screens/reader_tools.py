"""The reader's entity and export keys, as a mixin so ReaderScreen stays about reading.

``ReaderScreen`` inherits ``ReaderTools`` and appends ``TOOL_BINDINGS`` to its own
bindings (Textual only merges ``BINDINGS`` from DOM classes, so the list is spliced in
rather than inherited). Handlers use Textual's naming convention (``on_<widget>_<message>``),
which Textual finds on any class in the screen's MRO; the mixin relies on the reader's
attributes listed below and on nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

from textual import work
from textual.binding import Binding, BindingType

from tui.app.messages import AnnotationsLoaded, CompareFinished

if TYPE_CHECKING:
    from textual.widgets import OptionList

    from tui.app.screens.reader import ReaderScreen
    from tui.app.widgets.entity_sidebar import EntitySidebar
    from tui.core.model import Comparison, Mention

# The sidebar and the grid are imported where they are used: the reader's first frame does
# without them, and importing them up front delayed it.

TOOL_BINDINGS: list[BindingType] = [
    Binding("e", "toggle_sidebar", "Entities", tooltip="Show or hide the entity sidebar"),
    Binding(
        "E",
        "entity_grid",
        "Entity grid",
        show=False,
        tooltip="Mentions per entity and source: who leaves whom out",
    ),
    Binding(
        "m",
        "mention(1)",
        "Next mention",
        show=False,
        tooltip="Next mention of the focused entity, across sources",
    ),
    Binding(
        "M",
        "mention(-1)",
        "Previous mention",
        show=False,
        tooltip="Previous mention of the focused entity, across sources",
    ),
    Binding(
        "space", "toggle_mark", "Mark fact", show=False, tooltip="Mark or unmark the current fact for export"
    ),
    Binding(
        "x", "export", "Export", tooltip="Export the current fact, the marked facts, an entity or everything"
    ),
    Binding("y", "copy_excerpt", "Copy", tooltip="Copy the current excerpt with its citation"),
    Binding(
        "A",
        "add_alias",
        "Add alias",
        show=False,
        tooltip="Add the search text or current mention as an alias of an entity",
    ),
    Binding(
        "ctrl+s", "screenshot", "Screenshot", show=False, tooltip="Save an SVG screenshot in this folder"
    ),
]
"""Entity, export and clipboard keys; ``a`` (add a suggested entity) lives on the sidebar."""


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
    """Sidebar, grid, mention stepping, marking, export, copy and annotation edits."""

    _mention_at: Mention | None = None
    """The mention last jumped to with m/M (None: start from the focused pane's top)."""

    @property
    def sidebar(self: ReaderScreen) -> EntitySidebar:
        """The entity sidebar in the reader's sidebar slot."""
        return self.query_one("EntitySidebar")  # type: ignore[return-value]

    def _ready(self: ReaderScreen) -> Comparison | None:
        if self.comparison is None:
            self.notify("The comparison is still running.", markup=False)
        return self.comparison

    # ------------------------------------------------------------------ sidebar

    def action_toggle_sidebar(self: ReaderScreen) -> None:
        """Show the entity sidebar (focused) or hide it and go back to the text."""
        slot = self.query_one("#sidebar-slot")
        slot.display = not slot.display
        if slot.display:
            if self.sidebar.comparison is not self.comparison:
                self.sidebar.show_comparison(self.comparison)
            self.sidebar.tree.focus()
        elif self.panes:
            self.panes[self.focused_pane].scroller.focus()
        self.call_after_refresh(self.layout_panes)

    def on_compare_finished(self: ReaderScreen, message: CompareFinished) -> None:
        # Reads the message, not self.comparison: the reader's own handler may run after this.
        comparison = message.comparison
        if self.query_one("#sidebar-slot").display:
            self.sidebar.show_comparison(comparison)
        if self.entity_focus is not None and all(e.id != self.entity_focus for e in comparison.entities):
            self.focus_entity(None)

    def focus_entity(self: ReaderScreen, entity_id: str | None) -> None:
        """Highlight one entity's mentions in every pane (None clears), and say how many."""
        self.set_entity_focus(entity_id)
        self._mention_at = None
        for pane in self.panes:
            pane.set_overlays("current", [])
        self.sidebar.focused_entity = entity_id
        if entity_id is None or self.comparison is None:
            return
        mentions = self.comparison.mentions_of(entity_id)
        sources = len({m.article for m in mentions})
        name = next((e.name for e in self.comparison.entities if e.id == entity_id), entity_id)
        self.notify(
            f"{name}: {len(mentions)} mention(s) in {sources} of "
            f"{len(self.comparison.articles)} sources. m / M step through them.",
            markup=False,
            timeout=4,
        )

    def on_entity_sidebar_entity_chosen(self: ReaderScreen, message: EntitySidebar.EntityChosen) -> None:
        self.focus_entity(None if message.entity_id == self.entity_focus else message.entity_id)

    def on_entity_sidebar_grid_requested(self: ReaderScreen) -> None:
        self.action_entity_grid()

    def action_entity_grid(self: ReaderScreen) -> None:
        """Open the source × entity grid; Enter there focuses the entity here."""
        comparison = self._ready()
        if comparison is None:
            return

        def picked(entity_id: str | None) -> None:
            if entity_id is not None:
                self.focus_entity(entity_id)
                self.sidebar.select_entity(entity_id)

        from tui.app.screens.entity_grid import EntityGridScreen

        self.app.push_screen(EntityGridScreen(comparison), picked)

    # -------------------------------------------------------------- mentions

    def action_mention(self: ReaderScreen, step: int) -> None:
        """Scroll to the next/previous mention of the focused entity, across sources in order."""
        comparison = self._ready()
        if comparison is None or not self.panes:
            return
        if self.entity_focus is None:
            self.notify("Choose an entity first: e, then Enter on a name.", markup=False)
            return
        from tui.app.widgets.entity_sidebar import ordered_mentions, step_mention

        mentions = ordered_mentions(comparison, self.entity_focus)
        pane = self.panes[self.focused_pane]
        at: tuple[str, int] | None
        if self._mention_at is not None and self._mention_at.article == pane.article.id:
            at = (self._mention_at.article, self._mention_at.start)
        else:
            at = (pane.article.id, pane.offset_at_top() - 1 if step > 0 else pane.offset_at_top())
        target = step_mention(mentions, comparison.articles, at, step)
        if target is None:
            self.notify("No source names this entity.", markup=False)
            return
        self._mention_at = target
        by_article = {p.article.id: p for p in self.panes}
        destination = by_article[target.article]
        for other in self.panes:
            other.set_overlays("current", [(target.start, target.end)] if other is destination else [])
        destination.cursor = target.start
        self._focus_pane(destination.pane_index)
        self.call_after_refresh(destination.scroll_to_offset, target.start, margin=2)
        index = mentions.index(target) + 1
        self.notify(
            f"Mention {index} of {len(mentions)}: {destination.article.label}", markup=False, timeout=2
        )

    # ------------------------------------------------------------ marking, export

    def action_toggle_mark(self: ReaderScreen) -> None:
        """Mark or unmark a fact for export: the one under the facts-list cursor, else the current one."""
        cluster_id = self.current_cluster
        focused = self.focused
        if focused is not None and focused.id == "facts-list":
            option = cast("OptionList", focused).highlighted_option
            cluster_id = option.id if option is not None else None
        if cluster_id is None:
            self.notify("No fact to mark: go to one first (] } or the facts list).", markup=False)
            return
        if cluster_id in self.marked:
            self.marked.discard(cluster_id)
            verb = "Unmarked"
        else:
            self.marked.add(cluster_id)
            verb = "Marked"
        self.facts.set_marked(frozenset(self.marked))
        self.notify(
            f"{verb} {cluster_id}; {len(self.marked)} marked for export (x).", markup=False, timeout=2
        )

    def action_export(self: ReaderScreen) -> None:
        """Open the export dialog with what the reader is looking at."""
        from tui.app.screens.export_dialog import ExportContext, ExportDialog

        comparison = self._ready()
        if comparison is None:
            return
        self.app.push_screen(
            ExportDialog(
                ExportContext(comparison, self.current_cluster, frozenset(self.marked), self.entity_focus)
            )
        )

    def action_copy_excerpt(self: ReaderScreen) -> None:
        """Copy the current fact's excerpt (in the focused source) with its citation."""
        from tui.app.clipboard import citation_text, current_excerpt

        comparison = self._ready()
        if comparison is None:
            return
        article = self.panes[self.focused_pane].article.id if self.panes else None
        excerpt = current_excerpt(comparison, self.current_cluster, article)
        if excerpt is None:
            self.notify("Nothing to copy: go to a fact first (] } n or the facts list).", markup=False)
            return
        text = citation_text(excerpt)
        self.app.copy_to_clipboard(text)
        self.notify(text if len(text) <= 200 else text[:199] + "…", title="Copied", markup=False)

    def action_screenshot(self: ReaderScreen) -> None:
        """Save an SVG of the screen in the current folder."""
        path = self.app.save_screenshot(path=str(Path.cwd()))
        self.notify(f"Screenshot saved: {path}", markup=False)

    # -------------------------------------------------------- annotation edits

    def on_entity_sidebar_suggestion_chosen(
        self: ReaderScreen, message: EntitySidebar.SuggestionChosen
    ) -> None:
        comparison = self._ready()
        if comparison is None:
            return
        target = self._editable_annotations(comparison)
        if target is None:
            return
        from tui.core.model import Entity

        entity = Entity(
            entity_slug(message.suggestion.name, {e.id for e in comparison.entities}),
            message.suggestion.name,
            "unknown",
        )
        self._edit_annotations(
            target,
            lambda edits: edits.add_entity(target, entity),
            f"Added {entity.name} ({entity.id}, type unknown) to {target}",
        )

    def _editable_annotations(self: ReaderScreen, comparison: Comparison) -> Path | None:
        """The annotation file edits go to, or None after telling the user why there is none."""
        target = annotations_target(comparison)
        if target is None:
            self.notify(
                "No annotation file: open a story folder, or pass --annotations FILE.",
                markup=False,
                severity="error",
            )
        return target

    def action_add_alias(self: ReaderScreen) -> None:
        """Ask which entity the search text (or current mention) names, then add it as an alias."""
        from tui.app.screens.alias_dialog import AliasDialog

        comparison = self._ready()
        if comparison is None:
            return
        if not comparison.entities:
            self.notify("No entities yet: add one first (a on a suggested name).", markup=False)
            return
        target = self._editable_annotations(comparison)
        if target is None:
            return
        alias = self.search_text or (self._mention_at.text if self._mention_at else "")

        def answered(result: tuple[str, str] | None) -> None:
            if result is not None:
                entity_id, text = result
                self._edit_annotations(
                    target,
                    lambda edits: edits.add_alias(target, entity_id, text),
                    f"Added alias “{text}” to {entity_id} in {target}",
                )

        self.app.push_screen(
            AliasDialog(comparison.entities, alias=alias, entity_id=self.entity_focus), answered
        )

    def _edit_annotations(
        self: ReaderScreen, target: Path, edit: Callable[[ModuleType], object], done: str
    ) -> None:
        """Run one edit from :mod:`tui.core.annotate.write_back`, report it, then reload and recompare.

        The editor module is imported on first use: most sessions never edit, and the reader
        should not pay for it before the text is on screen.
        """
        from tui.core.annotate import write_back

        try:
            edit(write_back)
        except (write_back.AnnotationEditError, OSError) as error:
            self.notify(f"Could not edit {target}: {error}", markup=False, severity="error")
            return
        self.notify(done + ". Recomparing...", markup=False)
        self.recompare(target)

    @work(
        thread=True,
        exclusive=True,
        group="compare",
        exit_on_error=False,
        description="Comparing again with the edited annotations",
    )
    def recompare(self: ReaderScreen, annotations: Path) -> None:
        """Reload ``annotations`` and compare the loaded story again, off the UI thread.

        Only the annotation-dependent messages are posted: the panes stay mounted and the
        reader's own handlers install the new annotations and comparison.
        """
        from tui.core.annotate.schema import load_annotations

        story = self.story
        if story is None:
            return
        loaded = load_annotations(annotations)
        self.post_message(AnnotationsLoaded(loaded))
        self.compare_in_worker(story, loaded)
