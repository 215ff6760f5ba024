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

from backroutine._advice import STOP_RULE
from backroutine._dose_words import Wording, dosage_words, dose_fields
from backroutine._durations import duration_text
from backroutine._model import Exercise, Routine, RoutineStep
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


def safety_after_stop_rule(routine: Routine) -> tuple[str, ...]:
    """The routine's safety advice but the stop rule, which is shown first."""
    # A planned routine's safety repeats the stop rule.
    return tuple(advice for advice in routine.safety if advice != STOP_RULE)


def not_renderable(function: str, value: object) -> str:
    """The message when *function* is given something it cannot render."""
    return (
        f"{function}() takes a Routine or an Exercise "
        f"(got {reprlib.repr(value)}, of type {type(value).__qualname__})"
    )
