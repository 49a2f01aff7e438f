"""The story at a glance (overview), fold mode and two-source mode: screens over the reader."""
