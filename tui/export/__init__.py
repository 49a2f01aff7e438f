"""Exporters: Rich allowed, Textual never."""
