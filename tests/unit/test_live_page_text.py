"""The live page writes every text it is sent as text: a session name is never read as HTML."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

PAGE = (files("isotimer") / "web" / "page.html").read_text(encoding="utf-8")
SCRIPT = "\n".join(re.findall(r"<script[^>]*>(.*?)</script>", PAGE, re.DOTALL))
# Where each text from a session file, the history or the user lands on the page.
TEXT_SINKS = {
    "session": r'\$\("name"\)\.textContent = next\.session\b',
    "title": r'\$\("title"\)\.textContent = next\.title\b',
    "words": r'\$\("banner"\)\.textContent = next\.words\b',
    "details": r'\$\("details"\)\.textContent = details\(next\)',
    "next": r'\$\("next"\)\.textContent = .*state\.next\b',
}


def test_the_page_has_a_script_to_check():
    assert "function show(next)" in SCRIPT


@pytest.mark.parametrize("sink", ["innerHTML", "outerHTML", "insertAdjacentHTML", ".write("])
def test_no_text_reaches_an_html_sink(sink):
    """Mutation (issue 27): ``innerHTML`` for the session name on the live page (page.html):
    a session named ``<img src=x onerror=...>`` would run its script on the phone. Emptying
    an element (``innerHTML = ""``) is the one use that parses nothing."""
    uses = re.findall(rf"{re.escape(sink)}\s*(=\s*[^;\n]*|\()", SCRIPT)
    assert all(re.fullmatch(r'=\s*(""|\'\')', use) for use in uses), uses


@pytest.mark.parametrize("field", list(TEXT_SINKS))
def test_each_text_field_is_set_as_text_content(field):
    assert re.search(TEXT_SINKS[field], SCRIPT), field
