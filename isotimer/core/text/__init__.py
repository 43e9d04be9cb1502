"""Text for people: ``printable`` (control characters made visible), ``cut`` (ellipsis at
a word) and ``durations`` (how times are written)."""
