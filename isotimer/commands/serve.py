"""``serve``: the app in a web browser, so a phone across the room can follow a session."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from isotimer.commands.context import Context
from isotimer.paths import Paths

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="serve the app to a web browser (phone, tablet)")
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on (default: %(default)s, this computer only; "
        "0.0.0.0 for every network it is on)",
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="default: %(default)s")
    serve.set_defaults(run=run_serve)


def app_command(paths: Paths) -> str:
    """The shell command each browser tab runs: this isotimer, on the same data and folders."""
    parts = [sys.executable, "-m", "isotimer", "--data-dir", str(paths.data_dir.resolve())]
    for folder in paths.extra_sessions:
        parts += ["--sessions", str(folder.resolve())]
    return shlex.join(parts)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    return host in ("0.0.0.0", "::", "")


def notice(host: str, port: int) -> list[str]:
    """What the runner must know before the server starts: where, and who can get in."""
    if is_wildcard(host):
        where = [
            f"isotimer serve: listening on every network address of this computer, port {port}.",
            "On a phone or tablet on the same network, open"
            f" http://<this computer's address>:{port}",
        ]
    else:
        where = [f"isotimer serve: open http://{host}:{port} in a browser."]
    reach = "Only this computer can reach it." if is_loopback(host) else "Use a network you trust."
    return [
        *where,
        "Anyone who can reach that address can use isotimer as you: run sessions, "
        f"edit your sessions and read your history. {reach}",
        "Press Ctrl+C to stop.",
    ]


def run_serve(args: argparse.Namespace, ctx: Context) -> int:
    try:
        from isotimer.ui.web_server import IsoTimerServer
    except ImportError:
        ctx.err.print("isotimer serve needs textual-serve: pip install textual-serve")
        return 1
    for line in notice(args.host, args.port):
        ctx.console.print(line, markup=False, highlight=False, soft_wrap=True)
    server = IsoTimerServer(
        app_command(ctx.paths), host=args.host, port=args.port, title="isotimer"
    )
    try:
        server.serve()
    except OSError as error:
        ctx.err.print(
            f"isotimer: cannot listen on {args.host}:{args.port}: {error.strerror or error}",
            markup=False,
            highlight=False,
        )
        return 1
    return 0
