"""All the slots of one article at once: dates first, so that their digits are not taken for
counts, and the candidate words found once for both patterns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.model import Article, DateMention, Mention, Quantity, Quote
from tui.core.text.slots.dates import DATE_STARTERS, find_dates
from tui.core.text.slots.quantities import QUANTITY_STARTERS, find_quantities
from tui.core.text.slots.quotes import find_quotes
from tui.core.text.slots.scan import candidate_words


@dataclass(frozen=True)
class ArticleSlots:
    """Everything :func:`article_slots` found in one article, in text order."""

    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    quotes: tuple[Quote, ...]


def article_slots(
    article: Article,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[Mention] = (),
) -> ArticleSlots:
    """Quantities, dates and quotes of an article; dates are found first so their digits are not counts."""
    candidates = candidate_words(article.text, DATE_STARTERS | QUANTITY_STARTERS)
    dates = find_dates(article.text, article.date, candidates)
    quantities = find_quantities(article.text, [(d.start, d.end) for d in dates], candidates)
    quotes = find_quotes(article.text, sentences, article.paragraphs, mentions)
    return ArticleSlots(quantities, dates, quotes)
