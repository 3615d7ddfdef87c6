"""Filled by its own issue; the app exists so the layout is in place from the start."""
