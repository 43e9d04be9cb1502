"""Screens, one a module; the run screen is a package (``run/``: screen, keys, layout, stop)."""
