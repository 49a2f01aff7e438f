"""What a text says, before any comparison: normalised tokens, statements (segmentation),
entity mentions, the typed slots a statement carries (quantities, dates, times, quotes), and
words as the comparison sees them (stems, spellings, numbers, compounds, derivations:
:func:`tui.core.text.match.match_key` is the entry point)."""
