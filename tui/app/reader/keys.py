"""Every key of the reader screen, in the order the help and the README list them.

Story-wide keys; reading keys live on the pane (``ArticlePane``), filter keys on the facts
list, and ``a`` (add a suggested entity) on the sidebar. The screen binds this list as its
``BINDINGS``: Textual reads it there, and each action is a method of the screen.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

SYNC_HELP = "Synced scrolling on/off: the other panes follow the aligned statements"

READER_BINDINGS: list[BindingType] = [
    Binding("tab", "focus_pane(1)", "Next source", show=False),
    Binding("shift+tab", "focus_pane(-1)", "Previous source", show=False),
    Binding(
        "right_square_bracket",
        "discrepancy(1)",
        "Next discrepancy",
        tooltip="Next discrepancy below where you are (wraps); its sources are shown side by side",
    ),
    Binding(
        "left_square_bracket",
        "discrepancy(-1)",
        "Previous discrepancy",
        show=False,
        tooltip="Previous discrepancy above where you are (wraps)",
    ),
    Binding(
        "right_curly_bracket",
        "shared(1)",
        "Next shared fact",
        tooltip="Next shared fact below where you are (wraps)",
    ),
    Binding(
        "left_curly_bracket",
        "shared(-1)",
        "Previous shared fact",
        show=False,
        tooltip="Previous shared fact above where you are (wraps)",
    ),
    Binding(
        "n",
        "highlight(1)",
        "Next match",
        show=False,
        tooltip="Next search match (after /), else the next highlight in this pane",
    ),
    Binding(
        "N",
        "highlight(-1)",
        "Previous match",
        show=False,
        tooltip="Previous search match (after /), else the previous highlight in this pane",
    ),
    Binding("slash", "search", "Search"),
    Binding("s", "sync(False)", "Sync: on", tooltip=SYNC_HELP),
    Binding("s", "sync(True)", "Sync: off", tooltip=SYNC_HELP),
    Binding("z", "zoom", "Zoom"),
    Binding("f", "toggle_facts", "Facts", tooltip="Go to the facts list (from the list: hide it)"),
    Binding("b", "toggle_boilerplate", "Hide/show boilerplate", show=False),
    Binding(
        "p", "pick_panes", "Pick sources", show=False, tooltip="Choose the sources shown (filter, all, none)"
    ),
    Binding(
        "less_than_sign",
        "page(-1)",
        "Previous sources (page)",
        show=False,
        tooltip="Previous sources (page); after a jump, from your own sources again",
    ),
    Binding(
        "greater_than_sign",
        "page(1)",
        "Next sources (page)",
        show=False,
        tooltip="Next sources (page); after a jump, from your own sources again",
    ),
    Binding(
        "escape",
        "back",
        "Back to the text",
        show=False,
        tooltip="Back to the text: close the search box, leave zoom, hide the banner or legend, clear the search",
    ),
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
        "space",
        "toggle_mark",
        "Mark fact",
        show=False,
        tooltip="Mark or unmark the current fact for export",
    ),
    Binding(
        "x",
        "export",
        "Export",
        tooltip="Export the current fact, the marked facts, an entity or everything",
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
        "o",
        "overview",
        "Overview",
        tooltip="The story at a glance: who says what, who agrees with whom, per source, over time",
    ),
    Binding(
        "d",
        "fold_mode",
        "Only differences",
        show=False,
        tooltip="Fold mode: only what differs, agreed text folded (Enter opens a fold)",
    ),
    Binding(
        "c",
        "two_sources",
        "Two sources",
        show=False,
        tooltip="This source and another side by side, rows aligned, word differences marked",
    ),
]
