"""What a text says, before any comparison: normalised tokens, statements (segmentation),
entity mentions, and the typed slots a statement carries (quantities, dates, quotes)."""
