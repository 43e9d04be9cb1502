"""Play tones through the system's own audio player, on one daemon thread.

Why the system player (``pw-play``, ``paplay``, ``aplay``, macOS ``afplay``)
rather than a Python audio library: each of those is already on the desktops
that have sound, goes through the user's own sound server and device choice,
and needs no compiled extension or PortAudio install; a WAV file from
``synth.py`` is all it needs. Starting one takes a few milliseconds, well
inside the 50 ms a beep may lag its second (benchmarks/run.py measures it).

A newer tone cuts a playing one short (a hold ending and the session's chime
fall in the same instant: the chime wins). When no player exists or it fails,
``on_failure`` is told once, from this thread, and ``failed`` turns True so
that the caller can ring the terminal bell instead.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from isotimer.core.clock import Clock
from isotimer.core.run.tones import Tone, tone_seconds

PLAYERS = ("pw-play", "paplay", "aplay", "afplay")
# What the one notice says, in a runner's words: the player's own error (ALSA's
# "main:831: audio open error") means nothing to someone holding a wall sit.
BELL_INSTEAD = "the terminal bell rings instead"
NO_PLAYER = f"No audio player found: {BELL_INSTEAD}"  # README names the players looked for
NO_DEVICE = f"No sound device found: {BELL_INSTEAD}"
HUNG_S = 5.0  # longer than any tone: a player still running after this is stuck
POLL_S = 0.01

Played = Callable[[Tone, float, float], None]


def find_player() -> str | None:
    """The first audio player on PATH, in order of preference."""
    return next(filter(None, map(shutil.which, PLAYERS)), None)


def player_argv(program: str, wav: Path) -> list[str]:
    """The command line that plays ``wav`` with ``program``."""
    quiet = ["-q"] if Path(program).name == "aplay" else []
    return [program, *quiet, str(wav)]


class TonePlayer:
    """Plays ``Tone`` values at ``volume`` (0.0 to 1.0) without ever blocking the caller.

    ``on_played(tone, due, at)`` is called from the worker as each player
    starts: ``due`` is the engine's moment for the tone, ``at`` the clock's
    time of the call, so a benchmark can measure the lag between them.
    """

    def __init__(
        self,
        *,
        volume: float,
        clock: Clock,
        on_failure: Callable[[str], None],
        on_played: Played | None = None,
    ) -> None:
        self._volume = volume
        self._clock = clock
        self._on_failure = on_failure
        self._on_played = on_played
        self._pending: tuple[Tone, float] | None = None
        self._closed = False
        self._failed = False
        self._busy = False
        self._sounding_until = 0.0
        self._worker: threading.Thread | None = None
        self._changed = threading.Condition()

    @property
    def failed(self) -> bool:
        """True once no tone can be played: the caller falls back to the bell."""
        return self._failed

    def sounding_until(self) -> float:
        """The monotonic time the tone playing now ends (in the past when quiet)."""
        return self._sounding_until

    def wait_until_quiet(self) -> None:
        """Block (the speech thread) until the tone playing now has ended."""
        while (left := self._sounding_until - self._clock.monotonic()) > 0:
            with self._changed:
                self._changed.wait(min(left, HUNG_S))

    def start(self) -> None:
        """Find the player and render the tones ahead of the first one needed."""
        with self._changed:
            if self._worker is None and not self._closed:
                self._busy = True
                self._worker = threading.Thread(target=self._work, name="isotimer-tones")
                self._worker.daemon = True
                self._worker.start()

    def play(self, tone: Tone, due: float) -> None:
        """Queue ``tone``, replacing any that has not started yet."""
        self.start()
        with self._changed:
            if not self._failed and not self._closed:
                self._pending = (tone, due)
                self._changed.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is queued or playing; False on timeout (for tests)."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._busy and not self._pending, timeout)

    def close(self) -> None:
        """Stop playing; a sound already started ends by itself."""
        with self._changed:
            self._closed = True
            self._pending = None
            self._changed.notify_all()

    # -- worker thread -------------------------------------------------------
    def _work(self) -> None:
        # Imported here, on the worker: the app's start-up need not pay for ``wave``.
        from isotimer.sound import synth

        program = find_player()
        if program is None:
            self._fail(NO_PLAYER)
            return
        with tempfile.TemporaryDirectory(prefix="isotimer-tones-") as folder:
            try:
                files = {tone: self._write(Path(folder), tone, synth.render) for tone in Tone}
            except OSError as error:
                self._fail(f"Tones could not be made ({error.strerror or error}): {BELL_INSTEAD}")
                return
            while (request := self._next()) is not None:
                problem = self._sound(program, files[request[0]], *request)
                if problem:
                    self._fail(problem)
                    return

    def _write(self, folder: Path, tone: Tone, render: Callable[[Tone, float], bytes]) -> Path:
        path = folder / f"{tone.value}.wav"
        path.write_bytes(render(tone, self._volume))
        return path

    def _next(self) -> tuple[Tone, float] | None:
        with self._changed:
            self._busy = False
            self._changed.notify_all()
            self._changed.wait_for(lambda: self._pending or self._closed)
            if self._closed:
                return None
            request, self._pending, self._busy = self._pending, None, True
            return request

    def _sound(self, program: str, wav: Path, tone: Tone, due: float) -> str:
        """Play one tone to its end or until a newer one is queued; the notice, or ''."""
        try:
            process = subprocess.Popen(
                player_argv(program, wav),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            name = Path(program).name
            return f"{name} could not start ({error.strerror or error}): {BELL_INSTEAD}"
        at = self._clock.monotonic()
        self._sounding_until = at + tone_seconds(tone)
        if self._on_played is not None:
            self._on_played(tone, due, at)
        return self._wait(process, at)

    def _wait(self, process: subprocess.Popen[bytes], started: float) -> str:
        while process.poll() is None:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._closed, POLL_S)
                cut_short = self._pending is not None or self._closed
            if cut_short or self._clock.monotonic() - started > HUNG_S:
                process.kill()
                process.communicate()
                self._sounding_until = 0.0
                return "" if cut_short else NO_DEVICE
        # A player that exits non-zero found no device it could open.
        return NO_DEVICE if process.returncode else ""

    def _fail(self, message: str) -> None:
        with self._changed:
            self._failed = True
            self._pending = None
            closed = self._closed
            self._busy = False
            self._changed.notify_all()
        if not closed:
            with contextlib.suppress(Exception):
                self._on_failure(message)
