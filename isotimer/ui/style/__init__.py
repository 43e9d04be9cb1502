"""How text and colour are shown: ``literal`` (text exactly as written, never markup) and
``readable`` (each theme's colours made to read at 4.5:1)."""
