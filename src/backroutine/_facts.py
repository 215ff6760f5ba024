"""What a rendering shows of an exercise, a step and a routine, as labelled facts.

Plain text and Markdown lay the same facts out differently: ``Position:
prone (lying face down)`` aligned in a terminal, ``- **Position:** ...`` in
a handout.  The facts, and the values a rendering takes, are worked out
here once for both.
"""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Iterable
from types import MappingProxyType
from typing import Final

from backroutine._advice import SEE_SPECIALIST, STOP_RULE
from backroutine._dose_words import Wording, dosage_words, dose_fields
from backroutine._durations import duration_text
from backroutine._model import Caution, Exercise, Routine, RoutineStep
from backroutine._safety import CONDITION_RULES
from backroutine._signs import SEEK_HELP
from backroutine._text import words
from backroutine._timing import Pace, estimate_duration
from backroutine._vocabulary import Bias, Position

_POSITIONS: Final = MappingProxyType(
    {
        Position.SUPINE: "lying on your back",
        Position.PRONE: "lying face down",
        Position.SIDE_LYING: "lying on your side",
        Position.QUADRUPED: "on hands and knees",
        Position.HALF_KNEELING: "on one knee",
    }
)
_BIASES: Final = MappingProxyType(
    {
        Bias.FLEXION: "bending forwards",
        Bias.EXTENSION: "bending backwards",
        Bias.ROTATION: "twisting",
        Bias.NEUTRAL: "the spine kept steady",
        Bias.MIXED: "more than one direction",
    }
)


def listing(members: Iterable[enum.Enum]) -> str:
    """*members* as words separated by commas, or ``none``."""
    return ", ".join(map(words, members)) or "none"


def _glossed(member: enum.Enum, gloss: str | None) -> str:
    """*member* as words, with *gloss* in brackets if there is one."""
    return f"{words(member)} ({gloss})" if gloss else words(member)


def position_words(position: Position) -> str:
    """A position as words, explained where its name may not say enough."""
    return _glossed(position, _POSITIONS.get(position))


def exercise_facts(exercise: Exercise, wording: Wording) -> list[tuple[str, str]]:
    """Position, targets, bias, when it suits, dose, equipment and difficulty."""
    facts = [
        ("Position", position_words(exercise.position)),
        ("Targets", listing(exercise.targets)),
        ("Bias", _glossed(exercise.bias, _BIASES[exercise.bias])),
    ]
    if exercise.times:
        facts.append(("Time of day", listing(exercise.times)))
    if exercise.occasions:
        facts.append(("Occasions", listing(exercise.occasions)))
    facts += [
        ("Dose", dosage_words(exercise.dosage, wording)),
        ("Equipment", listing(exercise.equipment)),
        ("Difficulty", words(exercise.difficulty)),
    ]
    return facts


def step_fields(step: RoutineStep, wording: Wording) -> list[tuple[str, str]]:
    """A step's position, its sets in plain words and its note."""
    fields = [("Position", position_words(step.exercise.position))]
    fields += dose_fields(step.sets, wording)
    if step.note is not None:
        fields.append(("Note", step.note))
    return fields


def routine_facts(routine: Routine, pace: Pace | None) -> list[tuple[str, str]]:
    """The time of day and targets, where given, and the total time."""
    facts = []
    if routine.time_of_day is not None:
        facts.append(("Time of day", words(routine.time_of_day)))
    if routine.targets:
        facts.append(("Targets", listing(routine.targets)))
    facts.append(("Total time", duration_text(estimate_duration(routine, pace))))
    return facts


ROUTINE_ADVICE: Final = (("Stop rule", STOP_RULE), ("See a specialist", SEE_SPECIALIST))
"""The advice every routine's handout shows, with the seek-help box."""

EXERCISE_ADVICE: Final = ROUTINE_ADVICE
"""The advice every exercise's handout shows, with the seek-help box."""

_SHOWN_APART: Final = frozenset((SEEK_HELP, *(text for _, text in ROUTINE_ADVICE)))
"""What a routine's handout always shows, so never again among its safety."""


def other_safety(routine: Routine) -> tuple[str, ...]:
    """The routine's safety advice but what every handout shows on its own.

    The seek-help box, the stop rule and when to see a specialist are shown
    apart, whatever the routine's safety; a planned routine's safety holds
    them too, and they are not repeated.
    """
    return tuple(advice for advice in routine.safety if advice not in _SHOWN_APART)


NOT_PLANNED_FOR: Final = "Not planned for"
"""The heading of the conditions whose safety rules leave an exercise out."""


def not_planned_for(exercise: Exercise) -> tuple[str, ...]:
    """The conditions whose rules leave *exercise* out, each with the reason.

    Derived from the rules themselves, so that an exercise's handout never
    suggests what the planner would refuse.
    """
    found = []
    for condition, rule in CONDITION_RULES.items():
        reason = rule.why_not(exercise)
        if reason is not None:
            found.append(f"{words(condition).capitalize()}: {reason}")
    return tuple(found)


FOR_YOU: Final = "For you"
"""The heading of a step's cautions about the person's own conditions."""

TAKE_CARE: Final = "Take care"
"""The heading of cautions anyone may need, and of an exercise's cautions."""


def caution_groups(
    cautions: Iterable[Caution], *, personal: bool = True
) -> list[tuple[str, tuple[str, ...]]]:
    """Cautions for one person, headed, as each caution's text.

    *cautions* are those that concern the person, as
    :meth:`Routine.cautions <backroutine.Routine.cautions>` gives them (and
    a cue carries them): when *personal* (the person's conditions are
    known), the ones about a condition are about one of the person's, and
    come under :data:`FOR_YOU`, and those about no condition under
    :data:`TAKE_CARE`; otherwise every caution comes under
    :data:`TAKE_CARE`.  A heading without cautions is left out.
    """
    given = tuple(cautions)
    if not personal:
        texts = caution_texts(given)
        return [(TAKE_CARE, texts)] if texts else []
    groups = [
        (FOR_YOU, caution_texts(c for c in given if c.conditions)),
        (TAKE_CARE, caution_texts(c for c in given if not c.conditions)),
    ]
    return [(heading, texts) for heading, texts in groups if texts]


def caution_texts(cautions: Iterable[Caution]) -> tuple[str, ...]:
    """Each caution as one line of text: what it is about, then what to do."""
    return tuple(caution.text for caution in cautions)


def not_renderable(function: str, value: object) -> str:
    """The message when *function* is given something it cannot render."""
    return (
        f"{function}() takes a Routine or an Exercise "
        f"(got {reprlib.repr(value)}, of type {type(value).__qualname__})"
    )
