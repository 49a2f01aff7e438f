"""Articles of the bundled story read without the loader, for tests of the slot finders."""

from __future__ import annotations

from tui.core.load.resources import bundled_story
from tui.core.model import Article
from tui.core.text.segment import segment_article

CORPUS = bundled_story()


def bundled_article(prefix: str) -> Article:
    path = next(CORPUS.glob(f"{prefix}-*.txt"))
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    date = next(
        line.split(":", 1)[1].strip().strip("'") for line in front.splitlines() if line.startswith("date:")
    )
    return Article(id=prefix, path=str(path), title="", text=body, date=date)


def all_quantities(prefix: str) -> list[tuple[float, str, str | None, str]]:
    units = segment_article(bundled_article(prefix))
    return [(q.value, q.hedge, q.counted, q.text) for u in units for q in u.quantities]
