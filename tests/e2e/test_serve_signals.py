"""Ctrl+C on ``isotimer serve`` mid-hold: the browser's isotimer saves the hold and can resume.

Ctrl+C sends SIGINT to the whole process group, the server and the isotimer
it runs for each browser tab; the test does the same with ``killpg``. The
WebSocket stands in for the browser page (same Origin), typing as a keyboard.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys

import aiohttp
import pytest

from tests.e2e.cdp import free_port

pytestmark = pytest.mark.e2e
SHORT = """\
name = "Serve signal hold"
lead_in = 1

[[hold]]
name = "Long hold"
seconds = 60
sets = 2
rest = 5
"""


async def type_keys(ws: aiohttp.ClientWebSocketResponse, *keys: str) -> None:
    for key in keys:
        await ws.send_str(json.dumps(["stdin", key]))
        await asyncio.sleep(0.5)


async def test_ctrl_c_on_serve_saves_the_hold_in_progress(tmp_path):
    data, sessions = tmp_path / "data", tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "serve-signal.toml").write_text(SHORT)
    port = int(os.environ.get("ISOTIMER_TEST_PORT") or free_port())
    argv = [sys.executable, "-m", "isotimer", "--data-dir", str(data), "--sessions", str(sessions)]
    server = subprocess.Popen(
        [*argv, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a process group of its own, as a terminal's job is
    )
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(100):
                try:
                    ws = await http.ws_connect(
                        f"http://127.0.0.1:{port}/ws?width=100&height=30",
                        headers={"Origin": f"http://127.0.0.1:{port}"},
                    )
                    break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.2)
            drain = asyncio.create_task(ws.receive_bytes(timeout=60))
            await asyncio.sleep(6)  # the served isotimer starts
            await type_keys(ws, "/", *"serve signal", "\r", "\r")
            for _ in range(150):
                if (data / "history.sqlite3").exists():
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(4)  # lead-in over, a few seconds into the hold
            os.killpg(server.pid, signal.SIGINT)
            assert server.wait(timeout=20) == 0
            drain.cancel()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    with sqlite3.connect(data / "history.sqlite3") as conn:
        holds = conn.execute("SELECT held_s, completed FROM holds").fetchall()
        outcomes = [row[0] for row in conn.execute("SELECT outcome FROM runs")]
    assert len(holds) == 1 and holds[0][0] > 0 and holds[0][1] == 0, holds
    assert outcomes == ["in_progress"]  # offered for resume next time
