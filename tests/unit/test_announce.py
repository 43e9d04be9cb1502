"""The Announcer: bell on the caller's thread, speech on a worker, one notice when voice fails."""

from __future__ import annotations

import sys
import threading
import wave

import pytest

from isotimer.core.run.cues import Cue
from isotimer.core.run.tones import Sound
from isotimer.sound.announcer import SPEECH_FILE_ENV, Announcer, speech_argv
from tests.programs import requires_program
from tests.unit.fake_programs import calls, fake_program

WORDS = "Wall sit, left side, 45 seconds"
WAIT_S = 5.0


class Recorder:
    """Collects bell rings and notices the way a UI would receive them."""

    def __init__(self) -> None:
        self.rings = 0
        self.notices: list[str] = []

    def bell(self) -> None:
        self.rings += 1

    def announcer(self, **options) -> Announcer:
        return Announcer(bell=self.bell, notify=self.notices.append, **options)


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


def test_auto_picks_espeak_ng_first_and_speaks_off_the_caller_thread(rec, bin_dir):
    fake_program(bin_dir, "espeak-ng")
    fake_program(bin_dir, "spd-say")
    announcer = rec.announcer(voice=True)
    announcer.play(Cue(WORDS))
    assert announcer.wait_idle(WAIT_S)
    assert calls(bin_dir, "espeak-ng") == [["-s", "170", WORDS]]
    assert calls(bin_dir, "spd-say") == []
    assert rec.notices == []


def test_auto_falls_back_to_spd_say_which_waits_for_each_utterance(rec, bin_dir):
    fake_program(bin_dir, "spd-say")
    fake_program(bin_dir, "say")
    announcer = rec.announcer(voice=True)
    announcer.play(Cue("Switch sides"))
    assert announcer.wait_idle(WAIT_S)
    assert calls(bin_dir, "spd-say") == [["-w", "Switch sides"]]


def test_a_known_program_chosen_by_name_is_the_one_used(rec, bin_dir):
    fake_program(bin_dir, "espeak-ng")
    fake_program(bin_dir, "say")
    announcer = rec.announcer(voice=True, voice_program="say")
    announcer.play(Cue("Halfway"))
    assert announcer.wait_idle(WAIT_S)
    assert calls(bin_dir, "say") == [["Halfway"]]
    assert calls(bin_dir, "espeak-ng") == []


@pytest.mark.parametrize("choice", ["{bin}/my-voice", "my-voice", "{bin}/espeak-ng", "ESPEAK-NG"])
def test_a_path_or_unknown_name_is_never_run(rec, bin_dir, choice):
    """A settings file is untrusted: naming a script must not run it once per cue."""
    fake_program(bin_dir, "my-voice")
    fake_program(bin_dir, "espeak-ng")
    announcer = rec.announcer(voice=True, voice_program=choice.format(bin=bin_dir))
    announcer.play(Cue("Halfway"))
    assert announcer.wait_idle(WAIT_S)
    assert calls(bin_dir, "my-voice") == calls(bin_dir, "espeak-ng") == []
    [notice] = rec.notices
    assert "is not a speech program isotimer knows (espeak-ng, espeak, spd-say, say)" in notice
    assert not announcer.voice_on


def test_speech_file_env_records_espeak_to_a_file(rec, bin_dir, monkeypatch, tmp_path):
    fake_program(bin_dir, "espeak-ng")
    monkeypatch.setenv(SPEECH_FILE_ENV, str(tmp_path / "cue.wav"))
    announcer = rec.announcer(voice=True)
    announcer.play(Cue("one"))
    assert announcer.wait_idle(WAIT_S)
    assert calls(bin_dir, "espeak-ng") == [["-s", "170", "-w", str(tmp_path / "cue.wav"), "one"]]


@pytest.mark.parametrize(
    ("program", "words", "argv"),
    [
        ("/usr/bin/espeak-ng", "one", ["/usr/bin/espeak-ng", "-s", "170", "one"]),
        ("espeak", "one", ["espeak", "-s", "170", "one"]),
        ("spd-say", "one", ["spd-say", "-w", "one"]),
        ("say", "one", ["say", "one"]),
        ("festival-say", "one", ["festival-say", "one"]),
        ("say", "-x, 10 seconds", ["say", " -x, 10 seconds"]),
    ],
)
def test_speech_argv_per_program(program, words, argv, monkeypatch):
    monkeypatch.delenv(SPEECH_FILE_ENV, raising=False)
    assert speech_argv(program, words) == argv


@pytest.mark.parametrize("choice", ["auto", "espeak-ng", "spd-say"])
def test_a_missing_program_gives_one_notice_and_no_crash(rec, bin_dir, choice):
    announcer = rec.announcer(voice=True, voice_program=choice)
    for _ in range(5):
        announcer.play(Cue(WORDS))
        assert announcer.wait_idle(WAIT_S)
    assert len(rec.notices) == 1
    assert rec.notices[0].startswith("Voice cues are off")
    assert ("install espeak-ng" in rec.notices[0]) == (choice == "auto")
    assert rec.rings == 5, "the bell keeps working without a voice"
    assert not announcer.voice_on


def test_the_program_is_looked_for_only_once_there_is_something_to_say(rec, bin_dir):
    """An app builds its Announcer before its loop runs; a notice then would be lost."""
    announcer = rec.announcer(voice=True)
    announcer.play(Cue("", bell=True))
    assert announcer.wait_idle(WAIT_S)
    assert rec.notices == []
    announcer.play(Cue(WORDS))
    assert announcer.wait_idle(WAIT_S)
    assert len(rec.notices) == 1


def test_a_failing_program_gives_one_notice_then_voice_stays_off(rec, bin_dir):
    fake_program(bin_dir, "espeak-ng", exit_code=1)
    announcer = rec.announcer(voice=True)
    for _ in range(4):
        announcer.play(Cue(WORDS))
        assert announcer.wait_idle(WAIT_S)
    assert len(calls(bin_dir, "espeak-ng")) == 1
    assert rec.notices == ["Voice cues are off: espeak-ng failed (exit status 1)"]
    assert not announcer.voice_on


def test_a_runner_that_raises_gives_one_notice(rec, bin_dir):
    fake_program(bin_dir, "espeak-ng")

    def explode(argv: list[str]) -> None:
        raise PermissionError(13, "Permission denied")

    announcer = rec.announcer(voice=True, runner=explode)
    announcer.play(Cue(WORDS))
    announcer.play(Cue(WORDS))
    assert announcer.wait_idle(WAIT_S)
    assert rec.notices == ["Voice cues are off: espeak-ng could not run (Permission denied)"]


def test_a_cue_played_while_the_worker_gives_up_is_never_left_queued(rec):
    """Many tiny thread switches open the window between ``play`` and a failing worker."""

    def explode(argv: list[str]) -> None:
        raise PermissionError(13, "Permission denied")

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for attempt in range(3000):
            announcer = rec.announcer(voice=True, program=sys.executable, runner=explode)
            announcer.play(Cue(WORDS))
            announcer.play(Cue(WORDS))
            assert announcer.wait_idle(1.0), f"attempt {attempt}: speech left queued"
    finally:
        sys.setswitchinterval(interval)


def test_a_notify_that_raises_is_swallowed(bin_dir):
    def broken(message: str) -> None:
        raise RuntimeError("app is gone")

    announcer = Announcer(bell=lambda: None, notify=broken, voice=True)
    announcer.play(Cue(WORDS))
    assert announcer.wait_idle(WAIT_S)


@pytest.mark.parametrize(
    ("sound", "muted", "bell", "rings"),
    [
        (Sound.BELL, False, True, 1),
        (Sound.BELL, False, False, 0),
        (Sound.BELL, True, True, 0),
        (Sound.OFF, False, True, 0),
        (Sound.OFF, True, True, 0),
        (Sound.TONES, False, True, 1),  # no tone player: the bell stands in
    ],
)
def test_the_bell_rings_only_when_sound_is_on_and_not_muted(rec, sound, muted, bell, rings):
    announcer = rec.announcer(sound=sound)
    announcer.muted = muted
    announcer.play(Cue("x", bell=bell))
    assert rec.rings == rings


def test_none_and_voice_off_do_nothing_but_ring(rec, bin_dir):
    fake_program(bin_dir, "espeak-ng")
    announcer = rec.announcer()
    announcer.play(None)
    announcer.play(Cue(WORDS))
    assert announcer.wait_idle(WAIT_S)
    assert rec.rings == 1
    assert calls(bin_dir, "espeak-ng") == []


def test_mute_silences_voice_too(rec):
    spoken: list[list[str]] = []
    announcer = rec.announcer(voice=True, program=sys.executable, runner=spoken.append)
    announcer.muted = True
    announcer.play(Cue("muted"))
    announcer.muted = False
    announcer.play(Cue("heard"))
    assert announcer.wait_idle(WAIT_S)
    assert [argv[-1] for argv in spoken] == ["heard"]
    assert rec.rings == 1


def test_a_backlog_keeps_only_the_newest_utterances(rec):
    """While one utterance plays, older queued ones are dropped so speech never lags."""
    started, release = threading.Event(), threading.Event()
    spoken: list[str] = []

    def slow(argv: list[str]) -> None:
        spoken.append(argv[-1])
        started.set()
        release.wait(WAIT_S)

    announcer = rec.announcer(voice=True, program=sys.executable, runner=slow)
    announcer.play(Cue("first"))
    assert started.wait(WAIT_S)
    for word in ("a", "b", "c", "d"):
        announcer.play(Cue(word))
    release.set()
    assert announcer.wait_idle(WAIT_S)
    assert spoken == ["first", "c", "d"]


def test_close_stops_speaking_and_later_plays_do_nothing(rec):
    spoken: list[list[str]] = []
    announcer = rec.announcer(voice=True, program=sys.executable, runner=spoken.append)
    announcer.close()
    announcer.play(Cue(WORDS))
    assert announcer.wait_idle(WAIT_S)
    assert spoken == []
    assert rec.rings == 0


@requires_program("espeak-ng")
def test_real_espeak_ng_speaks_a_cue_into_a_wav_file(rec, monkeypatch, tmp_path):
    target = tmp_path / "cue.wav"
    monkeypatch.setenv(SPEECH_FILE_ENV, str(target))
    announcer = rec.announcer(voice=True, voice_program="espeak-ng")
    announcer.play(Cue(WORDS))
    assert announcer.wait_idle(15.0)
    assert rec.notices == []
    assert target.read_bytes()[:4] == b"RIFF"
    assert target.read_bytes()[8:12] == b"WAVE"
    with wave.open(str(target)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
    assert seconds > 0.5
