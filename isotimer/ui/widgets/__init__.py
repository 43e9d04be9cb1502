"""Widgets of the run and picker screens, one a module."""
