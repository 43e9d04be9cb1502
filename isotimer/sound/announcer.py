"""Play cues: tones or the terminal bell, and words through a speech program, off the UI thread."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

from isotimer.core.clock import Clock
from isotimer.core.run.cues import Cue
from isotimer.core.run.tones import Sound, Tone
from isotimer.sound.player import Played, TonePlayer
from isotimer.storage.settings import AUTO, AUTO_PROGRAMS, Settings

__all__ = ["AUTO_PROGRAMS", "Announcer", "announcer_for", "find_program", "speech_argv"]

SPEECH_FILE_ENV = "ISOTIMER_SPEECH_FILE"
SPEECH_TIMEOUT_S = 10.0
MAX_PENDING = 2
NOT_FOUND = (
    "Voice cues are off: no speech program found (install espeak-ng, "
    "or set the voice program in settings)"
)

Runner = Callable[[list[str]], None]


def find_program(choice: str) -> str | None:
    """The full path of the speech program to use, or None when there is none.

    Only a program isotimer knows, by name, found on PATH: ``choice`` comes from
    a settings file, which may have been synced or shared, so a path or any other
    name is never run (the settings loader refuses them; this is the last guard).
    """
    name = choice.strip()
    candidates: tuple[str, ...]
    if name.lower() in ("", AUTO):
        candidates = AUTO_PROGRAMS
    elif name in AUTO_PROGRAMS:
        candidates = (name,)
    else:
        return None
    return next(filter(None, map(shutil.which, candidates)), None)


def speech_argv(program: str, words: str) -> list[str]:
    """The command line that says ``words`` with ``program``.

    ``spd-say -w`` waits for the speech to end, so the worker's queue (not the
    speech daemon's) decides what is dropped. espeak can write a wav file
    instead of playing, when ``ISOTIMER_SPEECH_FILE`` is set (for recordings
    and for testing the real program on machines without speakers).
    """
    name = Path(program).name.lower().removesuffix(".exe")
    # A leading space stops a hold named "-x" from being read as an option.
    text = f" {words}" if words.startswith("-") else words
    if name in ("espeak-ng", "espeak"):
        target = os.environ.get(SPEECH_FILE_ENV)
        record = ["-w", target] if target else []
        return [program, "-s", "170", *record, text]
    if name == "spd-say":
        return [program, "-w", text]
    return [program, text]


class Announcer:
    """Turns cues into tones or a bell and, optionally, speech.

    ``play`` runs on the UI thread and never blocks or raises: it hands tones
    to the ``TonePlayer``'s thread, rings the bell directly (Textual's
    ``app.bell`` must run on the UI thread) where the sound is the bell or the
    tones have failed, and hands words to one daemon worker thread that runs
    the speech program. When the worker falls behind, older utterances are
    dropped so the voice never lags behind the timer.

    Speech never talks over a tone: with tones on, the count is beeped rather
    than said, an utterance waits for a playing tone to end, and a tone that
    comes due cuts the utterance short.

    ``notify`` is called at most once per Announcer, when voice is on and no
    speech program can be found or the program fails; voice is then off for
    the rest of the run. It is always called **from the worker thread**, never
    from the caller's, so a Textual app passes
    ``lambda message: app.call_from_thread(app.notify, message, severity="warning")``.

    ``runner`` and ``program`` stand in for running and finding the speech
    program (tests pass them); settings reach only ``voice_program``.
    """

    def __init__(
        self,
        *,
        bell: Callable[[], None],
        notify: Callable[[str], None],
        sound: Sound = Sound.BELL,
        tones: TonePlayer | None = None,
        voice: bool = False,
        voice_program: str = AUTO,
        runner: Runner | None = None,
        program: str | None = None,
    ) -> None:
        self._bell = bell
        self._notify = notify
        self._sound = sound
        self._tones = tones if sound is Sound.TONES else None
        self._voice = voice
        self._choice = voice_program
        self._run = runner or self._say
        self._program = program
        self._speaking: subprocess.Popen[bytes] | None = None
        self._hushed = False
        self._muted = False
        self._closed = False
        self._busy = False
        self._worker: threading.Thread | None = None
        self._pending: deque[str] = deque()
        self._changed = threading.Condition()

    @property
    def muted(self) -> bool:
        """True while cues are silenced."""
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        """Silence or restore cues; muting also drops any cue still waiting to be spoken."""
        self._muted = value
        if value:
            with self._changed:
                self._pending.clear()

    @property
    def voice_on(self) -> bool:
        """Whether words are still being spoken (False once a program has failed)."""
        return self._voice and not self._closed

    @property
    def speaking(self) -> bool:
        """Whether a cue is being spoken now: a tone sounding now would cut it short."""
        with self._changed:
            return self._speaking is not None

    @property
    def tones_on(self) -> bool:
        """Whether tones are playing (False when off, the bell, or failed)."""
        return self._live_tones() is not None

    def _live_tones(self) -> TonePlayer | None:
        """The tone player while tones play; None when off, the bell, or failed."""
        return self._tones if self._tones is not None and not self._tones.failed else None

    def prepare(self) -> None:
        """Find the audio player and render the tones now, ahead of any run.

        Left to the first cue, that work competes with the run screen's first
        frame, and the first beep of a short lead-in came late. A missing
        player is reported (once, through ``notify``) as soon as it is known.
        """
        if self._tones is not None and not self._closed:
            self._tones.start()

    def play(self, cue: Cue | None, tone: Tone | None = None, due: float = 0.0) -> None:
        """Sound ``cue`` and ``tone`` (due at ``due``, engine time); muted, nothing plays."""
        if self._muted or self._closed:
            return
        self.prepare()  # a no-op once prepared; an Announcer used without it starts here
        tones = self._live_tones()
        if tone is not None and tones is not None:
            self._hush()
            tones.play(tone, due)
        # The bell rings for the bell, and for tones only where they cannot play.
        elif cue is not None and cue.bell and self._sound is not Sound.OFF and tones is None:
            # A bell is never worth crashing a session for.
            with contextlib.suppress(Exception):
                self._bell()
        counted = tone is Tone.COUNT and tones is not None  # the beep is the count
        if cue is not None and cue.words and self._voice and not counted:
            with self._changed:
                # Checked again under the lock: the worker may have given up since,
                # and words queued after that would wait for a worker that is gone.
                if not self.voice_on:
                    return
                self._pending.append(cue.words)
                while len(self._pending) > MAX_PENDING:
                    self._pending.popleft()
                self._changed.notify_all()
                if self._worker is None:
                    self._start_worker()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every queued utterance has been spoken; False on timeout (for tests)."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._busy and not self._pending, timeout)

    def close(self) -> None:
        """Stop speaking after the current utterance and stop the tones; waits for neither."""
        with self._changed:
            self._closed = True
            self._pending.clear()
            self._changed.notify_all()
        if self._tones is not None:
            self._tones.close()

    def _hush(self) -> None:
        """Cut the utterance in progress short: a tone is about to sound."""
        with self._changed:
            if self._speaking is not None and self._speaking.poll() is None:
                self._hushed = True
                self._speaking.kill()

    # -- worker thread -------------------------------------------------------
    def _start_worker(self) -> None:
        """Start speaking at the first words, not at construction.

        An app builds its Announcer before its event loop runs; looking for the
        program only once there is something to say means a "no program" notice
        arrives while the app can show it.
        """
        self._busy = True
        self._worker = threading.Thread(target=self._work, name="isotimer-speech", daemon=True)
        self._worker.start()

    def _work(self) -> None:
        program = self._program or find_program(self._choice)
        if program is None:
            self._give_up(_not_found(self._choice.strip()))
            return
        while (words := self._next()) is not None:
            if self._tones is not None:
                self._tones.wait_until_quiet()
            try:
                self._run(speech_argv(program, words))
            except Exception as error:
                self._give_up(f"Voice cues are off: {Path(program).name} {_failure(error)}")
                return

    def _say(self, argv: list[str]) -> None:
        """Run a speech program to its end, or until a tone hushes it; raise if it fails."""
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        with self._changed:
            self._speaking, self._hushed = process, False
        try:
            code = process.wait(timeout=SPEECH_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise
        finally:
            with self._changed:
                self._speaking = None
        if code and not self._hushed:
            raise subprocess.CalledProcessError(code, argv)

    def _next(self) -> str | None:
        """Block for the next utterance; None once closed."""
        with self._changed:
            self._busy = False
            self._changed.notify_all()
            self._changed.wait_for(lambda: self._pending or self._closed)
            if self._closed:
                return None
            self._busy = True
            return self._pending.popleft()

    def _set_busy(self, busy: bool) -> None:
        with self._changed:
            self._busy = busy
            self._changed.notify_all()

    def _give_up(self, message: str) -> None:
        with self._changed:
            self._voice = False
            self._pending.clear()
            closed = self._closed
        # After close the app may be gone, and a notice to it could wait forever.
        if not closed:
            with contextlib.suppress(Exception):
                self._notify(message)
        self._set_busy(False)


def announcer_for(
    settings: Settings,
    clock: Clock,
    *,
    bell: Callable[[], None],
    notify: Callable[[str], None],
    voice: bool = False,
    on_played: Played | None = None,
) -> Announcer:
    """The real announcer for ``settings``, the same for the app and plain mode.

    ``voice`` (``--voice``) speaks even when the settings do not; ``notify`` is
    called from the sound threads with each problem (no player, no voice).
    """
    tones = TonePlayer(
        volume=settings.volume / 100, clock=clock, on_failure=notify, on_played=on_played
    )
    return Announcer(
        bell=bell,
        notify=notify,
        sound=settings.sound,
        tones=tones,
        voice=settings.voice or voice,
        voice_program=settings.voice_program,
    )


def _not_found(choice: str) -> str:
    """The notice for a voice program that cannot be used: missing, or not one isotimer knows."""
    if choice.lower() in ("", AUTO):
        return NOT_FOUND
    if choice not in AUTO_PROGRAMS:
        known = ", ".join(AUTO_PROGRAMS)
        return f"Voice cues are off: '{choice}' is not a speech program isotimer knows ({known})"
    return (
        f"Voice cues are off: speech program '{choice}' not found "
        "(check the voice program in settings)"
    )


def _failure(error: Exception) -> str:
    """A short reason a speech program did not work, for the one notice."""
    if isinstance(error, subprocess.CalledProcessError):
        return f"failed (exit status {error.returncode})"
    if isinstance(error, subprocess.TimeoutExpired):
        return f"did not finish within {SPEECH_TIMEOUT_S:g} s"
    if isinstance(error, OSError):
        return f"could not run ({error.strerror or error})"
    return f"failed ({error})"
