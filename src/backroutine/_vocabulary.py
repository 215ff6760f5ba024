"""The vocabulary: enums whose values are the JSON format.

The values are lower-case snake strings and, once released, are never
renamed: documents written by one version must load in every later one.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from types import MappingProxyType
from typing import Final


class _Vocabulary(enum.Enum):
    """The base of the vocabulary's enums: members hash by identity.

    A member is the one object of its value (pickling gives the member
    back), so identity is equality; hashing by identity is done in C,
    where Enum's own hash calls Python code on every set and dict look-up,
    which the planner and the reader do thousands of times.
    """

    __hash__ = object.__hash__


class TimeOfDay(_Vocabulary):
    """When in the day an exercise suits, or a routine is meant for."""

    MORNING = "morning"
    MIDDAY = "midday"
    EVENING = "evening"
    BEDTIME = "bedtime"


class Weekday(_Vocabulary):
    """A day of the week, Monday first, as ISO 8601 counts them."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """0 for Monday to 6 for Sunday, as ``datetime.date.weekday()``."""
        return _WEEKDAY_NUMBERS[self]

    @classmethod
    def of(cls, day: dt.date) -> Weekday:
        """The day of the week *day* falls on."""
        return _WEEKDAYS[day.weekday()]

    @classmethod
    def spread(cls, count: int) -> tuple[Weekday, ...]:
        """*count* days of a week, spread as evenly as a week allows.

        Monday first, then as far apart as the days can be: 1 is Monday,
        2 Monday and Thursday, 3 Monday, Wednesday and Friday, 7 every day.

        Raises:
            ValueError: *count* is not from 1 to 7.
        """
        if type(count) is not int or not 1 <= count <= len(_WEEKDAYS):
            msg = f"count must be a whole number from 1 to 7 (got {count!r})"
            raise ValueError(msg)
        return tuple(_WEEKDAYS[(index * 7) // count] for index in range(count))


class Occasion(_Vocabulary):
    """A situation, rather than a time, that an exercise suits."""

    AFTER_SITTING = "after_sitting"
    AFTER_ACTIVITY = "after_activity"


class BodyArea(_Vocabulary):
    """A part of the body that an exercise works or a person asks for.

    Areas nest: ``LUMBAR_SPINE`` is part of ``LOWER_BACK``, ``ABDOMINALS``
    and ``OBLIQUES`` are part of ``CORE``, ``HIP_FLEXORS`` and ``GLUTES`` are
    part of ``HIPS``.  Asking for an area includes its parts.
    """

    LOWER_BACK = "lower_back"
    LUMBAR_SPINE = "lumbar_spine"
    ABDOMINALS = "abdominals"
    CORE = "core"
    HIPS = "hips"
    HIP_FLEXORS = "hip_flexors"
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    OBLIQUES = "obliques"

    @property
    def parent(self) -> BodyArea | None:
        """The area this one is part of, or None for a top-level area."""
        return _PARENTS.get(self)

    @property
    def parts(self) -> tuple[BodyArea, ...]:
        """The areas that are part of this one, in declaration order."""
        return tuple(area for area in BodyArea if area.parent is self)

    def covers(self, other: BodyArea) -> bool:
        """Whether *other* is this area or one of its parts."""
        return other in _COVERED[self]

    def covers_any(self, others: Iterable[BodyArea]) -> bool:
        """Whether any of *others* is this area or one of its parts."""
        return not _COVERED[self].isdisjoint(others)


_PARENTS: MappingProxyType[BodyArea, BodyArea] = MappingProxyType(
    {
        BodyArea.LUMBAR_SPINE: BodyArea.LOWER_BACK,
        BodyArea.ABDOMINALS: BodyArea.CORE,
        BodyArea.OBLIQUES: BodyArea.CORE,
        BodyArea.HIP_FLEXORS: BodyArea.HIPS,
        BodyArea.GLUTES: BodyArea.HIPS,
    }
)


_COVERED: Final[MappingProxyType[BodyArea, frozenset[BodyArea]]] = MappingProxyType(
    {area: frozenset({area, *area.parts}) for area in BodyArea}
)


class Position(_Vocabulary):
    """The body position an exercise is done in."""

    SUPINE = "supine"
    PRONE = "prone"
    SIDE_LYING = "side_lying"
    QUADRUPED = "quadruped"
    KNEELING = "kneeling"
    HALF_KNEELING = "half_kneeling"
    SEATED = "seated"
    STANDING = "standing"


class Laterality(_Vocabulary):
    """Which side of the body a set works.

    For ``ALTERNATING`` and ``EACH_SIDE``, a rep count is per side: "8 reps,
    alternating" means 8 to the left and 8 to the right.
    """

    BILATERAL = "bilateral"
    ALTERNATING = "alternating"
    EACH_SIDE = "each_side"
    LEFT = "left"
    RIGHT = "right"

    @property
    def sides(self) -> int:
        """How many sides a rep count is done on, 2 for per-side work, else 1."""
        return 2 if self in (Laterality.ALTERNATING, Laterality.EACH_SIDE) else 1


class Bias(_Vocabulary):
    """The spinal direction an exercise moves towards."""

    FLEXION = "flexion"
    EXTENSION = "extension"
    ROTATION = "rotation"
    NEUTRAL = "neutral"
    MIXED = "mixed"


class Movement(_Vocabulary):
    """A direction in which a phase of an exercise moves the spine.

    An exercise lists the movements of each of its phases
    (:class:`~backroutine.Phase`); a phase with none holds the spine still.
    """

    FLEXION = "flexion"
    EXTENSION = "extension"
    ROTATION = "rotation"
    SIDE_BENDING = "side_bending"


class Equipment(_Vocabulary):
    """Something an exercise needs besides the floor."""

    MAT = "mat"
    PILLOW = "pillow"
    TOWEL = "towel"
    CHAIR = "chair"
    WALL = "wall"


class Difficulty(_Vocabulary):
    """How demanding an exercise is; levels are ordered by :attr:`level`."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def level(self) -> int:
        """1 for beginner, 2 for intermediate, 3 for advanced."""
        return _LEVELS[self]


_LEVELS: MappingProxyType[Difficulty, int] = MappingProxyType(
    {level: number for number, level in enumerate(Difficulty, start=1)}
)


class CueKind(_Vocabulary):
    """What a timer cue asks the person to do."""

    GET_READY = "get_ready"
    MOVE = "move"
    HOLD = "hold"
    RELEASE = "release"
    SWITCH_SIDE = "switch_side"
    REST = "rest"
    NEXT_EXERCISE = "next_exercise"
    DONE = "done"


class Condition(_Vocabulary):
    """A health condition that changes which exercises suit a person."""

    SPINAL_STENOSIS = "spinal_stenosis"
    SPONDYLOLISTHESIS = "spondylolisthesis"
    FACET_JOINT_PAIN = "facet_joint_pain"
    DISC_HERNIATION = "disc_herniation"
    OSTEOPOROSIS = "osteoporosis"
    PREGNANCY = "pregnancy"
    RECENT_BACK_SURGERY = "recent_back_surgery"


class Urgency(_Vocabulary):
    """How soon warning signs say to seek care; ordered by :attr:`level`."""

    NONE = "none"
    SEE_PROFESSIONAL = "see_professional"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def level(self) -> int:
        """0 for none, 1 to see a professional, 2 urgent, 3 emergency."""
        return _URGENCY_LEVELS[self]


_URGENCY_LEVELS: MappingProxyType[Urgency, int] = MappingProxyType(
    {urgency: number for number, urgency in enumerate(Urgency)}
)


class WarningSign(_Vocabulary):
    """A sign that back pain may need care rather than exercise.

    Each sign's urgency is data in the safety rules (see
    :func:`backroutine.screen`).
    """

    # Emergency: call emergency services.
    SADDLE_NUMBNESS = "saddle_numbness"
    BLADDER_OR_BOWEL_CHANGE = "bladder_or_bowel_change"
    BOTH_LEGS_WEAK_OR_NUMB = "both_legs_weak_or_numb"
    BOTH_LEGS_PAIN_OR_TINGLING = "both_legs_pain_or_tingling"
    SEXUAL_FUNCTION_LOSS = "sexual_function_loss"
    CHEST_PAIN = "chest_pain"
    SERIOUS_TRAUMA = "serious_trauma"
    # Urgent: see a doctor today.
    FEVER = "fever"
    UNEXPLAINED_WEIGHT_LOSS = "unexplained_weight_loss"
    CANCER_HISTORY = "cancer_history"
    NIGHT_PAIN = "night_pain"
    PROGRESSIVE_LEG_WEAKNESS = "progressive_leg_weakness"
    BACK_SHAPE_CHANGE = "back_shape_change"
    PAIN_ON_COUGH_OR_SNEEZE = "pain_on_cough_or_sneeze"
    PAIN_BETWEEN_SHOULDER_BLADES = "pain_between_shoulder_blades"
    # See a professional.
    PAIN_BELOW_KNEE = "pain_below_knee"
    PERSISTENT_PAIN = "persistent_pain"
    WORSENING_PAIN = "worsening_pain"
    FALL_WITH_OSTEOPOROSIS = "fall_with_osteoporosis"


_WEEKDAYS: Final = tuple(Weekday)
_WEEKDAY_NUMBERS: Final = MappingProxyType(
    {day: number for number, day in enumerate(_WEEKDAYS)}
)
