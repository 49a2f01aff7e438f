"""Turning article files into text the core can compare (HTML pages live in ``load.html``)."""
