"""The shared text guard: control characters become visible, and loaders can name them."""

from __future__ import annotations

import pytest

from isotimer.core.text.printable import first_control, printable
from isotimer.storage.nesting import nested_deeper, too_deep


@pytest.mark.parametrize(
    ("text", "multiline", "shown"),
    [
        ("Wall sit", False, "Wall sit"),
        ("Legs [/] day", False, "Legs [/] day"),  # markup is not this function's business
        ("a\x1b]52;c;eA==\x07b", False, "a␛]52;c;eA==␇b"),
        ("x\x1b]2;title\x07", False, "x␛]2;title␇"),
        ("\x9b31m", False, "\ufffd31m"),  # C1 has no picture: the replacement mark
        ("\x7f", False, "␡"),
        ("\x00", False, "␀"),
        ("lone \ud800", False, "lone \ufffd"),
        ("two\nlines\tand tab", False, "two␊lines␉and tab"),
        ("two\nlines\tand tab", True, "two\nlines\tand tab"),
        ("cr\r\n", True, "cr␍\n"),
        ("émoji 🦵 ünïcode", False, "émoji 🦵 ünïcode"),
        ("Legs \u202eyad", False, "Legs \ufffdyad"),  # displayed "Legs day" reversed
        ("\u2066a\u2069 \u200e\u200f\u061c", True, "\ufffda\ufffd \ufffd\ufffd\ufffd"),
        ("zero\u200bwidth\u200c\u200d\u2060\ufeff", False, "zero\ufffdwidth" + "\ufffd" * 4),
        ("\u202a\u202b\u202c\u202d", False, "\ufffd" * 4),
        (
            "\u200a hair space, \u00a0 no-break space",
            False,
            "\u200a hair space, \u00a0 no-break space",
        ),
    ],
)
def test_printable_shows_every_control_character_as_a_visible_mark(text, multiline, shown):
    assert printable(text, multiline) == shown


@pytest.mark.parametrize(
    ("text", "multiline", "found"),
    [
        ("fine", False, None),
        ("ab\x1bc", False, (2, "ESC (U+001B)")),
        ("\x07", False, (0, "BEL (U+0007)")),
        ("x\x9d", False, (1, "OSC (U+009D)")),
        ("\ud800", False, (0, "a lone surrogate (U+D800)")),
        ("a\nb", False, (1, "LF (U+000A)")),
        ("a\nb", True, None),
        ("\x85", False, (0, "control character (U+0085)")),
        ("Legs \u202eyad", False, (5, "RIGHT-TO-LEFT OVERRIDE (U+202E)")),
        ("a\u200bb", True, (1, "ZERO WIDTH SPACE (U+200B)")),
        ("\ufeffname", False, (0, "ZERO WIDTH NO-BREAK SPACE (U+FEFF)")),
        ("\u2069", False, (0, "POP DIRECTIONAL ISOLATE (U+2069)")),
        ("\u061c", False, (0, "ARABIC LETTER MARK (U+061C)")),
    ],
)
def test_first_control_names_the_first_character_a_loader_refuses(text, multiline, found):
    assert first_control(text, multiline) == found


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a = [[1], [2]]\n", None),
        ("a = " + "[" * 33 + "]" * 33, 1),
        ("x = 1\ny = " + "{a = " * 40, 2),
        ('a = "' + "[" * 100 + '"\n', None),  # inside a string
        ("# " + "[" * 100 + "\n", None),  # inside a comment
        ("'''\n" + "[" * 100 + "\n'''\n", None),  # a multi-line literal string
        ("k" + ".k" * 40 + " = 1\n", 1),  # a dotted key of 41 parts
        ("a = [" + "1.5, " * 100 + "]\n", None),  # dots in floats are no key
    ],
)
def test_too_deep_finds_the_line_where_nesting_passes_the_cap(text, line):
    assert too_deep(text) == line


def test_nested_deeper_walks_parsed_data_without_recursion():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert nested_deeper(deep) and not nested_deeper({"a": [{"b": 1}]})
