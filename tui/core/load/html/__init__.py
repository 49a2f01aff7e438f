"""Saved web pages -> article text, boilerplate spans and metadata, with the standard library."""

from tui.core.load.html.page import HtmlDocument, reduce_html

__all__ = ["HtmlDocument", "reduce_html"]
