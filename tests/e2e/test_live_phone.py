"""The phone beside the mat, for real: a run shared on a LAN and followed from another machine.

``isotimer run … --plain --share --host 0.0.0.0`` runs inside a network namespace
whose one interface has a 198.18.x.x address and a default route; the test reads
the address it prints and opens it in headless Chromium from this side of the
veth pair, as a phone on the home Wi-Fi would. Then: the second a page opened
mid-step shows, the layout at four sizes, a double tap on Pause, a link that
goes silent, and the end card. Screenshots are kept in ``$ISOTIMER_SCREENSHOTS``.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from urllib.parse import urlsplit

import pytest

from tests.e2e.cdp import CHROMIUM, Browser, wait_until
from tests.e2e.netns import lan_namespace
from tests.e2e.phone_page import SIZES, evaluate, layout, resize, screenshot, tap, text_of
from tests.programs import requires_program

pexpect = pytest.importorskip("pexpect")
pytestmark = [
    pytest.mark.e2e,
    requires_program(str(CHROMIUM)),
    requires_program("ip"),
    pytest.mark.timeout(180),
]

SIDES = """\
name = "Phone beside the mat"
lead_in = 2

[[hold]]
exercise = "side-plank"
seconds = 20
sets = 2
rest = 8
"""
HOLD_S = 20
MAX_LAG_S = 0.3
OFFLINE_WITHIN_S = 5.0
TIMEOUT_S = 30


def start_run(namespace, tmp_path):
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "phone-beside-the-mat.toml").write_text(SIDES)
    env = {
        **os.environ,
        "ISOTIMER_DATA_DIR": str(tmp_path / "data"),
        "NO_COLOR": "1",
        "TERM": "dumb",
    }
    argv = namespace.command(
        sys.executable, "-m", "isotimer", "--sessions", str(folder), "run",
        "phone-beside-the-mat", "--plain", "--share", "--host", "0.0.0.0",
    )  # fmt: skip
    return pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8", timeout=TIMEOUT_S)


async def test_a_phone_on_the_lan_follows_a_plain_run(tmp_path):
    shots = tmp_path / "shots"
    shots.mkdir()
    with lan_namespace() as namespace:
        child = start_run(namespace, tmp_path)
        browser = Browser(tmp_path / "chromium-profile")
        try:
            child.expect(r"Live page: (http://[\d.]+:\d+/[\w-]+/)")
            url = child.match.group(1)
            # The namespace's own address, not loopback: a phone can open it.
            assert urlsplit(url).hostname == namespace.inside, url
            child.expect_exact("Side plank, left side: 20 s")
            hold_started = time.monotonic()

            await browser.start()
            await resize(browser, *SIZES["portrait"])
            await browser.send("Page.navigate", url=url)
            await wait_until(lambda: _is(text_of(browser, "banner"), "HOLD"), TIMEOUT_S, "HOLD")
            await wait_until(lambda: evaluate(browser, "state && offsets.length"), 5, "a state")
            page = await evaluate(browser, "window.liveRemaining()")
            terminal = HOLD_S - (time.monotonic() - hold_started)
            lag = abs(page - terminal)
            assert lag <= MAX_LAG_S, (page, terminal)

            await tap(browser, "sound")  # a real gesture: sound, and the screen kept on
            awake = await wait_until(
                lambda: _not(evaluate(browser, "window.liveAwake"), "not asked"), 5, "awake"
            )
            assert awake in ("wake lock", "video", "none"), awake
            if awake == "none":
                assert "cannot keep the screen on" in await text_of(browser, "awake")
            assert await text_of(browser, "side") == "L"

            for name, size in SIZES.items():
                await resize(browser, *size)
                await browser.send("Runtime.evaluate", expression="draw()")
                found = await layout(browser)
                assert found["overlaps"] == [] and found["outside"] == [], (name, found)
                assert all(on for _, on in found["buttons"]), (name, found)
                assert "side" in found["shown"], (name, found)
                await screenshot(browser, shots, f"phone-hold-{name}")

            await resize(browser, *SIZES["portrait"])
            await tap(browser, "pause")
            await evaluate(browser, "new Promise((done) => setTimeout(done, 150))")
            await tap(browser, "pause")  # a sweaty double tap
            child.expect_exact("Paused")
            await wait_until(lambda: _is(text_of(browser, "banner"), "PAUSED"), 5, "PAUSED")
            with pytest.raises(pexpect.TIMEOUT):
                child.expect_exact("Resumed", timeout=1.5)
            assert await text_of(browser, "banner") == "PAUSED"
            await screenshot(browser, shots, "phone-paused-portrait")

            os.kill(child.pid, signal.SIGSTOP)  # the link goes silent, the terminal too
            silent = time.monotonic()
            try:
                await wait_until(
                    lambda: evaluate(browser, "document.body.classList.contains('offline')"),
                    OFFLINE_WITHIN_S,
                    "the page to say it is offline",
                )
                offline_after = time.monotonic() - silent
                assert "Offline since" in await text_of(browser, "status")
                frozen = await evaluate(browser, "window.liveRemaining()")
                await evaluate(browser, "new Promise((done) => setTimeout(done, 1000))")
                assert await evaluate(browser, "window.liveRemaining()") == frozen
                await screenshot(browser, shots, "phone-offline-portrait")
            finally:
                os.kill(child.pid, signal.SIGCONT)
            await wait_until(
                lambda: evaluate(browser, "!document.body.classList.contains('offline')"),
                10,
                "the page back online",
            )

            await tap(browser, "pause")  # now it reads Resume
            child.expect_exact("Resumed")
            child.expect_exact("Switch sides")
            await resize(browser, *SIZES["landscape"])
            await wait_until(lambda: _is(text_of(browser, "side"), "R"), 5, "R for the switch")
            await screenshot(browser, shots, "phone-switch-landscape")
            dark = [{"name": "prefers-color-scheme", "value": "dark"}]
            await browser.send("Emulation.setEmulatedMedia", features=dark)
            await resize(browser, *SIZES["portrait"])
            found = await layout(browser)
            assert found["overlaps"] == [] and all(on for _, on in found["buttons"]), found
            await screenshot(browser, shots, "phone-switch-portrait-dark")

            child.send("q")
            child.expect_exact("Stop the session?")
            await wait_until(lambda: evaluate(browser, "state.paused && state.held"), 5, "held")
            assert await evaluate(browser, "document.getElementById('pause').disabled")
            child.send("y")
            child.expect_exact("Session stopped.")
            await wait_until(lambda: evaluate(browser, "ended"), 5, "the end card")
            card = await text_of(browser, "card")
            assert "stopped" in card and "You can close this page." in card, card
            assert "Time under tension" in card and "of 4 holds held to the end" in card
            assert await evaluate(browser, "window.liveAwake") in ("released", "none")
            assert await evaluate(browser, "events.readyState") == 2  # closed: no retrying
            await screenshot(browser, shots, "phone-end-portrait-dark")
            # Effort, then pain a side at a time: the side plank works the sides apart.
            for _ in ("effort", "pain on the left", "pain on the right"):
                child.expect_exact("Enter to skip")
                child.sendline("")
            child.expect(pexpect.EOF)
            assert "Traceback" not in (child.before or "")
        finally:
            await browser.close()
            if child.isalive():
                child.kill(signal.SIGKILL)
    print(f"page opened mid-step: {lag:.3f} s from the terminal; offline shown after "
          f"{offline_after:.2f} s; screen kept awake by: {awake}")  # fmt: skip


async def _is(text, expected: str) -> bool:
    return (await text) == expected


async def _not(value, unwanted):
    found = await value
    return found if found != unwanted else None
