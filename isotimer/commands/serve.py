"""``serve``: the whole app in a computer's web browser (a phone follows a run with ``--share``)."""

from __future__ import annotations

import argparse
import shlex
import sys

from isotimer.commands.collection import collect_from_now
from isotimer.commands.context import Context
from isotimer.commands.parser import CommandParser, port
from isotimer.paths import Paths
from isotimer.web.access import Access, http_url, is_loopback
from isotimer.web.addresses import WILDCARDS

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
ADDRESS = "<this computer's address>"


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``serve`` to the parser: host and port to listen on."""
    serve = sub.add_parser(
        "serve", help="serve the whole app to a web browser (for a phone, use run --share)"
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on (default: %(default)s, this computer only; "
        "0.0.0.0 for every network it is on)",
    )
    serve.add_argument(
        "--port", type=port, default=DEFAULT_PORT, help="1-65535 (default: %(default)s)"
    )
    serve.set_defaults(run=run_serve)


def app_command(paths: Paths) -> str:
    """The shell command each browser tab runs: this isotimer, on the same data and folders."""
    parts = [sys.executable, "-m", "isotimer", "--data-dir", str(paths.data_dir.resolve())]
    for folder in paths.extra_sessions:
        parts += ["--sessions", str(folder.resolve())]
    return shlex.join(parts)


__all__ = ["app_command", "is_loopback", "notice", "register", "run_serve", "serve_url"]


def is_wildcard(host: str) -> bool:
    """True for an address that listens on every network (``0.0.0.0`` and the like)."""
    return host in WILDCARDS


def serve_url(access: Access, port: int, address: str | None = None) -> str:
    """The address to open, with the token in its query when there is one."""
    query = f"/?token={access.token}" if access.token else ""
    return http_url(address or access.host, port, query)


def notice(access: Access, port: int) -> list[str]:
    """What the runner must know before the server starts: where, and who can get in."""
    host = access.host
    if is_wildcard(host):
        where = [
            f"isotimer serve: listening on every network address of this computer, port {port}.",
            f"On another computer on the same network, open {serve_url(access, port, ADDRESS)}",
        ]
    else:
        where = [f"isotimer serve: open {serve_url(access, port)} in a browser."]
    if is_loopback(host):
        reach = (
            "Every program and every user account on this computer can reach it and use "
            "isotimer as you: run sessions, edit your sessions and read your history."
        )
    else:
        reach = (
            "Anyone who has this address with its token can use isotimer as you: run "
            "sessions, edit your sessions and read your history. Share it only with your "
            "own devices, on a network you trust (the token is new each time)."
        )
    return [*where, reach, "Press Ctrl+C to stop."]


def run_serve(args: argparse.Namespace, ctx: Context) -> int:
    """``serve``: run the app for web browsers until interrupted.

    Needs the optional textual-serve; exits 1 without it or if the port is taken.
    """
    try:
        from isotimer.web.serve_server import IsoTimerServer
    except ImportError:
        ctx.err.print("isotimer serve needs textual-serve: pip install textual-serve")
        return 1
    access = Access.for_serve(args.host)
    for line in notice(access, args.port):
        ctx.console.print(line, markup=False, highlight=False, soft_wrap=True)
    server = IsoTimerServer(app_command(ctx.paths), access=access, port=args.port)
    collect_from_now()
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
