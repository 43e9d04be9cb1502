"""Headless Chromium driven over the DevTools protocol, with aiohttp (textual-serve needs it).

Only loopback addresses, or those of a test's own network namespace, are used; every
wait has a deadline: a test that drives a browser must stop by itself even when the
browser never answers.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# xterm's key codes for the keys the tests press.
KEYS = {
    "Enter": ("Enter", 13, "\r"),
    "Escape": ("Escape", 27, ""),
    "Tab": ("Tab", 9, ""),
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def wait_until(check: Callable[[], Any], timeout_s: float, what: str) -> Any:
    """Poll ``check`` until it returns something truthy, or fail after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return result
        await asyncio.sleep(0.05)
    raise TimeoutError(f"gave up after {timeout_s:g} s waiting for {what}")


class Browser:
    """One Chromium process with its own profile, and its first page over a websocket."""

    def __init__(self, profile: Path) -> None:
        self.profile = profile
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.http: aiohttp.ClientSession | None = None
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self._ids = itertools.count(1)
        self._replies: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._listeners: dict[str, list[Callable[[dict[str, Any]], None]]] = {}
        self._reader: asyncio.Task[None] | None = None

    async def start(self, timeout_s: float = 20.0) -> None:
        command = [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={self.profile}",
            f"--remote-debugging-port={self.port}",
            "--remote-debugging-address=127.0.0.1",
            "about:blank",
        ]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.http = aiohttp.ClientSession()
        page = await wait_until(self._page_url, timeout_s, "Chromium's debugging port")
        self.socket = await self.http.ws_connect(page, max_msg_size=0)
        self._reader = asyncio.create_task(self._read())

    async def _page_url(self) -> str | None:
        assert self.http is not None
        try:
            async with self.http.get(f"http://127.0.0.1:{self.port}/json/list") as reply:
                targets = await reply.json()
        except (aiohttp.ClientError, json.JSONDecodeError):
            return None
        pages = [t["webSocketDebuggerUrl"] for t in targets if t.get("type") == "page"]
        return pages[0] if pages else None

    async def _read(self) -> None:
        assert self.socket is not None
        async for message in self.socket:
            if message.type is not aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._replies:
                self._replies.pop(data["id"]).set_result(data)
            for listener in self._listeners.get(data.get("method", ""), []):
                listener(data.get("params", {}))

    def on(self, event: str, listener: Callable[[dict[str, Any]], None]) -> None:
        self._listeners.setdefault(event, []).append(listener)

    async def send(self, method: str, timeout_s: float = 10.0, **params: Any) -> dict[str, Any]:
        """Call one DevTools method and return its result; raise on a protocol error."""
        assert self.socket is not None
        call_id = next(self._ids)
        reply: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._replies[call_id] = reply
        await self.socket.send_json({"id": call_id, "method": method, "params": params})
        data = await asyncio.wait_for(reply, timeout_s)
        if "error" in data:
            raise RuntimeError(f"{method}: {data['error']}")
        return data.get("result", {})

    async def type_text(self, text: str) -> None:
        for char in text:
            await self.send("Input.dispatchKeyEvent", type="keyDown", key=char, text=char)
            await self.send("Input.dispatchKeyEvent", type="keyUp", key=char)

    async def press(self, key: str) -> None:
        name, code, text = KEYS[key]
        down = {"key": name, "code": name, "windowsVirtualKeyCode": code}
        await self.send("Input.dispatchKeyEvent", type="keyDown", text=text, **down)
        await self.send("Input.dispatchKeyEvent", type="keyUp", **down)

    async def screenshot(self, path: Path) -> Path:
        shot = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        if self.socket is not None:
            await self.socket.close()
        if self.http is not None:
            await self.http.close()
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)
