"""backroutine's Routine as pydantic v2 models, for the benchmark.

The models hold the same fields as backroutine's, under the same names and
in the same order, and read and write the same JSON, the ``"kind"`` and
``"version"`` envelope included: :func:`loads` reads the exact bytes
``backroutine.dumps`` writes.  Every model is frozen, strict (no coercion)
and refuses unknown fields; ``Field`` constraints give the same ranges,
lengths and counts as backroutine's rules (see ``models_msgspec`` for the
few rules neither model states).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

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
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Name = Annotated[str, Field(min_length=1, max_length=120, pattern=_NON_BLANK)]
Text = Annotated[str, Field(min_length=1, max_length=1_000, pattern=_NON_BLANK)]
Slug = Annotated[str, Field(max_length=64, pattern=_SLUG)]
Texts = Annotated[tuple[Text, ...], Field(max_length=50)]
SetCount = Annotated[int, Field(ge=1, le=10)]
RepCount = Annotated[int, Field(ge=1, le=100)]
HoldSeconds = Annotated[int, Field(ge=1, le=600)]
RestSeconds = Annotated[int, Field(ge=0, le=600)]


class _Strict(BaseModel):
    """The configuration every model below shares."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class SetsSpan(_Strict):
    """A ``Span`` of sets: 1 to 10."""

    low: SetCount
    high: SetCount


class RepsSpan(_Strict):
    """A ``Span`` of reps: 1 to 100."""

    low: RepCount
    high: RepCount


class HoldSpan(_Strict):
    """A ``Span`` of hold seconds: 1 to 600."""

    low: HoldSeconds
    high: HoldSeconds


class Dosage(_Strict):
    """The guidance an exercise comes with, as ranges."""

    sets: SetsSpan
    reps: RepsSpan
    hold_seconds: HoldSpan | None = None
    laterality: Laterality = Laterality.BILATERAL
    rest_seconds: RestSeconds = 0


class Hold(_Strict):
    """One static hold."""

    seconds: HoldSeconds


class ExerciseSet(_Strict):
    """One concrete set in a routine."""

    reps: RepCount
    hold: Hold | None = None
    laterality: Laterality = Laterality.BILATERAL
    rest_after_seconds: RestSeconds = 0


class Caution(_Strict):
    """When to take care with an exercise, and what to do."""

    about: Name
    advice: Text
    conditions: Annotated[tuple[Condition, ...], Field(max_length=7)] = ()


class Exercise(_Strict):
    """One exercise."""

    id: Slug
    name: Name
    summary: Text
    instructions: Annotated[tuple[Text, ...], Field(min_length=1, max_length=50)]
    position: Position
    targets: Annotated[tuple[BodyArea, ...], Field(min_length=1, max_length=9)]
    bias: Bias
    times: Annotated[tuple[TimeOfDay, ...], Field(max_length=4)]
    occasions: Annotated[tuple[Occasion, ...], Field(max_length=2)] = ()
    dosage: Dosage
    benefits: Texts = ()
    cues: Texts = ()
    cautions: Annotated[tuple[Caution, ...], Field(max_length=50)] = ()
    equipment: Annotated[tuple[Equipment, ...], Field(max_length=5)] = ()
    difficulty: Difficulty = Difficulty.BEGINNER


class RoutineStep(_Strict):
    """One exercise in a routine, with the sets to do."""

    exercise: Exercise
    sets: Annotated[tuple[ExerciseSet, ...], Field(min_length=1, max_length=10)]
    note: Text | None = None


class Routine(_Strict):
    """A routine document, envelope included."""

    kind: Literal["routine"]
    version: Literal[1]
    name: Name
    time_of_day: TimeOfDay | None = None
    targets: Annotated[tuple[BodyArea, ...], Field(max_length=9)] = ()
    steps: Annotated[tuple[RoutineStep, ...], Field(min_length=1, max_length=1_000)]
    notes: Texts = ()
    safety: Texts = ()


def dumps(routine: Routine) -> str:
    """*routine* as JSON, as the benchmark times it."""
    return routine.model_dump_json()


def loads(data: bytes | str) -> Routine:
    """A routine read from JSON, as the benchmark times it."""
    return Routine.model_validate_json(data)
