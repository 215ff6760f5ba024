"""The enums of the benchmark models: backroutine's vocabulary, written anew.

The values are backroutine's JSON values, so that the msgspec and pydantic
models read and write the same documents; ``tests/test_bench.py`` checks
that each enum here holds exactly the values of backroutine's.
"""

from __future__ import annotations

import enum


class TimeOfDay(enum.Enum):
    """When in the day an exercise suits, or a routine is meant for."""

    MORNING = "morning"
    MIDDAY = "midday"
    EVENING = "evening"
    BEDTIME = "bedtime"


class Occasion(enum.Enum):
    """A situation, rather than a time, that an exercise suits."""

    AFTER_SITTING = "after_sitting"
    AFTER_ACTIVITY = "after_activity"


class BodyArea(enum.Enum):
    """A part of the body that an exercise works."""

    LOWER_BACK = "lower_back"
    LUMBAR_SPINE = "lumbar_spine"
    ABDOMINALS = "abdominals"
    CORE = "core"
    HIPS = "hips"
    HIP_FLEXORS = "hip_flexors"
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    OBLIQUES = "obliques"


class Position(enum.Enum):
    """The body position an exercise is done in."""

    SUPINE = "supine"
    PRONE = "prone"
    SIDE_LYING = "side_lying"
    QUADRUPED = "quadruped"
    KNEELING = "kneeling"
    HALF_KNEELING = "half_kneeling"
    SEATED = "seated"
    STANDING = "standing"


class Laterality(enum.Enum):
    """Which side of the body a set works."""

    BILATERAL = "bilateral"
    ALTERNATING = "alternating"
    EACH_SIDE = "each_side"
    LEFT = "left"
    RIGHT = "right"


class Bias(enum.Enum):
    """The spinal direction an exercise moves towards."""

    FLEXION = "flexion"
    EXTENSION = "extension"
    ROTATION = "rotation"
    NEUTRAL = "neutral"
    MIXED = "mixed"


class Equipment(enum.Enum):
    """Something an exercise needs besides the floor."""

    MAT = "mat"
    PILLOW = "pillow"
    TOWEL = "towel"
    CHAIR = "chair"
    WALL = "wall"


class Difficulty(enum.Enum):
    """How demanding an exercise is."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Condition(enum.Enum):
    """A health condition that changes which exercises suit a person."""

    SPINAL_STENOSIS = "spinal_stenosis"
    SPONDYLOLISTHESIS = "spondylolisthesis"
    FACET_JOINT_PAIN = "facet_joint_pain"
    DISC_HERNIATION = "disc_herniation"
    OSTEOPOROSIS = "osteoporosis"
    PREGNANCY = "pregnancy"
    RECENT_BACK_SURGERY = "recent_back_surgery"


ALL_ENUMS: tuple[type[enum.Enum], ...] = (
    TimeOfDay,
    Occasion,
    BodyArea,
    Position,
    Laterality,
    Bias,
    Equipment,
    Difficulty,
    Condition,
)
"""Every enum above, for the check against backroutine's."""
