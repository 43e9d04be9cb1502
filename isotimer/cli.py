"""The ``isotimer`` entry point: build the command line (commands/registry.py), run its command."""

from __future__ import annotations

import gc
import sys

from isotimer.commands.registry import build_parser
from isotimer.paths import Paths


def main(argv: list[str] | None = None) -> int:
    """Run the command in ``argv`` (the process's own when None) and return its exit status.

    With no command the app opens. Ctrl+C exits 130; a closed pipe exits 0 quietly; any
    other I/O failure is one line and exit 1.
    """
    # A shell command lives for a blink and makes few reference cycles: collecting
    # them while modules load only slows it down. A long run (the app, a plain run, the
    # editor, serve) turns collection back on once set up (commands/collection.py).
    # For the same reason every command module, even the app's, is imported from here.
    gc.disable()
    try:
        from isotimer.commands import launch as app
        from isotimer.commands.context import Context

        parser = build_parser(argv)
        args = parser.parse_args(argv)
        ctx = Context(Paths.from_options(args.data_dir, args.sessions, args.screenshot_dir))
        run = getattr(args, "run", None)
        return (run or app.open_app)(args, ctx)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except OSError as error:
        # The last net for an I/O failure no command put in words: one line, never a traceback.
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"isotimer: {where}{error.strerror or error}\n")
        return 1
    finally:
        if argv is None and not gc.isenabled():
            # Exiting now: keep the final collection from walking every object again.
            gc.freeze()
        gc.enable()
