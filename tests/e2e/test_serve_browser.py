"""``isotimer serve`` in a real headless Chromium at phone width: pick, run, and save holds.

The browser draws the terminal on a canvas, so the test rebuilds the screen
from the websocket frames the page receives (see ``terminal_screen``) and
presses keys through the DevTools protocol, as a person's keyboard would.
Screenshots of each screen are saved next to the test's temporary files, and
also to ``$ISOTIMER_SCREENSHOTS`` when it is set, to look at.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import aiohttp
import pytest
from textual.theme import BUILTIN_THEMES

from tests.e2e.cdp import CHROMIUM, Browser, free_port, wait_until
from tests.e2e.png import dominant_share, pixels, share_of
from tests.e2e.terminal_screen import TerminalScreen
from tests.programs import requires_program

pytestmark = [
    pytest.mark.e2e,
    requires_program(str(CHROMIUM)),
    pytest.mark.timeout(300),  # a browser and a server, started for real
]

TINY = """\
name = "Tiny browser hold"
tags = ["e2e"]
lead_in = 2

[[hold]]
name = "Tiny hold"
seconds = 1
sets = 2
rest = 1
"""
# A phone held upright: 40 columns by 30 rows of the page's 16 px terminal font.
PHONE = {"width": 366, "height": 546, "deviceScaleFactor": 1, "mobile": False}
TIMEOUT_S = 30.0
# The default theme's colours (the test's data folder sets no theme), as CSS variables.
THEME = BUILTIN_THEMES["textual-dark"].to_color_system().generate()


class ServedApp:
    """What the page has been sent, rebuilt as a screen, and the size it asked for."""

    def __init__(self) -> None:
        self.screen = TerminalScreen()
        self.size: tuple[int, int] | None = None

    def created(self, params: dict) -> None:
        query = parse_qs(urlparse(params["url"]).query)
        if "width" in query:
            self._resize(int(query["width"][0]), int(query["height"][0]))

    def sent(self, params: dict) -> None:
        frame = params["response"]
        if frame["opcode"] == 1 and frame["payloadData"].startswith('["resize"'):
            size = json.loads(frame["payloadData"])[1]
            self._resize(size["width"], size["height"])

    def received(self, params: dict) -> None:
        frame = params["response"]
        if frame["opcode"] == 2:
            self.screen.feed(base64.b64decode(frame["payloadData"]))

    def _resize(self, width: int, height: int) -> None:
        if self.size != (width, height):
            self.size = (width, height)
            self.screen.resize(width, height)

    def shows(self, text: str) -> bool:
        return text in self.screen.text()

    async def wait_for(self, text: str) -> None:
        await self.wait_until(lambda: self.shows(text), repr(text))

    async def wait_until(self, check: Callable[[], object], what: str) -> None:
        """Wait for ``check`` to hold; if it never does, the test fails showing the screen."""
        try:
            await wait_until(check, TIMEOUT_S, what)
        except TimeoutError as error:
            pytest.fail(f"{error}; the screen was:\n{self.screen.text()}")


@pytest.fixture
def folders(tmp_path):
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "tiny-browser-hold.toml").write_text(TINY)
    return tmp_path / "data", sessions


@pytest.fixture
def server(folders, tmp_path):
    """``isotimer serve`` on a free loopback port, stopped (Ctrl+C's signal) after the test."""
    data, sessions = folders
    port = free_port()
    argv = [sys.executable, "-m", "isotimer", "--data-dir", str(data), "--sessions", str(sessions)]
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [*argv, "serve", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT
    )
    yield f"http://127.0.0.1:{port}/", tmp_path / "serve.log"
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)
    log.close()


async def page_is_up(url: str) -> bool:
    try:
        async with aiohttp.ClientSession() as http, http.get(url) as reply:
            return reply.status == 200
    except aiohttp.ClientError:
        return False


def saved_holds(data: Path) -> list[tuple[str, float, bool]]:
    from isotimer.storage.history.store import HistoryStore

    if not (data / "history.sqlite3").exists():
        return []
    with HistoryStore.open(data / "history.sqlite3") as store:
        return [(h.exercise, h.held_s, h.completed) for h in store.holds(newest_first=False)]


async def screenshot(browser: Browser, tmp_path: Path, name: str) -> float:
    """Take the page's picture; the share of it in the hold colour, once checked it is drawn."""
    path = await browser.screenshot(tmp_path / f"browser-{name}.png")
    keep = os.environ.get("ISOTIMER_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    width, height, found = pixels(path)
    assert (width, height) == (PHONE["width"], PHONE["height"]), (width, height)
    blank = dominant_share(found)
    assert blank < 0.97, f"{name}: {blank:.0%} of the page is one colour: nothing was drawn"
    return share_of(found, THEME["success"])


async def test_a_phone_browser_runs_a_session_and_its_holds_are_saved(server, folders, tmp_path):
    url, log = server
    data, _ = folders
    await wait_until(lambda: page_is_up(url), TIMEOUT_S, f"isotimer serve at {url}")
    notice = log.read_text()
    assert "can reach it and use isotimer as you" in notice

    served = ServedApp()
    browser = Browser(tmp_path / "chromium-profile")
    try:
        await browser.start()
        browser.on("Network.webSocketCreated", served.created)
        browser.on("Network.webSocketFrameSent", served.sent)
        browser.on("Network.webSocketFrameReceived", served.received)
        await browser.send("Network.enable")
        # Only loopback: the page's web font would be fetched from the internet.
        await browser.send("Network.setBlockedURLs", urls=["*://fonts.googleapis.com/*"])
        await browser.send("Emulation.setDeviceMetricsOverride", **PHONE)
        await browser.send("Page.enable")
        await browser.send("Page.navigate", url=url)

        await served.wait_for("type to filter")
        assert served.size is not None and 38 <= served.size[0] <= 42, served.size
        await asyncio.sleep(0.5)  # let the first frames settle before the picture
        picker_green = await screenshot(browser, tmp_path, "1-picker")

        await browser.send(
            "Runtime.evaluate",
            expression="document.querySelector('.xterm-helper-textarea').focus()",
        )
        # Enter straight after the word, as a phone keyboard sends them: the filter reads the
        # whole word (its "t" is not the picker's today key) and Enter starts the one match.
        await browser.type_text("/tiny")
        await browser.press("Enter")

        await served.wait_for("GET READY")
        await served.wait_for("HOLD")
        assert "Tiny hold" in served.screen.text(), served.screen.text()
        hold_green = await screenshot(browser, tmp_path, "2-hold")
        # The hold's phase banner is drawn in the theme's success colour, across the page.
        assert hold_green > 0.02 and hold_green > 2 * picker_green, (picker_green, hold_green)

        holds = await wait_until(
            lambda: len(saved_holds(data)) == 2 and saved_holds(data), TIMEOUT_S, "two saved holds"
        )
        assert holds == [("tiny-hold", 1.0, True), ("tiny-hold", 1.0, True)]
        await served.wait_for("held to the end")
        await asyncio.sleep(0.3)
        assert await screenshot(browser, tmp_path, "3-summary") < hold_green
    finally:
        await browser.close()
