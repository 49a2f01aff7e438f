"""storydiff: compare several reports of one story side by side.

This module imports nothing on purpose: ``storydiff --help`` and ``storydiff export`` must
not pay for Textual, and every ``import tui.x`` runs this file first.
"""

__version__ = "0.1.0"
