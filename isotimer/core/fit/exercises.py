"""Which FIT exercise category and exercise name each isotimer hold is filed under."""

# Names are those of the FIT profile's ``exercise_category`` type and its
# ``<category>_exercise_name`` types, so Garmin Connect lists a wall sit as a
# wall squat and counts it under squats. The storage layer turns them into the
# profile's numbers; a test checks every name here exists in the profile.

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FitExercise:
    """A FIT exercise category and, where the profile has a fitting one, a name within it."""

    category: str
    name: str | None = None


UNKNOWN = FitExercise("unknown")

# The bundled library, exercise by exercise: the closest the FIT profile has.
BY_ID: dict[str, FitExercise] = {
    "wall-sit": FitExercise("squat", "body_weight_wall_squat"),
    "spanish-squat": FitExercise("squat", "squat"),
    "reverse-lunge-hold": FitExercise("lunge", "lunge"),
    "glute-bridge-hold": FitExercise("hip_raise", "hip_raise"),
    "single-leg-glute-bridge-hold": FitExercise("hip_raise", "single_leg_hip_raise"),
    "hip-flexor-march-hold": FitExercise("hip_stability"),
    "single-leg-balance": FitExercise("hip_stability"),
    "calf-raise-hold": FitExercise("calf_raise", "standing_calf_raise"),
    "isometric-heel-raise": FitExercise("calf_raise", "standing_calf_raise"),
    "single-leg-calf-raise-hold": FitExercise("calf_raise", "single_leg_standing_calf_raise"),
    "plank": FitExercise("plank", "plank"),
    "side-plank": FitExercise("plank", "side_plank"),
    "side-plank-leg-raise": FitExercise("plank", "side_plank_with_leg_lift"),
    "hollow-body-hold": FitExercise("core"),
    "push-up-hold": FitExercise("push_up", "push_up"),  # the old id of high-plank, in history
    "high-plank": FitExercise("push_up", "push_up"),
    "pillow-squeeze-wall-sit": FitExercise("squat", "body_weight_wall_squat"),
    "knee-extension-hold": FitExercise("squat"),  # FIT has no knee extension; quads, as a squat
    "decline-single-leg-squat-hold": FitExercise("squat", "partial_single_leg_squat"),
    "step-heel-raise-hold": FitExercise("calf_raise", "single_leg_standing_dumbbell_calf_raise"),
    "banded-clamshell-hold": FitExercise("hip_stability"),
    "banded-bridge-hold": FitExercise("hip_raise", "hip_raise"),
    "mid-push-up-hold": FitExercise("push_up", "push_up"),
    "wall-press": FitExercise("push_up"),
    "dead-hang": FitExercise("pull_up"),
}

# For the user's own exercises and inline holds: words in the id or name, first match wins.
BY_WORD: tuple[tuple[str, FitExercise], ...] = (
    (r"side[ -]plank", FitExercise("plank", "side_plank")),
    (r"plank", FitExercise("plank", "plank")),
    (r"wall[ -]sit", FitExercise("squat", "body_weight_wall_squat")),
    (r"squat", FitExercise("squat", "squat")),
    (r"lunge|split", FitExercise("lunge", "lunge")),
    (r"bridge|hip thrust", FitExercise("hip_raise", "hip_raise")),
    (r"calf|heel|soleus|achilles", FitExercise("calf_raise", "standing_calf_raise")),
    (r"balance|hip|adduct|abduct|march", FitExercise("hip_stability")),
    (r"push[ -]?up", FitExercise("push_up", "push_up")),
    (r"hang|pull[ -]?up", FitExercise("pull_up")),
    (r"hollow|core|dead bug", FitExercise("core")),
)


def fit_exercise(exercise: str, exercise_name: str = "") -> FitExercise:
    """The FIT category and name for a hold, from its exercise id, else words in its name.

    Anything else is filed as ``unknown``: the set still carries its own name
    (the exercise title), so no service shows it as something it was not.
    """
    if exercise in BY_ID:
        return BY_ID[exercise]
    words = f"{exercise} {exercise_name}".lower().replace("_", " ")
    for pattern, mapped in BY_WORD:
        if re.search(pattern, words):
            return mapped
    return UNKNOWN
