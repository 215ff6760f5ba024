"""The vocabulary in words a person understands: one mapping, in one place.

The enums' values are the JSON format and keep their technical words
(``supine``, ``flexion``, ``lumbar_spine``); a handout says "lying on your
back", "bending forward", "lower spine".  Every enum a handout shows is
mapped here, member by member, so that no rendering falls back on a
technical word, and a test can check that every member has its words.

The words are messages, marked here and translated where they are used
(:func:`plain`), in the language of the moment.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, Literal

from backroutine._i18n import N_, _
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
        # Translators: after the reps of a set: "8 reps each side".
        Laterality.ALTERNATING: (N_("each side"), N_("switching sides each time")),
        Laterality.EACH_SIDE: (N_("each side"), N_("one side at a time")),
        # Translators: after the reps of a set: "8 reps on the left side only".
        Laterality.LEFT: (N_("on the left side only"), ""),
        Laterality.RIGHT: (N_("on the right side only"), ""),
    }
)
"""A laterality's words split where a dose puts them: after the reps, and last.

``8 reps each side, hold 10 seconds, switching sides each time``: together
they are the laterality's words in :func:`plain`.  Each is a message, in
English: translate it where it is used (``""`` is no words, and is not).
"""

_WORDS: Final[Mapping[enum.Enum, str]] = MappingProxyType(
    {
        # Translators: Where a position is a state: "Position: lying on your back".
        Position.SUPINE: N_("lying on your back"),
        Position.PRONE: N_("lying face down"),
        Position.SIDE_LYING: N_("lying on your side"),
        Position.QUADRUPED: N_("on your hands and knees"),
        Position.KNEELING: N_("kneeling"),
        Position.HALF_KNEELING: N_("kneeling on one knee"),
        Position.SEATED: N_("sitting"),
        Position.STANDING: N_("standing"),
        # Translators: What an exercise does to the back: "Movement: bending forward".
        Bias.FLEXION: N_("bending forward"),
        Bias.EXTENSION: N_("arching backwards"),
        Bias.ROTATION: N_("twisting"),
        Bias.NEUTRAL: N_("keeping your back still"),
        Bias.MIXED: N_("bending forward and arching backwards"),
        Movement.FLEXION: N_("bending forward"),
        Movement.EXTENSION: N_("arching backwards"),
        Movement.ROTATION: N_("twisting"),
        Movement.SIDE_BENDING: N_("bending to the side"),
        # The words of SIDES, joined (a test checks that they agree).
        # Translators: Which sides a set works, as a dose says it.
        Laterality.BILATERAL: N_("both sides together"),
        Laterality.ALTERNATING: N_("each side, switching sides each time"),
        Laterality.EACH_SIDE: N_("each side, one side at a time"),
        Laterality.LEFT: N_("on the left side only"),
        Laterality.RIGHT: N_("on the right side only"),
        # Translators: When: "When: before bed", "Suits: in the morning".
        TimeOfDay.MORNING: N_("in the morning"),
        TimeOfDay.MIDDAY: N_("in the middle of the day"),
        TimeOfDay.EVENING: N_("in the evening"),
        TimeOfDay.BEDTIME: N_("before bed"),
        Occasion.AFTER_SITTING: N_("after sitting for a long time"),
        Occasion.AFTER_ACTIVITY: N_("after being active"),
        # Translators: What an exercise works: "Works: lower back, buttocks".
        BodyArea.LOWER_BACK: N_("lower back"),
        BodyArea.LUMBAR_SPINE: N_("lower spine"),
        BodyArea.ABDOMINALS: N_("stomach muscles"),
        BodyArea.CORE: N_("core muscles"),
        BodyArea.HIPS: N_("hips"),
        BodyArea.HIP_FLEXORS: N_("front of the hips"),
        BodyArea.GLUTES: N_("buttocks"),
        BodyArea.HAMSTRINGS: N_("backs of the thighs"),
        BodyArea.OBLIQUES: N_("sides of the waist"),
        # Translators: What to have at hand: "You need: a mat and a towel".
        Equipment.MAT: N_("a mat"),
        Equipment.PILLOW: N_("a pillow"),
        Equipment.TOWEL: N_("a towel"),
        Equipment.CHAIR: N_("a sturdy chair"),
        Equipment.WALL: N_("a wall"),
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

    In the current language.

    Raises:
        KeyError: *member* is of an enum a handout does not show.
    """
    return _(_WORDS[member])


def plain_list(
    members: Iterable[enum.Enum],
    *,
    word: Literal["and", "or"] = "and",
    empty: str | None = None,
) -> str:
    """*members* in plain words, as a sentence lists them, or *empty*.

    ``lower back, hips and buttocks``; with *word* ``"or"``, ``in the
    morning or in the evening``.  *empty* is what to say of no members,
    in the current language: ``none`` if None.
    """
    listed = join(map(plain, members), word=word)
    if listed:
        return listed
    if empty is None:
        # Translators: what a handout lists when there is nothing to list,
        # as in "Works: none".
        return _("none")
    return empty
