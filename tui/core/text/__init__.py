"""Words as the comparison sees them: stems, spellings, numbers, compounds, derivations.

:func:`tui.core.text.match.match_key` is the entry point; the other modules each hold one
layer and can be used alone.
"""
