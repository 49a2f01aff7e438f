"""Statements of different sources side by side: alignment, shared phrases and wire copy,
the discrepancy checks, and the clusters every view and export reads."""
