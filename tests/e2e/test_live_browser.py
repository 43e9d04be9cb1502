"""The live page in a real headless Chromium, following a real run of the app.

The app runs under the pilot with the system clock, so its steps end on real
deadlines; the page is read over the DevTools protocol and compared with the
engine at the same moment. Screenshots are saved beside the test's temporary
files, and to ``$ISOTIMER_SCREENSHOTS`` when it is set, to look at.
"""

from __future__ import annotations

from dataclasses import replace

import aiohttp
import pytest

from isotimer.core.clock import SystemClock
from isotimer.core.session.model import Breathing, Level
from isotimer.ui.screens.run import RunScreen
from tests.e2e.cdp import CHROMIUM, Browser, wait_until
from tests.e2e.phone_page import SIZES, evaluate, layout, resize, screenshot
from tests.programs import requires_program
from tests.ui.builders import WALL_SIT, make_app, session

pytestmark = [
    pytest.mark.e2e,
    requires_program(str(CHROMIUM)),
]

SHORT = session(
    "live-test",
    "Live test",
    replace(WALL_SIT, beginner_s=5, sets=2, rest=4, breathing=Breathing(inhale=2, exhale=2)),
    lead_in=4,
)
MAX_LAG_S = 0.3
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
TIMEOUT_S = 30.0


async def page_text(browser: Browser, element: str) -> str:
    return await evaluate(browser, f"document.getElementById('{element}').textContent")


async def lag(browser: Browser, run: RunScreen) -> float:
    """How far the page's time left is from the engine's, read back to back."""
    page = await evaluate(browser, "window.liveRemaining()")
    engine = run.engine.snapshot(run.clock.monotonic()).remaining_s
    return abs(page - engine)


async def click(browser: Browser, element: str) -> None:
    await evaluate(browser, f"document.getElementById('{element}').click()")


async def test_the_page_follows_a_real_run_and_its_buttons_drive_it(tmp_path):
    app = make_app(
        tmp_path,
        clock=SystemClock(),
        start=(SHORT, Level.BEGINNER),
        share=("127.0.0.1", 0),
    )
    browser = Browser(tmp_path / "chromium-profile")
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # the code shown at the start of a --share run
        run = next(s for s in app.screen_stack if isinstance(s, RunScreen))
        url = app.sharing.live.url
        try:
            await browser.start()
            await browser.send("Emulation.setDeviceMetricsOverride", **PHONE)
            await browser.send("Page.enable")
            await browser.send("Page.navigate", url=url)
            await wait_until(lambda: page_text(browser, "banner"), TIMEOUT_S, "the page")
            await click(browser, "sound")  # the tap that allows sound and the wake lock

            moments = {}
            for phase, words in (("hold", "HOLD"), ("rest", "REST")):
                await wait_until(
                    lambda w=words: _is(page_text(browser, "banner"), w), TIMEOUT_S, words
                )
                assert run.engine.current.kind.value == phase
                moments[phase] = await lag(browser, run)
                assert moments[phase] <= MAX_LAG_S, (phase, moments)
                await screenshot(browser, tmp_path, f"live-{phase}")

            await wait_until(lambda: _is(page_text(browser, "banner"), "HOLD"), TIMEOUT_S, "hold 2")
            await click(browser, "pause")
            await wait_until(lambda: run.engine.paused, TIMEOUT_S, "the engine to pause")
            await wait_until(lambda: _is(page_text(browser, "banner"), "PAUSED"), 5, "PAUSED")
            frozen = await evaluate(browser, "window.liveRemaining()")
            await pilot.pause(1.0)
            assert await evaluate(browser, "window.liveRemaining()") == frozen  # no counting on
            moments["paused"] = await lag(browser, run)
            assert moments["paused"] <= MAX_LAG_S

            for name, size in SIZES.items():
                await resize(browser, *size)
                await pilot.pause(0.3)
                found = await layout(browser)
                assert found["overlaps"] == [] and found["outside"] == [], (name, found)
                assert all(on for _, on in found["buttons"]), (name, found)
                await screenshot(browser, tmp_path, f"live-paused-{name}")

            app.sharing.live.server.drop_clients()
            await pilot.press("space")  # resumed from the terminal while the page is cut off
            await wait_until(lambda: _is(page_text(browser, "banner"), "HOLD"), 15, "catching up")
            assert await lag(browser, run) <= MAX_LAG_S

            async with aiohttp.ClientSession() as http:
                async with http.get(url) as reply:
                    assert reply.status == 200
                async with http.get(url.rsplit("/", 2)[0] + "/") as reply:
                    assert reply.status == 403
        finally:
            await browser.close()
    print(f"lag behind the terminal: {moments}")


async def _is(text_coroutine, words: str) -> bool:
    return (await text_coroutine) == words
