"""The pure comparison core: standard library and PyYAML only, no Textual, no Rich."""
