"""The vocabulary in words a person understands: one mapping, in one place.

The enums' values are the JSON format and keep their technical words
(``supine``, ``flexion``, ``lumbar_spine``); a handout says "lying on your
back", "bending forward", "lower spine".  Every enum a handout shows is
mapped here, member by member, so that no rendering falls back on a
technical word, and a test can check that every member has its words.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from backroutine._text import join
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Equipment,
    Laterality,
    Movement,
    Occasion,
    Position,
    TimeOfDay,
)

SIDES: Final[Mapping[Laterality, tuple[str, str]]] = MappingProxyType(
    {
        Laterality.BILATERAL: ("", ""),
        Laterality.ALTERNATING: ("each side", "switching sides each time"),
        Laterality.EACH_SIDE: ("each side", "one side at a time"),
        Laterality.LEFT: ("on the left side only", ""),
        Laterality.RIGHT: ("on the right side only", ""),
    }
)
"""A laterality's words split where a dose puts them: after the reps, and last.

``8 reps each side, hold 10 seconds, switching sides each time``: together
they are the laterality's words in :func:`plain`.
"""

_WORDS: Final[Mapping[enum.Enum, str]] = MappingProxyType(
    {
        # Where a position is a state: "Position: lying on your back".
        Position.SUPINE: "lying on your back",
        Position.PRONE: "lying face down",
        Position.SIDE_LYING: "lying on your side",
        Position.QUADRUPED: "on your hands and knees",
        Position.KNEELING: "kneeling",
        Position.HALF_KNEELING: "kneeling on one knee",
        Position.SEATED: "sitting",
        Position.STANDING: "standing",
        # What an exercise does to the back, as "Movement: bending forward".
        Bias.FLEXION: "bending forward",
        Bias.EXTENSION: "arching backwards",
        Bias.ROTATION: "twisting",
        Bias.NEUTRAL: "keeping your back still",
        Bias.MIXED: "bending forward and arching backwards",
        Movement.FLEXION: "bending forward",
        Movement.EXTENSION: "arching backwards",
        Movement.ROTATION: "twisting",
        Movement.SIDE_BENDING: "bending to the side",
        # Which sides a set works, as a dose says it.
        **{
            side: ", ".join(filter(None, words)) or "both sides together"
            for side, words in SIDES.items()
        },
        # When: "When: before bed", "Suits: in the morning".
        TimeOfDay.MORNING: "in the morning",
        TimeOfDay.MIDDAY: "in the middle of the day",
        TimeOfDay.EVENING: "in the evening",
        TimeOfDay.BEDTIME: "before bed",
        Occasion.AFTER_SITTING: "after sitting for a long time",
        Occasion.AFTER_ACTIVITY: "after being active",
        # What an exercise works: "Works: lower back, buttocks".
        BodyArea.LOWER_BACK: "lower back",
        BodyArea.LUMBAR_SPINE: "lower spine",
        BodyArea.ABDOMINALS: "stomach muscles",
        BodyArea.CORE: "core muscles",
        BodyArea.HIPS: "hips",
        BodyArea.HIP_FLEXORS: "front of the hips",
        BodyArea.GLUTES: "buttocks",
        BodyArea.HAMSTRINGS: "backs of the thighs",
        BodyArea.OBLIQUES: "sides of the waist",
        # What to have at hand: "You need: a mat and a towel".
        Equipment.MAT: "a mat",
        Equipment.PILLOW: "a pillow",
        Equipment.TOWEL: "a towel",
        Equipment.CHAIR: "a sturdy chair",
        Equipment.WALL: "a wall",
    }
)

SHOWN: Final = (
    Position,
    Bias,
    Movement,
    Laterality,
    TimeOfDay,
    Occasion,
    BodyArea,
    Equipment,
)
"""The enums a handout shows, each member of which has its words here."""


def plain(member: enum.Enum) -> str:
    """*member* in words a person understands: ``lying on your back``.

    Raises:
        KeyError: *member* is of an enum a handout does not show.
    """
    return _WORDS[member]


def plain_list(
    members: Iterable[enum.Enum], *, word: str = "and", empty: str = "none"
) -> str:
    """*members* in plain words, as a sentence lists them, or *empty*.

    ``lower back, hips and buttocks``; with *word* ``"or"``, ``in the
    morning or in the evening``.
    """
    return join(map(plain, members), word=word) or empty
