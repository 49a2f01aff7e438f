"""What every view and export shares, computed from a ``Comparison``: marks, excerpts with
citations, cluster selection (``--only``) and scroll synchronisation."""
