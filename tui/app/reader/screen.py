"""The reader: one pane per source side by side, the facts list and the current fact's variants.

The screen owns the story-wide state (current cluster, marked facts, entity focus) and
pushes it down to the widgets; widgets report up with messages. What is not about widgets
lives in plain objects the screen holds: which panes are shown and paged (``window``),
synced scrolling and the filler that keeps the panes level (``sync``), the search
(``search_state``) and the entity, export and annotation tools (``tools``). Every key is a
binding of this screen.

The reader keeps the user's place: a change of layout (the sidebar, the facts area, zoom, a
resize) shows the same text at the top of the focused pane afterwards, and a jump to a fact
arranges the panes so that every source holding it is on screen, as far as the width allows.
The first frame holds only what shows the text (status line, panes, footer); the facts
list, the variants, the entity sidebar and the search box are imported and mounted once it
is painted, and the comparison then runs in a thread worker so the text is readable while
it is computed.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import DescendantFocus, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import MountError
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from tui.app.messages import AnnotationsLoaded, CompareFailed, CompareFinished, CompareProgress, StoryLoaded
from tui.app.reader.highlights import HighlightIndex
from tui.app.reader.keys import READER_BINDINGS
from tui.app.reader.search import SearchState
from tui.app.reader.sync import ScrollSync, first_start_per_article
from tui.app.reader.tools import ReaderTools
from tui.app.reader.window import PaneWindow, panes_that_fit
from tui.app.widgets.article_pane import HIGHLIGHT_CLASSES, ArticlePane, PaneScroll
from tui.app.widgets.status import StatusBar
from tui.core.load.corpus import StoryError, StoryStart, list_story, read_story
from tui.core.load.resources import bundled_story
from tui.core.load.sanitize import visible_text
from tui.core.offload import EngineProcess
from tui.core.story import Story
from tui.core.views.names import source_names

if TYPE_CHECKING:
    from textual.style import Style
    from textual.theme import Theme
    from textual.widget import Widget
    from textual.widgets import Input

    from tui.app.state import ReaderState
    from tui.app.widgets.entity_sidebar import EntitySidebar
    from tui.app.widgets.facts_panel import FactsPanel
    from tui.app.widgets.legend import LegendBar
    from tui.app.widgets.variants import VariantsView
    from tui.core.model import Annotations, Cluster, ClusterKind, Comparison, Mark

SHORT_SCREEN = 30
"""Below this many rows the headers and the facts area shrink so the text keeps room."""

TINY_SCREEN = 20
"""Below this many rows the panes drop their title line and the facts area shrinks again."""

NARROW_SCREEN = 100
"""Below this many columns the facts area shows the list or the variants, not both."""

PANES_PER_STEP = 64
"""Panes made per step once the whole story is read (about 6 ms of the UI's time each)."""

SEARCH_DELAY = 0.25
"""Seconds of typing pause before the search box highlights matches."""


NAVIGABLE: tuple[ClusterKind, ...] = ("shared", "discrepancy", "unique")
"""Mark kinds that n/N step through."""

NEEDS_TOOLS = frozenset(
    {
        "search",
        "back",
        "toggle_facts",
        "toggle_sidebar",
        "entity_grid",
        "mention",
        "toggle_mark",
        "export",
        "copy_excerpt",
        "add_alias",
    }
)
"""Actions that use the widgets mounted after the first frame; disabled until they exist."""


class Place(NamedTuple):
    """What the panes showed before a layout change: for each, the text offset at its top and
    the screen row that text was on (None: the pane was at the very top of its text)."""

    pane: int
    tops: dict[int, tuple[int, float] | None]


class ReaderScreen(Screen[None]):
    """Side-by-side sources with synced scrolling, fact navigation and search."""

    COMPONENT_CLASSES: ClassVar[set[str]] = Screen.COMPONENT_CLASSES | HIGHLIGHT_CLASSES
    AUTO_FOCUS: ClassVar[str | None] = ""
    """No focus while composing: Textual restyles the focused widget and its ancestors at once,
    before the first frame; the first pane takes focus right after it (``_story_loaded``)."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS
    """Story-wide keys (``keys.py``); reading keys live on the pane, filter keys on the facts list."""

    sync_enabled: reactive[bool] = reactive(True, bindings=True)
    """Whether scrolling one pane moves the others to the aligned statements."""

    current_cluster: reactive[str | None] = reactive(None, init=False)
    """The cluster (fact) being looked at: highlighted in every pane, shown in the variants."""

    zoomed: reactive[int | None] = reactive(None, bindings=True, init=False)
    """Index of the pane shown at full width, or None. (No watcher call at start: it laid the
    panes out a second time and focused one, restyling it, before the first frame.)"""

    def __init__(
        self,
        story: Story | StoryStart | Sequence[Path] | None,
        annotations: Annotations | Path | None = None,
        *,
        comparison: Comparison | None = None,
        state: ReaderState | None = None,
        engine: EngineProcess | None = None,
    ) -> None:
        super().__init__()
        if state is None:
            from tui.app.state import ReaderState

            state = ReaderState()
        self.state = state
        """What the reader remembers between runs: theme, marks, export format, legend seen."""
        self._source = story
        self._annotations_source = annotations
        self._ready_comparison = comparison
        self.story: Story | None = None
        self.comparison: Comparison | None = None
        self.marked: set[str] = set()
        """Cluster ids the user marked (for export); kept here so every view agrees."""
        self.entity_focus: str | None = None
        self.panes: list[ArticlePane] = []
        self.focused_pane = 0
        self.window = PaneWindow()
        self.sync = ScrollSync()
        self.search_state = SearchState()
        self.tools = ReaderTools(self)
        self._search_timer: Timer | None = None
        self.highlights = HighlightIndex(NAVIGABLE)
        self.tools_ready = False
        """True once the facts list, variants, sidebar and search box are mounted."""
        self.names: dict[str, str] = {}
        """Article id -> the source's name as the reader shows it."""
        self.reading = isinstance(story, StoryStart) and not story.complete
        """True while the panes hold only the story's first sources and the worker reads the
        rest (the command line read only those of the first screen)."""
        self._place: Place | Cluster | None = None
        """Where the user is, shown again each time a layout change settles, until they scroll:
        the fact jumped to (every pane at its member), or the text at the top of the panes."""
        self._level_scheduled = False
        self._painted_theme = ""
        """The theme the highlights were last resolved in."""
        self._cluster_index: dict[str, int] = {}
        self._panes_pending = False
        """Panes of the whole story still to be made (a few at a time), once it is read."""
        self._early_result: CompareFinished | None = None
        """A result that came before the tools were mounted, installed once they are."""
        self.engine = engine if engine is not None else EngineProcess()
        """The child process that compares (started at mount when there is something to compare)."""

    # ---------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        # The panes sit straight on the screen (laid out side by side; the status line, the
        # facts area and the footer are docked): Textual draws every container under them,
        # cut at every pane edge, and each level of nesting cost ~4 ms of the first frame.
        story = self._known_story()
        if story is None:
            yield Static(Content("Loading the story..."), id="placeholder")
        else:  # in the first frame: the panes that fit the terminal
            self._create_panes(story)
            yield from self.panes[: panes_that_fit(self.app.size.width)]
        yield Vertical(id="sidebar-slot")  # the entity sidebar is mounted after the text
        yield Horizontal(id="facts-area")  # so are the facts list and the variants
        yield Footer()

    def on_mount(self) -> None:
        if self._ready_comparison is None and isinstance(self._source, Story):
            # The story is already read: the child compares it while the first frame is drawn
            # (the worker thread only sends it and waits, leaving the interpreter to the UI).
            self.analyse()
        elif self._ready_comparison is None:
            self.engine.start_quietly()  # its imports overlap the first frame, on another core
        self.query_one("#sidebar-slot").display = False
        self.query_one("#facts-area").display = self.app.size.height >= SHORT_SCREEN
        self._painted_theme = self.app.theme
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self.status.show_progress(0.0, "Loading the story...")
        if self._ready_comparison is not None:
            self._story_loaded(self._ready_comparison.story)
            self._annotations_loaded(self._ready_comparison.annotations)
        elif (known := self._known_story()) is not None:
            self._story_loaded(known)
        self.run_worker(
            self._after_first_frame(),
            name="tools",
            group="tools",
            description="Mounting the facts list, variants and sidebar after the first frame",
        )

    def on_unmount(self) -> None:
        self.engine.close()  # a comparison still running is of no use to anyone now

    async def _after_first_frame(self) -> None:
        """Build the tools once the first frame is painted.

        A worker rather than a bare callback, so that whoever waits for the reader to be ready
        (the tests, through ``App.workers``) can wait for this step and the comparison it starts.
        """
        painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def done() -> None:
            if not painted.done():
                painted.set_result(None)

        self.call_after_refresh(done)
        await painted
        await self._build_tools()

    async def _build_tools(self) -> None:
        """Mount the widgets the first frame does without, then install or start the comparison.

        Importing, styling and laying out the facts list, the variants, the entity sidebar
        and the search box delayed the first frame by about 25 ms (of ~280); the text comes
        first. The comparison worker shares the interpreter with the UI, so it starts only
        now too, not while the panes are being laid out.

        The cyclic garbage collector, paused by the command line for the start, runs again
        from here; what exists now lives as long as the reader, so it is frozen out of it.
        """
        gc.freeze()
        gc.enable()
        from textual.widgets import Input

        from tui.app.widgets.entity_sidebar import EntitySidebar
        from tui.app.widgets.facts_panel import FactsPanel
        from tui.app.widgets.legend import LegendBar
        from tui.app.widgets.variants import VariantsView

        search = Input(
            placeholder="Search every source: Enter = next match, Esc = close (n N repeat)", id="search"
        )
        search.display = False
        try:
            await self.query_one("#facts-area").mount_all(
                [FactsPanel(id="facts"), VariantsView(id="variants", style_of=self.style_of)]
            )
            await self.query_one("#sidebar-slot").mount(EntitySidebar())
            await self.mount(search, before=self.query_one(Footer))
            if not self.state.legend_seen:  # the first run: what the colours and glyphs mean
                await self.mount(LegendBar(self.style_of), before=search)
                self.state.see_legend()
            await self.status.add_progress_bar()
        except (MountError, NoMatches):
            return  # the reader was closed while these were mounted (q pressed at once)
        self.tools_ready = True
        self.refresh_bindings()
        if self._ready_comparison is not None:
            from tui.core.views.marks import all_marks

            self._comparison_ready(self._ready_comparison, all_marks(self._ready_comparison))
        elif self._early_result is not None:
            self._on_finished(self._early_result)
        elif not isinstance(self._source, Story):  # a story already read was sent at mount
            self.analyse()

    @property
    def status(self) -> StatusBar:
        """The status line (progress, summary, error banner)."""
        return self.query_one("#status", StatusBar)

    # The widgets below are mounted (and their classes imported) after the first frame, so
    # they are named by string in the casts.

    @property
    def variants(self) -> VariantsView:
        """The current cluster's variants."""
        return cast("VariantsView", self.query_one("#variants"))

    @property
    def facts(self) -> FactsPanel:
        """The facts list."""
        return cast("FactsPanel", self.query_one("#facts"))

    @property
    def sidebar(self) -> EntitySidebar:
        """The entity sidebar in its slot."""
        return cast("EntitySidebar", self.query_one("EntitySidebar"))

    @property
    def sidebar_slot(self) -> Widget:
        """Where the entity sidebar sits (hidden until ``e``)."""
        return self.query_one("#sidebar-slot")

    @property
    def search_text(self) -> str:
        """The text last searched for."""
        return self.search_state.text

    @property
    def search_box(self) -> Input:
        """The search box (hidden until ``/``)."""
        return cast("Input", self.query_one("#search"))

    def style_of(self, name: str) -> Style:
        """A highlight style of the panes (a component class of this screen), for this theme."""
        return self.get_visual_style(name)

    @property
    def legend_bar(self) -> LegendBar | None:
        """The first-run legend, while it is shown."""
        from tui.app.widgets.legend import LegendBar

        found = self.query(LegendBar)
        return found.first() if found else None

    @property
    def visible_panes(self) -> list[ArticlePane]:
        """The panes on screen now, left to right."""
        return [pane for pane in self.panes if pane.display]

    def capacity(self) -> int:
        """How many panes fit side by side at a readable width."""
        sidebar = self.sidebar_slot
        taken = 0
        if sidebar.display:  # its set width: it may not be laid out yet when it was just shown
            taken = sidebar.outer_size.width or int(sidebar.styles.width.value if sidebar.styles.width else 0)
        return panes_that_fit(self.size.width - taken)

    def layout_panes(self) -> None:
        """Show the panes of the current window (or the zoomed one), hide the others."""
        if not self.panes:
            return
        visible = {self.zoomed} if self.zoomed is not None else set(self.window.visible(self.capacity()))
        self._mount_panes(sorted(visible))
        for pane in self.panes:
            pane.display = pane.pane_index in visible
            if pane.display and pane.sized:  # a Resize can be missed when keys come quickly
                pane.call_after_refresh(pane.measure)
        hidden = len(self.panes) - len(visible)
        self.status.show_hint(f"{len(visible)} of {len(self.panes)} sources shown · < > p" if hidden else "")
        self.schedule_level()

    def keep_current_fact_in_view(self) -> None:
        """Lay the panes out for the room there is now, keeping the current fact's sources on
        screen (the sidebar took or gave back room)."""
        cluster = self._cluster(self.current_cluster)
        if cluster is not None and self.zoomed is None:
            self.window.arrange(self._holders(cluster), self.capacity())
        self.layout_panes()

    def _mount_panes(self, indexes: Sequence[int]) -> None:
        """Mount the panes about to be shown, each in its place among those already mounted.

        A story of hundreds of sources shows a few at a time; building and styling every
        pane's widgets up front would keep its text off the screen for seconds.
        """
        for index in indexes:
            pane = self.panes[index]
            if pane.parent is None:
                after = [p for p in self.panes[index + 1 :] if p.parent is not None]
                self.mount(pane, before=after[0] if after else self.query_one("#sidebar-slot"))
            if self.sync.needs_watch(index):
                self.watch(pane.scroller, "scroll_y", partial(self._sync_from, pane), init=False)

    def on_resize(self, event: Resize) -> None:
        self.remember_place()
        self.set_class(event.size.height < SHORT_SCREEN, "-short")
        self.set_class(event.size.height < TINY_SCREEN, "-tiny")
        self.set_class(event.size.width < NARROW_SCREEN, "-narrow")
        self._show_summary()
        self.layout_panes()

    # ------------------------------------------------------------------- theme

    def _theme_changed(self, theme: Theme) -> None:
        # The signal comes once the new theme's CSS is applied to every screen, this one
        # included when the theme was chosen from a screen above it (the command palette).
        self.restyle()

    def on_screen_resume(self) -> None:
        if self._painted_theme != self.app.theme:
            self.call_after_refresh(self.restyle)

    def restyle(self) -> None:
        """Resolve every highlight again in the current theme: panes, variants, legend."""
        self._painted_theme = self.app.theme
        for pane in self.panes:
            pane.render_blocks()
        if self.tools_ready:
            self.variants.show(self._cluster(self.current_cluster), self.names)
        legend = self.legend_bar
        if legend is not None:
            legend.restyle()

    # ------------------------------------------------------- level panes, kept place

    @property
    def settling(self) -> bool:
        """True while the panes wait to be filled level after a change (tests wait for it)."""
        return self._level_scheduled

    def schedule_level(self) -> None:
        """Fill the panes on screen level once the layout in progress is done (once per frame)."""
        if not self._level_scheduled:
            self._level_scheduled = True
            self.call_after_refresh(self._level)

    def _level(self) -> None:
        """Give the panes on screen the filler that keeps shared statements on the same rows,
        then, once that is laid out, scroll to the fact jumped to or back to the kept place."""
        self._level_scheduled = False
        panes = [pane for pane in self.visible_panes if pane.is_mounted]
        changed = self.comparison is not None and self.sync.level(panes, filled=self.sync_enabled)
        if changed:  # scroll once the new filler is laid out
            self.call_after_refresh(self._settle)
        else:
            self._settle()

    def _settle(self) -> None:
        if self._level_scheduled:
            return  # the layout changed again: the next pass scrolls, once it is final
        place = self._place  # kept until the user moves: layouts change in steps
        if isinstance(place, Place):
            self._restore_place(place)
        elif place is not None:
            self._scroll_to_members(place)

    @on(PaneScroll.Moved)
    def _user_scrolled(self) -> None:
        self._place = None

    @on(ArticlePane.WidthChanged)
    def _pane_width_changed(self, message: ArticlePane.WidthChanged) -> None:
        self.schedule_level()

    def remember_place(self) -> None:
        """Note the text at the top of every pane on screen, to show it again after each change
        of layout until the user scrolls or jumps (a fact jumped to, or the first note, wins
        until then)."""
        if self._place is not None or not self.panes:
            return
        tops: dict[int, tuple[int, float] | None] = {}
        for pane in self.visible_panes:
            if pane.is_mounted and pane.scroller.size.height:
                top = pane.offset_at_top()
                at = pane.offset_y(top, exact=True) - pane.scroller.scroll_y
                tops[pane.pane_index] = None if pane.scroller.scroll_y <= 0 else (top, at)
        if tops:
            self._place = Place(self.focused_pane, tops)
            self.schedule_level()

    def _restore_place(self, place: Place) -> None:
        """Show the remembered text at the top again: in the focused pane, the others following
        it when scrolling is synced (they are level), else each at its own."""
        with self.sync.moving_followers():
            leader = self.panes[place.pane] if place.pane in place.tops else None
            for index, top in place.tops.items():
                pane = self.panes[index]
                if not (pane.display and pane.is_mounted):
                    continue
                if self.sync_enabled and leader is not None and leader.display and pane is not leader:
                    continue
                y = 0.0 if top is None else max(pane.offset_y(top[0], exact=True) - top[1], 0.0)
                pane.scroller.scroll_to(y=y, animate=False, immediate=True)
            if self.sync_enabled and leader is not None and leader.display:
                for pane in self.visible_panes:
                    if pane is not leader and pane.is_mounted:
                        y = self.sync.map_scroll(leader, pane, leader.scroller.scroll_y)
                        pane.scroller.scroll_to(y=y, animate=False, immediate=True)

    # ------------------------------------------------------------------- the worker

    @work(
        thread=True, exclusive=True, group="compare", exit_on_error=False, description="Comparing the sources"
    )
    def analyse(self) -> None:
        """Load the story and annotations if needed, then compare; report by messages."""
        try:
            story = self._whole_story()
        except (StoryError, OSError) as error:
            self.post_message(CompareFailed(str(error), fatal=True))
            return
        if story is not self.story:
            self.post_message(StoryLoaded(story))
        from tui.core.annotate.schema import load_annotations
        from tui.core.model import Annotations

        extra = self._annotations_source
        if isinstance(extra, Annotations):
            annotations = extra
        else:
            path = extra or (Path(story.annotations_path) if story.annotations_path else None)
            annotations = load_annotations(path)
        self.post_message(AnnotationsLoaded(annotations))
        self.compare_in_worker(story, annotations)

    def _whole_story(self) -> Story:
        """The whole story, read here in the worker when the reader was handed only its first
        articles (or only paths), with the reading's progress in the status line."""
        source = self._source
        if isinstance(source, Story):
            return source
        if isinstance(source, StoryStart):
            if source.complete:
                return source.story
            files = source.files
        else:
            files = list_story(list(source) if source else [bundled_story()])
        from tui.core.offload import long_lived_objects, throttled

        def post(fraction: float, text: str) -> None:
            self.post_message(CompareProgress(fraction, text))

        report = throttled(post)

        def progress(read: int, total: int) -> None:
            report(0.05 * read / total, f"Reading {total} sources... {read}/{total}")

        with long_lived_objects():  # the whole story stays as long as the reader
            return read_story(files, progress=progress)

    def compare_in_worker(self, story: Story, annotations: Annotations) -> None:
        """Compare ``story`` from inside a worker thread, reporting progress and the result.

        Serves both the first analysis and the recomparison after an annotation edit. The
        work itself runs in the engine's child process (:mod:`tui.core.offload`), so the
        interpreter stays free for the UI; this thread only waits, passes progress on and
        unpickles the result piece by piece. A cancelled worker posts nothing; an engine
        failure keeps the text readable.
        """
        from tui.core.offload import EngineFailed
        from tui.core.pipeline import ComparisonCancelled

        worker = get_current_worker()

        def progress(fraction: float, text: str) -> None:
            self.post_message(CompareProgress(fraction, text))

        try:
            comparison, marks = self.engine.compare(
                story, annotations, progress=progress, should_stop=worker.cancelled_event.is_set
            )
        except ComparisonCancelled:
            return
        except EngineFailed as error:
            self.post_message(CompareFailed(str(error), fatal=False))
            return
        except Exception as error:  # the text stays readable even if the engine fails
            self.post_message(CompareFailed(f"The comparison failed: {error!r}", fatal=False))
            return
        self.post_message(CompareFinished(comparison, marks))

    @on(StoryLoaded)
    def _on_story_loaded(self, message: StoryLoaded) -> None:
        self._story_loaded(message.story)

    @on(AnnotationsLoaded)
    def _on_annotations_loaded(self, message: AnnotationsLoaded) -> None:
        self._annotations_loaded(message.annotations)

    @on(CompareProgress)
    def _on_progress(self, message: CompareProgress) -> None:
        self.status.show_progress(message.fraction, message.text)

    @on(CompareFinished)
    def _on_finished(self, message: CompareFinished) -> None:
        if not self.tools_ready:  # compared before the facts list was mounted: install it then
            self._early_result = message
            return
        self._early_result = None
        self._comparison_ready(message.comparison, message.marks)
        self.tools.comparison_finished(message.comparison)

    @on(CompareFailed)
    def _on_failed(self, message: CompareFailed) -> None:
        if message.fatal:
            self.status.show_summary(
                "Could not read the other sources." if self.panes else "Could not load the story."
            )
        else:
            self.status.show_summary("No comparison.")
        self.status.show_problems("Error", [message.text])
        if message.fatal and not self.panes:
            self.query_one("#placeholder", Static).update(Content(message.text))

    def _known_story(self) -> Story | None:
        """The story when it was loaded before the reader opened (the CLI does), else None."""
        if self._ready_comparison is not None:
            return self._ready_comparison.story
        if isinstance(self._source, StoryStart):
            return self._source.story
        return self._source if isinstance(self._source, Story) else None

    def _create_panes(self, story: Story) -> None:
        self.story = story
        self.names = source_names(story.articles)
        self.panes = [
            ArticlePane(article, i, self.names[article.id]) for i, article in enumerate(story.articles)
        ]
        self.window.reset(len(self.panes))

    def _story_loaded(self, story: Story) -> None:
        whole = bool(self.panes) and story is not self.story  # the rest of a partly read story
        known = len(self.story.diagnostics) if whole and self.story else 0
        if whole:
            self._take_whole_story(story)
        elif story is not self.story or not self.panes:
            self.query_one("#placeholder").remove()
            self._create_panes(story)
        self.title = visible_text(story.title)
        self.layout_panes()
        if self.reading and not whole:
            self.status.show_progress(0.0, "Reading the other sources...")
        else:
            self.status.show_progress(0.05, f"Comparing {len(story.articles)} sources...")
        if len(story.diagnostics) > known:  # shown again only when reading the rest found more
            self.status.show_problems("Some files had problems:", list(story.diagnostics))
        if not whole:
            self.call_after_refresh(self.focus_pane, 0)

    def _take_whole_story(self, story: Story) -> None:
        """Show the whole story once its other sources are read, without disturbing the panes
        on screen: a pane whose article is the same is kept (with its scroll and focus) and
        renamed in place (two sources of one outlet are numbered only once both are known);
        the others are new panes, built when first shown, and made ``PANES_PER_STEP`` at a
        time between other events (making 500 at once held the UI for 50 ms)."""
        old = self.panes
        focused = self.app.focused
        dropped: list[ArticlePane] = []
        self.story = story
        self.names = source_names(story.articles)
        self.panes = []
        for index, article in enumerate(story.articles[: len(old)]):
            pane = old[index]
            if pane.article == article:
                pane.rename(self.names[article.id])
            else:  # the file changed (or vanished) between the two reads
                dropped.append(pane)
                pane = ArticlePane(article, index, self.names[article.id])
            self.panes.append(pane)
        dropped += old[len(story.articles) :]
        for pane in dropped:
            self.sync.forget(pane.pane_index)
            if pane.parent is not None:
                pane.remove()
        if len(old) > len(story.articles):
            self.window.reset(len(self.panes))
            self.focused_pane = 0
        if focused is not None and any(pane in focused.ancestors for pane in dropped):
            self.call_after_refresh(self.focus_pane, self.focused_pane)  # its pane was replaced
        self._panes_pending = True
        self._add_panes(story)

    def _add_panes(self, story: Story, *, all_now: bool = False) -> None:
        """Make the next ``PANES_PER_STEP`` panes of the whole story (all with ``all_now``),
        and ask for the next step; the last step ends the reading."""
        if story is not self.story or not self._panes_pending:
            return
        end = len(story.articles) if all_now else min(len(self.panes) + PANES_PER_STEP, len(story.articles))
        for index in range(len(self.panes), end):
            article = story.articles[index]
            self.panes.append(ArticlePane(article, index, self.names[article.id]))
        self.window.extend(len(self.panes))
        if end < len(story.articles):
            self.call_later(self._add_panes, story)
            return
        self._panes_pending = self.reading = False
        self.refresh_bindings()  # paging (< >) may be possible now
        state = self.search_state
        if state.text:  # a search made while reading covers the new sources too
            current = state.current
            self.search(state.text)
            if current in state.matches:
                state.index = state.matches.index(current)

    def _annotations_loaded(self, annotations: Annotations) -> None:
        if annotations.has_errors:
            self.status.show_problems(
                "The annotation file has errors (entities may be missing; Esc hides this):",
                [d for d in annotations.diagnostics if d.severity == "error"],
            )

    def _comparison_ready(self, comparison: Comparison, marks: Mapping[str, tuple[Mark, ...]]) -> None:
        if self.story is not None:
            self._add_panes(self.story, all_now=True)  # the panes still to make, if any
        self.comparison = comparison
        # The comparison lives as long as the reader: keep the cyclic collector from walking
        # its (on a huge story, millions of) objects again and again during ordinary keys.
        gc.freeze()
        self.sync.reset(comparison)
        self._cluster_index = {cluster.id: index for index, cluster in enumerate(comparison.clusters)}
        for pane in self.panes:
            pane.set_marks(marks.get(pane.article.id, ()))
        self.facts.set_comparison(comparison)
        self._show_summary()
        if comparison.orphans:
            self._show_orphans(comparison)
        self.tools.restore_marks(comparison)
        self.refresh_bindings()
        self.schedule_level()

    def _show_summary(self) -> None:
        """What the comparison found, in words on a wide screen, in the gutter glyphs on a
        narrow one (the story's title, last, is cut first)."""
        comparison = self.comparison
        if comparison is None:
            return
        counts = {kind: len(comparison.clusters_of(kind)) for kind in NAVIGABLE}
        sources = f"{len(comparison.articles)} sources"
        if self.size.width and self.size.width < NARROW_SCREEN:
            summary = f"{sources} · {counts['shared']} = · {counts['discrepancy']} ≠ · {counts['unique']} ◆"
        else:
            summary = (
                f"{sources} · {counts['shared']} shared · {counts['discrepancy']} discrepancies · "
                f"{counts['unique']} unique · {comparison.story.title}"
            )
        self.status.show_summary(summary)

    def _show_orphans(self, comparison: Comparison) -> None:
        """Curated claims whose quotes no longer match the text: the user's pinned facts and
        verdicts that were not applied, each with what to fix."""
        errors = [d for d in comparison.annotations.diagnostics if d.severity == "error"]
        count = len(comparison.orphans)
        where = comparison.annotations.path or "the annotation file"
        self.status.show_problems(
            f"{count} curated claim quote{'s' if count != 1 else ''} in {where} no longer "
            f"match{'es' if count == 1 else ''} the text, so the claim is not applied "
            "(Esc hides this; storydiff check lists them):",
            [*errors, *(orphan.message for orphan in comparison.orphans)],
        )

    # -------------------------------------------------------------- current cluster

    def watch_current_cluster(self, cluster_id: str | None) -> None:
        for pane in self.panes:
            pane.set_current_cluster(cluster_id)
        self.variants.show(self._cluster(cluster_id), self.names)
        self.facts.highlight(cluster_id)

    def _cluster(self, cluster_id: str | None) -> Cluster | None:
        if self.comparison is None or cluster_id is None:
            return None
        index = self._cluster_index.get(cluster_id)
        return self.comparison.clusters[index] if index is not None else None

    def _holders(self, cluster: Cluster) -> list[int]:
        """The panes holding ``cluster``, most wanted first: the focused one, then one per
        differing value (both sides of a discrepancy), then the rest in pane order."""
        by_article = {pane.article.id: pane.pane_index for pane in self.panes}
        holders = [by_article[a] for a in cluster.articles if a in by_article]
        wanted: list[int] = [self.focused_pane] if self.focused_pane in holders else []
        seen_values = {cluster.values.get(self.panes[i].article.id) for i in wanted}
        for index in sorted(holders):
            value = cluster.values.get(self.panes[index].article.id)
            if value is not None and value not in seen_values:
                seen_values.add(value)
                wanted.append(index)
        wanted += [index for index in sorted(holders) if index not in wanted]
        return wanted

    def jump_to(self, cluster_id: str, note: str = "") -> None:
        """Make a cluster current, bring the sources holding it on screen (as many as fit), and
        scroll every pane that holds a member to it; ``note`` goes in the status hint."""
        cluster = self._cluster(cluster_id)
        if cluster is None:
            return
        self.current_cluster = cluster_id
        self._show_variants()
        self._place = cluster  # the fact is the new place
        holders = self._holders(cluster)
        if self.zoomed is not None:
            if holders and self.zoomed not in holders:
                self.zoomed = holders[0]
        elif self.window.arrange(holders, self.capacity()):
            self.layout_panes()
        if holders and not self.panes[self.focused_pane].display:
            self.focus_pane(next(i for i in holders if self.panes[i].display))
        shown = sum(1 for index in holders if self.panes[index].display)
        hints = [note] if note else []
        if shown < len(holders):
            hints.append(f"{shown} of its {len(holders)} sources shown")
        if hints:
            self.status.show_hint(" · ".join(hints))
        self.schedule_level()

    def _scroll_to_members(self, cluster: Cluster) -> None:
        """Scroll every pane holding the fact to its member; the panes on screen that do not
        hold it stay level with the focused holder (with synced scrolling)."""
        with self.sync.moving_followers():
            starts = first_start_per_article(cluster)
            holders: list[ArticlePane] = []
            for pane in self.panes:
                if pane.article.id in starts:
                    pane.cursor = starts[pane.article.id]
                    if pane.is_mounted:  # a pane not yet shown is built (and placed) when shown
                        pane.scroll_to_offset(starts[pane.article.id])
                        holders.append(pane)
            shown = [pane for pane in holders if pane.display]
            if not (self.sync_enabled and shown):
                return
            leader = next((p for p in shown if p.pane_index == self.focused_pane), shown[0])
            for pane in self.visible_panes:
                if pane not in holders and pane.is_mounted:
                    y = self.sync.map_scroll(leader, pane, leader.scroller.scroll_y)
                    pane.scroller.scroll_to(y=y, animate=False, immediate=True)

    def _walk_start(self, direction: int) -> int:
        """Where ] [ } { start (see ``step_kind``): right after (or before) the current fact
        while one of its members is on screen; else at the first fact whose statement is at
        or below the top of the focused pane, as vim's ]c starts from the cursor."""
        assert self.comparison is not None
        clusters = self.comparison.clusters
        index = self._cluster_index.get(self.current_cluster or "")
        if index is not None:
            panes = {pane.article.id: pane for pane in self.visible_panes if pane.is_mounted}
            for member in clusters[index].members:
                pane = panes.get(member.article)
                if pane is not None and pane.is_offset_visible(member.start):
                    return index + 1 if direction > 0 else index
        if not self.panes or not self.panes[self.focused_pane].is_mounted:
            return 0
        pane = self.panes[self.focused_pane]
        top, article = pane.offset_at_top(), pane.article.id
        below = [
            (member.start, position)
            for position, cluster in enumerate(clusters)
            for member in cluster.members
            if member.article == article and member.start >= top
        ]
        return min(below)[1] if below else len(clusters)

    def _step(self, kind: ClusterKind, direction: int) -> None:
        if self.comparison is None:
            self.notify("The comparison is still running.", markup=False)
            return
        from tui.core.views.navigation import step_kind

        clusters = self.comparison.clusters
        step = step_kind([c.kind for c in clusters], kind, self._walk_start(direction), direction)
        noun = {"discrepancy": "discrepancy", "shared": "shared fact", "unique": "unique statement"}[kind]
        if step is None:
            self.notify(f"This story has no {noun}.", markup=False)
            return
        if step.wrapped:
            ends = ("last", "first") if direction > 0 else ("first", "last")
            self.notify(f"Past the {ends[0]} {noun}: continuing from the {ends[1]}.", markup=False, timeout=3)
        target = clusters[step.at]
        of_kind = [c.id for c in clusters if c.kind == kind]
        self.jump_to(target.id, f"{noun} {of_kind.index(target.id) + 1} of {len(of_kind)}")

    def action_discrepancy(self, direction: int) -> None:
        """Go to the next/previous discrepancy after where you are, wrapping; every source
        holding it is brought on screen and scrolls to its statement."""
        self._step("discrepancy", direction)

    def action_shared(self, direction: int) -> None:
        """Go to the next/previous shared fact after where you are, wrapping; every source
        holding it is brought on screen and scrolls to its statement."""
        self._step("shared", direction)

    def action_highlight(self, direction: int) -> None:
        """Repeat the search (next/previous match) when there is one, else go to the
        next/previous highlighted statement in the focused pane only."""
        if self.search_state.text:
            self.step_match(direction)
            return
        if not self.panes:
            return
        pane = self.panes[self.focused_pane]
        if not self.highlights.starts(pane):
            self.notify("No highlights in this source.", markup=False)
            return
        target = self.highlights.step(pane, direction)
        if target is None:
            self.notify("No more highlights in this direction.", markup=False)
            return
        pane.cursor = target[0]
        self.current_cluster = target[1]
        self._place = None
        pane.scroll_to_offset(target[0])

    @on(ArticlePane.StatementClicked)
    def _statement_clicked(self, message: ArticlePane.StatementClicked) -> None:
        self.focused_pane = message.pane.pane_index
        message.pane.cursor = message.offset
        self.current_cluster = message.cluster_id

    def on_facts_panel_cluster_chosen(self, message: FactsPanel.ClusterChosen) -> None:
        self.jump_to(message.cluster_id)

    # --------------------------------------------------------------- synced scroll

    def _sync_from(self, leader: ArticlePane, old: float, new: float) -> None:
        if self.sync.moving or not self.sync_enabled or not leader.display:
            return
        with self.sync.moving_followers():
            for follower in self.visible_panes:
                if follower is not leader:
                    y = self.sync.follow(leader, follower, old, new)
                    follower.scroller.scroll_to(y=y, animate=False, immediate=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_TOOLS and not self.tools_ready:
            return None
        if action == "sync":
            return parameters[0] != self.sync_enabled
        if action == "page":
            return True if self.window.pageable(self.capacity()) else None
        return True

    def action_sync(self, enabled: bool) -> None:
        """Turn synced scrolling (and the filler rows that keep the panes level) on or off."""
        self.remember_place()
        self.sync_enabled = enabled
        self.schedule_level()
        self.notify(
            "Synced scrolling on: shared statements side by side." if enabled else "Synced scrolling off.",
            markup=False,
        )

    # ------------------------------------------------------------------ panes

    def focus_pane(self, index: int) -> None:
        """Focus pane ``index``, bringing it on screen first."""
        if not self.panes:
            return
        self.focused_pane = index
        if not self.panes[index].display:
            self._reveal(index)
        self.panes[index].scroller.focus()

    def _reveal(self, index: int) -> None:
        if self.zoomed is not None:
            self.zoomed = index
            return
        self.window.reveal(index, self.capacity())
        self.layout_panes()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        for pane in self.panes:
            if event.widget is pane.scroller:
                self.focused_pane = pane.pane_index
        # A narrow facts area shows the list while it has focus, else the variants.
        self.query_one("#facts-area").set_class(event.widget.id == "facts-list", "-list")

    def action_focus_pane(self, direction: int) -> None:
        """Focus the next/previous source, paging the window when it is off screen."""
        if not self.window.shown:
            return
        if self.zoomed is not None:
            self.zoomed = self.window.neighbour(self.zoomed, direction)
            self.focus_pane(self.zoomed)
            return
        self.focus_pane(self.window.neighbour(self.focused_pane, direction))

    def action_page(self, direction: int) -> None:
        """Slide the window of visible panes by one source (from your own window, after a
        jump arranged the panes for a fact)."""
        visible = self.window.page(direction, self.capacity())
        self.layout_panes()
        if visible and self.focused_pane not in visible:
            self.focus_pane(visible[0] if direction > 0 else visible[-1])

    def action_zoom(self) -> None:
        """Show the focused pane at full width, or go back to side by side."""
        self.remember_place()
        self.zoomed = None if self.zoomed is not None else self.focused_pane

    def watch_zoomed(self, zoomed: int | None) -> None:
        self.layout_panes()
        if self.panes:
            self.panes[self.focused_pane].scroller.focus()

    def action_pick_panes(self) -> None:
        """Choose which sources are shown (with more sources than fit)."""
        from tui.app.screens.pane_picker import PanePicker

        if not self.panes:
            return
        if self.reading:
            self.notify(
                "Still reading the sources: the list holds them all once they are read.", markup=False
            )
            return
        labels = [(self.names[pane.article.id], pane.article.title) for pane in self.panes]
        self.app.push_screen(PanePicker(labels, self.window.shown), self._picked)

    def _picked(self, chosen: list[int] | None) -> None:
        if not chosen:
            return
        self.window.pick(chosen)
        self.zoomed = None
        self.layout_panes()
        self.focus_pane(self.window.shown[0])

    def action_toggle_facts(self) -> None:
        """Go to the facts list (showing it if hidden); from the list, hide it and go back
        to the text. The panes keep their place."""
        area = self.query_one("#facts-area")
        facts_list = self.query_one("#facts-list")
        self.remember_place()
        if area.display and self.app.focused is facts_list:
            area.display = False
            if self.panes:
                self.panes[self.focused_pane].scroller.focus()
        else:
            area.display = True
            facts_list.focus()

    def _show_variants(self) -> None:
        """Show the facts area for a fact just made current (in a narrow one: the variants)."""
        area = self.query_one("#facts-area")
        if not area.display:
            self.remember_place()
            area.display = True
        if self.has_class("-narrow") and self.app.focused is self.query_one("#facts-list") and self.panes:
            self.panes[self.focused_pane].scroller.focus()

    def action_toggle_boilerplate(self) -> None:
        """Hide or show the lines that are not the story (credits, cross-links...)."""
        show = not (self.panes[0].show_boilerplate if self.panes else True)
        self.remember_place()
        for pane in self.panes:
            pane.set_show_boilerplate(show)
        self.schedule_level()  # hidden lines take no rows: the filler changes
        self.notify("Boilerplate shown (dimmed)." if show else "Boilerplate hidden.", markup=False)

    def action_back(self) -> None:
        """Close the search box (n N repeat the search), leave zoom, hide the problem banner or
        the legend, or forget the search; and return focus to the text."""
        search = self.search_box
        legend = self.legend_bar
        if search.display:
            search.display = False
            if search.value.strip():
                self._flush_search(search.value)
            else:
                self.clear_search()
        elif self.zoomed is not None:
            self.action_zoom()
        elif self.status.banner_text:
            self.status.hide_problems()
        elif legend is not None:
            legend.remove()
        elif self.search_state.text:
            self.clear_search()
            self.notify("Search cleared: n and N step through this pane's highlights.", markup=False)
        if self.panes:
            self.panes[self.focused_pane].scroller.focus()

    def set_entity_focus(self, entity_id: str | None) -> None:
        """Emphasise every mention of one entity in every pane (None clears it)."""
        self.entity_focus = entity_id
        for pane in self.panes:
            pane.set_entity_focus(entity_id)
        self.facts.follow_entity(entity_id)

    # -------------------------------------------------------------------- search

    def action_search(self) -> None:
        """Open the search box (typing there never triggers reader keys)."""
        search = self.search_box
        search.display = True
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        # Wait for a pause in typing: each search repaints every pane with matches.
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, partial(self.search, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        self._flush_search(event.value)
        self.step_match(1)

    def _flush_search(self, raw: str) -> None:
        """Search for ``raw`` now rather than after the typing pause (Enter or Escape was pressed)."""
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        if not self.search_state.is_current(raw):
            self.search(raw)

    def search(self, raw: str) -> None:
        """Highlight every case-insensitive match of ``raw`` in every source."""
        found = self.search_state.find(raw, [pane.article.text for pane in self.panes])
        for pane, spans in zip(self.panes, found, strict=True):
            pane.set_overlays("search", spans)

    def clear_search(self) -> None:
        """Forget the search and remove its highlights."""
        self.search_state.clear()
        for pane in self.panes:
            pane.set_overlays("search", [])

    def step_match(self, direction: int) -> None:
        """Scroll to the next/previous search match (across sources, in pane order), wrapping
        round with a message as vim and less do."""
        state = self.search_state
        match = state.advance(direction)
        if match is None:
            if self.search_text:
                self.notify(f"No match for “{self.search_text}” in any source.", markup=False)
            return
        if state.went_round:
            ends = ("BOTTOM", "TOP") if direction > 0 else ("TOP", "BOTTOM")
            self.notify(f"Search hit {ends[0]}, continuing at {ends[1]}.", markup=False, timeout=3)
        index, start, _ = match
        self._place = None
        if not self.panes[index].display:
            self._reveal(index)
        self.focused_pane = index
        if not self.search_box.display:  # from the box, Enter goes on stepping
            self.panes[index].scroller.focus()
        self.call_after_refresh(self.panes[index].scroll_to_offset, start, margin=2)
        self.status.show_hint(f"“{self.search_text}” match {state.index + 1} of {len(state.matches)}")

    # ------------------------------------------------------- entities, export, edits

    def action_toggle_sidebar(self) -> None:
        """Show the entity sidebar (focused) or hide it and go back to the text."""
        self.tools.toggle_sidebar()

    def action_entity_grid(self) -> None:
        """Open the source × entity grid; Enter there focuses the entity here."""
        self.tools.open_entity_grid()

    def action_mention(self, step: int) -> None:
        """Scroll to the next/previous mention of the focused entity, across sources in order."""
        self.tools.step_mention(step)

    def action_toggle_mark(self) -> None:
        """Mark or unmark a fact for export: the one under the facts-list cursor, else the current one."""
        self.tools.toggle_mark()

    def action_export(self) -> None:
        """Open the export dialog with what the reader is looking at."""
        self.tools.open_export()

    def action_copy_excerpt(self) -> None:
        """Copy the current fact's excerpt (in the focused source) with its citation."""
        self.tools.copy_excerpt()

    def action_add_alias(self) -> None:
        """Ask which entity the search text (or current mention) names, then add it as an alias."""
        self.tools.add_alias()

    def action_overview(self) -> None:
        """Open the story at a glance (who says what, who agrees with whom, per source, over time)."""
        from tui.app.overview.opening import open_overview

        open_overview(self)

    def action_fold_mode(self) -> None:
        """Show only what differs in the shown sources, agreed text folded."""
        from tui.app.overview.opening import open_fold

        open_fold(self)

    def action_two_sources(self) -> None:
        """Put the focused source beside another, rows aligned and word differences marked."""
        from tui.app.overview.opening import open_two_sources

        open_two_sources(self)

    def on_entity_sidebar_entity_chosen(self, message: EntitySidebar.EntityChosen) -> None:
        self.tools.entity_chosen(message.entity_id)

    def on_entity_sidebar_grid_requested(self) -> None:
        self.tools.open_entity_grid()

    def on_entity_sidebar_suggestion_chosen(self, message: EntitySidebar.SuggestionChosen) -> None:
        self.tools.add_suggested_entity(message.suggestion)

    @work(
        thread=True,
        exclusive=True,
        group="compare",
        exit_on_error=False,
        description="Comparing again with the edited annotations",
    )
    def recompare(self, annotations: Path) -> None:
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
