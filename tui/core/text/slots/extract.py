"""All the slots of one article at once: dates first, so that their digits are not taken for
counts, and the candidate words found once for both patterns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.model import Article, DateMention, Mention, Quantity, Quote, TimeMention
from tui.core.text.slots.dates import DATE_STARTERS, find_dates
from tui.core.text.slots.forms import find_forms, merged_quantities
from tui.core.text.slots.quantities import QUANTITY_STARTERS, find_quantities
from tui.core.text.slots.quotes import find_quotes
from tui.core.text.slots.scan import candidate_words
from tui.core.text.slots.times import find_times


@dataclass(frozen=True)
class ArticleSlots:
    """Everything :func:`article_slots` found in one article, in text order."""

    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    quotes: tuple[Quote, ...]
    times: tuple[TimeMention, ...] = ()


def article_slots(
    article: Article,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[Mention] = (),
) -> ArticleSlots:
    """Quantities, dates, times and quotes of an article; dates and times are found first so
    their digits are not counts."""
    candidates = candidate_words(article.text, DATE_STARTERS | QUANTITY_STARTERS)
    dates = find_dates(article.text, article.date, candidates)
    times = find_times(article.text)
    taken = sorted([(d.start, d.end) for d in dates] + [(t.start, t.end) for t in times if t.clock])
    plain = find_quantities(article.text, _disjoint(taken), candidates)
    forms = tuple(f for f in find_forms(article.text) if not any(s < f.end and f.start < e for s, e in taken))
    quotes = find_quotes(article.text, sentences, article.paragraphs, mentions)
    return ArticleSlots(merged_quantities(plain, forms), dates, quotes, times)


def _disjoint(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged (the quantity finder bisects over them)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
