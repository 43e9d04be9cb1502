"""The seed corpus: every hostile input named in issues 15 and 27, for the tests and fuzzers."""

from __future__ import annotations

import json

OSC_52 = "\x1b]52;c;cm0gLXJmIH4vKg==\x07"  # writes "rm -rf ~/*" into the clipboard
OSC_2 = "\x1b]2;pwned\x07"  # renames the terminal window
MARKUP_NAMES = ("Legs [/] day", "Squat [/]", "Wall sit [easy]", "[link=https://x.test]Go[/link]")
ESCAPES = (OSC_52, OSC_2, "\x1b[2J", "\x9b31m", "\x9d0;x\x9c", "\x07", "\x00")
# Bidi controls and zero-width characters (issue 27): "Legs\u202eyad" displays as "Legsday".
INVISIBLES = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
              "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060",
              "\ufeff")  # fmt: skip
PORTS = ("0", "-5", "65536", "99999", "1e3", "0x50", "", " 80", "\uff18\uff10", "9" * 400)
FAR_DATES = ("9999-12-31", "0001-01-01", "2200-01-02", "1970-01-01", "+10000-01-01", "2026-02-30")
HUGE_INT = "1" + "0" * 400
LONG_INT = "9" * 5000
HUGE_FLOATS = ("1e300", "1e308", "nan", "inf", "-inf", "1e400")
DEEP = 500


def session(name: str = "Fine", seconds: str = "30", extra: str = "") -> str:
    """A session file whose name and seconds are written as given (raw TOML values)."""
    return (
        f'name = {json.dumps(name)}\n[[hold]]\nexercise = "wall-sit"\nseconds = {seconds}\n{extra}'
    )


def deep_array(depth: int = DEEP) -> str:
    return "[" * depth + "]" * depth


SESSION_FILES = {
    "huge-int": session(seconds=HUGE_INT),
    "long-int": session(seconds=LONG_INT),
    "deep-array": session(extra=f"cues = {deep_array()}\n"),
    "deep-table": session(extra="x = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n"),
    "dotted": "a" + ".b" * 20_000 + " = 1\n",
    "float-1e300": session(seconds="1e300"),
    "nan": session(seconds="nan"),
    "inf": session(seconds="inf"),
    "osc52-name": session(name=f"Legs{OSC_52}"),
    "osc2-cue": session(extra=f"cues = [{json.dumps('Knees ' + OSC_2)}]\n"),
    "c1-description": f'description = "a\\u009b31m"\n{session()}',
    "markup-name": session(name="Legs [/] day"),
    "bidi-name": session(name="Legs \u202eyad"),
    "isolate-name": session(name="\u2066Legs\u2069 day"),
    "zero-width-cue": session(extra='cues = ["Knees\u200b soft"]\n'),
    "bom-in-name": session(name="Wall\ufeffsit"),
    "unterminated": 'name = "x\\' * 2000,
}
LIBRARY_FILES = {
    "huge-int": f"[wall-sit]\nbeginner = {HUGE_INT}\n",
    "long-int": f"[wall-sit]\nbeginner = {LONG_INT}\n",
    "deep": f"[wall-sit]\ncues = {deep_array()}\n",
    "osc52": f"[x]\nname = {json.dumps(OSC_52)}\nbeginner = 10\nadvanced = 20\n",
    "nan": "[wall-sit]\nadvanced = nan\n",
}
SETTINGS_FILES = {
    "huge-int": f"lead_in = {HUGE_INT}\n",
    "long-int": f"lead_in = {LONG_INT}\n",
    "deep": f"progression = {deep_array()}\n",
    "inf": "cue_rotation_s = inf\n",
    "osc2-theme": f"theme = {json.dumps(OSC_2)}\n",
    "bidi-theme": f"theme = {json.dumps('nord' + chr(0x202E))}\n",
    "script-voice": 'voice_program = "/tmp/say.sh"\n',
}


def good_hold(**changes: object) -> dict:
    """One valid hold as an export holds it, with ``changes`` applied."""
    hold = {
        "id": "h1", "run_id": "r1", "started_at": "2026-01-05T07:00:00+01:00",
        "ended_at": "2026-01-05T07:00:45+01:00", "session": "legs", "session_name": "Legs",
        "exercise": "wall-sit", "exercise_name": "Wall sit", "side": "none", "round": 1,
        "set": 1, "level": "beginner", "target_s": 45.0, "held_s": 45.0, "completed": True,
        "effort": None, "pain": None, "note": "",
    }  # fmt: skip
    return hold | changes


def import_json(**changes: str) -> str:
    """An export of one hold with raw JSON values substituted, so 1e300 stays a literal."""
    text = json.dumps({"holds": [good_hold(**{key: f"@{key}@" for key in changes})]})
    for key, raw in changes.items():
        text = text.replace(f'"@{key}@"', raw)
    return text


IMPORT_FILES = {
    "round-1e300": import_json(round="1e300"),
    "held-401-digits": import_json(held_s=HUGE_INT),
    "held-5000-digits": import_json(held_s=LONG_INT),
    "held-1e308": import_json(held_s="1e308"),
    "target-inf": import_json(target_s="Infinity"),
    "held-nan": import_json(held_s="NaN"),
    "surrogate-note": import_json(note='"\\ud800"'),
    "osc52-note": import_json(note=json.dumps(OSC_52)),
    "markup-name": import_json(exercise_name='"Squat [/]"'),
    "bidi-name": import_json(session_name=json.dumps("Legs \u202eyad")),
    "zero-width-note": import_json(note=json.dumps("fine\u200d")),
    "rlm-exercise": import_json(exercise_name=json.dumps("\u200fWall sit")),
    "deep": '{"holds": ' + deep_array() + "}",
    "year-1": import_json(started_at='"0001-01-01T00:00:00+01:00"'),
    "effort-huge": import_json(effort=HUGE_INT),
}
