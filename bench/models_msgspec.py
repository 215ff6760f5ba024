"""backroutine's Routine as msgspec ``Struct`` classes, for the benchmark.

The classes hold the same fields as backroutine's, under the same names and
in the same order, and read and write the same JSON, the ``"kind"`` and
``"version"`` envelope included: :func:`loads` reads the exact bytes
``backroutine.dumps`` writes.  Every class is frozen and keyword-only, and
refuses unknown fields; msgspec is strict by default (no ``"5"`` for 5, no
5.7 for an int).  ``Meta`` constraints give the same ranges, lengths and
counts as backroutine's rules: a span's ends are checked against the range
of the field that holds it (``sets`` 1 to 10, ``reps`` 1 to 100, holds 1 to
600 seconds), text must be non-blank and not too long, lists hold no more
items than backroutine allows.

What backroutine checks and these models do not (so msgspec's figure is, if
anything, a little flattering): that a span's high end is at least its low
end, that enum lists hold no repeats, and that text holds no lone
surrogates.  Those are cross-field or Python-level rules msgspec has no
declarative form for.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from backroutine._spec import TEXT_PATTERN
from bench.vocabulary import (
    Bias,
    BodyArea,
    Condition,
    Difficulty,
    Equipment,
    Laterality,
    Occasion,
    Position,
    TimeOfDay,
)

# The library's own rule for text that is not blank: a character outside
# its white space (backroutine._spec.WHITESPACE), the same for every engine.
_NON_BLANK = TEXT_PATTERN
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z"

Name = Annotated[str, Meta(min_length=1, max_length=120, pattern=_NON_BLANK)]
Text = Annotated[str, Meta(min_length=1, max_length=1_000, pattern=_NON_BLANK)]
Slug = Annotated[str, Meta(max_length=64, pattern=_SLUG)]
Texts = Annotated[tuple[Text, ...], Meta(max_length=50)]
SetCount = Annotated[int, Meta(ge=1, le=10)]
RepCount = Annotated[int, Meta(ge=1, le=100)]
HoldSeconds = Annotated[int, Meta(ge=1, le=600)]
RestSeconds = Annotated[int, Meta(ge=0, le=600)]


class SetsSpan(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A ``Span`` of sets: 1 to 10."""

    low: SetCount
    high: SetCount


class RepsSpan(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A ``Span`` of reps: 1 to 100."""

    low: RepCount
    high: RepCount


class HoldSpan(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A ``Span`` of hold seconds: 1 to 600."""

    low: HoldSeconds
    high: HoldSeconds


class Dosage(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The guidance an exercise comes with, as ranges."""

    sets: SetsSpan
    reps: RepsSpan
    hold_seconds: HoldSpan | None = None
    laterality: Laterality = Laterality.BILATERAL
    rest_seconds: RestSeconds = 0


class Hold(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One static hold."""

    seconds: HoldSeconds


class ExerciseSet(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One concrete set in a routine."""

    reps: RepCount
    hold: Hold | None = None
    laterality: Laterality = Laterality.BILATERAL
    rest_after_seconds: RestSeconds = 0


class Caution(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """When to take care with an exercise, and what to do."""

    about: Name
    advice: Text
    conditions: Annotated[tuple[Condition, ...], Meta(max_length=7)] = ()


class Exercise(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One exercise."""

    id: Slug
    name: Name
    summary: Text
    instructions: Annotated[tuple[Text, ...], Meta(min_length=1, max_length=50)]
    position: Position
    targets: Annotated[tuple[BodyArea, ...], Meta(min_length=1, max_length=9)]
    bias: Bias
    times: Annotated[tuple[TimeOfDay, ...], Meta(max_length=4)]
    occasions: Annotated[tuple[Occasion, ...], Meta(max_length=2)] = ()
    dosage: Dosage
    benefits: Texts = ()
    cues: Texts = ()
    cautions: Annotated[tuple[Caution, ...], Meta(max_length=50)] = ()
    equipment: Annotated[tuple[Equipment, ...], Meta(max_length=5)] = ()
    difficulty: Difficulty = Difficulty.BEGINNER


class RoutineStep(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One exercise in a routine, with the sets to do."""

    exercise: Exercise
    sets: Annotated[tuple[ExerciseSet, ...], Meta(min_length=1, max_length=10)]
    note: Text | None = None


class Routine(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A routine document, envelope included."""

    kind: Literal["routine"]
    version: Literal[1]
    name: Name
    time_of_day: TimeOfDay | None = None
    targets: Annotated[tuple[BodyArea, ...], Meta(max_length=9)] = ()
    steps: Annotated[tuple[RoutineStep, ...], Meta(min_length=1, max_length=1_000)]
    notes: Texts = ()
    safety: Texts = ()


def dumps(routine: Routine) -> bytes:
    """*routine* as JSON, as the benchmark times it."""
    return msgspec.json.encode(routine)


def loads(data: bytes | str) -> Routine:
    """A routine read from JSON, as the benchmark times it."""
    return msgspec.json.decode(data, type=Routine)


# -- The same models without the non-blank rule --------------------------------
#
# msgspec has no declarative "not blank" for text but a regex, and checks a
# regex with Python's ``re`` for every string: most of its reading time for
# a routine, which is mostly text.  These twins leave that one rule out
# (lengths, ranges and the rest stay), to show what it costs; the benchmark
# reports them for context, beside the models above that carry the targets.

PlainName = Annotated[str, Meta(min_length=1, max_length=120)]
PlainText = Annotated[str, Meta(min_length=1, max_length=1_000)]
PlainTexts = Annotated[tuple[PlainText, ...], Meta(max_length=50)]


class PlainCaution(Caution, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A :class:`Caution` whose text may be blank."""

    about: PlainName
    advice: PlainText


class PlainExercise(Exercise, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """An :class:`Exercise` whose text may be blank."""

    name: PlainName
    summary: PlainText
    instructions: Annotated[tuple[PlainText, ...], Meta(min_length=1, max_length=50)]
    benefits: PlainTexts = ()
    cues: PlainTexts = ()
    cautions: Annotated[tuple[PlainCaution, ...], Meta(max_length=50)] = ()


class PlainRoutineStep(
    RoutineStep, frozen=True, kw_only=True, forbid_unknown_fields=True
):
    """A :class:`RoutineStep` whose text may be blank."""

    exercise: PlainExercise
    note: PlainText | None = None


class PlainRoutine(Routine, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A :class:`Routine` whose text may be blank."""

    name: PlainName
    steps: Annotated[tuple[PlainRoutineStep, ...], Meta(min_length=1, max_length=1_000)]
    notes: PlainTexts = ()
    safety: PlainTexts = ()


def loads_plain(data: bytes | str) -> PlainRoutine:
    """A routine read from JSON without the non-blank rule."""
    return msgspec.json.decode(data, type=PlainRoutine)
