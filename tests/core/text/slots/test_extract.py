"""All slot finders together on random texts: every slot slices the text it came from."""

from __future__ import annotations

import random

from tui.core.text.segment import sentence_spans
from tui.core.text.slots.dates import find_dates
from tui.core.text.slots.quantities import find_quantities
from tui.core.text.slots.quotes import find_quotes


def test_random_texts_give_facts_that_slice_the_text() -> None:
    rng = random.Random(1957)
    pieces = [
        "about",
        "60,000",
        "at least",
        "between",
        "and",
        "to",
        "-",
        "$",
        "1.5",
        "billion",
        "sixty",
        "thousand",
        "km",
        "miles",
        "%",
        "Oct.",
        "29,",
        "2025",
        "Tuesday",
        "in",
        "March",
        "“",
        "”",
        '"',
        "said",
        "Smith",
        "he",
        ".",
        ",",
        "\n",
        "dozens",
        "of",
        "troops",
        "SM-6",
        "80th",
        "phase",
        "one",
        "yesterday",
        "last",
        "week",
        "No.",
    ]
    for _ in range(400):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        date = rng.choice([None, "2025-10-29", "2025-03", "bogus"])
        for fact in (
            *find_dates(text, date),
            *find_quantities(text),
            *find_quotes(text, sentence_spans(text)),
        ):
            assert text[fact.start : fact.end] == fact.text
        for quantity in find_quantities(text):
            assert quantity.low <= quantity.value <= quantity.high
