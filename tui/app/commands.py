"""Command palette entries: every reader key's action, and "go to fact" by its label.

The entries are generated from the bindings, so a key added to the reader is in the palette
without anyone remembering to list it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

from textual.app import SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode
from textual.fuzzy import Matcher
from textual.screen import Screen
from textual.widget import Widget

from tui.app.screens.dialog import dismiss_once
from tui.core.load.sanitize import visible_text


def binding_commands(screen: Screen[object]) -> Iterator[SystemCommand]:
    """One palette command per described binding of the screen and its focused pane."""
    from tui.app.reader.screen import ReaderScreen

    if not isinstance(screen, ReaderScreen):
        return
    seen: set[str] = set()
    owners: list[Widget] = [screen]
    if screen.panes:
        owners.append(screen.panes[screen.focused_pane].scroller)
    for owner in owners:
        for binding in _bindings(owner):
            if not binding.description or binding.description in seen:
                continue
            if owner.check_action(*_split(binding.action)) is False:
                continue
            seen.add(binding.description)
            keys = binding.key.replace(",", " / ")
            yield SystemCommand(
                binding.description,
                binding.tooltip or f"Key: {keys}",
                partial(owner.call_later, owner.run_action, binding.action),
            )


def _bindings(node: DOMNode) -> Iterable[Binding]:
    for binding in type(node).BINDINGS:
        if isinstance(binding, Binding):
            yield binding


def _split(action: str) -> tuple[str, tuple[object, ...]]:
    from textual.actions import parse

    _, name, parameters = parse(action)
    return name, parameters


class FactCommands(Provider):
    """Jump to any fact (cluster) by typing part of its label."""

    def _clusters(self) -> list[tuple[str, str]]:
        from tui.app.reader.screen import ReaderScreen

        screen = self.screen
        if not isinstance(screen, ReaderScreen) or screen.comparison is None:
            return []
        return [(visible_text(f"Go to {c.kind} fact: {c.label}"), c.id) for c in screen.comparison.clusters]

    async def discover(self) -> Hits:
        for title, cluster_id in self._clusters()[:20]:
            yield DiscoveryHit(
                Content(title), partial(self._jump, cluster_id), text=title, help="Scroll every source to it"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, cluster_id in self._clusters():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    _highlighted(matcher, title),
                    partial(self._jump, cluster_id),
                    text=title,
                    help="Scroll every source to it",
                )

    def _jump(self, cluster_id: str) -> None:
        from tui.app.reader.screen import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            self.screen.jump_to(cluster_id)


def _highlighted(matcher: Matcher, title: str) -> Content:
    """``title`` as literal text with the query's fuzzy match highlighted.

    A fact's label quotes the articles, so it may read ``[bold]`` or ``[/]``: Textual's
    ``Matcher.highlight`` and a plain-string hit parse it as markup, and an unbalanced tag
    ended the palette's worker (and the app) with MarkupError.
    """
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class GuardedCommandPalette(CommandPalette):
    """Textual's command palette, closed once, with PageUp/PageDown ignored until its list is laid out.

    In Textual 8.2.8, PageDown reaching the palette in the same burst as Ctrl+P (a key
    flood, or keys typed ahead on a slow machine) asks ``OptionList._move_page`` for the
    line of the highlighted option before the list has a size, and raises ``KeyError``,
    which ends the app. Before its first layout the list has no page to move by, so the
    key is dropped. ``tests/app/test_command_palette.py`` holds the Textual behaviour this
    relies on.
    """

    def dismiss(self, result: object = None) -> AwaitComplete:
        """Close once: a selection and an Escape in one burst both dismiss (see ``Dialog``)."""
        return dismiss_once(self, result)

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down") and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)
