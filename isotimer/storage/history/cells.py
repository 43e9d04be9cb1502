"""CSV cells a spreadsheet cannot run: the OWASP rule against formula injection, reversibly."""

from __future__ import annotations

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(text: str) -> str:
    """A text cell a spreadsheet shows as text: a quote goes before ``=``, ``+``, ``-``, ``@``...

    Numbers are written as numbers and never guarded (no field of a hold can be
    negative). A cell that already starts with a quote gets one more, so that
    ``unguard_cell`` gives back exactly what was exported.
    """
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


def unguard_cell(text: str) -> str:
    """The text ``guard_cell`` was given: one leading quote removed."""
    return text[1:] if text.startswith("'") else text
