"""Tones: which moment gets which, what they sound like (checked as audio), and playing them.

The rendered WAVs are measured with sox, not with the code that made them;
playback goes through fake players on PATH and, where ``aplay`` exists, the
real one into ALSA's null device, which is what CI has instead of speakers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import wave

import pytest

from isotimer.core.clock import SystemClock
from isotimer.core.run.cues import Cue
from isotimer.core.run.events import (
    CountdownTick,
    EndReason,
    HoldFinished,
    SessionFinished,
    StepStarted,
)
from isotimer.core.run.tones import NOTES, Sound, Tone, due_of, tone_for, tone_seconds
from isotimer.core.session.model import Side
from isotimer.core.session.plan import Step, StepKind
from isotimer.sound.announcer import Announcer
from isotimer.sound.player import NO_PLAYER, TonePlayer, player_argv
from isotimer.sound.synth import RATE_HZ, render
from tests.e2e.tmux import poll
from tests.unit.factories import hold
from tests.unit.fake_programs import calls, fake_program

WAIT_S = 5.0
WALL_SIT = hold("Wall sit", seconds=45)


def step(kind: StepKind) -> Step:
    return Step(kind, 45, 0.0, WALL_SIT, 0, Side.NONE)


def finished(reason: EndReason) -> HoldFinished:
    return HoldFinished(0, step(StepKind.HOLD), 45, 20, False, reason, 10.0, 30.0)


@pytest.mark.parametrize(
    ("event", "tone"),
    [
        (CountdownTick(0, step(StepKind.HOLD), 3, 7.01, 7.0), Tone.COUNT),
        (CountdownTick(0, step(StepKind.REST), 1, 9.0, 9.0), Tone.COUNT),
        (CountdownTick(0, step(StepKind.SWITCH), 2, 8.0, 8.0), Tone.COUNT),
        (CountdownTick(0, step(StepKind.LEAD_IN), 3, 2.0, 2.0), Tone.COUNT),
        (StepStarted(0, step(StepKind.HOLD), 5.0), Tone.HOLD_START),
        (StepStarted(0, step(StepKind.REST), 5.0), None),
        (StepStarted(0, step(StepKind.LEAD_IN), 0.0), None),
        (StepStarted(0, step(StepKind.SWITCH), 5.0), None),
        (finished(EndReason.TIME), Tone.HOLD_END),
        (finished(EndReason.EARLY), Tone.HOLD_END),
        (finished(EndReason.STOP), Tone.HOLD_END),
        (SessionFinished(completed=True, at=99.0), Tone.FINISH),
        (SessionFinished(completed=False, at=99.0), None),
    ],
)
def test_each_moment_has_its_tone(event, tone):
    assert tone_for(event) is tone


def test_a_beep_is_due_when_its_second_began_not_when_it_was_noticed():
    assert due_of(CountdownTick(0, step(StepKind.HOLD), 3, 7.04, 7.0)) == 7.0
    assert due_of(finished(EndReason.EARLY)) == 30.0


def test_hold_start_is_higher_and_hold_end_lower_than_the_beep():
    pitch = {tone: NOTES[tone][0].frequency_hz for tone in Tone}
    assert pitch[Tone.HOLD_END] < pitch[Tone.COUNT] < pitch[Tone.HOLD_START]
    assert tone_seconds(Tone.COUNT) < 0.2  # short: the count must not blur into the next second


# -- the audio itself, measured by sox -----------------------------------------------
needs_sox = pytest.mark.skipif(shutil.which("sox") is None, reason="sox is not installed")


def sox_stat(path) -> dict[str, float]:
    """sox's own measurements of a sound file (``sox FILE -n stat``)."""
    done = subprocess.run(["sox", str(path), "-n", "stat"], capture_output=True, text=True)
    found = re.findall(r"^([A-Za-z ()]+?):\s+(-?[\d.]+)$", done.stderr, re.MULTILINE)
    return {name.strip(): float(value) for name, value in found}


@needs_sox
@pytest.mark.parametrize("tone", [Tone.COUNT, Tone.HOLD_START, Tone.HOLD_END])
def test_each_single_tone_has_its_pitch_and_length(tmp_path, tone):
    path = tmp_path / f"{tone}.wav"
    path.write_bytes(render(tone, 0.7))
    stat = sox_stat(path)
    [note] = NOTES[tone]
    assert stat["Length (seconds)"] == pytest.approx(note.seconds, abs=0.002)
    assert stat["Rough   frequency"] == pytest.approx(note.frequency_hz, rel=0.03)
    assert stat["Maximum amplitude"] == pytest.approx(0.7, abs=0.01)


@needs_sox
def test_the_chime_rises_through_its_three_notes(tmp_path):
    path = tmp_path / "finish.wav"
    path.write_bytes(render(Tone.FINISH, 0.7))
    assert sox_stat(path)["Length (seconds)"] == pytest.approx(tone_seconds(Tone.FINISH), abs=0.002)
    start = 0.0
    for note in NOTES[Tone.FINISH]:
        part = tmp_path / f"{note.frequency_hz:g}.wav"
        # The middle of each note, cut out by sox itself.
        middle = [f"{start + note.seconds * 0.2:.3f}", f"{note.seconds * 0.5:.3f}"]
        subprocess.run(["sox", str(path), str(part), "trim", *middle], check=True)
        assert sox_stat(part)["Rough   frequency"] == pytest.approx(note.frequency_hz, rel=0.03)
        start += note.seconds


@needs_sox
@pytest.mark.parametrize("volume", [0.0, 0.25, 1.0])
def test_volume_scales_the_loudest_sample(tmp_path, volume):
    path = tmp_path / "count.wav"
    path.write_bytes(render(Tone.COUNT, volume))
    assert sox_stat(path)["Maximum amplitude"] == pytest.approx(volume, abs=0.01)


def test_a_tone_is_a_mono_16_bit_wav(tmp_path):
    path = tmp_path / "count.wav"
    path.write_bytes(render(Tone.COUNT, 0.5))
    with wave.open(str(path)) as audio:
        assert (audio.getnchannels(), audio.getsampwidth(), audio.getframerate()) == (1, 2, RATE_HZ)


# -- playing through a player on PATH ---------------------------------------------------
class Heard:
    """What a TonePlayer reports: the tones played and the one notice."""

    def __init__(self) -> None:
        self.played: list[tuple[Tone, float, float]] = []
        self.notices: list[str] = []

    def player(self, volume: float = 0.7) -> TonePlayer:
        return TonePlayer(
            volume=volume,
            clock=SystemClock(),
            on_failure=self.notices.append,
            on_played=lambda *played: self.played.append(played),
        )


def copying_player(folder, name: str = "aplay") -> None:
    """A fake player that logs its arguments and keeps a copy of the file it was given."""
    fake_program(
        folder, name, then="import shutil; shutil.copy(sys.argv[-1], sys.argv[0] + '.wav')"
    )


def test_a_tone_plays_through_the_player_on_path(bin_dir):
    copying_player(bin_dir)
    heard = Heard()
    player = heard.player(volume=0.4)
    player.play(Tone.HOLD_START, due=12.5)
    assert player.wait_idle(WAIT_S)
    [argv] = calls(bin_dir, "aplay")
    assert argv[0] == "-q" and argv[1].endswith("hold-start.wav")
    assert (bin_dir / "aplay.wav").read_bytes() == render(Tone.HOLD_START, 0.4)
    [(tone, due, at)] = heard.played
    assert (tone, due) == (Tone.HOLD_START, 12.5) and at > 0
    assert heard.notices == [] and not player.failed


def test_players_are_preferred_in_order(bin_dir):
    for name in ("aplay", "paplay"):
        fake_program(bin_dir, name)
    heard = Heard()
    player = heard.player()
    player.play(Tone.COUNT, due=0.0)
    assert player.wait_idle(WAIT_S)
    assert len(calls(bin_dir, "paplay")) == 1 and calls(bin_dir, "aplay") == []


@pytest.mark.parametrize("name", ["pw-play", "paplay", "afplay"])
def test_only_aplay_needs_telling_to_be_quiet(name, tmp_path):
    assert player_argv(f"/usr/bin/{name}", tmp_path / "x.wav") == [
        f"/usr/bin/{name}",
        str(tmp_path / "x.wav"),
    ]


def test_a_failing_device_gives_one_notice_then_the_bell_rings(bin_dir):
    said = "aplay: main:831: audio open error: No such file or directory"
    fake_program(bin_dir, "aplay", exit_code=1, then=f"print({said!r}, file=sys.stderr)")
    notices: list[str] = []
    rings: list[int] = []
    player = TonePlayer(volume=0.5, clock=SystemClock(), on_failure=notices.append)
    announcer = Announcer(
        bell=lambda: rings.append(1), notify=notices.append, sound=Sound.TONES, tones=player
    )
    announcer.play(Cue("three"), Tone.COUNT, 1.0)
    assert player.wait_idle(WAIT_S)
    announcer.play(Cue("two"), Tone.COUNT, 2.0)
    announcer.play(Cue("one"), Tone.COUNT, 3.0)
    assert notices == ["No sound device found: the terminal bell rings instead"]
    assert player.failed and not announcer.tones_on
    assert len(rings) == 2


def test_with_tones_playing_the_bell_stays_quiet_even_between_tones(bin_dir):
    fake_program(bin_dir, "aplay")
    rings: list[int] = []
    player = TonePlayer(volume=0.5, clock=SystemClock(), on_failure=print)
    announcer = Announcer(
        bell=lambda: rings.append(1), notify=print, sound=Sound.TONES, tones=player
    )
    announcer.play(Cue("Rest. Next: Wall sit"))  # a moment with no tone of its own
    announcer.play(Cue("three"), Tone.COUNT, 1.0)
    assert player.wait_idle(WAIT_S)
    assert rings == [] and len(calls(bin_dir, "aplay")) == 1


def test_no_player_at_all_is_one_notice_and_never_blocks(bin_dir):
    heard = Heard()
    player = heard.player()
    for second in range(3):
        player.play(Tone.COUNT, due=float(second))
    assert player.wait_idle(WAIT_S)
    assert heard.notices == [NO_PLAYER] and player.failed and heard.played == []


def test_prepare_looks_for_the_player_before_any_cue(bin_dir):
    """The app prepares at start-up: a missing player is known before the first beep is due."""
    heard = Heard()
    player = heard.player()
    announcer = Announcer(bell=list, notify=print, sound=Sound.TONES, tones=player)
    announcer.prepare()
    assert player.wait_idle(WAIT_S)
    assert heard.notices == [NO_PLAYER] and player.failed and not announcer.tones_on


def test_prepare_does_nothing_when_tones_are_not_the_sound(bin_dir):
    heard = Heard()
    player = heard.player()
    Announcer(bell=list, notify=print, sound=Sound.BELL, tones=player).prepare()
    assert player.wait_idle(WAIT_S)
    assert heard.notices == [] and not player.failed


def test_a_newer_tone_cuts_a_playing_one_short(bin_dir):
    """A hold ending and the session's chime come together: the chime is what is heard."""
    fake_program(bin_dir, "aplay", then="import time; time.sleep(3)")
    heard = Heard()
    player = heard.player()
    player.play(Tone.HOLD_END, due=1.0)
    assert poll(lambda: heard.played, WAIT_S), "the first tone did not start"
    player.play(Tone.FINISH, due=1.0)
    assert poll(lambda: len(heard.played) >= 2, WAIT_S), "the second tone did not start"
    player.close()
    assert [tone for tone, _, _ in heard.played] == [Tone.HOLD_END, Tone.FINISH]
    assert heard.notices == []


@pytest.mark.skipif(shutil.which("aplay") is None, reason="aplay (alsa-utils) is not installed")
def test_the_real_aplay_plays_into_a_null_audio_device(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text("pcm.!default { type null }\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PATH", str(shutil.which("aplay")).rsplit("/", 1)[0])
    heard = Heard()
    player = heard.player()
    for tone in Tone:
        player.play(tone, due=0.0)
        assert player.wait_idle(WAIT_S)
    assert heard.notices == [] and [tone for tone, _, _ in heard.played] == list(Tone)


# -- the voice never talks over a tone ------------------------------------------------------
def test_with_tones_the_count_is_beeped_not_said(bin_dir):
    fake_program(bin_dir, "aplay")
    fake_program(bin_dir, "espeak-ng")
    player = TonePlayer(volume=0.5, clock=SystemClock(), on_failure=print)
    announcer = Announcer(
        bell=lambda: None, notify=print, sound=Sound.TONES, tones=player, voice=True
    )
    announcer.play(Cue("three"), Tone.COUNT, 1.0)
    announcer.play(Cue("Wall sit, 45 seconds"), Tone.HOLD_START, 2.0)
    assert player.wait_idle(WAIT_S) and announcer.wait_idle(WAIT_S)
    assert [argv[-1] for argv in calls(bin_dir, "espeak-ng")] == ["Wall sit, 45 seconds"]


def test_a_tone_cuts_speech_short_and_speech_carries_on_after(bin_dir):
    fake_program(bin_dir, "aplay")
    fake_program(bin_dir, "espeak-ng", then="import time; time.sleep(30)")
    notices: list[str] = []
    player = TonePlayer(volume=0.5, clock=SystemClock(), on_failure=notices.append)
    announcer = Announcer(
        bell=lambda: None, notify=notices.append, sound=Sound.TONES, tones=player, voice=True
    )
    announcer.play(Cue("Rest. Next: Wall sit"))
    assert poll(lambda: announcer.speaking, WAIT_S), "the speech did not start"
    announcer.play(Cue("three"), Tone.COUNT, 1.0)
    assert announcer.wait_idle(WAIT_S)  # long before the 30 s the speech would take
    assert notices == [] and announcer.voice_on
