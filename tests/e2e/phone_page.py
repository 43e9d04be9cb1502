"""Reading and tapping the live page in headless Chromium, for the tests that follow a run.

The layout check measures every text box against the digits and every button
against the screen, at the four sizes a phone or tablet is used at.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from tests.e2e.cdp import Browser

SIZES = {
    "portrait": (390, 844),
    "landscape": (844, 390),
    "small-landscape": (667, 375),
    "tablet": (820, 1180),
}
TEXT = ("banner", "session", "title", "details", "side", "pacer", "cue", "next", "status",
        "awake", "card")  # fmt: skip
BUTTONS = ("pause", "end")
LAYOUT = """(() => {
  const box = (id) => { const e = document.getElementById(id); const r = e.getBoundingClientRect();
    return (r.width > 0 && r.height > 0) ? r : null; };
  const meets = (r, s) => r.left < s.right - 0.5 && s.left < r.right - 0.5
    && r.top < s.bottom - 0.5 && s.top < r.bottom - 0.5;
  const inside = (r) => r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5
    && r.bottom <= innerHeight + 0.5;
  const digits = box("time");
  const texts = TEXT.filter((id) => box(id));
  return JSON.stringify({
    digits: digits && [digits.width, digits.height],
    shown: texts,
    overlaps: digits ? texts.filter((id) => meets(box(id), digits)) : ["no digits"],
    buttons: BUTTONS.map((id) => [id, Boolean(box(id) && inside(box(id)))]),
    outside: texts.filter((id) => !inside(box(id))),
  });
})()""".replace("TEXT", json.dumps(TEXT)).replace("BUTTONS", json.dumps(BUTTONS))


async def evaluate(browser: Browser, expression: str) -> Any:
    """The value of ``expression`` in the page."""
    reply = await browser.send("Runtime.evaluate", expression=expression, returnByValue=True)
    return reply["result"].get("value")


async def text_of(browser: Browser, element: str) -> str:
    return await evaluate(browser, f"document.getElementById('{element}').textContent")


async def tap(browser: Browser, element: str) -> None:
    """A real tap (mouse down and up at the element's centre): a user gesture, as a finger's."""
    where = await evaluate(
        browser,
        f"(() => {{ const r = document.getElementById('{element}').getBoundingClientRect();"
        " return [r.left + r.width / 2, r.top + r.height / 2]; })()",
    )
    x, y = where
    for kind in ("mousePressed", "mouseReleased"):
        await browser.send(
            "Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1
        )


async def resize(browser: Browser, width: int, height: int) -> None:
    await browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=True,
        screenOrientation={
            "type": "landscapePrimary" if width > height else "portraitPrimary",
            "angle": 90 if width > height else 0,
        },
    )


async def layout(browser: Browser) -> dict[str, Any]:
    """Which text boxes meet the digits, which buttons are wholly on screen."""
    return json.loads(await evaluate(browser, LAYOUT))


async def screenshot(browser: Browser, folder: Path, name: str) -> Path:
    """A picture of the page, kept also in ``$ISOTIMER_SCREENSHOTS`` when it is set."""
    path = await browser.screenshot(folder / f"{name}.png")
    keep = os.environ.get("ISOTIMER_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path
